"""Standalone HTML of a version's views, and the same pages set for print (PDF).

One file, no external resources: styles are inline, so the page opens anywhere and WeasyPrint
never needs to fetch anything. Insertions are underlined and deletions struck through, which
survive black-and-white printing; footnotes are listed at the end on screen and set as real
page footnotes in print.
"""

from collections.abc import Callable, Iterable
from functools import partial

from accord.core.amendments import Mark, MarkKind, redline_marks
from accord.core.bracketed import BracketedProvision, SegmentKind, segment_words
from accord.core.compilation import Compilation, CompilationEntry
from accord.core.language_versions import direction
from accord.core.proposals import Proposal
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.core.resolution import opening_split
from accord.documents.condense import condense
from accord.documents.model import DocumentMeta, ProvisionRedline
from accord.documents.notes import split_notes
from accord.documents.words import ENGLISH, Words
from accord.documents.xmltext import esc

_CSS = """
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 11pt; line-height: 1.4; max-width: 42em; margin: 2em auto; padding: 0 1em; }
.front { text-align: right; margin: 0; }
.front .symbol { font-weight: bold; font-size: 13pt; }
h1 { font-size: 15pt; margin: 1.2em 0 0.4em; }
.subtitle { font-style: italic; margin: 0 0 1.5em; }
h2 { font-size: 12pt; margin: 1.4em 0 0.6em; page-break-after: avoid; }
.provision { display: grid; grid-template-columns: 3em 1fr; margin: 0 0 0.6em; }
.provision.subparagraph { margin-left: 3em; }
.provision .number { grid-column: 1; }
.provision .text { grid-column: 2; margin: 0; text-align: justify; }
.proposals { grid-column: 2; list-style: none; margin: 0.3em 0 0.6em; padding: 0; }
.proposal { border-left: 2px solid #000; padding-left: 0.6em; margin: 0.4em 0; }
.proposal .who { font-style: italic; margin: 0; }
.proposal p { margin: 0.1em 0; }
.changed.inserted .text, .changed.inserted .number { text-decoration: underline; }
.changed.deleted .text, .changed.deleted .number { text-decoration: line-through; }
ins { text-decoration: underline; text-decoration-thickness: 1.5px; font-weight: bold; }
del { text-decoration: line-through; text-decoration-thickness: 1.5px; }
sup.note-ref a { text-decoration: none; }
.notes { border-top: 1px solid #000; margin-top: 2em; font-size: 9pt; }
mark.disputed, mark.options { background: none; color: inherit; font-weight: bold; }
"""

_PRINT_CSS = """
@page { size: A4; margin: 2.5cm 2cm; @top-right { font-weight: bold; }
  @bottom-center { content: counter(page); font-size: 9pt; } }
body { max-width: none; margin: 0; padding: 0;
  font-family: "Liberation Serif", "Times New Roman", serif; }
.footnote { float: footnote; font-size: 8.5pt; text-align: left; }
::footnote-call { font-size: 7pt; vertical-align: super; }
.provision { display: block; }
.provision .text { padding-left: 3em; text-indent: -3em; }
.provision .text .number { display: inline-block; width: 3em; text-indent: 0; }
.provision.subparagraph { margin-left: 3em; }
.proposals { margin-left: 3em; }
p.proposal { margin: 0.2em 0 0.2em 3em; border-left: 1.5px solid #000; padding-left: 0.5em; }
p.proposal .who { font-style: italic; }
"""


