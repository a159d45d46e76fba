"""Practice cases: a situation, a question, the answers to choose from, the
right answer and the feedback with its source. Cases come from the knowledge
base (hand-written cases, role cases, practice questions, dilemmas) and from
the rules (bot/practice/generate.py); they travel in the conversation as plain
dicts, so a round survives a restart of the action server."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Mapping, Tuple

from bot.kb.domain import Citation, KnowledgeBase, PracticeQuestion

KIND_CHOICE = "keuze"  # choose one of the options
KIND_OPEN = "open"  # free text, graded on key points
KIND_DILEMMA = "dilemma"  # no right answer: perspective, values, role play

# Which knowledge-base practice question belongs to which theme.
QUESTION_THEMES = {"mieke_insuline": "mag_dit", "dochter_zorgplan": "privacy", "vrijwilliger_dossier": "privacy",
                   "eerste_contactpersoon": "privacy"}

ROLE_OPTIONS: Tuple[Tuple[str, str, Tuple[str, ...]], ...] = (
    ("mantelzorger", "Mantelzorger", ("mantelzorger", "mantelzorg", "mantelzorgster", "naaste")),
    ("vrijwilliger", "Vrijwilliger", ("vrijwilliger", "vrijwilligster", "vrijwillig")),
    ("zorgprofessional", "Zorgprofessional", ("zorgprofessional", "professional", "beroepskracht", "zorgverlener", "medewerker")),
    ("zorgvrager", "Zorgvrager", ("zorgvrager", "client", "patient")),
    ("zorginstelling", "Zorginstelling", ("zorginstelling", "instelling", "organisatie")),
)


def cite(c: Citation, kb: KnowledgeBase) -> str:
    source = kb.sources.get(c.doc)
    title = source.title if source else c.doc
    return f"{title}, '{c.section}' (\"{c.quote}\")"


@dataclass(frozen=True)
class Case:
    id: str
    theme: str
    kind: str
    question: str
    situation: str = ""
    options: Tuple[Tuple[str, str, Tuple[str, ...]], ...] = ()  # (value, title, words)
    expected: str = ""
    explanation: str = ""
    source: str = ""
    key_points: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()  # (text, keywords) for open cases
    model_answer: str = ""
    # What the expected answer rests on: a knowledge-base entry or the rule
    # inputs of a generated case (checked against the rules by the tests).
    basis: Dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Case":
        d = dict(data)
        d["options"] = tuple((o[0], o[1], tuple(o[2])) for o in d.get("options") or ())
        d["key_points"] = tuple((k[0], tuple(k[1])) for k in d.get("key_points") or ())
        return cls(**d)

    def title_of(self, value: str) -> str:
        return next((t for v, t, _ in self.options if v == value), value)


def handwritten(kb: KnowledgeBase) -> List[Case]:
    return [
        Case(c.id, c.theme, KIND_CHOICE, c.question, c.situation, tuple((o.value, o.title, o.words) for o in c.options),
             c.expected, c.explanation, cite(c.source, kb), basis={"kb": f"cases:{c.id}"})
        for c in kb.practice_cases.values()
    ]


def role_cases(kb: KnowledgeBase) -> List[Case]:
    out = []
    for rc in kb.role_cases:
        outcome = kb.role_outcomes[rc.outcome]
        out.append(Case(f"rolcasus_{rc.id}", "rol", KIND_CHOICE, "Welke rol heeft deze persoon hier?", rc.story, ROLE_OPTIONS,
                        outcome.role, outcome.explanation, cite(rc.source, kb), basis={"kb": f"role_cases:{rc.id}"}))
    return out


def open_question(kb: KnowledgeBase, q: PracticeQuestion) -> Case:
    return Case(f"praktijk_{q.id}", QUESTION_THEMES.get(q.id, "samenwerken"), KIND_OPEN, q.question,
                key_points=tuple((k.text, k.keywords) for k in q.key_points), model_answer=q.answer,
                source=cite(q.source, kb), basis={"kb": f"practice:{q.id}"})


def practice_questions(kb: KnowledgeBase) -> List[Case]:
    return [open_question(kb, q) for q in kb.practice_questions.values()]


def dilemmas(kb: KnowledgeBase) -> List[Case]:
    return [Case(f"dilemma_{d.id}", "dilemma", KIND_DILEMMA, d.title, d.situation, source=cite(d.source, kb),
                 basis={"kb": f"dilemmas:{d.id}"}) for d in kb.dilemmas.values()]
