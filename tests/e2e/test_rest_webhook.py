"""End to end: real HTTP to the running Rasa server (REST channel) and action server."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.e2e.conftest import Chat

pytestmark = pytest.mark.rasa
DEV_QUESTIONS = yaml.safe_load((Path(__file__).parent / "dev_questions.yml").read_text(encoding="utf-8"))["questions"]


def test_thin_slice_insulin_for_my_sister(chat):
    reply = chat.send("mag ik insuline spuiten bij mijn zus?")
    text = reply[0]["text"]
    assert text.startswith("Insuline spuiten, als mantelzorger: Ja, dat mag, onder voorwaarden.")
    for part in ("mantelzorger", "toestemming", "zorgdossier", "Wet BIG", "Bron:"):
        assert part in text
    assert [b["title"] for b in reply[0]["buttons"]] == ["Wat als het misgaat?", "Loop de SO(C)K-vragen door", "Ik twijfel over mijn rol"]


@pytest.mark.parametrize("case", DEV_QUESTIONS, ids=[q["text"][:40] for q in DEV_QUESTIONS])
def test_dev_question(rasa_url, case):
    text = Chat(rasa_url).say(case["text"]).lower()
    for expected in case.get("expect_all", []):
        assert expected in text, f"missing '{expected}' in:\n{text}"
    if case.get("expect_any"):
        assert any(e in text for e in case["expect_any"]), f"none of {case['expect_any']} in:\n{text}"
    for forbidden in case.get("expect_none", []):
        assert forbidden not in text, f"unexpected '{forbidden}' in:\n{text}"


def test_follow_up_keeps_the_care_task(chat):
    first = chat.say("mag ik bij mn moeder de steunkousen aantrekken")
    assert "Ja, dat mag" in first
    second = chat.say("en bij mijn buurman?")
    assert "Ja, dat mag" in second and "mantelzorger" in second


def test_missing_role_is_asked_with_buttons_and_then_answered(chat):
    reply = chat.send("mag ik insuline spuiten?")
    assert "hangt af van je rol" in reply[0]["text"]
    assert any(b["payload"] == '/inform{"rol":"vrijwilliger"}' for m in reply for b in m.get("buttons", []))
    answer = chat.say('/inform{"rol":"vrijwilliger"}')
    assert "bevoegde zorgprofessional" in answer and "voorbehouden" in answer


def test_role_doubt_form_decides_and_resumes_the_question(chat):
    chat.say("mag ik insuline spuiten?")
    assert "jezelf" in chat.say("/rol_twijfel")
    assert "persoonlijke band" in chat.say("nee")
    assert "andere mensen" in chat.say("ja")
    final = chat.say("nee")
    assert "Je rol: mantelzorger." in final
    assert "Ja, dat mag, onder voorwaarden." in final


def test_role_doubt_story_is_decided_at_once(chat):
    text = chat.say("Ik twijfel over mijn rol. Mijn vader woont in een verpleeghuis en bij het eten help ik ook andere bewoners met hun medicijnen.")
    assert "Je rol: vrijwilliger." in text


def test_sock_checklist_with_doubt(chat):
    assert "Situatie" in chat.say("loop de sock vragen met me door")
    assert "Ondersteuning" in chat.say("ja")
    assert "Communicatie" in chat.say("twijfel")
    assert "Kennis" in chat.say("ja")
    summary = chat.say("ja")
    assert "Samenvatting" in summary and "zorgprofessional" in summary


@pytest.mark.parametrize("message", ["", "   ", "🙂🙂🙂", "???"])
def test_messages_without_words_get_a_clear_answer(chat, message):
    assert "Ik heb geen vraag in je bericht gevonden" in chat.say(message)


def test_very_long_message_is_answered(chat):
    story = "Mijn moeder is 84 en woont nog thuis. " * 200 + "Mag ik bij mijn moeder de steunkousen aantrekken?"
    text = chat.say(story[:10000])
    assert text  # answered, not dropped
    assert "erg lang" in text or "steunkousen" in text


def test_markup_is_never_echoed(chat):
    text = chat.say("<script>alert('x')</script> mag ik <b>laseren</b> bij mijn vader?")
    assert "<script" not in text and "<b>" not in text


def test_unknown_care_task_says_so(chat):
    text = chat.say("mag ik bij mijn vader laseren?")
    assert "ken ik niet" in text


def test_english_gets_dutch_answer_with_note(chat):
    text = chat.say("Can I give my mother her insulin injection?")
    assert "only speaks Dutch" in text


def test_emergency_first_112(chat):
    assert "112" in chat.say("help mijn moeder is bewusteloos")


def test_database_down_gives_a_clear_answer(servers, model):
    broken = servers.action_server("actions-broken-db", HANDELWIJZER_DATABASE_URL="sqlite:////nonexistent/dir/kb.sqlite3")
    url = servers.rasa_server(model, broken)
    text = Chat(url).say("mag ik insuline spuiten bij mijn zus?")
    assert "kennisbank" in text


def test_action_server_down_gives_a_clear_answer(servers, model):
    from tests.e2e.conftest import free_port

    url = servers.rasa_server(model, free_port())  # nothing listens on that port
    text = Chat(url).say("mag ik insuline spuiten bij mijn zus?")
    assert "Er ging iets mis" in text
