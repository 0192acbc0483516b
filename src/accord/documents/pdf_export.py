"""PDF through WeasyPrint, from the print form of the HTML views.

WeasyPrint gets a URL fetcher that refuses everything: the page carries its own styles and
needs nothing from outside, and an export must never reach the network.
"""

import io
from collections.abc import Callable, Sequence
from typing import Any

from pypdf import PdfReader, PdfWriter
from weasyprint import HTML


class _NoFetching(Exception):
    pass


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise _NoFetching(url)


def html_to_pdf(page: str) -> bytes:
    data = HTML(string=page, url_fetcher=_refuse).write_pdf()
    assert isinstance(data, bytes)
    return data


Progress = Callable[[int, int], None]
"""Told ``(done, total)``: how many parts of a PDF are set, of how many."""


def _silent(done: int, total: int) -> None:
    return None


def parts_to_pdf(parts: Sequence[Callable[[int], str]], progress: Progress = _silent) -> bytes:
    """One PDF from pages set part by part; each part is told the page number it starts on.

    WeasyPrint keeps the layout of every page until it writes; setting a long document in
    parts and joining the PDFs keeps memory to one part's worth. ``progress`` hears
    ``(0, total)`` before the first part and ``(n, total)`` after each.
    """
    total = len(parts)
    progress(0, total)
    if total == 1:
        data = html_to_pdf(parts[0](1))
        progress(1, 1)
        return data
    writer = PdfWriter()
    next_page = 1
    for done, part in enumerate(parts, start=1):
        reader = PdfReader(io.BytesIO(html_to_pdf(part(next_page))))
        writer.append(reader)
        next_page += len(reader.pages)
        progress(done, total)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_to_pdf(page: str, progress: Progress = _silent) -> bytes:
    """A PDF set in one part, reporting its progress like `parts_to_pdf`."""
    return parts_to_pdf([lambda _first: page], progress)
