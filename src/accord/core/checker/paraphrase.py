"""Paraphrase within reach: a sentence that shares few runs of words with any provision but
says what one sentence of a provision says, in other words or another order.

Words are brought to their lemma (simplemma, whose English data ships inside the package) and
then to the register's own families: "must", "shall", "should" and "obligation" are one modal
concept; "protect" and "protection" one; "critical infrastructure" and "CI" one; "ICT",
"ICTs" and "cyber" one. Function words are set aside. What is left is a set of concepts, so
word order does not matter. Candidates are the provisions sharing the rarest concepts; a
provision sentence is accepted when the concepts it shares cover most of the passage's and a
fair part of its own. What the paraphrase changed is then named on the two texts: the modal
strength, the scope words, the qualifiers left out. Every concept matched is kept as the
alignment that shows why.
"""

import functools
import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from accord.core.checker.alterations import Alteration, occurrences
from accord.core.checker.segments import sentences
from accord.core.checker.words import Words, norm_words, words_of

_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "by",
        "from",
        "with",
        "their",
        "its",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "as",
        "at",
        "it",
        "they",
        "them",
        "which",
        "who",
        "whose",
        "such",
        "other",
        "so",
        "than",
        "into",
        "also",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "nor",
        "any",
        "all",
        "every",
        "each",
        "some",
        "norm",
    ]
)
# Words that name the documents, the bodies that wrote them and their years: commentary
# mentions them ("the 2015 GGE report"), so sharing them says nothing of what was agreed.
_REFERENCES = frozenset(
    {"report", "gge", "oewg", "group", "expert", "governmental"}
    | {"un", "united", "nation", "resolution"}
)
# Words joined into one concept before anything else.
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("critical", "information", "infrastructure"), "~ci"),
    (("critical", "infrastructure"), "~ci"),
    (("information", "and", "communications", "technology"), "~ict"),
    (("information", "and", "communication", "technology"), "~ict"),
    (("computer", "emergency", "response", "team"), "~ert"),
    (("cybersecurity", "incident", "response", "team"), "~ert"),
    (("emergency", "response", "team"), "~ert"),
    (("supply", "chain"), "~supply-chain"),
    (("human", "right"), "~human-rights"),
    (("international", "law"), "~international-law"),
)
_BY_HEAD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _name in _PHRASES:
    _BY_HEAD.setdefault(_phrase[0], []).append((_phrase, _name))
