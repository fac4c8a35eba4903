"""Writes and previews of email templates, and the email-address state they depend on.

The admin, the API, the pages and the AI assistant all create templates through
``template_create`` / ``template_update`` and preview through ``template_preview``, so the
sandbox check runs whichever door a template comes in by.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.recording import audit_changes, audit_record, audit_snapshot
from core.reasons import Reason
from core.text import unstorable_text
from customers.models import Customer
from templates_app.models import EmailTemplate
from templates_app.rendering import (
    RenderedEmail,
    TemplateCheck,
    TemplateProblem,
    TemplateRenderError,
    render_email,
    template_check,
)

#: Fields a caller may set; the rest (ids, timestamps) belong to the database.
TEMPLATE_FIELDS = (
    "name",
    "subject",
    "body_html",
    "body_text",
    "variables",
    "category",
    "reply_to",
)
#: What the audit trail records of a template's changes.
AUDITED_FIELDS = (*TEMPLATE_FIELDS, "needs_review")


class TemplateValidationError(ValidationError):
    """A ValidationError keyed by field that also keeps the structured problems (with lines)."""

    def __init__(self, problems: list[TemplateProblem], extra: ValidationError | None = None):
        errors: dict[str, list[ValidationError]] = {}
        for problem in problems:
            errors.setdefault(problem.field, []).append(
                # The message is final text (it may quote the user's template, "%" and all):
                # escaped, since Django applies ``params`` to it with "%".
                ValidationError(
                    problem.message.replace("%", "%%"),
                    code=problem.code,
                    params={"line": problem.line},
                )
            )
        if extra is not None:
            for field_name, messages in extra.error_dict.items():
                errors.setdefault(field_name, []).extend(messages)
        super().__init__(errors)
        self.problems = problems

    def as_api_errors(self) -> list[dict[str, Any]]:
        """The workflow format's error list: a JSON pointer per problem, plus its line."""
        result = [
            {
                "path": f"/{problem.field}",
                "code": problem.code,
                "message": problem.message,
                "line": problem.line,
            }
            for problem in self.problems
        ]
        known = {problem.message for problem in self.problems}
        for field_name, errors in self.error_dict.items():
            for error in errors:
                message = next(iter(error.messages))
                if message not in known:
                    result.append(
                        {
                            "path": f"/{field_name}",
                            "code": error.code or "invalid",
                            "message": message,
                        }
                    )
        return result


def _unstorable(template: EmailTemplate) -> list[TemplateProblem]:
    """Fields holding text PostgreSQL cannot store (a NUL, an unpaired surrogate): JSON and
    the AI's answers can spell both. Refused here, not as a database error on save."""
    problems: list[TemplateProblem] = []
    for field_name in ("name", "subject", "body_html", "body_text", "category", "reply_to"):
        value = getattr(template, field_name)
        if isinstance(value, str) and unstorable_text(value):
            problems.append(
                TemplateProblem(
                    field_name,
                    None,
                    "invalid_text",
                    _(
                        "The text contains a NUL character or invalid Unicode (an unpaired "
                        "surrogate), which cannot be saved."
                    ),
                )
            )
    return problems


def _check_instance(template: EmailTemplate) -> TemplateCheck:
    check = template_check(
        subject=template.subject or "",
        body_html=template.body_html or "",
        body_text=template.body_text or "",
        variables=template.variables or [],
    )
    check.errors.extend(_unstorable(template))
    return check


def _validate(template: EmailTemplate) -> TemplateCheck:
    check = _check_instance(template)
    model_errors: ValidationError | None = None
    try:
        # Not with unstorable text: the uniqueness check would send it to the database.
        if not _unstorable(template):
            template.full_clean()
    except ValidationError as exc:
        model_errors = exc
    problems = list(check.errors)
    if check.ok:
        # The sample email must render within the limits: a template that can only ever
        # fail at send (one far too large, say) is refused now, with the part that is wrong.
        try:
            render_email(template=template, customer=None, sample=True)
        except TemplateRenderError as exc:
            problems.extend(exc.problems)
    if problems or model_errors is not None:
        raise TemplateValidationError(problems, model_errors)
    return check


def template_create(
    *,
    name: str,
    subject: str,
    body_html: str,
    body_text: str = "",
    variables: list[str] | None = None,
    category: str = EmailTemplate.Category.BESTILLING,
    reply_to: str = "",
    needs_review: bool = False,
) -> EmailTemplate:
    """Create a template that passed the sandbox check; raises TemplateValidationError.

    ``needs_review``: a draft (the assistant's) that no workflow may send until a person
    saved it (``template_update``)."""
    template = EmailTemplate(
        name=name.strip(),
        subject=subject.strip(),
        body_html=body_html,
        body_text=body_text,
        variables=list(variables or []),
        category=category,
        reply_to=reply_to.strip(),
        needs_review=needs_review,
    )
    _validate(template)
    with transaction.atomic():
        template.save()
        audit_record(
            action=AuditEvent.Action.CREATE,
            obj=template,
            changes=audit_changes(None, audit_snapshot(template, AUDITED_FIELDS)),
        )
    return template


