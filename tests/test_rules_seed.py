"""One test per rule of seeds 000 and 001; each names the passage it checks
(document, section, locator). The rule logic runs on the knowledge base as read
back from a real SQLite database."""
from __future__ import annotations

import pytest

from bot.kb.rules import Circumstances, consent_notes, decide, determine_role, liability_for


def cond_ids(decision):
    return [c.id for c in decision.conditions]


# --- seed 000: "Zorghandelingen uitvoeren en overdragen zonder zorgen" ----------

def test_000_zorgvrager_needs_no_consent_from_himself(db_kb):
    """000, Zorgvrager: "Je hoeft jezelf hiervoor geen" toestemming te geven."""
    d = decide(db_kb, "zorgvrager", "steunkousen")
    assert d.verdict == "ja"
    assert "toestemming_zorgvrager" not in cond_ids(d)
    assert db_kb.note("sock_self_care").text.endswith("sla je de C over.")


def test_000_mantelzorger_may_with_consent(db_kb):
    """000, Mantelzorger: "Heb je toestemming van de persoon" ... dan mag je."""
    d = decide(db_kb, "mantelzorger", "ogen_druppelen", Circumstances(relation="familie"))
    assert d.verdict == "ja_onder_voorwaarden"
    assert cond_ids(d)[0] == "toestemming_zorgvrager"


def test_000_wet_big_does_not_apply_to_mantelzorger(db_kb):
    """000, Mantelzorger - Goed om te weten: voor jou "geldt deze wet niet"."""
    assert db_kb.roles["mantelzorger"].wet_big_applies == "false"
    d = decide(db_kb, "mantelzorger", "injecteren")
    assert any("Wet BIG geldt niet" in r.summary for r in d.rules)


@pytest.mark.parametrize("role", ["zorgvrager", "mantelzorger", "vrijwilliger"])
def test_000_nobody_is_obliged_to_take_over_a_task(db_kb, role):
    """000, Zorgvrager/Mantelzorger/Vrijwilliger: "Je bent niet verplicht"."""
    assert "eigen_keuze" in cond_ids(decide(db_kb, role, "wondzorg"))


def test_000_vrijwilliger_needs_consent_and_an_assignment(db_kb):
    """000, Vrijwilliger: toestemming en "opdracht gekregen van een bevoegde" zorgprofessional."""
    d = decide(db_kb, "vrijwilliger", "steunkousen", Circumstances(relation="client"))
    assert d.verdict == "ja_onder_voorwaarden"
    assert {"toestemming_zorgvrager", "opdracht_bevoegde_professional", "afspraken_zorginstelling"} <= set(cond_ids(d))


def test_000_vrijwilliger_checks_the_assigner_is_trained(db_kb):
    """000, Vrijwilliger: nagaan of de opdrachtgever "zelf opgeleid is om deze" handeling te doen."""
    texts = [r.text for r in db_kb.roles["vrijwilliger"].responsibilities]
    assert any("zelf is opgeleid" in t for t in texts)


def test_000_vrijwilliger_voorbehouden_only_when_the_organisation_decides(db_kb):
    """000, Vrijwilliger - Goed om te weten: "ook voorbehouden handelingen uit te voeren" samen met de zorginstelling."""
    d = decide(db_kb, "vrijwilliger", "insuline_spuiten", Circumstances(relation="client"))
    assert "besluit_organisatie_voorbehouden" in cond_ids(d)
    # Unknown whether wondzorg is voorbehouden: the same rule is shown as conditional.
    d2 = decide(db_kb, "vrijwilliger", "wondzorg")
    assert "besluit_organisatie_voorbehouden" not in cond_ids(d2)
    assert [c.id for c in d2.conditional_conditions] == ["besluit_organisatie_voorbehouden"]


def test_000_zorgprofessional_depends_on_training_function_competence(db_kb):
    """000, Welke rol heb ik?: het "hangt af van de opleiding", de functie en bekwaamheid."""
    d = decide(db_kb, "zorgprofessional", "infuus", Circumstances(relation="client"))
    assert d.verdict == "hangt_af"
    assert "je opleiding" in d.depends_on and "of je bekwaam bent" in d.depends_on


def test_000_zorgprofessional_can_return_an_assignment(db_kb):
    """000, Zorgprofessional: niet verplicht; "geef je de opdracht terug"."""
    assert "Je geeft de opdracht dan terug" in db_kb.topics["opdracht_teruggeven"].answer
    d = decide(db_kb, "zorgprofessional", "injecteren")
    assert any("geef je de opdracht terug" in r.summary for r in d.rules)


