"""A practice round as a small state machine over a JSON-able dict (kept in the
conversation's `oefening` slot): choose a theme, choose how many cases, answer
each case and get feedback, discuss dilemmas with a role play, end with a
score and a printable summary. 'stop', 'andere vraag', 'uitleg' and 'ander
thema' work at any point; an emergency gets 112 at once."""
from __future__ import annotations

import datetime as dt
import functools
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

from bot.answering.reply import phrase
from bot.kb.domain import KnowledgeBase
from bot.practice import cases as C
from bot.practice.generate import generated
from bot.practice.grading import grade_open, match_option
from bot.understanding.situation import emergency_now
from bot.understanding.text import normalize

TEXTS_FILE = Path(__file__).with_name("texts.yml")
MIX = "mix"
DEFAULT_COUNT = 5
MAX_COUNT = 10
DONE_STEPS = ("klaar", "gestopt")

_STOP = re.compile(r"^(stop|stoppen|ik stop|ik wil stoppen|stop maar|ophouden|einde|klaar|ik ben klaar|genoeg)$|\bstop(pen)? met oefenen\b")
_SKIP = re.compile(r"^(andere vraag|volgende|volgende vraag|overslaan|sla (deze )?over|skip|weet ik niet|geen idee)$|^nee,? volgende$")
_EXPLAIN = re.compile(r"^(uitleg|leg uit|leg het uit|waarom|hint|help|spelregels|wat zijn de spelregels)$")
_SWITCH = re.compile(r"^(ander thema|ander onderwerp|wissel( van)? thema|ander thema kiezen|ander thema graag|switch)$")


@functools.lru_cache(maxsize=1)
def texts() -> Dict[str, Any]:
    return yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))


def t(key: str, **values: Any) -> str:
    text = texts()[key]
    return text.format(**values) if values else text


@dataclass
class Msg:
    text: str
    buttons: List[Tuple[str, str]] = field(default_factory=list)  # (title, payload)


# -- the cases of a round -----------------------------------------------------------

def _kb_cases(kb: KnowledgeBase, theme: str) -> List[C.Case]:
    pool = [c for c in C.handwritten(kb) + C.practice_questions(kb) if c.theme == theme]
    if theme == "rol":
        pool += C.role_cases(kb)
    if theme == "dilemma":
        pool += C.dilemmas(kb)
    return pool


def build_round(kb: KnowledgeBase, theme: str, count: int, seed: int) -> List[C.Case]:
    """Hand-written and knowledge-base cases mixed with new situations from the
    rules, so a team does not see the same cases every week."""
    rng = random.Random(seed)
    themes = [x.id for x in kb.practice_themes if x.id != "dilemma"] if theme == MIX else [theme]
    fixed: List[C.Case] = []
    fresh: List[C.Case] = []
    for th in themes:
        fixed += _kb_cases(kb, th)
        fresh += generated(kb, th, count, rng)
    rng.shuffle(fixed)
    rng.shuffle(fresh)
    chosen: List[C.Case] = []
    while len(chosen) < count and (fixed or fresh):
        source = fixed if (fixed and (len(chosen) % 2 == 0 or not fresh)) else fresh
        chosen.append(source.pop())
    return chosen


# -- state ----------------------------------------------------------------------------

def new_state(seed: int) -> Dict[str, Any]:
    return {"step": "thema", "seed": seed, "theme": None, "count": DEFAULT_COUNT, "cases": [], "index": 0, "results": [],
            "dilemma": {}}


def finished(state: Optional[Dict[str, Any]]) -> bool:
    return bool(state) and state.get("step") in DONE_STEPS


def _case(state: Dict[str, Any]) -> Optional[C.Case]:
    cases = state.get("cases") or []
    i = state.get("index", 0)
    return C.Case.from_dict(cases[i]) if 0 <= i < len(cases) else None


def _theme_title(kb: KnowledgeBase, theme: Optional[str]) -> str:
    if theme == MIX:
        return t("mix")
    return next((x.title for x in kb.practice_themes if x.id == theme), theme or "")


# -- what to ask ----------------------------------------------------------------------

