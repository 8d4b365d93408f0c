"""`grade --watch` notices a save through watchfiles, and through polling where it cannot watch."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from quizzer.judge import watch


def _wait_in_thread(watcher: watch.Watcher) -> threading.Event:
    done = threading.Event()
    threading.Thread(target=lambda: (watcher.wait(), done.set()), daemon=True).start()
    return done


@pytest.mark.parametrize("mechanism", ["watchfiles", "polling"])
def test_a_save_ends_the_wait(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mechanism: str) -> None:
    path = tmp_path / "mine.py"
    path.write_text("v1", encoding="utf-8")
    if mechanism == "polling":
        monkeypatch.setattr(watch, "_events", lambda p: None)
    watcher = watch.Watcher(path)
    assert watcher.mechanism == mechanism
    done = _wait_in_thread(watcher)
    time.sleep(0.3)
    (tmp_path / "other.py").write_text("not the watched file", encoding="utf-8")
    time.sleep(0.3)
    assert not done.is_set()  # nothing saved yet, and another file's save does not count
    # Save the way many editors do: write a new file, then rename it over the old one.
    (tmp_path / "mine.py.tmp").write_text("v2, longer", encoding="utf-8")
    os.replace(tmp_path / "mine.py.tmp", path)
    assert done.wait(timeout=5)
    watcher.close()


def test_a_failing_watch_falls_back_to_polling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> object:
        raise OSError("inotify watch limit reached")
        yield  # a generator, like watchfiles.watch

    path = tmp_path / "mine.py"
    path.write_text("v1", encoding="utf-8")
    monkeypatch.setattr(watch, "_events", lambda p: broken())
    watcher = watch.Watcher(path)
    assert watcher.mechanism == "watchfiles"
    done = _wait_in_thread(watcher)
    time.sleep(0.3)
    assert watcher.mechanism == "polling" and not done.is_set()
    path.write_text("v2, longer", encoding="utf-8")
    assert done.wait(timeout=5)
