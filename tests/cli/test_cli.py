import os
import socket
import subprocess
import sys

import pytest

from accord import cli


def _accord(*args, tmp_path, **env):
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment |= {"ACCORD_DATA_DIR": str(tmp_path)} | env
    return subprocess.run(
        [sys.executable, "-m", "accord.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )


def test_demo_loads_once_then_finds_what_it_loaded(tmp_path):
    first = _accord("demo", "--no-serve", tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Loaded the demo: OEWG on ICT security (demo), Rev.1 with")
    assert "Every demo login uses the password 'accord-demo'." in first.stdout
    assert "  bra          Delegate — Brazil" in first.stdout
    again = _accord("demo", "--no-serve", tmp_path=tmp_path)
    assert again.stdout.startswith("Found the demo")
    assert (
        again.stdout.split(" with ")[1].split(" (")[0]
        == first.stdout.split(" with ")[1].split(" (")[0]
    )
    reset = _accord("demo", "--no-serve", "--reset", tmp_path=tmp_path)
    assert reset.stdout.startswith("Loaded the demo")


def test_an_unreachable_database_is_named_clearly(tmp_path):
    result = _accord(
        "migrate", tmp_path=tmp_path, DATABASE_URL="postgres://accord@127.0.0.1:9/accord"
    )
    assert result.returncode == 2
    assert result.stderr.startswith(
        "accord: cannot reach the database (postgresql at 127.0.0.1:9):"
    )
    assert "Traceback" not in result.stderr


def test_serve_refuses_the_demo_secret_key(tmp_path):
    result = _accord("serve", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "refusing to serve with the demo secret key" in result.stderr


def test_serve_refuses_debug_settings(tmp_path):
    result = _accord(
        "serve", tmp_path=tmp_path, ACCORD_DEBUG="1", ACCORD_SECRET_KEY="a-real-secret-key-" * 3
    )
    assert result.returncode == 2
    assert "refusing to serve with ACCORD_DEBUG=1" in result.stderr


def test_a_port_in_use_is_named_with_the_way_out():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(cli.CommandError) as raised:
            cli._check_port("127.0.0.1", port)
    assert str(raised.value) == (
        f"port {port} on 127.0.0.1 is already in use; choose another with --port "
        f"(make demo PORT={port + 1})"
    )


def test_an_old_python_is_refused_with_what_is_needed():
    with pytest.raises(
        cli.CommandError, match=r"needs Python 3\.12 or later; this is Python 3\.11"
    ):
        cli._check_python((3, 11))
    cli._check_python((3, 12))


def test_the_demo_log_exports_and_verifies_and_a_tampered_copy_is_named(tmp_path):
    assert _accord("demo", "--no-serve", tmp_path=tmp_path).returncode == 0
    log, key = tmp_path / "log.jsonl", tmp_path / "log.pub"
    exported = _accord("audit", "export", "--log", str(log), "--key", str(key), tmp_path=tmp_path)
    lines = log.read_bytes().splitlines(keepends=True)
    events = len(lines) - 1  # and one signature line, after the last event
    assert lines[-1].startswith(f"!\t{events}\t".encode())
    assert exported.stdout == f"Wrote {events} events to {log} and the public key to {key}.\n"
    verified = _accord("audit", "verify", str(log), tmp_path=tmp_path)
    assert (verified.returncode, verified.stdout) == (
        0,
        f"ok: {events} events, chain and signatures verified\n",
    )
    database = _accord("audit", "verify", tmp_path=tmp_path)
    assert database.stdout.endswith("; database columns and documents match\n")

    assert b'"role":"delegate"' in lines[9]
    lines[9] = lines[9].replace(b'"role":"delegate"', b'"role":"chair"')
    log.write_bytes(b"".join(lines))
    tampered = _accord("audit", "verify", str(log), tmp_path=tmp_path)
    assert (tampered.returncode, tampered.stderr) == (
        1,
        "event 10: its hash does not match its content and the event before it\n",
    )


def test_audit_refuses_a_database_that_holds_no_record(tmp_path):
    result = _accord("audit", "verify", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "holds no accord record; run `accord migrate`" in result.stderr


def test_a_token_is_made_for_a_known_user_and_refused_for_an_unknown_one(tmp_path):
    assert _accord("demo", "--no-serve", tmp_path=tmp_path).returncode == 0
    made = _accord("token", "ken", "Nairobi tool", "--read-only", tmp_path=tmp_path)
    first, secret = made.stdout.splitlines()
    assert first == "A read-only token for ken; it is shown only this once:"
    assert secret.startswith("accord_")
    unknown = _accord("token", "nobody", "tool", tmp_path=tmp_path)
    assert (unknown.returncode, unknown.stderr) == (2, "accord: there is no user 'nobody'\n")


def test_the_api_benchmark_runs_and_loses_no_write(tmp_path):
    result = _accord(
        "bench", "api", "--paragraphs", "20", "--proposals", "50", "--runs", "1", tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("Compilation as JSON: 50 proposals,")
    assert lines[2].startswith(
        "193 delegates recording a position at once (24 workers): 193 answered 201, 0 failed, "
        "193 positions and "
        "193 events stored"
    )
    assert lines[2].endswith("chain and signatures verified")
