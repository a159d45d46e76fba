"""Engine creation: SQLite file by default, any SQLAlchemy URL (PostgreSQL) by setting."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from bot.settings import database_url


def make_engine(url: Optional[str] = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_foreign_keys(dbapi_connection, _record):  # pragma: no cover - trivial
            # SQLite ignores foreign keys unless asked, per connection.
            dbapi_connection.execute("PRAGMA foreign_keys=ON")

        return engine
    return create_engine(url, future=True, pool_pre_ping=True)
