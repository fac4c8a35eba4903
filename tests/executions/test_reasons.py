"""Reasons, errors and skip reasons are stored as codes with parameters (``core.reasons``) and
shown in the reader's language; the English text beside them is written once, never parsed.

- every code a writer uses is in the catalogue, and every catalogued text is translated;
- a stored reason renders in nb and en: moments in the reader's zone and format, plurals,
  nested reasons, outside words as they are;
- the writers (engine, dispatcher in both stores, claims, skip reasons, outbound HTTP) store
  codes, and the English text as before;
- the data migration turns each text stored before codes into the right code;
- the pages, the admin, the API and the alert email show them from their codes.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from automation.http import UnsafeURLError, check_url
from core.reasons import CATALOGUE, OUTSIDE, TRIGGERS, Reason, Text, extend, label
from customers.models import Customer
from executions import alerts, engine
from executions.models import ExecutionTransition, WorkflowActionLog, WorkflowExecution
from executions.store import ActionRow, DispatchRow, SentRecord, store
from templates_app.services import email_skip_reason
from tests.automation.workflow_docs import make_refs
from tests.pages.workflow_helpers import client_as, example_workflow, make_execution, no_celery

BASE_DIR = Path(settings.BASE_DIR)
SOURCES = sorted(
    path
    for app in ("core", "accounts", "customers", "templates_app", "automation", "executions")
    for path in (BASE_DIR / app).rglob("*.py")
    if "migrations" not in path.parts
)
MIGRATION = importlib.import_module("executions.migrations.0004_reason_codes_from_texts")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def nb(code: str, **params: Any) -> str:
    with translation.override("nb"):
        return Reason(code, **params).label()


def en(code: str, **params: Any) -> str:
    with translation.override("en"):
        return Reason(code, **params).label()


# --- The catalogue and its writers -----------------------------------------------------------


def written_codes() -> dict[str, list[str]]:
    """Every code the source writes -> where: ``Reason("code", ...)`` and the ``failed=``
    code a one-off step hands over."""
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else ""
            values = []
            if name == "Reason" and node.args:
                values.append(node.args[0])
            values += [k.value for k in node.keywords if k.arg == "failed"]
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    where = f"{path.relative_to(BASE_DIR)}:{node.lineno}"
                    found.setdefault(value.value, []).append(where)
    return found


def test_every_code_a_writer_uses_is_in_the_catalogue_and_every_entry_is_used() -> None:
    written = written_codes()
    assert len(written) > 60, "the scan found too little: did the writers move?"
    missing = [
        f"{code} ({', '.join(where)})" for code, where in written.items() if code not in CATALOGUE
    ]
    assert not missing, "codes written but not in core/reasons.py:\n" + "\n".join(missing)
    unused = set(CATALOGUE) - set(written) - {OUTSIDE}  # Reason.outside() writes that one
    assert not unused, f"catalogued but written nowhere: {sorted(unused)}"


def test_no_writer_stores_interpolated_english_any_more() -> None:
    # The old way, which the pages had to parse back: gettext_noop("…%(name)s…") % {...}.
    # The texts of the catalogue (``Text(code, gettext_noop(…))``) are what it should be.
    offenders = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        catalogued = {
            id(arg)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Text"
            for arg in node.args
        }
        for node in ast.walk(tree):
            if (
                id(node) not in catalogued
                and isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "gettext_noop"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and _PLACEHOLDER.search(str(node.args[0].value))
            ):
                offenders.append(f"{path.relative_to(BASE_DIR)}:{node.lineno}")
    assert not offenders, "store a Reason (core.reasons) instead:\n" + "\n".join(offenders)


def sample(text: Text, count: int = 2) -> dict[str, Any]:
    """Parameters for ``text`` as a writer would give them."""
    params: dict[str, Any] = {}
    for name in _PLACEHOLDER.findall(text.singular + (text.plural or "")):
        if name == text.count or name in {"step", "seconds", "status", "size", "limit", "max"}:
            params[name] = count
        elif name == "at":
            params[name] = "2026-03-30T13:00:00+00:00"
        elif name == "trigger":
            params[name] = "manual"
        elif name in {"error", "reason"}:
            params[name] = Reason("skip.customer_inactive")
        else:
            params[name] = f"<{name}>"
    return params


@pytest.mark.parametrize("text", CATALOGUE.values(), ids=lambda t: t.code)
def test_every_entry_renders_in_both_languages(text: Text) -> None:
    for count in (1, 2):
        params = sample(text, count)
        shown_nb, shown_en = nb(text.code, **params), en(text.code, **params)
        for shown in (shown_nb, shown_en):
            assert "%(" not in shown
            for value in params.values():
                if isinstance(value, str) and value.startswith("<"):
                    assert value in shown  # outside words as they are
        if params.get("error") or params.get("reason"):
            assert "kunden er inaktiv" in shown_nb  # a nested reason, translated too
            assert "customer inactive" in shown_en
        stored = Reason(text.code, **params).text
        assert stored.isascii() or "“" in stored, stored  # English, whoever wrote it
        if text.translated:
            assert shown_nb != stored, f"{text.code} is not translated in nb"
        if not ({"at", "trigger"} & set(params)):
            assert shown_en == stored  # English readers see what is stored


def test_the_triggers_are_named_as_the_model_names_them() -> None:
    assert {value: str(name) for value, name in TRIGGERS.items()} == {
        value: str(name) for value, name in WorkflowExecution.Trigger.choices
    }


def test_a_step_type_may_bring_its_own_reasons() -> None:
    own = Text("test.own", "our own text %(n)s")
    extend(own)
    try:
        extend(own)  # its module imported again: the same text, no harm
        assert Reason("test.own", n=3).text == "our own text 3"
        with pytest.raises(ValueError, match=r"test\.own"):
            extend(Text("test.own", "another text"))
    finally:
        CATALOGUE.pop("test.own")


# --- Rendering ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "english", "norwegian"),
    [
        ("execution.wait_over", "wait is over", "ventetiden er over"),
        ("execution.started_by_hand", "started by hand", "startet manuelt"),
        ("execution.paused", "paused", "satt på pause"),
        (
            "execution.missed",
            "missed: outside the grace window",
            "ikke kjørt: utenfor fristen for forsinket kjøring",
        ),
        ("skip.step_inactive", "step is inactive", "steget er inaktivt"),
        (
            "skip.no_previous_order",
            "no previous order to repeat",
            "ingen tidligere bestilling å gjenta",
        ),
        ("email.customer_gone", "customer no longer exists", "kunden finnes ikke lenger"),
        ("skip.customer_inactive", "customer inactive", "kunden er inaktiv"),
        ("skip.no_email", "no email address", "ingen e-postadresse"),
        # A customer filter's "unsubscribed" is "avmelding": this one is in its own context.
        ("skip.unsubscribed", "unsubscribed", "avmeldt"),
        ("http.no_host", "The URL has no host name.", "URL-en har ikke noe vertsnavn."),
    ],
)
def test_a_stored_reason_renders_in_nb_and_en(code: str, english: str, norwegian: str) -> None:
    assert Reason(code).text == english
    assert nb(code) == norwegian
    assert en(code) == english


def test_a_moment_is_shown_in_oslo_time_and_the_readers_format() -> None:
    at = datetime(2026, 3, 30, 13, 0, tzinfo=UTC)  # 15:00 in Oslo (CEST)
    reason = Reason("execution.waits", step=2, at=at)
    assert reason.params == {"step": 2, "at": "2026-03-30T13:00:00+00:00"}
    assert reason.text == "step 2 waits until 2026-03-30T13:00:00+00:00"
    assert nb("execution.waits", step=2, at=at) == "steg 2 venter til 30.03.2026 15:00"
    assert en("execution.waits", step=2, at=at) == "step 2 waits until 30 Mar 2026 15:00"
    assert nb("execution.waits", step=2, at="next week") == "steg 2 venter til next week"


def test_the_trigger_is_shown_by_its_name() -> None:
    assert Reason("execution.created", trigger="manual").text == "created (manual)"
    assert nb("execution.created", trigger="manual") == "opprettet (manuell)"
    assert nb("execution.created", trigger="schedule") == "opprettet (tidsplan)"
    assert en("execution.created", trigger="schedule") == "created (schedule)"


@pytest.mark.parametrize(
    ("code", "params", "english", "norwegian"),
    [
        (
            "step.failed_after_retries",
            {"step": 3, "retries": 1, "error": Reason("http.timeout", where="lager.example.no")},
            "Step 3 failed after 1 retry: lager.example.no did not answer in time.",
            "Steg 3 feilet etter 1 nytt forsøk: lager.example.no svarte ikke i tide.",
        ),
        (
            "step.failed_after_retries",
            {"step": 3, "retries": 3, "error": Reason("http.timeout", where="lager.example.no")},
            "Step 3 failed after 3 retries: lager.example.no did not answer in time.",
            "Steg 3 feilet etter 3 nye forsøk: lager.example.no svarte ikke i tide.",
        ),
        (
            "step.actions_failed",
            {"step": 2, "count": 1},
            "Step 2: 1 action failed",
            "Steg 2: 1 handling feilet",
        ),
        (
            "step.actions_failed",
            {"step": 2, "count": 12},
            "Step 2: 12 actions failed",
            "Steg 2: 12 handlinger feilet",
        ),
        ("actions.failed", {"count": 1}, "1 action failed", "1 handling feilet"),
    ],
)
def test_numbers_choose_the_plural(
    code: str, params: dict[str, Any], english: str, norwegian: str
) -> None:
    assert Reason(code, **params).text == english
    assert nb(code, **params) == norwegian
    assert en(code, **params) == english


HTTP_503 = Reason("http.status", host="lager.example.no", status=503)


@pytest.mark.parametrize(
    ("reason", "english", "norwegian"),
    [
        (
            Reason(
                "step.failed",
                step=1,
                error=Reason("integration.failed", name="Lager", error=HTTP_503),
            ),
            "Step 1 failed: Lager: lager.example.no answered HTTP 503.",
            "Steg 1 feilet: Lager: lager.example.no svarte med HTTP 503.",
        ),
        (
            Reason(
                "execution.retry",
                step=1,
                seconds=30,
                error=Reason(
                    "integration.failed",
                    name="Lager",
                    error=Reason(
                        "http.connection",
                        where="lager.example.no:443",
                        detail="connection reset by peer",
                    ),
                ),
            ),
            "step 1 will be retried in 30s: Lager: Could not talk to lager.example.no:443: "
            "connection reset by peer.",
            "steg 1 prøves på nytt om 30 s: Lager: Fikk ikke kontakt med lager.example.no:443: "
            "connection reset by peer.",
        ),
        (
            Reason(
                "step.crashed",
                step=1,
                type="SelectionError",
                error=Reason("selection.unknown_check", check="'weather'"),
            ),
            "Step 1 failed unexpectedly: SelectionError: unknown check: 'weather'",
            "Steg 1 feilet uventet: SelectionError: ukjent kontroll: 'weather'",
        ),
        (
            Reason(
                "step.failed",
                step=4,
                error=Reason("report.not_sent", error=Reason.outside("550 mailbox unavailable")),
            ),
            "Step 4 failed: the report could not be sent: 550 mailbox unavailable",
            "Steg 4 feilet: rapporten kunne ikke sendes: 550 mailbox unavailable",
        ),
        (
            Reason("skip.suppressed", reason=Reason("skip.bounce_or_complaint")),
            "address suppressed (bounce/complaint)",
            "adressen er sperret (avvist e-post/klage)",
        ),
        (
            Reason("skip.suppressed", reason="hard bounce reported by the provider"),
            "address suppressed (hard bounce reported by the provider)",
            "adressen er sperret (hard bounce reported by the provider)",
        ),
    ],
    ids=lambda value: value.code if isinstance(value, Reason) else "",
)
def test_nested_reasons_are_rendered_too_and_outside_words_kept(
    reason: Reason, english: str, norwegian: str
) -> None:
    assert reason.text == english
    stored = Reason.stored(reason.code, json.loads(json.dumps(reason.params)), reason.text)
    assert stored == reason  # what the database gives back is what was written
    with translation.override("nb"):
        assert stored.label() == norwegian
    with translation.override("en"):
        assert stored.label() == english


def test_outside_words_are_a_plain_string_wherever_they_are_nested() -> None:
    smtp = Reason.outside("550 5.1.1 <kunde@example.com>: Recipient address rejected")
    assert Reason("report.not_sent", error=smtp).params == {"error": smtp.params["text"]}
    assert smtp.error_fields() == {
        "error_message": "550 5.1.1 <kunde@example.com>: Recipient address rejected",
        "error_code": OUTSIDE,
        "error_params": {"text": "550 5.1.1 <kunde@example.com>: Recipient address rejected"},
    }
    assert nb(OUTSIDE, text="Connection unexpectedly closed") == "Connection unexpectedly closed"
    assert len(Reason.outside("x" * 5000).text) == 2000  # as the error columns always kept it


@pytest.mark.parametrize(
    ("code", "params", "text"),
    [
        ("", {}, ""),
        ("", {}, "something stored by hand"),
        ("a.code.nobody.knows", {"x": 1}, "what was stored beside it"),
    ],
)
def test_without_a_known_code_the_stored_text_is_shown(
    code: str, params: dict[str, Any], text: str
) -> None:
    with translation.override("nb"):
        assert label(code, params, text) == text


def test_a_parameter_that_went_missing_leaves_a_gap_not_an_error() -> None:
    with translation.override("nb"):
        assert label("execution.step_done", {}, "step 2 done") == "steg  er utført"


def test_a_step_error_carries_its_reason_and_a_plain_message_is_outside_words() -> None:
    from executions.errors import PermanentStepError

    coded = PermanentStepError(Reason("integration.gone", id=7))
    assert str(coded) == "integration 7 is gone"
    assert Reason.of(coded) == Reason("integration.gone", id=7)
    assert Reason.of(PermanentStepError("boom")) == Reason.outside("boom")
    assert Reason.of(ValueError("bad")) == Reason.outside("bad")


# --- What the writers store ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "code", "norwegian"),
    [
        (
            "http://127.0.0.1/orders",
            "http.refused",
            "Nektet å koble til 127.0.0.1: det er en loopback-adresse. Integrasjoner kan bare "
            "kalle offentlige internettadresser.",
        ),
        (
            "http://[::ffff:10.0.0.1]/",
            "http.refused",
            "Nektet å koble til ::ffff:10.0.0.1 (::ffff:a00:1): det er en adresse i et privat "
            "nettverk (innebygd i en IPv6-adresse). Integrasjoner kan bare kalle offentlige "
            "internettadresser.",
        ),
        (
            "ftp://lager.example.no/",
            "http.scheme",
            "Bare http- og https-URL-er er tillatt, ikke ftp.",
        ),
    ],
)
def test_refused_addresses_carry_codes_and_are_explained_in_norwegian(
    url: str, code: str, norwegian: str
) -> None:
    with translation.override("nb"), pytest.raises(UnsafeURLError) as refused:
        check_url(url)
    error = refused.value
    assert error.reason.code == code
    assert error.message.isascii()  # the English text, whoever triggered it
    with translation.override("nb"):
        assert error.reason.label() == norwegian
    with translation.override("en"):
        assert error.reason.label() == error.message


@pytest.mark.django_db
def test_skip_reasons_are_codes_with_the_providers_words_as_a_parameter() -> None:
    refs = make_refs()
    customer = Customer.objects.create(name="Sperret", email="sperret@example.com")
    Customer.objects.filter(pk=customer.pk).update(suppressed_at="2026-03-01T10:00:00+01:00")
    customer.refresh_from_db()
    reason = email_skip_reason(template=refs.reminder, customer=customer)
    assert reason.result_fields() == {
        "reason": "address suppressed (bounce/complaint)",
        "reason_code": "skip.suppressed",
        "reason_params": {"reason": {"code": "skip.bounce_or_complaint", "params": {}}},
    }
    Customer.objects.filter(pk=customer.pk).update(suppression_reason="Postmark bounced: full")
    customer.refresh_from_db()
    reason = email_skip_reason(template=refs.reminder, customer=customer)
    assert reason.params == {"reason": "Postmark bounced: full"}
    with translation.override("nb"):
        assert reason.label() == "adressen er sperret (Postmark bounced: full)"


@pytest.mark.django_db
@pytest.mark.usefixtures("transitions_are_complete")
def test_a_failed_run_stores_its_error_and_every_transition_as_codes(
    clock, queue, make_workflow, start_execution
) -> None:
    refs = make_refs()
    workflow = make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "send_email",
                "action_config": {
                    "template_id": refs.order_form.pk,
                    "recipients": {"group": "all"},
                },
            }
        ]
    )
    execution = start_execution(workflow)
    # The snapshot names a template that is not there (as after a deletion).
    snapshot = execution.definition_snapshot
    snapshot["steps"][0]["action_config"] = {
        "template": "Finnes ikke",
        "recipients": {"group": "all"},
    }
    WorkflowExecution.objects.filter(pk=execution.pk).update(definition_snapshot=snapshot)

    engine.run_execution(execution.pk)

    execution.refresh_from_db()
    assert execution.status == "failed"
    assert execution.error_code == "step.failed"
    nested = execution.error_params["error"]
    assert execution.error_params["step"] == 1
    assert nested["code"] == "email.template_not_found"
    assert execution.error_message.startswith("Step 1 failed: email template not found: ")
    with translation.override("nb"):
        assert execution.error_label.startswith("Steg 1 feilet: fant ikke e-postmalen: ")
    codes = list(execution.transitions.values_list("reason_code", "reason"))
    assert codes == [
        ("execution.created", "created (manual)"),
        ("execution.picked_up", "picked up by a worker"),
        ("step.failed", execution.error_message),
    ]


@pytest.fixture
def scheduled_workflow(make_workflow) -> Any:
    return make_workflow(
        [
            {
                "step_order": 1,
                "step_type": "check_condition",
                "condition_config": {"check": "customer_filter", "language": "nb"},
            }
        ]
    )


@pytest.mark.django_db
def test_the_dispatchers_one_statement_writes_the_first_reason_as_a_code(
    scheduled_workflow: Any, each_store: str
) -> None:
    row = DispatchRow(
        workflow_id=scheduled_workflow.pk,
        schedule_id=scheduled_workflow.schedule.pk,
        status="queued",
        scheduled_for=datetime(2026, 3, 30, 7, 0, tzinfo=UTC),
        idempotency_key="schedule:test:1",
        context={},
        workflow_version=scheduled_workflow.version,
        reason=Reason("execution.due_ahead"),
    )
    ids = store().insert_dispatched(
        [row], {scheduled_workflow.pk: {"steps": []}}, trigger="schedule", now=row.scheduled_for
    )

    execution = WorkflowExecution.objects.get(pk=ids["schedule:test:1"])
    assert (execution.error_code, execution.error_params) == ("", {})
    first = execution.transitions.get()
    assert (first.reason_code, first.reason_params, first.reason) == (
        "execution.due_ahead",
        {},
        "due by schedule, queued ahead of its due time",
    )


@pytest.mark.django_db
def test_a_step_copied_in_and_a_claimed_success_leave_no_error_behind(
    scheduled_workflow: Any, start_execution, each_store: str
) -> None:
    execution = start_execution(scheduled_workflow)
    skipped, sent = make_refs().customers[:2]
    store().insert_actions(
        execution_id=execution.pk,
        step_id=None,
        step_order=1,
        action_type="send_email",
        target_type="customer",
        rows=[
            ActionRow(skipped.pk, "skipped", Reason("skip.no_email").result_fields()),
            ActionRow(sent.pk, "pending", {"email": sent.email}),
        ],
        fresh=True,
    )
    rows = WorkflowActionLog.objects.filter(execution=execution)
    skip = rows.get(target_id=skipped.pk)
    assert (skip.error_code, skip.error_params) == ("", {})
    with translation.override("nb"):
        assert skip.reason_label == "ingen e-postadresse"

    # A transient failure before, then the send that succeeded, recorded with the next claim.
    row = rows.filter(target_id=sent.pk)
    row.update(status="unknown", **Reason.outside("451 try again later").error_fields())
    store().claim(execution_id=execution.pk, row_id=None, sent=SentRecord(row.get().pk, {"ok": 1}))

    done = row.get()
    assert (done.status, done.error_message, done.error_code, done.error_params) == (
        "success",
        "",
        "",
        {},
    )


# --- The migration of texts stored before codes ------------------------------------------------

OLD_TEXTS = [
    ("wait is over", "execution.wait_over", {}),
    ("unsubscribed", "skip.unsubscribed", {}),
    ("created (schedule)", "execution.created", {"trigger": "schedule"}),
    ("event order.created", "execution.event", {"event": "order.created"}),
    (
        "step 2 waits until 2026-04-02T15:00:00+02:00",
        "execution.waits",
        {"step": 2, "at": "2026-04-02T15:00:00+02:00"},
    ),
    (
        "Step 3 failed after 1 retries: lager.example.no:443 did not answer in time.",
        "step.failed_after_retries",
        {
            "step": 3,
            "retries": 1,
            "error": {"code": "http.timeout", "params": {"where": "lager.example.no:443"}},
        },
    ),
    ("Step 2: 12 action(s) failed", "step.actions_failed", {"step": 2, "count": 12}),
    (
        "Step 1 failed: 1 action(s) failed",
        "step.failed",
        {"step": 1, "error": {"code": "actions.failed", "params": {"count": 1}}},
    ),
    (
        "Step 1 failed: Lager: lager.example.no answered HTTP 503.",
        "step.failed",
        {
            "step": 1,
            "error": {
                "code": "integration.failed",
                "params": {
                    "name": "Lager",
                    "error": {
                        "code": "http.status",
                        "params": {"host": "lager.example.no", "status": 503},
                    },
                },
            },
        },
    ),
    (
        "Step 1 failed unexpectedly: ValueError: unknown check: 'weather'",
        "step.crashed",
        {
            "step": 1,
            "type": "ValueError",
            "error": {"code": "selection.unknown_check", "params": {"check": "'weather'"}},
        },
    ),
    (
        "Step 1 failed unexpectedly: KeyError: 'template'",
        "step.crashed",
        {"step": 1, "type": "KeyError", "error": "'template'"},
    ),
    (
        "Step 4 failed: the report could not be sent: 550 mailbox unavailable",
        "step.failed",
        {
            "step": 4,
            "error": {"code": "report.not_sent", "params": {"error": "550 mailbox unavailable"}},
        },
    ),
    (
        "address suppressed (bounce/complaint)",
        "skip.suppressed",
        {"reason": {"code": "skip.bounce_or_complaint", "params": {}}},
    ),
    (
        "address suppressed (Postmark bounced: mailbox full)",
        "skip.suppressed",
        {"reason": "Postmark bounced: mailbox full"},
    ),
    (
        "Refused to connect to ::ffff:10.0.0.1 (::ffff:a00:1): it is a private network address "
        "(embedded in an IPv6 address). Integrations may only call public internet addresses.",
        "http.refused",
        {
            "host": "::ffff:10.0.0.1 (::ffff:a00:1)",
            "reason": {
                "code": "http.address.embedded",
                "params": {"reason": {"code": "http.address.private", "params": {}}},
            },
        },
    ),
    (
        "Only http and https URLs are allowed, not a URL without a scheme.",
        "http.scheme",
        {"scheme": {"code": "http.no_scheme", "params": {}}},
    ),
    (
        "Step 2 failed: nobody to tell: salg has no active user with an email",
        "step.failed",
        {"step": 2, "error": {"code": "notify_staff.nobody", "params": {"name": "salg"}}},
    ),
    # An SMTP server's answer, with a colon in it: outside words, not "<name>: <error>".
    (
        "(550, b'5.1.1 <kunde@example.com>: Recipient address rejected')",
        OUTSIDE,
        {"text": "(550, b'5.1.1 <kunde@example.com>: Recipient address rejected')"},
    ),
    ("", "", {}),
]


@pytest.mark.parametrize(
    ("stored", "code", "params"), OLD_TEXTS, ids=[t[0][:50] for t in OLD_TEXTS]
)
def test_the_migration_turns_each_old_text_into_its_code(
    stored: str, code: str, params: dict[str, Any]
) -> None:
    assert MIGRATION.code_of(stored) == (code, params)
    if code:  # and the code says what the text said
        assert {c for c in _codes_in(code, params)} <= set(CATALOGUE)
        if "action(s)" not in stored and "1 retries" not in stored:
            assert Reason.stored(code, params, stored).text == stored


def _codes_in(code: str, params: dict[str, Any]) -> Iterator[str]:
    yield code
    for value in params.values():
        if isinstance(value, dict) and "code" in value:
            yield from _codes_in(value["code"], value["params"])


@pytest.mark.django_db
def test_the_migration_codes_every_stored_text_once(
    scheduled_workflow: Any, start_execution
) -> None:
    execution = start_execution(scheduled_workflow)
    customer = make_refs().customers[0]
    ExecutionTransition.objects.filter(execution=execution).update(reason_code="", reason_params={})
    WorkflowExecution.objects.filter(pk=execution.pk).update(
        status="failed", error_message="Step 1: 3 action(s) failed"
    )
    ExecutionTransition.objects.create(
        execution=execution,
        from_status="queued",
        to_status="failed",
        reason="Step 1: 3 action(s) failed",
    )
    common = {
        "execution": execution,
        "step_order": 1,
        "action_type": "send_email",
        "target_type": "customer",
    }
    skipped = WorkflowActionLog.objects.create(
        **common,
        target_id=customer.pk,
        status="skipped",
        result_data={"reason": "unsubscribed", "email": "x@y.z"},
    )
    failed = WorkflowActionLog.objects.create(
        **common,
        target_id=customer.pk + 1000,
        status="failed",
        error_message="customer no longer exists",
    )
    already = WorkflowActionLog.objects.create(
        **common,
        target_id=customer.pk + 2000,
        status="failed",
        **Reason.outside("Step 9 failed: x").error_fields(),
    )

    for _ in range(2):  # a second run finds nothing left to do
        MIGRATION.forwards(django_apps, None)

    execution.refresh_from_db()
    assert (execution.error_code, execution.error_params) == (
        "step.actions_failed",
        {"step": 1, "count": 3},
    )
    assert list(execution.transitions.values_list("reason_code", flat=True)) == [
        "execution.created",
        "step.actions_failed",
    ]
    skipped.refresh_from_db()
    assert skipped.result_data == {
        "reason": "unsubscribed",
        "reason_code": "skip.unsubscribed",
        "email": "x@y.z",
    }
    failed.refresh_from_db()
    assert (failed.error_code, failed.error_message) == (
        "email.customer_gone",
        "customer no longer exists",
    )
    already.refresh_from_db()
    assert (already.error_code, already.error_params) == (OUTSIDE, {"text": "Step 9 failed: x"})
    with translation.override("nb"):
        assert execution.error_label == "Steg 1: 3 handlinger feilet"
        assert skipped.reason_label == "avmeldt"


# --- Where reasons are shown ------------------------------------------------------------------


@pytest.fixture
def shown() -> Iterator[Any]:
    """An execution that failed on its first step: one customer skipped, one failed, the
    reasons in its status history, as the writers store them."""
    with no_celery():
        refs = make_refs()
        error = Reason("step.actions_failed", step=1, count=1)
        execution = make_execution(example_workflow(refs), status="failed", **error.error_fields())
        skipped, failed = refs.customers[:2]
        common = {"execution": execution, "step_order": 1, "target_type": "customer"}
        WorkflowActionLog.objects.create(
            **common,
            action_type="send_email",
            target_id=skipped.pk,
            status="skipped",
            result_data={**Reason("skip.unsubscribed").result_fields(), "email": skipped.email},
        )
        WorkflowActionLog.objects.create(
            **common,
            action_type="send_email",
            target_id=failed.pk,
            status="failed",
            **Reason("email.customer_gone").error_fields(),
        )
        ExecutionTransition.objects.create(
            execution=execution,
            from_status="waiting",
            to_status="queued",
            step_order=1,
            **Reason("execution.wait_over").reason_fields(),
        )
        yield execution


@pytest.mark.django_db
def test_the_execution_page_shows_stored_reasons_in_norwegian(shown: Any) -> None:
    url = reverse("executions:execution-detail", args=[shown.pk])
    html = client_as("viewer").get(url).content.decode()

    assert '<div class="small">Avmeldt</div>' in html  # the skip reason
    assert "kunden finnes ikke lenger" in html  # an action's error
    assert "Steg 1: 1 handling feilet" in html  # the execution's error
    assert "ventetiden er over" in html  # a transition's reason
    assert "opprettet (manuell)" in html
    for english in ["Unsubscribed</div>", ">customer no longer exists<", "action failed"]:
        assert english not in html
    assert "wait is over" not in html


@pytest.mark.django_db
def test_the_execution_page_in_english(shown: Any) -> None:
    url = reverse("executions:execution-detail", args=[shown.pk])
    html = client_as("viewer", language="en").get(url).content.decode()

    assert '<div class="small">Unsubscribed</div>' in html
    assert "customer no longer exists" in html
    assert "Step 1: 1 action failed" in html
    assert "wait is over" in html
    assert "Avmeldt</div>" not in html


@pytest.mark.django_db
def test_the_api_gives_the_code_the_english_text_and_the_readers_label(shown: Any) -> None:
    base = "/api/v1/workflow-automation/executions"
    user = client_as("viewer").user
    for language, error, reason in [
        ("nb", "Steg 1: 1 handling feilet", "ventetiden er over"),
        ("en", "Step 1: 1 action failed", "wait is over"),
    ]:
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(user)
        detail = client.get(f"{base}/{shown.pk}").json()
        assert detail["error_message"] == "Step 1: 1 action failed"  # as it always was
        assert (detail["error_code"], detail["error_params"]) == (
            "step.actions_failed",
            {"step": 1, "count": 1},
        )
        assert detail["error_label"] == error
        waited = next(t for t in detail["transitions"] if t["reason_code"] == "execution.wait_over")
        assert (waited["reason"], waited["reason_label"]) == ("wait is over", reason)
        logs = client.get(f"{base}/{shown.pk}/logs").json()["results"]
        by_status = {row["status"]: row for row in logs}
        assert by_status["skipped"]["result_data"]["reason_code"] == "skip.unsubscribed"
        assert by_status["skipped"]["reason_label"] == (
            "avmeldt" if language == "nb" else "unsubscribed"
        )
        assert by_status["failed"]["error_code"] == "email.customer_gone"


@pytest.mark.django_db
def test_the_admin_shows_reasons_in_the_readers_language(shown: Any, admin_client) -> None:
    url = reverse("admin:executions_executiontransition_changelist")
    html = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "ventetiden er over" in html
    found = admin_client.get(url, {"q": "wait is over"}, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "ventetiden er over" in found  # the English text is what the search finds
    detail = reverse("admin:executions_workflowexecution_change", args=[shown.pk])
    html = admin_client.get(detail, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Steg 1: 1 handling feilet" in html
    assert "kunden finnes ikke lenger" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("nb", ["Feil: Steg 1: 1 handling feilet", "kunden finnes ikke lenger"]),
        ("en", ["Error: Step 1: 1 action failed", "customer no longer exists"]),
    ],
)
def test_the_alert_email_speaks_the_sites_language(
    shown: Any, settings: Any, language: str, lines: list[str]
) -> None:
    settings.LANGUAGE_CODE = language
    assert alerts.alert_failed_execution(shown.pk) is True
    [alert] = mail.outbox
    for line in lines:
        assert line in alert.body
