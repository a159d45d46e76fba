"""The first sentence answers the question that was asked (issue 7, part 3):
its yes or no follows the question form and the deciding facts of the story,
checked on the real answer logic over a real SQLite knowledge base."""
from __future__ import annotations

import pytest

from bot.answering import answer, render


def first_line(kb, text: str) -> str:
    reply = answer(kb, text)
    return render(kb, reply).splitlines()[0].lower()


@pytest.mark.parametrize(
    "text, start, must",
    [
        # 000 'Zorgvrager - Goed om te weten': from 16 the care receiver decides alone.
        ("Mijn kleinzoon is 17 en heeft een stoma. Hij wil dat ik hem help met verschonen. Moeten zijn ouders daar ook nog mee instemmen?",
         "nee", "16"),
        # 12 to 16: the child and the parent both consent, so the child's view counts.
        ("Ik ben 13 en mijn moeder wil dat haar vriendin mijn prik geeft. Telt mijn mening ook mee?", "ja", "12 en 16"),
        # Under 12 the parent or guardian decides.
        ("Mijn zoontje van 8 moet insuline. Moet ik als ouder daar toestemming voor geven?", "ja", "12"),
    ],
)
def test_consent_by_age_answers_the_question(kb, text, start, must):
    line = first_line(kb, text)
    assert line.startswith(start) and must in line, line


@pytest.mark.parametrize(
    "text",
    [
        # 000 'Mantelzorger': nobody is obliged to take over a care task.
        "Een jaar geleden heb ik de wondverzorging van mijn vader overgenomen. Ik trek het niet meer. Kan ik dat gewoon weer terug geven?",
        # 000 'Zorgprofessional': a professional can give an assignment back.
        "Ik ben verpleegkundige. De huisarts vraagt me een injectie te geven die ik al jaren niet deed. Kan ik daar nee tegen zeggen?",
    ],
)
def test_asking_whether_one_may_refuse_gets_yes(kb, text):
    assert first_line(kb, text).startswith("ja"), first_line(kb, text)


def test_permission_comes_first_when_asked_by_law(kb):
    # 001 'Wet BIG': volunteers only when the organisation decided, with an assignment.
    line = first_line(kb, "Ik ben vrijwilliger en de verpleegkundige wil dat ik bij een bewoner een injectie geef. Mag dat eigenlijk wel volgens de wet?")
    assert line.startswith("alleen als") and "zorginstelling" in line, line


def test_a_claim_in_the_story_is_not_the_carer(kb):
    text = ("Ik ben mantelzorger voor mijn man en geef hem elke avond een spuitje tegen trombose. "
            "Een kennis zei dat dat eigenlijk alleen mag als je BIG-geregistreerd bent. Klopt dat?")
    assert first_line(kb, text).startswith("nee, de wet big geldt niet voor jou als mantelzorger")


def test_staff_asking_about_a_son_learns_the_sons_role(kb):
    text = ("Als verzorgende zie ik dat de zoon van een bewoonster zijn moeder steeds te snel eten geeft. "
            "Ik heb het al een keer gezegd maar er verandert niks. Wat moet ik nu doen?")
    out = render(kb, answer(kb, text)).lower()
    assert "de zoon doet het hier als mantelzorger" in out and "zijn moeder doet het hier" not in out


def test_an_organisation_is_addressed_as_one(kb):
    out = render(kb, answer(kb, "Hoe kunnen wij als bestuur onze medewerkers ondersteunen om passend te reageren als naasten het niet veilig doen?")).lower()
    assert "zorginstelling" in out[:600]


def test_emergency_with_doubt_about_the_next_dose_says_not_to_do_it(kb):
    text = render(kb, answer(kb, "Nu is mijn moeder ineens heel zweterig en verward en ik weet niet of ik haar avondprik wel moet geven.")).lower()
    assert text.startswith("is er nu gevaar") and "doe het dan niet zelf" in text


def test_after_the_partner_died_the_helper_is_a_volunteer_with_an_agreement(kb):
    # 001 'Van mantelzorger tot vrijwilliger' (Harry): after his wife died he helps the residents as a volunteer.
    text = render(kb, answer(kb, "Mijn vrouw woonde vier jaar op de afdeling en is vorig jaar overleden. Ik kom er nog elke week "
                                  "om met bewoners te wandelen. Ben ik nu eigenlijk nog mantelzorger?")).lower()
    assert text.startswith("nee, je bent hier vrijwilliger") and "vrijwilligersovereenkomst" in text


# The deciding fact of a story sets the first word: who decides, who is liable, which role, what the plan says.
@pytest.mark.parametrize(
    "text, start",
    [
        # 000 'Ik twijfel over mijn rol': a volunteer did not know the person at the start and stays a volunteer.
        ("Ik kom al jaren als vrijwilliger bij mevrouw Pietersen thuis via de thuiszorg. Inmiddels voelt ze als familie. Ben ik nu mantelzorger?",
         "nee, je bent hier vrijwilliger"),
        # 000: in your work you are a professional, even for someone you know.
        ("Ik ben verzorgende in het verpleeghuis waar mijn moeder woont. Als ik dienst heb, help ik haar ook met wassen. Ben ik dan mantelzorger?",
         "nee, je bent hier zorgprofessional"),
        # 001 'Begrippen': a volunteer allowance is not pay.
        ("Ik ben vrijwilliger bij een hospice en krijg een onkostenvergoeding. Ben ik dan in dienst van de organisatie?", "nee, je bent hier vrijwilliger"),
    ],
)
def test_role_from_the_story_in_one_turn(kb, text, start):
    assert first_line(kb, text).startswith(start), first_line(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb mijn vader net per ongeluk twee keer zijn insuline gegeven. Hij wordt nu heel zweterig en suf en reageert slecht. Wat nu?",
        "Mijn moeder heeft te veel pillen ingenomen en is nu heel suf",
    ],
)
def test_an_emergency_now_gets_112_first(kb, text):
    assert "112" in first_line(kb, text)


def test_a_hypothetical_hypo_is_no_emergency(kb):
    text = ("ik ben 17 en heb diabetes type 1. mn vriendin wil leren hoe ze me een glucagonprik moet geven voor als ik een hypo krijg. "
            "mag ik dat zelf regelen of moeten mijn ouders ook toestemming geven?")
    line = first_line(kb, text)
    assert "112" not in line and line.startswith("nee, vanaf 16"), line


def test_a_refusal_answers_a_privacy_question_with_no(kb):
    # 001 'Privacy': information about the care plan only with the client's consent.
    text = ("Mijn moeder (87) is nog helemaal helder, maar ze wil absoluut niet dat mijn broer haar zorgleefplan leest. "
            "Mag hij het toch inzien?")
    assert first_line(kb, text).startswith("nee, niet als je moeder dat niet wil")


def test_a_child_of_14_who_refuses_is_not_overruled_by_the_parent(kb):
    # 000 'Zorgvrager - Goed om te weten': from 12 to 16 the child and the parent both consent.
    text = "Mijn zoon van 14 heeft diabetes en wil niet dat zijn oma hem prikt. Mag oma het toch doen als ik het goed vind?"
    assert first_line(kb, text).startswith("nee, niet als")


def test_helping_other_residents_on_request_makes_the_organisation_liable(kb):
    # 001 'Aansprakelijkheid sociaal netwerk', exception 3: structural help on request is volunteer work.
    text = ("Mijn vader woont in een verpleeghuis. Ik help daar ook andere bewoners met eten, omdat de teamleider dat aan mij vroeg. "
            "Wie is er aansprakelijk als een van hen zich verslikt?")
    line = first_line(kb, text)
    assert "vrijwilliger" in line and "zorginstelling aansprakelijk" in line, line


