"""Load banks and check what spans questions: unique ids, known sources and tasks, computable answers."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection
from pathlib import Path

from quizzer import resources
from quizzer.bank import cache
from quizzer.bank.duplicates import duplicates
from quizzer.bank.evidence_check import generic_evidence
from quizzer.bank.paths import bank_files
from quizzer.bank.schema import Reader, read_bank
from quizzer.bank.yamlread import LineDict, read_yaml
from quizzer.errors import BankError, ExprError, QuizzerError
from quizzer.messages import Said
from quizzer.models import Bank, Catalog, Code, Numeric, Problem, Question
from quizzer.variants import PLACEHOLDER, all_variants, answer_value, formula_value, parse_expected

# A hand-computed `expected` is written to about three significant digits, so 2% covers rounding only.
EXPECTED_REL = 0.02


def load_sources(path: Path | None = None) -> dict[str, str]:
    """Section key -> "document title / section title"."""
    path = path or resources.sources_file()
    data = read_yaml(path)
    if not isinstance(data, LineDict) or "sections" not in data or "documents" not in data:
        raise BankError(str(path), None, "sources file needs 'documents' and 'sections'")
    docs = {k: v["title"] for k, v in data["documents"].items()}
    return {key: f"{docs.get(key.split('.')[0], '?')} / {title}" for key, title in data["sections"].items()}


def _check_numeric(q: Question, spec: Numeric, thorough: bool) -> list[tuple[str, str]]:
    """(key the problem is about, message) for everything wrong with a numeric question."""
    problems: list[tuple[str, str]] = []
    names = set(spec.params) | {"answer"}
    for lang in ("zh", "en"):
        used = set(PLACEHOLDER.findall(q.prompt.get(lang)))
        if q.explanation:
            used |= set(PLACEHOLDER.findall(q.explanation.get(lang)))
        for name in sorted(used - names):
            problems.append(("prompt", f"placeholder {{{name}}} in the {lang} text is not a param"))
        for name in sorted(set(spec.vary) - set(PLACEHOLDER.findall(q.prompt.get(lang)))):
            problems.append(("prompt", f"vary.{name} changes but the {lang} prompt does not show {{{name}}}"))
    try:
        value = answer_value(spec)
        expected, unit = parse_expected(spec.expected)
    except ExprError as exc:
        return [*problems, ("formula", f"cannot compute the answer: {exc.message}")]
    if unit not in ("count", "ratio", "%") and spec.expected.split()[-1] != spec.display:
        problems.append(("expected",
                         f"expected {spec.expected!r} should be written in the display unit {spec.display}"))
    if not math.isfinite(value) or value <= 0:
        problems.append(("formula", f"the formula gives {value} for the default params"))
    elif abs(expected - value) / value > EXPECTED_REL:
        problems.append(("expected", f"expected {spec.expected!r} does not match the formula, which gives "
                                     f"{value:.4g} {spec.unit}"))
    for params in all_variants(spec) if thorough else ():
        try:
            v = answer_value(spec, params)
        except ExprError as exc:
            problems.append(("vary", f"variant {params} cannot be computed: {exc.message}"))
            break
        if not math.isfinite(v) or v <= 0:
            problems.append(("vary", f"variant {params} gives {v}"))
            break
    for m in spec.common_mistakes:
        try:
            wrong = formula_value(m.formula, spec.params)
        except ExprError as exc:
            problems.append(("common_mistakes", f"common mistake {m.formula!r} cannot be computed: {exc.message}"))
            continue
        if value > 0 and abs(wrong - value) / value < 0.01:
            problems.append(("common_mistakes", f"common mistake {m.formula!r} gives the right answer"))
    return problems


def _question_checks(bank: Bank, thorough: bool) -> list[Problem]:
    """What one bank's questions get wrong on their own (kept with the bank's parsed entry)."""
    problems: list[Problem] = []
    for q in bank.questions:
        if isinstance(q.spec, Numeric):
            problems += [Problem(q.file, q.line_of(key), f"{q.id}: {message}")
                         for key, message in _check_numeric(q, q.spec, thorough)]
    return problems


Cited = list[tuple[str, int | None, tuple[str, ...]]]  # (question id, line of `source`, its keys) of one file


def _cross_checks(banks: list[Bank], cited: dict[str, Cited], sources: dict[str, str], builtin: set[str],
                  thorough: bool) -> list[Problem]:
    """What spans banks: unique ids, known sources (linear), and generic evidence (validate only).

    Sources are checked for every question of a file, including those unusable for another reason, so one
    run reports both. A built-in question must cite a source; a personal bank may cite none.
    """
    problems: list[Problem] = []
    seen: dict[str, Question] = {}
    for q in (q for b in banks for q in b.questions):
        if q.id in seen:
            problems.append(Problem(q.file, q.line_of("id"),
                                    f"{q.id}: duplicate id (also {seen[q.id].file}:{seen[q.id].line})"))
        seen.setdefault(q.id, q)
    for q in (q for b in banks for q in b.questions):
        for alias in q.aliases:
            if alias in seen and seen[alias] is not q:
                other = seen[alias]
                problems.append(Problem(q.file, q.line_of("aliases"), f"{q.id}: alias {alias!r} is already "
                                        f"{'the id' if other.id == alias else 'an alias'} of a question "
                                        f"({other.file}:{other.line})"))
            seen.setdefault(alias, q)
    for file, entries in cited.items():
        for qid, line, keys in entries:
            if file in builtin and not keys:
                problems.append(Problem(file, line, f"{qid}: source must name at least one section"))
            problems.extend(Problem(file, line, f"{qid}: unknown source {key!r}{_where_sources(file, builtin)}")
                            for key in keys if key not in sources)
    if thorough:
        every = [q for b in banks for q in b.questions]
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
    return tuple(Problem(q.file, q.line_of("task"), f"{q.id}: unknown task {q.spec.task!r}")
                 for q in catalog.questions if isinstance(q.spec, Code) and q.spec.task not in tasks)


def load_catalog(paths: list[Path] | None = None, include_builtin: bool = True, thorough: bool = False,
                 tasks: Collection[str] | None = None) -> Catalog:
    """Read the built-in banks (and any `paths`); problems are collected, never raised.

    `thorough` also computes every `vary` combination: what `validate` does, too slow for start-up.
    `tasks` are the hand-write task ids a code question may name (None: not checked). The judge knows
    them and sits above the banks, so the caller passes them in.
    """
    roots = ([resources.questions_dir()] if include_builtin else []) + list(paths or [])
    extra = own_sources([r for r in paths or [] if r.exists()])
    # validate (thorough) always reads the files; everything else may start from the cache.
    stored = None if thorough else cache.key(
        [resources.sources_file(), *extra, *roots, *bank_files([r for r in roots if r.exists()])])
    catalog = cache.load(stored) if stored is not None else None
    if catalog is None:
        catalog = _read_catalog(roots, extra, thorough)
        if stored is not None:
            cache.save(stored, catalog)
    if tasks is None:
        return catalog
    # Checked after the cache, so the cached copy depends on the bank files alone.
    return dataclasses.replace(catalog, problems=catalog.problems + task_problems(catalog, tasks))


def _read_file(file: Path, thorough: bool) -> tuple[Bank | None, list[Problem], Cited]:
    """One bank file parsed and checked on its own; validate (thorough) never uses the cache."""
    stored = None if thorough else cache.file_key(file)
    if stored is not None and (hit := cache.load(stored, cache.entry_name(file), tuple)) is not None:
        return hit
    reader = Reader(str(file))
    try:
        bank = read_bank(reader, read_yaml(file), file.stem)
    except BankError as exc:
        return None, [Problem(exc.file, exc.line, exc.detail)], []
    entry = (bank, reader.problems + (_question_checks(bank, thorough) if bank else []), reader.cited)
    if stored is not None:
        cache.save(stored, entry, cache.entry_name(file))
    return entry


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


def _read_catalog(roots: list[Path], extra: list[Path], thorough: bool) -> Catalog:
    problems: list[Problem] = []
    try:
        sources = _all_sources(extra, problems)
    except BankError as exc:
        return Catalog(problems=(Problem(exc.file, exc.line, exc.detail),))
    banks: list[Bank] = []
    cited: dict[str, Cited] = {}
    for root in roots:
        if not root.exists():
            problems.append(Problem(str(root), None, "no such file or folder"))
    builtin = {str(f) for f in bank_files([resources.questions_dir()])} if resources.questions_dir() in roots else set()
    # Each file is parsed (or taken from its own cache entry) once: a change to one bank re-reads that bank.
    for file in bank_files([r for r in roots if r.exists()]):
        bank, found, cited[str(file)] = _read_file(file, thorough)
        problems.extend(found)
        if bank is not None:
            banks.append(bank)
    problems.extend(_cross_checks(banks, cited, sources, builtin, thorough))
    return Catalog(banks=tuple(banks), problems=tuple(problems), sources=sources)


def require_valid(catalog: Catalog) -> Catalog:
    """The catalog, or a BankError naming its first problem (commands other than validate use this)."""
    if catalog.problems:
        first = catalog.problems[0]
        more = f" (and {len(catalog.problems) - 1} more; run 'quizzer validate')" if len(catalog.problems) > 1 else ""
        raise BankError(first.file, first.line, first.message + more)
    return catalog


def require_question(catalog: Catalog, qid: str) -> Question:
    """The question with this id, or a one-line error that suggests the nearest id for a typo."""
    import difflib

    q = catalog.find(qid)
    if q is not None:
        return q
    ids = [q.id for q in catalog.questions]

    def slug(text: str) -> str:
        return text.split(".", 1)[-1]

    # A slug typed without its topic (`why-sqrt-dk`) is the commonest slip; then spelling, where the slugs must
    # be alike too (every id of a topic shares its `topic.` prefix).
    near = [i for i in ids if slug(i) == qid] or [
        i for i in difflib.get_close_matches(qid, ids, n=3, cutoff=0.6)
        if difflib.SequenceMatcher(None, slug(qid), slug(i)).ratio() >= 0.6][:1]
    if near:
        raise QuizzerError(Said("unknown.question_near", {"qid": qid, "near": near[0]}))
    raise QuizzerError(Said("unknown.question", {"qid": qid}))
