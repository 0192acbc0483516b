"""Findings as plain data, the shape the API and `accord check --json` both give."""

from typing import Any

from accord.core.checker.check import Report
from accord.core.checker.corpus import CorpusEntry
from accord.core.checker.findings import Finding


def source_json(entry: CorpusEntry | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "document": entry.document,
        "provision": entry.provision,
        "status": entry.status.value,
        "holder": entry.holder,
        "date": entry.date.isoformat() if entry.date else None,
        "text": entry.text,
        "language": entry.language,
    }


def finding_json(found: Finding) -> dict[str, Any]:
    return {
        "segment": found.segment,
        "start": found.start,
        "end": found.end,
        "sentence": found.sentence,
        "verdict": found.verdict.value,
        "source": source_json(found.source),
        "similarity": found.similarity,
        "omitted": list(found.omitted),
        "added": list(found.added),
        "substituted": [{"old": old, "new": new} for old, new in found.substituted],
        "qualifiers_dropped": list(found.qualifiers_dropped),
        "alterations": [a.value for a in found.alterations],
        "partial": found.partial,
        "joined": found.joined,
        "framing": found.framing,
        "also_adopted": source_json(found.also_adopted),
        "frame": found.frame,
        "quoted": found.quoted,
        "reported": found.reported,
        "agreement_claimed": found.agreement_claimed,
        "paraphrase": found.paraphrase,
        "alignment": [{"passage": a, "source": b} for a, b in found.alignment],
    }


def report_json(report: Report) -> dict[str, Any]:
    return {
        "language": report.language,
        "language_detected": report.detected,
        "segments": [finding_json(f) for f in report.findings],
    }
