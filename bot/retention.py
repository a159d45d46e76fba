"""Deletes conversations whose last message is older than N days (default 90)
from the tracker store, for staff to schedule (cron, Kubernetes CronJob).

  python -m bot.retention [--days 90] [--tracker-url URL] [--dry-run]
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import List, Optional

from sqlalchemy import create_engine, text

from bot.settings import tracker_url


def delete_older_than(url: str, days: float, dry_run: bool = False, now: Optional[float] = None) -> int:
    """Remove every event of conversations with no event in the last `days`;
    returns how many conversations that were."""
    cutoff = (now if now is not None else time.time()) - days * 86400
    engine = create_engine(url, future=True)
    try:
        with engine.begin() as conn:
            old = [row[0] for row in conn.execute(
                text("SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"), {"cutoff": cutoff}
            )]
            if old and not dry_run:
                for start in range(0, len(old), 500):
                    chunk = old[start : start + 500]
                    params = {f"s{i}": s for i, s in enumerate(chunk)}
                    placeholders = ", ".join(f":s{i}" for i in range(len(chunk)))
                    conn.execute(text(f"DELETE FROM events WHERE sender_id IN ({placeholders})"), params)
            return len(old)
    finally:
        engine.dispose()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.retention", description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, default=90.0)
    parser.add_argument("--tracker-url", default=None, help="SQLAlchemy URL (default: HANDELWIJZER_TRACKER_URL or the SQLite file)")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    if args.days < 0:
        parser.error("--days must be 0 or more")
    count = delete_older_than(args.tracker_url or tracker_url(), args.days, args.dry_run)
    verb = "zou verwijderen" if args.dry_run else "verwijderd"
    print(f"{count} gesprek(ken) ouder dan {args.days:g} dagen {verb}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
