"""The one error type users see, and the exit codes it maps to."""

from __future__ import annotations

# Exit codes of the public CLI contract (shared/contracts/cli.md).
EXIT_OK = 0
EXIT_WRONG = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class QuizzerError(Exception):
    """A user-facing failure: printed as one line on stderr, never as a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BankError(QuizzerError):
    """A question bank that cannot be used, with where the problem is."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")
        self.file = file
        self.line = line
        self.detail = message


class ExprError(QuizzerError):
    """Text that the expression parser cannot read."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position
