"""Checking a passage against the corpus, sentence by sentence and clause by clause.

Each sentence is matched with the provision it draws on most closely. When part of a sentence
is left over and that part matches another provision, the sentence is cut there: it joins two
provisions, and each clause is reported with its own source.
"""

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from accord.core.checker import languages, paraphrase
from accord.core.checker.align import EQUAL, Located, Op, locate, opcodes
from accord.core.checker.alterations import Differences, differences
from accord.core.checker.corpus import CorpusEntry
from accord.core.checker.errors import EmptyPassage, PassageTooLong, UnknownLanguage
from accord.core.checker.findings import (
    Finding,
    Mark,
    MarkKind,
    Quoted,
    Verdict,
    finding,
    paraphrase_finding,
)
from accord.core.checker.index import CorpusIndex
from accord.core.checker.quotes import claims_agreement, frame_end, quoted_spans
from accord.core.checker.segments import sentences
from accord.core.checker.words import Words, words_of

PASSAGE_LIMIT = 50_000
CANDIDATES = 12
MIN_SIMILARITY = 0.6
SPLIT_MIN_WORDS = 4
# Fewer words than this in common is a shared turn of phrase ("the use of ICTs"), not a quote.
MIN_MATCHED = 5
# Of which words that say something (not "of the", not "the 2015 GGE report"), or all the
# piece has when it has fewer.
MIN_CONTENT = 5
# Below this similarity a single match is reordered or reworded: the paraphrase path is tried.
LOOSE_SIMILARITY = 0.6
# An opening clause this long may be a paraphrase on its own.
PARAPHRASE_CLAUSE = 6
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
    # The language the passage was read in, and whether it was told from the text.
    language: str = languages.DEFAULT
    detected: bool = False

    def counts(self) -> dict[Verdict, int]:
        """How many segments got each verdict, in the order of `Verdict`, zeros left out."""
        found = {v: sum(1 for f in self.findings if f.verdict is v) for v in Verdict}
        return {v: n for v, n in found.items() if n}


def check_passage(
    index: CorpusIndex,
    text: str,
    *,
    language: str | None = None,
    limit: int = PASSAGE_LIMIT,
    plain: bool = False,
) -> Report:
    """What each sentence (or clause) of ``text`` draws on in ``index``, among the entries
    in the passage's ``language`` (told from the text when not given: `languages.detect`).

    ``plain`` reads each sentence as it did before quotations, frames and paraphrases were
    read apart (runs of words only): the evaluation compares the two in one run.

    Raises `EmptyPassage` for a passage without words and `PassageTooLong` beyond ``limit``.
    """
    if len(text) > limit:
        raise PassageTooLong(len(text), limit)
    detected = language is None
    if language is None:
        language = languages.detect(text)
    if language not in languages.LANGUAGES:
        raise UnknownLanguage(language)
    words = words_of(text, language)
    spans = [s for s in sentences(words) if _has_letters(words, s)]
    if not spans:
        raise EmptyPassage()
    ids = index.word_ids(words.norm)
    findings: list[Finding] = []
    for number, (lo, hi) in enumerate(spans):
        if plain:
            findings.extend(_plain(index, words, ids, (lo, hi), number))
        else:
            findings.extend(_sentence(index, words, ids, (lo, hi), number))
    return Report(tuple(findings), language, detected)


def _sentence(
    index: CorpusIndex, words: Words, ids: Sequence[int], span: tuple[int, int], number: int
) -> list[Finding]:
    """A sentence's findings: its quotations, else the sentence as written when it quotes
    verbatim, else what a reported-speech frame reports, else the sentence (or a paraphrase)."""
    quoted = _with_quotes(index, words, ids, span, number)
    if quoted is not None:
        return quoted
    plain = _plain(index, words, ids, span, number)
    if len(plain) == 1 and plain[0].verdict is Verdict.AGREED_VERBATIM:
        return plain
    framed = _framed(index, words, ids, span, number)
    found = any(f.verdict is not Verdict.NOT_FOUND for f in plain) and not _loose(plain)
    if framed is not None and (not found or _sources(framed) != _sources(plain)):
        return framed
    if found:
        end = frame_end(words, *span)
        claims = end is not None and claims_agreement(words, span[0], end)
        return [_claimed(f, claims) for f in plain]
    paraphrased = _paraphrased(index, words, span, number)
    return paraphrased if paraphrased is not None else plain


