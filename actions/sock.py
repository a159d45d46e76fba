"""The SO(C)K checklist as a form: Situatie, Ondersteuning, Communicatie (skipped
when the care is for oneself), Kennis en vaardigheden; any doubt leads to the
advice to contact a zorgprofessional, and a short summary closes it."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import kb_guard, kb_safe, message_buttons, knowledge, latest_text, renderer, understanding

SLOTS = {"S": "sock_situatie", "O": "sock_ondersteuning", "C": "sock_communicatie", "K": "sock_kennis"}
_ANSWERS = {"affirm": "ja", "deny": "nee", "twijfel": "twijfel"}


def for_self(tracker: Tracker) -> bool:
    return tracker.get_slot("voor_wie") == "zorgvrager" or tracker.get_slot("relatie") == "zelf" or tracker.get_slot("rol") == "zorgvrager"


class ValidateSockForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_sock_form"

    @kb_safe(list)
    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        kb = knowledge()
        skip_c = for_self(tracker) or understanding(kb).relation(latest_text(tracker)) == "zelf"
        wanted = [SLOTS[q.letter] for q in kb.sock_questions if not (q.skip_for_self and skip_c)]
        return [s for s in wanted if tracker.get_slot(s) is None]

    def _extract(self, tracker: Tracker, slot: str) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != slot:
            return {}
        intent = tracker.latest_message.get("intent", {}).get("name")
        return {slot: _ANSWERS[intent]} if intent in _ANSWERS else {}

    async def extract_sock_situatie(self, dispatcher, tracker, domain):
        return self._extract(tracker, "sock_situatie")

    async def extract_sock_ondersteuning(self, dispatcher, tracker, domain):
        return self._extract(tracker, "sock_ondersteuning")

    async def extract_sock_communicatie(self, dispatcher, tracker, domain):
        return self._extract(tracker, "sock_communicatie")

    async def extract_sock_kennis(self, dispatcher, tracker, domain):
        return self._extract(tracker, "sock_kennis")


def _ask_action(letter: str, slot: str):
    class AskSockQuestion(Action):
        def name(self) -> Text:
            return f"action_ask_{slot}"

        @kb_guard
        async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
            kb = knowledge()
            question = next(q for q in kb.sock_questions if q.letter == letter)
            if letter == "S":
                dispatcher.utter_message(text=kb.note("sock_intro").text)
            dispatcher.utter_message(text=f"{question.letter} - {question.name}: {question.question}",
                                     buttons=message_buttons("ja_nee_twijfel"))
            return []

    AskSockQuestion.__name__ = f"Ask_{slot}"
    return AskSockQuestion


ASK_ACTIONS = [_ask_action(letter, slot) for letter, slot in SLOTS.items()]


class SockSamenvatting(Action):
    def name(self) -> Text:
        return "action_sock_samenvatting"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        answers = [(q, tracker.get_slot(SLOTS[q.letter])) for q in kb.sock_questions]
        summary = renderer(kb).sock_summary([(q, a) for q, a in answers if a is not None])
        dispatcher.utter_message(text=summary)
        return [SlotSet(slot, None) for slot in SLOTS.values()]
