"""What the checker says about one segment of a passage: a verdict, the source, the changes."""

from dataclasses import dataclass
from enum import StrEnum

from accord.core.checker.alterations import Alteration, Differences
from accord.core.checker.corpus import CorpusEntry
from accord.core.checker.paraphrase import Paraphrase
from accord.core.checker.words import Words

_CLOSING = ".!?'\"\u2019\u201d)]"


class Verdict(StrEnum):
    AGREED_VERBATIM = "agreed-verbatim"
    AGREED_ALTERED = "agreed-altered"
    NATIONAL_VIEW = "national-view"
    NOT_FOUND = "not-found"


class MarkKind(StrEnum):
    SAME = "same"
    INSERTED = "inserted"
    DELETED = "deleted"
    UNQUOTED = "unquoted"


@dataclass(frozen=True, slots=True)
class Mark:
    """A run of text shown as kept, inserted, deleted or not quoted."""

    kind: MarkKind
    text: str


@dataclass(frozen=True, slots=True)
class Quoted:
    """The corpus entry a segment draws on, its words, and the window the segment quotes."""

    entry: CorpusEntry
    words: Words
    window: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Finding:
    """One sentence, or one clause of a sentence that joins provisions, with its verdict.

    ``start``/``end`` are character offsets in the passage; ``sentence`` numbers the sentence
    (clauses of one sentence share it). ``also_adopted`` is the closest adopted source when the
    verdict is a national view that an adopted text resembles less closely.
    """

    segment: str
    start: int
    end: int
    sentence: int
    verdict: Verdict
    source: CorpusEntry | None = None
    similarity: float = 0.0
    omitted: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    substituted: tuple[tuple[str, str], ...] = ()
    qualifiers_dropped: tuple[str, ...] = ()
    alterations: tuple[Alteration, ...] = ()
    partial: bool = False
    joined: bool = False
    framing: str = ""
    passage_marks: tuple[Mark, ...] = ()
    source_marks: tuple[Mark, ...] = ()
    also_adopted: CorpusEntry | None = None
    # The writer's own words around a quotation or before reported speech ("the report calls
    # on States to"); the finding after it is what the writer quotes or reports.
    frame: bool = False
    quoted: bool = False
    reported: bool = False
    # The frame says it was agreed ("States agreed that …") but the source is not adopted.
    agreement_claimed: bool = False
    # Found through lemmas and synonym families rather than runs of words; ``alignment``
    # pairs the passage's words with the source's words they stand for.
    paraphrase: bool = False
    alignment: tuple[tuple[str, str], ...] = ()


def finding(
    words: Words,
    span: tuple[int, int],
    sentence: int,
    quoted: Quoted | None,
    diff: Differences | None,
    also: CorpusEntry | None,
    joined: bool | None,
) -> Finding:
    """The finding for passage words ``span``: found nowhere when ``quoted`` is None."""
    start, end = words.spans[span[0]][0], _end(words, span[1])
    segment = words.text[start:end]
    if quoted is None or diff is None:
        return Finding(segment, start, end, sentence, Verdict.NOT_FOUND)
    source = quoted.words
    framing = diff.framing or (span[0], span[0])
    length = span[1] - span[0] - (framing[1] - framing[0])
    window = quoted.window
    return Finding(
        segment,
        start,
        end,
        sentence,
        _verdict(quoted.entry, diff),
        source=quoted.entry,
        similarity=_similarity(diff, length, window),
        omitted=_omitted(source, diff, window),
        added=tuple(words.raw(h.a0, h.a1) for h in diff.hunks if h.a1 > h.a0),
        substituted=tuple(
            (source.raw(h.b0, h.b1), words.raw(h.a0, h.a1))
            for h in diff.hunks
            if h.a1 > h.a0 and h.b1 > h.b0
        ),
        qualifiers_dropped=tuple(source.raw(a, b) for a, b in diff.dropped),
        alterations=diff.alterations,
        partial=window != (0, len(source)),
        joined=bool(joined),
        framing=words.raw(*framing),
        passage_marks=_passage_marks(words, span, diff),
        source_marks=_source_marks(source, window, diff),
        also_adopted=also,
    )


def _similarity(diff: Differences, length: int, window: tuple[int, int]) -> float:
    """Matching words over the passage's words and the source's, a dropped qualifier beyond
    the quoted window counting as source words too."""
    beyond = sum(b - a for a, b in diff.dropped if b <= window[0] or a >= window[1])
    return round(2 * len(diff.matched_source) / (length + window[1] - window[0] + beyond), 3)


