"""The knowledge base's coverage of the sources: every actionable fact of the
five publications (docs/source_facts.yml, written from the sources) names the
knowledge-base entries that cover it, as `<collection>:<id>` references."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import yaml

from bot.kb.domain import Citation, KnowledgeBase
from bot.settings import PROJECT_ROOT

FACTS_FILE = PROJECT_ROOT / "docs" / "source_facts.yml"


@dataclass(frozen=True)
class Entry:
    ref: str
    text: str
    citations: Tuple[Citation, ...]


def entries(kb: KnowledgeBase) -> Dict[str, Entry]:
    """Every addressable knowledge-base entry with its text and passages."""
    out: Dict[str, Entry] = {}

    def add(ref: str, text: str, citations: Sequence[Citation]) -> None:
        out[ref] = Entry(ref, text, tuple(citations))

    for r in kb.roles.values():
        add(f"roles:{r.id}", " ".join([r.description] + [x.text for x in r.responsibilities]),
            [r.source] + [x.source for x in r.responsibilities])
    for t in kb.tasks.values():
        add(f"tasks:{t.id}", t.label, [t.mentioned] + ([t.voorbehouden_source] if t.voorbehouden_source else []))
    for c in kb.conditions.values():
        add(f"conditions:{c.id}", f"{c.text} {c.explain}", [c.source])
    for p in kb.permissions:
        add(f"permissions:{p.id}", p.summary, [p.source])
    for role, l in kb.liability.items():
        add(f"liability:{role}", " ".join([l.summary] + [n.text for n in l.notes]), [l.source] + [n.source for n in l.notes])
    for e in kb.liability_exceptions:
        add(f"exceptions:{e.id}", e.text, [e.source])
    for o in kb.role_outcomes.values():
        add(f"role_outcomes:{o.id}", o.explanation, [o.source])
    for c in kb.role_cases:
        add(f"role_cases:{c.id}", c.story, [c.source])
    for q in kb.sock_questions:
        add(f"sock:{q.letter}", q.question, [q.source])
    for b in kb.consent_bands:
        add(f"consent:{b.id}", b.text, [b.source])
    for t in kb.topics.values():
        add(f"topics:{t.id}", " ".join([t.short, t.answer] + [text for _, text in t.leads]), t.sources)
    for q in kb.practice_questions.values():
        add(f"practice:{q.id}", f"{q.question} {q.answer}", [q.source])
    for d in kb.dilemmas.values():
        add(f"dilemmas:{d.id}", " ".join([d.situation, d.tension] + [n.text for n in d.suggestions]), [d.source] + [n.source for n in d.suggestions])
    for d in kb.source_differences.values():
        add(f"differences:{d.id}", " ".join([d.combined] + [r.text for r in d.readings]), [r.source for r in d.readings])
    for c in kb.practice_cases.values():
        add(f"cases:{c.id}", f"{c.situation} {c.question} {c.explanation}", [c.source])
    for key, n in kb.notes.items():
        add(f"notes:{key}", n.text, [n.source])
    return out


@dataclass(frozen=True)
class Fact:
    id: str
    doc: str
    section: str
    locator: str
    fact: str
    kind: str
    covered_by: Tuple[str, ...]
    skip: str = ""  # why a listed fact is deliberately not in the knowledge base


def load_facts(path: Path = FACTS_FILE) -> List[Fact]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]
    return [Fact(f["id"], str(f["doc"]), f["section"], f["locator"], f["fact"], f["kind"], tuple(f.get("covered_by") or ()),
                 f.get("skip") or "") for f in data]


def report(kb: KnowledgeBase, facts: Sequence[Fact]) -> Dict[str, Dict[str, float]]:
    """Per document: facts listed, facts covered (by existing entries), share."""
    known = entries(kb)
    out: Dict[str, Dict[str, float]] = {}
    for doc in sorted({f.doc for f in facts}):
        mine = [f for f in facts if f.doc == doc]
        covered = [f for f in mine if f.covered_by and all(ref in known for ref in f.covered_by)]
        out[doc] = {"facts": len(mine), "covered": len(covered), "share": round(len(covered) / len(mine), 3)}
    return out
