"""A local OpenAI-compatible chat endpoint for tests: threaded, on 127.0.0.1, recording every request."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Request:
    """One request as the stub received it."""

    path: str
    headers: dict[str, str]
    raw: str

    @property
    def body(self) -> dict[str, Any]:
        """The JSON body."""
        data: dict[str, Any] = json.loads(self.raw)
        return data

    @property
    def rubric(self) -> dict[str, Any]:
        """The grading request's user message (question, reference, key points, misconceptions, answer)."""
        data: dict[str, Any] = json.loads(self.body["messages"][1]["content"])
        return data


def graded(points: int, rating: int = 3, follow_up: str | None = "Why does that hold for GQA too?",
           misconceptions: tuple[str, ...] = ()) -> str:
    """A valid reply: every key point covered, with evidence."""
    return json.dumps({"rating": rating, "key_points": [{"covered": True, "evidence": f"point {i + 1}"}
                                                        for i in range(points)],
                       "misconceptions": list(misconceptions), "feedback": "Clear and complete.",
                       "follow_up": follow_up})


@dataclass
class Stub:
    """What the next replies are; `mode` applies when `queue` is empty."""

    port: int
    mode: str = "valid"  # valid | fenced | thinking | no-json-mode | invalid-json | wrong-schema | slow | 401 | 429 | 500
    queue: list[tuple[int, str]] = field(default_factory=list)  # (status, content) answered first, in order
    requests: list[Request] = field(default_factory=list)
    slow_seconds: float = 3.0

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible base URL."""
        return f"http://127.0.0.1:{self.port}/v1"

    def content(self, request: Request) -> tuple[int, str]:
        """The status and the assistant content for one request."""
        if self.queue:
            return self.queue.pop(0)
        if self.mode in ("401", "429", "500"):
            return int(self.mode), ""
        if self.mode == "no-json-mode" and "response_format" in request.body:  # as many local servers do
            return 400, ""
        try:
            points = len(request.rubric.get("key_points", []))
        except (ValueError, IndexError, KeyError, AttributeError):
            points = 0
        if self.mode == "invalid-json":
            return 200, "Sure! The answer looks good to me."
        if self.mode == "wrong-schema":
            return 200, json.dumps({"score": 9, "comment": "fine"})
        if self.mode == "slow":
            time.sleep(self.slow_seconds)
        reply = graded(points)
        if self.mode == "thinking":
            return 200, f"<think>The answer mentions {{variance}}.</think>\n{reply}"
        return 200, f"Here is my grading:\n```json\n{reply}\n```" if self.mode == "fenced" else reply


def _handler(stub: Stub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
            request = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, raw)
            stub.requests.append(request)
            status, content = stub.content(request)
            if status == 200:
                body = {"id": "stub", "object": "chat.completion", "created": 0, "model": "stub-model",
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": content}}]}
            else:
                body = {"error": {"message": f"stub error {status}", "type": "stub", "code": str(status)}}
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up (a timeout test)
                pass

    return Handler


@pytest.fixture
def llm_stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stub]:
    """A running stub, and the environment pointed at it (model stub-model, key sk-test-secret)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    stub = Stub(server.server_address[1])
    server.RequestHandlerClass = _handler(stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("QUIZZER_LLM_BASE_URL", stub.base_url)
    monkeypatch.setenv("QUIZZER_LLM_MODEL", "stub-model")
    monkeypatch.setenv("QUIZZER_LLM_API_KEY", "sk-test-secret")
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port
