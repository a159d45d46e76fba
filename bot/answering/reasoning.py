"""From an understood situation to the knowledge layer's questions: the role
facts of the person who acts, and the circumstances of consent."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional

from bot.kb.domain import KnowledgeBase
from bot.kb.rules import Circumstances, RoleDetermination, determine_role
from bot.understanding.situation import Situation

# Roles a person can act in when doing a care task themselves.
_ACTING_ROLES = ("zorgvrager", "mantelzorger", "vrijwilliger", "zorgprofessional", "wettelijk_vertegenwoordiger")


@dataclass(frozen=True)
class Actor:
    """Who does the task, in which role, and whether it is the asker."""

    is_asker: bool
    role: Optional[str]
    determination: RoleDetermination
    words: Optional[str] = None  # 'je dochter', 'de vrijwilliger'


def _bond(kb: KnowledgeBase, relation: Optional[str]) -> Optional[str]:
    rel = kb.relations.get(relation or "")
    return rel.bond if rel else None


def role_facts(kb: KnowledgeBase, s: Situation) -> Dict[str, Optional[object]]:
    """The role-doubt facts (role_cases.yml) a story tells about the person who acts."""
    facts: Dict[str, Optional[object]] = {}
    named = s.asker_role if s.actor == "asker" else s.actor_role
    if named:
        facts["genoemde_rol"] = named
    if s.receiver == "self":
        facts["voor_zichzelf"] = True
    bond = _bond(kb, s.relation)
    if s.actor == "asker" and s.asker_role == "zorginstelling":
        facts["organisatie_zet_mensen_in"] = True
    if s.bond_from_start is False and s.relation not in ("familie", "partner") and bond in ("persoonlijk", None):
        # 'Mijn buurvrouw betaalt mij uit haar pgb; ik kende haar daarvoor niet': no bond at the start (000 'Ik twijfel over mijn rol').
        facts["persoonlijke_band"] = False
    elif bond == "persoonlijk" or (bond is None and s.bond_from_start):
        facts["persoonlijke_band"] = True
    elif bond == "geen" or (bond is None and s.bond_from_start is False):
        facts["persoonlijke_band"] = False
    if s.helps_others and s.actor == "asker" and (s.own_relative or bond == "geen") and s.asker_role not in ("zorgprofessional", "zorginstelling"):
        facts["ook_anderen_dan_naaste"] = True
        if s.own_relative:
            facts["persoonlijke_band"] = True
    elif s.helps_others and s.actor == "other" and (s.relation in ("familie", "partner") or s.actor_role == "mantelzorger"):
        # 'de zoon van een bewoner helpt ook andere bewoners'
        facts["ook_anderen_dan_naaste"] = True
        facts["persoonlijke_band"] = True
    if s.spontaneous is False:
        facts["op_verzoek_structureel"] = True
    elif s.spontaneous is True:
        facts["op_verzoek_structureel"] = False
    if s.tasks:
        facts["zorghandeling"] = True
    elif s.non_care_activity:
        facts["zorghandeling"] = False
    if named == "zorgprofessional":
        facts["beroepsmatig"] = True
    elif named in ("vrijwilliger", "mantelzorger"):
        facts["beroepsmatig"] = False
    elif s.paid == "loon" and (bond == "geen" or (bond is None and not s.bond_from_start)):
        facts["beroepsmatig"] = True
    if s.free_time:
        facts["vrije_tijd"] = True
    elif s.at_work:
        facts["vrije_tijd"] = False
    if s.paid == "pgb":
        facts["betaald_uit_pgb"] = True
    if s.via_volunteer_org and "persoonlijke_band" not in facts and s.paid != "loon" and named in (None, "vrijwilliger"):
        # 'Via de diaconie bezoek ik een oudere man': unpaid, through an organisation, no bond at the start (000 'Welke rol heb ik?').
        facts["persoonlijke_band"] = False
        facts.setdefault("beroepsmatig", False)
    if s.bond_later:
        facts["later_band"] = True
        facts["persoonlijke_band"] = False
    if s.bond_ended and not s.tasks and (s.structural or s.helps_others or s.non_care_activity):
        # 001 'Van mantelzorger tot vrijwilliger': after the partner died the
        # bond with the residents he now helps is not a personal one.
        facts["persoonlijke_band"] = False
        facts["beroepsmatig"] = False
        facts.pop("ook_anderen_dan_naaste", None)
    return facts


def acting_role(kb: KnowledgeBase, s: Situation) -> Actor:
    """The role of whoever does the care task, decided from the whole story."""
    facts = role_facts(kb, s)
    determination = determine_role(kb, facts)
    role = determination.role
    named = facts.get("genoemde_rol")
    if role is None and named in _ACTING_ROLES and named != "zorgprofessional":
        role = named
    if role == "zorginstelling" and s.actor == "other" and s.actor_role in _ACTING_ROLES:
        role = s.actor_role
    if named == "wettelijk_vertegenwoordiger" and role in (None, "mantelzorger") and not facts.get("persoonlijke_band"):
        role = "wettelijk_vertegenwoordiger"
    return Actor(is_asker=s.actor == "asker", role=role, determination=determination, words=s.actor_words)


def circumstances(s: Situation) -> Circumstances:
    return Circumstances(
        relation=s.relation,
        age=s.receiver_age,
        capacity=s.capacity,
        refusal=s.refusal if s.refusal == "receiver" else None,
        helper_age=s.actor_age if s.actor_age is not None and s.actor_age < 18 else None,
    )


def doer(kb: KnowledgeBase, s: Situation) -> Optional[Actor]:
    """The person in the story who does the care task, when the asker speaks
    for an organisation or as a professional ('de zoon van mevrouw spuit ...')."""
    if not s.doer_words or s.actor == "other":
        return None
    from dataclasses import replace

    as_actor = replace(s, actor="other", actor_words=s.doer_words, actor_role=s.doer_role,
                       relation=s.doer_relation or s.relation)
    actor = acting_role(kb, as_actor)
    return actor if actor.role else None
