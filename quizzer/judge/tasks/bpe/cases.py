"""Hidden cases and known bugs of the `bpe` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case

OUTPUTS = "merges"

def RUN(api: Any, a: dict[str, Any]) -> list[tuple[str, str]]:
    """The learned merges, each read as a tuple (a list of two strings counts too)."""
    return [tuple(m) for m in api.learn_bpe(a["corpus"], a["num_merges"])]


def encode(api: Any, a: dict[str, Any]) -> list[list[str]]:
    """Every word of the case encoded with the case's merges."""
    return [list(api.bpe_encode(word, a["merges"])) for word in a["words"]]


def random_corpus(texts: int, alphabet: str, num_merges: int) -> Any:
    """texts of 4 to 12 random words (1 to 7 letters, a skewed alphabet), joined by spaces, tabs or newlines."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        weights = torch.arange(len(alphabet), 0, -1, dtype=torch.float64)  # earlier letters are more common
        separators = [" ", "  ", "\t", "\n"]
        corpus = []
        for _ in range(texts):
            n = int(torch.randint(4, 13, (1,), generator=gen))
            words = []
            for _ in range(n):
                length = int(torch.randint(1, 8, (1,), generator=gen))
                letters = torch.multinomial(weights, length, replacement=True, generator=gen).tolist()
                words.append("".join(alphabet[i] for i in letters))
            seps = torch.randint(0, len(separators), (n,), generator=gen).tolist()
            corpus.append("".join(w + separators[s] for w, s in zip(words, seps, strict=True)).strip())
        return {"corpus": corpus, "num_merges": num_merges}
    return make


CLASSIC = ["low low low low low", "lower lower", "newest newest newest newest newest newest",
           "widest widest widest"]
# What learn_bpe(CLASSIC, 10) gives (the `example` case), used as given merges by the encode cases.
CLASSIC_MERGES = [("e", "s"), ("es", "t"), ("l", "o"), ("lo", "w"), ("e", "w"), ("ew", "est"), ("n", "ewest"),
                  ("d", "est"), ("i", "dest"), ("w", "idest")]

CASES = [
    Case("example", {"corpus": CLASSIC, "num_merges": 10}, hidden=False),
    Case("equal_counts", {"corpus": ["xy ab", "cd ab xy cd"], "num_merges": 3},
         hint="among pairs with the same count take the smallest (left, right) tuple: ('a', 'b') before ('c', 'd')",
         hint_after=("example",)),
    Case("word_counts", {"corpus": ["ab ab ab ab cd cd", "ef", "cd"], "num_merges": 2},
         hint="a word that occurs c times adds c to each of its pairs", hint_after=("example",)),
    Case("repeated_letters", {"corpus": ["aaaa aaab", "bbb ab"], "num_merges": 4},
         hint="every adjacent position counts: 'aaaa' holds ('a', 'a') three times; merging goes left to right",
         hint_after=("example",)),
    Case("runs_out_of_pairs", {"corpus": ["ab abc", "a"], "num_merges": 10},
         hint="stop when no word has two symbols left: fewer than num_merges merges is fine",
         hint_after=("example",)),
    Case("inside_a_symbol", {"corpus": ["ba ba ba bab ab ab"], "num_merges": 5},
         hint="merge whole adjacent symbols: in ['ba', 'b'] the pair ('a', 'b') does not occur",
         hint_after=("example",)),
    Case("any_whitespace", {"corpus": ["to  be\tor\nnot to be", " be  to "], "num_merges": 6},
         hint="words are separated by any run of whitespace (str.split()), which never ends up in a symbol",
         hint_after=("example",)),
    Case("chinese_text", {"corpus": ["机器学习 学习 机器", "深度学习 机器学习"], "num_merges": 5}),
    Case("single_count_pairs", {"corpus": ["abcdef", "uvw"], "num_merges": 4},
         hint="a pair seen once is still merged (a count of 1 is enough)", hint_after=("example",)),
    Case("no_merges", {"corpus": CLASSIC, "num_merges": 0}),
    Case("random_corpus", random_corpus(12, "etaoinshr", 25)),
    Case("encode_example", {"words": ["lowest", "newer", "wider", "low"], "merges": CLASSIC_MERGES}, run=encode,
         hidden=False, outputs="encoded words"),
    Case("encode_many", {"words": ["newest", "widest", "lowest", "lower", "slow", "west", "dew", "tidewest"],
                         "merges": CLASSIC_MERGES}, run=encode, outputs="encoded words"),
    Case("encode_by_rank", {"words": ["abc", "abcabc", "cab"], "merges": [("b", "c"), ("a", "b"), ("a", "bc")]},
         run=encode, hint="merge the known pair with the lowest rank (earliest in merges) first, not the leftmost",
         hint_after=("encode_example",), outputs="encoded words"),
    Case("encode_unknown_characters", {"words": ["zebra", "q", "lowz"], "merges": CLASSIC_MERGES}, run=encode,
         hint="characters that no merge mentions stay single symbols",
         hint_after=("encode_example",), outputs="encoded words"),
    Case("encode_repeats", {"words": ["aaaaa", "aaaaaaaa", "a"], "merges": [("a", "a"), ("aa", "aa"), ("aa", "a")]},
         run=encode, hint="each merge joins every occurrence left to right: 'aaaaa' with ('a', 'a') is aa aa a",
         hint_after=("encode_example",), outputs="encoded words"),
]

_SPLIT = "word_counts = Counter(word for text in corpus for word in text.split())"
BUGS = [
    Bug("string_replace_merge", "matches merging with a string replace on the space-joined symbols, which also "
        "matches inside longer symbols ('ba b' becomes 'bab'); compare whole adjacent symbols",
        {"    out: list[str] = []\n": "    return ' '.join(symbols).replace(' '.join(pair), ''.join(pair)).split(' ')\n"
         "    out: list[str] = []\n"}),
    Bug("end_of_word_marker", "matches adding an end-of-word marker; in this task a word starts as its bare "
        "characters", {"words = {word: list(word) for word in word_counts}":
                       "words = {word: [*word, '</w>'] for word in word_counts}"}),
    Bug("ties_first_seen", "matches breaking count ties by first occurrence (Counter.most_common); take the "
        "smallest (left, right) tuple", {"best = min(pairs, key=lambda pair: (-pairs[pair], pair))":
                                         "best = pairs.most_common(1)[0][0]"}),
    Bug("ties_largest", "matches breaking count ties towards the largest pair; take the smallest (left, right) "
        "tuple", {"best = min(pairs, key=lambda pair: (-pairs[pair], pair))":
                  "best = max(pairs, key=lambda pair: (pairs[pair], pair))"}),
    Bug("distinct_words_once", "matches counting each distinct word once; a word that occurs c times adds c to "
        "each of its pairs", {"pairs[pair] += word_counts[word]": "pairs[pair] += 1"}),
    Bug("pair_once_per_word", "matches counting a pair once per word; count every adjacent position ('aaaa' "
        "holds ('a', 'a') three times)", {"for pair in zip(symbols, symbols[1:]):":
                                          "for pair in set(zip(symbols, symbols[1:])):"}),
    Bug("min_count_2", "matches stopping when the best pair occurs only once (a min-frequency of 2); this task "
        "merges while any pair is left", {"if not pairs:": "if not pairs or max(pairs.values()) < 2:"}),
    Bug("merges_across_words", "matches treating each text as one word; split texts into words with str.split() "
        "first, so no merge crosses a space", {_SPLIT: "word_counts = Counter(corpus)"}),
    Bug("split_on_single_space", "matches text.split(' '), which keeps tabs, newlines and empty words; split on "
        "any run of whitespace with str.split()", {_SPLIT: _SPLIT.replace("text.split()", "text.split(' ')")}),
    Bug("encode_leftmost_first", "matches merging the leftmost known pair first; merge the pair with the lowest "
        "rank (earliest learned) first", {"best = min(known, key=ranks.__getitem__)": "best = known[0]"}),
]
