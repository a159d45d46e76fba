"""The TensorFlow-free intent classifier of the NLU pipeline
(bot/nlp/intent_classifier.py): it learns, and a stored model predicts the
same after loading, from plain data."""
from __future__ import annotations

import json

import numpy as np

from bot.nlp.intent_classifier import IntentModel, prepare

TEXTS = ["mag ik insuline spuiten bij mijn zus", "mag ik steunkousen aantrekken bij mijn vader", "mag ik oogdruppels geven",
         "wie is aansprakelijk als het misgaat", "ben ik aansprakelijk bij een fout", "wie betaalt de schade als het fout gaat",
         "hallo", "goedemiddag", "hoi daar"]
INTENTS = ["mag_ik"] * 3 + ["aansprakelijkheid"] * 3 + ["greet"] * 3


def test_it_learns_the_intents():
    model = IntentModel.fit([prepare(t) for t in TEXTS], INTENTS, C=10.0, random_state=42)
    p = model.probabilities([prepare("mag ik bij mijn moeder insuline spuiten"), prepare("wie is er aansprakelijk voor die fout")])
    assert [model.classes[i] for i in p.argmax(axis=1)] == ["mag_ik", "aansprakelijkheid"]
    assert np.allclose(p.sum(axis=1), 1.0)


def test_a_stored_model_predicts_the_same_from_plain_data(tmp_path):
    model = IntentModel.fit([prepare(t) for t in TEXTS], INTENTS, C=10.0, random_state=42)
    model.save(tmp_path)
    assert json.loads((tmp_path / "intent_model.json").read_text())["classes"] == sorted(set(INTENTS))
    with np.load(tmp_path / "intent_model.npz", allow_pickle=False) as arrays:  # no pickled objects inside
        assert {"coef", "intercept", "idf_words", "idf_chars"} <= set(arrays.files)
    loaded = IntentModel.load(tmp_path)
    probe = [prepare(t) for t in ("Mag ik de steunkousen van mijn opa aantrekken?", "hallo!", "12 jaar en aansprakelijk?")]
    assert np.allclose(loaded.probabilities(probe), model.probabilities(probe))


def test_numbers_do_not_change_the_features():
    assert prepare("Ik ben 13 jaar") == prepare("ik ben 16 JAAR") == "ik ben 0 jaar"
