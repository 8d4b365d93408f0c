"""The LLM grader against a local stub endpoint: the request, the reply, every fallback, the cache, privacy."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import demo_bank
from tests.llm_stub import Stub, closed_port, graded  # the llm_stub fixture comes from conftest

runner = CliRunner()
GOOD_ANSWER = "The dot product has variance d_k, so unscaled scores saturate the softmax."


@pytest.fixture
def bank(tmp_path: Path, no_builtin_banks: Path) -> str:
    """tests/data/banks/check.yaml: demo.why-sqrt is a concept question with three key points."""
    return str(demo_bank(tmp_path, "check"))


def check(bank: str, answer: str, *args: str) -> tuple[int, dict, str]:
    result = runner.invoke(app, ["check", "--question", "demo.why-sqrt", answer, "--json", "--bank", bank, *args])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_a_valid_reply_grades_the_answer(bank: str, llm_stub: Stub) -> None:
    code, data, _ = check(bank, "variance, I think")
    assert (code, data["grader"], data["verdict"], data["rating"]) == (0, "llm", "correct", 3)
    assert [p["covered"] for p in data["key_points"]] == [True, True, True]
    assert data["message"] == "3/3 key points covered · Clear and complete."
    assert "note" not in data


def test_the_request_carries_the_rubric_and_the_key_only_as_a_header(bank: str, llm_stub: Stub) -> None:
    check(bank, GOOD_ANSWER)
    [request] = llm_stub.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test-secret"
    assert "sk-test-secret" not in request.raw
    assert request.body["model"] == "stub-model"
    assert request.rubric == {
        "question": "Why divide attention scores by sqrt(d_k)?",
        "reference_answer": "It keeps the dot products at unit variance.",
        "key_points": ["The dot product has variance d_k", "Softmax saturates", "Gradients vanish"],
        "misconceptions": ["The scaling is there to save compute"],
        "candidate_answer": GOOD_ANSWER}
    assert '"rating": 1|2|3' in request.body["messages"][0]["content"]


def test_the_rubric_is_sent_in_the_questions_language(bank: str, llm_stub: Stub) -> None:
    check(bank, "方差为 d_k", "--lang", "zh")
    rubric = llm_stub.requests[0].rubric
    assert rubric["question"] == "为什么除以 sqrt(d_k)？" and rubric["key_points"][0] == "点积方差为 d_k"
    assert "你是一位严格的" in llm_stub.requests[0].body["messages"][0]["content"]


def test_a_long_answer_is_cut_so_the_request_stays_bounded(bank: str, llm_stub: Stub) -> None:
    check(bank, "variance " * 5000)
    assert len(llm_stub.requests[0].rubric["candidate_answer"]) < 4100
    assert len(llm_stub.requests[0].raw) < 8000


@pytest.mark.parametrize("mode", ["fenced", "thinking"])
def test_a_reply_inside_a_json_fence_or_after_thinking_is_read(bank: str, llm_stub: Stub, mode: str) -> None:
    llm_stub.mode = mode
    code, data, _ = check(bank, "variance")
    assert (code, data["grader"]) == (0, "llm")


def test_a_server_without_json_mode_is_asked_again_without_it(bank: str, llm_stub: Stub) -> None:
    llm_stub.mode = "no-json-mode"
    code, data, _ = check(bank, "variance")
    assert (code, data["grader"]) == (0, "llm")
    first, second = llm_stub.requests
    assert first.body["response_format"] == {"type": "json_object"} and first.body["max_tokens"] == 600
    assert "response_format" not in second.body and "max_tokens" not in second.body


@pytest.mark.parametrize(("mode", "reason"), [
    ("invalid-json", "the reply is not JSON (Expecting value)"),
    ("wrong-schema", "the reply lacks rating, key_points, misconceptions, feedback"),
    ("slow", "the endpoint did not answer within 0.5 s"),
    ("401", "the endpoint refused the API key (401)"),
    ("429", "the endpoint is rate-limiting requests (429)"),
    ("500", "the endpoint answered HTTP 500"),
])
def test_each_failure_falls_back_to_key_points_with_a_note(bank: str, llm_stub: Stub, mode: str, reason: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZZER_LLM_TIMEOUT", "0.5")
    llm_stub.mode = mode
    code, data, _ = check(bank, GOOD_ANSWER)
    assert (code, data["grader"], data["verdict"]) == (0, "keypoints", "correct")
    assert data["note"] == f"LLM grading unavailable: {reason}; judged by key points"
    assert len(llm_stub.requests) == 1  # no retries: the fallback is immediate


def test_a_refused_connection_falls_back(bank: str, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    monkeypatch.setenv("QUIZZER_LLM_BASE_URL", url)
    monkeypatch.setenv("QUIZZER_LLM_MODEL", "m")
    code, data, _ = check(bank, GOOD_ANSWER)
    assert (code, data["grader"]) == (0, "keypoints")
    assert data["note"] == f"LLM grading unavailable: cannot connect to {url}; judged by key points"


@pytest.mark.parametrize("reply", [
    {"rating": True, "key_points": [], "misconceptions": [], "feedback": "x"},
    {"rating": 4, "key_points": [{"covered": True, "evidence": ""}] * 3, "misconceptions": [], "feedback": "x"},
    {"rating": 3, "key_points": [{"covered": True, "evidence": ""}] * 2, "misconceptions": [], "feedback": "x"},
    {"rating": 3, "key_points": [{"covered": "yes", "evidence": ""}] * 3, "misconceptions": [], "feedback": "x"},
    {"rating": 3, "key_points": [{"covered": True, "evidence": ""}] * 3, "misconceptions": "none", "feedback": "x"},
    {"rating": 3, "key_points": [{"covered": True, "evidence": ""}] * 3, "misconceptions": [], "feedback": "x",
     "follow_up": 7},
])
def test_replies_off_the_contract_are_not_used(bank: str, llm_stub: Stub, reply: dict) -> None:
    llm_stub.queue.append((200, json.dumps(reply)))
    _, data, _ = check(bank, GOOD_ANSWER)
    assert data["grader"] == "keypoints" and data["note"].startswith("LLM grading unavailable: ")


def test_a_misconception_the_llm_names_comes_with_the_banks_correction(bank: str, llm_stub: Stub) -> None:
    llm_stub.queue.append((200, graded(3, rating=1, misconceptions=("The scaling is there to save compute",
                                                                    "Softmax is linear"))))
    code, data, _ = check(bank, "variance and saturation")
    assert (code, data["grader"], data["verdict"]) == (1, "llm", "wrong")
    assert data["misconceptions"] == [
        {"text": "The scaling is there to save compute",
         "correction": "The scaling costs the same compute; it controls the range of the softmax input."},
        {"text": "Softmax is linear", "correction": ""}]


def test_the_same_answer_is_graded_from_the_cache(bank: str, llm_stub: Stub) -> None:
    first = check(bank, GOOD_ANSWER)
    second = check(bank, GOOD_ANSWER)
    assert first[:2] == second[:2] and len(llm_stub.requests) == 1
    check(bank, GOOD_ANSWER + " Gradients vanish too.")
    assert len(llm_stub.requests) == 2


def test_a_failed_reply_is_not_cached(bank: str, llm_stub: Stub) -> None:
    llm_stub.mode = "500"
    check(bank, GOOD_ANSWER)
    llm_stub.mode = "valid"
    _, data, _ = check(bank, GOOD_ANSWER)
    assert data["grader"] == "llm" and len(llm_stub.requests) == 2


def test_keypoints_grader_sends_nothing(bank: str, llm_stub: Stub) -> None:
    code, data, stderr = check(bank, GOOD_ANSWER, "--grader", "keypoints")
    assert (code, data["grader"], llm_stub.requests, stderr) == (0, "keypoints", [], "")


def test_the_first_call_says_once_where_answers_go(bank: str, llm_stub: Stub) -> None:
    _, _, stderr = check(bank, GOOD_ANSWER)
    assert stderr == (f"note: concept answers will be sent to {llm_stub.base_url} (model stub-model) for grading; "
                      f"--grader keypoints keeps them on this machine\n")
    assert check(bank, "variance")[2] == ""


def test_sharp_disagreement_shows_both_judgements(bank: str, llm_stub: Stub) -> None:
    result = runner.invoke(app, ["check", "--question", "demo.why-sqrt", "we scale to reduce computation",
                                 "--bank", bank])
    assert result.exit_code == 0  # the LLM says Good and decides
    assert "judged by the LLM" in result.stdout
    assert ("the key points judge differently: 0/3 key points covered · states a misconception"
            in result.stdout)


def test_llm_grader_with_nothing_configured_is_a_usage_error(bank: str) -> None:
    result = runner.invoke(app, ["check", "--question", "demo.why-sqrt", "x", "--grader", "llm", "--bank", bank])
    assert result.exit_code == 2
    assert result.stderr == ("error: --grader llm: no LLM endpoint is configured (QUIZZER_LLM_BASE_URL and "
                             "QUIZZER_LLM_MODEL are not set); use --grader keypoints\n")


def test_without_the_openai_package_key_points_judge_with_a_note(bank: str, llm_stub: Stub,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openai", None)  # import openai raises ImportError
    code, data, _ = check(bank, GOOD_ANSWER)
    assert (code, data["grader"], llm_stub.requests) == (0, "keypoints", [])
    assert data["note"] == ("LLM grading unavailable: the openai package is not installed "
                            "(pip install 'quizzer[llm]'); judged by key points")


def test_the_fallback_note_is_in_the_questions_language(bank: str, llm_stub: Stub) -> None:
    llm_stub.mode = "500"
    _, data, _ = check(bank, "方差为 d_k", "--lang", "zh")
    assert data["note"] == "LLM 评分不可用：端点返回 HTTP 500；改用要点评分"
