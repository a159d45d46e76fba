"""Builds the parts of an answer, one per question type, from the knowledge
base and the understood situation. The wording of rules and facts comes from
data/kb; only the sentence frames come from templates/phrases.yml."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import List, Optional, Tuple

from bot.answering.reasoning import Actor, circumstances, doer
from bot.answering.reply import Block, Part, phrase
from bot.kb.domain import Citation, Dilemma, KnowledgeBase, Topic
from bot.kb.rules import consent_band, decide, liability_for
from bot.understanding.questions import is_generic
from bot.understanding.situation import Situation
from bot.understanding.cues import cues, form
from bot.understanding.text import normalize, sentences

_FEMALE = {"moeder", "ma", "mama", "mam", "moeke", "zus", "zuster", "zusje", "oma", "tante", "dochter", "dochtertje", "nicht",
           "schoonmoeder", "schoonzus", "schoondochter", "stiefmoeder", "grootmoeder", "vrouw", "echtgenote", "vriendin",
           "buurvrouw", "overbuurvrouw", "bovenbuurvrouw", "benedenbuurvrouw", "bewoonster", "mevrouw", "clientе"}
_MALE = {"vader", "pa", "papa", "pap", "broer", "broertje", "opa", "oom", "zoon", "zoontje", "neef", "schoonvader", "zwager",
         "schoonzoon", "stiefvader", "grootvader", "man", "echtgenoot", "vriend", "buurman", "overbuurman", "bovenbuurman",
         "benedenbuurman", "meneer"}


# -- words for the people in the story ------------------------------------------

def you_form(words: Optional[str]) -> Optional[str]:
    """'mijn zus' as the assistant says it to the asker: 'je zus'."""
    if not words:
        return None
    w = re.sub(r"^(mijn|m'n|mn|me)\b", "je", words.strip())
    w = re.sub(r"^een\b", "de", w)  # once named, 'een bewoner' is 'de bewoner'
    return re.sub(r"^(onze|ons)\b", "jullie", w)


def _you_are(rol: str) -> str:
    # "Je bent hier zorginstelling" is not Dutch; an organisation is addressed as such.
    return phrase("role_first.self_org") if rol == "zorginstelling" else phrase("role_first.self", rol=rol)


def pronoun(words: Optional[str]) -> str:
    noun = (words or "").split()[-1] if words else ""
    if noun in _FEMALE:
        return "zij"
    if noun in _MALE:
        return "hij"
    return "die"


def receiver_words(s: Situation) -> str:
    if s.receiver == "asker":
        return "jij"
    return you_form(s.receiver_words) or "de zorgvrager"


_PLURAL_PEOPLE = form("plural_people")


def is_plural(words: str) -> bool:
    return bool(_PLURAL_PEOPLE.search(words or ""))


def actor_words(s: Situation, actor: Actor) -> str:
    if actor.is_asker:
        return "je"
    if actor.words and is_plural(actor.words) and " " not in actor.words.strip():
        return "de " + actor.words.strip()  # 'dochters' named bare in 'een paar dochters en zonen'
    return you_form(actor.words) or {"vrijwilliger": "de vrijwilliger", "mantelzorger": "de mantelzorger",
                                      "zorgprofessional": "de zorgprofessional"}.get(actor.role or "", "die persoon")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


_CHILD = {"dochter", "zoon", "kind", "dochtertje", "zoontje", "baby", "kleinkind", "kleinzoon", "kleindochter"}


# 'Mag de instelling dat zonder mijn toestemming doen?', 'hoeft zij geen toestemming te vragen?'
WITHOUT_CONSENT = form("without_consent")


def without_consent_lead(kb: KnowledgeBase, s: Situation, question: str) -> Optional[str]:
    """The no to 'may it happen without consent?' (000: without the receiver's
    yes, or the parent's or representative's, a care task is not done)."""
    if s.receiver == "self" or not WITHOUT_CONSENT.search(normalize(question)):
        return None
    band = consent_band(kb, s.receiver_age)
    if band is not None and band.id == "zestien_plus" and _ASKS_WITHOUT_PARENTS.search(normalize(question)):
        return None  # 'zonder toestemming van mijn ouders' at 17: the age answer says yes
    return phrase("consent_first.zonder", instemming=consent_clause(kb, s))


_BAN_CLAIM = form("ban_claim")
_CHECKS_BAN = form("checks_ban")


def _disputes_a_ban(text: str, question: str) -> bool:
    """The story quotes someone saying it is not allowed and the question checks that claim."""
    q = normalize(question)
    if not _CHECKS_BAN.search(q) or q.startswith("wie") or re.search(r"\b(mag|mogen) (ik|we|wij|hij|zij|ze)\b", q):
        return False  # 'wie heeft gelijk, mag ik dat?' asks for permission itself
    return any(_BAN_CLAIM.search(normalize(x)) for x in sentences(text))


def consent_clause(kb: KnowledgeBase, s: Situation) -> str:
    """Whose yes counts here: the receiver, the parent (under 12), both (12-16), or the representative."""
    naaste = receiver_words(s)
    band = consent_band(kb, s.receiver_age)
    own_child = (s.receiver_words or "").split(" ")[0] in ("mijn", "m'n", "mn") and (s.receiver_words or "").split(" ")[-1] in _CHILD
    if band is not None and band.id == "jonger_dan_12":
        return phrase("instemming.ouder_zelf" if own_child else "instemming.ouder")
    if band is not None and band.id == "twaalf_tot_zestien":
        return phrase("instemming.kind_en_ouder_zelf" if own_child else "instemming.kind_en_ouder", naaste=naaste)
    if s.capacity == "wilsonbekwaam" or (s.asker_role == "wettelijk_vertegenwoordiger" and s.asker_role_stated):
        return phrase("instemming.vertegenwoordiger")
    return phrase("instemming.gewoon", naaste=naaste)


def role_label(kb: KnowledgeBase, role: Optional[str]) -> str:
    return kb.roles[role].label if role in kb.roles else ""


_FAMILY_WORDS = form("family_words")


def _people(kb: KnowledgeBase, s: Situation, actor: Actor) -> str:
    """Who is who in the story, for answers that are not about a role: the
    person acting, a relative of someone else, or the asker's own role."""
    if not actor.is_asker and actor.role:
        return role_of_actor(kb, s, actor)
    other = doer(kb, s)
    if other is not None:
        return role_of_actor(kb, s, other)
    staff = s.asker_role in ("zorgprofessional", "zorginstelling")
    if staff and _FAMILY_WORDS.search(normalize(s.text)):
        return phrase("role_family")
    # The asker's own role only when the story says it or names their relative.
    role = s.asker_role if s.asker_role_stated else (actor.role if actor.is_asker and s.own_relative else None)
    if role in kb.roles:
        return _you_are(kb.roles[role].label) if role != "zorginstelling" else phrase("asker_as", rol=kb.roles[role].label)
    return ""


def people_line(kb: KnowledgeBase, s: Situation, actor: Actor) -> str:
    """Who is who in the story, and for staff and organisations asking about
    someone else also the asker's own role, so the answer addresses them."""
    line = _people(kb, s, actor)
    role = s.asker_role if s.asker_role_stated else None
    if role in ("zorgprofessional", "zorginstelling") and kb.roles[role].label not in line:
        line = (line + " " + phrase("asker_as", rol=kb.roles[role].label)).strip()
    return line


def asker_line(kb: KnowledgeBase, s: Situation) -> str:
    """'Jij stelt de vraag als zorgprofessional.' for the role the asker stated."""
    label = kb.roles[s.asker_role].label
    return _you_are(label) if s.asker_role in ("mantelzorger", "vrijwilliger", "zorgvrager") else phrase("asker_as", rol=label)


def role_of_actor(kb: KnowledgeBase, s: Situation, actor: Actor) -> str:
    if actor.is_asker or not actor.role:
        return ""
    who = actor_words(s, actor)
    label = kb.roles[actor.role].label
    if re.sub(r"^(de|het|een|die|deze) ", "", normalize(who)).rstrip("s") in (label, label + "e"):
        return phrase("role_of_bare", rol=label)  # not 'Mantelzorger doet het hier als mantelzorger'
    plural = is_plural(who) or re.search(r"\bzorgprofessionals$", who)
    return phrase("role_of_actor_plural" if plural else "role_of_actor", wie_hoofd=_cap(who), rol=kb.roles[actor.role].label)


def _key(actor: Actor) -> str:
    return "self" if actor.is_asker else "other"


_YES_NO_VERB = r"(bestaat|bestaan|mag|mogen|had|hadden|is|ben|zijn|word|wordt|worden|kan|kun|kunnen|moet|moeten|heb|hebben|klopt|geldt|gelden|valt|vallen|blijf|blijft|hoef|hoeft|hoeven|zou|zouden|mocht|betekent|verandert|tel|telt|does|is|am|can|may|do)"


def _asks_yes_no(question: str) -> bool:
    """'Mag ik ...?', '..., ben ik dan aansprakelijk?', '... of niet?' - not 'wie/wat/hoe ...?'."""
    q = re.sub(r"^(maar|en|dus|want|of|nou|oke|ok|goed|vraagje|vraag)\s+", "", normalize(question))
    if re.match(r"^(wie|wat|hoe|waar|wanneer|welke|welk|waarom|waarover|hoeveel)\b", q) and not re.match(r"^wat als\b", q):
        return False
    if re.match(rf"^{_YES_NO_VERB}\b", q) or q.endswith(("of niet", "wel of niet", "ja of nee")):
        return True
    return bool(re.search(rf"\b{_YES_NO_VERB} (ik|je|jij|u|we|wij|hij|zij|ze|het|dat|dit|er|de|mijn|onze)\b(?!.*\b(wie|wat|hoe|welke)\b)", q)
                and re.match(r"^(als|wanneer|stel|nu|dan|en als|wat als)\b", q))


# -- mag ik ---------------------------------------------------------------------

# "Mag dat zomaar?", "kan ik daar gewoon ja op zeggen?": asking whether no
# conditions apply. For a volunteer they always do, so the honest answer is no.
_JUST_DO_IT = form("just_do_it")
# A relative, not the organisation, asks the volunteer; family cannot give the assignment.
_FAMILY_ASKS = form("family_asks")
_CLIENT_ASKS = form("client_asks")


