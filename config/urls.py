from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Workflow automation: administration")
admin.site.site_title = _("Workflow automation")
admin.site.index_title = _("Administration")


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("k/", include("customers.urls")),
    path("api/", include("config.api_urls")),
    path("", include("config.pages")),
]
