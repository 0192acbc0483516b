"""Provisions and versions: the text under negotiation, with stable identifiers."""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from accord.core.errors import UnknownProvision


class ProvisionKind(StrEnum):
    SECTION = "section"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    # A resolution's preambular paragraph: unnumbered on the page, PP1, PP2, … in negotiation.
    PREAMBULAR = "preambular"


def content_hash(text: str) -> str:
    """SHA-256 of a text as UTF-8, in hex: what positions and adoptions point at."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Provision:
    """A section, paragraph or sub-paragraph of one version.

    ``uid`` is stable across versions; ``label`` is the number this version gives it
    ("13", "13(a)", "7bis"; a section's label is its letter). A section's ``text`` is its
    heading. ``parent`` is the uid of the enclosing paragraph for a sub-paragraph.
    """

    uid: str
    kind: ProvisionKind
    label: str
    text: str
    parent: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def margin_label(self) -> str:
        """What the margin shows: "13" for a paragraph, "(a)" for its sub-paragraph."""
        if self.kind is ProvisionKind.SUBPARAGRAPH and "(" in self.label:
            return "(" + self.label.rsplit("(", 1)[1]
        return self.label

    @property
    def page_label(self) -> str:
        """What the issued page prints: nothing for a preambular paragraph, "6" for the
        operative paragraph negotiators call OP6, the margin label otherwise."""
        if self.kind is ProvisionKind.PREAMBULAR:
            return ""
        if self.kind is ProvisionKind.PARAGRAPH and self.is_operative:
            return self.label[2:]
        return self.margin_label

    @property
    def is_operative(self) -> bool:
        """An operative paragraph of a resolution (labelled OP1, OP2, …) or one of its
        sub-paragraphs."""
        return self.kind is not ProvisionKind.SECTION and self.label.startswith("OP")

    @property
    def is_amendable(self) -> bool:
        """Sections are headings; delegations amend paragraphs and sub-paragraphs."""
        return self.kind is not ProvisionKind.SECTION


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """What heads a resolution or decision: the body adopting it, its session, the agenda
    item, and the delegations sponsoring the draft."""

    body: str = ""
    session: str = ""
    agenda_item: str = ""
    sponsors: tuple[str, ...] = ()

    @property
    def canonical(self) -> str:
        return "\t".join((self.body, self.session, self.agenda_item, "; ".join(self.sponsors)))


@dataclass(frozen=True, slots=True)
class Version:
    """One expression of a document: its provisions in reading order.

    A resolution or decision has a ``title_block``; its preamble is made of `PREAMBULAR`
    provisions and its operative part of paragraphs labelled OP1, OP2, ….
    """

    title: str
    provisions: tuple[Provision, ...]
    title_block: TitleBlock | None = None
    _by_uid: dict[str, Provision] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_uid", {p.uid: p for p in self.provisions})

    def __iter__(self) -> Iterator[Provision]:
        return iter(self.provisions)

    def __len__(self) -> int:
        return len(self.provisions)

    def provision(self, uid: str) -> Provision:
        """The provision with this uid, or `UnknownProvision`."""
        try:
            return self._by_uid[uid]
        except KeyError:
            raise UnknownProvision(uid) from None

    @property
    def is_resolution(self) -> bool:
        """A resolution or decision: it has a title block, a preamble or operative paragraphs."""
        return self.title_block is not None or any(
            p.kind is ProvisionKind.PREAMBULAR or p.is_operative for p in self.provisions
        )

    @property
    def content_hash(self) -> str:
        """Hash over every provision's uid, kind, label and text, in order (and over the title
        block of a resolution that has one)."""
        canonical = "\n".join(
            f"{p.uid}\t{p.kind}\t{p.label}\t{p.parent or ''}\t{p.content_hash}"
            for p in self.provisions
        )
        head = (
            self.title
            if self.title_block is None
            else f"{self.title}\n{self.title_block.canonical}"
        )
        return content_hash(f"{head}\n{canonical}")
