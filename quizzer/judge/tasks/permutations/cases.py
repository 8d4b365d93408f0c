"""Hidden cases and known bugs of the `permutations` task."""

from __future__ import annotations

from typing import Any

from quizzer.judge.spec import Bug, Case, out

OUTPUTS = out("permutations", kind="set")

def RUN(api: Any, a: dict[str, Any]) -> list[Any]:
    """The permutations sorted (any order is allowed), duplicates kept so that they show."""
    return sorted(api.unique_permutations(a["s"]))


CASES = [
    Case("distinct_letters", {"s": "abc"}, hidden=False),
    Case("one_repeat", {"s": "aab"}, hidden=False, hint='"aab" has 3 distinct permutations: aab, aba, baa',
         hint_after=("distinct_letters",)),
    Case("empty_string", {"s": ""}, hint='the empty string has exactly one permutation, the empty string ""',
         hint_on="any"),
    Case("single_char", {"s": "x"}),
    Case("all_same", {"s": "aaaa"}, hint='"aaaa" has a single permutation'),
    Case("unsorted_repeats", {"s": "baaca"}, hint="equal characters need not be next to each other in s",
         hint_after=("distinct_letters", "one_repeat")),
    Case("two_pairs_interleaved", {"s": "abab"}),
    Case("digits", {"s": "112233"}),
    Case("all_distinct_6", {"s": "fedcba"}),
    Case("many_repeats", {"s": "aaaabbbcc"}, explain=False, hint="every distinct permutation exactly once (1260 here)"),
]

_SKIP_UNSORTED = '''    out: list[str] = []
    used = [False] * len(s)
    path: list[str] = []

    def extend() -> None:
        if len(path) == len(s):
            out.append("".join(path))
            return
        for i, ch in enumerate(s):
            if used[i] or (i > 0 and s[i] == s[i - 1] and not used[i - 1]):
                continue
            used[i] = True
            path.append(ch)
            extend()
            path.pop()
            used[i] = False

    extend()
    return out
'''
_TAIL = "    extend()  # depth len(s): the output has up to len(s)! strings anyway\n    return out\n"
BUGS = [
    Bug("duplicates_kept", "matches returning a permutation once per arrangement of equal characters; each "
        "distinct permutation must appear exactly once", {_TAIL: _SKIP_UNSORTED.replace(
            " or (i > 0 and s[i] == s[i - 1] and not used[i - 1])", "")}),
    Bug("skip_without_sorting", "matches skipping a character equal to its neighbour without sorting s first; "
        "sort the characters so equal ones are adjacent", {_TAIL: "    s = s\n" + _SKIP_UNSORTED.replace(
            "    out: list[str] = []\n", "    out = []\n")}),
    Bug("empty_gives_nothing", 'matches returning [] for the empty string; it has one permutation, ""',
        {_TAIL: "    if not s:\n        return []\n" + _TAIL}),
    Bug("repeats_collapsed", "matches permuting set(s), so repeated characters are used only once; every "
        "character of s is used", {"counts[ch] = counts.get(ch, 0) + 1": "counts[ch] = 1",
                                   "if len(path) == len(s):": "if len(path) == len(counts):"}),
]
