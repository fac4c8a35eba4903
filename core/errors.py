"""The base of the errors that services raise for people to read.

A service raises a ``DomainError`` with every problem as ``{"path", "code", "message"}``
(``path`` a JSON Pointer into what the caller sent) and the HTTP status that fits. The API's
exception handler renders any of them in the error shape without knowing the app that raised
it, and the pages show the messages next to the fields their pointers name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["DomainError"]


class DomainError(Exception):
    #: The HTTP status an API answers with.
    status_code: int = 400

    def __init__(self, errors: Sequence[Mapping[str, Any]]) -> None:
        self.errors = [
            {
                "path": str(e.get("path", "")),
                "code": str(e.get("code", "invalid")),
                "message": str(e.get("message", "")),
            }
            for e in errors
        ]
        super().__init__("; ".join(f"{e['path'] or '/'}: {e['message']}" for e in self.errors))

    def response_body(self) -> dict[str, Any]:
        return {"errors": self.errors}

    def response_headers(self) -> dict[str, str]:
        return {}
