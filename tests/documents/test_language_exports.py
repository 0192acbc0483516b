"""Exports in any language, one script at a time: the PDF's text comes back and its fonts are
embedded (Noto for Arabic and Chinese), Word carries the language (and, in Arabic, right-to-
left paragraphs and runs), Akoma Ntoso names the language in its FRBR metadata, validates
and reads back."""

import io
from datetime import date

import docx
import pytest
from lxml import etree
from pypdf import PdfReader
from tests.translations import TEXTS

from accord.core.draft_text import parse_draft
from accord.documents.akn_import import read_akn
from accord.documents.akn_schema import errors
from accord.documents.export import export_clean
from accord.documents.model import DocumentMeta, Format

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _export(language: str, fmt: Format) -> bytes:
    version = parse_draft(TEXTS[language])
    meta = DocumentMeta(
        version.title, "Zero draft", date(2026, 3, 1), symbol="A/AC.1/2026/1", language=language
    )
    return export_clean(meta, version, fmt).content


def _fonts(reader: PdfReader) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"]).split("+", 1)[1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


@pytest.mark.parametrize(
    ("language", "font"),
    [
        ("ar", "NotoNaskhArabic-Regular"),
        ("zh", "NotoSerifCJKsc-Regular-Identity-H"),
        ("ru", "LiberationSerif"),
        ("fr", "LiberationSerif"),
    ],
)
def test_the_pdf_text_comes_back_in_fonts_embedded_for_its_script(language, font):
    reader = PdfReader(io.BytesIO(_export(language, Format.PDF)))
    text = "".join(page.extract_text() for page in reader.pages)
    # Every word of every provision comes back (Arabic is read back word by word: the
    # extraction may order the words of a right-to-left line otherwise; a word Typst
    # hyphenated at a line's end comes back whole, the hyphen's text being a soft hyphen).
    joined = text.replace("\xad\n", "").replace("\xad", "")
    for provision in parse_draft(TEXTS[language]):
        if language == "zh":
            assert provision.text in joined.replace("\n", "")
        for word in provision.text.split():
            assert word.strip(".,:;()") in joined, word
    fonts = _fonts(reader)
    assert font in fonts
    if language not in ("ar", "zh"):
        assert not any(name.startswith("Noto") for name in fonts)
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            descendant = ref.get_object().get("/DescendantFonts")
            described = descendant[0].get_object() if descendant else ref.get_object()
            descriptor = described["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_an_arabic_word_file_is_right_to_left_in_arabic() -> None:
    document = docx.Document(io.BytesIO(_export("ar", Format.DOCX)))
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None
    assert lang.get(f"{W}val") == "ar-SA"
    assert lang.get(f"{W}bidi") == "ar-SA"
    numbered = [p for p in document.paragraphs if p.style.name == "Numbered paragraph"]
    assert numbered[0].text.startswith("1.\tعقد الفريق العامل")
    for paragraph in document.paragraphs:
        assert paragraph._p.pPr.find(f"{W}bidi") is not None
        assert all(run.font.rtl for run in paragraph.runs)


@pytest.mark.parametrize(("language", "tag"), [("zh", "zh-CN"), ("fr", "fr-FR"), ("ru", "ru-RU")])
def test_a_word_file_in_a_left_to_right_language_carries_its_language(language, tag) -> None:
    document = docx.Document(io.BytesIO(_export(language, Format.DOCX)))
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == tag
    assert document.paragraphs[0]._p.pPr.find(f"{W}bidi") is None
    assert not any(run.font.rtl for p in document.paragraphs for run in p.runs)
    fonts = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    expected = "Noto Serif CJK SC" if language == "zh" else None
    assert fonts.get(f"{W}eastAsia") == expected


@pytest.mark.parametrize(
    ("language", "code"), [("ar", "ara"), ("zh", "zho"), ("fr", "fra"), ("ru", "rus")]
)
def test_akoma_ntoso_names_the_language_validates_and_reads_back(language, code) -> None:
    data = _export(language, Format.AKN)
    root = etree.fromstring(data)
    assert errors(root) == []
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert root.xpath("//a:FRBRExpression/a:FRBRlanguage/@language", namespaces=ns) == [code]
    expression = root.xpath("//a:FRBRExpression/a:FRBRuri/@value", namespaces=ns)[0]
    assert expression.endswith(f"/{code}@2026-03-01;1")
    _meta, version = read_akn(data)
    assert version == parse_draft(TEXTS[language])


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("zh", "ltr")])
def test_the_html_file_says_its_language_and_direction(language, direction) -> None:
    page = _export(language, Format.HTML).decode()
    assert page.startswith(f'<!DOCTYPE html>\n<html lang="{language}" dir="{direction}">')
