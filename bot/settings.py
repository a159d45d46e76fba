"""Settings from environment variables, with embedded defaults (SQLite, no servers)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KB_DIR = PROJECT_ROOT / "data" / "kb"
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "kb.sqlite3"
DEFAULT_TRACKER_DB = PROJECT_ROOT / "var" / "gesprekken.sqlite3"


@dataclass(frozen=True)
class Settings:
    database_url: str
    kb_dir: Path
    human_contact: str
    org_name: str = "Handelwijzer"
    colour: str = "#00606e"
    welcome: str = ""


def database_url() -> str:
    # HANDELWIJZER_DATABASE_URL wins so tests can point at their own database
    # while a DATABASE_URL of the surrounding platform stays untouched.
    url = os.environ.get("HANDELWIJZER_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if url:
        return url
    DEFAULT_DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DB_PATH}"


def tracker_url() -> str:
    """Where conversations are kept: HANDELWIJZER_TRACKER_URL, else an SQLite file."""
    url = os.environ.get("HANDELWIJZER_TRACKER_URL")
    if url:
        return url
    DEFAULT_TRACKER_DB.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_TRACKER_DB}"


def load_settings() -> Settings:
    return Settings(
        database_url=database_url(),
        kb_dir=Path(os.environ.get("HANDELWIJZER_KB_DIR", KB_DIR)),
        human_contact=os.environ.get(
            "HANDELWIJZER_CONTACT",
            "Bel het zorgteam via het algemene nummer van de zorgorganisatie, "
            "of mail naar zorgvragen@example.nl.",
        ),
        org_name=os.environ.get("HANDELWIJZER_ORG_NAME", "Handelwijzer"),
        # The widget checks contrast itself and falls back to this colour when too light.
        colour=os.environ.get("HANDELWIJZER_COLOUR", "#00606e"),
        welcome=os.environ.get(
            "HANDELWIJZER_WELCOME",
            "Hallo! Ik vertel je wie welke zorghandeling mag doen, onder welke voorwaarden, en wie aansprakelijk is als het misgaat. "
            "Deel geen namen, adressen, telefoonnummers of BSN in dit gesprek.",
        ),
    )
