"""Reading the parts of a WordprocessingML package that give paragraphs their meaning:
relationships, styles, automatic numbering and footnotes."""

import posixpath
from dataclasses import dataclass, field

from lxml import etree

from accord.documents.errors import Problem, UnreadableDocument
from accord.documents.safezip import Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "officeDocument"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def attr(element: etree._Element | None, name: str, default: str = "") -> str:
    if element is None:
        return default
    return str(element.get(w(name), default))


def relationships(package: Package, part: str) -> dict[str, str]:
    """Relationship type (its last path segment) → target part name, for ``part``."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if not package.has(rels):
        return {}
    found: dict[str, str] = {}
    for rel in package.xml(rels).iter(f"{{{REL}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = str(rel.get("Target", ""))
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found.setdefault(kind, posixpath.normpath(path))
    return found


def main_part(package: Package) -> str:
    part = relationships(package, "").get(OFFICE_DOCUMENT)
    if part is None or not package.has(part):
        raise UnreadableDocument(Problem.NOT_A_WORD_FILE)
    return part


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    num_id: str = ""
    level: int = 0
    outline: int | None = None


def styles(package: Package, part: str | None) -> dict[str, Style]:
    """Paragraph styles by id, with numbering and outline level inherited from ``basedOn``."""
    if part is None or not package.has(part):
        return {}
    raw: dict[str, tuple[str, etree._Element | None, str]] = {}
    for style in package.xml(part).iter(w("style")):
        if attr(style, "type") != "paragraph":
            continue
        based = style.find(w("basedOn"))
        raw[attr(style, "styleId")] = (
            attr(style.find(w("name")), "val"),
            style.find(w("pPr")),
            attr(based, "val"),
        )
    return {sid: _resolve(sid, raw, depth=0) for sid in raw}


def _resolve(sid: str, raw: dict[str, tuple[str, etree._Element | None, str]], depth: int) -> Style:
    name, ppr, based = raw[sid]
    parent = _resolve(based, raw, depth + 1) if based in raw and depth < 20 else Style(name)
    num = ppr.find(w("numPr")) if ppr is not None else None
    outline = ppr.find(w("outlineLvl")) if ppr is not None else None
    return Style(
        name=name,
        num_id=attr(num.find(w("numId")), "val") if num is not None else parent.num_id,
        level=int(attr(num.find(w("ilvl")), "val", "0") or 0) if num is not None else parent.level,
        outline=int(attr(outline, "val")) if outline is not None else parent.outline,
    )


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1


@dataclass
class Numbering:
    """Word's automatic numbering: list definitions and the counters of each list."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    # Lists that share a definition share their counters, as in Word, unless a list restarts
    # its numbering (a start override), which gives it counters of its own.
    counted_with: dict[str, str] = field(default_factory=dict)

    def next(self, num_id: str, level: int) -> tuple[Level, int] | None:
        """Count one more paragraph at ``level`` of list ``num_id``; its format and number."""
        definition = self.levels.get(num_id, {}).get(level)
        if definition is None or definition.fmt in ("bullet", "none"):
            return None
        counts = self.counters.setdefault(self.counted_with.get(num_id, num_id), {})
        value = counts.get(level, definition.start - 1) + 1
        counts[level] = value
        for deeper in [lvl for lvl in counts if lvl > level]:
            del counts[deeper]
        return definition, value


def numbering(package: Package, part: str | None) -> Numbering:
    if part is None or not package.has(part):
        return Numbering()
    root = package.xml(part)
    abstract = {attr(a, "abstractNumId"): _levels(a) for a in root.iter(w("abstractNum"))}
    found = Numbering()
    for num in root.iter(w("num")):
        num_id, abstract_id = attr(num, "numId"), attr(num.find(w("abstractNumId")), "val")
        levels = dict(abstract.get(abstract_id, {}))
        restarts = False
        for override in num.iter(w("lvlOverride")):
            level = int(attr(override, "ilvl", "0") or 0)
            start = override.find(w("startOverride"))
            if start is not None and level in levels:
                base = levels[level]
                levels[level] = Level(base.fmt, base.text, int(attr(start, "val", "1") or 1))
                restarts = True
        found.levels[num_id] = levels
        found.counted_with[num_id] = f"num:{num_id}" if restarts else f"abstract:{abstract_id}"
    return found


def _levels(abstract: etree._Element) -> dict[int, Level]:
    return {
        int(attr(lvl, "ilvl", "0") or 0): Level(
            fmt=attr(lvl.find(w("numFmt")), "val", "decimal"),
            text=attr(lvl.find(w("lvlText")), "val"),
            start=int(attr(lvl.find(w("start")), "val", "1") or 1),
        )
        for lvl in abstract.iter(w("lvl"))
    }


def footnotes(package: Package, part: str | None) -> dict[str, str]:
    """Footnote id → its text, separators left out."""
    if part is None or not package.has(part):
        return {}
    found: dict[str, str] = {}
    for note in package.xml(part).iter(w("footnote")):
        if attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = "".join(str(t.text or "") for t in note.iter(w("t")))
        found[attr(note, "id")] = " ".join(text.split())
    return found
