"""Shared pieces of the HTMX pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.middleware import HtmxDetails

__all__ = ["HtmxHttpRequest", "render_page", "wants_fragment"]


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def wants_fragment(request: HtmxHttpRequest) -> bool:
    """An HTMX request for a part of the page; a history restore wants the whole page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def render_page(
    request: HtmxHttpRequest, page: str, section: str, context: dict[str, Any]
) -> HttpResponse:
    """``page`` whole, or only its ``{% partialdef section %}`` for an HTMX request."""
    name = f"{page}#{section}" if wants_fragment(request) else page
    response = render(request, name, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
