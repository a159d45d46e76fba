"""Plain-text helpers shared by the understanding components: normalising
informal Dutch, splitting a story into sentences and finding the question in it."""
from __future__ import annotations

import re
import unicodedata
from typing import List

# Words a Dutch question sentence starts with ("Mag ik ...", "Wie is ...").
_QUESTION_START = re.compile(
    r"^(mag|mogen|moet|moeten|kan|kun|kunnen|ben|is|zijn|wie|wat|hoe|waar|wanneer|welke|welk|waarom|word|wordt|"
    r"worden|heb|hebt|heeft|hebben|klopt|geldt|gelden|val|valt|vallen|zou|zouden|mocht|mag|hoort|hoeft|hoef|"
    r"verandert|blijf|blijft|krijg|krijgt|tel|telt|tellen|doe|doet|can|may|should|who|what|how|is|am|do|does|must)\b"
)
_QUESTION_PHRASE = re.compile(
    r"\b(vraag (me|mij|ik me|ik mij) af|ik wil (graag )?weten|graag (zou ik )?(willen )?weten|graag verne?em ik|"
    r"weet (iemand|jij|u) of|is het (wel )?(toegestaan|goed|verstandig)|ik twijfel|kunt u (mij )?vertellen|"
    r"kun je (me|mij)? ?vertellen|ik vroeg me af|i wonder|i would like to know|zie ik (het|dat) (goed|juist)|"
    r"begrijp ik (het|dat) (goed|juist)|heb ik (het )?(gelijk|goed)|heeft (hij|zij|ze|mijn \w+) gelijk)\b"
)


_VERB_FIRST = re.compile(r"^(?!(stel|denk|zeg|kijk|let|neem|geef|laat|weet)\b)[a-z]+(t|d|l|n|r|k|p|f|s|g|m)? (ik|jij|je|hij|zij|ze|we|wij|u|jullie) (dan|nu|eigenlijk|wel|nog|ook|daar|hier|daarmee|hiermee)\b")
_SUBORDINATE = re.compile(r"^(ook al|ook als|zelfs als|terwijl|omdat|want|hoewel|als|nu|sinds|zodat|ondanks|even if|although|because|since|while)\b")


def normalize(text: str) -> str:
    """Lowercase, strip accents and punctuation: 'Cliënt!' -> 'client'."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("’", "'").replace("‘", "'")
    # 'insuline-injectie' reads as 'insuline injectie', so the task words are found.
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    text = re.sub(r"(?<![a-z])'|'(?![a-z])", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> List[str]:
    """Split on sentence ends and line breaks; keeps the '?' so questions are known."""
    text = re.sub(r"\s+", " ", (text or "").replace("\n", " . ")).strip()
    parts = re.split(r"(?<=[.!?])\s+|(?<=[.!?])(?=[A-Z])|\s+\.\s+", text)
    out = []
    for part in parts:
        part = part.strip(" .")
        if len(normalize(part)) > 1:
            out.append(part)
    return out


def is_question(sentence: str) -> bool:
    s = sentence.strip()
    if s.endswith("?"):
        return True
    # 'Maar wat is ...', 'En mag ik ...': a leading conjunction does not make it a statement.
    norm = re.sub(r"^(maar|en|dus|want|nou|oke|ok|of) ", "", normalize(s))
    return bool(_QUESTION_START.match(norm) or _QUESTION_PHRASE.search(norm))


def question_sentences(text: str) -> List[str]:
    """The sentences that ask something; the whole text when none stands out.

    Clauses joined with ', ' after a statement ("... en de teamleider vraagt of
    ik help, ben ik dan nog mantelzorger?") are split so the asking part is found."""
    found: List[str] = []
    for sentence in sentences(text):
        if not is_question(sentence):
            continue
        clauses = [c for c in re.split(r",\s+(?=[a-zA-Z])", sentence) if c.strip()]
        # '..., ook al ben ik geen familie?' completes the clause before it.
        while len(clauses) > 1 and _SUBORDINATE.match(normalize(clauses[-1])):
            clauses[-2:] = [clauses[-2] + ", " + clauses[-1]]
        # 'Handel ik dan onder de Wet BIG, en word ik ...?': a verb before its subject asks too.
        tail = [c for c in clauses if is_question(c) or _VERB_FIRST.match(normalize(c))]
        found.append(", ".join(tail) if tail and len(clauses) > 1 and clauses[-1] in tail else sentence)
    return found or [text.strip()]