def test_two_questions_in_one_message_get_two_answers(kb):
    # A nurse asks about a daughter: what to arrange (001, five steps) and who is liable (000).
    text = ("Ik werk als verpleegkundige op een afdeling waar de dochter van mevrouw Kok elke dag komt. Ze wil voortaan zelf "
            "de insuline van haar moeder spuiten. Wat moet ik regelen en wie is aansprakelijk als het misgaat?")
    reply = answer(kb, text)
    kinds = [p.kind for p in reply.parts]
    assert kinds[0] == "aansprakelijkheid" and "topic:stappen_mantelzorger" in kinds, kinds
    assert "de dochter doet het hier als mantelzorger" in render(kb, reply).lower()


@pytest.mark.parametrize(
    "text, start, must",
    [
        # 001 'Mantelzorgers - wetteksten en kaders (Wet BIG)': an injection is the sources' example.
        ("Valt een injectie geven onder de voorbehouden handelingen?", "ja", "voorbehouden handeling"),
        # For other tasks the sources do not say: say what it depends on, no invented law.
        ("Is steunkousen aantrekken eigenlijk een voorbehouden handeling?", "of steunkousen", "bronnen"),
    ],
)
def test_is_it_a_reserved_procedure_is_answered_from_the_task_list(kb, text, start, must):
    line = first_line(kb, text)
    assert line.startswith(start) and must in line, line


def test_a_minor_cannot_decide_alone_about_own_care(kb):
    # 000 'Zorgvrager - Goed om te weten': from 12 to 16 the child and the parent both consent.
    text = "ik ben 15 en wil mijn steunkousen voortaan zelf aantrekken maar mijn vader vindt dat de thuiszorg dat moet blijven doen. mag ik dat in mijn eentje beslissen?"
    line = first_line(kb, text)
    assert line.startswith("nee") and "12 en 16" in line, line


def test_own_care_in_a_nursing_home_is_self_care(kb):
    # 000 'Zorgvrager': the care receiver may do a care task on himself.
    text = "Ik woon sinds een maand in een zorgcentrum en wil mijn insuline zelf blijven spuiten. De verzorging wil het overnemen. Mag ik dat?"
    reply = answer(kb, text)
    assert reply.situation.receiver == "self"
    assert first_line(kb, text).startswith("ja, als zorgvrager"), first_line(kb, text)


def test_may_i_refuse_before_must_i_gets_yes(kb):
    # 000 'Mantelzorger - Goed om te weten': nobody is obliged to take over a care task.
    text = "De thuiszorg wil dat ik de sondevoeding van mijn vrouw ga doen. Ik durf dat niet. Mag ik nee zeggen, of moet ik het doen?"
    assert first_line(kb, text).startswith("ja"), first_line(kb, text)


def test_a_story_about_returning_a_task_with_a_bare_question_gets_yes(kb):
    text = "Ik verzorg al jaren de katheter van mijn vader maar het wordt me te veel. Ik wil die taak eigenlijk teruggeven. Kan dat nog?"
    assert first_line(kb, text).startswith("ja"), first_line(kb, text)


def test_care_for_another_resident_is_not_done_as_mantelzorger(kb):
    # 000 'Ik twijfel over mijn rol' ("Mijn vader woont in"): other residents, volunteer role.
    text = "Mijn moeder woont in een verpleeghuis en ik help haar bij het eten. Nu vraagt de verzorging of ik haar buurvrouw ook haar medicijnen wil geven. Doe ik dat dan als mantelzorger?"
    line = first_line(kb, text)
    assert line.startswith("nee") and "vrijwilliger" in line, line


def test_paid_by_pgb_without_a_prior_bond_is_not_mantelzorger(kb):
    # 000 'Ik twijfel over mijn rol' ("betaald wordt vanuit een PGB"): the PGB case needs a bond from the start.
    text = "Via een vacature help ik nu een meneer met zijn oogdruppels, betaald uit zijn pgb. Ik kende hem daarvoor niet. Ben ik zijn mantelzorger?"
    line = first_line(kb, text)
    assert line.startswith("nee") and "mantelzorger" in line, line


@pytest.mark.parametrize(
    "text, start, must",
    [
        # 000 'Wie geeft toestemming?': a representative consents for someone who cannot decide.
        ("Ik ben mentor van mijn zus met een verstandelijke beperking. Mag de woongroep zonder mijn toestemming een vrijwilliger haar pillen laten geven?",
         "nee", "vertegenwoordiger"),
        ("Mag ik de steunkousen van mijn vader aantrekken zonder dat hij toestemming geeft?", "nee", "vader"),
        # Care on oneself needs nobody else's consent.
        ("Mag ik bij mezelf mijn oogdruppels doen zonder toestemming van de huisarts?", "ja", "jezelf"),
    ],
)
def test_without_consent_questions_get_their_answer_first(kb, text, start, must):
    line = first_line(kb, text)
    assert line.startswith(start) and must in line, line


def test_she_refers_to_the_daughter_not_to_grandpa(kb):
    text = "Mijn dochter van 15 helpt haar opa vaak met zijn steunkousen. Is zij daarmee mantelzorger?"
    line = first_line(kb, text)
    assert line.startswith("ja") and "dochter" in line and "opa" not in line, line


def test_a_volunteer_helping_her_own_father_does_it_as_mantelzorger(kb):
    # 000 'Welke rol heb ik?': a personal bond from the start makes a mantelzorger.
    text = "Ik ben coördinator vrijwilligers. Een vrijwilligster van ons helpt haar eigen vader op de afdeling met eten. In welke rol doet ze dat?"
    reply = answer(kb, text)
    assert reply.parts[0].role == "mantelzorger", render(kb, reply)


def test_an_either_or_role_question_gets_no_yes(kb):
    text = "Ik werk als verzorgende in het verpleeghuis waar mijn vader woont. Als ik hem na mijn dienst help met douchen, ben ik dan mantelzorger of medewerker?"
    line = first_line(kb, text)
    assert line.startswith("je bent hier mantelzorger"), line


@pytest.mark.parametrize(
    "text, start, must",
    [
        # A ban quoted in the story that the sources do not hold: the first word says the claim is wrong.
        ("Ik wil mijn moeder zelf helpen douchen in het verpleeghuis. Een verzorgende zei dat dat niet mag, alleen personeel mag dat. Klopt dat?",
         "nee, dat klopt niet", "mantelzorger"),
        # ... but a direct 'mag ik?' next to it still gets the permission answer.
        ("Mijn buurman zegt dat alleen verpleegkundigen insuline mogen spuiten. Wie heeft gelijk, mag ik het bij mijn man doen?", "ja", "mantelzorger"),
        # 000 'Ik twijfel over mijn rol' ("betaald wordt vanuit een PGB"): a claimed role that the rules contradict.
        ("Ik help mijn opa al jaren met zijn medicijnen en sinds kort krijg ik geld uit zijn pgb. Mijn broer zegt dat ik nu personeel ben. Klopt dat?",
         "nee, dat klopt niet", "mantelzorger"),
        # 000 'Wie geeft toestemming?': a sibling's consent is not needed while the receiver can decide.
        ("Mijn zus is eerste contactpersoon voor onze vader. Moet mijn zus toestemming geven als ik hem help met zijn steunkousen?",
         "dat hangt ervan af", "zelf"),
        # 001 'Aansprakelijkheid': the mantelzorger answers for his own mistake.
        ("Ik ben wijkverpleegkundige en heb een dochter geleerd haar moeder te injecteren. Kan ik aansprakelijk zijn voor de fout van de dochter?",
         "nee, in principe niet", "passend"),
        ("Mogen wij vrijwilligers inzetten zonder dat ze een VOG hebben?", "ja", "vog"),
        ("Kan iemand in hetzelfde verpleeghuis tegelijk mantelzorger en vrijwilliger zijn?", "ja", "vrijwilliger"),
    ],
)
def test_claims_third_parties_and_two_roles(kb, text, start, must):
    line = first_line(kb, text)
    assert line.startswith(start) and must in line, line


