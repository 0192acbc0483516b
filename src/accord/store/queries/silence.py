"""Silence procedures."""

from accord.core.silence import SilenceState
from accord.store import models


def silence_procedures(version: models.Version) -> list[models.SilenceProcedure]:
    """The silence procedures on ``version``, newest first, with who broke silence."""
    return list(
        version.silences.select_related("launched_by", "adoption", "superseded_by")
        .prefetch_related("breaks__delegation")
        .order_by("-launched_at", "-id")
    )


def silence_procedure(process: models.Process, pk: int) -> models.SilenceProcedure | None:
    """Procedure ``pk`` of ``process``, with its version, document and letters."""
    return (
        models.SilenceProcedure.objects.select_related(
            "version__document", "adoption", "superseded_by"
        )
        .prefetch_related("breaks__delegation", "breaks__recorded_by")
        .filter(version__document__process=process, pk=pk)
        .first()
    )


def running_silence(document: models.Document) -> models.SilenceProcedure | None:
    """The silence procedure running on ``document``, if one is (one at a time)."""
    return (
        models.SilenceProcedure.objects.select_related("version")
        .filter(version__document=document, state=SilenceState.RUNNING)
        .first()
    )


def open_silences(process: models.Process) -> list[models.SilenceProcedure]:
    """The silence procedures running in ``process``, soonest deadline first, with who broke
    silence."""
    return list(
        models.SilenceProcedure.objects.filter(
            version__document__process=process, state=SilenceState.RUNNING
        )
        .select_related("version__document")
        .prefetch_related("breaks__delegation")
        .order_by("deadline", "id")
    )
