"""The trained Rasa model: data validation, every test story, and the NLU gate
on the held-out test set (tests/nlu/test_nlu.yml, never trained on)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.settings import PROJECT_ROOT
from bot.training import TRAINING_DATA, ensure_model

pytestmark = pytest.mark.rasa
INTENT_MACRO_F1_MIN = 0.92
ENTITY_F1_MIN = 0.90
GATED_ENTITIES = ("zorghandeling", "relatie", "rol")


def rasa(*args, timeout=1800):
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run([sys.executable, "-m", "rasa", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_rasa_data_validate_is_clean():
    result = rasa("data", "validate", "--fail-on-warnings", "--data", *TRAINING_DATA, "--domain", "domain.yml", "--config", "config.yml")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_every_test_story_passes(tmp_path):
    model = ensure_model()
    result = rasa("test", "core", "--model", str(model), "--stories", "tests/test_stories.yml",
                  "--fail-on-prediction-errors", "--out", str(tmp_path))
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, detail[-4000:] + result.stderr[-3000:]


@pytest.fixture(scope="module")
def nlu_reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("nlu")
    model = ensure_model()
    result = rasa("test", "nlu", "--model", str(model), "--nlu", "tests/nlu/test_nlu.yml", "--out", str(out), "--no-plot")
    assert result.returncode == 0, result.stderr[-4000:]
    intents = json.loads((out / "intent_report.json").read_text())
    entities = json.loads((out / "CRFEntityExtractor_report.json").read_text())
    print(f"\nNLU held-out: intent macro F1 {intents['macro avg']['f1-score']:.3f}; "
          + ", ".join(f"{e} F1 {entities[e]['f1-score']:.3f}" for e in GATED_ENTITIES if e in entities))
    return intents, entities


def test_intent_macro_f1_on_held_out_set(nlu_reports):
    intents, _ = nlu_reports
    f1 = intents["macro avg"]["f1-score"]
    weak = {k: round(v["f1-score"], 2) for k, v in intents.items() if isinstance(v, dict) and "f1-score" in v and v["f1-score"] < 0.8}
    assert f1 >= INTENT_MACRO_F1_MIN, f"intent macro F1 {f1:.3f} < {INTENT_MACRO_F1_MIN}; weak intents: {weak}"


@pytest.mark.parametrize("entity", GATED_ENTITIES)
def test_entity_f1_on_held_out_set(nlu_reports, entity):
    _, entities = nlu_reports
    f1 = entities[entity]["f1-score"]
    assert f1 >= ENTITY_F1_MIN, f"{entity} F1 {f1:.3f} < {ENTITY_F1_MIN}"
