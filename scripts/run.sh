#!/usr/bin/env bash
# Sets everything up, then runs the action server and the Rasa server with the
# REST channel and the website chat. Ctrl-C stops both.
#
# Safe defaults for the internet: Rasa's HTTP API (/conversations, /model) is
# off unless HANDELWIJZER_ENABLE_API=1, and then it needs HANDELWIJZER_API_TOKEN;
# CORS is only allowed for the origins in HANDELWIJZER_CORS_ORIGINS; the action
# server listens on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
model=$(.venv/bin/python -m bot.training 2>/dev/null)
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=5055  # must match endpoints.yml

.venv/bin/python -m bot.action_server --port "$ACTION_PORT" &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$ACTION_PORT/health" >/dev/null 2>&1 && break
  sleep 1
done

options=()
if [ "${HANDELWIJZER_ENABLE_API:-0}" = "1" ]; then
  if [ -z "${HANDELWIJZER_API_TOKEN:-}" ]; then
    echo "HANDELWIJZER_ENABLE_API=1 vraagt om een token: zet HANDELWIJZER_API_TOKEN." >&2
    exit 2
  fi
  options+=(--enable-api --auth-token "$HANDELWIJZER_API_TOKEN")
fi
if [ -n "${HANDELWIJZER_CORS_ORIGINS:-}" ]; then
  # shellcheck disable=SC2206 # a space-separated list of origins
  options+=(--cors ${HANDELWIJZER_CORS_ORIGINS})
fi

echo "Chatpagina:   http://localhost:$RASA_PORT/webhooks/web/chat"
echo "REST-webhook: http://localhost:$RASA_PORT/webhooks/rest/webhook (model: $model)"
.venv/bin/python -m bot.rasa_server run --model "$model" --port "$RASA_PORT" "${options[@]}" \
  --credentials credentials.yml --endpoints endpoints.yml
