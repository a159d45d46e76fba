"""Conversation handling: fallback with 'bedoelde je ...?', hand-off to a human,
out-of-scope and the core fallback, all in Dutch."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Text

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import KB_ERRORS, add_notes, current_question, knowledge, latest_text, looks_english, say
from actions.context import question_slots
from actions.mag_ik import answer_care_question
from bot.settings import load_settings

MAX_SUGGESTIONS = 3
SKIP = {"nlu_fallback", "ongeldige_invoer", "out_of_scope", "faq", "affirm", "deny", "twijfel", "inform", "greet", "goodbye", "thanks"}


@lru_cache(maxsize=1)
def intent_titles() -> Dict[str, str]:
    return yaml.safe_load((Path(__file__).parent / "intent_titles.yml").read_text(encoding="utf-8"))


def suggestions(ranking: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    titles = intent_titles()
    buttons = []
    for item in ranking:
        name = item.get("name")
        if name in titles and name not in SKIP:
            buttons.append({"title": titles[name], "payload": f"/{name}"})
        if len(buttons) == MAX_SUGGESTIONS:
            break
    return buttons


def _handoff(dispatcher: CollectingDispatcher) -> None:
    contact = load_settings().human_contact
    say(dispatcher, "mens_spreken", contact=contact)
    # The web page acts on this to show a contact button; other channels ignore it.
    dispatcher.utter_message(json_message={"handoff": {"contact": contact}})


class MensSpreken(Action):
    def name(self) -> Text:
        return "action_mens_spreken"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        add_notes(dispatcher, tracker)
        _handoff(dispatcher)
        return [SlotSet("fallback_count", 0)]


class Fallback(Action):
    """First a rephrase request with 'bedoelde je ...?' buttons; after repeated
    misunderstanding, offer a human."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        answered = await self._answer_from_knowledge(dispatcher, tracker)
        if answered is not None:
            return answered
        count = int(tracker.get_slot("fallback_count") or 0) + 1
        add_notes(dispatcher, tracker)
        if count >= 2:
            say(dispatcher, "ask_rephrase")
            _handoff(dispatcher)
            return [SlotSet("fallback_count", 0)]
        buttons = suggestions(tracker.latest_message.get("intent_ranking") or [])
        if buttons:
            say(dispatcher, "bedoelde_je", buttons=buttons)
        else:
            say(dispatcher, "ask_rephrase")
        return [SlotSet("fallback_count", count)]


    @staticmethod
    async def _answer_from_knowledge(dispatcher: CollectingDispatcher, tracker: Tracker):
        """A message naming a known care task and whom it is for is a 'mag ik'
        question even when the intent model was unsure: answer it."""
        try:
            kb = knowledge()
            q = current_question(tracker, with_context=False)
            role = q.acting_role(kb)
        except KB_ERRORS:
            return None
        if not (q.task and role):
            return None
        events = answer_care_question(dispatcher, tracker, q.task, role, q.relation, q.age, q.wilsonbekwaam)
        slots = {k: v for k, v in question_slots(q).items() if v is not None}
        return [SlotSet(k, v) for k, v in slots.items()] + events + [SlotSet("fallback_count", 0)]


class DefaultFallback(Action):
    """Rasa's core fallback, in Dutch, without derailing the conversation."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        say(dispatcher, "default")
        return [UserUtteranceReverted()]


class OutOfScope(Action):
    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        say(dispatcher, "out_of_scope")
        if looks_english(latest_text(tracker)):
            say(dispatcher, "english_note")
        return []