def prompt(kb: KnowledgeBase, state: Dict[str, Any]) -> List[Msg]:
    step = state.get("step")
    if step == "thema":
        buttons = [(x.title, x.title) for x in kb.practice_themes] + [(t("mix"), t("mix"))]
        return [Msg(t("start"), buttons)]
    if step == "aantal":
        return [Msg(t("kies_aantal"), [(str(n), str(n)) for n in texts()["aantallen"]])]
    case = _case(state)
    if case is None:
        return []
    nr, total = state["index"] + 1, len(state["cases"])
    if case.kind == C.KIND_DILEMMA:
        return _dilemma_prompt(kb, state, case, nr, total)
    header = t("casus_kop", nr=nr, totaal=total)
    body = "\n\n".join(x for x in (header, case.situation, case.question) if x)
    if case.kind == C.KIND_OPEN:
        return [Msg(f"{body}\n\n{t('open_hint')}")]
    hint = t("keuze_hint") + (f" {t('commando_hint')}" if nr == 1 else "")
    return [Msg(f"{body}\n\n{hint}", [(title, title) for _, title, _ in case.options])]


def _dilemma(kb: KnowledgeBase, case: C.Case):
    return kb.dilemmas[case.basis["kb"].split(":", 1)[1]]


def _dilemma_prompt(kb: KnowledgeBase, state: Dict[str, Any], case: C.Case, nr: int, total: int) -> List[Msg]:
    d = _dilemma(kb, case)
    sub = state.get("dilemma") or {}
    if not sub.get("perspectief"):
        text = "\n\n".join([t("dilemma_kop", nr=nr, totaal=total, titel=d.title), d.situation,
                            t("dilemma_waarden", spanning=d.tension, waarden=", ".join(d.values)), t("dilemma_perspectief")])
        if nr == 1:
            text += f"\n\n{t('commando_hint')}"
        return [Msg(text, [(p.title, p.title) for p in kb.perspectives])]
    if not sub.get("waarde"):
        return [Msg(t("dilemma_waarde_vraag", perspectief=sub["perspectief"].lower()), [(v, v) for v in d.values])]
    if sub.get("rollenspel") is None and d.role_play:
        return [Msg(t("rollenspel_vraag", rol=d.role_play.plays), [(t("rollenspel_ja"), t("rollenspel_ja")), (t("rollenspel_nee"), t("rollenspel_nee"))])]
    return []


# -- answers ----------------------------------------------------------------------------

def handle(kb: KnowledgeBase, state: Dict[str, Any], text: str) -> Tuple[Dict[str, Any], List[Msg]]:
    """The state after the user's message, and what to say about it (feedback).
    The next question comes from prompt()."""
    state = dict(state)
    said = normalize(text)
    if emergency_now(text):
        return state, [Msg(phrase("safety.emergency"))]
    if _STOP.search(said):
        state["step"] = "gestopt"
        return state, [Msg(t("gestopt"))]
    if _SWITCH.search(said):
        state.update(step="thema", theme=None, cases=[], index=0, dilemma={})
        return state, [Msg(t("ander_thema"))]
    step = state.get("step")
    if step == "thema":
        return _choose_theme(kb, state, said)
    if step == "aantal":
        return _choose_count(kb, state, said)
    case = _case(state)
    if case is None:
        state["step"] = "klaar"
        return state, []
    if _SKIP.search(said) and not (case.kind == C.KIND_DILEMMA and (state.get("dilemma") or {}).get("waarde")):
        _record(state, case, text, None)
        return _advance(state), [Msg(t("overgeslagen"))]
    if _EXPLAIN.search(said):
        return _explain(kb, state, case)
    if case.kind == C.KIND_DILEMMA:
        return _dilemma_answer(kb, state, case, text)
    if case.kind == C.KIND_OPEN:
        return _open_answer(state, case, text)
    return _choice_answer(state, case, text)


def _choose_theme(kb: KnowledgeBase, state: Dict[str, Any], said: str) -> Tuple[Dict[str, Any], List[Msg]]:
    theme = None
    if said in (normalize(t("mix")), MIX, "alles", "mix", "door elkaar"):
        theme = MIX
    for x in kb.practice_themes:
        if said in (normalize(x.title), x.id, normalize(x.id.replace("_", " "))) or normalize(x.title) in said:
            theme = x.id
    if theme is None:
        return state, [Msg(t("niet_herkend_thema"))]
    state.update(theme=theme, step="aantal")
    return state, []


