"""New practice situations from the rules: role x task x relation x age x
spontaneous/structural. A frame (situations.yml) describes a situation in
words and names the facts it sets; the expected answer is whatever
determine_role / decide / consent_band / the liability table say for those
facts, so a generated case can never teach a rule of its own."""
from __future__ import annotations

import functools
import random
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from bot.kb.domain import KnowledgeBase
from bot.kb.rules import Circumstances, consent_band, decide, determine_role
from bot.practice.cases import KIND_CHOICE, ROLE_OPTIONS, Case, cite

FRAMES_FILE = Path(__file__).with_name("situations.yml")

VERDICT_OPTIONS = (
    ("ja", "Ja (onder voorwaarden)", ("ja", "mag", "onder voorwaarden", "mits")),
    ("nee", "Nee", ("nee", "mag niet", "niet")),
    ("hangt_af", "Dat hangt ervan af", ("hangt", "afhankelijk", "depends", "hangt ervan af")),
)
# decide() verdict -> the answer a practice case expects
VERDICT_ANSWER = {"ja": "ja", "ja_onder_voorwaarden": "ja", "nee": "nee", "hangt_af": "hangt_af"}
CONSENT_OPTIONS = (
    ("zelf", "De zorgvrager zelf", ("zelf", "zorgvrager", "kind zelf", "hijzelf", "zijzelf")),
    ("ouder", "De ouder of voogd", ("ouder", "ouders", "voogd", "moeder", "vader")),
    ("beiden", "Het kind én de ouder of voogd", ("beiden", "allebei", "samen", "kind en ouder", "kind en de ouder", "allebei samen")),
    ("vertegenwoordiger", "De wettelijk vertegenwoordiger", ("vertegenwoordiger", "mentor", "curator")),
)
BAND_ANSWER = {"jonger_dan_12": "ouder", "twaalf_tot_zestien": "beiden", "zestien_plus": "zelf"}
CONSENT_AGES = (7, 10, 11, 12, 13, 15, 16, 17)
SELF_CARE_AGES = (9, 14, 17, 35, 70)
PERMISSION_KINDS = ("mantelzorger", "mantelzorger_weigert", "vrijwilliger", "zorgvrager")
LIABILITY_ROLES = ("mantelzorger", "vrijwilliger", "zorgprofessional")


@functools.lru_cache(maxsize=1)
def frames() -> Dict[str, Any]:
    return yaml.safe_load(FRAMES_FILE.read_text(encoding="utf-8"))


class _Person:
    def __init__(self, rng: random.Random):
        data = frames()
        self.gender = rng.choice(("vrouw", "man"))
        self.name = rng.choice(data["names"][self.gender])
        woman = self.gender == "vrouw"
        self.words = {"naam": self.name, "zijn_haar": "haar" if woman else "zijn", "zijn_haar_hoofd": "Haar" if woman else "Zijn",
                      "hij_zij": "zij" if woman else "hij", "hij_zij_hoofd": "Zij" if woman else "Hij", "hem_haar": "haar" if woman else "hem"}

    def say(self, template: str, **values: Any) -> str:
        return template.format(**self.words, **values)


def _relative(rng: random.Random, relation: Optional[str] = None) -> tuple:
    relatives = frames()["relatives"]
    relation = relation or rng.choice(sorted(relatives))
    return relation, rng.choice(relatives[relation])


def _task(kb: KnowledgeBase, rng: random.Random):
    return kb.tasks[rng.choice(sorted(kb.tasks))]


def role_case(kb: KnowledgeBase, rng: random.Random, n: int) -> Optional[Case]:
    frame = rng.choice(frames()["role_frames"])
    person, task = _Person(rng), _task(kb, rng)
    relation, word = _relative(rng)
    facts = dict(frame["facts"])
    determination = determine_role(kb, facts)
    if not determination.decided:
        return None
    outcome = determination.outcome
    text = person.say(frame["text"], relatie=word, handeling=task.doing, label=task.label)
    return Case(f"gen_rol_{n}", "rol", KIND_CHOICE, f"Welke rol heeft {person.name} hier?", text, ROLE_OPTIONS, determination.role,
                outcome.explanation, cite(outcome.source, kb), basis={"rule": "determine_role", "facts": facts})