def _sources(found: list[Finding]) -> list[CorpusEntry | None]:
    return [f.source for f in found if f.source is not None]


def _loose(plain: list[Finding]) -> bool:
    """A sentence matched only in scattered runs of words ("Critical infrastructure must be
    protected by States from ICT threats"): the paraphrase path reads it better."""
    return len(plain) == 1 and plain[0].similarity < LOOSE_SIMILARITY


def _plain(
    index: CorpusIndex, words: Words, ids: Sequence[int], span: tuple[int, int], number: int
) -> list[Finding]:
    pieces = _pieces(index, words, ids, span[0], span[1], strict=False)
    joined = sum(1 for p in pieces if p.entry is not None) > 1
    return [_finding(index, words, ids, p, number, joined) for p in pieces]


def _writer(words: Words, span: tuple[int, int], number: int) -> Finding:
    return replace(finding(words, span, number, None, None, None, None), frame=True)


def _with_quotes(
    index: CorpusIndex, words: Words, ids: Sequence[int], span: tuple[int, int], number: int
) -> list[Finding] | None:
    """The writer's words and each quotation checked on its own, or None when the sentence
    quotes nothing the corpus holds."""
    quotes = quoted_spans(words, *span)
    found: dict[tuple[int, int], list[Finding]] = {}
    for quote in quotes:
        found[quote] = [replace(f, quoted=True) for f in _plain(index, words, ids, quote, number)]
    if not any(f.verdict is not Verdict.NOT_FOUND for fs in found.values() for f in fs):
        return None
    out: list[Finding] = []
    at = span[0]
    claims = False
    for quote in quotes:
        if at < quote[0]:
            out.append(_writer(words, (at, quote[0]), number))
            claims = claims or claims_agreement(words, at, quote[0])
        out.extend(_claimed(f, claims) for f in found[quote])
        at = quote[1]
    if at < span[1]:
        out.append(_writer(words, (at, span[1]), number))
    return out


def _claimed(found: Finding, claims: bool) -> Finding:
    """``found``, flagged when the writer says it was agreed and its source is no agreement."""
    adopted = found.source is None or found.source.status.is_adopted
    return replace(found, agreement_claimed=True) if claims and not adopted else found


def _framed(
    index: CorpusIndex, words: Words, ids: Sequence[int], span: tuple[int, int], number: int
) -> list[Finding] | None:
    """What a reported-speech frame reports, the frame kept as the writer's words (the
    finding's ``framing``), or None without a frame whose report the corpus holds."""
    end = frame_end(words, *span)
    if end is None or span[1] - end < MIN_MATCHED:
        return None
    reported = _plain(index, words, ids, (end, span[1]), number)
    if all(f.verdict is Verdict.NOT_FOUND for f in reported) or _loose(reported):
        paraphrased = _paraphrased(index, words, (end, span[1]), number)
        if paraphrased is not None:
            reported = paraphrased
    if all(f.verdict is Verdict.NOT_FOUND for f in reported):
        return None
    claims = claims_agreement(words, span[0], end)
    first, *rest = reported
    start = words.spans[span[0]][0]
    lead = words.text[start : first.start]
    first = replace(
        first,
        segment=words.text[start : first.end],
        start=start,
        framing=words.raw(span[0], end),
        passage_marks=(Mark(MarkKind.SAME, lead), *first.passage_marks),
    )
    return [_claimed(replace(f, reported=True), claims) for f in (first, *rest)]


