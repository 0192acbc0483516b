"""Reading an Akoma Ntoso 3.0 document as a version: accord's own files and others'.

The file is parsed as hostile XML (no DTD, no entities, no network) and must validate against
the official schema; the first error is refused as `InvalidAkomaNtoso`, in parts the words
layer explains (the line, the element, what to change). A ``doc`` (a report) or
a ``statement`` (a resolution or decision, AKN4UN) is read:

- accord's own files (they carry accord's ``proprietary`` block) give back exactly the version
  written: uids from the ``wId``s, labels from the numbers and the negotiation labels;
- a file written elsewhere is mapped onto accord's provisions: the ``preface``'s title,
  symbol, body, session and sponsors; each part of the ``preamble`` (a ``container``, a
  ``p``, a ``recital``, a ``citation``) a preambular paragraph PP1, PP2, …; ``section``,
  ``division``, ``chapter``, ``part`` and ``title`` a section (``num``, ``heading``); each
  ``paragraph`` (or ``article``) a paragraph — an operative paragraph OP1, OP2, … in a
  ``statement`` — its ``intro``/``content`` its words; its ``subparagraph``s, a ``list``'s
  ``point``s and a ``blockList``'s ``item``s its sub-paragraphs ((a), (b), …), deeper levels
  joined to theirs; ``authorialNote`` an inline note; ``ref`` and inline formatting their
  words. Identifiers come from the numbering (``op6``, ``op6-a``; ``b-op1``, labelled OPB.1,
  when division B numbers its paragraphs from 1 again).

Whatever is not carried over (an enacting formula, a division's introduction, a table, the
conclusions, attachments) is named in a `Notice` (``not-carried``), with the number of the
provision it follows and the element's name and first words.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from accord.core.provisions import Provision, ProvisionKind, TitleBlock, Version
from accord.documents.akn_export import ACCORD_NS
from accord.documents.akn_schema import AKN_NS, first_error
from accord.documents.errors import (
    MAX_PARAGRAPHS,
    Problem,
    TooManyParagraphs,
    UnreadableDocument,
)
from accord.documents.model import DocumentMeta, Notice
from accord.documents.notes import note
from accord.documents.safezip import check_size, parse_xml

_A = f"{{{AKN_NS}}}"
_SECTIONS = frozenset({"section", "division", "chapter", "part", "title", "book", "subsection"})
_PARAGRAPHS = frozenset({"paragraph", "article", "clause", "rule"})
_SUBPARAGRAPHS = frozenset({"subparagraph", "point", "item", "alinea", "indent"})
# Blocks inside a paragraph that no provision carries (their words are left out too).
_LEFT_OUT = ("table", "img", "hcontainer", "tblock", "blockContainer", "foreign")
_PREAMBLE_PARTS = frozenset({"container", "p", "recital", "citation", "blockContainer"})
_COUNTED = tuple(
    _A + tag for tag in (*_SECTIONS, *_PARAGRAPHS, *_SUBPARAGRAPHS, "container", "recital")
)


@dataclass(frozen=True, slots=True)
class AknFile:
    """What an Akoma Ntoso file holds: its description, its version and what was not
    carried over."""

    meta: DocumentMeta
    version: Version
    notices: tuple[Notice, ...] = ()


def read_akn(data: bytes) -> tuple[DocumentMeta, Version]:
    """The document's description and its version; `UnreadableDocument` otherwise."""
    found = read_akn_file(data)
    return found.meta, found.version


