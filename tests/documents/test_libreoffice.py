"""LibreOffice opens the exported redline and lists each change under its delegation.

Needs LibreOffice Writer (`soffice`), which `make test` installs where it can.
"""

import re
import shutil
import subprocess

import pytest
from tests.documents.builders import META, compilation

from accord.documents.word_export import compilation_docx

SOFFICE = shutil.which("soffice")


def test_libreoffice_reads_the_tracked_changes_with_their_authors_and_dates(tmp_path):
    if SOFFICE is None:
        pytest.fail("LibreOffice Writer is not installed: run scripts/ensure-test-tools")
    source = tmp_path / "compilation.docx"
    source.write_bytes(compilation_docx(META, compilation()))
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "fodt", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    flat = (tmp_path / "compilation.fodt").read_text("utf-8")
    regions = re.findall(r"<text:changed-region.*?</text:changed-region>", flat, re.S)
    authors = sorted(re.search(r"<dc:creator>([^<]*)<", r).group(1) for r in regions)
    group = "Germany, on behalf of European Union"
    assert authors == ["Brazil", "Brazil", group, group]
    assert {re.search(r"<dc:date>([^<]*)<", r).group(1) for r in regions} == {"2026-03-03T09:30:00"}
