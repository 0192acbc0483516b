"""Reading the tracked changes of a Word file back as redline marks.

Used to check that an exported redline says exactly what accord's redline says, and the
first step toward reading a delegation's tracked-changes file as its proposal.
"""

from dataclasses import dataclass

from lxml import etree

from accord.core.amendments import Mark, MarkKind
from accord.documents import ooxml_parts as ox
from accord.documents.safezip import Package


@dataclass(frozen=True, slots=True)
class TrackedParagraph:
    """One paragraph of the file: its runs as marks, and who made each change."""

    marks: tuple[Mark, ...]
    authors: tuple[str, ...]
    inserted: bool = False
    deleted: bool = False


def read_revisions(data: bytes) -> tuple[TrackedParagraph, ...]:
    package = Package(data)
    body = package.xml(ox.main_part(package)).find(ox.w("body"))
    if body is None:
        return ()
    return tuple(_paragraph(p) for p in body.iter(ox.w("p")))


def _paragraph(p: etree._Element) -> TrackedParagraph:
    marks: list[Mark] = []
    authors: list[str] = []
    for node in p.iter(ox.w("t"), ox.w("delText"), ox.w("tab")):
        change = _change(node)
        kind = MarkKind.SAME
        if change is not None:
            kind = MarkKind.INSERTED if change.tag == ox.w("ins") else MarkKind.DELETED
            authors.append(ox.attr(change, "author"))
        text = "\t" if node.tag == ox.w("tab") else str(node.text or "")
        if marks and marks[-1].kind is kind:
            marks[-1] = Mark(kind, marks[-1].text + text)
        else:
            marks.append(Mark(kind, text))
    rpr = p.find(f"{ox.w('pPr')}/{ox.w('rPr')}")
    return TrackedParagraph(
        marks=tuple(marks),
        authors=tuple(dict.fromkeys(authors)),
        inserted=rpr is not None and rpr.find(ox.w("ins")) is not None,
        deleted=rpr is not None and rpr.find(ox.w("del")) is not None,
    )


def _change(node: etree._Element) -> etree._Element | None:
    for ancestor in node.iterancestors(ox.w("ins"), ox.w("del"), ox.w("p")):
        return None if ancestor.tag == ox.w("p") else ancestor
    return None
