"""Reference solution: byte-pair encoding, learning the merges from a corpus and encoding a word with them."""

from collections import Counter


def learn_bpe(corpus: list[str], num_merges: int) -> list[tuple[str, str]]:
    """Up to num_merges merges, most frequent adjacent pair first (ties: the smallest pair)."""
    word_counts = Counter(word for text in corpus for word in text.split())
    # Every distinct word once, as its current symbols; its count weighs its pairs.
    words = {word: list(word) for word in word_counts}
    merges: list[tuple[str, str]] = []
    for _ in range(num_merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for word, symbols in words.items():
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += word_counts[word]
        if not pairs:
            break  # every word is a single symbol: nothing left to merge
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        words = {word: _merge(symbols, best) for word, symbols in words.items()}
    return merges


def bpe_encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """The word's symbols after applying the merges, lowest rank first."""
    ranks = {pair: rank for rank, pair in enumerate(merges)}
    symbols = list(word)
    while len(symbols) > 1:
        known = [pair for pair in zip(symbols, symbols[1:]) if pair in ranks]
        if not known:
            break
        best = min(known, key=ranks.__getitem__)
        symbols = _merge(symbols, best)
    return symbols


def _merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """symbols with each occurrence of the adjacent pair, left to right, joined into one symbol."""
    # Whole symbols are compared: a string replace on the joined text would also match inside longer symbols.
    out: list[str] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out
