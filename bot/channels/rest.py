"""The REST channel (/webhooks/rest/webhook) with one addition: a user never
gets an empty reply. If the action server is down or an action fails, the
conversation would otherwise go silent; here the user hears what happened."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Awaitable, Callable

import yaml
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint

MESSAGES = Path(__file__).resolve().parents[2] / "actions" / "messages.yml"


@lru_cache(maxsize=1)
def no_answer_text() -> str:
    return yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))["geen_antwoord"]["text"]


class RestInput(RasaRestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        async def never_silent(message: UserMessage) -> None:
            try:
                await on_new_message(message)
            finally:
                out = message.output_channel
                if isinstance(out, CollectingOutputChannel) and not out.messages:
                    await out.send_text_message(message.sender_id, no_answer_text())

        return super().blueprint(never_silent)