@pytest.mark.parametrize(
    "text, start, must",
    [
        # 000 'Zorgvrager - Goed om te weten': a child cannot consent alone.
        ("mijn zoon is 10, mag hij zelf toestemming geven dat zijn opa hem helpt met zn sondevoeding?", "nee", "12"),
        ("Onze dochter Fenna is 13. Oma gaat haar insuline spuiten. Is het genoeg als Fenna zelf ja zegt?", "nee", "12 en 16"),
        # The young person asks to decide alone, or a parent does: between 12 and 16 neither can.
        ("Ik ben 14. Mijn oma wil mij leren prikken maar mijn moeder vindt dat niet goed. Mag ik dat zelf beslissen?", "nee, niet alleen", "12 en 16"),
        ("Mijn dochter is 14. Mag ik als moeder zelf beslissen dat ik haar insuline spuit?", "nee, niet alleen", "12 en 16"),
        # A neighbour of twenty years has a personal bond: 'als mantelzorger of als vrijwilliger' asks, it does not state the role.
        ("Ik ben al twintig jaar de buurvrouw van meneer Smit en doe zijn boodschappen. Nu vraagt de thuiszorg of ik ook zijn "
         "oogdruppels wil doen. Doe ik dat dan als mantelzorger of als vrijwilliger?", "je bent hier mantelzorger", "mantelzorger"),
        # A mentor who also cares for his brother: consent as representative, the care itself as mantelzorger.
        ("Sinds vorig jaar ben ik benoemd tot mentor van mijn broer. Ik help hem in het weekend met zijn huidverzorging. "
         "Doe ik dat als mentor of als mantelzorger?", "de zorg zelf doe je als mantelzorger", "vertegenwoordiger"),
        # 'Verandert mijn rol?': after the partner died, helping at the organisation's request is volunteering (001 'Van mantelzorger tot vrijwilliger').
        ("Mijn vrouw is in maart overleden in het verpleeghuis. Ik ga er nog elke dinsdag heen om met de bewoners te wandelen, "
         "de coördinator heeft me ingeroosterd. Verandert mijn rol daar nu eigenlijk?", "ja, je rol verandert", "vrijwilliger"),
        # Money from a PGB does not change the role of a relative (000 'Ik twijfel over mijn rol').
        ("Ik krijg sinds kort geld uit het pgb van mijn moeder voor de zorg die ik haar al jaren geef. Verandert mijn rol daardoor?",
         "nee, je rol verandert niet", "mantelzorger"),
        # The care receiver refusing the relative: without her consent nobody does it.
        ("Ik wil niet dat mijn schoondochter mij wast. Mijn zoon zegt dat het zo is afgesproken met de thuiszorg. Moet ik het dan toch toelaten?",
         "nee, niet als jij het niet wilt", "toestemming"),
        # Whether the client's consent is enough: the one who will do it must agree too (000 'Mantelzorger').
        ("Tijdens een zorgplanbespreking gaf een cliënte aan dat haar dochter voortaan haar steunkousen mag aantrekken. De dochter "
         "was niet bij het gesprek. Is de instemming van de cliënte voldoende?", "nee, niet alleen", "instemmen"),
        # Medicines together, in Dutch or English: no advice, a referral.
        ("Mag ik ibuprofen innemen samen met mijn bloedverdunners?", "op medische vragen geef ik geen advies", "apotheek"),
        # Consent of a client who can decide is recorded, not asked each time (002 '8 Wat mogen ...').
        ("Mevrouw Kramer is helder van geest en vindt het prima dat haar man haar insuline spuit. Moet ik dat nou elke keer "
         "als ik kom opnieuw aan haar vragen?", "nee, niet elke keer", "zorgdossier"),
        # Someone lying on the floor now who cannot get up: 112 first.
        ("ik lig naast mn bed op de grond en kom niet meer omhoog, heb pijn in mn heup. wat moet ik doen", "is er nu gevaar", "112"),
        # A volunteer does not decide on his own to give injections, whatever his old job.
        ("Ik ben gepensioneerd verpleegkundige en sinds dit jaar vrijwilliger in een woonzorgcentrum. Mag ik op eigen initiatief "
         "bij bewoners insuline spuiten?", "nee, niet zomaar", "opdracht"),
        # Told by the one cared for: 'mijn buurman, die verpleegkundige is' helps in his free time, as a mantelzorger.
        ("Ik heb sinds kort diabetes en mijn buurman, die verpleegkundige is, biedt aan om elke avond mijn insuline te spuiten. "
         "Mag dat zomaar?", "ja, je buurman mag insuline spuiten bij jou als mantelzorger", "jij"),
        # The care receiver may refuse a relative's help: her consent decides.
        ("Ik ben 80 en mijn dochter wil mijn steunkousen aantrekken maar ik doe het liever zelf. Mag ik dat weigeren?",
         "ja, dat mag: jij beslist zelf", "toestemming"),
        # 15 years old, without the parents knowing: no, between 12 and 16 both must agree.
        ("Ik ben 15 en heb een stoma. Mag mijn vriendin me helpen met verwisselen zonder dat mijn ouders het weten?",
         "nee, zonder toestemming gebeurt het niet", "ouder of voogd"),
        # A 13-year-old doing her own injections: she cannot decide that alone (000 'Zorgvrager - Goed om te weten').
        ("Mijn dochter van 13 heeft diabetes. Ze wil op schoolkamp zelf haar insuline spuiten, maar de begeleider zegt dat hij het "
         "moet doen. Mag zij dat zelf beslissen?", "nee, niet alleen", "12 en 16"),
        # A refusal shown, not said ('ze duwt mijn hand weg'): without consent it is not done.
        ("Mijn vrouw heeft alzheimer en woont in een verpleeghuis. Nu wil zij dat niet meer van mij, ze duwt mijn hand weg. "
         "De verzorging zegt dat ik gewoon moet doorgaan. Mag dat eigenlijk?", "nee, niet als je vrouw het niet wil", "toestemming"),
        # A relative helping the neighbour at the staff's request is a volunteer there, not his mantelzorger.
        ("Mijn moeder woont in het verpleeghuis. De verzorging vroeg of ik ook de buurman van mijn moeder wil helpen met eten. "
         "Ben ik dan voor de buurman ook mantelzorger?", "nee", "vrijwilliger"),
        # Someone who can decide gives consent himself; a brother's is not needed.
        ("moet mijn vader toestemming geven als ik zijn ogen druppel? hij is gewoon nog helder hoor", "ja", "zelf"),
        ("Moet mijn broer ook toestemming geven als ik mijn moeder help met douchen? Ze kan prima zelf beslissen.", "nee", "je broer"),
        # 001 privacy: a volunteer reads the file only with the client's consent.
        ("Een vrijwilliger zei dat hij in het systeem kan lezen hoe het met mij gaat. Daar is mij nooit iets over gevraagd. Mag dat zomaar?",
         "nee", "toestemming"),
        # 000 and 001 differ on a volunteer's own liability: it depends on whether the mistake is his to blame.
        ("Ben ik als vrijwilliger zelf aansprakelijk als er iets misgaat bij het helpen douchen?", "dat hangt ervan af", "te verwijten"),
        # 004 dilemma game: no right or wrong, so a yes/no question gets what it depends on.
        ("Onze vader heeft dementie en wil graag alleen naar buiten. Het verpleeghuis heeft een opendeurenbeleid en het team vindt dat het kan. "
         "Kunnen wij eisen dat hij binnen blijft?", "dat hangt af", "dilemma"),
        # 001 exception: foreseeable risky help the organisation does nothing about.
        ("Op onze afdeling springt een dochter bij elke bewoner bij en gaf een bewoner met slikproblemen een boterham. We weten dat ze dat "
         "blijft doen. Zijn wij aansprakelijk als het misgaat?", "ja, als", "niets doet"),
    ],
)
def test_story_facts_decide_the_first_line(kb, text, start, must):
    line = first_line(kb, text)
    assert line.startswith(start) and must in line, line


