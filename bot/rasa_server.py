"""The Rasa command line with Handelwijzer's run-time fixes:

  python -m bot.rasa_server run --model models/... [rasa run options]

Every way the project starts a Rasa server (scripts/run.sh, the scaled stack,
the benchmarks, the end-to-end tests, the container image) goes through here,
so all of them measure and run the same thing.

The fixes (measured by bench/turn_profile.py):
- Rasa 3.6 checks each action server response with `jsonschema.validate`,
  which first validates the schema itself against the JSON Schema meta-schema:
  ~17 ms of CPU on every turn, a third of a "mag ik" turn. The response is
  still validated, against the same schema, by a validator built once.
- The prediction graph has two SpacyNLP nodes (provider and runner), and each
  loaded the spaCy pipeline from disk: ~4 s of start-up. Loaded once now; the
  pipeline is only read afterwards."""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any, Dict, Text


@lru_cache(maxsize=1)
def _response_validator():
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)  # once, instead of on every turn
    return validator_class(schema)


def _validate_action_result(self, result: Dict[Text, Any]) -> bool:
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    try:
        _response_validator().validate(result)
        return True
    except ValidationError as e:
        # The same message Rasa gives.
        e.message += (". Failed to validate Action server response from API, make sure your response from the Action "
                      f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions")
        raise e


def apply_runtime_fixes() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    RemoteAction._validate_action_result = _validate_action_result
    if not hasattr(SpacyNLP.load_model, "cache_info"):
        SpacyNLP.load_model = staticmethod(lru_cache(maxsize=4)(SpacyNLP.load_model))


def main() -> None:
    apply_runtime_fixes()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
