"""The rules of a consensus negotiation as pure values and functions.

Nothing in this package imports Django, a database driver or any other layer of accord, so
the web app, the API, the CLI and researchers' scripts all share one tested set of rules.
"""
