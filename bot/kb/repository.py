"""Reads the knowledge base back from the database into typed facts.

The knowledge base is small, so it is read whole and kept in memory; a cheap
version check lets long-running processes (the action server) pick up a reload."""
from __future__ import annotations

import threading
import time
from typing import Any, Callable, Dict, Optional, Tuple, TypeVar

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.kb import models as m
from bot.kb.db import make_engine
from bot.kb.domain import (
    AnswerOption,
    Choice,
    Citation,
    Condition,
    ConsentBand,
    Dilemma,
    KeyPoint,
    KnowledgeBase,
    Liability,
    LiabilityException,
    Note,
    Permission,
    PracticeCase,
    PracticeQuestion,
    Relation,
    Responsibility,
    Role,
    RoleCase,
    RoleOutcome,
    RolePlay,
    RoleQuestion,
    SockQuestion,
    Source,
    SourceDifference,
    Task,
    Topic,
)
from bot.kb.loader import loaded_version

T = TypeVar("T")


class KnowledgeBaseEmpty(RuntimeError):
    """The database holds no knowledge base: run `python -m bot.kb load`."""


def _c(data: Dict[str, Any]) -> Citation:
    return Citation(doc=data["doc"], section=data["section"], quote=data["quote"])


def read_kb(engine: Engine) -> KnowledgeBase:
    if not loaded_version(engine):
        raise KnowledgeBaseEmpty("De kennisbank is leeg. Laad hem met: python -m bot.kb load")
    kb = KnowledgeBase()
    with Session(engine, future=True) as s:
        def rows(model, order=None):
            stmt = select(model)
            if order is not None:
                stmt = stmt.order_by(order)
            return s.execute(stmt).scalars().all()

        kb.sources = {r.id: Source(r.id, r.file, r.title, r.publisher) for r in rows(m.SourceRow, m.SourceRow.id)}
        kb.roles = {
            r.id: Role(
                r.id, r.label, r.description, tuple(r.synonyms), r.wet_big_applies, _c(r.source),
                tuple(Responsibility(x["text"], _c(x["source"])) for x in r.responsibilities), r.definition or "",
            )
            for r in rows(m.RoleRow, m.RoleRow.position)
        }
        synonyms: Dict[str, list] = {}
        for syn in rows(m.TaskSynonymRow, m.TaskSynonymRow.position):
            synonyms.setdefault(syn.task_id, []).append((syn.position, syn.synonym))
        kb.tasks = {
            r.id: Task(
                r.id, r.label, r.category, r.voorbehouden,
                tuple(sy for _, sy in sorted(synonyms.get(r.id, []))), _c(r.mentioned),
                _c(r.voorbehouden_source) if r.voorbehouden_source else None, r.phrase,
            )
            for r in rows(m.TaskRow, m.TaskRow.position)
        }
        kb.relations = {
            r.id: Relation(r.id, r.bond, tuple(r.synonyms), _c(r.source), r.other_than_own)
            for r in rows(m.RelationRow, m.RelationRow.position)
        }
        kb.conditions = {r.id: Condition(r.id, r.text, r.explain, _c(r.source)) for r in rows(m.ConditionRow)}
        links: Dict[str, list] = {}
        for link in rows(m.PermissionConditionRow, m.PermissionConditionRow.position):
            links.setdefault(link.permission_id, []).append(link.condition_id)
        kb.permissions = [
            Permission(r.id, r.role_id, r.scope, r.verdict, r.summary, tuple(links.get(r.id, [])), _c(r.source), tuple(r.depends_on))
            for r in rows(m.PermissionRow, m.PermissionRow.position)
        ]
        kb.liability = {
            r.role_id: Liability(
                r.role_id, tuple(r.liable), r.summary, _c(r.source),
                tuple(Note(n["text"], _c(n["source"])) for n in r.notes), r.exceptions_apply,
            )
            for r in rows(m.LiabilityRow)
        }
        kb.liability_exceptions = [
            LiabilityException(r.id, r.title, r.text, _c(r.source)) for r in rows(m.LiabilityExceptionRow, m.LiabilityExceptionRow.position)
        ]
        kb.role_questions = [RoleQuestion(r.fact, r.text) for r in rows(m.RoleQuestionRow, m.RoleQuestionRow.position)]
        kb.role_outcomes = {r.id: RoleOutcome(r.id, r.role_id, r.explanation, _c(r.source)) for r in rows(m.RoleOutcomeRow)}
        kb.role_cases = [
            RoleCase(r.id, r.title, r.story, dict(r.facts), r.outcome_id, _c(r.source)) for r in rows(m.RoleCaseRow, m.RoleCaseRow.position)
        ]
        kb.sock_questions = [
            SockQuestion(r.letter, r.name, r.question, r.skip_for_self, _c(r.source)) for r in rows(m.SockQuestionRow, m.SockQuestionRow.position)
        ]
        kb.consent_bands = [
            ConsentBand(r.id, r.min_age, r.max_age, r.who, r.text, _c(r.source)) for r in rows(m.ConsentBandRow, m.ConsentBandRow.min_age)
        ]
        kb.topics = {
            r.id: Topic(r.id, r.title, r.answer, tuple(_c(x) for x in r.sources), tuple(r.keywords), r.kind, tuple(r.roles), r.short,
                        tuple((w, t) for w, t in r.leads))
            for r in rows(m.TopicRow, m.TopicRow.position)
        }
        kb.source_differences = {
            r.id: SourceDifference(r.id, r.title, tuple(Note(x["text"], _c(x["source"])) for x in r.readings), r.combined, tuple(r.keywords))
            for r in rows(m.SourceDifferenceRow)
        }
        kb.practice_questions = {
            r.id: PracticeQuestion(
                r.id, r.question, r.answer,
                tuple(KeyPoint(k["id"], k["text"], tuple(k["keywords"])) for k in r.key_points), _c(r.source),
            )
            for r in rows(m.PracticeQuestionRow, m.PracticeQuestionRow.position)
        }
        kb.dilemmas = {
            r.id: Dilemma(
                r.id, r.title, r.situation, r.tension, _c(r.source), tuple(r.values),
                tuple(Note(x["text"], _c(x["source"])) for x in r.suggestions), tuple(r.keywords),
                RolePlay(**r.role_play) if r.role_play else None,
            )
            for r in rows(m.DilemmaRow, m.DilemmaRow.position)
        }
        kb.practice_cases = {
            r.id: PracticeCase(
                r.id, r.theme, r.question,
                tuple(AnswerOption(o["value"], o["title"], tuple(o["words"])) for o in r.options),
                r.expected, r.explanation, _c(r.source), r.situation,
            )
            for r in rows(m.PracticeCaseRow, m.PracticeCaseRow.position)
        }
        choices = rows(m.ChoiceRow, m.ChoiceRow.position)
        kb.practice_themes = [Choice(r.id, r.title) for r in choices if r.kind == "theme"]
        kb.perspectives = [Choice(r.id, r.title) for r in choices if r.kind == "perspective"]
        kb.notes = {r.key: Note(r.text, _c(r.source)) for r in rows(m.NoteRow)}
    return kb


