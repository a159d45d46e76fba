"""Command line for the knowledge base.

  python -m bot.kb check                 validate data/kb/*.yml
  python -m bot.kb load                  validate and load into the database (all or nothing)
  python -m bot.kb export-nlu            write Rasa synonyms and lookup tables from the KB
  python -m bot.kb ask "mag ik insuline spuiten bij mijn zus?"      answer a question as the assistant does
  python -m bot.kb ask --role R --task T [--relation REL] [--age N] [--wilsonbekwaam]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from bot.kb.db import make_engine
from bot.kb.loader import content_hash, load_dir, loaded_version
from bot.kb.repository import KnowledgeBaseEmpty, read_kb
from bot.kb.schema import KBValidationError, parse_kb_dir
from bot.settings import load_settings


def _parser() -> argparse.ArgumentParser:
    settings = load_settings()
    parser = argparse.ArgumentParser(prog="python -m bot.kb", description="Handelwijzer knowledge base")
    parser.add_argument("--kb-dir", type=Path, default=settings.kb_dir, help="folder with the YAML files")
    parser.add_argument("--database-url", default=None, help="SQLAlchemy URL (default: setting or SQLite file)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate the YAML files")
    load = sub.add_parser("load", help="validate and load the YAML into the database")
    load.add_argument("--if-changed", action="store_true", help="skip when the loaded version is current")
    sub.add_parser("export-nlu", help="write entity synonyms and lookup tables for Rasa")
    ask = sub.add_parser("ask", help="ask the knowledge base directly")
    ask.add_argument("question", nargs="?", default=None, help="a question in Dutch (or English)")
    ask.add_argument("--explain", action="store_true", help="also show how the question was understood")
    ask.add_argument("--role", default=None)
    ask.add_argument("--task", default=None)
    ask.add_argument("--relation", default=None)
    ask.add_argument("--age", type=int, default=None)
    ask.add_argument("--wilsonbekwaam", action="store_true")
    return parser


def _problems(exc: KBValidationError) -> int:
    print(f"De kennisbank bevat {len(exc.problems)} fout(en):", file=sys.stderr)
    for problem in exc.problems:
        print(f"  - {problem}", file=sys.stderr)
    return 2


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        try:
            kb = parse_kb_dir(args.kb_dir)
        except KBValidationError as exc:
            return _problems(exc)
        print(f"OK: {len(kb.roles)} rollen, {len(kb.tasks)} zorghandelingen, {len(kb.permissions)} regels, "
              f"{len(kb.topics)} onderwerpen, {len(kb.role_cases)} rolcasussen.")
        return 0

    if args.command == "export-nlu":
        from bot.kb.nlu_export import write

        try:
            path = write(parse_kb_dir(args.kb_dir))
        except KBValidationError as exc:
            return _problems(exc)
        print(f"NLU-gegevens geschreven naar {path}")
        return 0

    engine = make_engine(args.database_url)
    if args.command == "load":
        if args.if_changed and loaded_version(engine) == content_hash(args.kb_dir):
            print("Kennisbank is al actueel; niets geladen.")
            return 0
        try:
            kb = load_dir(args.kb_dir, engine)
        except KBValidationError as exc:
            print("Niets geladen: de database is niet veranderd.", file=sys.stderr)
            return _problems(exc)
        print(f"Geladen in {engine.url.render_as_string(hide_password=True)}: "
              f"{len(kb.roles)} rollen, {len(kb.tasks)} zorghandelingen, {len(kb.permissions)} regels.")
        return 0

    try:
        kb = read_kb(engine)
    except KnowledgeBaseEmpty as exc:
        print(str(exc), file=sys.stderr)
        return 3
    from bot.answering import answer, render
    from bot.answering.direct import direct_answer

    if args.question:
        reply = answer(kb, args.question)
        if args.explain:
            from bot.understanding.situation import describe

            print(f"vraagtypen: {', '.join(reply.question_types)}")
            print(f"situatie: {describe(reply.situation) if reply.situation else '-'}")
            print(f"rol: {reply.role or '-'}, oordeel: {reply.verdict or '-'}\n")
        print(render(kb, reply) if reply.parts else f"({reply.response or reply.start_form})")
        return 0
    if args.role not in kb.roles:
        print(f"Onbekende rol '{args.role}'. Bekend: {', '.join(kb.roles)}", file=sys.stderr)
        return 4
    if args.task not in kb.tasks:
        print(f"Onbekende zorghandeling '{args.task}'. Bekend: {', '.join(kb.tasks)}", file=sys.stderr)
        return 4
    if args.relation is not None and args.relation not in kb.relations:
        print(f"Onbekende relatie '{args.relation}'. Bekend: {', '.join(kb.relations)}", file=sys.stderr)
        return 4
    print(render(kb, direct_answer(kb, args.role, args.task, args.relation, args.age, args.wilsonbekwaam)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
