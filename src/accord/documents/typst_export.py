"""Every view of a version as the data of a UN document that Typst sets as a PDF.

The layout is the Typst file `typst/un-document.typ` (masthead, running header, numbered
paragraphs with a hanging indent, page footnotes, justified and hyphenated text); this module
only turns core values into the JSON it reads from ``sys.inputs``, so no word of a document is
ever read as Typst markup and nothing needs escaping. Insertions are underlined in bold and
deletions struck through, which survive black-and-white printing.

A long compilation is set in parts (`compilation_parts`), each told the page and footnote
number it starts on, and the parts' PDFs joined (`accord.documents.pdf_export.parts_to_pdf`):
memory stays at one part's worth and a background job can report its progress part by part.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from accord.core.amendments import Mark, MarkKind, redline_marks
from accord.core.bracketed import BracketedProvision, SegmentKind, segment_words
from accord.core.compilation import Compilation, CompilationEntry
from accord.core.proposals import Proposal
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.core.resolution import opening_split
from accord.documents.condense import condense
from accord.documents.model import DocumentMeta, ProvisionRedline
from accord.documents.notes import split_notes
from accord.documents.words import ENGLISH, Words

Run = list[Any]
"""``[style, text]``, or ``[style, text, 1]`` for a footnote; style "" kept, "i" inserted,
"d" deleted, "b" disputed, "e" a resolution's opening words (in italics)."""
Block = dict[str, Any]
Data = dict[str, Any]

_STYLE = {MarkKind.SAME: "", MarkKind.INSERTED: "i", MarkKind.DELETED: "d"}
_NUMBER_EM = 3.0
"""The width of the number column, in ems; a longer number widens its own paragraph's."""


@dataclass
class _Blocks:
    """The blocks of a document (or of one part of it) and how many footnotes they hold."""

    blocks: list[Block] = field(default_factory=list)
    notes: int = 0

    def runs(self, text: str, style: str = "") -> list[Run]:
        out: list[Run] = []
        for segment in split_notes(text):
            if segment.is_note:
                self.notes += 1
                out.append([style, segment.text, 1])
            else:
                out.append([style, segment.text])
        return out

    def marks(self, marks: Iterable[Mark]) -> list[Run]:
        return [run for m in marks for run in self.runs(m.text, _STYLE[m.kind])]

    def provision(self, provision: Provision, text: list[Run], number: list[Run]) -> None:
        if provision.kind is ProvisionKind.SECTION:
            self.blocks.append({"k": "h", "num": number, "text": text})
            return
        shown = sum(len(run[1]) for run in number)
        width = _NUMBER_EM if shown <= 5 else round(0.5 * shown + 0.6, 1)
        sub = provision.kind is ProvisionKind.SUBPARAGRAPH
        self.blocks.append({"k": "p", "num": number, "text": text, "sub": sub, "w": width})

    def plain(self, provision: Provision, *, issued: bool = False) -> None:
        """A provision as it stands; ``issued``: as the issued page prints it, a preambular
        paragraph unnumbered and indented, OP6 numbered "6.", opening words in italics."""
        number = _number(provision, issued=issued)
        lead, rest = opening_split(provision) if issued else ("", provision.text)
        text = ([["e", lead]] if lead else []) + self.runs(rest)
        if issued and provision.kind is ProvisionKind.PREAMBULAR:
            self.blocks.append({"k": "pp", "text": text})
            return
        self.provision(provision, text, [["", number]] if number else [])


def _number(provision: Provision, *, issued: bool = False) -> str:
    """The number as printed: "A." for a section, "12." for a paragraph, "(a)" below it; a
    preambular paragraph's PP2 in negotiation, nothing on the issued page, where OP6 is "6."."""
    if provision.kind is ProvisionKind.SUBPARAGRAPH:
        return provision.margin_label
    if provision.kind is ProvisionKind.PREAMBULAR:
        return "" if issued else provision.label
    shown = provision.page_label if issued else provision.label
    return f"{shown}." if shown else ""


def _language(code: str) -> str:
    """The ISO 639 code Typst hyphenates by: "en" of "en-GB"; English when it is not one."""
    primary = code.split("-")[0].lower()
    return primary if primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3 else "en"


