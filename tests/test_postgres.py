"""The same knowledge base on a real PostgreSQL server (started by scripts/test.sh)."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.kb.db import make_engine
from bot.kb.loader import load_dir, loaded_version
from bot.kb.repository import read_kb
from bot.kb.rules import Circumstances, decide
from bot.kb.schema import KBValidationError
from bot.settings import KB_DIR

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_engine(postgres_url):
    engine = make_engine(postgres_url)
    with engine.begin() as conn:
        assert conn.execute(text("select 1")).scalar_one() == 1
    yield engine
    engine.dispose()


def test_load_and_read_back_on_postgres(pg_engine, kb):
    load_dir(KB_DIR, pg_engine)
    back = read_kb(pg_engine)
    assert back.tasks == kb.tasks and back.permissions == kb.permissions and back.topics == kb.topics
    d = decide(back, "mantelzorger", "insuline_spuiten", Circumstances(relation="familie"))
    assert d.verdict == "ja_onder_voorwaarden"


def test_failed_load_leaves_postgres_unchanged(pg_engine, kb_copy, kb):
    load_dir(KB_DIR, pg_engine)
    before = loaded_version(pg_engine)
    (kb_copy / "roles.yml").write_text("roles: [", encoding="utf-8")
    with pytest.raises(KBValidationError):
        load_dir(kb_copy, pg_engine)
    assert loaded_version(pg_engine) == before
    assert read_kb(pg_engine).roles == kb.roles
