"""What stands between a request and accord: which address it comes from, how long a session
lasts, whether a second factor confirmed it, and whether the instance is set up safely.

Django app; the pages for signing in live in `accord.web`, the API's limits in `accord.api`.
"""
