"""How export, import and optimize report what they did."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from quizzer.cli.console import out
from quizzer.export.anki import AnkiExport
from quizzer.models import Lang, in_lang
from quizzer.practice.personal import Fit
from quizzer.store.exchange import Exported, Merged


def anki_written(r: AnkiExport, lang: Lang) -> None:
    """`export anki`."""
    out.print(in_lang(lang, f"{r.notes} notes in {len(r.decks)} decks written to {r.path} (import it in Anki: "
                            f"File > Import; importing it again updates the same notes)",
                      f"已写入 {r.path}：{r.notes} 条笔记，{len(r.decks)} 个牌组（在 Anki 中“文件 > 导入”；"
                      f"再次导入会更新同一批笔记）"))


def history_written(r: Exported, lang: Lang) -> None:
    """`export history`."""
    out.print(in_lang(lang, f"{r.attempts} attempts, {r.cards} cards and {r.mocks} mocks written to {r.path} "
                            f"(on the other machine: quizzer import {r.path.name})",
                      f"已写入 {r.path}：{r.attempts} 次作答、{r.cards} 张卡片、{r.mocks} 次模拟面试"
                      f"（在另一台机器上：quizzer import {r.path.name}）"))


def review_log_written(path: Path, reviews: int, lang: Lang) -> None:
    """`export history --format fsrs-csv`."""
    out.print(in_lang(lang, f"{reviews} reviews written to {path} in the FSRS optimizer's review-log columns",
                      f"已写入 {path}：{reviews} 条复习记录（FSRS 优化器的列格式）"))


def merged(m: Merged, lang: Lang) -> None:
    """`import`: what was added, updated and already there."""
    if not m.changed:
        out.print(in_lang(lang, f"nothing new in {m.path}: your history already has all of it",
                          f"{m.path} 中没有新内容：你的历史记录已全部包含"))
        return
    out.print(in_lang(lang, f"imported {m.path}: {m.attempts_added} attempts added ({m.attempts_known} already here), "
                            f"cards {m.cards_added} added, {m.cards_updated} updated, {m.cards_kept} kept (yours "
                            f"as new or newer), {m.mocks_added} mocks added",
                      f"已导入 {m.path}：新增 {m.attempts_added} 次作答（已有 {m.attempts_known} 次），卡片新增 "
                      f"{m.cards_added}、更新 {m.cards_updated}、保留 {m.cards_kept}（本地的同样新或更新），"
                      f"新增 {m.mocks_added} 次模拟面试"))


def fit(f: Fit, lang: Lang) -> None:
    """`optimize`: the two forgetting curves and how well each predicts the user's reviews."""
    out.print(in_lang(lang, f"fitted on {f.reviews} reviews ({f.total_reviews} in all); practice now schedules with "
                            f"your own parameters",
                      f"已基于 {f.reviews} 次复习（共 {f.total_reviews} 次）拟合；之后练习将使用你的个人参数排期"))
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(in_lang(lang, "recall after a Good", "评为 Good 后的记忆保持率"))
    for p in f.curve:
        table.add_column(in_lang(lang, f"{p.days}d", f"{p.days}天"), justify="right")
    table.add_column(in_lang(lang, "log loss on your reviews", "在你的复习上的对数损失"), justify="right")
    table.add_row(in_lang(lang, "default", "默认"), *(f"{p.default:.0%}" for p in f.curve), f"{f.log_loss_default:.4f}")
    table.add_row(in_lang(lang, "yours", "个人"), *(f"{p.personal:.0%}" for p in f.curve), f"{f.log_loss_personal:.4f}")
    out.print(table)
    if f.intervals:
        out.print()
        bands = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        bands.add_column(in_lang(lang, "days after the last review", "距上次复习天数"))
        for title in (in_lang(lang, "reviews", "次数"), in_lang(lang, "recalled", "实际记住"),
                      in_lang(lang, "default predicts", "默认预测"), in_lang(lang, "yours predicts", "个人预测")):
            bands.add_column(title, justify="right")
        for b in f.intervals:
            span = f"{b.low}-{b.high - 1}" if b.high is not None else f"{b.low}+"
            bands.add_row(span, str(b.reviews), f"{b.observed:.0%}", f"{b.default:.0%}", f"{b.personal:.0%}")
        out.print(bands)