def test_english_medicine_question_gets_a_referral_only(kb):
    # The task list holds nothing like 'ibuprofen': no permission rules for a task it only resembles.
    reply = answer(kb, "Can I take ibuprofen together with my blood thinners?")
    text = render(kb, reply).lower()
    assert reply.question_types[0] == "medisch" and "apotheek" in text
    assert all(p.kind != "mag_ik" for p in reply.parts)


def test_confusion_after_hospital_is_not_an_emergency(kb):
    # 'reageert soms niet als ik iets vraag' describes confusion, not someone who stopped responding.
    line = first_line(kb, "Mijn vader is gisteren thuisgekomen na een longontsteking. Hij is verwarder en reageert soms niet "
                          "als ik iets vraag. Normaal geef ik elke avond zijn insuline. Moet ik nu iets anders doen?")
    assert "112" not in line, line


@pytest.mark.parametrize(
    "text",
    [
        # Told by the one cared for, 'hij wil geen hulp vragen' is about his load, not about her consent.
        "Sinds mijn herseninfarct doet mijn man bijna alles voor me: wassen en mijn medicijnen. Hij wordt elke week "
        "grauwer, maar hij wil geen hulp vragen. Wat kan ik als degene die de zorg krijgt hieraan doen?",
        # An exhausted carer who forgets things is overburdened, not doing the care wrong.
        "Ik ben 74 en zorg voor mijn vrouw die ALS heeft. Ik doe alles: wassen, medicijnen, 's nachts draaien. De "
        "wijkverpleegkundige zegt dat ik er slecht uitzie, en ik merk dat ik steeds vaker dingen vergeet.",
    ],
)
def test_a_carers_load_is_an_overload_question(kb, text):
    reply = answer(kb, text)
    assert reply.question_types[0] == "overbelasting", reply.question_types


def test_two_questions_role_and_what_to_arrange(kb):
    # Staff ask about relatives helping other residents at their request: the role first, then the steps for volunteers.
    reply = answer(kb, "Op onze afdeling komen een paar dochters en zonen van bewoners elke week. Wij hebben ze gevraagd of ze dan "
                       "ook de andere bewoners willen helpen met eten. Maar wat is formeel hun positie, en moeten we iets regelen?")
    text = render(kb, reply)
    assert reply.question_types[:2] == ("rol", "regelen"), reply.question_types
    assert text.startswith("De dochters zijn mantelzorger bij de eigen naaste en vrijwilliger"), text[:120]
    assert "vrijwilliger" in text.split("Zo pak je het aan")[0] and "Instemming" in text


def test_registering_oneself_is_not_reporting_bad_care(kb):
    reply = answer(kb, "Ik ben al dertig jaar de buurvrouw van Truus en trek 's avonds haar steunkousen uit. Ben ik nu eigenlijk "
                       "mantelzorger, ook al zijn we geen familie? En moet ik dat ergens melden?")
    assert reply.question_types[0] == "rol" and "passend_reageren" not in reply.question_types, reply.question_types


def test_wilsonbekwaam_consent_names_the_representative_and_the_relative(kb):
    # 000: the representative consents for someone who cannot decide, and the one who does it must agree too.
    line = first_line(kb, "Bij een cliënte met vergevorderde dementie wil haar dochter de steunkousen aantrekken. Mevrouw kan zelf "
                          "niet meer overzien wat dat betekent. Wie moet er dan instemmen?")
    assert line.startswith("de wettelijk vertegenwoordiger geeft toestemming") and "haar dochter" in line and "instemmen" in line, line


def test_a_story_that_is_a_dilemma_gets_the_dilemma(kb):
    # 004 'Dilemma 3 Familie is veel aanwezig', told by a team leader: not a liability answer.
    reply = answer(kb, "Als teamleider merk ik dat een paar familieleden bijna de hele dag in de huiskamer zitten. Ze helpen graag mee, "
                       "maar kijken ook mee met wat medewerkers doen. Het team voelt zich bekeken. Hoe maken we hier goede afspraken over?")
    assert reply.parts[0].kind == "dilemma:familie_veel_aanwezig", [p.kind for p in reply.parts]


