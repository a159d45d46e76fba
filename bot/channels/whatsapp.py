"""WhatsApp through Twilio, based on Rasa's Twilio connector: a webhook at
/webhooks/whatsapp/webhook that checks Twilio's signature, masks personal
data, answers in chunks WhatsApp accepts, and shows buttons as numbered text
choices ("Antwoord 1, 2 of 3"); a numbered reply chooses the button.

Settings come from environment variables named in credentials.yml:
TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_NUMBER (whatsapp:+31...),
TWILIO_WEBHOOK_URL (the public URL Twilio posts to, for the signature) and
TWILIO_API_BASE_URL (only for tests against a fake Twilio API)."""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.twilio import TwilioOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from bot.channels.base import handle, user_message
from bot.channels.messaging import choice_payload, env, numbered_choices, split_message

log = logging.getLogger(__name__)
MESSAGE_LIMIT = 1500  # Twilio's WhatsApp body limit is 1600 characters


class WhatsAppOutput(TwilioOutput):
    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    def __init__(self, account_sid: str, auth_token: str, number: str, api_base_url: Optional[str] = None):
        super().__init__(account_sid, auth_token, number)
        if api_base_url:
            self.api.base_url = api_base_url.rstrip("/")
        self.sent = 0

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for chunk in split_message(text, MESSAGE_LIMIT):
            await self._send_message({"to": recipient_id, "from_": self.twilio_number, "body": chunk})
            self.sent += 1

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, numbered_choices(text, buttons))

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        handoff = json_message.get("handoff") if isinstance(json_message, dict) else None
        if handoff:
            await self.send_text_message(recipient_id, f"Contact: {handoff.get('contact')}")


class WhatsAppInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(
            account_sid=env(credentials, "account_sid", "TWILIO_ACCOUNT_SID"),
            auth_token=env(credentials, "auth_token", "TWILIO_AUTH_TOKEN"),
            number=env(credentials, "number", "TWILIO_WHATSAPP_NUMBER"),
            webhook_url=env(credentials, "webhook_url", "TWILIO_WEBHOOK_URL"),
            api_base_url=env(credentials, "api_base_url", "TWILIO_API_BASE_URL") or None,
        )

    def __init__(self, account_sid: str, auth_token: str, number: str, webhook_url: str, api_base_url: Optional[str] = None):
        self.account_sid, self.auth_token, self.number = account_sid, auth_token, number
        self.webhook_url = webhook_url
        self.api_base_url = api_base_url

    @property
    def configured(self) -> bool:
        return bool(self.account_sid and self.auth_token and self.number and self.webhook_url)

    def output(self) -> WhatsAppOutput:
        return WhatsAppOutput(self.account_sid, self.auth_token, self.number, self.api_base_url)

    async def _last_buttons(self, request: Request, sender: str) -> List[Dict[str, Any]]:
        """The buttons of the assistant's last message in this conversation
        (from the shared tracker store, so any server replica can resolve '2')."""
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or agent.tracker_store is None:
            return []
        tracker = await agent.tracker_store.retrieve(sender)
        for event in reversed(list(tracker.events) if tracker else []):
            if getattr(event, "type_name", "") == "bot":
                return list((event.data or {}).get("buttons") or [])
            if getattr(event, "type_name", "") == "user":
                break
        return []

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("handelwijzer_whatsapp", __name__)

        @bp.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured else "not configured"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.configured:
                return response.json({"error": "WhatsApp is niet ingesteld."}, status=503)
            params = {k: v[0] if isinstance(v, list) else v for k, v in request.form.items()}
            signature = request.headers.get("X-Twilio-Signature", "")
            if not RequestValidator(self.auth_token).validate(self.webhook_url, params, signature):
                return response.json({"error": "ongeldige handtekening"}, status=403)
            sender, text = params.get("From"), params.get("Body")
            if not sender or text is None:
                return response.text("", status=204)
            chosen = choice_payload(text, await self._last_buttons(request, sender))
            out = self.output()
            await handle(on_new_message, user_message(chosen or text, out, sender, self.name()))
            return response.text("", status=204)

        return bp
