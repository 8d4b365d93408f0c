# expect hint: refilling the beam
# Hugging Face-style bookkeeping: rank 2 * beam_size candidates, set aside the eos ones among the top beam_size, and
# keep beam_size live hypotheses by taking the best non-eos candidates, even those ranked below a finished one.
def beam_search(step_fn, bos, eos, beam_size, max_len, length_penalty=1.0):
    beams = [([bos], 0.0)]
    finished = []
    for _ in range(max_len):
        rows = step_fn([s for s, _ in beams]).tolist()
        cands = sorted(((sc + lp, s + [t]) for (s, sc), row in zip(beams, rows) for t, lp in enumerate(row)),
                       key=lambda c: -c[0])[:2 * beam_size]
        nxt = []
        for rank, (sc, s) in enumerate(cands):
            if s[-1] == eos:
                if rank < beam_size:
                    finished.append((s, sc))
            else:
                nxt.append((s, sc))
            if len(nxt) == beam_size:
                break
        beams = nxt
    finished += beams
    best = max(finished, key=lambda h: h[1] / (len(h[0]) - 1) ** length_penalty)
    return best[0][1:]
