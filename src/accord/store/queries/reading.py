"""What every reading view of a version shows."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from accord.core import provisions as pv
from accord.core import revising as rv
from accord.core.participants import Actor, Role, may_propose
from accord.store import models
from accord.store.queries.access import accreditation, actor_of
from accord.store.queries.decisions import Outcome, with_objecting
from accord.store.queries.silence import running_silence
from accord.store.queries.versions import version_value


@dataclass(frozen=True, slots=True)
class Reading:
    """A version as its reader sees it: the text, its sibling versions, the reader's role
    and what it lets them do, the outcomes recorded on it, and the silence procedure running
    on the document, if any."""

    process: models.Process
    document: models.Document
    version: models.Version
    versions: list[models.Version]
    is_current: bool
    text: pv.Version
    actor: Actor
    accreditation: models.Accreditation | None
    can_propose: bool
    adoption: models.Adoption | None
    # Who joined the adoption's consensus and disassociated, by name, from how many paragraphs.
    disassociating: list[tuple[str, int]]
    # The outcomes that did not adopt it, each with the members whose objection blocked it.
    not_adopted: list[Outcome]
    is_chair: bool
    prepares_revisions: bool
    silence: models.SilenceProcedure | None


def reading_of(version: models.Version, user: User | AnonymousUser) -> Reading:
    """``version`` as ``user`` reads it (see `Reading`)."""
    document = version.document
    versions = list(document.versions.order_by("number"))
    accredited = accreditation(user, document.process)
    who = actor_of(accredited)
    is_current = versions[-1].pk == version.pk
    recorded = list(
        version.adoptions.select_related("vote")
        .prefetch_related("explanations__delegation")
        .order_by("decided_at", "id")
    )
    adoption = next((a for a in recorded if a.adopted), None)
    return Reading(
        process=document.process,
        document=document,
        version=version,
        versions=versions,
        is_current=is_current,
        text=version_value(version),
        actor=who,
        accreditation=accredited,
        can_propose=is_current and may_propose(who) and adoption is None,
        adoption=adoption,
        disassociating=_disassociating(adoption),
        not_adopted=with_objecting(document.process, [a for a in recorded if not a.adopted]),
        is_chair=who.role is Role.CHAIR,
        prepares_revisions=who.role in rv.REVISION_TEAM,
        silence=running_silence(document),
    )


def _disassociating(adoption: models.Adoption | None) -> list[tuple[str, int]]:
    if adoption is None or not adoption.disassociations:
        return []
    names = dict(
        models.Delegation.objects.filter(code__in=adoption.disassociations).values_list(
            "code", "name"
        )
    )
    return [
        (names.get(code, code), len(uids))
        for code, uids in sorted(adoption.disassociations.items())
    ]
