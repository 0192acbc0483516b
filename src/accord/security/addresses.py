"""The client's address, believed from forwarded headers only when a trusted proxy sent them.

A proxy in front of accord says who its client was in ``X-Forwarded-For`` (and whether the
client used HTTPS in ``X-Forwarded-Proto``). Anybody can send those headers, so they count
only when the connection comes from an address in ``ACCORD_TRUSTED_PROXIES``; otherwise they
are dropped before anything reads them, and a new made-up address on each request no longer
resets a per-address limit.
"""

import ipaddress
import logging
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse

log = logging.getLogger(__name__)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


@lru_cache(maxsize=8)
def trusted_networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    """The networks named by the setting; a bad entry raises ValueError (the deployment
    checks report it before accord starts serving)."""
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address: str, networks: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def resolve(peer: str, forwarded_for: str, proxies: Iterable[str]) -> str:
    """The client's address: the connection's own, unless it is a trusted proxy; then the
    nearest address in ``forwarded_for`` (read from the right) that is not a trusted proxy.
    An entry that is no address at all stops the walk at the last proxy that was trusted."""
    networks = trusted_networks(tuple(proxies))
    if not _trusted(peer, networks):
        return peer
    client = peer
    for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return client
        client = hop
        if not _trusted(hop, networks):
            return hop
    return client


def client_address(request: HttpRequest, *args: object) -> str:
    """The address accord counts a request as coming from (django-axes calls this too)."""
    return str(request.META.get("REMOTE_ADDR", ""))


class TrustedProxies:
    """Middleware: puts the client's address in ``REMOTE_ADDR`` and drops forwarded headers
    that no trusted proxy sent, saying so in the log once per process."""

    warned = False

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        peer = str(meta.get("REMOTE_ADDR", ""))
        proxies = settings.ACCORD_TRUSTED_PROXIES
        if _trusted(peer, trusted_networks(tuple(proxies))):
            meta["REMOTE_ADDR"] = resolve(peer, meta.pop("HTTP_X_FORWARDED_FOR", ""), proxies)
        elif any(header in meta for header in FORWARDED):
            for header in FORWARDED:
                meta.pop(header, None)
            if not TrustedProxies.warned:
                TrustedProxies.warned = True
                log.warning(
                    "Forwarded headers arrived from %s, which is not in ACCORD_TRUSTED_PROXIES;"
                    " they were ignored. Behind a proxy, set ACCORD_TRUSTED_PROXIES to its"
                    " address.",
                    peer,
                )
        return self.get_response(request)
