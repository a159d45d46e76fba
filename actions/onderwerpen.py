"""Direct answers from the knowledge base: liability, consent and the topics
(Wet BIG, privacy, refusing, passend reageren, volunteer agreement, SOFA/WIFA, ...)."""
from __future__ import annotations

import re
from typing import Dict, List, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import add_notes, current_question, kb_guard, knowledge, latest_text, renderer
from bot.kb.understanding import normalize
from bot.safety import is_emergency

# intent -> [(words that pick a more specific topic, topic id)], last entry the default.
TOPIC_ROUTES: Dict[str, List[Tuple[str, str]]] = {
    "wet_big": [(r"\b(wlz|wmo|zvw|wkkgz|welke wetten|wetten)\b", "wetten"), ("", "wet_big")],
    "weigeren": [
        (r"\b(leren|aanleren|aan te leren)\b", "aanleren"),
        (r"\b(teruggeven|terug geven|opdracht|niet bekwaam|onbekwaam)\b", "opdracht_teruggeven"),
        ("", "niet_verplicht"),
    ],
    "passend_reageren": [("", "passend_reageren")],
    "vrijwilligersovereenkomst": [("", "vrijwilligersovereenkomst")],
    "samenwerken": [(r"\bsofa\b", "sofa"), (r"\bwifa\b", "wifa"), ("", "samenwerken")],
    "privacy": [
        (r"\b(contactpersoon|eerste contact)\b", "eerste_contactpersoon"),
        (r"\b(vrijwilliger\w*)\b", "privacy_dossier_vrijwilliger"),
        ("", "privacy_zorgplan_familie"),
    ],
    "overbelasting": [("", "overbelasting")],
    "aanleren": [("", "aanleren")],
    "medicatie_dosering": [("", "medicatie_dosering")],
}
_SPONTANEOUS = re.compile(r"\b(spontaan|eigen initiatief|andere bewoners?|medebewoners?|andere clienten|andere client)\b")


def pick_topic(intent: str, text: str, role: str = "") -> str:
    norm = normalize(text)
    for pattern, topic in TOPIC_ROUTES[intent]:
        if not pattern or re.search(pattern, norm):
            return topic
        if intent == "weigeren" and role == "zorgprofessional":
            return "opdracht_teruggeven"
    raise KeyError(intent)


def _emergency_first(dispatcher: CollectingDispatcher, text: str) -> None:
    if is_emergency(text):
        dispatcher.utter_message(response="utter_noodgeval")


class Onderwerp(Action):
    def name(self) -> Text:
        return "action_onderwerp"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        text = latest_text(tracker)
        intent = tracker.latest_message.get("intent", {}).get("name")
        if intent not in TOPIC_ROUTES:
            intent = "medicatie_dosering" if "dosis" in text.lower() else "wet_big"
        q = current_question(tracker)
        _emergency_first(dispatcher, text)
        add_notes(dispatcher, tracker)
        dispatcher.utter_message(text=renderer(kb).topic(kb.topics[pick_topic(intent, text, q.acting_role(kb) or "")]))
        return []


class Aansprakelijkheid(Action):
    def name(self) -> Text:
        return "action_aansprakelijkheid"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        text = latest_text(tracker)
        q = current_question(tracker)
        role = tracker.get_slot("voor_wie") if not (q.role or q.relation) else None
        role = role or q.acting_role(kb)
        _emergency_first(dispatcher, text)
        add_notes(dispatcher, tracker)
        r = renderer(kb)
        if _SPONTANEOUS.search(normalize(text)) and role in (None, "mantelzorger"):
            dispatcher.utter_message(text=r.topic(kb.topics["spontaan_helpen"]))
        elif role in kb.liability:
            dispatcher.utter_message(text=r.liability(role))
        else:
            dispatcher.utter_message(text=r.liability_overview())
        return []


class Toestemming(Action):
    def name(self) -> Text:
        return "action_toestemming"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        q = current_question(tracker, with_context=False)
        add_notes(dispatcher, tracker)
        dispatcher.utter_message(text=renderer(kb).consent(age=q.age, wilsonbekwaam=q.wilsonbekwaam))
        return []
