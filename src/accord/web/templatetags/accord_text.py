"""Template tags that set negotiation text: redline marks as <ins>/<del>."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from accord.core.amendments import Amendment, MarkKind, redline_marks
from accord.core.proposals import ProposalStatus
from accord.core.provisions import ProvisionKind

register = template.Library()

_TAGS = {MarkKind.SAME: "span", MarkKind.INSERTED: "ins", MarkKind.DELETED: "del"}


def _spoken() -> dict[MarkKind, str]:
    """Words a screen reader says before a change, since underline and strike are silent."""
    return {MarkKind.SAME: "", MarkKind.INSERTED: _("inserted: "), MarkKind.DELETED: _("deleted: ")}


@register.simple_tag
def redline(old: str, amendment: Amendment) -> SafeString:
    """``old`` with ``amendment`` marked: insertions underlined, deletions struck through."""
    spoken = _spoken()
    return format_html_join(
        "",
        '<{0}><span class="visually-hidden">{1}</span>{2}</{0}>',
        ((_TAGS[m.kind], spoken[m.kind], m.text) for m in redline_marks(old, amendment)),
    )


@register.filter
def proposal_status(status: ProposalStatus) -> str:
    """A proposal's status in words, so it reads the same in colour, in print and aloud."""
    return {ProposalStatus.OPEN: _("open"), ProposalStatus.WITHDRAWN: _("withdrawn")}[status]


@register.filter
def provision_kind(kind: ProvisionKind) -> str:
    return {
        ProvisionKind.SECTION: _("section"),
        ProvisionKind.PARAGRAPH: _("paragraph"),
        ProvisionKind.SUBPARAGRAPH: _("sub-paragraph"),
    }[kind]
