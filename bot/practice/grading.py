"""Reading a practice answer: a button, or typed text matched to an option by
its words; open answers are checked on the key points a good answer holds."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from bot.practice.cases import Case
from bot.understanding.text import normalize


def _has(text: str, word: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(normalize(word))}(?!\w)", text))


def match_option(case: Case, answer: str) -> Optional[str]:
    """The option an answer chooses: its title or value exactly, else the option
    whose longest word occurs in the text ('klopt niet' beats 'klopt')."""
    text = normalize(answer)
    if not text:
        return None
    for value, title, _ in case.options:
        if text in (normalize(title), normalize(value)):
            return value
    best: Tuple[int, Optional[str]] = (0, None)
    tie = False
    for value, title, words in case.options:
        longest = max((len(normalize(w)) for w in (*words, title) if _has(text, w)), default=0)
        if longest > best[0]:
            best, tie = (longest, value), False
        elif longest and longest == best[0] and value != best[1]:
            tie = True
    return None if tie else best[1]


@dataclass(frozen=True)
class OpenGrade:
    found: Tuple[str, ...]
    missed: Tuple[str, ...]

    @property
    def good(self) -> bool:
        # Half of the key points or more counts as a good answer.
        return len(self.found) * 2 >= len(self.found) + len(self.missed)


def grade_open(case: Case, answer: str) -> OpenGrade:
    text = normalize(answer)
    found: List[str] = []
    missed: List[str] = []
    for point, keywords in case.key_points:
        (found if any(normalize(k) in text for k in keywords) else missed).append(point)
    return OpenGrade(tuple(found), tuple(missed))
