"""Reading a whole message: who asks, who would act, for whom, the deciding
circumstances, and what is asked (bot/understanding)."""
from __future__ import annotations

import pytest

from bot.understanding.english import gloss, looks_english
from bot.understanding.questions import detect, is_generic
from bot.understanding.situation import extract
from bot.understanding.terms import Lexicon
from bot.understanding.text import normalize, question_sentences


@pytest.fixture(scope="module")
def lex(db_kb):
    return Lexicon(db_kb)


def read(lex, text):
    s = extract(lex, text)
    return s, detect(text, s)


@pytest.mark.parametrize(
    "text, task",
    [
        ("mag ik insuline spuiten bij mijn zus?", "insuline_spuiten"),
        ("mag ik bij mn ma de steunkouse aantrekken", "steunkousen"),
        ("kan ik insulien geven", "insuline_spuiten"),
        ("oogdruppels geven bij mijn opa", "ogen_druppelen"),
        ("het stomazakje verwisselen", "stomazorg"),
        ("mag ik de tillift gebruiken", "tillift"),
        ("bloedsuiker meten bij mijn zoon", "bloedsuiker_prikken"),
        ("trombosespuitje zetten", "injecteren"),
        ("mijn moeder douchen", "persoonlijke_verzorging"),
        ("haar pillen klaarzetten", "medicijnen_geven"),
        ("de prik in haar buik", "insuline_spuiten"),
    ],
)
def test_task_in_everyday_words(lex, text, task):
    assert lex.task(text) == task


def test_unlisted_task_gets_no_match(lex):
    assert lex.task("mag ik mijn vader laseren") is None
    assert lex.suggest_tasks("steunkoussen")[0].id == "steunkousen"


def test_question_sentence_is_found_in_a_story():
    text = ("Mijn moeder woont sinds kort in het verpleeghuis en de teamleider vraagt of ik ook bij andere "
            "bewoners help, ben ik dan nog mantelzorger?")
    assert question_sentences(text) == ["ben ik dan nog mantelzorger?"]
    assert normalize("Cliënt!") == "client"


def test_story_with_a_request_to_help_other_residents(lex):
    s, q = read(lex, "Mijn moeder woont sinds kort in het verpleeghuis en de teamleider vraagt of ik ook bij andere "
                     "bewoners help, ben ik dan nog mantelzorger?")
    assert q.main == "rol"
    assert s.own_relative == "familie" and s.helps_others and s.spontaneous is False


def test_staff_asking_about_a_daughter(lex):
    s, q = read(lex, "Ik ben verzorgende. De dochter van een bewoner wil haar moeder helpen met douchen. Mag zij dat?")
    assert s.asker_role == "zorgprofessional"
    assert s.actor == "other" and s.actor_words == "de dochter" and s.relation == "familie"
    assert q.main == "mag_ik"


def test_volunteer_asked_by_a_family_member_acts_himself(lex):
    s, _ = read(lex, "De dochter van een bewoner vroeg me of ik als vrijwilliger haar vader wil helpen met eten. Mag dat zomaar?")
    assert s.actor == "asker" and s.asker_role == "vrijwilliger"


@pytest.mark.parametrize(
    "text, receiver, receiver_age, actor_age",
    [
        ("Mijn dochter van 10 heeft diabetes, mag ik haar insuline spuiten?", "other", 10, None),
        ("Mijn zoon van 13 heeft diabetes. Mag hij zelf spuiten?", "self", 13, None),
        ("Ik ben 15 en heb diabetes. Mag ik zelf mijn insuline spuiten?", "self", 15, None),
        ("Mag mijn dochter van 13 mijn insuline spuiten?", "asker", None, 13),
        ("Onze dochter Fenna is 13. Oma gaat haar insuline spuiten. Is het genoeg als Fenna zelf ja zegt?", "other", 13, None),
        ("Een 15-jarige patiënt wil dat zijn broer (22) leert katheteriseren. Van wie heb ik toestemming nodig?", "other", 15, None),
    ],
)
def test_ages_belong_to_the_right_person(lex, text, receiver, receiver_age, actor_age):
    s, _ = read(lex, text)
    assert (s.receiver, s.receiver_age, s.actor_age) == (receiver, receiver_age, actor_age)


def test_deciding_circumstances(lex):
    s, _ = read(lex, "Ik werk als verpleegkundige en help mijn buurman in mijn vrije tijd met oogdruppels. Ben ik dan mantelzorger?")
    assert s.asker_role == "zorgprofessional" and s.free_time and s.relation == "buur"
    s, _ = read(lex, "Ik krijg geld uit een pgb om voor mijn oma te zorgen. Ben ik dan mantelzorger?")
    assert s.paid == "pgb"
    s, _ = read(lex, "Ik ben vrijwilliger en heb een bewoner goed leren kennen, we zijn vrienden geworden. Ben ik nu mantelzorger?")
    assert s.bond_later and s.asker_role == "vrijwilliger"
    s, q = read(lex, "Mijn vader heeft dementie en wil niet dat ik zijn steunkousen aantrek. Wat nu?")
    assert s.refusal == "receiver" and s.capacity == "twijfel" and q.main == "toestemming"


