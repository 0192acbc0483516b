"""What every command shares: the Python it needs, and the one way it fails."""

import pytest

from accord import cli


def test_an_old_python_is_refused_with_what_is_needed():
    with pytest.raises(
        cli.CommandError, match=r"needs Python 3\.12 or later; this is Python 3\.11"
    ):
        cli.check_python((3, 11))
    cli.check_python((3, 12))
