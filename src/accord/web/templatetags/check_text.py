"""Template tags of the checker page: verdicts, statuses and changes in words, and marks."""

from collections.abc import Iterable

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from accord.core.checker import Alteration, Mark, MarkKind, SourceStatus, Verdict

register = template.Library()

_TAGS = {
    MarkKind.SAME: "span",
    MarkKind.INSERTED: "ins",
    MarkKind.DELETED: "del",
    MarkKind.UNQUOTED: "span",
}


def _spoken() -> dict[MarkKind, str]:
    return {
        MarkKind.SAME: "",
        MarkKind.INSERTED: _("added: "),
        MarkKind.DELETED: _("left out: "),
        MarkKind.UNQUOTED: _("not quoted: "),
    }


@register.simple_tag
def marks(runs: Iterable[Mark]) -> SafeString:
    """Runs of text with additions as <ins>, omissions as <del>, unquoted parts set apart."""
    spoken, direction = _spoken(), "rtl" if get_language_bidi() else "ltr"
    return format_html_join(
        "",
        '<{0} class="{1}"><span class="visually-hidden" dir="{2}">{3}</span>{4}</{0}>',
        ((_TAGS[m.kind], m.kind.value, direction, spoken[m.kind], m.text) for m in runs),
    )


@register.filter
def verdict_words(verdict: Verdict) -> str:
    return {
        Verdict.AGREED_VERBATIM: _("Agreed language, verbatim"),
        Verdict.AGREED_ALTERED: _("Agreed language, altered"),
        Verdict.NATIONAL_VIEW: _("A national view, not agreed"),
        Verdict.NOT_FOUND: _("Found in no agreed source"),
    }[verdict]


@register.filter
def status_words(status: SourceStatus) -> str:
    return {
        SourceStatus.CONSENSUS: _("adopted by consensus"),
        SourceStatus.VOTE: _("adopted by a vote"),
        SourceStatus.CHAIRS_SUMMARY: _("Chair's summary, under the Chair's own responsibility"),
        SourceStatus.NATIONAL_VIEW: _("national view"),
        SourceStatus.PROPOSAL: _("proposal not taken up"),
    }[status]


@register.filter
def alteration_words(alteration: Alteration) -> str:
    return {
        Alteration.QUALIFIER_DROPPED: _("a qualifier was dropped"),
        Alteration.MODAL_STRENGTHENED: _("the obligation was strengthened"),
        Alteration.MODAL_WEAKENED: _("the obligation was weakened"),
        Alteration.NEGATION_CHANGED: _("a negation was added or removed"),
        Alteration.SCOPE_CHANGED: _("the scope was changed"),
        Alteration.SCOPE_WIDENED: _("the scope was widened"),
        Alteration.SCOPE_NARROWED: _("the scope was narrowed"),
        Alteration.WORDING_CHANGED: _("the wording was changed"),
    }[alteration]


# Each language named in itself, as the language switcher names them.
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ru": "Русский",
    "ar": "العربية",
    "zh": "中文",
}


@register.filter
def language_name(code: str) -> str:
    """The checker's language ``code`` named in that language."""
    return LANGUAGE_NAMES[code]


@register.filter
def text_direction(code: str) -> str:
    return "rtl" if code == "ar" else "ltr"
