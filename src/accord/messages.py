"""What each refusal of the core says to a person, in their language.

The core raises typed refusals carrying data; the web pages, the API and the CLI all explain
them through `explain`, so a refusal reads the same everywhere.
"""

from django.utils.translation import gettext as _

from accord.core.errors import Refusal
from accord.core.participants import Reason


def _reasons() -> dict[str, str]:
    return {
        Reason.NOT_A_DELEGATE: _("Only delegates of a delegation may do this."),
        Reason.NOT_A_MEMBER: _(
            "Only delegations of member states may make proposals; observers and "
            "stakeholders may submit statements instead."
        ),
        Reason.OTHER_DELEGATION: _("You may act only for the delegation you are accredited to."),
        Reason.NO_GROUP_MANDATE: _("Your delegation holds no mandate to speak for this group."),
        Reason.NOT_SECRETARIAT: _("Only the Secretariat may do this."),
        Reason.NOT_A_DRAFTER: _("Only the Chair or the Secretariat may publish a draft."),
    }


def _messages() -> dict[str, str]:
    return {
        "unknown-provision": _("This version has no provision %(uid)s."),
        "version-not-current": _(
            "%(version)s is no longer the current version; propose on %(current)s instead."
        ),
        "empty-text": _("The proposed wording is empty."),
        "text-too-long": _(
            "The text is %(length)d characters long; the limit is %(limit)d characters."
        ),
        "unchanged-text": _("The proposed wording is the same as the current text."),
        "not-amendable": _("Section headings cannot be amended; propose on a paragraph."),
        "malformed-draft": _("Line %(line)d: %(problem)s."),
        "amendment-does-not-apply": _(
            "The amendment expected “%(expected)s” but the text has “%(found)s”."
        ),
        "invalid-corpus": _(
            "The corpus file has %(count)d invalid lines, the first on line %(first)d; "
            "nothing from it was stored."
        ),
        "empty-corpus": _("The corpus file holds no provision; nothing was stored."),
        "corpus-too-large": _(
            "The corpus file is %(size)d bytes long; the limit is %(limit)d bytes."
        ),
        "corpus-already-imported": _("This corpus file is already in the corpus."),
        "empty-passage": _("The passage to check has no words."),
        "passage-too-long": _(
            "The passage is %(length)d characters long; the limit is %(limit)d characters."
        ),
        "refused": _("This action is not allowed."),
    }


def _draft_problems() -> dict[str, str]:
    return {
        "no-paragraphs": _("the draft has no numbered paragraphs"),
        "text-outside-paragraph": _("text that belongs to no numbered paragraph"),
        "subparagraph-without-paragraph": _("a sub-paragraph before any paragraph"),
        "duplicate-number": _("a paragraph number used twice"),
    }


def explain(refusal: Refusal) -> str:
    """One sentence saying why ``refusal`` happened."""
    params = refusal.params()
    if refusal.code == "not-permitted":
        return _reasons()[str(params["reason"])]
    if refusal.code == "malformed-draft":
        params = {**params, "problem": _draft_problems()[str(params["problem"])]}
    return _messages().get(refusal.code, _messages()["refused"]) % params


def _corpus_line_reasons() -> dict[str, str]:
    return {
        "not-utf8": _("the file is not UTF-8 text from here on"),
        "not-json": _("not valid JSON (%(detail)s)"),
        "not-an-object": _("not a JSON object"),
        "missing-field": _("the field “%(detail)s” is missing"),
        "unknown-field": _("the field “%(detail)s” is not part of the format"),
        "not-text": _("the field “%(detail)s” must be a string"),
        "empty-field": _("the field “%(detail)s” is empty"),
        "bad-status": _(
            "the status “%(detail)s” is not one of consensus, vote, chairs-summary, "
            "national-view or proposal"
        ),
        "holder-required": _("a %(detail)s needs a holder (the delegation whose it is)"),
        "holder-not-allowed": _("a %(detail)s has no holder; give null"),
        "bad-date": _("the date “%(detail)s” is not a date like 2021-03-12"),
        "too-long": _("the field “%(detail)s” is too long"),
    }


def explain_corpus_line(line: int, reason: str, detail: str) -> str:
    """One sentence saying why line ``line`` of a corpus file was refused."""
    said = _corpus_line_reasons()[reason] % {"detail": detail}
    return _("Line %(line)d: %(reason)s.") % {"line": line, "reason": said}
