"""Why something happened, stored as a code: the one catalogue of the reasons, errors and skip
reasons that the engine and its neighbours record, and how they are shown.

A writer records a ``Reason``: a code of ``CATALOGUE`` and its parameters, plain JSON
(numbers, strings, moments in ISO 8601, nested reasons as ``{"code", "params"}``)::

    Reason("step.failed", step=2, error=Reason.of(exc))

It stores the code and the parameters (``reason_code``/``reason_params`` of a transition,
``error_code``/``error_params`` of an execution or an action log, ``reason_code``/
``reason_params`` beside ``reason`` in a skipped action's ``result_data``) and, in the text
column that was there before codes (``reason``, ``error_message``, ``result_data["reason"]``),
``Reason.text``: the English text. That column stays the API's field and what the admin
searches; nothing reads it back to find out what it means.

Whatever shows a reason calls ``label`` (or a model's ``reason_label``/``error_label``): the
catalogue's text through gettext in the active language, a moment in the active time zone and
date format, a nested reason rendered the same way. What an outside system said (an SMTP
server's answer, an exception's message, a provider's bounce reason) is a parameter, a plain
string, shown as it is; an error that is nothing but such words has the code ``outside``. A
row without a code (written by hand, or before codes in a form the migration did not know) is
shown as it is stored.

The texts are marked for ``makemessages``: ``gettext_noop``, and ``ngettext_noop`` and
``pgettext_noop`` below, which ``core/management/commands/makemessages.py`` declares as
keywords. To add a reason: a ``Text`` here (or, for a step type that keeps everything about
itself in its own module, ``extend(Text(...))`` there), its nb translation, and
``Reason("its.code", ...)`` where it is written; ``tests/executions/test_reasons.py`` checks
that every code the writers use is catalogued and translated.

This module is in ``core`` because the writers are in every layer (customer selection,
email skip reasons, outbound HTTP, the engine) and imports only flow downwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import (
    get_language,
    gettext,
    gettext_lazy,
    gettext_noop,
    ngettext,
    pgettext,
)

__all__ = [
    "CATALOGUE",
    "OUTSIDE",
    "Reason",
    "ReasonError",
    "Text",
    "extend",
    "label",
    "label_of_result",
    "names",
    "no_error",
]

#: The code of an error that is nothing but an outside system's own words (``text``).
OUTSIDE = "outside"
#: Longest string parameter kept: an exception's message can be a whole server answer.
MAX_PARAM_LENGTH = 2000
#: The length of ``ExecutionTransition.reason``, the English text of a transition.
REASON_TEXT_LENGTH = 500


# --- Marking texts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """A text with a plural or a context, as ``ngettext_noop``/``pgettext_noop`` mark it."""

    singular: str
    plural: str | None = None
    context: str | None = None


def ngettext_noop(singular: str, plural: str) -> Message:
    """Marks a text with a plural for makemessages (keyword ``ngettext_noop:1,2``)."""
    return Message(singular, plural=plural)


def pgettext_noop(context: str, message: str) -> Message:
    """Marks a text in a context for makemessages (keyword ``pgettext_noop:1c,2``)."""
    return Message(message, context=context)


# --- How parameters are shown ------------------------------------------------------------------


def moment(value: Any) -> str:
    """An ISO 8601 moment in the active time zone and date format (as stored if unreadable)."""
    try:
        at = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if timezone.is_aware(at):
        at = timezone.localtime(at)
    return formats.date_format(at, "SHORT_DATETIME_FORMAT")


#: An execution's trigger by its name: the labels of ``WorkflowExecution.Trigger`` (same
#: msgids; ``core`` may not import ``executions``, and a test keeps the two equal).
TRIGGERS = {
    "schedule": gettext_lazy("Schedule"),
    "manual": gettext_lazy("Manual"),
    "event": gettext_lazy("Event"),
    "test": gettext_lazy("Test run"),
    "retry": gettext_lazy("Retry"),
}


def trigger(value: Any) -> str:
    name = TRIGGERS.get(str(value))
    return str(name).lower() if name is not None else str(value)


# --- The catalogue ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """The English text of a code, with ``%(name)s`` for each parameter."""

    code: str
    message: str | Message
    #: The parameter whose number chooses between singular and plural.
    count: str | None = None
    #: How a parameter is shown to readers (a moment, a trigger); others as stored.
    shown: Mapping[str, Callable[[Any], str]] = field(default_factory=dict)
    #: False for a text that is only outside words put together ("%(name)s: %(error)s").
    translated: bool = True

    @property
    def singular(self) -> str:
        return self.message if isinstance(self.message, str) else self.message.singular

    @property
    def plural(self) -> str | None:
        return None if isinstance(self.message, str) else self.message.plural

    @property
    def context(self) -> str | None:
        return None if isinstance(self.message, str) else self.message.context

    def _number(self, params: Mapping[str, Any]) -> int:
        try:
            return int(params.get(self.count or "", 0))
        except (TypeError, ValueError):
            return 0

    def english(self, params: Mapping[str, Any]) -> str:
        if self.plural is not None and self._number(params) != 1:
            return self.plural
        return self.singular

    def translated_text(self, params: Mapping[str, Any]) -> str:
        """The text in the active language, before its parameters are put in."""
        if not self.translated:
            return self.singular
        if self.plural is not None:
            return ngettext(self.singular, self.plural, self._number(params))
        if self.context is not None:
            return pgettext(self.context, self.singular)
        return gettext(self.singular)


def _catalogue(texts: Iterable[Text]) -> dict[str, Text]:
    catalogue: dict[str, Text] = {}
    for text in texts:
        if text.code in catalogue:
            raise ValueError(f"the reason code {text.code} is in the catalogue twice")
        catalogue[text.code] = text
    return catalogue


CATALOGUE: dict[str, Text] = _catalogue(
    [
        Text(OUTSIDE, "%(text)s", translated=False),
        # How an execution came to be and moved on: a transition's reason.
        Text(
            "execution.created", gettext_noop("created (%(trigger)s)"), shown={"trigger": trigger}
        ),
        Text("execution.started_by_hand", gettext_noop("started by hand")),
        Text("execution.event", gettext_noop("event %(event)s")),
        Text("execution.due", gettext_noop("due by schedule")),
        Text("execution.due_ahead", gettext_noop("due by schedule, queued ahead of its due time")),
        Text("execution.missed", gettext_noop("missed: outside the grace window")),
        # The holiday policy: a planned run on a public holiday or a closed day.
        Text("execution.holiday_skipped", gettext_noop("skipped: %(holiday)s")),
        Text(
            "execution.holiday_moved",
            gettext_noop("due by schedule, moved from %(planned)s: %(holiday)s"),
            shown={"planned": moment},
        ),
        Text("execution.picked_up", gettext_noop("picked up by a worker")),
        Text("execution.workflow_inactive", gettext_noop("workflow is no longer active")),
        Text(
            "execution.schedule_changed",
            gettext_noop("the schedule changed: no longer due at this time"),
        ),
        Text(
            "execution.waits",
            gettext_noop("step %(step)s waits until %(at)s"),
            shown={"at": moment},
        ),
        Text(
            "execution.waits_moved",
            gettext_noop("step %(step)s waits until %(at)s, moved from %(planned)s: %(holiday)s"),
            shown={"at": moment, "planned": moment},
        ),
        Text("execution.wait_over", gettext_noop("wait is over")),
        Text(
            "execution.retry",
            gettext_noop("step %(step)s will be retried in %(seconds)ss: %(error)s"),
        ),
        Text("execution.step_done", gettext_noop("step %(step)s done")),
        Text("execution.completed", gettext_noop("all steps done")),
        Text("execution.requeued", gettext_noop("no worker holds it any more: queued again")),
        Text("execution.paused", gettext_noop("paused")),
        Text("execution.resumed", gettext_noop("resumed")),
        Text("execution.cancelled", gettext_noop("cancelled")),
        Text("execution.retried", gettext_noop("retried")),
        # Why an execution failed: its error (and its last transition's reason).
        Text("step.failed", gettext_noop("Step %(step)s failed: %(error)s")),
        Text(
            "step.failed_after_retries",
            ngettext_noop(
                "Step %(step)s failed after %(retries)s retry: %(error)s",
                "Step %(step)s failed after %(retries)s retries: %(error)s",
            ),
            count="retries",
        ),
        Text(
            "step.crashed",
            gettext_noop("Step %(step)s failed unexpectedly: %(type)s: %(error)s"),
        ),
        Text(
            "step.actions_failed",
            ngettext_noop(
                "Step %(step)s: %(count)s action failed", "Step %(step)s: %(count)s actions failed"
            ),
            count="count",
        ),
        # The step types' errors (executions/steps/, executions/one_off.py).
        Text(
            "actions.failed",
            ngettext_noop("%(count)s action failed", "%(count)s actions failed"),
            count="count",
        ),
        Text("email.template_not_found", gettext_noop("email template not found: %(config)s")),
        Text("email.customer_gone", gettext_noop("customer no longer exists")),
        Text(
            "email.provider_bounced",
            gettext_noop("%(provider)s reported the email as not delivered: %(detail)s"),
        ),
        Text("action.cancelled", gettext_noop("execution cancelled")),
        Text("integration.gone", gettext_noop("integration %(id)s is gone")),
        # "<the integration's name>: <its error>": only the error is translated.
        Text("integration.failed", "%(name)s: %(error)s", translated=False),
        Text("report.not_sent", gettext_noop("the report could not be sent: %(error)s")),
        # customers/selection.py: a definition the validator should have refused.
        Text("selection.unknown_recipients", gettext_noop("unknown recipients: %(recipients)s")),
        Text("selection.unknown_window", gettext_noop("unknown window: %(window)s")),
        Text("selection.unknown_check", gettext_noop("unknown check: %(check)s")),
        # Why an action was skipped (result_data of a skipped action).
        Text("skip.step_inactive", gettext_noop("step is inactive")),
        Text("skip.condition", gettext_noop("condition does not hold")),
        Text("skip.holiday", gettext_noop("skipped: %(holiday)s")),
        Text("skip.no_previous_order", gettext_noop("no previous order to repeat")),
        Text("skip.no_email", gettext_noop("no email address")),
        Text("skip.customer_inactive", gettext_noop("customer inactive")),
        Text(
            "skip.no_event_customer",
            gettext_noop("no recipient: the event named no known, active customer"),
        ),
        Text("skip.suppressed", gettext_noop("address suppressed (%(reason)s)")),
        Text("skip.bounce_or_complaint", gettext_noop("bounce/complaint")),
        # A customer filter's "unsubscribed" is "avmelding", a skip reason's is "avmeldt".
        Text("skip.unsubscribed", pgettext_noop("stored reason", "unsubscribed")),
        # automation/integrations.py: an integration that cannot be called.
        Text("integration.inactive", gettext_noop("The integration “%(name)s” is switched off.")),
        Text(
            "integration.credentials_unreadable",
            gettext_noop(
                "The credentials of integration “%(name)s” cannot be decrypted with the "
                "configured FIELD_ENCRYPTION_KEYS; enter them again."
            ),
        ),
        Text(
            "integration.method",
            gettext_noop("The method %(method)s is not allowed; use one of %(methods)s."),
        ),
        Text("integration.path_text", gettext_noop("The path must be text.")),
        Text(
            "integration.path_characters",
            gettext_noop(
                "The path must not contain spaces, backslashes or control characters "
                "(percent-encode them)."
            ),
        ),
        Text(
            "integration.path_absolute",
            gettext_noop(
                "The path must be relative to the integration's base URL, without a scheme or host."
            ),
        ),
        Text(
            "integration.path_fragment", gettext_noop("The path must not contain a fragment (#).")
        ),
        Text("integration.path_dots", gettext_noop("The path must not contain '..' segments.")),
        Text(
            "integration.path_outside",
            gettext_noop("The path leads outside the integration's base URL."),
        ),
        # automation/http.py: an outbound request that was refused or failed.
        Text("http.status", gettext_noop("%(host)s answered HTTP %(status)s.")),
        Text("http.url_empty", gettext_noop("The URL is empty.")),
        Text("http.url_spaces", gettext_noop("The URL contains spaces or control characters.")),
        Text("http.url_invalid", gettext_noop("The URL is not valid (check the host and port).")),
        Text("http.scheme", gettext_noop("Only http and https URLs are allowed, not %(scheme)s.")),
        Text("http.no_scheme", gettext_noop("a URL without a scheme")),
        Text(
            "http.userinfo",
            gettext_noop(
                "URLs with a user name or password in them are not allowed; store credentials "
                "in the integration's authentication settings instead."
            ),
        ),
        Text("http.no_host", gettext_noop("The URL has no host name.")),
        Text("http.host_invalid", gettext_noop("The host name %(host)s is not valid.")),
        Text("http.dns_unresolved", gettext_noop("The host name %(host)s could not be resolved.")),
        Text("http.dns_no_address", gettext_noop("The host name %(host)s has no address.")),
        Text(
            "http.refused",
            gettext_noop(
                "Refused to connect to %(host)s: it is %(reason)s. Integrations may only call "
                "public internet addresses."
            ),
        ),
        Text(
            "http.refused_metadata",
            gettext_noop(
                "Refused to connect to %(host)s (%(ip)s): it is a cloud metadata service address."
            ),
        ),
        # What an address is (the %(reason)s of http.refused).
        Text("http.address.embedded", gettext_noop("%(reason)s (embedded in an IPv6 address)")),
        Text("http.address.metadata", gettext_noop("a cloud metadata service address")),
        Text("http.address.unspecified", gettext_noop("an unspecified address")),
        Text("http.address.link_local", gettext_noop("a link-local address")),
        Text("http.address.multicast", gettext_noop("a multicast address")),
        Text("http.address.loopback", gettext_noop("a loopback address")),
        Text("http.address.shared", gettext_noop("a shared (carrier-grade NAT) address")),
        Text("http.address.reserved", gettext_noop("a reserved address")),
        Text("http.address.private", gettext_noop("a private network address")),
        Text(
            "http.address.not_global",
            gettext_noop("an address that is not publicly routable"),
        ),
        Text(
            "http.invalid_header",
            gettext_noop("The request has an invalid header name or value."),
        ),
        Text(
            "http.too_large",
            gettext_noop(
                "The response from %(where)s is %(size)s bytes; the limit is %(limit)s bytes."
            ),
        ),
        Text(
            "http.too_large_streamed",
            gettext_noop(
                "The response from %(where)s is larger than the limit of %(limit)s bytes."
            ),
        ),
        Text("http.timeout", gettext_noop("%(where)s did not answer in time.")),
        Text(
            "http.tls",
            gettext_noop("The TLS certificate of %(host)s could not be verified: %(detail)s."),
        ),
        Text("http.connection", gettext_noop("Could not talk to %(where)s: %(detail)s.")),
        Text(
            "http.redirects",
            gettext_noop("%(host)s redirected more than %(max)s times; giving up."),
        ),
    ]
)


def extend(*texts: Text) -> None:
    """Add texts to the catalogue: how a step type whose module owns everything about it
    (``automation.registry``) brings its own reasons, at import. Adding the same text again
    does nothing; another text under a code already taken is an error."""
    for text in texts:
        if CATALOGUE.setdefault(text.code, text) != text:
            raise ValueError(f"the reason code {text.code} is taken by another text")


# --- Rendering ---------------------------------------------------------------------------------


class _Params(dict):
    """Parameters to put into a text: a missing one (a text changed after rows were
    written) leaves a gap instead of breaking a page."""

    def __missing__(self, key: str) -> str:
        return ""


def _nested(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) and "code" in value else None


def _names(value: Any) -> Mapping[str, Any] | None:
    """A name in each language (``{"nb": "17. mai", "en": "Constitution Day"}``)."""
    return value if isinstance(value, Mapping) and set(value) == {"nb", "en"} else None


def names(*, nb: str, en: str) -> dict[str, str]:
    """A parameter that is a name in each language, shown in the reader's (a holiday's name
    from the ``holidays`` package, a closed day's name)."""
    return {"nb": nb[:MAX_PARAM_LENGTH], "en": en[:MAX_PARAM_LENGTH]}


