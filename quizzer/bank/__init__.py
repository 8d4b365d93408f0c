"""Question banks: find, read, validate."""

from quizzer.bank.catalog import load_catalog, require_question, require_valid

__all__ = ["load_catalog", "require_question", "require_valid"]
