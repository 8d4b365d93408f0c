"""Load banks and check what spans questions: unique ids, known sources and tasks, computable answers."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from quizzer import resources
from quizzer.bank import cache
from quizzer.bank.duplicates import duplicates
from quizzer.bank.evidence_check import generic_evidence
from quizzer.bank.numeric_check import question_checks
from quizzer.bank.paths import bank_files, resolved_bank_files
from quizzer.bank.schema import Reader, read_bank
from quizzer.bank.yamlread import LineDict, read_yaml
from quizzer.errors import BankError, QuizzerError
from quizzer.messages import Said
from quizzer.models import Bank, BankIndex, Catalog, Problem, Question, Summary


def load_sources(path: Path | None = None) -> dict[str, str]:
    """Section key -> "document title / section title"."""
    path = path or resources.sources_file()
    data = read_yaml(path)
    if not isinstance(data, LineDict) or "sections" not in data or "documents" not in data:
        raise BankError(str(path), None, "sources file needs 'documents' and 'sections'")
    docs = {k: v["title"] for k, v in data["documents"].items()}
    return {key: f"{docs.get(key.split('.')[0], '?')} / {title}" for key, title in data["sections"].items()}


Cited = list[tuple[str, int | None, tuple[str, ...]]]  # (question id, line of `source`, its keys) of one file
Head = tuple[BankIndex | None, list[Problem], Cited]  # what every load needs of a file (its cache entry's head)


def _cross_checks(index: list[BankIndex], cited: dict[str, Cited], sources: dict[str, str], builtin: set[str],
                  whole: list[Bank] | None) -> list[Problem]:
    """What spans banks: unique ids, known sources (linear), and generic evidence (validate only).

    Sources are checked for every question of a file, including those unusable for another reason, so one
    run reports both. A built-in question must cite a source; a personal bank may cite none.
    """
    problems: list[Problem] = []
    seen: dict[str, Summary] = {}
    for b in index:  # plain loops: this runs on every start-up, once per question
        for q in b.questions:
            first = seen.setdefault(q.id, q)
            if first is not q:
                also = f"{first.file}:{first.line}"
                problems.append(Problem(q.file, q.id_line, f"{q.id}: duplicate id (also {also})"))
    for b in index:
        for q in b.questions:
            for alias in q.aliases:
                other = seen.setdefault(alias, q)
                if other is not q:
                    what = "the id" if other.id == alias else "an alias"
                    problems.append(Problem(q.file, q.aliases_line, f"{q.id}: alias {alias!r} is already {what} "
                                            f"of a question ({other.file}:{other.line})"))
    for file, entries in cited.items():
        must_cite = file in builtin
        for qid, line, keys in entries:
            if must_cite and not keys:
                problems.append(Problem(file, line, f"{qid}: source must name at least one section"))
            for key in keys:
                if key not in sources:
                    where = _where_sources(file, builtin)
                    problems.append(Problem(file, line, f"{qid}: unknown source {key!r}{where}"))
    if whole is not None:  # validate: every bank was parsed whole
        every = [q for b in whole for q in b.questions]
        problems.extend(generic_evidence(every))
        problems.extend(duplicates(every))
    return problems


def _where_sources(file: str, builtin: set[str]) -> str:
    """Where a personal bank's own sources go, said once with each unknown key."""
    return "" if file in builtin else f" (list it in {Path(file).parent / 'sources.yaml'}, or leave 'source' out)"


def own_sources(roots: list[Path]) -> list[Path]:
    """The sources.yaml beside each personal bank (in the folder given, or beside the file given)."""
    found = []
    for root in roots:
        path = (root if root.is_dir() else root.parent) / "sources.yaml"
        if path.is_file() and path.resolve() != resources.sources_file().resolve() and path not in found:
            found.append(path)
    return found


def task_problems(catalog: Catalog, tasks: Collection[str]) -> tuple[Problem, ...]:
    """Code questions whose `task:` is not one of `tasks` (the judge's task ids)."""
    return tuple(Problem(q.file, q.task_line, f"{q.id}: unknown task {q.task!r}")
                 for q in catalog.summaries if q.task is not None and q.task not in tasks)


def load_catalog(paths: list[Path] | None = None, include_builtin: bool = True, thorough: bool = False,
                 tasks: Collection[str] | None = None) -> Catalog:
    """Read the built-in banks (and any `paths`); problems are collected, never raised.

    `thorough` also computes every `vary` combination: what `validate` does, too slow for start-up.
    `tasks` are the hand-write task ids a code question may name (None: not checked). The judge knows
    them and sits above the banks, so the caller passes them in.
    """
    roots = ([resources.questions_dir()] if include_builtin else []) + list(paths or [])
    extra = own_sources([r for r in paths or [] if r.exists()])
    catalog = _read_catalog(roots, extra, thorough)
    if tasks is None:
        return catalog
    return dataclasses.replace(catalog, problems=catalog.problems + task_problems(catalog, tasks))


def _parse(file: Path, thorough: bool) -> tuple[Bank | None, list[Problem], Cited]:
    """One bank file parsed and checked on its own."""
    reader = Reader(str(file))
    try:
        bank = read_bank(reader, read_yaml(file), file.stem)
    except BankError as exc:
        return None, [Problem(exc.file, exc.line, exc.detail)], []
    return bank, reader.problems + (question_checks(bank, thorough) if bank else []), reader.cited


Entry = tuple[str | None, str]  # a file's cache key (None: not cached) and entry name


