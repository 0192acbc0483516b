"""`accord audit`, run as a user runs it, on the demo's record."""

import json

from tests.cli.commands import accord


def test_the_demo_log_exports_and_verifies_and_a_tampered_copy_is_named(tmp_path):
    assert accord("demo", "--no-serve", tmp_path=tmp_path).returncode == 0
    log, key = tmp_path / "log.jsonl", tmp_path / "log.pub"
    exported = accord("audit", "export", "--log", str(log), "--key", str(key), tmp_path=tmp_path)
    lines = log.read_bytes().splitlines(keepends=True)
    events = len(lines) - 1  # and one signature line, after the last event
    assert lines[-1].startswith(f"!\t{events}\t".encode())
    assert exported.stdout == (
        f"Wrote {events} events to {log}, the public key to {key} and the key history to"
        f" {tmp_path / 'log.keys.json'}.\n"
    )
    assert json.loads((tmp_path / "log.keys.json").read_text())["keys"][0]["from_event"] == 1
    verified = accord("audit", "verify", str(log), tmp_path=tmp_path)
    assert (verified.returncode, verified.stdout) == (
        0,
        f"ok: {events} events, chain and signatures verified\n",
    )
    database = accord("audit", "verify", tmp_path=tmp_path)
    assert database.stdout.endswith("; database columns, documents and rows match\n")

    assert b'"role":"delegate"' in lines[9]
    lines[9] = lines[9].replace(b'"role":"delegate"', b'"role":"chair"')
    log.write_bytes(b"".join(lines))
    tampered = accord("audit", "verify", str(log), tmp_path=tmp_path)
    assert (tampered.returncode, tampered.stderr) == (
        1,
        "event 10: its hash does not match its content and the event before it\n",
    )


def test_audit_refuses_a_database_that_holds_no_record(tmp_path):
    result = accord("audit", "verify", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "holds no accord record; run `accord migrate`" in result.stderr
