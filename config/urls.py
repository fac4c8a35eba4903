from django.contrib import admin
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.defaults import page_not_found

admin.site.site_header = _("Workflow automation: administration")
admin.site.site_title = _("Workflow automation")
admin.site.index_title = _("Administration")


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """An address nothing answers: the API's error shape under /api/, a page elsewhere."""
    if request.path.startswith("/api/"):
        body = {"errors": [{"path": "", "code": "not_found", "message": "Not found."}]}
        return JsonResponse(body, status=404)
    return page_not_found(request, exception)


handler404 = not_found

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("ops.urls")),  # readyz, metrics
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("k/", include("customers.urls")),
    path("api/", include("config.api_urls")),
    path("", include("config.pages")),
]