@pytest.mark.parametrize(
    "text, start, must",
    [
        # 000 'Vrijwilliger': a volunteer needs an assignment of a bevoegde professional; the asker who
        # hands the task over is not the one who would do it.
        ("kan ik als bevoegde verpleegkundige een vrijwilliger de opdracht geven om bij een bewoner een injectie te geven?",
         "alleen als", "vrijwilliger"),
        ("We overwegen om in onze woonvorm een paar ervaren vrijwilligers 's avonds insuline te laten toedienen. Kan dat juridisch wel?",
         "alleen als", "vrijwilliger"),
        # A role the asker does not have (now) is not the asker's role.
        ("Ik heb 40 jaar als verpleegkundige gewerkt en ben nu met pensioen. Als vrijwilliger in het verpleeghuis zie ik de "
         "verzorging rennen. Mag ik dan niet gewoon bijspringen met de injecties?", "nee, niet zomaar", "vrijwilliger"),
        ("Mijn vader heeft diabetes en de wijkverpleegkundige komt insuline spuiten. Ik woon bij hem en zou het best willen "
         "overnemen. Mag dat zomaar, ik ben geen verpleegkundige?", "ja", "mantelzorger"),
        # 000 'Toestemming': the one cared for consents himself; 'mijn man' is not a third party here.
        ("moet mijn man echt toestemming geven als ik zijn wond verzorg? hij vind alles best", "ja", "je man"),
        # Staff arranging while the son would act: 'mag hij dat gewoon?' is about the son, a mantelzorger ('meneer vindt' names no one).
        ("Ik werk als verzorgende. De zoon van meneer Kramer wil vanaf volgende week zelf de steunkousen van zijn vader uittrekken. "
         "Meneer vindt dat prima. Moet ik daar nog iets voor regelen of mag hij dat gewoon?", "ja, de zoon mag", "mantelzorger"),
        # 000 'Zorgvrager': between 12 and 16 the parent consents too; the mother consents, she does not do it.
        ("Ik ben 15 en heb diabetes. Op schoolkamp wil ik mijn insuline zelf spuiten, maar de leiding zegt dat mijn moeder daar eerst "
         "toestemming voor moet geven. Klopt dat wel?", "ja", "ouder of voogd"),
        # 001 'Uitzonderingen (3)': 'de twee dames aan onze tafel', helped daily at staff's request, makes her a volunteer there.
        ("Mijn man woont in het verpleeghuis. De verzorging vroeg of ik bij de lunch ook de twee dames aan onze tafel wil helpen met "
         "eten. Dat doe ik nu elke dag. Wie is er verantwoordelijk als een van die dames zich verslikt?", "help je structureel", "vrijwilliger"),
        # 000 'Zorgvrager': from 16 and able to decide, the care receiver consents, not the son.
        ("Mijn zoon regelt veel voor me, maar ik ben 84 en nog helemaal helder. De thuiszorg vroeg hem om toestemming of mijn "
         "kleindochter mijn ogen mag druppelen. Moet ik dat niet zelf beslissen?", "ja, jij kunt zelf beslissen", "wilsonbekwaam"),
        # 001 'Privacy': information is shared only with the client's consent, so the client can stop it.
        ("Ik ben 80. Mijn dochter mag alles weten, maar ik wil absoluut niet dat mijn schoonzoon in mijn dossier kan kijken. "
         "Kan ik dat tegenhouden?", "ja", "toestemming"),
        # 'Is dat illegaal?' is the permission question turned round (001 'Wet BIG': not for mantelzorgers).
        ("Mijn schoonzus geeft haar man al jaren zijn injecties en heeft geen medische opleiding. Is dat eigenlijk illegaal?",
         "nee, dat is niet verboden", "mantelzorger"),
        # Hands that do not always work are no refusal; the grandson offers and both agree.
        ("Sinds mijn dwarslaesie moet ik mezelf katheteriseren, maar mijn handen willen niet altijd. Mijn kleinzoon woont bij me in "
         "en heeft aangeboden te helpen. Ik vind het goed en hij ook. Mag dat?", "ja", "kleinzoon"),
        # 000 'SO(C)K - Communicatie': the C is skipped for care on oneself.
        ("de wijkverpleging heeft het over een SOCK lijstje, moet ik die C ook doen als ik alleen mezelf prik?", "nee", "c (communicatie)"),
        # The care receiver can no longer say what she wants: the C, and ask a professional before going on.
        ("Ik help als vrijwilliger elke week een cliënte met haar steunkousen. Deze week was ze veel verwarder dan anders en kon ze "
         "niet goed zeggen wat ze wilde. Moet ik dan stoppen met helpen?", "dat hangt ervan af", "zorgprofessional"),
        # 000 'Mantelzorger': nobody is obliged to take a task over, also when a story ends without a question mark.
        ("Het team verwacht dat ik de insuline van mijn moeder ga spuiten omdat ik om de hoek woon. Maar ik ben doodsbang voor "
         "naalden. Ik durf bijna niet te zeggen dat ik het niet wil", "nee, je bent niet verplicht", ""),
        # 000 'Ik twijfel over mijn rol': help for other residents on request is volunteer work.
        ("Mijn moeder woont in het verpleeghuis en ik help daar op verzoek van de teamleider ook elke week drie andere bewoners "
         "met eten. Ben ik daar dan mantelzorger?", "nee, bij de andere bewoners", ""),
        ("Een dochter van een bewoner helpt op ons verzoek elke week bij het douchen van drie andere bewoners. Is dat dan nog mantelzorg?",
         "nee, bij de andere bewoners", ""),
        # 001 'Aansprakelijkheid' exception 2: foreseeable risky spontaneous help, told by the team.
        ("we weten als team al een tijdje dat de man van een bewoonster ook haar tafelgenote met slikproblemen eten geeft, terwijl "
         "die zich al twee keer verslikt heeft. zijn wij aansprakelijk als het misgaat?", "ja, als de zorginstelling niets doet", ""),
        # 000 'SO(C)K - Ondersteuning': know whom to reach when things go differently.
        ("ik heb eigenlijk geen idee wie ik moet bellen als er iets misgaat bij de bewoner die ik help met eten, is dat een probleem?",
         "ja", "ondersteuning"),
        # 001 'Begrippen': a volunteer allowance under the yearly tax-free limit is not a wage.
        ("ik krijg een kleine onkostenvergoeding van de zorginstelling waar ik help, ben ik dan eigenlijk nog wel vrijwilliger?",
         "ja", "belastingvrije grens"),
        # 001 'Vrijwilligers - voorbehouden handelingen': the organisation decides, in its vision, not for every volunteer.
        ("Wie bepaalt binnen onze instelling of ook anderen dan BIG-geregistreerde medewerkers voorbehouden handelingen mogen verrichten?",
         "dat bepaalt de zorginstelling zelf", "beleid"),
        # 000 'Zorgvrager' (instemming): asked whether to accept a refusal, the answer is yes.
        ("Mijn man wil opeens niet meer dat ik zijn steunkousen aantrek. Moet ik dat accepteren?",
         "ja, als je man het niet (meer) wil", "zonder toestemming"),
        # 000 'Zorgvrager - Goed om te weten': between 12 and 16 the parent does not decide alone.
        ("Mijn dochter is 14 en wil niet dat ik haar prik geef. Mag ik als moeder beslissen dat ik het toch doe?",
         "nee, niet alleen", "12 en 16"),
        # From 16 the care receiver decides; the parents' yes is not needed.
        ("Ik ben 17. Mag mijn vriendin mijn insuline spuiten zonder toestemming van mijn ouders?",
         "ja", "vanaf 16"),
        # Under 12 the parent or guardian decides, not the child.
        ("Een jongen van 9 krijgt thuis sondevoeding van zijn oom, de vader vindt het goed. Moet ik de jongen zelf ook om toestemming vragen?",
         "nee, bij een kind jonger dan 12", "ouder of voogd"),
        # 000 'Zorgvrager': the Wet BIG does not cover what you do on yourself.
        ("Mijn buurvrouw zegt dat alleen de wijkverpleging mijn bloedverdunner mag prikken. Mag ik dat eigenlijk wel zelf?",
         "ja, ", "bij jezelf"),
        # Staff asking about a partner who injects: she may, as a mantelzorger.
        ("Een collega zegt dat de dochter van mevrouw Smit haar insuline niet mag spuiten omdat ze niet bevoegd is. Wie heeft er gelijk?",
         "ja, de dochter", "mantelzorger"),
        # A doctor's claim that a partner may not do it in hospital because of the Wet BIG does not hold.
        ("Mijn man krijgt thuis van mij zijn injecties. Nu hij in het ziekenhuis ligt, zegt een arts dat ik dat hier niet mag vanwege de Wet BIG. Klopt dat?",
         "nee, dat klopt niet", "ziekenhuis"),
        # 'als een familielid iets fout doet' is a condition; the organisation is in principle not liable (001).
        ("Als een familielid iets fout doet bij het wassen van zijn moeder, zijn wij als verpleeghuis dan aansprakelijk?",
         "nee, in principe niet", "drie situaties"),
        # A mentor is not automatically a mantelzorger.
        ("Is een curator automatisch ook mantelzorger?", "nee, niet automatisch", "mantelzorger"),
        # The relative who wants to help acts, not the nurse who only gave an opinion.
        ("Mijn vrouw wil me helpen met mijn wond nu ik thuis ben. De wijkverpleegkundige zegt dat zij dat eigenlijk moet doen. Mag mijn vrouw dat wel als ik het goed vind?",
         "ja, je vrouw", "mantelzorger"),
        # Told by the care receiver: her partner helps her, and she is the one who agrees.
        ("Sinds mijn operatie heb ik een stoma. Mijn man wil helpen met het zakje, maar de thuiszorg zegt dat zij dat moeten doen. Mag hij het wel?",
         "ja, je man", "als jij het goed vindt"),
        # 000 SO(C)K, K: when it no longer goes well, nobody has to push on.
        ("Ik doe al jaren de oogdruppels van mijn moeder, maar sinds mijn handen trillen lukt het niet meer goed. Moet ik gewoon doorgaan?",
         "nee, dat hoeft niet", "zorgprofessional"),
        # 000 'Zorgvrager - Goed om te weten': at 12-16 the child's yes alone is not enough.
        ("Onze dochter van 13 wil dat opa haar prik geeft als wij op reis zijn. Is haar ja genoeg?", "nee, niet alleen", ""),
        # 000 SO(C)K: on yourself the C is skipped, so not all questions apply.
        ("Ik prik mezelf elke dag. Gelden al die vragen van SOCK ook voor mij als ik het bij mezelf doe?", "nee, doe je de handeling bij jezelf", ""),
        # 001 'Uitzonderingen (3)': relatives asked by staff to help other residents are volunteers there.
        ("Wij hebben twee familieleden gevraagd om vast andere bewoners te helpen met drinken. Verandert dat iets aan de aansprakelijkheid?",
         "", "structureel en op verzoek van de instelling"),
        # 000 'Zorgprofessional': who teaches a task must master it.
        ("Ik heb het zelf nog maar een keer gedaan. Kan ik het dan wel verantwoord aanleren aan de zoon van mijn cliënt?", "nee, niet als je de handeling zelf", ""),
        # 000 'Vrijwilliger': the client's own wish or yes does not replace the professional's order.
        ("Ik ben vrijwilliger in een hospice. Een gast vroeg of ik zijn oogzalf wilde aanbrengen. Mag dat als hij het zelf vraagt?",
         "nee, niet alleen omdat", ""),
        ("Als vrijwilliger help ik een mevrouw met eten. Ze vindt het goed dat ik haar medicijnen geef. Is dat genoeg?",
         "nee, niet alleen omdat", ""),
        # 001 'Vrijwilligers': an organisation may decide that volunteers give injections, not for every volunteer.
        ("Wij zijn een woonzorgorganisatie en willen vrijwilligers inzetten voor injecties. Is dat toegestaan?",
         "ja, als organisatie mag je besluiten", ""),
    ],
)
def test_first_line_follows_who_acts_who_consents_and_the_question_form(kb, text, start, must):
    line = first_line(kb, text)
    assert line.startswith(start) and must in line, line