def _choose_count(kb: KnowledgeBase, state: Dict[str, Any], said: str) -> Tuple[Dict[str, Any], List[Msg]]:
    m = re.search(r"\b(\d{1,2})\b", said)
    words = {"drie": 3, "vijf": 5, "tien": 10, "een paar": 3}
    count = int(m.group(1)) if m else next((n for w, n in words.items() if w in said), None)
    if count is None or not 1 <= count <= MAX_COUNT:
        return state, [Msg(t("niet_herkend_aantal"))]
    cases = build_round(kb, state["theme"], count, state["seed"])
    if not cases:
        state.update(step="thema", theme=None)
        return state, [Msg(t("geen_casussen"))]
    state.update(count=count, cases=[c.to_dict() for c in cases], index=0, results=[], dilemma={}, step="casus")
    return state, []


def _feedback(case: C.Case, correct: bool) -> str:
    first = t("goed") if correct else t("fout", antwoord=case.title_of(case.expected))
    return f"{first}\n\n{case.explanation}\n\n{t('bron', bron=case.source)}"


def _choice_answer(state: Dict[str, Any], case: C.Case, text: str) -> Tuple[Dict[str, Any], List[Msg]]:
    chosen = match_option(case, text)
    if chosen is None:
        return state, [Msg(t("niet_herkend", voorbeeld=case.options[0][1]))]
    correct = chosen == case.expected
    _record(state, case, case.title_of(chosen), correct)
    return _advance(state), [Msg(_feedback(case, correct))]


def _open_answer(state: Dict[str, Any], case: C.Case, text: str) -> Tuple[Dict[str, Any], List[Msg]]:
    grade = grade_open(case, text)
    lines = [t("open_goed") if grade.good else t("open_half")]
    if grade.found:
        lines.append(t("open_genoemd", punten="; ".join(grade.found)))
    if grade.missed:
        lines.append(t("open_gemist", punten="; ".join(grade.missed)))
    lines += [t("model", antwoord=case.model_answer), t("bron", bron=case.source)]
    _record(state, case, text, grade.good)
    return _advance(state), [Msg("\n\n".join(lines))]


def _explain(kb: KnowledgeBase, state: Dict[str, Any], case: C.Case) -> Tuple[Dict[str, Any], List[Msg]]:
    if case.kind == C.KIND_DILEMMA:
        game = kb.topics.get("dilemmaspel")
        return state, [Msg(f"{t('spelregels_kop')}\n\n{game.answer if game else ''}")]
    explanation = case.model_answer if case.kind == C.KIND_OPEN else f"{case.title_of(case.expected)}. {case.explanation}"
    _record(state, case, "uitleg gevraagd", None)
    return _advance(state), [Msg(f"{t('uitleg_kop')} {explanation}\n\n{t('bron', bron=case.source)}")]


def _dilemma_answer(kb: KnowledgeBase, state: Dict[str, Any], case: C.Case, text: str) -> Tuple[Dict[str, Any], List[Msg]]:
    d = _dilemma(kb, case)
    sub = dict(state.get("dilemma") or {})
    said = normalize(text)
    if not sub.get("perspectief"):
        choice = next((p.title for p in kb.perspectives if p.id in said or normalize(p.title) in said), None)
        if choice is None:
            return state, [Msg(t("niet_herkend", voorbeeld=kb.perspectives[0].title))]
        sub["perspectief"] = choice
        state["dilemma"] = sub
        return state, []
    if not sub.get("waarde"):
        value = next((v for v in d.values if normalize(v) in said), text.strip()[:80])
        sub["waarde"] = value
        others = [v for v in d.values if v != value]
        lines = [t("dilemma_reflectie", perspectief=sub["perspectief"].lower(), waarde=value, andere=", ".join(others))]
        if d.suggestions:
            lines.append(t("dilemma_bronnen") + "\n" + "\n".join(f"- {n.text}" for n in d.suggestions))
        lines.append(t("bron", bron=case.source))
        state["dilemma"] = sub
        _record(state, case, f"{sub['perspectief']}: {value}", None)
        if not d.role_play:
            return _advance(state), [Msg("\n\n".join(lines))]
        return state, [Msg("\n\n".join(lines))]
    if sub.get("rollenspel") is None:
        if said in (normalize(t("rollenspel_ja")), "ja", "ja graag", "speel het", "oke", "ok", "goed"):
            sub["rollenspel"] = "bezig"
            state["dilemma"] = sub
            rp = d.role_play
            return state, [Msg(t("rollenspel_start", rol=rp.plays)), Msg(t("rollenspel_zegt", rol_hoofd=rp.plays[:1].upper() + rp.plays[1:], tekst=rp.opening))]
        return _advance(state), []
    rp = d.role_play
    state["results"][-1]["answer"] += f" | rollenspel: {text.strip()[:200]}"
    return _advance(state), [Msg(t("rollenspel_zegt", rol_hoofd=rp.plays[:1].upper() + rp.plays[1:], tekst=rp.reply)),
                             Msg(t("rollenspel_einde", rol=rp.plays))]


