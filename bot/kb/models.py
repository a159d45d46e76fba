"""SQLAlchemy tables of the knowledge base (SQLAlchemy 1.4, 2.0-style API).

Facts that are looked up by key get their own columns; nested, ordered detail
(citations, responsibility lists, notes) is stored as JSON, which both SQLite
and PostgreSQL support."""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base

# Bump when the tables change; the loader then rebuilds them.
SCHEMA_VERSION = "6"

Base = declarative_base()


class KbMeta(Base):
    __tablename__ = "kb_meta"
    key = Column(String(64), primary_key=True)
    value = Column(Text, nullable=False)


class SourceRow(Base):
    __tablename__ = "kb_sources"
    id = Column(String(16), primary_key=True)
    file = Column(String(200), nullable=False)
    title = Column(Text, nullable=False)
    publisher = Column(Text, nullable=False, default="")


class RoleRow(Base):
    __tablename__ = "kb_roles"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    label = Column(String(100), nullable=False)
    description = Column(Text, nullable=False)
    definition = Column(Text, nullable=False, default="")
    wet_big_applies = Column(String(32), nullable=False)
    synonyms = Column(JSON, nullable=False)
    source = Column(JSON, nullable=False)
    responsibilities = Column(JSON, nullable=False)


class TaskRow(Base):
    __tablename__ = "kb_tasks"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    label = Column(String(200), nullable=False)
    phrase = Column(Text, nullable=False, default="")
    category = Column(String(64), nullable=False)
    voorbehouden = Column(String(16), nullable=False)
    voorbehouden_source = Column(JSON)
    mentioned = Column(JSON, nullable=False)


class TaskSynonymRow(Base):
    __tablename__ = "kb_task_synonyms"
    synonym = Column(String(200), primary_key=True)
    task_id = Column(String(64), ForeignKey("kb_tasks.id", ondelete="CASCADE"), nullable=False, index=True)
    position = Column(Integer, nullable=False)


class RelationRow(Base):
    __tablename__ = "kb_relations"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    bond = Column(String(16), nullable=False)
    other_than_own = Column(Boolean, nullable=False, default=False)
    synonyms = Column(JSON, nullable=False)
    source = Column(JSON, nullable=False)


class ConditionRow(Base):
    __tablename__ = "kb_conditions"
    id = Column(String(64), primary_key=True)
    text = Column(Text, nullable=False)
    explain = Column(Text, nullable=False)
    source = Column(JSON, nullable=False)


class PermissionRow(Base):
    __tablename__ = "kb_permissions"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    role_id = Column(String(64), ForeignKey("kb_roles.id", ondelete="CASCADE"), nullable=False, index=True)
    scope = Column(String(16), nullable=False)
    verdict = Column(String(32), nullable=False)
    summary = Column(Text, nullable=False)
    depends_on = Column(JSON, nullable=False)
    source = Column(JSON, nullable=False)


class PermissionConditionRow(Base):
    __tablename__ = "kb_permission_conditions"
    permission_id = Column(String(64), ForeignKey("kb_permissions.id", ondelete="CASCADE"), primary_key=True)
    condition_id = Column(String(64), ForeignKey("kb_conditions.id", ondelete="CASCADE"), primary_key=True)
    position = Column(Integer, nullable=False)


class LiabilityRow(Base):
    __tablename__ = "kb_liability"
    role_id = Column(String(64), ForeignKey("kb_roles.id", ondelete="CASCADE"), primary_key=True)
    liable = Column(JSON, nullable=False)
    summary = Column(Text, nullable=False)
    notes = Column(JSON, nullable=False)
    exceptions_apply = Column(Boolean, nullable=False, default=False)
    source = Column(JSON, nullable=False)


class LiabilityExceptionRow(Base):
    __tablename__ = "kb_liability_exceptions"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    title = Column(Text, nullable=False)
    text = Column(Text, nullable=False)
    source = Column(JSON, nullable=False)


class RoleQuestionRow(Base):
    __tablename__ = "kb_role_questions"
    fact = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)


class RoleOutcomeRow(Base):
    __tablename__ = "kb_role_outcomes"
    id = Column(String(64), primary_key=True)
    role_id = Column(String(64), ForeignKey("kb_roles.id", ondelete="CASCADE"), nullable=False)
    explanation = Column(Text, nullable=False)
    source = Column(JSON, nullable=False)


class RoleCaseRow(Base):
    __tablename__ = "kb_role_cases"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    title = Column(Text, nullable=False)
    story = Column(Text, nullable=False)
    facts = Column(JSON, nullable=False)
    outcome_id = Column(String(64), ForeignKey("kb_role_outcomes.id", ondelete="CASCADE"), nullable=False)
    source = Column(JSON, nullable=False)


class SockQuestionRow(Base):
    __tablename__ = "kb_sock_questions"
    letter = Column(String(1), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(64), nullable=False)
    question = Column(Text, nullable=False)
    skip_for_self = Column(Boolean, nullable=False)
    source = Column(JSON, nullable=False)


class ConsentBandRow(Base):
    __tablename__ = "kb_consent_bands"
    id = Column(String(64), primary_key=True)
    min_age = Column(Integer, nullable=False)
    max_age = Column(Integer, nullable=False)
    who = Column(String(64), nullable=False)
    text = Column(Text, nullable=False)
    source = Column(JSON, nullable=False)


class TopicRow(Base):
    __tablename__ = "kb_topics"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    title = Column(Text, nullable=False)
    answer = Column(Text, nullable=False)
    short = Column(Text, nullable=False, default="")
    leads = Column(JSON, nullable=False)
    kind = Column(String(32), nullable=False)
    keywords = Column(JSON, nullable=False)
    roles = Column(JSON, nullable=False)
    sources = Column(JSON, nullable=False)


class SourceDifferenceRow(Base):
    __tablename__ = "kb_source_differences"
    id = Column(String(64), primary_key=True)
    title = Column(Text, nullable=False)
    readings = Column(JSON, nullable=False)
    combined = Column(Text, nullable=False)
    keywords = Column(JSON, nullable=False)


class PracticeQuestionRow(Base):
    __tablename__ = "kb_practice_questions"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    question = Column(Text, nullable=False)
    answer = Column(Text, nullable=False)
    key_points = Column(JSON, nullable=False)
    source = Column(JSON, nullable=False)


class DilemmaRow(Base):
    __tablename__ = "kb_dilemmas"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    title = Column(Text, nullable=False)
    situation = Column(Text, nullable=False)
    tension = Column(Text, nullable=False)
    source = Column(JSON, nullable=False)
    values = Column(JSON, nullable=False)
    suggestions = Column(JSON, nullable=False)
    keywords = Column(JSON, nullable=False)
    role_play = Column(JSON, nullable=True)


class PracticeCaseRow(Base):
    __tablename__ = "kb_practice_cases"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    theme = Column(String(64), nullable=False)
    situation = Column(Text, nullable=False)
    question = Column(Text, nullable=False)
    options = Column(JSON, nullable=False)
    expected = Column(String(64), nullable=False)
    explanation = Column(Text, nullable=False)
    source = Column(JSON, nullable=False)


class ChoiceRow(Base):
    """Short lists of labelled choices: practice themes and perspectives."""

    __tablename__ = "kb_choices"
    kind = Column(String(32), primary_key=True)
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    title = Column(Text, nullable=False)


class NoteRow(Base):
    __tablename__ = "kb_notes"
    key = Column(String(64), primary_key=True)
    text = Column(Text, nullable=False)
    source = Column(JSON, nullable=False)
