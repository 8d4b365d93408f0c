"""Words that negate what follows them, and words that say the candidate does not know."""

from __future__ import annotations

import re

# English cues, matched on normalised text (contractions are already "x not"). Privative verbs ("skips the
# mean", "drops the critic", "removes the need for a reward model") negate their object just as "not" does.
_EN = (
    r"not(?! only| just| merely)|no(?! matter| doubt)|non|never|neither|nor|none|nobody|nothing|without|lacks?|lacking"
    r"|instead of|rather than|no longer|free of|avoid(?:s|ed|ing)?|skip(?:s|ped|ping)?|omit(?:s|ted|ting)?"
    r"|drop(?:s|ped|ping)?|eliminat(?:e|es|ed|ing)|gets? rid of|getting rid of|remov(?:e|es|ed|ing)"
    r"|unnecessary|unneeded|fails? to"
)
# Chinese cues. 不 is a cue except inside words where it is not a negation (不同 different, 不断
# continually, 不仅 not only, 不少 many, 不过 however, 不如 worse than, 不足 short of ...).
_ZH = (
    r"并非|并不|而不是|而非|不是|不会|不能|不用|不需要|不需|无需|无须|不必|没有|没|未(?!来|知)"
    r"|无(?!论|穷|限|关)|非(?!常|线性|对称)|(?<!差)不(?!同|断|仅|只|少|过|错|久|论|管|如|足|但|光|然|对称|一样|准|稳|均|平衡|够)"
    r"|去掉|去除|省去|省掉|免去|避免|跳过|丢掉|舍弃|取消|抛弃"
)
NEGATION = re.compile(rf"(?<![a-z0-9])(?:{_EN})(?![a-z0-9])|{_ZH}")
# "the parameters are not sharded": a "not" right after a form of "be" also negates the words before it.
PASSIVE = re.compile(r"(?<![a-z0-9])(?:is|are|was|were|be|been|being) (?:not|never)(?![a-z0-9])")
# "not just an activation" denies "just an activation" but affirms what follows ("not only X but Y"), so it
# negates only a claim that starts with the limiting word itself.
LIMITER = re.compile(r"(?<![a-z0-9])not (?=(?:just|only|merely|simply)(?![a-z0-9]))|不(?=仅|只)")

FORWARD, BACK, ADJACENT, PHRASE = "forward", "back", "adjacent", "phrase"
# "Without scaling the softmax saturates", "instead of a critic GRPO uses the group mean": a clause that opens
# with a privative preposition negates only its short object, and the clause's own claim stands.
OPENING = re.compile(r"(?:(?:and|but|so|because|since|yet|then) )?(?:without|instead of)$")
PHRASE_WORDS = 2

_STRONG_HEDGE = (
    r"(?<![a-z0-9])(?<!if )(?<!when )(?<!if i )(?<!when i )"
    r"(?:i do not know|i dunno|do not know|not sure|not certain|unsure"
    r"|do not remember|can not remember|do not recall|can not recall|i forgot|i forget|i have forgotten"
    r"|not familiar|never heard|beats me)(?![a-z0-9])"
    # "no idea" is the candidate's own only when they say so ("I have no idea", "No idea.", "honestly no
    # idea"), not when it describes a method ("BM25 has no idea that two words mean the same").
    r"|(?:^|(?<=i have )|(?<=i have absolutely )|(?<=honestly )|(?<=honestly, )|(?<=[,.;!] ))"
    r"(?:no idea|no clue|no clear idea)(?![a-z0-9])"
    # 忘了 is also content ("忘了 master 权重会怎样"): only "I forgot" or a sentence that starts with it.
    # 不知道 is a hedge when the candidate says it ("我不知道", "不知道。"), not "模型不知道哪些事实是真的".
    r"|(?:^|(?<=[,.?;!我也还真都 ]))不知道|不清楚|不太清楚|我忘了|我忘记了|都忘了|(?:^|[.?;,])忘了"
    r"|不记得|记不清|记不太清|不确定(?!性)"
    # 不懂 likewise: "我不懂" / "完全不懂" is a hedge, "BM25 不懂同义改写" describes BM25.
    r"|不太确定(?!性)|没听说|不了解|不太了解|不太懂|(?:^|(?<=[我也还真都全实，。；,.;]))不懂(?!装懂)|没印象"
)
STRONG_HEDGE = re.compile(_STRONG_HEDGE)
# A hedge inside quotation marks is mentioned, not meant ("train it to say “I don't know”").
QUOTED = re.compile(r"[\"“「][^\"”」]{0,60}[\"”」]")
WEAK_HEDGE = re.compile(
    r"(?<![a-z0-9])(?:maybe|perhaps|probably|i guess|possibly|might be|something like|something about"
    r"|kind of|sort of)(?![a-z0-9])|好像|也许|或许|似乎|我猜|应该是吧|之类的"
)


def negation_spans(clause: str) -> list[tuple[int, int, str]]:
    """Each negation cue in a clause as (start, end, reach): forward, back (passive) or adjacent (limiters)."""
    limiters = [(m.start(), m.end(), ADJACENT) for m in LIMITER.finditer(clause)]
    taken = {s for s, _, _ in limiters}
    spans = [(m.start(), m.end(), PHRASE if OPENING.fullmatch(clause[:m.end()].strip()) else FORWARD)
             for m in NEGATION.finditer(clause) if m.start() not in taken]
    spans += [(m.start(), m.end(), BACK) for m in PASSIVE.finditer(clause)]
    return spans + limiters
