"""Personal data typed into the chat is masked before anything stores or logs
it: Dutch citizen service numbers (BSN, checked with the 11-test), phone
numbers, e-mail addresses and IBANs (checked with mod 97)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Tuple

MASKS = {"bsn": "[BSN]", "telefoon": "[TELEFOONNUMMER]", "email": "[E-MAILADRES]", "iban": "[IBAN]"}

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b", re.IGNORECASE)
# Dutch and international phone numbers: 06-12345678, +31 6 1234 5678, 010 123 45 67, (020) 1234567.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)\d{1,3}[\s-]?(?:\(0\))?[\s-]?\d(?:[\s-]?\d){7,10}\b|(?<![\w+])\(?0\d{1,3}\)?[\s-]?\d(?:[\s-]?\d){5,8}\b")
_NINE_DIGITS = re.compile(r"(?<!\d)(?<!\d[.,])(\d[\s.]?){8}\d(?!\d|[.,]\d)")


@dataclass(frozen=True)
class Masked:
    text: str
    kinds: Tuple[str, ...]  # what was masked, e.g. ('bsn', 'telefoon')

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


def is_bsn(digits: str) -> bool:
    """The 11-test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def is_iban(candidate: str) -> bool:
    s = re.sub(r"\s", "", candidate).upper()
    if not 15 <= len(s) <= 34:
        return False
    rearranged = s[4:] + s[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _mask_ibans(text: str, kinds: List[str]) -> str:
    """An IBAN may be written in groups and be followed by words: try the
    longest run of groups that passes mod 97."""
    for m in reversed(list(_IBAN.finditer(text))):
        groups = m.group(0).split(" ")
        for end in range(len(groups), 0, -1):
            candidate = " ".join(groups[:end])
            if is_iban(candidate):
                if "iban" not in kinds:
                    kinds.append("iban")
                text = text[: m.start()] + MASKS["iban"] + text[m.start() + len(candidate):]
                break
    return text


def mask(text: str) -> Masked:
    kinds: List[str] = []
    out = text or ""

    def sub(pattern: re.Pattern, kind: str, check=None) -> None:
        nonlocal out

        def replace(m: re.Match) -> str:
            if check is not None and not check(m.group(0)):
                return m.group(0)
            if kind not in kinds:
                kinds.append(kind)
            return MASKS[kind]

        out = pattern.sub(replace, out)

    sub(_EMAIL, "email")
    out = _mask_ibans(out, kinds)
    sub(_NINE_DIGITS, "bsn", lambda s: is_bsn(re.sub(r"\D", "", s)))
    sub(_PHONE, "telefoon", lambda s: len(re.sub(r"\D", "", s)) >= 9)
    return Masked(out, tuple(kinds))