_FAMILIES = {
    "~modal": "should must shall obligation oblige obligate require requirement duty ought "
    "prohibit prohibition ban",
    "~protect": "protect protection safeguard defend defence defense",
    "~ci": "ci",
    "~ict": "ict icts cyber cyberspace cybersecurity digital online",
    "~state": "state states country nation government",
    "~harm": "harm damage impair attack disrupt",
    "~assist": "assist assistance help aid",
    "~cooperate": "cooperate cooperation collaborate collaboration",
    "~ert": "cert csirt",
    "~vulnerability": "vulnerability flaw",
}
_CONCEPT = {word: name for name, words in _FAMILIES.items() for word in words.split()}
# Modal strength: the passage's strongest modal against the provision sentence's. Only modal
# verbs count in the provision ("its obligations under international law" is not its modal);
# in the passage, nouns and verbs of obligation count too.
_SOURCE_MODALS = {
    **dict.fromkeys(("may", "might", "could", "can", "encourage", "invite", "consider"), 1),
    **dict.fromkeys(("should", "urge", "ought", "recommend"), 2),
    **dict.fromkeys(("shall", "must", "will"), 3),
}
_PASSAGE_MODALS = {
    **_SOURCE_MODALS,
    **dict.fromkeys(
        ("obligation", "oblige", "obligate", "require", "requirement", "duty", "bound"), 3
    ),
    **dict.fromkeys(("prohibit", "prohibition", "ban", "mandatory", "binding"), 3),
}
# "Prohibits States from using" says what "should not use" says.
_NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "neither", "cannot", "refrain", "prohibit", "prohibition", "ban"}
)
_WIDE = frozenset({"all", "any", "every", "always", "never", "whatever", "universal"})
_NARROW = frozenset({"only", "some", "certain", "solely", "exclusively"})
QUALIFIERS = tuple(
    tuple(q.split())
    for q in (
        "voluntary",
        "non binding",
        "knowingly",
        "intentionally",
        "appropriate",
        "reasonable",
        "consistent with international law",
        "in accordance with national law",
        "in accordance with national legislation",
        "taking into account",
        "due regard",
    )
)
# Words of qualifiers: a paraphrase that leaves them out is named for it (qualifier dropped),
# not judged further from its source.
_QUALIFYING = frozenset(
    {"knowingly", "intentionally", "appropriate", "reasonable", "voluntary", "contrary"}
)
CANDIDATES = 12
# An adopted sentence scoring this little below the best one is preferred to a national view.
ADOPTED_MARGIN = 0.05
MIN_SHARED = 4
MIN_PASSAGE_COVER = 0.6
MIN_SOURCE_COVER = 0.3
# The score (harmonic mean of the two covers) a paraphrase needs: about half of what each
# side says found on the other.
MIN_SCORE = 0.5
# A concept in more than this share of a large corpus is skipped for candidates once three
# rarer ones are used (as the pair index does with "of the").
_COMMON_SHARE = 0.02
_COMMON_FLOOR = 200


@functools.cache
def lemma(word: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang="en")).casefold()


def says_something(word: str) -> bool:
    """Whether a word is more than a function word or a reference to a document or year."""
    return _single(lemma(word)) is not None


@dataclass(frozen=True, slots=True)
class Concepts:
    """The concepts of some words, each with the range of the words that carry it."""

    where: dict[str, tuple[int, int]]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.where)


def concepts(words: Words, lo: int, hi: int) -> Concepts:
    """The content concepts of words ``lo:hi``, first occurrence kept."""
    lemmas = [lemma(w) for w in words.norm[lo:hi]]
    where: dict[str, tuple[int, int]] = {}
    i = 0
    while i < len(lemmas):
        name, width = _concept_at(lemmas, i)
        if name is not None and name not in where:
            where[name] = (lo + i, lo + i + width)
        i += width
    return Concepts(where)


def _concept_at(lemmas: Sequence[str], i: int) -> tuple[str | None, int]:
    for phrase, name in _BY_HEAD.get(lemmas[i], ()):
        if tuple(lemmas[i : i + len(phrase)]) == phrase:
            return name, len(phrase)
    return _single(lemmas[i]), 1


def _single(word: str) -> str | None:
    """The concept of one lemma, None for a function word."""
    if word in _STOP or word in _REFERENCES or len(word) < 2 or word.isdigit():
        return None
    return _CONCEPT.get(word, word)


@dataclass(frozen=True, slots=True)
class SourceSentence:
    """One sentence of a provision: its concepts, and those that only qualify it (the words of
    "contrary to its obligations under international law", "taking into account …")."""

    entry: int
    span: tuple[int, int]
    concepts: Concepts
    qualifying: frozenset[str]


