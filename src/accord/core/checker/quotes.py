"""The writer's words and the words a sentence reports: quotations and reported-speech frames.

A quotation is text between quotation marks of any script: curly double and single quotes,
guillemets either way, low-high German quotes, single guillemets, straight double and single
quotes (``_PAIRS`` lists them). A straight single quote opens only after a space or an
opening bracket and closes only before a non-letter, so "States' views" and "don't" are not
quotations. An ellipsis inside a quotation (the ellipsis character or three dots) marks
words the writer left out; the quotation's parts on either side of it are checked on their
own when each is long enough to be found.

A reported-speech frame is the opening of a sentence up to a verb of saying, agreeing or
urging ("the report calls on States to", "States agreed that", "Norm (g) underscores"): what
follows it is what the sentence reports.
"""

import itertools
import re

from accord.core.checker.words import Words

# Opening mark → the closing marks that may end it.
_PAIRS = {
    "\u201c": "\u201d",
    "\u2018": "\u2019",
    "\u00ab": "\u00bb",
    "\u00bb": "\u00ab",  # »…« (German, Danish)
    "\u201e": "\u201c\u201d",  # „…“ and „…”
    "\u201a": "\u2018\u2019",  # low single quote, closed high
    "\u2039": "\u203a",
    '"': '"',
    "'": "'",
}
_ELLIPSIS = re.compile(r"\u2026|\.\s?\.\s?\.|\[\s?(?:\u2026|\.\.\.)\s?\]")
# Fewer words than this between quotation marks are a term ("so-called 'norms'"), not a quote.
MIN_QUOTED = 4
_REPORTING = frozenset(
    [
        "agreed",
        "agree",
        "agrees",
        "affirmed",
        "affirms",
        "reaffirmed",
        "reaffirms",
        "recognized",
        "recognised",
        "recognizes",
        "recognises",
        "concluded",
        "concludes",
        "recommended",
        "recommends",
        "urged",
        "urges",
        "encouraged",
        "encourages",
        "called",
        "calls",
        "stated",
        "says",
        "said",
        "noted",
        "notes",
        "underscored",
        "underscores",
        "highlighted",
        "highlights",
        "stressed",
        "stresses",
        "emphasized",
        "emphasised",
        "emphasizes",
        "emphasises",
        "declared",
        "declares",
        "provides",
        "provided",
        "acknowledged",
        "acknowledges",
        "confirmed",
        "confirms",
        "recalled",
        "recalls",
        "committed",
        "reiterated",
        "reiterates",
        "suggests",
        "suggested",
        "advises",
        "advised",
    ]
)
# Words that may close a frame after its verb: "calls on States to", "agreed that".
_FRAME_TAIL = ("on", "upon", "all", "member", "states", "state", "countries", "that", "to")
_FRAME_LIMIT = 14
_AGREEMENT = frozenset({"agreed", "agree", "agrees", "consensus", "agreement", "unanimously"})


def quoted_spans(words: Words, lo: int, hi: int) -> list[tuple[int, int]]:
    """Word ranges within ``lo:hi`` (not empty) that stand between quotation marks, split at
    ellipses."""
    start, end = words.spans[lo][0], words.spans[hi - 1][1]
    text = words.text
    # The marks just outside the sentence's words belong to it.
    while start > 0 and text[start - 1] in _PAIRS:
        start -= 1
    while end < len(text) and (text[end] in _CLOSERS or text[end] in ".,;:!?"):
        end += 1
    out: list[tuple[int, int]] = []
    at = start
    while at < end:
        mark = text[at]
        if mark in _PAIRS and _opens(text, at):
            close = _closing(text, at, end)
            if close is not None:
                out.extend(_parts(words, at + 1, close))
                at = close + 1
                continue
        at += 1
    return out


_CLOSERS = "".join(set("".join(_PAIRS.values())))


def _opens(text: str, at: int) -> bool:
    if text[at] != "'":
        return True
    return (at == 0 or text[at - 1] in " \t\n([") and at + 1 < len(text) and text[at + 1].isalpha()


def _closing(text: str, at: int, end: int) -> int | None:
    closers = _PAIRS[text[at]]
    for i in range(at + 1, end):
        if text[i] in closers and (
            text[at] != "'" or i + 1 >= len(text) or not text[i + 1].isalpha()
        ):
            return i
    return None


def _parts(words: Words, start: int, stop: int) -> list[tuple[int, int]]:
    """The words between characters ``start`` and ``stop``, cut at ellipses when both sides
    are long enough to stand alone."""
    inside = [i for i, (a, b) in enumerate(words.spans) if a >= start and b <= stop]
    if len(inside) < MIN_QUOTED:
        return []
    cuts = [m.start() for m in _ELLIPSIS.finditer(words.text, start, stop)]
    parts: list[list[int]] = [[]]
    for i in inside:
        if cuts and words.spans[i][0] > cuts[0]:
            cuts = [c for c in cuts if c > words.spans[i][0]]
            parts.append([])
        parts[-1].append(i)
    if any(len(p) < MIN_QUOTED for p in parts):
        return [(inside[0], inside[-1] + 1)]
    return [(p[0], p[-1] + 1) for p in parts]


def frame_end(words: Words, lo: int, hi: int) -> int | None:
    """Where the reported part of words ``lo:hi`` starts, after a frame such as "the report
    calls on States to"; None when the sentence opens with no frame."""
    for i in range(lo, min(hi, lo + _FRAME_LIMIT)):
        word = words.norm[i]
        if word not in _REPORTING and not (word == "states" and _next(words, i, hi) == "that"):
            continue
        if word == "states" and i == lo:
            continue
        end = i + 1
        while end < hi and end - i <= 4 and words.norm[end] in _FRAME_TAIL:
            end += 1
            if words.norm[end - 1] in ("that", "to"):
                break
        return end if end < hi else None
    return None


def _next(words: Words, i: int, hi: int) -> str:
    return words.norm[i + 1] if i + 1 < hi else ""


def claims_agreement(words: Words, lo: int, hi: int) -> bool:
    """Whether the writer's words ``lo:hi`` say that something was agreed."""
    norm = words.norm[lo:hi]
    return bool(_AGREEMENT.intersection(norm)) or ("all", "states") in itertools.pairwise(norm)
