"""Every Akoma Ntoso export of the demo, read back through cobalt: the live report's two
versions (issued the same day), its redline, compilation and bracketed text, and the
concluded process's adopted report."""

import pytest
from tests.documents.akn_reading import NS, expression, mods, read

from accord.demo import concluded, load_demo
from accord.documents.model import Format, View
from accord.store import exports, models

pytestmark = pytest.mark.django_db


def _export(version: models.Version, view: View) -> bytes:
    return exports.export_view(version, view, Format.AKN).content


def test_every_akn_export_of_the_demo_reads_back_and_means_what_it_says():
    document = load_demo().version.document
    zero, rev1 = document.versions.select_related("document__process").order_by("number")
    clean = [read(_export(v, View.CLEAN)) for v in (zero, rev1)]
    assert clean[0].expression_date == clean[1].expression_date
    assert expression(clean[0]).work_uri() == expression(clean[1]).work_uri()
    assert [expression(d).expression_date[-2:] for d in clean] == [";1", ";2"]
    # Proposals stay open into Rev.1, so its bracketed text has disputed words as v1's has.
    for version in (zero, rev1):
        bracketed = read(_export(version, View.BRACKETED))
        assert len(bracketed.main.findall(".//a:inline[@name='disputed']", NS)) >= 10
    redline = read(_export(rev1, View.REDLINE))
    found = mods(redline)
    assert len({(kind, where) for kind, where, *_ in found}) == len(found)
    assert ("repeal", "#para_12-removed") in {(kind, where) for kind, where, *_ in found}
    assert not [m for m in found if m[0] == "renumbering" and "subpara" in m[1]]
    read(_export(rev1, View.COMPILATION), "documentCollection")


def test_the_concluded_report_says_it_was_adopted():
    load_demo()
    report = models.Document.objects.get(process__slug=concluded.SLUG)
    adopted = report.versions.select_related("document__process").get(number=2)
    document = read(_export(adopted, View.CLEAN))
    assert document.main.findtext(".//a:docStatus", None, NS) == "Adopted"
    assert document.meta.identification.FRBRExpression.FRBRdate.get("name") == "adoption"
