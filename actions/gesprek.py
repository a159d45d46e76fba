"""Conversation handling around the answers: hand-off to a human and Rasa's
core fallback, in Dutch."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import say
from bot.settings import load_settings


def handoff(dispatcher: CollectingDispatcher) -> None:
    contact = load_settings().human_contact
    say(dispatcher, "mens_spreken", contact=contact)
    # The web page acts on this to show a contact button; other channels ignore it.
    dispatcher.utter_message(json_message={"handoff": {"contact": contact}})


class MensSpreken(Action):
    def name(self) -> Text:
        return "action_mens_spreken"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        handoff(dispatcher)
        return [SlotSet("fallback_count", 0), SlotSet("uitkomst", "doorverwezen")]


class DefaultFallback(Action):
    """Rasa's core fallback, in Dutch, without derailing the conversation."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        say(dispatcher, "default")
        return [UserUtteranceReverted()]
