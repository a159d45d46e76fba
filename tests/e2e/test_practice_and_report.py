"""Oefenmodus and the improvement report end to end: a whole practice round over
the REST webhook with the real Rasa and action servers, its printable summary
exported from the tracker store, and the improvement report over a tracker
store filled by a scripted conversation."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from bot.kb.schema import parse_kb_dir
from bot.settings import KB_DIR, PROJECT_ROOT
from tests.e2e.conftest import Chat

pytestmark = pytest.mark.rasa


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)


def test_a_whole_practice_round_over_rest_is_scored_and_exported(rasa_url, servers, tmp_path):
    kb = parse_kb_dir(KB_DIR)
    sock_cases = [c for c in kb.practice_cases.values() if c.theme == "sock"]
    chat = Chat(rasa_url)
    reply = chat.send("ik wil oefenen")
    assert "Kies een thema" in reply[0]["text"] and any(b["title"] == "SO(C)K" for b in reply[0]["buttons"])
    assert "Hoeveel casussen" in chat.say("SO(C)K")
    prompt = chat.say(str(len(sock_cases)))
    right = 0
    for i in range(len(sock_cases)):
        case = next(c for c in sock_cases if c.situation in prompt)
        expected = next(o.title for o in case.options if o.value == case.expected)
        wrong = next(o.title for o in case.options if o.value != case.expected)
        answer = expected if i % 2 == 0 else wrong
        right += answer == expected
        prompt = chat.say(answer)
        assert ("Goed!" if answer == expected else "Niet helemaal") in prompt and "Bron:" in prompt
    assert f"{right} van de {len(sock_cases)} goed" in prompt
    assert "Samenvatting voor het teamoverleg" in prompt

    store = f"sqlite:///{servers.workdir / 'gesprekken.sqlite3'}"
    out = tmp_path / "ronde.html"
    exported = _cli("bot.practice.export", "--sender", chat.sender, "--tracker-url", store, "--html", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Oefenronde SO(C)K" in page and f"{right} van {len(sock_cases)} goed" in page


def test_practice_can_be_stopped_and_questions_work_again(chat):
    chat.say("ik wil oefenen")
    chat.say("Mag dit?")
    chat.say("3")
    assert "gestopt" in chat.say("stop")
    assert chat.say("mag ik bij mijn vader de steunkousen aantrekken?").startswith("Ja, als mantelzorger")


def test_improvement_report_from_a_scripted_conversation(servers, model, tmp_path):
    store = f"sqlite:///{tmp_path / 'gesprekken.sqlite3'}"  # only this scripted conversation
    url = servers.rasa_server(model, servers.action_server("actions-report"), name="rasa-report", HANDELWIJZER_TRACKER_URL=store)
    chat = Chat(url)
    for message in ["blub blub flap", "Wat wordt het weer morgen in Utrecht?", "Mijn BSN is 111222333, hoe vraag ik een pgb aan?",
                    "Ik wil een medewerker spreken", "mag ik bij mijn moeder de steunkousen aantrekken?"]:
        chat.say(message)
    result = _cli("bot.reports.improvement", "--tracker-url", store, "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    md = next(tmp_path.glob("verbeterrapport-*.md")).read_text(encoding="utf-8")
    for heading in ("## Buiten de bronnen", "## Buiten het onderwerp", "## Doorverwezen naar een medewerker"):
        assert heading in md, md
    assert "blub blub flap" in md and "weer morgen" in md
    assert "111222333" not in md and "[BSN]" in md
    rows = list(csv.DictReader(next(tmp_path.glob("verbeterrapport-*.csv")).open(encoding="utf-8")))
    # An answered question is at most listed for the language model's low confidence.
    assert {r["categorie"] for r in rows if "steunkousen" in r["vraag"]} <= {"lage_zekerheid"}
    assert {"buiten_bronnen", "buiten_onderwerp", "doorverwezen"} <= {r["categorie"] for r in rows}
    assert all("111222333" not in r["vraag"] for r in rows)
