"""Improvement report for whoever maintains the knowledge base: from the tracker
store, the questions the assistant could not answer (not understood, outside
the sources or the subject, medical), low-confidence turns and hand-offs to a
person, grouped by question and counted, as markdown and CSV. Personal data is
masked (again) before anything is written.

  python -m bot.reports.improvement [--tracker-url URL] [--days 30] [--out var/rapporten] [--top 20]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import create_engine, text

from bot.privacy import mask
from bot.settings import PROJECT_ROOT, tracker_url

LOW_CONFIDENCE = 0.5
CATEGORIES = {
    "niet_begrepen": "Niet begrepen",
    "buiten_bronnen": "Buiten de bronnen",
    "buiten_onderwerp": "Buiten het onderwerp",
    "medisch": "Medische vraag (doorverwezen naar arts of apotheek)",
    "doorverwezen": "Doorverwezen naar een medewerker",
    "lage_zekerheid": "Lage zekerheid van het taalmodel",
}
# Turns inside a form (answers to the role or SO(C)K questions, practice) are not questions.
_FORM_ACTIONS = {"rol_form", "sock_form", "oefen_form"}


@dataclass
class Turn:
    sender: str
    text: str
    when: float
    intent: str = ""
    confidence: float = 1.0
    outcome: str = ""
    actions: List[str] = field(default_factory=list)
    in_form: bool = False

    def categories(self) -> List[str]:
        found = []
        if self.outcome in CATEGORIES:
            found.append(self.outcome)
        if "action_default_fallback" in self.actions and "niet_begrepen" not in found:
            found.append("niet_begrepen")
        if "action_mens_spreken" in self.actions and "doorverwezen" not in found:
            found.append("doorverwezen")
        if self.confidence < LOW_CONFIDENCE and not self.in_form and self.text and not self.text.startswith("/"):
            found.append("lage_zekerheid")
        return found


def read_turns(url: str, since: Optional[float] = None) -> List[Turn]:
    """User turns with what followed them, in order, per conversation."""
    engine = create_engine(url, future=True)
    turns: List[Turn] = []
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT sender_id, type_name, timestamp, data FROM events ORDER BY sender_id, id"))
            current: Optional[Turn] = None
            active_form = ""
            last_sender = None
            for sender, kind, when, raw in rows:
                if sender != last_sender:
                    current, active_form, last_sender = None, "", sender
                data = json.loads(raw) if isinstance(raw, str) else (raw or {})
                if kind == "active_loop":
                    active_form = data.get("name") or ""
                elif kind == "user":
                    parse = data.get("parse_data") or {}
                    intent = parse.get("intent") or {}
                    current = Turn(sender, data.get("text") or "", when or 0.0, intent.get("name") or "",
                                   float(intent.get("confidence") if intent.get("confidence") is not None else 1.0),
                                   in_form=active_form in _FORM_ACTIONS)
                    if since is None or current.when >= since:
                        turns.append(current)
                elif current is not None:
                    if kind == "action" and data.get("name"):
                        current.actions.append(data["name"])
                    elif kind == "slot" and data.get("name") == "uitkomst" and data.get("value"):
                        current.outcome = str(data["value"])
    finally:
        engine.dispose()
    return turns


def _key(question: str) -> str:
    """Questions that differ only in case, punctuation or numbers group together."""
    q = re.sub(r"\d+", "#", question.lower())
    return re.sub(r"[^\w#]+", " ", q).strip()


@dataclass(frozen=True)
class Row:
    category: str
    question: str
    count: int
    conversations: int
    last_seen: str
    intent: str
    confidence: float


def group(turns: Iterable[Turn], top: int = 20) -> Tuple[Dict[str, int], List[Row]]:
    per_category: Dict[str, List[Turn]] = defaultdict(list)
    for turn in turns:
        for category in turn.categories():
            per_category[category].append(turn)
    totals = {c: len(per_category.get(c, [])) for c in CATEGORIES}
    rows: List[Row] = []
    for category in CATEGORIES:
        groups: Dict[str, List[Turn]] = defaultdict(list)
        for turn in per_category.get(category, []):
            groups[_key(mask(turn.text).text)].append(turn)
        ranked = sorted(groups.values(), key=lambda g: (-len(g), -max(t.when for t in g)))[:top]
        for g in ranked:
            latest = max(g, key=lambda t: t.when)
            rows.append(Row(category, mask(latest.text).text[:300], len(g), len({t.sender for t in g}),
                            dt.datetime.fromtimestamp(latest.when).strftime("%Y-%m-%d %H:%M") if latest.when else "",
                            latest.intent, round(latest.confidence, 2)))
    return totals, rows


def markdown(totals: Dict[str, int], rows: Sequence[Row], turns: int, since_days: Optional[float]) -> str:
    period = f"de laatste {since_days:g} dagen" if since_days else "alle bewaarde gesprekken"
    lines = ["# Verbeterrapport Handelwijzer", "", f"Over {period}: {turns} vragen en antwoorden bekeken.", "",
             "| Soort | Aantal |", "|---|---|"]
    lines += [f"| {CATEGORIES[c]} | {n} |" for c, n in totals.items()]
    for category, title in CATEGORIES.items():
        mine = [r for r in rows if r.category == category]
        if not mine:
            continue
        lines += ["", f"## {title}", "", "| Vraag (persoonsgegevens afgeschermd) | Keer | Gesprekken | Laatst | Intent (zekerheid) |",
                  "|---|---|---|---|---|"]
        for r in mine:
            question = r.question.replace("|", "/").replace("\n", " ")
            lines.append(f"| {question} | {r.count} | {r.conversations} | {r.last_seen} | {r.intent} ({r.confidence:.2f}) |")
    return "\n".join(lines) + "\n"


def write_csv(path: Path, rows: Sequence[Row]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["categorie", "vraag", "aantal", "gesprekken", "laatst", "intent", "zekerheid"])
        for r in rows:
            w.writerow([r.category, r.question, r.count, r.conversations, r.last_seen, r.intent, r.confidence])


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.reports.improvement", description=__doc__.splitlines()[0])
    parser.add_argument("--tracker-url", default=None, help="SQLAlchemy URL (default: HANDELWIJZER_TRACKER_URL or the SQLite file)")
    parser.add_argument("--days", type=float, default=None, help="only the last N days (default: everything kept)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "rapporten")
    parser.add_argument("--top", type=int, default=20, help="questions per category")
    args = parser.parse_args(argv)
    since = time.time() - args.days * 86400 if args.days else None
    turns = read_turns(args.tracker_url or tracker_url(), since)
    totals, rows = group(turns, args.top)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.date.today().isoformat()
    md = args.out / f"verbeterrapport-{stamp}.md"
    md.write_text(markdown(totals, rows, len(turns), args.days), encoding="utf-8")
    write_csv(args.out / f"verbeterrapport-{stamp}.csv", rows)
    print(md)
    print(", ".join(f"{CATEGORIES[c]}: {n}" for c, n in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
