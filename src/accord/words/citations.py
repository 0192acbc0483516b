"""The words of a citation form and of what a statement is, in the reader's language (the
order and the punctuation come from `accord.core.citations`)."""

from django.utils.translation import gettext as _

from accord.core.citations import Standing


def citation_words() -> dict[str, str]:
    return {
        Standing.CONSENSUS: _("adopted by consensus"),
        Standing.SILENCE: _("adopted by silence procedure"),
        Standing.VOTE: _("adopted by a recorded vote"),
        Standing.NATIONAL_VIEW: _("national view"),
        Standing.CHAIRS_SUMMARY: _("Chair's summary, not negotiated"),
        Standing.STAKEHOLDER_INPUT: _("stakeholder input, not negotiated"),
        "para": _("para {label}"),
    }


def summary_label() -> str:
    """The banner over the Chair's summary."""
    return _("Chair's summary — not negotiated, does not reflect consensus")


def statement_source(holder: str, *, written_input: bool) -> str:
    """A statement as a citation names its source: "Statement by Brazil"."""
    if written_input:
        return _("Written input by %(holder)s") % {"holder": holder}
    return _("Statement by %(holder)s") % {"holder": holder}