def permission_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str) -> Part:
    role = actor.role
    task = kb.tasks.get(s.task or "")
    who = actor_words(s, actor)
    naaste = receiver_words(s)
    if s.non_care_activity and not task:
        note = kb.note("geen_zorghandeling")
        blocks = [Block(note.text)]
        sources = [note.source]
        if s.helps_others:
            spont = kb.note("spontaneous_help")
            blocks.append(Block(spont.text))
            sources.append(spont.source)
        return Part("mag_ik", phrase(f"first_line.geen_zorghandeling.{_key(actor)}"), tuple(blocks), tuple(sources), "ja", role)
    if role is None:
        return _permission_overview(kb, s, actor, task)
    decision = decide(kb, role, task.id if task else None, circumstances(s))
    band = consent_band(kb, s.receiver_age)
    voorbehouden = task is not None and task.voorbehouden == "ja"
    if decision.refused and s.receiver == "asker" and (band is None or band.id == "zestien_plus") and _ASKS_OWN_SAY.search(normalize(question)):
        # 'Ik wil niet dat mijn zoon ... Mag ik dat zelf bepalen?': yes, the one cared for decides (000 'Zorgvrager').
        key = "geweigerd_zelf_bepalen"
    elif decision.refused:
        key = "geweigerd_onder_12" if band is not None and band.id == "jonger_dan_12" else "geweigerd"
    elif role == "zorgvrager" and band is not None and band.id == "jonger_dan_12":
        key = "zorgvrager_onder_12"
    elif role == "zorgvrager" and band is not None and band.id == "twaalf_tot_zestien":
        # 'Mag ik dat helemaal zelf beslissen?' at 14: no, the parent decides too.
        key = "zorgvrager_12_16_zelf_beslissen" if _DECIDES_ALONE.search(normalize(question)) else "zorgvrager_12_16"
    elif role == "vrijwilliger" and re.search(r"\bzelf (beslissen|besluiten|bepalen|kiezen)\b", normalize(question)):
        key = "vrijwilliger_zelf_beslissen"
    elif role == "vrijwilliger" and _FAMILY_ASKS.search(normalize(s.text)) and s.spontaneous is not False:
        key = "vrijwilliger_familie_vraagt"
    elif role == "vrijwilliger" and _CLIENT_ASKS.search(normalize(question)):
        # 'Had het wel gemogen, omdat hij het zelf vroeg?': the client's wish alone is not enough (000 'Vrijwilliger').
        key = "vrijwilliger_client_vraagt"
    elif role == "vrijwilliger" and _JUST_DO_IT.search(normalize(question)):
        key = "vrijwilliger_niet_zomaar"
    elif voorbehouden and role in ("vrijwilliger", "zorginstelling"):
        key = f"{role}_voorbehouden"
    else:
        key = role
    handeling = task.doing if task else "dat doen"
    bij = f" bij {naaste}" if naaste not in ("de zorgvrager", "jij") and role not in ("zorgvrager",) else (" bij jou" if naaste == "jij" else "")
    lead = phrase(f"first_line.{key}.{_key(actor)}", wie=who, handeling=handeling, handeling_hoofd=_cap(handeling),
                  bij=bij, naaste=naaste, instemming=consent_clause(kb, s))
    if key == "vrijwilliger_zelf_beslissen":
        decision = replace(decision, verdict="nee")
    no_consent = without_consent_lead(kb, s, question) if role != "zorgvrager" else None
    band = consent_band(kb, s.receiver_age)
    if no_consent:
        lead, decision = no_consent, replace(decision, verdict="nee")
    elif s.refusal == "receiver" and role != "zorgvrager" and s.capacity not in ("wilsonbekwaam", "twijfel") \
            and (band is None or band.id != "jonger_dan_12") and decision.verdict in ("ja", "ja_onder_voorwaarden"):
        # 'Het meisje (14) wil het niet. Kan ik het doen als de moeder het goed vindt?': her no counts (000 'Wie geeft toestemming?').
        lead, decision = phrase("consent_first.weigering", naaste=naaste), replace(decision, verdict="nee")
    elif decision.verdict in ("ja", "ja_onder_voorwaarden") and lead.startswith("Ja, ") and _disputes_a_ban(s.text, question):
        # 'Een verzorgende zei dat dat niet mag. Is dat echt zo?': no, the claim is wrong.
        lead, decision = phrase("first_line.claim_niet_waar") + lead[len("Ja, "):], replace(decision, verdict="nee")
    blocks: List[Block] = []
    sources: List[Citation] = list(decision.sources)
    outcome = actor.determination.outcome
    if not actor.is_asker:
        blocks.append(Block(role_of_actor(kb, s, actor)))
        if outcome is not None and outcome.id in _SPECIAL_OUTCOMES:
            blocks.append(Block(outcome.explanation))
            sources.insert(0, outcome.source)
    elif outcome is not None and outcome.id in _SPECIAL_OUTCOMES:
        blocks.append(Block(outcome.explanation))
        sources.insert(0, outcome.source)
    if decision.refused:
        if actor.is_asker:
            blocks.insert(0, Block(_you_are(role_label(kb, role))))
        blocks.extend(Block(n.text) for n in decision.consent)
        blocks.append(Block(kb.note("instemming_uitvoerder").text))
        return Part("mag_ik", lead, tuple(blocks), tuple(sources), decision.verdict, role)
    if task is None and s.tasks == () and _mentions_unlisted_task(question):
        note = kb.note("onbekende_handeling")
        blocks.append(Block(note.text))
        sources.append(note.source)
    blocks.append(Block(" ".join(r.summary for r in decision.rules)))
    if decision.conditions:
        blocks.append(Block(title=phrase("lines.conditions_title"), items=tuple(c.text for c in decision.conditions)))
    consent = [n for n in decision.consent if n.text not in " ".join(c.text for c in decision.conditions)]
    if consent:
        blocks.append(Block(title=phrase("lines.consent_title"), items=tuple(n.text for n in consent)))
    if decision.conditional_rules and role in ("mantelzorger", "vrijwilliger", "zorgvrager", "zorginstelling", "zorgprofessional"):
        blocks.append(Block(title=phrase("lines.voorbehouden_unknown", handeling=task.label if task else "deze handeling"),
                            items=tuple(r.summary for r in decision.conditional_rules)))
    blocks.extend(_asker_blocks(kb, s, actor, sources))
    if s.communication_problem:
        blocks.append(communication_block(kb))
    if role != "zorgvrager":
        blocks.append(Block(_liability_line(kb, s, actor)))
    blocks.append(Block(phrase("lines.doubt")))
    return Part("mag_ik", lead, tuple(blocks), tuple(sources), decision.verdict, role)


_SPECIAL_OUTCOMES = ("mantelzorger_pgb", "mantelzorger_professional_vrije_tijd", "zorgprofessional_in_werk", "vrijwilliger_later_band",
                     "vrijwilliger_andere_bewoners", "vrijwilliger_op_verzoek", "spontaan_andere_bewoner")


def _mentions_unlisted_task(question: str) -> bool:
    return bool(re.search(r"\b(mag|mogen|kan|kunnen) (ik|je|wij|we|een|de|mijn|hij|zij) .{3,}", normalize(question)))


def _permission_overview(kb: KnowledgeBase, s: Situation, actor: Actor, task) -> Part:
    who = actor_words(s, actor)
    lead = phrase(f"first_line.rol_onbekend.{_key(actor)}", wie=who)
    items = []
    sources: List[Citation] = []
    for role_id in ("mantelzorger", "vrijwilliger", "zorgprofessional"):
        rule = next(p for p in kb.permissions if p.role == role_id and p.scope == "alle")
        items.append(f"{_cap(kb.roles[role_id].label)}: {rule.summary}")
        sources.append(rule.source)
    note = kb.note("rol_onbekend")
    blocks = (Block(note.text), Block(title=phrase("lines.roles_overview"), items=tuple(items)))
    return Part("mag_ik", lead, blocks, tuple([note.source] + sources), "hangt_af", None)


def _asker_blocks(kb: KnowledgeBase, s: Situation, actor: Actor, sources: List[Citation]) -> List[Block]:
    """What the asker must do when they ask about someone else acting."""
    blocks: List[Block] = []
    if actor.is_asker and actor.role == "zorginstelling":
        norm = normalize(s.text)
        for target, words in (("vrijwilliger", r"\bvrijwillig\w*"), ("mantelzorger", r"\b(mantelzorg\w*|familie\w*|naasten|dochter|zoon)\b")):
            if re.search(words, norm):
                note = kb.note(f"instelling_bij_{target}")
                blocks.append(Block(note.text))
                sources.append(note.source)
    if not actor.is_asker and s.asker_role in ("zorgprofessional", "zorginstelling"):
        kind = "professional" if s.asker_role == "zorgprofessional" else "instelling"
        target = "vrijwilliger" if actor.role == "vrijwilliger" else "mantelzorger"
        note = kb.note(f"{kind}_bij_{target}")
        blocks.append(Block(note.text, title=phrase("lines.asker_role_title", rol=kb.roles[s.asker_role].label)))
        sources.append(note.source)
    if not actor.is_asker and s.actor_age is not None and s.actor_age < 18:
        note = kb.note("jonge_helper")
        blocks.append(Block(note.text))
        sources.append(note.source)
    return blocks


def _liability_line(kb: KnowledgeBase, s: Situation, actor: Actor) -> str:
    role = actor.role
    if role is None or role not in kb.liability:
        return ""
    if s.helps_others and role == "mantelzorger":
        return phrase("liability_first.spontaan")
    if s.helps_others and actor.determination.outcome is not None and actor.determination.outcome.id == "vrijwilliger_op_verzoek":
        return phrase("liability_first.op_verzoek")
    key = role if actor.is_asker or role in ("zorgvrager", "zorginstelling", "wettelijk_vertegenwoordiger") else f"{role}_other"
    return f"{phrase('lines.liability_title')} {phrase(f'liability_first.{key}')}"


# -- welke rol ---------------------------------------------------------------------

_ROLE_WORDS = {"mantelzorger": "mantelzorger", "mantelzorgers": "mantelzorger", "mantelzorgster": "mantelzorger",
               "vrijwilliger": "vrijwilliger", "vrijwilligers": "vrijwilliger", "vrijwilligster": "vrijwilliger",
               "zorgprofessional": "zorgprofessional", "zorgprofessionals": "zorgprofessional", "professional": "zorgprofessional",
               "professionals": "zorgprofessional", "beroepskracht": "zorgprofessional", "zorgverlener": "zorgprofessional",
               "zorgverleners": "zorgprofessional", "zorgvrager": "zorgvrager", "mantelzorg": "mantelzorger",
               "werknemer": "zorgprofessional", "medewerker": "zorgprofessional", "personeel": "zorgprofessional", "dienst": "zorgprofessional",
               "verpleegkundige": "zorgprofessional", "verzorgende": "zorgprofessional", "verpleger": "zorgprofessional"}


def _asked_role(question: str, s: Situation) -> Optional[str]:
    """'ben ik dan nog mantelzorger?' -> 'mantelzorger'; None for an open question."""
    q = normalize(question)
    # 'doe ik dat dan als mantelzorger?', 'gelden voor ons dezelfde regels als voor mantelzorgers?'
    role_form = re.search(r"\bdat (hij|zij|ze|ik) (\w+ ){0,2}(een |de )?(mantelzorger|vrijwilliger|zorgprofessional|vrijwilligster|mantelzorgster)\b|"
                          r"\b(moeten|moet) (wij|we|ik) (hem|haar|ze|hen) (\w+ ){0,2}als (een )?(vrijwilliger|mantelzorger)s? (registreren|inschrijven|aanmelden|zien|beschouwen)\b|"
                          r"\b(doen|doet|doe) als (een )?(mantelzorger|vrijwilliger)s?\b|"
                          r"\b(doe|doet|doen) (ik|hij|zij|ze|we|wij) (dat|dit|het) (dan |nu |nou |eigenlijk |nog |ook |gewoon |wel |toch |daar |hier |dus |voortaan )*als\b|\b(gelden|geldt|gelde) (\w+ ){0,4}(de |dezelfde )?regels (\w+ ){0,2}(als|van|voor)\b", q)
    if not role_form and not re.match(r"^(ben|is|zijn|word|wordt|worden|blijf|blijft|blijven|tel|telt|tellen|geld|geldt|gelden|val|valt|vallen|en ben|dus ben)\b", q) and not re.search(r"\b(ben|word|blijf|tel|val) ik\b", q):
        return None
    named = [_ROLE_WORDS[w] for w in re.findall(r"[a-z]+", q) if w in _ROLE_WORDS]
    if len(set(named)) > 1 and re.search(r"\bof\b", q):
        return None  # 'mantelzorger of medewerker?' is an open question, not yes or no
    if named:
        return named[0]
    if re.search(r"\b(ben|is) (ik|hij|zij|ze) (dat|dit)\b", q):
        found = [w for w in re.findall(r"[a-z]+", normalize(s.text)) if w in _ROLE_WORDS]
        return _ROLE_WORDS[found[-1]] if found else None
    return None


