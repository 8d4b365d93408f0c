"""Distinct permutations of a string, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""


def unique_permutations(s: str) -> list[str]:
    """Return every distinct permutation of s exactly once, as a list of strings, in any order.

    s may contain repeated characters ("aab" has 3 distinct permutations) and may be empty (the empty
    string has one permutation, "").
    Forbidden: itertools.permutations.
    """
    raise NotImplementedError
