"""Reference solution: the distinct permutations of a string, by backtracking over character counts."""


def unique_permutations(s: str) -> list[str]:
    """Every distinct permutation of s exactly once, in no particular order."""
    # Choose a *character* (not a position) at each level: equal characters are one choice, so no
    # permutation can be produced twice and nothing needs de-duplicating afterwards.
    counts: dict[str, int] = {}
    for ch in s:
        counts[ch] = counts.get(ch, 0) + 1
    choices = sorted(counts)
    out: list[str] = []
    path: list[str] = []

    def extend() -> None:
        if len(path) == len(s):
            out.append("".join(path))
            return
        for ch in choices:
            if counts[ch] == 0:
                continue
            counts[ch] -= 1
            path.append(ch)
            extend()
            path.pop()
            counts[ch] += 1

    extend()  # depth len(s): the output has up to len(s)! strings anyway
    return out
