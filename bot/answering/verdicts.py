"""First lines that must carry the verdict the question asks for.

'Klopt dat?' after a claim in the story: the part built for the story answers
the underlying question ('mag een mantelzorger stomazorg doen?'); its first
line must also say whether the claim holds. A claim that forbids or limits
what the sources allow, or one that leaves no room for the conditions the
sources name, is not right.

'Moet ik ...?' answered with 'je hoeft geen ...' or 'je bent niet verplicht':
the first line then starts with 'Nee'. `first_line` applies every check in turn."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from bot.answering.reply import Part, phrase
from bot.understanding.claims import reported_claim
from bot.understanding.cues import form
from bot.understanding.text import normalize

_RESTRICTIVE = form("restrictive_claim")
_ABSOLUTE = form("absolute_claim")
_CONSENT = form("consent_claim")


def claim_kind(claim: str) -> Optional[str]:
    """'restrictive', 'absolute', or None for a claim the sources' conditions may confirm."""
    if re.search(r"\bzonder\b", claim) and not re.search(r"\b(niet|geen|nooit)\b", claim):
        return "absolute"  # 'dat een kind van 14 zonder de ouders mag beslissen'
    if _CONSENT.search(claim):
        return None  # 'alleen als ik toestemming geef': the sources' own condition
    if _RESTRICTIVE.search(claim):
        return "restrictive"
    if _ABSOLUTE.search(claim):
        return "absolute"
    return None


def lead_verdict(lead: str) -> Optional[str]:
    low = lead.strip().lower()
    if re.match(r"^(nee|niet zomaar)\b", low):
        return "nee"
    if re.match(r"^ja\b", low):
        return "ja"
    if re.match(r"^(dat |het )?(hangt|verschilt)\b", low):
        return "hangt_af"
    return None


def checked_claim(part: Part, text: str, questions: Sequence[str]) -> Part:
    """The part with a first line that also judges the reported claim."""
    if not questions or "klopt" in part.lead.lower()[:40]:
        return part
    claim = reported_claim(text, questions[-1])
    kind = claim_kind(claim) if claim else None
    if kind is None:
        return part
    verdict = lead_verdict(part.lead)
    if verdict == "ja" and kind == "restrictive":
        rest = re.sub(r"^ja,?\s*", "", part.lead, flags=re.I)
        return replace(part, lead=phrase("first_line.claim_niet_waar") + rest, verdict="nee")
    if verdict is None or (verdict == "hangt_af" and kind == "absolute"):
        return replace(part, lead=phrase("first_line.claim_niet_helemaal") + part.lead, verdict="nee")
    return part


_MUST_QUESTION = form("must_question")
_NOT_NEEDED_LEAD = form("not_needed_lead")


def must_answered(part: Part, question: str) -> Part:
    """'Moet ik echt toestemming geven?' - 'Je hoeft jezelf geen toestemming te geven.' becomes 'Nee, je hoeft ...'."""
    last_clause = re.split(r"[:;,]\s+", question.strip())[-1]
    if lead_verdict(part.lead) is not None or not _MUST_QUESTION.search(normalize(last_clause)):
        return part
    if _NOT_NEEDED_LEAD.search(normalize(part.lead)):
        return replace(part, lead="Nee, " + part.lead[0].lower() + part.lead[1:], verdict="nee")
    return part


_ONLY_ONE_CONDITION = form("only_one_condition")


def sufficiency_answered(part: Part, question: str) -> Part:
    """'Mag ik dat als ik denk dat ik het kan?', 'mag ik het gewoon doen als de cliënt het goed vindt?':
    for a volunteer or a professional one condition alone is not enough (000 'Vrijwilliger', 'Zorgprofessional')."""
    named = re.search(r"\b(vrijwilliger|vrijwilligers|verpleegkundige|verzorgende|zorgprofessional|medewerker)\b", normalize(question))
    if (part.role not in ("vrijwilliger", "zorgprofessional") and not (part.role is None and named)) or part.kind not in ("mag_ik", "wet_big"):
        return part
    if lead_verdict(part.lead) == "nee" or not _ONLY_ONE_CONDITION.search(normalize(question)):
        return part
    if lead_verdict(part.lead) == "hangt_af":
        return replace(part, lead=phrase("first_line.niet_zomaar").rstrip(": ") + ". " + part.lead, verdict="nee")
    lead = re.sub(r"^ja,? (maar )?", "", part.lead, flags=re.I)
    return replace(part, lead=phrase("first_line.niet_zomaar") + lead[0].lower() + lead[1:], verdict="nee")


_BECOME_ROLE = form("become_role")


def role_change_answered(part: Part, question: str) -> Part:
    """'Moet ik daarvoor eerst vrijwilliger worden?' answered with 'Je bent hier mantelzorger.'"""
    m = _BECOME_ROLE.search(normalize(question))
    if not m or lead_verdict(part.lead) is not None or part.role is None or part.role == m.group(6):
        return part
    if not re.match(r"^(je bent|jij bent|hij is|zij is|ze is|[a-z ]+ doet het) ", part.lead.lower()):
        return part
    return replace(part, lead="Nee. " + part.lead, verdict="nee")


_SAME_AS = form("same_as")


def sameness_answered(part: Part, question: str) -> Part:
    """'Is familie informeren hetzelfde als toestemming geven?': the sources keep such things apart."""
    if not _SAME_AS.search(normalize(question)) or lead_verdict(part.lead) == "nee":
        return part
    lead = re.sub(r"^ja\.\s+", "", part.lead, flags=re.I)
    if lead_verdict(lead) is not None:
        return part
    return replace(part, lead=phrase("first_line.niet_hetzelfde") + lead, verdict="nee")


_YES_NO_START = form("yes_no_start")
_IMPLICIT_YES = form("implicit_yes_lead")


def implicit_yes_answered(part: Part, question: str) -> Part:
    """'Mogen wij een WhatsApp-groep maken?' - 'Dat kan, als ...' says yes: the first line says it in so many words."""
    q = normalize(re.split(r"[:;,]\s+", question.strip())[-1])
    if lead_verdict(part.lead) is not None or not _YES_NO_START.match(q) or not _IMPLICIT_YES.match(part.lead.lower()):
        return part
    return replace(part, lead="Ja, " + part.lead[0].lower() + part.lead[1:], verdict=part.verdict or "ja_onder_voorwaarden")


def first_line(part: Part, text: str, questions: Sequence[str]) -> Part:
    """The first part with a first line that carries the verdict its question asks for."""
    last = questions[-1] if questions else text
    part = checked_claim(part, text, questions)
    for check in (must_answered, sufficiency_answered, role_change_answered, sameness_answered, implicit_yes_answered):
        part = check(part, last)
    return part
