"""The lines of a batch file: a passage and an optional id, or a refusal saying what is wrong."""

import pytest

from accord.core.checker.batch import BatchItem, batch_item
from accord.core.checker.errors import InvalidBatchLine


def test_a_line_gives_its_passage_and_id():
    assert batch_item(1, '{"text": "States should.", "id": 7}') == BatchItem("States should.", 7)
    assert batch_item(2, '{"text": "No id."}') == BatchItem("No id.", None)


@pytest.mark.parametrize(
    ("line", "refusal"),
    [
        ("not json", InvalidBatchLine(4, "not-json")),
        ('"a string"', InvalidBatchLine(4, "no-text")),
        ('{"text": 3}', InvalidBatchLine(4, "no-text")),
        ('{"id": 3}', InvalidBatchLine(4, "no-text")),
        ('{"text": "x", "txt": "y", "z": 1}', InvalidBatchLine(4, "unknown-field", "txt")),
    ],
)
def test_a_bad_line_is_refused_with_its_number(line, refusal):
    with pytest.raises(InvalidBatchLine) as raised:
        batch_item(4, line)
    assert raised.value == refusal
