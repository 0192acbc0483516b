import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader
from tests.documents.word_files import typed_draft

from accord.documents.model import Format
from accord.documents.word_import import read_docx
from accord.store import models

pytestmark = pytest.mark.django_db

FORMATS = [f.value for f in Format]


def _download(view, fmt, process="wg", document="report"):
    return reverse("web:download", args=[process, document, 1, view, fmt])


@pytest.mark.parametrize("view", ["clean", "compilation"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_view_downloads_in_every_format(client, negotiation, view, fmt):
    response = client.get(_download(view, fmt))
    assert response.status_code == 200
    suffix = "akn.xml" if fmt == "akn" else fmt
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="report-zero-draft-{view}.{suffix}"'
    )
    assert response.content


def test_the_word_download_reads_back_as_the_version(client, negotiation):
    draft = read_docx(client.get(_download("clean", "docx")).content)
    labels = list(negotiation.version.provisions.values_list("label", flat=True))
    assert [p.label for p in draft.version] == labels


def test_unknown_views_and_formats_are_not_found(client, negotiation):
    assert client.get(_download("clean", "exe")).status_code == 404
    assert client.get(_download("sideways", "pdf")).status_code == 404


def test_a_private_process_downloads_nothing_for_the_public(client, db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    assert client.get(_download("clean", "pdf")).status_code == 404


def test_the_version_and_compilation_pages_link_every_download(client, negotiation):
    for page, view in (("version", "clean"), ("compilation", "compilation")):
        html = client.get(reverse(f"web:{page}", args=["wg", "report", 1])).content.decode()
        assert [f for f in FORMATS if f'href="{_download(view, f)}"' in html] == FORMATS


def test_the_demo_zero_draft_downloads_in_every_format(client, db):
    from accord.demo import DOCUMENT_SLUG, PROCESS_SLUG, load_demo

    load_demo()
    for fmt in FORMATS:
        for view in ("clean", "compilation", "bracketed"):
            response = client.get(_download(view, fmt, PROCESS_SLUG, DOCUMENT_SLUG))
            assert response.status_code == 200, (fmt, view)
    pdf = client.get(_download("clean", "pdf", PROCESS_SLUG, DOCUMENT_SLUG)).content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "A/AC.292/2026/CRP.1" in text


URL = "/p/wg/import/"


def _upload(client, data, name="draft.docx", slug="draft"):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(URL, {"file": upload, "slug": slug, "label": "Zero draft", "symbol": ""})


def test_the_chair_previews_then_confirms_an_import(client, negotiation):
    client.force_login(negotiation.chair)
    before = models.Version.objects.count()
    preview = _upload(client, typed_draft(["## A. Scope", "1. States met.", "(a) twice;"]))
    assert preview.status_code == 200
    text = re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", preview.content.decode())),
    )
    assert "“Draft report (test)”: 3 provisions." in text
    assert "1(a) sub-paragraph twice;" in text
    assert models.Version.objects.count() == before
    confirm = preview.context["confirm"].initial
    done = client.post(URL, confirm)
    assert done.status_code == 302
    assert done["Location"] == "/p/wg/draft/v1/"
    assert models.Version.objects.count() == before + 1


def test_a_masthead_in_word_headings_is_previewed_as_title_body_and_symbol(client, negotiation):
    from docx import Document
    from tests.documents.word_files import to_bytes

    document = Document()
    document.add_heading("General Assembly", level=1)
    document.add_heading("A/AC.999/2026/L.9", level=2)
    document.add_heading("Draft report of the working group", level=2)
    document.add_paragraph("1. States met.")
    client.force_login(negotiation.chair)
    preview = _upload(client, to_bytes(document))
    text = re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", preview.content.decode())),
    )
    assert (
        "“Draft report of the working group”: 1 provision. Symbol A/AC.999/2026/L.9. "
        "Issued by General Assembly." in text
    )
    assert client.post(URL, preview.context["confirm"].initial).status_code == 302
    version = models.Version.objects.get(document__slug="draft")
    assert (version.title, version.document.symbol) == (
        "Draft report of the working group",
        "A/AC.999/2026/L.9",
    )


