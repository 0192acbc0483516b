"""`accord redline`, which needs neither Django nor a database, and `accord import` and
`accord export` (tested with the web pages they share their actions with, in
tests/documents_web)."""

import subprocess
import sys

import pytest
from tests.core.builders import FIXTURES

from accord.cli import main


@pytest.mark.parametrize("form", ["text", "md", "html", "json"])
def test_the_command_prints_the_redline_of_two_files(form, capsys):
    status = main(
        ["redline", str(FIXTURES / "zero_draft.md"), str(FIXTURES / "rev1.md"), "--format", form]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "cumulative and evolving" in out


def test_the_command_reports_a_file_it_cannot_read(tmp_path, capsys):
    missing = tmp_path / "missing.md"
    assert main(["redline", str(missing), str(FIXTURES / "rev1.md")]) == 2
    assert capsys.readouterr().err == (
        f"accord: [Errno 2] No such file or directory: '{missing}'\n"
    )


def test_the_command_reports_a_draft_it_cannot_parse(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_text("no numbered paragraphs here\n", encoding="utf-8")
    assert main(["redline", str(bad), str(FIXTURES / "rev1.md")]) == 2
    assert capsys.readouterr().err == (
        f'accord: {bad}: malformed-draft {{"line": 1, "problem": "text-outside-paragraph"}}\n'
    )


OLD = """# Report
## A. General
1. States should cooperate in developing measures to increase stability and security in ICTs.
2. This paragraph is no longer needed in the revised text of the report at all.
"""
NEW = """# Report
## A. General
1. States shall cooperate in developing measures to increase stability and security in ICTs.
"""


def test_accord_redline_runs_without_django_or_a_database(tmp_path):
    (tmp_path / "old.md").write_text(OLD)
    (tmp_path / "new.md").write_text(NEW)
    ran = subprocess.run(
        [sys.executable, "-m", "accord.cli", "redline", "old.md", "new.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": ""},
    )
    assert ran.returncode == 0, ran.stderr
    assert "1. States [-should -]{+shall +}cooperate" in ran.stdout
    assert "2. (deleted 2) [-This paragraph is no longer needed" in ran.stdout
