from __future__ import annotations

from django.contrib import admin

from templates_app.models import EmailTemplate


@admin.register(EmailTemplate)
class EmailTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "subject", "updated_at"]
    list_filter = ["category"]
    search_fields = ["name", "subject"]
    readonly_fields = ["created_at", "updated_at"]
    fields = [
        "name",
        "category",
        "subject",
        "body_html",
        "body_text",
        "variables",
        "created_at",
        "updated_at",
    ]
