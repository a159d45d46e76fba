"""The rule logic: small pure functions over the knowledge base.

`determine_role` works out the acting role from the distinguishing facts of
the "Ik twijfel over mijn rol" cases (seeds 000 and 001); `decide` answers "may
this role do this task, and on what terms"; `consent_notes` and
`liability_for` say who consents and who is liable. None touches the database."""
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
    SourceDifference,
    Task,
)

# Stricter verdicts win when several rules apply.
_STRICTNESS = {"ja": 0, "ja_onder_voorwaarden": 1, "hangt_af": 2, "nee": 3}
# The facts that decide a role, in the order the role-doubt form asks them.
ROLE_FACTS = (
    "voor_zichzelf", "organisatie_zet_mensen_in", "persoonlijke_band", "ook_anderen_dan_naaste",
    "op_verzoek_structureel", "beroepsmatig", "vrije_tijd",
)
# Facts a story can add that the form never asks.
STORY_FACTS = ("betaald_uit_pgb", "later_band", "zorghandeling", "genoemde_rol")


class UnknownRole(LookupError):
    pass


class UnknownTask(LookupError):
    pass


@dataclass(frozen=True)
class Circumstances:
    """What is known about the care receiver and the consent; all optional."""

    relation: Optional[str] = None  # relation id from relations.yml
    age: Optional[int] = None  # age of the care receiver
    capacity: Optional[str] = None  # 'wilsonbekwaam', 'twijfel' (e.g. dementia) or None
    refusal: Optional[str] = None  # 'receiver' when the care receiver does not want it
    helper_age: Optional[int] = None  # age of whoever does the task, when that is a minor


@dataclass(frozen=True)
class RoleDetermination:
    role: Optional[str]
    outcome: Optional[RoleOutcome]
    next_question: Optional[RoleQuestion]
    # When the role depends on a fact nobody told: the possible outcomes.
    alternatives: Tuple[RoleOutcome, ...] = ()
    difference: Optional[SourceDifference] = None

    @property
    def decided(self) -> bool:
        return self.role is not None


@dataclass(frozen=True)
class Decision:
    role: Role
    task: Optional[Task]  # None: a care task the knowledge base does not list
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
    refused: bool = False
    sources: Tuple[Citation, ...] = field(default=())


# -- role ----------------------------------------------------------------------

def determine_role(kb: KnowledgeBase, facts: Dict[str, Optional[object]]) -> RoleDetermination:
    """Decide the role from what is known, or name the next question to ask.

    Questions come in the order that splits the cases fastest, and a question
    is only asked when its answer changes the outcome. `genoemde_rol` is the
    role the person called themselves; a story fact that contradicts it wins
    (a volunteer helping her own mother acts as a mantelzorger there)."""
    questions = {q.fact: q for q in kb.role_questions}

    def known(name: str):
        return facts.get(name)

    def outcome(outcome_id: str, difference: Optional[str] = None) -> RoleDetermination:
        o = kb.role_outcomes[outcome_id]
        return RoleDetermination(o.role, o, None, difference=kb.source_differences.get(difference or ""))

    def ask(name: str, *alternatives: str) -> RoleDetermination:
        return RoleDetermination(None, None, questions[name], tuple(kb.role_outcomes[a] for a in alternatives))

    named = known("genoemde_rol")
    if known("voor_zichzelf"):
        return outcome("zorgvrager")
    if known("organisatie_zet_mensen_in") or (named == "zorginstelling" and known("persoonlijke_band") is None):
        return outcome("zorginstelling")
    if known("ook_anderen_dan_naaste"):
        request = known("op_verzoek_structureel")
        care_task = known("zorghandeling")
        if request:
            return outcome("vrijwilliger_op_verzoek")
        if care_task:
            # 000 calls care tasks for other residents volunteer work; 001 adds
            # that spontaneous help does not make a volunteer (see the difference).
            return outcome("vrijwilliger_andere_bewoners", "andere_bewoners")
        if request is False:
            return outcome("spontaan_andere_bewoner")
        return ask("op_verzoek_structureel", "spontaan_andere_bewoner", "vrijwilliger_op_verzoek")
    bond = known("persoonlijke_band")
    professional = known("beroepsmatig")
    if professional is None and named in ("zorgprofessional", "vrijwilliger", "mantelzorger"):
        professional = named == "zorgprofessional"
    if bond is None:
        if known("later_band"):
            return outcome("vrijwilliger_later_band")
        if named == "mantelzorger":
            return outcome("mantelzorger_pgb" if known("betaald_uit_pgb") else "mantelzorger")
        if named == "vrijwilliger":
            return outcome("vrijwilliger_zonder_band")
        if named == "zorgprofessional":
            if known("vrije_tijd"):
                return ask("persoonlijke_band", "mantelzorger_professional_vrije_tijd", "zorgprofessional")
            return outcome("zorgprofessional")
        if professional and known("vrije_tijd") is not True and known("voor_zichzelf") is not True:
            return outcome("zorgprofessional")  # paid work for someone without a named bond: care in one's job (000)
        if known("voor_zichzelf") is None and known("ook_anderen_dan_naaste") is None:
            return ask("voor_zichzelf")
        return ask("persoonlijke_band")
    if bond:
        if professional:
            free_time = known("vrije_tijd")
            if free_time:
                return outcome("mantelzorger_professional_vrije_tijd")
            if free_time is False:
                return outcome("zorgprofessional_in_werk")
            return ask("vrije_tijd", "mantelzorger_professional_vrije_tijd", "zorgprofessional_in_werk")
        if known("betaald_uit_pgb"):
            return outcome("mantelzorger_pgb")
        return outcome("mantelzorger")
    if known("later_band"):
        return outcome("vrijwilliger_later_band")
    if professional is None:
        return ask("beroepsmatig", "zorgprofessional", "vrijwilliger_zonder_band")
    return outcome("zorgprofessional" if professional else "vrijwilliger_zonder_band")


