"""The one error type users see, and the exit codes it maps to."""

from __future__ import annotations

from quizzer.messages import Said

# Exit codes of the public CLI contract (shared/contracts/cli.md).
EXIT_OK = 0
EXIT_WRONG = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class QuizzerError(Exception):
    """A user-facing failure: printed as one line on stderr, never as a traceback.

    The message is plain English text, or a catalog message (`Said`) shown in the language of the run.
    """

    exit_code = EXIT_USAGE

    def __init__(self, message: str | Said, written_in: str = "en") -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.said = message if isinstance(message, Said) else None
        self.written_in = written_in  # the language of a plain-text message (a grader's, already in the run's)

    @property
    def shown(self) -> str | Said:
        """The message to nest in another one: the catalog message where there is one, else the text."""
        return self.said if self.said is not None else self.message

    def speaks(self, lang: str) -> bool:
        """Whether the message can be shown in `lang`: a catalog message, or text written in it."""
        return self.said is not None or self.written_in == lang

    def render(self, lang: str) -> str:
        """The message in `lang` where the catalog has it, else as written."""
        return self.said.get(lang) if self.said is not None else self.message


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

    def __init__(self, message: str | Said, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position
