"""What an export in another language needs beyond its words: the language tags and, for
Arabic, right-to-left paragraphs and runs in Word; the fonts of each script in the PDF.

The Word writer (`accord.documents.word_export`) builds a document in any language; this
module sets its language afterwards, part by part, so the writer stays one for every
language: ``w:lang`` in the document defaults (with the East Asian and the complex-script
language), and for a right-to-left language ``w:bidi`` on every paragraph (and in the
defaults) and ``w:rtl`` on every run, which is how Word marks Arabic text.
"""

import io
import zipfile

from lxml import etree

from accord.core.language_versions import direction

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"

WORD_LANGUAGE = {
    "ar": "ar-SA",
    "zh": "zh-CN",
    "en": "en-GB",
    "fr": "fr-FR",
    "ru": "ru-RU",
    "es": "es-ES",
}
"""The language tag Word gives each official language."""

WORD_FONTS = {"ar": "Noto Naskh Arabic", "zh": "Noto Serif CJK SC"}
"""The fonts Word is asked for, by script: the Noto fonts the PDFs are set in."""

_PARTS = ("word/document.xml", "word/footnotes.xml", "word/header1.xml")


def _w(tag: str) -> str:
    return _W + tag


def _first(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.find(_w(tag))
    if found is None:
        found = etree.SubElement(parent, _w(tag))
        parent.insert(0, found)
    return found


def _styles(xml: bytes, language: str) -> bytes:
    root = etree.fromstring(xml)
    defaults = root.find(f"{_w('docDefaults')}")
    assert defaults is not None
    rpr = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
    ppr = defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}")
    assert rpr is not None
    assert ppr is not None
    tag = WORD_LANGUAGE[language]
    lang = _first(rpr, "lang")
    lang.set(_w("val"), tag)
    lang.set(_w("eastAsia"), WORD_LANGUAGE["zh"] if language != "zh" else tag)
    lang.set(_w("bidi"), WORD_LANGUAGE["ar"])
    fonts = _first(rpr, "rFonts")
    if language in WORD_FONTS:
        attribute = "cs" if language == "ar" else "eastAsia"
        fonts.set(_w(attribute), WORD_FONTS[language])
    if direction(language) == "rtl":
        # CT_RPr puts rtl just before lang; CT_PPrBase puts bidi before spacing.
        lang.addprevious(etree.Element(_w("rtl")))
        ppr.insert(0, etree.Element(_w("bidi")))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _right_to_left(xml: bytes) -> bytes:
    """Every paragraph ``w:bidi`` (just after its style) and every run ``w:rtl``."""
    root = etree.fromstring(xml)
    for paragraph in root.iter(_w("p")):
        ppr = paragraph.find(_w("pPr"))
        if ppr is None:
            ppr = etree.Element(_w("pPr"))
            paragraph.insert(0, ppr)
        style = ppr.find(_w("pStyle"))
        ppr.insert(0 if style is None else 1, etree.Element(_w("bidi")))
    for run in root.iter(_w("r")):
        rpr = run.find(_w("rPr"))
        if rpr is None:
            rpr = etree.Element(_w("rPr"))
            run.insert(0, rpr)
        rpr.append(etree.Element(_w("rtl")))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def localise_docx(data: bytes, language: str) -> bytes:
    """A Word file written by accord, set in ``language``: its defaults carry the language
    (and the script's font), and in a right-to-left language every paragraph and run is."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/styles.xml":
                content = _styles(content, language)
            elif item.filename in _PARTS and direction(language) == "rtl":
                content = _right_to_left(content)
            target.writestr(item, content)
    return out.getvalue()
