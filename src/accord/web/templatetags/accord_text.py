"""Template tags that set negotiation text: redline marks as <ins>/<del>."""

from html import escape

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi, pgettext
from django.utils.translation import gettext as _

from accord.core.amendments import Amendment, Mark, MarkKind, redline_marks
from accord.core.cosponsorship import InvitationStatus
from accord.core.fates import Fate, FateKind
from accord.core.proposals import Proposal, ProposalStatus, TargetChange, proposal_kind
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.core.redline import RedlineEntry
from accord.core.resolution import opening_split

register = template.Library()

_TAGS = {MarkKind.SAME: "span", MarkKind.INSERTED: "ins", MarkKind.DELETED: "del"}


def _spoken() -> dict[MarkKind, str]:
    """Words a screen reader says before a change, since underline and strike are silent."""
    return {MarkKind.SAME: "", MarkKind.INSERTED: _("inserted: "), MarkKind.DELETED: _("deleted: ")}


@register.simple_tag
def redline(old: str, amendment: Amendment) -> SafeString:
    """``old`` with ``amendment`` marked: insertions underlined, deletions struck through."""
    return marks(redline_marks(old, amendment))


@register.simple_tag
def marks(runs: tuple[Mark, ...]) -> SafeString:
    """Runs of kept, inserted and deleted text, as <span>, <ins> and <del>.

    Escaped with the standard library and joined once: a full compilation sets thousands of
    runs, and Django's `format_html` per run took half of its time."""
    spoken, direction = _spoken(), "rtl" if get_language_bidi() else "ltr"
    # The spoken words carry the page's direction, so that a paragraph's own direction
    # (dir="auto") is told from its text, not from them.
    opening = {
        kind: f'<{tag}><span class="visually-hidden" dir="{direction}">'
        f"{escape(spoken[kind])}</span>"
        for kind, tag in _TAGS.items()
    }
    return mark_safe(  # noqa: S308 (every piece of text is escaped above or here)
        "".join(f"{opening[m.kind]}{escape(m.text)}</{_TAGS[m.kind]}>" for m in runs)
    )


@register.filter
def proposal_status(status: ProposalStatus) -> str:
    """A proposal's status in words, so it reads the same in colour, in print and aloud."""
    return {
        ProposalStatus.OPEN: pgettext("status of a proposal", "open"),
        ProposalStatus.REFLECTED: pgettext("status of a proposal", "reflected"),
        ProposalStatus.PARTLY_REFLECTED: pgettext("status of a proposal", "partly reflected"),
        ProposalStatus.MERGED: pgettext("status of a proposal", "merged with other proposals"),
        ProposalStatus.NOT_TAKEN_UP: pgettext("status of a proposal", "not taken up"),
        ProposalStatus.WITHDRAWN: pgettext("status of a proposal", "withdrawn"),
    }[ProposalStatus(status)]


@register.filter
def target_change(change: TargetChange) -> str:
    """How the paragraph a carried proposal amends changed since it was made, in words."""
    return {
        TargetChange.WORDS: _(
            "The words it changes were revised since: its wording is compared with today's text."
        ),
        TargetChange.SPLIT: _("The paragraph it amends was split since."),
        TargetChange.MERGED: _("The paragraph it amends was merged with another since."),
    }[change]


@register.filter
def provision_kind(kind: ProvisionKind) -> str:
    return {
        ProvisionKind.SECTION: _("section"),
        ProvisionKind.PARAGRAPH: _("paragraph"),
        ProvisionKind.SUBPARAGRAPH: _("sub-paragraph"),
        ProvisionKind.PREAMBULAR: _("preambular paragraph"),
    }[kind]


@register.filter
def provision_words(provision: Provision) -> str:
    """The text of ``provision``, escaped, with a resolution's opening words in italics."""
    lead, rest = opening_split(provision)
    if not lead:
        return conditional_escape(provision.text)
    return format_html("<em>{}</em>{}", lead, rest)


@register.filter
def numbers(entry: RedlineEntry) -> str:
    """The numbers a redline entry goes by: its new ones, or the old ones of a deletion."""
    link = entry.link
    return ", ".join(link.new_labels or link.old_labels)


def _fate_words() -> dict[FateKind, str]:
    return {
        FateKind.REFLECTED: pgettext("fate of a proposal", "reflected"),
        FateKind.PARTLY_REFLECTED: pgettext("fate of a proposal", "partly reflected"),
        FateKind.MERGED: pgettext("fate of a proposal", "merged with other proposals"),
        FateKind.NOT_TAKEN_UP: pgettext("fate of a proposal", "not taken up"),
        FateKind.WITHDRAWN: pgettext("fate of a proposal", "withdrawn"),
        FateKind.PENDING: pgettext("fate of a proposal", "pending"),
    }


def _fate_words_where() -> dict[FateKind, str]:
    """A fate with the paragraphs of the revision it concerns ("where": "12, 13")."""
    return {
        FateKind.REFLECTED: pgettext("fate of a proposal", "reflected in %(where)s"),
        FateKind.PARTLY_REFLECTED: pgettext("fate of a proposal", "partly reflected in %(where)s"),
        FateKind.MERGED: pgettext("fate of a proposal", "merged with other proposals in %(where)s"),
        FateKind.NOT_TAKEN_UP: pgettext("fate of a proposal", "not taken up (%(where)s)"),
        FateKind.WITHDRAWN: pgettext("fate of a proposal", "withdrawn (%(where)s)"),
        FateKind.PENDING: pgettext("fate of a proposal", "pending (%(where)s)"),
    }


@register.simple_tag
def fate(found: Fate, labels: dict[str, dict[str, str]]) -> str:
    """“Rev.1: reflected in 12, 13” — the fate in words, with the numbers it has there."""
    where = [labels.get(found.revision, {}).get(uid, uid) for uid in found.provisions]
    if where:
        said = _fate_words_where()[found.kind] % {"where": ", ".join(where)}
    else:
        said = _fate_words()[found.kind]
    if not found.recorded:
        # Translators: follows a proposal's fate the Chair did not record, which accord
        # infers from the revision's text.
        said += " " + _("(as the engine reads the revision)")
    return f"{found.revision}: {said}"


@register.filter
def fate_kind_in(kind: FateKind, where: str) -> str:
    """A fate in words with the paragraphs it concerns ("reflected in 12, 13"), if any."""
    return _fate_words_where()[kind] % {"where": where} if where else _fate_words()[kind]


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key)


@register.filter
def stance(value: str) -> str:
    """A position's stance in words."""
    return {
        "support": pgettext("position on a paragraph", "support"),
        "can-accept": pgettext("position on a paragraph", "can accept"),
        "reserve": pgettext("position on a paragraph", "reserve, pending capital"),
        "object": pgettext("position on a paragraph", "object"),
    }[value]


@register.filter
def invitation_status(value: str) -> str:
    """An invitation to co-sponsor's status in words."""
    return {
        InvitationStatus.PENDING: _("awaiting an answer"),
        InvitationStatus.ACCEPTED: _("accepted"),
        InvitationStatus.DECLINED: _("declined"),
        InvitationStatus.ENDED: _("ended with the withdrawal"),
    }[InvitationStatus(value)]


@register.filter
def kind_of(proposal: Proposal) -> str:
    """What a proposal does: wording, alternatives, add, delete or move."""
    return proposal_kind(proposal).value


@register.simple_tag
def label_of(text: Version, uid: str) -> str:
    """The number label provision ``uid`` has in ``text`` (the uid if it has none there)."""
    found = next((p for p in text if p.uid == uid), None)
    return found.label if found else uid
