"""A seeded document and a Chair's revision of it, with the known truth of its lineage.

The revision rewrites, moves, splits, merges, inserts and deletes paragraphs and renumbers
everything, as a Chair does between a zero draft and Rev.1. The truth says, for every old
number, which new numbers continue it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import count

from accord.bench import prose
from accord.core.provisions import ProvisionKind, Version

# Shares of the paragraphs that each kind of edit touches in the revision.
EDITS = {"rewrite": 0.12, "move": 0.03, "split": 0.03, "merge": 0.03, "delete": 0.03}
INSERT_SHARE = 0.04
PARAGRAPHS_PER_SECTION = 25


@dataclass(slots=True)
class _Item:
    ident: int
    kind: str  # "section" or "paragraph"
    text: str


@dataclass(frozen=True, slots=True)
class Scenario:
    """Two drafts in the plain-text format and the truth: old label → new labels."""

    old_text: str
    new_text: str
    truth: dict[str, frozenset[str]]
    new_labels: frozenset[str]
    words: int


def generate(paragraphs: int = 300, seed: int = 2025) -> Scenario:
    """A document of ``paragraphs`` paragraphs and its revision, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 (a seeded benchmark, not a secret)
    ids = count()
    return _scenario(rng, ids, _document(rng, ids, paragraphs))


def revise_draft(version: Version, seed: int = 2025) -> Scenario:
    """A seeded revision of a real draft's sections and paragraphs (sub-paragraphs are
    joined to their paragraph), to measure lineage on prose that was not generated."""
    rng = random.Random(seed)  # noqa: S311 (a seeded benchmark, not a secret)
    ids = count()
    items: list[_Item] = []
    for p in version:
        if p.kind is ProvisionKind.SUBPARAGRAPH:
            items[-1].text = f"{items[-1].text} {p.text}"
        else:
            items.append(
                _Item(
                    next(ids), "section" if p.kind is ProvisionKind.SECTION else "paragraph", p.text
                )
            )
    return _scenario(rng, ids, items)


def _scenario(rng: random.Random, ids: count[int], old: list[_Item]) -> Scenario:
    new, successors = _revise(rng, ids, old)
    old_text, old_labels = _render("Zero draft", old)
    new_text, new_labels = _render("Rev.1", new)
    truth = {
        old_labels[item.ident]: frozenset(new_labels[s] for s in successors[item.ident])
        for item in old
    }
    return Scenario(
        old_text=old_text,
        new_text=new_text,
        truth=truth,
        new_labels=frozenset(new_labels.values()),
        words=sum(len(item.text.split()) for item in old),
    )


def _document(rng: random.Random, ids: count[int], paragraphs: int) -> list[_Item]:
    items = []
    for n in range(paragraphs):
        if n % PARAGRAPHS_PER_SECTION == 0:
            items.append(_Item(next(ids), "section", prose.heading(rng)))
        items.append(_Item(next(ids), "paragraph", prose.paragraph(rng, rng.choice((2, 3)))))
    return items


def _revise(
    rng: random.Random, ids: count[int], old: list[_Item]
) -> tuple[list[_Item], dict[int, set[int]]]:
    """The revised items, and old ident → the idents that continue it."""
    successors = {item.ident: {item.ident} for item in old}
    items = [_Item(i.ident, i.kind, i.text) for i in old]
    plan = _plan(rng, [i.ident for i in old if i.kind == "paragraph"])
    for ident, edit in plan.items():
        at = next(k for k, item in enumerate(items) if item.ident == ident)
        _EDIT[edit](rng, ids, items, at, successors)
    for _ in range(int(INSERT_SHARE * len(plan) / sum(EDITS.values()))):
        at = rng.randrange(1, len(items) + 1)
        items.insert(at, _Item(next(ids), "paragraph", prose.paragraph(rng, 2)))
    return items, successors


def _plan(rng: random.Random, paragraphs: list[int]) -> dict[int, str]:
    """Which paragraph gets which edit; a merged paragraph's neighbour is left alone."""
    chosen = rng.sample(paragraphs, int(len(paragraphs) * sum(EDITS.values())))
    edits = [e for e, share in EDITS.items() for _ in range(int(len(paragraphs) * share))]
    plan = dict(zip(chosen, edits, strict=False))
    for ident, edit in list(plan.items()):
        if edit == "merge" and ident + 1 in plan:
            del plan[ident]
    return plan


def _rewrite(rng: random.Random, ids: count[int], items: list[_Item], at: int, _: object) -> None:
    items[at].text = prose.rewrite(rng, items[at].text, rng.uniform(0.05, 0.25))


def _move(rng: random.Random, ids: count[int], items: list[_Item], at: int, _: object) -> None:
    item = items.pop(at)
    items.insert(rng.randrange(1, len(items) + 1), item)


def _delete(
    rng: random.Random, ids: count[int], items: list[_Item], at: int, succ: dict[int, set[int]]
) -> None:
    succ[items.pop(at).ident] = set()


def _split(
    rng: random.Random, ids: count[int], items: list[_Item], at: int, succ: dict[int, set[int]]
) -> None:
    item = items[at]
    sentences = item.text.split(". ")
    if len(sentences) > 1:
        cut = rng.randrange(1, len(sentences))
        first, second = ". ".join(sentences[:cut]) + ".", ". ".join(sentences[cut:])
    else:  # one sentence: cut it at a word in its middle half
        words = item.text.split(" ")
        cut = rng.randrange(len(words) // 4, 3 * len(words) // 4 + 1) or 1
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
    parts = [_Item(next(ids), "paragraph", first), _Item(next(ids), "paragraph", second)]
    items[at : at + 1] = parts
    succ[item.ident] = {p.ident for p in parts}


def _merge(
    rng: random.Random, ids: count[int], items: list[_Item], at: int, succ: dict[int, set[int]]
) -> None:
    if at + 1 >= len(items) or items[at + 1].kind != "paragraph":
        return
    first, second = items[at], items[at + 1]
    merged = _Item(next(ids), "paragraph", f"{first.text} {second.text}")
    items[at : at + 2] = [merged]
    for ident in (first.ident, second.ident):
        for old, news in succ.items():
            if ident in news:
                succ[old] = (news - {ident}) | {merged.ident}


_EDIT = {"rewrite": _rewrite, "move": _move, "delete": _delete, "split": _split, "merge": _merge}


def _render(title: str, items: list[_Item]) -> tuple[str, dict[int, str]]:
    """The draft text, numbering sections A, B, … and paragraphs 1, 2, …; ident → label."""
    lines, labels = [f"# {title}", ""], {}
    sections = paragraphs = 0
    for item in items:
        if item.kind == "section":
            label = _letters(sections)
            sections += 1
            lines += [f"## {label}. {item.text}", ""]
        else:
            paragraphs += 1
            label = str(paragraphs)
            lines += [f"{label}. {item.text}", ""]
        labels[item.ident] = label
    return "\n".join(lines), labels


def _letters(n: int) -> str:
    return chr(ord("A") + n) if n < 26 else chr(ord("A") + n // 26 - 1) + chr(ord("A") + n % 26)
