"""Answers one message: understand the whole situation, find what is asked,
reason over the knowledge base and compose the Dutch answer.

`answer()` is what the Rasa action calls; it is a plain function of the text,
the NLU intent ranking and the conversation context, so it is tested and
benchmarked without a running server."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Dict, List, Mapping, Optional, Sequence

from bot.answering.verdicts import first_line
from bot.answering.compose import (
    ASKS_IF_RESERVED, asked_role, asker_line, people_line, role_definition_part, you_form,
    consent_part, dilemma_part, liability_part, permission_part, refuse_part, responsibilities_part, role_of_actor,
    role_part, sock_part, topic_part, wet_big_part,
)
from bot.answering.reasoning import Actor, acting_role, role_facts
from bot.answering.reply import Block, Button, Part, Reply, phrase, render
from bot.kb.domain import KnowledgeBase
from bot.understanding.cues import cues, form
from bot.understanding.english import gloss, looks_english
from bot.understanding.questions import CARE_TYPES, Questions, detect
from bot.understanding.situation import Situation, extract
from bot.understanding.terms import lexicon_for
from bot.understanding.text import normalize, question_sentences
from bot.understanding.topics import topic_index

__all__ = ["answer", "render", "Reply"]

MAX_PARTS = 2
# Question types answered by reasoning over roles; the rest by topics.
_FOLLOW_UPS = {
    "mag_ik": ("aansprakelijkheid", "verantwoordelijkheden", "sock", "rol"),
    "rol": ("aansprakelijkheid", "verantwoordelijkheden", "mag_ik"),
    "aansprakelijkheid": ("verantwoordelijkheden", "rol"),
    "toestemming": ("verantwoordelijkheden", "aansprakelijkheid"),
}
# A request to go through the checklist now ("loop de sock vragen met me door"),
# not a question about what happens after someone went through it.
_WALKTHROUGH = form("walkthrough")


_PERMISSION_QUESTION = form("permission_question")


_NOT_ASKED_FOR_CONSENT = form("not_asked_for_consent")


def _asks_permission(questions: Sequence[str]) -> bool:
    return any(_PERMISSION_QUESTION.search(normalize(q)) for q in questions)


def _follow_up(s: Situation, context: Mapping[str, Any]) -> Situation:
    """A short follow-up ("en bij mijn buurman?") keeps what it does not change."""
    if not context:
        return s
    changes: Dict[str, Any] = {}
    if not s.tasks and context.get("task"):
        changes["tasks"] = (context["task"],)
    new_person = bool(s.relation) or s.actor == "other" or s.receiver == "self"
    if not new_person:
        for key in ("relation", "receiver", "receiver_words", "receiver_age", "actor", "actor_words", "actor_role", "own_relative"):
            if context.get(key) is not None and getattr(s, key) in (None, "other", "asker"):
                changes[key] = context[key]
        if context.get("capacity") and not s.capacity:
            changes["capacity"] = context["capacity"]
    if not s.asker_role and context.get("asker_role"):
        changes["asker_role"] = context["asker_role"]
    return replace(s, **changes) if changes else s


def _context(s: Situation, actor: Optional[Actor], q: Questions, kb: Optional[KnowledgeBase] = None) -> Dict[str, Any]:
    return {
        "task": s.task, "relation": s.relation, "receiver": s.receiver, "receiver_words": s.receiver_words,
        "receiver_age": s.receiver_age, "actor": s.actor, "actor_words": s.actor_words, "actor_role": s.actor_role,
        "own_relative": s.own_relative, "capacity": s.capacity, "asker_role": s.asker_role,
        "role": actor.role if actor else None, "question": q.main,
        "role_facts": role_facts(kb, s) if kb is not None else {},
    }


def _question_for(kind: str, questions: Sequence[str], text: str) -> str:
    """The question sentence a part answers: 'Ben ik nu mantelzorger? En moet ik dat
    melden?' answers the role with the first one. The last one when none has the cues."""
    if not questions:
        return text
    if kind not in CARE_TYPES:
        return questions[-1]  # a topic's yes or no follows the last question
    matching = [q for q in questions if cues().has("questions", kind, normalize(q))]
    return matching[-1] if matching else questions[-1]


_ABOUT_INFORMATION = form("about_information")
_CAN_I_STOP = form("can_i_stop")