class ConceptIndex:
    """Provisions by the concepts they hold, built on the first paraphrase from the word index
    (each vocabulary word brought to its concept once); the concepts of each provision's
    sentences are worked out only for the few candidates a paraphrase is scored against."""

    def __init__(self, vocabulary: Mapping[str, int], ids: Sequence[Sequence[int]]) -> None:
        words = sorted(vocabulary, key=vocabulary.__getitem__)
        lemmas = [lemma(w) for w in words]
        concept_of: list[str | None] = [_single(w) for w in lemmas]
        pair_of: dict[tuple[str, str], str] = {p[-2:]: name for p, name in _PHRASES}  # type: ignore[misc]
        heads = {n for n, w in enumerate(lemmas) if any(w == p[0] for p in pair_of)}
        postings: dict[str, list[int]] = {}
        for entry, entry_ids in enumerate(ids):
            seen = {concept_of[i] for i in entry_ids}
            for a, b in itertools.pairwise(entry_ids):
                if a in heads and (lemmas[a], lemmas[b]) in pair_of:
                    seen.add(pair_of[lemmas[a], lemmas[b]])
            seen.discard(None)
            for name in seen:
                postings.setdefault(name, []).append(entry)  # type: ignore[arg-type]
        self.postings = postings
        self.size = len(ids)
        self.by_entry: dict[int, list[SourceSentence]] = {}
        self.words: dict[int, Words] = {}

    @classmethod
    def of_texts(cls, texts: Sequence[str]) -> "ConceptIndex":
        vocabulary: dict[str, int] = {}
        ids = [[vocabulary.setdefault(w, len(vocabulary)) for w in norm_words(t)] for t in texts]
        return cls(vocabulary, ids)

    def candidates(self, names: frozenset[str], limit: int) -> list[int]:
        lists = sorted((self.postings[n] for n in names if n in self.postings), key=len)
        common = max(_COMMON_FLOOR, int(self.size * _COMMON_SHARE))
        scores: dict[int, float] = {}
        for used, posting in enumerate(lists):
            if len(posting) > common and used >= 3:
                break
            weight = self.weight(len(posting))
            for entry in posting:
                scores[entry] = scores.get(entry, 0.0) + weight
        return sorted(scores, key=lambda e: (-scores[e], e))[:limit]

    def weight(self, held_by: int) -> float:
        return math.log((self.size + 1) / held_by) + 0.1


@dataclass(frozen=True, slots=True)
class Paraphrase:
    """Passage words matched, in other words or order, with one sentence of entry ``entry``."""

    entry: int
    span: tuple[int, int]
    score: float
    alignment: tuple[tuple[tuple[int, int], tuple[int, int]], ...]
    alterations: tuple[Alteration, ...]
    dropped: tuple[tuple[int, int], ...]


def find(
    index: ConceptIndex,
    text_of: Callable[[int], str],
    words: Words,
    lo: int,
    hi: int,
    *,
    adopted: Callable[[int], bool] = lambda e: True,
    requires: str | None = None,
) -> Paraphrase | None:
    """The provision sentence the passage words ``lo:hi`` paraphrase, or None.

    An ``adopted`` entry wins over one that is not (a national view) unless the other scores
    clearly higher; ``requires`` names a concept the words must hold to be tried at all.
    """
    mine = concepts(words, lo, hi)
    if len(mine.where) < MIN_SHARED or (requires is not None and requires not in mine.where):
        return None
    ranked: list[tuple[float, int, SourceSentence]] = []
    for entry in index.candidates(mine.names, CANDIDATES):
        for sentence in _sentences_of(index, text_of, entry):
            score = _score(index, mine, sentence)
            if score is not None:
                ranked.append((score, entry, sentence))
    if not ranked:
        return None
    top = max(s for s, _, _ in ranked)
    score, entry, sentence = max(
        ranked, key=lambda r: (r[0] >= top - ADOPTED_MARGIN and adopted(r[1]), r[0], -r[1])
    )
    source = index.words[entry]
    shared = [n for n in mine.where if n in sentence.concepts.where]
    return Paraphrase(
        entry,
        sentence.span,
        round(score, 3),
        tuple((mine.where[n], sentence.concepts.where[n]) for n in shared),
        _changes(words, lo, hi, source, sentence.span),
        _dropped(words, lo, hi, source, sentence.span),
    )


def _sentences_of(
    index: ConceptIndex, text_of: Callable[[int], str], entry: int
) -> list[SourceSentence]:
    if entry not in index.by_entry:
        words = index.words[entry] = words_of(text_of(entry))
        index.by_entry[entry] = [_source_sentence(entry, words, span) for span in sentences(words)]
    return index.by_entry[entry]