def test_000_zorgprofessional_responds_appropriately(db_kb):
    """000, Zorgprofessional: "Reageer daar dan passend op" (signaleren ... andere oplossing)."""
    texts = " ".join(r.text for r in db_kb.roles["zorgprofessional"].responsibilities)
    assert "signaleren, bespreken, bijsturen, rapporteren" in texts


def test_000_mantelzorger_without_bond_acts_as_volunteer(db_kb):
    """000, Zorginstelling: zonder persoonlijke band "Dan zijn zij vrijwilliger"."""
    result = determine_role(db_kb, {"persoonlijke_band": True, "ook_anderen_dan_naaste": True, "zorghandeling": True})
    assert result.role == "vrijwilliger" and result.outcome.id == "vrijwilliger_andere_bewoners"
    assert "opdracht_bevoegde_professional" in cond_ids(decide(db_kb, result.role, "medicijnen_geven"))


@pytest.mark.parametrize(
    "age, who",
    [(8, "ouder_of_voogd"), (11, "ouder_of_voogd"), (12, "kind_en_ouder"), (15, "kind_en_ouder"), (16, "zorgvrager_zelf"), (80, "zorgvrager_zelf")],
)
def test_000_consent_by_age(db_kb, age, who):
    """000, Zorgvrager - Goed om te weten: "jonger dan 12 jaar", "tussen de 12 en 16", "vanaf 16 jaar mogen"."""
    band = next(b for b in db_kb.consent_bands if b.min_age <= age <= b.max_age)
    assert band.who == who
    notes = consent_notes(db_kb, Circumstances(age=age))
    assert [n.text for n in notes] == [band.text]
    # The same bands apply to a child doing it on himself (only the <16 ones matter).
    self_notes = consent_notes(db_kb, Circumstances(age=age), self_care=True)
    assert bool(self_notes) is (age < 16)


def test_000_wilsonbekwaam_consent_by_representative(db_kb):
    """000, Zorgvrager: bij wilsonbekwaamheid "moet de wettelijk vertegenwoordiger toestemming" geven."""
    d = decide(db_kb, "mantelzorger", "sondevoeding", Circumstances(relation="partner", capacity="wilsonbekwaam"))
    assert any("wettelijk vertegenwoordiger toestemming" in n.text for n in d.consent)


def test_000_sock_skips_c_for_self_care(db_kb):
    """000, SO(C)K: bij jezelf "de letter ‘C’ overslaan"."""
    assert [q.letter for q in db_kb.sock_questions if q.skip_for_self] == ["C"]


@pytest.mark.parametrize("role", ["mantelzorger", "vrijwilliger", "zorgprofessional"])
def test_000_own_blameworthy_mistake_makes_you_liable(db_kb, role):
    """000, Wat als er iets misgaat?: een fout "die mij te verwijten valt" maakt je zelf aansprakelijk."""
    liability = db_kb.liability[role]
    assert role in liability.liable
    assert "te verwijten" in liability.summary + " ".join(n.text for n in liability.notes)


def test_000_professional_liable_for_not_responding_to_risky_spontaneous_help(db_kb):
    """000, Wat als er iets misgaat?: wie "niet passend reageer" op risicovolle spontane hulp, kan aansprakelijk zijn."""
    assert "spontaan een risicovolle zorghandeling" in db_kb.liability["zorgprofessional"].summary


@pytest.mark.parametrize(
    "case_id, role",
    [("pgb_persoonlijke_band", "mantelzorger"), ("vader_verpleeghuis_andere_bewoners", "vrijwilliger"),
     ("verpleegkundige_buurman", "mantelzorger"), ("mantelzorgorganisatie_medewerkers", "zorginstelling")],
)
def test_000_the_four_role_doubt_cases(db_kb, case_id, role):
    """000, Ik twijfel over mijn rol: the four cases and their outcome."""
    case = next(c for c in db_kb.role_cases if c.id == case_id)
    result = determine_role(db_kb, dict(case.facts))
    assert result.decided and result.role == role
    assert result.outcome.id == case.outcome