# 'Is dat illegaal?' asks the permission question the other way round.
_ASKS_IF_FORBIDDEN = form("asks_if_forbidden")


def _forbidden_form(part: Part) -> Part:
    """The permission answer turned to the question 'is it forbidden?': a yes
    (it is allowed) becomes 'no, it is not forbidden'."""
    m = re.match(r"^Ja[,.]?\s+(.*)$", part.lead, re.S)
    if not m or part.verdict == "nee":
        return part
    rest = m.group(1)
    return replace(part, lead=phrase("lines.niet_verboden") + " " + rest[0].upper() + rest[1:], verdict="nee")


_FAMILY_OF_RESIDENT = form("family_of_resident")
_OWN_INFORMATION = form("own_information")
_IN_DOUBT_WHETHER = form("in_doubt_whether")


def _said(parts: Sequence[Part], blocks: Optional[int] = 2) -> str:
    """What the top of the answer says: the leads and the first blocks (all with None)."""
    return " ".join([p.lead for p in parts] + [b.text + " " + " ".join(b.items) for p in parts for b in p.blocks[:blocks]]).lower()


def _asker_role_unsaid(kb: KnowledgeBase, s: Situation, parts: Sequence[Part]) -> bool:
    """The asker said what they are ('ik ben EVV'er') but the top of the answer
    does not address that role: the rules differ per role, so the reader must see
    which role the answer assumes (000 'Welke rol heb ik?')."""
    if not s.asker_role_stated or s.asker_role not in kb.roles or s.emergency_now:
        return False
    if parts[0].kind in ("noodgeval", "off_topic", "medisch", "buiten_bronnen"):
        return False
    return kb.roles[s.asker_role].label.lower() not in _said(parts)


def _family_role_unsaid(s: Situation, parts: Sequence[Part]) -> bool:
    if s.asker_role not in ("zorgprofessional", "zorginstelling") or s.helps_others or s.emergency_now:
        return False
    if parts[0].kind in ("noodgeval", "off_topic", "medisch") or not _FAMILY_OF_RESIDENT.search(normalize(s.text)):
        return False
    said = _said(parts, blocks=None)
    return "mantelzorger" not in said and "vrijwilliger" not in said


