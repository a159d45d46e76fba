#!/usr/bin/env bash
# Sets up (same as the run command, without starting servers), installs what
# only the tests need (Playwright, Debian's chromium, axe-core), starts a
# private PostgreSQL, and runs the whole test suite: unit tests, PostgreSQL
# tests, `rasa data validate`, test stories, the held-out NLU gate, the
# end-to-end tests against the real Rasa and action servers (REST, website
# chat in a real browser, Telegram, WhatsApp) and the dev-set gate.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1

test_hash=$(sha256sum requirements/test.txt | cut -c1-16)
if [ "$(cat .venv/.test-installed 2>/dev/null || true)" != "$test_hash" ]; then
  echo "==> Testpakketten installeren (requirements/test.txt)"
  .venv/bin/pip install --disable-pip-version-check --no-deps -r requirements/test.txt
  echo "$test_hash" > .venv/.test-installed
fi

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$@"; else sudo apt-get update -qq && sudo apt-get install -y -qq "$@"; fi
}
if ! command -v chromium >/dev/null 2>&1; then
  echo "==> Chromium installeren (Debian-pakket) voor de browsertests"
  apt_install chromium >/dev/null
fi
for pkg in redis-server:redis-server nginx:nginx; do
  # Redis and nginx for the scaled-stack test (two Rasa servers behind nginx).
  if ! command -v "${pkg#*:}" >/dev/null 2>&1 && [ ! -x "/usr/sbin/${pkg#*:}" ]; then
    echo "==> ${pkg%%:*} installeren (Debian-pakket)"
    apt_install "${pkg%%:*}" >/dev/null
  fi
done
AXE_VERSION=4.14.1
if [ ! -f .cache/node/node_modules/axe-core/axe.min.js ] || ! grep -q "\"version\": \"$AXE_VERSION\"" .cache/node/node_modules/axe-core/package.json; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "==> npm installeren (Debian-pakket) voor axe-core"
    apt_install npm >/dev/null
  fi
  echo "==> axe-core $AXE_VERSION installeren (npm) voor de toegankelijkheidstest"
  mkdir -p .cache/node
  npm install --silent --no-audit --no-fund --prefix .cache/node "axe-core@$AXE_VERSION" >/dev/null
fi

HANDELWIJZER_TEST_POSTGRES_URL=$(bash scripts/postgres.sh)
# Everything runs here: a missing service fails the run instead of skipping tests.
export HANDELWIJZER_TEST_POSTGRES_URL HANDELWIJZER_REQUIRE_ALL=1
exec .venv/bin/python -m pytest "$@"