def test_a_brother_who_consents_is_not_the_one_cared_for(kb):
    line = first_line(kb, "Mijn broer is de eerste contactpersoon voor onze moeder in het verpleeghuis, ik help haar met douchen. "
                          "Moet mijn broer toestemming geven voordat ik dat mag doen?")
    assert "je broer krijgt de zorg" not in line and "moeder zelf" in line, line


def test_a_volunteer_asking_about_insurance_gets_the_volunteer_liability(kb):
    # 001 'Aansprakelijkheid vrijwilliger': with a volunteer agreement the organisation is liable first.
    # 'Sinds ... ben ik vrijwilliger' states the role; the wife who asks is not the one cared for.
    reply = answer(kb, "Sinds mijn pensioen ben ik vrijwilliger in een hospice, ik help met de mondverzorging. Mijn vrouw vraagt of ik "
                       "een aparte verzekering moet afsluiten, voor het geval ik iets verkeerd doe. Hoe zit dat eigenlijk?")
    text = render(kb, reply).lower()
    assert reply.question_types[0] == "aansprakelijkheid", reply.question_types
    assert "vrijwilligersovereenkomst" in text.splitlines()[0] and "je bent hier vrijwilliger" in text and "mantelzorger" not in text.splitlines()[0], text


def test_asked_to_sign_something_gets_the_volunteer_agreement(kb):
    # 000 'Zorginstelling' / 001: the agreement records the tasks and makes the organisation liable.
    reply = answer(kb, "Mijn vrouw woonde op de afdeling en is in maart overleden. Ik kan het nog niet loslaten, dus ik wandel nog elke "
                       "week met de bewoners. De coördinator wil nu dat ik iets teken. Waarom is dat nodig?")
    line = render(kb, reply).splitlines()[0].lower()
    assert "vrijwilligersovereenkomst" in line and "aansprakelijk" in line, line


def test_expectations_about_meals_are_the_meal_dilemma(kb):
    # 004 'Dilemma 4 Verwachtingsmanagement'.
    reply = answer(kb, "Sinds mijn moeder in het verpleeghuis woont, hoor ik vaak dat het fijn zou zijn als ik rond etenstijd kom om haar "
                       "eten te geven. Ik werk fulltime. Ik krijg het gevoel dat ik het personeel moet aanvullen. Is dat de bedoeling?")
    assert reply.parts[0].kind == "dilemma:hulp_bij_eten", [p.kind for p in reply.parts]


def test_two_clauses_with_the_verb_first_are_both_answered(kb):
    # 'Handel ik dan onder de Wet BIG, en word ik ... aangesproken?': two questions in one sentence.
    reply = answer(kb, "Ik ben verpleegkundige in een ziekenhuis en geef mijn zus thuis elke dag haar injectie. Handel ik dan onder de "
                       "Wet BIG, en word ik als professional aangesproken als er iets misgaat?")
    assert {"wet_big", "aansprakelijkheid"} <= set(reply.question_types), reply.question_types


def test_harm_done_by_a_volunteer_told_by_the_care_receiver(kb):
    # 001 'Aansprakelijkheid vrijwilliger': the organisation that deploys the volunteer is liable first.
    line = first_line(kb, "Ik ben 71 en krijg via de thuiszorg een vrijwilliger, Henk, die me 's ochtends helpt met mijn steunkousen. "
                          "Vorige week trok hij zo hard dat er een wondje is gekomen, en dat is nu ontstoken. Bij wie kan ik hiervoor terecht?")
    assert "zorginstelling" in line and "vrijwilliger" in line, line


def test_staff_telling_about_a_residents_family_learn_the_family_role(kb):
    # 000 'Mantelzorger': a relative who helps does so as a mantelzorger; the answer says so to the professional.
    text = render(kb, answer(kb, "Gister zag ik als verzorgende dat de dochter van een bewoner de buurvrouw van haar moeder een boterham "
                                 "gaf, terwijl die mevrouw slikproblemen heeft. Ik heb niks gezegd. Kan ik daar zelf op aangesproken worden?"))
    assert "mantelzorger" in text.lower(), text


def test_a_mentor_who_also_helps_has_both_roles(kb):
    # 000 'Wettelijk vertegenwoordiger' and 'Mantelzorger': he consents on behalf of, and cares as a mantelzorger.
    reply = answer(kb, "Ik ben benoemd tot mentor van mijn neef, die een verstandelijke beperking heeft. Ik regel zijn zorg, maar ik help "
                       "hem ook met zijn steunkousen als hij bij mij logeert. Ben ik nu zijn wettelijk vertegenwoordiger of zijn mantelzorger? Of allebei?")
    line = render(kb, reply).splitlines()[0].lower()
    assert reply.question_types[0] == "rol" and "mantelzorger" in line and "vertegenwoordiger" in line, (reply.question_types, line)


def test_what_an_organisation_must_record_gets_its_responsibilities(kb):
    # 000 'Zorginstelling': vision and policy, tasks recorded, volunteer agreements.
    reply = answer(kb, "Wat dient een zorgorganisatie minimaal vast te leggen wanneer mantelzorgers en vrijwilligers zorghandelingen gaan uitvoeren?")
    text = render(kb, reply).lower()
    assert reply.question_types[0] == "verantwoordelijkheden" and "zorginstelling" in text and "vrijwilligersovereenkomst" in text, text


def test_an_overdose_with_a_liability_question_is_answered_after_the_112_line(kb):
    text = "Mijn dochter heeft per ongeluk een dubbele dosis insuline bij me gespoten. Is zij daar nu aansprakelijk voor?"
    lines = render(kb, answer(kb, text)).lower().splitlines()
    after = [x for x in lines[1:] if x.strip()]
    assert lines[0].startswith("is er nu gevaar?") and "aansprakelijk" in after[0], lines[:3]


def test_an_overdose_already_treated_gets_the_liability_answer_without_112(kb):
    text = ("Mijn dochter heeft per ongeluk een dubbele dosis insuline bij me gespoten en ik moest naar de eerste hulp. "
            "Is zij daar nu aansprakelijk voor?")
    line = first_line(kb, text)
    assert "112" not in line and "aansprakelijk" in line, line


def test_an_acute_state_is_only_an_emergency_whatever_is_asked(kb):
    line = first_line(kb, "Mijn vader is gevallen en reageert niet meer. Wie is er aansprakelijk?")
    assert line.startswith("is er nu gevaar of een noodsituatie? bel direct 112"), line


@pytest.mark.parametrize(
    "text, not_start",
    [
        # Learning that feels unsure is no medical question.
        ("Ik heb gisteren geleerd hoe ik de sonde van mijn vader doorspuit, maar ik voel me nog onzeker. Is dat normaal?", "op medische vragen"),
        # Helping 'samen met' a parent is no question about combining medicines.
        ("Ik zorg samen met mijn broer voor onze oma en geef haar medicijnen. Ik slaap slecht en ben moe. Ik wil niet klagen.", "op medische vragen"),
    ],
)
def test_stories_that_only_mention_medicines_or_normal_get_no_medical_refusal(kb, text, not_start):
    assert not first_line(kb, text).startswith(not_start)


def test_asking_what_handelwijzer_can_do_is_a_greeting(kb):
    assert answer(kb, "Goedemiddag, mijn kleindochter heeft dit geïnstalleerd. Waarmee kun je me helpen?").response == "utter_greet"


