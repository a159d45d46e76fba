"""What a browser can reach, and where conversations are kept: Rasa's HTTP API
is off unless asked for and then needs a token; conversations survive a restart
in SQLite and in PostgreSQL; personal data never reaches the store; old
conversations are deleted by the retention command."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from sqlalchemy import create_engine, text

from bot.settings import PROJECT_ROOT
from tests.e2e.conftest import Chat

pytestmark = pytest.mark.rasa
TOKEN = "api-token-for-tests"


def _status(url: str, method: str = "GET", body: bytes = None) -> int:
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _events(url: str, sender: str):
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as conn:
            return [json.loads(row[0]) for row in conn.execute(text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender})]
    finally:
        engine.dispose()


def test_rasa_api_is_off_by_default(rasa_url, chat):
    chat.say("mag ik insuline spuiten bij mijn zus?")
    assert _status(f"{rasa_url}/conversations/{chat.sender}/tracker") == 404
    assert _status(f"{rasa_url}/model", "PUT", b"{}") in (404, 405)
    assert _status(f"{rasa_url}/model/train", "POST", b"{}") in (404, 405)


def test_rasa_api_needs_the_token_when_enabled(servers, model):
    url = servers.rasa_server(model, servers.action_server("actions-api"), "--enable-api", "--auth-token", TOKEN, name="rasa-api")
    chat = Chat(url)
    chat.say("hallo")
    assert _status(f"{url}/conversations/{chat.sender}/tracker") == 401
    assert _status(f"{url}/conversations/{chat.sender}/tracker?token=wrong") == 401
    assert _status(f"{url}/model/train?token=wrong", "POST", b"{}") == 401
    assert _status(f"{url}/conversations/{chat.sender}/tracker?token={TOKEN}") == 200


def test_conversation_survives_a_restart_and_personal_data_is_masked(servers, model, tmp_path):
    store = f"sqlite:///{tmp_path / 'gesprekken.sqlite3'}"
    actions = servers.action_server("actions-restart")
    first = servers.rasa_server(model, actions, name="rasa-before-restart", HANDELWIJZER_TRACKER_URL=store)
    chat = Chat(first)
    first_answer = chat.say("Mijn BSN is 111222333 en mijn nummer 0612345678. Mag ik bij mn moeder de steunkousen aantrekken?")
    assert first_answer.startswith("Ik heb persoonsgegevens in je bericht onleesbaar gemaakt")
    assert "Ja, als mantelzorger mag je steunkousen" in first_answer
    servers.stop_process(servers.processes[-1])

    second = servers.rasa_server(model, actions, name="rasa-after-restart", HANDELWIJZER_TRACKER_URL=store)
    answer = Chat(second, sender=chat.sender).say("en bij mijn buurman?")
    assert "steunkousen" in answer.splitlines()[0] and "buurman" in answer.splitlines()[0]

    stored = json.dumps(_events(store, chat.sender))
    assert "steunkousen" in stored  # the conversation itself is kept
    assert "111222333" not in stored and "0612345678" not in stored
    for log in ("rasa-before-restart.log", "rasa-after-restart.log", "actions-restart.log"):
        written = (servers.workdir / log).read_text(encoding="utf-8", errors="replace")
        assert "111222333" not in written and "0612345678" not in written, log


def test_conversations_survive_a_restart_in_postgresql(servers, model, postgres_url):
    actions = servers.action_server("actions-pg")
    url = servers.rasa_server(model, actions, name="rasa-pg", HANDELWIJZER_TRACKER_URL=postgres_url)
    chat = Chat(url)
    assert "Ja, als mantelzorger" in chat.say("Mag ik bij mijn vader de oogdruppels geven? Mail me op piet@example.nl")
    servers.stop_process(servers.processes[-1])
    again = servers.rasa_server(model, actions, name="rasa-pg-after-restart", HANDELWIJZER_TRACKER_URL=postgres_url)
    follow_up = Chat(again, sender=chat.sender).say("en bij mijn buurvrouw?")
    assert "oogdruppels" in follow_up.splitlines()[0] or "ogen druppelen" in follow_up.splitlines()[0]
    stored = json.dumps(_events(postgres_url, chat.sender))
    assert "oogdruppels" in stored and "piet@example.nl" not in stored


def test_retention_deletes_old_conversations_only(servers, rasa_url, chat):
    chat.say("mag ik insuline spuiten bij mijn zus?")
    store = f"sqlite:///{servers.workdir / 'gesprekken.sqlite3'}"
    assert _events(store, chat.sender)

    def retention(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot.retention", "--tracker-url", store, *args], cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=120)

    kept = retention("--days", "30")
    assert kept.returncode == 0 and _events(store, chat.sender)
    dry = retention("--days", "0", "--dry-run")
    assert dry.returncode == 0 and "zou verwijderen" in dry.stdout and _events(store, chat.sender)
    gone = retention("--days", "0")
    assert gone.returncode == 0 and not _events(store, chat.sender)
