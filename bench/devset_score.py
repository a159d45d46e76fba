"""Scores Handelwijzer on the dev set of realistic questions (bench/devset/).

Each question is sent in a conversation of its own, through the running
server's REST webhook (`--url`, the figures we report) or in-process
(`--in-process`, the same answer logic without the NLU model, for quick
experiments). A BM25 search over the five source documents answers the same
questions in the same run and is scored the same way, as the baseline.

A question counts as right when the answer names the expected role, its first
sentence carries the expected verdict, every expected fact appears and no
forbidden statement does. Results: JSON and a markdown summary per part
(dev, held-out), per topic and per role of the asker.

  .venv/bin/python bench/devset_score.py --url http://localhost:5005 [--part dev|heldout|all]
  .venv/bin/python bench/devset_score.py --in-process --part dev --show-failures
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import unicodedata
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "bench" / "devset"
RESULTS = ROOT / "bench" / "results"
SEEDS = ROOT.parent / "shared" / "seeds"
ROLE_WORDS = {"wettelijk_vertegenwoordiger": "vertegenwoordiger"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def load_questions(part: str, only: Optional[str] = None) -> List[dict]:
    files = {"dev": "dev_*.yml", "heldout": "heldout_*.yml"}
    out = []
    for name in ([part] if part != "all" else ["dev", "heldout"]):
        for path in sorted(DEVSET.glob(files[name])):
            if only and only not in path.name:
                continue
            for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
                q["part"] = name
                out.append(q)
    return out


# -- scoring --------------------------------------------------------------------

def first_sentence(answer: str) -> str:
    text = fold(answer).strip()
    text = re.sub(r"^\(this assistant[^)]*\)\s*", "", text)
    text = re.sub(r"^is er nu gevaar\? bel direct 112\.\s*", "", text)
    m = re.match(r"(.+?[.!?:])(\s|$)", text, re.S)
    return (m.group(1) if m else text)[:300]


def verdict_of(answer: str) -> str:
    s = first_sentence(answer)
    if re.match(r"^(nee|niet zomaar|nee,)", s):
        return "nee"
    if re.match(r"^(ja,? (maar|als|mits|onder voorwaarden|alleen)|alleen (als|met|wanneer|in opdracht)|dat mag,? (maar|als|onder))", s):
        return "ja_voorwaardelijk"
    if re.match(r"^ja\b", s):
        return "ja"
    if "hangt" in s or s.startswith(("dat verschilt", "soms", "het verschilt")):
        return "hangt_af"
    return "geen"


VERDICT_OK = {"ja": {"ja", "ja_voorwaardelijk"}, "hangt_af": {"hangt_af", "ja_voorwaardelijk"}, "nee": {"nee"}}


@dataclass
class Score:
    id: str
    ok: bool
    checks: Dict[str, bool]
    missing: List[List[str]] = field(default_factory=list)
    forbidden: List[str] = field(default_factory=list)
    verdict: str = ""


def score(q: dict, answer: str) -> Score:
    exp = q.get("expect") or {}
    text = fold(answer)
    checks: Dict[str, bool] = {}
    role = exp.get("role")
    if role:
        word = ROLE_WORDS.get(role, role)
        checks["role"] = word in text[:600]
    verdict = exp.get("verdict")
    got = verdict_of(answer)
    if verdict:
        checks["verdict"] = got in VERDICT_OK.get(verdict, {verdict})
    missing = [alts for alts in (exp.get("facts") or []) if not any(fold(a) in text for a in alts)]
    checks["facts"] = not missing
    forbidden = [m for m in (exp.get("must_not") or []) if fold(m) in text]
    checks["must_not"] = not forbidden
    checks["answered"] = bool(text.strip())
    return Score(q["id"], all(checks.values()), checks, missing, forbidden, got)


# -- systems under test ---------------------------------------------------------

def rest_system(url: str, timeout: float = 30.0) -> Callable[[str], str]:
    import requests

    session = requests.Session()

    def ask(text: str) -> str:
        sender = f"devset-{uuid.uuid4().hex}"
        for attempt in range(3):
            try:
                r = session.post(f"{url.rstrip('/')}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=timeout)
                r.raise_for_status()
                return "\n\n".join(m.get("text") or "" for m in r.json())
            except Exception:  # noqa: BLE001 - a failed request scores as an empty answer after retries
                time.sleep(1 + attempt)
        return ""

    return ask


def in_process_system() -> Callable[[str], str]:
    sys.path.insert(0, str(ROOT))
    from bot.answering import answer, render
    from bot.kb.repository import KnowledgeBaseCache

    kb = KnowledgeBaseCache().get()
    # A reply that is a fixed conversation text ('utter_greet') is scored on that text, as over REST.
    texts = yaml.safe_load((ROOT / "actions" / "messages.yml").read_text(encoding="utf-8"))
    keys = {"utter_greet": "greet", "utter_thanks": "thanks"}

    def ask(text: str) -> str:
        reply = answer(kb, text)
        if reply.parts:
            return render(kb, reply)
        return texts[keys.get(reply.response or "", "ask_rephrase")]["text"]

    return ask


class BM25:
    """Okapi BM25 over paragraphs of the source documents (k1=1.5, b=0.75)."""

    def __init__(self, passages: Sequence[str], k1: float = 1.5, b: float = 0.75):
        self.passages = list(passages)
        self.docs = [self.tokens(p) for p in self.passages]
        self.k1, self.b = k1, b
        self.avg = sum(len(d) for d in self.docs) / max(1, len(self.docs))
        df: Counter = Counter()
        for d in self.docs:
            df.update(set(d))
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.tf = [Counter(d) for d in self.docs]

    @staticmethod
    def tokens(text: str) -> List[str]:
        return re.findall(r"[a-z0-9]{2,}", fold(text))

    def best(self, query: str) -> str:
        q = self.tokens(query)
        best_i, best_s = 0, -1.0
        for i, tf in enumerate(self.tf):
            dl = len(self.docs[i])
            s = sum(self.idf.get(t, 0) * tf[t] * (self.k1 + 1) / (tf[t] + self.k1 * (1 - self.b + self.b * dl / self.avg)) for t in q if t in tf)
            if s > best_s:
                best_i, best_s = i, s
        return self.passages[best_i]


def source_passages(window: int = 80, step: int = 40) -> List[str]:
    """Overlapping windows of ~80 words over the source documents."""
    out = []
    for path in sorted(SEEDS.glob("0*.txt")):
        words = re.sub(r"\s+", " ", path.read_text(encoding="utf-8")).split(" ")
        for start in range(0, max(1, len(words) - window // 2), step):
            out.append(" ".join(words[start : start + window]))
    return out


# -- report ---------------------------------------------------------------------

def summarise(rows: List[dict], key: str) -> Dict[str, Dict[str, float]]:
    groups: Dict[str, List[bool]] = defaultdict(list)
    for r in rows:
        groups[str(r[key])].append(r["ok"])
    return {k: {"n": len(v), "accuracy": round(sum(v) / len(v), 3)} for k, v in sorted(groups.items())}


def report(results: Dict[str, List[dict]]) -> Dict:
    out: Dict = {}
    for system, rows in results.items():
        out[system] = {}
        for part in sorted({r["part"] for r in rows}):
            sub = [r for r in rows if r["part"] == part]
            out[system][part] = {
                "n": len(sub),
                "accuracy": round(sum(r["ok"] for r in sub) / len(sub), 3),
                "by_topic": summarise(sub, "topic"),
                "by_asker": summarise(sub, "asker"),
                "by_style": summarise(sub, "style"),
                "by_language": summarise(sub, "language"),
            }
    return out


def markdown(summary: Dict, seconds: Dict[str, float]) -> str:
    lines = ["# Dev-set scores", ""]
    for system, parts in summary.items():
        lines.append(f"## {system} ({seconds.get(system, 0):.0f} s)")
        lines.append("")
        lines.append("| part | n | accuracy |")
        lines.append("|---|---|---|")
        for part, s in parts.items():
            lines.append(f"| {part} | {s['n']} | {s['accuracy']:.1%} |")
        for part, s in parts.items():
            for key in ("by_topic", "by_asker"):
                lines.append("")
                lines.append(f"**{part}, {key.replace('by_', 'per ')}**")
                lines.append("")
                lines.append("| group | n | accuracy |")
                lines.append("|---|---|---|")
                for group, g in s[key].items():
                    lines.append(f"| {group} | {g['n']} | {g['accuracy']:.1%} |")
        lines.append("")
    return "\n".join(lines)


def run(questions: List[dict], systems: Dict[str, Callable[[str], str]], show_failures: bool = False) -> Dict:
    results: Dict[str, List[dict]] = {}
    seconds: Dict[str, float] = {}
    answers: Dict[str, Dict[str, str]] = {}
    for name, ask in systems.items():
        started = time.monotonic()
        rows = []
        answers[name] = {}
        for q in questions:
            text = ask(q["text"])
            answers[name][q["id"]] = text
            s = score(q, text)
            rows.append({"id": q["id"], "part": q["part"], "topic": q.get("topic"), "asker": q.get("asker"), "style": q.get("style"),
                         "language": q.get("language"), "ok": s.ok, "checks": s.checks, "missing": s.missing,
                         "forbidden": s.forbidden, "verdict": s.verdict})
            if show_failures and not s.ok and name == next(iter(systems)):
                print(f"--- {q['id']} [{q.get('topic')}/{q.get('asker')}] {q['text']}")
                print(f"    expect: role={q['expect'].get('role')} verdict={q['expect'].get('verdict')} got={s.verdict} "
                      f"missing={s.missing} forbidden={s.forbidden} checks={ {k: v for k, v in s.checks.items() if not v} }")
                print("    " + text[:700].replace("\n", "\n    "))
        results[name] = rows
        seconds[name] = time.monotonic() - started
    summary = report(results)
    return {"summary": summary, "seconds": seconds, "rows": results, "answers": answers}


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None, help="Rasa server, e.g. http://localhost:5005 (REST webhook)")
    parser.add_argument("--in-process", action="store_true", help="call the answer logic directly (no NLU model)")
    parser.add_argument("--part", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--only", default=None, help="only question files whose name contains this, e.g. dev_c")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--show-failures", action="store_true", help="print failed dev questions (never held-out ones)")
    parser.add_argument("--out", type=Path, default=RESULTS / "devset")
    args = parser.parse_args(list(argv) if argv is not None else None)
    questions = load_questions(args.part, args.only)
    systems: Dict[str, Callable[[str], str]] = {}
    if args.url:
        systems["handelwijzer (REST)"] = rest_system(args.url)
    if args.in_process or not args.url:
        systems["handelwijzer (in-process, no NLU)"] = in_process_system()
    if not args.no_baseline:
        if SEEDS.exists():
            index = BM25(source_passages())
            systems["BM25 over the sources (baseline)"] = index.best
        else:
            print("Baseline skipped: source documents not found next to the project.", file=sys.stderr)
    show = args.show_failures and args.part == "dev"
    result = run(questions, systems, show_failures=show)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps({k: result[k] for k in ("summary", "seconds", "rows")}, indent=1, ensure_ascii=False), encoding="utf-8")
    args.out.with_suffix(".md").write_text(markdown(result["summary"], result["seconds"]), encoding="utf-8")
    for system, parts in result["summary"].items():
        print(system + ": " + ", ".join(f"{p} {s['accuracy']:.1%} (n={s['n']})" for p, s in parts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
