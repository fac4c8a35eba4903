"""The email template pages: the list and the editor with its live preview.

Server-rendered with HTMX: each page is one template with ``{% partialdef %}`` sections, and an
HTMX request gets only the section it swaps. Every write and every preview goes through
``templates_app.services``, so the sandbox check runs here exactly as in the admin and the API.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.decorators import require_role
from accounts.roles import BUSINESS, DEVELOPER, VIEWER, user_has_role
from core.pages import HtmxHttpRequest, render_page
from customers.models import Customer
from templates_app.models import EmailTemplate
from templates_app.rendering import (
    BUILTIN_VARIABLES,
    TemplateCheck,
    TemplateRenderError,
    template_check,
)
from templates_app.services import (
    TEMPLATE_FIELDS,
    TemplateValidationError,
    template_create,
    template_preview,
    template_update,
)
from templates_app.visual import (
    document_to_editor,
    editor_to_document,
    email_to_visual,
    visual_to_email,
)

LIST_PAGE = "templates_app/template_list.html"
EDITOR_PAGE = "templates_app/template_editor.html"
PER_PAGE = 25
#: The preview's customer picker lists this many; any other customer works by ?kunde=<id>.
PREVIEW_CUSTOMER_CHOICES = 100
PREVIEW_CUSTOMER_PARAM = "kunde"

#: What each built-in variable holds, for the list beside the editor.
BUILTIN_VARIABLE_HELP: dict[str, Any] = {
    "kunde_navn": _("The customer's name"),
    "bestilling_link": _("Link to the customer's order form"),
    "avmeldingslenke": _("Unsubscribe link"),
    "firma_navn": _("Your company's name"),
}
assert set(BUILTIN_VARIABLE_HELP) == BUILTIN_VARIABLES

STARTER_SUBJECT = "Hei {{ kunde_navn }}"
STARTER_HTML = (
    "<p>Hei {{ kunde_navn }}!</p>\n"
    '<p><a href="{{ bestilling_link }}">Bestill her</a></p>\n'
    "<p>Hilsen {{ firma_navn }}</p>\n"
    '<p><a href="{{ avmeldingslenke }}">Meld deg av</a></p>\n'
)


# --- Helpers --------------------------------------------------------------------------------


def _parse_variables(text: str) -> list[str]:
    return [name for name in re.split(r"[\s,]+", text or "") if name]


def _category_choices(current: str | None = None) -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = list(EmailTemplate.Category.choices)
    known = {value for value, _label in choices}
    # Categories are free slugs: keep the ones businesses added (and the template's own).
    extra = set(EmailTemplate.objects.values_list("category", flat=True).distinct())
    if current:
        extra.add(current)
    choices.extend((value, value) for value in sorted(extra - known) if value)
    return choices


class TemplateForm(forms.Form):
    """Parses the editor's fields; the services decide whether the template is acceptable."""

    name = forms.CharField(label=_("Name"), max_length=200)
    category = forms.ChoiceField(label=_("Category"))
    subject = forms.CharField(label=_("Subject"), max_length=300)
    # Required unless the visual editor's content (body_visual) is what was posted.
    body_html = forms.CharField(label=_("HTML"), required=False, strip=False, widget=forms.Textarea)
    body_mode = forms.ChoiceField(
        choices=[("visual", "visual"), ("html", "html")], required=False, initial="html"
    )
    body_visual = forms.CharField(label=_("Content"), required=False, strip=False)
    body_text = forms.CharField(
        label=_("Text version"), required=False, strip=False, widget=forms.Textarea
    )
    variables = forms.CharField(label=_("Your own variables"), required=False)
    reply_to = forms.EmailField(label=_("Reply-to address"), required=False, max_length=254)

    def __init__(self, *args: Any, current_category: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        selected = self.data.get("category") if self.is_bound else current_category
        self.fields["category"].choices = _category_choices(selected or current_category)

    def clean_variables(self) -> list[str]:
        return _parse_variables(self.cleaned_data.get("variables", ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("body_mode") == "visual":
            # The visual editor's content is sanitised and laid out as email HTML here; the
            # posted body_html (the HTML mode's copy) is ignored.
            visual = cleaned.get("body_visual") or ""
            if not editor_to_document(visual):
                self.add_error("body_visual", gettext("Write the content of the email."))
            cleaned["body_html"] = visual_to_email(visual)
        elif not cleaned.get("body_html"):
            self.add_error("body_html", forms.Field.default_error_messages["required"])
        return cleaned


def _initial(template: EmailTemplate | None) -> dict[str, Any]:
    if template is None:
        return {
            "category": EmailTemplate.Category.BESTILLING,
            "subject": STARTER_SUBJECT,
            "body_html": STARTER_HTML,
        }
    return {
        "name": template.name,
        "category": template.category,
        "subject": template.subject,
        "body_html": template.body_html,
        "body_text": template.body_text,
        "variables": ", ".join(template.variables or []),
        "reply_to": template.reply_to,
    }


def _source_data(form: TemplateForm) -> dict[str, Any]:
    """The template as typed, valid or not: what the preview renders."""
    values = {name: form[name].value() or "" for name in TEMPLATE_FIELDS}
    values["variables"] = _parse_variables(values["variables"])
    if form["body_mode"].value() == "visual":
        values["body_html"] = visual_to_email(form["body_visual"].value() or "")
    return values


def _undeclared(check: TemplateCheck, declared: list[str]) -> list[str]:
    """Variables the template uses without declaring them: the preview still renders (with
    "[name]" in their place) and the editor marks them, while saving refuses them."""
    return sorted(check.used_variables - BUILTIN_VARIABLES - set(declared))


def _problem(message: str, line: int | None) -> dict[str, Any]:
    # Most messages from the checker already start with "Line N:"; say it once.
    prefix = gettext("Line %(line)d") % {"line": line} if line else ""
    if line and not message.startswith(prefix):
        message = gettext("Line %(line)d: %(message)s") % {"line": line, "message": message}
    return {"line": line, "message": message}


def _problems_by_field(exc: TemplateValidationError) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for problem in sorted(exc.problems, key=lambda p: (p.field, p.line or 0)):
        field = problem.field if problem.field in TEMPLATE_FIELDS else "non_field"
        grouped.setdefault(field, []).append(_problem(problem.message, problem.line))
        seen.add(problem.message)
    # Model validation (a name that is taken) comes without a line.
    for field, errors in exc.error_dict.items():
        for error in errors:
            for message in error.messages:
                if message not in seen:
                    key = field if field in TEMPLATE_FIELDS else "non_field"
                    grouped.setdefault(key, []).append(_problem(message, None))
    return grouped


def _without_lines(
    problems: dict[str, list[dict[str, Any]]], field_name: str
) -> dict[str, list[dict[str, Any]]]:
    """Problems of a body written in the visual editor: the lines of the HTML made from it
    mean nothing to its writer, so "Line 12: " goes."""
    for problem in problems.get(field_name, []):
        if problem["line"]:
            problem["message"] = re.sub(r"^\S+ \d+: ", "", problem["message"], count=1)
            problem["line"] = None
    return problems


def _preview_customer(params: Mapping[str, Any]) -> tuple[Customer | None, str]:
    raw = str(params.get(PREVIEW_CUSTOMER_PARAM, "") or "").strip()
    if not raw:
        return None, ""
    customer = Customer.objects.filter(pk=raw).first() if raw.isdigit() else None
    if customer is None:
        return None, gettext("No customer with id %(id)s.") % {"id": raw}
    return customer, ""


def _preview_context(
    *, source: EmailTemplate | Mapping[str, Any], customer: Customer | None, customer_error: str
) -> dict[str, Any]:
    """The rendered preview, the checker's warnings and the variables the template may use."""
    if isinstance(source, EmailTemplate):
        fields = {name: getattr(source, name) for name in TEMPLATE_FIELDS}
    else:
        fields = dict(source)
    declared = [name for name in fields.get("variables") or [] if isinstance(name, str)]
    check = template_check(
        subject=fields.get("subject") or "",
        body_html=fields.get("body_html") or "",
        body_text=fields.get("body_text") or "",
        variables=declared,
    )
    preview = None
    problems: list[dict[str, Any]] = []
    undeclared = _undeclared(check, declared)
    others = [p for p in check.errors if p.code != "undeclared_variable"]
    if not others:
        try:
            # Undeclared variables render as "[name]" here (declared for the preview only).
            preview = template_preview(
                template_or_data={**fields, "variables": declared + undeclared},
                customer=customer,
            )
        except (TemplateValidationError, TemplateRenderError) as exc:
            # Met while rendering (too large a result, say): shown like the checker's.
            problems = [{**_problem(p.message, p.line), "field": p.field} for p in exc.problems]
    else:
        problems = [
            {**_problem(p.message, p.line), "field": p.field}
            for p in sorted(check.errors, key=lambda p: (p.field, p.line or 0))
        ]
    variables = [
        {"name": name, "help": help_text, "builtin": True, "used": name in check.used_variables}
        for name, help_text in BUILTIN_VARIABLE_HELP.items()
    ] + [
        {"name": name, "help": "", "builtin": False, "used": name in check.used_variables}
        for name in declared
        if name not in BUILTIN_VARIABLES
    ]
    choices = list(
        Customer.objects.order_by("name", "pk").only("pk", "name", "email")[
            :PREVIEW_CUSTOMER_CHOICES
        ]
    )
    if customer is not None and customer not in choices:
        choices.insert(0, customer)
    return {
        "preview": preview,
        "preview_problems": problems,
        "preview_warnings": [_problem(p.message, p.line) for p in check.warnings],
        "preview_customer": customer,
        "preview_customer_error": customer_error,
        "preview_customers": choices,
        "variables": variables,
        "undeclared_variables": undeclared,
    }


def _editor_context(
    request: HttpRequest,
    *,
    template: EmailTemplate | None,
    form: TemplateForm,
    problems: Mapping[str, list[dict[str, Any]]] | None = None,
    customer: Customer | None = None,
    customer_error: str = "",
) -> dict[str, Any]:
    if form.is_bound or template is None:
        source: EmailTemplate | Mapping[str, Any] = _source_data(form)
    else:
        source = template
    preview_url = (
        reverse("templates_app:preview", args=[template.pk])
        if template is not None
        else reverse("templates_app:preview-new")
    )
    can_edit = user_has_role(request.user, BUSINESS)
    return {
        "template": template,
        "form": form,
        "problems": problems or {},
        "can_edit": can_edit,
        **_body_modes(request, form=form, can_edit=can_edit),
        "preview_url": preview_url,
        "preview_param": PREVIEW_CUSTOMER_PARAM,
        "default_reply_to": getattr(settings, "DEFAULT_REPLY_TO", "") or "",
        **_preview_context(source=source, customer=customer, customer_error=customer_error),
    }


def _body_modes(request: HttpRequest, *, form: TemplateForm, can_edit: bool) -> dict[str, Any]:
    """Which editor the body opens in, and the visual editor's content.

    Business users get the visual editor; developers the HTML (Monaco) with the visual one a
    click away. A body the visual editor cannot show all of opens in HTML for developers and
    as a read-only preview ("readonly") for business users, so that nothing is lost unseen.
    """
    developer = user_has_role(request.user, DEVELOPER)
    posted_mode = form["body_mode"].value() if form.is_bound else None
    if posted_mode == "visual":
        # What was posted, back as the sanitiser keeps it (as it would be saved).
        posted = editor_to_document(form["body_visual"].value() or "")
        visual_html: str | None = document_to_editor(posted)
    else:
        visual_html = email_to_visual(form["body_html"].value() or "")
    if not can_edit:
        mode = "html"  # read-only in Monaco, as before: viewers read the HTML
    elif posted_mode in ("visual", "html") and (developer or posted_mode == "visual"):
        mode = posted_mode
    elif developer:
        mode = "html"
    else:
        mode = "visual" if visual_html is not None else "readonly"
    return {
        "is_developer": developer,
        "body_mode": mode,
        "visual_html": visual_html or "",
        "visual_possible": visual_html is not None,
    }


# --- Views ----------------------------------------------------------------------------------


@require_role(VIEWER)
@require_GET
def template_list(request: HtmxHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    category = request.GET.get("kategori", "").strip()
    templates = EmailTemplate.objects.order_by("name")
    if query:
        templates = templates.filter(Q(name__icontains=query) | Q(subject__icontains=query))
    if category:
        templates = templates.filter(category=category)
    page = Paginator(templates, PER_PAGE).get_page(request.GET.get("side"))
    # Categories are free slugs; the known ones have a translated label.
    labels = dict(EmailTemplate.Category.choices)
    for template in page.object_list:
        template.category_label = labels.get(template.category, template.category)
    context = {
        "page": page,
        "query": query,
        "category": category,
        "categories": _category_choices(),
        "can_edit": user_has_role(request.user, BUSINESS),
    }
    return render_page(request, LIST_PAGE, "results", context)


@require_role(BUSINESS)
@require_http_methods(["GET", "POST"])
def template_new(request: HtmxHttpRequest) -> HttpResponse:
    return _editor(request, template=None)


@require_role(VIEWER, write=BUSINESS)
@require_http_methods(["GET", "POST"])
def template_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(EmailTemplate, pk=pk)
    return _editor(request, template=template)


def _editor(request: HtmxHttpRequest, *, template: EmailTemplate | None) -> HttpResponse:
    current = template.category if template else None
    problems: dict[str, list[dict[str, Any]]] = {}
    if request.method == "POST":
        form = TemplateForm(request.POST, current_category=current)
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in TEMPLATE_FIELDS}
            try:
                if template is None:
                    saved = template_create(**data)
                else:
                    saved = template_update(template=template, data=data)
            except TemplateValidationError as exc:
                problems = _problems_by_field(exc)
                if form.cleaned_data.get("body_mode") == "visual":
                    problems = _without_lines(problems, "body_html")
            else:
                messages.success(
                    request, gettext("Saved the template “%(name)s”.") % {"name": saved.name}
                )
                url = reverse("templates_app:edit", args=[saved.pk])
                # Keep the customer the preview was showing.
                chosen = request.POST.get(PREVIEW_CUSTOMER_PARAM, "")
                return redirect(
                    f"{url}?{PREVIEW_CUSTOMER_PARAM}={chosen}" if chosen.isdigit() else url
                )
    else:
        form = TemplateForm(initial=_initial(template), current_category=current)
    customer, customer_error = _preview_customer(request.POST or request.GET)
    context = _editor_context(
        request,
        template=template,
        form=form,
        problems=problems,
        customer=customer,
        customer_error=customer_error,
    )
    return render_page(request, EDITOR_PAGE, "editor", context)


@require_role(VIEWER, write=BUSINESS)
@require_http_methods(["GET", "POST"])
def template_preview_view(request: HtmxHttpRequest, pk: int | None = None) -> HttpResponse:
    """The preview of the template as typed (POST) or as saved (GET), for a chosen customer.

    HTMX swaps in the preview section; without JavaScript the "Preview" button posts here and
    gets the whole editor back, with the typed values kept.
    """
    template = get_object_or_404(EmailTemplate, pk=pk) if pk is not None else None
    if request.method == "POST":
        form = TemplateForm(request.POST, current_category=template and template.category)
    elif template is None:
        return redirect("templates_app:new")
    else:
        form = TemplateForm(initial=_initial(template), current_category=template.category)
    customer, customer_error = _preview_customer(request.POST or request.GET)
    context = _editor_context(
        request, template=template, form=form, customer=customer, customer_error=customer_error
    )
    return render_page(request, EDITOR_PAGE, "preview", context)
