"""`--lang zh` (or QUIZZER_LANG=zh) gives a Chinese interface: headers, verdicts, prompts, numbers and errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import demo_bank

pytestmark = pytest.mark.usefixtures("no_builtin_banks")

# Two English words in a row: a sentence fragment. Ids, commands and options are stripped before looking.
ENGLISH = re.compile(r"\b[A-Za-z]{3,}[,:;]? +[A-Za-z]{3,}\b")
NOT_PROSE = re.compile(r"demo\.[a-z.-]+|'quizzer [^']*'|quizzer \w+|--?[a-z-]+|:[a-z]+|/\S*|[A-Z]\. \S+")


def english_in(text: str) -> list[str]:
    """Lines of `text` with an English sentence fragment in them."""
    return [line for line in text.splitlines() if ENGLISH.search(NOT_PROSE.sub(" ", line))]


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def bank(tmp_path: Path) -> str:
    return str(demo_bank(tmp_path, "practice"))


def test_practice_in_chinese_from_question_to_summary(bank: str) -> None:
    code, out, _ = run("practice", "--bank", bank, "--seed", "3", "--lang", "zh",
                       stdin="Q\nb\n方差随维度 d_k 增大，softmax 饱和\n\n3\n")
    assert code == 0
    assert out.startswith("quizzer 练习 · 2 道题 · 记录：")
    assert "请重新作答。请用选项字母作答：A, B, C（多选题可填多个）" in out
    assert "✓ 正确" in out
    assert "1/2 · demo · 选择 · 难度 1" in out
    assert "要点（覆盖要点 2/3）" in out
    assert "自评记忆程度：1 重来（没想起来） · 2 困难" in out
    assert "[回车 = 3 良好]" in out
    assert "完成：作答 2 道，答对 2 道，跳过 0 道" in out
    assert english_in(out) == []


def test_stats_history_and_json_after_a_chinese_session(bank: str) -> None:
    run("practice", "--bank", bank, "--seed", "3", "--lang", "zh", stdin="a\n:skip\n")
    _, stats, _ = run("stats", env={"QUIZZER_LANG": "zh"})
    assert stats.startswith("作答 1 · 答对 0（0%）· 跳过 1 · 连续 1 天\n")
    assert "主题  正确率" in stats
    assert "按题型：选择 0/1" in stats
    assert english_in(stats) == []
    _, history, _ = run("history", "--lang", "zh")
    assert history.split("\n")[0].split() == ["时间（UTC）", "题目", "结果", "得分", "秒", "模式", "答案"]
    assert "demo.pick  错误" in history
    assert "跳过" in history
    assert "练习" in history
    # JSON is a contract: its keys and values stay English whatever the language.
    assert run("stats", "--json", "--lang", "zh")[1] == run("stats", "--json")[1]
    assert json.loads(run("history", "--json", "--lang", "zh")[1])[0]["verdict"] == "skipped"


def test_list_tasks_and_show_in_chinese(bank: str) -> None:
    _, listed, _ = run("list", "--bank", bank, "--lang", "zh")
    assert listed.splitlines()[0].split() == ["编号", "题型", "难度", "题目"]
    assert "demo.pick  选择" in listed
    assert listed.splitlines()[-1] == "2 道题"
    _, tasks, _ = run("tasks", "--lang", "zh")
    assert tasks.splitlines()[0].split() == ["编号", "标题", "函数", "已通过"]
    assert tasks.splitlines()[-1].startswith("共 ")
    _, shown, _ = run("show", "demo.pick", "--bank", bank, "--answer", "--lang", "zh")
    assert shown.splitlines()[0] == "demo.pick  demo · 选择 · 难度 1"
    assert "\n答案\n" in shown
    assert english_in(shown) == []


def test_check_and_calc_in_chinese() -> None:
    code, out, err = run("check", "Q7", "--expect", "7e10", "--lang", "zh")
    assert (code, out) == (2, "")
    assert err == "错误：无法读懂答案：第 1 个字符处的单位或词 'Q7' 无法识别\n"
    assert run("check", "7e9", "--expect", "7e10", "--lang", "zh")[1] == (
        "✗ 不对：你的答案 7,000,000,000（70亿）；参考答案 70,000,000,000（700亿）（只有参考值的 1/10）。\n"
        "提示：差了 10^1 倍（数量级偏小）：检查指数和单位前缀。\n")
    assert run("calc", "7e9", "--lang", "zh")[1] == "7,000,000,000（70亿）\n"
    assert run("calc", "175e9*3", "--lang", "zh")[1] == "525,000,000,000（5250亿）\n"
    assert run("calc", "7e9")[1] == "7,000,000,000 (7.00 billion)\n"  # English as before
    assert run("calc", "7B", "--lang", "zh")[1] == (
        "7 B\n注：'B' 按字节理解；若是个数，则为 7,000,000,000（70亿）（十亿请写 bn、billion 或 十亿，或写明计数对象："
        "params、tokens）\n")


@pytest.mark.parametrize("args, message", [
    (["show", "demo.pik"], "错误：未知题目 'demo.pik'（是不是 'demo.pick'？）\n"),
    (["practice", "--topic", "nope"], "错误：未知主题 'nope'（可选：demo）\n"),
    (["practice", "--difficulty", "5"], "错误：--difficulty 须为 1（易）、2（中）或 3（难），不能是 5\n"),
    (["check", "1", "--expect", "1", "--factor", "0.5"],
     "错误：--factor 须大于 1（如 3 表示接受参考值的三分之一到三倍）\n"),
    (["check", "1", "--expect", "1+"], "错误：无法读懂 --expect '1+'：第 3 个字符处出现意外的 'end of input'\n"),
    (["mock", "--minutes", "500"], "错误：--minutes 须在 1 到 240 之间\n"),
    (["start", "nope"], "错误：未知任务 'nope'（见 'quizzer tasks'）\n"),
])
def test_errors_are_in_the_language_of_the_run(bank: str, args: list[str], message: str) -> None:
    extra = ["--bank", bank] if args[0] in ("show", "practice", "mock") else []
    assert run(*args, *extra, env={"QUIZZER_LANG": "zh"})[2] == message
    english = run(*args, *extra)[2]
    assert english.startswith("error: ")
    assert not re.search(r"[\u4e00-\u9fff]", english)


def test_a_chinese_mock_plan_and_scorecard(bank: str) -> None:
    code, out, _ = run("mock", "--minutes", "3", "--seed", "1", "--bank", bank, "--lang", "zh", "--practice",
                       stdin="方差随维度 d_k 增大，softmax 饱和，梯度消失\n\n4\nB\n")
    assert code == 0
    assert out.startswith("模拟面试 · general 方向 · 3 分钟 · 种子 1\n")
    assert ("本次 3 分钟模拟面试略去：估算（题库在 general 方向没有这类题）；"
            "手写代码（10 分钟及以上的模拟面试才有）。") in out
    assert "答得如何？1 重来 · 2 困难 · 3 良好 · 4 简单（回车：不自评）" in out
    assert "成绩单" in out
    assert "总分 100%" in out
    assert "接下来复习：" not in out
    assert english_in(out[out.index("成绩单"):]) == []
    report = Path(out.splitlines()[-1].removeprefix("报告：")).read_text(encoding="utf-8")
    assert report.startswith("# 模拟面试：general 方向，3 分钟\n")
    assert "| 概念 | 100% | 1/1 |" in report
    assert "覆盖要点：100% · 你的自评：简单" in report
    assert "## 作答" in report
    assert "## 接下来复习\n\n- 没有明显薄弱项：可以提高难度\n" in report


def test_an_error_not_in_the_catalog_yet_stays_wholly_english(bank: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZZER_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("QUIZZER_LLM_MODEL", raising=False)
    code, _, err = run("check", "--question", "demo.sqrt", "variance", "--grader", "llm", "--bank", bank,
                       env={"QUIZZER_LANG": "zh"})
    assert code == 2
    assert err.startswith("error: --grader llm")  # never "错误：" before an English sentence
    assert not re.search(r"[\u4e00-\u9fff]", err)


PARAMS_Q = """\
  - id: demo.params
    kind: numeric
    difficulty: 2
    tags: [params]
    source: [hot.calc1]
    prompt: {zh: "96 层、d_model = 12288 的模型有多少参数？", en: "How many parameters at 96 layers, d_model = 12288?"}
    params: {layers: 96, d_model: 12288}
    formula: 12 * layers * d_model^2
    unit: count
    display: billion
    tolerance: {rel: 0.02}
    expected: 173.95 billion
    explanation: {zh: "12 × {layers} × {d_model}^2 = {answer}", en: "12 x {layers} x {d_model}^2 = {answer}"}
