"""Role checks for the HTMX pages: ``@require_role(BUSINESS)`` on a view, or
``require_role_for(request.user, BUSINESS)`` inside one when the role depends on the request
(a form's action)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts.roles import user_has_role

View = TypeVar("View", bound=Callable[..., Any])

__all__ = ["require_role", "require_role_for"]


def require_role_for(user: Any, role: str) -> None:
    """403 (Django's PermissionDenied) unless ``user`` has ``role`` or a higher one."""
    if not user_has_role(user, role):
        raise PermissionDenied(_("Your role does not allow this action."))


def require_role(role: str, *, write: str | None = None) -> Callable[[View], View]:
    """Sign-in first (a redirect to the login page), then ``role`` or higher (403); with
    ``write``, a request that changes something (not GET, HEAD or OPTIONS) needs that role,
    as the API's ``RolePermission`` does."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(request: Any, *args: Any, **kwargs: Any) -> Any:
            changes = request.method not in ("GET", "HEAD", "OPTIONS")
            require_role_for(request.user, write if write is not None and changes else role)
            return view(request, *args, **kwargs)

        return login_required(checked)  # type: ignore[return-value]

    return decorate
