"""PDF through Typst, from the data `accord.documents.typst_export` builds for each view.

Typst reads only its own layout file and the data given to it: it finds no other file (its
root is the layout's folder, which holds nothing else) and fetches no package, so an export
never reaches the network. WeasyPrint, which set accord's PDFs before, stays as the
benchmark's baseline (`html_to_pdf`, `accord bench documents`): Typst sets the same pages
with six to nine times less CPU (`docs/performance-documents.md`).
"""

import io
import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import typst
from pypdf import PdfReader, PdfWriter

LAYOUT = Path(__file__).parent / "typst" / "un-document.typ"


def typeset(data: dict[str, Any]) -> bytes:
    """The PDF of one document (or part) from its data; tagged, so a screen reader follows it.
    It is dated by the version's issue, so the same version always gives the same bytes."""
    issued = datetime.combine(date.fromisoformat(data["issued"]), time(), UTC)
    pdf = typst.compile(
        str(LAYOUT),
        root=str(LAYOUT.parent),
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
        timestamp=issued,
    )
    assert isinstance(pdf, bytes)
    return pdf


class _NoFetching(Exception):
    pass


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise _NoFetching(url)


def html_to_pdf(page: str) -> bytes:
    """The print form of an HTML view set by WeasyPrint, with a fetcher that refuses every
    URL: the benchmark's baseline."""
    from weasyprint import HTML  # only the benchmark's baseline needs it

    data = HTML(string=page, url_fetcher=_refuse).write_pdf()
    assert isinstance(data, bytes)
    return data


Progress = Callable[[int, int], None]
"""Told ``(done, total)``: how many parts of a PDF are set, of how many."""


def _silent(done: int, total: int) -> None:
    return None


def parts_to_pdf(
    parts: Sequence[Callable[[int], dict[str, Any]]], progress: Progress = _silent
) -> bytes:
    """One PDF from pages set part by part; each part is told the page number it starts on.

    Setting a long document in parts and joining the PDFs keeps memory to one part's worth.
    ``progress`` hears ``(0, total)`` before the first part and ``(n, total)`` after each.
    """
    total = len(parts)
    progress(0, total)
    if total == 1:
        data = typeset(parts[0](1))
        progress(1, 1)
        return data
    writer = PdfWriter()
    next_page = 1
    for done, part in enumerate(parts, start=1):
        reader = PdfReader(io.BytesIO(typeset(part(next_page))))
        if done == 1 and reader.metadata is not None:
            writer.add_metadata(dict(reader.metadata))
        writer.append(reader)
        next_page += len(reader.pages)
        progress(done, total)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def document_to_pdf(data: dict[str, Any], progress: Progress = _silent) -> bytes:
    """A PDF set in one part, reporting its progress like `parts_to_pdf`."""
    return parts_to_pdf([lambda _first: data], progress)
