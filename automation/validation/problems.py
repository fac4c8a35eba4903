"""What the validator hands back: the problems it collects (one per location) and the result
the callers read (``ValidationResult``, ``WorkflowValidationError``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from automation.validation.codes import error_codes
from core.errors import DomainError
from core.pointer import pointer_of

#: A location in the submitted document, as keys and list indexes.
Path = tuple[str | int, ...]

#: RFC 6901 JSON Pointer for a path given as one sequence ("" is the whole document).
pointer = pointer_of


@dataclass
class ValidationResult:
    """``errors`` in the documented shape; ``normalised`` only when there are none."""

    errors: list[dict[str, str]] = field(default_factory=list)
    normalised: dict[str, Any] | None = None

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        """The documented 400 body: ``{"errors": [...]}``."""
        return {"errors": list(self.errors)}

    def codes(self) -> set[str]:
        return {e["code"] for e in self.errors}

    def raise_if_invalid(self) -> dict[str, Any]:
        """The normalised document, or ``WorkflowValidationError`` with every problem."""
        if self.errors:
            raise WorkflowValidationError(self.errors)
        assert self.normalised is not None
        return self.normalised


class WorkflowValidationError(DomainError):
    """Raised by the services when a document is invalid; nothing has been saved."""

    status_code = 400

    def as_dict(self) -> dict[str, Any]:
        return {"errors": list(self.errors)}


class Problems:
    """Collects problems, one per location: the first (most basic) one wins."""

    def __init__(self) -> None:
        self._by_path: dict[str, dict[str, str]] = {}

    def add(self, path: Path, code: str, message: str) -> None:
        assert code in error_codes(), code
        key = pointer(path)
        self._by_path.setdefault(key, {"path": key, "code": code, "message": str(message)})

    def under(self, path: Path) -> bool:
        """Whether a problem was already found at ``path`` or inside it."""
        prefix = pointer(path)
        return any(p == prefix or p.startswith(prefix + "/") for p in self._by_path)

    def as_list(self) -> list[dict[str, str]]:
        return list(self._by_path.values())
