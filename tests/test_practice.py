"""The oefenmodus on the real knowledge base and rule logic: generated cases
expect what the rules say, hand-written cases are well formed, and whole
practice rounds (right, wrong, typed, skipped, stopped, switched, dilemma with
role play, emergency) behave as staff would expect."""
from __future__ import annotations

import random

import pytest

from bot.kb.rules import Circumstances, consent_band, decide, determine_role
from bot.practice import cases as C
from bot.practice import session as S
from bot.practice.generate import BAND_ANSWER, GENERATORS, VERDICT_ANSWER, generated
from bot.practice.grading import grade_open, match_option


def expected_by_the_rules(kb, case: C.Case) -> str:
    """Recompute a generated case's answer from its rule inputs."""
    basis = case.basis
    if basis["rule"] == "determine_role":
        return determine_role(kb, basis["facts"]).role
    if basis["rule"] == "decide":
        return VERDICT_ANSWER[decide(kb, basis["role"], basis["task"], Circumstances(**basis["circumstances"])).verdict]
    if basis["rule"] == "consent_band":
        return BAND_ANSWER[consent_band(kb, basis["age"]).id]
    if basis["rule"] == "capacity":
        return "vertegenwoordiger"
    if basis["rule"] == "liability":
        liable = kb.liability[basis["role"]].liable
        return "zelf" if liable and liable[0] == basis["role"] else "instelling"
    raise AssertionError(basis)


@pytest.mark.parametrize("theme", sorted(GENERATORS))
def test_generated_cases_expect_what_the_rules_say(kb, theme):
    cases = [c for seed in range(40) for c in generated(kb, theme, 5, random.Random(seed))]
    assert len({c.situation for c in cases}) > 20  # a team does not see the same cases every week
    for case in cases:
        assert case.expected == expected_by_the_rules(kb, case), case
        assert case.expected in {v for v, _, _ in case.options}
        assert case.explanation and case.source and "{" not in case.situation


def test_generated_role_cases_cover_every_role_outcome_kind(kb):
    roles = {c.expected for seed in range(60) for c in generated(kb, "rol", 5, random.Random(seed))}
    assert {"mantelzorger", "vrijwilliger", "zorgprofessional", "zorgvrager"} <= roles


def test_knowledge_base_cases_are_well_formed(kb):
    assert len(kb.practice_cases) >= 15 and {t.id for t in kb.practice_themes} >= {"rol", "mag_dit", "aansprakelijkheid",
                                                                                   "toestemming", "sock", "privacy", "samenwerken", "dilemma"}
    for case in C.handwritten(kb) + C.role_cases(kb):
        assert case.expected in {v for v, _, _ in case.options}, case.id
        assert case.explanation and case.source
    for case in C.role_cases(kb):
        rc = next(r for r in kb.role_cases if f"rolcasus_{r.id}" == case.id)
        # The role cases of the sources agree with the rule logic.
        assert determine_role(kb, dict(rc.facts)).role == case.expected, rc.id
    assert all(d.role_play is not None for d in kb.dilemmas.values())


@pytest.mark.parametrize("theme", ["rol", "mag_dit", "aansprakelijkheid", "toestemming", "sock", "privacy", "samenwerken", "dilemma", "mix"])
def test_every_theme_has_a_round(kb, theme):
    assert len(S.build_round(kb, theme, 3, seed=1)) >= 2


@pytest.mark.parametrize("answer, expected", [("klopt niet", "klopt_niet"), ("Klopt", "klopt"), ("dat is een fabel", "klopt_niet"),
                                              ("ik denk dat het klopt", "klopt"), ("geen idee", None)])
def test_typed_answers_are_matched_to_an_option(kb, answer, expected):
    case = next(c for c in C.handwritten(kb) if c.id == "stelling_gelijkwaardig")
    assert match_option(case, answer) == expected


