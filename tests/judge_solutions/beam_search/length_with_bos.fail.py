# expect hint: counts bos
# Right search, but the length used for normalisation is the whole list, bos included.
def beam_search(step_fn, bos, eos, beam_size, max_len, length_penalty=1.0):
    live, done = [([bos], 0.0)], []
    for _ in range(max_len):
        rows = step_fn([s for s, _ in live])
        cands = []
        for (s, sc), row in zip(live, rows):
            for t in range(row.shape[0]):
                cands.append((s + [t], sc + row[t].item()))
        cands.sort(key=lambda c: c[1], reverse=True)
        live = []
        for s, sc in cands[:beam_size]:
            (done if s[-1] == eos else live).append((s, sc))
        if not live:
            break
    done += live
    return max(done, key=lambda h: h[1] / len(h[0]) ** length_penalty)[0][1:]