def test_a_bad_file_is_explained_and_nothing_is_kept(client, negotiation):
    client.force_login(negotiation.chair)
    response = _upload(client, b"not a word file")
    assert response.status_code == 400
    assert (
        "The file could not be imported: it is not a Word (.docx) file."
        in response.content.decode()
    )
    assert "accord-import" not in client.session


def test_a_confirmation_without_the_previewed_file_goes_back_to_the_form(client, negotiation):
    client.force_login(negotiation.chair)
    response = client.post(URL, {"sha256": "0" * 64, "slug": "x", "label": "Zero draft"})
    assert response.status_code == 302
    assert models.Document.objects.filter(slug="x").count() == 0


@pytest.mark.parametrize("who", ["brazil", "outsider"])
def test_only_drafters_reach_the_import_page(client, negotiation, who):
    client.force_login(getattr(negotiation, who))
    assert client.get(URL).status_code == 403
    assert "Import a draft" not in client.get("/p/wg/").content.decode()


def test_the_chair_sees_the_import_link(client, negotiation):
    client.force_login(negotiation.chair)
    assert client.get(URL).status_code == 200
    assert 'href="/p/wg/import/"' in client.get("/p/wg/").content.decode()


def _revise(negotiation, text):
    """A second version made straight in the store (the engine's revision action is not
    merged yet); enough to offer its redline."""
    from django.utils import timezone

    from accord.core.draft_text import parse_draft
    from accord.store import convert

    value = parse_draft(text)
    version = models.Version.objects.create(
        document=negotiation.version.document, number=2, label="Rev.1", title=value.title,
        issued_at=timezone.now(), content_hash=value.content_hash,
    )  # fmt: skip
    models.Provision.objects.bulk_create(convert.provision_rows(version, value))
    return version


def test_a_revision_offers_its_changes_as_tracked_changes(client, negotiation):
    from tests.builders import DRAFT

    from accord.documents.word_revisions import read_revisions

    _revise(negotiation, DRAFT.replace("three substantive", "four substantive"))
    page = client.get(reverse("web:version", args=["wg", "report", 2])).content.decode()
    link = reverse("web:download", args=["wg", "report", 2, "redline", "docx"])
    assert f'href="{link}"' in page
    tracked = [p for p in read_revisions(client.get(link).content) if p.authors]
    assert [(p.authors, [m.text for m in p.marks if m.kind != "same"]) for p in tracked] == [
        (("Chair",), ["three ", "four "])
    ]


def test_the_first_version_has_no_redline(client, negotiation):
    assert client.get(_download("redline", "docx")).status_code == 404
    html = client.get(reverse("web:version", args=["wg", "report", 1])).content.decode()
    assert "/download/redline." not in html


def test_the_preview_reports_tables_and_joined_text(client, negotiation):
    from docx import Document
    from tests.documents.word_files import to_bytes

    document = Document()
    document.add_paragraph("1. States agreed")
    document.add_paragraph("on the following.")
    document.add_table(rows=2, cols=3)
    client.force_login(negotiation.secretariat)
    text = re.sub(r"\s+", " ", _upload(client, to_bytes(document)).content.decode())
    assert "A table (2x3) after 1 was not imported." in text
    assert "Unnumbered text was joined to 1: “on the following.”." in text


def test_an_oversized_upload_is_dropped_as_it_arrives_and_explained(
    client, negotiation, monkeypatch
):
    from accord.web.uploads import LimitedUploadHandler

    monkeypatch.setattr(LimitedUploadHandler, "limit", 1000)
    client.force_login(negotiation.chair)
    response = _upload(client, b"PK" + b"x" * 5000)
    assert response.status_code == 413
    text = response.content.decode()
    assert "files up to 20971520 bytes can be imported." in text
    assert "accord-import" not in client.session


def test_the_preview_of_a_decision_written_elsewhere_says_what_was_left_out(client, negotiation):
    from pathlib import Path

    data = (
        Path(__file__).parents[1] / "documents" / "akn_elsewhere" / "cop_decision.xml"
    ).read_bytes()
    client.force_login(negotiation.secretariat)
    page = _upload(client, data, name="decision.xml").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert (
        "Not carried over, before the first paragraph: formula enactingFormula: The Conference "
        "of the Parties," in text
    )
    assert "Not carried over, after A: intro: The Conference of the Parties," in text
    assert "PP1 preambular paragraph Recalling its decisions 15/4 and 15/5," in text
