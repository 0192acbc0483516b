"""The event log as the database keeps it: chained, signed, and tied to the documents."""

import json

import pytest
from django.db import connection, transaction

from accord import cli
from accord.actions.events import record as record_event
from accord.actions.proposals import submit_proposal
from accord.core import eventlog
from accord.store import models, record, signing

pytestmark = pytest.mark.django_db


def _verify():
    return eventlog.verify(
        record.log_lines(), eventlog.public_key_check(signing.public_pem().encode())
    )


def _without_triggers():
    """What someone with raw access to the database could do: drop the guards first."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER store_event_no_update")
        else:
            cursor.execute("DROP TRIGGER store_event_append_only ON store_event")


@transaction.atomic
def _action_failing_after_its_event():
    record_event("test.recorded", by=None, process=None, subject="s", payload={})
    raise RuntimeError("the action failed after writing its event")


def test_every_event_of_a_negotiation_is_chained_and_signed(negotiation):
    submit_proposal(
        negotiation.version,
        by=negotiation.brazil,
        provision_uid="p4",
        wording="The norms complement international law.",
    )
    events = list(models.Event.objects.order_by("seq"))
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert [e.kind for e in events][-2:] == ["draft.published", "proposal.submitted"]
    assert _verify() == eventlog.Verdict(ok=True, events=len(events))
    head = models.ChainHead.objects.get()
    assert (head.seq, head.digest) == (events[-1].seq, events[-1].digest)


def test_an_interrupted_action_leaves_no_event_and_the_chain_still_verifies(negotiation):
    before = models.Event.objects.count()
    with pytest.raises(RuntimeError):
        _action_failing_after_its_event()
    assert models.Event.objects.count() == before
    assert models.ChainHead.objects.get().seq == before
    record_event("test.recorded", by=None, process=None, subject="s", payload={})
    assert _verify() == eventlog.Verdict(ok=True, events=before + 1)


def test_the_database_agrees_with_the_record_until_someone_edits_a_column(negotiation):
    assert record.first_column_mismatch() is None
    event = models.Event.objects.get(kind="accreditation.granted", subject="user:bra")
    _without_triggers()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE store_event SET subject = 'user:forged' WHERE id = %s", [event.pk])
    assert record.first_column_mismatch() == (
        event.seq,
        "its subject column differs from its signed record",
    )
    assert _verify().ok, "the signed bodies themselves are untouched"


def test_an_edited_provision_is_caught_against_its_publication(negotiation):
    assert record.first_document_mismatch() is None
    models.Provision.objects.filter(version=negotiation.version, uid="p2").update(
        text="States shall do as they please."
    )
    published = models.Event.objects.get(kind="draft.published")
    assert record.first_document_mismatch() == (
        published.seq,
        "the text of the version it published has changed since",
    )


def test_events_of_a_private_process_are_sealed_in_the_public_log(db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    log = b"".join(record.log_lines()).decode()
    assert "Working group (test)" not in log
    assert '"user":"bra"' not in log
    sealed = models.Event.objects.get(kind="draft.published")
    assert sealed.visibility == "delegations"
    body = json.loads(sealed.body)
    assert set(body) == {"seq", "kind", "occurred_at", "visibility", "commitment"}
    assert body["commitment"] == eventlog.commitment(sealed.salt, sealed.sealed.encode())
    assert json.loads(sealed.sealed)["payload"]["document"] == "report"
    assert _verify().ok
    assert record.first_column_mismatch() is None


def test_a_sealed_event_whose_content_is_edited_no_longer_matches_its_commitment(db):
    from tests.builders import make_negotiation

    make_negotiation(is_public=False)
    event = models.Event.objects.get(kind="draft.published")
    _without_triggers()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE store_event SET sealed = REPLACE(sealed, 'Zero draft', 'Final') WHERE id = %s",
            [event.pk],
        )
    assert record.first_column_mismatch() == (
        event.seq,
        "its sealed content no longer matches its published commitment",
    )


def test_a_confidential_process_released_later_checks_against_its_published_commitments(
    db, tmp_path, capsys
):
    from tests.builders import make_negotiation

    negotiation = make_negotiation(is_public=False)
    log, key, release = tmp_path / "log.jsonl", tmp_path / "log.pub", tmp_path / "release.jsonl"
    assert cli.main(["audit", "export", "--log", str(log), "--key", str(key)]) == 0
    slug = negotiation.process.slug
    assert cli.main(["audit", "release", "--process", slug, "--out", str(release)]) == 0
    sealed = models.Event.objects.filter(process=negotiation.process).exclude(sealed="")
    assert capsys.readouterr().out.endswith(
        f"Wrote the sealed content of {sealed.count()} events of {slug} to {release}.\n"
    )
    lines = release.read_bytes().splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [event.seq for event in sealed]
    assert "Zero draft" in release.read_text()  # what the public log kept sealed

    assert cli.main(["audit", "verify", str(log), "--released", str(release)]) == 0
    assert capsys.readouterr().out.endswith(
        f"ok: {sealed.count()} released events match their commitments\n"
    )
    release.write_text(release.read_text().replace("Zero draft", "Final text"))
    assert cli.main(["audit", "verify", str(log), "--released", str(release)]) == 1
    first = json.loads(lines[[b"Zero draft" in line for line in lines].index(True)])["seq"]
    assert capsys.readouterr().err == (
        f"event {first}: the released content does not match the commitment the log published\n"
    )


def test_a_release_of_an_unknown_process_is_refused_and_writes_nothing(db, tmp_path, capsys):
    release = tmp_path / "release.jsonl"
    assert cli.main(["audit", "release", "--process", "nowhere", "--out", str(release)]) == 2
    assert capsys.readouterr().err == "accord: there is no process 'nowhere'\n"
    assert not release.exists()


def test_verifying_against_a_release_that_is_not_there_says_so(db, tmp_path, capsys):
    log, key = tmp_path / "log.jsonl", tmp_path / "log.pub"
    assert cli.main(["audit", "export", "--log", str(log), "--key", str(key)]) == 0
    missing = tmp_path / "missing.jsonl"
    assert cli.main(["audit", "verify", str(log), "--released", str(missing)]) == 2
    assert capsys.readouterr().err == f"accord: no such file: {missing}\n"


def test_audit_verify_checks_a_downloaded_consensus_report_against_the_log(
    client, negotiation, tmp_path, capsys
):
    from accord.actions.adoption import record_adoption

    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    report = tmp_path / "report.json"
    report.write_bytes(client.get("/p/wg/report/consensus-report.json").content)
    log, key = tmp_path / "log.jsonl", tmp_path / "log.pub"
    assert cli.main(["audit", "export", "--log", str(log), "--key", str(key)]) == 0
    capsys.readouterr()
    assert cli.main(["audit", "verify", str(log), "--document", str(report)]) == 0
    assert capsys.readouterr().out.endswith(
        "events, chain and signatures verified\nok: 1 document matches the log\n"
    )
    data = json.loads(report.read_text())
    assert data["adoption"]["witnessed"] is None  # no witness has co-signed anything yet
    data["provisions"] = [p for p in data["provisions"] if p["uid"] != "p4"]
    report.write_text(json.dumps(data))
    assert cli.main(["audit", "verify", str(log), "--document", str(report)]) == 1
    assert capsys.readouterr().err.startswith(
        "report.json: it leaves out provision p4, which event"
    )


def test_the_consensus_report_page_offers_its_json_and_none_exists_before_adoption(
    client, negotiation
):
    from accord.actions.adoption import record_adoption

    assert client.get("/p/wg/report/consensus-report.json").status_code == 404
    record_adoption(negotiation.version, by=negotiation.chair, confirm=True)
    page = client.get("/p/wg/report/consensus-report/").content.decode()
    assert 'href="/p/wg/report/consensus-report.json" download' in page
    assert 'href="/record/log.jsonl"' in page
