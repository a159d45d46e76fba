"""Recognises emergencies and dosage questions in any message, whatever the
NLU model predicted: these must never get an ordinary answer only."""
from __future__ import annotations

import re

from bot.kb.understanding import normalize

_EMERGENCY = re.compile(
    r"\b(bewusteloos|buiten bewustzijn|ademt niet|geen ademhaling|ademt nauwelijks|reageert niet( meer)?|"
    r"hartaanval|hartstilstand|reanimeren|reanimatie|stikt|verslikt en|bloedt (heel )?(erg|veel)|"
    r"veel bloed|ligt op de grond|flauwgevallen|niet wakker te krijgen|epileptische aanval|insult|"
    r"112|ambulance|spoed|noodgeval|acuut)\b"
)
_DOSAGE = re.compile(
    r"\b(hoeveel (eenheden|mg|milligram|ml|pillen|tabletten|insuline|paracetamol|druppels)|dosis|dosering|"
    r"doseren|eenheden insuline|hoeveel moet ik (geven|spuiten|nemen)|hoeveel mag (ik|ze|hij)|"
    r"extra (insuline|pil|tablet)|dubbele dosis|verhogen|verlagen)\b"
)


def is_emergency(text: str) -> bool:
    return bool(_EMERGENCY.search(normalize(text)))


def asks_dosage(text: str) -> bool:
    return bool(_DOSAGE.search(normalize(text)))
