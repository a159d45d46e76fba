#!/usr/bin/env bash
# Sets up everything the assistant needs, idempotently: virtual environment from
# the lock file, the Dutch spaCy pipeline, the knowledge base (SQLite by default)
# and the trained Rasa model (only retrained when its inputs changed).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1

started=$SECONDS
step() { printf '\n==> [%3ds] %s\n' "$((SECONDS - started))" "$*"; }

PYTHON_BIN=${PYTHON:-}
if [ -z "$PYTHON_BIN" ]; then
  for candidate in python3.11 python3.10 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then PYTHON_BIN=$candidate; break; fi
  done
fi

if [ ! -x .venv/bin/python ]; then
  step "Virtuele omgeving maken met $PYTHON_BIN"
  "$PYTHON_BIN" -m venv .venv
fi

lock_hash=$(sha256sum requirements/lock.txt | cut -c1-16)
if [ "$(cat .venv/.lock-installed 2>/dev/null || true)" != "$lock_hash" ]; then
  step "Pakketten installeren uit requirements/lock.txt (eerste keer enkele minuten)"
  # Rasa 3.6 declares Python <3.11 but runs on 3.11; the lock holds the full,
  # resolved set, so it is installed as is (see README, "Installation").
  .venv/bin/pip install --disable-pip-version-check --no-deps --ignore-requires-python -r requirements/lock.txt
  echo "$lock_hash" > .venv/.lock-installed
fi
pkg_hash=$( (cat pyproject.toml; echo "$lock_hash") | sha256sum | cut -c1-16)
if [ "$(cat .venv/.package-installed 2>/dev/null || true)" != "$pkg_hash" ]; then
  step "Handelwijzer zelf installeren (pip install -e .)"
  # The lock already holds every dependency; --no-deps keeps pip from resolving
  # Rasa's Python <3.11 metadata again.
  site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  rm -f "$site/handelwijzer.pth"   # left by older set-ups
  .venv/bin/pip install --disable-pip-version-check --no-deps --no-build-isolation -q -e .
  echo "$pkg_hash" > .venv/.package-installed
else
  echo "Pakketten zijn actueel."
fi

step "Nederlandse spaCy-pipeline"
.venv/bin/python -m bot.nlp.spacy_pipeline

step "Kennisbank controleren en laden"
.venv/bin/python -m bot.kb load --if-changed
.venv/bin/python -m bot.kb export-nlu

step "Rasa-model (alleen trainen als iets veranderd is)"
.venv/bin/python -m bot.training

printf '\n==> Set-up klaar in %d s.\n' "$((SECONDS - started))"
