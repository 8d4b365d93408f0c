"""The judge's parent-side pieces that never start a child: header, forbidden-name scan, comparison."""

from __future__ import annotations

import ast
from array import array

import pytest

from quizzer.judge.compare import float32_grade_only, matches, mismatch
from quizzer.judge.protocol import encode_values
from quizzer.judge.static import forbidden_uses, header_task

SDPA = "torch.nn.functional.scaled_dot_product_attention"
ATTENTION = (SDPA, "torch.nn.MultiheadAttention", "torch.nn.functional.multi_head_attention_forward")


def uses(source: str, forbidden: tuple[str, ...] = ATTENTION) -> list[tuple[str, int]]:
    return [(u.name, u.line) for u in forbidden_uses(ast.parse(source), forbidden)]


@pytest.mark.parametrize("source", [
    "import torch.nn.functional as F\nF.scaled_dot_product_attention(q, k, v)",
    "import torch\ntorch.nn.functional.scaled_dot_product_attention(q, k, v)",
    "from torch.nn import functional as F\nF.scaled_dot_product_attention",
    "from torch.nn.functional import scaled_dot_product_attention as sdpa",
    "from torch.nn.functional import *\nscaled_dot_product_attention(q, k, v)",
    "import torch.nn.functional as F\ngetattr(F, 'scaled_dot_product_attention')(q, k, v)",
    "import torch\ntorch._C._nn.scaled_dot_product_attention(q, k, v)",
])
def test_every_spelling_of_a_forbidden_api_is_found(source: str) -> None:
    assert [name for name, _ in uses(source)] == [SDPA]


def test_forbidden_use_reports_the_line_and_each_name_once() -> None:
    source = "import torch\nfrom torch import nn\n\nm = nn.MultiheadAttention(8, 2)\nn2 = nn.MultiheadAttention(8, 2)\n"
    assert uses(source) == [("torch.nn.MultiheadAttention", 4)]


@pytest.mark.parametrize("source", [
    "import torch\nimport torch.nn.functional as F\ny = F.softmax(x, -1)\nmodel.eval()",
    "def scaled_dot_product_attention(q, k, v):\n    return q",
    "# F.scaled_dot_product_attention is forbidden\nx = 'torch.nn.functional.scaled_dot_product_attention'",
    "F = object()\nF.scaled_dot_product_attention",
])
def test_allowed_code_is_not_flagged(source: str) -> None:
    assert uses(source) == []


def test_module_and_builtin_bans() -> None:
    assert uses("import peft", ("peft",)) == [("peft", 1)]
    assert uses("from torch.optim import AdamW", ("torch.optim",)) == [("torch.optim", 1)]
    assert uses("import torch\nopt = torch.optim.SGD", ("torch.optim",)) == [("torch.optim", 2)]
    assert uses("import importlib\nimportlib.import_module('pickle')", ("pickle",)) == [("pickle", 2)]
    assert uses("x = eval('1')", ("eval",)) == [("eval", 1)]
    assert uses("import torch\ntorch.rms_norm(x, (4,))", ("torch.nn.functional.rms_norm",)) == \
        [("torch.nn.functional.rms_norm", 2)]


@pytest.mark.parametrize(("text", "task"), [
    ("# quizzer: task=attention\nimport torch\n", "attention"),
    ('"""doc"""\n#quizzer:task = rmsnorm\n', "rmsnorm"),
    ("import torch\n", None),
    ("x = 1  # quizzer: task=attention\n", None),
])
def test_header(text: str, task: str | None) -> None:
    assert header_task(text) == task


def tensor(values: list[float], shape: list[int], dtype: str = "float32", **extra: str) -> dict:
    raw = array("d", values).tobytes()
    return {"k": "tensor", "type": "torch.Tensor", "dtype": dtype, "shape": shape, "device": "cpu", "code": "d",
            "data": encode_values(raw)} | extra


def test_values_within_the_dtype_tolerance_match() -> None:
    assert mismatch(tensor([1.0, 2.0], [2]), tensor([1.00001, 2.0], [2])) is None
    assert mismatch(tensor([1.0, 2.0], [2]), tensor([1.001, 2.0], [2])) is not None