_ASKS_ROLE_CHANGE = form("asks_role_change")


def _role_before(s: Situation) -> Optional[str]:
    """The role the story starts from: a partner who died leaves a mantelzorger, a volunteer who became a friend."""
    if s.bond_ended or s.paid == "pgb" or (s.own_relative and not s.helps_others):
        return "mantelzorger"
    if s.bond_later:
        return "vrijwilliger"
    return None


def _role_change_lead(s: Situation, role_id: str, question: str) -> Optional[str]:
    if not _ASKS_ROLE_CHANGE.search(normalize(question)):
        return None
    before = _role_before(s)
    if before is None:
        return None
    return phrase("role_yesno.verandert_nee" if before == role_id else "role_yesno.verandert_ja")


def _role_yes_no(kb: KnowledgeBase, s: Situation, actor: Actor, outcome_id: str, role_id: str, asked: str, question: str) -> Optional[str]:
    if outcome_id in ("vrijwilliger_andere_bewoners", "vrijwilliger_op_verzoek"):
        about_others = re.search(r"\b(voor|bij|van) (hun|hen|die|deze|andere|de andere|die andere)\b|\b(doe|doet) (ik|hij|zij|ze) (dat|dit|het)\b|"
                                 r"\b(voor|bij) (hem|haar) (ook|dan ook|eigenlijk)\b|\book (voor|bij) (hem|haar)\b|"
                                 r"\b(voor|bij) ((de|die|deze) )?(buurman|buurvrouw|meneer|mevrouw|medebewoner\w*|bewoner\w*|mensen|anderen)\b|"
                                 r"\b(ben|is|blijf|blijft) (ik|hij|zij|ze) daar\b|\b(is|wordt|blijft) (dat|dit|het) (\w+ ){0,2}mantelzorg\b", normalize(question))
        if about_others and asked is None and re.search(r"\bmantelzorg\b", normalize(question)):
            asked = "mantelzorger"  # 'Is dat dan nog mantelzorg?' asks about the help for the others
        other = "" if actor.is_asker else "_other"
        who = actor_words(s, actor)
        if asked == "mantelzorger" and about_others:
            return phrase("role_yesno.split_nee_mantelzorger" + other, wie=who)
        return phrase("role_yesno.split_ja" + other, wie=who)
    if outcome_id == "spontaan_andere_bewoner":
        return phrase("role_yesno.spontaan_nee") if asked == "vrijwilliger" else phrase("role_yesno.spontaan_ja")
    if outcome_id == "zorginstelling" and asked != "zorginstelling":
        return phrase("role_yesno.organisatie")
    label = kb.roles[role_id].label
    # 'Ben ik dan geen mantelzorger meer?': no, you still are.
    negated = asked == role_id and re.search(r"\b(geen|niet( meer)?) (\w+ )?" + asked[:8], normalize(question))
    if negated:
        return phrase("role_yesno.blijft_self", rol=label) if actor.is_asker else phrase("role_yesno.blijft", wie_hoofd=_cap(actor_words(s, actor)), rol=label)
    if actor.is_asker:
        return phrase("role_yesno.ja_self" if asked == role_id else "role_yesno.nee_self", rol=label, gevraagd=asked)
    who = actor_words(s, actor)
    plural = bool(re.search(r"(medewerkers|vrijwilligers|mantelzorgers|zij|ze)$", who))
    return phrase("role_yesno.ja" if asked == role_id else "role_yesno.nee", wie_hoofd_lc=who, zijn="zijn" if plural else "is", rol=label, gevraagd=asked)


_TWO_ROLES = form("two_roles")
_ASKS_SAME_ROLE = form("asks_same_role")
_ASKS_ROLE_DIFFERENCE = form("asks_role_difference")
# 'Klopt dat?', 'Heeft mijn zus gelijk?' after a claim in the story.
_CHECKS_CLAIM = form("checks_claim")
_CLAIM = form("claim")


def _claimed_role(text: str) -> Optional[Tuple[str, bool]]:
    """The role someone in the story claims ('mijn zus zegt dat ik personeel ben
    geworden'): (role, negated), or None when the story holds no such claim."""
    for sentence in sentences(text):
        m = _CLAIM.search(normalize(sentence))
        if not m:
            continue
        rest = m.group(2)
        for word in re.findall(r"[a-z]+", rest):
            if word in _ROLE_WORDS:
                negated = bool(re.search(rf"\b(geen|niet|niet meer) (\w+ ){{0,2}}{word}\b", rest))
                return _ROLE_WORDS[word], negated
    return None


def _claim_lead(kb: KnowledgeBase, s: Situation, actor: Actor, role_id: str, claimed: str, negated: bool) -> str:
    label = kb.roles[role_id].label
    true = (claimed == role_id) != negated
    if actor.is_asker:
        if true:
            return phrase("role_yesno.ja_self", rol=label)
        return phrase("role_yesno.claim_nee_self", rol=label)
    who = actor_words(s, actor)
    return phrase("role_yesno.ja" if true else "role_yesno.claim_nee", wie_hoofd_lc=who, zijn="is", rol=label)


# What a decided role means for the care task in the story: the role's general
# permission rule (scope 'alle' in data/kb/permissions.yml) and, when that rule
# asks for it, where the agreements are kept.
_ROLE_MEANS_ROLES = ("mantelzorger", "vrijwilliger")


def _role_means_block(kb: KnowledgeBase, s: Situation, role_id: str, outcome_id: str) -> Optional[Tuple[Block, List[Citation]]]:
    if not s.tasks or role_id not in _ROLE_MEANS_ROLES or outcome_id in ("vrijwilliger_op_verzoek", "vrijwilliger_andere_bewoners", "spontaan_andere_bewoner"):
        return None
    permission = next(p for p in kb.permissions if p.role == role_id and p.scope == "alle")
    text, sources = permission.summary, [permission.source]
    if "afspraken_zorgdossier" in permission.conditions:
        condition = kb.conditions["afspraken_zorgdossier"]
        text, sources = f"{text} {condition.text}", sources + [condition.source]
    return Block(text, title=phrase("lines.role_means_title")), sources


def role_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str = "") -> Part:
    det = actor.determination
    who = actor_words(s, actor)
    sources: List[Citation] = []
    blocks: List[Block] = []
    asked = _asked_role(question, s)
    # 'Ben ik zijn mentor of zijn mantelzorger? Of allebei?'
    two_roles = bool(_TWO_ROLES.search(normalize(question)) or re.search(r"\bof (allebei|beide|allebei tegelijk)\b", normalize(s.text)))
    qn = normalize(question)
    same = _ASKS_SAME_ROLE.search(qn)
    if same or _ASKS_ROLE_DIFFERENCE.search(qn):
        # 'Wat is nou precies het verschil?' between the roles (000 'Welke rol heb ik?').
        ids = ("mantelzorger", "vrijwilliger", "zorgprofessional")
        items = tuple(f"{_cap(kb.roles[r].label)}: {kb.roles[r].description}" for r in ids)
        return Part("rol", phrase("role_first.verschil_nee" if same else "role_first.verschil"),
                    (Block(title=phrase("lines.roles_overview"), items=items),), tuple(kb.roles[r].source for r in ids),
                    "nee" if same else None, None)
    if _REPRESENTATIVE_IS_CARER.search(normalize(question)):
        # 'Is een mentor automatisch ook de mantelzorger?': two roles that can go together, but need not (000 'Zorgvrager').
        role = kb.roles["wettelijk_vertegenwoordiger"]
        return Part("rol", phrase("role_yesno.vertegenwoordiger_niet_automatisch"), (Block(role.description),),
                    (role.source,), "nee", "wettelijk_vertegenwoordiger")
    if det.decided and det.outcome is not None:
        outcome = det.outcome
        role = kb.roles[det.role]
        claim = _claimed_role(s.text) if _CHECKS_CLAIM.search(normalize(question)) or is_generic(question) else None
        yesno = _role_yes_no(kb, s, actor, outcome.id, det.role, asked, question) if asked else None
        # A representative who also cares for the person: both roles, each for its own part.
        representative = actor.is_asker and det.role == "mantelzorger" and s.asker_role == "wettelijk_vertegenwoordiger"
        if two_roles:
            lead = phrase("role_yesno.twee_rollen_vertegenwoordiger" if representative else "role_yesno.twee_rollen")
        elif representative and (not yesno or re.search(r"\b(mentor|vertegenwoordiger|curator)\b", normalize(question))):
            lead = phrase("role_first.self_vertegenwoordiger")
        elif claim is not None and not asked:
            lead = _claim_lead(kb, s, actor, det.role, *claim)
        elif yesno:
            lead = yesno
        elif outcome.id == "spontaan_andere_bewoner":
            lead = phrase("role_first.self_split_spontaan") if actor.is_asker else phrase("role_first.other_split_spontaan", wie_hoofd=_cap(who))
        elif outcome.id in ("vrijwilliger_op_verzoek", "vrijwilliger_andere_bewoners") and not actor.is_asker:
            lead = phrase("role_first.other_split", wie_hoofd=_cap(who), is_zijn="zijn" if is_plural(who) else "is")
        elif outcome.id == "vrijwilliger_op_verzoek":
            lead = phrase("role_first.self_split_op_verzoek")
        elif outcome.id == "vrijwilliger_andere_bewoners":
            lead = phrase("role_first.self_split")
        elif actor.is_asker:
            lead = _you_are(role.label)
        else:
            lead = phrase("role_first.other", wie_hoofd=_cap(who), rol=role.label)
        change = _role_change_lead(s, det.role, question) if actor.is_asker and not yesno else None
        if change:
            lead = f"{change} {lead}"
        blocks.append(Block(outcome.explanation))
        sources.append(outcome.source)
        if s.bond_ended and det.role == "vrijwilliger":
            after = kb.note("na_overlijden_vrijwilliger")  # 001 'Van mantelzorger tot vrijwilliger' (Harry)
            blocks.append(Block(after.text))
            sources.append(after.source)
        if det.difference is not None:
            blocks.append(Block(det.difference.combined, title=phrase("lines.difference_title")))
            sources.extend(r.source for r in det.difference.readings)
        blocks.append(Block(role.description))
        sources.append(role.source)
        means = _role_means_block(kb, s, det.role, outcome.id)
        if means is not None:
            blocks.append(means[0])
            sources.extend(means[1])
        if not actor.is_asker and s.asker_role in ("zorgprofessional", "zorginstelling") and det.role in ("vrijwilliger", "mantelzorger"):
            # Staff asking about someone else: what they arrange for that role (a volunteer agreement, the care file).
            kind = "professional" if s.asker_role == "zorgprofessional" else "instelling"
            note = kb.note(f"{kind}_bij_{det.role}")
            blocks.append(Block(note.text, title=phrase("lines.asker_role_title", rol=kb.roles[s.asker_role].label)))
            sources.append(note.source)
        line = _liability_line(kb, s, actor)
        if line:
            blocks.append(Block(line))
        return Part("rol", lead, tuple(blocks), tuple(sources), None, det.role)
    lead = phrase("role_first.depends")
    verdict = "hangt_af"
    if two_roles:
        lead, verdict = phrase("role_yesno.twee_rollen"), "ja"
    possible = {o.role for o in det.alternatives}
    if asked and possible and asked not in possible and not two_roles:
        # Undecided between roles, none of them the one asked about: that one it is not.
        lead = phrase("role_yesno.undecided_nee_self" if actor.is_asker else "role_yesno.undecided_nee", gevraagd=kb.roles[asked].label if asked in kb.roles else asked,
                      opties=" of ".join(kb.roles[r].label for r in sorted(possible) if r in kb.roles))
        verdict = "nee"
    elif asked and possible and asked in possible and not two_roles and len(possible) > 1:
        # 'Ben je mantelzorger als je je moeder helpt terwijl je verzorgende bent?': yes, in the case that fits.
        others = sorted(r for r in possible if r != asked and r in kb.roles)
        lead = phrase("role_yesno.undecided_ja", gevraagd=kb.roles[asked].label if asked in kb.roles else asked,
                      anders=" of ".join(kb.roles[r].label for r in others))
        verdict = "ja_voorwaardelijk"
    if s.paid == "vergoeding" and asked in (None, "vrijwilliger") and not two_roles and actor.is_asker:
        # 'Ik krijg een onkostenvergoeding, ben ik nog vrijwilliger?' (001 'Begrippen').
        case = kb.role_outcomes.get("vrijwilliger_zonder_band")
        if case is not None:
            lead, verdict = phrase("role_yesno.vergoeding"), "ja_voorwaardelijk"
            blocks.append(Block(case.explanation))
            sources.append(case.source)
    if det.alternatives:
        blocks.append(Block(items=tuple(o.explanation for o in det.alternatives)))
        sources.extend(o.source for o in det.alternatives)
    else:
        note = kb.note("rol_onbekend")
        blocks.append(Block(note.text))
        sources.append(note.source)
    return Part("rol", lead, tuple(blocks), tuple(sources), verdict, None)


