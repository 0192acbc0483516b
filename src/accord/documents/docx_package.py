"""Writing a WordprocessingML package: the fixed parts around a document body.

The body and the footnotes are written by `accord.documents.word_export`; this module wraps
them with styles, a page header carrying the document symbol, settings and relationships.
"""

import io
import zipfile
from dataclasses import dataclass

from accord.documents.xmltext import esc

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = f"""{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{_CT}.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="{_CT}.settings+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{_CT}.footnotes+xml"/>
<Override PartName="/word/header1.xml" ContentType="{_CT}.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

ROOT_RELS = f"""{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_RT}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{_RT}/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="{_RT}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId4" Type="{_RT}/header" Target="header1.xml"/>
</Relationships>"""

SETTINGS = f"""{_DECL}<w:settings {NS}><w:defaultTabStop w:val="567"/>
<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>"""


def _style(sid: str, name: str, ppr: str = "", rpr: str = "", kind: str = "paragraph") -> str:
    return (
        f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>'
        f"{'' if sid == 'Normal' or kind != 'paragraph' else '<w:basedOn w:val="Normal"/>'}"
        f"<w:qFormat/>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}"
        f"{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}</w:style>"
    )


_HANG = (
    '<w:ind w:left="{left}" w:hanging="567"/><w:tabs><w:tab w:val="left" w:pos="{left}"/></w:tabs>'
)

STYLES = (
    f"{_DECL}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="atLeast"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    + _style("Normal", "Normal")
    + _style("Title", "Title", '<w:spacing w:before="240" w:after="240"/>', '<w:b/><w:sz w:val="28"/>')
    + _style(
        "Heading1",
        "heading 1",
        '<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:ind w:left="567" w:hanging="567"/>'
        '<w:outlineLvl w:val="0"/>',
        '<w:b/><w:sz w:val="24"/>',
    )
    + _style("AccordParagraph", "Numbered paragraph", _HANG.format(left=1134) + '<w:jc w:val="both"/>')
    + _style("AccordPreambular", "Preambular paragraph", '<w:ind w:left="1134" w:firstLine="567"/><w:jc w:val="both"/>')
    + _style("AccordSubparagraph", "Numbered sub-paragraph", _HANG.format(left=1701) + '<w:jc w:val="both"/>')
    + _style("AccordFrontMatter", "Front matter", '<w:jc w:val="right"/><w:spacing w:after="0"/>')
    + _style("AccordAttribution", "Attribution", '<w:keepNext/><w:ind w:left="1134"/><w:spacing w:before="60" w:after="0"/>', '<w:i/>')
    + _style("AccordProposal", "Proposal", '<w:ind w:left="1134"/><w:pBdr><w:left w:val="single" w:sz="8" w:space="8" w:color="000000"/></w:pBdr>')
    + _style("FootnoteText", "footnote text", '<w:spacing w:after="0"/>', '<w:sz w:val="17"/>')
    + _style("FootnoteReference", "footnote reference", "", '<w:vertAlign w:val="superscript"/>', kind="character")
    + _style("Header", "header", '<w:jc w:val="right"/>', '<w:b/>')
    + "</w:styles>"
)  # fmt: skip


def _footnotes(notes: list[str]) -> str:
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
    )
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {esc(text)}</w:t></w:r></w:p></w:footnote>'
        for number, text in enumerate(notes, start=1)
    )
    return f"{_DECL}<w:footnotes {NS}>{separators}{body}</w:footnotes>"


def _header(symbol: str) -> str:
    return (
        f'{_DECL}<w:hdr {NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{esc(symbol)}</w:t></w:r></w:p></w:hdr>'
    )


def _core(title: str) -> str:
    return (
        f'{_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>accord</dc:creator></cp:coreProperties>"
    )


_SECTION = (
    '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/>'
    '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1701" '
    'w:left="1134" w:header="851" w:footer="567" w:gutter="0"/></w:sectPr>'
)


@dataclass(frozen=True, slots=True)
class Body:
    """The paragraphs of a document (WordprocessingML), and its footnotes' texts in order."""

    xml: str
    notes: list[str]


def package(body: Body, *, title: str, symbol: str) -> bytes:
    """A complete .docx file around ``body``."""
    document = f"{_DECL}<w:document {NS}><w:body>{body.xml}{_SECTION}</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/document.xml", document),
            ("word/styles.xml", STYLES),
            ("word/settings.xml", SETTINGS),
            ("word/footnotes.xml", _footnotes(body.notes)),
            ("word/header1.xml", _header(symbol)),
            ("docProps/core.xml", _core(title)),
        ):
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()
