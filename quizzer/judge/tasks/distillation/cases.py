"""Hidden cases and known bugs of the `distillation` task."""

from __future__ import annotations

from quizzer.judge.spec import Bug, Case, call, randint, randn

RUN = call("distillation_loss", "student_logits", "teacher_logits", "labels")
OUTPUTS = "loss"


def logits(n: int, c: int, dtype: str = "float32", scale: float = 2.0, **extra: object) -> dict[str, object]:
    """Student and teacher logits (n, c) and labels, plus the case's T and alpha."""
    return {"student_logits": randn(n, c, dtype=dtype, scale=scale),
            "teacher_logits": randn(n, c, dtype=dtype, scale=scale), "labels": randint(0, c, n), **extra}


CASES = [
    Case("example", logits(4, 10), hidden=False),
    Case("T4_alpha0_9", logits(6, 7, T=4.0, alpha=0.9), hint="use the T and alpha arguments"),
    Case("T1", logits(5, 6, T=1.0, alpha=0.3)),
    Case("only_distillation", logits(5, 8, alpha=1.0, T=3.0),
         hint="alpha=1 leaves only alpha * T**2 * KL(p_teacher || p_student), batch mean"),
    Case("only_hard_labels", logits(5, 8, alpha=0.0), hint="alpha=0 leaves only the cross-entropy of the raw "
         "student logits against the labels"),
    Case("float64", logits(3, 5, dtype="float64", T=2.5, alpha=0.7)),
    Case("large_logits", logits(4, 12, scale=30.0, T=1.5), hint="large logits need log_softmax (or a stable "
         "log-sum-exp), not log(softmax)", hint_on="nonfinite"),
    Case("two_classes", logits(8, 2, T=5.0, alpha=0.6)),
]

_KL = "(log_p_t.exp() * (log_p_t - log_p_s))"
BUGS = [
    Bug("no_T_squared", "matches leaving out the T**2 factor on the distillation term",
        {"soft = kl * T * T": "soft = kl"}),
    Bug("kl_reversed", "matches KL(p_student || p_teacher); the teacher is the reference: "
        "sum p_t * (log p_t - log p_s)",
        {_KL: "(log_p_s.exp() * (log_p_s - log_p_t))"}),
    Bug("kl_mean_over_classes", "matches averaging the KL over classes too (reduction='mean'); sum over classes, "
        "then average over the batch ('batchmean')", {".sum(dim=-1).mean()": ".mean()"}),
    Bug("kl_summed_over_batch", "matches summing the KL over the batch; average it over the batch",
        {".sum(dim=-1).mean()": ".sum()"}),
    Bug("ce_on_softened_logits", "matches the hard-label cross-entropy of student_logits / T; use the raw logits",
        {"F.cross_entropy(student_logits, labels)": "F.cross_entropy(student_logits / T, labels)"}),
    Bug("alpha_swapped", "matches alpha weighting the hard-label term; alpha weights the distillation term",
        {"alpha * soft + (1.0 - alpha) * hard": "(1.0 - alpha) * soft + alpha * hard"}),
    Bug("teacher_not_softened", "matches a teacher distribution without the temperature; soften both: "
        "softmax(teacher_logits / T)",
        {"F.log_softmax(teacher_logits / T, dim=-1)": "F.log_softmax(teacher_logits, dim=-1)"}),
    Bug("T_not_T_squared", "matches multiplying the distillation term by T instead of T**2",
        {"soft = kl * T * T": "soft = kl * T"}),
]
