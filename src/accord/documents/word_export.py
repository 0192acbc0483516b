"""Word files of a version: clean text, compilation, and redline as real tracked changes.

Paragraph numbers are typed in the text with a hanging indent (not Word's automatic
numbering), so a number like "7bis" survives and the file reads back through
`accord.documents.word_import` to the same provisions and numbers.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from accord.core.amendments import Mark, MarkKind, redline_marks
from accord.core.bracketed import BracketedProvision, provision_words
from accord.core.compilation import Compilation
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.core.resolution import opening_split
from accord.documents.docx_package import Body, package
from accord.documents.model import Attribution, DocumentMeta, ProvisionRedline
from accord.documents.notes import split_notes
from accord.documents.words import ENGLISH, Words
from accord.documents.xmltext import esc

_STYLE = {
    ProvisionKind.SECTION: "Heading1",
    ProvisionKind.PARAGRAPH: "AccordParagraph",
    ProvisionKind.SUBPARAGRAPH: "AccordSubparagraph",
    ProvisionKind.PREAMBULAR: "AccordPreambular",
}


def word_date(moment: datetime) -> str:
    """The form Word wants in ``w:date``: UTC, whole seconds, a final Z."""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class _Writer:
    """Builds a body: paragraphs as strings, footnotes numbered in order, change ids unique."""

    parts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    change_id: int = 0

    def paragraph(self, style: str, runs: str, mark: str = "") -> None:
        mark_rpr = f"<w:rPr>{mark}</w:rPr>" if mark else ""
        self.parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{mark_rpr}</w:pPr>{runs}</w:p>')

    def runs(self, text: str, *, deleted: bool = False, italic: bool = False) -> str:
        """Runs for ``text``, with its inline footnotes as real footnote references."""
        rpr = "<w:rPr><w:i/></w:rPr>" if italic else ""
        out = []
        for segment in split_notes(text):
            if segment.is_note and not deleted:
                self.notes.append(segment.text)
                out.append(
                    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    f'<w:footnoteReference w:id="{len(self.notes)}"/></w:r>'
                )
            else:
                tag = "w:delText" if deleted else "w:t"
                shown = f"^[{segment.text}]" if segment.is_note else segment.text
                out.append(f'<w:r>{rpr}<{tag} xml:space="preserve">{esc(shown)}</{tag}></w:r>')
        return "".join(out)

    def change(self, kind: MarkKind, text: str, who: Attribution) -> str:
        """A tracked insertion or deletion (or plain runs for kept text)."""
        if kind is MarkKind.SAME:
            return self.runs(text)
        self.change_id += 1
        tag = "w:ins" if kind is MarkKind.INSERTED else "w:del"
        date = f' w:date="{esc(who.when)}"' if who.when else ""
        runs = self.runs(text, deleted=kind is MarkKind.DELETED)
        return f'<{tag} w:id="{self.change_id}" w:author="{esc(who.author)}"{date}>{runs}</{tag}>'

    def paragraph_mark(self, kind: MarkKind, who: Attribution) -> str:
        """Marks the paragraph itself as inserted or deleted, so Word removes it whole."""
        self.change_id += 1
        tag = "w:ins" if kind is MarkKind.INSERTED else "w:del"
        date = f' w:date="{esc(who.when)}"' if who.when else ""
        return f'<{tag} w:id="{self.change_id}" w:author="{esc(who.author)}"{date}/>'

    def body(self) -> Body:
        return Body("".join(self.parts), self.notes)


def _front(writer: _Writer, meta: DocumentMeta, words: Words, subtitle: str = "") -> None:
    lines = [meta.symbol] if meta.symbol else []
    lines += [
        words.distribution,
        words.date(meta.issued),
        words.original % {"language": words.language},
    ]
    for line in lines:
        writer.paragraph("AccordFrontMatter", writer.runs(line))
    writer.paragraph("Title", writer.runs(meta.title))
    for line in (meta.version_label, subtitle):
        if line:
            writer.paragraph("AccordFrontMatter", writer.runs(line))


def _number(provision: Provision, *, page: bool = True) -> str:
    """The number as the issued page prints it (``page``: none for a preambular paragraph,
    "6." for OP6), or as negotiators call it (PP2, OP6.) in a compilation or redline."""
    shown = provision.page_label if page else provision.margin_label
    if provision.kind is ProvisionKind.SECTION:
        return f"{provision.label}." if provision.label else ""
    if provision.kind is ProvisionKind.PARAGRAPH:
        return f"{shown}."
    return shown


def _provision(
    writer: _Writer, provision: Provision, *, lead: bool = True, page: bool = True
) -> None:
    """One provision; ``lead`` sets a resolution's opening words in italics."""
    number = _number(provision, page=page)
    opening, rest = opening_split(provision) if lead else ("", provision.text)
    words = (writer.runs(opening, italic=True) if opening else "") + writer.runs(rest)
    runs = (writer.runs(number) + "<w:r><w:tab/></w:r>" if number else "") + words
    writer.paragraph(_STYLE[provision.kind], runs)


