from accord.core.amendments import derive_amendment, redline_marks
from accord.documents.condense import condense

OLD = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen."


def _texts(new):
    return [m.text for m in condense(redline_marks(OLD, derive_amendment(OLD, new)), context=3)]


def test_a_change_in_the_middle_keeps_three_words_each_side():
    assert _texts(OLD.replace("seven", "SEVEN")) == [
        "… four five six ",
        "seven ",
        "SEVEN ",
        "eight nine ten …",
    ]


def test_a_change_at_the_start_keeps_the_words_after_it():
    assert _texts(OLD.replace("one", "ONE")) == ["one ", "ONE ", "two three four …"]


def test_short_runs_are_kept_whole():
    marks = redline_marks("a b c", derive_amendment("a b c", "a B c"))
    assert condense(marks) == marks
