"""Shared fixtures: the parsed knowledge base, real SQLite and PostgreSQL databases."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.kb.db import make_engine
from bot.kb.loader import load_dir
from bot.kb.repository import read_kb
from bot.kb.schema import parse_kb_dir
from bot.settings import KB_DIR, PROJECT_ROOT

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def kb():
    return parse_kb_dir(KB_DIR)


@pytest.fixture()
def kb_copy(tmp_path) -> Path:
    """A writable copy of data/kb to break on purpose."""
    target = tmp_path / "kb"
    shutil.copytree(KB_DIR, target)
    return target


@pytest.fixture()
def sqlite_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.sqlite3'}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def db_kb(tmp_path_factory):
    """The knowledge base as read back from a real SQLite database."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('db') / 'kb.sqlite3'}")
    load_dir(KB_DIR, engine)
    kb = read_kb(engine)
    engine.dispose()
    return kb


def require_all() -> bool:
    """scripts/test.sh (and so CI) runs everything: a missing service is a failure, not a skip."""
    return bool(os.environ.get("HANDELWIJZER_REQUIRE_ALL") or os.environ.get("CI"))


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get("HANDELWIJZER_TEST_POSTGRES_URL")
    if not url:
        if require_all():
            pytest.fail("HANDELWIJZER_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh")
        pytest.skip("no PostgreSQL: run the tests with scripts/test.sh")
    return url
