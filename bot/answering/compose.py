"""Builds the parts of an answer, one per question type, from the knowledge
base and the understood situation. The wording of rules and facts comes from
data/kb; only the sentence frames come from templates/phrases.yml."""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot.answering.reasoning import Actor, circumstances
from bot.answering.reply import Block, Part, phrase
from bot.kb.domain import Citation, Dilemma, KnowledgeBase, Topic
from bot.kb.rules import consent_band, decide, liability_for
from bot.understanding.situation import Situation
from bot.understanding.text import normalize

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
    return re.sub(r"^(onze|ons)\b", "jullie", w)


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


def actor_words(s: Situation, actor: Actor) -> str:
    if actor.is_asker:
        return "je"
    return you_form(actor.words) or {"vrijwilliger": "de vrijwilliger", "mantelzorger": "de mantelzorger",
                                      "zorgprofessional": "de zorgprofessional"}.get(actor.role or "", "die persoon")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _key(actor: Actor) -> str:
    return "self" if actor.is_asker else "other"


def _asks_yes_no(question: str) -> bool:
    return bool(re.match(r"^(mag|mogen|is|ben|zijn|word|wordt|kan|kun|kunnen|moet|moeten|heb|hebben|klopt|geldt|valt|blijf|blijft)\b", normalize(question)))


# -- mag ik ---------------------------------------------------------------------

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
    if decision.refused:
        key = "geweigerd_onder_12" if band is not None and band.id == "jonger_dan_12" else "geweigerd"
    elif role == "zorgvrager" and band is not None and band.id == "jonger_dan_12":
        key = "zorgvrager_onder_12"
    elif role == "zorgvrager" and band is not None and band.id == "twaalf_tot_zestien":
        key = "zorgvrager_12_16"
    elif voorbehouden and role in ("vrijwilliger", "zorginstelling"):
        key = f"{role}_voorbehouden"
    else:
        key = role
    handeling = task.doing if task else "dat doen"
    bij = f" bij {naaste}" if naaste not in ("de zorgvrager", "jij") and role not in ("zorgvrager",) else (" bij jou" if naaste == "jij" else "")
    lead = phrase(f"first_line.{key}.{_key(actor)}", wie=who, handeling=handeling, handeling_hoofd=_cap(handeling),
                  bij=bij, naaste=naaste)
    blocks: List[Block] = []
    sources: List[Citation] = list(decision.sources)
    outcome = actor.determination.outcome
    if outcome is not None and (outcome.id not in ("mantelzorger", "zorgvrager", "zorginstelling", "zorgprofessional", "vrijwilliger_zonder_band") or not actor.is_asker):
        blocks.append(Block(outcome.explanation))
        sources.insert(0, outcome.source)
    if decision.refused:
        blocks.extend(Block(n.text) for n in decision.consent)
        topic = kb.topics["niet_verplicht"]
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
    blocks.append(Block(_liability_line(kb, s, actor)))
    blocks.append(Block(phrase("lines.doubt")))
    return Part("mag_ik", lead, tuple(blocks), tuple(sources), decision.verdict, role)


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

def role_part(kb: KnowledgeBase, s: Situation, actor: Actor) -> Part:
    det = actor.determination
    who = actor_words(s, actor)
    sources: List[Citation] = []
    blocks: List[Block] = []
    if det.decided and det.outcome is not None:
        outcome = det.outcome
        role = kb.roles[det.role]
        if outcome.id == "spontaan_andere_bewoner":
            lead = phrase("role_first.self_split_spontaan")
        elif outcome.id == "vrijwilliger_op_verzoek":
            lead = phrase("role_first.self_split_op_verzoek")
        elif outcome.id == "vrijwilliger_andere_bewoners":
            lead = phrase("role_first.self_split")
        elif actor.is_asker:
            lead = phrase("role_first.self", rol=role.label)
        else:
            lead = phrase("role_first.other", wie_hoofd=_cap(who), rol=role.label)
        blocks.append(Block(outcome.explanation))
        sources.append(outcome.source)
        if det.difference is not None:
            blocks.append(Block(det.difference.combined, title=phrase("lines.difference_title")))
            sources.extend(r.source for r in det.difference.readings)
        blocks.append(Block(role.description))
        sources.append(role.source)
        line = _liability_line(kb, s, actor)
        if line:
            blocks.append(Block(line))
        return Part("rol", lead, tuple(blocks), tuple(sources), None, det.role)
    lead = phrase("role_first.depends")
    if det.alternatives:
        blocks.append(Block(items=tuple(o.explanation for o in det.alternatives)))
        sources.extend(o.source for o in det.alternatives)
    else:
        note = kb.note("rol_onbekend")
        blocks.append(Block(note.text))
        sources.append(note.source)
    return Part("rol", lead, tuple(blocks), tuple(sources), "hangt_af", None)


# -- aansprakelijkheid ----------------------------------------------------------------