def template_update(*, template: EmailTemplate, data: Mapping[str, Any]) -> EmailTemplate:
    """Change the given fields; nothing is saved (and the instance is unchanged) when invalid."""
    unknown = set(data) - set(TEMPLATE_FIELDS)
    if unknown:
        raise ValueError(f"unknown template fields: {sorted(unknown)}")
    candidate = EmailTemplate.objects.get(pk=template.pk) if template.pk else template
    before = audit_snapshot(candidate, AUDITED_FIELDS)
    for field_name, value in data.items():
        if field_name in ("name", "subject", "reply_to") and isinstance(value, str):
            value = value.strip()
        setattr(candidate, field_name, value)
    # Saved by a person (or an integrator) who had it in front of them: reviewed.
    candidate.needs_review = False
    _validate(candidate)
    with transaction.atomic():
        candidate.save()
        changes = audit_changes(before, audit_snapshot(candidate, AUDITED_FIELDS))
        if changes:
            audit_record(action=AuditEvent.Action.UPDATE, obj=candidate, changes=changes)
    for field_name in (*TEMPLATE_FIELDS, "needs_review", "updated_at"):
        setattr(template, field_name, getattr(candidate, field_name))
    return template


def template_preview(
    *,
    template_or_data: EmailTemplate | Mapping[str, Any],
    customer: Customer | None = None,
    extra: Mapping[str, Any] | None = None,
) -> RenderedEmail:
    """The email a customer (or the sample customer Kari Nordmann) would get.

    Accepts a saved template or unsaved form/API data (subject, body_html, body_text,
    variables), which is checked first: a preview never renders what could not be saved.
    Show ``RenderedEmail.preview_html`` (sanitised), never ``html``, inside our pages.
    """
    if isinstance(template_or_data, EmailTemplate):
        template = template_or_data
    else:
        template = EmailTemplate(
            name=str(template_or_data.get("name", "")),
            subject=str(template_or_data.get("subject", "")),
            body_html=str(template_or_data.get("body_html", "")),
            body_text=str(template_or_data.get("body_text", "") or ""),
            variables=list(template_or_data.get("variables") or []),
            category=str(template_or_data.get("category") or EmailTemplate.Category.BESTILLING),
            reply_to=str(template_or_data.get("reply_to") or "").strip(),
        )
    check = _check_instance(template)
    if not check.ok:
        raise TemplateValidationError(check.errors)
    try:
        return render_email(
            template=template, customer=customer, extra=dict(extra or {}), sample=True
        )
    except TemplateRenderError as exc:
        # Limits met while rendering (a variable argument out of range, too large a result).
        raise TemplateValidationError(exc.problems) from None


# --- Address state from the email provider --------------------------------------------------


def email_address_suppress(*, email: str, reason: str, at: datetime | None = None) -> int:
    """Stop all email to an address that bounced or complained; returns customers changed.

    Every customer with the address is suppressed (it is the address that is bad). The first
    suppression is kept: its date and reason are what support needs to see.
    """
    email = email.strip()
    if not email:
        return 0
    now = timezone.now()
    return Customer.objects.filter(email__iexact=email, suppressed_at__isnull=True).update(
        suppressed_at=at or now, suppression_reason=reason[:200], updated_at=now
    )


#: The customer fields ``email_skip_reason`` reads: enough to load for it (and nothing more).
SKIP_REASON_FIELDS = (
    "pk",
    "email",
    "active",
    "suppressed_at",
    "suppression_reason",
    "unsubscribed_at",
)


class Addressee(Protocol):
    """What ``email_skip_reason`` reads of a customer: a Customer, or a row of
    ``values_list(*SKIP_REASON_FIELDS, named=True)``."""

    email: str
    active: bool
    suppressed_at: datetime | None
    suppression_reason: str
    unsubscribed_at: datetime | None


_NO_EMAIL = Reason("skip.no_email")
_INACTIVE = Reason("skip.customer_inactive")
_SUPPRESSED = Reason("skip.suppressed", reason=Reason("skip.bounce_or_complaint"))
_UNSUBSCRIBED = Reason("skip.unsubscribed")


def email_skip_reason(*, template: EmailTemplate, customer: Addressee) -> Reason | None:
    """Why ``customer`` gets no email from ``template``, or None when it may be sent.

    Inactive customers, missing and suppressed addresses get nothing; unsubscribed customers
    still get transactional categories (order confirmations). The engine logs the reason's
    code (``core.reasons``); the pages show it in the reader's language.
    """
    if not customer.email:
        return _NO_EMAIL
    if not customer.active:
        return _INACTIVE
    if customer.suppressed_at is not None:
        if customer.suppression_reason:  # the provider's own words
            return Reason("skip.suppressed", reason=customer.suppression_reason)
        return _SUPPRESSED
    if customer.unsubscribed_at is not None and not template.is_transactional:
        return _UNSUBSCRIBED
    return None


def email_allowed(*, template: EmailTemplate, customer: Customer) -> bool:
    """Whether ``customer`` may get an email from ``template`` at all."""
    return email_skip_reason(template=template, customer=customer) is None
