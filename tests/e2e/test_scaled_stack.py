"""Two Rasa servers behind nginx, sharing PostgreSQL (tracker store) and Redis
(lock store), with two action servers (bot/ops/stack.py): a bounded load test of
200 conversations of 5 turns at concurrency 32, during which one Rasa server is
killed and restarted. Every request gets a non-empty answer (the client retries
through nginx) and every stored conversation holds all its messages in order."""
from __future__ import annotations

import asyncio
import sys
import threading
import time

import pytest

from bot.ops.stack import Stack
from bot.settings import PROJECT_ROOT
from tests.e2e.conftest import free_port

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
import load_test  # noqa: E402

pytestmark = pytest.mark.rasa


@pytest.fixture(scope="module")
def stack(model, postgres_url, tmp_path_factory):
    s = Stack(model, rasa=2, actions=2, port=free_port(), tracker_url=postgres_url, state_dir=tmp_path_factory.mktemp("scale"))
    try:
        s.up()
        yield s
    finally:
        s.down()


def test_load_with_a_server_killed_and_restarted_loses_nothing(stack):
    events = []

    def chaos():
        time.sleep(5)
        stack.kill("rasa-0")
        events.append("killed")
        stack.start_rasa(0)
        events.append("restarted")

    thread = threading.Thread(target=chaos)
    thread.start()
    report = asyncio.run(load_test.run(stack.url, 200, 32, load_test.TURNS, retries=6, deadline_s=900))
    thread.join()
    order = load_test.verify_order(stack.tracker_url, report["sent"])
    summary = {k: v for k, v in report.items() if k != "sent"}
    print(f"\nscaled stack under load: {summary}; order check: {order}")
    assert events == ["killed", "restarted"]
    assert report["requests"] == 1000 and report["failed_requests"] == 0 and report["empty_answers"] == 0, summary
    assert not report["timed_out_conversations"]
    repeated = order.pop("repeated_after_retry")
    assert order == {"conversations_checked": 200, "missing": 0, "out_of_order_or_incomplete": 0}
    # Only a message the client sent again after the kill can be stored twice.
    assert repeated <= report["retries"], (repeated, report["retries"])
