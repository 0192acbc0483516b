"""Every JSON export follows the schema published beside the code."""

import json
from pathlib import Path

import jsonschema
import pytest
from tests.documents.builders import META, compilation, version
from tests.documents.test_exports import REDLINE

import accord.documents
from accord.documents.export import export_clean, export_compilation, export_redline
from accord.documents.model import Attribution, Exported, Format
from accord.documents.text_export import consensus_report_json

SCHEMA = json.loads(
    (Path(accord.documents.__file__).parent / "schema" / "accord-document.schema.json").read_text()
)


@pytest.mark.parametrize(
    "exported",
    [
        lambda: export_clean(META, version(), Format.JSON),
        lambda: export_compilation(META, compilation(), Format.JSON),
        lambda: export_redline(META, REDLINE, Format.JSON, by=Attribution("Chair")),
        lambda: Exported(
            consensus_report_json(
                META,
                version(),
                {
                    "process": "wg",
                    "method": "silence",
                    "decided": "2026-11-29",
                    "event": 12,
                    "outline": [
                        {
                            "uid": p.uid,
                            "kind": p.kind.value,
                            "label": p.label,
                            "parent": p.parent,
                            "content_hash": p.content_hash,
                        }
                        for p in version()
                    ],
                },
            ).encode(),
            "application/json",
            "report.json",
        ),
    ],
    ids=["clean", "compilation", "redline", "consensus-report"],
)
def test_each_view_validates_against_the_published_schema(exported):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(json.loads(exported().content), SCHEMA, jsonschema.Draft202012Validator)
