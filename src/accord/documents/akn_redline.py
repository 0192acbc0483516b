"""A revision in Akoma Ntoso: the newer version with its changes marked, and what changed.

The body is the newer version with every change in place: kept words as text, inserted
words in ``ins`` and deleted ones in ``del``, a changed number as ``<num><del>13.</del>
<ins>12.</ins></num>``. A removed provision stays where it stood, ``status="removed"``, its
number and words in ``del``, so its text is not lost. ``analysis`` lists, once each, as
``passiveModifications``, every provision renumbered (its old and new numbers: the old→new
number map), substituted (its old and new text), inserted (its text) or removed (its old
number and text), each pointing at the provision's ``eId`` in this file. A sub-paragraph
whose printed letter is unchanged is not renumbered, whatever its paragraph's number.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from accord.core.amendments import Mark, MarkKind
from accord.core.provisions import Provision, ProvisionKind
from accord.documents import akn_export as ak
from accord.documents.model import DocumentMeta, ProvisionRedline

_el = ak._el


@dataclass(frozen=True, slots=True)
class _Placed:
    """A provision of the redline as written: its ``eId`` and the mods it gets."""

    line: ProvisionRedline
    eid: str
    kinds: tuple[str, ...]


def redline_akn(
    meta: DocumentMeta, redlines: Sequence[ProvisionRedline], *, previous: DocumentMeta
) -> bytes:
    """The newer version as Akoma Ntoso, its changes from ``previous`` marked in the body
    and listed in ``analysis``."""
    root, doc = ak.document(meta)
    meta_element = doc.find(ak._A + "meta")
    source = _previous(meta_element, meta, previous)
    placed = _body(_el(doc, "mainBody"), redlines)
    if any(p.kinds for p in placed):
        analysis = etree.Element(ak._A + "analysis", source="#accord")
        meta_element.find(ak._A + "lifecycle").addnext(analysis)
        _modifications(_el(analysis, "passiveModifications"), placed, source)
    return ak.serialise(root)


def _previous(meta_element: etree._Element, meta: DocumentMeta, previous: DocumentMeta) -> str:
    """The reference to the older version: the lifecycle's own when it is an earlier issue,
    else a ``passiveRef`` of its own."""
    if any(i.number == previous.version_number for i in ak.earlier(meta)):
        return f"#v{previous.version_number}"
    references = meta_element.find(ak._A + "references")
    _, expression, _ = ak.uris(previous)
    ref = etree.Element(
        ak._A + "passiveRef", eId="previous", href=expression, showAs=previous.version_label
    )
    references.find(ak._A + "original").addnext(ref)
    return "#previous"


def _provision(line: ProvisionRedline, removed: bool) -> Provision:
    label = line.old_label if removed else line.label
    return Provision(line.uid, ProvisionKind(line.kind), label, "", line.parent)


def _body(main: etree._Element, redlines: Sequence[ProvisionRedline]) -> list[_Placed]:
    make = ak.Eids()
    container = main
    paragraphs: dict[str, etree._Element] = {}
    placed: list[_Placed] = []
    for line in redlines:
        removed = not line.label
        provision = _provision(line, removed)
        eid = make(provision, "-removed" if removed else "")
        ids = {"eId": eid, "wId": ak.wid(provision)}
        if removed:
            ids["status"] = "removed"
        if provision.kind is ProvisionKind.SECTION:
            element = container = _el(main, "section", **ids)
            if line.label or line.old_label:
                _number(_el(element, "num"), line, ".")
            _marks(_el(element, "heading"), eid, line.marks)
        else:
            # A redline is a negotiation document: a preambular paragraph is one of its
            # paragraphs, numbered as negotiators call it (PP2).
            if provision.kind in (ProvisionKind.PARAGRAPH, ProvisionKind.PREAMBULAR):
                element = _el(container, "paragraph", **ids)
                paragraphs[line.uid] = element
                _number(_el(element, "num"), line, ".")
            else:
                parent = paragraphs[line.parent or ""]
                ak.as_intro(parent)
                element = _el(parent, "subparagraph", **ids)
                _number(_el(element, "num"), line)
            _marks(_el(_el(element, "content"), "p"), eid, line.marks)
        placed.append(_Placed(line, eid, tuple(_kinds(line))))
    return placed


def _printed(label: str, kind: ProvisionKind) -> str:
    """The number as the margin shows it: ``(a)`` for sub-paragraph ``13(a)``."""
    return Provision("", kind, label, "").margin_label if label else ""


def _number(num: etree._Element, line: ProvisionRedline, dot: str = "") -> None:
    kind = ProvisionKind(line.kind)
    old, new = _printed(line.old_label, kind), _printed(line.label, kind)
    if old == new:
        num.text = f"{new}{dot}"
        return
    if old:
        _el(num, "del", f"{old}{dot}")
    if new:
        _el(num, "ins", f"{new}{dot}")


def _marks(holder: etree._Element, eid: str, marks: Sequence[Mark]) -> None:
    """Kept words as text, inserted ones in ``ins``, deleted ones in ``del``."""
    count = 0
    for mark in marks:
        if mark.kind is MarkKind.SAME:
            count = ak.words_into(holder, eid, mark.text, count)
        else:
            tag = "ins" if mark.kind is MarkKind.INSERTED else "del"
            count = ak.words_into(_el(holder, tag), eid, mark.text, count)


def _kinds(line: ProvisionRedline) -> list[str]:
    if not line.label:
        return ["repeal"]
    if not line.old_label:
        return ["insertion"]
    kind = ProvisionKind(line.kind)
    renumbered = _printed(line.old_label, kind) != _printed(line.label, kind)
    kinds = ["renumbering"] if renumbered else []
    if any(m.kind is not MarkKind.SAME for m in line.marks):
        kinds.append("substitution")
    return kinds


def _modifications(passive: etree._Element, placed: Sequence[_Placed], source: str) -> None:
    count = 0
    for item in placed:
        line = item.line
        old = "".join(m.text for m in line.marks if m.kind is not MarkKind.INSERTED)
        new = "".join(m.text for m in line.marks if m.kind is not MarkKind.DELETED)
        for kind in item.kinds:
            count += 1
            mod = _el(passive, "textualMod", type=kind, eId=f"pmod_{count}")
            _el(mod, "source", href=source)
            _el(mod, "destination", href=f"#{item.eid}")
            if kind == "renumbering":
                _said(_el(mod, "old"), num=line.old_label)
                _said(_el(mod, "new"), num=line.label)
            elif kind == "substitution":
                _said(_el(mod, "old"), text=old)
                _said(_el(mod, "new"), text=new)
            elif kind == "repeal":
                _said(_el(mod, "old"), num=line.old_label, text=old)
            else:
                _said(_el(mod, "new"), num=line.label, text=new)


def _said(holder: etree._Element, **parts: str) -> None:
    """``old`` and ``new`` hold elements only: the number and the words go in accord's own
    namespace (``accord:num``, ``accord:text``)."""
    for name, value in parts.items():
        etree.SubElement(holder, f"{{{ak.ACCORD_NS}}}{name}").text = value
