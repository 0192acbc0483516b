"""The restore drill: back up the demo, restore it into an empty database, the chain
verifies and the pages serve; and what a backup or a restore refuses."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.cli.commands import accord
from tests.scratch_database import on_postgresql, scratch_environment


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_and_read(environment, paths):
    """Serve the restored database as `accord demo` does, and read ``paths``; each one's
    status and text."""
    port = _free_port()
    read = {}
    with subprocess.Popen(
        [sys.executable, "-m", "accord.cli", "demo", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as server:
        try:
            for path in paths:
                for _ in range(600):  # up to two minutes for the server to start
                    try:
                        url = f"http://127.0.0.1:{port}{path}"
                        with urllib.request.urlopen(url, timeout=10) as response:
                            read[path] = (response.status, response.read().decode())
                        break
                    except urllib.error.HTTPError as error:
                        read[path] = (error.code, "")
                        break
                    except OSError:
                        assert server.poll() is None, server.stderr.read()
                        time.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return read


def test_a_backup_restores_into_an_empty_database_whose_chain_verifies_and_pages_serve(
    tmp_path,
):
    original, restored = tmp_path / "original", tmp_path / "restored"
    original.mkdir()
    restored.mkdir()
    backup = tmp_path / "accord.backup"
    with scratch_environment(original, "drill_original") as source:
        loaded = accord("demo", "--no-serve", tmp_path=original, **source)
        assert loaded.returncode == 0, loaded.stderr
        before = accord("audit", "verify", tmp_path=original, **source)
        assert before.returncode == 0, before.stderr
        made = accord("backup", str(backup), tmp_path=original, **source)
        assert made.returncode == 0, made.stderr
        assert made.stdout.startswith("Backed up ")
        again = accord("backup", str(backup), tmp_path=original, **source)
        assert (again.returncode, again.stderr) == (
            2,
            f"accord: {backup} already exists; a backup never overwrites a file\n",
        )
    with scratch_environment(restored, "drill_restored") as target:
        # The signing key is kept in a file beside the database, never in it: the restored
        # instance is given the same key file, as every instance of a deployment is.
        target["ACCORD_SIGNING_KEY_FILE"] = str(original / "signing-key.pem")
        put_back = accord("restore", str(backup), tmp_path=restored, **target)
        assert put_back.returncode == 0, put_back.stderr
        assert put_back.stdout.splitlines()[0].startswith(f"Restored {backup} into ")
        # The restore ends by verifying the chain; the audit says the same on its own.
        assert put_back.stdout.splitlines()[1:] == before.stdout.splitlines()
        verified = accord("audit", "verify", tmp_path=restored, **target)
        assert (verified.returncode, verified.stdout) == (0, before.stdout)
        twice = accord("restore", str(backup), tmp_path=restored, **target)
        assert twice.returncode == 2
        assert "is not empty; restore into a new, empty database" in twice.stderr
        pages = _serve_and_read(target, ["/", "/p/oewg-ict-demo/"])
    assert pages["/"][0] == 200
    assert "OEWG on ICT security (demo)" in pages["/"][1]
    assert pages["/p/oewg-ict-demo/"][0] == 200


def test_a_restore_refuses_a_file_that_is_no_backup_of_this_kind_of_database(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("not a backup")
    with scratch_environment(tmp_path, "drill_refused") as target:
        refused = accord("restore", str(other), tmp_path=tmp_path, **target)
        missing = accord("restore", str(tmp_path / "none"), tmp_path=tmp_path, **target)
    kind = "a PostgreSQL database" if on_postgresql() else "an embedded (SQLite) database"
    assert (refused.returncode, refused.stderr) == (
        2,
        f"accord: {other} is not a backup of {kind}\n",
    )
    assert (missing.returncode, missing.stderr) == (
        2,
        f"accord: no such file: {tmp_path / 'none'}\n",
    )


def test_a_backup_of_an_empty_database_is_refused(tmp_path):
    result = accord("backup", str(tmp_path / "b"), tmp_path=tmp_path)
    assert result.returncode == 2
    assert "holds no accord record" in result.stderr
    assert not (tmp_path / "b").exists()
