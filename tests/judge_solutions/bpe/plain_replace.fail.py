# expect hint: merge whole adjacent symbols
# expect diagnosis: none
# Symbols kept as one space-joined string and merged with str.replace: 'ba b'.replace('a b', 'ab') glues a pair
# that straddles a longer symbol. Its bpe_encode (each merge once, in order) differs from the known bug's on
# encode_repeats, so no single known bug explains the whole file: the case hint says what is wrong.
from collections import Counter


def learn_bpe(corpus, num_merges):
    vocab = Counter(" ".join(w) for text in corpus for w in text.split())
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for word, n in vocab.items():
            s = word.split(" ")
            for a, b in zip(s, s[1:]):
                pairs[a, b] += n
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        vocab = Counter({w.replace(" ".join(best), "".join(best)): n for w, n in vocab.items()})
    return merges


def bpe_encode(word, merges):
    s = " ".join(word)
    for pair in merges:
        s = s.replace(" ".join(pair), "".join(pair))
    return s.split(" ")
