"""Helpers shared by the messaging channels (Telegram, WhatsApp): settings
from environment variables named in credentials.yml, splitting long answers
at paragraph boundaries, and buttons as numbered text choices."""
from __future__ import annotations

import os
import re
from typing import Any, Dict, List, Optional, Sequence


def env(credentials: Optional[Dict[str, Any]], key: str, default_var: str, default: str = "") -> str:
    """The value of the environment variable that credentials.yml names for `key`."""
    var = (credentials or {}).get(f"{key}_env") or default_var
    return os.environ.get(var, default)


def split_message(text: str, limit: int) -> List[str]:
    """Chunks of at most `limit` characters, cut between paragraphs where
    possible, then between lines, then between words."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    chunks: List[str] = []
    current = ""
    for block in re.split(r"(\n\n)", text):
        if block == "\n\n":
            continue
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = ""
        while len(block) > limit:
            cut = block.rfind("\n", 0, limit)
            if cut <= 0:
                cut = block.rfind(" ", 0, limit)
            if cut <= 0:
                cut = limit
            chunks.append(block[:cut].rstrip())
            block = block[cut:].lstrip()
        current = block
    if current:
        chunks.append(current)
    return chunks


def numbered_choices(text: str, buttons: Sequence[Dict[str, Any]]) -> str:
    """'Antwoord 1, 2 of 3' for channels without buttons."""
    if not buttons:
        return text
    numbers = [str(i) for i in range(1, len(buttons) + 1)]
    choice = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " of " + numbers[-1]
    lines = [f"{i}. {b.get('title', '')}" for i, b in enumerate(buttons, 1)]
    return f"{text}\n\nAntwoord {choice}:\n" + "\n".join(lines)


def choice_payload(text: str, buttons: Sequence[Dict[str, Any]]) -> Optional[str]:
    """The payload of the button a numbered reply ('2', '2.') chooses."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*[.)]?\s*", text or "")
    if not m or not buttons:
        return None
    index = int(m.group(1)) - 1
    return str(buttons[index].get("payload")) if 0 <= index < len(buttons) else None
