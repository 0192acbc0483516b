"""`accord token`, run as a user runs it."""

from tests.cli.commands import accord


def test_a_token_is_made_for_a_known_user_and_refused_for_an_unknown_one(tmp_path):
    assert accord("demo", "--no-serve", tmp_path=tmp_path).returncode == 0
    made = accord("token", "ken", "Nairobi tool", "--read-only", tmp_path=tmp_path)
    first, secret = made.stdout.splitlines()
    assert first == "A read-only token for ken; it is shown only this once:"
    assert secret.startswith("accord_")
    unknown = accord("token", "nobody", "tool", tmp_path=tmp_path)
    assert (unknown.returncode, unknown.stderr) == (2, "accord: there is no user 'nobody'\n")
