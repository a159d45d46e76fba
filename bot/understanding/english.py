"""English questions: recognised, and glossed into Dutch care terms so the
Dutch understanding can read them. The answer stays Dutch, with a one-line
English note (the sources are Dutch)."""
from __future__ import annotations

import re
from typing import List, Tuple

_ENGLISH = {"the", "is", "can", "i", "my", "you", "what", "how", "do", "to", "for", "with", "and", "please", "help", "may",
            "mother", "father", "hello", "hi", "english", "are", "does", "should", "insulin", "allowed", "who", "if", "she",
            "he", "her", "his", "am", "we", "our", "it", "not", "give", "be", "someone", "care", "want", "when", "of", "an", "a"}
_DUTCH = {"de", "het", "een", "ik", "mijn", "mag", "je", "en", "van", "bij", "wat", "hoe", "niet", "dat", "voor", "met", "kan",
          "zijn", "haar", "hij", "zij", "ze", "wie", "moet", "ben", "heb", "die", "er", "op", "ook", "als", "aan", "om", "zorg"}

# English phrase -> Dutch, longest first. Only what a care question needs.
_GLOSSARY: List[Tuple[str, str]] = sorted([
    ("am i allowed to", "mag ik"), ("the dutch big law", "de wet big"), ("big law", "wet big"), ("stop me from", "verbiedt mij"),
    ("change the bag", "het stomazakje verwisselen"), ("have a", "heb een"), ("now have", "heb nu"), ("have", "heb"), ("are we allowed to", "mogen wij"), ("is it allowed", "mag dat"), ("is that allowed", "mag dat"),
    ("is it ok", "mag dat"), ("is that ok", "mag dat"), ("can i", "mag ik"), ("may i", "mag ik"), ("could i", "mag ik"),
    ("can we", "mogen wij"), ("can my", "mag mijn"), ("can a", "mag een"), ("can she", "mag zij"), ("can he", "mag hij"),
    ("may a", "mag een"), ("who is liable", "wie is aansprakelijk"), ("who is responsible", "wie is aansprakelijk"),
    ("liable", "aansprakelijk"), ("liability", "aansprakelijkheid"), ("goes wrong", "misgaat"), ("something goes wrong", "het misgaat"),
    ("who decides", "wie beslist"), ("consent", "toestemming"), ("permission", "toestemming"), ("refuses", "weigert"),
    ("refuse", "weigeren"), ("does not want", "wil niet"), ("doesn't want", "wil niet"), ("do i have to", "moet ik"),
    ("must i", "moet ik"), ("am i", "ben ik"), ("i am", "ik ben"), ("i'm", "ik ben"), ("i have", "ik heb"), ("my own", "mijn eigen"),
    ("myself", "zelf"), ("my", "mijn"), ("our", "onze"), ("her", "haar"), ("his", "zijn"), ("insulin shots", "insuline spuiten"),
    ("insulin injections", "insuline spuiten"), ("insulin", "insuline"), ("injections", "injecties"), ("injection", "injectie"),
    ("inject", "injecteren"), ("shots", "injecties"), ("eye drops", "oogdruppels"), ("compression stockings", "steunkousen"),
    ("support stockings", "steunkousen"), ("stockings", "steunkousen"), ("wound care", "wondzorg"), ("wound", "wond"),
    ("dressing", "verband"), ("tube feeding", "sondevoeding"), ("feeding tube", "sondevoeding"), ("medication", "medicijnen"),
    ("medicine", "medicijnen"), ("medicines", "medicijnen"), ("pills", "pillen"), ("blood sugar", "bloedsuiker"),
    ("hoist", "tillift"), ("shower", "douchen"), ("washing", "wassen"), ("mum", "moeder"), ("mom", "moeder"), ("mother", "moeder"),
    ("dad", "vader"), ("father", "vader"), ("sister", "zus"), ("brother", "broer"), ("wife", "vrouw"), ("husband", "man"),
    ("daughter", "dochter"), ("son", "zoon"), ("grandmother", "oma"), ("grandma", "oma"), ("grandfather", "opa"), ("grandpa", "opa"),
    ("neighbour", "buurman"), ("neighbor", "buurman"), ("friend", "vriend"), ("partner", "partner"), ("child", "kind"),
    ("volunteers", "vrijwilligers"), ("volunteer", "vrijwilliger"), ("nurse", "verpleegkundige"), ("caregiver", "mantelzorger"),
    ("informal carer", "mantelzorger"), ("carer", "mantelzorger"), ("care worker", "zorgmedewerker"), ("residents", "bewoners"),
    ("resident", "bewoner"), ("other residents", "andere bewoners"), ("client", "cliënt"), ("patient", "patiënt"),
    ("nursing home", "verpleeghuis"), ("care home", "verpleeghuis"), ("hospital", "ziekenhuis"), ("at home", "thuis"),
    ("care plan", "zorgplan"), ("care file", "zorgdossier"), ("medical record", "zorgdossier"), ("emergency", "noodgeval"),
    ("not breathing", "ademt niet"), ("unconscious", "bewusteloos"), ("not responding", "reageert niet meer"),
    ("bleeding a lot", "bloedt heel erg"), ("how many units", "hoeveel eenheden"), ("dose", "dosis"), ("privacy", "privacy"),
    ("dementia", "dementie"), ("organisation", "organisatie"), ("organization", "organisatie"), ("years old", "jaar"),
    ("give", "geven"), ("help", "helpen"), ("with", "met"), ("for", "voor"), ("at", "bij"), ("in", "in"), ("do", "doen"),
    ("is", "is"), ("who", "wie"), ("what", "wat"), ("how", "hoe"), ("and", "en"), ("the", "de"), ("a", "een"), ("an", "een"),
    ("how much", "hoeveel"), ("how many", "hoeveel"), ("what role", "welke rol"), ("which role", "welke rol"), ("role", "rol"), ("personal budget", "pgb"), ("paid", "betaald"),
    ("legal representative", "wettelijk vertegenwoordiger"), ("representative", "vertegenwoordiger"), ("guardian", "mentor"),
    ("who has to agree", "wie moet toestemming geven"), ("who must agree", "wie moet toestemming geven"), ("agree", "instemmen"),
    ("can no longer understand", "begrijpt het niet meer"), ("alzheimer's", "alzheimer"), ("teach me", "mij aanleren"),
    ("teach", "aanleren"), ("steps", "stappen"), ("reserved procedure", "voorbehouden handeling"), ("reserved procedures", "voorbehouden handelingen"),
    ("be forced", "verplicht worden"), ("forced", "verplicht"), ("competent", "bekwaam"), ("care organisation", "zorginstelling"),
    ("care organization", "zorginstelling"), ("makes a mistake", "maakt een fout"), ("mistake", "fout"), ("are we liable", "zijn wij aansprakelijk"),
    ("home care", "thuiszorg"), ("looked after", "gezorgd voor"), ("since long before", "al lang voordat"), ("calls me", "noemt mij"),
    ("chest pain", "pijn op de borst"), ("choking", "stikt"), ("can't breathe", "krijgt geen lucht"), ("fell", "is gevallen"),
    ("share", "delen"), ("information", "informatie"), ("tell me", "mij vertellen"), ("overburdened", "overbelast"), ("exhausted", "uitgeput"),
    ("respite care", "respijtzorg"), ("do i need", "heb ik nodig"), ("need", "nodig"), ("train", "aanleren"), ("training", "scholing"),
    ("spouse", "partner"), ("may my", "mag mijn"), ("may the", "mag de"), ("legally", "volgens de wet"),
    ("spare time", "vrije tijd"), ("free time", "vrije tijd"), ("registered nurse", "verpleegkundige"), ("neighbour's", "buurman"),
    ("neighbor's", "buurman"), ("am i doing this as", "doe ik dat als"), ("am i doing it as", "doe ik het als"), ("or as", "of als"),
    ("at work", "op mijn werk"), ("unpaid", "onbetaald"), ("every evening", "elke avond"), ("every day", "elke dag"),
    ("blood thinners", "bloedverdunners"), ("blood thinner", "bloedverdunner"), ("painkillers", "pijnstillers"), ("painkiller", "pijnstiller"),
    ("together with", "samen met"), ("side effects", "bijwerkingen"), ("take", "innemen"),
    ("i run a", "wij zijn een"), ("we run a", "wij zijn een"), ("small company", "organisatie"), ("company", "organisatie"),
    ("our staff", "onze medewerkers"), ("my employees", "onze medewerkers"), ("employees", "medewerkers"), ("staff", "medewerkers"),
    ("paid informal care", "betaalde mantelzorg"),
    ("what does it mean for us", "wat betekent dat voor ons"), ("what does that mean for", "wat betekent dat voor"),
    ("in that case", "dan"), ("are my", "zijn mijn"), ("are our", "zijn onze"), ("are they", "zijn zij"), ("are", "zijn"),
    ("does he still need my permission", "is mijn toestemming nog nodig"), ("does she still need my permission", "is mijn toestemming nog nodig"),
    ("do they still need my permission", "is mijn toestemming nog nodig"), ("still need", "nog nodig"),
    ("girlfriend", "vriendin"), ("boyfriend", "vriend"),
    ("health inspectorate", "inspectie"), ("inspectorate", "inspectie"), ("come after me", "mij aanpakken"), ("make a mistake", "een fout maak"),
    ("first contact person", "eerste contactpersoon"), ("contact person", "contactpersoon"), ("what role do i actually have", "welke rol heb ik eigenlijk"),
    ("what role do i have", "welke rol heb ik"), ("still considered", "nog gezien als"), ("considered", "gezien als"), ("actually", "eigenlijk"),
    ("shut out", "buitengesloten"), ("the law requires", "de wet verplicht"), ("feeding tube", "sondevoeding"), ("spouse", "partner"),
    ("just turned", "is"), ("has just turned", "is"), ("turned", "is"),
    ("say yes", "ja zeggen"), ("say no", "nee zeggen"), ("have to", "moet"), ("has to", "moet"), ("do we have to", "moeten wij"),
    ("just do that", "dat zomaar doen"), ("just do it", "het zomaar doen"), ("if she asks me", "omdat zij het vraagt"),
    ("if he asks me", "omdat hij het vraagt"), ("asked me to", "vroeg mij om"), ("asked me", "vroeg mij"), ("asks me", "vraagt het"),
    ("take over", "overnemen"), ("learn", "leren"), ("learning", "leren"), ("allowed", "toegestaan"), ("under dutch law", "volgens de wet"),
    ("or", "of"), ("himself", "zelf"), ("herself", "zelf"), ("that", "dat"), ("this", "dit"), ("me as", "ik als"), ("me", "mij"),
    ("not", "niet"), ("want", "wil"), ("wants", "wil"), ("does", "doet"), ("should", "moet"), ("would", "zou"), ("each time", "elke keer"),
    ("every time", "elke keer"), ("again", "opnieuw"), ("coach", "trainer"), ("teacher", "leerkracht"), ("school", "school"),
    ("to", "te"), ("if", "als"), ("she", "zij"), ("he", "hij"), ("i", "ik"), ("we", "wij"), ("still", "nog"), ("a carer", "mantelzorger"),
], key=lambda pair: len(pair[0]), reverse=True)


def looks_english(text: str) -> bool:
    words = re.findall(r"[a-z']+", (text or "").lower())
    if len(words) < 2:
        return False
    english = sum(w in _ENGLISH for w in words)
    dutch = sum(w in _DUTCH and w not in _ENGLISH for w in words)
    return english >= 2 and english > dutch * 2


def gloss(text: str) -> str:
    """English care question -> rough Dutch with the terms the lexicon knows."""
    out = f" {text.lower()} "
    # 'Is a spouse (legally) allowed to ...' -> 'mag een spouse ...' before the words are glossed.
    out = re.sub(r"\bis (a|an|my|the|our) (\w+) (legally |really |actually )?allowed to\b", r"may \1 \2", out)
    for english, dutch in _GLOSSARY:
        out = re.sub(rf"(?<![a-z']){re.escape(english)}(?![a-z'])", dutch, out)
    return out.strip()
