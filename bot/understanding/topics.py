"""Which knowledge-base topic or dilemma a question is about, from the
`keywords` the knowledge base gives each of them."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

from bot.kb.domain import KnowledgeBase
from bot.kb.repository import derived
from bot.understanding.cues import CUES_FILE
from bot.understanding.retrieval import examples_for, retrieval_for
from bot.understanding.text import normalize

BM25_SHARE = 0.3
EXAMPLE_SHARE = 0.6
LEAD_BONUS = 10.0


@lru_cache(maxsize=1)
def topics_for_type() -> Dict[str, List[str]]:
    """Question type -> the topics that can answer it, the usual one first."""
    data = yaml.safe_load(CUES_FILE.with_name("topic_routes.yml").read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data["routes"].items()}


class TopicIndex:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.keywords: Dict[str, List[Tuple[re.Pattern, float]]] = {}
        for topic in kb.topics.values():
            # A topic's own name (sofa, wifa, vog) says the most.
            self.keywords[topic.id] = [(p, w + (2.0 if p.pattern == rf"\b{re.escape(topic.id)}\b" else 0.0)) for p, w in self._compile(topic.keywords)]
        for dilemma in kb.dilemmas.values():
            self.keywords[f"dilemma:{dilemma.id}"] = self._compile(dilemma.keywords)

    @staticmethod
    def _compile(words: Iterable[str]) -> List[Tuple[re.Pattern, float]]:
        # Longer phrases say more than single words.
        return [(re.compile(rf"\b{re.escape(normalize(w))}\b"), 1.0 + 0.5 * (len(normalize(w).split()) - 1)) for w in words if normalize(w)]

    def score(self, key: str, question: str, whole: str) -> float:
        total = 0.0
        for pattern, weight in self.keywords.get(key, ()):
            if pattern.search(question):
                total += 2 * weight
            elif pattern.search(whole):
                total += weight
        return total

    def ranked(self, text: str, questions: Sequence[str], keys: Optional[Iterable[str]] = None) -> List[Tuple[str, float]]:
        whole = normalize(text)
        asked = " | ".join(normalize(q) for q in questions)
        candidates = list(keys) if keys is not None else list(self.keywords)
        scored = [(k, self.score(k, asked, whole)) for k in candidates if k in self.keywords]
        return sorted(scored, key=lambda kv: -kv[1])

    def combined(self, text: str, questions: Sequence[str], keys: Optional[Iterable[str]] = None) -> List[Tuple[str, float]]:
        """Keyword score plus a share of the full-text (BM25) score."""
        keys = list(keys) if keys is not None else list(self.keywords)
        kw = dict(self.ranked(text, questions, keys))
        bm = dict(retrieval_for(self.kb).ranked(" ".join(questions), text, keys))
        ex = dict(examples_for(self.kb).ranked(" ".join(questions), text, keys))
        scored = {k: kw.get(k, 0.0) + BM25_SHARE * bm.get(k, 0.0) + EXAMPLE_SHARE * ex.get(k, 0.0) for k in keys}
        return sorted(scored.items(), key=lambda kv: -kv[1])

    def best_for(self, kind: str, text: str, questions: Sequence[str]) -> Optional[str]:
        """The topic that answers a question of this type; the type's usual topic
        when neither keywords nor the full text decide."""
        routes = topics_for_type().get(kind, [])
        keys = [r for r in routes if r in self.keywords]
        if kind == "dilemma":
            keys += [k for k in self.keywords if k.startswith("dilemma:")]
        if not keys:
            return None
        ranked = self.combined(text, questions, keys)
        # A topic with a first line written for exactly this question form wins.
        asked = [normalize(q) for q in questions]
        ranked = sorted(((k, v + (LEAD_BONUS if self.has_lead_for(k, asked) else 0.0)) for k, v in ranked), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 1.0:
            top, score = ranked[0]
            usual = dict(ranked).get(keys[0], 0.0)
            if top != keys[0] and not any(v for _, v in self.ranked(text, questions, keys)) and score < 1.5 * usual:
                return keys[0]  # no keyword speaks for another topic: the usual one, unless the full text clearly points elsewhere
            return top
        return keys[0]

    def has_lead_for(self, key: str, asked: Sequence[str]) -> bool:
        topic = self.kb.topics.get(key)
        return bool(topic and any(re.search(when, q) for when, _ in topic.leads for q in asked if q))


def topic_index(kb: KnowledgeBase) -> TopicIndex:
    return derived(kb, TopicIndex)
