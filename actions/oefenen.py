"""Oefenmodus for staff as a form: while oefen_form is active every message goes
to the practice round (bot/practice/session.py), which keeps its state in the
`oefening` slot. The form ends when the round is finished or stopped; then
action_oefen_afronden gives the score and a printable summary."""
from __future__ import annotations

import logging
import random
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import KB_ERRORS, kb_guard, knowledge, latest_text, say
from bot.practice import session

log = logging.getLogger(__name__)
SLOT_STATE = "oefening"
SLOT_INPUT = "oefen_invoer"


def _send(dispatcher: CollectingDispatcher, messages: List[session.Msg]) -> None:
    for m in messages:
        dispatcher.utter_message(text=m.text, buttons=[{"title": title, "payload": payload} for title, payload in m.buttons])


def _state(tracker: Tracker) -> Dict[str, Any]:
    state = tracker.get_slot(SLOT_STATE)
    return state if isinstance(state, dict) and state.get("step") else {}


class OefenenStarten(Action):
    """'Ik wil oefenen': a fresh round; the form asks for the theme."""

    def name(self) -> Text:
        return "action_oefenen_starten"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        seed = random.SystemRandom().randrange(1 << 30)
        return [SlotSet(SLOT_STATE, session.new_state(seed)), SlotSet(SLOT_INPUT, None)]


class ValidateOefenForm(Action):
    """Every message during practice: an answer, a choice, or stop/skip/uitleg/ander thema."""

    def name(self) -> Text:
        return "validate_oefen_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        state = _state(tracker)
        if not state:
            state = session.new_state(random.SystemRandom().randrange(1 << 30))
        if tracker.get_slot("requested_slot") != SLOT_INPUT:
            # The form was just activated: nothing to read yet, ask the first question.
            return [SlotSet(SLOT_STATE, state), SlotSet("requested_slot", SLOT_INPUT)]
        try:
            state, messages = session.handle(knowledge(), state, latest_text(tracker))
        except KB_ERRORS as exc:
            log.error("Knowledge base unavailable during practice: %s", exc)
            say(dispatcher, "kennisbank_onbereikbaar")
            state = dict(state, step="gestopt")
            messages = []
        _send(dispatcher, messages)
        done = session.finished(state)
        return [SlotSet(SLOT_STATE, state), SlotSet(SLOT_INPUT, "klaar" if done else None),
                SlotSet("requested_slot", None if done else SLOT_INPUT)]


class AskOefenInvoer(Action):
    """The next question of the round: theme, number of cases, the case or a dilemma step."""

    def name(self) -> Text:
        return "action_ask_oefen_invoer"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        _send(dispatcher, session.prompt(knowledge(), _state(tracker)))
        return []


class OefenAfronden(Action):
    """Score and printable summary; the round's state is cleared."""

    def name(self) -> Text:
        return "action_oefen_afronden"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        state = _state(tracker)
        if state:
            _send(dispatcher, session.summary(knowledge(), state))
        # The finished round stays readable in the conversation history for the
        # team summary export (python -m bot.practice.export), then is cleared.
        return [SlotSet("oefenronde", state or None), SlotSet(SLOT_STATE, None), SlotSet(SLOT_INPUT, None)]
