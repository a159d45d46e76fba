"""Plumbing shared by the actions: the knowledge base, safe echo of user text,
fixed conversation texts and buttons, and a clear answer when the knowledge
base cannot be reached."""
from __future__ import annotations

import functools
import html
import logging
import re
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Text

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot.kb.domain import KnowledgeBase
from bot.kb.repository import KnowledgeBaseCache, KnowledgeBaseEmpty

log = logging.getLogger(__name__)
_CACHE = KnowledgeBaseCache()
KB_ERRORS = (SQLAlchemyError, KnowledgeBaseEmpty, OSError)


def knowledge() -> KnowledgeBase:
    return _CACHE.get()


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def latest_intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def entity(tracker: Tracker, name: str) -> Optional[str]:
    for e in tracker.latest_message.get("entities") or []:
        if e.get("entity") == name and e.get("value") is not None:
            return str(e["value"])
    return None


def safe_echo(text: Optional[str], limit: int = 60) -> str:
    """User text to repeat in an answer: no markup, no control characters, short."""
    text = re.sub(r"<[^>]*>", " ", text or "")
    text = html.unescape(text)
    text = re.sub(r"[<>{}\x00-\x1f]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@functools.lru_cache(maxsize=1)
def messages() -> Dict[str, Dict[str, Any]]:
    return yaml.safe_load((Path(__file__).parent / "messages.yml").read_text(encoding="utf-8"))


def message_buttons(key: str) -> List[Dict[str, str]]:
    return list(messages()[key].get("buttons") or [])


def say(dispatcher: CollectingDispatcher, key: str, buttons: Optional[List[Dict[str, str]]] = None, **values: str) -> None:
    """Send one of the fixed conversation texts of messages.yml."""
    message = messages()[key]
    text = message["text"].format(**values) if values else message["text"]
    dispatcher.utter_message(text=text, buttons=buttons if buttons is not None else message_buttons(key))


class FormValidation(Action, ABC):
    """Validation action of a form, written out instead of rasa_sdk's
    FormValidationAction: that class drops every slot that is not a still-missing
    required slot, while these forms fill facts in any order and decide their
    next question from everything known so far.

    Subclasses give `extract` (slot values from the latest message) and
    `missing` (required slots still to ask, in order)."""

    @abstractmethod
    def extract(self, tracker: Tracker) -> Dict[str, Any]:
        """Slot values found in the latest message."""

    @abstractmethod
    def missing(self, slots: Dict[str, Any]) -> List[str]:
        """Required slots still to ask, in order."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[str, Any]]:
        try:
            found = self.extract(tracker)
            slots = {**tracker.current_slot_values(), **found}
            still_missing = self.missing(slots)
        except KB_ERRORS as exc:
            log.error("Knowledge base unavailable in %s: %s", self.name(), exc)
            # End the form; the submit action then tells the user (kb_guard).
            return [SlotSet("requested_slot", None)]
        return [SlotSet(k, v) for k, v in found.items()] + [SlotSet("requested_slot", still_missing[0] if still_missing else None)]


def kb_guard(run: Callable) -> Callable:
    """Give a clear answer instead of a crash when the database is unavailable."""

    @functools.wraps(run)
    async def wrapper(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        try:
            return await run(self, dispatcher, tracker, domain)
        except KB_ERRORS as exc:
            log.error("Knowledge base unavailable in %s: %s", self.name(), exc)
            say(dispatcher, "kennisbank_onbereikbaar")
            return []

    return wrapper