_DERIVED: Dict[Any, Tuple[KnowledgeBase, Any]] = {}


def derived(kb: KnowledgeBase, factory: Callable[[KnowledgeBase], T]) -> T:
    """An object built from `kb` (a term index, a renderer), kept until the
    knowledge base is reloaded."""
    cached = _DERIVED.get(factory)
    if cached is None or cached[0] is not kb:
        cached = _DERIVED[factory] = (kb, factory(kb))
    return cached[1]


class KnowledgeBaseCache:
    """One in-memory copy per process, re-read when the loaded version changes.

    The version is checked at most every `recheck_seconds`, so the several
    look-ups of one action cost no database round trips; a new
    `python -m bot.kb load` is seen within that time."""

    def __init__(self, engine: Optional[Engine] = None, recheck_seconds: float = 5.0):
        self._engine = engine
        self._kb: Optional[KnowledgeBase] = None
        self._version = ""
        self._checked_at = float("-inf")
        self._recheck = recheck_seconds
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine()
        return self._engine

    def get(self) -> KnowledgeBase:
        with self._lock:
            now = time.monotonic()
            if self._kb is not None and now - self._checked_at < self._recheck:
                return self._kb
            version = loaded_version(self.engine)
            if self._kb is None or version != self._version:
                self._kb = read_kb(self.engine)
                self._version = version
            self._checked_at = now
            return self._kb
