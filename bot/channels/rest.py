"""The REST channel (/webhooks/rest/webhook): POST {"sender", "message"}, get
the answers as JSON. Unlike Rasa's own, it refuses a request without a sender
(400) instead of putting everyone in one conversation, masks personal data and
never answers with silence."""
from __future__ import annotations

from typing import Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.base import BadRequest, check_message, check_sender, handle, user_message


class RestInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        bp = Blueprint(f"handelwijzer_{self.name()}", __name__)

        @bp.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
                if not isinstance(body, dict):
                    raise BadRequest("Stuur JSON: {\"sender\": \"...\", \"message\": \"...\"}.")
                sender = check_sender(body.get("sender"))
                text = check_message(body.get("message"))
            except BadRequest as exc:
                return response.json({"error": str(exc)}, status=400)
            except Exception:  # noqa: BLE001 - malformed JSON body
                return response.json({"error": "Stuur geldige JSON."}, status=400)
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            collector = CollectingOutputChannel()
            await handle(on_new_message, user_message(text, collector, sender, self.name(), metadata))
            return response.json(collector.messages)

        self.add_routes(bp)
        return bp

    def add_routes(self, bp: Blueprint) -> None:
        """Extra routes of a subclass (the web page)."""