def _paraphrased(
    index: CorpusIndex, words: Words, span: tuple[int, int], number: int
) -> list[Finding] | None:
    """The paraphrase the words ``span`` make of a provision sentence, or of their opening
    clause up to a comma when it says what States should do ("states should refrain from …
    critical infrastructure, thus ensuring …"), the rest then found nowhere; None when neither
    is close enough. The concepts are English words: in another language, None."""
    if words.language != languages.DEFAULT:
        return None
    if not isinstance(index.concepts, paraphrase.ConceptIndex):
        index.concepts = paraphrase.ConceptIndex(index.vocabulary, _english_ids(index))
    concepts = index.concepts
    assert isinstance(concepts, paraphrase.ConceptIndex)
    tries = (
        (span, None),
        (_opening_clause(words, span), "~modal"),
        (_closing_clause(words, span), None),
    )
    for part, requires in tries:
        if part is None:
            continue
        found = paraphrase.find(
            concepts,
            lambda e: index.entries[e].text,
            words,
            *part,
            adopted=lambda e: index.entries[e].status.is_adopted,
            requires=requires,
        )
        if found is not None:
            entry = index.entries[found.entry]
            out = [
                paraphrase_finding(words, part, number, entry, concepts.words[found.entry], found)
            ]
            if span[0] < part[0]:
                out.insert(0, finding(words, (span[0], part[0]), number, None, None, None, None))
            if part[1] < span[1]:
                out.append(finding(words, (part[1], span[1]), number, None, None, None, None))
            return out
    return None


def _english_ids(index: CorpusIndex) -> Sequence[Sequence[int]]:
    """The entries' word ids, those of entries in other languages left empty."""
    if not index.languages:
        return index.ids
    english = languages.DEFAULT
    return [ids if index.language(n) == english else () for n, ids in enumerate(index.ids)]


def _opening_clause(words: Words, span: tuple[int, int]) -> tuple[int, int] | None:
    """Words of ``span`` up to its first comma, when that leaves enough on both sides."""
    for i in range(span[0] + PARAPHRASE_CLAUSE, span[1] - SPLIT_MIN_WORDS):
        if "," in words.text[words.spans[i - 1][1] : words.spans[i][0]]:
            return (span[0], i)
    return None


def _closing_clause(words: Words, span: tuple[int, int]) -> tuple[int, int] | None:
    """The clause of ``span`` after its last ", and" ("The responsibility … rests on States,
    and each state has jurisdiction over …"), when both sides are long enough."""
    for i in range(span[1] - PARAPHRASE_CLAUSE, span[0] + SPLIT_MIN_WORDS, -1):
        gap = words.text[words.spans[i - 1][1] : words.spans[i][0]]
        if "," in gap and words.norm[i] == "and":
            return (i + 1, span[1])
    return None


def _has_letters(words: Words, span: tuple[int, int]) -> bool:
    """Paragraph numbers ("12.", "(a)") are not sentences; in Chinese one character is a word."""
    shortest = 1 if words.language == "zh" else 2
    return any(len(w) >= shortest and not w.isdigit() for w in words.norm[span[0] : span[1]])


def _pieces(
    index: CorpusIndex, words: Words, ids: Sequence[int], lo: int, hi: int, *, strict: bool
) -> list[Piece]:
    best = _best(index, words, ids, lo, hi, strict=strict)
    if best is None:
        return [Piece(lo, hi, None)]
    entry, located, also = best
    left = _remainder(index, words, ids, lo, lo + located.a0, trailing=True)
    right = _remainder(index, words, ids, lo + located.a1, hi, trailing=False)
    start = lo + located.a0 if left else lo
    end = lo + located.a1 if right else hi
    return [*left, Piece(start, end, entry, also), *right]


