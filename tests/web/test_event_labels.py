"""Every kind of event the actions write is said in words on the history and the desk."""

import ast
from pathlib import Path

from accord.web.event_labels import EVENT_LABELS, event_label

SOURCE = Path(__file__).resolve().parents[2] / "src" / "accord"


def _recorded_kinds() -> set[str]:
    """The first argument of every call to ``record(...)`` in the actions and the demo: a
    string, or an f-string whose placeholders are read from the literal choices around it."""
    kinds = set()
    for path in [*SOURCE.joinpath("actions").glob("*.py"), *SOURCE.joinpath("demo").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "_deliver":  # statements and written inputs pass their kind along
                first = node.args[1]
            elif name == "record":
                first = node.args[0]
            else:
                continue
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                kinds.add(first.value)
            elif isinstance(first, ast.JoinedStr):
                kinds.add(ast.unparse(first))
    return kinds


def test_every_recorded_kind_has_words():
    kinds = _recorded_kinds()
    assert "proposal.submitted" in kinds
    assert "silence.closed" in kinds
    assert "statement.delivered" in kinds
    templated = {k for k in kinds if k.startswith("f")}
    assert templated == {"f'cosponsorship.{status}'"}
    plain = kinds - templated
    assert plain <= set(EVENT_LABELS), sorted(plain - set(EVENT_LABELS))
    for status in ("invited", "accepted", "declined"):
        assert f"cosponsorship.{status}" in EVENT_LABELS


def test_an_unknown_kind_shows_as_itself():
    assert event_label("proposal.submitted") == "Proposal submitted"
    assert event_label("something.new") == "something.new"
