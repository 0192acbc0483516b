"""The redline between any two versions, provision by provision through their lineage.

Every word of the old version is in the redline, kept or deleted, and every word of the new
version, kept or inserted: deleted words can never disappear. A split or merged provision is
compared as the joined text of its old parts against the joined text of its new parts.
"""

from dataclasses import dataclass

from accord.core.amendments import Mark, MarkKind, word_marks
from accord.core.lineage import Lineage, Link, Succession, trace_lineage
from accord.core.provisions import ProvisionKind, Version

# Parts of a split or merged provision are joined with one space, as they read in a paragraph.
JOINER = " "


@dataclass(frozen=True, slots=True)
class RedlineEntry:
    """One link of the lineage with the word-level marks between its old and new text."""

    link: Link
    kind: ProvisionKind
    marks: tuple[Mark, ...]

    @property
    def changed(self) -> bool:
        """Whether anything shows: words, number, place, split, merger, deletion or addition."""
        link = self.link
        return (
            link.succession is not Succession.KEPT
            or link.revised
            or link.moved
            or (link.renumbered)
        )


@dataclass(frozen=True, slots=True)
class Redline:
    """Two versions compared: entries in the new reading order and the old→new number map."""

    old_title: str
    new_title: str
    entries: tuple[RedlineEntry, ...]
    number_map: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def changes(self) -> tuple[RedlineEntry, ...]:
        return tuple(e for e in self.entries if e.changed)

    @property
    def is_empty(self) -> bool:
        """No changed provision and the same title: the two versions read the same."""
        return self.old_title == self.new_title and not self.changes


def compare_versions(old: Version, new: Version, lineage: Lineage | None = None) -> Redline:
    """The redline of ``old`` against ``new``, tracing their lineage unless it is given."""
    lineage = lineage or trace_lineage(old, new)
    entries = tuple(_entry(old, new, link) for link in lineage.links)
    return Redline(old.title, new.title, entries, lineage.number_map())


def _entry(old: Version, new: Version, link: Link) -> RedlineEntry:
    if link.succession is Succession.KEPT and not link.revised:
        provision = new.provision(link.new[0])
        return RedlineEntry(link, provision.kind, (Mark(MarkKind.SAME, provision.text),))
    old_text = JOINER.join(old.provision(uid).text for uid in link.old)
    new_text = JOINER.join(new.provision(uid).text for uid in link.new)
    kind = new.provision(link.new[0]).kind if link.new else old.provision(link.old[0]).kind
    return RedlineEntry(link, kind, word_marks(old_text, new_text))


def side_text(marks: tuple[Mark, ...], side: MarkKind) -> str:
    """The text on one side of marks: kept and deleted runs for the old side
    (``MarkKind.DELETED``), kept and inserted runs for the new (``MarkKind.INSERTED``)."""
    return "".join(m.text for m in marks if m.kind in (MarkKind.SAME, side))


def redline_problems(old: Version, new: Version, redline: Redline) -> tuple[str, ...]:
    """Uids whose text the redline does not reproduce, or that it names but the versions lack,
    and "old-provisions"/"new-provisions" when it shows a provision twice or never.

    An empty answer proves that the old text plus the redline gives the new text and that
    every deleted word is in the redline.
    """
    old_texts = {p.uid: p.text for p in old}
    new_texts = {p.uid: p.text for p in new}
    problems: list[str] = []
    for entry in redline.entries:
        link = entry.link
        problems += _unreproduced(link.old, old_texts, side_text(entry.marks, MarkKind.DELETED))
        problems += _unreproduced(link.new, new_texts, side_text(entry.marks, MarkKind.INSERTED))
    if sorted(u for e in redline.entries for u in e.link.old) != sorted(old_texts):
        problems.append("old-provisions")
    if sorted(u for e in redline.entries for u in e.link.new) != sorted(new_texts):
        problems.append("new-provisions")
    return tuple(problems)


def _unreproduced(uids: tuple[str, ...], texts: dict[str, str], shown: str) -> tuple[str, ...]:
    missing = tuple(uid for uid in uids if uid not in texts)
    if missing:
        return missing
    return () if JOINER.join(texts[uid] for uid in uids) == shown else uids