def decided_role_part(kb: KnowledgeBase, det) -> Part:
    """The role the role-doubt questions led to, with why (used after the form)."""
    role = kb.roles[det.role]
    blocks = [Block(det.outcome.explanation), Block(role.description)]
    sources = [det.outcome.source, role.source]
    if det.difference is not None:
        blocks.append(Block(det.difference.combined, title=phrase("lines.difference_title")))
        sources.extend(r.source for r in det.difference.readings)
    return Part("rol", _you_are(role.label), tuple(blocks), tuple(sources), None, det.role)


# -- aansprakelijkheid ----------------------------------------------------------------

_HOLDS_LIABLE = form("holds_liable")


def _liability_target(question: str, story: str = "") -> str:
    q = normalize(question)
    holds = _HOLDS_LIABLE.search(q)
    if holds and re.search(r"\b(thuiszorg|verpleeghuis|instelling|zorginstelling|organisatie|wijkverpleging|zorgaanbieder|stichting|tehuis)\b", q):
        return "instelling"  # 'Kan ik de thuiszorg daarvoor aansprakelijk stellen?', asked by the one cared for
    if re.search(r"\b(ben ik|kan ik|word ik|ik (zelf )?aansprakelijk|mijzelf|mezelf|ben je|ik dan|(mij|me) aansprakelijk)\b", q) and not holds:
        return "self"
    if story and re.match(r"^(klopt|is) (dat|dit|het)( wel| echt)?( zo| waar)?$", q.strip(" ?")) and re.search(
            r"\b(dat|of) ik (nu |dan |dus |zelf )*aansprakelijk (ben|zou zijn|ben voor)\b", normalize(story)):
        return "self"  # 'Mijn zus zegt dat ik nu aansprakelijk ben, klopt dat?'
    if story and re.search(r"\b(kunnen|zijn|is|kan) (zij|ze|die) (dan |nou |eigenlijk )*(ook |wel )?aansprakelijk\b", q) and re.search(
            r"\b(thuiszorg|verpleeghuis|instelling|zorginstelling|organisatie|wijkverpleging|verzorging|zorgaanbieder)\b", normalize(story)):
        return "instelling"  # 'De thuiszorg zag het maar zei niets. Kunnen zij ook aansprakelijk zijn?'

    if re.search(r"\b(is|zijn|kan|kunnen|wordt) (de|het|ons|onze|jullie|wij|we|hun) ?(zorg)?(instelling|organisatie|verpleeghuis|thuiszorg|zorgaanbieder|woonzorgcentrum|afdeling)?\b.*(aansprakelijk|verantwoordelijk)", q) \
            or re.search(r"\b(zijn wij|zijn we|is de instelling|is het verpleeghuis|is de organisatie|is de zorginstelling)\b", q) \
            or re.search(r"\b(een |de |het |onze )?(zorg)?(organisatie|instelling|verpleeghuis|thuiszorg|zorgaanbieder)( \w+){0,2} aansprakelijk\b", q):
        return "instelling"
    return "wie"


_OUTSIDE_AGREEMENTS = form("outside_agreements")
_NO_AGREEMENT = form("no_agreement")


def liability_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str) -> Part:
    organisation_asks = s.asker_role == "zorginstelling"
    staff_asks = s.asker_role == "zorgprofessional"
    q = normalize(question)
    yes_no = _asks_yes_no(question)
    target = _liability_target(question, s.text) if yes_no else "wie"
    asks_exceptions = bool(re.search(r"\buitzondering\w*|\bexceptions?\b", q))
    if asks_exceptions:
        target = "instelling"  # 'welke uitzonderingen zijn er waarbij de organisatie toch aansprakelijk is?'
    # Who did the care task: the person the story is about when an organisation
    # or a professional asks about someone else.
    subject = actor
    # A representative or the one cared for asking who is liable asks about whoever did the care.
    on_behalf = s.asker_role in ("wettelijk_vertegenwoordiger", "zorgvrager") and s.asker_role_stated and target != "self"
    if actor.is_asker and (organisation_asks or (staff_asks and target != "self") or on_behalf):
        other = doer(kb, s)
        if other is None:
            kinds = (("vrijwillig", "vrijwilliger"), ("mantelzorg", "mantelzorger"), ("familie", "mantelzorger"),
                     ("medewerker", "zorgprofessional"), ("verzorgende", "zorgprofessional"))
            named = next((r for w, r in kinds if w in q), None)
            in_story = {r for w, r in kinds if w in normalize(s.text)}
            if named is None and len(in_story) == 1 and not s.helps_others:
                named = in_story.pop()  # 'Die vrijwilligers ... Als een van hen een fout maakt, zijn wij dan aansprakelijk?'
            if named:
                other = Actor(is_asker=False, role=named, determination=actor.determination, words=f"de {named}")
        if other is not None:
            subject = other
    role = subject.role
    # Staff who asked relatives to help other residents answer for the organisation.
    asked_by_staff = bool(s.helps_others and (organisation_asks or staff_asks) and s.spontaneous is not True
                          and re.search(r"\b(gevraagd|verzoek|ingezet|inzetten)\b", normalize(s.text)))
    if role is None and (organisation_asks or asked_by_staff):
        role = "zorginstelling"  # staff who asked relatives to help other residents answer for the organisation
    if role is None and s.helps_others and subject.is_asker and s.asker_role in (None, "mantelzorger"):
        # A relative who also helps other residents: at the home's request structurally a volunteer (001 'Uitzonderingen (3)'),
        # on her own initiative still a mantelzorger (001 'Uitzonderingen (2)').
        asked = s.spontaneous is not True and re.search(r"\b(gevraagd|verzoek|vroeg|vroegen)\b", normalize(s.text))
        role = "vrijwilliger" if asked else "mantelzorger"
    if role is None:
        return _liability_overview(kb)
    if organisation_asks and target == "self":
        target = "instelling"
    outcome_id = subject.determination.outcome.id if subject.determination.outcome else ""
    on_request = {"vrijwilliger_op_verzoek": True, "spontaan_andere_bewoner": False}.get(outcome_id)
    if s.helps_others and on_request is None and s.spontaneous is not None:
        on_request = not s.spontaneous
    advice_role = "mantelzorger" if outcome_id == "spontaan_andere_bewoner" else role
    advice = liability_for(kb, advice_role if advice_role in kb.liability else "zorgvrager", helps_others=s.helps_others,
                           on_request=on_request, organisation_asks=organisation_asks)
    who = actor_words(s, subject)
    lead = None
    fault_of_other = re.search(r"\bvoor (de |een |die )?(fout|fouten|schade|vergissing|vergissingen) van (de|mijn|zijn|haar|die|een|deze) \w+", q) \
        or re.search(r"\b(als|wanneer|stel dat) (zij|hij|ze|die|de (mantelzorger|dochter|zoon|partner|man|vrouw)) (daarna |dan |later |toch )?(een fout|iets fout|iets verkeerd|fouten) (maakt|doet|maken)\b", normalize(s.text))
    carer = doer(kb, s)
    if staff_asks and yes_no and fault_of_other and not s.not_responded and (
            (carer is not None and carer.role == "mantelzorger") or re.search(r"\b(partner|echtgeno\w*|dochter|zoon|familie\w*|mantelzorger|man|vrouw)\b", fault_of_other.group(0))):
        # 001: a mantelzorger answers for his own mistakes; staff for theirs, such as not responding.
        lead = phrase("liability_yesno.professional_fout_mantelzorger")
    elif role == "mantelzorger" and yes_no and re.search(r"\b(verzekering|verzekerd|aansprakelijkheidsverzekering|wa-verzekering)\b", q):
        lead = phrase("liability_special.verzekering")  # 000 'Wat als er iets misgaat?': 'meestal ben je verzekerd'
    elif "inspectie" in q or ("inspectie" in normalize(s.text) and role == "mantelzorger" and yes_no):
        lead = phrase("liability_special.inspectie")
    elif s.not_responded and role in ("mantelzorger", "zorgprofessional") and (organisation_asks or staff_asks or not subject.is_asker or target != "self"):
        if target == "self" and staff_asks:
            lead = phrase("liability_special.niet_gereageerd_professional")
        elif target in ("instelling", "self"):
            lead = phrase("liability_special.niet_gereageerd_instelling")
        else:
            lead = phrase("liability_special.niet_gereageerd_wie")
    elif s.helps_others and s.foreseeable and (organisation_asks or staff_asks):
        lead = phrase("liability_special.voorzienbaar")
    elif role == "vrijwilliger" and _NO_AGREEMENT.search(normalize(s.text)):
        # 001 'Regel aansprakelijkheid goed': with an agreement the volunteer is not liable himself; without one the sources say no more.
        lead = phrase("liability_special.zonder_overeenkomst")
    elif s.via_volunteer_org and role == "vrijwilliger":
        lead = phrase("liability_special.via_organisatie_ja" if target == "instelling" else "liability_special.via_organisatie")
    elif s.helps_others and (on_request or (on_request is None and asked_by_staff)) and (organisation_asks or staff_asks) \
            and role not in ("mantelzorger", "vrijwilliger"):
        # 'We hebben twee familieleden gevraagd vast andere bewoners te helpen. Verandert dat iets?' (001 'Uitzonderingen (3)')
        lead = phrase("liability_yesno.op_verzoek_instelling")
    elif s.helps_others and role in ("mantelzorger", "vrijwilliger") and on_request is not None:
        kind = "op_verzoek" if on_request else "spontaan"
        key = f"{kind}_{'instelling' if target == 'instelling' else 'self'}"
        if key == "spontaan_instelling" and (organisation_asks or staff_asks):
            key += "_hangt"  # staff can only answer this with what they saw coming
        lead = phrase(f"liability_yesno.{key}") if target != "wie" else phrase(f"liability_first.{kind}")
    elif s.helps_others and role in ("mantelzorger", "vrijwilliger"):
        lead = phrase("liability_first.andere_bewoners_onbekend")
    elif target == "self" and role == "vrijwilliger" and subject.is_asker and _OUTSIDE_AGREEMENTS.search(normalize(s.text)):
        # 'op eigen houtje, terwijl dat niet in mijn afspraken stond': a fault of her own (000 'Vrijwilliger').
        lead = phrase("liability_yesno.vrijwilliger_self_buiten_afspraken")
    elif target in ("self", "instelling") and role in ("mantelzorger", "vrijwilliger", "zorgprofessional"):
        key = f"{role}_{target}"
        if key == "mantelzorger_instelling" and not cues().has("facts", "org_did_part", normalize(s.text)):
            key += "_hangt"  # the three exceptions turn on what the organisation itself did
        lead = phrase(f"liability_yesno.{key}")
    if lead is None:
        key = role if subject.is_asker or role in ("zorgvrager", "zorginstelling", "wettelijk_vertegenwoordiger") else f"{role}_other"
        lead = phrase(f"liability_first.{key}")
    liability = advice.liability
    blocks = []
    if not subject.is_asker and subject.role:
        blocks.append(Block(role_of_actor(kb, s, subject)))
    elif subject.is_asker and role in kb.roles and role != "zorginstelling":
        blocks.append(Block(_you_are(kb.roles[role].label)))
    blocks.append(Block(liability.summary))
    blocks.extend(Block(n.text) for n in liability.notes if n.text not in liability.summary)
    sources = [liability.source] + [n.source for n in liability.notes]
    exceptions = advice.exceptions
    if role == "mantelzorger" and ((organisation_asks or staff_asks) and not exceptions or asks_exceptions):
        exceptions = tuple(kb.liability_exceptions)
    if exceptions:
        blocks.append(Block(title=phrase("lines.exceptions_title"), items=tuple(e.text for e in exceptions), numbered=True))
        sources.extend(e.source for e in exceptions)
    if advice.difference is not None and (role == "vrijwilliger" or s.helps_others):
        blocks.append(Block(advice.difference.combined, title=phrase("lines.difference_title")))
        sources.extend(r.source for r in advice.difference.readings)
    if s.helps_others and on_request is None:
        diff = kb.source_differences.get("andere_bewoners")
        if diff is not None:
            blocks.append(Block(diff.combined, title=phrase("lines.difference_title")))
    if (staff_asks or organisation_asks) and (role == "mantelzorger" or s.not_responded):
        # What responding appropriately means, also for staff who saw it and said nothing.
        topic = kb.topics["passend_reageren"]
        blocks.append(Block(topic.answer.splitlines()[0]))
        sources.append(topic.sources[0])
    return Part("aansprakelijkheid", lead, tuple(blocks), tuple(sources), None, role)


