"""The rubric request (bounded in size) and strict validation of the reply into a frozen judgement."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from quizzer.models import Lang

MAX_ANSWER_CHARS = 4000  # a long answer is cut, so one request never costs more than a few thousand tokens
MAX_FIELD_CHARS = 2000  # the reference, and any single key point or misconception
FENCE = re.compile(r"```(?:json)?\s*(\{.*\})\s*```", re.DOTALL)
THINKING = re.compile(r"^\s*<think>.*?</think>", re.DOTALL)  # reasoning models (Qwen3, DeepSeek-R1) think aloud first
REPLY_SHAPE = ('{"rating": 1|2|3, "key_points": [{"covered": true|false, "evidence": "a short quote of the answer"}], '
               '"misconceptions": ["each listed misconception the answer asserts, copied exactly"], '
               '"feedback": "one sentence", "follow_up": "one follow-up question, or null"}')

SYSTEM = {
    "en": "You are a strict technical interviewer for LLM and ML engineering roles. Grade the candidate's answer "
          "against the reference answer, the key points and the known misconceptions. Reply with one JSON object "
          "only, of this shape: " + REPLY_SHAPE + ". Give one key_points entry per key point, in order. Rating: "
          "1 wrong or a misconception asserted, 2 partly right, 3 right. Write feedback and follow_up in English.",
    "zh": "你是一位严格的大模型与机器学习工程面试官。请对照参考答案、要点和常见误解，评判候选人的回答。"
          "只回复一个 JSON 对象，格式如下：" + REPLY_SHAPE + "。每个要点按顺序各给一项 key_points。"
          "评分：1 错误或说出了误解，2 部分正确，3 正确。"
          "feedback 与 follow_up 用中文书写。",
}


@dataclass(frozen=True)
class Rubric:
    """What the grader sees: the question, the reference, the key points and misconceptions, in one language."""

    question: str
    reference: str
    key_points: tuple[str, ...]
    misconceptions: tuple[str, ...]
    lang: Lang


@dataclass(frozen=True)
class Judgement:
    """A validated reply: per key point covered or not with evidence, misconceptions asserted, rating 1-3."""

    rating: int
    covered: tuple[bool, ...]
    evidence: tuple[str, ...]
    misconceptions: tuple[str, ...]
    feedback: str
    follow_up: str | None


class BadReply(ValueError):
    """A reply that is not the JSON object the rubric asks for; the message says what is wrong."""


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + " […]"


def messages(rubric: Rubric, answer: str) -> list[dict[str, str]]:
    """The chat messages of one grading request, every field bounded."""
    body = {"question": _cut(rubric.question, MAX_FIELD_CHARS), "reference_answer": _cut(rubric.reference,
                                                                                         MAX_FIELD_CHARS),
            "key_points": [_cut(k, MAX_FIELD_CHARS) for k in rubric.key_points],
            "misconceptions": [_cut(m, MAX_FIELD_CHARS) for m in rubric.misconceptions],
            "candidate_answer": _cut(answer, MAX_ANSWER_CHARS)}
    return [{"role": "system", "content": SYSTEM[rubric.lang]},
            {"role": "user", "content": json.dumps(body, ensure_ascii=False, indent=1)}]


def json_object(content: str) -> Any:
    """The JSON object in the reply: bare, or inside a ```json fence (local servers often add one)."""
    text = THINKING.sub("", content).strip()
    fenced = FENCE.search(text)
    if fenced:
        text = fenced.group(1)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadReply(f"the reply is not JSON ({exc.msg})") from None


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise BadReply(f"{what} is not a string")
    return value.strip()


def parse(content: str, points: int) -> Judgement:
    """Validate a reply strictly against the contract's shape; BadReply says the first thing wrong."""
    data = json_object(content)
    if not isinstance(data, dict):
        raise BadReply("the reply is not a JSON object")
    missing = [k for k in ("rating", "key_points", "misconceptions", "feedback") if k not in data]
    if missing:
        raise BadReply(f"the reply lacks {', '.join(missing)}")
    rating = data["rating"]
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in (1, 2, 3):
        raise BadReply(f"rating must be 1, 2 or 3, not {rating!r}")
    kps = data["key_points"]
    if not isinstance(kps, list) or len(kps) != points:
        raise BadReply(f"key_points must list {points} entries, one per key point")
    covered, evidence = [], []
    for entry in kps:
        if not isinstance(entry, dict) or not isinstance(entry.get("covered"), bool):
            raise BadReply("each key_points entry needs covered: true or false")
        covered.append(bool(entry["covered"]))
        evidence.append(_text(entry.get("evidence", ""), "a key point's evidence"))
    stated = data["misconceptions"]
    if not isinstance(stated, list):
        raise BadReply("misconceptions must be a list of strings")
    follow = data.get("follow_up")
    if follow is not None and not isinstance(follow, str):
        raise BadReply("follow_up must be a string or null")
    return Judgement(rating, tuple(covered), tuple(evidence), tuple(_text(m, "a misconception") for m in stated),
                     _text(data["feedback"], "feedback"), follow.strip() or None if follow else None)
