"""Scale without timing: what a command reads grows with what it shows, not with the number of bank files."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizzer.bank import cache, catalog, load_catalog
from quizzer.cli import app

BANK = """\
topic: {topic}
title: {{zh: 演示, en: Demo}}
questions:
""" + "".join(f"""\
  - id: {{topic}}.pick{i}
    kind: choice
    difficulty: 1
    tags: [moe]
    source: [basic.q11]
    prompt: {{{{zh: "几个专家？", en: "{{en}} ({i})"}}}}
    options: [{{{{zh: 一个, en: one}}}}, {{{{zh: 两个, en: two}}}}]
    correct: [B]
""" for i in range(3))

pytestmark = pytest.mark.usefixtures("isolated_home", "no_builtin_banks")


def _banks(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"demo{i}.yaml" for i in range(n)]
    for i, path in enumerate(paths):
        path.write_text(BANK.format(topic=f"demo{i}", en="How many experts?"), encoding="utf-8")
    return paths


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Bank files parsed, bank files hashed (their bytes read), and whole banks taken from the cache."""
    seen: Counter[str] = Counter()

    def counting(name: str, real: Any) -> Any:
        def spy(*args: Any) -> Any:
            if name != "whole" or args[3] == 1:
                seen[name] += 1
            return real(*args)
        return spy

    monkeypatch.setattr(catalog, "read_yaml", counting("parsed", catalog.read_yaml))
    monkeypatch.setattr(cache, "file_key", counting("hashed", cache.file_key))
    monkeypatch.setattr(cache, "load_part", counting("whole", cache.load_part))
    return seen


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once (in use, a bank's stamp vouches for it once its times are 2 s old)."""
    monkeypatch.setattr(cache, "SETTLED_NS", 0)


def _practice(folder: Path) -> None:
    result = CliRunner().invoke(app, ["practice", "--bank", str(folder), "--count", "1", "--seed", "1"], input="")
    assert result.exit_code == 0, result.output


@pytest.mark.usefixtures("settled")
def test_the_first_question_reads_one_whole_bank_whatever_the_number_of_banks(tmp_path: Path,
                                                                              reads: Counter[str]) -> None:
    for n in (4, 24):
        folder = tmp_path / f"banks{n}"
        _banks(folder, n)
        _practice(folder)  # an earlier run fills the cache
        reads.clear()
        _practice(folder)
        # Each file's small index is unpickled; no file is parsed or hashed, and one bank is read whole.
        assert reads == Counter(whole=1), (n, reads)


@pytest.mark.usefixtures("settled")
def test_list_json_reads_the_indexes_only(tmp_path: Path, reads: Counter[str]) -> None:
    paths = _banks(tmp_path / "banks", 12)
    args = ["list", "--json", "--bank", str(tmp_path / "banks")]
    CliRunner().invoke(app, args)
    reads.clear()
    result = CliRunner().invoke(app, args)
    assert reads == Counter(), reads
    listed = json.loads(result.stdout)
    assert len(listed) == 3 * len(paths) and listed[0]["prompt"] == {"zh": "几个专家？", "en": "How many experts? (0)"}


@pytest.mark.usefixtures("settled")
def test_a_settled_bank_edited_in_place_is_read_again_even_with_its_mtime_put_back(tmp_path: Path,
                                                                                   reads: Counter[str]) -> None:
    paths = _banks(tmp_path / "banks", 3)
    load_catalog([tmp_path / "banks"])
    before = paths[1].stat()
    # Same length, the old mtime restored: the change of ctime (and then of the bytes) still gives it away.
    paths[1].write_text(BANK.format(topic="demo1", en="How many EXPERTS?"), encoding="utf-8")
    os.utime(paths[1], ns=(before.st_atime_ns, before.st_mtime_ns))
    reads.clear()
    again = load_catalog([tmp_path / "banks"])
    assert reads["parsed"] == 1 and reads["hashed"] == 1, reads
    assert again.find("demo1.pick0").prompt.en == "How many EXPERTS? (0)"  # type: ignore[union-attr]


def test_a_file_written_just_now_is_checked_by_its_bytes(tmp_path: Path, reads: Counter[str]) -> None:
    _banks(tmp_path / "banks", 3)
    load_catalog([tmp_path / "banks"])
    reads.clear()
    load_catalog([tmp_path / "banks"])
    # Its stamp is not trusted yet (an edit in the same clock tick would keep it), so its bytes are hashed.
    assert reads == Counter(hashed=3), reads


@pytest.mark.usefixtures("settled")
def test_a_changed_parser_does_not_trust_an_old_stamp(tmp_path: Path, reads: Counter[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _banks(tmp_path / "banks", 2)
    load_catalog([tmp_path / "banks"])
    monkeypatch.setattr(cache, "_code_digest", lambda: b"another version of the parser")
    reads.clear()
    load_catalog([tmp_path / "banks"])
    assert reads["parsed"] == 3, reads  # both banks, and the sources list (its entry is keyed by the parser too)


def test_validate_reads_every_bank_whole(tmp_path: Path, reads: Counter[str]) -> None:
    _banks(tmp_path / "banks", 5)
    load_catalog([tmp_path / "banks"])
    reads.clear()
    checked = load_catalog([tmp_path / "banks"], thorough=True)
    assert reads["parsed"] == 6 and len(checked.questions) == 15  # every bank and the sources list
