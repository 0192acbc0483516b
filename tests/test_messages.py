"""Every refusal accord can raise is explained in words of its own."""

import contextlib
import importlib
import pkgutil

import pytest

import accord
from accord.core.checker.errors import LineProblem
from accord.core.errors import Refusal
from accord.messages import explain

GENERIC = "This action is not allowed."


def _all_refusals() -> list[type[Refusal]]:
    for module in pkgutil.walk_packages(accord.__path__, "accord."):
        if ".migrations" not in module.name and not module.name.endswith("asgi"):
            importlib.import_module(module.name)
    found, queue = [], [Refusal]
    while queue:
        for sub in queue.pop().__subclasses__():
            found.append(sub)
            queue.append(sub)
    return found


# Fields whose values must be among those the rules use.
KNOWN = {
    "reason": "not-a-delegate",
    "problem": "no-paragraphs",
    "what": "letter",
    "status": "not-taken-up",
    "problems": (LineProblem(3, "not-json", "bad"),),
}


def _value(name: str, annotation: object) -> object:
    kind = str(annotation)
    if name in KNOWN:
        return KNOWN[name]
    if "tuple" in kind:
        return (3, 4) if "int" in kind else ("x",)
    return 7 if "int" in kind else "x"


def _example(cls: type[Refusal]) -> Refusal:
    fields = getattr(cls, "__dataclass_fields__", {})
    return cls(**{name: _value(name, f.type) for name, f in fields.items()})


@pytest.mark.parametrize("cls", _all_refusals(), ids=lambda c: c.__name__)
def test_every_refusal_has_its_own_sentence(cls, db):
    refusal = _example(cls)
    sentence = explain(refusal)
    assert sentence
    assert sentence != GENERIC, f"{cls.__name__} ({refusal.code}) has no sentence"


def test_a_closed_proposal_is_named_by_its_status_in_words():
    from accord.actions.proposals import NotOpen
    from accord.core.cosponsorship import ProposalNotOpen

    assert explain(NotOpen(5, "not-taken-up")) == (
        "Proposal 5 is not taken up; only an open one can be withdrawn."
    )
    assert explain(ProposalNotOpen(7, "partly-reflected")) == (
        "Proposal 7 is partly reflected; only an open proposal can be co-sponsored."
    )


@pytest.mark.parametrize("cls", _all_refusals(), ids=lambda c: c.__name__)
def test_every_refusal_can_be_raised_through_a_context_manager(cls):
    # contextlib sets the traceback of the exception passing through; a frozen dataclass
    # would refuse that with a TypeError instead of letting the refusal through.
    refusal = _example(cls)

    @contextlib.contextmanager
    def around():
        yield

    with pytest.raises(cls) as raised, around():
        raise refusal
    assert raised.value is refusal
