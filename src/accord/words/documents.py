"""The words of exported documents in the reader's language (see `accord.documents.words`)."""

from django.utils.translation import gettext as _

from accord.core.redline_render import RedlineWords
from accord.documents.words import Words


def translated_words() -> Words:
    return Words(
        united_nations=_("United Nations"),
        organ=_("General Assembly"),
        distribution=_("Distr.: General"),
        original=_("Original: %(language)s"),
        language=_("English"),
        on_behalf=_("%(delegation)s, on behalf of %(group)s"),
        cosponsored=_("Co-sponsored by %(names)s"),
        compilation=_("Compilation of proposals"),
        redline=_("Changes from %(old)s to %(new)s"),
        justification=_("Justification: %(text)s"),
        carried=_("Made on %(version)s, on paragraph %(label)s; still open."),
        inserted=_("inserted"),
        deleted=_("deleted"),
        no_proposals=_("No proposals."),
        footnotes=_("Notes"),
        bracketed=_("Bracketed text"),
        option=_("Option"),
        agenda_item=_("Agenda item %(item)s"),
        draft_resolution=_("%(sponsors)s: draft resolution"),
        last_of_list=_("%(list)s and %(last)s"),
        months=_months(),
    )


def _months() -> tuple[str, ...]:
    return (
        _("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
        _("July"), _("August"), _("September"), _("October"), _("November"), _("December"),
    )  # fmt: skip


def redline_words() -> RedlineWords:
    """What a redline says beyond its words, in the reader's language."""
    return RedlineWords(
        inserted=_("inserted: "),
        deleted=_("deleted: "),
        moved=_("moved"),
        renumbered=_("formerly %(old)s"),
        retitled=_("formerly %(old)s"),
        split=_("split from %(old)s"),
        merged=_("merged from %(old)s"),
        new=_("new"),
        removed=_("deleted %(old)s"),
    )
