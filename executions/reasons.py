"""Texts the engine stores, shown in the reader's language: transition reasons, errors, skips.

What the engine writes into the database (``ExecutionTransition.reason``, an execution's
``error_message``, an action log's ``error_message`` and ``result_data["reason"]``) stays in
English: it is written by workers that serve nobody in particular, it must not depend on
who happened to trigger the write, and tests, searches in the admin and the API's fields
read it as a stable value. Each text is marked with ``gettext_noop`` where it is written, so
``makemessages`` extracts it, and is translated where it is shown, by ``reason_label``:

1. a fixed text ("wait is over") is looked up in the catalogues as it is (in ``CONTEXT``
   first);
2. a text with variable parts ("step 2 waits until 2025-03-06T15:00:00+01:00", "Step 3
   failed: <the step's error>") is matched against ``TEMPLATES``: the parts are taken out,
   made readable (a moment in the reader's time zone and format, a trigger by its name, an
   error, a reason or a detail by ``reason_label`` itself) and put into the translated
   template;
3. anything else (an SMTP server's answer, a text written before it was marked) is shown as
   it is stored.

A new reason with variable parts needs its template here; ``tests/executions/test_reasons.py``
fails for a ``gettext_noop`` template of the writing modules that is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop, ngettext_lazy, pgettext, pgettext_lazy

from executions.models import WorkflowExecution

__all__ = ["CONTEXT", "TEMPLATES", "reason_label"]

#: The translation context of a stored text whose English word means something else
#: elsewhere in the interface (a customer filter's "unsubscribed" is "avmelding", a skip
#: reason's is "avmeldt"). Looked up first; ``_IN_CONTEXT`` lists them for makemessages.
CONTEXT = "stored reason"
_IN_CONTEXT = (pgettext_lazy("stored reason", "unsubscribed"),)  # a literal, for xgettext

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
#: Parts that are whole numbers (they also decide the plural of a label).
_NUMBERS = frozenset(
    {"step", "retries", "seconds", "count", "status", "size", "limit", "max", "id"}
)
_NUMBER, _ANY = r"\d+", r".+?"
#: Parts that are themselves stored texts: an exception's message, a refusal's reason.
_NESTED = frozenset({"error", "reason", "scheme"})


@dataclass(frozen=True)
class Template:
    """A stored text with variable parts: ``stored`` as written (English, ``%(name)s`` for each
    part) and, when it is not just ``gettext(stored)``, the ``label`` shown for it."""

    stored: str
    label: Promise | str | None = None
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = _PLACEHOLDER.split(self.stored)
        regex = []
        for index, part in enumerate(parts):
            if index % 2 == 0:
                regex.append(re.escape(part))
            else:
                value = _NUMBER if part in _NUMBERS else _ANY
                regex.append(f"(?P<{part}>{value})")
        object.__setattr__(self, "pattern", re.compile("".join(regex), re.DOTALL))

    def render(self, params: dict[str, Any]) -> str:
        if self.label is None:
            return gettext(self.stored) % params
        return str(self.label % params)


#: Most specific first: the first template that matches a whole text is used.
TEMPLATES: tuple[Template, ...] = (
    # executions/services.py, executions/events.py: how an execution came to be.
    Template(gettext_noop("created (%(trigger)s)")),
    Template(gettext_noop("event %(event)s")),
    # executions/engine.py
    Template(gettext_noop("step %(step)s waits until %(at)s")),
    Template(gettext_noop("step %(step)s will be retried in %(seconds)ss: %(error)s")),
    Template(gettext_noop("step %(step)s done")),
    Template(
        "Step %(step)s failed after %(retries)s retries: %(error)s",
        ngettext_lazy(
            "Step %(step)s failed after %(retries)s retry: %(error)s",
            "Step %(step)s failed after %(retries)s retries: %(error)s",
            "retries",
        ),
    ),
    Template(gettext_noop("Step %(step)s failed unexpectedly: %(error)s")),
    Template(gettext_noop("Step %(step)s failed: %(error)s")),
    Template(
        "Step %(step)s: %(count)s action(s) failed",
        ngettext_lazy(
            "Step %(step)s: %(count)s action failed",
            "Step %(step)s: %(count)s actions failed",
            "count",
        ),
    ),
    # The step types' errors (executions/steps/ and their helpers).
    Template(
        "%(count)s action(s) failed",
        ngettext_lazy("%(count)s action failed", "%(count)s actions failed", "count"),
    ),
    Template(gettext_noop("email template not found: %(config)s")),
    Template(gettext_noop("integration %(id)s is gone")),
    Template(gettext_noop("the report could not be sent: %(error)s")),
    Template(gettext_noop("the notice to staff could not be sent: %(error)s")),
    Template(gettext_noop("nobody to tell: %(name)s has no active user with an email")),
    # customers/selection.py: a definition the validator should have refused (shown after
    # "Step 1 failed unexpectedly: ValueError: ").
    Template(gettext_noop("unknown recipients: %(recipients)s")),
    Template(gettext_noop("unknown window: %(window)s")),
    Template(gettext_noop("unknown check: %(check)s")),
    # templates_app/services.py: why a customer gets no email.
    Template(gettext_noop("address suppressed (%(reason)s)")),
    # automation/integrations.py: an integration that cannot be called.
    Template(gettext_noop("The integration “%(name)s” is switched off.")),
    Template(
        gettext_noop(
            "The credentials of integration “%(name)s” cannot be decrypted with the configured "
            "FIELD_ENCRYPTION_KEYS; enter them again."
        )
    ),
    Template(gettext_noop("The method %(method)s is not allowed; use one of %(methods)s.")),
    # automation/http.py: an outbound request that failed or was refused.
    Template(gettext_noop("%(host)s answered HTTP %(status)s.")),
    Template(gettext_noop("The host name %(host)s could not be resolved.")),
    Template(gettext_noop("The host name %(host)s has no address.")),
    Template(gettext_noop("The host name %(host)s is not valid.")),
    Template(gettext_noop("Only http and https URLs are allowed, not %(scheme)s.")),
    Template(
        gettext_noop(
            "Refused to connect to %(host)s (%(ip)s): it is a cloud metadata service address."
        )
    ),
    Template(
        gettext_noop(
            "Refused to connect to %(host)s: it is %(reason)s. Integrations may only call "
            "public internet addresses."
        )
    ),
    Template(gettext_noop("%(reason)s (embedded in an IPv6 address)")),
    Template(
        gettext_noop("The response from %(where)s is %(size)s bytes; the limit is %(limit)s bytes.")
    ),
    Template(
        gettext_noop("The response from %(where)s is larger than the limit of %(limit)s bytes.")
    ),
    Template(gettext_noop("The TLS certificate of %(host)s could not be verified: %(detail)s.")),
    Template(gettext_noop("Could not talk to %(where)s: %(detail)s.")),
    Template(gettext_noop("%(where)s did not answer in time.")),
    Template(gettext_noop("%(host)s redirected more than %(max)s times; giving up.")),
    # executions/steps/call_integration.py: "<integration name>: <its error>". Last, since it
    # matches any "a: b"; only the part after the colon is translated.
    Template("%(name)s: %(error)s", "%(name)s: %(error)s"),
)


def _moment(value: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def _trigger(value: str) -> str:
    labels = dict(WorkflowExecution.Trigger.choices)
    return str(labels[value]).lower() if value in labels else value


def _param(name: str, value: str) -> Any:
    if name in _NUMBERS:
        return int(value)
    if name == "at":
        return _moment(value)
    if name == "trigger":
        return _trigger(value)
    if name in _NESTED:
        return reason_label(value)
    return value


def reason_label(text: str | None) -> str:
    """``text`` as stored by the engine, in the active language (see the module docstring)."""
    if not text:
        return ""  # gettext("") would be the catalogue's header
    for translated in (pgettext(CONTEXT, text), gettext(text)):
        if translated != text:
            return translated
    for template in TEMPLATES:
        match = template.pattern.fullmatch(text)
        if match is not None:
            params = {name: _param(name, value) for name, value in match.groupdict().items()}
            return template.render(params)
    return text
