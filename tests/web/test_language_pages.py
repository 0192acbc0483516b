"""The pages of language versions: the list with what is out of date, the side-by-side view
with each column in its language and direction, the Secretariat's import from Word, and the
downloads in the language."""

import io
import re

import docx
import pytest
from pypdf import PdfReader
from tests.translations import TEXTS, word_file

from accord.actions.language_versions import import_language_version
from accord.actions.revisions import issue_revision
from accord.store import models, queries

pytestmark = pytest.mark.django_db

LANGUAGES = "/p/wg/report/v1/languages/"


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


def _upload(client, data: bytes, language: str):
    upload = io.BytesIO(data)
    upload.name = "translation.docx"
    return client.post(LANGUAGES, {"language": language, "file": upload})


def _state() -> tuple[int, int]:
    return models.LanguageVersion.objects.count(), models.Event.objects.count()


def test_the_secretariat_imports_a_word_file_and_sees_it_side_by_side(client, negotiation):
    client.force_login(negotiation.secretariat)
    page = client.get(LANGUAGES)
    assert "No language version of this version yet." in _text(page)
    assert '<option value="ar">العربية</option>' in page.content.decode()
    done = _upload(client, word_file(TEXTS["ar"], "ar"), "ar")
    assert done.status_code == 302
    assert done["Location"] == "/p/wg/report/v1/languages/ar/"
    side = client.get(done["Location"]).content.decode()
    uid = negotiation.uid("1")
    row = re.search(rf'<tr id="{uid}" class="paragraph current">(.*?)</tr>', side, re.S)
    assert row is not None
    assert '<td lang="en" dir="ltr"><span class="number">1.</span> The working group met' in row[1]
    assert '<td lang="ar" dir="rtl"><span class="number">1.</span> عقد الفريق العامل' in row[1]
    assert "Out of date" not in side
    version = client.get("/p/wg/report/v1/").content.decode()
    assert 'href="/p/wg/report/v1/languages/ar/" lang="ar" dir="rtl" hreflang="ar">العربية</a>' in (
        version
    )


def test_a_file_that_does_not_follow_the_original_is_refused_on_the_page(client, negotiation):
    client.force_login(negotiation.secretariat)
    before = _state()
    refused = _upload(client, word_file(TEXTS["fr"].split("4. Les normes")[0], "fr"), "fr")
    assert refused.status_code == 400
    assert "The original has 8 provisions and the file 7" in _text(refused)
    assert _state() == before


def test_only_the_secretariat_imports(client, negotiation):
    client.force_login(negotiation.chair)
    assert "Add a language version" not in _text(client.get(LANGUAGES))
    before = _state()
    assert _upload(client, word_file(TEXTS["fr"], "fr"), "fr").status_code == 403
    assert _state() == before


def test_a_revision_marks_the_changed_paragraph_out_of_date(client, negotiation):
    import_language_version(
        negotiation.version,
        by=negotiation.secretariat,
        language="fr",
        data=word_file(TEXTS["fr"], "fr"),
    )
    text = queries.version_value(negotiation.version)
    lines = [f"# {text.title}"]
    for p in text:
        if p.kind == "section":
            lines.append(f"## {p.label}. {p.text}")
        elif p.kind == "paragraph":
            lines.append(f"{p.label}. {p.text.replace('three', 'four')}")
        else:
            lines.append(f"   {p.margin_label} {p.text}")
    issue_revision(
        negotiation.version.document, by=negotiation.chair, text="\n\n".join(lines), label="Rev.1"
    )
    listing = _text(client.get("/p/wg/report/v2/languages/"))
    assert "carried from Zero draft" in listing
    assert "1 paragraph out of date : 1" in listing
    side = client.get("/p/wg/report/v2/languages/fr/").content.decode()
    uid = negotiation.uid("1")
    assert f'<tr id="{uid}" class="paragraph out-of-date">' in side
    assert side.count('<strong class="status stale">Out of date</strong>') == 1


def test_the_downloads_are_in_the_language(client, negotiation):
    import_language_version(
        negotiation.version,
        by=negotiation.secretariat,
        language="zh",
        data=word_file(TEXTS["zh"], "zh"),
    )
    base = "/p/wg/report/v1/languages/zh/download"
    word = client.get(f"{base}.docx")
    assert word["Content-Disposition"] == 'attachment; filename="report-zero-draft-clean-zh.docx"'
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
    assert "1.\t工作组举行了三届实质性会议，并进行了非正式磋商。" in paragraphs  # noqa: RUF001
    pdf = PdfReader(io.BytesIO(client.get(f"{base}.pdf").content))
    assert "分享事件信息。" in pdf.pages[0].extract_text()
    assert b"zho@" in client.get(f"{base}.akn").content
    assert client.get("/p/wg/report/v1/languages/ru/download.pdf").status_code == 404
    assert client.get("/p/wg/report/v1/languages/ru/").status_code == 404
