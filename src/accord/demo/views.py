"""The demo's national views: statements of three delegations and of the Holy See (an
observer), one written input of a non-governmental organisation, and a Chair's summary with
two entries — one quoting a proposal that Rev.1 did not take up."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from accord.actions.processes import accredit
from accord.actions.statements import add_summary_entry, deliver_statement, submit_input
from accord.core.participants import Role
from accord.store import models, queries

STAKEHOLDER_LOGIN = "stakeholder"
STAKEHOLDER_NAME = "Open Networks Civic Forum (NGO)"

# (login, delegation, date, paragraph numbers of Rev.1, text)
STATEMENTS = (
    (
        "bra",
        "BRA",
        dt.date(2026, 3, 12),
        ("27",),
        "Brazil is ready to work on a bridging formulation on international law. We see value "
        "in discussing, without prejudging the outcome, whether gaps exist in how existing law "
        "applies, and we ask that this discussion remain inclusive.",
    ),
    (
        "chn",
        "CHN",
        dt.date(2026, 3, 12),
        ("20",),
        "China regrets that the revised draft does not reflect the many calls for legally "
        "binding obligations. Voluntary norms alone cannot meet the challenges before us.",
    ),
    (
        "est",
        "EST",
        dt.date(2026, 3, 13),
        (),
        "Estonia welcomes the revised draft and its focus on implementing the framework we "
        "already have, including through the Points of Contact directory.",
    ),
    (
        "vat",
        "VAT",
        dt.date(2026, 3, 13),
        (),
        "The Holy See recalls that the use of ICTs must always serve the dignity of the human "
        "person, and encourages all States to protect civilians and essential services from "
        "malicious ICT activity.",
    ),
)
INPUT = (
    "Our organisation asks the Group to involve stakeholders in the exercises of the Points of "
    "Contact directory, since many incidents are first seen by civil society and industry."
)
SUMMARY_ENTRY = (
    "Several delegations proposed that the Group begin work on a legally binding instrument "
    "on the security of ICTs; other delegations considered this premature."
)


def add_national_views(process: models.Process, chair: User, password_hash: str) -> None:
    document = process.documents.get()
    rev1 = queries.current_version(document)
    uid_of = {p.label: p.uid for p in queries.version_value(rev1)}
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["bra", "chn", "est", "vat"])
    }
    for login, code, day, labels, text in STATEMENTS:
        deliver_statement(
            process,
            by=users[login],
            delegation=code,
            text=text,
            version=rev1 if labels else None,
            provision_uids=[uid_of[label] for label in labels],
            delivered_on=day,
        )
    stakeholder: User = get_user_model().objects.create(
        username=STAKEHOLDER_LOGIN, password=password_hash, first_name=STAKEHOLDER_NAME
    )
    accredit(process, by=None, user=stakeholder, role=Role.STAKEHOLDER)
    submit_input(process, by=stakeholder, text=INPUT, delivered_on=dt.date(2026, 3, 14))
    dropped = queries.proposals_not_taken_up(process)[0]
    add_summary_entry(process, by=chair, proposal=dropped)
    add_summary_entry(
        process, by=chair, text=SUMMARY_ENTRY, delegations=["CHN", "CUB", "IRN", "RUS"]
    )
