"""Messages of the study tools: the stats calendar, export, import, optimize, undo and the LLM interviewer."""

from __future__ import annotations

STUDY: dict[str, tuple[str, str]] = {
    # stats: the review heatmap and the due forecast ({title} is the bold heading)
    "calendar.heatmap_title": ("reviews per day", "每日复习"),
    "calendar.heatmap": ("{title}, {start} to {end}: {total} in all, busiest day {busiest}",
                         "{title}，{start} 至 {end}：共 {total} 次，最多的一天 {busiest} 次"),
    "calendar.less": ("less", "少"),
    "calendar.more": ("more", "多"),
    "calendar.forecast_title": ("reviews due", "待复习"),
    "calendar.forecast": ("{title}, next {days} days: {due}", "{title}，未来 {days} 天：{due}"),
    "calendar.png_written": ("heatmap and forecast drawn in {path}", "热力图和预测已画入 {path}"),
    "export.unknown_format": ("unknown format {fmt!r} (--format: one of {formats})",
                              "未知格式 {fmt!r}（--format 可选：{formats}）"),
    # export, import
    "export.anki": ("{notes} in {decks} written to {path} (import it in Anki: File > Import; importing it "
                    "again updates the same notes)",
                    "已写入 {path}：{notes}，{decks}（在 Anki 中“文件 > 导入”；"
                    "再次导入会更新同一批笔记）"),
    "export.history": ("{attempts}, {cards} and {mocks} written to {path} (on the other machine: "
                       "quizzer import {name})",
                       "已写入 {path}：{attempts}、{cards}、{mocks}（在另一台机器上：quizzer "
                       "import {name}）"),
    "export.review_log": ("{reviews} written to {path} in the FSRS optimizer's review-log columns",
                          "已写入 {path}：{reviews}（FSRS 优化器的列格式）"),
    "import.nothing_new": ("nothing new in {path}: your history already has all of it",
                           "{path} 中没有新内容：你的历史记录已全部包含"),
    "import.merged": ("imported {path}: {attempts_added} added ({attempts_known} already here), cards "
                      "{cards_added} added, {cards_updated} updated, {cards_kept} kept (yours as new or newer), "
                      "{mocks_added} added",
                      "已导入 {path}：新增 {attempts_added}（已有 {attempts_known} 次），"
                      "卡片新增 {cards_added}、更新 {cards_updated}、保留 {cards_kept}（本地的同样新或更新），"
                      "新增 {mocks_added}"),
    # optimize
    "optimize.fitted": ("fitted on {reviews} reviews ({total} in all); practice now schedules with your own parameters",
                        "已基于 {reviews} 次复习（共 {total} 次）拟合；之后练习将使用你的个人参数排期"),
    "optimize.col.recall": ("recall after a Good", "评为 Good 后的记忆保持率"),
    "optimize.col.days": ("{days}d", "{days}天"),
    "optimize.col.log_loss": ("log loss on your reviews", "在你的复习上的对数损失"),
    "optimize.row.default": ("default", "默认"),
    "optimize.row.yours": ("yours", "个人"),
    "optimize.col.since": ("days after the last review", "距上次复习天数"),
    "optimize.col.reviews": ("reviews", "次数"),
    "optimize.col.recalled": ("recalled", "实际记住"),
    "optimize.col.default": ("default predicts", "默认预测"),
    "optimize.col.yours": ("yours predicts", "个人预测"),
    # practice: when a question comes back, the daily limit of new ones, undo
    "wait.day": ("again in {n} day¦again in {n} days", "下次复习：{n} 天后"),
    "wait.hour": ("again in {n} hour¦again in {n} hours", "下次复习：{n} 小时后"),
    "wait.minute": ("again in {n} minute¦again in {n} minutes", "下次复习：{n} 分钟后"),
    "practice.new_limit": ("daily limit reached: {n} new question a day ({held_back} more wait for tomorrow; --new N "
                           "changes the limit)¦daily limit reached: {n} new questions a day ({held_back} more wait for "
                           "tomorrow; --new N changes the limit)",
                           "今日新题已达上限：每天 {n} 道（另有 {held_back} 道留到明天；用 --new N 修改上限）"),
    "undo.none": ("nothing to undo", "没有可撤销的评分"),
    "undo.done": ("rating taken back: the question is asked again", "已撤销上次评分：重新作答该题"),
    # the LLM interviewer: its verdicts and follow-up questions
    "review.by_llm": ("judged by the LLM", "由 LLM 评判"),
    "review.other_opinion": ("the key points judge differently:", "要点评分的判断不同："),
    "review.note": ("note:", "注意："),
    "followup.asks": ("the interviewer follows up:", "面试官追问："),
    "followup.how": ("Answer in a few sentences; finish with an empty line (:skip to pass).",
                     "用几句话作答，空行结束（:skip 跳过）。"),
    "followup.answer": ("your follow-up answer:", "追问回答："),
    "followup.none": ("no follow-up this time: the LLM did not judge this answer",
                      "本题没有追问：这次回答不是由 LLM 评判的"),
    # llm status
    "llm.none": ("no LLM configured ({missing} not set): concept answers are judged by key points, offline",
                 "未配置 LLM（未设置 {missing}）：概念题按要点离线评判"),
    "llm.and": (" and ", " 和 "),
    "llm.how": ("set QUIZZER_LLM_BASE_URL (e.g. http://localhost:11434/v1), QUIZZER_LLM_MODEL and, for a hosted API, "
                "QUIZZER_LLM_API_KEY",
                "请设置 QUIZZER_LLM_BASE_URL（例如 http://localhost:11434/v1）和 QUIZZER_LLM_MODEL；"
                "托管的 API 还需设置 QUIZZER_LLM_API_KEY"),
    "llm.endpoint": ("endpoint: {url}", "接口：{url}"),
    "llm.model": ("model:    {model}", "模型：{model}"),
    "llm.key": ("API key:  {key} · timeout {timeout} s", "API 密钥：{key} · 超时 {timeout} 秒"),
    "llm.key_from": ("from {source}", "来自 {source}"),
    "llm.key_none": ("none", "无"),
    "llm.answers": ("✓ answers", "✓ 有应答"),
    "llm.answered_in": ("{answers} in {seconds} s", "{answers}，用时 {seconds} 秒"),
    "llm.no_answer": ("✗ no answer:", "✗ 无应答："),
}
