"""The one action that answers a question: it hands the message, the NLU
ranking and the conversation context to bot.answering and sends the result.
Forms take over only where a question needs a step-by-step walk (the role
questions that a story did not answer, the SO(C)K checklist)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import entity, kb_guard, knowledge, latest_intent, latest_text, say
from actions.gesprek import handoff
from bot.answering import answer, render
from bot.answering.reasoning import role_facts
from bot.kb.rules import ROLE_FACTS

# Follow-up buttons carry the question type; "voor wie"-buttons carry a role.
_BUTTON_INTENTS = ("vervolg", "inform")
MAX_REPHRASE = 2


def _context(tracker: Tracker) -> Dict[str, Any]:
    value = tracker.get_slot("context")
    return dict(value) if isinstance(value, dict) else {}


_PII_NAMES = {"bsn": "BSN", "telefoon": "telefoonnummer", "email": "e-mailadres", "iban": "IBAN"}


def privacy_notice(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Once per conversation: say that personal data was masked and need not be shared."""
    kinds = (tracker.latest_message.get("metadata") or {}).get("pii") or []
    if not kinds or tracker.get_slot("privacy_gewaarschuwd"):
        return []
    say(dispatcher, "privacy_melding", soorten=", ".join(_PII_NAMES.get(k, k) for k in kinds))
    return [SlotSet("privacy_gewaarschuwd", True)]


# Intents with a response of their own, said when the message asks no care question.
HANDOFF = "handoff"
OWN_RESPONSES = {"help": "utter_help", "goodbye": "utter_goodbye", "affirm": "utter_help", "deny": "utter_help", "twijfel": "utter_help",
                 "mens_spreken": HANDOFF}
SHORT_MESSAGE_WORDS = 6


def _asks_care_question(types: Sequence[str]) -> bool:
    return any(t not in ("greeting", "thanks", "off_topic") for t in types)


def _own_response(intent: Optional[str]) -> Optional[str]:
    """'utter_help' for help, the messages.yml key 'faq_x' for a question about
    the assistant itself (intent faq_x), None for other intents."""
    if (intent or "").startswith("faq_"):
        return intent
    return OWN_RESPONSES.get(intent or "")


# How an answered message ended, for the improvement report (bot/reports/improvement.py).
_UNANSWERED_KINDS = {"off_topic": "buiten_onderwerp", "topic:buiten_bronnen": "buiten_bronnen", "topic:medisch_advies": "medisch",
                     "topic:medicatie_dosering": "medisch", "noodgeval": "noodgeval"}


def _outcome(reply) -> str:
    kinds = [p.kind for p in reply.parts]
    if kinds and kinds[0] in _UNANSWERED_KINDS:
        return _UNANSWERED_KINDS[kinds[0]]
    return "beantwoord" if reply.question_types else "onderwerp_gezocht"


class Beantwoord(Action):
    def name(self) -> Text:
        return "action_beantwoord"

    @kb_guard
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        kb = knowledge()
        text = latest_text(tracker)
        intent = latest_intent(tracker)
        follow_up: Optional[str] = entity(tracker, "onderwerp") if intent == "vervolg" else None
        stated_role: Optional[str] = entity(tracker, "rol") if intent == "inform" and text.startswith("/") else None
        if stated_role is not None and stated_role not in kb.roles:
            stated_role = None
        message = "" if text.startswith("/") else text
        reply = answer(kb, message, tracker.latest_message.get("intent_ranking"), _context(tracker), follow_up, stated_role)
        events: List[EventType] = [SlotSet("context", reply.context), SlotSet("vervolgstap", reply.start_form)]
        events += privacy_notice(dispatcher, tracker)
        if tracker.latest_message.get("handelwijzer_truncated"):
            say(dispatcher, "lang_bericht")
        # A short "help"/"wie ben jij?" gets its own response; a longer message the
        # NLU read that way but that matched a topic gets the topic's answer.
        short = len(message.split()) <= SHORT_MESSAGE_WORDS
        own = _own_response(intent) if not _asks_care_question(reply.question_types) else None
        if own not in (None, HANDOFF) and not short and reply.parts:
            own = None  # someone asking for a person always gets one
        outcome = "eigen_antwoord"
        if own == HANDOFF:
            handoff(dispatcher)
            events.append(SlotSet("fallback_count", 0))
            outcome = "doorverwezen"
        elif own and own.startswith("faq_"):
            say(dispatcher, own)
            events.append(SlotSet("fallback_count", 0))
        elif own:
            dispatcher.utter_message(response=own)
            events.append(SlotSet("fallback_count", 0))
        elif reply.parts:
            buttons = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
            dispatcher.utter_message(text=render(kb, reply), buttons=buttons)
            events.append(SlotSet("fallback_count", 0))
            outcome = _outcome(reply)
        elif reply.response == "utter_ask_rephrase":
            count = int(tracker.get_slot("fallback_count") or 0) + 1
            for note in reply.notes:
                dispatcher.utter_message(text=note)
            if count >= MAX_REPHRASE:
                handoff(dispatcher)
                count = 0
                outcome = "doorverwezen"
            else:
                say(dispatcher, "ask_rephrase")
                outcome = "niet_begrepen"
            events.append(SlotSet("fallback_count", count))
        elif reply.response:
            say(dispatcher, {"utter_greet": "greet", "utter_thanks": "thanks"}.get(reply.response, "ask_rephrase"))
        events.append(SlotSet("uitkomst", outcome))
        if reply.start_form == "rol_form" and reply.situation is not None:
            # The form asks only what the story did not tell (rules start the form).
            known = role_facts(kb, reply.situation)
            events += [SlotSet(f, known[f]) for f in ROLE_FACTS if isinstance(known.get(f), bool)]
        return events
