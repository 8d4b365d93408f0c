"""LLM settings from the environment: nothing hidden, nothing read at import."""

from __future__ import annotations

import os
from dataclasses import dataclass

from quizzer.errors import QuizzerError

DEFAULT_TIMEOUT = 20.0
REQUIRED = ("QUIZZER_LLM_BASE_URL", "QUIZZER_LLM_MODEL")


@dataclass(frozen=True)
class LlmConfig:
    """An OpenAI-compatible endpoint, the model asked, the key (may be empty) and the timeout in seconds."""

    base_url: str
    model: str
    api_key: str
    timeout: float = DEFAULT_TIMEOUT

    @property
    def key_source(self) -> str:
        """Which variable gave the key, or 'none' (a local server needs none)."""
        if os.environ.get("QUIZZER_LLM_API_KEY"):
            return "QUIZZER_LLM_API_KEY"
        return "OPENAI_API_KEY" if os.environ.get("OPENAI_API_KEY") else "none"


def missing_settings() -> list[str]:
    """The required variables that are not set."""
    return [name for name in REQUIRED if not os.environ.get(name, "").strip()]


def _timeout() -> float:
    text = os.environ.get("QUIZZER_LLM_TIMEOUT", "").strip()
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise QuizzerError(f"QUIZZER_LLM_TIMEOUT must be a positive number of seconds, not {text!r}")
    return value


def from_env() -> LlmConfig | None:
    """The configured endpoint, or None when the base URL or the model is not set."""
    if missing_settings():
        return None
    key = os.environ.get("QUIZZER_LLM_API_KEY") or os.environ.get("OPENAI_API_KEY") or ""
    return LlmConfig(os.environ["QUIZZER_LLM_BASE_URL"].strip(), os.environ["QUIZZER_LLM_MODEL"].strip(),
                     key, _timeout())
