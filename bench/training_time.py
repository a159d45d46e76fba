"""Training time: a cold training of the current configuration against the
pre-issue-7 configuration (bench/baseline_config.yml), both measured in the
same run on the same data, plus the cached paths (Rasa's component cache and
the project's model cache keyed on the inputs' hash).

Each cold run gets an empty Rasa cache directory and an empty output folder,
so nothing is reused. Peak memory is the training process's maximum RSS.

  .venv/bin/python bench/training_time.py [--skip-baseline]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.training import TRAINING_DATA, ensure_model  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def train(config: Path, cache: Path, out: Path) -> Dict[str, float]:
    """One `rasa train` in a child process: seconds and peak memory (MB)."""
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(cache), "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
           "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "rasa", "train", "--config", str(config), "--domain", "domain.yml", "--data", *TRAINING_DATA,
               "--out", str(out), "--fixed-model-name", "bench"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": round(seconds, 1), "peak_mb": round(max(peak, before) / 1024, 0)}


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args(argv)
    result: Dict[str, Dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        cache = tmp_path / "cache-current"
        result["cold (current config)"] = train(ROOT / "config.yml", cache, tmp_path / "out1")
        # Same cache, a second model: Rasa reuses every trained component whose inputs did not change.
        result["rasa component cache (current config)"] = train(ROOT / "config.yml", cache, tmp_path / "out2")
        if not args.skip_baseline:
            result["cold (baseline config)"] = train(ROOT / "bench" / "baseline_config.yml", tmp_path / "cache-baseline", tmp_path / "out3")
    ensure_model()  # make sure the project's model exists, then time the no-change path
    started = time.monotonic()
    ensure_model()
    result["project model cache (no change)"] = {"seconds": round(time.monotonic() - started, 3)}
    if "cold (baseline config)" in result:
        ratio = result["cold (baseline config)"]["seconds"] / result["cold (current config)"]["seconds"]
        result["ratio"] = {"baseline / current": round(ratio, 2)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "training_time.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    lines = ["# Training time", "", "| run | seconds | peak MB |", "|---|---|---|"]
    lines += [f"| {k} | {v.get('seconds', '')} | {v.get('peak_mb', '')} |" for k, v in result.items() if k != "ratio"]
    if "ratio" in result:
        lines += ["", f"Baseline config takes {result['ratio']['baseline / current']}x as long as the current one."]
    (RESULTS / "training_time.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
