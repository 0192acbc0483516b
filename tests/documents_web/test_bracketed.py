"""The bracketed text of a stored version: on the download links, the API and the command."""

import json

import pytest
from django.urls import reverse
from lxml import etree

from accord import cli
from accord.actions.adoption import record_adoption
from accord.actions.positions import record_position
from accord.actions.proposals import submit_proposal
from accord.core.positions import Stance
from accord.documents import akn_schema
from accord.documents.model import Format
from accord.documents.word_import import read_docx

pytestmark = pytest.mark.django_db

FORMATS = [f.value for f in Format]
P1 = "The working group met in three substantive sessions and held informal consultations."


def _disputed(negotiation):
    """Brazil wants four sessions; Germany objects to paragraph 4."""
    submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p1",
        wording=P1.replace("three", "four"),
    )
    record_position(
        negotiation.version, by=negotiation.germany, provision_uid="p4", stance=Stance.OBJECT
    )


def _link(fmt, number=1):
    return reverse("web:download", args=["wg", "report", number, "bracketed", fmt])


def _texts(data):
    return {p["uid"]: p["text"] for p in json.loads(data)["provisions"]}


def test_the_version_page_links_the_bracketed_text_in_every_format(client, negotiation):
    html = client.get(reverse("web:version", args=["wg", "report", 1])).content.decode()
    assert [f for f in FORMATS if f'href="{_link(f)}"' in html] == FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_bracketed_text_downloads_in_every_format(client, negotiation, fmt):
    _disputed(negotiation)
    response = client.get(_link(fmt))
    assert response.status_code == 200
    suffix = "akn.xml" if fmt == "akn" else fmt
    assert response["Content-Disposition"] == (
        f'attachment; filename="report-zero-draft-bracketed.{suffix}"'
    )


def test_open_proposals_and_objections_make_the_brackets(client, negotiation):
    _disputed(negotiation)
    texts = _texts(client.get(_link("json")).content)
    assert texts["p1"] == P1.replace("three ", "[three][four] ")
    assert texts["p4"] == (
        "[The voluntary, non-binding norms complement the application of international law.]"
    )
    assert texts["p2"].startswith("States should not")
    draft = read_docx(client.get(_link("docx")).content)
    assert draft.version.provision("p1").text == texts["p1"]
    root = etree.fromstring(client.get(_link("akn")).content)
    assert akn_schema.errors(root) == []


def test_an_adopted_version_has_no_brackets(client, negotiation):
    _disputed(negotiation)
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    texts = _texts(client.get(_link("json")).content)
    assert texts["p1"] == P1
    assert "[" not in "".join(texts.values())


def test_the_api_exports_the_bracketed_text(client, negotiation):
    _disputed(negotiation)
    response = client.get(
        "/api/v1/processes/wg/documents/report/versions/1/export",
        {"view": "bracketed", "format": "md"},
    )
    assert response.status_code == 200
    assert "1. " + P1.replace("three ", "[three][four] ") in response.content.decode()


def test_the_command_exports_the_bracketed_text(negotiation, tmp_path, capsys):
    _disputed(negotiation)
    target = tmp_path / "bracketed.md"
    args = ["export", "--process", "wg", "--view", "bracketed", "--format", "md", "-o", str(target)]
    assert cli.main(args) == 0
    assert "*Bracketed text*" in target.read_text()
    assert "1. " + P1.replace("three ", "[three][four] ") in target.read_text()
