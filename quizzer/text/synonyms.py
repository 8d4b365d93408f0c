"""Families of interchangeable interview vocabulary, so a bank author's term also accepts its usual synonyms.

A term in an evidence pattern that equals a family member (after normalisation) matches every member of
its family: an author who writes `shard` also accepts "partition", "split", "切分" and "分片". Families hold
only words that mean the same thing in an LLM interview; a word with a second sense stays out (`reduce`,
which is also all-reduce; `head`, `block`, `search`). Exact terms (`=word`), prefixes (`word*`) and terms
with gaps are never expanded.
"""

from __future__ import annotations

from functools import lru_cache

from quizzer.text.normalize import normalize

FAMILIES: tuple[tuple[str, ...], ...] = (
    ("shard", "partition", "split", "slice", "切分", "分片", "拆分", "划分", "切片", "切开", "分摊"),
    ("memory", "vram", "gpu memory", "device memory", "显存", "内存"),
    ("faster", "quicker", "speed up", "speedup", "accelerate", "更快", "加速", "提速"),
    ("slower", "更慢", "变慢"),
    ("optimizer state", "optimizer states", "adam state", "adam states", "optimizer moments", "adam moments",
     "first and second moments", "m and v", "优化器状态", "一阶矩和二阶矩", "动量和方差"),
    ("gradient", "grad", "梯度"),
    ("parameter", "param", "weight", "参数", "权重"),
    ("attention matrix", "score matrix", "attention scores", "attention score matrix", "注意力矩阵",
     "注意力分数", "分数矩阵", "注意力得分"),
    ("kv cache", "key value cache", "kv缓存", "kvcache"),
    ("latency", "延迟", "时延"),
    ("throughput", "吞吐", "吞吐量"),
    ("communication", "comm", "通信", "通讯"),
    ("bandwidth", "带宽"),
    ("precision", "精度"),
    ("quantization", "quantize", "量化"),
    ("inference", "serving", "推理"),
    ("fine tune", "finetune", "fine tuning", "finetuning", "微调"),
    ("sequence length", "seq len", "context length", "序列长度", "上下文长度"),
    ("quadratic", "o(n^2)", "o(n²)", "o(l^2)", "o(l²)", "o(n2)", "平方级", "二次方", "二次复杂度"),
    ("linear", "线性"),
    ("vocabulary", "vocab", "词表"),
    ("loss", "损失"),
    ("normalize", "归一化", "标准化"),
    ("mean", "average", "均值", "平均值"),
    ("variance", "方差"),
    ("stable", "stability", "稳定"),
    ("converge", "convergence", "收敛"),
    ("overfit", "overfitting", "过拟合"),
    ("computation", "compute", "计算量"),
    ("expert", "专家"),
    ("router", "gate", "gating network", "路由", "门控"),
    ("retrieval", "retrieve", "检索"),
    ("hallucination", "hallucinate", "幻觉"),
    ("reward model", "奖励模型"),
    ("policy", "策略模型"),
    ("position", "positional", "位置"),
    ("rotate", "rotation", "旋转"),
    ("extrapolate", "extrapolation", "length generalization", "外推"),
    ("frequency", "频率"),
    ("pipeline", "流水线"),
    ("bubble", "气泡", "空泡"),
    ("micro batch", "microbatch", "微批", "微批次"),
    ("all reduce", "allreduce"),
    ("all gather", "allgather"),
    ("reduce scatter", "reducescatter"),
    ("recompute", "recomputation", "rematerialize", "rematerialization", "重计算", "重算"),
    ("activation", "激活", "激活值"),
    ("low rank", "低秩"),
    ("freeze", "frozen", "冻结"),
    ("merge", "合并"),
    ("adapter", "适配器"),
    ("sparse", "sparsity", "稀疏"),
    ("dense", "稠密"),
    ("outlier", "离群值", "异常值", "离群点"),
    ("sram", "shared memory", "on chip memory", "片上内存", "片上缓存", "共享内存"),
    ("hbm", "high bandwidth memory", "global memory", "高带宽内存"),
    ("fuse", "fusion", "融合"),
    ("memory traffic", "memory access", "memory reads and writes", "data movement", "访存", "读写显存"),
    ("fp16", "float16", "half precision", "半精度"),
    ("bf16", "bfloat16"),
    ("fp32", "float32", "single precision", "单精度"),
    ("fp8", "float8"),
    ("dynamic range", "动态范围", "exponent range", "数值范围"),
    ("exponent", "exponent bits", "指数位", "阶码"),
    ("mantissa", "mantissa bits", "fraction bits", "尾数", "尾数位"),
    ("overflow", "上溢", "溢出"),
    ("underflow", "下溢"),
    ("causal mask", "因果掩码", "因果mask"),
    ("data parallel", "data parallelism", "数据并行"),
    ("tensor parallel", "tensor parallelism", "张量并行"),
    ("pipeline parallel", "pipeline parallelism", "流水线并行"),
    ("batch size", "批大小", "批量大小"),
    ("embedding", "嵌入", "词向量"),
    ("decode", "decoding", "解码"),
    ("prefill", "预填充"),
    ("tokenizer", "分词器"),
    ("distillation", "distill", "蒸馏"),
    ("teacher", "教师模型"),
    ("student", "学生模型"),
    ("pretraining", "pre training", "预训练"),
    ("learning rate", "lr", "学习率"),
    ("warmup", "warm up", "预热"),
)


@lru_cache(maxsize=1)
def _family_of() -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for family in FAMILIES:
        members = tuple(normalize(m) for m in family)
        for m in members:
            index[m] = members
    return index


def expand(term: str) -> tuple[str, ...]:
    """The term and, when it is a plain member of a family, the family's other members."""
    if term.startswith("=") or "*" in term or "..." in term:
        return (term,)
    family = _family_of().get(normalize(term))
    return (term,) if family is None else (term, *(m for m in family if m != normalize(term)))