def _local_name(value: Mapping[str, Any]) -> str:
    language = get_language() or "nb"
    return str(value["en"] if language.startswith("en") else value["nb"])


def _english(code: str, params: Mapping[str, Any]) -> str:
    text = CATALOGUE.get(code)
    if text is None:  # a code nobody catalogued: tests/executions/test_reasons.py fails
        return code
    values = _Params()
    for name, value in params.items():
        nested = _nested(value)
        if nested is not None:
            values[name] = _english(nested["code"], nested.get("params") or {})
        elif (both := _names(value)) is not None:
            values[name] = both["en"]
        else:
            values[name] = value
    return text.english(params) % values


def label(code: str | None, params: Mapping[str, Any] | None = None, text: str = "") -> str:
    """A stored reason in the active language; ``text`` (what is stored beside the code)
    when there is no code or it is not in the catalogue."""
    entry = CATALOGUE.get(code or "")
    if entry is None:
        return text or ""
    params = params if isinstance(params, Mapping) else {}
    values = _Params()
    for name, value in params.items():
        nested = _nested(value)
        if nested is not None:
            values[name] = label(nested["code"], nested.get("params"), nested.get("text", ""))
        elif name in entry.shown:
            values[name] = entry.shown[name](value)
        elif (both := _names(value)) is not None:
            values[name] = _local_name(both)
        else:
            values[name] = value
    return entry.translated_text(params) % values


