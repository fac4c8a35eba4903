"""Text that no PostgreSQL column can store.

JSON and script escapes can spell a NUL character (``\\u0000``) and unpaired UTF-16
surrogates (``\\ud800``); Python holds both in a ``str``, PostgreSQL refuses both in text and
jsonb (an error deep inside a save: a 500), and a JSON answer cannot carry a surrogate. Every
door that turns escapes into text (webhook bodies, workflow scripts, template services) asks
here and refuses such text with its own message and place.
"""

from __future__ import annotations

from typing import Literal


def unstorable_text(text: str) -> Literal["nul", "surrogate"] | None:
    """Why ``text`` cannot be stored: ``"nul"``, ``"surrogate"``, or None when it can."""
    if "\x00" in text:
        return "nul"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "surrogate"
    return None