@pytest.mark.parametrize(
    "text, now",
    [
        ("Mijn vader reageert niet meer en ademt raar!", True),
        ("Mijn moeder praat ineens heel onduidelijk en haar mond hangt scheef.", True),
        ("Vorige maand moest de ambulance komen voor mijn moeder. Mag ik haar nu zelf insuline geven?", False),
        ("Wat moet ik doen als mijn vader ooit bewusteloos raakt?", False),
        ("Toen hij viel was hij even bewusteloos, maar nu gaat het weer. Mag ik zijn wond verzorgen?", False),
        # A condition named as cause or history is not happening now.
        ("Door een hersenbloeding kan mijn broer niet meer overzien wat er gebeurt. Wie geeft toestemming?", False),
        ("Mijn vader heeft een hersenbloeding gehad en ik help hem nu met wassen. Mag dat?", False),
        ("Sinds zijn beroerte is hij halfzijdig verlamd. Mag ik zijn medicijnen geven?", False),
        ("Mijn moeder is opeens verlamd aan haar arm en praat raar!", True),
    ],
)
def test_emergency_is_what_happens_now(lex, text, now):
    s, q = read(lex, text)
    assert s.emergency_now is now
    assert (q.main == "noodgeval") is now


def test_two_questions_in_one_message(lex):
    _, q = read(lex, "Mag ik de steunkousen van mijn vader aantrekken en wie is aansprakelijk als het misgaat?")
    assert q.types[:2] == ("aansprakelijkheid", "mag_ik") or set(q.types[:2]) == {"mag_ik", "aansprakelijkheid"}


def test_generic_question_takes_its_subject_from_the_story(lex):
    assert is_generic("Mag dat?") and is_generic("Hoe pakken we dit aan?") and not is_generic("Mag ik insuline spuiten?")
    _, q = read(lex, "Een vrijwilliger helpt bij de maaltijd en geeft de bewoners veel te grote happen. Wat is de juiste aanpak?")
    assert q.main == "passend_reageren"


def test_english_is_recognised_and_glossed(lex):
    text = "Can I give my mum her insulin shots?"
    assert looks_english(text) and not looks_english("mag ik mijn moeder insuline geven?")
    s, q = read(lex, gloss(text))
    assert s.task == "insuline_spuiten" and s.relation == "familie" and q.main == "mag_ik"


def test_off_topic_and_greetings(lex):
    _, q = read(lex, "Heb je een lekker recept voor erwtensoep?")
    assert q.main == "off_topic"
    _, q = read(lex, "hallo")
    assert q.main == "greeting"


@pytest.mark.parametrize("text", [
    "Mijn vader is ineens heel benauwd en wordt grauw, wat moet ik doen?",
    "mn moeder is van de trap gevallen en reageert nauwelijks",
    "Help! Mijn man krijgt een allergische reactie, zijn tong wordt dik",
    "Mevrouw op de afdeling is net flauwgevallen en ik krijg haar niet wakker",
    "Mijn vader heeft te veel insuline gekregen en is nu heel suf en zweterig",
    "Mijn moeder is net gevallen toen ik haar uit bed hielp en ze reageert niet meer!!",
])
def test_emergencies_in_everyday_words_come_first(lex, text):
    s, q = read(lex, text)
    assert s.emergency_now and q.main == "noodgeval"


@pytest.mark.parametrize("text", [
    "Mijn moeder is haar pil van vanochtend vergeten, mag ik die vanavond alsnog geven?",
    "hoeveel eenheden moet ik mijn vader spuiten als zijn suiker 15 is?",
    "Mag ik mijn vrouw een extra paracetamol geven als ze veel pijn heeft?",
    "mag ik de dosis morfine ophogen bij mijn moeder",
])
def test_dosage_questions_get_no_dosage_advice(lex, text):
    s, q = read(lex, text)
    assert q.main == "medisch" and not s.emergency_now


@pytest.mark.parametrize("text", [
    "Sinds haar beroerte krijgt mijn vrouw sondevoeding. Mag ik de pomp zelf leren aansluiten?",
    "Mijn vader heeft net een beroerte gehad. Hoeveel zorgverlof krijg ik?",
    "Toen hij viel was hij even bewusteloos, maar nu gaat het weer. Mag ik zijn wond verzorgen?",
])
def test_past_or_background_illness_is_no_emergency(lex, text):
    s, _ = read(lex, text)
    assert not s.emergency_now


def test_who_consents_is_not_who_acts_or_is_helped(lex):
    s, _ = read(lex, "Moet mijn broer ook toestemming geven als ik mijn moeder help met douchen? Ze kan prima zelf beslissen.")
    assert s.actor == "asker" and s.capacity == "bekwaam"
    assert s.mentions and "moeder" in (s.receiver_words or "")


def test_asker_names_the_bond_from_her_side(lex):
    s, _ = read(lex, "Ik ben de dochter van mevrouw Jansen. Mag ik haar oogdruppels geven?")
    assert s.actor == "asker" and s.relation == "familie"


def test_question_about_registering_someone_is_about_him(lex):
    s, q = read(lex, "Op onze locatie komt een zoon van een bewoner elke vrijdag, op ons verzoek, de maaltijd begeleiden voor de hele groep. "
                     "Moeten wij hem eigenlijk als vrijwilliger registreren?")
    assert s.actor == "other" and s.spontaneous is False and s.helps_others and q.main == "rol"