def _title_block(writer: _Writer, version: Version, words: Words) -> None:
    """A resolution's body, session, agenda item and sponsors, as the UN's masthead prints
    them; the sponsors' line ("Brazil, Kenya and Singapore: draft resolution") opens the text."""
    block = version.title_block
    lines = words.masthead(block)
    # The sponsors' line, when there is one, is the last.
    front = len(lines) - (1 if block is not None and block.sponsors else 0)
    for n, line in enumerate(lines):
        writer.paragraph("AccordFrontMatter" if n < front else "Normal", writer.runs(line))


def clean_docx(meta: DocumentMeta, version: Version, words: Words = ENGLISH) -> bytes:
    """The version as a UN document: symbol, date, original language, headings, numbers."""
    writer = _Writer()
    _front(writer, meta, words)
    _title_block(writer, version, words)
    for provision in version:
        _provision(writer, provision)
    return package(writer.body(), title=meta.title, symbol=meta.symbol)


def bracketed_docx(
    meta: DocumentMeta, provisions: Iterable[BracketedProvision], words: Words = ENGLISH
) -> bytes:
    """The bracketed text: each provision numbered as in the clean file, its disputed words
    and alternatives in [brackets] typed in the text, so the file reads back as it shows."""
    writer = _Writer()
    _front(writer, meta, words, words.bracketed)
    for b in provisions:
        p = b.provision
        bracketed = Provision(p.uid, p.kind, p.label, provision_words(b, words.option))
        _provision(writer, bracketed, lead=False)
    return package(writer.body(), title=meta.title, symbol=meta.symbol)


def compilation_docx(meta: DocumentMeta, compilation: Compilation, words: Words = ENGLISH) -> bytes:
    """Each provision, then each proposal on it: who proposed it (and for which group), its
    co-sponsors, and its redline as tracked changes attributed to the proponent on the day it
    was submitted."""
    writer = _Writer()
    _front(writer, meta, words, words.compilation)
    for entry in compilation.entries:
        _provision(writer, entry.provision, page=False)
        for proposal in entry.proposals:
            name = words.proposed_by(proposal)
            writer.paragraph("AccordAttribution", writer.runs(name))
            if cosponsors := words.cosponsors(proposal):
                writer.paragraph("AccordAttribution", writer.runs(cosponsors))
            if made_on := words.made_on(proposal.carried):
                writer.paragraph("AccordAttribution", writer.runs(made_on))
            # The tracked changes are the proponent's as the room knows it: "Egypt, on
            # behalf of Arab Group" when it spoke for a group.
            who = Attribution(name, word_date(proposal.submitted_at))
            marks = redline_marks(entry.provision.text, proposal.amendment)
            writer.paragraph(
                "AccordProposal", "".join(writer.change(m.kind, m.text, who) for m in marks)
            )
            if proposal.justification:
                text = words.justification % {"text": proposal.justification}
                writer.paragraph("AccordAttribution", writer.runs(text))
    return package(writer.body(), title=meta.title, symbol=meta.symbol)


def redline_docx(
    meta: DocumentMeta,
    redlines: Iterable[ProvisionRedline],
    *,
    by: Attribution,
    subtitle: str = "",
    authors: Mapping[str, Attribution] | None = None,
    words: Words = ENGLISH,
) -> bytes:
    """A redline between two versions as Word tracked changes.

    ``redlines`` holds one entry per provision of either version, in reading order: the kept,
    inserted and deleted runs of its text. Changes are attributed to ``by`` (the Chair, on the
    day of the new version) unless ``authors`` names another attribution for a provision's
    uid (a delegation whose proposal was reflected).
    """
    writer = _Writer()
    _front(writer, meta, words, subtitle)
    for line in redlines:
        who = (authors or {}).get(line.uid, by)
        _redline_provision(writer, line, who)
    return package(writer.body(), title=meta.title, symbol=meta.symbol)


def _redline_provision(writer: _Writer, line: ProvisionRedline, who: Attribution) -> None:
    kind = ProvisionKind(line.kind)
    style = _STYLE[kind]
    number = _redline_number(kind, line)
    runs = "".join(writer.change(m.kind, m.text, who) for m in number)
    runs += "<w:r><w:tab/></w:r>" if number else ""
    runs += "".join(writer.change(m.kind, m.text, who) for m in line.marks)
    whole = (
        MarkKind.DELETED if not line.label else MarkKind.INSERTED if not line.old_label else None
    )
    writer.paragraph(style, runs, writer.paragraph_mark(whole, who) if whole else "")


def _redline_number(kind: ProvisionKind, line: ProvisionRedline) -> list[Mark]:
    """The number, with a renumbering shown as the old number struck and the new inserted."""

    def shown(label: str) -> str:
        probe = Provision("", kind, label, "")
        return _number(probe, page=False) if label else ""

    old, new = shown(line.old_label), shown(line.label)
    if old == new:
        return [Mark(MarkKind.SAME, new)] if new else []
    return [m for m in (Mark(MarkKind.DELETED, old), Mark(MarkKind.INSERTED, new)) if m.text]
