"""Runs the custom-action server (rasa-sdk) on loopback by default: only the
Rasa server on the same machine needs it. Set HANDELWIJZER_ACTIONS_HOST to
listen elsewhere (for example 0.0.0.0 inside a container network)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import List, Optional

from rasa_sdk.endpoint import create_app


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.action_server")
    parser.add_argument("--host", default=os.environ.get("HANDELWIJZER_ACTIONS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("HANDELWIJZER_ACTIONS_PORT", "5055")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("HANDELWIJZER_ACTIONS_WORKERS", "1")))
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("HANDELWIJZER_LOG_LEVEL", "INFO"), format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    # Train the question-type classifier now, not on the first user's message.
    from bot.understanding.type_classifier import type_classifier

    type_classifier()
    # The action server is only called by the Rasa server, never by a browser: no CORS.
    app = create_app("actions", cors_origins=None)
    app.run(host=args.host, port=args.port, workers=args.workers, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
