"""Conversions between rows and `accord.core` values, in both directions."""

from typing import Any

from accord.core import amendments as am
from accord.core import fates as ft
from accord.core import proposals as pr
from accord.core import provisions as pv
from accord.core import status as ss
from accord.core import structure as st
from accord.core.checker import CorpusEntry, SourceStatus
from accord.core.participants import PUBLIC, Actor, ParticipantKind, Role
from accord.store import models


def title_block_value(data: dict[str, Any] | None) -> pv.TitleBlock | None:
    if data is None:
        return None
    return pv.TitleBlock(
        data["body"], data["session"], data["agenda_item"], tuple(data["sponsors"])
    )


def title_block_json(block: pv.TitleBlock | None) -> dict[str, Any] | None:
    if block is None:
        return None
    return {
        "body": block.body,
        "session": block.session,
        "agenda_item": block.agenda_item,
        "sponsors": list(block.sponsors),
    }


def version_value(version: models.Version, rows: list[models.Provision]) -> pv.Version:
    return pv.Version(
        title=version.title,
        title_block=title_block_value(version.title_block),
        provisions=tuple(
            pv.Provision(
                uid=row.uid,
                kind=pv.ProvisionKind(row.kind),
                label=row.label,
                text=row.text,
                parent=row.parent_uid or None,
            )
            for row in rows
        ),
    )


def provision_rows(version: models.Version, value: pv.Version) -> list[models.Provision]:
    return [
        models.Provision(
            version=version,
            uid=p.uid,
            kind=p.kind.value,
            label=p.label,
            text=p.text,
            parent_uid=p.parent or "",
            position=position,
        )
        for position, p in enumerate(value.provisions)
    ]


def amendment_json(amendment: am.Amendment) -> dict[str, Any]:
    return {
        "base_hash": amendment.base_hash,
        "ops": [
            {"kind": op.kind.value, "start": op.start, "end": op.end, "old": op.old, "new": op.new}
            for op in amendment.ops
        ],
    }


def amendment_value(data: dict[str, Any]) -> am.Amendment:
    return am.Amendment(
        base_hash=data["base_hash"],
        ops=tuple(
            am.WordOp(am.OpKind(op["kind"]), op["start"], op["end"], op["old"], op["new"])
            for op in data["ops"]
        ),
    )


# The columns a proposal value is made of, for reading many with ``.values(*...)``.
PROPOSAL_FIELDS = (
    "id",
    "provision_uid",
    "delegation__code",
    "delegation__name",
    "on_behalf_of__code",
    "on_behalf_of__name",
    "wording",
    "amendment",
    "justification",
    "status",
    "submitted_at",
    "options",
    "structure",
)


def structure_json(op: st.StructuralOp | None) -> dict[str, str] | None:
    if isinstance(op, st.AddProvision):
        return {"op": "add", "after": op.after, "text": op.text}
    if isinstance(op, st.DeleteProvision):
        return {"op": "delete", "uid": op.uid}
    if isinstance(op, st.MoveProvision):
        return {"op": "move", "uid": op.uid, "after": op.after}
    return None


def structure_value(data: dict[str, str] | None) -> st.StructuralOp | None:
    if data is None:
        return None
    if data["op"] == "add":
        return st.AddProvision(after=data["after"], text=data["text"])
    if data["op"] == "delete":
        return st.DeleteProvision(data["uid"])
    return st.MoveProvision(data["uid"], data["after"])


def proposal_value(row: models.Proposal, cosponsors: tuple[pr.Proponent, ...] = ()) -> pr.Proposal:
    """Needs ``delegation`` and ``on_behalf_of`` selected with the row."""
    group = row.on_behalf_of
    return proposal_from_fields(
        {
            "id": row.pk,
            "provision_uid": row.provision_uid,
            "delegation__code": row.delegation.code,
            "delegation__name": row.delegation.name,
            "on_behalf_of__code": group.code if group else None,
            "on_behalf_of__name": group.name if group else None,
            "wording": row.wording,
            "amendment": row.amendment,
            "justification": row.justification,
            "status": row.status,
            "submitted_at": row.submitted_at,
            "options": row.options,
            "structure": row.structure,
        },
        cosponsors,
    )


def proposal_from_fields(
    fields: dict[str, Any], cosponsors: tuple[pr.Proponent, ...] = ()
) -> pr.Proposal:
    """A proposal from the `PROPOSAL_FIELDS` of its row, with its consenting co-sponsors."""
    return pr.Proposal(
        id=fields["id"],
        provision_uid=fields["provision_uid"],
        proponent=pr.Proponent(
            delegation=fields["delegation__code"],
            delegation_name=fields["delegation__name"],
            group=fields["on_behalf_of__code"],
            group_name=fields["on_behalf_of__name"],
        ),
        wording=fields["wording"],
        amendment=amendment_value(fields["amendment"]),
        justification=fields["justification"],
        status=pr.ProposalStatus(fields["status"]),
        submitted_at=fields["submitted_at"],
        cosponsors=cosponsors,
        options=tuple(fields["options"]),
        structure=structure_value(fields["structure"]),
    )


def actor_value(
    accreditation: models.Accreditation | None,
    participant_kind: str | None,
    mandates: frozenset[str],
) -> Actor:
    if accreditation is None:
        return PUBLIC
    delegation = accreditation.delegation
    return Actor(
        role=Role(accreditation.role),
        delegation=delegation.code if delegation else None,
        participant_kind=ParticipantKind(participant_kind) if participant_kind else None,
        mandates=mandates,
    )


def fate_value(row: models.ProposalFate) -> ft.Fate:
    """Needs ``revision`` selected with the row."""
    return ft.Fate(
        proposal_id=row.proposal_id,
        kind=ft.FateKind(row.kind),
        revision=row.revision.label,
        provisions=tuple(row.provisions),
        merged_with=tuple(row.merged_with),
        recorded=row.recorded,
        version=row.revision.number,
    )


def act_value(row: models.StatusMark) -> ss.ChairAct:
    return ss.ChairAct(
        ss.ActKind(row.kind), row.provision_uid, row.text_hash, frozenset(row.pending)
    )


def entry_value(row: models.CorpusEntry) -> CorpusEntry:
    return CorpusEntry(
        document=row.document,
        provision=row.provision,
        status=SourceStatus(row.status),
        holder=row.holder or None,
        date=row.date,
        text=row.text,
        language=row.language,
    )
