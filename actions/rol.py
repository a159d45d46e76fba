"""'Ik twijfel over mijn rol': a form that asks the distinguishing questions one
at a time, stops as soon as the role is decided, explains it, and then answers
the original care-task question with that role."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FormValidation, add_notes, kb_guard, knowledge, latest_text, message_buttons, renderer, understanding
from actions.context import role_facts
from bot.kb.rules import Situation, decide, determine_role

FORM_FACTS = ("voor_zichzelf", "organisatie_zet_mensen_in", "persoonlijke_band", "ook_anderen_dan_naaste", "beroepsmatig")
_ANSWERS = {"affirm": True, "deny": False}


def _facts(tracker: Tracker) -> Dict[str, Optional[bool]]:
    return {fact: tracker.get_slot(fact) for fact in FORM_FACTS}


class ValidateRolForm(FormValidation):
    """Takes the yes/no answer to the question asked, or the facts a story
    already tells, and asks the next question only while the role is open."""

    def name(self) -> Text:
        return "validate_rol_form"

    def extract(self, tracker: Tracker) -> Dict[Text, Any]:
        requested = tracker.get_slot("requested_slot")
        intent = tracker.latest_message.get("intent", {}).get("name")
        if requested in FORM_FACTS:
            return {requested: _ANSWERS[intent]} if intent in _ANSWERS else {}
        facts = role_facts(understanding(knowledge()), latest_text(tracker))
        return {k: v for k, v in facts.items() if k in FORM_FACTS}

    def missing(self, slots: Dict[Text, Any]) -> List[Text]:
        determination = determine_role(knowledge(), {f: slots.get(f) for f in FORM_FACTS})
        return [] if determination.decided else [determination.next_question.fact]


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


ASK_ACTIONS = [_ask_action(fact) for fact in FORM_FACTS]


class RolUitkomst(Action):
    """Explains the decided role and resumes the pending care-task question."""

    def name(self) -> Text:
        return "action_rol_uitkomst"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        facts = _facts(tracker)
        facts.update({k: True for k, v in role_facts(understanding(kb), " ".join(
            e.get("text") or "" for e in tracker.events if e.get("event") == "user"
        )).items() if k in ("betaald_uit_pgb", "zorgprofessional_in_vrije_tijd") and v})
        determination = determine_role(kb, facts)
        reset = [SlotSet(f, None) for f in FORM_FACTS]
        add_notes(dispatcher, tracker)
        if not determination.decided:
            dispatcher.utter_message(text=kb.note("advice_other_situations").text)
            return reset
        dispatcher.utter_message(text=renderer(kb).role(determination))
        events: List[EventType] = reset + [SlotSet("rol", determination.role), SlotSet("voor_wie", determination.role)]
        task = tracker.get_slot("zorghandeling")
        if task in kb.tasks:
            relation = tracker.get_slot("relatie")
            if determination.role == "vrijwilliger" and facts.get("ook_anderen_dan_naaste"):
                relation = "andere_bewoner"
            decision = decide(kb, determination.role, task, Situation(relation=relation))
            dispatcher.utter_message(text=renderer(kb).decision(decision), buttons=message_buttons("vervolg_mag_ik"))
        return events
