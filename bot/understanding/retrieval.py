"""Full-text search over the knowledge base's own answers (BM25), a second
opinion next to the cue lexicon: it finds the topic or dilemma a question is
about when the user's words are not among the keywords."""
from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

import yaml

from bot.kb.domain import KnowledgeBase
from bot.kb.repository import derived
from bot.understanding.text import normalize

# Frequent Dutch words that say nothing about the topic.
_STOP = set("""
aan al alle alleen als altijd ander andere anders ben bij bijvoorbeeld binnen daar daarom dan dat de deze die dit doe doen door
dus een eigen eigenlijk en er erg ga gaan gaat geen gewoon graag haar had heb hebben heeft hem het hier hij hoe hun ik in is
ja je jij jou jouw kan kun kunnen laat maar me meer met mij mijn moet moeten mag mogen na naar nee niet niets nog nu of om
omdat ons onze ook op over sinds soms te tegen toch toe tot u uit van veel voor waar wanneer wat we wel welke wie wij wil
willen word wordt ze zelf zich zij zijn zo zoals zou zullen dit hoe heel even echt iets iemand ja nou oke eens dus the a
""".split())


def stem(word: str) -> str:
    """A light Dutch stemmer: enough to match 'betrekken'/'betrek', 'afspraken'/'afspraak'."""
    w = word
    for suffix in ("heden", "ingen", "ing", "lijk", "en", "er", "e", "s", "t"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    w = re.sub(r"(.)\1$", r"\1", w)  # 'betrekk' -> 'betrek'
    return w.replace("aa", "a").replace("ee", "e").replace("oo", "o").replace("uu", "u")


def tokens(text: str) -> List[str]:
    return [stem(w) for w in normalize(text).split() if len(w) > 2 and w not in _STOP]


class Retrieval:
    """BM25 (k1=1.2, b=0.75) over topics and dilemmas; a key per document."""

    def __init__(self, kb: KnowledgeBase, k1: float = 1.2, b: float = 0.75):
        docs: Dict[str, str] = {}
        for t in kb.topics.values():
            # Title and keywords count double: they say what the topic is about.
            docs[t.id] = " ".join([t.title, t.title, t.short, " ".join(t.keywords), " ".join(t.keywords), t.answer])
        for d in kb.dilemmas.values():
            docs[f"dilemma:{d.id}"] = " ".join([d.title, d.title, d.situation, d.tension, " ".join(d.values), " ".join(d.keywords)])
        self.keys = list(docs)
        self.tf = [Counter(tokens(docs[k])) for k in self.keys]
        self.len = [sum(c.values()) for c in self.tf]
        self.avg = sum(self.len) / max(1, len(self.len))
        df: Counter = Counter()
        for c in self.tf:
            df.update(c.keys())
        n = len(self.keys)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.k1, self.b = k1, b

    def scores(self, query: str) -> Dict[str, float]:
        q = Counter(tokens(query))
        out: Dict[str, float] = {}
        for key, tf, dl in zip(self.keys, self.tf, self.len):
            s = 0.0
            for term, qn in q.items():
                f = tf.get(term)
                if f:
                    s += qn * self.idf[term] * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * dl / self.avg))
            if s:
                out[key] = s
        return out

    def ranked(self, question: str, story: str, keys: Iterable[str] = ()) -> List[Tuple[str, float]]:
        """Question words count twice as much as the rest of the story."""
        allowed = set(keys)
        q = self.scores(question)
        s = self.scores(story)
        combined = {k: 2 * q.get(k, 0.0) + s.get(k, 0.0) for k in set(q) | set(s) if not allowed or k in allowed}
        return sorted(combined.items(), key=lambda kv: -kv[1])


EXAMPLES_FILE = Path(__file__).with_name("topic_examples.yml")


class ExampleIndex:
    """BM25 over example messages written per topic (topic_examples.yml): the
    topic whose examples read most like the user's message. Users describe a
    situation in everyday words; the examples carry those words, the answers
    do not."""

    def __init__(self, kb: KnowledgeBase, k1: float = 1.2, b: float = 0.5):
        data = yaml.safe_load(EXAMPLES_FILE.read_text(encoding="utf-8"))["questions"]
        known = set(kb.topics) | {f"dilemma:{d}" for d in kb.dilemmas}
        self.labels: List[str] = []
        docs: List[Counter] = []
        for key, examples in data.items():
            if key not in known:
                continue  # examples for a topic that is not (yet) in the knowledge base
            for example in examples:
                self.labels.append(key)
                docs.append(Counter(tokens(example)))
        self.tf = docs
        self.len = [sum(c.values()) for c in docs]
        self.avg = sum(self.len) / max(1, len(self.len))
        df: Counter = Counter()
        for c in docs:
            df.update(c.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.k1, self.b = k1, b

    def _scores(self, query: str) -> List[float]:
        q = Counter(tokens(query))
        out = []
        for tf, dl in zip(self.tf, self.len):
            s = 0.0
            for term, qn in q.items():
                f = tf.get(term)
                if f:
                    s += self.idf[term] * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * dl / self.avg))
            out.append(s)
        return out

    def ranked(self, question: str, story: str, keys: Iterable[str] = ()) -> List[Tuple[str, float]]:
        """Per topic the mean of its two best-matching examples; question words
        count twice as much as the rest of the story."""
        allowed = set(keys)
        q, s = self._scores(question), self._scores(story)
        per: Dict[str, List[float]] = {}
        for label, a, b in zip(self.labels, q, s):
            if not allowed or label in allowed:
                per.setdefault(label, []).append(2 * a + b)
        scored = {k: sum(sorted(v, reverse=True)[:2]) / 2 for k, v in per.items()}
        return sorted(scored.items(), key=lambda kv: -kv[1])


def examples_for(kb: KnowledgeBase) -> ExampleIndex:
    return derived(kb, ExampleIndex)


def retrieval_for(kb: KnowledgeBase) -> Retrieval:
    return derived(kb, Retrieval)


def best_of(ranked: Sequence[Tuple[str, float]], minimum: float) -> str:
    return ranked[0][0] if ranked and ranked[0][1] >= minimum else ""
