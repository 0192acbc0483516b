"""The demo's silence procedure and stakeholder request: the Chair puts the current version
under silence for three days, one member breaks it on two paragraphs, and the Secretariat
circulates a stakeholder organisation for accreditation on a non-objection basis."""

from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from accord.actions.silence import break_silence, launch_silence
from accord.actions.stakeholders import propose_stakeholder
from accord.store import models, queries

BREAKING_DELEGATION = "IRN"
LETTER = (
    "The delegation of the Islamic Republic of Iran breaks silence. It cannot join consensus "
    "on paragraphs %(first)s and %(second)s as they stand, and asks that they be reopened in "
    "informal consultations."
)
STAKEHOLDER_ORGANISATION = "Global Forum on Cyber Expertise (demo)"
STAKEHOLDER_LOGIN = "gfce"


def add_demo_silence(document: models.Document, chair: User, password_hash: str) -> None:
    """Launch a silence on the current version of ``document`` ending in three days, broken
    by one delegation on two paragraphs; and a pending stakeholder request."""
    version = queries.current_version(document)
    process = document.process
    procedure = launch_silence(
        version, by=chair, deadline=timezone.now() + timedelta(days=3, minutes=1)
    )
    paragraphs = list(
        version.provisions.filter(kind="paragraph").order_by("position").values_list("uid", "label")
    )
    (first_uid, first), (second_uid, second) = paragraphs[2], paragraphs[5]
    breaker = models.Accreditation.objects.get(
        process=process, delegation__code=BREAKING_DELEGATION
    ).user
    break_silence(
        procedure,
        by=breaker,
        letter=LETTER % {"first": first, "second": second},
        provisions=[first_uid, second_uid],
    )
    representative = User.objects.create(
        username=STAKEHOLDER_LOGIN,
        password=password_hash,
        first_name="Representative of the GFCE (demo)",
    )
    propose_stakeholder(
        process,
        by=models.Accreditation.objects.get(process=process, role="secretariat").user,
        organisation=STAKEHOLDER_ORGANISATION,
        user=representative,
        deadline=timezone.now() + timedelta(days=4),
    )
