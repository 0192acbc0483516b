"""The worked example in docs/api.md runs, as written, against the demo."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _example() -> str:
    text = DOCS.read_text("utf-8")
    after = text[text.index("## A worked example") :]
    return re.search(r"```sh\n(.*?)```", after, re.S)[1]


def test_the_worked_example_runs_as_written(demo_server, demo_environment, tmp_path):
    script = _example().replace("http://127.0.0.1:8000", demo_server)
    # The example calls `.venv/bin/accord`, as a reader does from the project's folder.
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "accord").symlink_to(Path(sys.executable).parent / "accord")
    ran = subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=tmp_path,
        env=demo_environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    # curl prints each answer without a final line feed: the four answers run together.
    answers = ran.stdout
    assert '"current_version":2,"versions":[{"number":1,"label":"Zero draft"}' in answers
    assert '"provision":"p29","delegation":"KEN","delegation_name":"Kenya"' in answers
    assert '"operations":[{"kind":"insert","old":"","new":"voluntary "}' in answers
    assert '{"provision":"p30","delegation":"KEN","stance":"reserve"' in answers
    assert "problem" not in answers