@pytest.mark.parametrize(
    "text",
    [
        "Hij is net gevallen in de gang, hij bloedt flink aan zijn hoofd. Wat moet ik doen?",
        "ik heb volgens mij mijn insuline 2x gespoten vanavond en nu ben ik duizelig en trillerig",
        # someone fainted and not waking up, someone with dementia missing now
        "ik ben 13 en mijn moeder is in de badkamer flauwgevallen en ze word niet wakker wat moet ik doen",
        "Mijn vader heeft dementie. Sinds vanmiddag is hij weg en niemand weet waar hij is. Het wordt al donker, wat moet ik doen",
    ],
)
def test_what_happens_now_is_an_emergency(kb, text):
    assert first_line(kb, text).startswith("is er nu gevaar of een noodsituatie? bel direct 112")


def test_a_volunteer_allowance_question_is_no_dosage_question(kb):
    line = first_line(kb, "Hoeveel mag ik als vrijwilliger aan vergoeding krijgen per jaar?")
    assert not line.startswith("over de dosis"), line


def test_a_slow_decline_is_no_emergency(kb):
    line = first_line(kb, "Mijn vader gaat de laatste maanden achteruit en reageert nauwelijks nog. Mag ik hem nog steeds helpen met eten?")
    assert "112" not in line, line


def test_a_change_project_with_fears_is_about_working_together_not_liability(kb):
    # 003 wegwijzer informele zorg: start with a shared vision (richten, inrichten, verrichten).
    line = first_line(kb, "Onze zorggroep wil veel meer samenwerken met mantelzorgers. Collega's zijn bang dat zij de schuld krijgen als het misgaat. "
                          "Waar moeten we beginnen?")
    assert line.startswith("begin met een gedragen visie"), line


@pytest.mark.parametrize(
    "text, role_line",
    [
        # 000: the rules differ per role, so an answer to a stated role says which role it assumes.
        ("Ik ben EVV'er op een woongroep. Een moeder wil de sondevoeding van haar zoon overnemen. Waar moet ik op letten?",
         "jij stelt de vraag als zorgprofessional"),
        ("Als ik een mantelzorger ga leren katheteriseren, hoe leg ik dan vast dat hij het kan?",
         "jij stelt de vraag als zorgprofessional"),
        ("De bewoner die ik help met eten vraagt of ik ook zijn oogdruppels wil geven. Is dat goed?",
         "als vrijwilliger"),
    ],
)
def test_the_answer_names_the_role_the_asker_stated(kb, text, role_line):
    assert role_line in render(kb, answer(kb, text)).lower()[:700]


def test_staff_answering_slowly_is_no_emergency(kb):
    line = first_line(kb, "ik bel zelf de specialist over mijn moeder want de verzorging reageert zo traag. nu is het team boos op mij. doe ik iets verkeerd?")
    assert "112" not in line, line


@pytest.mark.parametrize(
    "text, start",
    [
        # 000 'Ik twijfel over mijn rol': structural help on request at other residents makes a volunteer there.
        ("Ik help mijn vader in het verpleeghuis met zijn pillen bij het eten. Nu vraagt de verzorging of ik dat voortaan bij de hele tafel wil doen. "
         "Ben ik dan vrijwilliger?", "ja"),
        # 000 'Wie geeft toestemming?': the one cared for decides.
        ("Mijn man wil niet dat ik zijn wondverzorging doe, hij wil alleen de thuiszorg. Heeft hij daar iets over te zeggen?", "ja"),
        ("Ik wil niet dat mijn zoon bij alle gesprekken met de thuiszorg zit. Mag ik dat zelf bepalen?", "ja, dat bepaal jij zelf"),
        ("mag ik zelf mijn insuline spuiten of moet de thuiszorg daar eerst toestemming voor geven", "ja"),
        # 001 Wet BIG: the law binds only those who work in care; for her own father a nurse is a mantelzorger.
        ("Ik ben zelf verpleegkundige en mantelzorger voor mijn vader. Val ik onder de wet BIG als ik thuis zijn infuus verzorg?", "nee"),
        ("Ik ben de moeder en mentor van een jonge vrouw. In het logeerhuis zeggen ze dat ik haar katheter niet zelf mag verzorgen "
         "omdat ik geen BIG-registratie heb. Klopt dat?", "nee"),
        # 001 'Aansprakelijkheid': a mantelzorger answers for his own mistake, when it is his to blame.
        ("Vorige week is mijn moeder gevallen toen ik haar hielp douchen. Mijn zus zegt dat ik nu aansprakelijk ben, klopt dat?", "ja, als de fout jou te verwijten valt"),
        ("buurvrouw was gevallen, ik heb haar overeind geholpen en nu blijkt haar pols gebroken. kan haar zoon mij aansprakelijk stellen?", "ja, als de fout jou te verwijten valt"),
        # 001 'Uitzonderingen': an organisation that saw it go wrong and did nothing is liable.
        ("De thuiszorg heeft maandenlang gezien dat ik de wond van mijn vader niet goed verbond, maar er nooit iets van gezegd. Kunnen zij dan ook aansprakelijk zijn?", "ja"),
        ("als ik zie dat een mantelzorger een zorghandeling niet goed doet en ik doe er niks mee, kan ik dan zelf aansprakelijk worden gesteld?", "ja"),
        # 001: the organisation that deploys a volunteer is liable, also when a foundation sends him.
        ("Ons verpleeghuis werkt met een stichting die vrijwilligers levert. Als een van hen een bewoner verkeerd helpt met eten, zijn wij dan aansprakelijk?", "ja"),
        # 000 'Welke rol heb ik?': paid from a PGB, a carer with a bond stays mantelzorger.
        ("Ik verzorg al jaren mijn schoonvader en sinds kort krijg ik geld uit zijn pgb. Ben ik dan geen mantelzorger meer?", "nee, je blijft hier mantelzorger"),
        ("Ik ben verpleegkundige. In mijn vrije tijd druppel ik de ogen van mijn oude buurman. Doe ik dat dan als verpleegkundige?", "nee, je bent hier mantelzorger"),
        # 003 'Het zorgleefplan en mantelzorgers': the client owns the plan; a task is not put in it without asking.
        ("In het zorgplan van mijn vader staat dat ik elke dag zijn medicijnen klaarzet, maar dat is nooit met mij besproken. Kan dat zomaar?", "nee, niet zomaar"),
        ("Moet ik de mantelzorger altijd uitnodigen voor het gesprek over het zorgleefplan?", "nee, niet altijd"),
        # 000 'Zorgprofessional - Begeleiden in het aanleren': the carer must agree, not only the client.
        ("De cliënt wil graag dat zijn vrouw zijn stomazakje leert verwisselen, maar zij twijfelt erg. Kan ik dan gewoon doorgaan met het aanleren?", "nee, niet zomaar"),
        # 001 'Privacy': information about the client is shared only with her consent.
        ("Ik lig in een revalidatiecentrum en mijn buurvrouw vraagt steeds hoe het met me gaat, maar ik wil niet dat ze alles over mij hoort. "
         "Mogen ze haar zomaar informatie geven?", "nee, niet als jij dat niet wilt"),
        # 001 'Aansprakelijkheid': the organisation is in principe not liable for a mantelzorger's mistake.
        ("Ik help mijn moeder in het verpleeghuis met haar insulinepen. Als ik daarbij een fout maak, is het verpleeghuis dan verantwoordelijk?", "nee, in principe niet"),
        # 000 'Welke rol heb ik?': bond, organisation and work set the roles apart.
        ("ze hebben het in het verpleeghuis steeds over vrijwilligers en mantelzorgers. wat is nou precies het verschil?", "het verschil zit in de band"),
        ("Ik word geholpen door mijn zoon en door een vrijwilliger van de kerk. Hebben zij dezelfde rol?", "nee, niet vanzelf"),
        # 000 'Zorgvrager': the one cared for decides who helps her.
        ("Ik woon sinds kort in het verpleeghuis en er komt een vrijwilliger die me helpt met eten. Ik vind dat niet prettig. Mag ik dat zelf bepalen?",
         "ja, dat bepaal jij zelf"),
        # 000 'Zorgvrager - Goed om te weten': from 16 the young person decides alone.
        ("Mijn zoon is 17 en kan prima zelf beslissen. De thuiszorg wil toch dat wij als ouders tekenen voordat ze hem insuline spuiten aanleren. Is dat nodig?",
         "nee, vanaf 16 jaar"),
        # 000 'Zorgvrager': the one cared for decides who helps her.
        ("Ik ben 92. Sinds kort stuurt de thuiszorg vrijwilligers om me te helpen met aankleden, maar ik wil een echte verzorgende. "
         "Heb ik daar eigenlijk iets over te zeggen?", "ja, jij kunt zelf beslissen"),
        # 000 'Mantelzorger': staff asking about a daughter's task get her permission, not their own.
        ("Ik werk als verzorgende. De dochter van meneer Bakker wil zelf zijn steunkousen aantrekken. Mijn collega zegt dat dat niet mag "
         "omdat zij niet bij ons in dienst is. Wie heeft er gelijk?", "ja, de dochter mag"),
        # 000 'Wie geeft toestemming?': her no is the answer, and the carer who learnt the task is no care receiver.
        ("Ik heb geleerd de sondevoeding van mijn moeder aan te sluiten, maar ze duwt mijn hand weg en schudt nee. Moet ik het dan toch doen?",
         "nee, niet als je moeder het niet wil"),
    ],
)
def test_the_deciding_fact_of_the_story_sets_the_verdict(kb, text, start):
    assert first_line(kb, text).startswith(start), first_line(kb, text)


