"""The first LLM call in a data folder says, once, where answers are sent."""

from __future__ import annotations

from pathlib import Path

from quizzer.llm.config import LlmConfig
from quizzer.models import Lang, in_lang

MARK = "llm-endpoint.txt"  # in the data folder: the endpoint the candidate has been told about


def announce(config: LlmConfig, folder: Path, lang: Lang) -> str | None:
    """The one-line notice the first time answers go to this endpoint from this data folder, else None."""
    mark = folder / MARK
    told = mark.read_text(encoding="utf-8").strip() if mark.is_file() else ""
    if told == config.base_url:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    mark.write_text(config.base_url + "\n", encoding="utf-8")
    return in_lang(lang, f"concept answers will be sent to {config.base_url} (model {config.model}) for grading; "
                         f"--grader keypoints keeps them on this machine",
                   f"概念题的回答将发送到 {config.base_url}（模型 {config.model}）评分；"
                   f"--grader keypoints 则不发送任何内容")