"""


def test_large_counts_read_in_yi_and_wan_in_chinese(tmp_path: Path) -> None:
    bank = str(demo_bank(tmp_path, "practice", PARAMS_Q))
    _, shown, _ = run("show", "demo.params", "--answer", "--bank", bank, "--lang", "zh")
    assert "1739亿   （公式：12 * layers * d_model^2）" in shown
    assert "12 × 96 × 12288^2 = 1739亿" in shown
    code, out, _ = run("check", "--question", "demo.params", "1000亿", "--bank", bank, "--lang", "zh")
    assert (code, out.splitlines()[0]) == (1, "✗ 不对：你的答案 1000亿；参考答案 1739亿（偏小 43%）。")
    assert "容差：rel 0.02" in out
    assert english_in(out) == []
    _, english, _ = run("show", "demo.params", "--answer", "--bank", bank)
    assert "174 billion   (formula: 12 * layers * d_model^2)" in english


def test_one_run_in_chinese_leaves_the_next_in_english(bank: str) -> None:
    assert run("show", "demo.pik", "--bank", bank, "--lang", "zh")[2].startswith("错误：")
    # `grade` has no --lang: it follows QUIZZER_LANG, and English without it, whatever ran before.
    assert run("grade", "nope.py")[2] == "error: nope.py: no such file\n"
    assert run("grade", "nope.py", env={"QUIZZER_LANG": "zh"})[2] == "错误：nope.py：文件不存在\n"
