"""What a message asks: one or more question types, the main one first.

Cues in the question sentence weigh most, cues elsewhere in the story less,
and the intent of the Rasa NLU model tips the balance; a message can ask two
things ("mag ik dat, en wie is aansprakelijk als het misgaat?")."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from bot.understanding.cues import cues
from bot.understanding.situation import Situation
from bot.understanding.text import normalize, question_sentences

# When two question types fit equally, the more specific one is the question.
PRIORITY = (
    "noodgeval", "medisch", "buiten_bronnen", "rol", "aansprakelijkheid", "weigeren", "toestemming", "privacy",
    "passend_reageren", "aanleren", "sock", "dilemma", "vrijwilligersovereenkomst", "vog", "klacht", "zorgleefplan",
    "wet_big", "verantwoordelijkheden", "overbelasting", "grenzen", "communicatie", "netwerk", "afronden", "wetten",
    "beleid", "samenwerken", "mag_ik", "off_topic", "greeting", "thanks",
)
# Rasa intents and the question type each stands for.
INTENT_TYPES: Dict[str, str] = {
    "mag_ik": "mag_ik", "rol_twijfel": "rol", "sock": "sock", "aansprakelijkheid": "aansprakelijkheid",
    "toestemming": "toestemming", "privacy": "privacy", "wet_big": "wet_big", "weigeren": "weigeren",
    "passend_reageren": "passend_reageren", "vrijwilligersovereenkomst": "vrijwilligersovereenkomst",
    "samenwerken": "samenwerken", "overbelasting": "overbelasting", "aanleren": "aanleren",
    "medicatie_dosering": "medisch", "noodgeval": "noodgeval", "out_of_scope": "off_topic",
    "greet": "greeting", "thanks": "thanks", "dilemma": "dilemma",
}
# Question types that are about a care task and need the reasoning over roles.
CARE_TYPES = ("mag_ik", "rol", "aansprakelijkheid", "toestemming", "weigeren", "wet_big", "verantwoordelijkheden")


@dataclass(frozen=True)
class Questions:
    types: Tuple[str, ...]  # main question first
    scores: Mapping[str, float]

    @property
    def main(self) -> Optional[str]:
        return self.types[0] if self.types else None

    def asks(self, kind: str) -> bool:
        return kind in self.types


def _intent(ranking: Optional[Sequence[Mapping]], min_confidence: float) -> Optional[str]:
    if not ranking:
        return None
    top = ranking[0]
    if (top.get("confidence") or 0) < min_confidence:
        return None
    return INTENT_TYPES.get(top.get("name") or "")


def detect(text: str, situation: Situation, intent_ranking: Optional[Sequence[Mapping]] = None) -> Questions:
    c = cues()
    norm = normalize(text)
    asked = [normalize(q) for q in question_sentences(text)]
    scores: Dict[str, float] = {}

    def add(kind: str, value: float) -> None:
        scores[kind] = scores.get(kind, 0.0) + value

    if situation.emergency_now:
        add("noodgeval", 10)
    if c.has("questions", "greeting", norm):
        add("greeting", 5)
    if c.has("questions", "thanks", norm):
        add("thanks", 5)
    for q in asked:
        for kind in c.keys_matching("questions", q):
            if kind not in ("noodgeval", "greeting", "thanks"):
                add(kind, 2.0)
        if c.has("facts", "dosage", q) or c.has("facts", "symptom", q) or c.has("facts", "product", q):
            add("medisch", 3.0)
        if c.has("facts", "outside_sources", q):
            add("buiten_bronnen", 3.5)
    for kind in c.keys_matching("questions", norm):
        if kind not in ("noodgeval", "greeting", "thanks", "mag_ik"):
            add(kind, 0.5)
    if c.has("facts", "dosage", norm):
        add("medisch", 1.0)
    # A refusal in the story makes consent the question ("hij wil niet, wat nu?").
    if situation.refusal == "receiver":
        add("toestemming", 1.5)
    elif situation.refusal == "actor":
        add("weigeren", 1.5)
    intent = _intent(intent_ranking, 0.5)
    if intent:
        add(intent, 1.0 if scores else 2.0)
    care_content = bool(situation.tasks or situation.asker_role_stated or situation.relation or situation.actor_role)
    if c.has("facts", "off_topic", norm) and not care_content and not any(
        k in scores for k in PRIORITY[:-4] if k not in ("mag_ik", "medisch")
    ):
        add("off_topic", 3.0)
    if "mag_ik" not in scores and situation.tasks and not any(k in scores for k in ("privacy", "aanleren", "passend_reageren", "sock")):
        add("mag_ik", 1.0)
    order = {k: i for i, k in enumerate(PRIORITY)}
    ranked = sorted(scores, key=lambda k: (-scores[k], order.get(k, 99)))
    # Secondary questions: only those asked in a question sentence.
    main = ranked[:1]
    rest = [k for k in ranked[1:] if scores[k] >= 2.0 and k not in ("greeting", "thanks")]
    return Questions(tuple(main + rest), dict(scores))