def test_000_role_form_asks_only_what_is_missing(db_kb):
    """000, Ik twijfel over mijn rol: questions one at a time, stop once decided."""
    first = determine_role(db_kb, {})
    assert first.next_question.fact == "voor_zichzelf"
    assert determine_role(db_kb, {"voor_zichzelf": False}).next_question.fact == "persoonlijke_band"
    assert determine_role(db_kb, {"voor_zichzelf": False, "persoonlijke_band": True}).role == "mantelzorger"
    no_bond = {"voor_zichzelf": False, "persoonlijke_band": False}
    assert determine_role(db_kb, no_bond).next_question.fact == "beroepsmatig"
    assert determine_role(db_kb, {**no_bond, "organisatie_zet_mensen_in": False, "beroepsmatig": False}).role == "vrijwilliger"
    assert determine_role(db_kb, {**no_bond, "organisatie_zet_mensen_in": False, "beroepsmatig": True}).role == "zorgprofessional"
    assert determine_role(db_kb, {"voor_zichzelf": True}).role == "zorgvrager"


# --- seed 001: juridische notitie --------------------------------------------------

def test_001_mantelzorger_may_do_voorbehouden_handelingen(db_kb):
    """001, Hoe zit het met voorbehouden handelingen?: "Mantelzorgers mogen dus een" voorbehouden handeling uitvoeren."""
    d = decide(db_kb, "mantelzorger", "insuline_spuiten", Circumstances(relation="familie"))
    assert d.verdict == "ja_onder_voorwaarden"
    assert "mantelzorger_voorbehouden" in [r.id for r in d.rules]
    assert not d.conditional_rules


def test_001_organisation_not_liable_for_mantelzorger(db_kb):
    """001, Aansprakelijkheid mantelzorger: geen formele relatie, dus niet aansprakelijk."""
    assert db_kb.liability["mantelzorger"].liable == ("mantelzorger",)
    assert "zorginstelling" not in db_kb.liability["mantelzorger"].liable


def test_001_spontaneous_help_does_not_make_a_volunteer(db_kb):
    """001, Aansprakelijkheid sociale netwerk: spontaan bijspringen maakt "nog niet tot vrijwilliger"."""
    result = determine_role(db_kb, {"persoonlijke_band": True, "ook_anderen_dan_naaste": True, "op_verzoek_structureel": False,
                                    "zorghandeling": False})
    assert result.role == "mantelzorger" and result.outcome.id == "spontaan_andere_bewoner"
    assert "nog geen vrijwilliger" in result.outcome.explanation


@pytest.mark.parametrize(
    "exception_id, locator",
    [("niet_passend_reageren", "maar daar niet passend op"), ("voorzienbare_spontane_hulp", "spontaan bijgesprongen zou gaan worden"),
     ("structureel_op_verzoek", "structureel en op verzoek")],
)
def test_001_the_three_exceptions(db_kb, exception_id, locator):
    """001, Uitzonderingen 1-3: when the organisation is liable after all."""
    exception = next(e for e in db_kb.liability_exceptions if e.id == exception_id)
    assert exception.source.doc == "001" and exception.source.quote == locator
    d = decide(db_kb, "mantelzorger", "tillift", Circumstances(relation="familie"))
    assert exception in d.liability_exceptions
    assert exception in liability_for(db_kb, "zorginstelling").exceptions


def test_001_organisation_liable_for_volunteers_also_via_volunteer_organisation(db_kb):
    """001, Aansprakelijkheid vrijwilliger: "verantwoordelijk en aansprakelijk voor het" handelen; ook via een vrijwilligersorganisatie."""
    liability = db_kb.liability["vrijwilliger"]
    assert liability.liable[0] == "zorginstelling"
    assert any("vrijwilligersorganisatie" in n.text for n in liability.notes)


def test_001_organisation_decides_on_volunteers_and_voorbehouden(db_kb):
    """001, Samenwerken met vrijwilligers: de organisatie beslist; dezelfde eisen als beroepskrachten."""
    d = decide(db_kb, "zorginstelling", "injecteren")
    assert "besluit_organisatie_voorbehouden" in cond_ids(d)
    assert any("dezelfde eisen" in r.summary for r in d.rules)


def test_001_wilsonbekwaam_needs_the_mantelzorger_too(db_kb):
    """001, Wat als de cliënt niet kan instemmen?: ook de "instemming van de mantelzorger nodig"."""
    notes = consent_notes(db_kb, Circumstances(capacity="wilsonbekwaam"))
    assert any("mantelzorger moet zelf ook instemmen" in n.text for n in notes)


def test_001_privacy_daughter_with_consent(db_kb):
    """001, Vraag uit de praktijk over privacy: dochter mag het zorgplan horen met toestemming."""
    assert db_kb.topics["privacy_zorgplan_familie"].short.startswith("Ja, als de cliënt")
    assert db_kb.practice_questions["dochter_zorgplan"].answer.startswith("Ja")


