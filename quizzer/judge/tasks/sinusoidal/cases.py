"""Hidden cases and known bugs of the `sinusoidal` task."""

from __future__ import annotations

from quizzer.judge.spec import Bug, Case, call

RUN = call("sinusoidal_positions", "max_len", "d_model")

# A float32 pos * freq is off by about pos * 6e-8 however it is computed, so long tables get a looser atol.
CASES = [
    Case("example_4x8", {"max_len": 4, "d_model": 8}, hidden=False),
    Case("one_pair", {"max_len": 20, "d_model": 2}),
    Case("50x16", {"max_len": 50, "d_model": 16}),
    Case("300x6", {"max_len": 300, "d_model": 6}, atol=1e-4),
    Case("128x64", {"max_len": 128, "d_model": 64}, atol=1e-4),
    Case("wide_10x512", {"max_len": 10, "d_model": 512}),
    Case("long_2048x32", {"max_len": 2048, "d_model": 32}, atol=5e-4),
]

_SIN = "pe[:, 0::2] = torch.sin(angles)"
_COS = "pe[:, 1::2] = torch.cos(angles[:, : d_model // 2])"
_HALVES = {_SIN: "pe[:, : (d_model + 1) // 2] = torch.sin(angles)",
           _COS: "pe[:, (d_model + 1) // 2 :] = torch.cos(angles[:, : d_model // 2])"}
BUGS = [
    Bug("fairseq_layout", "matches fairseq's (and tensor2tensor's) table: all sines, then all cosines, with "
        "frequencies 10000 ** (-i / (d/2 - 1)); this task follows Attention Is All You Need: sin and cos interleave "
        "(columns 2i, 2i+1) and share the frequency 10000 ** (-2i / d)",
        {**_HALVES, "freq = torch.exp(-math.log(10000.0) * two_i / d_model)":
         "freq = torch.exp(-math.log(10000.0) * (two_i / 2) / (d_model // 2 - 1))"}),
    Bug("positions_from_one", "matches positions starting at 1; row 0 is position 0 (sin 0 = 0, cos 0 = 1)",
        {"torch.arange(max_len, dtype=torch.float64)": "torch.arange(1, max_len + 1, dtype=torch.float64)"}),
    Bug("sin_cos_swapped", "matches cos on the even columns and sin on the odd ones; PE[pos, 2i] is the sine",
        {_SIN: "pe[:, 0::2] = torch.cos(angles)", _COS: "pe[:, 1::2] = torch.sin(angles[:, : d_model // 2])"}),
    Bug("halves_not_interleaved", "matches all sines in the first half and all cosines in the second; they "
        "interleave: sin on column 2i, cos on column 2i+1", _HALVES),
    Bug("exponent_pair_index", "matches 10000 ** (i / d) with i the pair index; the exponent is 2i / d, where 2i "
        "is the sine's column", {"two_i / d_model": "(two_i / 2) / d_model"}),
    Bug("frequency_per_column", "matches giving cosine column 2i+1 its own frequency 10000 ** ((2i+1) / d); each "
        "sin/cos pair shares 10000 ** (2i / d)",
        {_COS: "pe[:, 1::2] = torch.cos(pos * torch.exp(-math.log(10000.0) * (two_i + 1) / d_model))"}),
    Bug("float64_table", "returns float64; return a float32 table (torch's default dtype)",
        {"return pe.to(torch.float32)": "return pe"}),
]