def permission_case(kb: KnowledgeBase, rng: random.Random, n: int) -> Optional[Case]:
    kind = rng.choice(PERMISSION_KINDS)
    person, task = _Person(rng), _task(kb, rng)
    relation, word = _relative(rng)
    role = "mantelzorger" if kind.startswith("mantelzorger") else kind
    age = rng.choice(SELF_CARE_AGES) if kind == "zorgvrager" else None
    circumstances = {"relation": "zelf" if kind == "zorgvrager" else (relation if role == "mantelzorger" else None), "age": age,
                     "refusal": "receiver" if kind == "mantelzorger_weigert" else None}
    decision = decide(kb, role, task.id, Circumstances(**circumstances))
    text = person.say(frames()["permission_frames"][kind], relatie=word, handeling=task.doing, label=task.label, leeftijd=age)
    explanation = " ".join([r.summary for r in decision.rules[:1]] + [n.text for n in decision.consent[:2]])
    source = decision.rules[0].source if decision.rules else decision.sources[0]
    return Case(f"gen_mag_{n}", "mag_dit", KIND_CHOICE, "Mag dat?", text, VERDICT_OPTIONS, VERDICT_ANSWER[decision.verdict],
                explanation, cite(source, kb),
                basis={"rule": "decide", "role": role, "task": task.id, "circumstances": circumstances})


def consent_case(kb: KnowledgeBase, rng: random.Random, n: int) -> Optional[Case]:
    person, task = _Person(rng), _task(kb, rng)
    if rng.random() < 0.25:
        relation, word = _relative(rng, "familie")
        text = person.say(frames()["consent_frames"]["wilsonbekwaam"], relatie=word, handeling=task.doing)
        note = kb.note("wilsonbekwaam_rule")
        return Case(f"gen_toestemming_{n}", "toestemming", KIND_CHOICE, "Wie geeft toestemming?", text, CONSENT_OPTIONS,
                    "vertegenwoordiger", note.text, cite(note.source, kb), basis={"rule": "capacity", "capacity": "wilsonbekwaam"})
    age = rng.choice(CONSENT_AGES)
    band = consent_band(kb, age)
    text = person.say(frames()["consent_frames"]["age"], kind=rng.choice(frames()["children"]), leeftijd=age, handeling=task.doing)
    return Case(f"gen_toestemming_{n}", "toestemming", KIND_CHOICE, "Wie geeft toestemming?", text, CONSENT_OPTIONS,
                BAND_ANSWER[band.id], band.text, cite(band.source, kb), basis={"rule": "consent_band", "age": age})


def liability_case(kb: KnowledgeBase, rng: random.Random, n: int) -> Optional[Case]:
    role = rng.choice(LIABILITY_ROLES)
    person, task = _Person(rng), _task(kb, rng)
    _, word = _relative(rng)
    liability = kb.liability[role]
    options = (("zelf", f"{person.name} zelf", ("zelf", person.name.lower(), "hij", "zij", "mantelzorger", "professional", "verpleegkundige")),
               ("instelling", "De zorginstelling", ("instelling", "zorginstelling", "verpleeghuis", "organisatie", "thuiszorg")))
    expected = "zelf" if liability.liable and liability.liable[0] == role else "instelling"
    text = person.say(frames()["liability_frames"][role], relatie=word, handeling=task.doing)
    return Case(f"gen_aansprakelijk_{n}", "aansprakelijkheid", KIND_CHOICE, "Wie is in de eerste plaats aansprakelijk?", text, options,
                expected, liability.summary, cite(liability.source, kb), basis={"rule": "liability", "role": role})


GENERATORS = {"rol": role_case, "mag_dit": permission_case, "toestemming": consent_case, "aansprakelijkheid": liability_case}


def generated(kb: KnowledgeBase, theme: str, count: int, rng: random.Random) -> List[Case]:
    make = GENERATORS.get(theme)
    out: List[Case] = []
    tries = 0
    while make and len(out) < count and tries < count * 5:
        tries += 1
        case = make(kb, rng, tries)
        if case is not None and all(c.situation != case.situation for c in out):
            out.append(case)
    return out
