"""Settings from environment variables, with embedded defaults (SQLite, no servers)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KB_DIR = PROJECT_ROOT / "data" / "kb"
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "kb.sqlite3"


@dataclass(frozen=True)
class Settings:
    database_url: str
    kb_dir: Path
    human_contact: str


def database_url() -> str:
    # HANDELWIJZER_DATABASE_URL wins so tests can point at their own database
    # while a DATABASE_URL of the surrounding platform stays untouched.
    url = os.environ.get("HANDELWIJZER_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if url:
        return url
    DEFAULT_DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DB_PATH}"


def load_settings() -> Settings:
    return Settings(
        database_url=database_url(),
        kb_dir=Path(os.environ.get("HANDELWIJZER_KB_DIR", KB_DIR)),
        human_contact=os.environ.get(
            "HANDELWIJZER_CONTACT",
            "Bel het zorgteam via het algemene nummer van de zorgorganisatie, "
            "of mail naar zorgvragen@example.nl.",
        ),
    )
