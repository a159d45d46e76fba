"""Renders Dutch answers from knowledge-base facts with the Jinja2 templates in
`templates/`. All user-facing answer text about the rules comes from here."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.kb.domain import Citation, KnowledgeBase, Task, Topic
from bot.kb.rules import Decision, RoleDetermination, liability_exceptions_for

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def phrases() -> dict:
    return yaml.safe_load((TEMPLATES / "phrases.yml").read_text(encoding="utf-8"))


def _tidy(text: str) -> str:
    # Templates are written for readability; collapse the blank lines they leave.
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


class AnswerRenderer:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.env = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
            autoescape=False,  # plain text; channels escape for their own medium
        )
        self.env.filters["cite"] = self.cite

    def cite(self, c: Citation) -> str:
        source = self.kb.sources.get(c.doc)
        title = source.title if source else c.doc
        return f"{title}, '{c.section}' (\"{c.quote}\")"

    def _render(self, name: str, **context) -> str:
        return _tidy(self.env.get_template(name).render(**context))

    def decision(self, d: Decision) -> str:
        p = phrases()
        return self._render("decision.j2", d=d, verdict_headline=p["verdict_headline"], sock_reminder=p["sock_reminder"])

    def overview(self, task: Task, roles: Sequence[str] = ("mantelzorger", "vrijwilliger", "zorgprofessional")) -> str:
        per_role = []
        for role_id in roles:
            rule = next(p for p in self.kb.permissions if p.role == role_id and p.scope == "alle")
            per_role.append((self.kb.roles[role_id], rule))
        return self._render("overview.j2", task=task, per_role=per_role, citations=[r.source for _, r in per_role])

    def topic(self, topic: Topic) -> str:
        return self._render("topic.j2", topic=topic)

    def liability(self, role_id: str) -> str:
        liability = self.kb.liability[role_id]
        exceptions = liability_exceptions_for(self.kb, role_id)
        citations = [liability.source] + [n.source for n in liability.notes] + [e.source for e in exceptions]
        return self._render("liability.j2", role=self.kb.roles[role_id], liability=liability, exceptions=exceptions, citations=citations)

    def role(self, determination: RoleDetermination) -> str:
        role = self.kb.roles[determination.role]
        citations = list(dict.fromkeys([determination.outcome.source, role.source]))
        return self._render("role.j2", role=role, outcome=determination.outcome, citations=citations)

    def sock(self, for_self: bool = False) -> str:
        questions = [q for q in self.kb.sock_questions if not (for_self and q.skip_for_self)]
        kb = self.kb
        return self._render(
            "sock.j2", intro=kb.note("sock_intro"), questions=questions, for_self=for_self,
            self_care=kb.note("sock_self_care"), doubt=kb.note("sock_doubt"),
        )

    def sock_summary(self, answers) -> str:
        """`answers`: (SockQuestion, 'ja'|'nee'|'twijfel') pairs in checklist order."""
        doubts = [q.name for q, a in answers if a != "ja"]
        kb = self.kb
        return self._render("sock_summary.j2", answers=answers, doubts=doubts, doubt=kb.note("sock_doubt"), all_clear=kb.note("sock_all_clear"))

    def consent(self, age: Optional[int] = None, wilsonbekwaam: bool = False) -> str:
        """Who consents; only the age band that applies when the age is known."""
        kb = self.kb
        if age is None and wilsonbekwaam:
            # Someone who cannot decide: only the representative's rule applies.
            bands = []
        else:
            bands = [b for b in kb.consent_bands if age is None or b.min_age <= age <= b.max_age]
        definition, rule = kb.note("wilsonbekwaam_definition"), kb.note("wilsonbekwaam_rule")
        show_wilsonbekwaam = wilsonbekwaam or age is None or age >= 16
        extra = [kb.note("wilsonbekwaam_mantelzorger")] if wilsonbekwaam else []
        citations = [b.source for b in bands] + ([definition.source, rule.source] if show_wilsonbekwaam else [])
        return self._render(
            "consent.j2", bands=bands, show_wilsonbekwaam=show_wilsonbekwaam, wilsonbekwaam_definition=definition,
            wilsonbekwaam_rule=rule, extra=extra, citations=citations,
        )

    def liability_overview(self) -> str:
        kb = self.kb
        rows = [(kb.roles[r], kb.liability[r]) for r in ("mantelzorger", "vrijwilliger", "zorgprofessional", "zorginstelling")]
        citations = [x.source for _, x in rows] + [e.source for e in kb.liability_exceptions]
        return self._render("liability_overview.j2", rows=rows, exceptions=kb.liability_exceptions, citations=citations)

    def unknown_task(self, text: Optional[str], suggestions: Iterable[Task]) -> str:
        return self._render(
            "unknown_task.j2", text=text, suggestions=list(suggestions),
            known=[t.label for t in self.kb.tasks.values()],
        )

    def unknown_role(self, text: Optional[str]) -> str:
        return self._render("unknown_role.j2", text=text, known=[r.id for r in self.kb.roles.values()])
