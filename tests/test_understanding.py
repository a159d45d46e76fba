"""Finding care tasks, relations, roles, ages and role-doubt facts in informal Dutch."""
from __future__ import annotations

import pytest

from actions.context import read_question, role_facts
from bot.kb.understanding import Understanding, normalize


@pytest.fixture(scope="module")
def u(db_kb):
    return Understanding(db_kb)


@pytest.mark.parametrize(
    "text, task",
    [
        ("mag ik insuline spuiten bij mijn zus?", "insuline_spuiten"),
        ("mag ik bij mn ma de steunkouse aantrekken", "steunkousen"),
        ("kan ik insulien geven", "insuline_spuiten"),
        ("oogdruppels geven bij mijn opa", "ogen_druppelen"),
        ("mijn vader heeft een catheter", "katheteriseren"),
        ("het stomazakje verwisselen", "stomazorg"),
        ("mag ik de tillift gebruiken", "tillift"),
        ("bloedsuiker meten bij mijn zoon", "bloedsuiker_prikken"),
        ("trombosespuitje zetten", "injecteren"),
        ("mijn moeder douchen", "persoonlijke_verzorging"),
    ],
)
def test_task_in_text(u, text, task):
    assert u.task(text) == task


def test_entity_value_wins_and_ids_pass_through(u):
    assert u.task("iets anders", entity="insuline_spuiten") == "insuline_spuiten"
    assert u.task("", entity="steunkous") == "steunkousen"


def test_unknown_task_gets_no_match_but_suggestions(u):
    assert u.task("mag ik mijn vader laseren") is None
    assert u.suggest_tasks("steunkoussen")[0].id == "steunkousen"


@pytest.mark.parametrize(
    "text, relation",
    [
        ("bij mijn zus", "familie"),
        ("mn ma", "familie"),
        ("m'n buurman", "buur"),
        ("mijn vrouw heeft sondevoeding", "partner"),
        ("een vrouw in het verpleeghuis", None),
        ("een bewoner op de afdeling", "client"),
        ("ook andere bewoners helpen", "andere_bewoner"),
        ("bij mezelf", "zelf"),
        ("ik heb diabetes, mag ik zelf insuline spuiten", "zelf"),
        ("mag ik mijn eigen moeder helpen", "familie"),
    ],
)
def test_relation(u, text, relation):
    assert u.relation(text) == relation


@pytest.mark.parametrize(
    "text, role",
    [
        ("ik ben vrijwilliger", "vrijwilliger"),
        ("ik werk als verpleegkundige", "zorgprofessional"),
        ("wij als zorgorganisatie", "zorginstelling"),
        ("mag een vrijwilliger dat", "vrijwilliger"),
        ("als mantelzorger", "mantelzorger"),
        ("mag ik bij mijn moeder", None),
        ("mogen onze vrijwilligers insuline geven", "zorginstelling"),
        ("moet de wijkverpleegkundige dat doen", None),
    ],
)
def test_role(u, text, role):
    assert u.role(text) == role


@pytest.mark.parametrize("text, age", [("mijn dochter van 14", 14), ("zoon is 9 jaar", 9), ("geen leeftijd", None), ("15 jarige", 15)])
def test_age(u, text, age):
    assert u.age(text) == age


def test_normalize_strips_accents_and_markup():
    assert normalize("Cliënt <b>Ogen</b>!") == "client b ogen b"


def test_follow_up_keeps_task_and_takes_new_relation(u):
    slots = {"zorghandeling": "insuline_spuiten", "relatie": "familie", "rol": None}
    q = read_question(u, "en bij mijn buurman?", [], slots)
    assert (q.task, q.relation, q.acting_role(u.kb)) == ("insuline_spuiten", "buur", "mantelzorger")


def test_follow_up_with_new_role_drops_old_relation(u):
    slots = {"zorghandeling": "steunkousen", "relatie": "familie"}
    q = read_question(u, "en als vrijwilliger?", [], slots)
    assert q.role == "vrijwilliger" and q.relation is None


def test_unknown_task_text_is_kept(u):
    q = read_question(u, "mag ik mijn vader laseren", [{"entity": "zorghandeling", "value": "laseren"}], {})
    assert q.task is None and q.task_text == "laseren"


def test_wilsonbekwaam_cue(u):
    assert read_question(u, "mijn vader is dement, mag ik zijn medicijnen geven", [], {}).wilsonbekwaam


@pytest.mark.parametrize(
    "story, expected",
    [
        ("Ik word betaald uit een pgb om voor mijn moeder te zorgen, met wie ik altijd een band heb gehad.",
         {"betaald_uit_pgb": True, "persoonlijke_band": True, "ook_anderen_dan_naaste": False}),
        ("Mijn vader woont in een verpleeghuis en ik help bij het eten ook andere bewoners met hun medicijnen.",
         {"persoonlijke_band": True, "ook_anderen_dan_naaste": True}),
        ("Ik ben verpleegkundige en druppel in mijn vrije tijd de ogen van mijn buurman.",
         {"persoonlijke_band": True, "zorgprofessional_in_vrije_tijd": True, "beroepsmatig": False, "ook_anderen_dan_naaste": False}),
        ("Ik ben directeur van een mantelzorgorganisatie en wil onze medewerkers medicatie laten geven.",
         {"organisatie_zet_mensen_in": True}),
    ],
)
def test_role_facts_from_the_four_case_stories(u, story, expected):
    facts = role_facts(u, story)
    for key, value in expected.items():
        assert facts.get(key) == value, (key, facts)
