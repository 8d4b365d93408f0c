"""How `stats` draws days: the review heatmap (weeks as columns, weekdays as rows) and the 14-day due forecast."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from rich.markup import escape
from rich.style import Style
from rich.text import Text

from quizzer.cli.console import out
from quizzer.messages import say
from quizzer.models import Lang
from quizzer.practice.days import DayCount

# Shades from no reviews to the busiest days; distinct characters, so the picture survives NO_COLOR.
SHADES: tuple[tuple[str, str | Style], ...] = (("·", "grey42"), ("░", "green4"), ("▒", "green3"), ("▓", "green1"),
                                              ("█", Style(color="bright_green", bold=True)))
WEEKDAYS = {"en": ("Mon", "", "Wed", "", "Fri", "", "Sun"), "zh": ("一", "", "三", "", "五", "", "日")}
ZH_WEEKDAYS = "一二三四五六日"
FORECAST_BAR = 30


def shade(count: int, busiest: int) -> int:
    """0 for a day without reviews, else 1-4 by the share of the busiest day (any review shows)."""
    if count <= 0 or busiest <= 0:
        return 0
    return max(1, min(4, -(-4 * count // busiest)))


def _month_row(days: Sequence[DayCount], lang: Lang) -> str:
    """Month names over the week in which each month begins, like a contribution graph."""
    weeks = (len(days) + 6) // 7
    row = [" "] * (weeks * 2 + 3)
    for week in range(weeks):
        first = days[0].day + timedelta(weeks=week)
        if week == 0 or first.month != (first - timedelta(weeks=1)).month:
            label = first.strftime("%b") if lang == "en" else f"{first.month}月"
            if all(c == " " for c in row[week * 2:week * 2 + len(label) + 1]):
                row[week * 2:week * 2 + len(label)] = label
    return "    " + "".join(row).rstrip()


def heatmap(days: Sequence[DayCount], lang: Lang = "en") -> None:
    """Reviews per day, one column per week (Monday on top), shaded by count."""
    if not days:
        return
    busiest = max(d.count for d in days)
    total = sum(d.count for d in days)
    start, end = f"{days[0].day:%Y-%m-%d}", f"{days[-1].day:%Y-%m-%d}"
    title = f"[bold]{say(lang, 'calendar.heatmap_title')}[/]"
    out.print(say(lang, "calendar.heatmap", title=title, start=start, end=end, total=total, busiest=busiest))
    out.print(_month_row(days, lang))
    for weekday in range(7):
        name = WEEKDAYS[lang][weekday]
        line = Text(name + " " * (4 - (len(name) * 2 if lang == "zh" else len(name))))
        for d in days[weekday::7]:
            char, style = SHADES[shade(d.count, busiest)]
            line.append(char + " ", style=style)
        out.print(line)
    legend = Text(f"    {say(lang, 'calendar.less')} ")
    for char, style in SHADES:
        legend.append(char + " ", style=style)
    legend.append(say(lang, "calendar.more"))
    out.print(legend)


def forecast(days: Sequence[DayCount], lang: Lang = "en") -> None:
    """Reviews due per day from today, as horizontal bars (overdue ones count as due today)."""
    if not days:
        return
    most = max(d.count for d in days)
    due = sum(d.count for d in days)
    title = f"[bold]{say(lang, 'calendar.forecast_title')}[/]"
    out.print(say(lang, "calendar.forecast", title=title, days=len(days), due=due))
    for i, d in enumerate(days):
        width = round(d.count / most * FORECAST_BAR) if most else 0
        if d.count and not width:
            width = 1  # a day with reviews never looks empty
        if lang == "zh":
            label = "今天     " if i == 0 else f"周{ZH_WEEKDAYS[d.day.weekday()]} {d.day:%m-%d}"
        else:
            label = "today" if i == 0 else f"{d.day:%a %m-%d}"
        out.print(f"{label:<9} [cyan]{'█' * width}[/]{' ' if width else ''}{d.count}")


def png_written(path: object, lang: Lang) -> None:
    """`stats --png`: where the pictures went."""
    out.print(escape(say(lang, "calendar.png_written", path=path)))
