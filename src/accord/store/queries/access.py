"""Who may read what, and who a person is to the rules of a process."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from accord.core.participants import PUBLIC, Actor, Role
from accord.store import convert, models


def visible_processes(user: User | AnonymousUser) -> QuerySet[models.Process]:
    """Public processes, and the ones the user is accredited to."""
    processes = models.Process.objects.order_by("title")
    if not user.is_authenticated:
        return processes.filter(is_public=True)
    accredited = models.Accreditation.objects.filter(user=user).values("process")
    return processes.filter(Q(is_public=True) | Q(pk__in=accredited))


def visible_process(user: User | AnonymousUser, slug: str) -> models.Process | None:
    """The process ``slug`` if ``user`` may read it; None otherwise, so private ones stay
    unseen (pages and endpoints answer 404 alike)."""
    return visible_processes(user).filter(slug=slug).first()


def visible_version(
    user: User | AnonymousUser, process: str, document: str, number: int
) -> models.Version | None:
    """Version ``number`` of ``document`` in process ``process``, if ``user`` may read it."""
    return (
        models.Version.objects.select_related("document__process")
        .filter(
            document__process__in=visible_processes(user).filter(slug=process),
            document__slug=document,
            number=number,
        )
        .first()
    )


def accreditation(
    user: User | AnonymousUser, process: models.Process
) -> models.Accreditation | None:
    """The user's accreditation to ``process``, with its delegation, and — for `actor_of`, in
    the same query — how that delegation takes part (``participant_kind``) and whether the
    accreditation holds any mandate (``holds_mandates``)."""
    if not user.is_authenticated:
        return None
    taking_part = models.Participation.objects.filter(
        process=process, delegation=OuterRef("delegation")
    ).order_by("pk")
    mandated = models.Accreditation.mandates.through.objects.filter(accreditation=OuterRef("pk"))
    return (
        models.Accreditation.objects.select_related("delegation")
        .annotate(
            participant_kind=Subquery(taking_part.values("kind")[:1]),
            holds_mandates=Exists(mandated),
        )
        .filter(process=process, user=user)
        .first()
    )


def actor(user: User | AnonymousUser, process: models.Process) -> Actor:
    """The user as the rules of ``process`` see them (the public when not accredited)."""
    return actor_of(accreditation(user, process))


def actor_of(found: models.Accreditation | None) -> Actor:
    """The actor an accreditation (read by `accreditation`) makes of its user; a second query
    only for the groups it holds a mandate for, when it holds any."""
    if found is None:
        return PUBLIC
    # Annotations of `accreditation`'s query.
    kind: str | None = found.participant_kind  # type: ignore[attr-defined]
    mandated: bool = found.holds_mandates  # type: ignore[attr-defined]
    held = found.mandates.values_list("code", flat=True) if mandated else ()
    return convert.actor_value(found, kind, frozenset(held))


def mandates(user: User | AnonymousUser, process: models.Process) -> list[tuple[str, str]]:
    """(code, name) of the groups the user may speak for in ``process``."""
    found = accreditation(user, process)
    if found is None:
        return []
    return list(found.mandates.order_by("name").values_list("code", "name"))


def may_draft(user: User | AnonymousUser, process: models.Process) -> bool:
    """Whether the user is the process's Chair or Secretariat, who publish drafts."""
    return actor(user, process).role in (Role.CHAIR, Role.SECRETARIAT)


def may_administer(user: User | AnonymousUser, process: models.Process) -> bool:
    """Whether the user is the process's Secretariat, who admits and accredits."""
    return actor(user, process).role is Role.SECRETARIAT
