"""Business users' pages of this app (HTMX, server-rendered), mounted at /assistent/:
the three ways to a new workflow (AI chat, script editor, template gallery)."""

from django.urls import URLPattern, path

from ai_assistant import views

app_name = "ai_assistant"
urlpatterns: list[URLPattern] = [
    path("", views.chat_view, name="chat"),
    path("melding/", views.chat_message_view, name="chat-message"),
    path("opprett/", views.chat_confirm_view, name="chat-confirm"),
    path("bruk-mal/", views.chat_use_template_view, name="chat-use-template"),
    path("skript/", views.script_editor_view, name="script-editor"),
    path("skript/sjekk/", views.script_check_view, name="script-check"),
    path("galleri/", views.gallery_view, name="gallery"),
    path("galleri/<slug:slug>/", views.gallery_use_view, name="gallery-use"),
]