def _part_for(kb: KnowledgeBase, kind: str, s: Situation, actor: Actor, text: str, questions: Sequence[str]) -> Optional[Part]:
    question = _question_for(kind, questions, text)
    topics = topic_index(kb)
    if kind == "mag_ik":
        return permission_part(kb, s, actor, question)
    if kind == "rol":
        if re.match(r"^(wanneer|hoe weet ik|hoe weet je|wat is het verschil)\b", normalize(question)):
            best = topics.best_for("rol", text, questions)
            if best in kb.topics:
                return topic_part(kb.topics[best], question)
        return role_part(kb, s, actor, question)
    if kind == "aansprakelijkheid":
        return liability_part(kb, s, actor, question)
    if kind == "toestemming":
        return consent_part(kb, s, actor, question)
    if kind == "weigeren":
        return refuse_part(kb, s, actor, question)
    if kind == "verantwoordelijkheden":
        return responsibilities_part(kb, s, actor, question)
    if kind == "sock":
        return sock_part(kb, for_self=s.receiver == "self" or actor.role == "zorgvrager", role=actor.role, question=question,
                         communication_problem=s.communication_problem, story=text)
    if kind == "wet_big":
        return wet_big_part(kb, s, actor, question)
    if kind == "noodgeval":
        if (s.tasks or re.search(r"\b(\w*prik|insuline|medicijn\w*|pil|pillen|spuit\w*)\b", normalize(text))) and _IN_DOUBT_WHETHER.search(normalize(text)):
            # 'Ik weet niet of ik haar avondprik nog moet geven': in doubt, do not do it (000 SO(C)K).
            return Part("noodgeval", phrase("safety.emergency"), (Block(phrase("safety.emergency_doubt")),), (kb.note("sock_doubt").source,), None)
        return Part("noodgeval", phrase("safety.emergency"), (), (), None)
    if kind == "off_topic":
        return Part("off_topic", phrase("safety.off_topic"), (), (), None)
    if kind == "medisch":
        topic = "medicatie_dosering" if any(w in normalize(text) for w in ("dosis", "dosering", "eenheden", "hoeveel")) else "medisch_advies"
        return topic_part(kb.topics[topic], question)
    if kind == "privacy" and s.refusal != "receiver" and _asks_permission(questions) and _NOT_ASKED_FOR_CONSENT.search(normalize(text)):
        # 'Daar is mij nooit iets over gevraagd. Mag dat zomaar?': without consent the file stays closed (001).
        part = _routed_topic_part(kb, kind, s, actor, text, question, questions)
        if part is not None:
            return replace(part, lead=phrase("consent_first.privacy_niet_gevraagd"), verdict="nee", blocks=part.blocks[-1:])
    # 'Ik wil niet dat ze alles over mij hoort': the asker refuses to share her own information.
    own_info_no = s.refusal == "actor" and bool(_OWN_INFORMATION.search(normalize(text)))
    if kind == "privacy" and (s.refusal == "receiver" or own_info_no) and (
            _asks_permission(questions) or _CAN_I_STOP.search(normalize(question)) or re.match(r"^(moet|moeten)\b", normalize(question))):
        # The client said no: the first line says so (000: without consent it does not happen).
        part = _routed_topic_part(kb, kind, s, actor, text, question, questions)
        if part is not None:
            if s.asker_role == "zorgvrager" and s.asker_role_stated and _CAN_I_STOP.search(normalize(question)):
                return replace(part, lead=phrase("consent_first.privacy_tegenhouden_zelf"), verdict="ja",
                               blocks=(Block(phrase("role_first.self", rol="zorgvrager")),) + part.blocks[-1:])
            if (s.asker_role == "zorgvrager" and s.asker_role_stated) or own_info_no:
                # It is about the asker's own information: she is the one cared for.
                return replace(part, lead=phrase("consent_first.privacy_weigering_zelf"), verdict="nee",
                               blocks=(Block(phrase("role_first.self", rol="zorgvrager")),) + part.blocks[-1:])
            else:
                own = next((m.words for m in s.mentions if m.relation and m.possessive in ("mijn", "mn", "m'n")), None)
                lead = phrase("consent_first.privacy_weigering", naaste=you_form(s.receiver_words or own) or "de cliënt")
            return replace(part, lead=lead, verdict="nee", blocks=part.blocks[-1:])
    if kind == "overbelasting":
        # Whose load the question is about decides between the two topics.
        roles = (s.actor_role, s.doer_role, s.asker_role if actor.is_asker else None)
        volunteer = "vrijwilliger" in roles or ("mantelzorger" not in roles and re.search(r"\bvrijwillig", normalize(text)) and not re.search(r"\bmantelzorg", normalize(text)))
        key = _clearly_about(kb, "overbelasting_vrijwilliger" if volunteer else "overbelasting", text, questions)
        if key in ("overbelasting", "overbelasting_vrijwilliger") and actor.is_asker and s.asker_role == "vrijwilliger":
            key = "overbelasting_eigen_vrijwilliger"  # the volunteer tells about her own load, not staff about hers
        return topic_part(kb.topics[key], question, people_line(kb, s, actor), text)
    if kind == "passend_reageren" and "vrijwilliger" in (s.actor_role, s.doer_role) and "mantelzorger" not in (s.actor_role, s.doer_role):
        # A volunteer doing it wrong: the general steps, not the rule about a mantelzorger's unsafe care.
        return topic_part(kb.topics["passend_reageren"], question, people_line(kb, s, actor), text)
    if kind == "regelen":
        # Staff arranging a care task that someone else takes over: the steps for that role.
        key = "stappen_vrijwilliger" if "vrijwilliger" in (s.actor_role, s.doer_role, actor.role) else "stappen_mantelzorger"
        return topic_part(kb.topics[key], question, people_line(kb, s, actor), text)
    if kind == "samenwerken" and s.asker_role == "zorginstelling" and s.asker_role_stated:
        kind = "beleid"  # an organisation asks about its policy, not about one conversation
    if kind == "dilemma":
        best = topics.best_for("dilemma", text, questions)
        if best and best.startswith("dilemma:") and topics.score(best, " ".join(normalize(q) for q in questions), normalize(text)) > 0:
            return dilemma_part(kb, kb.dilemmas[best.split(":", 1)[1]], people_line(kb, s, actor), question)
        return topic_part(kb.topics["dilemmaspel"], question, people_line(kb, s, actor))
    return _routed_topic_part(kb, kind, s, actor, text, question, questions)


