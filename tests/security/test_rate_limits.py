"""Rate limits that hold: the address comes from forwarded headers only when a trusted
proxy sent them; a token counts apart from its owner's other tokens and from the address it
calls from; counts are shared between instances; costly work has a limit of its own.

Each used to be walked around: a new X-Forwarded-For on each request answered 130 of 130;
token holders were counted by address at the anonymous rate; counts were per process."""

import logging

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from accord import settings as production
from accord.actions.tokens import create_api_token
from accord.security.addresses import TrustedProxies, resolve

PROCESSES = "/api/v1/processes"
EXPORT = "/api/v1/processes/wg/documents/report/versions/1/export"
PROXY = "10.0.0.5"


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()
    yield
    cache.clear()


def _statuses(client, count, path=PROCESSES, **headers):
    return [client.get(path, **headers).status_code for _ in range(count)]


def test_a_made_up_forwarded_address_does_not_reset_the_limit(client, negotiation, settings):
    settings.ACCORD_API_RATE_ANONYMOUS = "2/min"
    answers = [
        client.get(PROCESSES, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(130)
    ]
    assert answers[:2] == [200, 200]
    assert set(answers[2:]) == {429}


def test_behind_a_trusted_proxy_each_client_has_its_own_budget(client, negotiation, settings):
    settings.ACCORD_API_RATE_ANONYMOUS = "2/min"
    settings.ACCORD_TRUSTED_PROXIES = [PROXY]
    first = _statuses(client, 3, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = _statuses(client, 1, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert (first, second) == ([200, 200, 429], [200])


def test_an_address_a_client_puts_before_the_proxys_own_is_not_believed(
    client, negotiation, settings
):
    settings.ACCORD_API_RATE_ANONYMOUS = "2/min"
    settings.ACCORD_TRUSTED_PROXIES = [PROXY]
    # The proxy appends the address it saw; what the client sent stands before it.
    answers = [
        client.get(
            PROCESSES, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.9"
        ).status_code
        for n in range(3)
    ]
    assert answers == [200, 200, 429]


@pytest.mark.parametrize(
    ("peer", "forwarded", "client_address"),
    [
        ("198.51.100.7", "192.0.2.1", "198.51.100.7"),  # not a proxy: the header is ignored
        (PROXY, "192.0.2.1", "192.0.2.1"),
        (PROXY, "192.0.2.1, 10.0.0.6", "192.0.2.1"),  # through two trusted proxies
        (PROXY, "192.0.2.66, 192.0.2.1", "192.0.2.1"),  # the nearest untrusted hop
        (PROXY, "not-an-address", PROXY),
        (PROXY, "", PROXY),
        (PROXY, "10.0.0.6", "10.0.0.6"),  # every hop a proxy: the farthest
    ],
)
def test_the_client_address_is_the_nearest_hop_no_trusted_proxy_vouches_for(
    peer, forwarded, client_address
):
    assert resolve(peer, forwarded, [PROXY, "10.0.0.6/32"]) == client_address


def test_forwarded_headers_from_an_untrusted_peer_are_dropped_and_logged(
    client, negotiation, caplog
):
    TrustedProxies.warned = False
    with caplog.at_level(logging.WARNING, logger="accord.security.addresses"):
        response = client.get(
            PROCESSES, HTTP_X_FORWARDED_FOR="192.0.2.1", HTTP_X_FORWARDED_PROTO="https"
        )
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response, "the request was not taken for HTTPS"
    assert caplog.messages == [
        "Forwarded headers arrived from 127.0.0.1, which is not in ACCORD_TRUSTED_PROXIES; they"
        " were ignored. Behind a proxy, set ACCORD_TRUSTED_PROXIES to its address."
    ]


def test_a_tokens_flood_stops_neither_others_behind_its_address_nor_other_tokens(
    client, negotiation, settings
):
    settings.ACCORD_API_RATE_ANONYMOUS = "2/min"
    settings.ACCORD_API_RATE_USER = "3/min"
    _, flooding = create_api_token(by=negotiation.brazil, name="flooding")
    _, other = create_api_token(by=negotiation.germany, name="other")
    assert _statuses(client, 4, HTTP_AUTHORIZATION=f"Bearer {flooding}") == [200, 200, 200, 429]
    assert _statuses(client, 1, HTTP_AUTHORIZATION=f"Bearer {other}") == [200]
    assert _statuses(client, 1) == [200], "the address's anonymous budget is untouched"


def test_a_token_on_a_read_counts_at_the_users_rate(client, negotiation, settings):
    settings.ACCORD_API_RATE_ANONYMOUS = "2/min"
    settings.ACCORD_API_RATE_USER = "5/min"
    _, secret = create_api_token(by=negotiation.brazil, name="reader", read_only=True)
    assert _statuses(client, 6, HTTP_AUTHORIZATION=f"Bearer {secret}") == [200] * 5 + [429]


def test_costly_work_has_a_limit_of_its_own(client, negotiation, settings):
    settings.ACCORD_API_RATE_COSTLY = "2/min"
    query = {"view": "clean", "format": "json"}
    exports = [client.get(EXPORT, query).status_code for _ in range(3)]
    assert exports == [200, 200, 429]
    assert _statuses(client, 3) == [200, 200, 200], "cheap reads go on"


def test_instances_share_the_counts_in_the_database(client, negotiation, settings):
    database_cache = {
        "BACKEND": "accord.store.cache.DatabaseCache",
        "LOCATION": "accord_cache",
        "OPTIONS": {"MAX_ENTRIES": 200_000},
    }
    assert {"default": database_cache} == production.CACHES
    settings.CACHES = {"default": database_cache}
    call_command("createcachetable", verbosity=0)
    settings.ACCORD_API_RATE_ANONYMOUS = "2/min"
    assert _statuses(client, 2) == [200, 200]
    # Another instance: a cache of its own, reading the same table.
    settings.CACHES = {"default": database_cache | {"OPTIONS": {"MAX_ENTRIES": 10_000}}}
    assert _statuses(client, 1) == [429]
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM accord_cache")
        assert cursor.fetchone() == (1,)
