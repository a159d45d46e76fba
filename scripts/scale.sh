#!/usr/bin/env bash
# Sets up, then runs the scaled stack on this machine: two Rasa servers sharing
# PostgreSQL (tracker store) and Redis (lock store), two action servers, and
# nginx in front on port 8080 (all from Debian's packages). Ctrl-C stops it.
#   bash scripts/scale.sh [--rasa N] [--actions N] [--port P]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m bot.ops.stack up "$@"
