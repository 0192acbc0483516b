"""How a passage is cited: the one place that says what a quoted text is.

A citation names its source (a document symbol, or who holds a view), where in it (a
paragraph), when, and its standing — adopted by consensus, by silence procedure or by a
recorded vote, a national view, the Chair's summary or a stakeholder's input — so a national
view is never quoted as agreed text.
The words come from the caller (translated), the order and the punctuation from here.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Standing(StrEnum):
    CONSENSUS = "consensus"
    SILENCE = "silence"
    VOTE = "vote"
    NATIONAL_VIEW = "national-view"
    CHAIRS_SUMMARY = "chairs-summary"
    STAKEHOLDER_INPUT = "stakeholder-input"


# The English words; pages pass their translations.
WORDS: Mapping[str, str] = {
    Standing.CONSENSUS: "adopted by consensus",
    Standing.SILENCE: "adopted by silence procedure",
    Standing.VOTE: "adopted by a recorded vote",
    Standing.NATIONAL_VIEW: "national view",
    Standing.CHAIRS_SUMMARY: "Chair's summary, not negotiated",
    Standing.STAKEHOLDER_INPUT: "stakeholder input, not negotiated",
    "para": "para {label}",
}


@dataclass(frozen=True, slots=True)
class Citation:
    """``source`` is a symbol ("A/AC.292/2026/CRP.1") or a holder's document ("Statement by
    Brazil"); ``paragraph`` a number label; ``date`` already written out ("12 March 2026")."""

    standing: Standing
    source: str
    paragraph: str = ""
    date: str = ""


def cite(citation: Citation, words: Mapping[str, str] = WORDS) -> str:
    """The citation form, e.g. "A/AC.292/2026/CRP.1, para 13 (adopted by consensus)" or
    "Statement by Brazil, 12 March 2026 (national view)"."""
    parts = [citation.source]
    if citation.paragraph:
        parts.append(words["para"].format(label=citation.paragraph))
    if citation.date:
        parts.append(citation.date)
    return f"{', '.join(parts)} ({words[citation.standing]})"
