"""The LLM grader in practice, history and `llm status`; with nothing configured, no socket is opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import REPO, demo_bank
from tests.llm_stub import Stub, closed_port, graded  # the llm_stub fixture comes from conftest

runner = CliRunner()
ANSWER = "The dot product has variance d_k, so unscaled scores saturate the softmax.\n\n"


@pytest.fixture
def bank(tmp_path: Path, no_builtin_banks: Path) -> str:
    """tests/data/banks/check.yaml: demo.why-sqrt is a concept question with three key points."""
    return str(demo_bank(tmp_path, "check"))


def practice(bank: str, answers: str, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["practice", "--bank", bank, "--id", "demo.why-sqrt", *extra], input=answers)
    return result.exit_code, result.stdout


def history() -> list[dict]:
    return json.loads(runner.invoke(app, ["history", "--json"]).stdout)


def test_practice_stores_which_grader_judged(bank: str, llm_stub: Stub) -> None:
    code, out = practice(bank, ANSWER + "\n")
    assert code == 0 and "judged by the LLM" in out
    practice(bank, ANSWER + "\n", "--grader", "keypoints")
    assert [a["grader"] for a in history()] == ["keypoints", "llm"]
    assert len(llm_stub.requests) == 1


def test_a_failed_call_still_saves_the_attempt(bank: str, llm_stub: Stub) -> None:
    llm_stub.mode = "429"
    code, out = practice(bank, ANSWER + "\n")
    assert code == 0
    assert "note: LLM grading unavailable: the endpoint is rate-limiting requests (429); judged by key points" in out
    [attempt] = history()
    assert (attempt["grader"], attempt["verdict"]) == ("keypoints", "correct")


def test_follow_up_is_asked_answered_and_graded(bank: str, llm_stub: Stub) -> None:
    llm_stub.queue += [(200, graded(3)), (200, graded(0, rating=2, follow_up=None))]
    code, out = practice(bank, ANSWER + "\n" + "Each KV head is shared, the scaling is per head.\n\n",
                         "--follow-up")
    assert code == 0
    assert "the interviewer follows up: Why does that hold for GQA too?" in out
    assert "~ your follow-up answer: Hard: Clear and complete." in out
    follow = llm_stub.requests[1].rubric
    assert (follow["question"], follow["key_points"]) == ("Why does that hold for GQA too?", [])
    assert follow["candidate_answer"] == "Each KV head is shared, the scaling is per head."


def test_follow_up_without_one_in_the_reply_asks_for_it(bank: str, llm_stub: Stub) -> None:
    llm_stub.queue += [(200, graded(3, follow_up=None)), (200, json.dumps({"follow_up": "And for MQA?"})),
                       (200, graded(0))]
    code, out = practice(bank, ANSWER + "\n" + "The same.\n\n", "--follow-up")
    assert code == 0 and "follows up: And for MQA?" in out and "✓ your follow-up answer: Good" in out
    assert len(llm_stub.requests) == 3


def test_follow_up_needs_an_llm(bank: str) -> None:
    result = runner.invoke(app, ["practice", "--bank", bank, "--follow-up"])
    assert result.exit_code == 2
    assert result.stderr == ("error: --follow-up needs an LLM grader: set QUIZZER_LLM_BASE_URL and QUIZZER_LLM_MODEL "
                             "(and leave out --grader keypoints)\n")


def test_status_shows_the_endpoint_and_that_it_answers(llm_stub: Stub) -> None:
    result = runner.invoke(app, ["llm", "status"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [f"endpoint: {llm_stub.base_url}", "model:    stub-model",
                         "API key:  from QUIZZER_LLM_API_KEY · timeout 20 s"]
    assert lines[3].startswith("✓ answers in ")
    assert "sk-test-secret" not in result.stdout and len(llm_stub.requests) == 1


def test_status_json(llm_stub: Stub) -> None:
    llm_stub.mode = "401"
    result = runner.invoke(app, ["llm", "status", "--json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert {k: v for k, v in data.items() if k != "seconds"} == {
        "version": 1, "configured": True, "base_url": llm_stub.base_url, "model": "stub-model",
        "api_key": "QUIZZER_LLM_API_KEY", "timeout": 20.0, "missing": [], "client_installed": True,
        "answers": False, "reason": "the endpoint refused the API key (401)"}


def test_status_with_a_refused_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZZER_LLM_BASE_URL", f"http://127.0.0.1:{closed_port()}/v1")
    monkeypatch.setenv("QUIZZER_LLM_MODEL", "m")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-other")
    result = runner.invoke(app, ["llm", "status", "--json"])
    data = json.loads(result.stdout)
    assert (result.exit_code, data["answers"], data["api_key"]) == (1, False, "OPENAI_API_KEY")
    assert data["reason"].startswith("cannot connect to http://127.0.0.1:")


def test_status_with_nothing_configured_sends_nothing() -> None:
    result = runner.invoke(app, ["llm", "status"])
    assert result.exit_code == 0
    assert result.stdout.startswith("no LLM configured (QUIZZER_LLM_BASE_URL and QUIZZER_LLM_MODEL not set)")


def test_status_speaks_chinese_with_lang_zh(llm_stub: Stub) -> None:
    result = runner.invoke(app, ["llm", "status", "--lang", "zh"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [f"接口：{llm_stub.base_url}", "模型：stub-model", "API 密钥：来自 QUIZZER_LLM_API_KEY · 超时 20 秒"]
    assert lines[3].startswith("✓ 有应答，用时 ") and lines[3].endswith(" 秒")


def test_a_bad_timeout_is_a_usage_error(bank: str, llm_stub: Stub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZZER_LLM_TIMEOUT", "soon")
    result = runner.invoke(app, ["check", "--question", "demo.why-sqrt", "x", "--bank", bank])
    assert (result.exit_code, result.stderr) == (
        2, "error: QUIZZER_LLM_TIMEOUT must be a positive number of seconds, not 'soon'\n")


# Grades a concept answer and practises one question with no LLM settings; any socket connection fails the run,
# and openai must not even be imported.
NO_NETWORK = """
import socket, sys, runpy
def refuse(self, *args):
    raise SystemExit('a socket was opened: ' + repr(args))
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
sys.argv = ['quizzer', *sys.argv[1:]]
try:
    runpy.run_module('quizzer', run_name='__main__')