def read_akn_file(data: bytes) -> AknFile:
    """The document's description, its version and what was left out; `UnreadableDocument`
    (or `TooManyParagraphs`, `FileTooLarge`) otherwise."""
    check_size(data)
    root = parse_xml(data, where="akn")
    if root.tag != _A + "akomaNtoso":
        raise UnreadableDocument(Problem.NOT_AKOMA_NTOSO, str(root.tag))
    # Counted before the schema is checked, which is the costly part for a large file.
    if sum(1 for _ in root.iter(*_COUNTED)) > MAX_PARAGRAPHS:
        raise TooManyParagraphs(MAX_PARAGRAPHS)
    problem = first_error(root)
    if problem is not None:
        raise problem
    doc = next((e for e in root if e.tag in (_A + "doc", _A + "statement")), None)
    body = doc.find(_A + "mainBody") if doc is not None else None
    if doc is None or body is None:
        kind = etree.QName(root[0]).localname if len(root) else "akomaNtoso"
        raise UnreadableDocument(Problem.NOT_AKOMA_NTOSO, kind)
    own = doc.find(f"{_A}meta/{_A}proprietary/{{{ACCORD_NS}}}version") is not None
    reader = _Reader(own=own, statement=doc.tag == _A + "statement")
    meta = _meta(doc)
    reader.preamble(doc.find(_A + "preamble"))
    reader.container(body)
    for tag in ("conclusions", "attachments", "components"):
        for element in doc.findall(_A + tag):
            reader.leave(element)
    if not any(p.kind is ProvisionKind.PARAGRAPH for p in reader.provisions):
        raise UnreadableDocument(Problem.NO_PARAGRAPHS)
    version = Version(
        title=meta.title,
        provisions=tuple(reader.provisions),
        title_block=_title_block(doc, own=own, statement=reader.statement),
    )
    return AknFile(meta, version, tuple(reader.notices))


