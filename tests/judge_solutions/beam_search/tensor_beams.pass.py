# Scores kept as a float64 tensor, candidates ranked with a stable descending sort of the flattened (beam, token)
# scores (flat index = beam * V + token, so ties keep (beam, token) order).
import torch


def beam_search(step_fn, bos, eos, beam_size, max_len, length_penalty=1.0):
    seqs = [[bos]]
    scores = torch.zeros(1, dtype=torch.float64)
    done = []
    for _ in range(max_len):
        logp = step_fn(seqs).to(torch.float64)
        V = logp.shape[-1]
        total = (scores[:, None] + logp).reshape(-1)
        order = torch.sort(total, descending=True, stable=True).indices[:beam_size]
        new_seqs, new_scores = [], []
        for flat in order.tolist():
            beam, tok = divmod(flat, V)
            seq = seqs[beam] + [tok]
            if tok == eos:
                done.append((seq, float(total[flat])))
            else:
                new_seqs.append(seq)
                new_scores.append(float(total[flat]))
        if not new_seqs:
            break
        seqs, scores = new_seqs, torch.tensor(new_scores, dtype=torch.float64)
    else:  # max_len reached with hypotheses still live: they compete as they are
        done.extend(zip(seqs, scores.tolist()))
    best = max(done, key=lambda d: d[1] / (len(d[0]) - 1) ** length_penalty)
    return best[0][1:]
