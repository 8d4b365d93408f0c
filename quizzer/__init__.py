"""quizzer: interview practice for LLM / ML engineers."""

__version__ = "0.1.0"
