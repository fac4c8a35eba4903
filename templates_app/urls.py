"""Business users' pages of this app (HTMX, server-rendered), mounted at /maler/."""

from django.urls import URLPattern, path

from templates_app import views, visual_views

app_name = "templates_app"
urlpatterns: list[URLPattern] = [
    path("", views.template_list, name="list"),
    path("ny/", views.template_new, name="new"),
    path("ny/forhandsvisning/", views.template_preview_view, name="preview-new"),
    path("visuell/konverter/", visual_views.visual_convert, name="visual-convert"),
    path("<int:pk>/", views.template_edit, name="edit"),
    path("<int:pk>/forhandsvisning/", views.template_preview_view, name="preview"),
]
