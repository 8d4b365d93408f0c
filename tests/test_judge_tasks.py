"""Every task's data holds up: the reference passes, the starter fails, every known bug is caught and named.

One child per task grades the reference, the starter and all bug variants (quizzer.judge.selfcheck); the
selected tasks are checked two at a time, once per session.
"""

from __future__ import annotations

import ast
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from quizzer.judge import catalog
from quizzer.judge.grading import solution_path
from quizzer.judge.selfcheck import Checked, check, layout_problems
from quizzer.judge.starter import starter_path, starter_text

TASKS = sorted(p.name for p in catalog.task_folders())
EXEMPLARS = ("attention", "multi_head_attention", "flash_attention", "rmsnorm")


@pytest.fixture(scope="module")
def checks(request: pytest.FixtureRequest) -> dict[str, Future[list[Checked]]]:
    """The self-check of every task this session selected, started together."""
    wanted = sorted({item.callspec.params["task"] for item in request.session.items
                     if item.module is request.module and hasattr(item, "callspec") and "task" in item.callspec.params})
    pool = ThreadPoolExecutor(max_workers=2)
    request.addfinalizer(lambda: pool.shutdown(wait=False, cancel_futures=True))
    return {task: pool.submit(check, task) for task in wanted}


def by_label(checks: dict[str, Future[list[Checked]]], task: str) -> dict[str, Checked]:
    return {c.label: c for c in checks[task].result(timeout=600)}


def test_the_exemplar_tasks_exist() -> None:
    assert set(EXEMPLARS) <= set(TASKS)
    assert len(TASKS) == 38


def test_every_task_folder_is_complete() -> None:
    assert layout_problems() == []


@pytest.mark.parametrize("task", TASKS)
def test_task_files_agree_with_the_catalog(task: str) -> None:
    info = catalog.tasks()[task]
    for path in (starter_path(task), solution_path(task)):
        names = {n.name for n in ast.parse(path.read_text(encoding="utf-8")).body
                 if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        assert set(info.functions) <= names, f"{path} lacks {set(info.functions) - names}"
    assert starter_text(task).startswith(f"# quizzer: task={task}\n")


@pytest.mark.parametrize("task", TASKS)
def test_starter_signatures_match_the_reference(task: str) -> None:
    def signatures(path: Path) -> dict[str, str]:
        out = {}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
                out[node.name] = ast.unparse(node.args)
        return out

    starter, reference = signatures(starter_path(task)), signatures(solution_path(task))
    assert {k: reference.get(k) for k in starter} == starter


@pytest.mark.parametrize("task", TASKS)
def test_reference_passes(task: str, checks: dict[str, Future[list[Checked]]]) -> None:
    reference = by_label(checks, task)["reference"]
    assert reference.problem is None
    assert reference.verdict.passed and len(reference.verdict.cases) >= 6
    # Labels give shapes and dtypes; hidden inputs never leak through them.
    assert not [c.label for c in reference.verdict.cases if "tensor(" in c.label or "[[" in c.label]


@pytest.mark.parametrize("task", TASKS)
def test_starter_fails_every_case(task: str, checks: dict[str, Future[list[Checked]]]) -> None:
    starter = by_label(checks, task)["starter"]
    assert starter.problem is None
    assert {c.message for c in starter.verdict.cases} == {"not implemented yet (raises NotImplementedError)"}


@pytest.mark.parametrize("task", TASKS)
def test_every_known_bug_is_rejected_and_named(task: str, checks: dict[str, Future[list[Checked]]]) -> None:
    results = by_label(checks, task)
    problems = {label: c.problem for label, c in results.items() if label not in ("reference", "starter") and c.problem}
    assert problems == {}
    bugs = [c for label, c in results.items() if label not in ("reference", "starter")]
    need = catalog.tasks()[task].min_bugs
    assert len(bugs) >= need
    # The common mistakes are explained, not just rejected.
    assert sum(c.hinted for c in bugs) >= min(4, need)


@pytest.mark.parametrize("task", ["flash_attention"])
def test_a_full_score_matrix_is_caught_by_the_allocation_watch(task: str,
                                                               checks: dict[str, Future[list[Checked]]]) -> None:
    naive = by_label(checks, task)["full_scores"]  # plain softmax(q k^T) v: right values, wrong memory
    assert [c.name for c in naive.verdict.failed] == ["no_full_scores"]
    assert naive.verdict.failed[0].message.startswith("allocated a tensor of shape (2, 512, 512) in aten.bmm")


def test_the_self_check_rejects_an_incomplete_or_cluttered_task(tmp_path: Path) -> None:
    tasks, solutions = tmp_path / "tasks", tmp_path / "solutions"
    solutions.mkdir()
    for task in ("good", "no_cases", "cluttered", "unsolved"):
        (tasks / task).mkdir(parents=True)
        (tasks / task / "task.yaml").write_text(
            "title: T\norder: 1\nfunctions: [f]\nsource: []\nforbidden: []\nmin_bugs: 2\n", encoding="utf-8")
        for name in ("cases.py", "starter.py"):
            (tasks / task / name).write_text("", encoding="utf-8")
        (tasks / task / "__pycache__").mkdir()
        if task != "unsolved":
            (solutions / f"{task}.py").write_text("", encoding="utf-8")
    (tasks / "no_cases" / "cases.py").unlink()
    (tasks / "cluttered" / "notes.txt").write_text("", encoding="utf-8")
    (tasks / "cluttered" / "task.yaml").write_text("title: T\n", encoding="utf-8")
    (tasks / "loose.py").write_text("", encoding="utf-8")
    (solutions / "orphan.py").write_text("", encoding="utf-8")
    found = [p.replace(str(tmp_path), "") for p in layout_problems(tasks, solutions)]
    assert found == [
        "/tasks/loose.py: stray file (tasks/ holds one folder per task)",
        "/tasks/cluttered: stray file notes.txt (a task folder holds task.yaml, cases.py, starter.py)",
        "/tasks/cluttered/task.yaml: missing key 'order'; missing key 'functions'; missing key 'source'; "
        "missing key 'forbidden'; missing key 'min_bugs'",
        "/tasks/no_cases: missing cases.py",
        "/tasks/unsolved: no reference solution /solutions/unsolved.py",
        "/solutions/orphan.py: a solution without a task folder",
    ]
