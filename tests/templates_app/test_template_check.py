"""The save-time sandbox check: every refused construct is named, with its field and line."""

from __future__ import annotations

import pytest
from django.utils import translation

from templates_app.rendering import ALLOWED_FILTERS, template_check


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def check_html(body_html: str, variables: list[str] | None = None):
    return template_check(
        subject="Hei {{ kunde_navn }}",
        body_html=body_html,
        body_text="",
        variables=variables or [],
    )


def only_error(check):
    assert len(check.errors) == 1, check.errors
    return check.errors[0]


def test_plain_template_with_builtin_variables_passes():
    check = check_html(
        "<p>Hei {{ kunde_navn|title }}</p>\n"
        '<a href="{{ bestilling_link }}">{{ firma_navn }}</a>\n'
        '{% if kunde_navn %}<a href="{{ avmeldingslenke }}">x</a>{% else %}y{% endif %}'
    )
    assert check.ok
    assert check.warnings == []
    assert check.used_variables == {
        "kunde_navn",
        "bestilling_link",
        "firma_navn",
        "avmeldingslenke",
    }


@pytest.mark.parametrize(
    ("snippet", "tag"),
    [
        ("{% load static %}", "load"),
        ("{% include 'base.html' %}", "include"),
        ("{% extends 'base.html' %}", "extends"),
        ("{% debug %}", "debug"),
        ("{% ssi '/etc/passwd' %}", "ssi"),
        ("{% url 'admin:index' %}", "url"),
        ("{% csrf_token %}", "csrf_token"),
        ("{% now 'Y' %}", "now"),
        ("{% autoescape off %}{{ kunde_navn }}{% endautoescape %}", "autoescape"),
        ("{% for c in kunde_navn %}{{ c }}{% endfor %}", "for"),
    ],
)
def test_tags_outside_the_allowlist_are_refused_with_their_line(snippet, tag):
    check = check_html(f"<p>Hei</p>\n<p>\n{snippet}</p>")
    assert not check.ok
    first = check.errors[0]
    assert first.field == "body_html"
    assert first.line == 3
    assert first.code == "tag_not_allowed"
    assert f"“{tag}”" in first.message
    assert first.message.startswith("Line 3:")


@pytest.mark.parametrize(
    "expression",
    [
        "settings.SECRET_KEY",
        "kunde_navn.__class__",
        "kunde_navn.__class__.__mro__",
        "kunde_navn.upper",
        "bestilling_link.0",
        "kunde_navn|default:settings.DEBUG",
    ],
)
def test_attribute_walks_are_refused_with_their_line(expression):
    error = only_error(check_html(f"<p>\n\n\n{{{{ {expression} }}}}</p>"))
    assert error.line == 4
    assert error.code == "attribute_not_allowed"
    assert "Line 4" in error.message


def test_attribute_walk_inside_if_is_refused():
    error = only_error(check_html("x\n{% if kunde_navn.__class__.__mro__ %}y{% endif %}"))
    assert (error.line, error.code) == (2, "attribute_not_allowed")


def test_unknown_and_unsafe_filters_are_refused_by_name():
    check = check_html("{{ kunde_navn|safe }}\n{{ kunde_navn|upper|pwned:'x' }}")
    assert [(e.line, e.code) for e in check.errors] == [
        (1, "filter_not_allowed"),
        (2, "filter_not_allowed"),
    ]
    assert "“safe”" in check.errors[0].message
    assert "“pwned”" in check.errors[1].message


def test_filters_in_if_conditions_are_checked():
    error = only_error(check_html("{% if kunde_navn|slugify == 'x' %}y{% endif %}"))
    assert error.code == "filter_not_allowed"


@pytest.mark.parametrize("name", sorted(ALLOWED_FILTERS))
def test_each_allowed_filter_passes(name):
    arg = ":5" if name in {"truncatechars", "truncatewords", "floatformat"} else ""
    arg = ':"-"' if name == "default" else arg
    assert check_html(f"{{{{ kunde_navn|{name}{arg} }}}}").ok


def test_undeclared_variable_is_an_error_with_line():
    error = only_error(check_html("<p>Hei</p>\n<p>{{ rabattkode }}</p>"))
    assert (error.field, error.line, error.code) == ("body_html", 2, "undeclared_variable")
    assert "“rabattkode”" in error.message


def test_undeclared_variable_as_filter_argument_is_an_error():
    error = only_error(check_html("{{ kunde_navn|default:hemmelig }}"))
    assert error.code == "undeclared_variable"


def test_declared_variable_is_allowed_and_unused_one_is_a_warning():
    check = check_html("{{ rabattkode }}", variables=["rabattkode", "leveringsdag"])
    assert check.ok
    assert [(w.field, w.code) for w in check.warnings] == [("variables", "unused_variable")]
    assert "“leveringsdag”" in check.warnings[0].message


def test_variable_used_only_in_the_subject_or_text_counts_as_used():
    check = template_check(
        subject="Kode {{ rabattkode }}",
        body_html="<p>x</p>",
        body_text="{{ leveringsdag }}",
        variables=["rabattkode", "leveringsdag"],
    )
    assert check.ok and not check.warnings


def test_errors_name_the_field_they_are_in():
    check = template_check(
        subject="{{ settings.SECRET_KEY }}",
        body_html="ok",
        body_text="linje 1\n{% load i18n %}",
        variables=[],
    )
    assert [(e.field, e.line) for e in check.errors] == [("subject", 1), ("body_text", 2)]


def test_subject_must_be_one_line():
    check = template_check(subject="Hei\nBcc: x@example.com", body_html="x", variables=[])
    assert [e.code for e in check.errors] == ["subject_newline"]


def test_unclosed_if_is_a_syntax_error_with_line():
    error = only_error(check_html("a\nb\n{% if kunde_navn %}c"))
    assert (error.line, error.code) == (3, "syntax_error")


@pytest.mark.parametrize("name", ["Kunde", "_privat", "settings.X", "1a", "a b", 7])
def test_declared_variable_names_must_be_plain_identifiers(name):
    check = check_html("x", variables=[name])
    assert [e.code for e in check.errors] == ["invalid_variable_name"]


def test_messages_are_translated():
    with translation.override("nb"):
        error = only_error(check_html("x\n{% load static %}"))
    assert error.message.startswith("Linje 2")


def test_variables_must_be_a_list():
    check = template_check(subject="x", body_html="x", variables="kunde_navn")
    assert [e.code for e in check.errors] == ["invalid_variables"]