def test_001_privacy_volunteer_file_access_with_consent(db_kb):
    """001, Vraag uit de praktijk over privacy: vrijwilliger toegang tot zorgplannen met instemming."""
    assert "geheimhoudingsplicht geldt niet" in db_kb.topics["privacy_dossier_vrijwilliger"].answer


def test_001_mieke_may_inject_insulin_for_her_sister(db_kb):
    """001, Vraag uit de praktijk: "De oudere zus van mantelzorger" Mieke - ja, met akkoord en zorgdossier."""
    d = decide(db_kb, "mantelzorger", "insuline_spuiten", Circumstances(relation="familie"))
    assert d.verdict == "ja_onder_voorwaarden"
    assert {"toestemming_zorgvrager", "afspraken_zorgdossier"} <= set(cond_ids(d))
    assert any(e.id == "niet_passend_reageren" for e in d.liability_exceptions)
    mieke = db_kb.practice_questions["mieke_insuline"]
    assert mieke.answer.startswith("Ja") and "aansprakelijk" in mieke.answer


def test_001_vog_not_required_for_volunteers(db_kb):
    """001, Vrijwilligers - wetteksten en kaders (Wkkgz): een VOG is niet verplicht."""
    assert "niet wettelijk verplicht" in db_kb.topics["vog"].answer


def test_every_decision_cites_its_passages(db_kb):
    for role in db_kb.roles:
        for task in db_kb.tasks:
            d = decide(db_kb, role, task)
            assert d.sources, (role, task)
            assert all(c.doc in db_kb.sources for c in d.sources)


# --- the rule errors of issue "Knowledge base: fix the rule errors" ----------------
# Each test failed on the earlier rule logic and names the passage it rests on.

def test_fix1_minor_doing_it_on_himself_needs_the_parent(db_kb):
    """000, Zorgvrager - Goed om te weten: "jonger dan 12 jaar moet de" ouder of voogd toestemming geven;
    12-16 kind én ouder. Before: self-care dropped consent, so a 10-year-old needed nobody's permission."""
    ten = decide(db_kb, "zorgvrager", "insuline_spuiten", Circumstances(relation="zelf", age=10))
    assert ten.verdict == "ja_onder_voorwaarden" and any("ouder of voogd" in n.text for n in ten.consent)
    fourteen = decide(db_kb, "zorgvrager", "insuline_spuiten", Circumstances(relation="zelf", age=14))
    assert any("12 tot 16" in n.text for n in fourteen.consent)
    adult = decide(db_kb, "zorgvrager", "insuline_spuiten", Circumstances(relation="zelf", age=40))
    assert adult.verdict == "ja" and not adult.consent


def test_fix2_professional_with_a_bond_is_mantelzorger_only_in_free_time(db_kb):
    """000, Ik twijfel over mijn rol: mantelzorger "buiten mijn werk om" in de vrije tijd. Before: any
    professional with a personal bond became a mantelzorger."""
    base = {"persoonlijke_band": True, "beroepsmatig": True}
    assert determine_role(db_kb, {**base, "vrije_tijd": True}).role == "mantelzorger"
    assert determine_role(db_kb, {**base, "vrije_tijd": False}).role == "zorgprofessional"
    unknown = determine_role(db_kb, base)
    assert not unknown.decided and unknown.next_question.fact == "vrije_tijd"
    assert {o.role for o in unknown.alternatives} == {"mantelzorger", "zorgprofessional"}


def test_fix2_volunteer_who_got_to_know_the_person_stays_volunteer(db_kb):
    """000, Welke rol heb ik?: de vrijwilliger "kent de zorgvrager niet als" hij begint. Before: a later
    bond turned the volunteer into a mantelzorger and moved liability away from the organisation."""
    result = determine_role(db_kb, {"genoemde_rol": "vrijwilliger", "later_band": True, "persoonlijke_band": False})
    assert result.role == "vrijwilliger" and result.outcome.id == "vrijwilliger_later_band"


