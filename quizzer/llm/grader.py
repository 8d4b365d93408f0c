"""Rubric grading and follow-up questions: one cached request each, a reason instead of a verdict on failure."""

from __future__ import annotations

from dataclasses import dataclass

from quizzer.llm.client import LlmUnavailable, chat
from quizzer.llm.config import LlmConfig
from quizzer.llm.rubric import BadReply, Judgement, Rubric, json_object, messages, parse
from quizzer.models import Text
from quizzer.store import open_store


@dataclass(frozen=True)
class LlmResult:
    """The LLM's judgement, or why there is none (the key points decide then)."""

    judgement: Judgement | None
    reason: Text | None = None
    cached: bool = False


def _ask(config: LlmConfig, sent: list[dict[str, str]], points: int) -> LlmResult:
    """One request through the cache: a cached reply is re-validated, a new one is cached once it validates."""
    from quizzer.llm import cache

    store = open_store()
    try:
        digest = cache.key(config, sent)
        hit = cache.lookup(store, digest)
        if hit is not None:
            try:
                return LlmResult(parse(hit, points), cached=True)
            except BadReply:
                pass  # a reply cached by another version of the rubric: ask again
        try:
            content = chat(config, sent)
            judgement = parse(content, points)
        except LlmUnavailable as exc:
            return LlmResult(None, exc.reason)
        except BadReply as exc:
            return LlmResult(None, Text(zh=f"回复不符合评分格式（{exc}）", en=str(exc)))
        cache.remember(store, digest, content)
        return LlmResult(judgement)
    finally:
        store.close()


def grade(config: LlmConfig, rubric: Rubric, answer: str) -> LlmResult:
    """Judge an answer against the rubric."""
    return _ask(config, messages(rubric, answer), len(rubric.key_points))


FOLLOW_UP = {"en": "Ask the candidate one short follow-up question that probes the weakest part of the answer. "
                   "Reply with the JSON object {\"follow_up\": \"the question\"} only.",
             "zh": "请针对回答中最薄弱的部分，向候选人提出一个简短的追问。只回复 JSON 对象 {\"follow_up\": \"问题\"}。"}


def follow_up(config: LlmConfig, rubric: Rubric, answer: str) -> str | None:
    """A second request for a follow-up question when the grading reply gave none (None when it fails)."""
    sent = [*messages(rubric, answer), {"role": "user", "content": FOLLOW_UP[rubric.lang]}]
    try:
        content = chat(config, sent)
        data = json_object(content)
    except (LlmUnavailable, BadReply):
        return None
    question = data.get("follow_up") if isinstance(data, dict) else None
    return question.strip() or None if isinstance(question, str) else None


def grade_follow_up(config: LlmConfig, rubric: Rubric, question: str, answer: str) -> LlmResult:
    """Judge the reply to a follow-up: the original reference and misconceptions, no key points of its own."""
    asked = Rubric(question, rubric.reference, (), rubric.misconceptions, rubric.lang)
    return grade(config, asked, answer)
