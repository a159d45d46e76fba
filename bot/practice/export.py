"""The printable summary of a practice round for the team meeting, as markdown
or HTML, read from the conversation history (the `oefenronde` slot that
action_oefen_afronden keeps).

  python -m bot.practice.export --sender ID [--html] [--out FILE] [--tracker-url URL]
  python -m bot.practice.export --latest --html --out ronde.html
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import create_engine, text

from bot.kb.repository import KnowledgeBaseCache
from bot.practice.session import printable
from bot.settings import tracker_url


def last_round(url: str, sender: Optional[str] = None) -> Optional[Tuple[Dict[str, Any], float]]:
    """The most recent finished round (of one conversation, or of all), with its time."""
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as conn:
            query = "SELECT data, timestamp FROM events WHERE type_name = 'slot'"
            params: Dict[str, Any] = {}
            if sender:
                query += " AND sender_id = :sender"
                params["sender"] = sender
            rows = conn.execute(text(query + " ORDER BY id DESC"), params)
            for raw, when in rows:
                data = json.loads(raw) if isinstance(raw, str) else raw
                if data.get("name") == "oefenronde" and isinstance(data.get("value"), dict):
                    return data["value"], when or 0.0
    finally:
        engine.dispose()
    return None


def to_html(markdown: str) -> str:
    """The few markdown forms printable() writes, as a standalone printable page."""
    out: List[str] = []
    in_list = False
    for line in markdown.splitlines():
        safe = html.escape(line)
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{safe[2:]}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if line.startswith("## "):
            out.append(f"<h2>{safe[3:]}</h2>")
        elif line.startswith("# "):
            out.append(f"<h1>{safe[2:]}</h1>")
        elif line.strip():
            out.append(f"<p>{safe}</p>")
    if in_list:
        out.append("</ul>")
    title = re.sub(r"^# ", "", markdown.splitlines()[0]) if markdown else "Oefenronde"
    return ("<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + html.escape(title) + "</title>"
            "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5;color:#1a1a1a}"
            "h2{margin-top:2rem;font-size:1.2rem}@media print{h2{break-after:avoid}}</style></head><body>\n"
            + "\n".join(out) + "\n</body></html>\n")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.practice.export", description=__doc__.splitlines()[0])
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--sender", help="the conversation id")
    who.add_argument("--latest", action="store_true", help="the most recent round of any conversation")
    parser.add_argument("--tracker-url", default=None)
    parser.add_argument("--html", action="store_true")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    found = last_round(args.tracker_url or tracker_url(), None if args.latest else args.sender)
    if found is None:
        print("Geen afgeronde oefenronde gevonden.", file=sys.stderr)
        return 1
    state, when = found
    md = printable(KnowledgeBaseCache().get(), state, dt.datetime.fromtimestamp(when).date() if when else None)
    result = to_html(md) if args.html else md
    if args.out:
        args.out.write_text(result, encoding="utf-8")
        print(args.out)
    else:
        print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