def _liability_overview(kb: KnowledgeBase) -> Part:
    note = kb.note("aansprakelijk_hangt_af_van_rol")
    items = []
    sources = [note.source]
    for role_id in ("mantelzorger", "vrijwilliger", "zorgprofessional", "zorginstelling"):
        l = kb.liability[role_id]
        items.append(f"{_cap(kb.roles[role_id].label)}: {l.summary}")
        sources.append(l.source)
    blocks = (
        Block(title=phrase("lines.roles_overview"), items=tuple(items)),
        Block(title=phrase("lines.exceptions_title"), items=tuple(e.text for e in kb.liability_exceptions), numbered=True),
    )
    return Part("aansprakelijkheid", note.text, blocks, tuple(sources + [e.source for e in kb.liability_exceptions]), "hangt_af", None)


# -- toestemming ---------------------------------------------------------------------

# Consent questions about a minor ask one of two things: whether the parents
# (still) have to agree, or whether the young person's own view counts.
_ASKS_PARENTS = form("asks_parents")
_ASKS_OWN_VIEW = form("asks_own_view")


_ASKS_PARENT_ALONE = form("asks_parent_alone")
_ASKS_MUST_ACCEPT = form("asks_must_accept")
_ASKS_SELF_PERMISSION = form("asks_self_permission")
_ASKS_WITHOUT_PARENTS = form("asks_without_parents")
_ASKS_CHILD_TOO = form("asks_child_too")
_REPRESENTATIVE_IS_CARER = form("representative_is_carer")
_KEEP_GOING = form("keep_going")


# 'Mag hij zelf toestemming geven?', 'Is het genoeg als Fenna zelf ja zegt?': may the child decide alone.
_ASKS_CHILD_ALONE = form("asks_child_alone")


def _age_question(question: str, asker_is_young: bool = False) -> Optional[str]:
    # 'Mag ik dat zelf beslissen?' is the child asking only when the asker is the young person.
    first_person = re.match(r"^(mag|kan|mogen|kunnen) (ik|wij|we)\b", question)
    parents, alone = _ASKS_PARENTS.search(question), _ASKS_CHILD_ALONE.search(question)
    if parents and alone and parents.start() < alone.start() and re.search(r"\bof (mag|kan|moet|beslis|bepaal)\b", question):
        return "parents"  # 'moeten mijn ouders dat ook goedkeuren of mag ik dat zelf beslissen': the first choice is answered
    if _ASKS_CHILD_ALONE.search(question) and (asker_is_young or not first_person):
        return "child_alone"
    if _ASKS_CHILD_ALONE.search(question) and first_person:
        return "parent_alone"  # an adult asking to decide alone about a minor
    if _ASKS_PARENT_ALONE.search(question) and not re.search(r"\b(toestemming|instemm\w*|akkoord) (geven|nodig)\b", question):
        return "parent_alone"
    if _ASKS_CHILD_TOO.search(question):
        return "child_too"  # 'Moet ik het meisje zelf ook nog om toestemming vragen?'
    if _ASKS_OWN_VIEW.search(question):
        return "own_view"
    if _ASKS_PARENTS.search(question):
        return "parents"
    return None


def _age_lead(band, asks: str) -> Tuple[str, Optional[str]]:
    """The first sentence for a consent question about someone whose age is known."""
    key = {"jonger_dan_12": "onder_12", "twaalf_tot_zestien": "12_16"}.get(band.id, "16_plus")
    verdict = {"parents_16_plus": "nee", "own_view_onder_12": None, "child_too_onder_12": "nee", "parent_alone_12_16": "nee",
               "parent_alone_16_plus": "nee", "child_alone_onder_12": "nee", "child_alone_12_16": "nee"}.get(f"{asks}_{key}", "ja")
    return phrase(f"consent_age.{asks}_{key}"), verdict


def _relative_carer_line(kb: KnowledgeBase, s: Situation) -> str:
    """'mn vriendin wil leren ...' told by a care receiver, or 'mijn broer' named
    after 'mijn moeder' by her representative: the relative who would do the care."""
    own = [m for m in s.mentions if m.relation and m.possessive in ("mijn", "m'n", "mn", "me") and not m.self_described
           and kb.relations.get(m.relation) is not None and kb.relations[m.relation].bond == "persoonlijk"]
    pick = own[0] if s.asker_role == "zorgvrager" and own else (own[-1] if len(own) > 1 else None)
    if pick is None:
        return ""
    return phrase("role_of_actor", wie_hoofd=_cap(you_form(pick.words) or pick.words), rol=kb.roles["mantelzorger"].label)


_THIRD_PARTY_CONSENT = form("third_party_consent")
_SUPPORT_UNKNOWN = form("support_unknown")


def _third_is_receiver(s: Situation, qn: str) -> bool:
    """'Moet mijn man toestemming geven?' when the asker helps her man: the one
    named is the care receiver, not a third party."""
    third = _THIRD_PARTY_CONSENT.search(qn)
    if not third or s.receiver != "other":
        return False
    noun = third.group(0).split(" ")[2]
    if s.receiver_words:
        return noun in s.receiver_words.split(" ")
    # 'als ik zijn wond verzorg': no one else is named, so 'zijn' is the man himself.
    relatives = [m for m in s.mentions if m.relation]
    return all(noun in m.words.split(" ") for m in relatives) and bool(
        re.search(r"\b(als|wanneer|dat|voordat) (ik|we|wij) (\w+ ){0,3}(zijn|haar|hem)\b", qn[third.end():]))


def _informal_carer(kb: KnowledgeBase, s: Situation, actor: Actor) -> Optional[Actor]:
    """Someone other than the asker who will do the task ('haar schoonzoon wil ... geven')."""
    if actor.is_asker and actor.role in ("mantelzorger", "vrijwilliger") and re.search(r"\bik (wil|ga|zou|doe|geef|help|druppel|spuit)\b", normalize(s.text)):
        return actor  # 'Mijn broer is haar mentor. Ik wil haar oogdruppels geven.': the asker does it
    carer = actor if not actor.is_asker and actor.role in ("mantelzorger", "vrijwilliger") else doer(kb, s)
    return carer if carer is not None and carer.role in ("mantelzorger", "vrijwilliger") else None


_THIRD_PARTY_REFUSES = form("third_party_refuses")


