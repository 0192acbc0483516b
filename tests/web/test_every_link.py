"""The demo as each of its people meets it: every link on every page, followed as the Chair,
the Secretariat, a delegate, an observer, two stakeholders and the public, leads somewhere
(no 4xx, no 5xx); and no page shows a raw code or an internal identifier where a name
exists.

The demo is loaded once for the module, inside a transaction rolled back at the end, and
crawled with Django's test client: same-origin links only, each page once per person. A
download is the same file for everyone who may read the version, so each is fetched once."""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from tests.accord_at_fixed_time import DEMO_TIME

from accord.store.reference import reference_data

pytestmark = pytest.mark.django_db

PEOPLE = [None, "chair", "secretariat", "bra", "vat", "stakeholder", "gfce"]
HREF = re.compile(r"<a\b[^>]*?\bhref=\"([^\"]*)\"")
# Pages that answer something other than a page of the room: followed, not read for links.
NOT_READ = ("/api/", "/record/log.jsonl", "/record/receipts/")

# What a person should never read where a name exists: an internal identifier of the record
# ("summary-entry:2", "user:stakeholder", "document:report"), or a delegation's bare code.
INTERNAL = re.compile(
    r"\b(?:summary-entry|input|user|document|proposal|provision|statement|version|process"
    r"|silence|adoption|accreditation|invitation|explanation):[\w.-]+"
)
CODE = re.compile(r"(?<![\w/.-])[A-Z]{3}(?![\w/.-])")
# Text that is not prose: scripts, styles, the labels and hints of forms that say codes may
# be typed (“names or codes, e.g. Brazil, KEN”), the Secretariat's list of codes being typed,
# and code samples.
NOT_PROSE = re.compile(
    r"<(script|style|label|textarea|code|pre|option)\b.*?</\1>|<[^>]+>", re.S | re.I
)


@dataclass
class Crawl:
    dead: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)


def _delegation_codes() -> set[str]:
    data = reference_data()
    entries = (*data["members"], *data["observer_states"], *data["observer_organisations"])
    return {entry["code"] for entry in entries}


def _links(url: str, page: str) -> Iterator[str]:
    for href in HREF.findall(page):
        target = urljoin(url, html.unescape(href)).split("#")[0]
        parts = urlsplit(target)
        if target and not parts.scheme and not parts.netloc:
            yield target


def _raw_codes(url: str, page: str, codes: set[str]) -> Iterator[str]:
    body = re.split(r"<body[^>]*>", page, maxsplit=1)[-1]
    text = html.unescape(NOT_PROSE.sub(" ", body))
    for found in INTERNAL.findall(text):
        yield f"{url}: {found}"
    for found in CODE.findall(text):
        if found in codes:
            start = text.find(found)
            yield f"{url}: {found} in “{' '.join(text[max(0, start - 40) : start + 20].split())}”"


def _crawl(client: Client, who: str, crawl: Crawl, fetched: set[str], codes: set[str]) -> None:
    seen: set[str] = set()
    queue = ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        download = "/download/" in url or "/exports/" in url
        if download and url in fetched:
            continue
        fetched.add(url)
        response = client.get(url)
        if response.status_code >= 400:
            crawl.dead.append(f"{who}: {url} answers {response.status_code}")
            continue
        if response.status_code in (301, 302, 303):
            queue.append(urljoin(url, response["Location"]))
            continue
        if download or url.startswith(NOT_READ) or "html" not in response["Content-Type"]:
            continue
        page = response.content.decode()
        crawl.codes.extend(f"{who}: {found}" for found in _raw_codes(url, page, codes))
        queue.extend(_links(url, page))
    crawl.pages[who] = len(seen)


@pytest.fixture(scope="module")
def crawl(django_db_setup, django_db_blocker) -> Crawl:
    from accord.demo import load_demo

    found = Crawl()
    fetched: set[str] = set()
    codes = _delegation_codes()
    with (
        django_db_blocker.unblock(),
        time_machine.travel(DEMO_TIME, tick=False),
        transaction.atomic(),
    ):
        load_demo()
        for who in PEOPLE:
            client = Client()
            if who:
                client.force_login(User.objects.get(username=who))
            _crawl(client, who or "the public", found, fetched, codes)
        transaction.set_rollback(True)
    return found


def test_every_link_of_the_demo_leads_somewhere_for_everyone(crawl):
    assert crawl.dead == []
    # The crawl reached the whole room, not only the home page.
    assert all(count > 200 for count in crawl.pages.values()), crawl.pages


def test_no_page_shows_a_code_or_an_internal_identifier_where_a_name_exists(crawl):
    assert crawl.codes == []


def test_the_check_finds_a_raw_code_and_an_internal_identifier():
    page = (
        "<html><body><p>CHN joined consensus.</p><td>summary-entry:2</td>"
        "<label>Names or codes, e.g. Brazil, KEN</label><p>A/AC.292/2026/CRP.1, ICT</p>"
        "</body></html>"
    )
    found = list(_raw_codes("/p/x/", page, {"CHN", "KEN"}))
    assert len(found) == 2
    assert found[0] == "/p/x/: summary-entry:2"
    assert found[1].startswith("/p/x/: CHN in “CHN joined consensus")
