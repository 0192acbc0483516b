"""Who may do what: every write action against every kind of person, cell by cell.

Each cell is one person attempting one action on the small negotiation of `tests.builders`.
A permitted cell succeeds and writes what the action writes (one event, or the token); a
refused cell raises exactly the refusal named and stores nothing at all. Two rows are the
member delegate trying to go further than their accreditation: acting for another
delegation (Germany) and speaking on behalf of a group whose mandate Brazil does not hold
(the EU); they exist only for the actions that name a delegation or a group.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from tests.builders import DRAFT, Negotiation, assert_refused_without_trace, make_user

from accord.actions.adoption import record_adoption
from accord.actions.positions import record_position
from accord.actions.processes import accredit, admit_participants, create_process, publish_draft
from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.actions.revisions import issue_revision
from accord.actions.tokens import create_api_token
from accord.core.errors import NotPermitted
from accord.core.participants import ParticipantKind, Reason, Role
from accord.core.positions import Stance
from accord.store import models

pytestmark = pytest.mark.django_db

PEOPLE = {
    "chair": "chair",
    "secretariat": "secretariat",
    "member delegate": "brazil",
    "for another delegation": "brazil",
    "for a group without mandate": "brazil",
    "observer": "holy_see",
    "stakeholder": "stakeholder",
    "outsider": "outsider",
    "anonymous": None,
}
WORDING_2 = "States shall not conduct ICT activity contrary to their obligations."


def _state() -> tuple[object, ...]:
    tables = (
        models.Process,
        models.Participation,
        models.Accreditation,
        models.Document,
        models.Version,
        models.Provision,
        models.Proposal,
        models.ProposalFate,
        models.Position,
        models.Adoption,
        models.ApiToken,
        models.Event,
    )
    statuses = list(models.Proposal.objects.order_by("pk").values_list("pk", "status"))
    return (*(table.objects.count() for table in tables), statuses)


def _proposal(n: Negotiation, by: str) -> models.Proposal:
    return submit_proposal(
        n.version, by=getattr(n, by), provision_uid="p2", wording=f"{WORDING_2} ({by})"
    )


def _submit(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    extra = {
        "for another delegation": {"delegation": "DEU"},
        "for a group without mandate": {"on_behalf_of": "eu"},
    }.get(row, {})
    return lambda: submit_proposal(n.version, by=by, provision_uid="p2", wording=WORDING_2, **extra)


def _withdraw(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    proposal = _proposal(n, "germany" if row == "for another delegation" else "brazil")
    return lambda: withdraw_proposal(proposal, by=by)


def _position(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    return lambda: record_position(n.version, by=by, provision_uid="p2", stance=Stance.SUPPORT)


def _publish(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    return lambda: publish_draft(n.process, by=by, slug="second", text=DRAFT, label="Zero draft")


def _revise(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    text = DRAFT.replace("should not conduct", "shall not conduct")
    return lambda: issue_revision(n.version.document, by=by, text=text, label="Rev.1")


def _adopt(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    return lambda: record_adoption(n.version, by=by, confirm=True)


def _accredit(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    newcomer = make_user("newcomer")
    return lambda: accredit(n.process, by=by, user=newcomer, role=Role.DELEGATE, delegation="FRA")


def _admit(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    return lambda: admit_participants(n.process, by=by, codes=["KEN"], kind=ParticipantKind.MEMBER)


def _create_process(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    return lambda: create_process(by=by, slug="another", title="Another process")


def _token(n: Negotiation, by: object, row: str) -> Callable[[], object]:
    return lambda: create_api_token(by=by, name="laptop")


ALLOWED = None
NOT_DELEGATE = NotPermitted(Reason.NOT_A_DELEGATE)
OTHER = NotPermitted(Reason.OTHER_DELEGATION)
NO_MANDATE = NotPermitted(Reason.NO_GROUP_MANDATE)
NOT_DRAFTER = NotPermitted(Reason.NOT_A_DRAFTER)
NOT_SECRETARIAT = NotPermitted(Reason.NOT_SECRETARIAT)
NOT_STAFF = NotPermitted(Reason.MAY_NOT_CREATE_PROCESS)

# action -> (how, {row: expected}); the rows left out of an action do not apply to it.
MATRIX: dict[str, tuple[Callable[..., Callable[[], object]], dict[str, object]]] = {
    "submit proposal": (
        _submit,
        {
            "chair": NOT_DELEGATE,
            "secretariat": NOT_DELEGATE,
            "member delegate": ALLOWED,
            "for another delegation": OTHER,
            "for a group without mandate": NO_MANDATE,
            "observer": NOT_DELEGATE,
            "stakeholder": NOT_DELEGATE,
            "outsider": NOT_DELEGATE,
            "anonymous": NOT_DELEGATE,
        },
    ),
    "withdraw proposal": (
        _withdraw,
        {
            "chair": OTHER,
            "secretariat": OTHER,
            "member delegate": ALLOWED,
            "for another delegation": OTHER,
            "observer": OTHER,
            "stakeholder": OTHER,
            "outsider": OTHER,
            "anonymous": OTHER,
        },
    ),
    "record position": (
        _position,
        {
            "chair": NOT_DELEGATE,
            "secretariat": NOT_DELEGATE,
            "member delegate": ALLOWED,
            "observer": NOT_DELEGATE,
            "stakeholder": NOT_DELEGATE,
            "outsider": NOT_DELEGATE,
            "anonymous": NOT_DELEGATE,
        },
    ),
    "publish draft": (
        _publish,
        {
            "chair": ALLOWED,
            "secretariat": ALLOWED,
            "member delegate": NOT_DRAFTER,
            "observer": NOT_DRAFTER,
            "stakeholder": NOT_DRAFTER,
            "outsider": NOT_DRAFTER,
            "anonymous": NOT_DRAFTER,
        },
    ),
    "issue revision": (
        _revise,
        {
            "chair": ALLOWED,
            "secretariat": NOT_DRAFTER,
            "member delegate": NOT_DRAFTER,
            "observer": NOT_DRAFTER,
            "stakeholder": NOT_DRAFTER,
            "outsider": NOT_DRAFTER,
            "anonymous": NOT_DRAFTER,
        },
    ),
    "record adoption": (
        _adopt,
        {
            "chair": ALLOWED,
            "secretariat": NOT_DRAFTER,
            "member delegate": NOT_DRAFTER,
            "observer": NOT_DRAFTER,
            "stakeholder": NOT_DRAFTER,
            "outsider": NOT_DRAFTER,
            "anonymous": NOT_DRAFTER,
        },
    ),
    "accredit": (
        _accredit,
        {
            "chair": NOT_SECRETARIAT,
            "secretariat": ALLOWED,
            "member delegate": NOT_SECRETARIAT,
            "observer": NOT_SECRETARIAT,
            "stakeholder": NOT_SECRETARIAT,
            "outsider": NOT_SECRETARIAT,
            "anonymous": NOT_SECRETARIAT,
        },
    ),
    "admit participants": (
        _admit,
        {
            "chair": NOT_SECRETARIAT,
            "secretariat": ALLOWED,
            "member delegate": NOT_SECRETARIAT,
            "observer": NOT_SECRETARIAT,
            "stakeholder": NOT_SECRETARIAT,
            "outsider": NOT_SECRETARIAT,
            "anonymous": NOT_SECRETARIAT,
        },
    ),
    # Setting up processes is for staff of the instance, whatever one's role in a process.
    "create process": (
        _create_process,
        {
            "chair": NOT_STAFF,
            "secretariat": NOT_STAFF,
            "member delegate": NOT_STAFF,
            "observer": NOT_STAFF,
            "stakeholder": NOT_STAFF,
            "outsider": NOT_STAFF,
            "anonymous": NOT_STAFF,
        },
    ),
    # Anyone signed in keeps tokens of their own (no event: a token is not part of the
    # record); without an account there is nobody to own one, and pages and the API
    # ask to sign in first (see tests/api/test_permission_matrix.py).
    "create API token": (
        _token,
        {
            "chair": ALLOWED,
            "secretariat": ALLOWED,
            "member delegate": ALLOWED,
            "observer": ALLOWED,
            "stakeholder": ALLOWED,
            "outsider": ALLOWED,
        },
    ),
}

CELLS = [
    pytest.param(action, row, expected, id=f"{action}|{row}")
    for action, (_, cells) in MATRIX.items()
    for row, expected in cells.items()
]


def _person(n: Negotiation, row: str) -> object:
    name = PEOPLE[row]
    return AnonymousUser() if name is None else getattr(n, name)


@pytest.mark.parametrize(("action", "row", "expected"), CELLS)
def test_the_permission_matrix(negotiation, action, row, expected):
    how, _ = MATRIX[action]
    act = how(negotiation, _person(negotiation, row), row)
    if expected is not ALLOWED:
        assert isinstance(expected, Exception)
        assert_refused_without_trace(expected, _state, act)
        return
    events, tokens = models.Event.objects.count(), models.ApiToken.objects.count()
    act()
    written = (models.Event.objects.count() - events, models.ApiToken.objects.count() - tokens)
    assert written == ((0, 1) if action == "create API token" else (1, 0))


def test_every_action_has_a_cell_for_every_kind_of_person_it_applies_to():
    simple = set(PEOPLE) - {"for another delegation", "for a group without mandate"}
    for action, (_, cells) in MATRIX.items():
        missing = simple - set(cells) - ({"anonymous"} if action == "create API token" else set())
        assert not missing, action
