"""The SO(C)K checklist as a form: Situatie, Ondersteuning, Communicatie (skipped
when the care is for oneself), Kennis en vaardigheden; any doubt leads to the
advice to contact a zorgprofessional, and a short summary closes it."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FormValidation, kb_guard, knowledge, latest_intent, message_buttons
from bot.kb.answers import AnswerRenderer
from bot.kb.repository import derived


def renderer(kb) -> AnswerRenderer:
    return derived(kb, AnswerRenderer)


SLOTS = {"S": "sock_situatie", "O": "sock_ondersteuning", "C": "sock_communicatie", "K": "sock_kennis"}
_ANSWERS = {"affirm": "ja", "deny": "nee", "twijfel": "twijfel"}


class ValidateSockForm(FormValidation):
    """Records ja/nee/twijfel for the letter asked; C is skipped for self-care."""

    def name(self) -> Text:
        return "validate_sock_form"

    def extract(self, tracker: Tracker) -> Dict[Text, Any]:
        requested = tracker.get_slot("requested_slot")
        intent = latest_intent(tracker)
        found: Dict[Text, Any] = {}
        if requested in SLOTS.values() and intent in _ANSWERS:
            found[requested] = _ANSWERS[intent]
        elif requested is None:
            # A new checklist: forget the answers of a previous round.
            found = {slot: None for slot in SLOTS.values()}
        return found

    def missing(self, slots: Dict[Text, Any]) -> List[Text]:
        context = slots.get("context") or {}
        skip_c = isinstance(context, dict) and (context.get("receiver") == "self" or context.get("role") == "zorgvrager")
        wanted = [SLOTS[q.letter] for q in knowledge().sock_questions if not (q.skip_for_self and skip_c)]
        return [s for s in wanted if slots.get(s) is None]


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
