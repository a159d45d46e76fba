"""Intent classifier without TensorFlow: TF-IDF over words and character
n-grams of the message, logistic regression.

DIET needed ~40 s and ~1 GB per Rasa process just to load (graph building),
and ~13 ms per message; intent is only a second opinion here (bot/answering
reads the whole message), so a linear model over sparse features, trained in
seconds, is enough and passes the same NLU gates (tests/test_rasa_model.py).
The model is stored as plain data (vocabularies in JSON, weights in a numpy
file without pickle): loading it cannot run code and takes milliseconds."""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Sequence, Text

import numpy as np

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
# The two vectorizers; their settings are part of the model, not the config.
VECTORIZERS = {
    "words": {"analyzer": "word", "ngram_range": (1, 2), "min_df": 1, "token_pattern": r"(?u)\b\w+\b"},
    "chars": {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 2},
}


def prepare(text: str) -> str:
    """Lower case, numbers as one token (ages differ, the intent does not)."""
    return _SPACES.sub(" ", _DIGITS.sub(" 0 ", (text or "").lower())).strip()


def _vectorizer(kind: str, vocabulary=None, idf=None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True, vocabulary=vocabulary, **VECTORIZERS[kind])
    if idf is not None:
        vectorizer.idf_ = idf
    return vectorizer


@dataclass
class IntentModel:
    """What the classifier needs to predict: the vectorizers and the weights."""
    vectorizers: Dict[str, Any]
    coef: np.ndarray       # classes x features
    intercept: np.ndarray  # classes
    classes: List[str]

    @classmethod
    def fit(cls, texts: Sequence[str], intents: Sequence[str], C: float, random_state: int) -> "IntentModel":
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        vectorizers = {kind: _vectorizer(kind) for kind in VECTORIZERS}
        X = hstack([v.fit_transform(texts) for v in vectorizers.values()]).tocsr()
        classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=random_state)
        classifier.fit(X, list(intents))
        return cls(vectorizers, classifier.coef_, classifier.intercept_, [str(c) for c in classifier.classes_])

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        from scipy.sparse import hstack

        X = hstack([v.transform(texts) for v in self.vectorizers.values()]).tocsr()
        scores = np.asarray(X @ self.coef.T) + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, folder) -> None:
        vocabularies = {kind: {term: int(i) for term, i in v.vocabulary_.items()} for kind, v in self.vectorizers.items()}
        (folder / "intent_model.json").write_text(json.dumps({"classes": self.classes, "vocabularies": vocabularies}),
                                                  encoding="utf-8")
        np.savez(folder / "intent_model.npz", coef=self.coef, intercept=self.intercept,
                 **{f"idf_{kind}": v.idf_ for kind, v in self.vectorizers.items()})

    @classmethod
    def load(cls, folder) -> "IntentModel":
        meta = json.loads((folder / "intent_model.json").read_text(encoding="utf-8"))
        with np.load(folder / "intent_model.npz", allow_pickle=False) as arrays:
            vectorizers = {kind: _vectorizer(kind, vocab, arrays[f"idf_{kind}"]) for kind, vocab in meta["vocabularies"].items()}
            return cls(vectorizers, arrays["coef"], arrays["intercept"], meta["classes"])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": 10.0, "random_state": 42, "ranking_length": 10}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn"]

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, model=None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "TfidfIntentClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if len({e.get(INTENT) for e in examples}) < 2:
            logger.debug("Fewer than two intents: nothing to train.")
            return self._resource
        self.model = IntentModel.fit([prepare(e.get(TEXT)) for e in examples], [e.get(INTENT) for e in examples],
                                     self.config["C"], self.config["random_state"])
        self.persist()
        return self._resource

    def persist(self) -> None:
        with self._storage.write_to(self._resource) as folder:
            self.model.save(folder)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "TfidfIntentClassifier":
        try:
            with model_storage.read_from(resource) as folder:
                model = IntentModel.load(folder)
        except (ValueError, OSError, KeyError) as error:
            logger.warning(f"Intent model not loaded ({error}); messages get no intent.")
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        if not messages:
            return messages
        if self.model is None:
            # No intent at all: the fallback classifier sends the message to
            # action_beantwoord, which reads the whole text itself.
            for message in messages:
                message.set("intent", {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set("intent_ranking", [], add_to_output=True)
            return messages
        probabilities = self.model.probabilities([prepare(m.get(TEXT) or "") for m in messages])
        classes = self.model.classes
        for message, row in zip(messages, probabilities):
            ranking = sorted(({"name": str(c), "confidence": float(p)} for c, p in zip(classes, row)),
                             key=lambda r: -r["confidence"])
            message.set("intent", ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking[: self.config["ranking_length"]], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