def test_the_precision_policy_accepts_float32_grade_float64_values_of_the_right_dtype() -> None:
    exact, float32_grade = tensor([1.0, 2.0], [2], "float64"), tensor([1.00001, 2.0], [2], "float64")
    assert mismatch(exact, float32_grade) is None
    assert float32_grade_only(exact, float32_grade) and not float32_grade_only(exact, exact)
    # Only a case that demands float64 arithmetic compares float64 values at float64 accuracy.
    assert mismatch(exact, float32_grade, strict=True) is not None
    assert mismatch(exact, tensor([1.0, 2.0], [2], "float32")) == "dtype float32, expected float64 (keep the input's dtype)"
    assert mismatch(exact, tensor([1.001, 2.0], [2], "float64")) is not None
    # A float32 output loosened by the case's own atol is not a float64 precision matter.
    seq = {"k": "seq", "type": "tuple", "items": [tensor([1.0], [1]), exact]}
    assert not float32_grade_only(seq, {"k": "seq", "type": "tuple", "items": [tensor([1.01], [1]), exact]})
    assert float32_grade_only(seq, {"k": "seq", "type": "tuple", "items": [tensor([1.0], [1]), float32_grade]})


def test_value_errors_say_how_much_and_where_and_show_values_only_for_visible_cases() -> None:
    expected, got = tensor([0.0, 1.0, 2.0, 3.0], [2, 2]), tensor([0.0, 1.0, 2.5, 3.0], [2, 2])
    hidden = mismatch(expected, got)
    assert hidden == "max abs error 0.5 at [1, 0], max rel error 0.25; 1 of 4 values outside rtol=0.0001, atol=1e-05"
    assert mismatch(expected, got, show_values=True) == hidden + " (expected 2, got 2.5)"


@pytest.mark.parametrize(("got", "message"), [
    (tensor([0.0] * 4, [4]), "shape (4,), expected (2, 2) (outputs are not broadcast)"),
    (tensor([0.0] * 4, [2, 2], "float64"), "dtype float64, expected float32 (keep the input's dtype)"),
    (tensor([0.0] * 4, [2, 2], device="cuda"), "device cuda, expected cpu (keep the input's device)"),
    ({"k": "tensor", "type": "solution.Fake"},
     "returned a solution.Fake (a torch.Tensor subclass; return a plain torch.Tensor), expected a torch.Tensor"),
    ({"k": "seq", "type": "list", "items": []}, "returned a list of 0, expected a Tensor of shape (2, 2)"),
    (tensor([0.0, float("nan"), 0.0, 0.0], [2, 2]),
     "produced NaN where the expected value is finite (1 of 4 values), first at [0, 1]"),
])
def test_type_shape_dtype_device_are_exact(got: dict, message: str) -> None:
    assert mismatch(tensor([0.0] * 4, [2, 2]), got) == message


def test_infinities_match_and_bug_matching_ignores_the_device() -> None:
    inf = float("-inf")
    assert mismatch(tensor([inf, 1.0], [2]), tensor([inf, 1.0], [2])) is None
    assert matches(tensor([1.0], [1]), tensor([1.0], [1], device="cuda"), None, None)
    assert not matches(tensor([1.0], [1]), tensor([1.5], [1]), None, None)


def test_sequences_and_scalars() -> None:
    e = {"k": "seq", "type": "tuple", "items": [tensor([1.0], [1]), {"k": "int", "v": 3}]}
    a = {"k": "seq", "type": "list", "items": [tensor([1.0], [1]), {"k": "int", "v": 4}]}
    assert mismatch(e, a) == "output[1]: wrong value"
    assert mismatch({"k": "float", "v": 0.5}, {"k": "float", "v": 0.5 + 1e-12}) is None


def test_an_infinite_expected_value_needs_the_same_infinity() -> None:
    inf = float("inf")
    assert mismatch(tensor([inf, 1.0], [2]), tensor([1e30, 1.0], [2])) is not None
    assert mismatch(tensor([inf], [1]), tensor([-inf], [1])) is not None
    assert mismatch({"k": "float", "v": inf}, {"k": "float", "v": 3.0}) is not None


def test_a_dict_output_names_the_key_that_differs() -> None:
    def d(bias: float) -> dict:
        return {"k": "dict", "items": [[{"k": "str", "v": "weight"}, tensor([1.0], [1])],
                                       [{"k": "str", "v": "bias"}, tensor([bias], [1])]]}

    assert mismatch(d(0.0), d(0.0)) is None
    assert mismatch(d(0.0), d(2.0)).startswith("output['bias']: ")  # type: ignore[union-attr]
