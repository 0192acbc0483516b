"""Every export of the compilation names each proposal's co-sponsors and the group its
proponent spoke for, read back from the file with an outside tool."""

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import docx
import jsonschema
from lxml import etree
from pypdf import PdfReader
from tests.documents.builders import META, compilation

import accord.documents
from accord.core.compilation import Compilation
from accord.core.proposals import Proponent
from accord.documents import akn_schema
from accord.documents.export import export_compilation
from accord.documents.model import Format
from accord.documents.word_revisions import read_revisions

SCHEMA = json.loads(
    (Path(accord.documents.__file__).parent / "schema" / "accord-document.schema.json").read_text()
)
GROUP = "Germany, on behalf of European Union"
COSPONSORED = "Co-sponsored by Chile, Mexico"


def _cosponsored() -> Compilation:
    """The test compilation; Chile and Mexico co-sponsor Germany's proposal (for the EU)."""
    compiled = compilation()
    backers = (Proponent("CHL", "Chile"), Proponent("MEX", "Mexico"))
    entries = tuple(
        replace(
            entry,
            proposals=tuple(
                replace(p, cosponsors=backers) if p.proponent.delegation == "DEU" else p
                for p in entry.proposals
            ),
        )
        for entry in compiled.entries
    )
    return replace(compiled, entries=entries)


def _file(fmt: Format) -> bytes:
    return export_compilation(META, _cosponsored(), fmt).content


def test_word_names_the_group_and_the_cosponsors_and_attributes_the_changes_to_both():
    data = _file(Format.DOCX)
    lines = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    at = lines.index(GROUP)
    assert lines[at : at + 2] == [GROUP, COSPONSORED]
    assert "Co-sponsored by" not in " ".join(lines[at + 2 :])
    authors = [p.authors for p in read_revisions(data) if p.authors]
    assert authors == [(GROUP,), ("Brazil",)]


def test_the_pdf_names_the_cosponsors_after_the_proponent():
    pdf = _file(Format.PDF)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert f"{GROUP}: ({COSPONSORED}) The Group met in" in text
    assert text.count("Co-sponsored") == 1


def test_akoma_ntoso_declares_every_party_and_refers_to_each_in_its_role():
    root = etree.fromstring(_file(Format.AKN))
    assert akn_schema.errors(root) == []
    ns = {"a": akn_schema.AKN_NS}
    amendments = root.findall(".//a:amendment", ns)
    parties = [
        [
            (d.text, d.get("refersTo"), d.get("as"))
            for d in a.iterfind("a:preface//a:docProponent", ns)
        ]
        for a in amendments
    ]
    assert parties == [
        [
            ("Germany", "#org_deu", "#proponent"),
            ("European Union", "#org_eu", "#onBehalfOf"),
            ("Chile", "#org_chl", "#cosponsor"),
            ("Mexico", "#org_mex", "#cosponsor"),
        ],
        [("Brazil", "#org_bra", "#proponent")],
    ]
    # Declared once, in the collection's references, whoever refers to them.
    collection = root.find("a:documentCollection/a:meta/a:references", ns)
    declared = [e.get("eId") for e in collection]
    assert len(declared) == len(set(declared))
    referred = {r.lstrip("#") for _, *refs in (p for ps in parties for p in ps) for r in refs}
    assert referred <= set(declared)


def test_json_lists_the_cosponsors_and_validates():
    data = json.loads(_file(Format.JSON))
    jsonschema.validate(data, SCHEMA, jsonschema.Draft202012Validator)
    proposals = [p for provision in data["provisions"] for p in provision["proposals"]]
    assert [(p["delegation"], p["on_behalf_of"], p["cosponsors"]) for p in proposals] == [
        (
            "DEU",
            "eu",
            [
                {"delegation": "CHL", "delegation_name": "Chile"},
                {"delegation": "MEX", "delegation_name": "Mexico"},
            ],
        ),
        ("BRA", None, []),
    ]


def test_a_json_proposal_without_its_cosponsors_is_refused_by_the_schema():
    data = json.loads(_file(Format.JSON))
    del data["provisions"][1]["proposals"][0]["cosponsors"]
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(data)


def test_html_and_markdown_name_the_cosponsors():
    page = _file(Format.HTML).decode()
    assert f'<p class="who">{GROUP}</p><p class="cosponsors">{COSPONSORED}</p>' in page
    assert page.count('class="cosponsors"') == 1
    markdown = _file(Format.MD).decode()
    assert f"   > **{GROUP}**: " in markdown
    assert f"   >\n   > *{COSPONSORED}*\n" in markdown
    assert markdown.count("Co-sponsored") == 1
