"""Plumbing shared by the actions: the knowledge base, safe echo of user text,
the English note, buttons from the domain, and a clear answer when the
knowledge base cannot be reached."""
from __future__ import annotations

import functools
from abc import ABC, abstractmethod
import html
import logging
import re
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Text

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.context import Question, read_question
from bot.kb.answers import AnswerRenderer
from bot.kb.domain import KnowledgeBase
from bot.kb.repository import KnowledgeBaseCache, KnowledgeBaseEmpty, derived
from bot.kb.understanding import Understanding, understanding_for

log = logging.getLogger(__name__)
_CACHE = KnowledgeBaseCache()

_ENGLISH = {"the", "is", "can", "i", "my", "you", "what", "how", "do", "to", "for", "with", "and", "please",
            "help", "may", "mother", "father", "hello", "hi", "english", "are", "does", "should", "insulin"}
_DUTCH = {"de", "het", "een", "ik", "mijn", "mag", "je", "en", "van", "bij", "wat", "hoe", "is", "niet", "dat", "voor", "met", "kan"}


def knowledge() -> KnowledgeBase:
    return _CACHE.get()


def renderer(kb: KnowledgeBase) -> AnswerRenderer:
    return derived(kb, AnswerRenderer)


def understanding(kb: KnowledgeBase) -> Understanding:
    return understanding_for(kb)


def current_question(tracker: Tracker, with_context: bool = True) -> Question:
    """The question in the latest message; with_context fills gaps from the slots
    (a follow-up like "en bij mijn buurman?")."""
    kb = knowledge()
    slots = tracker.current_slot_values() if with_context else {}
    return read_question(understanding(kb), latest_text(tracker), tracker.latest_message.get("entities") or [], slots)


def safe_echo(text: Optional[str], limit: int = 60) -> str:
    """User text to repeat in an answer: no markup, no control characters, short."""
    text = re.sub(r"<[^>]*>", " ", text or "")
    text = html.unescape(text)
    text = re.sub(r"[<>{}\x00-\x1f]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def looks_english(text: str) -> bool:
    words = re.findall(r"[a-z']+", (text or "").lower())
    if len(words) < 2:
        return False
    english = sum(w in _ENGLISH for w in words)
    dutch = sum(w in _DUTCH and w not in _ENGLISH for w in words)
    return english >= 2 and english > dutch * 2


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


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


def add_notes(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Extra lines for an unusual message: English text, or cut-off long text."""
    if looks_english(latest_text(tracker)):
        say(dispatcher, "english_note")
    if tracker.latest_message.get("handelwijzer_truncated"):
        say(dispatcher, "lang_bericht")


KB_ERRORS = (SQLAlchemyError, KnowledgeBaseEmpty, OSError)


class FormValidation(Action, ABC):
    """Validation action of a form, written out instead of rasa_sdk's
    FormValidationAction: that class drops every slot that is not a still-missing
    required slot, while these forms also fill context slots (role, relation,
    age) and decide their next question from everything known so far.

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
