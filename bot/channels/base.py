"""What every Handelwijzer channel does with an incoming message: check the
sender id, mask personal data before anything stores or logs it, and make sure
the user never gets an empty reply."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional

import yaml
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage

from bot.privacy import mask

MESSAGES = Path(__file__).resolve().parents[2] / "actions" / "messages.yml"
# Sender ids are made by the clients (a random id per conversation); anything
# else is refused so no two people end up in one conversation.
_SENDER = re.compile(r"^[A-Za-z0-9_.:@+-]{1,128}$")


class BadRequest(ValueError):
    """The request cannot be handled; the message says why (Dutch, for the client)."""


@lru_cache(maxsize=1)
def fixed_texts() -> Dict[str, Any]:
    return yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))


def no_answer_text() -> str:
    return fixed_texts()["geen_antwoord"]["text"]


def check_sender(sender: Any) -> str:
    if not isinstance(sender, str) or not sender.strip():
        raise BadRequest("Het veld 'sender' ontbreekt: geef elk gesprek een eigen id.")
    if not _SENDER.match(sender):
        raise BadRequest("Het veld 'sender' mag alleen letters, cijfers en - _ . : @ + bevatten (maximaal 128 tekens).")
    return sender


def check_message(message: Any) -> str:
    if message is None:
        raise BadRequest("Het veld 'message' ontbreekt.")
    if not isinstance(message, str):
        raise BadRequest("Het veld 'message' moet tekst zijn.")
    return message


def user_message(text: str, output: OutputChannel, sender: str, channel: str,
                 metadata: Optional[Dict[str, Any]] = None) -> UserMessage:
    """A UserMessage with personal data masked; the masked kinds travel in
    the metadata so the assistant can say once not to share them."""
    masked = mask(text)
    meta = dict(metadata or {})
    if masked.changed:
        meta["pii"] = list(masked.kinds)
    return UserMessage(masked.text, output, sender, input_channel=channel, metadata=meta or None)


async def handle(on_new_message: Callable[[UserMessage], Awaitable[None]], message: UserMessage) -> None:
    """Process a message; if nothing was said (action server down, an error),
    the user hears what happened instead of silence."""
    try:
        await on_new_message(message)
    finally:
        out = message.output_channel
        silent = (isinstance(out, CollectingOutputChannel) and not out.messages) or getattr(out, "sent", None) == 0
        if silent:
            await out.send_text_message(message.sender_id, no_answer_text())