def _record(state: Dict[str, Any], case: C.Case, answer: str, correct: Optional[bool]) -> None:
    state["results"] = list(state.get("results") or []) + [{
        "id": case.id, "kind": case.kind, "question": case.question, "situation": case.situation, "answer": answer,
        "correct": correct, "expected": case.title_of(case.expected) if case.expected else case.model_answer,
        "explanation": case.explanation or case.model_answer, "source": case.source,
    }]


def _advance(state: Dict[str, Any]) -> Dict[str, Any]:
    state["index"] = state.get("index", 0) + 1
    state["dilemma"] = {}
    state["step"] = "klaar" if state["index"] >= len(state.get("cases") or []) else "casus"
    return state


# -- the end of a round ----------------------------------------------------------------

def score(state: Dict[str, Any]) -> Dict[str, int]:
    results = state.get("results") or []
    graded = [r for r in results if r["kind"] != C.KIND_DILEMMA and r["correct"] is not None]
    return {"goed": sum(1 for r in graded if r["correct"]), "beantwoord": len(graded),
            "overgeslagen": sum(1 for r in results if r["kind"] != C.KIND_DILEMMA and r["correct"] is None),
            "dilemmas": sum(1 for r in results if r["kind"] == C.KIND_DILEMMA)}


def summary(kb: KnowledgeBase, state: Dict[str, Any]) -> List[Msg]:
    s = score(state)
    head = t("samenvatting_kop", thema=_theme_title(kb, state.get("theme")), goed=s["goed"], beantwoord=s["beantwoord"])
    extra = []
    if s["overgeslagen"]:
        extra.append(t("samenvatting_overgeslagen", aantal=s["overgeslagen"]))
    if s["dilemmas"]:
        extra.append(t("samenvatting_dilemmas", aantal=s["dilemmas"]))
    msgs = [Msg(" ".join([head] + extra))]
    if state.get("results"):
        msgs.append(Msg(f"{t('samenvatting_print')}\n\n{printable(kb, state)}"))
    msgs.append(Msg(t("opnieuw")))
    return msgs


def printable(kb: KnowledgeBase, state: Dict[str, Any], when: Optional[dt.date] = None) -> str:
    """Markdown of a round for the team meeting: the cases, the answers, the
    feedback and the sources."""
    s = score(state)
    when = when or dt.date.today()
    lines = [f"# Oefenronde {_theme_title(kb, state.get('theme'))} ({when.isoformat()})", "",
             f"Score: {s['goed']} van {s['beantwoord']} goed" + (f", {s['overgeslagen']} overgeslagen" if s["overgeslagen"] else "")
             + (f", {s['dilemmas']} dilemma('s) besproken" if s["dilemmas"] else "") + ".", ""]
    for i, r in enumerate(state.get("results") or [], 1):
        verdict = "goed" if r["correct"] else ("niet goed" if r["correct"] is False else "niet beoordeeld")
        lines.append(f"## {i}. {r['question']}")
        if r["situation"]:
            lines.append(r["situation"])
        lines.append("")
        lines.append(f"- Antwoord: {r['answer']} ({verdict})")
        if r["kind"] != C.KIND_DILEMMA:
            lines.append(f"- Juist antwoord: {r['expected']}")
        if r["explanation"]:
            lines.append(f"- Uitleg: {r['explanation']}")
        lines.append(f"- Bron: {r['source']}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
