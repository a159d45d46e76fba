"""The dev-set gate: every question of bench/devset (written from the sources by
people who had not seen the training data), one conversation each, through the
real REST webhook, scored by bench/devset_score.py. Held-out questions are only
ever scored here and in the benchmark, never read while developing.

The floors are the level the assistant reaches now minus a small margin, so a
change that makes understanding worse fails the suite. Issue 7's target (90 %
overall, 80 % per topic) is higher; the README and the issue note give the
current figures."""
from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.rasa
# Measured with sets A-X (2967 questions written by helpers who never saw the
# training data): dev 88.1 %, held-out 71.4 % over REST; floors a few points below.
# The dev figure fell from 89.3 % (sets A-S) because the newer sets T-X joined it
# (their dev parts score 79-88 %). The dev parts also train the question-type classifier, so held-out is the
# figure that says how well it generalises.
FLOORS = {"dev": 0.86, "heldout": 0.66}
TOPIC_FLOOR = 0.35  # no topic may collapse
MIN_TOPIC_SIZE = 8


def _scorer():
    spec = importlib.util.spec_from_file_location("devset_score", PROJECT_ROOT / "bench" / "devset_score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(rasa_url):
    scorer = _scorer()
    questions = scorer.load_questions("all")
    result = scorer.run(questions, {"rest": scorer.rest_system(rasa_url)})
    out = PROJECT_ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "devset-gate.json").write_text(json.dumps(result["summary"], indent=1, ensure_ascii=False), encoding="utf-8")
    summary = result["summary"]["rest"]
    print("\nDev-set gate: " + ", ".join(f"{part} {s['accuracy']:.1%} (n={s['n']})" for part, s in summary.items()))
    return summary


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_accuracy_stays_above_the_floor(scores, part):
    assert scores[part]["accuracy"] >= FLOORS[part], f"{part}: {scores[part]['accuracy']:.1%} < {FLOORS[part]:.0%}"


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_no_topic_collapses(scores, part):
    weak = {t: g["accuracy"] for t, g in scores[part]["by_topic"].items() if g["n"] >= MIN_TOPIC_SIZE and g["accuracy"] < TOPIC_FLOOR}
    assert not weak, weak
