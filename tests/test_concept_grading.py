"""Concept judging: claims shown by evidence patterns, negation, misconceptions, hedges, both languages."""

from __future__ import annotations

import pytest

from quizzer.grading.concept import grade_concept, hedged
from quizzer.models import Concept, KeyPoint, Misconception, Text
from quizzer.text.patterns import PatternError, compile_pattern, short_stems, shows

T = Text("点", "point")

RMSNORM = Concept(
    Text("答", "answer"),
    (
        KeyPoint(T, ("rms | root mean square | 均方根 + divid* | rescal* | scal* | normaliz* | 除以 | 缩放",), True),
        KeyPoint(T, ("not ... subtract* ... mean | no mean | without * mean | skip* * mean | 不减 ... 均值 | 不做中心化"
                     " | 去掉 ... 均值",), True),
        KeyPoint(T, ("cheaper | faster | fewer op* | less comput* | 更快 | 计算量更少 | 更省",)),
        KeyPoint(T, ("llama | t5 | 大模型",)),
    ),
    (Misconception(Text("减均值", "subtracts the mean"), ("rmsnorm | rms norm | 它 | it + subtract* | center* | 减去"
                                                        " | 减 + mean | 均值",),
                   Text("RMSNorm 不减均值", "RMSNorm does not subtract the mean")),),
)


@pytest.mark.parametrize("text", ["shard", "Shards", "sharded", "sharding"])
def test_terms_match_whole_words_with_regular_inflections(text: str) -> None:
    assert shows(f"ZeRO {text} things", ("shard",))


@pytest.mark.parametrize("text", ["the meaning of it", "a sharp drop", "a long paragraph"])
def test_terms_do_not_match_inside_other_words(text: str) -> None:
    assert not shows(text, ("mean", "shard", "rag"))


def test_us_and_uk_spellings_and_hyphens_are_one_word() -> None:
    assert shows("weight quantisation with an optimiser", ("quantization + optimizer",))
    assert shows("a low rank update", ("low-rank",)) and shows("a low-rank update", ("low rank",))


def test_all_groups_must_appear_in_one_sentence() -> None:
    pattern = ("shard* | split* | 切分 + optimizer state* | adam state* | 优化器状态",)
    assert shows("ZeRO-1 splits the Adam states across ranks.", pattern)
    assert shows("ZeRO-1 把优化器状态切分到各卡", pattern)
    assert not shows("It splits work. The optimizer states stay whole.", pattern)


def test_negated_evidence_does_not_count() -> None:
    assert not shows("LoRA does not freeze the base weights", ("freez*",))
    assert not shows("LoRA 不冻结原权重", ("冻结",))
    assert not shows("It is not about variance or gradients", ("variance", "gradient"))
    assert shows("It is not slow, and it freezes the weights", ("freez*",))


def test_a_cue_that_is_part_of_the_pattern_does_not_negate_it() -> None:
    assert shows("After merging there is no extra latency", ("merg* + no extra latency | no added latency",))
    assert shows("GRPO drops the critic entirely", ("drop* ... critic | no critic",))


def test_misconception_fires_when_asserted_and_wins_over_coverage() -> None:
    v = grade_concept("RMSNorm subtracts the mean and then divides by the root mean square, which is faster "
                      "and used in LLaMA.", RMSNORM)
    assert v.misconceptions == (0,) and v.suggested_rating == 1 and v.verdict == "wrong"


@pytest.mark.parametrize("answer", [
    "RMSNorm does not subtract the mean; it only divides by the root mean square, so it is cheaper.",
    "Unlike LayerNorm, which subtracts the mean, RMSNorm just rescales by the RMS without the mean step; it is faster.",
    "RMSNorm 不减均值，只除以均方根，计算量更少，LLaMA 就用它。",
])
def test_negated_misconception_does_not_fire(answer: str) -> None:
    v = grade_concept(answer, RMSNORM)
    assert v.misconceptions == () and v.suggested_rating == 3, v


@pytest.mark.parametrize("answer", [
    "I am not sure. It is not about variance or gradient or temperature... Honestly no idea.",
    "不知道，忘了",
    "maybe something about the mean? perhaps scaling?",
])
def test_hedges_are_never_good(answer: str) -> None:
    v = grade_concept(answer, RMSNORM)
    assert hedged(answer) and v.suggested_rating == 1, v


def test_hedged_but_right_is_hard() -> None:
    v = grade_concept("Not sure, but RMSNorm divides by the root mean square and does not subtract the mean.",
                      RMSNORM)
    assert v.suggested_rating == 2 and v.hedged


def test_questions_in_the_answer_are_not_claims() -> None:
    assert not shows("Does it divide by the RMS?", ("rms + divid*",))


def test_missing_an_essential_point_is_again() -> None:
    v = grade_concept("RMSNorm divides by the root mean square; it is faster and used by LLaMA.", RMSNORM)
    assert v.covered == (True, False, True, True) and v.missing_essential and v.suggested_rating == 1


def test_good_needs_half_the_points() -> None:
    # Both essentials make two of four points: enough for Good.
    v = grade_concept("RMSNorm divides by the RMS and skips the mean subtraction.", RMSNORM)
    assert v.covered == (True, True, False, False) and v.suggested_rating == 3


def test_pattern_syntax_errors_and_short_stems() -> None:
    with pytest.raises(PatternError):
        compile_pattern("a | | b")
    with pytest.raises(PatternError):
        compile_pattern("a + ")
    assert short_stems("ste* | step | soft* | min*") == ["ste", "min"]
    assert shows("the minimum", ("=min",)) is False and shows("take the min", ("=min",))