def _clearly_about(kb: KnowledgeBase, best: str, text: str, questions: Sequence[str], dilemmas: bool = False) -> str:
    """A topic the question is clearly about beats the usual topic of the type.
    Only keywords may overrule the route: full-text similarity alone picks up
    words of the story (a meal, a resident) that say nothing about the question."""
    overall = topic_index(kb).ranked(text, questions, list(kb.topics) + ([f"dilemma:{d}" for d in kb.dilemmas] if dilemmas else []))
    if overall and overall[0][0] != best:
        own = dict(overall).get(best, 0.0)
        if overall[0][1] >= 3 and overall[0][1] > 1.5 * own:
            return overall[0][0]
    return best


def _routed_topic_part(kb: KnowledgeBase, kind: str, s: Situation, actor: Actor, text: str, question: str,
                       questions: Sequence[str]) -> Optional[Part]:
    """The topic that answers a question of this type, by its route and keywords."""
    best = topic_index(kb).best_for(kind, text, questions)
    if best:
        best = _clearly_about(kb, best, text, questions, dilemmas=True)
    if best and best.startswith("dilemma:") and best.split(":", 1)[1] in kb.dilemmas:
        # A story that is one of the dilemmas of 004 ('familie zit de hele dag in de huiskamer').
        dilemma = kb.dilemmas[best.split(":", 1)[1]]
        if _SPEAKING_UP.search(normalize(question)):
            # 'Mogen we daar afspraken over maken?': yes, and the dilemma says what to weigh.
            part = dilemma_part(kb, dilemma, people_line(kb, s, actor), "")
            return replace(part, lead=phrase("lines.speaking_up") + " " + part.lead, verdict="ja")
        return dilemma_part(kb, dilemma, people_line(kb, s, actor), question)
    if best and best in kb.topics:
        part = topic_part(kb.topics[best], question, people_line(kb, s, actor), text)
        if part.verdict is None and _SPEAKING_UP.search(normalize(question)) and not re.match(r"^(ja|nee|dat hangt|het hangt)\b", normalize(part.lead)):
            # 'Mag ik daar iets van zeggen?', 'mogen we daar afspraken over maken?': talking it over is always
            # open to everyone involved; the topic says how.
            part = replace(part, lead=phrase("lines.speaking_up") + " " + part.lead, verdict="ja")
        return part
    return None


_SPEAKING_UP = form("speaking_up")


def _buttons(main: Optional[str], s: Situation) -> List[Button]:
    titles = phrase("buttons")
    out = []
    for kind in _FOLLOW_UPS.get(main or "", ()):
        if kind == "sock" and s.receiver == "self":
            continue
        out.append(Button(titles.get(kind, kind) if kind in titles else kind, f'/vervolg{{"onderwerp":"{kind}"}}'))
    return [b for b in out if b.title in titles.values()]


def _named_part(kb: KnowledgeBase, key: str, s: Situation, actor: Actor, text: str, questions: Sequence[str]) -> Part:
    """The answer of a topic or dilemma ('dilemma:<id>') chosen by its name."""
    question = questions[-1] if questions else text
    if key.startswith("dilemma:"):
        return dilemma_part(kb, kb.dilemmas[key.split(":", 1)[1]], question=question)
    return topic_part(kb.topics[key], question, people_line(kb, s, actor), story=text)


