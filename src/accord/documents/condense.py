"""Shortening a proposal's redline to its changes and a few words around each.

A printed compilation with thousands of proposals repeats each paragraph once per proposal;
showing the paragraph once in full and each proposal as its changes in context keeps it
readable and a fraction of the length. Elided words are shown as an ellipsis, so nothing
looks kept that was not shown.
"""

from accord.core.amendments import Mark, MarkKind

ELLIPSIS = "… "


def condense(marks: tuple[Mark, ...], *, context: int = 6) -> tuple[Mark, ...]:
    """``marks`` with each kept run cut to ``context`` words next to a change."""
    last = len(marks) - 1
    return tuple(
        _cut(mark, after=index > 0, before=index < last, context=context)
        if mark.kind is MarkKind.SAME
        else mark
        for index, mark in enumerate(marks)
    )


def _cut(mark: Mark, *, after: bool, before: bool, context: int) -> Mark:
    """A kept run, keeping its first words when it follows a change and its last words when
    a change follows it."""
    words = mark.text.split()
    room = context * (after + before)
    if len(words) <= room:
        return mark
    head = " ".join(words[:context]) + " " if after else ""
    tail = " " + " ".join(words[-context:]) if before else ""
    lead = " " if mark.text[:1].isspace() and after else ""
    trail = " " if mark.text[-1:].isspace() else ""
    return Mark(MarkKind.SAME, f"{lead}{head}{ELLIPSIS.strip()}{tail}{trail}")