def _text_of(element: etree._Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _first(doc: etree._Element, path: str) -> str:
    return _text_of(doc.find(path))


def _meta(doc: etree._Element) -> DocumentMeta:
    version = doc.find(f".//{{{ACCORD_NS}}}version")
    mine = version if version is not None else etree.Element("none")
    number = str(mine.get("number", "1"))
    work = doc.find(f"{_A}meta/{_A}identification/{_A}FRBRWork")
    alias = work.find(f"{_A}FRBRalias[@name='symbol']") if work is not None else None
    name = work.find(f"{_A}FRBRname") if work is not None else None
    symbol = _first(doc, f"{_A}preface//{_A}docNumber[@refersTo='#symbol']") or (
        _first(doc, f"{_A}preface/{_A}p[@class='symbol']/{_A}docNumber")
    )
    for fallback in (alias, name):
        if not symbol and fallback is not None:
            symbol = str(fallback.get("value", ""))
    return DocumentMeta(
        title=_first(doc, f".//{_A}docTitle") or _first(doc, f".//{_A}longTitle"),
        symbol=symbol,
        version_label=str(mine.get("label", "")) or _first(doc, f".//{_A}docStatus"),
        version_number=int(number) if number.isdigit() else 1,
        document_slug=str(mine.get("document", "document")),
        issued=_date(doc, "FRBRExpression") or date.today(),
        work_date=_date(doc, "FRBRWork"),
        adopted=_date(doc, "FRBRExpression", "adoption") or _date(doc, "FRBRWork", "adoption"),
    )


def _date(doc: etree._Element, frbr: str, name: str = "") -> date | None:
    """The date of the work or expression (the schema has checked it is an xsd:date), or
    its date of that ``name`` ("adoption")."""
    named = f"[@name='{name}']" if name else ""
    found = doc.find(f".//{_A}{frbr}/{_A}FRBRdate{named}")
    return date.fromisoformat(str(found.get("date"))[:10]) if found is not None else None


def _title_block(doc: etree._Element, *, own: bool, statement: bool) -> TitleBlock | None:
    """accord's own title block, exactly; else what the preface says of a statement."""
    mine = doc.find(f"{_A}meta/{_A}proprietary/{{{ACCORD_NS}}}titleBlock")
    if mine is not None:
        sponsors = tuple(s.text or "" for s in mine.iter(f"{{{ACCORD_NS}}}sponsor"))
        return TitleBlock(
            str(mine.get("body", "")),
            str(mine.get("session", "")),
            str(mine.get("agendaItem", "")),
            sponsors,
        )
    if own or not statement:
        return None
    preface = doc.find(_A + "preface")
    found = preface.iter(_A + "docProponent") if preface is not None else iter(())
    sponsors = tuple(_text_of(s) for s in found)
    agenda = _first(doc, f"{_A}preface/{_A}p[@class='agendaItem']")
    return TitleBlock(
        body=_first(doc, f"{_A}preface//{_A}docAuthority"),
        session=_first(doc, f"{_A}preface//{_A}session"),
        agenda_item=re.sub(r"^(?i:agenda item)\s*", "", agenda),
        sponsors=tuple(s for s in sponsors if s),
    )


def _uid(element: etree._Element) -> str:
    """The uid in a ``wId`` (in an ``eId`` for a file that has none): its last component,
    after the element's own prefix."""
    stable = element.get("wId") or element.get("eId", "")
    return str(stable).rsplit("__", 1)[-1].split("_", 1)[-1]


def _fragment(label: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", label.lower())


def _number(element: etree._Element) -> str:
    """The element's ``num`` without its dot or brackets: "6", "A", "a"."""
    return _first(element, _A + "num").strip().rstrip(".").strip("()").strip()


@dataclass
class _Reader:
    own: bool
    statement: bool
    provisions: list[Provision] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    uids: set[str] = field(default_factory=set)
    section: str = ""

    def where(self) -> str:
        return self.provisions[-1].label if self.provisions else ""

    def leave(self, element: etree._Element) -> None:
        """Name an element that is not carried over."""
        # The words of separate blocks (table cells, say) stay apart.
        blocks = [_text_of(p) for p in element.iter(_A + "p")] or [_text_of(element)]
        words = " ".join(blocks)[:80]
        self.notices.append(Notice("not-carried", self.where(), f"{_name(element)}: {words}"))

    def add(self, provision: Provision) -> None:
        self.provisions.append(provision)
        self.uids.add(provision.uid)

    def unique(self, uid: str) -> str:
        """``uid``, or with the section's letter before it when the numbering restarted."""
        if uid not in self.uids:
            return uid
        prefixed = f"{_fragment(self.section) or 's'}-{uid}"
        found, n = prefixed, 1
        while found in self.uids:
            n += 1
            found = f"{prefixed}-{n}"
        return found

    def preamble(self, preamble: etree._Element | None) -> None:
        if preamble is None:
            return
        for element in preamble:
            tag = etree.QName(element).localname
            if tag in ("recitals", "citations"):
                self.preamble(element)
            elif tag in _PREAMBLE_PARTS and _text_of(element):
                self.preambular(element)
            elif tag not in ("intro", "wrapUp") or _text_of(element):
                self.leave(element)

    def preambular(self, element: etree._Element) -> None:
        count = sum(p.kind is ProvisionKind.PREAMBULAR for p in self.provisions) + 1
        named = _uid(element) if self.own else ""
        eid = str(element.get("eId", "")).rsplit("_", 1)[-1]
        label = eid if self.own and eid.startswith("PP") else f"PP{count}"
        uid = self.unique(named or _fragment(label))
        self.add(Provision(uid, ProvisionKind.PREAMBULAR, label, _words(element, whole=True)))

    def container(self, container: etree._Element) -> None:
        for element in container:
            tag = etree.QName(element).localname
            if tag in _SECTIONS:
                self.section_of(element)
            elif tag in _PARAGRAPHS:
                self.paragraph(element)
            elif tag in ("num", "heading", "subheading"):
                continue  # the section's own
            elif tag != "intro" or _text_of(element):
                self.leave(element)

    def section_of(self, element: etree._Element) -> None:
        label = _number(element)
        heading = _first(element, _A + "heading") or label
        if self.own:
            uid = _uid(element)
        else:
            count = sum(p.kind is ProvisionKind.SECTION for p in self.provisions) + 1
            uid = self.unique(f"s-{_fragment(label) or count}")
        self.add(Provision(uid, ProvisionKind.SECTION, label, heading))
        self.section = label
        self.container(element)

    def paragraph(self, element: etree._Element) -> None:
        number = _number(element)
        # accord marks its operative paragraphs; in others' statements every one is.
        marked = "operative" in str(element.get("class", "")).split()
        operative = self.statement and (marked or not self.own)
        if self.own:
            uid = _uid(element)
        else:
            count = sum(p.kind is ProvisionKind.PARAGRAPH for p in self.provisions) + 1
            uid = self.unique(("op" if operative else "p") + (_fragment(number) or str(count)))
            if self.section and uid.startswith(f"{_fragment(self.section)}-"):
                number = f"{self.section}.{number}"  # numbered from 1 again in this division
        label = f"OP{number}" if operative else number
        paragraph = Provision(uid, ProvisionKind.PARAGRAPH, label, _words(element))
        self.add(paragraph)
        self.left_in(element)
        for child in _children(element):
            self.subparagraph(child, paragraph)

    def left_in(self, element: etree._Element) -> None:
        """Name what a paragraph holds that no provision carries: its heading, tables,
        images and unnumbered blocks."""
        for child in element:
            if etree.QName(child).localname in ("heading", "subheading"):
                self.leave(child)
        for inner in element.iter(*(_A + tag for tag in _LEFT_OUT)):
            self.leave(inner)

    def subparagraph(self, element: etree._Element, parent: Provision) -> None:
        letter = _number(element)
        if self.own:
            uid = _uid(element)
        else:
            taken = sum(p.parent == parent.uid for p in self.provisions) + 1
            uid = self.unique(f"{parent.uid}-{_fragment(letter) or taken}")
        text = _words(element, whole=True)
        label = f"{parent.label}({letter})"
        self.add(Provision(uid, ProvisionKind.SUBPARAGRAPH, label, text, parent.uid))
        # accord has one level of sub-paragraphs: deeper levels are joined to theirs.
        for inner in element.iter(*(_A + tag for tag in _SUBPARAGRAPHS)):
            if inner is not element:
                words = f"{_name(inner)} ({_number(inner)}): {_words(inner, whole=True)}"
                self.notices.append(Notice("joined", label, words[:120]))


def _name(element: etree._Element) -> str:
    tag = etree.QName(element).localname
    name = element.get("name")
    return f"{tag} {name}" if name else tag


def _children(paragraph: etree._Element) -> list[etree._Element]:
    """A paragraph's sub-paragraphs: its own ``subparagraph``s, or the points and items of
    the lists in its ``intro``/``content`` or under it."""
    found = []
    for element in paragraph.iter():
        tag = etree.QName(element).localname
        if tag in _SUBPARAGRAPHS and _depth(element, paragraph) == 1:
            found.append(element)
    return found


def _depth(element: etree._Element, paragraph: etree._Element) -> int:
    """How many sub-paragraph levels ``element`` sits below ``paragraph``."""
    depth = 1
    for ancestor in element.iterancestors():
        if ancestor is paragraph:
            return depth
        if etree.QName(ancestor).localname in _SUBPARAGRAPHS:
            depth += 1
    return depth


def _words(element: etree._Element, *, whole: bool = False) -> str:
    """A provision's own words: its ``intro``, ``content``, list introductions and, for a
    sub-paragraph or a preambular paragraph (``whole``), the deeper levels with their numbers;
    footnotes as inline notes."""
    parts: list[str] = []
    for p in element.iter(_A + "p", _A + "listIntroduction", _A + "listWrapUp", _A + "num"):
        if _is_note(p) or not _belongs(p, element, whole=whole):
            continue
        if etree.QName(p).localname == "num":
            if p.getparent() is not element and whole:
                parts.append(_text_of(p))
            continue
        parts.append(_inline(p))
    return " ".join(" ".join(parts).split())


def _belongs(p: etree._Element, element: etree._Element, *, whole: bool) -> bool:
    """A ``p`` belongs to ``element`` unless it sits in a table or another block left out,
    or (but for ``whole``) in one of its sub-paragraphs: they are provisions of their own."""
    for ancestor in p.iterancestors():
        if ancestor is element:
            return True
        tag = etree.QName(ancestor).localname
        if tag in _LEFT_OUT or (not whole and tag in _SUBPARAGRAPHS):
            return False
    return True


def _is_note(p: etree._Element) -> bool:
    return any(etree.QName(a).localname == "authorialNote" for a in p.iterancestors())


def _inline(p: etree._Element) -> str:
    """The words of a ``p`` with its inline elements' words (``i``, ``b``, ``ref``, …) and
    its notes as inline notes."""
    out = [p.text or ""]
    for child in p:
        if not isinstance(child.tag, str):
            pass  # a comment or a processing instruction: no words
        elif etree.QName(child).localname == "authorialNote":
            out.append(note("".join(child.itertext())))
        else:
            out.append(_inline(child))
        out.append(child.tail or "")
    return "".join(out)
