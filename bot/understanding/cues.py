"""The cue lexicon of cues.yml, compiled once."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Pattern

import yaml

CUES_FILE = Path(__file__).with_name("cues.yml")


class Cues:
    def __init__(self, data: Dict[str, Dict[str, List[str]]]):
        self.groups: Dict[str, Dict[str, List[Pattern[str]]]] = {
            group: {key: [re.compile(p) for p in patterns] for key, patterns in entries.items()}
            for group, entries in data.items()
        }

    def has(self, group: str, key: str, norm: str) -> bool:
        return any(p.search(norm) for p in self.groups[group][key])

    def first(self, group: str, key: str, norm: str) -> Optional[re.Match]:
        matches = [m for m in (p.search(norm) for p in self.groups[group][key]) if m]
        return min(matches, key=lambda m: m.start()) if matches else None

    def keys_matching(self, group: str, norm: str) -> List[str]:
        return [key for key in self.groups[group] if self.has(group, key, norm)]


@lru_cache(maxsize=1)
def cues() -> Cues:
    return Cues(yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")))


def form(key: str) -> Pattern[str]:
    """One compiled question form of the `forms` group (its groups are used)."""
    (pattern,) = cues().groups["forms"][key]
    return pattern
