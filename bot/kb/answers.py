"""Renders the SO(C)K checklist texts from the knowledge base with the Jinja2
templates in `templates/`. Answers to questions are composed in bot/answering."""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.kb.domain import Citation, KnowledgeBase

TEMPLATES = Path(__file__).parent / "templates"


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
