"""Where a turn's CPU goes: one Rasa server and one action server (SQLite
tracker store), 5-turn conversations one at a time, started two ways in the
same run:

- `plain`: `python -m rasa run`, Rasa as it comes;
- `fixed`: `python -m bot.rasa_server run`, with Handelwijzer's run-time fixes
  (the way every script starts Rasa).

For each: CPU milliseconds per turn of the Rasa process and of the action
server (from /proc, no profiler in the way), wall latency, start-up to first
answer and resident memory; then a second pass under cProfile (switched on
after start-up, bench/profiled.py) gives the functions that cost the most per
turn. Results: bench/results/turn_profile.json
and turn_profile.md.

  .venv/bin/python bench/turn_profile.py [--conversations 40]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import pstats
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import load_test  # noqa: E402
from bot.ops.stack import BASE_ENV, rss_mb, wait_http  # noqa: E402
from bot.training import ensure_model  # noqa: E402

RESULTS = ROOT / "bench" / "results"
ENTRY = {"plain": ["-m", "rasa"], "fixed": ["-m", "bot.rasa_server"]}
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _start(variant: str, model: Path, tmp: Path, port: int, profile: bool) -> Dict:
    env = {**os.environ, **BASE_ENV, "HANDELWIJZER_TRACKER_URL": f"sqlite:///{tmp / f'{variant}-{port}.sqlite3'}"}
    endpoints = tmp / f"endpoints-{port}.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{port + 50}/webhook"\n'
                         "tracker_store:\n  type: bot.stores.TrackerStore\n")
    actions = subprocess.Popen([sys.executable, "-m", "bot.action_server", "--port", str(port + 50)], cwd=ROOT, env=env,
                               stdout=(tmp / "actions.log").open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    wait_http(f"http://127.0.0.1:{port + 50}/health", process=actions)
    started = time.monotonic()
    entry = [sys.executable, str(ROOT / "bench" / "profiled.py"), str(tmp / "rasa.prof"), ENTRY[variant][1]] if profile \
        else [sys.executable, *ENTRY[variant]]
    rasa = subprocess.Popen(entry + ["run", "--model", str(model), "--port", str(port), "--endpoints",
                                                   str(endpoints), "--credentials", "credentials.yml"],
                            cwd=ROOT, env=env, stdout=(tmp / "rasa.log").open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/", process=rasa)
    asyncio.run(load_test.run(url, 1, 1, load_test.TURNS[:1]))
    return {"rasa": rasa, "actions": actions, "url": url, "startup_s": round(time.monotonic() - started, 1)}


def _stop(processes: List[subprocess.Popen], sig=signal.SIGTERM) -> None:
    for p in processes:
        if p.poll() is None:
            os.killpg(p.pid, sig)
    for p in processes:
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)


def measure(variant: str, model: Path, tmp: Path, conversations: int, port: int) -> Dict:
    s = _start(variant, model, tmp, port, profile=False)
    try:
        asyncio.run(load_test.run(s["url"], 2, 1, load_test.TURNS))  # warm up
        before = {k: cpu_seconds(s[k].pid) for k in ("rasa", "actions")}
        report = asyncio.run(load_test.run(s["url"], conversations, 1, load_test.TURNS))
        turns = report["requests"]
        cpu = {f"{k}_cpu_ms_per_turn": round((cpu_seconds(s[k].pid) - before[k]) * 1000 / turns, 1) for k in before}
        return {"startup_s": s["startup_s"], "turns": turns, "p50_ms": report["p50_ms"], "p95_ms": report["p95_ms"],
                "failed": report["failed_requests"], **cpu, "rasa_peak_rss_mb": rss_mb(s["rasa"].pid).get("peak_rss_mb")}
    finally:
        _stop([s["rasa"], s["actions"]])


def profile(variant: str, model: Path, tmp: Path, conversations: int, port: int, top: int = 12) -> List[Dict]:
    """The functions with the most own time per turn in the Rasa process."""
    s = _start(variant, model, tmp, port, profile=True)
    try:
        asyncio.run(load_test.run(s["url"], 2, 1, load_test.TURNS))  # warm up
        s["rasa"].send_signal(signal.SIGUSR1)
        report = asyncio.run(load_test.run(s["url"], conversations, 1, load_test.TURNS))
        s["rasa"].send_signal(signal.SIGUSR2)
        deadline = time.monotonic() + 30
        while not (tmp / "rasa.prof").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
    finally:
        _stop([s["rasa"], s["actions"]])
    turns = report["requests"]
    stats = pstats.Stats(str(tmp / "rasa.prof")).stats
    (tmp / "rasa.prof").unlink()
    rows = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.items():
        if name in ("serve", "run_forever", "_run_once", "select", "poll", "_stop") or "<frozen" in filename:
            continue
        rows.append({"function": f"{Path(filename).name}:{line}({name})", "module": filename.split("site-packages/")[-1],
                     "calls_per_turn": round(calls / turns, 1), "own_ms_per_turn": round(own * 1000 / turns, 2),
                     "cumulative_ms_per_turn": round(cumulative * 1000 / turns, 2)})
    rows.sort(key=lambda r: -r["own_ms_per_turn"])
    return rows[:top]


def _markdown(r: Dict) -> str:
    lines = ["# Turn profile", "", "5-turn conversations, one at a time, one Rasa server + one action server (SQLite).", "",
             "| | plain `rasa run` | `bot.rasa_server run` |", "|---|---|---|"]
    for key in ("rasa_cpu_ms_per_turn", "actions_cpu_ms_per_turn", "p50_ms", "p95_ms", "startup_s", "rasa_peak_rss_mb", "turns", "failed"):
        lines.append(f"| {key} | {r['plain'][key]} | {r['fixed'][key]} |")
    for variant in ("plain", "fixed"):
        lines += ["", f"Most own time per turn under cProfile, Rasa process, `{variant}` (profiler overhead included):", "",
                  "| function | module | calls/turn | own ms/turn | cumulative ms/turn |", "|---|---|---|---|---|"]
        lines += [f"| {x['function']} | {x['module']} | {x['calls_per_turn']} | {x['own_ms_per_turn']} | {x['cumulative_ms_per_turn']} |"
                  for x in r["profile"][variant]]
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=40)
    args = parser.parse_args(argv)
    model = ensure_model()
    result: Dict = {"profile": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for i, variant in enumerate(("plain", "fixed")):
            result[variant] = measure(variant, model, Path(tmp), args.conversations, 5301 + 10 * i)
        for i, variant in enumerate(("plain", "fixed")):
            result["profile"][variant] = profile(variant, model, Path(tmp), max(10, args.conversations // 4), 5321 + 10 * i)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "turn_profile.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    (RESULTS / "turn_profile.md").write_text(_markdown(result), encoding="utf-8")
    print(_markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
