"""The rule logic: small pure functions over the knowledge base.

`decide` answers "may this role do this task, and on what terms";
`determine_role` works out the asker's role from the distinguishing facts of
the "Ik twijfel over mijn rol" cases. Neither touches the database."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from bot.kb.domain import (
    Citation,
    Condition,
    KnowledgeBase,
    Liability,
    LiabilityException,
    Note,
    Permission,
    Responsibility,
    Role,
    RoleOutcome,
    RoleQuestion,
    Task,
)

# Stricter verdicts win when several rules apply.
_STRICTNESS = {"ja": 0, "ja_onder_voorwaarden": 1, "hangt_af": 2, "nee": 3}


class UnknownRole(LookupError):
    pass


class UnknownTask(LookupError):
    pass


@dataclass(frozen=True)
class Situation:
    """What the asker told about the circumstances; everything optional."""

    relation: Optional[str] = None  # relation id from relations.yml
    age: Optional[int] = None  # age of the care receiver
    wilsonbekwaam: bool = False
    spontaneous: Optional[bool] = None  # own initiative rather than on request of the organisation
    paid_from_pgb: bool = False


@dataclass(frozen=True)
class Decision:
    asked_role: str
    role: Role
    task: Task
    verdict: str
    rules: Tuple[Permission, ...]
    conditions: Tuple[Condition, ...]
    # Rules for voorbehouden handelingen when the sources do not say whether the
    # task is one: the answer presents them as "als het een voorbehouden handeling is".
    conditional_rules: Tuple[Permission, ...]
    conditional_conditions: Tuple[Condition, ...]
    depends_on: Tuple[str, ...]
    responsibilities: Tuple[Responsibility, ...]
    liability: Optional[Liability]
    liability_exceptions: Tuple[LiabilityException, ...]
    consent: Tuple[Note, ...]
    role_notes: Tuple[Note, ...]
    sock: Tuple[Note, ...]
    sources: Tuple[Citation, ...] = field(default=())

    @property
    def role_changed(self) -> bool:
        return self.asked_role != self.role.id


@dataclass(frozen=True)
class RoleDetermination:
    role: Optional[str]
    outcome: Optional[RoleOutcome]
    next_question: Optional[RoleQuestion]

    @property
    def decided(self) -> bool:
        return self.role is not None


def _note(outcome: RoleOutcome) -> Note:
    return Note(outcome.explanation, outcome.source)


def effective_role(kb: KnowledgeBase, role_id: str, situation: Situation) -> Tuple[str, Tuple[Note, ...]]:
    """The role the asker acts in for this care receiver, with why it differs.

    A mantelzorger helping someone without a personal bond acts as a volunteer
    there; a professional helping a relative or neighbour in free time acts as
    a mantelzorger (seed 000, "Ik twijfel over mijn rol")."""
    relation = kb.relations.get(situation.relation or "")
    notes: List[Note] = []
    if relation is not None and relation.bond == "zelf" and role_id in ("mantelzorger", "vrijwilliger", "zorgprofessional"):
        return "zorgvrager", (_note(kb.role_outcomes["zorgvrager"]),)
    if role_id == "mantelzorger" and relation is not None and relation.bond == "geen":
        notes.append(_note(kb.role_outcomes["vrijwilliger_andere_bewoners"]))
        if situation.spontaneous:
            notes.append(kb.note("spontaneous_help"))
        return "vrijwilliger", tuple(notes)
    if role_id == "vrijwilliger" and relation is not None and relation.bond == "persoonlijk":
        return "mantelzorger", (_note(kb.role_outcomes["mantelzorger"]),)
    if role_id == "zorgprofessional" and relation is not None and relation.bond == "persoonlijk":
        return "mantelzorger", (_note(kb.role_outcomes["mantelzorger_professional_vrije_tijd"]),)
    if role_id == "mantelzorger" and situation.paid_from_pgb:
        notes.append(_note(kb.role_outcomes["mantelzorger_pgb"]))
    return role_id, tuple(notes)


def liability_exceptions_for(kb: KnowledgeBase, role_id: str) -> Tuple[LiabilityException, ...]:
    """The exceptions of seed 001 when they concern this role, else none."""
    liability = kb.liability.get(role_id)
    return tuple(kb.liability_exceptions) if liability and liability.exceptions_apply else ()


def _applies(permission: Permission, task: Task) -> Optional[str]:
    """'yes', 'conditional' or None for whether a rule applies to a task."""
    if permission.scope == "alle":
        return "yes"
    if task.voorbehouden == "ja":
        return "yes"
    if task.voorbehouden == "niet_vermeld":
        return "conditional"
    return None


def consent_notes(kb: KnowledgeBase, situation: Situation) -> Tuple[Note, ...]:
    notes: List[Note] = []
    if situation.age is not None:
        for band in kb.consent_bands:
            if band.min_age <= situation.age <= band.max_age:
                notes.append(Note(band.text, band.source))
    if situation.wilsonbekwaam:
        notes.append(kb.note("wilsonbekwaam_rule"))
        notes.append(kb.note("wilsonbekwaam_mantelzorger"))
    return tuple(notes)


def _unique_citations(items) -> Tuple[Citation, ...]:
    seen: Dict[Tuple[str, str, str], Citation] = {}
    for c in items:
        seen.setdefault((c.doc, c.section, c.quote), c)
    return tuple(seen.values())


def decide(kb: KnowledgeBase, role_id: str, task_id: str, situation: Situation = Situation()) -> Decision:
    if role_id not in kb.roles:
        raise UnknownRole(role_id)
    if task_id not in kb.tasks:
        raise UnknownTask(task_id)
    task = kb.tasks[task_id]
    acting_role, role_notes = effective_role(kb, role_id, situation)
    role = kb.roles[acting_role]

    rules: List[Permission] = []
    conditional: List[Permission] = []
    for permission in kb.permissions:
        if permission.role != acting_role:
            continue
        applies = _applies(permission, task)
        if applies == "yes":
            rules.append(permission)
        elif applies == "conditional":
            conditional.append(permission)

    verdict = max((r.verdict for r in rules), key=_STRICTNESS.__getitem__)
    condition_ids = list(dict.fromkeys(c for r in rules for c in r.conditions))
    conditional_ids = [c for c in dict.fromkeys(c for r in conditional for c in r.conditions) if c not in condition_ids]
    depends_on = tuple(dict.fromkeys(d for r in rules for d in r.depends_on))

    liability = kb.liability.get(acting_role)
    exceptions = liability_exceptions_for(kb, acting_role)
    consent = consent_notes(kb, situation) if acting_role != "zorgvrager" else ()
    sock = [kb.note("sock_intro"), kb.note("sock_doubt")]
    if acting_role == "zorgvrager":
        sock.append(kb.note("sock_self_care"))

    citations = [r.source for r in rules]
    citations += [r.source for r in conditional]
    citations += [n.source for n in role_notes]
    citations += [n.source for n in consent]
    if task.voorbehouden_source:
        citations.append(task.voorbehouden_source)
    if liability:
        citations.append(liability.source)

    return Decision(
        asked_role=role_id,
        role=role,
        task=task,
        verdict=verdict,
        rules=tuple(rules),
        conditions=tuple(kb.conditions[c] for c in condition_ids),
        conditional_rules=tuple(conditional),
        conditional_conditions=tuple(kb.conditions[c] for c in conditional_ids),
        depends_on=depends_on,
        responsibilities=role.responsibilities,
        liability=liability,
        liability_exceptions=exceptions,
        consent=consent,
        role_notes=role_notes,
        sock=tuple(sock),
        sources=_unique_citations(citations),
    )


def determine_role(kb: KnowledgeBase, facts: Dict[str, Optional[bool]]) -> RoleDetermination:
    """Decide the role from what is known, or name the next question to ask.

    Questions come in the order that splits the cases fastest, and a question
    is only asked when its answer changes the outcome."""
    questions = {q.fact: q for q in kb.role_questions}

    def known(name: str) -> Optional[bool]:
        return facts.get(name)

    def outcome(outcome_id: str) -> RoleDetermination:
        o = kb.role_outcomes[outcome_id]
        return RoleDetermination(o.role, o, None)

    def ask(name: str) -> RoleDetermination:
        return RoleDetermination(None, None, questions[name])

    if known("voor_zichzelf"):
        return outcome("zorgvrager")
    if known("organisatie_zet_mensen_in"):
        return outcome("zorginstelling")
    bond = known("persoonlijke_band")
    if bond is None and known("voor_zichzelf") is None and known("ook_anderen_dan_naaste") is None:
        return ask("voor_zichzelf")
    if bond is None:
        return ask("persoonlijke_band")
    if bond:
        others = known("ook_anderen_dan_naaste")
        if others is None:
            return ask("ook_anderen_dan_naaste")
        if others:
            return outcome("vrijwilliger_andere_bewoners")
        if known("betaald_uit_pgb"):
            return outcome("mantelzorger_pgb")
        if known("zorgprofessional_in_vrije_tijd"):
            return outcome("mantelzorger_professional_vrije_tijd")
        return outcome("mantelzorger")
    organisation = known("organisatie_zet_mensen_in")
    if organisation is None:
        return ask("organisatie_zet_mensen_in")
    professional = known("beroepsmatig")
    if professional is None:
        return ask("beroepsmatig")
    return outcome("zorgprofessional" if professional else "vrijwilliger_zonder_band")
