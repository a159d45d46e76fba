"""Benchmark: how long the knowledge layer takes to answer a 'mag ik' question.

Measures, in one run on the same machine:
  baseline  - read the whole knowledge base from the database for every answer
              (what an action without the in-process cache would do);
  cached    - KnowledgeBaseCache.get() (a version check query) + decide + render,
              which is what the actions do.
Reports per-answer latency (median, p95) and the speed-up ratio against the
baseline, plus peak memory of the cached knowledge base.

  .venv/bin/python bench/answer_latency.py [--rounds 300] [--database-url URL]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from bot.kb.answers import AnswerRenderer
from bot.kb.db import make_engine
from bot.kb.loader import load_dir
from bot.kb.repository import KnowledgeBaseCache, read_kb
from bot.kb.rules import Situation, decide
from bot.settings import KB_DIR

QUESTIONS = [
    ("mantelzorger", "insuline_spuiten", Situation(relation="familie")),
    ("vrijwilliger", "steunkousen", Situation(relation="client")),
    ("zorgprofessional", "katheteriseren", Situation()),
    ("mantelzorger", "sondevoeding", Situation(relation="partner", wilsonbekwaam=True)),
    ("zorginstelling", "injecteren", Situation()),
]


def timed(fn, rounds):
    samples = []
    for i in range(rounds):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        engine = make_engine(url)
        load_dir(KB_DIR, engine)

        def baseline(i):
            kb = read_kb(engine)
            role, task, situation = QUESTIONS[i % len(QUESTIONS)]
            AnswerRenderer(kb).decision(decide(kb, role, task, situation))

        cache = KnowledgeBaseCache(engine)
        renderer = AnswerRenderer(cache.get())

        def cached(i):
            kb = cache.get()
            role, task, situation = QUESTIONS[i % len(QUESTIONS)]
            renderer.decision(decide(kb, role, task, situation))

        tracemalloc.start()
        read_kb(engine)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        base_med, base_p95 = timed(baseline, args.rounds)
        cache_med, cache_p95 = timed(cached, args.rounds)
        print(f"database: {engine.url.render_as_string(hide_password=True)}; rounds: {args.rounds}")
        print(f"baseline (read KB per answer): median {base_med:.2f} ms, p95 {base_p95:.2f} ms")
        print(f"cached   (actions' path)     : median {cache_med:.2f} ms, p95 {cache_p95:.2f} ms")
        print(f"speed-up (median): {base_med / cache_med:.1f}x")
        print(f"peak memory to read the knowledge base: {peak / 1024:.0f} KiB")
        engine.dispose()


if __name__ == "__main__":
    main()
