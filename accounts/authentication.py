"""API authentication: JWT access tokens, the user and their role read in one query.

simplejwt's ``JWTAuthentication`` loads the user, and the first permission check then asks
for the user's role groups: two database round trips before any endpoint does its work. This
subclass reads both in one plain statement (``accounts.roles.role_rank_sql``: compiling the
equivalent annotated queryset cost about ten times the statement) and keeps simplejwt's checks
(unknown user, inactive user, a password changed since the token was issued).

A token's signature is checked once per process: the checked token is kept (at most
``VERIFIED_TOKENS`` of them) and a later request with the same token only checks its expiry.
PyJWT's checks of an HMAC key and the signature cost more than the rest of a status request's
Python; a token cannot change without its signature changing, and the user is still read on
every request.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt.authentication import JWTAuthentication as _SimpleJWT
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token
from rest_framework_simplejwt.utils import aware_utcnow, get_md5_hash_password

from accounts.roles import user_with_role

__all__ = ["JWTAuthentication"]


#: Checked tokens kept per process (a dict: cleared when full, which costs one check each).
VERIFIED_TOKENS = 1024
_verified: dict[bytes, Token] = {}


class JWTAuthentication(_SimpleJWT):
    """``Authorization: Bearer <access token>``; the user comes with their role."""

    def get_validated_token(self, raw_token: bytes) -> Token:
        token = _verified.get(raw_token)
        if token is not None:
            try:
                # Against now: check_exp's default is the moment the token was first read.
                token.check_exp(current_time=aware_utcnow())
                return token
            except TokenError:
                _verified.pop(raw_token, None)
        token = super().get_validated_token(raw_token)  # raises InvalidToken when it is not
        if len(_verified) >= VERIFIED_TOKENS:
            _verified.clear()
        _verified[raw_token] = token
        return token

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