except SystemExit as exc:
    if exc.code not in (0, 1, None):
        raise
print('OPENAI=' + str('openai' in sys.modules))
"""


@pytest.mark.parametrize("args", [
    ["check", "--question", "demo.why-sqrt", "variance d_k and saturation", "--json"],
    ["llm", "status"],
])
def test_with_nothing_configured_no_socket_is_opened(bank: str, args: list[str], isolated_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZZER_LLM_", "OPENAI_"))}
    env |= {"PYTHONPATH": str(REPO), "QUIZZER_HOME": str(isolated_home)}
    out = subprocess.run([sys.executable, "-c", NO_NETWORK, *args, *(["--bank", bank] if args[0] == "check" else [])],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("OPENAI=False")


def test_an_older_history_gains_the_grader_column(isolated_home: Path) -> None:
    import sqlite3

    from quizzer.store import open_store
    from quizzer.store.migrations import m001_attempts, m002_cards, m003_mocks, m004_task_passes

    isolated_home.mkdir(parents=True)
    conn = sqlite3.connect(isolated_home / "history.sqlite3")
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for migration in (m001_attempts, m002_cards, m003_mocks, m004_task_passes):
        migration(conn)
        conn.execute("INSERT INTO _migrations VALUES (?, '2026-01-01')", (migration.__name__,))
    conn.execute("INSERT INTO attempts (question_id, topic, kind, answer, verdict, score, seconds, mode, session_id,"
                 " answered_at) VALUES ('demo.x', 'demo', 'concept', 'a', 'correct', 1, 3, 'practice', 's',"
                 " '2026-01-01T00:00:00+00:00')")
    conn.commit()
    conn.close()
    open_store().close()
    [attempt] = history()
    assert (attempt["question_id"], attempt["grader"]) == ("demo.x", None)


def test_practice_shows_both_judgements_when_the_llm_fails_an_answer_the_key_points_pass(
        bank: str, llm_stub: Stub) -> None:
    llm_stub.queue.append((200, graded(3, rating=1)))
    code, out = practice(bank, ANSWER + "\n")
    assert code == 0
    assert "judged by the LLM\nthe key points judge differently: 2/3 key points covered\n" in out
    assert history()[0]["verdict"] == "wrong"  # Enter took the LLM's suggestion, Again
