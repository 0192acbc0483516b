"""A version's language versions: the latest translation added to it or to a version
before it, provision by provision beside the original (`accord.core.language_versions`)."""

from dataclasses import dataclass

from accord.core import language_versions as lv
from accord.core import provisions as pv
from accord.store import models
from accord.store.queries.versions import version_value


@dataclass(frozen=True, slots=True)
class LanguageText:
    """``version`` in ``language``: the row it comes from (added to ``version`` or carried
    from an earlier version), its title and each provision beside its translation."""

    language: str
    row: models.LanguageVersion
    title: str
    lines: tuple[lv.ParallelLine, ...]
    version_pk: int

    @property
    def carried(self) -> bool:
        """Added to an earlier version and carried into this one."""
        return bool(self.row.version_id != self.version_pk)

    @property
    def stale(self) -> tuple[str, ...]:
        """The uids of the provisions out of date or missing."""
        return lv.stale(self.lines)

    @property
    def out_of_date(self) -> tuple[pv.Provision, ...]:
        return tuple(line.original for line in self.lines if line.state is not lv.LineState.CURRENT)

    @property
    def direction(self) -> str:
        return lv.direction(self.language)

    def version(self) -> pv.Version:
        """The version in this language, for export."""
        return lv.translated(self.title, self.lines)


def _rows(version: models.Version) -> dict[str, models.LanguageVersion]:
    """The latest language version in each language at or before ``version``."""
    rows = models.LanguageVersion.objects.filter(
        version__document_id=version.document_id, version__number__lte=version.number
    ).order_by("language", "-version__number")
    latest: dict[str, models.LanguageVersion] = {}
    for row in rows:
        latest.setdefault(row.language, row)
    return latest


def _text(
    version: models.Version, original: pv.Version, row: models.LanguageVersion
) -> LanguageText:
    renderings = tuple(lv.Rendering(**r) for r in row.renderings)
    lines = lv.parallel(original, renderings)
    return LanguageText(row.language, row, row.title, lines, version.pk)


def languages_of(version: models.Version) -> list[str]:
    """The languages ``version`` carries, in the UN's order, without reading their text."""
    rows = _rows(version)
    return [code for code in lv.LANGUAGES if code in rows]


def language_texts(version: models.Version) -> list[LanguageText]:
    """Every language ``version`` carries, in the UN's order of the languages."""
    rows = _rows(version)
    if not rows:
        return []
    original = version_value(version)
    return [_text(version, original, rows[code]) for code in lv.LANGUAGES if code in rows]


def language_text(version: models.Version, language: str) -> LanguageText | None:
    """``version`` in ``language``, or None when no translation reaches it."""
    row = _rows(version).get(language)
    return _text(version, version_value(version), row) if row is not None else None
