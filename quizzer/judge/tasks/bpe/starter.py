"""Byte-pair encoding (BPE): learn merges from a corpus, then encode a word with them, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""


def learn_bpe(corpus: list[str], num_merges: int) -> list[tuple[str, str]]:
    """Return the merges learned from corpus, in the order learned: a list of (left, right) str tuples.

    Words: every text of corpus split on any run of whitespace (str.split()); a word that occurs c times
    counts c times. Each word starts as its characters, with no end-of-word marker; merges never cross words.
    Each round: count every adjacent symbol pair at every position of every word, times the word's count
    (so a word "aaa" holds the pair (a, a) twice). Take the highest count; among equal counts the smallest
    pair in Python tuple order (left symbol first, then right; code-point order). A count of 1 is enough.
    Then merge that pair in every word: scanning left to right, each occurrence of the two adjacent symbols
    becomes one symbol left + right ("a a a" with (a, a) becomes "aa a").
    Stop after num_merges rounds, or earlier when no word has two symbols left.
    Forbidden: tokenizers, sentencepiece, tiktoken, transformers. Do not modify the inputs in place.
    """
    raise NotImplementedError


def bpe_encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Return word (non-empty, no whitespace) split into symbols by the merges.

    Start from the word's characters. Repeatedly take, among the adjacent pairs of the current symbols that
    appear in merges, the one with the lowest rank (its index in merges), and merge every occurrence of it,
    left to right as in learn_bpe; stop when no adjacent pair appears in merges. Characters that no merge
    mentions stay single symbols. Do not modify the inputs in place.
    """
    raise NotImplementedError
