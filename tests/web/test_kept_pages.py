"""Pages set once for each position of the record and kept: every reader still sees their
own part of them — their positions, their proposals' forms, a form token of their session."""

import re

import pytest
from django.test import Client

from accord.actions.positions import record_position
from accord.actions.proposals import submit_proposal
from accord.core.positions import Stance
from accord.store import models

pytestmark = pytest.mark.django_db

V1 = "/p/wg/report/v1"


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _reader(user=None, **options):
    client = Client(**options)
    if user is not None:
        client.force_login(user)
    return client


def test_a_delegation_sees_its_own_positions_on_the_kept_text(negotiation):
    record_position(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", stance=Stance.RESERVE
    )
    brazil, germany = _reader(negotiation.brazil), _reader(negotiation.germany)
    assert "Your position: reserve, pending capital" in _text(brazil.get(f"{V1}/"))
    page = _text(germany.get(f"{V1}/"))
    assert "Your position" not in page
    assert "Propose on 4" in page
    public = _text(_reader().get(f"{V1}/"))
    assert "Propose on 4" not in public
    assert "History of 4" in public


def test_only_the_proposer_sees_its_forms_on_the_kept_compilation(negotiation):
    made = submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="New words."
    )
    withdraw = f'action="{V1}/proposals/{made.pk}/withdraw/"'
    assert withdraw in _reader(negotiation.brazil).get(f"{V1}/compilation/").content.decode()
    for other in (_reader(negotiation.germany), _reader()):
        page = other.get(f"{V1}/compilation/").content.decode()
        assert withdraw not in page
        assert f'id="proposal-{made.pk}"' in page


def test_the_chairs_kept_text_carries_the_form_token_of_each_session(negotiation):
    one = _reader(negotiation.chair, enforce_csrf_checks=True)
    other = _reader(negotiation.chair, enforce_csrf_checks=True)
    tokens = []
    for client in (one, other):
        page = client.get(f"{V1}/").content.decode()
        form = page[page.index(f'action="{V1}/p4/status/"') :].split("</form>")[0]
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1])
    # Each page carries its own session's token, never the one it was first set with.
    assert tokens[0] != tokens[1]
    assert "accord-kept-form-token" not in one.get(f"{V1}/").content.decode()
    # The other session posts with the token its own page gave it.
    answer = other.post(
        f"{V1}/p4/status/", {"kind": "agreed", "pending": "", "csrfmiddlewaretoken": tokens[1]}
    )
    assert answer.status_code == 302
    assert models.StatusMark.objects.get().kind == "agreed"


def test_the_kept_tag_takes_one_key():
    from django.template import Template, TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError) as refused:
        Template("{% load accord_kept %}{% kept %}x{% endkept %}")
    assert str(refused.value) == "{% kept %} takes one argument: the key"
