"""Fuzzing email templates: save, preview and render (services, API and pages). Every answer
is a saved template, a rendered email or a clear list of problems; never another exception,
never a 5xx, never a half-saved template, never an email past the size limit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from core.text import unstorable_text
from customers.models import Customer
from templates_app.models import EmailTemplate
from templates_app.rendering import ALLOWED_FILTERS, TemplateRenderError, render_email
from templates_app.services import TemplateValidationError, template_create, template_preview
from tests.customers.factories import CustomerFactory
from tests.fuzz.strategies import NASTY_STRINGS, any_character, odd_numbers, odd_text

pytestmark = pytest.mark.django_db

LIMIT = 20_000  # small, so that growth past it is found quickly

VARIABLES = ["kunde_navn", "bestilling_link", "avmeldingslenke", "firma_navn", "pris", "antall"]
LOOKUPS = [*VARIABLES, "ukjent", "x.y", "_x", "settings.SECRET_KEY", "pris.__class__", '"tekst"']
FILTERS = [*sorted(ALLOWED_FILTERS), "safe", "date", "add", "slice", "join", "stringformat"]

argument = st.one_of(
    odd_numbers.map(repr),
    st.sampled_from(["1e400", "-1e400", "4000000", "999999", "-0", "0", "20", "21"]),
    odd_text.map(lambda text: '"' + text.replace('"', "") + '"'),
    st.sampled_from(['""', '"2g"', '"-3u"', '"gu"', '"abc"', "pris", "antall", "_x", "x.y"]),
)
filter_call = st.tuples(st.sampled_from(FILTERS), st.none() | argument).map(
    lambda pair: "|" + pair[0] + ("" if pair[1] is None else ":" + pair[1])
)
expression = st.tuples(st.sampled_from(LOOKUPS), st.lists(filter_call, max_size=6)).map(
    lambda pair: pair[0] + "".join(pair[1])
)
fragment = st.one_of(
    odd_text,
    expression.map(lambda e: "{{ " + e + " }}"),
    expression.map(lambda e: "{% if " + e + " %}"),
    expression.map(lambda e: "{% elif " + e + " %}"),
    st.sampled_from(
        [
            "{% else %}",
            "{% endif %}",
            "{% if %}",
            "{% load static %}",
            "{% for x in pris %}",
            "{% endfor %}",
            "{% now 'Y' %}",
            "{% include 'base.html' %}",
            "{% verbatim %}",
            "{# kommentar #}",
            "{{ }}",
            "{{",
            "}}",
            "<p>",
            "</p>",
            "\n",
            '<a href="{{ avmeldingslenke }}">x</a>',
        ]
    ),
)
hostile_source = st.lists(fragment, max_size=12).map("".join)


# Templates that pass the check, so that rendering gets its share of the examples too: plain
# text (odd, but storable and without tag syntax), allowed variables and filters with
# arguments in and out of range, and if-blocks inside one another.
def _plain(text: str) -> str:
    return "".join(
        "" if unstorable_text(char) else char for char in text.replace("{", "(").replace("}", ")")
    )


plain_text = odd_text.map(_plain)
short_text = st.text(any_character, max_size=20).map(_plain)
allowed_filter = st.one_of(
    st.sampled_from(["|capfirst", "|length", "|linebreaksbr", "|lower", "|title", "|upper"]),
    st.just("|urlencode"),
    st.integers(-25, 25).map(lambda n: f"|floatformat:{n}"),
    st.sampled_from(["|floatformat", '|floatformat:"2g"', "|floatformat:pris"]),
    st.integers(-5, 20_000).map(lambda n: f"|truncatechars:{n}"),
    st.integers(1, 50).map(lambda n: f"|truncatewords:{n}"),
    short_text.map(lambda text: '|default:"' + text.replace('"', "") + '"'),
)
allowed_expression = st.tuples(
    st.sampled_from(VARIABLES), st.lists(allowed_filter, max_size=5)
).map(lambda pair: pair[0] + "".join(pair[1]))


def _if_blocks(body: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(allowed_expression, body, st.none() | body).map(
        lambda parts: (
            "{% if "
            + parts[0]
            + " %}"
            + parts[1]
            + ("" if parts[2] is None else "{% else %}" + parts[2])
            + "{% endif %}"
        )
    )


subject_line = st.lists(
    st.one_of(short_text, allowed_expression.map(lambda e: "{{ " + e + " }}")), max_size=3
).map(lambda parts: "".join(parts).replace("\n", " ").replace("\r", " "))
allowed_block = st.recursive(
    st.one_of(plain_text, allowed_expression.map(lambda e: "{{ " + e + " }}")),
    lambda inner: st.one_of(_if_blocks(inner), st.lists(inner, max_size=4).map("".join)),
    max_leaves=10,
)
source = st.one_of(allowed_block, hostile_source)
declared = st.lists(st.one_of(st.sampled_from(VARIABLES), odd_text), max_size=4)
extras = st.dictionaries(
    st.sampled_from(["pris", "antall", "ukjent"]),
    st.one_of(odd_text, odd_numbers.map(str), st.sampled_from(["4000000", "1e400", "2"])),
    max_size=3,
)


@st.composite
def template_data(draw: st.DrawFn) -> dict[str, Any]:
    """Most often a template that passes the check (so that it is saved and rendered), else
    one hostile in every field."""
    if draw(st.integers(0, 9)) < 6:
        return {
            "name": draw(st.text("abcæøå ÆØÅ-", min_size=1, max_size=30)) + "x",
            "subject": draw(subject_line),
            "body_html": draw(allowed_block),
            "body_text": draw(st.one_of(st.just(""), allowed_block)),
            "variables": ["pris", "antall"],
        }
    return {
        "name": draw(odd_text),
        "subject": draw(source),
        "body_html": draw(source),
        "body_text": draw(st.one_of(st.just(""), source)),
        "variables": draw(declared),
    }


@pytest.fixture
def limited(settings: Any) -> None:
    settings.TEMPLATE_MAX_RENDERED_BYTES = LIMIT


@pytest.fixture
def customer() -> Customer:
    return CustomerFactory(name="Kari")


@pytest.fixture
def rolled_back() -> Any:
    """Each example in a savepoint that is rolled back: examples never see each other."""

    class Rollback(Exception):
        pass

    def run(example: Any) -> None:
        try:
            with transaction.atomic():
                example()
                raise Rollback
        except Rollback:
            pass

    return run


def assert_within_limit(rendered: Any) -> None:
    for part in (rendered.subject, rendered.html, rendered.text):
        assert len(part.encode("utf-8", "surrogatepass")) <= LIMIT


@given(data=template_data(), values=extras, customer_name=odd_text)
def test_save_preview_and_render_answer_a_template_or_its_problems(
    limited: None,
    customer: Customer,
    rolled_back: Any,
    data: dict[str, Any],
    values: dict[str, str],
    customer_name: str,
) -> None:
    def example() -> None:
        try:
            template_preview(template_or_data=data, extra=values)
        except TemplateValidationError as exc:
            assert exc.problems or exc.error_dict
        else:
            pass
        try:
            saved = template_create(**data)
        except TemplateValidationError as exc:
            event(f"refused: {sorted({p.code for p in exc.problems})[:2]} {sorted(exc.error_dict)}")
            assert not EmailTemplate.objects.exists()  # nothing half-saved
            return
        event("saved")
        stored = EmailTemplate.objects.get(pk=saved.pk)
        assert (stored.body_html, stored.body_text) == (data["body_html"], data["body_text"])
        assert stored.subject == data["subject"].strip()
        assert_within_limit(template_preview(template_or_data=stored))
        if unstorable_text(customer_name) is None and customer_name.strip():
            Customer.objects.filter(pk=customer.pk).update(name=customer_name[:200])
            customer.refresh_from_db()
        try:
            rendered = render_email(template=stored, customer=customer, extra=values)
        except TemplateRenderError as exc:
            assert exc.problems  # one customer's email fails with a reason
        else:
            assert_within_limit(rendered)

    rolled_back(example)


# --- The same through HTTP: the API and the editor page -------------------------------------


@pytest.fixture
def business_user() -> User:
    user = User.objects.create_user(username="fuzz-business", password="x")
    user.groups.add(Group.objects.get_or_create(name="business")[0])
    return user


@pytest.fixture
def api(business_user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(business_user)}")
    return client


@pytest.fixture
def pages(business_user: User) -> Iterator[Client]:
    client = Client()
    client.force_login(business_user)
    yield client


def post_json(client: APIClient, path: str, data: Any) -> Any:
    # Escaped by hand (ensure_ascii): a client would escape an unpaired surrogate the same way.
    return client.post(path, json.dumps(data, ensure_ascii=True), content_type="application/json")


def assert_error_shape(response: Any) -> None:
    errors = response.json()["errors"]
    assert errors
    for error in errors:
        assert {"path", "code", "message"} <= set(error)


@given(
    subject=source,
    body_html=source,
    variables=declared,
    values=st.dictionaries(st.sampled_from(["pris", "antall"]), odd_text, max_size=2),
)
def test_the_api_previews_and_saves_or_answers_400(
    limited: None,
    api: APIClient,
    rolled_back: Any,
    subject: str,
    body_html: str,
    variables: list[str],
    values: dict[str, str],
) -> None:
    template = {"name": "Fuzz", "subject": subject, "body_html": body_html}
    template["variables"] = variables

    def example() -> None:
        preview = post_json(
            api,
            "/api/v1/workflow-automation/templates/preview",
            {"template": template, "variables": values},
        )
        assert preview.status_code in (200, 400), preview.content[:300]
        if preview.status_code == 400:
            assert_error_shape(preview)
        else:
            assert len(preview.content) <= 4 * LIMIT
        created = post_json(api, "/api/v1/workflow-automation/templates", template)
        assert created.status_code in (201, 400), created.content[:300]
        if created.status_code == 400:
            assert_error_shape(created)
            assert not EmailTemplate.objects.exists()

    rolled_back(example)


def as_a_browser_sends(text: str) -> str:
    """A form field as a browser posts it: an unpaired surrogate becomes U+FFFD."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


@given(subject=source, body_html=source, variables=st.lists(st.sampled_from(NASTY_STRINGS)))
def test_the_editor_page_previews_and_saves_or_shows_the_problems(
    limited: None,
    pages: Client,
    rolled_back: Any,
    subject: str,
    body_html: str,
    variables: list[str],
) -> None:
    form = {
        "name": "Fuzz",
        "category": "bestilling",
        "subject": as_a_browser_sends(subject),
        "body_html": as_a_browser_sends(body_html),
        "body_text": "",
        "variables": as_a_browser_sends(", ".join(variables)),
    }

    def example() -> None:
        preview = pages.post(reverse("templates_app:preview-new"), form, HTTP_HX_REQUEST="true")
        assert preview.status_code == 200
        saved = pages.post(reverse("templates_app:new"), form)
        assert saved.status_code in (200, 302)
        if saved.status_code == 200:  # the form again, with its problems
            assert not EmailTemplate.objects.exists()

    rolled_back(example)
