"""Telegram and WhatsApp (Twilio) end to end: the real Rasa server receives the
platform's webhook calls over HTTP and answers through a local stand-in for the
platform's API (the only part we cannot run here), which records every call."""
from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, List

import pytest
from twilio.request_validator import RequestValidator

from tests.e2e.conftest import free_port

pytestmark = pytest.mark.rasa
TELEGRAM_TOKEN = "123456:test-token"
TELEGRAM_SECRET = "geheim-voor-de-test"
TWILIO_SID = "AC" + "0" * 32
TWILIO_TOKEN = "twilio-auth-token-for-tests"
TWILIO_NUMBER = "whatsapp:+3197000000000"


class FakePlatform:
    """Records POSTs to the Telegram Bot API and the Twilio Messages API."""

    def __init__(self) -> None:
        self.calls: List[Dict] = []
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server naming
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
                platform.calls.append({"path": self.path, "body": body})
                if "/Messages.json" in self.path:
                    reply = {"sid": "SM" + "1" * 32, "status": "queued", "body": body.get("Body", ""), "to": body.get("To")}
                    status = 201
                else:
                    reply, status = {"ok": True, "result": {"message_id": len(platform.calls)}}, 200
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # keep test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, predicate, timeout: float = 60.0) -> List[Dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [c for c in self.calls if predicate(c)]
            if found:
                return found
            time.sleep(0.2)
        return []


@pytest.fixture(scope="module")
def platform():
    fake = FakePlatform()
    yield fake
    fake.server.shutdown()


@pytest.fixture(scope="module")
def messaging_url(servers, model, platform):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    return servers.rasa_server(
        model, servers.action_server("actions-messaging"), port=port, name="rasa-messaging",
        TELEGRAM_TOKEN=TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET, TELEGRAM_API_BASE_URL=platform.url,
        TWILIO_ACCOUNT_SID=TWILIO_SID, TWILIO_AUTH_TOKEN=TWILIO_TOKEN, TWILIO_WHATSAPP_NUMBER=TWILIO_NUMBER,
        TWILIO_WEBHOOK_URL=f"{base}/webhooks/whatsapp/webhook", TWILIO_API_BASE_URL=platform.url,
    )


def _post(url: str, data: bytes, headers: Dict[str, str]) -> int:
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _telegram(url: str, update: Dict, secret: str = TELEGRAM_SECRET) -> int:
    return _post(f"{url}/webhooks/telegram/webhook", json.dumps(update).encode(),
                 {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})


def _whatsapp(url: str, params: Dict[str, str], signature: str = "") -> int:
    hook = f"{url}/webhooks/whatsapp/webhook"
    signature = signature or RequestValidator(TWILIO_TOKEN).compute_signature(hook, params)
    return _post(hook, urllib.parse.urlencode(params).encode(),
                 {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})


def test_telegram_answer_arrives_with_buttons(messaging_url, platform):
    update = {"update_id": 1, "message": {"message_id": 1, "chat": {"id": 4242, "type": "private"},
                                          "text": "Ik ben vrijwilliger in een verpleeghuis. Mag ik bij een bewoner de steunkousen aantrekken?"}}
    assert _telegram(messaging_url, update) == 200
    sent = platform.wait_for(lambda c: c["path"].endswith("/sendMessage") and c["body"].get("chat_id") == 4242)
    assert sent, platform.calls
    text = "\n".join(c["body"]["text"] for c in sent)
    assert "vrijwilliger" in text and "bevoegde zorgprofessional" in text
    assert all(len(c["body"]["text"]) <= 4096 for c in sent)
    keyboards = [c["body"]["reply_markup"]["inline_keyboard"] for c in sent if c["body"].get("reply_markup")]
    assert keyboards and any(len(b["callback_data"].encode()) <= 64 for row in keyboards[-1] for b in row)
    assert all(c["path"].startswith(f"/bot{TELEGRAM_TOKEN}/") for c in sent)


def test_telegram_button_press_is_answered(messaging_url, platform):
    _telegram(messaging_url, {"update_id": 2, "message": {"message_id": 2, "chat": {"id": 5151}, "text": "mag ik insuline spuiten bij mijn zus?"}})
    first = platform.wait_for(lambda c: c["path"].endswith("/sendMessage") and c["body"].get("chat_id") == 5151 and c["body"].get("reply_markup"))
    button = first[-1]["body"]["reply_markup"]["inline_keyboard"][0][0]
    before = len(platform.calls)
    press = {"update_id": 3, "callback_query": {"id": "cb-1", "data": button["callback_data"],
                                                 "message": {"message_id": 9, "chat": {"id": 5151}}}}
    assert _telegram(messaging_url, press) == 200
    assert platform.wait_for(lambda c: c["path"].endswith("/answerCallbackQuery") and c["body"].get("callback_query_id") == "cb-1")
    assert platform.wait_for(lambda c: platform.calls.index(c) >= before and c["path"].endswith("/sendMessage")
                             and c["body"].get("chat_id") == 5151)


def test_telegram_refuses_a_wrong_secret(messaging_url, platform):
    before = len(platform.calls)
    update = {"update_id": 4, "message": {"message_id": 3, "chat": {"id": 6666}, "text": "hallo"}}
    assert _telegram(messaging_url, update, secret="fout") == 403
    time.sleep(1)
    assert not [c for c in platform.calls[before:] if c["body"].get("chat_id") == 6666]


def test_whatsapp_answer_arrives_in_chunks_with_numbered_choices(messaging_url, platform):
    sender = "whatsapp:+31611111111"
    assert _whatsapp(messaging_url, {"From": sender, "To": TWILIO_NUMBER, "Body": "mag ik insuline spuiten bij mijn zus?",
                                     "MessageSid": "SM" + "2" * 32, "AccountSid": TWILIO_SID}) == 204
    sent = platform.wait_for(lambda c: c["path"].endswith("/Messages.json") and c["body"].get("To") == sender)
    assert sent, platform.calls
    text = "\n".join(c["body"]["Body"] for c in sent)
    assert text.startswith("Ja, als mantelzorger") and "Antwoord 1, 2" in text
    assert all(len(c["body"]["Body"]) <= 1600 for c in sent)
    assert all(c["path"] == f"/2010-04-01/Accounts/{TWILIO_SID}/Messages.json" for c in sent)

    before = len(platform.calls)
    assert _whatsapp(messaging_url, {"From": sender, "To": TWILIO_NUMBER, "Body": "1",
                                     "MessageSid": "SM" + "3" * 32, "AccountSid": TWILIO_SID}) == 204
    follow = platform.wait_for(lambda c: platform.calls.index(c) >= before and c["body"].get("To") == sender)
    assert "aansprakelijk" in "\n".join(c["body"]["Body"] for c in follow)  # "1" chose "Wat als het misgaat?"


def test_whatsapp_refuses_a_bad_signature(messaging_url, platform):
    before = len(platform.calls)
    assert _whatsapp(messaging_url, {"From": "whatsapp:+31622222222", "Body": "hallo"}, signature="bad") == 403
    time.sleep(1)
    assert not [c for c in platform.calls[before:] if c["body"].get("To") == "whatsapp:+31622222222"]
