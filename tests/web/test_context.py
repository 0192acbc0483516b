"""A query's dataclass handed to a template: its fields as they are."""

from accord.store import queries
from accord.web.context import fields_of


def test_a_value_s_fields_become_template_variables_without_being_copied():
    section = queries.BoardSection(None, [])
    board = queries.StatusBoard(sections=[section], counts=[], total=0)
    context = fields_of(board)
    assert context == {"sections": [section], "counts": [], "total": 0}
    assert context["sections"] is board.sections
    assert context["sections"][0] is section
