"""Entry point for `python -m quizzer`."""

from quizzer.cli import app

if __name__ == "__main__":
    app(prog_name="quizzer")
