"""`stats --png`: the review heatmap and the due forecast as one image, drawn with matplotlib (an optional extra)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizzer.errors import QuizzerError
from quizzer.practice.days import DayCount


def write_png(path: Path, heat: Sequence[DayCount], due: Sequence[DayCount], force: bool = False) -> Path:
    """Draw both pictures into `path`; refuses to overwrite a file unless `force`."""
    if path.exists() and not force:
        raise QuizzerError(f"{path} already exists; choose another name or add --force to overwrite it")
    if path.is_dir():
        raise QuizzerError(f"{path} is a folder; give a file name such as stats.png")
    try:  # imported here: matplotlib is optional and slow to load, and only this picture needs it
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise QuizzerError("stats --png needs matplotlib: pip install 'quizzer[plot]'") from None

    fig = Figure(figsize=(11, 5.5), layout="constrained")
    FigureCanvasAgg(fig)  # the Agg canvas: no display, whatever backend the user configured
    top, bottom = fig.subplots(2, 1, height_ratios=(1, 1.2))
    weeks = (len(heat) + 6) // 7
    # Rows are weekdays (Monday on top), columns weeks; days after today stay blank (NaN is not drawn).
    grid = [[float("nan")] * weeks for _ in range(7)]
    for i, d in enumerate(heat):
        grid[i % 7][i // 7] = d.count
    top.imshow(grid, cmap="Greens", aspect="equal", vmin=0, vmax=max([d.count for d in heat] + [1]))
    top.set_yticks([0, 2, 4, 6], ["Mon", "Wed", "Fri", "Sun"])
    starts = [(w, heat[w * 7].day) for w in range(weeks)
              if w == 0 or heat[w * 7].day.month != heat[(w - 1) * 7].day.month]
    top.set_xticks([w for w, _ in starts], [f"{day:%b}" for _, day in starts])
    top.set_title(f"Reviews per day ({sum(d.count for d in heat)} in {len(heat)} days)")
    labels = [f"{d.day:%m-%d}" for d in due]
    bottom.bar(labels, [d.count for d in due], color="tab:blue")
    bottom.set_title(f"Reviews due, next {len(due)} days")
    bottom.set_ylabel("questions")
    try:
        fig.savefig(path, format="png", dpi=100)
    except OSError as exc:
        raise QuizzerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
