"""What is kept follows the record: after each kind of event, every page shows exactly what
a cold build shows (the cache emptied), though it was brought up to date from what was kept
before the event (docs/room.md, "Render once, serve many")."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from tests.actions.test_revisions import REV1

from accord.actions.adoption import record_adoption
from accord.actions.cosponsorship import accept_invitation, invite_cosponsor
from accord.actions.positions import record_position
from accord.actions.proposals import submit_proposal, withdraw_proposal
from accord.actions.revisions import issue_revision
from accord.actions.silence import break_silence, launch_silence
from accord.actions.status import mark_provision_status
from accord.core.bracketed import set_bracketed
from accord.core.fates import Fate, FateKind
from accord.core.positions import Stance
from accord.core.status import ActKind
from accord.store import models, queries
from accord.store.queries import compiling
from accord.web import views

pytestmark = pytest.mark.django_db

V1 = "/p/wg/report/v1"
PAGES = [
    f"{V1}/",
    f"{V1}/compilation/",
    f"{V1}/compilation/?part=2",
    f"{V1}/compilation/?all=1",
    f"{V1}/compilation/?delegation=DEU",
    f"{V1}/compilation/?section=s-b&status=open",
    f"{V1}/bracketed/",
    f"{V1}/status/",
    f"{V1}/positions/",
    "/api/v1/processes/wg/documents/report/versions/1/compilation",
]


def _body(response) -> str:
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    # Each answer masks the session's form token afresh; the rest must be the same.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", data.decode())


def _pages(client) -> list[str]:
    return [_body(client.get(page)) for page in PAGES]


@pytest.fixture
def room(negotiation):
    """Two parts of proposals (Brazil on paragraph 2, Germany on paragraph 4), an invitation
    pending, and positions."""
    n = negotiation
    for i in range(6):
        submit_proposal(n.version, by=n.brazil, provision_uid="p2", wording=f"Two {i}.")
    for i in range(3):
        submit_proposal(n.version, by=n.germany, provision_uid="p4", wording=f"Four {i}.")
    invite_cosponsor(
        n.version.proposals.filter(provision_uid="p4").first(), by=n.germany, invitee="BRA"
    )
    record_position(n.version, by=n.germany, provision_uid="p2", stance=Stance.OBJECT)
    return n


def _proposal(n) -> None:
    submit_proposal(n.version, by=n.germany, provision_uid="p4", wording="Four again.")


def _withdrawal(n) -> None:
    withdraw_proposal(n.version.proposals.filter(provision_uid="p2").first(), by=n.brazil)


def _position(n) -> None:
    record_position(n.version, by=n.brazil, provision_uid="p4", stance=Stance.SUPPORT)


def _mark(n) -> None:
    mark_provision_status(n.version, by=n.chair, provision_uid="p3", kind=ActKind.AGREED)


def _revision(n) -> None:
    open_ones = n.version.proposals.filter(status="open").values_list("pk", flat=True)
    fates = {pk: Fate(pk, FateKind.NOT_TAKEN_UP) for pk in open_ones}
    issue_revision(n.version.document, by=n.chair, text=REV1, label="Rev.1", fates=fates)


def _cosponsorship(n) -> None:
    accept_invitation(n.version.proposals.filter(provision_uid="p4").first(), by=n.brazil)


def _silence_broken(n) -> None:
    deadline = timezone.now() + timedelta(hours=80)
    procedure = launch_silence(n.version, by=n.chair, deadline=deadline)
    break_silence(procedure, by=n.germany, letter="We cannot.", provisions=["p2"])


def _adoption(n) -> None:
    record_adoption(n.version, by=n.chair, confirm=True)


EVENTS: dict[str, Callable[..., None]] = {
    "proposal": _proposal,
    "withdrawal": _withdrawal,
    "position": _position,
    "mark": _mark,
    "revision": _revision,
    "co-sponsorship": _cosponsorship,
    "silence broken": _silence_broken,
    "adoption": _adoption,
}


@pytest.mark.parametrize("reader", ["brazil", "chair"])
@pytest.mark.parametrize("event", EVENTS)
def test_after_each_event_every_page_shows_what_a_cold_build_shows(
    client, room, event, reader, monkeypatch
):
    monkeypatch.setattr(views, "PART_PROPOSALS", 4)  # so that the compilation has parts
    client.force_login(getattr(room, reader))
    before = _pages(client)
    at = models.Event.objects.count()
    EVENTS[event](room)
    assert models.Event.objects.count() > at
    kept = _pages(client)
    cache.clear()
    assert kept == _pages(client)
    assert kept != before


def test_an_event_on_one_paragraph_compiles_that_paragraph_alone(client, room):
    client.force_login(room.brazil)
    client.get(f"{V1}/compilation/?all=1")
    text = queries.version_value(room.version)
    wanted = queries.CompilationFilter()
    before = queries.compilation_outline(room.version, text, wanted, budget=200)
    _proposal(room)
    after = queries.compilation_outline(room.version, text, wanted, budget=200)
    changed = {
        b.uid for b, a in zip(before.entries, after.entries, strict=True) if b.digest != a.digest
    }
    assert changed == {"p4"}
    assert after.proposal_count == before.proposal_count + 1


def test_an_event_on_one_paragraph_brackets_that_paragraph_alone(client, room, monkeypatch):
    text = queries.version_value(room.version)
    whole = queries.bracketed_pieces(room.version, text, "Option")
    asked: list[frozenset[str] | None] = []
    bracketing = compiling.bracketed

    def bracketed(version, text, *, only=None):
        asked.append(only)
        return bracketing(version, text, only=only)

    monkeypatch.setattr(compiling, "bracketed", bracketed)
    record_position(room.version, by=room.brazil, provision_uid="p3", stance=Stance.OBJECT)
    after = queries.bracketed_pieces(room.version, text, "Option")
    assert asked == [frozenset({"p3"})]
    changed = [a for b, a in zip(whole, after, strict=True) if a != b]
    assert [(p.uid, p.is_disputed) for p in changed] == [("p3", True)]
    assert after == set_bracketed(bracketing(room.version, text))


def test_an_event_on_one_paragraph_writes_that_entry_alone_in_json(client, room, monkeypatch):
    url = "/api/v1/processes/wg/documents/report/versions/1/compilation"
    client.get(url)
    written: list[str] = []
    compiling_entries = queries.compiled_entries

    def compiled_entries(version, text, wanted, outline):
        written.extend(e.uid for e in outline)
        return compiling_entries(version, text, wanted, outline)

    monkeypatch.setattr(queries, "compiled_entries", compiled_entries)
    _proposal(room)
    body = client.get(url).json()
    assert written == ["p4"]
    assert [len(e["proposals"]) for e in body["entries"] if e["proposals"]] == [6, 4]


def test_an_event_on_one_paragraph_sets_that_paragraph_alone_in_the_clean_text(client, room):
    client.force_login(room.brazil)

    def set_paragraphs() -> int:
        response = client.get(f"{V1}/")
        assert response.status_code == 200
        return [t.name for t in response.templates].count("accord/_version_provision.html")

    text = queries.version_value(room.version)
    assert set_paragraphs() == len(text)
    assert set_paragraphs() == 0
    _position(room)
    assert set_paragraphs() == 1
