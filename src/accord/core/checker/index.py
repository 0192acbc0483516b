"""An inverted index over word pairs, to find the few provisions worth aligning with a segment.

Aligning a segment with every provision of a large corpus is slow; most provisions share no
two consecutive words with it. The index maps each pair of consecutive (normalised) words to
the provisions holding it, and ranks provisions by the rarity-weighted pairs they share with
the segment. Only the best few are then aligned word by word (`accord.core.checker.align`).
"""

import gc
import itertools
import math
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from accord.core.checker.corpus import CorpusEntry
from accord.core.checker.languages import DEFAULT
from accord.core.checker.words import norm_words

# A pair held by more than this share of a large corpus says little about which provision a
# segment comes from ("of the", "States should"); it is used only when nothing rarer is there.
_COMMON_SHARE = 0.02
_COMMON_FLOOR = 200
_MIN_PAIRS = 3


@dataclass(slots=True)
class CorpusIndex:
    """The corpus entries, their words as vocabulary ids, and the pair postings."""

    entries: tuple[CorpusEntry, ...]
    vocabulary: dict[str, int] = field(default_factory=dict)
    ids: Sequence[array[int]] = field(default_factory=list)
    postings: Mapping[int, array[int]] = field(default_factory=dict)
    # The paraphrase path's index of concepts (`paraphrase.ConceptIndex`), built on first use.
    concepts: object | None = None
    # The language of each entry; empty when every entry is in English.
    languages: Sequence[str] = ()

    def __len__(self) -> int:
        return len(self.entries)

    def word_ids(self, words: Sequence[str]) -> list[int]:
        """Vocabulary ids of ``words``; a word the corpus never uses gets an id matching none."""
        unknown = -1
        out = []
        for word in words:
            found = self.vocabulary.get(word)
            if found is None:
                found, unknown = unknown, unknown - 1
            out.append(found)
        return out

    def language(self, entry: int) -> str:
        return self.languages[entry] if self.languages else DEFAULT

    def candidates(self, ids: Sequence[int], limit: int, language: str = DEFAULT) -> list[int]:
        """Up to ``limit`` entries in ``language`` sharing the rarest word pairs with ``ids``,
        best first."""
        pairs = {_pair(a, b) for a, b in itertools.pairwise(ids) if a >= 0 and b >= 0}
        lists = sorted((self.postings[p] for p in pairs if p in self.postings), key=len)
        common = max(_COMMON_FLOOR, int(len(self.entries) * _COMMON_SHARE))
        scores: dict[int, float] = {}
        total = len(self.entries) + 1
        for used, posting in enumerate(lists):
            if len(posting) > common and used >= _MIN_PAIRS:
                break
            weight = math.log(total / len(posting))
            for entry in posting:
                scores[entry] = scores.get(entry, 0.0) + weight
        ranked = sorted(scores, key=lambda e: (-scores[e], e))
        if self.languages:
            ranked = [e for e in ranked if self.languages[e] == language]
        elif language != DEFAULT:
            return []
        return ranked[:limit]


def _pair(a: int, b: int) -> int:
    return (a << 32) | b


def build_index(entries: Sequence[CorpusEntry]) -> CorpusIndex:
    """Index ``entries`` for `CorpusIndex.candidates`."""
    # Millions of small lists would set the cyclic garbage collector off again and again,
    # scanning them in vain: none of them can be part of a cycle.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(entries)
    finally:
        if collecting:
            gc.enable()


def _build(entries: Sequence[CorpusEntry]) -> CorpusIndex:
    index = CorpusIndex(entries=tuple(entries))
    vocabulary = index.vocabulary
    growing: dict[int, list[int]] = {}
    all_ids: list[array[int]] = []
    for position, entry in enumerate(index.entries):
        words = norm_words(entry.text, entry.language)
        ids = array("i", (vocabulary.setdefault(w, len(vocabulary)) for w in words))
        all_ids.append(ids)
        for pair in {_pair(a, b) for a, b in itertools.pairwise(ids)}:
            growing.setdefault(pair, []).append(position)
    index.ids = all_ids
    if any(e.language != DEFAULT for e in index.entries):
        index.languages = tuple(e.language for e in index.entries)
    index.postings = {pair: array("i", found) for pair, found in growing.items()}
    return index
