"""Cutting a passage into sentences, as word ranges of its `Words`."""

import re

from accord.core.checker.words import Words

_SENTENCE_END = re.compile(r"[.!?]['\u2019\"\u201d)\]]*\s|[\u3002\uff01\uff1f\u061f]")
_LIST_BREAK = re.compile(r"[;:]\s*\n|\n\s*[(\[]")
# "(a)", "(iv)", "a)", "12.", "3(b)" at the head of a list item or paragraph.
_MARKER = re.compile(
    r"[(\[]?(?:\d+|[a-z]|[ivxlc]+)[)\]]|\d+[a-z]?\.|[(\[](?:\d+|[a-z]|[ivxlc]+)\.?"
)
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "art",
        "arts",
        "para",
        "paras",
        "no",
        "nos",
        "vol",
        "p",
        "pp",
        "cf",
        "e",
        "g",
        "i",
        "viz",
        "op",
        "cit",
        "ibid",
    ]
)


def sentences(words: Words) -> list[tuple[int, int]]:
    """Word ranges of the sentences of ``words``, list markers ("(a)", "12.") left out.

    A blank line ends a sentence, and so does a line break after ";" or ":" or before a list
    marker: each item of a list is checked on its own.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(len(words) - 1):
        if _ends_sentence(words, i):
            out.append(_unmarked(words, start, i + 1))
            start = i + 1
    if start < len(words):
        out.append(_unmarked(words, start, len(words)))
    return [s for s in out if s[0] < s[1]]


def _unmarked(words: Words, start: int, end: int) -> tuple[int, int]:
    if start < end - 1 and _MARKER.fullmatch(_around(words, start)):
        start += 1
    return start, end


def _around(words: Words, i: int) -> str:
    """Word ``i`` with the punctuation that touches it on either side."""
    lo, hi = words.spans[i]
    while lo > 0 and words.text[lo - 1] in "([":
        lo -= 1
    while hi < len(words.text) and words.text[hi] in ".)]":
        hi += 1
    return words.text[lo:hi]


def _ends_sentence(words: Words, i: int) -> bool:
    gap = words.text[words.spans[i][1] : words.spans[i + 1][0]] + " "
    if gap.count("\n") >= 2 or _LIST_BREAK.search(gap):
        return True
    if "\n" in gap and _MARKER.fullmatch(_around(words, i + 1)):
        return True
    if not _SENTENCE_END.search(gap):
        return False
    following = words.text[words.spans[i + 1][0]]
    # Chinese and Arabic letters have no case: after a full stop, any letter starts a sentence.
    uncased = following.isalpha() and not following.islower()
    starts = uncased or bool(_MARKER.fullmatch(_around(words, i + 1)))
    return starts and words.norm[i] not in _ABBREVIATIONS
