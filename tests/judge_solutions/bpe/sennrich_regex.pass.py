# In the style of the original subword-nmt script: a vocabulary of space-joined symbol strings, pair statistics
# recounted each round, merges applied with a regex that only matches whole symbols; encoding replays the merges
# in order (the same as lowest rank first for learned merges).
import collections
import re


def _stats(vocab):
    pairs = collections.defaultdict(int)
    for word, freq in vocab.items():
        symbols = word.split()
        for i in range(len(symbols) - 1):
            pairs[symbols[i], symbols[i + 1]] += freq
    return pairs


def _apply(pair, vocab):
    pattern = re.compile(r"(?<!\S)" + re.escape(" ".join(pair)) + r"(?!\S)")
    return {pattern.sub("".join(pair), word): freq for word, freq in vocab.items()}


def learn_bpe(corpus, num_merges):
    vocab = collections.Counter(" ".join(word) for line in corpus for word in line.split())
    merges = []
    for _ in range(num_merges):
        pairs = _stats(vocab)
        if not pairs:
            break
        top = max(pairs.values())
        best = sorted(p for p, c in pairs.items() if c == top)[0]
        merges.append(best)
        vocab = _apply(best, vocab)
    return merges


def bpe_encode(word, merges):
    symbols = " ".join(word)
    for pair in merges:
        symbols = _apply(pair, {symbols: 1}).popitem()[0]
    return symbols.split()
