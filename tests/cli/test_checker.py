"""`accord check` and `accord corpus import`, run the way a user runs them."""

import json
import os
import subprocess
import sys

from tests.builders import CORPUS_FILE

PASSAGE = "States shall settle disputes arising from the use of ICTs by peaceful means only."


def _accord(*args, tmp_path, stdin=None):
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment["ACCORD_DATA_DIR"] = str(tmp_path)
    return subprocess.run(
        [sys.executable, "-m", "accord.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        input=stdin,
        timeout=300,
        check=False,
    )


def test_check_with_a_corpus_file_prints_json(tmp_path):
    result = _accord("check", "--corpus", str(CORPUS_FILE), "--json", PASSAGE, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    (segment,) = json.loads(result.stdout)["segments"]
    assert (segment["verdict"], segment["source"]["provision"], segment["added"]) == (
        "agreed-altered",
        "C5",
        ["only"],
    )
    assert segment["alterations"] == ["scope-changed"]


def test_check_reads_standard_input_and_prints_words(tmp_path):
    result = _accord(
        "check", "--corpus", str(CORPUS_FILE), "-", tmp_path=tmp_path, stdin="We thank the Chair."
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1. not-found\n   “We thank the Chair.”\n"


def test_a_bad_corpus_file_is_named_line_by_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document": "X"}\nnot json\n', "utf-8")
    result = _accord("check", "--corpus", str(bad), PASSAGE, tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"accord: {bad}:",
        "accord: The corpus file has 2 invalid lines, the first on line 1; nothing from it was "
        "stored.",
        "accord: Line 1: the field “provision” is missing.",
        "accord: Line 2: not valid JSON (Expecting value).",
    ]


def test_corpus_import_then_check_without_a_corpus_file(tmp_path):
    empty = _accord("check", PASSAGE, tmp_path=tmp_path)
    assert empty.returncode == 2
    assert "the instance's corpus is empty" in empty.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text(CORPUS_FILE.read_text("utf-8") + '{"status": "x"}\n', "utf-8")
    refused = _accord("corpus", "import", str(bad), tmp_path=tmp_path)
    assert refused.returncode == 2
    assert "accord: Line 23: the field “document” is missing." in refused.stderr
    still_empty = _accord("check", PASSAGE, tmp_path=tmp_path)
    assert "the instance's corpus is empty" in still_empty.stderr
    imported = _accord("corpus", "import", str(CORPUS_FILE), tmp_path=tmp_path)
    assert imported.stdout == f"Imported 22 provisions from {CORPUS_FILE}.\n"
    again = _accord("corpus", "import", str(CORPUS_FILE), tmp_path=tmp_path)
    assert again.stderr == "accord: This corpus file is already in the corpus.\n"
    checked = _accord("check", "--json", PASSAGE, tmp_path=tmp_path)
    assert json.loads(checked.stdout)["segments"][0]["source"]["provision"] == "C5"


def test_the_demo_corpus_is_checkable_without_a_corpus_file(tmp_path):
    assert _accord("demo", "--no-serve", tmp_path=tmp_path).returncode == 0
    result = _accord(
        "check",
        "--json",
        "States recalled that norms of responsible State behaviour reduce risks to "
        "international peace, security and stability.",
        tmp_path=tmp_path,
    )
    (segment,) = json.loads(result.stdout)["segments"]
    assert (segment["verdict"], segment["source"]["document"], segment["source"]["provision"]) == (
        "agreed-altered",
        "A/AC.292/2025/2 (demo)",
        "7",
    )
    assert segment["qualifiers_dropped"] == ["voluntary, non-binding"]


def test_check_in_process_reports_an_unreadable_corpus(tmp_path, capsys):
    from accord import cli

    missing = tmp_path / "missing.jsonl"
    assert cli.main(["check", "--corpus", str(missing), PASSAGE]) == 2
    assert capsys.readouterr().err == (
        f"accord: cannot read {missing}: No such file or directory\n"
    )


def test_check_in_process_prints_the_changes_in_words(capsys):
    from accord import cli

    passage = "States must share information on threats to submarine cables with the operators."
    assert cli.main(["check", "--corpus", str(CORPUS_FILE), passage]) == 0
    assert capsys.readouterr().out == (
        "1. agreed-altered — T/REP/1, C1 (consensus), similarity 0.85\n"
        f"   “{passage}”\n"
        "   changes: qualifier-dropped, modal-strengthened\n"
        "   qualifiers dropped: “where appropriate”\n"
        "   omitted: “should, where appropriate”\n"
        "   added: “must”\n"
    )


def test_a_national_view_names_the_less_close_adopted_text(capsys):
    from accord import cli

    passage = (
        "The Group agreed that all ICT operations against the electoral infrastructure of "
        "another State are prohibited in all circumstances."
    )
    assert cli.main(["check", "--corpus", str(CORPUS_FILE), passage]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        "1. national-view — Statement of Freedonia, N1 (national-view, held by Freedonia)"
    )
    assert out[2] == "   less close: adopted text in T/REP/1, C4"


def test_an_empty_passage_is_refused_in_words(capsys):
    from accord import cli

    assert cli.main(["check", "--corpus", str(CORPUS_FILE), " \n "]) == 2
    assert capsys.readouterr().err == "accord: The passage to check has no words.\n"