@pytest.mark.parametrize(
    "text, start",
    [
        # A reported claim checked with 'Klopt dat?': a ban the sources do not make is not right (000 'Mantelzorger').
        ("Mijn buurvrouw zegt dat mantelzorgers geen oogdruppels mogen geven. Klopt dat?", "nee, dat klopt niet"),
        ("Volgens mijn broer mag alleen de thuiszorg onze moeder haar oogdruppels geven. Klopt dat?", "nee, dat klopt niet"),
        # A claim without exceptions: between 12 and 16 the child and the parent both consent (000 'Zorgvrager').
        ("Ik heb gehoord dat een kind van 14 zelf mag beslissen, zonder de ouders. Is dat waar?", "nee"),
        # 'Moet ik ...?' answered with 'je hoeft niet' starts with no.
        ("Ik ben 70 en geef mezelf al jaren insuline. Moet ik echt toestemming geven als ik het bij mezelf doe?", "nee, je hoeft"),
        # 000 'Zorgprofessional': they are not obliged; 001 'Evalueren': the organisation adjusts when it is too much.
        ("Ik ben vrijwilliger op een afdeling en het wordt me te veel. Mag ik minder gaan doen?", "ja"),
        # One condition is not enough for a volunteer: the organisation decides and a professional assigns (001 'Wet BIG').
        ("Ik ben vrijwilliger bij een dagbesteding. Een deelnemer vraagt of ik zijn insuline wil spuiten. Mag ik dat als ik denk dat ik het wel kan?",
         "nee, niet zomaar"),
        # 000 'Wat als er iets misgaat?': a fault of her own, outside what was agreed.
        ("Ik ben vrijwilliger en heb op eigen houtje bij een bewoner de steunkousen aangetrokken, dat stond niet in mijn afspraken. "
         "Ben ik daar zelf aansprakelijk voor?", "ja"),
        # 001 'Aansprakelijkheid': the one cared for asks about the home care while a neighbour's son does the care.
        ("De zoon van mijn buurvrouw druppelt elke avond mijn ogen. Nu heb ik een ontsteking. Kan ik de thuiszorg daarvoor aansprakelijk stellen?",
         "nee, in principe niet"),
        # 000 'Welke rol heb ik?': a bond from the start makes a mantelzorger; no need to become a volunteer.
        ("Ik ken mijn overbuurman al dertig jaar en help hem met zijn katheterzak. Moet ik daarvoor eerst vrijwilliger worden bij de thuiszorg?", "nee"),
        # 000 'Welke rol heb ik?': a question about the role itself.
        ("Wat is een zorgvrager?", "een zorgvrager is"),
        ("Wat is precies de rol van de zorginstelling?", "een zorginstelling is"),
        # 000 'Wat als er iets misgaat?': a past mistake told in the perfect tense is no emergency now.
        ("Ik heb een keer per ongeluk de verkeerde dosis insuline gegeven bij mijn vader, het liep goed af. Kan de inspectie mij daarvoor aanpakken?",
         "nee"),
    ],
)
def test_the_question_form_sets_the_first_line(kb, text, start):
    assert first_line(kb, text).startswith(start), first_line(kb, text)


def test_an_overdose_with_symptoms_now_is_an_emergency(kb):
    text = "ik denk dat mijn buurman te veel van zijn pillen heeft genomen, hij is heel suf en praat raar"
    assert "112" in first_line(kb, text)


def test_a_carer_who_is_not_heard_is_told_she_is_the_expert(kb):
    text = ("Ik zorg al twintig jaar voor mijn zus en ken haar door en door, maar het personeel op de afdeling luistert niet naar mijn tips. "
            "Hoe kan ik dat bespreekbaar maken?")
    assert "expert" in render(kb, answer(kb, text)).lower()


@pytest.mark.parametrize(
    "text, role",
    [
        # 000 'Welke rol heb ik?': unpaid, through an organisation, no bond at the start.
        ("Ik ben lid van de kerk en via de diaconie bezoek ik sinds een jaar een oudere man. Ik help hem nu ook met zijn steunkousen. "
         "Ben ik dan zijn mantelzorger?", "vrijwilliger"),
        # 000 'Welke rol heb ik?': care in one's paid job.
        ("Ik werk als huishoudelijke hulp bij een oudere dame. Ze vraagt of ik haar steunkousen wil aantrekken. Welke rol heb ik dan?",
         "zorgprofessional"),
    ],
)
def test_the_role_follows_from_how_the_help_started(kb, text, role):
    assert role in first_line(kb, text) or role in render(kb, answer(kb, text)).lower()[:300], first_line(kb, text)


def test_a_neighbour_met_through_an_advert_is_no_mantelzorger(kb):
    text = "Mijn buurvrouw betaalt mij uit haar pgb om haar te helpen met douchen. Ik kende haar daarvoor niet, ik reageerde op een advertentie. Ben ik mantelzorger?"
    assert first_line(kb, text).startswith("nee, je bent hier geen mantelzorger"), first_line(kb, text)


@pytest.mark.parametrize(
    "text, start",
    [
        # 000 'Wie geeft toestemming?': a capable care receiver decides, not his wife.
        ("Onze cliënt kan prima zelf beslissen, maar zijn vrouw wil niet dat de vrijwilliger hem helpt met eten. Moeten we naar haar luisteren?",
         "nee, niet als"),
        # Dementia with a mentor: it turns on whether he can still decide this himself (000, 001 'Wat als de cliënt niet kan instemmen?').
        ("Ik ben verzorgende. Een bewoner met dementie wil niet dat zijn dochter hem wast, maar de dochter is zijn mentor en zegt dat het moet. Wat nu?",
         "dat hangt ervan af of"),
        # The asker does the care and the mentor consents: both are named.
        ("Mijn moeder heeft alzheimer en kan niet meer zelf beslissen. Mijn broer is haar mentor. Ik wil haar oogdruppels geven. "
         "Wie moet daar toestemming voor geven?", "de wettelijk vertegenwoordiger geeft toestemming"),
    ],
)
def test_who_says_no_and_who_decides(kb, text, start):
    assert first_line(kb, text).startswith(start), first_line(kb, text)
