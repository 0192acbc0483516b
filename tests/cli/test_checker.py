"""`accord check` and `accord corpus import`, run the way a user runs them."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.builders import CORPUS_FILE, LANGUAGES_FILE

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


NORM_C = (
    "States should not knowingly allow their territory to be used for internationally "
    "wrongful acts using ICTs."
)


def _source(result):
    (segment,) = json.loads(result.stdout)["segments"]
    return segment["verdict"], segment["source"]["document"], segment["source"]["provision"]


def test_corpus_import_then_check_without_a_corpus_file(tmp_path):
    empty = _accord("check", "--json", NORM_C, tmp_path=tmp_path)
    assert empty.returncode == 0, empty.stderr
    assert _source(empty) == ("agreed-verbatim", "A/70/174", "13(c)")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(CORPUS_FILE.read_text("utf-8") + '{"status": "x"}\n', "utf-8")
    refused = _accord("corpus", "import", str(bad), tmp_path=tmp_path)
    assert refused.returncode == 2
    assert "accord: Line 23: the field “document” is missing." in refused.stderr
    still_empty = _accord("check", "--json", NORM_C, tmp_path=tmp_path)
    assert _source(still_empty) == ("agreed-verbatim", "A/70/174", "13(c)")
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
    # "The Group agreed that" says a national view was agreed: that is named first.
    assert out[2:4] == [
        "   said to be agreed, but the source is not an agreed text",
        "   less close: adopted text in T/REP/1, C4",
    ]


def test_an_empty_passage_is_refused_in_words(capsys):
    from accord import cli

    assert cli.main(["check", "--corpus", str(CORPUS_FILE), " \n "]) == 2
    assert capsys.readouterr().err == "accord: The passage to check has no words.\n"


def _cache_file(cache, *files):
    from accord.core.checker import content_hash

    key = content_hash(b"".join(content_hash(f.read_bytes()).encode() for f in files))
    return cache / f"{key}.v2.index"


def test_a_second_check_reads_the_index_from_the_cache(tmp_path, settings, capsys):
    from accord import cli
    from accord.core.checker import build_index, parse_corpus
    from accord.core.checker.stored import dump_index

    settings.ACCORD_CHECKER_CACHE = str(tmp_path)
    stored = _cache_file(tmp_path, CORPUS_FILE)
    assert cli.main(["check", "--corpus", str(CORPUS_FILE), "--json", PASSAGE]) == 0
    assert json.loads(capsys.readouterr().out)["segments"][0]["source"]["provision"] == "C5"
    assert stored.exists()
    # What is stored under the file's hash is what the next check uses: swapped for the
    # index of another corpus, it answers from that one.
    other = '{"document": "O/1", "provision": "9", "status": "consensus", "holder": null, '
    other += f'"date": null, "text": "{PASSAGE}"}}'
    stored.write_bytes(dump_index(build_index(parse_corpus([other]))))
    assert cli.main(["check", "--corpus", str(CORPUS_FILE), "--json", PASSAGE]) == 0
    assert json.loads(capsys.readouterr().out)["segments"][0]["source"]["document"] == "O/1"
    # A damaged file is built again and replaced.
    stored.write_bytes(b"damaged")
    assert cli.main(["check", "--corpus", str(CORPUS_FILE), "--json", PASSAGE]) == 0
    assert json.loads(capsys.readouterr().out)["segments"][0]["source"]["provision"] == "C5"
    assert stored.read_bytes().startswith(b"accord checker index\n")


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, settings, capsys):
    from accord import cli

    blocker = tmp_path / "file"
    blocker.write_text("not a directory", "utf-8")
    settings.ACCORD_CHECKER_CACHE = str(blocker / "cache")
    assert cli.main(["check", "--corpus", str(CORPUS_FILE), "--json", PASSAGE]) == 0
    assert json.loads(capsys.readouterr().out)["segments"][0]["source"]["provision"] == "C5"


def test_batch_mode_prints_one_result_a_line(tmp_path, capsys):
    from accord import cli

    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": PASSAGE, "id": "first"}),
        "",
        "not json",
        json.dumps({"text": "  "}),
        json.dumps({"text": "We thank the Chair.", "id": 5}),
    ]
    batch.write_text("\n".join(lines) + "\n", "utf-8")
    assert cli.main(["check", "--corpus", str(CORPUS_FILE), "--batch", str(batch)]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["line"] for o in out] == [1, 3, 4, 5]
    assert (out[0]["id"], out[0]["segments"][0]["source"]["provision"]) == ("first", "C5")
    assert out[1] == {"line": 3, "error": "Line 3 of the batch file: not valid JSON."}
    assert out[2] == {"line": 4, "id": None, "error": "The passage to check has no words."}
    assert out[3]["id"] == 5
    assert [s["verdict"] for s in out[3]["segments"]] == ["not-found"]


def test_batch_mode_reads_standard_input(tmp_path):
    result = _accord(
        "check",
        "--corpus",
        str(CORPUS_FILE),
        "--batch",
        "-",
        tmp_path=tmp_path,
        stdin=json.dumps({"text": PASSAGE}) + "\n",
    )
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["segments"][0]["source"]["provision"] == "C5"


def test_a_passage_and_a_batch_together_or_neither_are_refused(tmp_path, capsys):
    from accord import cli

    batch = tmp_path / "b.jsonl"
    batch.write_text("", "utf-8")
    assert cli.main(["check", "--corpus", str(CORPUS_FILE), "--batch", str(batch), PASSAGE]) == 2
    assert cli.main(["check", "--corpus", str(CORPUS_FILE)]) == 2
    assert capsys.readouterr().err == "accord: give either a passage or --batch FILE.jsonl\n" * 2


def test_the_starter_corpus_is_used_on_request(capsys):
    from accord import cli

    assert cli.main(["check", "--starter", "--json", NORM_C]) == 0
    (segment,) = json.loads(capsys.readouterr().out)["segments"]
    assert segment["source"]["document"] == "A/70/174"


def test_check_in_a_language_given_or_told(capsys):
    from accord import cli

    corpus = ["--corpus", str(CORPUS_FILE), "--corpus", str(LANGUAGES_FILE), "--json"]
    russian = "Государствам следует обмениваться информацией об угрозах подводным кабелям с "  # noqa: RUF001 (Russian)
    russian += "соответствующими операторами."
    assert cli.main(["check", *corpus, russian]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["language"], answer["language_detected"]) == ("ru", True)
    assert answer["segments"][0]["source"]["provision"] == "C1"
    assert cli.main(["check", *corpus, "--language", "en", russian]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["language"], answer["segments"][0]["verdict"]) == ("en", "not-found")


def test_batch_lines_may_say_their_language(tmp_path, capsys):
    from accord import cli

    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {"text": "各国应与有关运营商分享关于海底电缆所受威胁的信息。", "language": "zh"}
        ),
        json.dumps({"text": PASSAGE, "language": "fr"}),
        json.dumps({"text": PASSAGE, "language": "de"}),
        json.dumps({"text": PASSAGE}),
    ]
    batch.write_text("\n".join(lines) + "\n", "utf-8")
    corpus = ["--corpus", str(CORPUS_FILE), "--corpus", str(LANGUAGES_FILE)]
    assert cli.main(["check", *corpus, "--batch", str(batch), "--language", "ru"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out[0]["language"] == "zh"
    assert out[0]["segments"][0]["source"]["provision"] == "C1"
    assert (out[1]["language"], out[1]["segments"][0]["verdict"]) == ("fr", "not-found")
    assert out[2]["error"] == (
        "de is not one of the six official languages (ar, zh, en, fr, ru, es)."
    )
    assert (out[3]["language"], out[3]["segments"][0]["verdict"]) == ("ru", "not-found")


def test_corpus_import_of_an_akoma_ntoso_decision(tmp_path):
    decision = tmp_path / "decision.xml"
    decision.write_bytes(
        (
            Path(__file__).parents[1] / "documents" / "akn_elsewhere" / "cop_decision.xml"
        ).read_bytes()
    )
    unsaid = _accord("corpus", "import", str(decision), tmp_path=tmp_path)
    assert unsaid.returncode == 2
    assert unsaid.stderr == (
        "accord: give --status for an Akoma Ntoso file (e.g. --status consensus)\n"
    )
    imported = _accord(
        "corpus", "import", str(decision), "--status", "consensus", tmp_path=tmp_path
    )
    assert imported.stdout == f"Imported 7 provisions from {decision}.\n", imported.stderr
    checked = _accord(
        "check",
        "--json",
        "Adopts the indicators contained in annex I to the present decision;",
        tmp_path=tmp_path,
    )
    source = json.loads(checked.stdout)["segments"][0]["source"]
    assert (source["document"], source["provision"], source["date"]) == (
        "CBD/COP/DEC/16/7",
        "OP1",
        "2024-10-30",
    )
