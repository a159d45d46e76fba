"""Typed facts of the knowledge base, shared by the YAML schema, the database
layer and the rule logic. Every fact carries the passage(s) it rests on."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

VERDICTS = ("ja", "ja_onder_voorwaarden", "nee", "hangt_af")
VOORBEHOUDEN_VALUES = ("ja", "nee", "niet_vermeld")
BONDS = ("zelf", "persoonlijk", "geen")
SCOPES = ("alle", "voorbehouden")


@dataclass(frozen=True)
class Citation:
    doc: str
    section: str
    quote: str

    def as_dict(self) -> Dict[str, str]:
        return {"doc": self.doc, "section": self.section, "quote": self.quote}


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    title: str
    publisher: str


@dataclass(frozen=True)
class Responsibility:
    text: str
    source: Citation


@dataclass(frozen=True)
class Role:
    id: str
    label: str
    description: str
    synonyms: Tuple[str, ...]
    wet_big_applies: str
    source: Citation
    responsibilities: Tuple[Responsibility, ...]
    definition: str = ""  # third person: 'Een zorgvrager heeft zelf zorg nodig.'


@dataclass(frozen=True)
class Task:
    id: str
    label: str
    category: str
    voorbehouden: str
    synonyms: Tuple[str, ...]
    mentioned: Citation
    voorbehouden_source: Optional[Citation] = None
    # How the task reads after "mag je ...": "de wondzorg doen"; the label when empty.
    phrase: str = ""

    @property
    def doing(self) -> str:
        return self.phrase or self.label


@dataclass(frozen=True)
class Relation:
    id: str
    bond: str
    synonyms: Tuple[str, ...]
    source: Citation
    other_than_own: bool = False


@dataclass(frozen=True)
class Condition:
    id: str
    text: str
    explain: str
    source: Citation


@dataclass(frozen=True)
class Permission:
    id: str
    role: str
    scope: str
    verdict: str
    summary: str
    conditions: Tuple[str, ...]
    source: Citation
    depends_on: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    text: str
    source: Citation


@dataclass(frozen=True)
class Liability:
    role: str
    liable: Tuple[str, ...]
    summary: str
    source: Citation
    notes: Tuple[Note, ...] = ()
    exceptions_apply: bool = False


@dataclass(frozen=True)
class LiabilityException:
    id: str
    title: str
    text: str
    source: Citation


@dataclass(frozen=True)
class RoleQuestion:
    fact: str
    text: str


@dataclass(frozen=True)
class RoleOutcome:
    id: str
    role: str
    explanation: str
    source: Citation


@dataclass(frozen=True)
class RoleCase:
    id: str
    title: str
    story: str
    facts: Dict[str, bool]
    outcome: str
    source: Citation


@dataclass(frozen=True)
class SockQuestion:
    letter: str
    name: str
    question: str
    skip_for_self: bool
    source: Citation


@dataclass(frozen=True)
class ConsentBand:
    id: str
    min_age: int
    max_age: int
    who: str
    text: str
    source: Citation


TOPIC_KINDS = ("onderwerp", "methode", "verwijzing", "praktijkvraag", "veiligheid")


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    answer: str
    sources: Tuple[Citation, ...]
    # Phrases that show a question is about this topic (understanding data,
    # like a task's synonyms); matched on normalised text.
    keywords: Tuple[str, ...] = ()
    kind: str = "onderwerp"
    # The roles the topic is written for; empty means everyone.
    roles: Tuple[str, ...] = ()
    # The first line: `short`, or the first of `leads` whose `when` pattern
    # matches the normalised question (a question can be asked both ways:
    # "mogen we alleen met de eerste contactpersoon praten?" / "mag ik het de zoon vertellen?").
    short: str = ""
    leads: Tuple[Tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SourceDifference:
    """Where the sources read a situation differently: both readings, and how
    the answer combines them."""

    id: str
    title: str
    readings: Tuple[Note, ...]
    combined: str
    keywords: Tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyPoint:
    id: str
    text: str
    keywords: Tuple[str, ...]


@dataclass(frozen=True)
class PracticeQuestion:
    id: str
    question: str
    answer: str
    key_points: Tuple[KeyPoint, ...]
    source: Citation


@dataclass(frozen=True)
class RolePlay:
    """A short role play for practising a dilemma: who the assistant plays,
    what that person says first, and a reply to the staff member's answer."""

    plays: str
    opening: str
    reply: str


@dataclass(frozen=True)
class Dilemma:
    id: str
    title: str
    situation: str
    tension: str
    source: Citation
    values: Tuple[str, ...] = ()  # the values in tension, one word or phrase each
    suggestions: Tuple[Note, ...] = ()  # what the sources suggest, each with its passage
    keywords: Tuple[str, ...] = ()
    role_play: Optional[RolePlay] = None


@dataclass(frozen=True)
class AnswerOption:
    """One answer to choose in a practice case; `words` count as it when typed."""

    value: str
    title: str
    words: Tuple[str, ...] = ()


@dataclass(frozen=True)
class PracticeCase:
    """A hand-written practice case with its right answer and the feedback."""

    id: str
    theme: str
    question: str
    options: Tuple[AnswerOption, ...]
    expected: str
    explanation: str
    source: Citation
    situation: str = ""


@dataclass(frozen=True)
class Choice:
    id: str
    title: str


@dataclass
class KnowledgeBase:
    """The whole knowledge base in memory: what the loader writes and the
    repository reads back."""

    sources: Dict[str, Source] = field(default_factory=dict)
    roles: Dict[str, Role] = field(default_factory=dict)
    tasks: Dict[str, Task] = field(default_factory=dict)
    relations: Dict[str, Relation] = field(default_factory=dict)
    conditions: Dict[str, Condition] = field(default_factory=dict)
    permissions: List[Permission] = field(default_factory=list)
    liability: Dict[str, Liability] = field(default_factory=dict)
    liability_exceptions: List[LiabilityException] = field(default_factory=list)
    role_questions: List[RoleQuestion] = field(default_factory=list)
    role_outcomes: Dict[str, RoleOutcome] = field(default_factory=dict)
    role_cases: List[RoleCase] = field(default_factory=list)
    sock_questions: List[SockQuestion] = field(default_factory=list)
    consent_bands: List[ConsentBand] = field(default_factory=list)
    topics: Dict[str, Topic] = field(default_factory=dict)
    practice_questions: Dict[str, PracticeQuestion] = field(default_factory=dict)
    dilemmas: Dict[str, Dilemma] = field(default_factory=dict)
    # Oefenmodus: themes, hand-written cases and the perspectives of the dilemma game.
    practice_themes: List[Choice] = field(default_factory=list)
    practice_cases: Dict[str, PracticeCase] = field(default_factory=dict)
    perspectives: List[Choice] = field(default_factory=list)
    source_differences: Dict[str, SourceDifference] = field(default_factory=dict)
    # Free-standing sourced texts (SO(C)K intro, wilsonbekwaam rule, ...), by key.
    notes: Dict[str, Note] = field(default_factory=dict)

    def note(self, key: str) -> Note:
        return self.notes[key]