def _read_file(file: Path, real: Path, thorough: bool) -> tuple[Head, Bank | None, Entry]:
    """A file's head, its whole bank when it had to be parsed, and its cache entry; validate never uses the cache."""
    if thorough:
        bank, problems, cited = _parse(file, thorough)
        return (BankIndex.of(bank) if bank else None, problems, cited), bank, (None, "")
    name, now = cache.entry_name_of(real), cache.stamp(real)
    stored, head = cache.load_checked(real, name, now, tuple)
    if head is not None:
        return head, None, (stored, name)
    bank, problems, cited = _parse(file, thorough)
    head = (BankIndex.of(bank) if bank else None, problems, cited)
    if stored is not None:
        cache.save(stored, head, name, bank, now)
    return head, bank, (stored, name)


def _loader(entries: dict[str, Entry]) -> Callable[[str], Bank | None]:
    """Reads a whole bank on demand: the body of its cache entry, else the file parsed again."""
    def whole(file: str) -> Bank | None:
        stored, name = entries.get(file, (None, ""))
        bank = cache.load_part(stored, name, Bank, 1) if stored else None
        return bank if bank is not None else _parse(Path(file), thorough=False)[0]

    return whole


def _all_sources(extra: list[Path], problems: list[Problem]) -> dict[str, str]:
    """The built-in sources plus each personal bank's own; a key defined twice differently is a problem."""
    sources = load_sources()
    for path in extra:
        try:
            own = load_sources(path)
        except BankError as exc:
            problems.append(Problem(exc.file, exc.line, exc.detail))
            continue
        for key, title in own.items():
            if sources.get(key, title) != title:
                problems.append(Problem(str(path), None, f"source {key!r} is already defined elsewhere as "
                                                          f"{sources[key]!r}; give yours another key"))
            sources.setdefault(key, title)
    return sources


def _cached_sources(extra: list[Path], problems: list[Problem], thorough: bool) -> dict[str, str]:
    """`_all_sources`, kept in the cache under the bytes of every sources file (validate reads them)."""
    stored = None if thorough else cache.key([resources.sources_file(), *extra])
    hit = cache.load(stored, cache.SOURCES, tuple) if stored is not None else None
    if hit is not None:
        problems.extend(hit[1])
        return dict(hit[0])
    found: list[Problem] = []
    sources = _all_sources(extra, found)
    if stored is not None:
        cache.save(stored, (sources, found), cache.SOURCES)
    problems.extend(found)
    return sources


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the banks load, and none over what they loaded afterwards.

    Loading creates tens of thousands of small objects that stay alive as long as the command: each collection
    the allocations trigger walked every one of them again (more than half the unpickling time of a
    10k-question index), and the first one after loading still did. Frozen, they are left out of collections.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _read_catalog(roots: list[Path], extra: list[Path], thorough: bool) -> Catalog:
    problems: list[Problem] = []
    try:
        sources = _cached_sources(extra, problems, thorough)
    except BankError as exc:
        return Catalog(problems=(Problem(exc.file, exc.line, exc.detail),))
    index: list[BankIndex] = []
    parsed: dict[str, Bank] = {}
    entries: dict[str, Entry] = {}
    cited: dict[str, Cited] = {}
    for root in roots:
        if not root.exists():
            problems.append(Problem(str(root), None, "no such file or folder"))
    builtin = {str(f) for f in bank_files([resources.questions_dir()])} if resources.questions_dir() in roots else set()
    # Each file's head is read (or parsed) once: a change to one bank re-reads that bank, and a start-up
    # unpickles the small heads only; whole banks wait until a question of theirs is asked.
    with _collector_paused():
        for file, real in resolved_bank_files([r for r in roots if r.exists()]):
            (entry, found, cited[str(file)]), bank, entries[str(file)] = _read_file(file, real, thorough)
            problems.extend(found)
            if entry is not None:  # entry.file is str(file): the reader names its bank by the path it was given
                index.append(entry)
            if bank is not None:
                parsed[bank.file] = bank
    whole = list(parsed.values()) if thorough else None
    problems.extend(_cross_checks(index, cited, sources, builtin, whole))
    return Catalog(tuple(index), tuple(problems), sources, _loader(entries), parsed)


def require_valid(catalog: Catalog) -> Catalog:
    """The catalog, or a BankError naming its first problem (commands other than validate use this)."""
    if catalog.problems:
        first = catalog.problems[0]
        more = f" (and {len(catalog.problems) - 1} more; run 'quizzer validate')" if len(catalog.problems) > 1 else ""
        raise BankError(first.file, first.line, first.message + more)
    return catalog


def require_question(catalog: Catalog, qid: str) -> Question:
    """The question with this id (its bank read whole), or a one-line error that suggests the nearest id."""
    return catalog.full([require_summary(catalog, qid)])[0]


def require_summary(catalog: Catalog, qid: str) -> Summary:
    """The summary of the question with this id (no bank is read whole), or the same one-line error."""
    s = catalog.summary(qid)
    if s is not None:
        return s
    near = _suggestion(catalog, qid)
    if near:
        raise QuizzerError(Said("unknown.question_near", {"qid": qid, "near": near}))
    raise QuizzerError(Said("unknown.question", {"qid": qid}))


def _suggestion(catalog: Catalog, qid: str) -> str | None:
    """The nearest id for a typo, if any."""
    import difflib

    ids = [q.id for q in catalog.summaries]

    def slug(text: str) -> str:
        return text.split(".", 1)[-1]

    # A slug typed without its topic (`why-sqrt-dk`) is the commonest slip; then spelling, where the slugs must
    # be alike too (every id of a topic shares its `topic.` prefix).
    near = [i for i in ids if slug(i) == qid] or [
        i for i in difflib.get_close_matches(qid, ids, n=3, cutoff=0.6)
        if difflib.SequenceMatcher(None, slug(qid), slug(i)).ratio() >= 0.6][:1]
    return near[0] if near else None
