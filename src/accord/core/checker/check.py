"""Checking a passage against the corpus, sentence by sentence and clause by clause.

Each sentence is matched with the provision it draws on most closely. When part of a sentence
is left over and that part matches another provision, the sentence is cut there: it joins two
provisions, and each clause is reported with its own source.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from accord.core.checker.align import Located, locate, opcodes
from accord.core.checker.alterations import Differences, differences
from accord.core.checker.errors import EmptyPassage, PassageTooLong
from accord.core.checker.findings import Finding, Quoted, Verdict, finding
from accord.core.checker.index import CorpusIndex
from accord.core.checker.segments import sentences
from accord.core.checker.words import Words, words_of

PASSAGE_LIMIT = 50_000
CANDIDATES = 12
MIN_SIMILARITY = 0.6
SPLIT_MIN_WORDS = 4
# Fewer words than this in common is a shared turn of phrase ("the use of ICTs"), not a quote.
MIN_MATCHED = 5
# Words that join two quoted clauses and belong to neither.
_CONNECTIVES = frozenset(
    [
        "and",
        "or",
        "but",
        "while",
        "whereas",
        "also",
        "moreover",
        "furthermore",
        "further",
        "yet",
        "thus",
        "therefore",
        "hence",
    ]
)


@dataclass(frozen=True, slots=True)
class Piece:
    """Passage words ``lo:hi`` and the corpus entry they draw on (None: found nowhere)."""

    lo: int
    hi: int
    entry: int | None
    also_adopted: int | None = None


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]

    def counts(self) -> dict[Verdict, int]:
        """How many segments got each verdict, in the order of `Verdict`, zeros left out."""
        found = {v: sum(1 for f in self.findings if f.verdict is v) for v in Verdict}
        return {v: n for v, n in found.items() if n}


def check_passage(index: CorpusIndex, text: str, *, limit: int = PASSAGE_LIMIT) -> Report:
    """What each sentence (or clause) of ``text`` draws on in ``index``.

    Raises `EmptyPassage` for a passage without words and `PassageTooLong` beyond ``limit``.
    """
    if len(text) > limit:
        raise PassageTooLong(len(text), limit)
    words = words_of(text)
    spans = [s for s in sentences(words) if _has_letters(words, s)]
    if not spans:
        raise EmptyPassage()
    ids = index.word_ids(words.norm)
    findings: list[Finding] = []
    for number, (lo, hi) in enumerate(spans):
        pieces = _pieces(index, ids, lo, hi, strict=False)
        joined = sum(1 for p in pieces if p.entry is not None) > 1
        findings.extend(_finding(index, words, ids, p, number, joined) for p in pieces)
    return Report(tuple(findings))


def _has_letters(words: Words, span: tuple[int, int]) -> bool:
    """Paragraph numbers ("12.", "(a)") are not sentences."""
    return any(len(w) > 1 and not w.isdigit() for w in words.norm[span[0] : span[1]])


def _pieces(
    index: CorpusIndex, ids: Sequence[int], lo: int, hi: int, *, strict: bool
) -> list[Piece]:
    best = _best(index, ids, lo, hi, strict=strict)
    if best is None:
        return [Piece(lo, hi, None)]
    entry, located, also = best
    left = _remainder(index, ids, lo, lo + located.a0, trailing=True)
    right = _remainder(index, ids, lo + located.a1, hi, trailing=False)
    start = lo + located.a0 if left else lo
    end = lo + located.a1 if right else hi
    return [*left, Piece(start, end, entry, also), *right]


def _remainder(
    index: CorpusIndex, ids: Sequence[int], lo: int, hi: int, *, trailing: bool
) -> list[Piece]:
    """The pieces of a left-over part of a sentence, or none when it matches nothing."""
    lo, hi = _strip(index, ids, lo, hi, trailing=trailing)
    if hi - lo < SPLIT_MIN_WORDS:
        return []
    found = _pieces(index, ids, lo, hi, strict=True)
    return [] if found[0].entry is None else found


def _strip(
    index: CorpusIndex, ids: Sequence[int], lo: int, hi: int, *, trailing: bool
) -> tuple[int, int]:
    connectives = {index.vocabulary[w] for w in _CONNECTIVES if w in index.vocabulary}
    while lo < hi and ids[lo] in connectives:
        lo += 1
    while trailing and lo < hi and ids[hi - 1] in connectives:
        hi -= 1
    return lo, hi


def _best(
    index: CorpusIndex, ids: Sequence[int], lo: int, hi: int, *, strict: bool
) -> tuple[int, Located, int | None] | None:
    """The closest acceptable entry, and the closest adopted one when that one is not."""
    piece = ids[lo:hi]
    ranked = []
    for entry in index.candidates(piece, CANDIDATES):
        located = locate(piece, index.ids[entry])
        if located is not None and _acceptable(located, len(piece), strict=strict):
            adopted = index.entries[entry].status.is_adopted
            key = (round(located.similarity(len(piece)), 6), adopted, located.matched, -entry)
            ranked.append((key, entry, located))
    if not ranked:
        return None
    ranked.sort(reverse=True)
    _, entry, located = ranked[0]
    also = None
    if not index.entries[entry].status.is_adopted:
        also = next((e for _, e, _ in ranked if index.entries[e].status.is_adopted), None)
    return entry, located, also


def _acceptable(located: Located, length: int, *, strict: bool) -> bool:
    core = located.similarity(located.a1 - located.a0)
    coverage = located.matched / length
    if core < MIN_SIMILARITY or located.matched < min(MIN_MATCHED, length):
        return False
    if strict:
        return located.matched >= 5 and coverage >= 0.5
    return coverage >= 0.5 or (located.matched >= 6 and coverage >= 0.3)


def _finding(
    index: CorpusIndex, words: Words, ids: Sequence[int], piece: Piece, sentence: int, joined: bool
) -> Finding:
    if piece.entry is None:
        return finding(words, (piece.lo, piece.hi), sentence, None, None, None, None)
    entry = index.entries[piece.entry]
    source = words_of(entry.text)
    diff, window = _compare(words, ids, piece, source, index.ids[piece.entry])
    also = index.entries[piece.also_adopted] if piece.also_adopted is not None else None
    return finding(
        words, (piece.lo, piece.hi), sentence, Quoted(entry, source, window), diff, also, joined
    )


def _compare(
    words: Words, ids: Sequence[int], piece: Piece, source: Words, source_ids: Sequence[int]
) -> tuple[Differences, tuple[int, int]]:
    located = locate(ids[piece.lo : piece.hi], source_ids)
    assert located is not None  # the piece was accepted against this very entry
    window = (located.b0, located.b1)
    ops = opcodes(ids[piece.lo : piece.hi], source_ids[window[0] : window[1]], piece.lo, window[0])
    return differences(words, (piece.lo, piece.hi), source, window, ops), window
