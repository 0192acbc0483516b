"""Documents and the order in which their versions are issued."""

import pytest
from tests.core.builders import load_version

from accord.core.documents import Document, Stage
from accord.core.errors import StageOutOfOrder

ZERO = load_version("zero_draft.md")
REV1 = load_version("rev1.md")


def test_versions_are_issued_in_order_and_revisions_are_numbered() -> None:
    document = Document("A/AC.292/2025/L.1")
    assert document.current is None
    document = document.issue(Stage.ZERO_DRAFT, ZERO).issue(Stage.REVISION, REV1)
    document = document.issue(Stage.REVISION, REV1).issue(Stage.ADOPTED, REV1)
    assert [v.label for v in document.versions] == ["zero-draft", "Rev.1", "Rev.2", "adopted"]
    assert document.current is not None
    assert document.current.stage is Stage.ADOPTED


@pytest.mark.parametrize(
    ("stages", "refused"),
    [
        ((Stage.REVISION, Stage.ZERO_DRAFT), {"current": "Rev.1", "stage": "zero-draft"}),
        ((Stage.ZERO_DRAFT, Stage.ZERO_DRAFT), {"current": "zero-draft", "stage": "zero-draft"}),
        ((Stage.ADOPTED, Stage.ADOPTED), {"current": "adopted", "stage": "adopted"}),
    ],
)
def test_stages_never_go_back(stages: tuple[Stage, Stage], refused: dict[str, object]) -> None:
    document = Document("L.1").issue(stages[0], ZERO)
    with pytest.raises(StageOutOfOrder) as raised:
        document.issue(stages[1], REV1)
    assert raised.value.params() == refused


def test_the_document_hash_covers_every_issued_version() -> None:
    one = Document("L.1").issue(Stage.ZERO_DRAFT, ZERO).issue(Stage.REVISION, REV1)
    other = Document("L.1").issue(Stage.ZERO_DRAFT, REV1).issue(Stage.REVISION, REV1)
    assert one.content_hash != other.content_hash
    assert (
        one.content_hash
        == Document("L.1").issue(Stage.ZERO_DRAFT, ZERO).issue(Stage.REVISION, REV1).content_hash
    )
