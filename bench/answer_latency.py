"""Benchmark: how long understanding + the knowledge layer take to answer a question.

Measures, in one run on the same machine:
  baseline  - read the whole knowledge base from the database for every answer
              (what an action without the in-process cache would do);
  cached    - KnowledgeBaseCache.get() (a version check query) + answer + render,
              which is what action_beantwoord does.
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

from bot.answering import answer, render
from bot.kb.db import make_engine
from bot.kb.loader import load_dir
from bot.kb.repository import KnowledgeBaseCache, read_kb
from bot.settings import KB_DIR

QUESTIONS = [
    "mag ik insuline spuiten bij mijn zus?",
    "Ik ben vrijwilliger in een verpleeghuis. Een bewoner vraagt of ik zijn steunkousen wil aantrekken. Mag dat zomaar?",
    "Mijn vader woont in het verpleeghuis en ik help bij het eten ook andere bewoners met hun medicijnen. Ben ik dan nog mantelzorger?",
    "Wij zijn een thuiszorgorganisatie. Zijn wij aansprakelijk als de dochter van een cliënt een fout maakt bij de sondevoeding?",
    "Mijn moeder heeft dementie en kan zelf niet meer beslissen. Wie geeft toestemming als mijn broer haar oogdruppels geeft?",
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
            render(kb, answer(kb, QUESTIONS[i % len(QUESTIONS)]))

        cache = KnowledgeBaseCache(engine)

        def cached(i):
            kb = cache.get()
            render(kb, answer(kb, QUESTIONS[i % len(QUESTIONS)]))

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
