"""Turns one message into a structured situation: who asks, who would do the
care task, for whom, the relation between them, and the circumstances that
decide role, consent and liability (age, capacity, refusal, pay, free time,
spontaneous or on request, other residents, setting, an emergency now).

Pure functions over text and the knowledge base's vocabulary; no Rasa objects."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Tuple

from bot.understanding.claims import reported_claim
from bot.understanding.cues import cues, form
from bot.understanding.terms import Lexicon
from bot.understanding.text import normalize, question_sentences, sentences

_DET = r"(?:mijn|m'n|mn|me|onze|ons|haar|zijn|z'n|hun|je|jouw|uw|de|het|een|die|deze|dat(?= (?:kind|familielid|meisje|jongetje|buurmeisje))|die van|zo'n|zon|elke|iedere)"
_MODAL = r"(?:mag|mogen|mocht|mochten|kan|kun|kunnen|moet|moeten|zou|zouden|durf|durft|wil|wilt|willen|gaat|gaan|hoeft|hoeven|is|zijn|was)"
_FIRST_PERSON = r"(?:ik|je|jij|u|we|wij)"
# Verbs with which the asker talks about their own position: "ben ik dan mantelzorger?"
_SELF_VERB = r"(?:ben|word|wordt|blijf|blijft|heb|hebt|help|doe|geef|val|tel|geld|sta|draag|krijg|loop)"
_THIRD_PERSON = r"(?:hij|zij|ze)"
# Words for people that are neither a relation nor a role in the knowledge base.
_GENERIC_PEOPLE = ("mevrouw", "meneer", "mevr", "dhr", "bewoonster", "iemand", "persoon", "kind", "kinderen", "familie")
# Everyday activities that are not care tasks (001: a walk with another resident).
_NON_CARE = form("non_care")


@dataclass(frozen=True)
class Mention:
    """A person named in the text: 'mijn dochter', 'een vrijwilliger', 'de dochter van mevrouw'."""

    start: int
    words: str
    possessive: str  # the word before the noun: mijn, de, een, haar, ...
    relation: Optional[str]  # relation id when the noun is a relation word
    role: Optional[str]  # role id when the noun is a role word
    of_other: bool = False  # 'de dochter van mevrouw X': a relation of someone else
    age: Optional[int] = None
    self_described: bool = False  # 'als verpleegkundige', 'ik ben vrijwilliger': the asker


@dataclass(frozen=True)
class Situation:
    text: str
    asker_role: Optional[str] = None  # what the asker says they are
    asker_role_stated: bool = False
    actor: str = "asker"  # who would do the task: 'asker' or 'other'
    actor_words: Optional[str] = None  # 'de dochter', 'een vrijwilliger'
    actor_role: Optional[str] = None  # a role named for the actor ('mag een vrijwilliger ...')
    receiver: str = "other"  # 'self' (the actor on themselves), 'asker' (on the asker), 'other'
    receiver_words: Optional[str] = None
    relation: Optional[str] = None  # relation id between actor and receiver
    own_relative: Optional[str] = None  # relation id of the asker's own naaste in the story ('mijn moeder')
    tasks: Tuple[str, ...] = ()
    task_guessed: bool = False  # the task came from a fuzzy match, not from its words
    unknown_task: bool = False  # a care activity is asked about that the task list lacks
    non_care_activity: bool = False  # a walk, coffee, shopping: not a care task
    receiver_age: Optional[int] = None
    actor_age: Optional[int] = None
    capacity: Optional[str] = None  # 'wilsonbekwaam', 'twijfel' (dementia etc.) or 'bekwaam' (said to decide for herself)
    refusal: Optional[str] = None  # 'receiver' or 'actor'
    consent_given: bool = False
    paid: Optional[str] = None  # 'pgb', 'vergoeding', 'loon'
    free_time: Optional[bool] = None
    at_work: bool = False
    spontaneous: Optional[bool] = None  # True own initiative, False on request of the organisation
    structural: Optional[bool] = None
    helps_others: bool = False
    bond_from_start: Optional[bool] = None
    bond_later: bool = False
    bond_ended: bool = False
    via_volunteer_org: bool = False
    setting: Optional[str] = None
    emergency_now: bool = False
    not_responded: bool = False  # staff saw it go wrong and did nothing
    doing_wrong: bool = False  # someone does a task badly or unsafely
    foreseeable: bool = False  # the organisation knows about it
    risky: bool = False
    communication_problem: bool = False  # the care receiver cannot say what he wants (the C of SO(C)K)
    doer_words: Optional[str] = None  # who does the care task in the story, when not the asker
    doer_role: Optional[str] = None  # a role named for that person
    doer_relation: Optional[str] = None
    english: bool = False
    mentions: Tuple[Mention, ...] = field(default=(), repr=False)

    @property
    def task(self) -> Optional[str]:
        return self.tasks[0] if self.tasks else None

    @property
    def asks_about_other(self) -> bool:
        return self.actor == "other"


# -- people ------------------------------------------------------------------

_ACTIVITY_NOUNS = {"mantelzorg", "vrijwilligerswerk"}


def _person_nouns(lex: Lexicon) -> Dict[str, Tuple[Optional[str], Optional[str]]]:
    nouns: Dict[str, Tuple[Optional[str], Optional[str]]] = {}
    for phrase, rel in lex.relations.terms.items():
        if lex.kb.relations[rel].bond != "zelf":
            nouns[phrase] = (rel, None)
    for phrase, role in lex.roles.terms.items():
        if phrase in _ACTIVITY_NOUNS:
            continue  # 'betaalde mantelzorg' is a service, not a person
        nouns.setdefault(phrase, (None, role))
    for word in _GENERIC_PEOPLE:
        nouns.setdefault(word, ("familie" if word == "familie" else None, None))
    return nouns


def find_mentions(lex: Lexicon, norm: str) -> List[Mention]:
    nouns = _person_nouns(lex)
    found: List[Mention] = []
    taken = [False] * (len(norm) + 2)
    padded = f" {norm} "
    for phrase in sorted(nouns, key=len, reverse=True):
        for m in re.finditer(rf"(?<= )(?:({_DET}) (?:[a-z]+(?:e|ste) )?)?(?:(?:eigen|vaste|nieuwe|oude|andere|jonge|oudere|zieke|demente|dementerende|eigen) )?{re.escape(phrase)}(?= )", padded):
            start = m.start(0)
            if any(taken[start : m.end(0)]):
                continue
            if re.search(r"\b(zoals|net als|evenals|like)\s$", padded[max(0, start - 10):start]):
                continue  # 'net zoals een mantelzorger dat mag' compares, it names nobody in the story
            if m.group(1) == "die" and re.match(r" (is|was|zelf \w+ is)\b", padded[m.end(0):]):
                continue  # 'mijn buurman, die verpleegkundige is': what the person before is, not someone else
            for i in range(start, m.end(0)):
                taken[i] = True
            relation, role = nouns[phrase]
            possessive = m.group(1) or ""
            after = padded[m.end(0):]
            of_other = bool(re.match(r" van (mevrouw|meneer|mevr|dhr|een|de|die|deze|onze|haar|zijn|[a-z]+ (bewoner|client|patient))\b", after)) or possessive in ("haar", "zijn", "z'n", "hun")
            before = padded[max(0, start - 12):start]
            self_described = bool(re.search(r"(\bals|\bik ben|\bik werk als|\bben ik|\bals een) $", before)) and possessive in ("", "een") \
                and not (possessive == "een" and _CONDITIONAL_AFTER.match(after))  # 'als een familielid iets fout doet': if, not as
            found.append(Mention(start - 1, m.group(0), possessive, relation, role, of_other, _age_after(after), self_described))
    return sorted(found, key=lambda x: x.start)


# 'als een familielid iets fout doet', 'als een vrijwilliger de insuline geeft': a condition, not a role.
_CONDITIONAL_AFTER = re.compile(r" (iets|wat|het|een fout|fouten|de|haar|zijn|hem|dat|dit|die|bij|per ongeluk|zomaar|zelf)\b(?! als\b)")


def _age_after(after: str) -> Optional[int]:
    # 'mijn zoon (10)', 'mijn zoon is 10', 'onze dochter Fenna is 13'
    m = re.match(r" (?:[a-z]+ (?=is \d|\(\d))?(?:van |is |\(|, )?(\d{1,3})(?: ?jaar| ?jr| ?j\b|\)|,| )", after + " ")
    if m and 0 < int(m.group(1)) <= 110:
        return int(m.group(1))
    return None


def _ages(norm: str) -> Dict[str, int]:
    ages: Dict[str, int] = {}
    # 'ik ben 17', 'ben 17, moet ...' (informal, no 'ik'), 'i am 15'
    m = re.search(r"(?:\bik ben|^ben|\bi am|\bi m) (\d{1,2})( jaar| years)?\b", norm)
    if m:
        ages["asker"] = int(m.group(1))
    m = re.search(r"\b(\d{1,3}) ?-?jarige? (\w+)", norm)
    if m:
        ages[m.group(2)] = int(m.group(1))
    # 'een meisje van 10', 'de jongen is 14'
    m = re.search(r"\b(meisje|jongen|kind|jongetje|meid|tiener|puber) (van|is|\() ?(\d{1,2})\b", norm)
    if m:
        ages.setdefault(m.group(1), int(m.group(3)))
    return ages


# -- the parts of a situation ------------------------------------------------

# 'Doe ik dat als mantelzorger of als vrijwilliger?' asks about a role; it does not state the asker's.
_ROLE_ASKED = form("role_asked")
# 'ik ben geen verpleegkundige', 'ik heb jaren als verpleegkundige gewerkt': not the asker's role now.
_ROLE_NOT_NOW = form("role_not_now")


def asker_role(norm: str) -> Optional[str]:
    c = cues()
    norm = _ROLE_NOT_NOW.sub(" ", _ROLE_ASKED.sub(" ", norm))
    for role in ("zorginstelling", "wettelijk_vertegenwoordiger", "vrijwilliger", "zorgprofessional", "mantelzorger", "zorgvrager"):
        if c.has("asker", role, norm):
            if role in ("zorgprofessional", "vrijwilliger") and _ALSO_CARER_OF_OWN.search(norm):
                # 'Ik ben zelf verpleegkundige en mantelzorger voor mijn vader': for her own father she is
                # a mantelzorger, not working in her profession (000 'Welke rol heb ik?').
                return "mantelzorger"
            return role
    return None


_ALSO_CARER_OF_OWN = re.compile(r"\b(en|ook|maar|tegelijk) (ook |zelf |tegelijk )?(de )?mantelzorger (van|voor) (mijn|m'n|mn)\b")


# 'moet mijn vader (daar ook nog mee) instemmen': the person named consents, he does not act.
_CONSENTS_NEXT = form("consents_next")


def _actor_in_question(question: str, mentions: List[Mention]) -> Tuple[str, Optional[Mention]]:
    """('asker'|'other'|'unknown', mention) for who would act, from the question sentence."""
    q = normalize(question)
    m = re.search(rf"\b(?:{_MODAL}|{_SELF_VERB}) ({_FIRST_PERSON})\b", q) or re.search(rf"^({_FIRST_PERSON}) (?:{_MODAL}|{_SELF_VERB})\b", q)
    first = m.start() if m else None
    other = None
    for mention in mentions:
        if mention.role == "zorginstelling" or mention.self_described:
            continue
        found = re.search(rf"\b(?:{_MODAL}|heeft|doet|wordt|blijft|krijgt) (?:dan |ook |wel |nu )?{re.escape(mention.words)}\b", q)
        if found and _CONSENTS_NEXT.match(q[found.end():]):
            continue  # 'moet mijn vader toestemming geven als ik ...': he consents, he does not act
        if found:
            other = mention
            break
    third = re.search(rf"\b(?:{_MODAL}|heeft|doet|wordt|blijft|krijgt|gaat|telt|geldt|valt|hoort) {_THIRD_PERSON}\b", q) or re.search(
        rf"\bdat {_THIRD_PERSON} (?:\w+ ){{0,2}}(?:een |de )?(?:mantelzorger|vrijwilliger|zorgprofessional|vrijwilligster|mantelzorgster)\b", q) or re.search(
        r"\b(?:moeten|moet|kunnen|kan) (?:wij|we|ik|jullie) (hem|haar) (?:\w+ ){0,3}(?:zien|beschouwen|noemen|registreren|inschrijven|aanmelden|behandelen)\b", q) or re.search(
        r"\bwat is (?:\w+ ){0,2}(hun|zijn|haar) (?:positie|rol|status)\b", q)
    if third and _CONSENTS_NEXT.match(q[third.end():]):
        third = None  # 'mag hij zelf toestemming geven dat opa hem helpt?': he consents, opa acts
    plural = re.search(r"\b(mogen|kunnen|moeten) (mantelzorgers|vrijwilligers|familieleden|naasten|medewerkers|zorgprofessionals|verzorgenden|mensen|ouders|kinderen)\b", q)
    # 'Moet ik daar iets voor regelen, of mag hij dat gewoon?': the asker arranges, he would act.
    if third and first is not None and re.search(rf"\b({_FIRST_PERSON}) (\w+ ){{0,5}}(regelen|vastleggen|afspreken|doen|noteren)\b", q[first:third.start()]):
        first = None
    candidates = [(first, "asker", None)]
    if other is not None:
        candidates.append((q.find(other.words), "other", other))
    if third:
        # 'Moeten wij hem als vrijwilliger registreren?' is about him, though 'wij' comes first.
        candidates.append((0 if third.lastindex else third.start(), "third", None))
    if plural:
        candidates.append((plural.start(), "plural", plural.group(2)))
    candidates = [c for c in candidates if c[0] is not None and c[0] >= 0]
    if not candidates:
        return "unknown", None
    _, kind, what = min(candidates, key=lambda c: (c[0], c[1] != "third"))
    if kind == "other":
        return "other", what
    if kind == "plural":
        return "plural:" + what, None
    if kind == "third":
        return "third", None
    return "asker", None


_OWN_INFO = form("own_information")
_THIRD_PARTY_REFUSES = form("third_party_refuses")
_HOLDS_LIABLE = form("holds_liable")

_ROLE_PLURALS = r"(mantelzorgers|vrijwilligers|familieleden|naasten|zorgprofessionals|verzorgenden|verpleegkundigen|ouders|kinderen)"


def _actor_in_claim(claim: str, mentions: List[Mention]) -> Tuple[str, Optional[Mention]]:
    """Who would act, read from a reported claim ('dat mantelzorgers geen
    oogdruppels mogen geven', 'dat je als vrijwilliger nooit ...')."""
    plural = re.match(rf"^(?:alle |de )?{_ROLE_PLURALS}\b", claim)
    if plural:
        return "plural:" + plural.group(1), None
    generic = re.match(r"^(?:je|jij|u|ik|een mens) als (mantelzorger|vrijwilliger|zorgprofessional)\b", claim)
    if generic:
        return "plural:" + generic.group(1) + "s", None
    for mention in mentions:
        if mention.role == "zorginstelling" or mention.self_described:
            continue
        if re.search(rf"\b(beslissen|bepalen|besluiten|toestemming|instemmen)\b", claim):
            break  # 'dat een kind van 14 zelf mag beslissen': about consent, nobody acts
        if claim.startswith(mention.words + " ") and re.search(rf"^{re.escape(mention.words)} (\w+ ){{0,6}}{_MODAL}\b", claim):
            return "other", mention
    return "unknown", None


def _delegate(mentions: List[Mention], q_norm: str) -> Optional[Mention]:
    """Whom the asker would hand the task to: 'een vrijwilliger de opdracht geven',
    'vrijwilligers insuline laten geven', 'het aan de dochter overlaten'."""
    for m in mentions:
        if m.self_described or m.role == "zorginstelling" or not (m.role in ("vrijwilliger", "mantelzorger") or m.relation):
            continue
        w = re.escape(m.words)
        if re.search(rf"\b{w} (de |een )?opdracht\b|\b{w} (\w+ ){{0,5}}(te )?laten\b|\b(aan|overlaten aan|overdragen aan) {w}\b", q_norm):
            return m
    pronoun = re.search(r"\b(hem|haar|hen|ze|die) (\w+ ){0,5}(te )?laten\b|\b(hem|haar|hen) (de |een )?opdracht\b", q_norm)
    if pronoun:
        before = [m for m in mentions if m.start < pronoun.start() and not m.self_described and m.role != "zorginstelling"
                  and m.role in ("vrijwilliger", "mantelzorger")]
        if before:
            return before[-1]
    return None


_ASKS_WHO_DECIDES = form("asks_who_decides")
_NOT_A_NAME = re.compile(r"^(vindt|vond|wil|wilde|is|was|heeft|had|zegt|zei|komt|kwam|kan|kon|mag|moet|doet|deed|wordt|werd|gaat|ging|zit|ligt|"
                         r"woont|en|van|die|dat|de|het|een|zelf|ook|niet|nog|krijgt|geeft|vraagt|vroeg|weet|zou|laat|blijft)$")
_GIVES_CONSENT = re.compile(r" (\w+ ){0,4}(toestemming|instemming|akkoord)\b")
_MY_CARE = (r"(mijn|m'n|mn) (eigen )?(insuline|steunkousen|kousen|ogen|oogdruppels|wond|been|benen|stoma|stomazakje|sonde|sondevoeding|"
            r"medicijnen|medicatie|pillen|katheter|prik|injectie|injecties|billen|haar|nagels|voeten)\b")


def _did_the_askers_care(m: Mention, norm: str) -> bool:
    """'Mijn zoon heeft te veel insuline bij me gespoten': he did the asker's care."""
    return bool(re.search(rf"\b{re.escape(m.words)} (heeft|had) (\w+ ){{0,5}}bij (mij|me) (\w+ ){{0,2}}"
                          r"(gespoten|gegeven|gedaan|aangetrokken|gedruppeld|verzorgd|geprikt|verwisseld)\b", norm))


def _does_the_askers_care(mentions: List[Mention], norm: str) -> Optional[Mention]:
    """A relative or volunteer said to do the asker's own care ('mijn kleindochter
    mag mijn ogen druppelen', 'dat mijn schoonzoon mij wast')."""
    for m in mentions:
        if m.self_described or m.role == "zorginstelling" or not (m.relation or m.role in ("vrijwilliger", "mantelzorger")):
            continue
        if _GIVES_CONSENT.match(norm[m.start + len(m.words):]):
            continue  # she consents, she does not do it
        w = re.escape(m.words)
        if re.search(rf"\b{w} (\w+ ){{0,4}}{_MY_CARE}", norm) or re.search(
                rf"\b{w} (\w+ ){{0,3}}(mij|me) (\w+ ){{0,2}}(wast|douchet|verzorgt|aankleedt|verschoont|spuit|prikt|druppelt|helpt|wassen|helpen|verzorgen)\b", norm) or re.search(
                rf"\b{w} (\w+ ){{0,8}}(heeft aangeboden|biedt aan|bood aan|wil (me |mij )?(graag )?helpen|helpt (me|mij))\b", norm) or _did_the_askers_care(m, norm):
            # 'de zoon van mijn buurvrouw druppelt mijn ogen': the son does it, not the neighbour
            owner = next((o for o in mentions if o is not m and re.fullmatch(rf"\s*{re.escape(o.words)} van\s*", norm[o.start:m.start])), None)
            return owner or m
    return None


def _only_speaks(m: Mention, norm: str) -> bool:
    """'Mijn vrouw vraagt of ik een verzekering nodig heb': a relative who speaks in
    the story and is not helped in it."""
    speaks = re.match(r" (vraagt|vroeg|zegt|zei|vindt|vond|denkt|dacht|raadt|raadde|beweert|roept|riep|wil weten)\b(?! (het|dat) (\w+ )?(goed|prima|fijn|best)\b)", norm[m.start + len(m.words):]) \
        or norm[:m.start].endswith("volgens ")  # 'volgens mijn broer mag alleen de thuiszorg ...'
    return bool(m.relation and speaks and not re.search(rf"\b(bij|voor|met|help\w*|verzorg\w*) {re.escape(m.words)}\b", norm))


def _first_relative(mentions: List[Mention], exclude: Optional[Mention] = None) -> Optional[Mention]:
    for m in mentions:
        if m is exclude or m.self_described:
            continue  # 'mag ik als buurvrouw ...': the asker herself, not the one helped
        if m.relation and m.possessive in ("mijn", "m'n", "mn", "me", "onze", "ons", ""):
            return m
    return None


def _past_aside(m: Mention, norm: str) -> bool:
    """'Thuis deed ik het vroeger ook bij mijn moeder', 'bij mijn eigen moeder deed ik dat ook altijd':
    a relative in an aside about the past is not the one helped now."""
    return bool(re.search(r"\b(vroeger|destijds|toen|jaren geleden)\b[^.?!]{0,60}$", norm[max(0, m.start - 60):m.start])
                or re.match(r" (deed|hielp|gaf|spoot|verzorgde|trok|druppelde|waste|prikte) ik\b", norm[m.start + len(m.words):]))


def _receiver_for_asker(lex: Lexicon, norm: str, mentions: List[Mention]) -> Tuple[str, Optional[Mention]]:
    """Whom the asker would help: a relative, a client, or themselves."""
    c = cues()
    if c.has("facts", "self_task", norm) and c.has("asker", "zorgvrager", norm):
        return "self", None
    stated = asker_role(norm)
    if c.has("facts", "self_own_task", norm) and c.has("facts", "self_task", norm) and stated in (None, "zorgvrager"):
        # 'ik wil mijn oogdruppels zelf blijven doen', 'ik ben 14 en wil mijn insuline zelf leren spuiten'
        return "self", None
    bij = re.search(rf"\b(?:bij|voor|van|met) ({_DET} )?(\w+(?: \w+)?)", norm)
    for m in mentions:
        if m.relation and lex.kb.relations[m.relation].bond == "geen":
            if re.search(rf"\b(bij|voor|met|help\w*|van) {re.escape(m.words)}\b", norm):
                return "other", m
    # 'Moet mijn broer toestemming geven als ik mijn moeder help?': the one who consents is not the one helped.
    # 'Thuis deed ik het vroeger ook bij mijn moeder': a relative in an aside about the past is not the one helped now.
    # 'bij mijn eigen moeder deed ik dat ook altijd': the same, told with the past verb after the name.
    past_asides = [m for m in mentions if m.relation and _past_aside(m, norm)]
    mentions = [m for m in mentions if m not in past_asides] or mentions
    consenting = [m for m in mentions if _CONSENTS_NEXT.match(norm[m.start + len(m.words):])]
    # 'Mijn broer is contactpersoon ... Moet mijn broer toestemming geven?': he consents wherever he is named.
    mentions = [m for m in mentions if not any(m.words == c.words for c in consenting)] or mentions
    # 'Mijn vrouw vraagt of ik een verzekering nodig heb': she speaks in the story, she is not the one helped.
    mentions = [m for m in mentions if not _only_speaks(m, norm)]
    relative = _first_relative(mentions)
    if relative is not None:
        return "other", relative
    if c.has("facts", "self_task", norm) and not any(m.relation or m.role for m in mentions):
        return "self", None  # 'zelf doen' next to 'een bewoner' means doing it instead of staff
    for m in mentions:
        if m.relation and lex.kb.relations[m.relation].bond == "geen":
            return "other", m
    del bij
    return "other", None


_ACTING = r"(?:werkt|werkte|laat|liet|verwaarloost|vergeet|vergat|wil|wilde|willen|vraagt|vroeg|vragen|doet|deed|doen|spuit|spoot|spuiten|geeft|gaf|geven|helpt|hielp|helpen|trekt|druppelt|verzorgt|biedt|bood|komt|neemt|nam|gaat|zou|zouden|blijft|gebruikt|verplaatst|veroorzaakt|maakt|belt|zit|zitten|loopt|mag|mogen|kan|kunnen|verschoont|verbindt|prikt|tilt|wast|douchet|voert|dient|diende|meet|mat|controleert|smeert|verwisselt|ververst|zet|brengt|aantrekt|regelt|neemt mee)"


# A finite acting verb right after a name ('haar buurman komt', 'de dochter van een bewoner wil'),
# not an infinitive with the person as its object ('haar moeder helpen').
_ACTS_NEXT = re.compile(r" (van (een |de |mevrouw |meneer )?\w+ )?(" + "|".join(
    v for v in _ACTING.strip("(?:)").split("|") if not v.endswith("en") and " " not in v) + r")\b")


def _story_actor(mentions: List[Mention], norm: str, asker_cared_for: bool = False) -> Optional[Mention]:
    """The person the story shows doing (or wanting to do) the care: a relative
    of a resident, a volunteer, a mantelzorger or a professional, followed
    within a few words by an acting verb."""
    for m in mentions:
        if m.role == "zorginstelling" or m.self_described:
            continue
        if not (m.of_other or m.role in ("vrijwilliger", "mantelzorger", "zorgprofessional") or m.relation in ("familie", "partner", "vriend", "buur")):
            continue
        cares_for_own = re.match(rf" (\w+ ){{0,3}}{_ACTING} (haar|zijn|hun) (eigen )?\w+", norm[m.start + len(m.words):])
        if m.possessive in ("mijn", "m'n", "mn", "me") and not m.role and not asker_cared_for and not cares_for_own:
            continue  # 'mijn moeder' in the asker's story is the one cared for, unless the asker is,
            # or she cares for someone of her own ('mijn schoonzus geeft haar man zijn injecties')
        # Someone named by role ('een mantelzorger', 'de vrijwilliger') is the
        # likelier actor; allow a longer stretch of words before the verb.
        if re.match(r" (zei|zegt|zeggen|zeiden|vindt|vond|vinden|denkt|dacht|beweert|vertelde|vertelt|heeft gezegd|heeft verteld)\b", norm[m.start + len(m.words):]):
            continue  # 'een kennis zei dat ...' makes a claim; it does not do the care
        if _GIVES_CONSENT.match(norm[m.start + len(m.words):]):
            continue  # 'dat mijn moeder daar eerst toestemming voor moet geven': she consents, she does not act
        window = 12 if m.role in ("vrijwilliger", "mantelzorger") else 7
        # 'de zoon van een bewoonster geeft ...': the window starts after 'van ...'.
        if re.search(rf"\b{re.escape(m.words)}(?: van (?:{_DET} )?[a-z']+)?(?: [a-z']+){{0,{window}}} {_ACTING}\b", norm):
            return m
        # 'Vorige maand nam de man van een bewoonster ... mee': the verb before the subject.
        if m.of_other and re.search(rf"\b(nam|neemt|gaf|geeft|hielp|helpt|deed|doet|spoot|spuit|bracht|brengt|tilde|tilt) $", norm[max(0, m.start - 12):m.start]):
            return m
    return None


_BARE_ROLE_WORDS = {"mantelzorger", "mantelzorgers", "vrijwilliger", "vrijwilligers", "mantelzorgster", "vrijwilligster"}


_FEMALE = {"moeder", "dochter", "zus", "zuster", "vrouw", "echtgenote", "oma", "grootmoeder", "tante", "nicht", "buurvrouw",
           "vriendin", "schoonmoeder", "schoondochter", "kleindochter", "mevrouw", "bewoonster", "cliente", "cliënte",
           "vrijwilligster", "mantelzorgster", "moeders", "dochtertje", "zusje", "stiefmoeder", "overbuurvrouw", "weduwe"}
_MALE = {"vader", "zoon", "broer", "man", "echtgenoot", "opa", "grootvader", "oom", "neef", "buurman", "vriend", "schoonvader",
         "schoonzoon", "kleinzoon", "meneer", "zoontje", "broertje", "stiefvader", "overbuurman", "weduwnaar"}


def _gender(words: str) -> Optional[str]:
    # The head noun comes first: 'de echtgenoot van een bewoonster' is a man.
    for word in (words or "").split(" "):
        if word in _FEMALE:
            return "f"
        if word in _MALE:
            return "m"
    return None


def _third_person_antecedent(mentions: List[Mention], question_start: int, pronoun: Optional[str] = None, norm: str = "") -> Optional[Mention]:
    """'Mag zij dat?': the person the story is about, named before the question;
    'zij' is not 'haar opa', 'hij' is not 'mijn dochter'."""
    people = [m for m in mentions if m.role != "zorginstelling" and not m.self_described] or mentions
    before = [m for m in people if m.start < question_start] or people
    want = {"hij": "m", "zij": "f"}.get(pronoun or "")
    if want:
        fitting = [m for m in before if _gender(m.words) in (want, None)]
        before = fitting or before
    # A relative or volunteer acting is likelier than a resident being helped.
    # The nearest person who does something in the story ('haar buurman komt ... en helpt');
    # otherwise the first relative or volunteer named.
    acting = [m for m in before if norm and _ACTS_NEXT.match(norm[m.start + len(m.words):])
              and (m.of_other or m.role in ("vrijwilliger", "mantelzorger")) and m.words not in _BARE_ROLE_WORDS]
    if acting:
        return acting[-1]
    # 'De verpleegkundige zegt dat zij het officieel moet doen. Mag hij het wel?': the relative, not the professional.
    informal = [m for m in before if m.role != "zorgprofessional"]
    for m in informal or before:
        # A bare role word ("de thuiszorg noemt haar 'mantelzorger'") is a label, not a person.
        if m.of_other or (m.role in ("vrijwilliger", "mantelzorger") and m.words not in _BARE_ROLE_WORDS):
            return m
    return next((m for m in before if m.relation), before[0] if before else None)


_WHO_IS_RIGHT = form("who_is_right")


# 'Ik wil niet dat mijn zoon bij de gesprekken zit', told by the one cared for: the son is the carer.
_CARE_RECEIVER_SAYS_NO = re.compile(r"\bik wil (eigenlijk |echt |gewoon |liever )?(niet|geen) dat (mijn|m'n|mn) \w+")


def extract(lex: Lexicon, text: str, english: bool = False) -> Situation:
    c = cues()
    norm = normalize(text)
    mentions = find_mentions(lex, norm)
    ages = _ages(norm)
    questions = question_sentences(text)
    question = questions[-1] if questions else text
    q_norm = normalize(question)
    q_start = norm.find(q_norm[:30]) if q_norm else 0

    role = asker_role(norm)
    kind, actor_mention = _actor_in_question(question, mentions)
    claim = reported_claim(text, question)
    if kind == "unknown" and claim:
        kind, actor_mention = _actor_in_claim(claim, mentions)
    if kind == "third":
        pronoun = re.search(rf"\b{_THIRD_PERSON}\b", q_norm)
        actor_mention = _third_person_antecedent(mentions, q_start, pronoun.group(0) if pronoun else None, norm)
        # 'Hoe moeten wij hem zien?' is about him even when he is only named ('meneer Peters').
        kind = "other" if actor_mention or re.search(r"\b(hem|haar)\b", q_norm) else "asker"
    actor_role = None
    plural_role = None
    if kind.startswith("plural:"):
        word = kind.split(":", 1)[1]
        plural_role = lex.roles.lookup(word) or ("mantelzorger" if word in ("familieleden", "naasten", "ouders", "kinderen") else None)
        kind = "other"
    story_actor = _story_actor(mentions, norm, asker_cared_for=role == "zorgvrager")
    asked_to_act = re.search(r"\b(vraagt|vroeg|vragen|vroegen|gevraagd) (me|mij|of ik|of wij|of we|ons)\b|\bik (wil|zou|ga) (graag )?\b|\b(wil|wilde|vraagt|vroeg|zegt|wilt|willen) dat (ik|we|wij)\b", norm)
    allow = re.search(r"\b(toestaan|toelaten|goedkeuren|laten doen|opdracht geven|een opdracht|overlaten aan|laten helpen|te laten|laten \w+)\b", q_norm)
    if allow and re.search(r"\b(mij|me|ons) (een |de |die )?opdracht (geeft|geven|gegeven|heeft gegeven)\b|\bopdracht (krijg|krijgen|kreeg|kregen|gekregen|van)\b|\bin opdracht\b", q_norm):
        allow = None  # 'als de verpleegkundige mij een opdracht geeft': the asker receives the assignment and acts
    delegate = _delegate(mentions, q_norm) if allow else None
    asks_may = re.search(r"\b(mag|mogen|kan|kunnen|toegestaan|toestaan|juridisch|wettelijk|verboden|mogelijk)\b", q_norm)
    if delegate is None and asks_may and re.search(r"\b(laten|opdracht)\b", norm) and (
            kind == "unknown" or (kind == "asker" and role in ("zorginstelling", "zorgprofessional") and not re.search(r"\b(ik|mij|me)\b", q_norm))):
        # 'We willen vrijwilligers insuline laten geven. Kan dat?': the story names who would act.
        delegate = _delegate(mentions, norm)
    if kind in ("asker", "other", "unknown") and delegate is not None:
        # 'kan ik een vrijwilliger de opdracht geven om ...': the volunteer would act, not the asker
        kind, actor_mention = "other", delegate
    elif kind == "asker" and allow and story_actor is not None:
        kind, actor_mention = "other", story_actor
    elif kind == "asker" and story_actor is not None and role in ("zorgprofessional", "zorginstelling") and _WHO_IS_RIGHT.search(q_norm):
        # 'De dochter wil zijn steunkousen aantrekken; een collega zegt dat dat niet mag. Wie heeft er gelijk,
        # en wat moet ik regelen?': staff ask about the daughter's task, not their own.
        kind, actor_mention = "other", story_actor
    elif kind == "asker" and allow:
        target = next((m for m in mentions if m.role in ("vrijwilliger", "mantelzorger") and not m.self_described and q_norm.find(m.words) >= 0), None)
        if target is not None:
            kind, actor_mention = "other", target
    carer_of_asker = _does_the_askers_care(mentions, norm) if (kind == "asker" and _ASKS_WHO_DECIDES.search(q_norm)) or (
        kind in ("unknown", "asker") and role == "zorgvrager" and (kind == "unknown" or c.has("facts", "harm_done", norm))) or (
        kind == "unknown" and role is None) or (
        kind == "asker" and role == "zorgvrager" and _CARE_RECEIVER_SAYS_NO.search(norm)) or (
        # 'De zoon van mijn buurvrouw druppelt mijn ogen ... Kan ik de thuiszorg aansprakelijk stellen?'
        kind == "asker" and role in (None, "zorgvrager") and _HOLDS_LIABLE.search(q_norm)) else None
    if carer_of_asker is None and kind == "asker" and role == "zorgvrager" and _CARE_RECEIVER_SAYS_NO.search(norm):
        carer_of_asker = _first_relative(mentions)
    if carer_of_asker is None and kind == "unknown" and role is None:
        carer_of_asker = next((m for m in mentions if m.relation and not m.self_described and _did_the_askers_care(m, norm)), None)
    if carer_of_asker is not None:
        # 'of mijn kleindochter mijn ogen mag druppelen ... Moet ik dat niet zelf beslissen?':
        # the asker is the one cared for and decides; the granddaughter would act.
        kind, actor_mention = "other", carer_of_asker
    if kind == "unknown":
        # 'Mag dat?': who does it follows from the story; someone else only when
        # that person is the one who wants to or does do it.
        actor_mention = story_actor
        doer = re.search(r"\b(ik|wij|we) (wil|wilde|zou|ga|doe|help|spuit|geef|trek|druppel|verzorg|prik)\b", norm) or re.search(
            r"\b(doe|help|spuit|geef|trek|druppel|verzorg|prik|was|douche|verschoon|deed|hielp|spoot|gaf) (ik|wij|we)\b", norm) or re.search(
            r"\b(als|wanneer|voordat|zodat) (ik|wij|we)\b", q_norm) or re.search(
            r"\b(ik|wij|we) (\w+ ){0,8}(zou|zouden|wil|willen) (\w+ ){0,4}(overnemen|zelf doen|leren)\b", norm)
        kind = "other" if actor_mention is not None and not doer and not asked_to_act else "asker"

    relative = next((m for m in mentions if m.relation and m.possessive in ("mijn", "m'n", "mn", "me", "onze")
                     and lex.kb.relations[m.relation].bond == "persoonlijk"), None)
    if relative is None:
        # 'Ik ben de zoon van een man met dementie': the asker names the bond from her side.
        relative = next((m for m in mentions if m.relation and lex.kb.relations[m.relation].bond == "persoonlijk"
                         and re.search(r"\bik ben (nu |dus |zelf )?$", norm[max(0, m.start - 16):m.start])
                         and norm[m.start + len(m.words):].startswith(" van ")), None)
    situation = Situation(text=text, asker_role=role, asker_role_stated=role is not None, mentions=tuple(mentions), english=english,
                          own_relative=relative.relation if relative else None)

    if kind == "asker":
        receiver, receiver_mention = _receiver_for_asker(lex, norm, mentions)
        relation = receiver_mention.relation if receiver_mention else None
        if receiver == "self":
            relation = "zelf"
        elif relation is None and relative is not None and not _only_speaks(relative, norm) and not _past_aside(relative, norm):
            relation = relative.relation  # 'ik ben de dochter van mevrouw Jansen'
        elif relation is None:
            # 'ik ben maar de buurvrouw', 'ik woon al dertig jaar naast hem', 'mag ik als buurvrouw ...'
            relation = next((r for r in ("familie", "vriend", "buur") if c.has("facts", f"asker_relation_{r}", norm)), None) \
                or next((m.relation for m in mentions if m.self_described and m.relation), None)
        receiver_age = (receiver_mention.age if receiver_mention else None) or ages.get("asker" if receiver == "self" else "")
        if receiver == "self" and receiver_age is None:
            receiver_age = ages.get("asker")
        situation = replace(
            situation, actor="asker", receiver=receiver, relation=relation,
            receiver_words=receiver_mention.words if receiver_mention else None,
            receiver_age=receiver_age, actor_age=ages.get("asker") if receiver != "self" else None,
        )
    else:
        actor_role = (actor_mention.role if actor_mention else None) or plural_role
        relation = actor_mention.relation if actor_mention else None
        if plural_role == "mantelzorger" and relation is None:
            relation = "familie"
        receiver = "other"
        receiver_age = None
        # 'Mag hij zelf toestemming geven?' is about deciding, not about doing the care himself.
        q_norm_tail = re.sub(r"\bzelf (nog |ook |wel |dan )*(toestemming|beslissen|besluiten|bepalen|kiezen|ja zeggen|nee zeggen)\b", r"\2", q_norm)
        if (actor_mention is not None and c.has("facts", "actor_self_care", norm)) or re.search(rf"\b({_THIRD_PERSON}|{re.escape(actor_mention.words) if actor_mention else 'xx'}) (\w+ ){{0,6}}(zelf|zichzelf|bij zichzelf)\b", q_norm_tail) or (
            actor_mention is not None and c.has("facts", "self_task", q_norm_tail.replace("mijn", "zijn"))
            and re.search(r"\b(zelf|zichzelf)\b", q_norm_tail)
        ):
            receiver, relation = "self", "zelf"
            receiver_age = actor_mention.age if actor_mention else None
        elif actor_mention is not None and actor_mention is carer_of_asker:
            receiver = "asker"
            receiver_age = ages.get("asker")
        elif actor_mention is not None and actor_mention.possessive in ("mijn", "m'n", "mn", "") and (
                re.search(r"\b(bij mij|mij|me helpen|mijn (insuline|steunkousen|ogen|wond|stoma|sonde|medicijnen|medicatie|prik|injectie|kousen|bloedsuiker))\b", q_norm)
                or (role == "zorgvrager" and c.has("facts", "self_own_task", norm))
                # a care receiver whose partner wants to help, with nobody else named to be helped
                or (role == "zorgvrager" and not any(m.relation and m is not actor_mention for m in mentions))):
            # 'mijn buurman biedt aan mijn insuline te spuiten', told by the one cared for
            receiver = "asker"
            receiver_age = ages.get("asker")
        else:
            target = next((m for m in mentions if m is not actor_mention and m.start > (actor_mention.start if actor_mention else -1)), None)
            receiver_age = target.age if target else None
            if actor_mention is not None and actor_mention.role and not actor_mention.relation and target is not None and target.relation:
                # 'mag een vrijwilliger bij mijn moeder ...': the volunteer has no bond with her;
                # 'een vrijwilliger helpt haar eigen vader': the volunteer's own relative.
                gap = target.start - (actor_mention.start + len(actor_mention.words))
                own = target.possessive in ("haar", "zijn", "hun") and (" eigen " in f" {target.words} " or gap < 25) \
                    and not re.match(r" (deed|deden|hielp|gaf|spoot|verzorgde)\b", norm[target.start + len(target.words):])
                # not 'omdat hij dat jarenlang bij zijn eigen vrouw deed': a past aside, not the one helped
                relation = target.relation if own and lex.kb.relations[target.relation].bond == "persoonlijk" else None
        situation = replace(
            situation, actor="other", actor_words=actor_mention.words if actor_mention else None,
            actor_role=actor_role, receiver=receiver, relation=relation,
            receiver_age=receiver_age, actor_age=actor_mention.age if actor_mention and receiver != "self" else None,
        )

    situation = _care_receiver_age(situation, mentions, ages, norm)
    if story_actor is not None:
        situation = replace(situation, doer_words=story_actor.words, doer_role=story_actor.role,
                            doer_relation=story_actor.relation if story_actor.of_other or story_actor.relation else None)
    return _circumstances(lex, situation, norm)


def _care_receiver_age(s: Situation, mentions: List[Mention], ages: Dict[str, int], norm: str) -> Situation:
    """The age that decides consent when the question names someone else
    ('Moeten zijn ouders instemmen?'): the asker's own age when the care is for
    the asker ('ik ben 13 ... mijn prik'), else the age of the relative named."""
    if s.receiver_age is not None or s.receiver == "self":
        return s
    if s.actor == "other" and "asker" in ages and cues().has("facts", "self_task", norm):
        return replace(s, receiver="asker", receiver_age=ages["asker"])
    if s.receiver == "asker" or (s.asker_role == "zorgvrager" and "asker" in ages):
        # A care receiver telling their own age asks about care for themselves.
        return replace(s, receiver_age=ages.get("asker"))
    # 'Een 15-jarige patiënt wil dat zijn oudere broer (22) leert ...': the patient is the one cared for.
    receiver_noun = next((age for noun, age in ages.items() if noun in _RECEIVER_NOUNS), None)
    if receiver_noun is not None:
        return replace(s, receiver_age=receiver_noun)
    aged = next((m for m in mentions if m.age is not None and m.relation and m.words != s.actor_words), None)
    return replace(s, receiver_age=aged.age) if aged is not None else s


_RECEIVER_NOUNS = {"patient", "patiente", "client", "cliente", "bewoner", "bewoonster", "jongen", "meisje", "kind",
                   "zorgvrager", "puber", "tiener", "deelnemer"}


def _circumstances(lex: Lexicon, s: Situation, norm: str) -> Situation:
    c = cues()
    has = lambda key: c.has("facts", key, norm)  # noqa: E731
    tasks = tuple(lex.tasks_in(s.text))
    guessed = False
    if not tasks:
        fuzzy = lex.tasks.fuzzy(s.text)
        tasks, guessed = ((fuzzy.id,), True) if fuzzy else ((), False)
    capacity = "wilsonbekwaam" if has("wilsonbekwaam") else ("bekwaam" if has("capable") else ("twijfel" if has("capacity_doubt") else None))
    refusal = None
    asker_refuses = re.search(r"\b(ik (wil|wilde)|(we|wij) (willen|wilden)) (het |dat |dit )?(eigenlijk |juist |ook |liever )?niet\b|\bik (ben|heb|zorg|woon) [^.,?]{0,30} en wil (het |dat |dit )?(eigenlijk |juist |ook |liever )?niet\b", norm)
    if has("receiver_refuses") and not asker_refuses:
        # Told by the one cared for, 'hij wil geen hulp' is the carer's no; her own no is 'ik wil niet'.
        refusal = "actor" if s.receiver in ("self", "asker") else "receiver"
    if re.search(r"\b(kan|mag|mogen|kunnen) (een|de) (verpleegkundige|zorgprofessional|verzorgende|vrijwilliger|mantelzorger|medewerker|helpende)s? (dat |het |dit )?(ook |altijd |gewoon )?weigeren\b", norm):
        refusal = "actor"  # 'kan een verpleegkundige weigeren als ze zich niet zeker voelt?': the one asked to do it says no
    third = _THIRD_PARTY_REFUSES.search(norm)
    if refusal == "receiver" and third:
        refusal = "derde"  # 'zijn vrouw wil niet dat de vrijwilliger hem helpt': a relative says no, not the one cared for
    if s.asker_role == "wettelijk_vertegenwoordiger" and re.search(r"\bik (ben|was) (er|daar) (op )?tegen\b|\bik (geef|wil) (daar |er )?geen toestemming\b", norm):
        refusal = "receiver"  # the representative decides for the person and says no
    if asker_refuses and has("receiver_refuses") and _OWN_INFO.search(norm) and refusal is None:
        refusal = "actor"  # 'ik ben 17 en wil niet dat mijn moeder mijn dossier leest': her own information
    if has("actor_unwilling"):
        # 'Ik wil niet dat mijn schoondochter mij wast': the asker is the one cared for, so it is the receiver who refuses.
        refusal = refusal or ("receiver" if s.receiver in ("self", "asker") or (s.asker_role == "zorgvrager" and s.asker_role_stated) else "actor")
    paid = "pgb" if has("paid_pgb") else ("vergoeding" if has("allowance") else ("loon" if has("salary") else None))
    spontaneous: Optional[bool] = None
    if has("not_asked") and has("on_request") and re.search(r"\b(verandert|veranderen|anders|voortaan|vanaf nu|nu (wil|willen|vraagt|vragen))\b", norm):
        spontaneous = False  # 'Ze helpt uit zichzelf; nu wil het team haar vragen het vast te doen. Verandert dat iets?'
    elif has("not_asked"):
        spontaneous = True
    elif has("on_request"):
        spontaneous = False
    structural = True if has("structural") else (False if has("occasional") else None)
    if spontaneous is None and structural is False and has("helps_others"):
        spontaneous = True  # 'af en toe help ik ook een andere bewoner' without being asked
    helps_others = has("helps_others")
    # 'meneer Kramer' names someone; 'meneer vindt dat prima' does not.
    named = {m.group(2) for m in re.finditer(r"\b(meneer|mevrouw|de heer) ([a-z]{2,})\b", norm) if not _NOT_A_NAME.match(m.group(2))}
    if not helps_others and s.actor == "other" and any(m.of_other for m in s.mentions) and len(named) >= 2:
        # 'De dochter van mevrouw Jansen neemt ook meneer Pieters mee': a relative helping another resident.
        helps_others = True
    setting = next((name for name in ("ziekenhuis", "verpleeghuis", "thuis") if has(f"setting_{name}")), None)
    emergency = _emergency_now(s.text)
    non_care = bool(_NON_CARE.search(norm)) and not tasks
    if s.asker_role == "wettelijk_vertegenwoordiger" and capacity is None:
        capacity = "wilsonbekwaam"  # a mentor or representative decides because the person cannot
    return replace(
        s, tasks=tasks, task_guessed=guessed, capacity=capacity, not_responded=has("not_responded"), doing_wrong=has("doing_wrong"),
        foreseeable=has("foreseeable"), risky=has("risky") or bool(tasks and any(lex.kb.tasks[t].voorbehouden == "ja" for t in tasks)),
        communication_problem=has("communication_problem"), refusal=refusal, consent_given=has("consent_given"), paid=paid,
        free_time=True if has("free_time") else None, at_work=has("at_work") and not has("free_time"),
        spontaneous=spontaneous, structural=structural, helps_others=helps_others,
        bond_from_start=True if has("bond_from_start") else (False if has("no_prior_bond") else None), bond_later=has("bond_later"), bond_ended=has("bond_ended"),
        via_volunteer_org=has("via_volunteer_org"), setting=setting, emergency_now=emergency,
        non_care_activity=non_care,
    )


def _emergency_now(text: str) -> bool:
    """An emergency is happening now: a cue in a sentence that is not about
    the past and not hypothetical ('vorige maand moest de ambulance komen')."""
    c = cues()
    for sentence in sentences(text) or [text]:
        norm = normalize(sentence)
        for pattern in c.groups["facts"]["condition_history"]:
            norm = pattern.sub(" ", norm)
        if not c.has("facts", "emergency_now", norm):
            continue
        if c.has("facts", "hypothetical_marker", norm) or c.has("facts", "recovered", norm) or c.has("facts", "gradual_decline", norm):
            continue
        # 'Ze reageert niet meer' is now even if the sentence also says 'toen ik haar uit bed hielp'.
        if c.has("facts", "emergency_present", norm):
            return True
        if c.has("facts", "past_marker", norm):
            continue
        whole = normalize(text)
        if c.has("facts", "perfect_tense", norm) and c.has("facts", "looking_back", whole) and not c.has("facts", "asks_what_now", whole) and not c.has("facts", "emergency_present", whole) \
                and not c.has("facts", "present_symptom", whole):
            continue  # 'een medewerker heeft een cliënt de verkeerde medicijnen gegeven. Klopt dat ...?'
        if re.search(r"\b(was|waren|had|hadden|ging|lag|werd|kreeg|moest|is geweest|heeft gehad)\b", norm):
            continue
        return True
    return False


def emergency_now(text: str) -> bool:
    """Is an emergency happening now, according to this message?"""
    return _emergency_now(text)


def describe(s: Situation) -> Dict[str, object]:
    """A compact, loggable view (no free text) for debugging and tests."""
    keep = ("asker_role", "own_relative", "actor", "actor_words", "actor_role", "receiver", "relation", "tasks", "receiver_age", "actor_age",
            "capacity", "refusal", "paid", "free_time", "spontaneous", "structural", "helps_others", "bond_later", "bond_ended", "setting",
            "emergency_now", "english", "non_care_activity")
    tri_state = ("free_time", "spontaneous", "structural")
    return {k: getattr(s, k) for k in keep if getattr(s, k) not in (None, ()) and (getattr(s, k) is not False or k in tri_state)}