class _Page:
    """Collects the body of a page and its footnotes, numbered in order."""

    def __init__(self, *, for_print: bool, issued: bool = False) -> None:
        self.for_print = for_print
        # The issued text numbers as the page does (preambular paragraphs unnumbered, OP6 as
        # "6."); the compilation, redline and bracketed text as negotiators do (PP2, OP6).
        self.issued = issued
        self.parts: list[str] = []
        self.notes: list[str] = []
        self.head = ""

    def text(self, text: str) -> str:
        out = []
        for segment in split_notes(text):
            if not segment.is_note:
                out.append(esc(segment.text))
            elif self.for_print:
                out.append(f'<span class="footnote">{esc(segment.text)}</span>')
            else:
                self.notes.append(segment.text)
                n = len(self.notes)
                out.append(f'<sup class="note-ref"><a href="#note-{n}" id="ref-{n}">{n}</a></sup>')
        return "".join(out)

    def marks(self, marks: Iterable[Mark], words: Words) -> str:
        out = []
        for mark in marks:
            if mark.kind is MarkKind.SAME:
                out.append(self.text(mark.text))
            elif mark.kind is MarkKind.INSERTED:
                out.append(f'<ins title="{esc(words.inserted)}">{self.text(mark.text)}</ins>')
            else:
                out.append(f'<del title="{esc(words.deleted)}">{self.text(mark.text)}</del>')
        return "".join(out)

    def document(
        self, meta: DocumentMeta, words: Words, subtitle: str = "", *, first_page: int = 1
    ) -> str:
        """The whole page; in print, ``first_page`` numbers a later part of a long document."""
        css = _CSS + (_print_css(meta, first_page) if self.for_print else "")
        notes = "".join(
            f'<li id="note-{n}">{esc(text)} <a href="#ref-{n}">↩</a></li>'
            for n, text in enumerate(self.notes, start=1)
        )
        notes_html = (
            f'<section class="notes"><h2>{esc(words.footnotes)}</h2><ol>{notes}</ol></section>'
            if notes
            else ""
        )
        front = "".join(
            f'<p class="front{" symbol" if i == 0 and meta.symbol else ""}">{esc(line)}</p>'
            for i, line in enumerate(_front_lines(meta, words))
        )
        sub = " — ".join(x for x in (meta.version_label, subtitle) if x)
        header = (
            f'<header>{front}<h1>{esc(meta.title)}</h1><p class="subtitle">{esc(sub)}</p></header>'
            if first_page == 1
            else ""
        )
        header += self.head if first_page == 1 else ""
        return (
            f'<!DOCTYPE html>\n<html lang="{esc(meta.language)}" dir="{direction(meta.language)}">'
            '<head><meta charset="utf-8">'
            f"<title>{esc(meta.title)} — {esc(meta.version_label)}</title>"
            f'<meta name="generator" content="accord"><style>{css}</style></head><body>'
            f"{header}<main>{''.join(self.parts)}</main>{notes_html}</body></html>"
        )


def _print_css(meta: DocumentMeta, first_page: int) -> str:
    css = _PRINT_CSS + f'@page {{ @top-right {{ content: "{_css_string(meta.symbol)}"; }} }}'
    if first_page > 1:
        css += f"@page :first {{ counter-reset: page {first_page}; }}"
    return css


def _css_string(text: str) -> str:
    """``text`` safe inside a double-quoted CSS string inside a <style> element."""
    return "".join(c if c.isalnum() or c in " ./-_()" else f"\\{ord(c):x} " for c in text)


def _front_lines(meta: DocumentMeta, words: Words) -> list[str]:
    lines = [meta.symbol] if meta.symbol else []
    return [
        *lines,
        words.distribution,
        words.date(meta.issued),
        words.original % {"language": words.language},
    ]


def _number(provision: Provision, *, issued: bool = False) -> str:
    shown = provision.page_label if issued else provision.margin_label
    if provision.kind is ProvisionKind.PARAGRAPH:
        return f"{shown}."
    return shown


def _open(
    page: _Page, provision: Provision, body: str, extra: str = "", number_html: str | None = None
) -> str:
    """The start of a provision; ``number_html`` replaces its number (a redline's renumbering)."""
    if provision.kind is ProvisionKind.SECTION:
        label = f"{esc(provision.label)}. " if provision.label else ""
        label = f"{number_html} " if number_html else label
        return f'<h2 id="{esc(provision.uid)}" class="section{extra}">{label}{body}</h2>'
    shown = number_html if number_html is not None else esc(_number(provision, issued=page.issued))
    number = f'<span class="number">{shown}</span>'
    # In print the number sits inside the paragraph, so every renderer and text extractor
    # meets it just before its words, in reading order.
    inside, outside = (number, "") if page.for_print else ("", number)
    return (
        f'<div class="provision {provision.kind.value}{extra}" id="{esc(provision.uid)}">'
        f'{outside}<p class="text">{inside}{body}</p>'
    )


def _title_block(version: Version, words: Words) -> str:
    """A resolution's body, session, agenda item and sponsors, under the title."""
    return "".join(
        f'<p class="title-block">{esc(line)}</p>' for line in words.masthead(version.title_block)
    )


def _close(provision: Provision) -> str:
    return "" if provision.kind is ProvisionKind.SECTION else "</div>"


def clean_html(
    meta: DocumentMeta, version: Version, words: Words = ENGLISH, *, for_print: bool = False
) -> str:
    page = _Page(for_print=for_print, issued=True)
    page.head = _title_block(version, words)
    for provision in version:
        lead, rest = opening_split(provision)
        body = (f"<em>{esc(lead)}</em>" if lead else "") + page.text(rest)
        page.parts.append(_open(page, provision, body) + _close(provision))
    return page.document(meta, words)


def compilation_html(
    meta: DocumentMeta, compilation: Compilation, words: Words = ENGLISH, *, for_print: bool = False
) -> str:
    return _compilation_part(meta, compilation.entries, words, for_print=for_print, first_page=1)


