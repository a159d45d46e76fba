#!/usr/bin/env bash
# Sets everything up, then runs the action server and the Rasa server with the
# REST channel on http://localhost:5005/webhooks/rest/webhook. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
model=$(.venv/bin/python -m bot.training 2>/dev/null)
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=5055  # must match endpoints.yml

.venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$ACTION_PORT/health" >/dev/null 2>&1 && break
  sleep 1
done

echo "Assistent start op http://localhost:$RASA_PORT/webhooks/rest/webhook (model: $model)"
.venv/bin/rasa run --model "$model" --enable-api --cors "*" --port "$RASA_PORT" \
  --credentials credentials.yml --endpoints endpoints.yml