def _source_sentence(entry: int, words: Words, span: tuple[int, int]) -> SourceSentence:
    held = concepts(words, *span)
    inside = [(start, end) for start, _, end in occurrences(words, *span)]
    qualifying = frozenset(
        name
        for name, (a, b) in held.where.items()
        if name in _QUALIFYING or any(start <= a and b <= end for start, end in inside)
    )
    return SourceSentence(entry, span, held, qualifying)


def _score(index: ConceptIndex, mine: Concepts, sentence: SourceSentence) -> float | None:
    """How well the concepts match: the harmonic mean of the share of the passage's concepts
    found in the sentence (counted) and the share of the sentence's concepts, from the first
    to the last one matched, found in the passage (weighed by rarity; a tail the passage
    leaves out is judged as dropped, not as a mismatch). None below the thresholds."""
    theirs = sentence.concepts
    shared = mine.names & theirs.names
    if len(shared) < MIN_SHARED:
        return None
    first = min(theirs.where[n][0] for n in shared)
    last = max(theirs.where[n][1] for n in shared)
    window = frozenset(
        n
        for n, (a, _) in theirs.where.items()
        if first <= a < last and (n in shared or n not in sentence.qualifying)
    )

    def weight(names: frozenset[str]) -> float:
        return sum(index.weight(len(index.postings.get(n, ())) or 1) for n in names)

    # Words the passage adds ("within their jurisdiction") count once each, however rare.
    passage_cover = len(shared) / len(mine.names)
    source_cover = weight(shared) / weight(window)
    if passage_cover < MIN_PASSAGE_COVER or source_cover < MIN_SOURCE_COVER:
        return None
    score = 2 * passage_cover * source_cover / (passage_cover + source_cover)
    return score if score >= MIN_SCORE else None


def _changes(
    words: Words, lo: int, hi: int, source: Words, span: tuple[int, int]
) -> tuple[Alteration, ...]:
    mine = [lemma(w) for w in words.norm[lo:hi]]
    theirs = [lemma(w) for w in source.norm[span[0] : span[1]]]
    out = []
    if _dropped(words, lo, hi, source, span):
        out.append(Alteration.QUALIFIER_DROPPED)
    before = max((_SOURCE_MODALS[w] for w in theirs if w in _SOURCE_MODALS), default=0)
    after = max((_PASSAGE_MODALS[w] for w in mine if w in _PASSAGE_MODALS), default=0)
    if before and after > before:
        out.append(Alteration.MODAL_STRENGTHENED)
    elif after and before > after:
        out.append(Alteration.MODAL_WEAKENED)
    if bool(_NEGATIONS & set(mine)) != bool(_NEGATIONS & set(theirs)):
        out.append(Alteration.NEGATION_CHANGED)
    if (_WIDE & set(mine)) - set(theirs) or (_NARROW & set(theirs)) - set(mine):
        out.append(Alteration.SCOPE_WIDENED)
    if (_NARROW & set(mine)) - set(theirs) or (_WIDE & set(theirs)) - set(mine):
        out.append(Alteration.SCOPE_NARROWED)
    return tuple(out) or (Alteration.WORDING_CHANGED,)


def _dropped(
    words: Words, lo: int, hi: int, source: Words, span: tuple[int, int]
) -> tuple[tuple[int, int], ...]:
    """Qualifiers of the provision sentence that the passage does not carry."""
    kept = " " + " ".join(words.norm[lo:hi]) + " "
    out = []
    for start in range(*span):
        for qualifier in QUALIFIERS:
            if tuple(source.norm[start : start + len(qualifier)]) != qualifier:
                continue
            if " " + " ".join(qualifier) + " " not in kept:
                out.append((start, start + len(qualifier)))
    return tuple(out)
