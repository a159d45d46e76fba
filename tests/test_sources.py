"""Every citation's locator occurs in its source document (when the seeds are
available next to the project, as in CI; users do not have them)."""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass

import pytest

from bot.kb.domain import Citation
from tests.conftest import SEEDS


def _citations(obj):
    if isinstance(obj, Citation):
        yield obj
    elif is_dataclass(obj):
        for f in fields(obj):
            yield from _citations(getattr(obj, f.name))
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from _citations(x)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from _citations(x)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


@pytest.mark.skipif(not SEEDS.exists(), reason="source documents not available (../shared/seeds)")
def test_every_locator_is_found_in_its_document(kb):
    texts = {s.id: _norm((SEEDS / s.file).read_text(encoding="utf-8")) for s in kb.sources.values()}
    citations = list(_citations(kb))
    assert len(citations) > 100
    missing = [c for c in citations if _norm(c.quote) not in texts[c.doc]]
    assert not missing, missing


def _our_texts(kb):
    """Every user-facing text of the knowledge base."""
    ours = [t.answer for t in kb.topics.values()] + [t.short for t in kb.topics.values()]
    ours += [text for t in kb.topics.values() for _, text in t.leads] + [p.summary for p in kb.permissions]
    ours += [c.text for c in kb.conditions.values()] + [c.explain for c in kb.conditions.values()]
    ours += [r.description for r in kb.roles.values()] + [x.text for r in kb.roles.values() for x in r.responsibilities]
    ours += [l.summary for l in kb.liability.values()] + [n.text for l in kb.liability.values() for n in l.notes]
    ours += [e.text for e in kb.liability_exceptions] + [o.explanation for o in kb.role_outcomes.values()]
    ours += [n.text for n in kb.notes.values()] + [b.text for b in kb.consent_bands] + [q.question for q in kb.sock_questions]
    ours += [q.answer for q in kb.practice_questions.values()] + [q.question for q in kb.practice_questions.values()]
    ours += [d.situation for d in kb.dilemmas.values()] + [d.tension for d in kb.dilemmas.values()]
    ours += [n.text for d in kb.dilemmas.values() for n in d.suggestions]
    ours += [d.combined for d in kb.source_differences.values()] + [n.text for d in kb.source_differences.values() for n in d.readings]
    ours += [c.explanation for c in kb.practice_cases.values()] + [c.situation for c in kb.practice_cases.values()]
    ours += [x for d in kb.dilemmas.values() if d.role_play for x in (d.role_play.opening, d.role_play.reply)]
    return [t for t in ours if t]


def test_no_answer_text_copies_a_long_passage(kb):
    """Answers are in our own words: no 12-word run of a source appears in them."""
    if not SEEDS.exists():
        pytest.skip("source documents not available")
    source_text = " ".join(_norm((SEEDS / s.file).read_text(encoding="utf-8")) for s in kb.sources.values())
    copied = []
    plain = " " + " ".join(re.sub(r"[^\w\s]", " ", source_text).split()) + " "
    for text in _our_texts(kb):
        words = re.sub(r"[^\w\s]", " ", _norm(text)).split()
        run = next((" ".join(words[i : i + 12]) for i in range(len(words) - 11) if f" {' '.join(words[i : i + 12])} " in plain), None)
        if run:
            copied.append(run)
    assert not copied, copied
