# expect hint: min-frequency
# subword-nmt's learn_bpe stops once the best pair is rarer than --min-frequency (default 2); this task merges
# while any pair is left.
import collections


def learn_bpe(corpus, num_merges):
    words = collections.Counter(w for text in corpus for w in text.split())
    segs = {w: list(w) for w in words}
    merges = []
    for _ in range(num_merges):
        stats = collections.Counter()
        for w, s in segs.items():
            for i in range(len(s) - 1):
                stats[s[i], s[i + 1]] += words[w]
        if not stats:
            break
        best = min(stats, key=lambda p: (-stats[p], p))
        if stats[best] < 2:
            break
        merges.append(best)
        for w, s in segs.items():
            out, i = [], 0
            while i < len(s):
                if i + 1 < len(s) and (s[i], s[i + 1]) == best:
                    out.append(s[i] + s[i + 1])
                    i += 2
                else:
                    out.append(s[i])
                    i += 1
            segs[w] = out
    return merges


def bpe_encode(word, merges):
    rank = {m: i for i, m in enumerate(merges)}
    s = list(word)
    while True:
        pairs = [(rank[p], i) for i, p in enumerate(zip(s, s[1:])) if p in rank]
        if not pairs:
            return s
        best = min(pairs)[0]
        pair = merges[best]
        out, i = [], 0
        while i < len(s):
            if i + 1 < len(s) and (s[i], s[i + 1]) == pair:
                out.append(s[i] + s[i + 1])
                i += 2
            else:
                out.append(s[i])
                i += 1
        s = out
