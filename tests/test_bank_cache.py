"""The parsed-catalog cache: used when nothing changed, ignored when anything did, harmless when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizzer.bank import cache, catalog, load_catalog

BANK = """\
topic: demo
title: {{zh: 演示, en: Demo}}
questions:
  - id: demo.pick
    kind: choice
    difficulty: 1
    tags: [moe]
    source: [basic.q11]
    prompt: {{zh: "{zh}", en: "{en}"}}
    options: [{{zh: 一个, en: one}}, {{zh: 两个, en: two}}]
    correct: [B]
"""

pytestmark = pytest.mark.usefixtures("isolated_home", "no_builtin_banks")


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "demo.yaml"
    path.write_text(BANK.format(zh="几个专家？", en="How many experts?"), encoding="utf-8")
    return path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every bank file the loader actually parses."""
    seen: list[Path] = []
    real = catalog.read_yaml

    def spy(path: Path):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(path)

    monkeypatch.setattr(catalog, "read_yaml", spy)
    return seen


def test_a_second_load_reads_no_bank_file(bank: Path, reads: list[Path]) -> None:
    first = load_catalog([bank])
    assert bank in reads
    reads.clear()
    second = load_catalog([bank])
    assert reads == [] and second == first
    assert second.find("demo.pick").prompt.get("en") == "How many experts?"  # type: ignore[union-attr]


def test_an_edited_bank_is_read_again(bank: Path, reads: list[Path]) -> None:
    load_catalog([bank])
    # Same length and (probably) the same mtime tick: only the bytes differ.
    bank.write_text(BANK.format(zh="几个专家？", en="How many expert?"), encoding="utf-8")
    bank.write_text(BANK.format(zh="几个专家？", en="How many EXPERTS?"), encoding="utf-8")
    reads.clear()
    again = load_catalog([bank])
    assert bank in reads
    assert again.find("demo.pick").prompt.get("en") == "How many EXPERTS?"  # type: ignore[union-attr]


def test_validate_never_uses_the_cache(bank: Path, reads: list[Path]) -> None:
    load_catalog([bank])
    reads.clear()
    load_catalog([bank], thorough=True)
    assert bank in reads


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_is_rebuilt(bank: Path, damage: bytes) -> None:
    good = load_catalog([bank])
    entry = cache.cache_dir() / cache.entry_name(bank)
    entry.write_bytes(damage)
    again = load_catalog([bank])
    assert again == good and again.find("demo.pick") == good.find("demo.pick")
    # An entry whose head is sound but whose whole bank is damaged: the bank is parsed again when asked for.
    stored = cache.key([bank])
    assert stored is not None and cache.load(stored, cache.entry_name(bank), tuple) is not None
    entry.write_bytes(entry.read_bytes()[:-20])
    assert load_catalog([bank]).find("demo.pick") == good.find("demo.pick")


def test_an_unwritable_cache_folder_only_costs_time(bank: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(cache, "cache_dir", lambda: blocker / "cache")
    assert load_catalog([bank]).find("demo.pick") is not None


def _many_banks(folder: Path, n: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"demo{i}.yaml"
        path.write_text(BANK.replace("topic: demo", f"topic: demo{i}").replace("demo.pick", f"demo{i}.pick")
                        .format(zh="几个专家？", en=f"How many experts ({i})?"), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_change_to_one_bank_re_reads_that_bank_only(tmp_path: Path, reads: list[Path]) -> None:
    paths = _many_banks(tmp_path / "many", 6)
    load_catalog([tmp_path / "many"])
    assert sorted(p for p in reads if p.name != "sources.yaml") == sorted(paths)
    paths[3].write_text(paths[3].read_text(encoding="utf-8").replace("(3)", "(three)"), encoding="utf-8")
    reads.clear()
    again = load_catalog([tmp_path / "many"])
    assert [p for p in reads if p.name != "sources.yaml"] == [paths[3]]
    assert again.find("demo3.pick").prompt.get("en") == "How many experts (three)?"  # type: ignore[union-attr]


def test_discovery_and_loading_resolve_each_bank_file_a_constant_number_of_times(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = Path.resolve

    def counting(self: Path, strict: bool = False) -> Path:
        nonlocal calls
        calls += 1
        return real(self, strict)

    counts = {}
    for n in (10, 40):
        folder = tmp_path / f"banks{n}"
        _many_banks(folder, n)
        calls = 0
        with monkeypatch.context() as m:
            m.setattr(Path, "resolve", counting)
            load_catalog([folder])
        counts[n] = calls
    # Discovery, the catalog key and each file's cache entry resolve a file a few times: the cost per extra
    # file is a constant (it grew with the number of files when discovery compared every pair).
    assert (counts[40] - counts[10]) / 30 <= 6, counts
