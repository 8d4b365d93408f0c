"""The one call to the endpoint, through the official openai client, imported only here and only when used."""

from __future__ import annotations

from quizzer.llm.config import LlmConfig
from quizzer.models import Text

MAX_REPLY_TOKENS = 600  # the reply is a small JSON object; a runaway model costs no more than this


class LlmUnavailable(Exception):
    """The endpoint gave no usable answer; `reason` is the one-line reason shown to the candidate."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.reason = Text(zh=zh, en=en)


def chat(config: LlmConfig, messages: list[dict[str, str]], json_mode: bool = True) -> str:
    """The assistant message's content, or LlmUnavailable saying why not (no retries: the fallback is instant).

    `json_mode` asks for a JSON object and caps the reply's length; a server that rejects either option
    (many local ones reject response_format, some hosted models max_tokens) is asked once more without them.
    """
    try:
        import openai
    except ImportError:
        raise LlmUnavailable("the openai package is not installed (pip install 'quizzer[llm]')",
                             "未安装 openai 包（pip install 'quizzer[llm]'）") from None
    client = openai.OpenAI(base_url=config.base_url, api_key=config.api_key or "none", timeout=config.timeout,
                           max_retries=0)
    extra = {"response_format": {"type": "json_object"}, "max_tokens": MAX_REPLY_TOKENS} if json_mode else {}
    try:
        reply = client.chat.completions.create(model=config.model, messages=messages, temperature=0,
                                               **extra)  # type: ignore[call-overload]
    except openai.BadRequestError:
        if json_mode:  # the prompt asks for JSON anyway
            return chat(config, messages, json_mode=False)
        raise LlmUnavailable("the endpoint rejected the request (400)", "端点拒绝了请求（400）") from None
    except openai.APITimeoutError:
        raise LlmUnavailable(f"the endpoint did not answer within {config.timeout:g} s",
                             f"端点在 {config.timeout:g} 秒内没有回应") from None
    except openai.APIConnectionError:
        raise LlmUnavailable(f"cannot connect to {config.base_url}", f"无法连接 {config.base_url}") from None
    except openai.AuthenticationError:
        raise LlmUnavailable("the endpoint refused the API key (401)", "端点拒绝了 API key（401）") from None
    except openai.RateLimitError:
        raise LlmUnavailable("the endpoint is rate-limiting requests (429)", "端点正在限流（429）") from None
    except openai.APIStatusError as exc:
        raise LlmUnavailable(f"the endpoint answered HTTP {exc.status_code}",
                             f"端点返回 HTTP {exc.status_code}") from None
    except openai.OpenAIError as exc:
        raise LlmUnavailable(f"the endpoint call failed ({type(exc).__name__})",
                             f"调用端点失败（{type(exc).__name__}）") from None
    choices = getattr(reply, "choices", None) or []
    content = choices[0].message.content if choices else None
    if not content:
        raise LlmUnavailable("the reply was empty", "回复为空")
    return str(content)
