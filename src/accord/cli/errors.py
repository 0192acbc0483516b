"""The one way an `accord` command fails."""


class CommandError(Exception):
    """A failure the user can act on. `accord.cli.main` prints ``message`` on standard
    error, each line after ``accord:``, without a traceback, and exits with ``status``."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.message, self.status = message, status
