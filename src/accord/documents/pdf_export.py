"""PDF through WeasyPrint, from the print form of the HTML views.

WeasyPrint gets a URL fetcher that refuses everything: the page carries its own styles and
needs nothing from outside, and an export must never reach the network.
"""

from typing import Any

from weasyprint import HTML


class _NoFetching(Exception):
    pass


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise _NoFetching(url)


def html_to_pdf(page: str) -> bytes:
    document = HTML(string=page, url_fetcher=_refuse)
    data = document.write_pdf()
    assert isinstance(data, bytes)
    return data