def consent_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str) -> Part:
    naaste = receiver_words(s)
    band = consent_band(kb, s.receiver_age)
    blocks: List[Block] = []
    sources: List[Citation] = []
    q = normalize(question) + " " + normalize(s.text)
    if re.search(r"\b(elke|iedere) keer\b|\btelkens\b|\bsteeds opnieuw\b", q):
        if "vrijwilliger" in (actor.role, s.doer_role, s.actor_role) or re.search(r"\bvrijwillig", q):
            return topic_part(kb.topics["toestemming_structureel"])
        # A relative's task: the consent is recorded once and talked over again when things change.
        note = kb.note("toestemming_vastleggen")
        return Part("toestemming", phrase("consent_first.elke_keer"), (Block(note.text),), (note.source,), "nee", actor.role)
    verdict = None
    qn = normalize(question)
    if re.search(r"\b(vastleg\w*|vast (te )?leggen|noteren|opschrijven|registreren)\b", qn) and re.search(r"\btoestemming\b", qn) \
            and band is None and not re.match(r"^(wie|wiens|van wie)\b", qn):
        # 'Moet ik die toestemming ergens vastleggen?': yes, in the care plan, and for whom it is.
        return topic_part(kb.topics["privacy_zorgplan_familie"], question)
    asks_carer = re.search(r"\b(mantelzorger|vrijwilliger|familielid|dochter|zoon)s? (zelf )?(om )?(instemming|toestemming|akkoord)|\b(ook|zelf) (de|het) (mantelzorger|vrijwilliger)\b|"
                           r"\b(de|haar|zijn|die) \w+ zelf (dan |ook |nog )*om (instemming|toestemming|akkoord)\b|\bom (zijn|haar) (eigen )?(instemming|toestemming)\b", qn)
    if asks_carer and band is not None and _ASKS_CHILD_TOO.search(qn):
        asks_carer = None  # 'Moet ik de jongen zelf ook om toestemming vragen?' asks about the child's say
    asks_enough = re.search(r"\b(genoeg|voldoende)\b", qn) and s.receiver != "self"
    enough = actor.role == "vrijwilliger" and asks_enough
    # 'Is de instemming van de cliënte voldoende?' while the one who will do it was not asked.
    client_enough = (not enough and asks_enough
                     and re.search(r"\b(toestemming|instemming|akkoord|ja)\b", qn) and not _ASKS_CHILD_ALONE.search(qn) and band is None)
    # The age told is the asker's own ('ik ben 14'): then 'mag ik zelf beslissen' is the young person asking.
    asker_is_young = (s.actor == "asker" and s.actor_age is not None) or (s.receiver == "self" and band is not None) or s.asker_role == "zorgvrager"
    age_question = _age_question(qn, asker_is_young)
    if age_question is None and band is not None and (is_generic(question) or (len(qn.split()) <= 5 and re.search(r"\b(dat|dit|het)\b", qn))):
        # 'De thuiszorg wil dat wij als ouders tekenen. Is dat nodig?': the story holds what is asked.
        story_q = normalize(s.text)
        age_question = "parents" if _ASKS_PARENTS.search(story_q) and re.search(r"\b(nodig|moet|moeten|verplicht)\b", qn) \
            else _age_question(story_q, asker_is_young)
    if s.refusal == "receiver" and band is not None and band.id == "twaalf_tot_zestien" and age_question in (None, "parents") \
            and re.search(r"\bals (wij|we|de ouders?|zijn ouders|haar ouders) (als (ouders?|moeder|vader|voogd) )?(toestemming|akkoord|ja|het goed)\b", qn):
        age_question = "parent_alone"  # 'onze zoon (13) wil het niet. Kan opa het toch doen als wij toestemming geven?'
    asks_volunteer_use = re.search(r"\bvrijwilligers?\b", qn) and re.search(r"\b(inzetten|inzet|vragen|toestemming|instemm\w*|moet)\b", qn)
    no_consent = without_consent_lead(kb, s, question)
    if no_consent:
        lead, verdict = no_consent, "nee"
    elif s.asker_role == "zorgvrager" and (band is None or band.max_age >= 16) and s.capacity != "wilsonbekwaam" and _ASKER_HAS_A_SAY.search(qn):
        # 'Sinds kort stuurt de thuiszorg vrijwilligers ... Heb ik daar eigenlijk iets over te zeggen?' (000 'Zorgvrager').
        lead, verdict = phrase("consent_first.bekwaam_jij"), "ja"
    elif s.receiver == "self" and (band is None or band.max_age >= 16) and WITHOUT_CONSENT.search(qn) and _asks_yes_no(question):
        lead, verdict = phrase("consent_first.zelf_zonder"), "ja"
    elif client_enough:
        note = kb.note("instemming_uitvoerder")
        lead, verdict = phrase("consent_first.uitvoerder_ook"), "nee"
        sources.append(note.source)
    elif enough:
        note = kb.note("toestemming_vrijwilliger_client")
        lead, verdict = phrase("consent_first.vrijwilliger_niet_genoeg"), "nee"
        sources.append(note.source)
    elif s.asker_role == "wettelijk_vertegenwoordiger" and s.asker_role_stated and band is None and s.refusal is None and not asks_carer:
        lead, verdict = phrase("consent_first.vertegenwoordiger", naaste=naaste), "ja"
    elif asks_carer and s.receiver != "self":
        note = kb.note("instemming_uitvoerder")
        lead, verdict = phrase("consent_first.uitvoerder"), "ja"
        sources.append(note.source)
    elif asks_volunteer_use and s.receiver != "self":
        note = kb.note("toestemming_vrijwilliger_client")
        lead, verdict = "Ja. " + note.text, "ja"
        sources.append(note.source)
    elif band is not None and age_question is not None:
        lead, verdict = _age_lead(band, age_question)
        if age_question == "parents" and band.id == "zestien_plus" and _ASKS_WITHOUT_PARENTS.search(qn):
            # 'Mag mijn vriend dat doen zonder dat mijn ouders toestemming geven?' (16+): yes.
            lead, verdict = phrase("consent_age.zonder_ouders_16_plus"), "ja"
        blocks.append(Block(band.text))
        sources.append(band.source)
    elif s.receiver == "self" and s.refusal != "receiver":
        lead = phrase("consent_first.zelf")
        if re.match(r"^(mag|kan) ik\b(?! \w+ (niet|geen)\b)", qn):
            # 'Mag ik zelf mijn insuline spuiten of moet de thuiszorg toestemming geven?' (000 'Zorgvrager').
            lead, verdict = phrase("consent_first.zelf_mag"), "ja"
        if band is not None and band.max_age < 16:
            lead = phrase("consent_first.zelf_minderjarig")
            blocks.append(Block(band.text))
            sources.append(band.source)
    elif s.refusal == "derde" and s.capacity != "wilsonbekwaam" and (band is None or band.max_age >= 16):
        # 'Zijn vrouw wil niet dat de vrijwilliger hem helpt': the one cared for decides when he can (000 'Wie geeft toestemming?').
        refuser = _THIRD_PARTY_REFUSES.search(normalize(s.text))
        wie = (you_form(refuser.group(1)) or refuser.group(1)) if refuser else "de familie"
        may = re.match(r"^(mag|mogen|kan|kunnen) ", qn)
        lead, verdict = phrase("consent_first.derde_weigert_mag" if may else "consent_first.derde_weigert", naaste=naaste, wie=wie), ("ja" if may else "nee")
    elif s.refusal == "receiver" and band is not None and band.id == "twaalf_tot_zestien" and not _ASKS_MAY_REFUSE.search(qn) and not _ASKS_OWN_VIEW.search(qn):
        # 'Mag oma het toch doen als ik het goed vind?': no, the child's no counts.
        lead, verdict = phrase("consent_first.kind_12_16_toch", naaste=naaste), "nee"
    elif s.refusal == "receiver" and band is not None and band.id == "twaalf_tot_zestien":
        lead, verdict = phrase("consent_first.kind_12_16", naaste=naaste), "ja"
    elif s.refusal == "receiver" and band is not None and band.id == "jonger_dan_12":
        lead, verdict = phrase("consent_first.kind_onder_12"), "hangt_af"
    elif s.refusal == "receiver" and s.capacity == "twijfel" and s.receiver not in ("self", "asker") \
            and re.search(r"\b(mentor|curator|wettelijk vertegenwoordiger|vertegenwoordiger|gemachtigde)\b", normalize(s.text)):
        # A resident with dementia says no while the mentor says yes: it turns on whether he can still decide this himself.
        lead, verdict = phrase("consent_first.weigering_twijfel", naaste=naaste), "hangt_af"
        note = kb.note("weigering_zorgvrager")
        blocks.append(Block(note.text))
        sources.append(note.source)
    elif s.refusal == "receiver":
        if s.receiver in ("self", "asker"):
            lead, verdict = phrase("consent_first.weigering_zelf"), "nee"
        elif _ASKS_MUST_ACCEPT.search(qn) or _HAS_A_SAY.search(qn):
            # 'Heeft hij daar iets over te zeggen?': yes, the one cared for decides (000 'Wie geeft toestemming?').
            lead, verdict = phrase("consent_first.weigering_accepteren", naaste=naaste), "ja"
        else:
            lead, verdict = phrase("consent_first.weigering", naaste=naaste), "nee"
        note = kb.note("weigering_zorgvrager")
        blocks.append(Block(note.text))
        sources.append(note.source)
    elif _third_is_receiver(s, qn) and s.capacity != "wilsonbekwaam" and (band is None or band.max_age >= 16):
        # 'Moet mijn man echt toestemming geven als ik zijn wond verzorg?': he is the one cared for, so yes.
        named = " ".join(_THIRD_PARTY_CONSENT.search(qn).group(0).split(" ")[1:3])
        lead, verdict = phrase("consent_first.ontvanger", naaste=you_form(named) or named), "ja"
    elif s.capacity == "bekwaam" and s.receiver != "self" and (band is None or band.max_age >= 16) and _THIRD_PARTY_CONSENT.search(qn):
        wie = " ".join(_THIRD_PARTY_CONSENT.search(qn).group(0).split(" ")[1:3])
        wie = you_form(wie) or wie
        lead, verdict = phrase("consent_first.derde_bekwaam", naaste=naaste, wie=wie), "nee"
    elif s.capacity == "bekwaam" and s.receiver != "self" and (band is None or band.max_age >= 16):
        lead = phrase("consent_first.bekwaam_jij") if s.receiver == "asker" else phrase("consent_first.bekwaam", naaste=naaste)
        verdict = "ja"
    elif band is not None:
        lead = band.text
        sources.append(band.source)
    elif s.capacity == "wilsonbekwaam" and _open_question(question) and (carer_other := _informal_carer(kb, s, actor)) is not None:
        # 'Wie moet er dan instemmen?' while a relative will do it: the representative, and the relative too (000).
        lead = phrase("consent_first.wilsonbekwaam_en_jij" if carer_other.is_asker else "consent_first.wilsonbekwaam_en_uitvoerder",
                      naaste=naaste, wie=actor_words(s, carer_other), rol=kb.roles[carer_other.role].label)
        sources.append(kb.note("instemming_uitvoerder").source)
    elif s.capacity == "wilsonbekwaam":
        lead = phrase("consent_first.wilsonbekwaam", naaste=naaste)
    elif s.capacity == "twijfel":
        lead, verdict = phrase("consent_first.twijfel", naaste=naaste), "hangt_af"
    else:
        lead = phrase("consent_first.algemeen")
    third = None if _third_is_receiver(s, qn) else _THIRD_PARTY_CONSENT.search(qn)
    if third and verdict is None and band is None and s.capacity != "wilsonbekwaam" and s.receiver != "self" \
            and not (s.asker_role == "wettelijk_vertegenwoordiger" and s.asker_role_stated):
        # 'Moet mijn broer toestemming geven?': not unless the receiver cannot decide (000).
        wie = third.group(0).split(" ")[1] + " " + third.group(0).split(" ")[2]
        lead, verdict = phrase("consent_first.derde", naaste=naaste, wie=you_form(wie) or wie), "hangt_af"
    if _asks_yes_no(question) and verdict is None and not lead.startswith(("Ja", "Nee")) and not re.match(r"^(ja|nee|dat hangt|het hangt)\b", normalize(lead)):
        if s.receiver == "self" and (band is None or band.max_age >= 16):
            lead, verdict = "Nee, " + lead[0].lower() + lead[1:], "nee"
        elif s.receiver == "self" or re.search(r"\b(toestemming|instemm\w*|akkoord|vragen)\b", normalize(question)):
            lead, verdict = "Ja. " + lead, "ja"
    subject_role = "vrijwilliger" if asks_volunteer_use else ("mantelzorger" if asks_carer and "mantelzorger" in qn else None)
    if subject_role:
        role_line = phrase("role_of_actor", wie_hoofd="De " + subject_role, rol=subject_role)
    elif s.asker_role in ("zorgvrager", "wettelijk_vertegenwoordiger") and s.asker_role_stated and actor.is_asker:
        # They consent; someone else does the care, whose role matters too.
        carer = doer(kb, s)
        # Care on oneself: the own relative named in a consent story consents, she does not do it.
        own_care = s.receiver == "self" and carer is None and s.own_relative is not None
        carer_line = "" if own_care else (role_of_actor(kb, s, carer) if carer else _relative_carer_line(kb, s))
        role_line = " ".join(x for x in (_you_are(kb.roles[s.asker_role].label), carer_line) if x)
    elif s.receiver == "asker" and not actor.is_asker:
        # The asker is cared for and consents; the one who would do it has a role too.
        role_line = " ".join(x for x in (_you_are(kb.roles["zorgvrager"].label), role_of_actor(kb, s, actor)) if x)
    else:
        role_line = role_of_actor(kb, s, actor) if not actor.is_asker else (_you_are(kb.roles[actor.role].label) if actor.role else "")
    if role_line and not (age_question == "parents" and re.search(r"\b(ouders?|moeder|vader|voogd)\b", normalize(s.actor_words or ""))):
        blocks.insert(0, Block(role_line))  # parents asked about consent are not the ones doing the care
    if s.refusal == "receiver" and band is not None and band.id in ("twaalf_tot_zestien", "jonger_dan_12"):
        note = kb.note("weigering_kind_12_16" if band.id == "twaalf_tot_zestien" else "weigering_kind_onder_12")
        blocks.append(Block(note.text))
        sources.append(note.source)
    if band is None and s.receiver != "self":
        blocks.append(Block(items=tuple(b.text for b in kb.consent_bands)))
        sources.extend(b.source for b in kb.consent_bands)
    if s.capacity in ("wilsonbekwaam", "twijfel") or band is None:
        for key in ("wilsonbekwaam_definition", "wilsonbekwaam_rule"):
            blocks.append(Block(kb.note(key).text))
            sources.append(kb.note(key).source)
    if actor.role == "vrijwilliger":
        note = kb.note("toestemming_vrijwilliger_client")
        blocks.append(Block(note.text))
        sources.append(note.source)
    elif s.receiver != "self":
        for key in ("instemming_uitvoerder", "toestemming_vastleggen"):
            blocks.append(Block(kb.note(key).text))
            sources.append(kb.note(key).source)
    return Part("toestemming", lead, tuple(blocks), tuple(sources), verdict, actor.role)


