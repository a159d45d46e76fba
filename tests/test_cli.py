"""`python -m bot.kb`: load, ask, and clear messages for unknown roles or tasks."""
from __future__ import annotations

import subprocess
import sys

from bot.settings import PROJECT_ROOT


def run(*args, db):
    return subprocess.run(
        [sys.executable, "-m", "bot.kb", "--database-url", db, *args],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )


def test_load_then_ask(tmp_path):
    db = f"sqlite:///{tmp_path / 'kb.sqlite3'}"
    assert run("load", db=db).returncode == 0
    again = run("load", "--if-changed", db=db)
    assert again.returncode == 0 and "al actueel" in again.stdout
    answer = run("ask", "--role", "mantelzorger", "--task", "insuline_spuiten", db=db)
    assert answer.returncode == 0
    assert answer.stdout.startswith("Ja, als mantelzorger mag je insuline spuiten")
    assert "Bron:" in answer.stdout


def test_unknown_role_and_task_list_what_is_known(tmp_path):
    db = f"sqlite:///{tmp_path / 'kb.sqlite3'}"
    run("load", db=db)
    role = run("ask", "--role", "buurvrouw", "--task", "insuline_spuiten", db=db)
    assert role.returncode == 4 and "mantelzorger" in role.stderr and "vrijwilliger" in role.stderr
    task = run("ask", "--role", "mantelzorger", "--task", "laseren", db=db)
    assert task.returncode == 4 and "steunkousen" in task.stderr


def test_ask_on_an_empty_database_says_how_to_load(tmp_path):
    result = run("ask", "--role", "mantelzorger", "--task", "steunkousen", db=f"sqlite:///{tmp_path / 'leeg.sqlite3'}")
    assert result.returncode == 3 and "python -m bot.kb load" in result.stderr
