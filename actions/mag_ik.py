"""'Mag ik ...?': the form that collects the care task and for whom, and the answer."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    FormValidation, add_notes, current_question, kb_guard, knowledge, latest_text, message_buttons, renderer, safe_echo, say, understanding,
)
from actions.context import question_slots
from bot.kb.rules import Situation, decide
from bot.safety import asks_dosage, is_emergency


class ValidateMagIkForm(FormValidation):
    """Fills the care task and for whom, plus the context (role, relation, age)."""

    def name(self) -> Text:
        return "validate_mag_ik_form"

    def extract(self, tracker: Tracker) -> Dict[Text, Any]:
        if tracker.latest_message.get("intent", {}).get("name") == "rol_twijfel":
            return {}
        q = current_question(tracker)
        slots = question_slots(q)
        role = q.acting_role(knowledge())
        if role:
            slots["voor_wie"] = role
        return {k: v for k, v in slots.items() if v is not None}

    def missing(self, slots: Dict[Text, Any]) -> List[Text]:
        return [s for s in ("zorghandeling", "voor_wie") if not slots.get(s)]


class AskZorghandeling(Action):
    """Asks which care task; says so when the task named is unknown, with close matches."""

    def name(self) -> Text:
        return "action_ask_zorghandeling"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        text = latest_text(tracker)
        q = current_question(tracker)
        u = understanding(kb)
        add_notes(dispatcher, tracker)
        if q.task_text or tracker.get_slot("requested_slot") == "zorghandeling":
            unknown = q.task_text or text
            dispatcher.utter_message(text=renderer(kb).unknown_task(safe_echo(unknown), u.suggest_tasks(unknown)))
        else:
            say(dispatcher, "ask_zorghandeling")
        return []


class AskVoorWie(Action):
    """Asks for whom the task is; first shows what it depends on per role."""

    def name(self) -> Text:
        return "action_ask_voor_wie"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        add_notes(dispatcher, tracker)
        task = kb.tasks.get(tracker.get_slot("zorghandeling") or "")
        # Show what the answer depends on when the question was asked, not again
        # after an unclear reply to "voor wie?".
        if task is not None and tracker.latest_message.get("intent", {}).get("name") == "mag_ik":
            dispatcher.utter_message(text=renderer(kb).overview(task))
        say(dispatcher, "ask_voor_wie")
        return []


def answer_care_question(dispatcher: CollectingDispatcher, tracker: Tracker, task_id: str, role_id: str,
                         relation: Optional[str], age: Optional[float], wilsonbekwaam: bool) -> List[EventType]:
    """Send the full answer for one role and care task; used after the form and
    as the fallback's safety net when the intent was uncertain."""
    kb = knowledge()
    text = latest_text(tracker)
    if is_emergency(text):
        dispatcher.utter_message(response="utter_noodgeval")
    situation = Situation(
        relation=relation,
        age=int(age) if age is not None else None,
        wilsonbekwaam=wilsonbekwaam,
        paid_from_pgb="pgb" in text.lower(),
    )
    decision = decide(kb, role_id, task_id, situation)
    add_notes(dispatcher, tracker)
    dispatcher.utter_message(text=renderer(kb).decision(decision), buttons=message_buttons("vervolg_mag_ik"))
    if asks_dosage(text):
        dispatcher.utter_message(text=renderer(kb).topic(kb.topics["medicatie_dosering"]))
    return [SlotSet("voor_wie", decision.role.id)]


class MagIkAntwoord(Action):
    """The full answer once task and role are known: verdict, conditions,
    responsibilities, liability, SO(C)K reminder and sources, in one message."""

    def name(self) -> Text:
        return "action_mag_ik_antwoord"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        task_id = tracker.get_slot("zorghandeling")
        role_id = tracker.get_slot("voor_wie") or tracker.get_slot("rol")
        if task_id not in kb.tasks or role_id not in kb.roles:
            say(dispatcher, "ask_zorghandeling" if task_id not in kb.tasks else "ask_voor_wie")
            return [SlotSet("requested_slot", None)]
        return answer_care_question(
            dispatcher, tracker, task_id, role_id, tracker.get_slot("relatie"),
            tracker.get_slot("leeftijd"), bool(tracker.get_slot("wilsonbekwaam")),
        )
