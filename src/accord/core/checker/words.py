"""Words of a text as the checker compares them: case, punctuation and spacing set aside,
each word keeping where it stands in the original so differences can be shown on it."""

import re
from dataclasses import dataclass

# Letters and digits only: hyphens, apostrophes and punctuation separate words, so
# "non-binding" and "non binding" compare equal, as do "States'" and "States".
_WORD = re.compile(r"\w+")
# Punctuation that closes a clause: a qualifier beyond it does not qualify what came before.
_CLAUSE_END = re.compile(r"[.;:!?]")
_BRITISH = (("isation", "ization"), ("isations", "izations"))


@dataclass(frozen=True, slots=True)
class Words:
    """The normalised words of ``text`` with their character spans and clause ends."""

    text: str
    norm: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    clause_end: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.norm)

    def raw(self, start: int, end: int) -> str:
        """The original text of words ``start:end``."""
        if start >= end:
            return ""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]


def normalise(word: str) -> str:
    word = word.casefold()
    for british, american in _BRITISH:
        if word.endswith(british):
            return word[: -len(british)] + american
    return word


def words_of(text: str) -> Words:
    found = list(_WORD.finditer(text))
    spans = tuple(m.span() for m in found)
    gaps = [text[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)]
    ends = tuple(bool(_CLAUSE_END.search(g)) for g in gaps) + ((True,) if spans else ())
    return Words(text, tuple(normalise(m.group()) for m in found), spans, ends)


def norm_words(text: str) -> list[str]:
    """The normalised words alone, for indexing."""
    return [normalise(w) for w in _WORD.findall(text)]
