"""Words of a text as the checker compares them: case, punctuation and spacing set aside,
each word keeping where it stands in the original so differences can be shown on it.

How a text is cut into words and what its words are compared by depends on its language
(`accord.core.checker.languages`): English words are compared case-folded, French, Spanish
and Russian ones by their stems, Arabic ones with their optional marks left out, and Chinese
is first cut into words by jieba.
"""

import re
from dataclasses import dataclass

from accord.core.checker import languages

# Punctuation that closes a clause: a qualifier beyond it does not qualify what came before.
_CLAUSE_END = re.compile(r"[.;:!?\u3002\uff1b\uff1a\uff01\uff1f\u061b\u061f]")


@dataclass(frozen=True, slots=True)
class Words:
    """The words of ``text`` as compared (``norm``: stems where the language has them) and as
    written (``surface``), with their character spans and clause ends."""

    text: str
    norm: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    clause_end: tuple[bool, ...]
    surface: tuple[str, ...] = ()
    language: str = languages.DEFAULT

    def __len__(self) -> int:
        return len(self.norm)

    def raw(self, start: int, end: int) -> str:
        """The original text of words ``start:end``."""
        if start >= end:
            return ""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]


def words_of(text: str, language: str = languages.DEFAULT) -> Words:
    spans = tuple(languages.spans(text, language))
    gaps = [text[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)]
    ends = tuple(bool(_CLAUSE_END.search(g)) for g in gaps) + ((True,) if spans else ())
    written = [text[a:b] for a, b in spans]
    norm = tuple(languages.key(w, language) for w in written)
    surface = tuple(languages.surface(w, language) for w in written)
    return Words(text, norm, spans, ends, surface, language)


def norm_words(text: str, language: str = languages.DEFAULT) -> list[str]:
    """The compared words alone, for indexing."""
    return [languages.key(text[a:b], language) for a, b in languages.spans(text, language)]
