"""Rendered Dutch answers: content, sources, and safe handling of user text."""
from __future__ import annotations

import pytest

from actions.common import looks_english, safe_echo
from bot.kb.answers import AnswerRenderer
from bot.kb.rules import Situation, decide, determine_role
from bot.safety import asks_dosage, is_emergency


@pytest.fixture(scope="module")
def r(db_kb):
    return AnswerRenderer(db_kb)


def test_mantelzorger_insulin_answer_has_every_part(db_kb, r):
    text = r.decision(decide(db_kb, "mantelzorger", "insuline_spuiten", Situation(relation="familie")))
    assert text.startswith("Insuline spuiten, als mantelzorger: Ja, dat mag, onder voorwaarden.")
    for part in ("Voorwaarden:", "toestemming", "zorgdossier", "Jouw verantwoordelijkheden als mantelzorger:",
                 "Als het misgaat:", "SO(C)K", "Bron:", "Wet BIG"):
        assert part in text, part


def test_volunteer_answer_mentions_assignment_and_conditional_voorbehouden(db_kb, r):
    text = r.decision(decide(db_kb, "vrijwilliger", "wondzorg", Situation(relation="client")))
    assert "bevoegde zorgprofessional" in text
    assert "Is wondzorg een voorbehouden handeling? Dat zeggen de bronnen niet" in text


def test_minor_consent_shows_in_the_answer(db_kb, r):
    text = r.decision(decide(db_kb, "mantelzorger", "bloedsuiker_prikken", Situation(relation="familie", age=14)))
    assert "het kind én de ouder of voogd" in text


def test_overview_when_role_unknown(db_kb, r):
    text = r.overview(db_kb.tasks["insuline_spuiten"])
    assert text.startswith("Mag je insuline spuiten? Dat hangt af van je rol")
    assert "Als mantelzorger" in text and "Als vrijwilliger" in text and "Als zorgprofessional" in text


def test_liability_answers(r):
    assert "niet aansprakelijk, behalve als" in r.liability_overview()
    text = r.liability("zorginstelling")
    assert text.count("\n1. ") == 1 and "\n3. " in text


def test_role_answer(db_kb, r):
    text = r.role(determine_role(db_kb, {"persoonlijke_band": True, "betaald_uit_pgb": True, "ook_anderen_dan_naaste": False}))
    assert text.startswith("Je rol: mantelzorger.") and "PGB" in text


def test_sock_for_self_skips_c(r):
    assert "C (Communicatie)" in r.sock()
    assert "C (Communicatie)" not in r.sock(for_self=True)


def test_sock_summary_advises_professional_on_doubt(db_kb, r):
    qs = db_kb.sock_questions
    text = r.sock_summary([(qs[0], "ja"), (qs[1], "twijfel"), (qs[3], "ja")])
    assert "Ondersteuning" in text and "zorgprofessional" in text


def test_consent_for_age(r):
    assert "ouder of voogd toestemming" in r.consent(age=9)
    assert "Wilsonbekwaam" not in r.consent(age=9)
    text = r.consent(wilsonbekwaam=True)
    assert "Wilsonbekwaam" in text and "jonger dan 12" not in text


def test_unknown_task_never_echoes_markup(db_kb, r):
    text = r.unknown_task(safe_echo("<script>alert(1)</script>laseren"), [db_kb.tasks["steunkousen"]])
    assert "<" not in text and ">" not in text
    assert "steunkousen aantrekken" in text


def test_safe_echo_limits_length():
    assert len(safe_echo("x" * 500)) == 60


@pytest.mark.parametrize("text", ["mijn vader is bewusteloos", "ze ademt niet meer", "hij bloedt heel erg", "Help, hij reageert niet!"])
def test_emergencies_are_recognised(text):
    assert is_emergency(text)


@pytest.mark.parametrize("text", ["mag ik insuline spuiten bij mijn zus", "wat is de wet big"])
def test_ordinary_questions_are_not_emergencies(text):
    assert not is_emergency(text)


def test_dosage_questions_are_recognised():
    assert asks_dosage("hoeveel eenheden insuline moet ik spuiten")
    assert not asks_dosage("mag ik insuline spuiten")


def test_english_detection():
    assert looks_english("Can I give my mother her insulin injection?")
    assert not looks_english("mag ik mijn moeder insuline geven")
