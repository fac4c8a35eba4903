"""Codes for the reasons, errors and skip reasons stored before codes existed.

Until 0003 the engine and its neighbours stored interpolated English ("step 2 waits until
2026-03-30T13:00:00+00:00", "Step 1 failed: Lager: lager.example.no answered HTTP 503.") and
the pages parsed it back with regular expressions to translate it. This reads each stored text
once, with those same patterns (kept here, as they were, and nowhere else), and writes the
code and parameters of ``core.reasons`` beside it; the English text stays as it is. A text that
matches nothing (an SMTP server's answer, an exception's message) becomes the code
``outside`` with the text as its parameter, so it is shown as stored.

Only rows without a code are read, so running it again (or after new rows were written with
codes) changes nothing. The codes are written out here rather than imported: a migration must
keep meaning what it meant when it was written.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import migrations

OUTSIDE = "outside"
BATCH = 1000

#: Stored texts without parameters -> their code.
FIXED = {
    "started by hand": "execution.started_by_hand",
    "due by schedule": "execution.due",
    "due by schedule, queued ahead of its due time": "execution.due_ahead",
    "missed: outside the grace window": "execution.missed",
    "picked up by a worker": "execution.picked_up",
    "workflow is no longer active": "execution.workflow_inactive",
    "the schedule changed: no longer due at this time": "execution.schedule_changed",
    "wait is over": "execution.wait_over",
    "all steps done": "execution.completed",
    "no worker holds it any more: queued again": "execution.requeued",
    "paused": "execution.paused",
    "resumed": "execution.resumed",
    "cancelled": "execution.cancelled",
    "retried": "execution.retried",
    "customer no longer exists": "email.customer_gone",
    "execution cancelled": "action.cancelled",
    "step is inactive": "skip.step_inactive",
    "condition does not hold": "skip.condition",
    "no previous order to repeat": "skip.no_previous_order",
    "no email address": "skip.no_email",
    "customer inactive": "skip.customer_inactive",
    "bounce/complaint": "skip.bounce_or_complaint",
    "unsubscribed": "skip.unsubscribed",
    "The URL is empty.": "http.url_empty",
    "The URL contains spaces or control characters.": "http.url_spaces",
    "The URL is not valid (check the host and port).": "http.url_invalid",
    "a URL without a scheme": "http.no_scheme",
    "URLs with a user name or password in them are not allowed; store credentials in the "
    "integration's authentication settings instead.": "http.userinfo",
    "The URL has no host name.": "http.no_host",
    "a cloud metadata service address": "http.address.metadata",
    "an unspecified address": "http.address.unspecified",
    "a link-local address": "http.address.link_local",
    "a multicast address": "http.address.multicast",
    "a loopback address": "http.address.loopback",
    "a shared (carrier-grade NAT) address": "http.address.shared",
    "a reserved address": "http.address.reserved",
    "a private network address": "http.address.private",
    "an address that is not publicly routable": "http.address.not_global",
    "The request has an invalid header name or value.": "http.invalid_header",
    "The path must be text.": "integration.path_text",
    "The path must not contain spaces, backslashes or control characters (percent-encode "
    "them).": "integration.path_characters",
    "The path must be relative to the integration's base URL, without a scheme or host.": (
        "integration.path_absolute"
    ),
    "The path must not contain a fragment (#).": "integration.path_fragment",
    "The path must not contain '..' segments.": "integration.path_dots",
    "The path leads outside the integration's base URL.": "integration.path_outside",
    "no customers to tell about": "notify_staff.no_customers",
}

#: (stored text as written, its code), most specific first: the first whole match wins. The
#: texts of executions/reasons.py's TEMPLATES before codes.
TEMPLATES = (
    ("created (%(trigger)s)", "execution.created"),
    ("event %(event)s", "execution.event"),
    ("step %(step)s waits until %(at)s", "execution.waits"),
    ("step %(step)s will be retried in %(seconds)ss: %(error)s", "execution.retry"),
    ("step %(step)s done", "execution.step_done"),
    ("Step %(step)s failed after %(retries)s retries: %(error)s", "step.failed_after_retries"),
    ("Step %(step)s failed unexpectedly: %(error)s", "step.crashed"),
    ("Step %(step)s failed: %(error)s", "step.failed"),
    ("Step %(step)s: %(count)s action(s) failed", "step.actions_failed"),
    ("%(count)s action(s) failed", "actions.failed"),
    ("email template not found: %(config)s", "email.template_not_found"),
    ("integration %(id)s is gone", "integration.gone"),
    ("the report could not be sent: %(error)s", "report.not_sent"),
    ("the notice to staff could not be sent: %(error)s", "notify_staff.not_sent"),
    ("nobody to tell: %(name)s has no active user with an email", "notify_staff.nobody"),
    ("unknown recipients: %(recipients)s", "selection.unknown_recipients"),
    ("unknown window: %(window)s", "selection.unknown_window"),
    ("unknown check: %(check)s", "selection.unknown_check"),
    ("address suppressed (%(reason)s)", "skip.suppressed"),
    ("The integration “%(name)s” is switched off.", "integration.inactive"),
    (
        "The credentials of integration “%(name)s” cannot be decrypted with the configured "
        "FIELD_ENCRYPTION_KEYS; enter them again.",
        "integration.credentials_unreadable",
    ),
    ("The method %(method)s is not allowed; use one of %(methods)s.", "integration.method"),
    ("%(host)s answered HTTP %(status)s.", "http.status"),
    ("The host name %(host)s could not be resolved.", "http.dns_unresolved"),
    ("The host name %(host)s has no address.", "http.dns_no_address"),
    ("The host name %(host)s is not valid.", "http.host_invalid"),
    ("Only http and https URLs are allowed, not %(scheme)s.", "http.scheme"),
    (
        "Refused to connect to %(host)s (%(ip)s): it is a cloud metadata service address.",
        "http.refused_metadata",
    ),
    (
        "Refused to connect to %(host)s: it is %(reason)s. Integrations may only call public "
        "internet addresses.",
        "http.refused",
    ),
    ("%(reason)s (embedded in an IPv6 address)", "http.address.embedded"),
    (
        "The response from %(where)s is %(size)s bytes; the limit is %(limit)s bytes.",
        "http.too_large",
    ),
    (
        "The response from %(where)s is larger than the limit of %(limit)s bytes.",
        "http.too_large_streamed",
    ),
    ("The TLS certificate of %(host)s could not be verified: %(detail)s.", "http.tls"),
    ("Could not talk to %(where)s: %(detail)s.", "http.connection"),
    ("%(where)s did not answer in time.", "http.timeout"),
    ("%(host)s redirected more than %(max)s times; giving up.", "http.redirects"),
)
#: "<integration name>: <its error>", only where an error may be nested.
INTEGRATION_FAILED = re.compile(r"(?P<name>.+?): (?P<error>.+)", re.DOTALL)
#: "<exception class>: <its message>", the error of step.crashed.
EXCEPTION = re.compile(r"(?P<type>[A-Za-z_][\w.]*): (?P<error>.*)", re.DOTALL)

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
_NUMBERS = frozenset(
    {"step", "retries", "seconds", "count", "status", "size", "limit", "max", "id"}
)
_NESTED = frozenset({"error", "reason", "scheme"})


def _pattern(stored: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(stored)
    regex = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            regex.append(re.escape(part))
        else:
            value = r"\d+" if part in _NUMBERS else r".+?"
            regex.append(f"(?P<{part}>{value})")
    return re.compile("".join(regex), re.DOTALL)


PATTERNS = [(_pattern(stored), code) for stored, code in TEMPLATES]


def _coded(text: str, *, nested: bool = False) -> tuple[str, dict[str, Any]] | None:
    """(code, params) of a stored text, or None when it is no text the product wrote."""
    if nested:
        # First: "Lager: lager.example.no answered HTTP 503." is the integration's name and
        # its error, not a host called "Lager: lager.example.no". Only an error the product
        # wrote counts: anything else with a colon in it (an SMTP answer) is outside words.
        match = INTEGRATION_FAILED.fullmatch(text)
        if match is not None and _coded(match.group("error")) is not None:
            return "integration.failed", {
                "name": match.group("name"),
                "error": _param(match.group("error")),
            }
    code = FIXED.get(text)
    if code is not None:
        return code, {}
    for pattern, code in PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        params: dict[str, Any] = {}
        for name, value in match.groupdict().items():
            if name in _NUMBERS:
                params[name] = int(value)
            elif name in _NESTED:
                params[name] = _param(value)
            else:
                params[name] = value
        if code == "step.crashed":
            crash = EXCEPTION.fullmatch(match.group("error"))
            if crash is not None:
                params["type"], params["error"] = crash.group("type"), _param(crash.group("error"))
            else:
                params["type"] = ""
        return code, params
    return None


def _param(text: str) -> Any:
    """A nested part: a reason as {"code", "params"}, or outside words as they are."""
    coded = _coded(text, nested=True)
    if coded is None:
        return text
    return {"code": coded[0], "params": coded[1]}


def code_of(text: str) -> tuple[str, dict[str, Any]]:
    """The code and parameters for a stored text; ("", {}) for no text."""
    if not text:
        return "", {}
    return _coded(text) or (OUTSIDE, {"text": text})


def _batches(queryset):
    batch = []
    for row in queryset.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _code_column(model, text_field: str, code_field: str, params_field: str) -> None:
    cache: dict[str, tuple[str, dict[str, Any]]] = {}
    rows = (
        model.objects.filter(**{code_field: ""}).exclude(**{text_field: ""}).only("pk", text_field)
    )
    for batch in _batches(rows):
        for row in batch:
            text = getattr(row, text_field)
            if text not in cache:
                cache[text] = code_of(text)
            code, params = cache[text]
            setattr(row, code_field, code)
            setattr(row, params_field, params)
        model.objects.bulk_update(batch, [code_field, params_field])


def _code_skips(model) -> None:
    cache: dict[str, tuple[str, dict[str, Any]]] = {}
    rows = (
        model.objects.filter(result_data__has_key="reason")
        .exclude(result_data__has_key="reason_code")
        .only("pk", "result_data")
    )
    for batch in _batches(rows):
        for row in batch:
            text = str(row.result_data.get("reason") or "")
            if text not in cache:
                cache[text] = code_of(text)
            code, params = cache[text]
            row.result_data["reason_code"] = code
            if params:
                row.result_data["reason_params"] = params
        model.objects.bulk_update(batch, ["result_data"])


def forwards(apps, schema_editor) -> None:
    _code_column(
        apps.get_model("executions", "ExecutionTransition"),
        "reason",
        "reason_code",
        "reason_params",
    )
    _code_column(
        apps.get_model("executions", "WorkflowExecution"),
        "error_message",
        "error_code",
        "error_params",
    )
    log = apps.get_model("executions", "WorkflowActionLog")
    _code_column(log, "error_message", "error_code", "error_params")
    _code_skips(log)


class Migration(migrations.Migration):
    dependencies = [
        ("executions", "0003_reason_codes"),
    ]

    # Backwards: the English texts were never changed, and 0003's reversal drops the codes.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
