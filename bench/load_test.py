"""Load test over the REST webhook: N conversations of 5 realistic turns at a
given concurrency, bounded in count and time (it stops by itself). Every
request must get a non-empty answer; a failed request is retried (through the
load balancer, which sends it to another server). Reports p50/p95/p99 latency
and throughput; with --tracker-url it checks afterwards that every stored
conversation holds all its user messages in the order they were sent.

  .venv/bin/python bench/load_test.py --url http://127.0.0.1:8080 --conversations 200 --concurrency 32
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import aiohttp

TURNS = [
    "mag ik insuline spuiten bij mijn zus?",
    "en bij mijn buurman?",
    '/vervolg{"onderwerp":"aansprakelijkheid"}',
    "Mijn vader woont in het verpleeghuis en ik help bij het eten ook andere bewoners met hun medicijnen. Ben ik dan nog mantelzorger?",
    "bedankt!",
]


@dataclass
class Result:
    latencies_ms: List[float] = field(default_factory=list)
    empty: int = 0
    failed: int = 0
    retries: int = 0
    sent: Dict[str, List[str]] = field(default_factory=dict)


async def _turn(session: aiohttp.ClientSession, url: str, sender: str, text: str, result: Result, retries: int) -> None:
    for attempt in range(retries + 1):
        started = time.perf_counter()
        try:
            async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                    timeout=aiohttp.ClientTimeout(total=60)) as r:
                body = await r.json(content_type=None) if r.status == 200 else None
        except (aiohttp.ClientError, asyncio.TimeoutError):
            body = None
        if body is not None:
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            if not any((m.get("text") or "").strip() for m in body):
                result.empty += 1
            return
        result.retries += 1
        await asyncio.sleep(0.5 * (attempt + 1))
    result.failed += 1


async def _conversation(session, url, result, turns, retries, semaphore) -> None:
    async with semaphore:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        result.sent[sender] = []
        for text in turns:
            result.sent[sender].append(text)
            await _turn(session, url, sender, text, result, retries)


async def run(url: str, conversations: int, concurrency: int, turns: List[str], retries: int = 3, deadline_s: float = 600) -> Dict:
    result = Result()
    semaphore = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency * 2)
    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [asyncio.create_task(_conversation(session, url, result, turns, retries, semaphore)) for _ in range(conversations)]
        done, pending = await asyncio.wait(tasks, timeout=deadline_s)
        for task in pending:
            task.cancel()
    seconds = time.perf_counter() - started
    lat = sorted(result.latencies_ms)

    def pct(p: float) -> float:
        return round(lat[min(len(lat) - 1, int(len(lat) * p))], 1) if lat else 0.0

    return {
        "conversations": conversations, "concurrency": concurrency, "requests": len(lat), "seconds": round(seconds, 1),
        "throughput_rps": round(len(lat) / seconds, 1) if seconds else 0.0,
        "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99), "mean_ms": round(statistics.mean(lat), 1) if lat else 0.0,
        "empty_answers": result.empty, "failed_requests": result.failed, "retries": result.retries,
        "timed_out_conversations": len(pending), "sent": result.sent,
    }


def verify_order(tracker_url: str, sent: Dict[str, List[str]]) -> Dict[str, int]:
    """Every conversation in the store holds exactly the user messages sent, in order.

    A server killed after it stored a message but before it answered makes the
    client send that message again, so the store may hold it twice in a row
    (at-least-once delivery); those repeats are counted, not lost or reordered."""
    from sqlalchemy import create_engine, text

    engine = create_engine(tracker_url, future=True)
    bad = missing = repeated = 0
    try:
        with engine.connect() as conn:
            for sender, messages in sent.items():
                rows = conn.execute(text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"), {"s": sender})
                stored = [json.loads(r[0]).get("text") for r in rows]
                collapsed = [m for i, m in enumerate(stored) if i == 0 or m != stored[i - 1]]
                if not stored:
                    missing += 1
                elif collapsed != messages:
                    bad += 1
                else:
                    repeated += len(stored) - len(collapsed)
    finally:
        engine.dispose()
    return {"conversations_checked": len(sent), "missing": missing, "out_of_order_or_incomplete": bad,
            "repeated_after_retry": repeated}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--deadline", type=float, default=600, help="stop after this many seconds")
    parser.add_argument("--tracker-url", default=None)
    args = parser.parse_args(argv)
    report = asyncio.run(run(args.url, args.conversations, args.concurrency, TURNS, deadline_s=args.deadline))
    if args.tracker_url:
        report["order_check"] = verify_order(args.tracker_url, report["sent"])
    report.pop("sent")
    print(json.dumps(report, indent=1))
    ok = report["failed_requests"] == 0 and report["empty_answers"] == 0 and not report["timed_out_conversations"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
