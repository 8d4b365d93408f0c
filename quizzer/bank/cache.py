"""Pickled copies of parsed bank files, so practice starts without parsing every YAML file again.

Each bank file has one entry holding two pickles: its small index first, then its whole parsed bank, so a
start-up unpickles the indexes of every file and the whole bank of only the files it asks questions from.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from quizzer import __version__

_PACKAGE = Path(__file__).resolve().parent.parent
SOURCES = "sources.pickle"


def cache_dir() -> Path:
    """QUIZZER_HOME/cache, else the platform's user cache folder."""
    home = os.environ.get("QUIZZER_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizzer", appauthor=False))


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    # The pickle holds our classes by name: a changed model or reader (a source checkout) must not load it.
    digest = hashlib.sha256(__version__.encode())
    code = [_PACKAGE / "models.py", _PACKAGE / "variants.py", *sorted((_PACKAGE / "bank").glob("*.py")),
            *sorted((_PACKAGE / "text").glob("*.py"))]
    for path in code:
        st = path.stat()
        digest.update(f"{path}:{st.st_mtime_ns}:{st.st_size}\n".encode())
    return digest.digest()


def key(inputs: list[Path]) -> str | None:
    """A digest of every input file's name and bytes and of the code that parses them; None if one is unreadable."""
    try:
        digest = hashlib.sha256(_code_digest())
        for path in inputs:
            # Contents, not mtimes: an edit within the same clock tick still counts.
            digest.update(f"{path.resolve()}\n".encode() + (path.read_bytes() if path.is_file() else b"<missing>"))
    except OSError:
        return None
    return digest.hexdigest()


def entry_name(path: Path) -> str:
    """Where one bank file's parsed entry is kept, inside the cache folder."""
    return _entry_name(path.resolve())


def _entry_name(real: Path) -> str:
    return "banks/" + hashlib.sha256(str(real).encode()).hexdigest()[:32] + ".pickle"


def file_entry(real: Path) -> tuple[str | None, str]:
    """The key and entry name of a bank file whose path is already resolved (as `key` and `entry_name` give them)."""
    try:
        digest = hashlib.sha256(_code_digest())
        digest.update(f"{real}\n".encode() + (real.read_bytes() if real.is_file() else b"<missing>"))
    except OSError:
        return None, _entry_name(real)
    return digest.hexdigest(), _entry_name(real)


def load(wanted: str, name: str, kind: type) -> Any:
    """The cached object of this key and type, or None (absent, stale, or damaged in any way)."""
    return load_part(wanted, name, kind, 0)


def load_part(wanted: str, name: str, kind: type, part: int) -> Any:
    """Part `part` (0: the head stored with the key, 1: the body after it) of an entry, or None."""
    try:
        with open(cache_dir() / name, "rb") as f:
            # Only this module writes the file, in the user's own cache folder; anyone who can replace it
            # can already change the installed package, so unpickling it trusts nothing new.
            stored_key, value = pickle.load(f)
            if stored_key != wanted:
                return None
            if part == 1:
                value = pickle.load(f)
    except Exception:  # a broken cache is only a slower start
        return None
    return value if isinstance(value, kind) else None


def save(stored_key: str, value: object, name: str, body: object = None) -> None:
    """Write an entry (its head `value`, then `body` if any) atomically; a read-only or full disk: no cache."""
    target = cache_dir() / name
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            pickle.dump((stored_key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
            if body is not None:
                pickle.dump(body, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
