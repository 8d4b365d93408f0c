"""The catalog: key -> (English, Chinese) templates with the same named fields, grouped by where they show."""

from __future__ import annotations

from quizzer.messages.errors import ERRORS
from quizzer.messages.expr import EXPR
from quizzer.messages.report import REPORT
from quizzer.messages.screens import SCREENS
from quizzer.messages.session import SESSION
from quizzer.messages.study import STUDY

# Shared words: errors, counts (English 'singular|plural'), the kinds of question, ratings.
COMMON: dict[str, tuple[str, str]] = {
    "error": ("error: {message}", "错误：{message}"),
    "warning": ("warning: {message}", "警告：{message}"),
    "interrupted": ("interrupted", "已中断"),
    "list.separator": ("; ", "；"),
    "unknown_language": ("unknown language {value!r} (--lang or QUIZZER_LANG: one of {choices})",
                         "未知语言 {value!r}（--lang 或 QUIZZER_LANG 可选：{choices}）"),
    "unknown_device": ("unknown device {value!r} (one of {choices})", "未知设备 {value!r}（可选：{choices}）"),
    "unknown_grader": ("unknown grader {value!r} (--grader: one of {choices})",
                       "未知评分方式 {value!r}（--grader 可选：{choices}）"),
    "n.question": ("{n} question¦{n} questions", "{n} 道题"),
    "n.problem": ("{n} problem¦{n} problems", "{n} 个问题"),
    "n.bank": ("{n} bank¦{n} banks", "{n} 个题库"),
    "n.task": ("{n} task¦{n} tasks", "{n} 个任务"),
    "n.day": ("{n} day¦{n} days", "{n} 天"),
    "n.concept_answer": ("{n} concept answer¦{n} concept answers", "{n} 道概念题作答"),
    "n.note": ("{n} note¦{n} notes", "{n} 条笔记"),
    "n.deck": ("{n} deck¦{n} decks", "{n} 个牌组"),
    "n.attempt": ("{n} attempt¦{n} attempts", "{n} 次作答"),
    "n.card": ("{n} card¦{n} cards", "{n} 张卡片"),
    "n.mock": ("{n} mock¦{n} mocks", "{n} 次模拟面试"),
    "n.review": ("{n} review¦{n} reviews", "{n} 条复习记录"),
    "kind.concept": ("concept", "概念"),
    "kind.numeric": ("numeric", "估算"),
    "kind.formula": ("formula", "公式"),
    "kind.choice": ("choice", "选择"),
    "kind.code": ("code", "手写代码"),
    "rating.1": ("Again", "重来"),
    "rating.2": ("Hard", "困难"),
    "rating.3": ("Good", "良好"),
    "rating.4": ("Easy", "简单"),
    "rating_meaning.1": ("forgot it", "没想起来"),
    "rating_meaning.2": ("recalled with serious effort", "费了很大劲才想起"),
    "rating_meaning.3": ("recalled after a pause", "想了一下才想起"),
    "rating_meaning.4": ("recalled at once", "立刻想起"),
    "verdict.correct": ("correct", "正确"),
    "verdict.wrong": ("wrong", "错误"),
    "verdict.partial": ("partial", "部分正确"),
    "verdict.skipped": ("skipped", "跳过"),
    "verdict.unrated": ("unrated", "未评分"),
    "verdict.answered": ("answered", "已作答"),
    "verdict.timed-out": ("timed-out", "超时"),
    "verdict.not-reached": ("not-reached", "未作答"),
    "verdict.quit": ("quit", "退出"),
}

CATALOG: dict[str, tuple[str, str]] = {**COMMON, **SESSION, **SCREENS, **EXPR, **ERRORS, **REPORT, **STUDY}