def _document(
    meta: DocumentMeta,
    words: Words,
    content: _Blocks,
    subtitle: str = "",
    *,
    first_page: int = 1,
    first_note: int = 1,
) -> Data:
    """The whole document's data; a later part of a long one (``first_page`` > 1) has no
    masthead and numbers its pages and footnotes on from those before it."""
    return {
        "lang": _language(meta.language),
        "issued": meta.issued.isoformat(),
        "title": meta.title,
        "subtitle": " — ".join(x for x in (meta.version_label, subtitle) if x),
        "symbol": meta.symbol,
        "united_nations": words.united_nations,
        "organ": words.organ,
        "front": [
            words.distribution,
            words.date(meta.issued),
            words.original % {"language": words.language},
        ],
        "masthead": first_page == 1,
        "first_page": first_page,
        "first_note": first_note,
        "blocks": content.blocks,
        "title_block": [],
    }


def clean(meta: DocumentMeta, version: Version, words: Words = ENGLISH) -> Data:
    """The issued text; a resolution in the UN's layout for resolutions: its masthead lines
    (body, session, agenda item, sponsors) under the title, the body as the organ."""
    content = _Blocks()
    for provision in version:
        content.plain(provision, issued=True)
    data = _document(meta, words, content)
    block = version.title_block
    data["title_block"] = list(words.masthead(block))
    if block is not None and block.body:
        data["organ"] = block.body
    return data


def bracketed(
    meta: DocumentMeta, provisions: Iterable[BracketedProvision], words: Words = ENGLISH
) -> Data:
    """Disputed words and alternatives in [brackets] typed in the text, and set in bold."""
    content = _Blocks()
    for b in provisions:
        text = [
            run
            for s in b.segments
            for run in content.runs(
                segment_words(s, b.alternatives, words.option),
                "" if s.kind is SegmentKind.TEXT else "b",
            )
        ]
        number = _number(b.provision)
        content.provision(b.provision, text, [["", number]] if number else [])
    return _document(meta, words, content, words.bracketed)


def redline(
    meta: DocumentMeta,
    redlines: Iterable[ProvisionRedline],
    words: Words = ENGLISH,
    *,
    subtitle: str = "",
) -> Data:
    """One entry per provision of either version; a number is marked only when the number
    printed changed (a sub-paragraph's "(a)" under a renumbered paragraph did not)."""
    content = _Blocks()
    for line in redlines:
        kind = ProvisionKind(line.kind)
        provision = Provision(line.uid, kind, line.label or line.old_label, "")
        content.provision(provision, content.marks(line.marks), _redline_number(kind, line))
    return _document(meta, words, content, subtitle)


def _redline_number(kind: ProvisionKind, line: ProvisionRedline) -> list[Run]:
    """The printed number; when it changed, the old one struck and the new one inserted."""

    def shown(label: str) -> str:
        return _number(Provision(line.uid, kind, label, "")) if label else ""

    old, new = shown(line.old_label), shown(line.label)
    if old == new:
        return [["", new]] if new else []
    return [[style, text] for style, text in (("d", old), ("i", new)) if text]


def compilation_parts(
    meta: DocumentMeta, compilation: Compilation, words: Words = ENGLISH, *, size: int = 150
) -> list[Callable[[int], Data]]:
    """The printed compilation in parts of about ``size`` provisions and proposals, each a
    function of the page number it starts on. Each provision is printed once in full and
    each proposal as its changes with a few words of context (`condense`)."""
    groups: list[list[CompilationEntry]] = [[]]
    weight = 0
    for entry in compilation.entries:
        if weight >= size:
            groups.append([])
            weight = 0
        groups[-1].append(entry)
        weight += 1 + len(entry.proposals)
    parts: list[Callable[[int], Data]] = []
    first_note = 1
    for entries in groups:
        content = _Blocks()
        for entry in entries:
            content.plain(entry.provision)
            content.blocks += [
                _proposal(content, entry.provision, p, words) for p in entry.proposals
            ]
        parts.append(_Part(meta, words, content, first_note))
        first_note += content.notes
    return parts


@dataclass(frozen=True)
class _Part:
    """One part of a long document: its data once told the page it starts on."""

    meta: DocumentMeta
    words: Words
    content: _Blocks
    first_note: int

    def __call__(self, first_page: int) -> Data:
        return _document(
            self.meta,
            self.words,
            self.content,
            self.words.compilation,
            first_page=first_page,
            first_note=self.first_note,
        )


def _proposal(content: _Blocks, provision: Provision, proposal: Proposal, words: Words) -> Block:
    why = words.justification % {"text": proposal.justification} if proposal.justification else ""
    return {
        "k": "q",
        "who": words.proposed_by(proposal),
        "co": words.cosponsors(proposal),
        "note": words.made_on(proposal.carried),
        "text": content.marks(condense(redline_marks(provision.text, proposal.amendment))),
        "why": why,
    }
