"""Reading a Chair's Word draft (.docx) as a version.

Paragraph numbers are found whether they are typed in the text ("12.", "(a)") or made by
Word's automatic numbering (the numbering definitions in the file). Headings (by style, by
outline level, or typed "A. Introduction") become sections; footnotes stay footnotes (see
`accord.documents.notes`); tables are reported, not imported. The file is treated as hostile
throughout (`accord.documents.safezip`).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from accord.core.provisions import Provision, ProvisionKind, TitleBlock, Version
from accord.documents import ooxml_parts as ox
from accord.documents.errors import (
    MAX_PARAGRAPHS,
    Problem,
    TooManyParagraphs,
    UnreadableDocument,
)
from accord.documents.model import ImportedDraft, Notice
from accord.documents.notes import note
from accord.documents.safezip import Package
from accord.documents.word_numbers import format_number

_PARAGRAPH = re.compile(r"^(?P<label>\d{1,4}(?:\s?[a-z]{2,6})?)\.\s+(?P<text>\S.*)$")
_SUBPARAGRAPH = re.compile(r"^\((?P<label>[a-z]{1,3}|[ivx]{1,6})\)\s+(?P<text>\S.*)$")
_SECTION = re.compile(r"^(?P<label>[A-Z]{1,3}|[IVXLC]+)\.\s+(?P<text>\S.{0,300})$")
_SYMBOL = re.compile(r"^[A-Z]{1,4}(?:/[A-Za-z0-9.\-]+)+$")
# A resolution's masthead: its session, agenda item and sponsors ("Brazil and Kenya: draft
# resolution").
_SESSION = re.compile(r"^[A-Z][\w-]*(?: [\w-]+){0,3} (?:session|meeting)$")
_AGENDA = re.compile(r"^Agenda items? (?P<item>\S.{0,60})$")
_SPONSORS = re.compile(r"^(?P<names>\S.{0,2000}): draft (?:resolution|decision)$")
_FRONT_MATTER = re.compile(r"^(?:Distr\.?:|Original:|\d{1,2} [A-Z][a-z]+ \d{4}$)")
# The name of the body a document is issued by, as a UN masthead gives it: a principal organ,
# or a subsidiary body named by what it is ("Open-ended working group on …").
_BODY = re.compile(
    r"^(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council"
    r"|(?:Open-ended |Ad Hoc |Preparatory )?(?:working group|committee|commission|conference"
    r"|group of governmental experts)\b.{0,200})$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Line:
    """A paragraph of the Word file: its text, and what its style and numbering say."""

    index: int
    text: str
    heading: bool = False
    title: bool = False
    number: tuple[str, str, int] | None = None  # (format, formatted number, list level)
    table: str = ""  # a table's rows x columns; a table is reported, never imported
    italic_lead: bool = False  # its first words are in italics (a resolution's opening verb)


def read_docx(data: bytes) -> ImportedDraft:
    """What ``data`` (a .docx file) holds as a version; `UnreadableDocument` when nothing."""
    package = Package(data)
    main = ox.main_part(package)
    parts = ox.relationships(package, main)
    reader = _Reader(
        styles=ox.styles(package, parts.get("styles")),
        numbering=ox.numbering(package, parts.get("numbering")),
        notes=ox.footnotes(package, parts.get("footnotes")),
    )
    body = package.xml(main).find(ox.w("body"))
    if body is None:
        raise UnreadableDocument(Problem.NOT_A_WORD_FILE, main)
    return _Builder(reader.lines(body), reader).build()


@dataclass
class _Reader:
    styles: dict[str, ox.Style]
    numbering: ox.Numbering
    notes: dict[str, str]
    footnotes_used: int = 0

    def lines(self, body: etree._Element) -> Iterator[Line]:
        for index, element in enumerate(_blocks(body), start=1):
            if index > MAX_PARAGRAPHS:
                raise TooManyParagraphs(MAX_PARAGRAPHS)
            if element.tag == ox.w("tbl"):
                rows = element.findall(ox.w("tr"))
                cells = max((len(r.findall(ox.w("tc"))) for r in rows), default=0)
                yield Line(index, "", table=f"{len(rows)}x{cells}")
                continue
            line = self._line(index, element)
            if line.text:
                yield line

    def _line(self, index: int, p: etree._Element) -> Line:
        ppr = p.find(ox.w("pPr"))
        style = self.styles.get(ox.attr(_child(ppr, "pStyle"), "val"), ox.Style(""))
        num = _child(ppr, "numPr")
        num_id = ox.attr(_child(num, "numId"), "val") if num is not None else style.num_id
        level = int(ox.attr(_child(num, "ilvl"), "val", "0") or 0) if num is not None else 0
        if num is None:
            level = style.level
        outline = _child(ppr, "outlineLvl")
        outline_level = int(ox.attr(outline, "val")) if outline is not None else style.outline
        name = style.name.lower()
        counted = self.numbering.next(num_id, level) if num_id not in ("", "0") else None
        return Line(
            index=index,
            text=self._text(p),
            italic_lead=_italic_lead(p),
            heading=name.startswith("heading") or (outline_level is not None and outline_level < 9),
            title=name in ("title", "subtitle"),
            number=(counted[0].fmt, format_number(counted[0].fmt, counted[1]), level)
            if counted
            else None,
        )

    def _text(self, p: etree._Element) -> str:
        out: list[str] = []
        for node in p.iter(ox.w("t"), ox.w("tab"), ox.w("br"), ox.w("footnoteReference")):
            if _moved_away(node):
                continue
            if node.tag == ox.w("t"):
                out.append(str(node.text or ""))
            elif node.tag == ox.w("footnoteReference"):
                out.append(self._note(ox.attr(node, "id")))
            else:
                out.append(" ")
        return " ".join("".join(out).split())

    def _note(self, note_id: str) -> str:
        text = self.notes.get(note_id, "")
        if not text:
            return ""
        self.footnotes_used += 1
        return note(text)


def _italic_lead(p: etree._Element) -> bool:
    """Whether the first run with words is set in italics."""
    for run in p.iter(ox.w("r")):
        text = "".join(str(t.text or "") for t in run.iter(ox.w("t")))
        if not text.strip():
            continue
        italic = _child(run.find(ox.w("rPr")), "i")
        return italic is not None and ox.attr(italic, "val", "1") not in ("0", "false")
    return False


def _moved_away(node: etree._Element) -> bool:
    """Text a tracked move took from here: it is read where it was moved to."""
    return any(a.tag == ox.w("moveFrom") for a in node.iterancestors())


def _child(element: etree._Element | None, tag: str) -> etree._Element | None:
    return None if element is None else element.find(ox.w(tag))


def _blocks(body: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables in reading order, looking inside content controls."""
    for element in body:
        if element.tag == ox.w("sdt"):
            content = element.find(ox.w("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif element.tag in (ox.w("p"), ox.w("tbl")):
            yield element


@dataclass
class _Builder:
    lines: Iterator[Line]
    reader: _Reader
    title: str = ""
    styled_title: bool = False
    symbol: str = ""
    body: str = ""
    provisions: list[Provision] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    headings: list[Line] = field(default_factory=list)
    """Unnumbered headings before the first provision, not yet known to be the masthead."""
    session: str = ""
    agenda_item: str = ""
    sponsors: tuple[str, ...] = ()

    def build(self) -> ImportedDraft:
        for line in self.lines:
            self._place(line)
        self._masthead()
        if not any(p.kind is ProvisionKind.PARAGRAPH for p in self.provisions):
            raise UnreadableDocument(Problem.NO_PARAGRAPHS)
        return ImportedDraft(
            version=Version(
                title=self.title, provisions=tuple(self.provisions), title_block=self._block()
            ),
            symbol=self.symbol,
            notices=tuple(self.notices),
            footnotes=self.reader.footnotes_used,
            body=self.body,
        )

    @property
    def resolution(self) -> bool:
        """A resolution: its masthead names a session, agenda item or sponsors, or it has a
        preamble."""
        return bool(self.session or self.agenda_item or self.sponsors) or any(
            p.kind is ProvisionKind.PREAMBULAR for p in self.provisions
        )

    def _block(self) -> TitleBlock | None:
        if not self.resolution:
            return None
        return TitleBlock(self.body, self.session, self.agenda_item, self.sponsors)

    def _masthead(self) -> None:
        """The unnumbered headings above the first provision, in Heading 1, Heading 2…: the
        symbol, the body's name and the title; any more are unnumbered sections."""
        headings, self.headings = self.headings, []
        rest = []
        for line in headings:
            if not self.symbol and _SYMBOL.match(line.text):
                self.symbol = line.text
            elif not self.body and _BODY.match(line.text):
                self.body = line.text
            elif _FRONT_MATTER.match(line.text):
                continue
            else:
                rest.append(line)
        if rest and not self.title:
            self.title = rest.pop(0).text
        for line in rest:
            count = sum(p.kind is ProvisionKind.SECTION for p in self.provisions) + 1
            self._add(line, Provision(f"s-{count}", ProvisionKind.SECTION, "", line.text))

    def _where(self) -> str:
        """Where the reader is: the number of the last provision, or empty at the start."""
        return self.provisions[-1].label if self.provisions else ""

    def _place(self, line: Line) -> None:
        if line.table:
            self.notices.append(Notice("table", self._where(), line.table))
            return
        kind, label, text = _classify(line)
        if not self.provisions and kind == "section" and not label and line.number is None:
            self.headings.append(line)
            return
        self._masthead()
        if kind == "text" and line.italic_lead and self._in_preamble():
            count = sum(p.kind is ProvisionKind.PREAMBULAR for p in self.provisions) + 1
            self._add(line, Provision(f"pp{count}", ProvisionKind.PREAMBULAR, f"PP{count}", text))
        elif kind == "text":
            self._unnumbered(line)
        elif kind == "section":
            count = sum(p.kind is ProvisionKind.SECTION for p in self.provisions) + 1
            uid = f"s-{_fragment(label) or count}"
            self._add(line, Provision(uid, ProvisionKind.SECTION, label, text))
        elif kind == "paragraph" and self.resolution and not self._sections():
            # A resolution's operative paragraphs, before any annex.
            uid, label = f"op{_fragment(label)}", f"OP{label}"
            self._add(line, Provision(uid, ProvisionKind.PARAGRAPH, label, text))
        elif kind == "paragraph":
            self._add(line, Provision(f"p{_fragment(label)}", ProvisionKind.PARAGRAPH, label, text))
        else:
            self._subparagraph(line, label, text)

    def _in_preamble(self) -> bool:
        """Before any provision but preambular paragraphs, the title known."""
        return bool(self.title) and all(p.kind is ProvisionKind.PREAMBULAR for p in self.provisions)

    def _sections(self) -> bool:
        return any(p.kind is ProvisionKind.SECTION for p in self.provisions)

    def _subparagraph(self, line: Line, letter: str, text: str) -> None:
        parent = next(
            (p for p in reversed(self.provisions) if p.kind is ProvisionKind.PARAGRAPH), None
        )
        if parent is None:
            raise UnreadableDocument(Problem.SUBPARAGRAPH_WITHOUT_PARAGRAPH, str(line.index))
        uid = f"{parent.uid}-{_fragment(letter)}"
        self._add(
            line,
            Provision(
                uid, ProvisionKind.SUBPARAGRAPH, f"{parent.label}({letter})", text, parent.uid
            ),
        )

    def _add(self, line: Line, provision: Provision) -> None:
        if any(p.uid == provision.uid for p in self.provisions):
            raise UnreadableDocument(Problem.DUPLICATE_NUMBER, provision.label)
        self.provisions.append(provision)

    def _unnumbered(self, line: Line) -> None:
        if not self.provisions:
            self._front_matter(line)
            return
        last = self.provisions[-1]
        if last.kind is ProvisionKind.SECTION:
            self.notices.append(Notice("left-out", self._where(), line.text[:80]))
            return
        joined = Provision(last.uid, last.kind, last.label, f"{last.text} {line.text}", last.parent)
        self.provisions[-1] = joined
        self.notices.append(Notice("joined", last.label, line.text[:80]))

    def _front_matter(self, line: Line) -> None:
        agenda, sponsors = _AGENDA.match(line.text), _SPONSORS.match(line.text)
        if not self.symbol and _SYMBOL.match(line.text):
            self.symbol = line.text
        elif line.title and not self.styled_title:
            # The Title style names the title even below front matter in words the reader
            # does not know ("Distr. générale"), which then goes with the lines left out.
            if self.title:
                self.notices.append(Notice("left-out", "", self.title[:80]))
            self.title, self.styled_title = line.text, True
        elif _FRONT_MATTER.match(line.text):
            return
        elif self.title and not self.body and _BODY.match(line.text):
            self.body = line.text
        elif self.title and not self.session and _SESSION.match(line.text):
            self.session = line.text
        elif self.title and agenda and not self.agenda_item:
            self.agenda_item = agenda["item"]
        elif self.title and sponsors and not self.sponsors:
            self.sponsors = tuple(re.split(r", | and ", sponsors["names"]))
        elif not self.title:
            self.title = line.text
        else:
            self.notices.append(Notice("left-out", "", line.text[:80]))


def _classify(line: Line) -> tuple[str, str, str]:
    """(kind, label, text) of a line: by Word's numbering first, then by typed numbers."""
    if line.number is not None:
        fmt, number, level = line.number
        if level == 0 and fmt == "decimal" and not line.heading:
            return "paragraph", number, line.text
        if level == 0 and (fmt.startswith("upper") or line.heading):
            return "section", number, line.text
        return "subparagraph", number.lower(), line.text
    if line.title:
        return "text", "", line.text
    for kind, pattern in (("paragraph", _PARAGRAPH), ("subparagraph", _SUBPARAGRAPH)):
        found = pattern.match(line.text)
        if found and not line.heading:
            return kind, found["label"].replace(" ", ""), found["text"]
    section = _SECTION.match(line.text)
    if section:
        return "section", section["label"], section["text"]
    if line.heading:
        return "section", "", line.text
    return "text", "", line.text


def _fragment(label: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", label.lower())
