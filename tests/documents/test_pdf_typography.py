"""The PDF looks like a UN document: masthead, running header in the body's font, footnotes
on the text margin under a separator, justified and hyphenated text, and a redline that
marks only the numbers that changed, dated by the version. Every check reads the file back."""

import io
import re
from dataclasses import replace

from pypdf import PageObject, PdfReader
from tests.documents.builders import META, demo_version, version, with_note

from accord.core.compilation import compile_version
from accord.core.provisions import Version
from accord.documents import typst_export
from accord.documents.export import export_clean, export_redline
from accord.documents.model import Attribution, Format
from accord.documents.version_redline import provision_redlines

LEFT_MARGIN = 62.4  # 2.2 cm, in points


def _pages(pdf: bytes) -> list[PageObject]:
    return list(PdfReader(io.BytesIO(pdf)).pages)


def _placed(page: PageObject) -> list[tuple[float, float, str]]:
    """Each run of text with the x and y where it starts."""
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((round(cm[4] + tm[4], 1), round(cm[5] + tm[5], 1), text.strip()))

    page.extract_text(visitor_text=visit)
    return runs


def _noted_clean() -> bytes:
    value = with_note(demo_version(), "p2", "See A/70/174, para. 13.")
    return export_clean(replace(META, title=value.title), value, Format.PDF).content


def test_the_first_page_carries_the_un_masthead_and_no_running_header():
    first = _pages(_noted_clean())[0].extract_text().splitlines()
    assert first[:3] == [
        "United Nations A/AC.999/2026/L.1",
        "General Assembly Distr.: General 2 March 2026",
        "Original: English",
    ]
    assert first[3].startswith("Zero draft of the report of the Open-ended Working Group")


def test_the_running_header_names_the_symbol_in_the_bodys_font_on_every_later_page():
    pages = _pages(_noted_clean())
    assert len(pages) > 3
    for page in pages[1:]:
        assert page.extract_text().splitlines()[0] == "A/AC.999/2026/L.1"
    fonts = {
        font["/BaseFont"].split("+", 1)[1]
        for page in pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts == {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"}


def test_a_footnote_starts_on_the_text_margin_under_a_separator():
    page = _pages(_noted_clean())[0]
    runs = _placed(page)
    note = next((x, y) for x, y, text in runs if text.startswith("See A/70/174"))
    call = next((x, y) for x, y, text in runs if text == "1" and y < note[1] + 10)
    numbers = {x for x, _, text in runs if re.fullmatch(r"\d+\.", text)}
    assert numbers == {LEFT_MARGIN}
    assert call[0] == LEFT_MARGIN
    # The separator: a thin rule from the text margin, a little above the note.
    rules = re.findall(
        rb"1 0 0 -1 ([\d.]+) ([\d.]+) cm[^\n]*0\.5 w 4 M 0 0 m ([\d.]+) 0 l",
        page.get_contents().get_data(),
    )
    assert [(round(float(x), 1), round(float(w))) for x, _, w in rules] == [(LEFT_MARGIN, 141)]
    assert 0 < float(rules[0][1]) - note[1] < 20


def test_justified_text_is_hyphenated_at_line_ends():
    pages = _pages(_noted_clean())
    # Typst marks each hyphen it adds as standing for a soft hyphen (U+00AD), so a reader
    # that copies the text gets the word whole.
    added = sum(page.get_contents().get_data().count(b"/ActualText<FEFF00AD>") for page in pages)
    assert added >= 10
    first = pages[0].extract_text()
    assert re.search(r"establishment of regular institu[-\xad]\ntional dialogue", first)


def test_a_renumbered_paragraph_keeps_its_sub_paragraph_letters_unmarked():
    old = version()
    # Paragraph 1 goes: paragraph 2 becomes 1, its sub-paragraphs (a) and (b) stay (a), (b).
    new = Version(old.title, tuple(p for p in old if p.uid != "p1"))
    new = Version(new.title, tuple(replace(p, label=_shift(p.label)) for p in new))
    redlines = provision_redlines(old, new)
    numbers = {
        block["text"][0][1][:10]: block["num"]
        for block in typst_export.redline(META, redlines)["blocks"]
        if block["k"] == "p"
    }
    assert numbers["ransomware"] == [["", "(a)"]]
    assert numbers["attacks on"] == [["", "(b)"]]
    assert numbers["States ide"] == [["d", "2."], ["i", "1."]]
    pdf = export_redline(META, redlines, Format.PDF, by=Attribution("Chair")).content
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in _pages(pdf)))
    assert "2.1. States identified the following threats: (a) ransomware" in text
    assert "(a)(a)" not in text.replace(" ", "")


def test_markdown_and_html_redlines_mark_only_the_numbers_that_changed():
    old = version()
    new = Version(old.title, tuple(p for p in old if p.uid != "p1"))
    new = Version(new.title, tuple(replace(p, label=_shift(p.label)) for p in new))
    redlines = provision_redlines(old, new)
    by = Attribution("Chair")
    markdown = export_redline(META, redlines, Format.MD, by=by).content.decode()
    assert (
        "{--2--}{++1++}. States identified the following threats:\n"
        "   (a) ransomware against hospitals;\n"
        "   (b) attacks on undersea cables.\n"
    ) in markdown
    page = export_redline(META, redlines, Format.HTML, by=by).content.decode()
    assert '<span class="number">(a)</span><p class="text">ransomware' in page
    assert page.count('<del title="deleted">2.</del><ins title="inserted">1.</ins>') == 1
    assert '<del title="deleted">(a)' not in page


def _shift(label: str) -> str:
    """The number one lower: "2" → "1", "2(a)" → "1(a)", "7bis" kept."""
    return re.sub(r"^(\d+)(?=\(|$)", lambda m: str(int(m.group(1)) - 1), label)


def test_a_regional_language_tag_hyphenates_by_its_language():
    data = typst_export.clean(replace(META, language="en-GB"), version())
    assert data["lang"] == "en"
    assert typst_export.clean(replace(META, language="x_bad!"), version())["lang"] == "en"
    pdf = export_clean(replace(META, language="fr-CA"), version(), Format.PDF).content
    assert "The Group met in three substantive sessions." in _pages(pdf)[0].extract_text()


def test_a_pdf_is_dated_by_its_version_so_the_same_version_gives_the_same_bytes():
    from accord.documents.pdf_export import parts_to_pdf

    clean = export_clean(META, version(), Format.PDF).content
    assert clean == export_clean(META, version(), Format.PDF).content
    parts = typst_export.compilation_parts(META, compile_version(version(), []), size=2)
    joined = parts_to_pdf(parts)
    assert joined == parts_to_pdf(parts)
    for pdf in (clean, joined):
        info = PdfReader(io.BytesIO(pdf)).metadata
        assert (info["/Title"], info["/CreationDate"]) == (META.title, "D:20260302000000Z")
