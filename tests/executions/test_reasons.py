"""Texts the engine stores in English (reasons, errors, skips) are shown in the reader's
language: fixed texts through the catalogues, texts with variable parts through
``executions.reasons.TEMPLATES``, anything else as it is stored."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from automation.http import UnsafeURLError, check_url
from customers.models import Customer
from executions.models import ExecutionTransition, WorkflowActionLog
from executions.reasons import _NUMBERS as NUMBER_PARTS
from executions.reasons import _PLACEHOLDER, TEMPLATES, Template, reason_label
from templates_app.services import email_skip_reason
from tests.automation.workflow_docs import make_refs
from tests.pages.workflow_helpers import client_as, example_workflow, make_execution, no_celery

BASE_DIR = Path(settings.BASE_DIR)
#: The modules that write English texts into executions, action logs and errors.
WRITERS = sorted(
    {
        *BASE_DIR.glob("executions/*.py"),
        *BASE_DIR.glob("executions/steps/*.py"),
        BASE_DIR / "customers/selection.py",
        BASE_DIR / "automation/http.py",
        BASE_DIR / "automation/integrations.py",
        BASE_DIR / "templates_app/services.py",
    }
)


def nb(text: str | None) -> str:
    with translation.override("nb"):
        return reason_label(text)


def en(text: str | None) -> str:
    with translation.override("en"):
        return reason_label(text)


# --- Fixed texts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "norwegian"),
    [
        ("wait is over", "ventetiden er over"),
        ("started by hand", "startet manuelt"),
        ("paused", "satt på pause"),
        ("missed: outside the grace window", "ikke kjørt: utenfor fristen for forsinket kjøring"),
        ("step is inactive", "steget er inaktivt"),
        ("no previous order to repeat", "ingen tidligere bestilling å gjenta"),
        ("customer no longer exists", "kunden finnes ikke lenger"),
        ("customer inactive", "kunden er inaktiv"),
        ("no email address", "ingen e-postadresse"),
        # "unsubscribed" is also a customer filter's title ("avmelding"): looked up in context.
        ("unsubscribed", "avmeldt"),
        ("The URL has no host name.", "URL-en har ikke noe vertsnavn."),
    ],
)
def test_fixed_texts_are_translated_in_nb_and_unchanged_in_en(stored: str, norwegian: str) -> None:
    assert nb(stored) == norwegian
    assert en(stored) == stored


def test_empty_text_is_shown_as_nothing() -> None:
    # gettext("") would be the catalogue's header.
    assert nb("") == ""
    assert nb(None) == ""
    assert en("") == ""


@pytest.mark.parametrize(
    "stored",
    [
        "550 5.1.1 <kunde@example.com>: Recipient address rejected",
        "Connection unexpectedly closed",
        "something nobody marked",
    ],
)
def test_unknown_text_is_shown_as_it_is(stored: str) -> None:
    assert nb(stored) == stored
    assert en(stored) == stored


# --- Texts with variable parts ---------------------------------------------------------------

SAMPLES: dict[str, str] = {
    "at": "2026-03-30T13:00:00+00:00",
    "trigger": "manual",
    "event": "order.created",
    "host": "lager.example.no",
    "where": "https://lager.example.no",
    "ip": "10.0.0.1",
    "name": "Lager",
    "method": "TRACE",
    "methods": "GET, POST",
    "config": "{'template_id': 9}",
    "detail": "connection reset by peer",
    "recipients": "{'nobody': True}",
    "window": "'next_year'",
    "check": "'weather'",
    # Nested parts are stored texts themselves.
    "error": "customer inactive",
    "reason": "customer inactive",
    "scheme": "ftp",
}


def sample(template: Template) -> str:
    """The text a writer would store for ``template``: numbers for number parts (2, so
    that the plural applies), a known value for each other part."""
    return _PLACEHOLDER.sub(
        lambda m: "2" if m.group(1) in NUMBER_PARTS else SAMPLES[m.group(1)], template.stored
    )


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.stored)
def test_every_template_parses_what_its_writer_stores_and_renders_it(template: Template) -> None:
    text = sample(template)
    first = next(t for t in TEMPLATES if t.pattern.fullmatch(text))
    assert first is template, f"{text!r} is taken by the earlier template {first.stored!r}"

    shown = nb(text)
    assert "%(" not in shown
    assert shown != text, f"{text!r} is not translated in nb"
    for name in _PLACEHOLDER.findall(template.stored):
        if name in NUMBER_PARTS:
            assert "2" in shown
        elif name in {"error", "reason"}:
            assert "kunden er inaktiv" in shown  # the nested text, translated
        elif name not in {"at", "trigger"}:
            assert SAMPLES[name] in shown

    if template.label is None and not {"at", "trigger"} & set(template.pattern.groupindex):
        assert en(text) == text  # English readers see what was stored


def test_a_moment_is_shown_in_oslo_time_and_the_readers_format() -> None:
    stored = "step 2 waits until 2026-03-30T13:00:00+00:00"  # 15:00 in Oslo (CEST)
    assert nb(stored) == "steg 2 venter til 30.03.2026 15:00"
    assert en(stored) == "step 2 waits until 03/30/2026 3 p.m."


def test_a_moment_that_cannot_be_read_is_shown_as_stored() -> None:
    assert nb("step 2 waits until next week") == "steg 2 venter til next week"


def test_the_trigger_is_shown_by_its_name() -> None:
    assert nb("created (manual)") == "opprettet (manuell)"
    assert nb("created (schedule)") == "opprettet (tidsplan)"
    assert en("created (schedule)") == "created (schedule)"


@pytest.mark.parametrize(
    ("stored", "norwegian", "english"),
    [
        (
            "Step 3 failed after 1 retries: lager.example.no did not answer in time.",
            "Steg 3 feilet etter 1 nytt forsøk: lager.example.no svarte ikke i tide.",
            "Step 3 failed after 1 retry: lager.example.no did not answer in time.",
        ),
        (
            "Step 3 failed after 3 retries: lager.example.no did not answer in time.",
            "Steg 3 feilet etter 3 nye forsøk: lager.example.no svarte ikke i tide.",
            "Step 3 failed after 3 retries: lager.example.no did not answer in time.",
        ),
        (
            "Step 2: 1 action(s) failed",
            "Steg 2: 1 handling feilet",
            "Step 2: 1 action failed",
        ),
        (
            "Step 2: 12 action(s) failed",
            "Steg 2: 12 handlinger feilet",
            "Step 2: 12 actions failed",
        ),
        ("1 action(s) failed", "1 handling feilet", "1 action failed"),
    ],
)
def test_numbers_choose_the_plural(stored: str, norwegian: str, english: str) -> None:
    assert nb(stored) == norwegian
    assert en(stored) == english


@pytest.mark.parametrize(
    ("stored", "norwegian"),
    [
        (
            "Step 1 failed: Lager: lager.example.no answered HTTP 503.",
            "Steg 1 feilet: Lager: lager.example.no svarte med HTTP 503.",
        ),
        (
            "step 1 will be retried in 30s: Lager: Could not talk to https://lager.example.no: "
            "connection reset by peer.",
            "steg 1 prøves på nytt om 30 s: Lager: Fikk ikke kontakt med "
            "https://lager.example.no: connection reset by peer.",
        ),
        (
            "Step 1 failed unexpectedly: ValueError: unknown check: 'weather'",
            "Steg 1 feilet uventet: ValueError: ukjent kontroll: 'weather'",
        ),
        (
            "Step 4 failed: the report could not be sent: 550 mailbox unavailable",
            "Steg 4 feilet: rapporten kunne ikke sendes: 550 mailbox unavailable",
        ),
        (
            "address suppressed (bounce/complaint)",
            "adressen er sperret (avvist e-post/klage)",
        ),
        (
            "address suppressed (hard bounce reported by the provider)",
            "adressen er sperret (hard bounce reported by the provider)",
        ),
    ],
)
def test_nested_errors_and_reasons_are_translated_too(stored: str, norwegian: str) -> None:
    assert nb(stored) == norwegian
    assert en(stored) == stored


# --- What the writers really store -----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "norwegian"),
    [
        (
            "http://127.0.0.1/orders",
            "Nektet å koble til 127.0.0.1: det er en loopback-adresse. Integrasjoner kan bare "
            "kalle offentlige internettadresser.",
        ),
        (
            "http://[::ffff:10.0.0.1]/",
            "Nektet å koble til ::ffff:10.0.0.1 (::ffff:a00:1): det er en adresse i et privat "
            "nettverk (innebygd i en IPv6-adresse). Integrasjoner kan bare kalle offentlige "
            "internettadresser.",
        ),
        ("ftp://lager.example.no/", "Bare http- og https-URL-er er tillatt, ikke ftp."),
    ],
)
def test_refused_addresses_are_explained_in_norwegian(url: str, norwegian: str) -> None:
    with translation.override("nb"), pytest.raises(UnsafeURLError) as refused:
        check_url(url)
    stored = refused.value.message
    assert stored.isascii()  # stored in English, whoever triggered it
    assert nb(stored) == norwegian
    assert en(stored) == stored


@pytest.mark.django_db
def test_skip_reasons_are_stored_in_english_and_shown_in_norwegian() -> None:
    refs = make_refs()
    customer = Customer.objects.create(name="Sperret", email="sperret@example.com")
    Customer.objects.filter(pk=customer.pk).update(suppressed_at="2026-03-01T10:00:00+01:00")
    customer.refresh_from_db()
    with translation.override("nb"):
        stored = email_skip_reason(template=refs.reminder, customer=customer)
    assert stored == "address suppressed (bounce/complaint)"
    assert nb(stored) == "adressen er sperret (avvist e-post/klage)"


# --- Every writer's template has its Template ------------------------------------------------


def noop_templates(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of each ``gettext_noop("…%(name)s…")`` in ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        first = node.args[0]
        if (
            name == "gettext_noop"
            and isinstance(first, ast.Constant)
            and isinstance(first.value, str)
            and _PLACEHOLDER.search(first.value)
        ):
            yield node.lineno, first.value


def test_every_stored_text_with_variable_parts_has_a_template() -> None:
    known = {template.stored for template in TEMPLATES}
    found: list[str] = []
    missing: list[str] = []
    for path in WRITERS:
        if path.name == "reasons.py":
            continue  # the templates themselves
        for line, text in noop_templates(path):
            found.append(text)
            if text not in known:
                missing.append(f"{path.relative_to(BASE_DIR)}:{line}: {text!r}")
    assert len(found) > 10, "the scan found too little: did the writers move?"
    assert not missing, (
        "stored texts with variable parts but no Template in executions/reasons.py "
        "(they would be shown in English):\n" + "\n".join(missing)
    )


# --- On the page -----------------------------------------------------------------------------


@pytest.fixture
def shown() -> Iterator[Any]:
    """An execution that failed on its first step: one customer skipped, one failed, with
    the reasons in its status history."""
    with no_celery():
        refs = make_refs()
        execution = make_execution(
            example_workflow(refs),
            status="failed",
            error_message="Step 1: 1 action(s) failed",
        )
        skipped, failed = refs.customers[:2]
        common = {"execution": execution, "step_order": 1, "target_type": "customer"}
        WorkflowActionLog.objects.create(
            **common,
            action_type="send_email",
            target_id=skipped.pk,
            status="skipped",
            result_data={"reason": "unsubscribed", "email": skipped.email},
        )
        WorkflowActionLog.objects.create(
            **common,
            action_type="send_email",
            target_id=failed.pk,
            status="failed",
            error_message="customer no longer exists",
        )
        ExecutionTransition.objects.create(
            execution=execution,
            from_status="waiting",
            to_status="queued",
            step_order=1,
            reason="wait is over",
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
    for english in ["Unsubscribed</div>", ">customer no longer exists<", "action(s) failed"]:
        assert english not in html
    assert "wait is over" not in html


@pytest.mark.django_db
def test_the_execution_page_in_english_shows_them_as_stored(shown: Any) -> None:
    url = reverse("executions:execution-detail", args=[shown.pk])
    html = client_as("viewer", language="en").get(url).content.decode()

    assert '<div class="small">Unsubscribed</div>' in html
    assert "customer no longer exists" in html
    assert "Step 1: 1 action failed" in html
    assert "wait is over" in html
    assert "Avmeldt</div>" not in html
