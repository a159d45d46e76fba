"""bot/rasa_server.py: the run-time fixes keep Rasa's behaviour. An action
server response is still checked against Rasa's schema (a wrong one is
refused with Rasa's message), and the spaCy pipeline is loaded once."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError

from bot.rasa_server import apply_runtime_fixes
from bot.settings import PROJECT_ROOT

VALID = {"events": [{"event": "slot", "timestamp": None, "name": "context", "value": {"task": "steunkousen"}}],
         "responses": [{"text": "Ja, dat mag.", "buttons": [{"title": "Meer", "payload": "/vervolg"}]}]}


@pytest.fixture(scope="module")
def remote_action():
    from rasa.core.actions.action import RemoteAction

    apply_runtime_fixes()
    return RemoteAction("action_beantwoord", None)


def test_a_valid_response_passes(remote_action):
    assert remote_action._validate_action_result(VALID) is True


@pytest.mark.parametrize("bad", [{"events": "geen lijst"}, {"events": [{"event": 5}]}, {"events": [{"name": "context", "value": 1}]}, {"responses": "geen lijst"}])
def test_a_wrong_response_is_still_refused(remote_action, bad):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        remote_action._validate_action_result(bad)


def test_the_spacy_pipeline_is_loaded_once():
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    apply_runtime_fixes()
    apply_runtime_fixes()  # twice changes nothing
    folder = str(PROJECT_ROOT / ".cache" / "spacy-nl")
    if not (PROJECT_ROOT / ".cache" / "spacy-nl" / "meta.json").exists():
        pytest.skip("no spaCy pipeline prepared (python -m bot.nlp.spacy_pipeline)")
    assert SpacyNLP.load_model(folder).model is SpacyNLP.load_model(folder).model
