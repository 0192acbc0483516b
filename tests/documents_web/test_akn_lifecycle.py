"""The adopted report in Akoma Ntoso: its lifecycle lists every version issued and the
adoption, from the stored record, and its expression is dated by the adoption."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from lxml import etree
from tests.actions.test_revisions import REV1

from accord.actions.adoption import record_adoption
from accord.actions.revisions import issue_revision
from accord.documents import akn_schema
from accord.documents.model import Format, View
from accord.store import exports, models

pytestmark = pytest.mark.django_db

NS = {"a": akn_schema.AKN_NS}


def _dated(version, day):
    moment = datetime(2026, 3, day, 10, tzinfo=ZoneInfo("UTC"))
    models.Version.objects.filter(pk=version.pk).update(issued_at=moment)


def _akn(version):
    version = models.Version.objects.select_related("document__process").get(pk=version.pk)
    root = etree.fromstring(exports.export_view(version, View.CLEAN, Format.AKN).content)
    assert akn_schema.errors(root) == []
    return root


def _events(root):
    return [
        (e.get("eId"), e.get("date"), e.get("source"), e.get("type"), e.get("refersTo"))
        for e in root.iterfind(".//a:lifecycle/a:eventRef", NS)
    ]


def test_the_adopted_version_carries_every_issue_and_its_adoption(negotiation):
    document = negotiation.version.document
    revision = issue_revision(document, by=negotiation.chair, text=REV1, label="Rev.1")
    _dated(negotiation.version, 2)
    _dated(revision, 9)
    adoption = record_adoption(revision, by=negotiation.chair, confirm=True)
    models.Adoption.objects.filter(pk=adoption.pk).update(
        decided_at=datetime(2026, 3, 20, 16, tzinfo=ZoneInfo("UTC"))
    )
    root = _akn(revision)
    assert _events(root) == [
        ("evt_v1", "2026-03-02", "#v1", "generation", "#issued"),
        ("evt_v2", "2026-03-09", "#original", "amendment", "#issued"),
        ("evt_adoption", "2026-03-20", "#original", "generation", "#adoption"),
    ]
    work = "/akn/un/doc/report/unga/2026-03-02/report"
    refs = root.find(".//a:references", NS)
    assert refs.find("a:passiveRef", NS).attrib == {
        "eId": "v1",
        "href": f"{work}/eng@2026-03-02;1",
        "showAs": "Zero draft",
    }
    assert refs.find("a:TLCEvent[@eId='adoption']", NS).get("showAs") == "Adopted by consensus"
    expression = root.find(".//a:FRBRExpression", NS)
    assert expression.find("a:FRBRuri", NS).get("value") == f"{work}/eng@2026-03-09;2"
    assert expression.find("a:FRBRdate", NS).attrib == {"date": "2026-03-20", "name": "adoption"}
    assert expression.find("a:FRBRversionNumber", NS).get("value") == "2"
    # The preface says it was adopted, on the day it was.
    assert root.findtext(".//a:preface//a:docStatus", None, NS) == "Adopted"
    assert root.find(".//a:preface//a:docDate", NS).get("date") == "2026-03-20"


def test_a_version_not_adopted_has_no_adoption_event(negotiation):
    record_adoption(negotiation.version, by=negotiation.chair, objections=["DEU"], confirm=True)
    _dated(negotiation.version, 2)
    root = _akn(negotiation.version)
    assert _events(root) == [("evt_v1", "2026-03-02", "#original", "generation", "#issued")]
    date_element = root.find(".//a:FRBRExpression/a:FRBRdate", NS)
    assert date_element.attrib == {"date": "2026-03-02", "name": "generation"}


def test_the_earlier_version_exports_without_the_later_ones(negotiation):
    document = negotiation.version.document
    issue_revision(document, by=negotiation.chair, text=REV1, label="Rev.1")
    root = _akn(negotiation.version)
    assert [e[0] for e in _events(root)] == ["evt_v1"]
    assert root.find(".//a:references/a:passiveRef", NS) is None
    assert (
        exports.document_meta(
            models.Version.objects.select_related("document__process").get(number=2)
        )
        .history[0]
        .issued
        == timezone.localdate()
    )
