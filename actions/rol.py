"""'Ik twijfel over mijn rol': a form that asks only the distinguishing
questions a story did not answer, one at a time, stops as soon as the role is
decided, explains it, and then answers the pending question with that role."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FormValidation, kb_guard, knowledge, latest_intent, message_buttons
from bot.answering import answer, render
from bot.answering.compose import decided_role_part
from bot.answering.reply import Reply
from bot.kb.rules import ROLE_FACTS, determine_role

_ANSWERS = {"affirm": True, "deny": False}


def _facts(tracker: Tracker, extra: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Form answers plus what the story already told (kept in the context)."""
    context = tracker.get_slot("context") or {}
    facts: Dict[str, Any] = dict(context.get("role_facts") or {}) if isinstance(context, dict) else {}
    facts.update({f: tracker.get_slot(f) for f in ROLE_FACTS if tracker.get_slot(f) is not None})
    facts.update(extra or {})
    return facts


class ValidateRolForm(FormValidation):
    """Takes the yes/no answer to the question asked and asks the next question
    only while the role is open."""

    def name(self) -> Text:
        return "validate_rol_form"

    def extract(self, tracker: Tracker) -> Dict[Text, Any]:
        requested = tracker.get_slot("requested_slot")
        intent = latest_intent(tracker)
        if requested in ROLE_FACTS and intent in _ANSWERS:
            return {requested: _ANSWERS[intent]}
        return {}

    def missing(self, slots: Dict[Text, Any]) -> List[Text]:
        return []  # replaced by run(): the next question depends on all facts

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[str, Any]]:
        found = self.extract(tracker)
        determination = determine_role(knowledge(), _facts(tracker, found))
        next_fact = None if determination.decided or determination.next_question is None else determination.next_question.fact
        return [SlotSet(k, v) for k, v in found.items()] + [SlotSet("requested_slot", next_fact)]


def _ask_action(fact: str):
    class AskRoleQuestion(Action):
        def name(self) -> Text:
            return f"action_ask_{fact}"

        @kb_guard
        async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
            question = next(q for q in knowledge().role_questions if q.fact == fact)
            dispatcher.utter_message(text=question.text, buttons=message_buttons("ja_nee"))
            return []

    AskRoleQuestion.__name__ = f"Ask_{fact}"
    return AskRoleQuestion


ASK_ACTIONS = [_ask_action(fact) for fact in ROLE_FACTS]


class RolUitkomst(Action):
    """Explains the decided role and answers the pending question with it."""

    def name(self) -> Text:
        return "action_rol_uitkomst"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        determination = determine_role(kb, _facts(tracker))
        reset = [SlotSet(f, None) for f in ROLE_FACTS]
        if not determination.decided:
            dispatcher.utter_message(text=kb.note("advice_other_situations").text)
            return reset
        dispatcher.utter_message(text=render(kb, Reply(parts=[decided_role_part(kb, determination)])))
        context = dict(tracker.get_slot("context") or {})
        events: List[EventType] = reset
        if context.get("task") or context.get("question") not in (None, "rol"):
            follow = answer(kb, "", context=context, follow_up=context.get("question") if context.get("question") != "rol" else "mag_ik",
                            stated_role=determination.role)
            if follow.parts:
                dispatcher.utter_message(text=render(kb, follow), buttons=[{"title": b.title, "payload": b.payload} for b in follow.buttons])
                context = follow.context
        context["role"] = determination.role
        return events + [SlotSet("context", context)]
