"""Signing in to the pages: Django's ``ModelBackend``, with the user's role read together
with the user.

Every page request loads the signed-in user from the session, and the first role check then
asks for the user's role groups: two statements, the second an ORM query compiled anew each
time. ``get_user`` reads both in one plain statement (``accounts.roles.user_with_role``, as
the API's authentication does). Everything else (passwords, permissions, inactive users) is
``ModelBackend``'s.

``config/settings.py`` lists Django's own backend after this one, so sessions signed in
before it was added keep working; a sign-in this backend refuses stops here (it would only
check the same password again, at the same cost).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.roles import user_with_role

__all__ = ["RoleModelBackend"]


class RoleModelBackend(ModelBackend):
    def authenticate(
        self, request: Any, username: str | None = None, password: str | None = None, **kw: Any
    ) -> Any:
        user = super().authenticate(request, username=username, password=password, **kw)
        if user is None and username is not None and password is not None:
            raise PermissionDenied  # not ModelBackend again after this one
        return user

    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user_id = model._meta.pk.to_python(user_id)
        except (ValidationError, TypeError, ValueError):  # a session holding no user id
            return None
        user = user_with_role(model, model._meta.pk.name, user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