# -- niet verplicht / teruggeven ---------------------------------------------------------

# "Kan ik daar nee tegen zeggen?", "mag ik ermee stoppen?", "kan ik het teruggeven?":
# asking whether refusing is allowed, so the answer starts with yes.
_DECIDES_ALONE = form("decides_alone")
_ASKS_OWN_SAY = form("asks_own_say")
_ASKS_MAY_REFUSE = form("asks_may_refuse")
_HAS_A_SAY = form("has_a_say")
_ASKER_HAS_A_SAY = form("asker_has_a_say")


# 'Ik durf niet te zeggen dat ik iets wil teruggeven. Kan dat nog?': the story says what 'dat' is.
_STORY_RETURNS_TASK = form("story_returns_task")
_MAY_I_REFUSE = form("may_i_refuse")


def refuse_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str) -> Part:
    q = normalize(question)
    professional = actor.role == "zorgprofessional" or (actor.is_asker and s.asker_role == "zorgprofessional")
    if (s.receiver == "asker" or (s.receiver == "self" and (s.own_relative or s.doer_words or s.actor_words))) and not professional:
        # The one cared for refusing someone's help ('mag ik dat weigeren?', 'moet ik dat accepteren?'): her consent decides (000).
        condition = kb.conditions["toestemming_zorgvrager"]
        may = _ASKS_MAY_REFUSE.search(q) or _MAY_I_REFUSE.search(q)
        lead, verdict = (phrase("refuse_first.zorgvrager_mag_weigeren"), "ja") if may else (phrase("consent_first.weigering_zelf"), "nee")
        duty = kb.topics["niet_verplicht"]  # and nobody, the care receiver included, must take over a task
        return Part("weigeren", lead, (Block(_you_are(kb.roles["zorgvrager"].label)), Block(condition.text), Block(duty.answer.splitlines()[0])),
                    (condition.source, duty.sources[0]), verdict, "zorgvrager")
    topic = kb.topics["opdracht_teruggeven" if professional else "niet_verplicht"]
    about_others = re.search(r"\bvan (hen|ze|hun|de familie|familie|families|mantelzorgers|naasten|vrijwilligers)\b|\b(verlangen|eisen|verplichten|afdwingen)\b", q)
    if about_others:
        who = "familie" if re.search(r"\bfamilie|naasten|mantelzorg", normalize(s.text)) else actor_words(s, actor)
        topic = kb.topics["niet_verplicht"]
        lead = phrase("refuse_first.niet_verplicht", wie=who) if who in ("je", "jij", "u") else phrase("refuse_first.niet_verplicht_other", wie=who)
    elif professional and _ASKS_MAY_REFUSE.search(q):
        lead = phrase("refuse_yesno.teruggeven")
    elif professional:
        lead = phrase("refuse_first.teruggeven")
    elif _ASKS_MAY_REFUSE.search(q) or (is_generic(question) and _STORY_RETURNS_TASK.search(normalize(s.text))):
        lead = phrase("refuse_yesno.mag_weigeren" if actor.is_asker else "refuse_yesno.mag_weigeren_other", wie=actor_words(s, actor))
    else:
        lead = phrase("refuse_first.niet_verplicht" if actor.is_asker else "refuse_first.niet_verplicht_other", wie=actor_words(s, actor))
    blocks = [Block(topic.answer)]
    if s.refusal == "receiver":
        note = kb.note("weigering_zorgvrager")
        blocks.insert(0, Block(note.text))
    if actor.role and not about_others:
        blocks.insert(0, Block(_you_are(kb.roles[actor.role].label) if actor.is_asker else role_of_actor(kb, s, actor)))
    sources = list(topic.sources)
    if not professional:
        keuze = kb.topics.get("keuzehulp")
        if keuze is not None:
            blocks.append(Block(keuze.answer.splitlines()[0]))
            sources.append(keuze.sources[0])
    return Part("weigeren", lead, tuple(blocks), tuple(sources), None, actor.role)


# -- verantwoordelijkheden -----------------------------------------------------------------

_SUBJECT_ROLE = form("subject_role")


_ASKS_ROLE_DEFINITION = form("asks_role_definition")


def asked_role(question: str) -> Optional[str]:
    """The role a definition question is about ('Wat is een zorgvrager?'), or None."""
    m = _ASKS_ROLE_DEFINITION.search(normalize(question).strip(" ?"))
    if not m:
        return None
    word = re.search(r"zorgvrager|mantelzorger|vrijwilliger|zorgprofessional|zorginstelling|vertegenwoordiger", m.group(0)).group(0)
    return "wettelijk_vertegenwoordiger" if word == "vertegenwoordiger" else word


def role_definition_part(kb: KnowledgeBase, role_id: str) -> Part:
    """What a role is and what is expected of it (000 'Welke rol heb ik?' and the role's own section)."""
    role = kb.roles[role_id]
    blocks = [Block(title=phrase("role_definition.title", rol=role.label), items=tuple(r.text for r in role.responsibilities))]
    return Part("rol", role.definition or role.description, tuple(blocks), (role.source,) + tuple(r.source for r in role.responsibilities),
                None, role_id)


def responsibilities_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str = "") -> Part:
    role_id = actor.role if actor.is_asker else (s.asker_role or actor.role)
    named = _SUBJECT_ROLE.search(normalize(question))
    if named:
        # 'Wat moet een zorginstelling regelen ...?' asks about that role, whoever asks.
        word = named.group(3)
        role_id = {"vrijwilliger": "vrijwilliger", "mantelzorger": "mantelzorger", "zorgprofessional": "zorgprofessional",
                   "verpleegkundige": "zorgprofessional", "verzorgende": "zorgprofessional"}.get(word, "zorginstelling")
    if role_id not in kb.roles:
        role_id = actor.role or "mantelzorger"
    role = kb.roles[role_id]
    lead = phrase("responsibilities_first.self", rol=role.label)
    items = tuple(r.text for r in role.responsibilities)
    blocks = (Block(items=items),) + ((communication_block(kb),) if s.communication_problem else ())
    return Part("verantwoordelijkheden", lead, blocks, tuple(r.source for r in role.responsibilities), None, role_id)


# -- onderwerpen, dilemma's, SO(C)K ------------------------------------------------------------

def topic_part(topic: Topic, question: str = "", role_line: str = "", story: str = "") -> Part:
    """A topic's answer; its short first line keeps a leading 'Ja,'/'Nee,'
    unless the question is an open (wie/wat/hoe) question."""
    q = normalize(question)
    whole = normalize(story)
    lead = (next((text for when, text in topic.leads if q and re.search(when, q)), None)
            or next((text for when, text in topic.leads if whole and re.search(when, whole)), None)
            or topic.short or topic.title)
    # "Ja, X mag ..." answers whether something is allowed, not "moet ik ...?".
    if re.match(r"^Ja, (?!als|maar|mits|alleen)[^.]*\b(mag|mogen)\b", lead) and re.match(r"^(moet|moeten|hoef|hoeft|hoeven)\b", q):
        lead = _cap(lead[4:])
    # "Alleen als X" answers "moeten we altijd ...?" with no and "mag het?" with a conditional yes.
    if lead.startswith("Alleen als") and re.search(r"\b(moet|moeten|altijd|verplicht)\b", q):
        lead = "Nee, alleen als" + lead[len("Alleen als"):]
    m = re.match(r"^(Ja|Nee)[,:.] ?(.*)$", lead)
    if m and question and _open_question(question):
        lead = _cap(m.group(2))
    verdict = None
    first = normalize(lead).split(" ")[0] if lead else ""
    if first in ("ja", "nee"):
        verdict = first
    blocks = ((Block(role_line),) if role_line else ()) + (Block(topic.answer),)
    return Part("topic:" + topic.id, lead, blocks, topic.sources, verdict)


def _open_question(question: str) -> bool:
    q = re.sub(r"^(maar|en|dus|want|of|nou|oke|ok|goed|vraagje|vraag)\s+", "", normalize(question))
    return bool(re.match(r"^(wie|wat|hoe|waar|wanneer|welke|welk|waarom|waarover|hoeveel|waarmee|waardoor)\b", q)) and not q.startswith("wat als")


_ONLY_PROFESSIONALS = form("only_professionals")
_FAMILY_CARERS = form("family_carers")
_ASKS_IF_LAW_APPLIES = form("asks_if_law_applies")


ASKS_IF_RESERVED = form("asks_if_reserved")


