"""The bank loader names file, line and question id for every problem, and never runs bank text."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.bank import load_catalog
from quizzer.cli import app

pytestmark = pytest.mark.usefixtures("no_builtin_banks")

GOOD = """\
topic: demo
title: {zh: 演示, en: Demo}
questions:
  - id: demo.kv
    kind: numeric
    difficulty: 2
    tags: [kv-cache]
    source: [hot.calc1]
    prompt: {zh: "batch={batch} 的 KV cache 多大？单位 GB", en: "KV cache at batch={batch}? Answer in GB"}
    params: {layers: 32, hidden: 4096, batch: 4, seq: 2048, bytes: 2}
    vary: {batch: [1, 4]}
    formula: 2 * bytes * layers * batch * seq * hidden
    unit: B
    display: GB
    tolerance: {rel: 0.03}
    expected: 4.29 GB
    explanation: {zh: "= {answer}", en: "= {answer}"}
"""


def write(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    return [str(p) for p in load_catalog([path], thorough=True).problems if p.file == str(path)]


def test_a_good_bank_loads(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    catalog = load_catalog([path], thorough=True)
    assert problems(path) == []
    q = catalog.find("demo.kv")
    assert q is not None and q.line == 4 and q.topic == "demo"


@pytest.mark.parametrize(
    "change, line, message",
    [
        (("    unit: B\n", "    unit: B\n    colour: red\n"), 14, "demo.kv: unknown key 'colour'"),
        (("expected: 4.29 GB", "expected: 2 GB"), 16, "expected '2 GB' does not match the formula"),
        (("hot.calc1", "hot.nope"), 8, "demo.kv: unknown source 'hot.nope'"),
        (("2 * bytes * layers", "2 * bites * layers"), 12, "undeclared names: bites"),
        (("vary: {batch: [1, 4]}", "vary: {seq: [1, 4]}"), 9, "vary.seq changes but the zh prompt does not show {seq}"),
        (("display: GB", "display: TFLOP"), 14, "does not measure the same thing"),
        (("difficulty: 2", "difficulty: 9"), 6, "difficulty must be 1, 2 or 3"),
        (("formula: 2 * bytes", "formula: 2 ** bytes ** 99 * bytes"), 12, "cannot compute the answer"),
        (("id: demo.kv", "id: other.kv"), 4, "id must be 'demo.<slug>'"),
    ],
)
def test_each_problem_names_file_line_and_id(tmp_path: Path, change: tuple[str, str], line: int, message: str) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    found = problems(path)
    assert any(p.startswith(f"{path}:{line}: ") and message in p for p in found), found


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    unit: B\n", "    unit: [B\n"))
    (found,) = problems(path)
    assert found.startswith(f"{path}:14: invalid YAML")


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    unit: B\n", "    unit: B\n    unit: FLOP\n"))
    (found,) = problems(path)
    assert found == f"{path}:14: duplicate key 'unit' (first on line 13)"


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    path = write(tmp_path, GOOD.replace("topic: demo", "topic: demo2").replace("demo.kv", "demo2.kv"), "demo2.yaml")
    path.write_text(path.read_text().replace("demo2.kv", "demo2.kv") + GOOD.split("questions:\n")[1].replace("demo.kv", "demo2.kv"))
    found = problems(path)
    assert any("demo2.kv: duplicate id" in p for p in found), found


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("tags: [kv-cache]", "tags: !!python/object/apply:os.system ['touch pwned']"))
    (found,) = problems(path)
    assert "invalid YAML" in found and not (Path.cwd() / "pwned").exists()


def test_missing_and_wrong_kind_fields(tmp_path: Path) -> None:
    bank = GOOD.split("    params:")[0].replace("kind: numeric", "kind: concept")
    path = write(tmp_path, bank)
    found = problems(path)
    assert f"{path}:4: demo.kv: concept question is missing 'answer'" in found
    assert f"{path}:4: demo.kv: concept question is missing 'key_points'" in found


def test_validate_command_reports_json_and_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("difficulty: 2", "difficulty: 9"))
    result = CliRunner().invoke(app, ["validate", str(path), "--json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert {"file": str(path), "line": 6, "message": "demo.kv: difficulty must be 1, 2 or 3"} in data["errors"]


def test_validate_names_a_missing_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.yaml'}: no such file or folder" in result.stderr


CODE = """\
topic: demo
title: {zh: 演示, en: Demo}
questions:
  - id: demo.hand
    kind: code
    difficulty: 3
    tags: [attention]
    source: [adv.m1]
    prompt: {zh: 手写注意力, en: Write attention}
    task: %s
"""


def test_a_code_question_must_name_a_known_task(tmp_path: Path) -> None:
    path = write(tmp_path, CODE % "attention_v9")
    for thorough in (False, True):  # from the cache and from the files
        (found,) = [str(p) for p in load_catalog([path], thorough=thorough, tasks={"attention"}).problems]
        assert found == f"{path}:10: demo.hand: unknown task 'attention_v9'"
    assert load_catalog([path]).problems == ()  # no task list: not checked
    good = tmp_path / "good"
    good.mkdir()
    assert load_catalog([write(good, CODE % "attention")], tasks={"attention"}).problems == ()
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and "demo.hand: unknown task 'attention_v9'" in result.stderr


def test_validate_flags_one_estimate_asked_twice_and_near_identical_prompts(tmp_path: Path) -> None:
    renamed = (GOOD.replace("demo.kv", "demo.kv-again").replace("layers", "n_layers").replace("hidden", "d_model")
               .replace("KV cache at batch={batch}? Answer in GB", "The KV cache at batch={batch}? Answer in GB")
               .split("questions:\n")[1])
    long_prompt = "How much memory does the KV cache of this model take at batch={batch}? Answer in GB"
    same_prompt = GOOD.replace("demo.kv", "demo.kv-three").replace("seq: 2048", "seq: 4096").replace(
        "4.29 GB", "8.59 GB").replace("KV cache at batch={batch}? Answer in GB", long_prompt).split("questions:\n")[1]
    first = GOOD.replace("KV cache at batch={batch}? Answer in GB", long_prompt)
    bank = write(tmp_path, first + renamed + same_prompt)
    problems = [p.message for p in load_catalog([bank], thorough=True).problems]
    assert "demo.kv-again: computes the same thing as demo.kv; merge the two or make them ask different things" \
        in problems
    assert any(m.startswith("demo.kv-three: its prompt is nearly the same as demo.kv's") for m in problems)
    # Start-up never pays for the pairwise comparison.
    assert load_catalog([bank]).problems == ()


def test_a_merged_question_answers_to_its_old_id(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    source: [hot.calc1]\n", "    source: [hot.calc1]\n    aliases: [demo.old-kv]\n"))
    catalog = load_catalog([path], thorough=True)
    assert problems(path) == []
    merged = catalog.find("demo.old-kv")
    assert merged is not None and merged.id == "demo.kv"


def test_an_alias_may_not_be_another_questions_id(tmp_path: Path) -> None:
    text = GOOD.replace("    source: [hot.calc1]\n", "    source: [hot.calc1]\n    aliases: [demo.kv2]\n")
    text += GOOD.split("questions:\n")[1].replace("demo.kv", "demo.kv2")
    path = write(tmp_path, text)
    assert any("alias 'demo.kv2' is already the id of a question" in p for p in problems(path)), problems(path)