def test_open_answers_are_graded_on_key_points(kb):
    case = next(c for c in C.practice_questions(kb) if c.id == "praktijk_dochter_zorgplan")
    assert grade_open(case, "Alleen met toestemming van de cliënt, en dat leg je vast in het zorgplan").good
    assert not grade_open(case, "Ja hoor, gewoon vertellen").good


def _play(kb, answers, theme="Toestemming", count="3", seed=11):
    state = S.new_state(seed)
    said = []
    for text in [theme, count] + answers:
        state, msgs = S.handle(kb, state, text)
        said += [m.text for m in msgs]
        if S.finished(state):
            break
        said += [m.text for m in S.prompt(kb, state)]
    return state, said


def test_a_round_with_right_and_wrong_answers_is_scored(kb):
    state = S.new_state(5)
    for text in ["Toestemming", "4"]:
        state, _ = S.handle(kb, state, text)
    feedback = []
    for i in range(4):
        case = C.Case.from_dict(state["cases"][state["index"]])
        wrong = next(title for value, title, _ in case.options if value != case.expected)
        state, msgs = S.handle(kb, state, case.title_of(case.expected) if i < 3 else wrong)
        feedback += [m.text for m in msgs]
    assert S.finished(state)
    assert S.score(state) == {"goed": 3, "beantwoord": 4, "overgeslagen": 0, "dilemmas": 0}
    assert sum(f.startswith("Goed!") for f in feedback) == 3 and any(f.startswith("Niet helemaal") for f in feedback)
    assert all("Bron:" in f for f in feedback)
    summary = "\n".join(m.text for m in S.summary(kb, state))
    assert "3 van de 4 goed" in summary and "## 4." in summary and "Bron:" in summary


def test_skip_explain_switch_and_stop_work_midway(kb):
    state, said = _play(kb, ["andere vraag", "uitleg", "ander thema", "SO(C)K", "5", "stop"])
    assert "Deze slaan we over." in said and any(s.startswith("Uitleg bij deze casus:") for s in said)
    assert "Goed, kies een ander thema." in said
    assert state["theme"] == "sock" and state["step"] == "gestopt"


def test_an_emergency_during_practice_gets_112_and_keeps_the_round(kb):
    state = S.new_state(3)
    for text in ["Aansprakelijkheid", "3"]:
        state, _ = S.handle(kb, state, text)
    before = dict(state)
    state, msgs = S.handle(kb, state, "help, mijn vader ligt op de grond en ademt niet!")
    assert "112" in msgs[0].text
    assert state["index"] == before["index"] and state["step"] == "casus"


def test_a_dilemma_with_role_play(kb):
    state = S.new_state(2)
    for text in ["Dilemma's", "1"]:
        state, _ = S.handle(kb, state, text)
    d = kb.dilemmas[C.Case.from_dict(state["cases"][0]).basis["kb"].split(":")[1]]
    state, _ = S.handle(kb, state, "De medewerker")
    state, msgs = S.handle(kb, state, d.values[0])
    assert d.values[0] in msgs[0].text and d.suggestions[0].text in msgs[0].text and "Bron:" in msgs[0].text
    state, msgs = S.handle(kb, state, "Ja, speel het")
    assert d.role_play.opening in msgs[-1].text
    state, msgs = S.handle(kb, state, "Ik begrijp dat u zich zorgen maakt. Zullen we samen kijken wat kan?")
    assert d.role_play.reply in msgs[0].text and S.finished(state)
    assert S.score(state)["dilemmas"] == 1
    assert "rollenspel" in S.printable(kb, state)


def test_unrecognised_input_is_asked_again_without_scoring(kb):
    state = S.new_state(9)
    state, msgs = S.handle(kb, state, "geen idee welk thema")
    assert state["step"] == "thema" and msgs
    state, _ = S.handle(kb, state, "Samenwerken")
    state, msgs = S.handle(kb, state, "heel veel")
    assert state["step"] == "aantal" and "3, 5 of 10" in msgs[0].text
