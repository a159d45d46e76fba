"""Custom Rasa NLU components that keep bad input from breaking the conversation.

`MessageCleaner` (first in the pipeline) removes HTML/script markup and cuts
very long messages before tokenizing, so a 10 000-character paste is understood
from its first part in normal time and markup never reaches the model. `InvalidInputClassifier` (last) marks messages without any words
(empty, only emoji or punctuation) with the intent `ongeldige_invoer`, which
has a clear answer of its own."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

INVALID_INTENT = "ongeldige_invoer"
TRUNCATED_FLAG = "handelwijzer_truncated"
_WORD = re.compile(r"[^\W_]{2,}", re.UNICODE)


_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def strip_markup(text: str) -> str:
    """Drop script/style blocks entirely and other tags but keep their text."""
    return _TAG.sub(" ", _SCRIPT.sub(" ", text))


def truncate(text: str, limit: int) -> str:
    """The start and the end of a long message: the question is usually at the
    end of a story, so the middle goes. Cuts fall on word boundaries."""
    if len(text) <= limit:
        return text
    head_size = int(limit * 0.4)
    tail_size = limit - head_size - 3
    head = text[:head_size]
    space = head.rfind(" ")
    head = head[:space] if space > head_size * 0.8 else head
    tail = text[-tail_size:]
    space = tail.find(" ")
    tail = tail[space + 1:] if 0 <= space < tail_size * 0.2 else tail
    return f"{head} … {tail}"


def has_words(text: str) -> bool:
    return bool(_WORD.search(text or ""))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class MessageCleaner(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"max_characters": 2000}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.limit = int(config["max_characters"])

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "MessageCleaner":
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            original = message.get(TEXT) or ""
            text = strip_markup(original) if "<" in original else original
            if text != original:
                message.set(TEXT, text)
            if len(text) > self.limit:
                message.set(TEXT, truncate(text, self.limit))
                message.set(TRUNCATED_FLAG, True, add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class InvalidInputClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"intent": INVALID_INTENT}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.intent = config["intent"]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "InvalidInputClassifier":
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not has_words(message.get(TEXT) or "") and not (message.get(TEXT) or "").startswith("/"):
                intent = {INTENT_NAME_KEY: self.intent, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, intent, add_to_output=True)
                message.set("intent_ranking", [intent], add_to_output=True)
        return messages