# -- permission ----------------------------------------------------------------

def liability_exceptions_for(kb: KnowledgeBase, role_id: str) -> Tuple[LiabilityException, ...]:
    """The exceptions of seed 001 when they concern this role, else none."""
    liability = kb.liability.get(role_id)
    return tuple(kb.liability_exceptions) if liability and liability.exceptions_apply else ()


def _applies(permission: Permission, task: Optional[Task]) -> Optional[str]:
    """'yes', 'conditional' or None for whether a rule applies to a task."""
    if permission.scope == "alle":
        return "yes"
    if task is not None and task.voorbehouden == "ja":
        return "yes"
    if task is None or task.voorbehouden == "niet_vermeld":
        return "conditional"
    return None


def consent_band(kb: KnowledgeBase, age: Optional[int]):
    if age is None:
        return None
    return next((b for b in kb.consent_bands if b.min_age <= age <= b.max_age), None)


def consent_notes(kb: KnowledgeBase, c: Circumstances, self_care: bool = False) -> Tuple[Note, ...]:
    """Who consents here. Minors' rules apply to every role, self-care included
    (seed 000: under 12 the parent or guardian, 12-16 child and parent)."""
    notes: List[Note] = []
    band = consent_band(kb, c.age)
    if band is not None and (not self_care or band.max_age < 16):
        notes.append(kb.note("zelfzorg_minderjarig") if self_care else Note(band.text, band.source))
    if c.refusal == "receiver":
        if band is not None and band.id == "twaalf_tot_zestien":
            notes.append(kb.note("weigering_kind_12_16"))
        elif band is not None and band.id == "jonger_dan_12":
            notes.append(kb.note("weigering_kind_onder_12"))
        else:
            notes.append(kb.note("weigering_zorgvrager"))
    if c.capacity == "wilsonbekwaam":
        notes.append(kb.note("wilsonbekwaam_rule"))
        if not self_care:
            notes.append(kb.note("wilsonbekwaam_mantelzorger"))
    elif c.capacity == "twijfel":
        notes.append(kb.note("wilsbekwaamheid_twijfel"))
    return tuple(notes)


def _unique_citations(items) -> Tuple[Citation, ...]:
    seen: Dict[Tuple[str, str, str], Citation] = {}
    for c in items:
        seen.setdefault((c.doc, c.section, c.quote), c)
    return tuple(seen.values())