def _liability_target(question: str) -> str:
    q = normalize(question)
    if re.search(r"\b(ben ik|kan ik|word ik|ik (zelf )?aansprakelijk|mijzelf|mezelf|ben je|ik dan)\b", q):
        return "self"
    if re.search(r"\b(is|zijn|kan|kunnen|wordt) (de|het|onze|jullie|wij|we) ?(zorg)?(instelling|organisatie|verpleeghuis|thuiszorg|zorgaanbieder|woonzorgcentrum|afdeling)?\b.*aansprakelijk", q) \
            or re.search(r"\b(zijn wij|zijn we|is de instelling|is het verpleeghuis|is de organisatie|is de zorginstelling)\b", q):
        return "instelling"
    return "wie"


def liability_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str) -> Part:
    role = actor.role
    organisation_asks = s.asker_role == "zorginstelling"
    if role is None and organisation_asks:
        role = "zorginstelling"
    if role is None:
        return _liability_overview(kb)
    outcome_id = actor.determination.outcome.id if actor.determination.outcome else ""
    on_request = {"vrijwilliger_op_verzoek": True, "spontaan_andere_bewoner": False}.get(outcome_id)
    if s.helps_others and on_request is None and s.spontaneous is not None:
        on_request = not s.spontaneous
    advice_role = "mantelzorger" if outcome_id in ("spontaan_andere_bewoner",) else role
    advice = liability_for(kb, advice_role if advice_role in kb.liability else "zorgvrager", helps_others=s.helps_others,
                           on_request=on_request, organisation_asks=organisation_asks)
    target = _liability_target(question)
    if organisation_asks and target == "self":
        target = "instelling"
    lead = None
    if s.helps_others and role in ("mantelzorger", "vrijwilliger") and on_request is not None:
        kind = "op_verzoek" if on_request else "spontaan"
        lead = phrase(f"liability_yesno.{kind}_{'instelling' if target == 'instelling' else 'self'}") if target != "wie" else phrase(f"liability_first.{kind}")
    elif s.helps_others and role in ("mantelzorger", "vrijwilliger"):
        lead = phrase("liability_first.andere_bewoners_onbekend")
    elif target in ("self", "instelling") and role in ("mantelzorger", "vrijwilliger", "zorgprofessional"):
        lead = phrase(f"liability_yesno.{role}_{target}")
    if lead is None:
        key = role if actor.is_asker or role in ("zorgvrager", "zorginstelling", "wettelijk_vertegenwoordiger") else f"{role}_other"
        lead = phrase(f"liability_first.{key}")
    liability = advice.liability
    blocks = [Block(liability.summary)]
    blocks.extend(Block(n.text) for n in liability.notes if n.text not in liability.summary)
    sources = [liability.source] + [n.source for n in liability.notes]
    if advice.exceptions:
        blocks.append(Block(title=phrase("lines.exceptions_title"), items=tuple(e.text for e in advice.exceptions), numbered=True))
        sources.extend(e.source for e in advice.exceptions)
    if advice.difference is not None and (role == "vrijwilliger" or s.helps_others):
        blocks.append(Block(advice.difference.combined, title=phrase("lines.difference_title")))
        sources.extend(r.source for r in advice.difference.readings)
    if s.helps_others:
        diff = kb.source_differences.get("andere_bewoners")
        if diff is not None and on_request is None:
            blocks.append(Block(diff.combined, title=phrase("lines.difference_title")))
    if s.asker_role == "zorgprofessional" and role == "mantelzorger" and not actor.is_asker:
        topic = kb.topics["passend_reageren"]
        blocks.append(Block(topic.short))
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

def consent_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str) -> Part:
    naaste = receiver_words(s)
    band = consent_band(kb, s.receiver_age)
    blocks: List[Block] = []
    sources: List[Citation] = []
    q = normalize(question) + " " + normalize(s.text)
    if re.search(r"\b(elke|iedere) keer\b|\btelkens\b|\bsteeds opnieuw\b", q):
        topic = kb.topics["toestemming_structureel"]
        return topic_part(topic)
    verdict = None
    if s.receiver == "self" and s.refusal != "receiver":
        lead = phrase("consent_first.zelf")
        if band is not None and band.max_age < 16:
            lead = phrase("consent_first.zelf_minderjarig")
            blocks.append(Block(band.text))
            sources.append(band.source)
    elif s.refusal == "receiver" and band is not None and band.id == "twaalf_tot_zestien":
        lead, verdict = phrase("consent_first.kind_12_16", naaste=naaste), "ja"
    elif s.refusal == "receiver" and band is not None and band.id == "jonger_dan_12":
        lead, verdict = phrase("consent_first.kind_onder_12"), "hangt_af"
    elif s.refusal == "receiver":
        lead, verdict = phrase("consent_first.weigering", naaste=naaste), "nee"
        note = kb.note("weigering_zorgvrager")
        blocks.append(Block(note.text))
        sources.append(note.source)
    elif band is not None:
        lead = band.text
        sources.append(band.source)
    elif s.capacity == "wilsonbekwaam":
        lead = phrase("consent_first.wilsonbekwaam", naaste=naaste)
    elif s.capacity == "twijfel":
        lead, verdict = phrase("consent_first.twijfel", naaste=naaste), "hangt_af"
    else:
        lead = phrase("consent_first.algemeen")
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

