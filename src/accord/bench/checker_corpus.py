# ruff: noqa: RUF001, RUF002 -- Chinese is written with full-width punctuation.
"""A generated corpus in the style of negotiated reports, and passages drawn from it.

Everything is seeded: the same size and seed give the same corpus and the same passages.
Provisions share their sentence patterns and much of their vocabulary, as real reports do,
so that finding the right one takes more than spotting a rare word. The corpus is English, or
Chinese (``language="zh"``: the same patterns in the wording of the Chinese versions of UN
reports, written without spaces, so the checker must cut it into words).
"""

import random
from dataclasses import dataclass

from accord.core.checker.corpus import CorpusEntry, SourceStatus

_SUBJECTS = (
    "States", "All States", "The Group", "Member States", "States and other actors",
    "Regional organizations", "The international community", "Developing States",
)  # fmt: skip
_MODALS = ("should", "may", "are encouraged to", "could", "will", "reaffirmed that they would")
_VERBS = (
    "cooperate on", "strengthen", "consider", "promote", "support", "develop", "exchange views on",
    "protect", "take measures to protect", "refrain from undermining", "respond to", "assess",
    "share information on", "build capacity for", "facilitate", "encourage", "recognize",
)  # fmt: skip
_QUALIFIERS = (
    "consistent with international law", "where appropriate", "on a voluntary basis",
    "in accordance with national legislation", "with due regard to the sovereignty of States",
    "as appropriate", "taking into account national circumstances", "",
)  # fmt: skip
_DOMAIN = (
    "critical infrastructure", "information and communications technologies", "supply chains",
    "incident response", "confidence-building measures", "capacity-building", "vulnerabilities",
    "the technical infrastructure of the Internet", "national points of contact", "ransomware",
    "emergency response teams", "cooperation mechanisms", "norms of responsible behaviour",
    "the applicability of international law", "data protection", "humanitarian organizations",
)  # fmt: skip
_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ra",
    "te",
    "vu",
    "ne",
    "sa",
    "di",
    "po",
    "gre",
    "ther",
    "ban",
    "cor",
)


