"""A redline as structured data, safe HTML, Markdown and plain text.

The core speaks no language: the few words a rendering needs (for screen readers, and to say
that a provision moved or was renumbered) come in `RedlineWords`, with English defaults that
the layers above replace with translations.
"""

import html
import re
from dataclasses import dataclass

from accord.core.amendments import Mark, MarkKind
from accord.core.lineage import Succession
from accord.core.redline import Redline, RedlineEntry


@dataclass(frozen=True, slots=True)
class RedlineWords:
    """Words a rendering says; ``%(...)s`` names the labels they quote."""

    inserted: str = "inserted: "
    deleted: str = "deleted: "
    moved: str = "moved"
    renumbered: str = "formerly %(old)s"
    retitled: str = "formerly %(old)s"
    split: str = "split from %(old)s"
    merged: str = "merged from %(old)s"
    new: str = "new"
    removed: str = "deleted %(old)s"


ENGLISH = RedlineWords()


def redline_data(redline: Redline) -> dict[str, object]:
    """The redline as plain JSON-ready data: entries with their link and marks."""
    return {
        "old_title": redline.old_title,
        "new_title": redline.new_title,
        "number_map": [{"old": old, "new": list(new)} for old, new in redline.number_map],
        "entries": [_entry_data(e) for e in redline.entries],
    }


def _entry_data(entry: RedlineEntry) -> dict[str, object]:
    link = entry.link
    return {
        "succession": str(link.succession),
        "kind": str(entry.kind),
        "old": list(link.old),
        "new": list(link.new),
        "old_labels": list(link.old_labels),
        "new_labels": list(link.new_labels),
        "revised": link.revised,
        "moved": link.moved,
        "renumbered": link.renumbered,
        "marks": [{"kind": str(m.kind), "text": m.text} for m in entry.marks],
    }


def notes(entry: RedlineEntry, words: RedlineWords = ENGLISH) -> tuple[str, ...]:
    """What happened to the provision beyond its words, said with ``words``."""
    link = entry.link
    old = ", ".join(link.old_labels)
    said = {
        Succession.SPLIT: words.split,
        Succession.MERGED: words.merged,
        Succession.NEW: words.new,
        Succession.DELETED: words.removed,
    }
    found = [said[link.succession] % {"old": old}] if link.succession in said else []
    if link.moved:
        found.append(words.moved)
    if link.renumbered and link.succession is Succession.KEPT:
        found.append(words.renumbered % {"old": old})
    return tuple(found)


def _title_note(redline: Redline, words: RedlineWords) -> str:
    """A changed title says what it was, so a retitled document shows the change too."""
    if redline.old_title == redline.new_title:
        return ""
    return words.retitled % {"old": redline.old_title}


def _label(entry: RedlineEntry) -> str:
    return ", ".join(entry.link.new_labels or entry.link.old_labels)


def redline_html(redline: Redline, words: RedlineWords = ENGLISH) -> str:
    """Safe HTML: every text escaped, ``<ins>`` and ``<del>`` with words for screen readers."""
    title, note = html.escape(redline.new_title), html.escape(_title_note(redline, words))
    parts = [f'<article class="redline"><h1>{title}</h1>']
    if note:
        parts.append(f'<p class="note">{note}</p>')
    for entry in redline.entries:
        css = f"provision {entry.kind} {entry.link.succession}"
        parts.append(f'<section class="{css}"><span class="label">')
        parts.append(f"{html.escape(_label(entry))}</span>")
        parts += (f' <em class="note">{html.escape(n)}</em>' for n in notes(entry, words))
        parts.append(f"<p>{''.join(mark_html(m, words) for m in entry.marks)}</p></section>")
    parts.append("</article>")
    return "".join(parts)


def mark_html(mark: Mark, words: RedlineWords = ENGLISH) -> str:
    """One mark as escaped HTML: ``<ins>``/``<del>`` carry the words for screen readers."""
    text = html.escape(mark.text)
    if mark.kind is MarkKind.INSERTED:
        return (
            f'<ins><span class="visually-hidden">{html.escape(words.inserted)}</span>{text}</ins>'
        )
    if mark.kind is MarkKind.DELETED:
        return f'<del><span class="visually-hidden">{html.escape(words.deleted)}</span>{text}</del>'
    return text


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def markdown_escape(text: str) -> str:
    """``text`` with every character Markdown could read as markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def redline_markdown(redline: Redline, words: RedlineWords = ENGLISH) -> str:
    """Markdown: deletions ``~~struck~~``, insertions ``__underlined__`` (bold in most readers)."""
    lines = [f"# {markdown_escape(redline.new_title)}", ""]
    if note := _title_note(redline, words):
        lines += [f"*({markdown_escape(note)})*", ""]
    for entry in redline.entries:
        note = "".join(f" *({markdown_escape(n)})*" for n in notes(entry, words))
        body = "".join(_markdown_mark(m) for m in entry.marks)
        lines += [f"**{markdown_escape(_label(entry))}**{note} {body}".rstrip(), ""]
    return "\n".join(lines)


def _markdown_mark(mark: Mark) -> str:
    core = mark.text.strip()
    if mark.kind is MarkKind.SAME or not core:
        return markdown_escape(mark.text)
    lead = mark.text[: len(mark.text) - len(mark.text.lstrip())]
    trail = mark.text[len(mark.text.rstrip()) :]
    fence = "~~" if mark.kind is MarkKind.DELETED else "__"
    return f"{lead}{fence}{markdown_escape(core)}{fence}{trail}"


def redline_text(redline: Redline, words: RedlineWords = ENGLISH) -> str:
    """Plain text in the word-diff convention: ``[-deleted-]`` and ``{+inserted+}``."""
    lines = [redline.new_title, ""]
    if note := _title_note(redline, words):
        lines += [f"({note})", ""]
    for entry in redline.entries:
        note = "".join(f" ({n})" for n in notes(entry, words))
        body = "".join(_text_mark(m) for m in entry.marks)
        lines += [f"{_label(entry)}.{note} {body}".rstrip(), ""]
    return "\n".join(lines)


def _text_mark(mark: Mark) -> str:
    if mark.kind is MarkKind.INSERTED:
        return f"{{+{mark.text}+}}"
    if mark.kind is MarkKind.DELETED:
        return f"[-{mark.text}-]"
    return mark.text
