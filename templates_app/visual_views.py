"""The visual email editor's one endpoint: converting the body when the writer switches modes.

The conversion is the server's (``templates_app.visual``) both ways, so that what the HTML mode
shows is exactly what saving the visual content stores, and the visual editor never gets HTML
it could not give back unchanged.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts.decorators import require_role
from accounts.roles import BUSINESS
from templates_app.visual import email_to_visual, visual_to_email

#: More than any template may be (the API caps body_html well below this).
MAX_CONTENT = 2_000_000


def _error(path: str, code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"path": path, "code": code, "message": message}]}, status=status
    )


@require_role(BUSINESS)
@require_POST
def visual_convert(request: HttpRequest) -> JsonResponse:
    """POST ``to`` ("html" or "visual") and ``content``; ``lenient=1`` keeps what it can of
    HTML the visual editor cannot show all of (the explicit "make it visual")."""
    target = request.POST.get("to", "")
    content = request.POST.get("content", "")
    if len(content) > MAX_CONTENT:
        return _error("/content", "too_large", gettext("The content is too large."), 413)
    if target == "html":
        return JsonResponse({"html": visual_to_email(content)})
    if target == "visual":
        visual = email_to_visual(content, lenient=request.POST.get("lenient") == "1")
        if visual is None:
            return _error(
                "/content",
                "not_representable",
                gettext(
                    "The visual editor cannot show all of this HTML (its own layout, styles or "
                    "template tags), so it stays in HTML mode."
                ),
                422,
            )
        return JsonResponse({"visual": visual})
    return _error("/to", "invalid_choice", gettext("Convert to “html” or “visual”."), 400)
