"""What an alignment changed, and which changes alter the meaning of agreed language.

A change is named when it is one negotiators fight over: a dropped qualifier ("voluntary",
"consistent with international law", "where appropriate"), a strengthened or weakened modal
("should" → "shall"), an added or dropped negation, a change of scope ("all" → "some").
Anything else is a change of wording.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from accord.core.checker.align import EQUAL, Op
from accord.core.checker.words import Words


class Alteration(StrEnum):
    QUALIFIER_DROPPED = "qualifier-dropped"
    MODAL_STRENGTHENED = "modal-strengthened"
    MODAL_WEAKENED = "modal-weakened"
    NEGATION_CHANGED = "negation-changed"
    SCOPE_CHANGED = "scope-changed"
    SCOPE_WIDENED = "scope-widened"
    SCOPE_NARROWED = "scope-narrowed"
    WORDING_CHANGED = "wording-changed"


# Qualifiers as normalised words; those ending in "..." run on to the next comma or clause end
# ("with due regard to the sovereignty of States").
QUALIFIERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(q.split())
    for q in (
        "voluntary",
        "non binding",
        "knowingly",
        "intentionally",
        "wilfully",
        "where appropriate",
        "as appropriate",
        "when appropriate",
        "where relevant",
        "as relevant",
        "on a voluntary basis",
        "to the extent possible",
        "to the extent feasible",
        "upon request",
        "at their request",
        "consistent with ...",
        "in a manner consistent with ...",
        "in accordance with ...",
        "in conformity with ...",
        "in line with ...",
        "contrary to ...",
        "with due regard to ...",
        "taking into account ...",
        "subject to ...",
        "without prejudice to ...",
    )
)
_RUN_ON_LIMIT = 8
# A run-on qualifier ends with the law it names, or before a relative clause or a new item.
_RUN_ON_LAST = frozenset({"law", "legislation", "nations", "charter"})
_RUN_ON_STOP = frozenset({"that", "which", "who", "and", "or"})
_MODALS = {
    **dict.fromkeys(("may", "might", "could", "can", "encouraged", "invited", "consider"), 1),
    **dict.fromkeys(("should", "urged", "urge", "ought"), 2),
    **dict.fromkeys(("shall", "must", "will", "required", "obliged", "obligated", "bound"), 3),
}
_NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "cannot", "without", "none"})
_SCOPE = frozenset(
    [
        "all",
        "any",
        "every",
        "each",
        "some",
        "certain",
        "only",
        "solely",
        "exclusively",
        "most",
        "many",
        "few",
        "several",
        "other",
        "particular",
        "particularly",
        "especially",
        "including",
        "critical",
        "major",
        "significant",
        "both",
        "either",
        "entire",
        "whole",
        "universal",
        "global",
        "regional",
        "national",
        "international",
    ]
)
_FRAMING_LIMIT = 12
# An unquoted qualifier bears on the quoted words when at most this many words separate them,
# or, when it closes the clause after a comma, at most _CLOSING_REACH words.
_ADJACENT = 1
_CLOSING_REACH = 6
_COORDINATORS = frozenset({"and", "or", "but", "while", "whereas"})


@dataclass(frozen=True, slots=True)
class Hunk:
    """One change: piece words ``a0:a1`` stand where provision words ``b0:b1`` stood."""

    a0: int
    a1: int
    b0: int
    b1: int


@dataclass(frozen=True, slots=True)
class Differences:
    hunks: tuple[Hunk, ...]
    framing: tuple[int, int] | None
    dropped: tuple[tuple[int, int], ...]
    alterations: tuple[Alteration, ...]
    matched_source: frozenset[int]


def hunks_of(ops: Sequence[Op]) -> list[Hunk]:
    """Consecutive insertions and deletions joined into hunks."""
    out: list[Hunk] = []
    open_: list[int] | None = None
    for op in ops:
        if op.tag == EQUAL:
            if open_ is not None:
                out.append(Hunk(*open_))
            open_ = None
        elif open_ is None:
            open_ = [op.a0, op.a1, op.b0, op.b1]
        else:
            open_[1], open_[3] = op.a1, op.b1
    if open_ is not None:
        out.append(Hunk(*open_))
    return out


def differences(
    piece: Words, span: tuple[int, int], source: Words, window: tuple[int, int], ops: Sequence[Op]
) -> Differences:
    """The changes between words ``span`` of ``piece`` and words ``window`` of ``source``."""
    hunks = hunks_of(ops)
    starts_clause = window[0] == 0 or source.clause_end[window[0] - 1]
    framing = _framing(piece, span, hunks, starts_clause=starts_clause)
    if framing is not None:
        hunks = hunks[1:]
    matched = frozenset(i for op in ops if op.tag == EQUAL for i in range(op.b0, op.b1))
    dropped = _dropped(piece, span, source, window, matched)
    return Differences(
        tuple(hunks), framing, dropped, _kinds(piece, source, hunks, dropped), matched
    )


def _framing(
    piece: Words, span: tuple[int, int], hunks: list[Hunk], *, starts_clause: bool
) -> tuple[int, int] | None:
    """Words that introduce a quotation ("We recall that", "As the report says,").

    Words before a quotation that starts mid-clause are not framing but a change to it.
    """
    if not hunks or hunks[0].a0 != span[0] or hunks[0].b0 != hunks[0].b1:
        return None
    end = hunks[0].a1
    if end - span[0] > _FRAMING_LIMIT or end >= span[1]:
        return None
    gap = piece.text[piece.spans[end - 1][1] : piece.spans[end][0]]
    if piece.norm[end - 1] == "that" or (starts_clause and ("," in gap or ":" in gap)):
        return (span[0], end)
    return None


def occurrences(source: Words, lo: int, hi: int) -> Iterable[tuple[int, int, int]]:
    """Qualifiers among words ``lo:hi`` of ``source`` as (start, end of the head words, end)."""
    words = source.norm
    for start in range(lo, hi):
        for qualifier in QUALIFIERS:
            head = qualifier[:-1] if qualifier[-1] == "..." else qualifier
            if tuple(words[start : start + len(head)]) != head:
                continue
            stop = start + len(head)
            end = _run_on(source, stop, hi) if qualifier[-1] == "..." else stop
            yield start, stop, end


def _run_on(source: Words, start: int, hi: int) -> int:
    end = start
    while end < min(hi, start + _RUN_ON_LIMIT) and source.norm[end] not in _RUN_ON_STOP:
        end += 1
        if source.norm[end - 1] in _RUN_ON_LAST:
            break
        gap = (
            source.text[source.spans[end - 1][1] : source.spans[end][0]]
            if end < len(source)
            else ""
        )
        if "," in gap or source.clause_end[end - 1]:
            break
    return end


def clause_bounds(source: Words, window: tuple[int, int]) -> tuple[int, int]:
    """The clauses of ``source`` that the window touches."""
    start, end = window
    while start > 0 and not source.clause_end[start - 1]:
        start -= 1
    while end < len(source) and not source.clause_end[end - 1]:
        end += 1
    return start, end


def _dropped(
    piece: Words,
    span: tuple[int, int],
    source: Words,
    window: tuple[int, int],
    matched: frozenset[int],
) -> tuple[tuple[int, int], ...]:
    lo, hi = clause_bounds(source, window)
    kept = " " + " ".join(piece.norm[span[0] : span[1]]) + " "
    found = []
    for start, stop, end in occurrences(source, lo, hi):
        if start >= window[1] and not _governs_kept(source, window, start, end, hi):
            continue
        if not _near_enough(source, window, start, end, hi):
            continue
        missing = sum(1 for i in range(start, stop) if i not in matched)
        head = " " + " ".join(source.norm[start:stop]) + " "
        if 2 * missing >= stop - start and head not in kept:
            found.append((start, end))
    return tuple(_outermost(found))


def _near_enough(source: Words, window: tuple[int, int], start: int, end: int, hi: int) -> bool:
    if start < window[1] and end > window[0]:
        return True
    gap = start - window[1] if start >= window[1] else window[0] - end
    before = source.text[source.spans[start - 1][1] : source.spans[start][0]] if start else ""
    closing = end == hi and "," in before
    return gap <= (_CLOSING_REACH if closing else _ADJACENT)


def _governs_kept(source: Words, window: tuple[int, int], start: int, end: int, hi: int) -> bool:
    """Whether a qualifier in the unquoted rest of a clause bears on the quoted words.

    When the rest opens with "and" or "or", it is a second limb ("… and share, where
    appropriate, information"); a qualifier inside it bears on that limb only, while one that
    closes the clause after a comma bears on both.
    """
    if source.norm[window[1]] not in _COORDINATORS:
        return True
    before = source.text[source.spans[start - 1][1] : source.spans[start][0]]
    return end == hi and "," in before


def _outermost(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges not inside another one ("voluntary" inside "on a voluntary basis"), with
    neighbours joined ("voluntary, non-binding")."""
    out: list[tuple[int, int]] = []
    for r in sorted(ranges):
        if any(o != r and o[0] <= r[0] and r[1] <= o[1] for o in ranges):
            continue
        if out and out[-1][1] >= r[0]:
            out[-1] = (out[-1][0], max(out[-1][1], r[1]))
        else:
            out.append(r)
    return out


def _kinds(
    piece: Words, source: Words, hunks: Sequence[Hunk], dropped: Sequence[tuple[int, int]]
) -> tuple[Alteration, ...]:
    in_qualifier = {i for start, end in dropped for i in range(start, end)}
    old = [source.norm[i] for h in hunks for i in range(h.b0, h.b1) if i not in in_qualifier]
    new = [piece.norm[i] for h in hunks for i in range(h.a0, h.a1)]
    kinds = []
    if dropped:
        kinds.append(Alteration.QUALIFIER_DROPPED)
    kinds.extend(_modal(old, new))
    if _NEGATIONS.intersection(old) != _NEGATIONS.intersection(new):
        kinds.append(Alteration.NEGATION_CHANGED)
    if _SCOPE.intersection(old) != _SCOPE.intersection(new):
        kinds.append(Alteration.SCOPE_CHANGED)
    if (old or new) and not kinds:
        kinds.append(Alteration.WORDING_CHANGED)
    return tuple(kinds)


def _modal(old: Sequence[str], new: Sequence[str]) -> list[Alteration]:
    before = max((_MODALS[w] for w in old if w in _MODALS), default=0)
    after = max((_MODALS[w] for w in new if w in _MODALS), default=0)
    if before and after > before:
        return [Alteration.MODAL_STRENGTHENED]
    if after and before > after:
        return [Alteration.MODAL_WEAKENED]
    return []
