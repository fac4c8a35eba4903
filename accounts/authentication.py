"""API authentication: JWT access tokens, the user and their role read in one query.

simplejwt's ``JWTAuthentication`` loads the user, and the first permission check then asks
for the user's role groups: two database round trips before any endpoint does its work. This
subclass reads both in one plain statement (``accounts.roles.role_rank_sql``: compiling the
equivalent annotated queryset cost about ten times the statement) and keeps simplejwt's checks
(unknown user, inactive user, a password changed since the token was issued).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt.authentication import JWTAuthentication as _SimpleJWT
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token
from rest_framework_simplejwt.utils import get_md5_hash_password

from accounts.roles import user_with_role

__all__ = ["JWTAuthentication"]


class JWTAuthentication(_SimpleJWT):
    """``Authorization: Bearer <access token>``; the user comes with their role."""

    def get_user(self, validated_token: Token) -> Any:
        try:
            user_id = validated_token[api_settings.USER_ID_CLAIM]
        except KeyError as exc:
            raise InvalidToken(_("Token contained no recognizable user identification")) from exc
        user = user_with_role(self.user_model, api_settings.USER_ID_FIELD, user_id)
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if api_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if api_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            api_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(
                _("The user's password has been changed."), code="password_changed"
            )
        return user


class JWTAuthenticationScheme(SimpleJWTScheme):
    """The OpenAPI security scheme of this class: simplejwt's bearer scheme (jwtAuth)."""

    target_class = "accounts.authentication.JWTAuthentication"
