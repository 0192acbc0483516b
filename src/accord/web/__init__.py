"""Server-rendered pages. Views are thin: they read through `accord.store.queries`, write
through `accord.actions`, and leave the words to templates."""
