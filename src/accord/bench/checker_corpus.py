"""A generated corpus in the style of negotiated reports, and passages drawn from it.

Everything is seeded: the same size and seed give the same corpus and the same passages.
Provisions share their sentence patterns and much of their vocabulary, as real reports do,
so that finding the right one takes more than spotting a rare word.
"""

import random
from dataclasses import dataclass

from accord.core.checker.corpus import CorpusEntry, SourceStatus

_SUBJECTS = (
    "States", "All States", "The Group", "Member States", "States and other actors",
    "Regional organizations", "The international community", "Developing States",
)  # fmt: skip
_MODALS = ("should", "may", "are encouraged to", "could", "will", "reaffirmed that they would")
_VERBS = (
    "cooperate on", "strengthen", "consider", "promote", "support", "develop", "exchange views on",
    "protect", "take measures to protect", "refrain from undermining", "respond to", "assess",
    "share information on", "build capacity for", "facilitate", "encourage", "recognize",
)  # fmt: skip
_QUALIFIERS = (
    "consistent with international law", "where appropriate", "on a voluntary basis",
    "in accordance with national legislation", "with due regard to the sovereignty of States",
    "as appropriate", "taking into account national circumstances", "",
)  # fmt: skip
_DOMAIN = (
    "critical infrastructure", "information and communications technologies", "supply chains",
    "incident response", "confidence-building measures", "capacity-building", "vulnerabilities",
    "the technical infrastructure of the Internet", "national points of contact", "ransomware",
    "emergency response teams", "cooperation mechanisms", "norms of responsible behaviour",
    "the applicability of international law", "data protection", "humanitarian organizations",
)  # fmt: skip
_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ra",
    "te",
    "vu",
    "ne",
    "sa",
    "di",
    "po",
    "gre",
    "ther",
    "ban",
    "cor",
)


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage made from corpus entry ``truth`` in the way named by ``kind``."""

    text: str
    truth: int
    kind: str


def _terms(rng: random.Random, count: int) -> list[str]:
    words = {
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)
    }
    return sorted(words)


def _sentence(rng: random.Random, terms: list[str]) -> str:
    thing = rng.choice(_DOMAIN)
    detail = " ".join(rng.sample(terms, rng.randint(2, 4)))
    qualifier = rng.choice(_QUALIFIERS)
    tail = f", {qualifier}" if qualifier else ""
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_MODALS)} {rng.choice(_VERBS)} {thing} "
        f"relating to {detail} and {rng.choice(_DOMAIN)}{tail}."
    )


def generate_corpus(size: int, seed: int = 1) -> list[CorpusEntry]:
    """``size`` provisions of one to three sentences, a tenth of them national views."""
    rng = random.Random(seed)  # noqa: S311 -- a seeded, reproducible corpus, not a secret
    terms = _terms(rng, 8000)
    entries = []
    for n in range(size):
        text = " ".join(_sentence(rng, terms) for _ in range(rng.randint(1, 3)))
        view = n % 10 == 9
        entries.append(
            CorpusEntry(
                document=f"A/{70 + n % 9}/{100 + n // 1000}",
                provision=str(n % 1000 + 1),
                status=SourceStatus.NATIONAL_VIEW if view else SourceStatus.CONSENSUS,
                holder="Freedonia" if view else None,
                date=None,
                text=text,
            )
        )
    return entries


_KINDS = ("verbatim", "partial", "case-and-punctuation", "reworded", "qualifier-dropped")


def make_passages(corpus: list[CorpusEntry], count: int, seed: int = 2) -> list[Passage]:
    """``count`` single sentences drawn from random provisions, each altered in one way."""
    rng = random.Random(seed)  # noqa: S311 -- a seeded, reproducible corpus, not a secret
    out = []
    for n in range(count):
        truth = rng.randrange(len(corpus))
        sentence = rng.choice(corpus[truth].text.split(". ")).rstrip(".") + "."
        kind = _KINDS[n % len(_KINDS)]
        out.append(Passage(_alter(rng, sentence, kind), truth, kind))
    return out


def _alter(rng: random.Random, sentence: str, kind: str) -> str:
    words = sentence.split()
    if kind == "partial":
        keep = max(6, int(len(words) * 0.6))
        start = rng.randrange(0, len(words) - keep + 1)
        return " ".join(words[start : start + keep])
    if kind == "case-and-punctuation":
        return sentence.upper().replace(",", "").replace(".", "!")
    if kind == "reworded":
        for _ in range(2):
            words[rng.randrange(len(words))] = rng.choice(("also", "further", "duly", "thus"))
        return " ".join(words)
    if kind == "qualifier-dropped":
        return sentence.split(",")[0] + "."
    return sentence
