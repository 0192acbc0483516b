"""The JSON API (django-ninja). Reads go through `accord.store.queries`, writes through
`accord.actions`, exactly as the web pages do."""
