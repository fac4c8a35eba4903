from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from customers.models import Customer
from templates_app.models import EmailTemplate
from templates_app.rendering import TemplateRenderError
from templates_app.services import (
    TEMPLATE_FIELDS,
    TemplateValidationError,
    template_create,
    template_preview,
    template_update,
)

PREVIEW_PARAMETER = "preview_customer"
# The preview's customer picker lists this many; any other customer works by ?preview_customer=.
PREVIEW_CUSTOMER_CHOICES = 200


def _line_prefixed(message: str, line: int | None) -> str:
    if line is None or message.lower().startswith(gettext("line").lower()):
        return message
    return gettext("Line %(line)d: %(message)s") % {"line": line, "message": message}


class VariablesField(forms.CharField):
    """The template's variable names as "kunde_navn, bestilling_link" rather than JSON."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(str(name) for name in value)
        return value

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value)
        return [name for name in re.split(r"[\s,]+", text) if name]


class EmailTemplateForm(ModelForm):
    """Saves through ``template_create`` / ``template_update`` in ``clean()``, so the sandbox
    check runs for the admin as for every other door; its problems land on their fields."""

    variables = VariablesField(
        label=_("Variables"),
        required=False,
        help_text=_("Names the template uses besides the built-in ones, comma separated."),
    )

    class Meta:
        model = EmailTemplate
        fields = list(TEMPLATE_FIELDS)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        data = {name: cleaned[name] for name in TEMPLATE_FIELDS if name in cleaned}
        try:
            if self.instance.pk:
                saved = template_update(template=self.instance, data=data)
            else:
                saved = template_create(**data)
        except TemplateValidationError as exc:
            self._add_template_errors(exc)
        else:
            # The admin logs and redirects to the saved row; model validation that follows
            # (unique name) must see that row, not an unsaved copy of it.
            self.instance = saved
        return cleaned

    def _add_template_errors(self, exc: TemplateValidationError) -> None:
        from_problems = {problem.message for problem in exc.problems}
        for problem in exc.problems:
            field = problem.field if problem.field in self.fields else None
            self.add_error(
                field,
                ValidationError(_line_prefixed(problem.message, problem.line), code=problem.code),
            )
        # Model validation (e.g. a name that is taken) comes without a line.
        for field_name, errors in exc.error_dict.items():
            for error in errors:
                if error.message in from_problems:
                    continue
                self.add_error(field_name if field_name in self.fields else None, error)


@admin.register(EmailTemplate)
class EmailTemplateAdmin(admin.ModelAdmin):
    form = EmailTemplateForm
    change_form_template = "admin/templates_app/emailtemplate/change_form.html"
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
        "reply_to",
        "created_at",
        "updated_at",
    ]

    # The form's clean() saved through the services; the admin only needs the result.
    def save_form(self, request: HttpRequest, form: ModelForm, change: bool) -> EmailTemplate:
        return form.instance

    def save_model(
        self, request: HttpRequest, obj: EmailTemplate, form: ModelForm, change: bool
    ) -> None:
        pass

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list[Any], change: bool
    ) -> None:
        pass

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        extra_context = {**(extra_context or {}), **self._preview_context(request, object_id)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _preview_context(self, request: HttpRequest, object_id: str) -> dict[str, Any]:
        """The saved template rendered by ``template_preview``, for sample data or a customer."""
        template = self.get_object(request, object_id)
        if template is None:
            return {}
        customer: Customer | None = None
        raw_id = request.GET.get(PREVIEW_PARAMETER, "")
        preview_error = ""
        if raw_id:
            customer = Customer.objects.filter(pk=raw_id).first() if raw_id.isdigit() else None
            if customer is None:
                preview_error = gettext("No customer with id %(id)s.") % {"id": raw_id}
        choices = list(
            Customer.objects.order_by("name", "pk").only("pk", "name", "email")[
                :PREVIEW_CUSTOMER_CHOICES
            ]
        )
        if customer is not None and customer not in choices:
            choices.insert(0, customer)
        preview = None
        try:
            preview = template_preview(template_or_data=template, customer=customer)
        except (TemplateValidationError, TemplateRenderError) as exc:
            # Only possible for a row saved around the services: say what is wrong with it.
            problems = getattr(exc, "problems", [])
            preview_error = "; ".join(
                _line_prefixed(problem.message, problem.line) for problem in problems
            ) or str(exc)
        return {
            "preview": preview,
            "preview_error": preview_error,
            "preview_customer": customer,
            "preview_customers": choices,
            "preview_parameter": PREVIEW_PARAMETER,
        }