def test_prefix_and_gap_terms() -> None:
    assert shows("materialises nothing", ("materiali*",))
    assert shows("never writes the full score matrix to HBM", ("never ... score matrix",))


def test_a_term_accepts_its_synonym_family_in_both_languages() -> None:
    assert shows("ZeRO-1 partitions the Adam moments over ranks", ("shard + optimizer state",))
    assert shows("把优化器状态切到各张卡上，分片存", ("shard + optimizer state",))
    assert shows("the weights stay frozen", ("freeze",))
    assert not shows("the weights stay frozen", ("=freeze",))


def test_chinese_punctuation_ends_sentences_and_clauses() -> None:
    assert not shows("它切分参数；优化器状态保持完整", ("切分 + 优化器状态",))
    assert not shows("它切分参数？优化器状态保持完整", ("切分 + 优化器状态",))


def test_a_cue_overlapping_the_term_or_inside_a_gap_still_negates() -> None:
    assert not shows("GRPO 不需要价值模型", ("需要价值模型",), by_clause=True)
    assert not shows("beta is not the learning rate", ("is ... learning rate",))
    assert shows("beta is basically a learning rate", ("is ... learning rate",))


def test_uncertainty_is_not_a_hedge() -> None:
    assert not hedged("奖励模型的不确定性可以作为惩罚项") and hedged("不确定，忘了")


def test_a_negated_list_stays_negated_across_commas() -> None:
    assert not shows("LLaMA does not use RMSNorm, SwiGLU or RoPE", ("swiglu",))
    assert shows("LLaMA does not use LayerNorm, it uses SwiGLU and RoPE in every block", ("swiglu",))


def test_not_just_denies_only_the_limiting_claim() -> None:
    assert not shows("SwiGLU is not just an activation", ("just ... activation",), by_clause=True)
    assert shows("ZeRO not only shards the optimizer states", ("shard + optimizer state",))


def test_chinese_words_ending_in_bie_are_not_negations() -> None:
    assert shows("两者的区别在于 RMSNorm 只除以均方根", ("均方根",))


def test_uk_folding_leaves_words_that_are_not_spelling_variants() -> None:
    assert shows("supervised fine tuning", ("supervis*",)) and shows("supervised fine tuning", ("supervised",))
    assert shows("weight quantisation", ("quantis*",)) and shows("weight quantization", ("quantis*",))


def test_content_uses_of_forget_and_approximately_are_not_hedges() -> None:
    assert not hedged("If you forget the fp32 master copy, small updates vanish in fp16.")
    assert not hedged("如果忘了 fp32 主权重，小的更新会在 fp16 里被舍入掉。")
    assert not hedged("大概 8Ld² FLOPs per token. 计算量主要在矩阵乘。")


def test_a_chinese_negation_reaches_its_predicate_not_the_whole_clause() -> None:
    assert shows("λ 取 0 方差小但 critic 不准就有偏", ("有偏",))
    assert not shows("DPO 并不需要单独训练一个奖励模型", ("训练 ... 奖励模型",))


def test_chinese_words_that_only_look_negative() -> None:
    assert shows("两者效果差不多，几乎不损失精度", ("效果 ... 差不多",))
    assert not hedged("模型本身不知道哪些事实是真的，所以要检索。") and hedged("我不知道。")


def test_quoted_or_conditional_i_dont_know_is_not_a_hedge() -> None:
    assert not hedged("Train the model to answer \u201cI don't know\u201d when retrieval finds nothing.")
    assert not hedged("If I don't know something in an interview, I say so and reason aloud.")
    assert not hedged("面试里不要不懂装懂，先说思路。")


def test_non_and_long_chinese_negations() -> None:
    assert not shows("the argmax is non-differentiable", ("differentiable",))
    assert not shows("PagedAttention 并不是把 KV Cache 切成固定大小的块再分页管理", ("切成 ... 块",))


def test_an_answer_mostly_about_something_else_is_not_good() -> None:
    spec = Concept(answer=Text(zh="", en=""), key_points=(
        KeyPoint(text=Text(zh="", en="variance grows"), evidence=("variance + grow* | d_k",), essential=True),
        KeyPoint(text=Text(zh="", en="softmax saturates"), evidence=("softmax + saturat*",)),
    ))
    on_point = "The variance grows with d_k. So the softmax saturates."
    padded = on_point + " " + " ".join(f"Unrelated sentence number {i} about tokenizers." for i in range(6))
    assert grade_concept(on_point, spec).suggested_rating == 3
    verdict = grade_concept(padded, spec)
    assert verdict.covered == (True, True) and not verdict.focused and verdict.suggested_rating == 2


@pytest.mark.parametrize("answer, shown", [
    ("without scaling the softmax saturates", True),  # the opening phrase negates its object, not the claim
    ("instead of a critic the softmax saturates", True),
    ("without scaling, the softmax saturates", True),
    ("it works without the softmax saturating", False),  # mid-clause: the claim itself is denied
    ("without softmax saturation", False),
])
def test_a_clause_opening_without_negates_only_its_object(answer: str, shown: bool) -> None:
    assert shows(answer, ("softmax + saturat*",)) is shown


@pytest.mark.parametrize("answer, is_hedge", [
    ("I have no idea, maybe it is about variance.", True),
    ("No idea. Something with the softmax?", True),
    ("Honestly no idea.", True),
    ("BM25 has no idea that two different words mean the same thing, so we add dense retrieval.", False),
    ("我不懂这个。", True),
    ("完全不懂", True),
    ("BM25 不懂同义改写，所以要加向量检索。", False),
])
def test_no_idea_is_a_hedge_only_when_the_candidate_says_it(answer: str, is_hedge: bool) -> None:
    assert hedged(answer) is is_hedge
