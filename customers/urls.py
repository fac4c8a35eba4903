from anymail import urls as anymail_urls
from django.urls import URLPattern, include, path

from customers import views


def _anymail_patterns() -> list[URLPattern]:
    # Anymail's tracking and inbound webhooks for every ESP, each refused until the webhook
    # secret is configured (see views.webhook_secret_required).
    return [
        URLPattern(
            pattern.pattern,
            views.webhook_secret_required(pattern.callback),
            pattern.default_args,
            pattern.name,
        )
        for pattern in anymail_urls.urlpatterns
        if isinstance(pattern, URLPattern)
    ]


app_name = "customers"
urlpatterns = [
    path("avmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("bestill/<str:token>/", views.order_form, name="order-form"),
    path("bestill/<str:token>/takk/<int:order_id>/", views.order_thanks, name="order-thanks"),
    path("anymail/", include((_anymail_patterns(), "anymail"))),
]
