"""Claims a story reports ('mijn zus zegt dat ...', 'volgens de thuiszorg ...')
when the question only checks them ('Klopt dat?').

The claim then stands in for the question: it says who would act and what
is asked about."""
from __future__ import annotations

import re
from typing import Optional

from bot.understanding.cues import form
from bot.understanding.text import normalize, sentences

_ONLY_CHECKS = form("only_checks_claim")
_REPORTED = form("reported_claim")


def reported_claim(text: str, question: str) -> Optional[str]:
    """What someone in the story claims, normalized, when the question only checks it."""
    q = normalize(question).strip(" ?!.")
    if not _ONLY_CHECKS.search(q):
        return None
    for sentence in reversed(sentences(text)):
        norm = normalize(sentence).strip(" ?!.")
        if norm == q:
            continue
        m = _REPORTED.search(norm)
        if m and len(m.group(2).split()) >= 2:
            claim = m.group(2).strip()
            if m.group(1) == "volgens":
                claim = re.sub(r"^(mijn|m'n|mn|de|een|onze|haar|zijn|hun) \w+( \w+)? (?=(mag|mogen|moet|moeten|is|zijn|kan|kunnen|hoeft|hoeven|heeft|hebben)\b)", "", claim)
            return re.sub(r"^(dat|of) ", "", claim)
    return None