def label_of_result(result: Mapping[str, Any] | None) -> str:
    """Why an action was skipped, from its ``result_data``, in the active language."""
    result = result or {}
    return label(result.get("reason_code"), result.get("reason_params"), result.get("reason", ""))


def no_error() -> dict[str, Any]:
    """The error fields of an execution or an action log that has none."""
    return {"error_message": "", "error_code": "", "error_params": {}}


# --- The value writers store -----------------------------------------------------------------


def _storable(value: Any) -> Any:
    """A parameter as JSON: nested reasons as ``{"code", "params"}`` (outside words as the
    plain string they are), moments in ISO 8601, long texts cut."""
    if isinstance(value, Reason):
        if value.code == OUTSIDE:
            return value.params.get("text", "")
        return value.as_json()
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value[:MAX_PARAM_LENGTH]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if _nested(value) is not None or _names(value) is not None:
        return dict(value)
    return str(value)[:MAX_PARAM_LENGTH]


class Reason:
    """A code of ``CATALOGUE`` and its parameters (JSON), as a writer stores it."""

    __slots__ = ("_text", "code", "params")

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params: dict[str, Any] = {name: _storable(value) for name, value in params.items()}
        self._text: str | None = None

    @classmethod
    def outside(cls, words: object) -> Reason:
        """What an outside system said, to be shown as it is."""
        return cls(OUTSIDE, text=str(words))

    @classmethod
    def of(cls, exc: BaseException) -> Reason:
        """The reason an exception carries (``ReasonError``), else its message as outside
        words."""
        reason = getattr(exc, "reason", None)
        return reason if isinstance(reason, Reason) else cls.outside(exc)

    @classmethod
    def stored(cls, code: str, params: Mapping[str, Any] | None, text: str = "") -> Reason:
        """A reason read back from its columns; a row without a code is its stored text."""
        return cls(code, **(params or {})) if code else cls.outside(text)

    @property
    def text(self) -> str:
        """In English, as stored in the text column beside the code."""
        if self._text is None:
            self._text = _english(self.code, self.params)
        return self._text

    def label(self) -> str:
        """In the active language."""
        return label(self.code, self.params, self.text)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.params}

    def error_fields(self) -> dict[str, Any]:
        """The error fields of an execution or an action log that failed for this reason."""
        return {
            "error_message": self.text,
            "error_code": self.code,
            "error_params": dict(self.params),
        }

    def reason_fields(self) -> dict[str, Any]:
        """The reason fields of a transition."""
        return {
            "reason": self.text[:REASON_TEXT_LENGTH],
            "reason_code": self.code,
            "reason_params": dict(self.params),
        }

    def result_fields(self) -> dict[str, Any]:
        """What a skipped action's ``result_data`` keeps of why it was skipped."""
        fields: dict[str, Any] = {"reason": self.text, "reason_code": self.code}
        if self.params:
            fields["reason_params"] = dict(self.params)
        return fields

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reason):
            return NotImplemented
        return (self.code, self.params) == (other.code, other.params)

    __hash__ = None  # type: ignore[assignment]  # mutable parameters

    def __repr__(self) -> str:
        params = "".join(f", {name}={value!r}" for name, value in self.params.items())
        return f"Reason({self.code!r}{params})"

    def __str__(self) -> str:
        return self.text


class ReasonError(Exception):
    """An exception whose message is a ``Reason``: ``str()`` is its English text and
    ``reason`` what is stored. A plain string is taken as outside words."""

    def __init__(self, reason: Reason | str) -> None:
        self.reason = reason if isinstance(reason, Reason) else Reason.outside(reason)
        super().__init__(self.reason.text)