def _remainder(
    index: CorpusIndex, words: Words, ids: Sequence[int], lo: int, hi: int, *, trailing: bool
) -> list[Piece]:
    """The pieces of a left-over part of a sentence, or none when it matches nothing."""
    lo, hi = _strip(index, ids, lo, hi, trailing=trailing)
    if hi - lo < SPLIT_MIN_WORDS:
        return []
    found = _pieces(index, words, ids, lo, hi, strict=True)
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
    index: CorpusIndex, words: Words, ids: Sequence[int], lo: int, hi: int, *, strict: bool
) -> tuple[int, Located, int | None] | None:
    """The closest acceptable entry, and the closest adopted one when that one is not."""
    norm = words.norm
    piece = ids[lo:hi]
    wanted = min(MIN_CONTENT, sum(1 for w in norm[lo:hi] if paraphrase.says_something(w)))
    ranked = []
    for entry in index.candidates(piece, CANDIDATES, words.language):
        located = locate(piece, index.ids[entry])
        if (
            located is not None
            and _acceptable(located, len(piece), strict=strict)
            and _content(norm, piece, index.ids[entry], located, lo) >= wanted
        ):
            adopted = index.entries[entry].status.is_adopted
            own = adopted or not _quoting(index.entries[entry], located)
            key = (own, round(located.similarity(len(piece)), 6), adopted, located.matched, -entry)
            ranked.append((key, entry, located))
    if not ranked:
        return None
    ranked.sort(reverse=True)
    _, entry, located = ranked[0]
    also = None
    if not index.entries[entry].status.is_adopted:
        also = next((e for _, e, _ in ranked if index.entries[e].status.is_adopted), None)
    return entry, located, also


def _content(
    norm: Sequence[str], piece: Sequence[int], source: Sequence[int], located: Located, lo: int
) -> int:
    """How many of the words matched say something: neither function words nor the names of
    documents, bodies and years ("the 2013 and 2015 GGE reports", "the work of the OEWG")."""
    ops = opcodes(
        piece[located.a0 : located.a1], source[located.b0 : located.b1], lo + located.a0, 0
    )
    return sum(
        1
        for op in ops
        if op.tag == EQUAL
        for i in range(op.a0, op.a1)
        if paraphrase.says_something(norm[i])
    )


def _quoting(entry: CorpusEntry, located: Located) -> bool:
    """Whether most words matched lie within what the provision quotes: a national view that
    quotes agreed language ("States reaffirmed … that 'international law … is applicable'")
    yields to the agreed text it quotes when that text is found too."""
    quotations = _quotations(entry.text, entry.language)
    inside = sum(max(0, min(b, located.b1) - max(a, located.b0)) for a, b in quotations)
    return 2 * inside > located.b1 - located.b0


@functools.lru_cache(maxsize=4096)
def _quotations(text: str, language: str) -> tuple[tuple[int, int], ...]:
    words = words_of(text, language)
    return tuple(quoted_spans(words, 0, len(words))) if len(words) else ()


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
    source = words_of(entry.text, entry.language)
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
    ops = _inflected(ops, words, source)
    return differences(words, (piece.lo, piece.hi), source, window, ops), window


def _inflected(ops: Sequence[Op], words: Words, source: Words) -> tuple[Op, ...]:
    """``ops`` with each pair of words aligned by their lemma but written differently
    ("État" for "États") made a replacement: a quotation is verbatim only word for word."""
    if words.surface == words.norm:
        return tuple(ops)
    out: list[Op] = []
    for op in ops:
        if op.tag != EQUAL:
            out.append(op)
            continue
        for k in range(op.a1 - op.a0):
            a, b = op.a0 + k, op.b0 + k
            tag = EQUAL if words.surface[a] == source.surface[b] else "replace"
            if out and out[-1].tag == tag == EQUAL and out[-1].a1 == a:
                out[-1] = Op(EQUAL, out[-1].a0, a + 1, out[-1].b0, b + 1)
            else:
                out.append(Op(tag, a, a + 1, b, b + 1))
    return tuple(out)
