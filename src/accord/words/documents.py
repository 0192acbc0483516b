"""The words of exported documents in the reader's language (see `accord.documents.words`)."""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accord.core.language_versions import LANGUAGES
from accord.core.redline_render import RedlineWords
from accord.documents.words import Words


def translated_words() -> Words:
    return Words(
        united_nations=_("United Nations"),
        organ=_("General Assembly"),
        distribution=_("Distr.: General"),
        # Translators: the document's furniture: "Original: English", the language it was
        # negotiated in.
        original=_("Original: %(language)s"),
        # Translators: the name of the language, after "Original:" on a document.
        language=pgettext("language of the original", "English"),
        on_behalf=_("%(delegation)s, on behalf of %(group)s"),
        cosponsored=_("Co-sponsored by %(names)s"),
        compilation=_("Compilation of proposals"),
        redline=_("Changes from %(old)s to %(new)s"),
        justification=_("Justification: %(text)s"),
        carried=_("Made on %(version)s, on paragraph %(label)s; still open."),
        inserted=pgettext("change marked in a document", "inserted"),
        deleted=pgettext("change marked in a document", "deleted"),
        no_proposals=_("No proposals."),
        footnotes=pgettext("heading of the footnotes", "Notes"),
        bracketed=_("Bracketed text"),
        option=pgettext("one of alternative wordings in brackets", "Option"),
        agenda_item=_("Agenda item %(item)s"),
        draft_resolution=_("%(sponsors)s: draft resolution"),
        last_of_list=_("%(list)s and %(last)s"),
        months=_months(),
    )


DJANGO_LANGUAGE = {code: "zh-hans" if code == "zh" else code for code in LANGUAGES}
"""The interface's name of each official language (Django says ``zh-hans`` for Chinese)."""


def words_in(language: str) -> Words:
    """The words of a document in ``language`` (one of the official languages), whatever
    the reader's: a language version's front page speaks its own language."""
    with translation.override(DJANGO_LANGUAGE[language]):
        return translated_words()


def _months() -> tuple[str, ...]:
    """The months' names, as a date on a document reads ("12 May 2026")."""
    return (
        pgettext("month", "January"), pgettext("month", "February"), pgettext("month", "March"),
        pgettext("month", "April"), pgettext("month", "May"), pgettext("month", "June"),
        pgettext("month", "July"), pgettext("month", "August"), pgettext("month", "September"),
        pgettext("month", "October"), pgettext("month", "November"),
        pgettext("month", "December"),
    )  # fmt: skip


def redline_words() -> RedlineWords:
    """What a redline says beyond its words, in the reader's language."""
    return RedlineWords(
        # Translators: precedes the words inserted in a redline; keep the space at the end.
        inserted=pgettext("redline", "inserted: "),
        # Translators: precedes the words deleted in a redline; keep the space at the end.
        deleted=pgettext("redline", "deleted: "),
        moved=pgettext("redline: a paragraph was moved", "moved"),
        renumbered=pgettext("redline: the paragraph's former number", "formerly %(old)s"),
        retitled=pgettext("redline: the section's former title", "formerly %(old)s"),
        split=pgettext("redline", "split from %(old)s"),
        merged=pgettext("redline", "merged from %(old)s"),
        new=pgettext("redline: a paragraph was added", "new"),
        removed=pgettext("redline", "deleted %(old)s"),
    )
