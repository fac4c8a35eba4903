"""Token endpoints (JWT): POST /api/v1/auth/token and /api/v1/auth/refresh."""

from __future__ import annotations

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from core.api import error_responses

app_name = "api-auth"


@extend_schema(tags=["auth"], responses={**error_responses(400, 401, 429)})
class TokenView(TokenObtainPairView):
    """Exchange username and password for an access token (10 min) and a refresh token."""

    # Throttled per client address: the one endpoint where a password can be guessed.
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"


@extend_schema(tags=["auth"], responses={**error_responses(400, 401, 429)})
class RefreshView(TokenRefreshView):
    """Exchange a refresh token for a new access token and a new (rotated) refresh token."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"


urlpatterns: list[URLPattern] = [
    path("token", TokenView.as_view(), name="token"),
    path("refresh", RefreshView.as_view(), name="refresh"),
]
