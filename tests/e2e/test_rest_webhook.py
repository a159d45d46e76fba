"""End to end: real HTTP to the running Rasa server (REST channel) and action server."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from tests.e2e.conftest import Chat, free_port

pytestmark = pytest.mark.rasa


def _post(url: str, body: dict) -> int:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_thin_slice_insulin_for_my_sister(chat):
    reply = chat.send("mag ik insuline spuiten bij mijn zus?")
    text = "\n".join(m.get("text", "") for m in reply)
    assert text.startswith("Ja, als mantelzorger mag je insuline spuiten bij je zus, als je zus het goed vindt.")
    for part in ("toestemming", "zorgdossier", "Wet BIG", "aansprakelijk", "Bron:"):
        assert part in text
    titles = [b["title"] for m in reply for b in m.get("buttons", [])]
    assert "Wat als het misgaat?" in titles and "Ik twijfel over mijn rol" in titles


def test_realistic_story_gets_the_rule_for_the_story(chat):
    text = chat.say(
        "Mijn moeder woont sinds kort in het verpleeghuis. Bij het eten geef ik soms ook de andere bewoners aan tafel "
        "hun medicijnen, omdat de verzorging het zo druk heeft. In welke rol doe ik dat eigenlijk?"
    )
    first = text.splitlines()[0]
    assert "vrijwilliger" in first and "mantelzorger" in first
    assert "verschillen" in text  # the two sources read this case differently, and the answer says so


def test_follow_up_keeps_the_care_task(chat):
    assert chat.say("mag ik bij mn moeder de steunkousen aantrekken").startswith("Ja, als mantelzorger")
    second = chat.say("en bij mijn buurman?")
    assert second.startswith("Ja, als mantelzorger mag je steunkousen") and "buurman" in second.splitlines()[0]


def test_follow_up_button_answers_about_the_same_situation(chat):
    chat.say("Ik ben vrijwilliger in een verpleeghuis. Mag ik bij een bewoner de steunkousen aantrekken?")
    text = chat.say('/vervolg{"onderwerp":"aansprakelijkheid"}')
    assert "vrijwilligersovereenkomst" in text and "zorginstelling" in text


def test_role_doubt_form_asks_only_what_matters_and_resumes_the_question(chat):
    assert chat.say("mag ik insuline spuiten?").startswith("Dat hangt af van je rol.")
    assert "bij jezelf" in chat.say('/vervolg{"onderwerp":"rol"}')
    assert "persoonlijke band" in chat.say("nee")
    final = chat.say("ja")
    assert "Je bent hier mantelzorger." in final
    assert "Ja, als mantelzorger mag je insuline spuiten" in final


def test_sock_checklist_with_doubt(chat):
    assert "Situatie" in chat.say("loop de sock vragen met me door")
    assert "Ondersteuning" in chat.say("ja")
    assert "Communicatie" in chat.say("twijfel")
    assert "Kennis" in chat.say("ja")
    summary = chat.say("ja")
    assert "Samenvatting" in summary and "Ondersteuning" in summary and "zorgprofessional" in summary


@pytest.mark.parametrize("message", ["", "   ", "🙂🙂🙂", "???"])
def test_messages_without_words_get_a_clear_answer(chat, message):
    assert "Ik heb geen vraag in je bericht gevonden" in chat.say(message)


def test_very_long_message_is_answered(chat):
    story = "Mijn moeder is 84 en woont nog thuis. " * 400 + "Mag ik bij mijn moeder de steunkousen aantrekken?"
    text = chat.say(story)
    assert text  # answered, not dropped
    assert "lang" in text or "steunkousen" in text


def test_markup_is_never_echoed(chat):
    text = chat.say("<script>alert('x')</script> mag ik <b>laseren</b> bij mijn vader?")
    assert "<script" not in text and "<b>" not in text
    assert "noemen mijn bronnen niet" in text  # an unknown care task is named as such


def test_english_gets_a_dutch_answer_with_a_note(chat):
    text = chat.say("Can I give my mother her insulin injection?")
    assert "answers in Dutch" in text and "mantelzorger" in text


def test_emergency_says_112_and_nothing_else(chat):
    text = chat.say("help mijn moeder is net gevallen en reageert niet meer")
    assert "112" in text.splitlines()[0]
    assert "Voorwaarden" not in text


def test_dosage_question_gets_no_dosage(chat):
    text = chat.say("Hoeveel eenheden insuline moet ik mijn vader geven?")
    assert "112" not in text.splitlines()[0]
    assert "arts" in text or "apotheek" in text or "huisarts" in text


def test_missing_sender_is_refused(rasa_url):
    assert _post(f"{rasa_url}/webhooks/rest/webhook", {"message": "hallo"}) == 400
    assert _post(f"{rasa_url}/webhooks/rest/webhook", {"sender": "", "message": "hallo"}) == 400


def test_database_down_gives_a_clear_answer(servers, model):
    broken = servers.action_server("actions-broken-db", HANDELWIJZER_DATABASE_URL="sqlite:////nonexistent/dir/kb.sqlite3")
    url = servers.rasa_server(model, broken, name="rasa-broken-db")
    text = Chat(url).say("mag ik insuline spuiten bij mijn zus?")
    assert "kennisbank" in text


def test_action_server_down_gives_a_clear_answer(servers, model):
    url = servers.rasa_server(model, free_port(), name="rasa-no-actions")  # nothing listens on that port
    text = Chat(url).say("mag ik insuline spuiten bij mijn zus?")
    assert "Er ging iets mis" in text
