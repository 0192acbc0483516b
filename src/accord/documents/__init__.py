"""Documents in and out: Word, PDF, Akoma Ntoso, HTML, Markdown and JSON.

Pure Python over `accord.core` values: every function here takes and returns core values and
bytes, and never touches Django, the store or the actions.
"""
