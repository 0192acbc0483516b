"""Language versions: a version of a document in another official language, paragraph by
paragraph.

A document is negotiated in one language (English unless said otherwise). Any version may
carry language versions in the other official languages; each translated provision is tied to
the original's provision by its stable uid and remembers the hash of the original text it
renders. A revision that changes a paragraph leaves the older translation of it in place but
out of date: the hash it renders is no longer the text's. A version's language version is the
latest one added to it or to a version before it, so translations carry into each revision.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from accord.core.errors import Refusal
from accord.core.provisions import Provision, ProvisionKind, Version, content_hash

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages of the United Nations, in the UN's order (ISO 639-1)."""

RIGHT_TO_LEFT = frozenset({"ar"})

NATIVE_NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
"""Each official language by its own name, as a reader looks for it whatever the page's
language."""


@dataclass(slots=True, unsafe_hash=True)
class UnknownLanguage(Refusal):
    """Not one of the six official languages."""

    language: str
    code = "unknown-language"


@dataclass(slots=True, unsafe_hash=True)
class NegotiatingLanguage(Refusal):
    """A language version in the language the document is negotiated in."""

    language: str
    code = "negotiating-language"


@dataclass(slots=True, unsafe_hash=True)
class TranslationLength(Refusal):
    """A translated file with another number of provisions than the original."""

    expected: int
    found: int
    code = "translation-length"


@dataclass(slots=True, unsafe_hash=True)
class TranslationMismatch(Refusal):
    """The ``position``-th provision of a translated file is not the original's: another
    kind, or another paragraph number. ``expected`` and ``found`` are the numbers printed."""

    position: int
    expected: str
    found: str
    code = "translation-mismatch"


@dataclass(slots=True, unsafe_hash=True)
class MissingTranslation(Refusal):
    """A language version given provision by provision that leaves one out (or blank)."""

    uid: str
    code = "missing-translation"


def direction(language: str) -> str:
    """The writing direction of ``language``: "rtl" for Arabic, else "ltr"."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def check_language(language: str, negotiating: str) -> None:
    """Refuse a language that is not official (`UnknownLanguage`) or that the document is
    negotiated in (`NegotiatingLanguage`)."""
    if language not in LANGUAGES:
        raise UnknownLanguage(language)
    if language == negotiating:
        raise NegotiatingLanguage(language)


@dataclass(frozen=True, slots=True)
class Rendering:
    """One provision in another language: its uid, its text, and the hash of the original
    text it renders."""

    uid: str
    text: str
    source: str


class LineState(StrEnum):
    CURRENT = "current"
    OUT_OF_DATE = "out-of-date"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class ParallelLine:
    """A provision of the original beside its translation (empty when missing)."""

    original: Provision
    text: str
    state: LineState


def renderings(original: Version, texts: Mapping[str, str]) -> tuple[Rendering, ...]:
    """The translation of every provision of ``original`` from ``texts`` (by uid), in reading
    order. Raises `UnknownProvision` for a uid the version lacks and `MissingTranslation` for
    a provision left out or left blank."""
    for uid in texts:
        original.provision(uid)
    missing = [p.uid for p in original if not texts.get(p.uid, "").strip()]
    if missing:
        raise MissingTranslation(missing[0])
    return tuple(Rendering(p.uid, texts[p.uid], p.content_hash) for p in original)


def _printed(provision: Provision) -> str:
    if provision.kind is ProvisionKind.SUBPARAGRAPH:
        return provision.margin_label
    return f"{provision.label}."


def match_structure(original: Version, translated: Version) -> tuple[Rendering, ...]:
    """Tie a translated file's provisions to the original's, position by position.

    The file must hold as many provisions as the original (`TranslationLength`) and each must
    be of the same kind; a paragraph must carry the same number (`TranslationMismatch`).
    Section letters and sub-paragraph letters may be written in the language's own script."""
    if len(translated) != len(original):
        raise TranslationLength(len(original), len(translated))
    for position, (mine, theirs) in enumerate(zip(original, translated, strict=True), start=1):
        same_number = mine.kind is not ProvisionKind.PARAGRAPH or mine.label == theirs.label
        if mine.kind is not theirs.kind or not same_number:
            raise TranslationMismatch(position, _printed(mine), _printed(theirs))
    return tuple(
        Rendering(mine.uid, theirs.text, mine.content_hash)
        for mine, theirs in zip(original, translated, strict=True)
    )


def parallel(original: Version, translation: Iterable[Rendering]) -> tuple[ParallelLine, ...]:
    """Each provision of ``original`` beside its translation: current when the translation
    renders the provision's present text, out of date when it renders an earlier text (a
    revision changed the provision since), missing when the translation has none (a
    provision the revision added)."""
    by_uid = {r.uid: r for r in translation}
    lines = []
    for provision in original:
        found = by_uid.get(provision.uid)
        if found is None:
            lines.append(ParallelLine(provision, "", LineState.MISSING))
            continue
        current = found.source == provision.content_hash
        state = LineState.CURRENT if current else LineState.OUT_OF_DATE
        lines.append(ParallelLine(provision, found.text, state))
    return tuple(lines)


def stale(lines: Iterable[ParallelLine]) -> tuple[str, ...]:
    """The uids of the provisions whose translation is out of date or missing."""
    return tuple(line.original.uid for line in lines if line.state is not LineState.CURRENT)


def translated(title: str, lines: Iterable[ParallelLine]) -> Version:
    """The version in the other language, for export: the original's uids, kinds and numbers
    with the translated text (the original's text where the translation has none)."""
    return Version(
        title=title,
        provisions=tuple(
            Provision(p.uid, p.kind, p.label, line.text or p.text, p.parent)
            for line in lines
            for p in (line.original,)
        ),
    )


def renderings_hash(title: str, translation: Iterable[Rendering]) -> str:
    """A hash over a language version: its title and every rendering (uid, text, source)."""
    body = "\n".join(f"{r.uid}\t{content_hash(r.text)}\t{r.source}" for r in translation)
    return content_hash(f"{title}\n{body}")
