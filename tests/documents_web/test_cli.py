import json
import os
import subprocess
import sys

import pytest
from tests.actions.test_revisions import REV1
from tests.documents.word_files import typed_draft

from accord import cli
from accord.actions.revisions import issue_revision
from accord.store import models


@pytest.mark.django_db
def test_import_then_export_through_the_command_functions(negotiation, tmp_path, capsys):
    source = tmp_path / "draft.docx"
    source.write_bytes(typed_draft(["1. States met.", "(a) twice;"]))
    args = [
        "import",
        str(source),
        "--process",
        "wg",
        "--label",
        "Zero draft",
        "--document",
        "draft",
    ]
    assert cli.main(args) == 0
    assert capsys.readouterr().out == "Imported draft.docx as wg/draft Zero draft: 2 provisions.\n"
    target = tmp_path / "out.md"
    args = ["export", "--process", "wg", "--document", "draft", "--format", "md", "-o", str(target)]
    assert cli.main(args) == 0
    assert "1. States met.\n   (a) twice;\n" in target.read_text()


@pytest.mark.django_db
def test_a_refused_import_says_why_and_stores_nothing(negotiation, tmp_path, capsys):
    source = tmp_path / "draft.docx"
    source.write_bytes(b"not a word file")
    before = models.Document.objects.count()
    args = ["import", str(source), "--process", "wg", "--label", "Zero", "--document", "new"]
    assert cli.main(args) == 2
    assert capsys.readouterr().err == (
        "accord: The file could not be imported: it is not a Word (.docx) file.\n"
    )
    assert models.Document.objects.count() == before


@pytest.mark.django_db
def test_the_first_version_has_no_redline_and_no_file_is_written(negotiation, tmp_path, capsys):
    target = tmp_path / "x.docx"
    args = ["export", "--process", "wg", "--view", "redline", "-o", str(target)]
    assert cli.main(args) == 2
    assert capsys.readouterr().err == (
        "accord: version 1 is the first: there is no earlier version to compare\n"
    )
    assert not target.exists()


@pytest.mark.django_db
def test_a_redline_without_against_compares_with_the_previous_version(negotiation, tmp_path):
    issue_revision(negotiation.version.document, by=negotiation.chair, text=REV1, label="Rev.1")
    base = ["export", "--process", "wg", "--view", "redline", "--format", "json"]
    assert cli.main([*base, "-o", str(tmp_path / "default.json")]) == 0
    assert cli.main([*base, "--against", "1", "-o", str(tmp_path / "named.json")]) == 0
    default = json.loads((tmp_path / "default.json").read_text())
    assert default == json.loads((tmp_path / "named.json").read_text())
    assert default["version"]["label"] == "Rev.1"
    kinds = {m["kind"] for p in default["provisions"] for m in p["marks"]}
    assert kinds == {"same", "inserted", "deleted"}


def test_the_demo_exports_and_reimports_through_the_command(tmp_path):
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    } | {"ACCORD_DATA_DIR": str(tmp_path)}

    def accord(*args):
        return subprocess.run(
            [sys.executable, "-m", "accord.cli", *args],
            capture_output=True, text=True, env=environment, timeout=300, check=False,
        )  # fmt: skip

    assert accord("demo", "--no-serve").returncode == 0
    out = tmp_path / "zero.docx"
    done = accord("export", "--process", "oewg-ict-demo", "--format", "docx", "-o", str(out))
    assert done.returncode == 0, done.stderr
    again = accord(
        "import", str(out), "--process", "oewg-ict-demo", "--label", "Copy", "--document", "copy"
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout == "Imported zero.docx as oewg-ict-demo/copy Copy: 78 provisions.\n"


@pytest.mark.django_db
def test_a_preview_prints_what_would_be_stored_and_stores_nothing(negotiation, tmp_path, capsys):
    source = tmp_path / "draft.docx"
    source.write_bytes(typed_draft(["A/AC.1/2026/1", "1. States met.", "(a) twice;"]))
    before = models.Event.objects.count()
    args = [
        "import",
        str(source),
        "--process",
        "wg",
        "--label",
        "Zero",
        "--document",
        "new",
        "--preview",
    ]
    assert cli.main(args) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Draft report (test) (A/AC.1/2026/1): 2 provisions, 0 footnotes",
        "  1        paragraph     States met.",
        "  1(a)     subparagraph  twice;",
    ]
    assert models.Event.objects.count() == before


@pytest.mark.django_db
def test_unknown_processes_and_documents_are_named(negotiation, tmp_path, capsys):
    args = ["export", "--process", "nope", "-o", str(tmp_path / "x")]
    assert cli.main(args) == 2
    args = ["import", str(tmp_path / "x"), "--process", "nope", "--label", "Zero"]
    assert cli.main(args) == 2
    assert capsys.readouterr().err.splitlines() == [
        "accord: no document nope/report",
        "accord: no process named nope",
    ]