def refuse_part(kb: KnowledgeBase, s: Situation, actor: Actor, question: str) -> Part:
    q = normalize(question)
    professional = actor.role == "zorgprofessional" or (actor.is_asker and s.asker_role == "zorgprofessional")
    topic = kb.topics["opdracht_teruggeven" if professional else "niet_verplicht"]
    if professional:
        lead = phrase("refuse_first.teruggeven")
    elif re.search(r"\b(mag|kan|mogen|kunnen) (ik|je|we|wij|hij|zij|ze|mijn \w+|een \w+) (dat |het |dit )?(ook )?(weigeren|nee zeggen|stoppen|teruggeven|terug geven)", q):
        lead = phrase("refuse_yesno.mag_weigeren" if actor.is_asker else "refuse_yesno.mag_weigeren_other", wie=actor_words(s, actor))
    else:
        lead = phrase("refuse_first.niet_verplicht" if actor.is_asker else "refuse_first.niet_verplicht_other", wie=actor_words(s, actor))
    blocks = [Block(topic.answer)]
    sources = list(topic.sources)
    if not professional:
        keuze = kb.topics.get("keuzehulp")
        if keuze is not None:
            blocks.append(Block(keuze.answer.splitlines()[0]))
            sources.append(keuze.sources[0])
    return Part("weigeren", lead, tuple(blocks), tuple(sources), None, actor.role)


# -- verantwoordelijkheden -----------------------------------------------------------------

def responsibilities_part(kb: KnowledgeBase, s: Situation, actor: Actor) -> Part:
    role_id = actor.role if actor.is_asker else (s.asker_role or actor.role)
    if role_id not in kb.roles:
        role_id = actor.role or "mantelzorger"
    role = kb.roles[role_id]
    lead = phrase("responsibilities_first.self", rol=role.label)
    items = tuple(r.text for r in role.responsibilities)
    return Part("verantwoordelijkheden", lead, (Block(items=items),), tuple(r.source for r in role.responsibilities), None, role_id)


# -- onderwerpen, dilemma's, SO(C)K ------------------------------------------------------------

def topic_part(topic: Topic) -> Part:
    lead = topic.short or topic.title
    verdict = None
    first = normalize(lead).split(" ")[0] if lead else ""
    if first in ("ja", "nee"):
        verdict = first
    return Part("topic:" + topic.id, lead, (Block(topic.answer),), topic.sources, verdict)


def dilemma_part(kb: KnowledgeBase, dilemma: Dilemma) -> Part:
    game = kb.topics.get("dilemmaspel")
    lead = f"Dit is een dilemma ({dilemma.title.lower()}): er is geen goed of fout antwoord."
    blocks = [
        Block(dilemma.situation),
        Block(f"Wat hier botst: {dilemma.tension}" + (f" Waarden: {', '.join(dilemma.values)}." if dilemma.values else "")),
    ]
    if dilemma.suggestions:
        blocks.append(Block(title="Wat de bronnen aanreiken:", items=tuple(n.text for n in dilemma.suggestions)))
    if game is not None:
        blocks.append(Block("Bespreek het met je team zoals in het dilemmaspel: kies een perspectief (bewoner, familie, medewerker), "
                            "zeg welke waarden je belangrijk vindt, maak een keuze en noteer welke waarden de doorslag gaven. "
                            "Beslis daarna samen, met de bewoner en de familie."))
    sources = [dilemma.source] + [n.source for n in dilemma.suggestions] + (list(game.sources[:1]) if game else [])
    return Part("dilemma:" + dilemma.id, lead, tuple(blocks), tuple(sources), None)


def sock_part(kb: KnowledgeBase, for_self: bool) -> Part:
    intro = kb.note("sock_intro")
    items = tuple(f"{q.letter} ({q.name}): {q.question}" for q in kb.sock_questions if not (for_self and q.skip_for_self))
    blocks = [Block(intro.text), Block(items=items)]
    sources = [intro.source]
    skip = kb.note("sock_self_care")
    blocks.append(Block(skip.text))
    sources.append(skip.source)
    doubt = kb.note("sock_doubt")
    blocks.append(Block(doubt.text))
    lead = "SO(C)K is een ezelsbrug met vier vragen die je jezelf stelt voordat je een zorghandeling doet: Situatie, Ondersteuning, Communicatie en Kennis en vaardigheden."
    return Part("sock", lead, tuple(blocks), tuple(sources + [doubt.source]), None)
