"""`quizzer llm status`: what is configured, and whether the endpoint answers one tiny request."""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib.util import find_spec

from quizzer.llm.client import LlmUnavailable, chat
from quizzer.llm.config import LlmConfig, from_env, missing_settings

PING = [{"role": "user", "content": "Reply with the word ok."}]


@dataclass(frozen=True)
class LlmStatus:
    """The configuration (never the key itself) and the probe's result (None: nothing was sent)."""

    config: LlmConfig | None
    missing: tuple[str, ...]
    client_installed: bool
    answers: bool | None
    seconds: float | None = None
    reason: str | None = None


def probe() -> LlmStatus:
    """Read the settings; when they are complete and the client is installed, send one tiny request."""
    config = from_env()
    installed = find_spec("openai") is not None
    if config is None or not installed:
        return LlmStatus(config, tuple(missing_settings()), installed, None,
                         reason=None if config is None else "the openai package is not installed "
                                                            "(pip install 'quizzer[llm]')")
    started = time.monotonic()
    try:
        chat(config, PING, json_mode=False)
    except LlmUnavailable as exc:
        return LlmStatus(config, (), installed, False, round(time.monotonic() - started, 3), str(exc))
    return LlmStatus(config, (), installed, True, round(time.monotonic() - started, 3))
