"""The shape of an answer: parts with a first line, body and sources, turned
into one Dutch message. The first line of the first part answers the question."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from bot.kb.answers import TEMPLATES
from bot.kb.domain import Citation, KnowledgeBase

MAX_SOURCES = 4


@lru_cache(maxsize=1)
def phrases() -> Dict[str, Any]:
    return yaml.safe_load((TEMPLATES / "phrases.yml").read_text(encoding="utf-8"))


def phrase(path: str, **values: Any) -> str:
    node: Any = phrases()
    for key in path.split("."):
        node = node[key]
    return node.format(**values) if values else node


@dataclass(frozen=True)
class Block:
    """A paragraph, optionally with a title line and bullet items."""

    text: str = ""
    title: str = ""
    items: Tuple[str, ...] = ()
    numbered: bool = False

    def render(self) -> str:
        lines: List[str] = []
        if self.title:
            lines.append(self.title)
        if self.text:
            lines.append(self.text)
        for i, item in enumerate(self.items, 1):
            lines.append(f"{i}. {item}" if self.numbered else f"- {item}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Part:
    kind: str  # mag_ik, rol, aansprakelijkheid, toestemming, topic, ...
    lead: str  # one sentence that answers the question
    blocks: Tuple[Block, ...] = ()
    sources: Tuple[Citation, ...] = ()
    verdict: Optional[str] = None  # ja, ja_onder_voorwaarden, nee, hangt_af
    role: Optional[str] = None


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass
class Reply:
    parts: List[Part] = field(default_factory=list)
    buttons: List[Button] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)  # lines before the answer (112, English)
    context: Dict[str, Any] = field(default_factory=dict)
    question_types: Tuple[str, ...] = ()
    start_form: Optional[str] = None  # a form that asks what is still missing
    response: Optional[str] = None  # a fixed domain response instead of parts (greeting)
    situation: Optional[Any] = None  # what was understood (for --explain and tests)

    @property
    def verdict(self) -> Optional[str]:
        return self.parts[0].verdict if self.parts else None

    @property
    def role(self) -> Optional[str]:
        return next((p.role for p in self.parts if p.role), None)


def cite(kb: KnowledgeBase, c: Citation) -> str:
    source = kb.sources.get(c.doc)
    title = source.title if source else c.doc
    return f"{title}, '{c.section}' (\"{c.quote}\")"


def _unique(citations: Sequence[Citation]) -> List[Citation]:
    seen: Dict[Tuple[str, str, str], Citation] = {}
    for c in citations:
        seen.setdefault((c.doc, c.section, c.quote), c)
    return list(seen.values())


def render(kb: KnowledgeBase, reply: Reply) -> str:
    """One message: notes, the first part's lead, its blocks, the other parts
    (each led by its own first sentence), and the sources."""
    chunks: List[str] = list(reply.notes)
    citations: List[Citation] = []
    for i, part in enumerate(reply.parts):
        body = [b.render() for b in part.blocks if b.text or b.items or b.title]
        if i == 0:
            chunks.append("\n".join([part.lead] + ([body[0]] if body and len(body[0]) < 400 and not body[0].startswith(("-", "1.")) else [])))
            rest = body[1:] if body and len(body[0]) < 400 and not body[0].startswith(("-", "1.")) else body
            chunks.extend(rest)
        else:
            chunks.append(part.lead)
            chunks.extend(body)
        citations.extend(part.sources)
    unique = _unique(citations)[:MAX_SOURCES]
    if unique:
        chunks.append(f"{phrase('lines.sources')}: " + "; ".join(cite(kb, c) for c in unique))
    return "\n\n".join(c.strip() for c in chunks if c and c.strip())
