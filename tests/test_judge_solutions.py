"""Solutions written the way candidates and public code write them, each graded with the verdict it deserves.

The corpus is tests/judge_solutions/<task>/<label>.pass.py / .fail.py (see tests/judge_runs.py for the
`# expect` lines); the selected files are graded once per session, one child per task.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizzer.judge import catalog
from quizzer.judge.verdict import CaseResult, Ladder, Verdict
from tests.judge_runs import Solution, corpus, grade_all, problems, read

CORPUS = corpus()


@pytest.fixture(scope="module")
def verdicts(request: pytest.FixtureRequest) -> dict[str, Verdict]:
    """Every file this session selected, graded."""
    wanted = {item.callspec.params["solution"].id for item in request.session.items
              if item.module is request.module and hasattr(item, "callspec") and "solution" in item.callspec.params}
    return grade_all([s for s in CORPUS if s.id in wanted])


def test_the_corpus_names_real_tasks() -> None:
    assert {s.task for s in CORPUS} <= set(catalog.tasks())
    assert any(not s.passes for s in CORPUS) and any(s.passes for s in CORPUS)


@pytest.mark.parametrize("solution", CORPUS, ids=lambda s: s.id)
def test_each_solution_gets_its_verdict(solution: Solution, verdicts: dict[str, Verdict]) -> None:
    assert problems(solution, verdicts[solution.id]) == []


def test_an_expectation_that_does_not_hold_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "rope" / "slip.fail.py"
    path.parent.mkdir()
    path.write_text("# expect hint: interleaved\n# expect failed: a\n# expect forbidden: torch.optim\nimport torch\n",
                    encoding="utf-8")
    verdict = Verdict("rope", "slip.py", "cpu", (CaseResult("a", False, "off", Ladder(None, "another hint")),
                                                 CaseResult("b", False, "off")))
    found = problems(read(path), verdict)
    assert [p.split(" ")[0] for p in found] == ["neither", "failed", "forbidden"]
    assert problems(read(path), Verdict("rope", "slip.py", "cpu", (CaseResult("a", True),))) == [
        "should fail, passed every case"]


def test_report_expectations_pin_what_a_person_reads(tmp_path: Path) -> None:
    path = tmp_path / "rope" / "slip.fail.py"
    path.parent.mkdir()
    path.write_text("# expect shown: off by 2\n# expect absent: another hint\n# expect diagnosis: interleaved\n",
                    encoding="utf-8")
    verdict = Verdict("rope", "slip.py", "cpu", (CaseResult("a", False, "off by 2", Ladder(None, "another hint")),))
    found = problems(read(path), verdict)
    assert [p.split(" ")[0] for p in found] == ["the", "diagnosed"]
    assert "must not" in found[0]
