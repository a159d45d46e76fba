"""Finds knowledge-base terms in free Dutch text: the care task, the relation to
the care receiver, the asker's role and an age.

It backs up the NLU model: entity values from Rasa are mapped to ids here, and
when the model missed an entity the text itself is searched, tolerant of typos
(informal Dutch: "mn ma", "steunkouse", "insulien")."""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

from bot.kb.domain import KnowledgeBase, Task
from bot.kb.repository import derived

_POSSESSIVE = r"(?:mijn|m'n|mn|me|onze|ons|haar|zijn|z'n|je|jouw|uw)"
# The asker is the care receiver: "ik heb diabetes", "mag ik dat zelf doen".
_SELF_CARE = re.compile(
    r"\b(ik heb (zelf )?(diabetes|suikerziekte|een stoma|een katheter|een wond|sondevoeding|een infuus)|"
    r"mag ik (het |dat |dit )?zelf\b|kan ik (het |dat |dit )?zelf\b|bij mezelf|bij mijzelf)"
)
# The asker speaks for an organisation: "onze vrijwilligers", "wij als instelling".
_ORGANISATION = re.compile(
    r"\b(onze|ons) (vrijwilligers?|medewerkers?|personeel|zorgmedewerkers?|verzorgenden|team)\b|"
    r"\b(wij|we) als (zorg)?(organisatie|instelling|verpleeghuis|thuiszorg)\b|\bbij ons in (de|het) (instelling|verpleeghuis|huis)\b"
)


def normalize(text: str) -> str:
    """Lowercase, strip accents and punctuation: 'Cliënt!' -> 'client'."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9' -]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Match:
    id: str
    surface: str
    score: float  # 1.0 exact, lower for fuzzy


class TermIndex:
    """Synonym -> id lookup with exact phrase matching and fuzzy fallback."""

    def __init__(self, terms: Iterable[Tuple[str, str]]):
        self.terms: Dict[str, str] = {}
        for surface, ident in terms:
            self.terms.setdefault(normalize(surface), ident)
        # Longest phrases first so "insuline spuiten" beats "spuiten".
        self._ordered = sorted(self.terms, key=len, reverse=True)

    def exact(self, text: str) -> Optional[Match]:
        norm = f" {normalize(text)} "
        for phrase in self._ordered:
            if f" {phrase} " in norm:
                return Match(self.terms[phrase], phrase, 1.0)
        return None

    def fuzzy(self, text: str, cutoff: float = 0.84) -> Optional[Match]:
        words = normalize(text).split()
        best: Optional[Match] = None
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i : i + size])
                if len(gram) < 5:
                    continue
                for phrase in difflib.get_close_matches(gram, self._ordered, n=1, cutoff=cutoff):
                    score = difflib.SequenceMatcher(None, gram, phrase).ratio()
                    if best is None or score > best.score:
                        best = Match(self.terms[phrase], gram, score)
        return best

    def find(self, text: str) -> Optional[Match]:
        return self.exact(text) or self.fuzzy(text)

    def lookup(self, value: str) -> Optional[str]:
        """An entity value (already a phrase) to its id."""
        if not value:
            return None
        norm = normalize(value)
        if norm in self.terms:
            return self.terms[norm]
        if norm in self.terms.values():
            return norm
        match = self.find(value)
        return match.id if match else None


class Understanding:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.tasks = TermIndex(
            [(s, t.id) for t in kb.tasks.values() for s in (t.label, t.id.replace("_", " "), *t.synonyms)]
        )
        self.relations = TermIndex([(s, r.id) for r in kb.relations.values() for s in r.synonyms])
        self.roles = TermIndex([(s, r.id) for r in kb.roles.values() for s in (r.label, *r.synonyms)])

    # -- care task -------------------------------------------------------
    def task(self, text: str, entity: Optional[str] = None) -> Optional[str]:
        if entity:
            found = self.tasks.lookup(entity)
            if found:
                return found
        match = self.tasks.find(text)
        return match.id if match else None

    def suggest_tasks(self, text: str, limit: int = 3) -> List[Task]:
        """Close matches for an unknown care task, best first."""
        words = [w for w in normalize(text).split() if len(w) > 3]
        scored: Dict[str, float] = {}
        for word in words:
            for phrase in difflib.get_close_matches(word, self.tasks._ordered, n=5, cutoff=0.6):
                task_id = self.tasks.terms[phrase]
                scored[task_id] = max(scored.get(task_id, 0), difflib.SequenceMatcher(None, word, phrase).ratio())
        ranked = sorted(scored, key=scored.get, reverse=True)[:limit]
        return [self.kb.tasks[t] for t in ranked]

    # -- relation to the care receiver ------------------------------------
    def relation(self, text: str, entity: Optional[str] = None) -> Optional[str]:
        if entity:
            found = self.relations.lookup(entity)
            if found:
                return found
        norm = normalize(text)
        # Personal relations only count with a possessive ("mijn moeder"), so
        # "een vrouw in het verpleeghuis" is not read as a partner.
        other = self.relations.exact(norm)
        personal = self.personal_relation(text)
        if other is None and personal is None and _SELF_CARE.search(norm):
            return next((r.id for r in self.kb.relations.values() if r.bond == "zelf"), None)
        if other and self.kb.relations[other.id].bond == "zelf" and personal:
            return personal  # "mijn eigen moeder" is about the mother
        if other and self.kb.relations[other.id].bond != "persoonlijk":
            return other.id
        return personal

    def personal_relation(self, text: str) -> Optional[str]:
        """A relation named with a possessive: 'mijn moeder', 'mn buurman'."""
        norm = normalize(text)
        for phrase in self.relations._ordered:
            if re.search(rf"\b{_POSSESSIVE} (?:eigen )?{re.escape(phrase)}\b", norm):
                return self.relations.terms[phrase]
        return None

    # -- the asker's role --------------------------------------------------
    def role(self, text: str, entity: Optional[str] = None) -> Optional[str]:
        if entity:
            found = self.roles.lookup(entity)
            if found:
                return found
        norm = normalize(text)
        if _ORGANISATION.search(norm) and "zorginstelling" in self.kb.roles:
            return "zorginstelling"
        for phrase in self.roles._ordered:
            pattern = rf"\b(?:ik ben|ben ik|ik werk als|werk als|als|wij zijn|we zijn|wij als|we als|mag een|mogen|kan een|een)\s+(?:een\s+|de\s+)?{re.escape(phrase)}\b"
            if re.search(pattern, norm):
                return self.roles.terms[phrase]
        return None

    # -- age of the care receiver -----------------------------------------
    @staticmethod
    def age(text: str, entity: Optional[str] = None) -> Optional[int]:
        for candidate in (entity, text):
            if not candidate:
                continue
            match = re.search(r"\b(\d{1,3})\s*(?:jaar|jarige|jr|j\b)", candidate) or (
                re.fullmatch(r"\s*(\d{1,3})\s*", candidate) if candidate is entity else None
            )
            if not match:
                match = re.search(r"\bvan (\d{1,3})\b", candidate)
            if match:
                value = int(match.group(1))
                if 0 <= value <= 120:
                    return value
        return None


def understanding_for(kb: KnowledgeBase) -> Understanding:
    return derived(kb, Understanding)
