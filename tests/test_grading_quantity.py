"""Reading answers into quantities: where units attach, which meaning an ambiguous word takes, ranges."""

from __future__ import annotations

import pytest

from quizzer.errors import ExprError
from quizzer.grading import read_quantity
from quizzer.grading.dims import BYTES, FLOP, NONE, RATE, TIME


@pytest.mark.parametrize("text, want, value, dim", [
    ("1/2 GB", BYTES, 5e8, BYTES),                       # a unit applies to the numbers before it
    ("3e23 FLOP / 1e15 FLOP/s", TIME, 3e8, TIME),         # ... back to the previous unit only
    ("6 GB / 2 s", None, 3e9, (1, 0, -1)),
    ("1e15 FLOP/s * 1 day", FLOP, 8.64e19, FLOP),
    ("2 * 7 GB", BYTES, 1.4e10, BYTES),
    ("100-20 GB", BYTES, 8e10, BYTES),                    # high end below the low one: a difference
    ("7B", NONE, 7e9, NONE),                              # B: billion in a count ...
    ("7B", BYTES, 7.0, BYTES),                            # ... bytes in a bytes answer
    ("7B * 2 bytes", BYTES, 1.4e10, BYTES),               # ... whichever gives the dimension asked for
    ("14G", BYTES, 1.4e10, BYTES),
    ("26T", FLOP, 2.6e13, FLOP),
    ("312T", RATE, 3.12e14, RATE),
    ("2T tokens", NONE, 2e12, NONE),
    ("3.15e23 flops", FLOP, 3.15e23, FLOP),
    ("312 flops", RATE, 312, RATE),
    ("七十亿", NONE, 7e9, NONE),
    ("一千二百万", NONE, 1.2e7, NONE),
    ("三万亿", NONE, 3e12, NONE),
    ("一点五亿", NONE, 1.5e8, NONE),
    ("两千", NONE, 2000, NONE),
    ("1.5万亿", NONE, 1.5e12, NONE),
    ("10w", NONE, 1e5, NONE),
    ("18.7万 GPU小时", TIME, 187000 * 3600.0, TIME),
    ("187k GPU-hours", TIME, 187000 * 3600.0, TIME),
    ("1.4x10^10", NONE, 1.4e10, NONE),
    ("10¹⁰", NONE, 1e10, NONE),
    ("１４ＧＢ", BYTES, 1.4e10, BYTES),
    ("3 months", TIME, 3 * 30.44 * 86400, TIME),
    ("1 year", TIME, 365.25 * 86400, TIME),
    ("1 PF-day", FLOP, 8.64e19, FLOP),
    ("1 Gb", BYTES, 1.25e8, BYTES),
    ("1 gb", BYTES, 1e9, BYTES),
])
def test_values(text: str, want: tuple[int, int, int] | None, value: float, dim: tuple[int, int, int]) -> None:
    q = read_quantity(text, want)
    assert (q.value, q.dim) == (pytest.approx(value, rel=1e-12), dim)


def test_ranges_keep_both_ends_and_grade_at_the_geometric_midpoint() -> None:
    q = read_quantity("16-25 GB", BYTES)
    assert (q.low, q.high, q.value, q.spread) == (16e9, 25e9, pytest.approx(20e9), pytest.approx(25 / 16))
    q = read_quantity("18 ± 1 GB", BYTES)
    assert (q.low, q.high) == (17e9, 19e9)
    assert read_quantity("18 GB to 17 GB", BYTES).low == 17e9


def test_what_was_written_is_kept() -> None:
    q = read_quantity("4 GiB", BYTES)
    assert (q.shown, q.bare, q.readings) == ("GiB", False, ())
    assert read_quantity("312 TFLOP/s").shown == "TFLOP/s"
    assert read_quantity("4.29", BYTES).bare and read_quantity("14 million", BYTES).bare
    assert read_quantity("7B*2", BYTES).readings == (("B", "B"),)


def test_a_calculator_subtracts_instead_of_reading_ranges() -> None:
    assert read_quantity("2-7", ranges=False).value == -5
    with pytest.raises(ExprError, match="a range cannot be calculated"):
        read_quantity("2 to 7", ranges=False)


@pytest.mark.parametrize("text, message", [
    ("14 gigs", "unknown unit or word 'gigs' at position 4 (did you mean 'gigaflops'?)"),
    ("14 Gib", "(did you mean 'GiB'?)"),
    ("14 GB + 3 s", "cannot add a time to a size in bytes"),
    ("sqrt(2 GB)", "sqrt() of a size in bytes"),
    ("2^(1 GB)", "an exponent cannot have a unit"),
    ("1e401", "the number '1e401' is too large"),
    ("14 GB to 3 s", "the two ends of the range are a size in bytes and a time"),
    ("1,5", "separators must split digits into groups of three"),
    ("1, 5", "unexpected ','"),
])
def test_errors_say_why(text: str, message: str) -> None:
    with pytest.raises(ExprError) as exc:
        read_quantity(text, BYTES)
    assert message in exc.value.message
