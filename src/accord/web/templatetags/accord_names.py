"""Delegations and groups named in the reader's language, isolated from the text around them.

``{{ explanation.delegation|name_of }}`` (a delegation or group),
``{{ proponent.delegation|name_of }}`` (a code): the UN's short name in the language of the
page, inside ``<bdi>`` so that a Latin name reads right in an Arabic sentence and an Arabic
one in a Latin sentence."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from accord.store.reference import local_name

register = template.Library()


@register.filter
def name_of(named: object) -> SafeString | str:
    """The name of a delegation or group (a model with a code and a name, or a code)."""
    if named is None or named == "":
        return ""
    if isinstance(named, str):
        return format_html("<bdi>{}</bdi>", local_name(named))
    code, stored = getattr(named, "code", ""), getattr(named, "name", "")
    return format_html("<bdi>{}</bdi>", local_name(code, default=stored))