def wet_big_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str) -> Part:
    """The Wet BIG for the acting role; the general topic when no role is known."""
    topic = kb.topics["wet_big"]
    q = normalize(question)
    role = actor.role
    # 'Klopt dat?' after a claim about the law asks about the claim in the story.
    applies_q = _ASKS_IF_LAW_APPLIES.search(q) or (is_generic(question) and _ASKS_IF_LAW_APPLIES.search(normalize(s.text)))
    task = kb.tasks.get(s.task) if s.task else None
    if task is not None and ASKS_IF_RESERVED.search(q):
        # 'Is een injectie geven een voorbehouden handeling?': the task list says, with its source.
        known = task.voorbehouden == "ja"
        lead = phrase("wet_big.is_voorbehouden" if known else "wet_big.voorbehouden_onbekend", taak=task.label)
        sources = ((task.voorbehouden_source,) if known and task.voorbehouden_source else ()) + tuple(topic.sources)
        return Part("topic:wet_big", lead, (Block(topic.answer),), sources, "ja" if known else "hangt_af", role)
    # 'Klopt het dat alleen een verpleegkundige een injectie mag geven?': the law forbids it only as work.
    # 'Een verzorgende zei dat ik dat niet mag, alleen met een BIG-registratie. Klopt dat?': the same, told in the story.
    story = normalize(s.text)
    # A relative told by a doctor that the law forbids it: the asker is the one who cares for her ('mijn vrouw').
    own_carer = role in ("mantelzorger", "zorgvrager") or (s.own_relative and s.asker_role in (None, "mantelzorger")) or (
        s.asker_role == "wettelijk_vertegenwoordiger" and s.actor == "asker")
    told_ban = _CHECKS_BAN.search(q) and _BAN_CLAIM.search(story) and own_carer
    if (_ONLY_PROFESSIONALS.search(story) or _BAN_CLAIM.search(story) or role == "zorgvrager") and _ASKS_SELF_PERMISSION.search(q):
        # 'Mag ik dat eigenlijk wel zelf?' about one's own injection (000 'Zorgvrager').
        return Part("topic:wet_big", phrase("wet_big.zelf_mag"), (Block(topic.answer),), topic.sources, "ja", "zorgvrager")
    staff = s.asker_role in ("zorgprofessional", "zorginstelling")
    if staff and s.actor == "other" and role == "mantelzorger" and s.actor_words and (_CHECKS_BAN.search(q) or _asks_yes_no(question)):
        # 'Een collega zegt dat zijn vrouw daar niet bevoegd voor is. Wie heeft er gelijk?'
        wie = you_form(s.actor_words) or s.actor_words
        return Part("topic:wet_big", phrase("wet_big.mantelzorger_mag_derde", wie=wie), (Block(topic.answer),), topic.sources, "ja", role)
    if _ONLY_PROFESSIONALS.search(q) or told_ban or (_CHECKS_BAN.search(q) and _ONLY_PROFESSIONALS.search(story)):
        return Part("topic:wet_big", phrase("wet_big.alleen_professionals_klopt_niet"), (Block(topic.answer),), topic.sources, "nee", role)
    # 'Geldt die wet dan niet voor wat zij doen?': who 'zij' are, the story says.
    about = q + (" " + normalize(s.text) if re.search(r"\b(zij|ze|hij|hun|hen|their|they)\b", q) else "")
    # 'Zijn daar wettelijke belemmeringen voor?' after a story about mantelzorgers: 'daar' is what they do.
    points_back = re.search(r"\b(daar|daarvoor|hiervoor|dat|dit)\b", q) and not re.search(r"\bvrijwilligers?\b", story)
    family = role == "mantelzorger" or (role in (None, "zorginstelling", "zorgprofessional") and (
        _FAMILY_CARERS.search(q) or (points_back and _FAMILY_CARERS.search(story))))
    if family and _asks_yes_no(question) and re.search(r"\b(mag|mogen|mocht|mochten|may|can)\b", q) and not applies_q:
        # 'Mogen mantelzorgers dat volgens de wet wel?'
        return Part("topic:wet_big", phrase("wet_big.mantelzorger_mag"), (Block(topic.answer),), topic.sources, "ja", role)
    if family and re.search(r"\b(verbiedt|verbieden|verboden|verbod|belemmering\w*|prevents?|forbids?|ban|bans|barriers?)\b", q):
        key = "wet_big.niet_voor_mantelzorger" if role == "mantelzorger" else "wet_big.verbiedt_familie_niet"
        return Part("topic:wet_big", phrase(key), (Block(topic.answer),), topic.sources, "nee", role)
    if s.asker_role == "zorginstelling" and re.match(r"^(moeten|moet) (wij|we|de instelling|de organisatie|ons \w+)\b.*\b(vastleggen|vast (te )?leggen|registreren)\b", q):
        # 'Moeten wij vastleggen welke voorbehouden handelingen onze vrijwilligers doen?' (000 'Zorginstelling').
        role_kb = kb.roles["zorginstelling"]
        picked = [r for r in role_kb.responsibilities if re.search(r"\b(leg vast|legt vast|vastleggen|vast in)\b", r.text.lower())]
        blocks = (Block(title=phrase("wet_big.instelling_legt_vast_titel"), items=tuple(r.text for r in picked)), Block(topic.answer))
        return Part("topic:wet_big", phrase("wet_big.instelling_legt_vast"), blocks,
                    tuple(r.source for r in picked) + tuple(topic.sources), "ja", "zorginstelling")
    if s.asker_role == "zorginstelling" and re.match(r"^(wie|wat) (bepaalt|beslist|bepalen|beslissen|mag (dat )?bepalen)\b", q):
        # 'Wie bepaalt binnen onze instelling of ook anderen voorbehouden handelingen mogen doen?' (001 'Vrijwilligers').
        extra = kb.topics.get("vrijwilligers_voorbehouden")
        sources = tuple(topic.sources) + (tuple(extra.sources) if extra else ())
        return Part("topic:wet_big", phrase("wet_big.instelling_bepaalt"), (Block(topic.answer),), sources, None, "zorginstelling")
    key = None
    if role == "mantelzorger" or (role is None and "mantelzorger" in q):
        key = "niet_bevoegd_mantelzorger" if "bevoegd" in q else "niet_voor_mantelzorger"
    elif role == "zorgvrager":
        key = "niet_voor_zorgvrager"
    elif role == "vrijwilliger" or (role in (None, "zorginstelling") and "vrijwilliger" in about):
        # 'Geldt de Wet BIG dan helemaal niet voor wat zij doen?': not for them, but for the organisation.
        key = "vrijwilliger_geldt_niet_helemaal" if applies_q and re.search(r"\b(niet|geen)\b", q) else "vrijwilliger"
    elif role == "zorgprofessional":
        key = "zorgprofessional"
    if key is None or not (applies_q or not _asks_yes_no(question)):
        return topic_part(topic, question)
    lead = phrase(f"wet_big.{key}")
    verdict = normalize(lead).split(" ")[0] if normalize(lead).startswith(("ja", "nee")) else None
    return Part("topic:wet_big", lead, (Block(topic.answer),), topic.sources, verdict, role)


def dilemma_part(kb: KnowledgeBase, dilemma: Dilemma, role_line: str = "", question: str = "") -> Part:
    game = kb.topics.get("dilemmaspel")
    # 'Kunnen wij eisen dat hij binnen blijft?' in a dilemma: the honest yes/no is 'it depends'.
    key = "lines.dilemma_first_yes_no" if question and _asks_yes_no(question) else "lines.dilemma_first"
    lead = phrase(key, titel=dilemma.title.lower())
    blocks = ([Block(role_line)] if role_line else []) + [
        Block(dilemma.situation),
        Block(f"Wat hier botst: {dilemma.tension}" + (f" Waarden: {', '.join(dilemma.values)}." if dilemma.values else "")),
    ]
    if dilemma.suggestions:
        blocks.append(Block(title="Wat de bronnen aanreiken:", items=tuple(n.text for n in dilemma.suggestions)))
    if game is not None:
        blocks.append(Block(phrase("lines.dilemma_game")))
    sources = [dilemma.source] + [n.source for n in dilemma.suggestions] + (list(game.sources[:1]) if game else [])
    return Part("dilemma:" + dilemma.id, lead, tuple(blocks), tuple(sources), None)


def sock_part(kb: KnowledgeBase, for_self: bool, role: Optional[str] = None, question: str = "", communication_problem: bool = False,
              story: str = "") -> Part:
    intro = kb.note("sock_intro")
    items = tuple(f"{q.letter} ({q.name}): {q.question}" for q in kb.sock_questions if not (for_self and q.skip_for_self))
    blocks = ([Block(_you_are(kb.roles[role].label))] if role in kb.roles else []) + [Block(intro.text), Block(items=items)]
    sources = [intro.source]
    skip = kb.note("sock_self_care")
    blocks.append(Block(skip.text))
    sources.append(skip.source)
    doubt = kb.note("sock_doubt")
    professional = next((r for r in kb.roles["zorgprofessional"].responsibilities if "andere zorgprofessional" in r.text), None)
    if role == "zorgprofessional" and professional is not None:
        blocks.append(Block(professional.text))
        sources.append(professional.source)
    else:
        blocks.append(Block(doubt.text))
        sources.append(doubt.source)
    q = normalize(question)
    verdict = None
    if _SUPPORT_UNKNOWN.search(normalize(story) or q):
        lead, verdict = phrase("sock.ondersteuning", vraag=_sock_question(kb, "O")), "ja"
    elif _KEEP_GOING.search(q) and _asks_yes_no(question) and cues().has("facts", "cannot_any_more", normalize(story)):
        # 'Het lukt niet meer goed sinds mijn pols gebroken is. Moet ik gewoon doorzetten?' (000 SO(C)K, K).
        lead, verdict = phrase("sock.doorgaan_lukt_niet"), "nee"
    elif communication_problem and not for_self:
        lead, verdict = phrase("sock.communicatie", vraag=_sock_question(kb, "C"), twijfel=doubt.text), "hangt_af"
    elif for_self and re.search(r"\b(die|deze|dat) (vraag|letter)\b.*\b(niet|geldt niet|hoeft niet|overslaan)\b", q) and re.search(r"\b(de|die|dat|die letter) c\b", normalize(story)):
        # 'Die C gaat over de zorgvrager, en dat ben ik zelf. Klopt het dat die vraag voor mij niet geldt?'
        lead = phrase("sock.zelf_overslaan")
    elif for_self and re.search(r"\b(allemaal|alle vragen|al die vragen|al de vragen|alle letters|al die letters|alle vier|elke vraag)\b|\b(de|die|dat|die letter) c\b|\bcommunicatie\b", q):
        lead = phrase("sock.zelf_allemaal")
    elif (re.search(r"\b(overslaan|weglaten|skippen|niet (hoeven|hoef|hoeft)|vervalt|vervallen)\b", q) and _asks_yes_no(question)) or (
            len(q.split()) <= 3 and re.search(r"\b(overslaan|weglaten|skippen|vervalt|vervallen)\b", normalize(story))):
        # 'Klopt het dat je een letter mag overslaan als de cliënt het bij zichzelf doet? Welke dan?'
        for_self = for_self or bool(re.search(r"\bbij (zichzelf|jezelf|mezelf)\b", normalize(story)))
        # 'Mag ik bij mezelf een letter overslaan?': the C, when you do it on yourself.
        lead = phrase("sock.zelf_overslaan" if for_self else "sock.overslaan_anderen")
    elif re.search(r"\b(bestaat|is er|zijn er|heb je)\b", q) and _asks_yes_no(question):
        lead = phrase("sock.bestaat")
    elif re.search(r"\b(geld|gelden|geldt|zijn|is|bedoeld)\b.*\b(ook|alleen)\b", q) and _asks_yes_no(question):
        everyone = kb.note("sock_voor_iedereen")
        lead = everyone.text
        sources.append(everyone.source)
    else:
        lead = phrase("sock.lead")
    return Part("sock", lead, tuple(blocks), tuple(sources), verdict, role)


def _sock_question(kb: KnowledgeBase, letter: str) -> str:
    return next(q.question for q in kb.sock_questions if q.letter == letter)


def communication_block(kb: KnowledgeBase) -> Block:
    return Block(phrase("lines.sock_c", vraag=_sock_question(kb, "C")))
