"""The lone verifier: `verify_log.py` with `eventlog.py` beside it, and nothing of accord."""

import shutil
import subprocess
import sys
from pathlib import Path

# The signed logs the core's tests build, with their releases and published documents.
from tests.core.test_eventlog import (
    EVENTS,
    KEY,
    LOG,
    PROVISIONS,
    REPORT,
    _altered,
    _at,
    _exported,
    _pem,
    _published_log,
    _sealed_log,
)

from accord.cli import verify_log
from accord.core import eventlog

# Runs the copied command the way `python verify_log.py …` does, with accord made unimportable,
# so that the test fails if the two files need anything more.
WITHOUT_ACCORD = """
import runpy, sys
sys.modules["accord"] = None
sys.argv[0] = "verify_log.py"
runpy.run_path("verify_log.py", run_name="__main__")
"""


def _copy_lone_verifier(folder: Path) -> None:
    shutil.copy(eventlog.__file__, folder / "eventlog.py")
    shutil.copy(verify_log.__file__, folder / "verify_log.py")


def _run_lone(tmp_path: Path, lines: list[bytes], *options: str) -> subprocess.CompletedProcess:
    (tmp_path / "log.jsonl").write_bytes(b"".join(lines))
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_ACCORD, "log.jsonl", "--key", "log.pub", *options],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_verifier_runs_as_a_lone_file_outside_accord(tmp_path: Path):
    _copy_lone_verifier(tmp_path)
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    ran = _run_lone(tmp_path, LOG)
    assert (ran.returncode, ran.stdout) == (
        0,
        f"ok: {EVENTS} events, chain and signatures verified\n",
    )
    ran = _run_lone(tmp_path, [*LOG[: _at(10)], *LOG[_at(11) :]])
    assert (ran.returncode, ran.stderr) == (1, "event 10: expected event 10 here, found event 11\n")


def test_the_verifier_command_reports_in_words(tmp_path: Path, capsys):
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG))
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    arguments = [str(tmp_path / "log.jsonl"), "--key", str(tmp_path / "log.pub")]
    assert verify_log.main(arguments) == 0
    assert capsys.readouterr().out == f"ok: {EVENTS} events, chain and signatures verified\n"
    (tmp_path / "log.jsonl").write_bytes(b"".join(LOG[1:]))
    assert verify_log.main(arguments) == 1
    assert capsys.readouterr().err == "event 1: expected event 1 here, found event 2\n"


def test_the_lone_verifier_checks_a_release_too(tmp_path: Path):
    _copy_lone_verifier(tmp_path)
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    log, release = _sealed_log()
    (tmp_path / "release.jsonl").write_bytes(b"".join(release))
    ran = _run_lone(tmp_path, log, "--released", "release.jsonl")
    assert (ran.returncode, ran.stdout) == (
        0,
        "ok: 5 events, chain and signatures verified\n"
        "ok: 2 released events match their commitments\n",
    )
    (tmp_path / "release.jsonl").write_bytes(b"".join(_altered(1, salt="f" * 32)))
    ran = _run_lone(tmp_path, log, "--released", "release.jsonl")
    assert (ran.returncode, ran.stderr) == (
        1,
        "event 4: the released content does not match the commitment the log published\n",
    )


def test_the_lone_verifier_checks_published_documents_too(tmp_path: Path):
    _copy_lone_verifier(tmp_path)
    (tmp_path / "log.pub").write_bytes(_pem(KEY))
    (tmp_path / "report.json").write_bytes(REPORT)
    (tmp_path / "rev1.json").write_bytes(_exported("clean", PROVISIONS[:2]))
    documents = ["--document", "report.json", "--document", "rev1.json"]
    ran = _run_lone(tmp_path, _published_log(), *documents)
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        1,
        "ok: 3 events, chain and signatures verified\n",
        "rev1.json: the log published no version 2 of 'report' with this text\n",
    )
