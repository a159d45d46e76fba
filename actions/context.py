"""What the user asked, pulled from the latest message and the slots.

Pure functions over plain values, so they are tested without Rasa objects."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional

from bot.kb.domain import KnowledgeBase
from bot.kb.understanding import Understanding, normalize

_WILSONBEKWAAM = re.compile(r"\b(wilsonbekwaam|dement\w*|alzheimer|niet meer zelf beslissen|kan niet (meer )?zelf beslissen|begrijpt het niet meer)\b")


@dataclass(frozen=True)
class Question:
    task: Optional[str]
    task_text: Optional[str]  # the words the user used for an unknown task
    role: Optional[str]  # stated role (explicit), not derived
    relation: Optional[str]
    age: Optional[int]
    wilsonbekwaam: bool

    def acting_role(self, kb: KnowledgeBase) -> Optional[str]:
        """Stated role, or the role implied by the relation to the care receiver."""
        if self.role:
            return self.role
        relation = kb.relations.get(self.relation or "")
        if relation is None:
            return None
        return {"zelf": "zorgvrager", "persoonlijk": "mantelzorger"}.get(relation.bond)


def entity_values(entities: Iterable[Mapping[str, Any]], name: str) -> List[str]:
    return [str(e.get("value")) for e in entities if e.get("entity") == name and e.get("value") is not None]


def read_question(
    u: Understanding,
    text: str,
    entities: Iterable[Mapping[str, Any]],
    slots: Mapping[str, Any],
) -> Question:
    entities = list(entities)
    first = lambda name: (entity_values(entities, name) or [None])[0]  # noqa: E731

    task_entity = first("zorghandeling")
    task = u.task(text, task_entity)
    task_text = task_entity if task_entity and not task else None
    new_role = u.role(text, first("rol"))
    new_relation = u.relation(text, first("relatie"))
    age = u.age(text, first("leeftijd"))

    role = new_role or slots.get("rol")
    relation = new_relation
    if relation is None and not new_role:
        # Follow-up on the same care receiver ("mag ik ook ogen druppelen?").
        relation = slots.get("relatie")
    if age is None and not new_relation and slots.get("leeftijd") is not None:
        age = int(slots["leeftijd"])
    return Question(
        task=task or (slots.get("zorghandeling") if not task_text else None),
        task_text=task_text,
        role=role,
        relation=relation,
        age=age,
        wilsonbekwaam=bool(_WILSONBEKWAAM.search(normalize(text))) or (bool(slots.get("wilsonbekwaam")) and not new_relation),
    )


def question_slots(q: Question) -> Dict[str, Any]:
    return {
        "zorghandeling": q.task,
        "rol": q.role,
        "relatie": q.relation,
        "leeftijd": float(q.age) if q.age is not None else None,
        "wilsonbekwaam": q.wilsonbekwaam,
    }


# -- the "Ik twijfel over mijn rol" facts from a story -----------------------

_CUES = {
    "voor_zichzelf": r"\b(bij mezelf|bij mijzelf|voor mezelf|voor mijzelf|bij mij zelf|mijn eigen)\b",
    "organisatie_zet_mensen_in": r"\b(directeur|bestuurder|manager|leidinggevende|onze medewerkers|mijn medewerkers|medewerkers inzetten|medewerkers laten|personeel|organisatie die|wij als organisatie|als organisatie)\b",
    "ook_anderen_dan_naaste": r"\b(andere bewoners?|andere clienten|andere client|medebewoners?|ook anderen|andere mensen|andere patienten)\b",
    "betaald_uit_pgb": r"\b(pgb|persoonsgebonden budget|persoons gebonden budget)\b",
    "zorgprofessional_in_vrije_tijd": r"\b(vrije tijd|buiten mijn werk|naast mijn werk|niet in mijn werk|prive)\b",
    "persoonlijke_band_tekst": r"\b(persoonlijke band|familie van|ken haar al|ken hem al|al jaren)\b",
}


def role_facts(u: Understanding, text: str) -> Dict[str, bool]:
    """Facts a role-doubt story already answers, so the form does not ask them."""
    norm = normalize(text)
    facts: Dict[str, bool] = {}
    for fact, pattern in _CUES.items():
        if re.search(pattern, norm):
            facts[fact] = True
    relation = u.kb.relations.get(u.personal_relation(text) or u.relation(text) or "")
    if facts.pop("persoonlijke_band_tekst", False) or (relation is not None and relation.bond == "persoonlijk"):
        facts["persoonlijke_band"] = True
        # A story about one's own relative with no word about helping others is
        # about that relative only (seed 000 cases 1 and 3).
        facts.setdefault("ook_anderen_dan_naaste", False)
    if relation is not None and relation.bond == "zelf":
        facts["voor_zichzelf"] = True
    if facts.get("zorgprofessional_in_vrije_tijd"):
        facts["beroepsmatig"] = False
    return facts