def _end(words: Words, hi: int) -> int:
    end = words.spans[hi - 1][1]
    while end < len(words.text) and words.text[end] in _CLOSING:
        end += 1
    return end


def _verdict(entry: CorpusEntry, diff: Differences) -> Verdict:
    if not entry.status.is_adopted:
        return Verdict.NATIONAL_VIEW
    if diff.hunks or diff.dropped:
        return Verdict.AGREED_ALTERED
    return Verdict.AGREED_VERBATIM


def _omitted(source: Words, diff: Differences, window: tuple[int, int]) -> tuple[str, ...]:
    inside = [(h.b0, h.b1) for h in diff.hunks if h.b1 > h.b0]
    outside = [(a, b) for a, b in diff.dropped if b <= window[0] or a >= window[1]]
    return tuple(source.raw(a, b) for a, b in sorted(inside + outside))


def _passage_marks(words: Words, span: tuple[int, int], diff: Differences) -> tuple[Mark, ...]:
    inserted = {i for h in diff.hunks for i in range(h.a0, h.a1)}
    kinds = [MarkKind.INSERTED if i in inserted else MarkKind.SAME for i in range(*span)]
    return _runs(words, span, kinds, words.spans[span[0]][0], _end(words, span[1]))


def _source_marks(source: Words, window: tuple[int, int], diff: Differences) -> tuple[Mark, ...]:
    dropped = {i for a, b in diff.dropped for i in range(a, b)}
    kinds = []
    for i in range(len(source)):
        if i in dropped or (window[0] <= i < window[1] and i not in diff.matched_source):
            kinds.append(MarkKind.DELETED)
        elif window[0] <= i < window[1]:
            kinds.append(MarkKind.SAME)
        else:
            kinds.append(MarkKind.UNQUOTED)
    return _runs(source, (0, len(source)), kinds, 0, len(source.text))


def _runs(
    words: Words, span: tuple[int, int], kinds: list[MarkKind], start: int, end: int
) -> tuple[Mark, ...]:
    """Runs of equal kind; the space and punctuation after a word go with its run."""
    marks: list[Mark] = []
    cut = start
    for offset in range(1, len(kinds) + 1):
        if offset == len(kinds) or kinds[offset] != kinds[offset - 1]:
            stop = end if offset == len(kinds) else words.spans[span[0] + offset][0]
            text = words.text[cut:stop]
            if kinds[offset - 1] in (MarkKind.INSERTED, MarkKind.DELETED):
                marks.extend(_split_trailing_space(kinds[offset - 1], text))
            else:
                marks.append(Mark(kinds[offset - 1], text))
            cut = stop
    return tuple(marks)


def _split_trailing_space(kind: MarkKind, text: str) -> list[Mark]:
    """Keep the space after a change outside the <ins>/<del>, as a redline sets it."""
    core = text.rstrip()
    tail = text[len(core) :]
    return [Mark(kind, core)] + ([Mark(MarkKind.SAME, tail)] if tail else [])


def paraphrase_finding(
    words: Words,
    span: tuple[int, int],
    sentence: int,
    entry: CorpusEntry,
    source: Words,
    found: Paraphrase,
) -> Finding:
    """The finding for passage words ``span`` that paraphrase a sentence of ``entry``."""
    start, end = words.spans[span[0]][0], _end(words, span[1])
    mine = {i for (a, b), _ in found.alignment for i in range(a, b)}
    theirs = {i for _, (a, b) in found.alignment for i in range(a, b)}
    dropped = {i for a, b in found.dropped for i in range(a, b)}
    passage_kinds = [MarkKind.SAME if i in mine else MarkKind.INSERTED for i in range(*span)]
    source_kinds = [
        MarkKind.DELETED if i in dropped else MarkKind.SAME if i in theirs else MarkKind.UNQUOTED
        for i in range(len(source))
    ]
    return Finding(
        words.text[start:end],
        start,
        end,
        sentence,
        Verdict.AGREED_ALTERED if entry.status.is_adopted else Verdict.NATIONAL_VIEW,
        source=entry,
        similarity=found.score,
        qualifiers_dropped=tuple(source.raw(a, b) for a, b in found.dropped),
        alterations=found.alterations,
        partial=found.span != (0, len(source)),
        passage_marks=_runs(words, span, passage_kinds, start, end),
        source_marks=_runs(source, (0, len(source)), source_kinds, 0, len(source.text)),
        paraphrase=True,
        alignment=tuple((words.raw(*a), source.raw(*b)) for a, b in found.alignment),
    )
