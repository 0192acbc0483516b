"""Session fixation held when accord was probed: a session key an attacker planted in the
victim's browser is worth nothing after the victim signs in, because signing in starts a new
session. Concurrent writes held too; their test lives with the event log
(tests/store/test_concurrent_appends.py: two appends at once both land, chained)."""

from importlib import import_module

from django.conf import settings


def test_signing_in_replaces_a_planted_session_key(client, negotiation):
    store = import_module(settings.SESSION_ENGINE).SessionStore
    planted = store()
    planted["planted"] = True
    planted.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key
    signed_in = client.post("/login/", {"username": "bra", "password": "pw", "next": "/p/wg/"})
    assert signed_in["Location"] == "/p/wg/"
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert key != planted.session_key
    assert not store().exists(planted.session_key)
    # The planted key opens nothing: a browser holding it is not signed in.
    client.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key
    assert client.get("/account/")["Location"].startswith("/login/")
