"""Writes a validated KnowledgeBase into the database in one transaction.

A failure anywhere rolls the whole load back, so the database keeps serving the
previous knowledge base instead of a half-loaded one."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List

from sqlalchemy import delete, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.kb import models as m
from bot.kb.domain import Citation, KnowledgeBase
from bot.kb.schema import KB_FILES, parse_kb_dir


def content_hash(kb_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in KB_FILES:
        digest.update(name.encode())
        digest.update((kb_dir / name).read_bytes())
    return digest.hexdigest()


def _c(citation: Citation) -> Dict[str, str]:
    return citation.as_dict()


def kb_rows(kb: KnowledgeBase) -> List[m.Base]:
    """All rows for a knowledge base, parents before children."""
    rows: List[m.Base] = [m.SourceRow(id=s.id, file=s.file, title=s.title, publisher=s.publisher) for s in kb.sources.values()]
    rows += [
        m.RoleRow(
            id=r.id, position=i, label=r.label, description=r.description, definition=r.definition, wet_big_applies=r.wet_big_applies,
            synonyms=list(r.synonyms), source=_c(r.source),
            responsibilities=[{"text": x.text, "source": _c(x.source)} for x in r.responsibilities],
        )
        for i, r in enumerate(kb.roles.values())
    ]
    rows += [m.ConditionRow(id=c.id, text=c.text, explain=c.explain, source=_c(c.source)) for c in kb.conditions.values()]
    rows += [
        m.RelationRow(id=r.id, position=i, bond=r.bond, other_than_own=r.other_than_own, synonyms=list(r.synonyms), source=_c(r.source))
        for i, r in enumerate(kb.relations.values())
    ]
    for i, t in enumerate(kb.tasks.values()):
        rows.append(
            m.TaskRow(
                id=t.id, position=i, label=t.label, phrase=t.phrase, category=t.category, voorbehouden=t.voorbehouden,
                voorbehouden_source=_c(t.voorbehouden_source) if t.voorbehouden_source else None,
                mentioned=_c(t.mentioned),
            )
        )
    rows += [
        m.TaskSynonymRow(synonym=s.lower(), task_id=t.id, position=j)
        for t in kb.tasks.values()
        for j, s in enumerate(t.synonyms)
    ]
    for i, p in enumerate(kb.permissions):
        rows.append(
            m.PermissionRow(
                id=p.id, position=i, role_id=p.role, scope=p.scope, verdict=p.verdict, summary=p.summary,
                depends_on=list(p.depends_on), source=_c(p.source),
            )
        )
    rows += [
        m.PermissionConditionRow(permission_id=p.id, condition_id=c, position=j)
        for p in kb.permissions
        for j, c in enumerate(p.conditions)
    ]
    rows += [
        m.LiabilityRow(
            role_id=x.role, liable=list(x.liable), summary=x.summary, source=_c(x.source), exceptions_apply=x.exceptions_apply,
            notes=[{"text": n.text, "source": _c(n.source)} for n in x.notes],
        )
        for x in kb.liability.values()
    ]
    rows += [
        m.LiabilityExceptionRow(id=e.id, position=i, title=e.title, text=e.text, source=_c(e.source))
        for i, e in enumerate(kb.liability_exceptions)
    ]
    rows += [m.RoleQuestionRow(fact=q.fact, position=i, text=q.text) for i, q in enumerate(kb.role_questions)]
    rows += [m.RoleOutcomeRow(id=o.id, role_id=o.role, explanation=o.explanation, source=_c(o.source)) for o in kb.role_outcomes.values()]
    rows += [
        m.RoleCaseRow(id=c.id, position=i, title=c.title, story=c.story, facts=dict(c.facts), outcome_id=c.outcome, source=_c(c.source))
        for i, c in enumerate(kb.role_cases)
    ]
    rows += [
        m.SockQuestionRow(letter=q.letter, position=i, name=q.name, question=q.question, skip_for_self=q.skip_for_self, source=_c(q.source))
        for i, q in enumerate(kb.sock_questions)
    ]
    rows += [
        m.ConsentBandRow(id=b.id, min_age=b.min_age, max_age=b.max_age, who=b.who, text=b.text, source=_c(b.source))
        for b in kb.consent_bands
    ]
    rows += [
        m.TopicRow(
            id=t.id, position=i, title=t.title, answer=t.answer, short=t.short, leads=[list(x) for x in t.leads], kind=t.kind,
            keywords=list(t.keywords),
            roles=list(t.roles), sources=[_c(s) for s in t.sources],
        )
        for i, t in enumerate(kb.topics.values())
    ]
    rows += [
        m.SourceDifferenceRow(
            id=d.id, title=d.title, combined=d.combined, keywords=list(d.keywords),
            readings=[{"text": r.text, "source": _c(r.source)} for r in d.readings],
        )
        for d in kb.source_differences.values()
    ]
    rows += [
        m.PracticeQuestionRow(
            id=q.id, position=i, question=q.question, answer=q.answer, source=_c(q.source),
            key_points=[{"id": k.id, "text": k.text, "keywords": list(k.keywords)} for k in q.key_points],
        )
        for i, q in enumerate(kb.practice_questions.values())
    ]
    rows += [
        m.DilemmaRow(
            id=d.id, position=i, title=d.title, situation=d.situation, tension=d.tension, source=_c(d.source),
            values=list(d.values), keywords=list(d.keywords),
            suggestions=[{"text": n.text, "source": _c(n.source)} for n in d.suggestions],
            role_play={"plays": d.role_play.plays, "opening": d.role_play.opening, "reply": d.role_play.reply} if d.role_play else None,
        )
        for i, d in enumerate(kb.dilemmas.values())
    ]
    rows += [
        m.PracticeCaseRow(
            id=c.id, position=i, theme=c.theme, situation=c.situation, question=c.question, expected=c.expected,
            explanation=c.explanation, source=_c(c.source),
            options=[{"value": o.value, "title": o.title, "words": list(o.words)} for o in c.options],
        )
        for i, c in enumerate(kb.practice_cases.values())
    ]
    rows += [m.ChoiceRow(kind="theme", id=t.id, position=i, title=t.title) for i, t in enumerate(kb.practice_themes)]
    rows += [m.ChoiceRow(kind="perspective", id=t.id, position=i, title=t.title) for i, t in enumerate(kb.perspectives)]
    rows += [m.NoteRow(key=k, text=n.text, source=_c(n.source)) for k, n in kb.notes.items()]
    return rows


def ensure_schema(engine: Engine) -> None:
    """Create the tables; rebuild them when the stored schema version differs."""
    tables = set(inspect(engine).get_table_names())
    if "kb_meta" in tables:
        with Session(engine, future=True) as session:
            stored = session.get(m.KbMeta, "schema_version")
        if stored is None or stored.value != m.SCHEMA_VERSION:
            m.Base.metadata.drop_all(engine)
    m.Base.metadata.create_all(engine)


def load_kb(kb: KnowledgeBase, engine: Engine, version: str) -> None:
    """Replace the database content with `kb`, atomically."""
    ensure_schema(engine)
    with Session(engine, future=True) as session, session.begin():
        for table in reversed(m.Base.metadata.sorted_tables):
            session.execute(delete(table))
        rows = kb_rows(kb)
        # Parents must exist before children reference them (PostgreSQL checks at
        # once), so flush per table in dependency order.
        by_table: Dict[str, List[m.Base]] = {}
        for row in rows:
            by_table.setdefault(row.__table__.name, []).append(row)
        for table in m.Base.metadata.sorted_tables:
            session.add_all(by_table.get(table.name, []))
            session.flush()
        session.add_all(
            [
                m.KbMeta(key="schema_version", value=m.SCHEMA_VERSION),
                m.KbMeta(key="content_hash", value=version),
                m.KbMeta(key="loaded_at", value=datetime.now(timezone.utc).isoformat()),
            ]
        )


def load_dir(kb_dir: Path, engine: Engine) -> KnowledgeBase:
    """Validate the YAML in `kb_dir` and load it; nothing is written if it is invalid."""
    kb = parse_kb_dir(kb_dir)
    load_kb(kb, engine, content_hash(kb_dir))
    return kb


def loaded_version(engine: Engine) -> str:
    """The content hash of what is loaded, or '' for an empty database."""
    if "kb_meta" not in set(inspect(engine).get_table_names()):
        return ""
    with Session(engine, future=True) as session:
        row = session.execute(select(m.KbMeta).where(m.KbMeta.key == "content_hash")).scalar_one_or_none()
        return row.value if row else ""
