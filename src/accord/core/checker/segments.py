"""Cutting a passage into sentences, as word ranges of its `Words`."""

import re

from accord.core.checker.words import Words

_SENTENCE_END = re.compile(r"[.!?]['\u2019\"\u201d)\]]*\s")
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
    """Word ranges of the sentences of ``words``; a blank line always ends a sentence."""
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(len(words) - 1):
        if _ends_sentence(words, i):
            out.append((start, i + 1))
            start = i + 1
    if start < len(words):
        out.append((start, len(words)))
    return out


def _ends_sentence(words: Words, i: int) -> bool:
    gap = words.text[words.spans[i][1] : words.spans[i + 1][0]] + " "
    if gap.count("\n") >= 2:
        return True
    if not _SENTENCE_END.search(gap):
        return False
    following = words.text[words.spans[i + 1][0]]
    return following.isupper() and words.norm[i] not in _ABBREVIATIONS
