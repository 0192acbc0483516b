"""The demo's Rev.1: the Chair takes in some proposals, drops a paragraph, adds one, and
renumbers — so every view of a revision (redline, number map, fates) has something to show."""

from dataclasses import replace

from django.contrib.auth.models import User

from accord.actions.revisions import issue_revision
from accord.core.draft_text import render_draft
from accord.core.fates import Fate, FateKind
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.store import models, queries

TITLE = "Revised draft of the report of the Open-ended Working Group on security of and in the use of ICTs (demo)"  # noqa: E501
# Zero-draft paragraphs whose first proposal the Chair takes in whole.
REFLECTED = ("2", "9", "13", "18", "24", "30", "36", "42")
# Proposals on these paragraphs (and on the dropped one, which a pending proposal cannot
# outlive) are not taken up; all others stay pending, open into Rev.1.
NOT_TAKEN_UP = ("20", "27")
DROPPED = "12"
ADDED_AFTER = "29"
ADDED = (
    "States noted the value of regular exercises among national Points of Contact to test "
    "the channels of communication in the directory, and encouraged the Secretariat to "
    "support such exercises, on a voluntary basis, at least once a year."
)


def issue_demo_revision(version: models.Version, chair: User) -> models.Version:
    zero = queries.version_value(version)
    uid_of = {p.label: p.uid for p in zero}
    proposals = list(queries.proposals(version))
    taken = {uid_of[label] for label in REFLECTED}
    texts: dict[str, str] = {}
    fates: dict[int, Fate] = {}
    for proposal in proposals:
        label = next(p.label for p in zero if p.uid == proposal.provision_uid)
        if proposal.provision_uid in taken and proposal.provision_uid not in texts:
            texts[proposal.provision_uid] = proposal.wording
        elif label in (*NOT_TAKEN_UP, DROPPED):
            fates[proposal.pk] = Fate(proposal.pk, FateKind.NOT_TAKEN_UP)
        elif proposal.provision_uid not in texts:
            fates[proposal.pk] = Fate(proposal.pk, FateKind.PENDING)
        else:
            fates[proposal.pk] = Fate(proposal.pk, FateKind.NOT_TAKEN_UP)
    text = render_draft(Version(TITLE, _renumbered(_revised(zero, texts))))
    return issue_revision(version.document, by=chair, text=text, label="Rev.1", fates=fates)


def _revised(zero: Version, texts: dict[str, str]) -> list[Provision]:
    out: list[Provision] = []
    for provision in zero:
        if provision.label == DROPPED:
            continue
        out.append(replace(provision, text=texts.get(provision.uid, provision.text)))
        if provision.label == ADDED_AFTER:
            out.append(Provision("new", ProvisionKind.PARAGRAPH, "new", ADDED))
    return out


def _renumbered(provisions: list[Provision]) -> tuple[Provision, ...]:
    """Number the paragraphs 1, 2, 3… again, their sub-paragraphs after them."""
    number, parent_label, out = 0, "", []
    for p in provisions:
        if p.kind is ProvisionKind.PARAGRAPH:
            number += 1
            parent_label = str(number)
            out.append(replace(p, label=parent_label))
        elif p.kind is ProvisionKind.SUBPARAGRAPH:
            letter = p.label.rsplit("(", 1)[1]
            out.append(replace(p, label=f"{parent_label}({letter}"))
        else:
            out.append(p)
    return tuple(out)
