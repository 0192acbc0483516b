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


def parts_to_pdf(parts: Sequence[Callable[[int], str]]) -> bytes:
    """One PDF from pages set part by part; each part is told the page number it starts on.

    WeasyPrint keeps the layout of every page until it writes; setting a long document in
    parts and joining the PDFs keeps memory to one part's worth.
    """
    if len(parts) == 1:
        return html_to_pdf(parts[0](1))
    writer = PdfWriter()
    next_page = 1
    for part in parts:
        reader = PdfReader(io.BytesIO(html_to_pdf(part(next_page))))
        writer.append(reader)
        next_page += len(reader.pages)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
