"""Commands of the pure core run without Django or a database."""

import subprocess
import sys

OLD = """# Report
## A. General
1. States should cooperate in developing measures to increase stability and security in ICTs.
2. This paragraph is no longer needed in the revised text of the report at all.
"""
NEW = """# Report
## A. General
1. States shall cooperate in developing measures to increase stability and security in ICTs.
"""


def test_accord_redline_compares_two_draft_files(tmp_path):
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