def decide(kb: KnowledgeBase, role_id: str, task_id: Optional[str], c: Circumstances = Circumstances()) -> Decision:
    """May `role_id` do `task_id` (None: an unlisted care task) here, and on what terms."""
    if role_id not in kb.roles:
        raise UnknownRole(role_id)
    if task_id is not None and task_id not in kb.tasks:
        raise UnknownTask(task_id)
    task = kb.tasks.get(task_id) if task_id else None
    role = kb.roles[role_id]
    self_care = role_id == "zorgvrager"

    rules: List[Permission] = []
    conditional: List[Permission] = []
    for permission in kb.permissions:
        if permission.role != role_id:
            continue
        applies = _applies(permission, task)
        if applies == "yes":
            rules.append(permission)
        elif applies == "conditional":
            conditional.append(permission)

    verdict = max((r.verdict for r in rules), key=_STRICTNESS.__getitem__)
    band = consent_band(kb, c.age)
    refused = c.refusal == "receiver" and not self_care
    if refused:
        # Without the care receiver's consent nobody else may do it; under 12
        # the parent decides, so the child's no alone does not settle it.
        verdict = "hangt_af" if band is not None and band.id == "jonger_dan_12" else "nee"
    elif self_care and band is not None and band.max_age < 16:
        verdict = "ja_onder_voorwaarden"
    condition_ids = list(dict.fromkeys(x for r in rules for x in r.conditions))
    conditional_ids = [x for x in dict.fromkeys(x for r in conditional for x in r.conditions) if x not in condition_ids]
    depends_on = tuple(dict.fromkeys(d for r in rules for d in r.depends_on))

    liability = kb.liability.get(role_id)
    consent = consent_notes(kb, c, self_care=self_care)
    citations = [r.source for r in rules] + [n.source for n in consent] + [r.source for r in conditional]
    if task is not None and task.voorbehouden_source:
        citations.append(task.voorbehouden_source)
    if liability:
        citations.append(liability.source)

    return Decision(
        role=role,
        task=task,
        verdict=verdict,
        rules=tuple(rules),
        conditions=tuple(kb.conditions[x] for x in condition_ids),
        conditional_rules=tuple(conditional),
        conditional_conditions=tuple(kb.conditions[x] for x in conditional_ids),
        depends_on=depends_on,
        responsibilities=role.responsibilities,
        liability=liability,
        liability_exceptions=liability_exceptions_for(kb, role_id),
        consent=consent,
        refused=refused,
        sources=_unique_citations(citations),
    )


# -- liability -----------------------------------------------------------------

@dataclass(frozen=True)
class LiabilityAdvice:
    role: str
    liability: Liability
    # The exceptions of seed 001 that fit this situation, in their order.
    exceptions: Tuple[LiabilityException, ...]
    difference: Optional[SourceDifference]


def liability_for(kb: KnowledgeBase, role_id: str, helps_others: bool = False, on_request: Optional[bool] = None,
                  organisation_asks: bool = False) -> LiabilityAdvice:
    """Who is liable when something goes wrong, with the exceptions that apply.

    For a mantelzorger helping their own naaste only the first exception is at
    stake (the organisation sees it go wrong and does nothing); helping other
    residents brings in the second (foreseeable risky spontaneous help) and
    the third (structural help on request makes a volunteer)."""
    liability = kb.liability[role_id]
    by_id = {e.id: e for e in kb.liability_exceptions}
    exceptions: Tuple[LiabilityException, ...] = ()
    difference = None
    if role_id == "mantelzorger":
        ids = ["niet_passend_reageren"]
        if helps_others:
            if on_request is not True:
                ids.append("voorzienbare_spontane_hulp")
            if on_request is not False:
                ids.append("structureel_op_verzoek")
        exceptions = tuple(by_id[i] for i in ids if i in by_id)
        difference = kb.source_differences.get("instelling_en_mantelzorger")
    elif role_id == "zorginstelling" or organisation_asks:
        exceptions = tuple(kb.liability_exceptions)
        difference = kb.source_differences.get("instelling_en_mantelzorger")
    elif role_id == "vrijwilliger":
        difference = kb.source_differences.get("aansprakelijkheid_vrijwilliger")
    return LiabilityAdvice(role_id, liability, exceptions, difference)
