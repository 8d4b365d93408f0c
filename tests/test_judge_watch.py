"""`grade --watch` notices a save through inotify, and through polling where there is none."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from quizzer.judge import watch


@pytest.mark.parametrize("mechanism", ["inotify", "polling"])
def test_a_save_ends_the_wait(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mechanism: str) -> None:
    path = tmp_path / "mine.py"
    path.write_text("v1", encoding="utf-8")
    if mechanism == "polling":
        monkeypatch.setattr(watch, "_inotify", lambda p: None)
    watcher = watch.Watcher(path)
    if mechanism == "inotify" and watcher.mechanism != "inotify":
        pytest.skip("no inotify on this system")
    assert watcher.mechanism == mechanism
    done = threading.Event()
    thread = threading.Thread(target=lambda: (watcher.wait(), done.set()), daemon=True)
    thread.start()
    time.sleep(0.3)
    assert not done.is_set()  # nothing saved yet
    # Save the way many editors do: write a new file, then rename it over the old one.
    (tmp_path / "mine.py.tmp").write_text("v2, longer", encoding="utf-8")
    os.replace(tmp_path / "mine.py.tmp", path)
    assert done.wait(timeout=5)
    watcher.close()
