"""Finds knowledge-base terms in free Dutch text: care tasks, relations and
roles, with typo tolerance ("steunkouse", "insulien").

The synonyms live in the knowledge base (tasks.yml, relations.yml, roles.yml);
this module only indexes them."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

from bot.kb.domain import KnowledgeBase, Task
from bot.kb.repository import derived
from bot.understanding.text import normalize


@dataclass(frozen=True)
class Match:
    id: str
    surface: str
    score: float  # 1.0 exact, lower for fuzzy
    start: int = -1  # character offset in the normalised text (exact matches only)


class TermIndex:
    """Synonym -> id lookup with exact phrase matching and fuzzy fallback."""

    def __init__(self, terms: Iterable[Tuple[str, str]]):
        self.terms: Dict[str, str] = {}
        for surface, ident in terms:
            key = normalize(surface)
            if key:
                self.terms.setdefault(key, ident)
        # Longest phrases first so "insuline spuiten" beats "spuiten".
        self.ordered = sorted(self.terms, key=len, reverse=True)

    def all_exact(self, text: str) -> List[Match]:
        """Every non-overlapping exact match, longest phrases first, in text order."""
        norm = f" {normalize(text)} "
        taken = [False] * len(norm)
        found: List[Match] = []
        for phrase in self.ordered:
            needle = f" {phrase} "
            start = norm.find(needle)
            while start != -1:
                span = range(start + 1, start + 1 + len(phrase))
                if not any(taken[i] for i in span):
                    for i in span:
                        taken[i] = True
                    found.append(Match(self.terms[phrase], phrase, 1.0, start))
                start = norm.find(needle, start + 1)
        return sorted(found, key=lambda m: m.start)

    def exact(self, text: str) -> Optional[Match]:
        matches = self.all_exact(text)
        return max(matches, key=lambda m: len(m.surface)) if matches else None

    def fuzzy(self, text: str, cutoff: float = 0.86) -> Optional[Match]:
        words = normalize(text).split()
        best: Optional[Match] = None
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i : i + size])
                if len(gram) < 6:
                    continue
                for phrase in difflib.get_close_matches(gram, self.ordered, n=1, cutoff=cutoff):
                    score = difflib.SequenceMatcher(None, gram, phrase).ratio()
                    if best is None or score > best.score:
                        best = Match(self.terms[phrase], gram, score)
        return best

    def find(self, text: str) -> Optional[Match]:
        return self.exact(text) or self.fuzzy(text)

    def lookup(self, value: str) -> Optional[str]:
        """An entity value (already a phrase) or an id, to its id."""
        if not value:
            return None
        norm = normalize(value)
        if norm in self.terms:
            return self.terms[norm]
        if norm.replace(" ", "_") in self.terms.values():
            return norm.replace(" ", "_")
        match = self.find(value)
        return match.id if match else None


class Lexicon:
    """The knowledge base's words for tasks, relations and roles."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.tasks = TermIndex(
            [(s, t.id) for t in kb.tasks.values() for s in (t.label, t.id.replace("_", " "), *t.synonyms)]
        )
        self.relations = TermIndex([(s, r.id) for r in kb.relations.values() for s in r.synonyms])
        self.roles = TermIndex([(s, r.id) for r in kb.roles.values() for s in (r.label, *r.synonyms)])

    def task(self, text: str, entity: Optional[str] = None) -> Optional[str]:
        if entity:
            found = self.tasks.lookup(entity)
            if found:
                return found
        match = self.tasks.find(text)
        return match.id if match else None

    def tasks_in(self, text: str) -> List[str]:
        """All care tasks named in the text, in order of appearance."""
        return list(dict.fromkeys(m.id for m in self.tasks.all_exact(text)))

    def suggest_tasks(self, text: str, limit: int = 3) -> List[Task]:
        """Close matches for an unknown care task, best first."""
        words = [w for w in normalize(text).split() if len(w) > 3]
        scored: Dict[str, float] = {}
        for word in words:
            for phrase in difflib.get_close_matches(word, self.tasks.ordered, n=5, cutoff=0.7):
                task_id = self.tasks.terms[phrase]
                scored[task_id] = max(scored.get(task_id, 0), difflib.SequenceMatcher(None, word, phrase).ratio())
        ranked = sorted(scored, key=scored.get, reverse=True)[:limit]
        return [self.kb.tasks[t] for t in ranked]


def lexicon_for(kb: KnowledgeBase) -> Lexicon:
    return derived(kb, Lexicon)
