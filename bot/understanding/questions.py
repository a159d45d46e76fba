"""What a message asks: one or more question types, the main one first.

Cues in the question sentence weigh most, cues elsewhere in the story less,
and the intent of the Rasa NLU model tips the balance; a message can ask two
things ("mag ik dat, en wie is aansprakelijk als het misgaat?")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from bot.understanding.cues import cues, form
from bot.understanding.situation import Situation
from bot.understanding.text import normalize, question_sentences
from bot.understanding.type_classifier import type_classifier

# When two question types fit equally, the more specific one is the question.
PRIORITY = (
    "noodgeval", "medisch", "buiten_bronnen", "rol", "aansprakelijkheid", "weigeren", "toestemming", "privacy",
    "passend_reageren", "aanleren", "sock", "dilemma", "vrijwilligersovereenkomst", "vog", "klacht", "zorgleefplan",
    "wet_big", "verantwoordelijkheden", "overbelasting", "grenzen", "communicatie", "netwerk", "afronden", "wetten",
    "beleid", "samenwerken", "mag_ik", "regelen", "off_topic", "greeting", "thanks",
)
# Rasa intents and the question type each stands for.
INTENT_TYPES: Dict[str, str] = {
    "mag_ik": "mag_ik", "rol_twijfel": "rol", "sock": "sock", "aansprakelijkheid": "aansprakelijkheid",
    "toestemming": "toestemming", "privacy": "privacy", "wet_big": "wet_big", "weigeren": "weigeren",
    "passend_reageren": "passend_reageren", "vrijwilligersovereenkomst": "vrijwilligersovereenkomst",
    "samenwerken": "samenwerken", "overbelasting": "overbelasting", "aanleren": "aanleren",
    "medicatie_dosering": "medisch", "noodgeval": "noodgeval", "out_of_scope": "off_topic",
    "greet": "greeting", "thanks": "thanks", "dilemma": "dilemma",
}
# Question types that are about a care task and need the reasoning over roles.
CARE_TYPES = ("mag_ik", "rol", "aansprakelijkheid", "toestemming", "weigeren", "wet_big", "verantwoordelijkheden")


@dataclass(frozen=True)
class Questions:
    types: Tuple[str, ...]  # main question first
    scores: Mapping[str, float]

    @property
    def main(self) -> Optional[str]:
        return self.types[0] if self.types else None

    def asks(self, kind: str) -> bool:
        return kind in self.types


def _intent(ranking: Optional[Sequence[Mapping]], min_confidence: float) -> Optional[str]:
    if not ranking:
        return None
    top = ranking[0]
    if (top.get("confidence") or 0) < min_confidence:
        return None
    return INTENT_TYPES.get(top.get("name") or "")


# Questions that only make sense with the story before them ("Mag dat?",
# "Wat nu?", "Hoe pakken we dit aan?"): the story says what they are about.
_GENERIC = form("generic")


# Verbs after "mag ik / kan ik" that do not ask permission for a care task.
_NOT_CARE_PERMISSION = form("not_care_permission")


_OPEN_WHERE = form("open_where")
_ROLE_STATEMENT = form("role_statement")
_SUPPORT_UNKNOWN = form("support_unknown")
_WHERE_TO_TURN = form("where_to_turn")
_GO_ON_OR_STOP = form("go_on_or_stop")
_KEEP_GOING = form("keep_going")
_REFUSAL_WORDS = form("refusal_words")


_MEDICATION = form("medication")


_STOP_OR_TAKE = form("stop_or_take")


def is_generic(question: str) -> bool:
    return bool(_GENERIC.search(normalize(question)))


# The classifier's opinion (bot/understanding/type_classifier.py) adds this
# much times its probability when the cues found nothing specific: no type, a
# weak one, or only the generic "mag ik". Next to a specific cue it made dev
# answers worse (5-fold cross-validation), so there the cues decide.
CLASSIFIER_WEIGHT = 3.0
CLASSIFIER_MIN = 0.2
# Types the classifier may not bring in on its own: an emergency is decided by
# what happens now (situation.emergency_now), greetings by their words.
_CLASSIFIER_SKIP = {"noodgeval", "greeting", "thanks"}
CLASSIFIER_SECOND = 0.25
_ASKED_AFTER_THE_FACT = {"aansprakelijkheid", "wet_big", "rol", "privacy", "wetten", "passend_reageren"}
# Replies that stand alone: nothing is added to an emergency, a medical or an off-topic reply.
_ANSWERED_ALONE = ("noodgeval", "medisch", "off_topic", "greeting", "thanks", "buiten_bronnen")


_CHECKS_LAW_CLAIM = form("checks_law_claim")
_CHECKS_CLAIM = form("checks_claim")
_BAN_CLAIM = form("ban_claim")
_CHECKS_BAN = form("checks_ban")
_REGISTER_AS_ROLE = form("register_as_role")
# 'Ze noemt zichzelf vrijwilliger', 'de teamleider zegt dat ik nu vrijwilliger ben': a claim about a role.
_ROLE_CLAIM = form("role_claim")


def _classifier_opinion(text: str, probs: Optional[Mapping[str, float]]) -> Tuple[Optional[str], float]:
    if probs is None:
        probs = type_classifier().probabilities(text)
    if not probs:
        return None, 0.0
    kind = max(probs, key=probs.get)
    return kind, probs[kind]


def detect(text: str, situation: Situation, intent_ranking: Optional[Sequence[Mapping]] = None,
           type_probs: Optional[Mapping[str, float]] = None) -> Questions:
    c = cues()
    norm = normalize(text)
    asked = [normalize(q) for q in question_sentences(text)]
    scores: Dict[str, float] = {}

    def add(kind: str, value: float) -> None:
        scores[kind] = scores.get(kind, 0.0) + value

    if c.has("questions", "greeting", norm):
        add("greeting", 5)
    if c.has("questions", "thanks", norm):
        add("thanks", 5)
    in_question = set()
    for q in asked:
        for kind in c.keys_matching("questions", q):
            if kind not in ("noodgeval", "greeting", "thanks", "wie_beslist"):
                in_question.add(kind)
        if c.has("facts", "dosage", q) or c.has("facts", "symptom", q) or c.has("facts", "product", q):
            in_question.add("medisch")
        if c.has("facts", "asks_if_normal", q) and c.has("facts", "body_sign", norm) and not c.has("facts", "feeling_or_learning", norm):
            in_question.add("medisch")
        if c.has("facts", "outside_sources", q):
            in_question.add("buiten_bronnen")
    if situation.emergency_now:
        # 'Hij spoot te veel insuline en ik moest naar de SEH; gaat de inspectie hem aanpakken?' asks
        # about what happened: the 112 line comes first (bot.answering), the question is answered.
        after_the_fact = in_question & _ASKED_AFTER_THE_FACT and not c.has("facts", "acute_state", norm)
        add("noodgeval", 1.0 if after_the_fact else 10)
    # 'Waar en van wie moet ik dat leren?' asks where, not whether one must.
    for q in asked:
        if "weigeren" in in_question and _OPEN_WHERE.match(q) and not _REFUSAL_WORDS.search(q):
            in_question.discard("weigeren")
    story = {k for k in c.keys_matching("questions", _ROLE_STATEMENT.sub(" ", norm))
             if k not in ("noodgeval", "greeting", "thanks", "mag_ik", "wie_beslist")}
    if "weigeren" in story and asked and all(_OPEN_WHERE.match(q) for q in asked) and not _REFUSAL_WORDS.search(norm):
        story.discard("weigeren")
    # 'Wie beslist ...?' asks about consent only when nothing more specific is asked.
    if any(c.has("questions", "wie_beslist", q) for q in asked) and not (in_question - {"mag_ik"}) and "zorgleefplan" not in story:
        in_question.add("toestemming")
    if situation.doing_wrong and (situation.asker_role in ("zorgprofessional", "zorginstelling") or situation.doer_words):
        story.add("passend_reageren")
    minor = any(age is not None and age < 16 for age in (situation.receiver_age, situation.actor_age))
    if minor and any(c.has("facts", "decides_alone", q) for q in asked):
        in_question.add("toestemming")
    # 'Welke stappen moeten we zetten?' after a story of care going wrong asks how to respond to it.
    if situation.doing_wrong and "regelen" in in_question:
        in_question.discard("regelen")
        story.discard("regelen")
        in_question.add("passend_reageren")
    # 'Mogen mantelzorgers dat volgens de wet wel?' after a story about the Wet BIG asks about that law.
    if "wetten" in in_question and "wet_big" in story | in_question:
        in_question.discard("wetten")
        in_question.add("wet_big")
    # 'Klopt het dat de wet dat zo voorschrijft?' checks what the story claims about its own subject.
    claimed = story & {"privacy", "toestemming", "aansprakelijkheid"}
    if "wetten" in in_question and claimed and any(_CHECKS_LAW_CLAIM.search(q) for q in asked):
        in_question.discard("wetten")
        in_question |= claimed
    only_generic = all(is_generic(q) or not c.keys_matching("questions", q) for q in asked)
    generic = only_generic or (in_question <= {"mag_ik"} and not situation.tasks and bool(story))
    for kind in in_question:
        weight = {"medisch": 3.0, "buiten_bronnen": 3.5}.get(kind, 2.0)
        if kind == "mag_ik" and generic and (story or situation.doing_wrong or only_generic) and not situation.tasks:
            weight = 1.0  # 'Is dat normaal?' after a story without a care task asks no permission
        if kind == "mag_ik" and not situation.tasks and any(_NOT_CARE_PERMISSION.search(q) for q in asked):
            weight = 0.5  # 'mag ik daar iets van zeggen?' asks no permission for a care task
        add(kind, weight)
    # The story decides what a bare question asks; next to a question that
    # says what it is about, the story only weighs a little.
    story_weight = 2.0 if (only_generic or not (in_question - {"mag_ik"})) and generic else 0.5
    for kind in story - in_question:
        add(kind, story_weight)
    if c.has("facts", "dosage", norm):
        # "Ze vergat haar pil. Mag ik die alsnog geven?": the story makes it a dosage question.
        giving = any(re.search(r"\b(geven|nemen|innemen|spuiten|toedienen|inhalen|verhogen|ophogen)\b", q) for q in asked)
        add("medisch", 3.0 if giving and "medisch" not in in_question else 1.0)
    if c.has("facts", "symptom", norm) and _MEDICATION.search(norm) and any(_STOP_OR_TAKE.search(q) for q in asked):
        # 'Ze heeft bijwerkingen van haar nieuwe pillen. Moet ze stoppen?' asks medical advice.
        add("medisch", 2.5)
    if generic and c.has("facts", "letting_go", norm):
        add("samenwerken", 1.0)  # 'bang dat het misgaat' next to leaving tasks to family is about letting go
    staff = situation.asker_role in ("zorgprofessional", "zorginstelling")
    if generic and situation.doing_wrong:
        add("passend_reageren", 2.5)
    if generic and staff and (situation.not_responded or (situation.helps_others and situation.doer_words)):
        add("aansprakelijkheid", 2.5)
    if _ROLE_CLAIM.search(norm) and asked and all(_CHECKS_CLAIM.search(q) or is_generic(q) for q in asked):
        add("rol", 3.0)  # 'Ze noemt zichzelf vrijwilliger. Is dat eigenlijk wel zo?' checks the claimed role
    if situation.tasks and _BAN_CLAIM.search(norm) and asked and all(_CHECKS_BAN.search(q) for q in asked) and not re.search(r"\bbig\b", norm):
        # 'Ze zeggen dat ik haar insuline niet meer mag geven vanwege de wet. Klopt dat?' asks whether one may.
        add("mag_ik", 3.0)
    if any(_REGISTER_AS_ROLE.search(q) for q in asked) or (_REGISTER_AS_ROLE.search(norm) and asked and all(_CHECKS_CLAIM.search(q) for q in asked)):
        add("rol", 3.0)  # 'Moeten we haar als vrijwilliger inschrijven?' asks which role she has
    if c.has("facts", "paid_carer_label", norm):
        add("rol", 2.5)  # 'betaalde mantelzorgers' is itself a question about the role
    if c.has("facts", "harm_done", norm) and any(_WHERE_TO_TURN.search(q) for q in asked) and "aansprakelijkheid" not in in_question:
        add("aansprakelijkheid", 2.5)  # 'er is een wondje ontstaan ... bij wie kan ik terecht?'
    if _SUPPORT_UNKNOWN.search(norm):
        add("sock", 3.0)  # not knowing whom to call: the O of SO(C)K
    if situation.communication_problem and any(_GO_ON_OR_STOP.search(q) for q in asked):
        # 'Ze zegt bijna niets meer. Moet ik gewoon doorgaan?': the C of SO(C)K, not a refusal.
        add("sock", 3.0)
        scores.pop("weigeren", None)
    if c.has("facts", "working_together_plan", norm) and any(c.has("facts", "how_to_start", q) for q in asked):
        # 'We willen meer samenwerken met familie, het team is bang voor de schuld. Waar beginnen we?'
        add("samenwerken", 3.0)
    if c.has("facts", "cannot_any_more", norm) and any(_KEEP_GOING.search(q) for q in asked):
        # 'Het lukt niet meer goed sinds mijn pols gebroken is. Moet ik doorzetten?': the K of SO(C)K.
        add("sock", 3.0)
    # A refusal in the story makes consent the question ("hij wil niet, wat nu?").
    if situation.refusal == "receiver":
        # 'Ze zegt nee nee. Wat moet ik doen?': with only a bare question, the refusal is the question.
        # In a dilemma story the 'no' is one of the views that clash (the family's), not the question.
        add("toestemming", 3.0 if generic and "dilemma" not in story else 1.5)
    elif situation.refusal == "actor" and situation.receiver not in ("self", "asker"):
        # told by the one cared for, the carer's no is not a question about refusing; a story that
        # ends in 'ik durf niet te zeggen dat ik het niet wil' asks whether one may say no.
        told_only = len(asked) == 1 and asked[0] == norm  # no question sentence: the whole story is the question
        add("weigeren", 2.5 if told_only and "dilemma" in story else 1.5)
    if situation.refusal == "receiver" and "weigeren" in scores and situation.receiver not in ("self", "asker") and asked and all(
            re.search(r"\b(dan|het|dat) (\w+ )?toch\b", q) and not _REFUSAL_WORDS.search(q) for q in asked):
        # 'Ze duwt mijn hand weg en schudt nee. Moet ik het dan toch doen?': her no is the question, not the carer's duty.
        scores["toestemming"] = max(scores.get("toestemming", 0.0), scores["weigeren"] + 0.5)
    if "greeting" in scores and not situation.tasks:
        scores.pop("mag_ik", None)  # 'Hallo, waarmee kun je me helpen?' asks what Handelwijzer is for
    if "buiten_bronnen" in scores and "medisch" in scores and not _MEDICATION.search(norm):
        del scores["medisch"]  # 'hoeveel vergoeding mag ik krijgen' is about money, not a dose
    care_questions = [k for k in scores if k not in ("mag_ik", "medisch", "greeting", "thanks", "off_topic", "noodgeval")]
    if c.has("facts", "off_topic", norm) and not situation.tasks and not care_questions:
        add("off_topic", 3.0)
    open_question = all(re.match(r"^(wie|wat|hoe|waar|wanneer|welke|welk|waarom|hoeveel)\b", q) and not q.startswith("wat als") for q in asked)
    if "mag_ik" not in scores and situation.tasks and not open_question and not any(
        k in scores for k in ("privacy", "aanleren", "passend_reageren", "sock", "dilemma")
    ):
        add("mag_ik", 1.0)
    kind, p = _classifier_opinion(text, type_probs)
    if kind == "off_topic" and (situation.relation or situation.tasks) and len(norm.split()) > 20:
        kind = None  # a story about someone's care is never off topic; the topic search answers it
    if kind and kind not in _CLASSIFIER_SKIP and p >= CLASSIFIER_MIN:
        top = max(scores.values()) if scores else 0.0
        leaders = [k for k, v in scores.items() if v == top]
        if not scores or leaders == ["mag_ik"]:
            add(kind, CLASSIFIER_WEIGHT * p)
    # The NLU intent decides only when the cues found nothing: on the dev set
    # any weight next to the cues made answers worse (it also broke ties).
    intent = _intent(intent_ranking, 0.5)
    if intent and not scores:
        add(intent, 2.0)
    order = {k: i for i, k in enumerate(PRIORITY)}
    if {"mag_ik", "verantwoordelijkheden"} <= in_question and any(re.match(r"^(mag|mogen|kan|kunnen) ", q) for q in asked):
        add("mag_ik", 0.1)  # 'Mag zij dat, en wat wordt er dan van mij verwacht?': what is asked first comes first
    ranked = sorted(scores, key=lambda k: (-scores[k], order.get(k, 99)))
    # Secondary questions: only those asked in a question sentence.
    main = ranked[:1]
    # 'Er is een open-deurenbeleid' names a policy; only a question about it asks for policy advice.
    rest = [k for k in ranked[1:] if scores[k] >= 2.0 and k not in ("greeting", "thanks") and (k != "beleid" or k in in_question)]
    # A story the cues read one way and the classifier another often asks both:
    # its reading is answered second (5-fold cross-validation on the dev parts:
    # 8 answers better, none worse, at this threshold).
    if (kind and kind not in _CLASSIFIER_SKIP and p >= CLASSIFIER_SECOND and kind not in main + rest
            and main and main[0] not in _ANSWERED_ALONE):
        rest.append(kind)
    return Questions(tuple(main + rest), dict(scores))
