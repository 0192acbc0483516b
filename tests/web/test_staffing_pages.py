"""The Secretariat withdraws accreditations from the participants page."""

import re

import pytest

from accord.store import models

pytestmark = pytest.mark.django_db


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _people():
    return (
        list(models.Accreditation.objects.values_list("user__username", flat=True).order_by("pk")),
        models.Event.objects.count(),
    )


def test_the_secretariat_withdraws_an_accreditation_from_the_page(client, negotiation):
    client.force_login(negotiation.secretariat)
    page = _text(client.get("/p/wg/participants/"))
    assert "Withdraw the accreditation of deu" in page
    assert "Withdraw the accreditation of secretariat" not in page
    followed = client.post("/p/wg/participants/deu/withdraw/", follow=True)
    assert "The accreditation of deu was withdrawn." in _text(followed)
    assert not models.Accreditation.objects.filter(user__username="deu").exists()
    assert models.Event.objects.last().kind == "accreditation.withdrawn"
    assert "Accreditation withdrawn" in _text(client.get("/p/wg/history/"))


@pytest.mark.parametrize(
    ("who", "username", "said"),
    [
        ("chair", "deu", "Only the Secretariat may do this."),
        ("secretariat", "outsider", "outsider holds no accreditation to this process."),
        (
            "secretariat",
            "secretariat",
            "You cannot withdraw your own accreditation; another member of the Secretariat may.",
        ),
    ],
)
def test_a_refused_withdrawal_says_why_and_changes_nothing(
    client, negotiation, who, username, said
):
    client.force_login(getattr(negotiation, who))
    before = _people()
    followed = client.post(f"/p/wg/participants/{username}/withdraw/", follow=True)
    assert said in _text(followed)
    assert _people() == before
    assert client.get("/p/wg/participants/deu/withdraw/").status_code == 405