def compilation_print_parts(
    meta: DocumentMeta, compilation: Compilation, words: Words = ENGLISH, *, size: int = 150
) -> list[Callable[[int], str]]:
    """The printed compilation in parts of about ``size`` provisions and proposals, each a
    function of the page number it starts on, so a long compilation is set part by part."""
    parts: list[list[CompilationEntry]] = [[]]
    weight = 0
    for entry in compilation.entries:
        if weight >= size:
            parts.append([])
            weight = 0
        parts[-1].append(entry)
        weight += 1 + len(entry.proposals)
    return [
        partial(_compilation_part, meta, tuple(entries), words, for_print=True) for entries in parts
    ]


def _compilation_part(
    meta: DocumentMeta,
    entries: tuple[CompilationEntry, ...],
    words: Words,
    first_page: int,
    *,
    for_print: bool,
) -> str:
    page = _Page(for_print=for_print)
    for entry in entries:
        provision = entry.provision
        page.parts.append(_open(page, provision, page.text(provision.text)))
        if entry.proposals and not for_print:
            page.parts.append('<ol class="proposals">')
        page.parts += [_proposal(page, provision, p, words) for p in entry.proposals]
        if entry.proposals and not for_print:
            page.parts.append("</ol>")
        page.parts.append(_close(provision))
    return page.document(meta, words, words.compilation, first_page=first_page)


def _proposal(page: _Page, provision: Provision, proposal: Proposal, words: Words) -> str:
    who = esc(words.proposed_by(proposal))
    cosponsors = esc(words.cosponsors(proposal))
    marks = redline_marks(provision.text, proposal.amendment)
    why = ""
    if proposal.justification:
        why = esc(words.justification % {"text": proposal.justification})
    made_on = esc(words.made_on(proposal.carried))
    if page.for_print:
        # One paragraph per proposal, its changes in context: a long compilation stays short.
        why = f" <em>{why}</em>" if why else ""
        note = "".join(f" <em>{x}</em>" for x in (cosponsors, made_on) if x)
        body = page.marks(condense(marks), words)
        return f'<p class="proposal"><span class="who">{who}:</span>{note} {body}{why}</p>'
    note = f'<p class="cosponsors">{cosponsors}</p>' if cosponsors else ""
    note += f'<p class="note">{made_on}</p>' if made_on else ""
    return (
        f'<li class="proposal" id="proposal-{proposal.id}"><p class="who">{who}</p>{note}'
        f"<p>{page.marks(marks, words)}</p>{f'<p>{why}</p>' if why else ''}</li>"
    )


def redline_html(
    meta: DocumentMeta,
    redlines: Iterable[ProvisionRedline],
    words: Words = ENGLISH,
    *,
    subtitle: str = "",
    for_print: bool = False,
) -> str:
    """The redline between two versions: one entry per provision of either version."""
    page = _Page(for_print=for_print)
    for line in redlines:
        kind = ProvisionKind(line.kind)
        provision = Provision(line.uid, kind, line.label or line.old_label, "")
        extra = (
            " changed deleted"
            if not line.label
            else " changed inserted"
            if not line.old_label
            else ""
        )
        body = page.marks(line.marks, words)
        number = _renumbered(line, kind, words)
        page.parts.append(_open(page, provision, body, extra, number) + _close(provision))
    return page.document(meta, words, subtitle)


def _renumbered(line: ProvisionRedline, kind: ProvisionKind, words: Words) -> str | None:
    """A number that changed, shown as the old one struck and the new one inserted; a
    sub-paragraph's letter under a renumbered paragraph has not changed."""
    if not line.label or not line.old_label:
        return None
    old, new = (
        _number(Provision(line.uid, kind, label, "")) for label in (line.old_label, line.label)
    )
    if old == new:
        return None
    if kind is ProvisionKind.SECTION:
        old, new = f"{old}.", f"{new}."
    return (
        f'<del title="{esc(words.deleted)}">{esc(old)}</del>'
        f'<ins title="{esc(words.inserted)}">{esc(new)}</ins>'
    )


def bracketed_html(
    meta: DocumentMeta,
    provisions: Iterable[BracketedProvision],
    words: Words = ENGLISH,
    *,
    for_print: bool = False,
) -> str:
    """The bracketed text: disputed words and alternatives in [brackets], kept as text so
    they survive copying and black-and-white printing, and set in bold in a ``<mark>``."""
    page = _Page(for_print=for_print)
    for b in provisions:
        body = "".join(
            page.text(s.text)
            if s.kind is SegmentKind.TEXT
            else f'<mark class="{s.kind.value}">'
            f"{page.text(segment_words(s, b.alternatives, words.option))}</mark>"
            for s in b.segments
        )
        page.parts.append(_open(page, b.provision, body) + _close(b.provision))
    return page.document(meta, words, words.bracketed)