def answer(kb: KnowledgeBase, text: str, intent_ranking: Optional[Sequence[Mapping]] = None,
           context: Optional[Mapping[str, Any]] = None, follow_up: Optional[str] = None,
           stated_role: Optional[str] = None) -> Reply:
    """The reply to one user message.

    `follow_up` is a question type chosen with a button; `stated_role` a role
    chosen with a button ("Voor mijn naaste"); both reuse the context."""
    context = context or {}
    english = looks_english(text)
    read = gloss(text) if english else text
    lex = lexicon_for(kb)
    s = extract(lex, read, english=english)
    if follow_up or stated_role:
        s = _follow_up(s, context)
    elif context and len(normalize(read).split()) <= 8:
        s = _follow_up(s, context)
    if stated_role:
        s = replace(s, asker_role=stated_role, asker_role_stated=True)
    q = detect(read, s, intent_ranking)
    if follow_up:
        q = Questions((follow_up,), {follow_up: 10.0})
    elif stated_role and context.get("question"):
        q = Questions((context["question"],), {context["question"]: 10.0})
    reply = Reply(question_types=q.types, situation=s)
    if english:
        reply.notes.append(phrase("lines.english_note"))
    if s.emergency_now and q.main != "noodgeval":
        reply.notes.insert(0, phrase("lines.emergency_first"))
    if q.main in ("greeting", "thanks") and len(q.types) == 1:
        reply.response = "utter_greet" if q.main == "greeting" else "utter_thanks"
        return reply
    actor = acting_role(kb, s)
    questions = question_sentences(read)
    if q.main == "sock" and _WALKTHROUGH.search(normalize(read)):
        reply.start_form = "sock_form"
        reply.context = _context(s, actor, q, kb)
        return reply
    kinds = [k for k in q.types if k not in ("greeting", "thanks")]
    if kinds and kinds[0] == "medisch" and s.task_guessed:
        kinds = [k for k in kinds if k != "mag_ik"]  # a medicine question, not permission for a task it only resembles
    if kinds[:1] == ["mag_ik"] and len(kinds) > 1 and questions and not _asks_permission(questions) and q.scores.get("mag_ik", 0.0) <= 2.0:
        # 'Ik krijg het gevoel dat ik het personeel moet aanvullen. Is dat de bedoeling?': no permission is asked.
        kinds = kinds[1:] + ["mag_ik"]
    defined = asked_role(questions[-1] if questions else read)
    if defined and defined in kb.roles:
        # 'Wat is een zorgvrager?', 'wat is de rol van de zorginstelling?': the role itself, whoever asks.
        reply.parts.append(role_definition_part(kb, defined))
        kinds = [k for k in kinds if k not in ("rol", "verantwoordelijkheden", "passend_reageren", "mag_ik")]
    last_q = normalize(questions[-1]) if questions else ""
    if kinds[:1] == ["mag_ik"] and "aansprakelijkheid" in kinds and re.search(r"\b(aansprakelijk|verantwoordelijk)\b", normalize(read)) \
            and not re.search(r"\b(mag|mogen|mocht)\b", last_q):
        # 'Ze viel tijdens de wandeling. Is dat het verpleeghuis of ben ik verantwoordelijk?' asks who is liable first.
        kinds = ["aansprakelijkheid"] + [k for k in kinds if k != "aansprakelijkheid"]
    if "vrijwilligersovereenkomst" in kinds and actor.role == "mantelzorger" and not re.search(r"\bvrijwillig", normalize(read)):
        # 'Moet ik dan ergens iets voor tekenen?' from a mantelzorger: no agreement, the care file holds the arrangements.
        note = kb.note("mantelzorger_geen_overeenkomst")
        main = [k for k in kinds if k != "vrijwilligersovereenkomst"][:1]
        for kind in main:
            part = _part_for(kb, kind, s, actor, read, questions)
            if part is not None:
                reply.parts.append(part)
        reply.parts.append(Part("overeenkomst", phrase("agreement_first.mantelzorger"), (Block(note.text),), (note.source,), "nee", "mantelzorger"))
        kinds = [k for k in kinds if k != "vrijwilligersovereenkomst" and k not in main]
    if kinds and kinds[0] in ("overbelasting", "weigeren") and s.refusal == "actor" and s.actor == "asker":
        kinds = [k for k in kinds if k != "mag_ik"]  # 'mag ik minder doen?' is about her load, not about the task
    if s.emergency_now and q.main == "noodgeval":
        kinds = ["noodgeval"]  # in an emergency anything after "bel 112" only slows the reader down
    if "wet_big" in kinds and s.task and any(ASKS_IF_RESERVED.search(normalize(x)) for x in questions):
        # "Is een injectie geven een voorbehouden handeling?" asks about the task, not about permission.
        kinds = ["wet_big"] + [k for k in kinds if k not in ("wet_big", "mag_ik")]
    elif "mag_ik" in kinds and s.task and kinds[0] in ("wetten", "wet_big") and _asks_permission(questions):
        # "Mag dat volgens de wet?" about a named task: the permission answer
        # covers the Wet BIG and the laws for this task, so it comes first.
        kinds = ["mag_ik"] + [k for k in kinds if k not in ("mag_ik", "wet_big", "wetten")]
    elif "mag_ik" in kinds and "wet_big" in kinds and s.task:
        kinds.remove("wet_big")  # the permission answer covers the Wet BIG for this task
    if kinds[:1] == ["mag_ik"] and "privacy" in kinds and not s.tasks and _ABOUT_INFORMATION.search(normalize(read)):
        # 'Ik wil niet dat mijn moeder mijn dossier leest. Mag zij dat?': about information, not a care task.
        kinds = ["privacy"] + [k for k in kinds if k != "privacy"]
    if q.scores.get("privacy", 0.0) >= 2.0 and "toestemming" in kinds and "privacy" in kinds and kinds.index("toestemming") < kinds.index("privacy") \
            and _ABOUT_INFORMATION.search(normalize(read)) and not s.tasks:
        # 'ik wil niet dat mijn schoonzoon in mijn dossier kijkt': consent to share information, a privacy question.
        kinds.remove("privacy")
        kinds.insert(kinds.index("toestemming"), "privacy")
    # "Mag ik daar iets van zeggen?" without a care task: a topic answers it
    # better than the permission rules; those stay the last resort.
    weak_permission = "mag_ik" in kinds and q.scores.get("mag_ik", 0.0) < 1.0 and not s.tasks
    if kinds[:1] == ["mag_ik"] and not s.tasks and not s.non_care_activity and not reply.parts:
        # 'Het verpleeghuis heeft een open-deurbeleid. Mag dat zomaar?': no care task is asked about; a topic
        # or dilemma the story's own words name answers it.
        named = topic_index(kb).ranked(read, questions, list(kb.topics) + [f"dilemma:{d}" for d in kb.dilemmas])
        if named and named[0][1] >= 3.0 and (named[0][0].startswith("dilemma:") or kb.topics[named[0][0]].kind != "veiligheid"):
            reply.parts.append(_named_part(kb, named[0][0], s, actor, read, questions))
            kinds = [k for k in kinds if k != "mag_ik"]
    for kind in kinds:
        if len(reply.parts) >= MAX_PARTS + (1 if kinds[0] == "noodgeval" else 0):
            break
        if kind == "mag_ik" and weak_permission:
            continue
        part = _part_for(kb, kind, s, actor, read, questions)
        if part is not None and all(p.kind != part.kind for p in reply.parts):
            reply.parts.append(part)
    if reply.parts:
        reply.parts[0] = first_line(reply.parts[0], read, questions)
    if reply.parts and reply.parts[0].kind in ("mag_ik", "wet_big") and questions and _ASKS_IF_FORBIDDEN.search(normalize(questions[-1])):
        reply.parts[0] = _forbidden_form(reply.parts[0])
    if reply.parts and _family_role_unsaid(s, reply.parts):
        # Staff telling about a resident's family: say that the relative helps as a mantelzorger (000 'Mantelzorger').
        first = reply.parts[0]
        reply.parts[0] = replace(first, blocks=(Block(phrase("role_family")),) + tuple(first.blocks))
    if reply.parts and _asker_role_unsaid(kb, s, reply.parts):
        first = reply.parts[0]
        reply.parts[0] = replace(first, blocks=(Block(asker_line(kb, s)),) + tuple(first.blocks))
    if not reply.parts:
        # Safety topics (dosage, medical advice) answer only when their own cues fired.
        ranked = [kv for kv in topic_index(kb).combined(read, questions) if kb.topics.get(kv[0]) is None
                  or kb.topics[kv[0]].kind != "veiligheid"]
        if ranked and ranked[0][1] >= 2.5:
            reply.parts.append(_named_part(kb, ranked[0][0], s, actor, read, questions))
        elif weak_permission:
            reply.parts.append(_part_for(kb, "mag_ik", s, actor, read, questions))
        elif not (s.tasks or s.asker_role or s.relation or s.actor_role or s.doer_words):
            reply.parts.append(Part("off_topic", phrase("safety.off_topic"), (), (), None))
        else:
            reply.response = "utter_ask_rephrase"
    if q.main == "rol" and not actor.determination.decided and not actor.determination.alternatives:
        reply.start_form = "rol_form"
    reply.buttons = _buttons(q.main, s)
    reply.context = _context(s, actor, q, kb)
    return reply
