"""A pickled copy of the parsed catalog, so practice starts without parsing every YAML file again."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from quizzer import __version__
from quizzer.models import Catalog

_PACKAGE = Path(__file__).resolve().parent.parent
FILENAME = "catalog.pickle"


def cache_dir() -> Path:
    """QUIZZER_HOME/cache, else the platform's user cache folder."""
    home = os.environ.get("QUIZZER_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizzer", appauthor=False))


def key(inputs: list[Path]) -> str | None:
    """A digest of every input file's name and bytes and of the code that parses them; None if one is unreadable."""
    digest = hashlib.sha256(__version__.encode())
    # The pickle holds our classes by name: a changed model or reader (a source checkout) must not load it.
    code = [_PACKAGE / "models.py", _PACKAGE / "variants.py", *sorted((_PACKAGE / "bank").glob("*.py"))]
    try:
        for path in code:
            st = path.stat()
            digest.update(f"{path}:{st.st_mtime_ns}:{st.st_size}\n".encode())
        for path in inputs:
            # Contents, not mtimes: an edit within the same clock tick still counts.
            digest.update(f"{path.resolve()}\n".encode() + (path.read_bytes() if path.is_file() else b"<missing>"))
    except OSError:
        return None
    return digest.hexdigest()


def load(wanted: str) -> Catalog | None:
    """The cached catalog for this key, or None (absent, stale, or damaged in any way)."""
    try:
        with open(cache_dir() / FILENAME, "rb") as f:
            # Only this module writes the file, in the user's own cache folder; anyone who can replace it
            # can already change the installed package, so unpickling it trusts nothing new.
            stored_key, catalog = pickle.load(f)
    except Exception:
        return None
    return catalog if stored_key == wanted and isinstance(catalog, Catalog) else None


def save(stored_key: str, catalog: Catalog) -> None:
    """Write the cache atomically; a read-only or full disk just means no cache."""
    folder = cache_dir()
    tmp = folder / f"{FILENAME}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            pickle.dump((stored_key, catalog), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / FILENAME)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
