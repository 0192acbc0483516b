"""In the pages, a proposal left pending is carried onto the next version: its compilation
shows it with where it was made and how its paragraph changed, and the Chair's revision
desk takes it in."""

import html
import re

import pytest
from tests.actions.test_revisions import LAW, REV1

from accord.actions.proposals import submit_proposal
from accord.actions.revisions import issue_revision
from accord.core.draft_text import render_draft
from accord.core.fates import Fate, FateKind
from accord.store import models, queries

pytestmark = pytest.mark.django_db

# Rev.1 with the words the proposal deletes rewritten under it.
REWORDED = REV1.replace("complement the application of", "complement the full application of")


def _text(response):
    words = re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode()))
    return re.sub(r"\s+", " ", html.unescape(words)).strip()


def _pending_into(negotiation, text):
    pending = submit_proposal(
        negotiation.version, by=negotiation.germany, provision_uid="p4", wording=LAW
    )
    issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=text,
        label="Rev.1",
        fates={pending.pk: Fate(pending.pk, FateKind.PENDING)},
    )
    return pending


def test_the_compilation_of_the_next_version_shows_the_pending_proposal(client, negotiation):
    pending = _pending_into(negotiation, REV1)
    page = client.get("/p/wg/report/v2/compilation/")
    text, markup = _text(page), page.content.decode()
    assert "1 proposal on this version." in text
    assert "Made on Zero draft, on paragraph 4; still open." in text
    assert "Rev.1: pending" in text
    assert f'<li class="proposal open" id="proposal-{pending.pk}">' in markup
    assert (
        '<del><span class="visually-hidden" dir="ltr">deleted: </span>the application of </del>'
    ) in markup
    assert "The words it changes were revised since" not in text


def test_a_carried_proposal_whose_words_changed_says_so(client, negotiation):
    _pending_into(negotiation, REWORDED)
    text = _text(client.get("/p/wg/report/v2/compilation/"))
    assert (
        "Made on Zero draft, on paragraph 4; still open. The words it changes were revised "
        "since: its wording is compared with today's text."
    ) in text


def test_its_proponent_withdraws_it_from_the_current_compilation(client, negotiation):
    pending = _pending_into(negotiation, REV1)
    client.force_login(negotiation.germany)
    response = client.post(f"/p/wg/report/v2/proposals/{pending.pk}/withdraw/", follow=True)
    assert "Your proposal was withdrawn." in _text(response)
    pending.refresh_from_db()
    assert pending.status == "withdrawn"


def test_the_revision_desk_lists_the_pending_proposal_and_takes_it_in(client, negotiation):
    pending = _pending_into(negotiation, REV1)
    client.force_login(negotiation.chair)
    page = client.get("/p/wg/report/revise/")
    text = _text(page)
    assert "1 open proposal, paragraph by paragraph" in text
    assert f"Proposal {pending.pk}: Germany" in text
    assert "Made on Zero draft, on paragraph 4; still open." in text
    rev1 = render_draft(queries.version_value(models.Version.objects.get(number=2)))
    taken = client.post("/p/wg/report/revise/", {"text": rev1, "label": "", "take": pending.pk})
    assert taken.status_code == 200
    assert taken.context["form"]["text"].value() == rev1.replace(
        "complement the application of international law", "complement international law"
    )


def test_the_compilation_filters_by_every_status(client, negotiation):
    pending = _pending_into(negotiation, REV1)
    ignored = submit_proposal(
        models.Version.objects.get(number=2),
        by=negotiation.brazil,
        provision_uid="p2",
        wording="States shall refrain from it.",
    )
    issue_revision(
        negotiation.version.document,
        by=negotiation.chair,
        text=REV1,
        label="Rev.2",
        fates={
            pending.pk: Fate(pending.pk, FateKind.NOT_TAKEN_UP),
            ignored.pk: Fate(ignored.pk, FateKind.NOT_TAKEN_UP),
        },
    )
    page = client.get("/p/wg/report/v1/compilation/", {"status": "not-taken-up"})
    assert "1 proposal matches." in _text(page)
    assert "Rev.1: pending" in _text(page)
    assert "Rev.2: not taken up" in _text(page)


def test_the_pending_proposal_keeps_its_paragraph_bracketed_on_the_next_version(negotiation):
    _pending_into(negotiation, REV1)
    rev1 = models.Version.objects.get(number=2)
    text = queries.version_value(rev1)
    rows = {r.provision.label: r.status for r in queries.statuses(rev1, text)}
    assert (rows["1"], rows["3"]) == ("open", "bracketed")
    bracketed = {
        b.provision.label: [(s.kind.value, s.text) for s in b.segments]
        for b in queries.bracketed(rev1, text)
    }
    assert ("disputed", "the application of ") in bracketed["3"]
    assert [kind for kind, _ in bracketed["1"]] == ["text"]