_ZH_SUBJECTS = (
    "各国", "所有国家", "工作组", "会员国", "各国和其他行为体", "区域组织", "国际社会",
    "发展中国家",
)  # fmt: skip
_ZH_MODALS = ("应", "可", "受到鼓励", "可以", "将", "重申将")
_ZH_VERBS = (
    "合作应对", "加强", "审议", "促进", "支持", "发展", "交流", "保护", "采取措施保护", "不破坏",
    "应对", "评估", "分享", "建设", "便利", "鼓励", "承认",
)  # fmt: skip
_ZH_QUALIFIERS = (
    "符合国际法", "酌情", "在自愿基础上", "依照国内立法", "适当顾及各国主权", "视情况",
    "考虑到本国国情", "",
)  # fmt: skip
_ZH_DOMAIN = (
    "关键基础设施", "信息和通信技术", "供应链", "事件应对", "建立信任措施", "能力建设", "漏洞",
    "互联网技术基础设施", "国家联络点", "勒索软件", "应急响应小组", "合作机制", "负责任行为规范",
    "国际法的适用性", "数据保护", "人道主义组织",
)  # fmt: skip
# Characters the made-up names of the Chinese corpus are written with (as foreign names are).
_ZH_SYLLABLES = ("卡", "洛", "米", "拉", "特", "武", "内", "萨", "迪", "波", "格", "瑟", "班", "科")
_ZH_INSERTED = ("也", "并", "亦", "还")


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage made from corpus entry ``truth`` in the way named by ``kind``."""

    text: str
    truth: int
    kind: str


def _terms(rng: random.Random, count: int, syllables: tuple[str, ...] = _SYLLABLES) -> list[str]:
    words = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(count)}
    return sorted(words)


def _sentence(rng: random.Random, terms: list[str]) -> str:
    thing = rng.choice(_DOMAIN)
    detail = " ".join(rng.sample(terms, rng.randint(2, 4)))
    qualifier = rng.choice(_QUALIFIERS)
    tail = f", {qualifier}" if qualifier else ""
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_MODALS)} {rng.choice(_VERBS)} {thing} "
        f"relating to {detail} and {rng.choice(_DOMAIN)}{tail}."
    )


def _zh_sentence(rng: random.Random, terms: list[str]) -> str:
    thing = rng.choice(_ZH_DOMAIN)
    detail = "、".join(rng.sample(terms, rng.randint(2, 4)))
    qualifier = rng.choice(_ZH_QUALIFIERS)
    tail = f"，{qualifier}" if qualifier else ""
    return (
        f"{rng.choice(_ZH_SUBJECTS)}{rng.choice(_ZH_MODALS)}{rng.choice(_ZH_VERBS)}涉及{detail}"
        f"和{rng.choice(_ZH_DOMAIN)}的{thing}{tail}。"
    )


def generate_corpus(size: int, seed: int = 1, language: str = "en") -> list[CorpusEntry]:
    """``size`` provisions of one to three sentences, a tenth of them national views, in
    English or Chinese (``language`` "zh")."""
    rng = random.Random(seed)  # noqa: S311 -- a seeded, reproducible corpus, not a secret
    chinese = language == "zh"
    terms = _terms(rng, 8000, _ZH_SYLLABLES if chinese else _SYLLABLES)
    sentence, joiner = (_zh_sentence, "") if chinese else (_sentence, " ")
    entries = []
    for n in range(size):
        text = joiner.join(sentence(rng, terms) for _ in range(rng.randint(1, 3)))
        view = n % 10 == 9
        entries.append(
            CorpusEntry(
                document=f"A/{70 + n % 9}/{100 + n // 1000}",
                provision=str(n % 1000 + 1),
                status=SourceStatus.NATIONAL_VIEW if view else SourceStatus.CONSENSUS,
                holder="Freedonia" if view else None,
                date=None,
                text=text,
                language=language,
            )
        )
    return entries


_KINDS = ("verbatim", "partial", "case-and-punctuation", "reworded", "qualifier-dropped")


def make_passages(corpus: list[CorpusEntry], count: int, seed: int = 2) -> list[Passage]:
    """``count`` single sentences drawn from random provisions, each altered in one way."""
    rng = random.Random(seed)  # noqa: S311 -- a seeded, reproducible corpus, not a secret
    out = []
    for n in range(count):
        truth = rng.randrange(len(corpus))
        kind = _KINDS[n % len(_KINDS)]
        if corpus[truth].language == "zh":
            sentence = rng.choice(corpus[truth].text.rstrip("。").split("。")) + "。"
            out.append(Passage(_zh_alter(rng, sentence, kind), truth, kind))
            continue
        sentence = rng.choice(corpus[truth].text.split(". ")).rstrip(".") + "."
        out.append(Passage(_alter(rng, sentence, kind), truth, kind))
    return out


def _zh_alter(rng: random.Random, sentence: str, kind: str) -> str:
    """The Chinese kinds: a partial quote is 60 % of the characters, case does not exist (the
    commas are dropped and "。" becomes "！"), a rewording puts two function characters in."""
    if kind == "partial":
        keep = max(8, int(len(sentence) * 0.6))
        start = rng.randrange(0, len(sentence) - keep + 1)
        return sentence[start : start + keep]
    if kind == "case-and-punctuation":
        return sentence.replace("，", "").replace("。", "！")
    if kind == "reworded":
        chars = list(sentence)
        for _ in range(2):
            chars.insert(rng.randrange(1, len(chars)), rng.choice(_ZH_INSERTED))
        return "".join(chars)
    if kind == "qualifier-dropped":
        return sentence.split("，")[0] + "。"
    return sentence


def _alter(rng: random.Random, sentence: str, kind: str) -> str:
    words = sentence.split()
    if kind == "partial":
        keep = max(6, int(len(words) * 0.6))
        start = rng.randrange(0, len(words) - keep + 1)
        return " ".join(words[start : start + keep])
    if kind == "case-and-punctuation":
        return sentence.upper().replace(",", "").replace(".", "!")
    if kind == "reworded":
        for _ in range(2):
            words[rng.randrange(len(words))] = rng.choice(("also", "further", "duly", "thus"))
        return " ".join(words)
    if kind == "qualifier-dropped":
        return sentence.split(",")[0] + "."
    return sentence
