"""Pickled copies of parsed bank files, so practice starts without parsing every YAML file again.

Each bank file has one entry holding two pickles: its small index first, then its whole parsed bank, so a
start-up unpickles the indexes of every file and the whole bank of only the files it asks questions from.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import time
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
    return entry_name_of(path.resolve())


def entry_name_of(real: Path) -> str:
    """`entry_name` of a path already resolved."""
    return "banks/" + hashlib.sha256(str(real).encode()).hexdigest()[:32] + ".pickle"


Stamp = tuple[int, int, int, int]  # size, mtime and ctime in ns, inode

# A file's stat stamp stands for its bytes only once its times are this far behind the moment the entry was
# written: an edit within the same clock tick (2 s on the coarsest file systems) keeps the same mtime, so a
# file written just before its entry is checked by its bytes, as git treats a racily clean file.
SETTLED_NS = 2_000_000_000


def stamp(real: Path) -> Stamp | None:
    """The file's size, times and inode, or None if it cannot be read."""
    try:
        st = real.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def file_key(real: Path) -> str | None:
    """`key` of one bank file whose path is already resolved."""
    try:
        digest = hashlib.sha256(_code_digest())
        digest.update(f"{real}\n".encode() + (real.read_bytes() if real.is_file() else b"<missing>"))
    except OSError:
        return None
    return digest.hexdigest()


def load_checked(real: Path, name: str, now: Stamp | None, kind: type) -> tuple[str | None, Any]:
    """A bank file's key and its entry's head, None if stale: the stamp vouches for the bytes when it matches a
    settled one, else the bytes are read and hashed. Taken before the file is read for parsing, `now` makes a
    later edit a mismatch."""
    try:
        with open(cache_dir() / name, "rb") as f:
            stored_key, stored_stamp, value = pickle.load(f)
    except Exception:  # absent or damaged: only a slower start
        return file_key(real), None
    # The stamp is stored with the code digest: a changed parser must not trust an old entry.
    if now is not None and stored_stamp == (_code_digest(), now) and isinstance(value, kind):
        return stored_key, value
    wanted = file_key(real)
    return wanted, value if wanted == stored_key and isinstance(value, kind) else None


def load(wanted: str, name: str, kind: type) -> Any:
    """The cached object of this key and type, or None (absent, stale, or damaged in any way)."""
    return load_part(wanted, name, kind, 0)


def load_part(wanted: str, name: str, kind: type, part: int) -> Any:
    """Part `part` (0: the head stored with the key, 1: the body after it) of an entry, or None."""
    try:
        with open(cache_dir() / name, "rb") as f:
            # Only this module writes the file, in the user's own cache folder; anyone who can replace it
            # can already change the installed package, so unpickling it trusts nothing new.
            stored_key, _, value = pickle.load(f)
            if stored_key != wanted:
                return None
            if part == 1:
                value = pickle.load(f)
    except Exception:  # a broken cache is only a slower start
        return None
    return value if isinstance(value, kind) else None


def save(stored_key: str, value: object, name: str, body: object = None, file_stamp: Stamp | None = None) -> None:
    """Write an entry (its head `value`, then `body` if any) atomically; a read-only or full disk: no cache.

    `file_stamp` (a bank file's, taken before it was read) is kept only if it has settled.
    """
    settled = file_stamp is not None and max(file_stamp[1], file_stamp[2]) < time.time_ns() - SETTLED_NS
    target = cache_dir() / name
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            vouched = (_code_digest(), file_stamp) if settled else None
            pickle.dump((stored_key, vouched, value), f, protocol=pickle.HIGHEST_PROTOCOL)
            if body is not None:
                pickle.dump(body, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
