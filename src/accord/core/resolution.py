"""Resolutions and decisions: the opening words each paragraph leads with, in italics.

A preambular paragraph opens with a participle or an adjective ("*Recalling* its resolution
80/12", "*Deeply concerned* by"), an operative paragraph with a verb in the present tense
("*Decides* to", "*Calls upon* all States", "*Also requests* the Secretary-General"). The
Secretariat sets those opening words in italics. accord keeps the text of a paragraph plain
(delegations amend words, and markup would be words to them) and finds the opening words
when it prints: the phrases of the UN's editorial practice below, with the adverbs that go
before or after them; failing that, a capitalised first word ending as a participle (PP) or
a verb (OP) does.
"""

import re

from accord.core.provisions import Provision, ProvisionKind

# Phrases longer than one word, lower case; the longest that opens the paragraph wins.
_PHRASES = (
    "bearing in mind",
    "taking into account",
    "taking into consideration",
    "taking note",
    "takes note",
    "having considered",
    "having examined",
    "having adopted",
    "having heard",
    "having received",
    "keeping in mind",
    "noting with appreciation",
    "noting with concern",
    "noting with deep concern",
    "noting with grave concern",
    "noting with satisfaction",
    "noting further",
    "takes note with appreciation",
    "takes note with concern",
    "calls upon",
    "calls on",
    "expresses its appreciation",
    "expresses its concern",
    "expresses its deep concern",
    "expresses its gratitude",
    "expresses its support",
    "looks forward",
    "is convinced",
    "being convinced",
)
# Adjectives that open a preambular paragraph without a participle's ending.
_ADJECTIVES = frozenset({"mindful", "aware", "conscious", "cognizant", "desirous", "convinced"})
# Adverbs that lead an opening verb ("Also decides") or follow it ("Recalling also").
_BEFORE = frozenset({"also", "further", "deeply", "strongly", "firmly", "fully", "once", "again"})
_AFTER = frozenset({"also", "further", "again", "moreover"})


def opening_words(provision: Provision) -> int:
    """How many words at the start of ``provision`` are its opening words (set in italics):
    0 for a provision that is not a preambular or operative paragraph of a resolution, or
    that opens otherwise."""
    preambular = provision.kind is ProvisionKind.PREAMBULAR
    if not preambular and not (
        provision.kind is ProvisionKind.PARAGRAPH and provision.is_operative
    ):
        return 0
    words = provision.text.split()
    lowered = [w.lower().rstrip(",") for w in words]
    n = 0
    while n < len(words) - 1 and lowered[n] in _BEFORE:
        n += 1
    length = _phrase(lowered[n:]) or _verb(words[n : n + 1], preambular=preambular, led=n > 0)
    if not length:
        return 0
    n += length
    while n < len(words) and lowered[n] in _AFTER:
        n += 1
    return n


def _phrase(words: list[str]) -> int:
    found = [len(p.split()) for p in _PHRASES if words[: len(p.split())] == p.split()]
    return max(found, default=0)


def _verb(word: list[str], *, preambular: bool, led: bool) -> int:
    """1 when ``word`` is an opening verb; after an adverb ("Deeply concerned") it is in
    lower case."""
    if not word or not (led or word[0][:1].isupper()):
        return 0
    bare = word[0].rstrip(",")
    if preambular and bare.lower() in _ADJECTIVES:
        return 1
    endings = ("ing", "ed") if preambular else ("s",)
    return 1 if bare.isalpha() and bare.endswith(endings) else 0


def opening_split(provision: Provision) -> tuple[str, str]:
    """The text of ``provision`` cut after its opening words: (opening words, the rest with
    the space that leads it); ("", text) when it has none. Joined, they give the text."""
    n = opening_words(provision)
    if not n:
        return "", provision.text
    found = re.match(rf"\s*(?:\S+\s+){{{n - 1}}}\S+", provision.text)
    assert found is not None  # opening_words counted n words
    return found.group(), provision.text[found.end() :]
