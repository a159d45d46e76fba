"""An answer for a role and task given directly (the CLI's --role/--task),
without reading a message."""
from __future__ import annotations

from typing import Optional

from bot.answering.compose import permission_part
from bot.answering.reasoning import acting_role
from bot.answering.reply import Reply
from bot.kb.domain import KnowledgeBase
from bot.understanding.situation import Situation


def direct_answer(kb: KnowledgeBase, role: str, task: str, relation: Optional[str] = None, age: Optional[int] = None,
                  wilsonbekwaam: bool = False) -> Reply:
    s = Situation(
        text="", asker_role=role, asker_role_stated=True, relation=relation, tasks=(task,), receiver_age=age,
        capacity="wilsonbekwaam" if wilsonbekwaam else None, receiver="self" if role == "zorgvrager" or relation == "zelf" else "other",
    )
    actor = acting_role(kb, s)
    return Reply(parts=[permission_part(kb, s, actor, "")], question_types=("mag_ik",))
