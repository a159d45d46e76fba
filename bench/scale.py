"""Scale benchmark, one command, one run: the single-process set-up of
scripts/run.sh (one Rasa server, one action server, SQLite tracker store)
against the scaled stack (bot/ops/stack.py: two Rasa servers, two action
servers, PostgreSQL, Redis, nginx), at concurrency 1, 8 and 32, plus start-up
time and peak resident memory of every process, and a fault run: 200
conversations of 5 turns at concurrency 32 while one Rasa server is killed and
restarted, checked afterwards in PostgreSQL. Results: bench/results/scale.json,
scale.md and a latency plot scale.png.

  .venv/bin/python bench/scale.py [--quick]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import load_test  # noqa: E402
from bot.ops.stack import BASE_ENV, Stack, rss_mb, stop_services, wait_http  # noqa: E402
from bot.training import ensure_model  # noqa: E402

RESULTS = ROOT / "bench" / "results"
LEVELS = {1: 20, 8: 48, 32: 96}  # concurrency -> conversations (5 turns each)


def _single(model: Path, tmp: Path) -> Dict:
    """The single-process set-up, as scripts/run.sh starts it."""
    env = {**os.environ, **BASE_ENV, "HANDELWIJZER_TRACKER_URL": f"sqlite:///{tmp / 'gesprekken.sqlite3'}"}
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text('action_endpoint:\n  url: "http://127.0.0.1:5251/webhook"\ntracker_store:\n  type: bot.stores.TrackerStore\n')
    actions = subprocess.Popen([sys.executable, "-m", "bot.action_server", "--port", "5251"], cwd=ROOT, env=env,
                               stdout=(tmp / "actions.log").open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    wait_http("http://127.0.0.1:5251/health", process=actions)
    started = time.monotonic()
    rasa = subprocess.Popen([sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model), "--port", "5201", "--endpoints", str(endpoints),
                             "--credentials", "credentials.yml"], cwd=ROOT, env=env, stdout=(tmp / "rasa.log").open("w"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    wait_http("http://127.0.0.1:5201/", process=rasa)
    asyncio.run(load_test.run("http://127.0.0.1:5201", 1, 1, load_test.TURNS[:1]))  # the first answer
    return {"processes": {"rasa": rasa, "actions": actions}, "url": "http://127.0.0.1:5201",
            "startup_s": round(time.monotonic() - started, 1)}


def _levels(url: str, quick: bool) -> Dict[int, Dict]:
    out = {}
    for concurrency, conversations in LEVELS.items():
        report = asyncio.run(load_test.run(url, conversations // (4 if quick else 1), concurrency, load_test.TURNS))
        report.pop("sent")
        out[concurrency] = report
    return out


def _memory(processes: Dict[str, subprocess.Popen]) -> Dict[str, float]:
    return {name: rss_mb(p.pid).get("peak_rss_mb", 0.0) for name, p in processes.items() if p.poll() is None}


def _stop(processes: Dict[str, subprocess.Popen]) -> None:
    for p in processes.values():
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    for p in processes.values():
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)


def _fault_run(stack: Stack, quick: bool) -> Dict:
    """200 conversations at concurrency 32; rasa-0 is killed after 3 s and restarted."""
    events: List[str] = []

    def chaos() -> None:
        time.sleep(3)
        stack.kill("rasa-0")
        events.append(f"rasa-0 gekild na 3 s")
        stack.start_rasa(0)
        events.append(f"rasa-0 weer op na {stack.startup_seconds['rasa-0']:.1f} s")

    thread = threading.Thread(target=chaos)
    thread.start()
    report = asyncio.run(load_test.run(stack.url, 50 if quick else 200, 32, load_test.TURNS, retries=6, deadline_s=900))
    thread.join()
    report["order_check"] = load_test.verify_order(stack.tracker_url, report["sent"])
    report.pop("sent")
    report["events"] = events
    return report


def _plot(single: Dict[int, Dict], scaled: Dict[int, Dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    levels = sorted(single)
    for name, data, style in (("1 Rasa-server", single, "-o"), ("2 Rasa-servers + nginx", scaled, "-s")):
        for key, alpha in (("p50_ms", 1.0), ("p95_ms", 0.6), ("p99_ms", 0.35)):
            ax.plot(levels, [data[c][key] for c in levels], style, alpha=alpha, label=f"{name} {key[:3]}")
    ax.set_xscale("log", base=2)
    ax.set_xticks(levels, [str(c) for c in levels])
    ax.set_xlabel("gelijktijdige gesprekken")
    ax.set_ylabel("responstijd (ms)")
    ax.set_title("Handelwijzer REST: latency per concurrency")
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def _markdown(r: Dict) -> str:
    lines = ["# Scale benchmark", "", "| set-up | concurrency | p50 ms | p95 ms | p99 ms | throughput req/s | failed | empty |",
             "|---|---|---|---|---|---|---|---|"]
    for name in ("single", "scaled"):
        for c, x in r[name]["levels"].items():
            lines.append(f"| {name} | {c} | {x['p50_ms']} | {x['p95_ms']} | {x['p99_ms']} | {x['throughput_rps']} | {x['failed_requests']} | {x['empty_answers']} |")
    lines += ["", f"Throughput at concurrency 32: scaled / single = **{r['ratios']['throughput_32']}x**.", "",
              "| | single | scaled |", "|---|---|---|",
              f"| start-up to first answer (s) | {r['single']['startup_s']} | {max(v for k, v in r['scaled']['startup_s'].items() if k.startswith('rasa'))} (per Rasa server) |",
              f"| peak RSS per Rasa process (MB) | {r['single']['memory_mb'].get('rasa')} | {max(v for k, v in r['scaled']['memory_mb'].items() if k.startswith('rasa'))} |",
              "", "Fault run (one Rasa server killed and restarted):", "", "```", json.dumps(r["fault_run"], indent=1), "```"]
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a quarter of the conversations (a smoke run)")
    args = parser.parse_args(argv)
    model = ensure_model()
    result: Dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        single = _single(model, Path(tmp))
        try:
            result["single"] = {"startup_s": single["startup_s"], "levels": _levels(single["url"], args.quick)}
            result["single"]["memory_mb"] = _memory(single["processes"])
        finally:
            _stop(single["processes"])
    stop_services()
    stack = Stack(model, rasa=2, actions=2, port=8080)
    try:
        stack.up()
        result["scaled"] = {"startup_s": {k: round(v, 1) for k, v in stack.startup_seconds.items()},
                            "levels": _levels(stack.url, args.quick)}
        result["scaled"]["memory_mb"] = _memory(stack.processes)
        result["fault_run"] = _fault_run(stack, args.quick)
    finally:
        stack.down()
    s32, m32 = result["single"]["levels"][32], result["scaled"]["levels"][32]
    result["ratios"] = {"throughput_32": round(m32["throughput_rps"] / s32["throughput_rps"], 2) if s32["throughput_rps"] else None}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    (RESULTS / "scale.md").write_text(_markdown(result), encoding="utf-8")
    _plot(result["single"]["levels"], result["scaled"]["levels"], RESULTS / "scale.png")
    print(_markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
