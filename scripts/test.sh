#!/usr/bin/env bash
# Sets up (same as the run command, without starting servers), starts a private
# PostgreSQL, and runs the whole test suite: unit tests, PostgreSQL tests,
# `rasa data validate`, test stories, the held-out NLU gate and the end-to-end
# tests against the real Rasa server and action server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
HANDELWIJZER_TEST_POSTGRES_URL=$(bash scripts/postgres.sh)
export HANDELWIJZER_TEST_POSTGRES_URL
exec .venv/bin/python -m pytest "$@"
