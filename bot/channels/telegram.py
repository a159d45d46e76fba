"""Telegram channel for volunteers: a webhook at /webhooks/telegram/webhook
that checks Telegram's secret-token header, and answers through the Bot API
(configurable base URL, so a self-hosted Bot API server works). Buttons become
an inline keyboard; a button press is answered; long answers are split at
paragraph boundaries (Telegram allows 4096 characters).

Settings come from environment variables named in credentials.yml:
TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_WEBHOOK_URL, TELEGRAM_API_BASE_URL.
`python -m bot.channels.telegram set-webhook` registers the webhook."""
from __future__ import annotations

import argparse
import asyncio
import hmac
import logging
import sys
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.base import handle, user_message
from bot.channels.messaging import env, split_message

log = logging.getLogger(__name__)
MESSAGE_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64  # bytes, set by Telegram
DEFAULT_API = "https://api.telegram.org"


class BotApi:
    def __init__(self, token: str, base_url: str = DEFAULT_API):
        self.url = f"{base_url.rstrip('/')}/bot{token}"

    async def call(self, method: str, payload: Dict[str, Any]) -> Dict[str, Any]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as session:
            async with session.post(f"{self.url}/{method}", json=payload) as resp:
                data = await resp.json(content_type=None)
                if resp.status >= 400 or not data.get("ok", False):
                    log.error("Telegram %s failed: %s %s", method, resp.status, data.get("description"))
                return data


class TelegramOutput(OutputChannel):
    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(self, api: BotApi, chat_id: Any):
        self.api = api
        self.chat_id = chat_id
        self.sent = 0

    async def _send(self, text: str, keyboard: Optional[List[List[Dict[str, str]]]] = None) -> None:
        chunks = split_message(text, MESSAGE_LIMIT) or [" "]
        for i, chunk in enumerate(chunks):
            payload: Dict[str, Any] = {"chat_id": self.chat_id, "text": chunk}
            if keyboard and i == len(chunks) - 1:
                payload["reply_markup"] = {"inline_keyboard": keyboard}
            await self.api.call("sendMessage", payload)
            self.sent += 1

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._send(text)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        keyboard = []
        for b in buttons:
            data = str(b.get("payload") or b.get("title"))
            if len(data.encode("utf-8")) > CALLBACK_DATA_LIMIT:
                data = str(b.get("title"))[:CALLBACK_DATA_LIMIT]
            keyboard.append([{"text": str(b.get("title")), "callback_data": data}])
        await self._send(text, keyboard)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        handoff = json_message.get("handoff") if isinstance(json_message, dict) else None
        if handoff:
            await self._send(f"Contact: {handoff.get('contact')}")


class TelegramInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(
            token=env(credentials, "token", "TELEGRAM_TOKEN"),
            secret=env(credentials, "secret", "TELEGRAM_WEBHOOK_SECRET"),
            api_base_url=env(credentials, "api_base_url", "TELEGRAM_API_BASE_URL", DEFAULT_API),
        )

    def __init__(self, token: str, secret: str, api_base_url: str = DEFAULT_API):
        self.token = token
        self.secret = secret
        self.api = BotApi(token, api_base_url) if token else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("handelwijzer_telegram", __name__)

        @bp.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.api else "not configured"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.api is None or not self.secret:
                return response.json({"error": "Telegram is niet ingesteld."}, status=503)
            given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
            if not hmac.compare_digest(given.encode(), self.secret.encode()):
                return response.json({"error": "verkeerd geheim"}, status=403)
            update = request.json if isinstance(request.json, dict) else {}
            chat_id, text = None, None
            callback = update.get("callback_query")
            if isinstance(callback, dict):
                chat_id = ((callback.get("message") or {}).get("chat") or {}).get("id")
                text = callback.get("data")
                await self.api.call("answerCallbackQuery", {"callback_query_id": callback.get("id")})
            elif isinstance(update.get("message"), dict):
                message = update["message"]
                chat_id = (message.get("chat") or {}).get("id")
                text = message.get("text")
            if chat_id is None or not isinstance(text, str):
                return response.json({"ok": True})  # stickers, joins, edits: nothing to answer
            out = TelegramOutput(self.api, chat_id)
            await handle(on_new_message, user_message(text, out, f"telegram-{chat_id}", self.name()))
            return response.json({"ok": True})

        return bp


def main(argv: Optional[List[str]] = None) -> int:
    """Register (or remove) the bot's webhook with Telegram."""
    import os

    parser = argparse.ArgumentParser(prog="python -m bot.channels.telegram")
    parser.add_argument("command", choices=("set-webhook", "delete-webhook"))
    args = parser.parse_args(argv)
    token = os.environ.get("TELEGRAM_TOKEN", "")
    if not token:
        print("Zet TELEGRAM_TOKEN.", file=sys.stderr)
        return 2
    api = BotApi(token, os.environ.get("TELEGRAM_API_BASE_URL", DEFAULT_API))
    if args.command == "delete-webhook":
        result = asyncio.run(api.call("deleteWebhook", {}))
    else:
        url, secret = os.environ.get("TELEGRAM_WEBHOOK_URL", ""), os.environ.get("TELEGRAM_WEBHOOK_SECRET", "")
        if not url or not secret:
            print("Zet TELEGRAM_WEBHOOK_URL (https://.../webhooks/telegram/webhook) en TELEGRAM_WEBHOOK_SECRET.", file=sys.stderr)
            return 2
        result = asyncio.run(api.call("setWebhook", {"url": url, "secret_token": secret, "allowed_updates": ["message", "callback_query"]}))
    print(result)
    return 0 if result.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