def test_fix3_other_residents_spontaneous_or_on_request(db_kb):
    """001, Uitzonderingen (2) and (3): "structureel en op verzoek" makes a volunteer and the organisation
    liable; spontaneous help does not. Before: anyone who also helped others was a volunteer, and one answer
    said both that the organisation was and was not liable."""
    on_request = determine_role(db_kb, {"persoonlijke_band": True, "ook_anderen_dan_naaste": True, "op_verzoek_structureel": True})
    assert on_request.outcome.id == "vrijwilliger_op_verzoek"
    advice = liability_for(db_kb, "mantelzorger", helps_others=True, on_request=False)
    assert [e.id for e in advice.exceptions] == ["niet_passend_reageren", "voorzienbare_spontane_hulp"]
    advice = liability_for(db_kb, "mantelzorger", helps_others=True, on_request=True)
    assert "voorzienbare_spontane_hulp" not in [e.id for e in advice.exceptions]
    unknown = determine_role(db_kb, {"persoonlijke_band": True, "ook_anderen_dan_naaste": True, "zorghandeling": False})
    assert not unknown.decided and unknown.next_question.fact == "op_verzoek_structureel"


def test_fix3_no_unsourced_rule_about_spontaneous_care_tasks(db_kb):
    """001, Aansprakelijkheid sociale netwerk: spontaneous help on own initiative ("op eigen initiatief spontaan
    bijspringen") - the topic no longer adds a rule that no source states."""
    topic = db_kb.topics["spontaan_helpen"]
    assert "liefst in een vrijwilligersovereenkomst" not in topic.answer
    assert "tenzij zij wist dat de hulp risicovol zou zijn" in topic.answer


def test_fix4_where_the_sources_differ_both_readings_are_recorded(db_kb):
    """000 "bij anderen dan jouw vader" vs 001 "nog niet tot vrijwilliger"; 001 "verantwoordelijk en
    aansprakelijk voor het" vs 000 "die mij te verwijten valt"."""
    for key in ("andere_bewoners", "aansprakelijkheid_vrijwilliger", "instelling_en_mantelzorger"):
        difference = db_kb.source_differences[key]
        assert {r.source.doc for r in difference.readings} == {"000", "001"}
        assert "kennisdocument" in difference.combined and "notitie" in difference.combined
    result = determine_role(db_kb, {"persoonlijke_band": True, "ook_anderen_dan_naaste": True, "zorghandeling": True})
    assert result.difference is db_kb.source_differences["andere_bewoners"] or result.difference == db_kb.source_differences["andere_bewoners"]


def test_fix5_teaching_needs_a_bevoegde_professional_and_organisation_decision(db_kb):
    """000, Zorgprofessional - Begeleiden in het aanleren: de bevoegde zorgprofessional; 001: voorbehouden
    by volunteers only if the organisation decides ("Kies je er als organisatie")."""
    answer = db_kb.topics["aanleren"].answer
    assert "bevoegde zorgprofessional" in answer and "beslist eerst de zorginstelling" in answer


def test_fix6_organisation_can_be_liable_not_always(db_kb):
    """000, Wat als er iets misgaat?: de zorginstelling "(ook) aansprakelijk zijn" als zij haar verantwoordelijkheden
    niet nakomt. Before: the organisation was said to be liable for its volunteers outright."""
    summary = db_kb.liability["zorginstelling"].summary
    assert "met een vrijwilligersovereenkomst" in summary and "(mede) aansprakelijk zijn als zij zich niet" in summary


def test_fix7_no_unsupported_facts(db_kb):
    """Unsupported: "meestal" for the representative, curator and bewindvoerder, katheteriseren, the
    vrijwilligersorganisatie as a zorginstelling; 001 "wilsonbekwaam ter zake" includes "geen besluit kan nemen"."""
    assert "meestal" not in db_kb.liability["wettelijk_vertegenwoordiger"].summary.lower()
    assert not {"curator", "bewindvoerder"} & set(db_kb.roles["wettelijk_vertegenwoordiger"].synonyms)
    assert "katheteriseren" not in db_kb.tasks
    assert "vrijwilligersorganisatie" not in db_kb.roles["zorginstelling"].synonyms
    assert "geen besluit kan nemen" in db_kb.note("wilsonbekwaam_definition").text
    # Age unknown: the consent condition keeps the 12-16 rule.
    assert "tussen 12 en 16" in db_kb.conditions["toestemming_zorgvrager"].text


def test_fix8_practice_questions_and_dilemmas_are_read(db_kb):
    """000-004: the practice questions and the dilemmas of 004 are used by the answers (bot/answering)."""
    from bot.answering import answer

    reply = answer(db_kb, "De familie wil niet dat vader met dementie alleen naar buiten gaat, maar wij hebben een open deuren beleid. Hoe gaan we hiermee om?")
    assert reply.parts[0].kind == "dilemma:opendeurenbeleid"
