"""The visual editor's HTML and the email HTML stored for it (templates_app.visual): the
sanitiser, the email-safe layout, the round trip and what may not load into the editor."""

from __future__ import annotations

import pytest

from templates_app.gallery import GALLERY, gallery_body_html
from templates_app.rendering import html_to_text, template_check
from templates_app.visual import (
    LAYOUT_END,
    LAYOUT_START,
    Button,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    Run,
    clean_url,
    document_to_email,
    editor_to_document,
    email_to_document,
    email_to_visual,
    visual_to_email,
)

EDITOR_HTML = (
    '<h1>Hei <span data-variable="kunde_navn">kunde_navn</span>!</h1>'
    "<p>Ferske <strong>kanelboller</strong> og <em>rundstykker</em>"
    '<a href="https://bakeri.example/meny?a=1&amp;b=2">menyen</a><br>ny linje</p>'
    "<ul><li><p>en</p></li><li><p>to</p><ol><li><p>a</p></li></ol></li></ul>"
    '<div data-type="email-button" data-href="{{ bestilling_link }}">Bestill nå</div>'
    '<img src="https://bakeri.example/logo.png" alt="Logo">'
    '<p><a href="{{ avmeldingslenke }}">Meld deg av</a></p>'
)


def test_the_document_of_the_editors_html():
    assert editor_to_document(EDITOR_HTML) == [
        Heading(1, (Run("Hei "), Run(variable="kunde_navn"), Run("!"))),
        Paragraph(
            (
                Run("Ferske "),
                Run("kanelboller", bold=True),
                Run(" og "),
                Run("rundstykker", italic=True),
                Run("menyen", href="https://bakeri.example/meny?a=1&b=2"),
                Run(hard_break=True),
                Run("ny linje"),
            )
        ),
        ListBlock(
            False,
            (
                (Paragraph((Run("en"),)),),
                (Paragraph((Run("to"),)), ListBlock(True, ((Paragraph((Run("a"),)),),))),
            ),
        ),
        Button("{{ bestilling_link }}", (Run("Bestill nå"),)),
        Image("https://bakeri.example/logo.png", "Logo"),
        Paragraph((Run("Meld deg av", href="{{ avmeldingslenke }}"),)),
    ]


def test_the_email_is_a_table_layout_with_inline_styles():
    email = visual_to_email(EDITOR_HTML)
    assert email.startswith(LAYOUT_START) and email.endswith(LAYOUT_END)
    assert '<h1 style="margin:0 0 16px;font-family:Helvetica,Arial,sans-serif;' in email
    assert "Hei {{ kunde_navn }}!</h1>" in email
    # The button is a table cell with a background colour for Outlook, an inline-block link.
    assert (
        '<table role="presentation" cellpadding="0" cellspacing="0" border="0" '
        'style="margin:8px 0 24px;"><tr><td align="center" bgcolor="#0b5cad" '
        'style="border-radius:6px;background-color:#0b5cad;"><a href="{{ bestilling_link }}" '
        'target="_blank" style="display:inline-block;'
    ) in email
    assert 'href="https://bakeri.example/meny?a=1&amp;b=2" style="color:#0b5cad;' in email
    assert '<img src="https://bakeri.example/logo.png" alt="Logo" style="display:block;' in email
    assert "<span" not in email and "data-" not in email and "class=" not in email
    # Every element of the body carries its own style (Outlook does not inherit fonts).
    for tag in ("<p ", "<ul ", "<ol ", "<li ", "<h1 "):
        assert tag in email
    assert "<p>" not in email and "<li>" not in email
    assert template_check(subject="x", body_html=email).ok


def test_the_text_version_is_derived_from_the_email():
    text = html_to_text(visual_to_email(EDITOR_HTML))
    assert "Hei {{ kunde_navn }}!" in text
    assert "Bestill nå ({{ bestilling_link }})" in text
    assert "- en\n- to" in text and "- a" in text


def test_the_round_trip_keeps_everything():
    document = editor_to_document(EDITOR_HTML)
    email = document_to_email(document)
    assert email_to_document(email) == document
    again = email_to_visual(email)
    assert again is not None
    assert visual_to_email(again) == email
    assert '<span data-variable="kunde_navn">' in again  # chips come back as chips
    assert '<div data-type="email-button" data-href="{{ bestilling_link }}">' in again


@pytest.mark.parametrize(
    "hostile",
    [
        '<p><a href="javascript:alert(1)">x</a></p>',
        '<p><a href="JaVaScRiPt:alert(1)">x</a></p>',
        '<p><a href=" data:text/html,x">x</a></p>',
        '<p><a href="/relative">x</a></p>',
        '<p><a href="https://x.example/{% load static %}">x</a></p>',
        '<p><a href="https://x.example/&quot;onmouseover=&quot;alert(1)">x</a></p>',
    ],
)
def test_links_that_are_not_allowed_become_plain_text(hostile):
    email = visual_to_email(hostile)
    assert "<a " not in email
    assert ">x</p>" in email


def test_the_sanitiser_keeps_only_what_the_editor_makes():
    email = visual_to_email(
        '<p onclick="alert(1)" style="position:fixed" class="x">Hei'
        "<script>alert(1)</script><style>p{}</style>"
        '<img src=x onerror="alert(1)"><iframe src="https://x.example"></iframe>'
        '<span style="color:red">rød</span><u>under</u></p>'
        '<div data-type="email-button" data-href="javascript:alert(1)">Knapp</div>'
        '<img src="data:image/png;base64,AAAA" alt="x">'
        '<img src="https://ok.example/a.png" alt="x" onerror="alert(1)" width="9999">'
        "<table><tr><td>celle</td></tr></table>"
    )
    body = email[len(LAYOUT_START) : -len(LAYOUT_END)]
    for bad in ("onclick", "script", "alert", "position", "class", "iframe", "data:", "9999"):
        assert bad not in body, bad
    assert ">Heirødunder</p>" in body  # the text stays, the markup goes
    assert ">Knapp</p>" in body  # a button without an allowed link is a paragraph
    assert '<img src="https://ok.example/a.png" alt="x" style=' in body
    assert ">celle</p>" in body


def test_typed_braces_never_become_template_code():
    email = visual_to_email(
        "<p>{% load static %} {# skjult #} {{ x|upper }} {{{ kunde_navn }}}"
        '<img src="https://x.example/{{ rabatt }}" alt="{% if %}"></p>'
    )
    check = template_check(subject="x", body_html=email, variables=["rabatt"])
    assert check.ok, check.errors
    assert "&#123;% load static %}" in email
    assert "&#123;&#123; x|upper }}" in email
    # "{{ name }}" typed in the visual editor is the variable, as a chip would be.
    assert "&#123;{{ kunde_navn }}}" in email


def test_typed_variables_are_checked_like_any_other():
    email = visual_to_email("<p>Koden er {{ rabatt_kode }}</p>")
    check = template_check(subject="x", body_html=email)
    assert [p.code for p in check.errors] == ["undeclared_variable"]
    assert template_check(subject="x", body_html=email, variables=["rabatt_kode"]).ok


def test_empty_paragraphs_and_whitespace_go():
    document = editor_to_document(
        '<p></p><p>  Hei   <strong> der </strong>  </p><p><br class="x"></p><h2> </h2>'
    )
    assert document == [Paragraph((Run("Hei "), Run(" der", bold=True)))]
    assert editor_to_document("") == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.no/a?b=c", "https://example.no/a?b=c"),
        ("  {{bestilling_link}} ", "{{ bestilling_link }}"),
        (
            "https://example.no/?kode={{ rabatt_kode }}",
            "https://example.no/?kode={{ rabatt_kode }}",
        ),
        ("mailto:ordre@example.no", "mailto:ordre@example.no"),
        ("tel:+4712345678", "tel:+4712345678"),
        ("https://", None),
        ("javascript:alert(1)", None),
        ("ftp://example.no", None),
        ("https://example.no/a b", None),
        ("{{ kunde_navn|upper }}", None),
        ("{{ settings.SECRET_KEY }}", None),
    ],
)
def test_clean_url(url, expected):
    assert clean_url(url) == expected


def test_plain_html_loads_when_nothing_is_lost():
    starter = (
        "<p>Hei {{ kunde_navn }}!</p>\n"
        '<p><a href="{{ bestilling_link }}">Bestill her</a></p>\n'
        "<p>Hilsen <b>{{ firma_navn }}</b></p>"
    )
    visual = email_to_visual(starter)
    assert visual == (
        '<p>Hei <span data-variable="kunde_navn">{{ kunde_navn }}</span>!</p>'
        '<p><a href="{{ bestilling_link }}">Bestill her</a></p>'
        '<p>Hilsen <strong><span data-variable="firma_navn">{{ firma_navn }}</span></strong></p>'
    )


@pytest.mark.parametrize(
    "markup",
    [
        '<p style="color:red">Hei</p>',
        '<p class="intro">Hei</p>',
        "<div>Hei</div>",
        "<table><tr><td>Hei</td></tr></table>",
        "<p>{% if kunde_navn %}Hei{% endif %}</p>",
        "<p>{{ kunde_navn|upper }}</p>",
        "<h4>Liten</h4>",
        '<p><a href="/relativ">lenke</a></p>',
        "<p>Hei <u>der</u></p>",
    ],
)
def test_html_the_editor_cannot_show_all_of_does_not_load(markup):
    assert email_to_visual(markup) is None


def test_a_changed_visual_layout_no_longer_loads():
    email = visual_to_email("<p>Hei</p>")
    assert email_to_visual(email) == "<p>Hei</p>"
    # Edited text in HTML mode still loads, a developer's own style does not.
    assert email_to_visual(email.replace(">Hei<", ">Hei\n  igjen<")) == "<p>Hei igjen</p>"
    assert email_to_visual(email.replace("margin:0 0 16px;", "margin:0;", 1)) is None
    assert email_to_visual(email.replace("<p ", '<p class="x" ')) is None


def test_the_gallery_layouts_load_only_when_asked_to_simplify():
    for entry in GALLERY:
        body = gallery_body_html(entry)
        assert email_to_visual(body) is None
        simplified = email_to_visual(body, lenient=True)
        assert simplified is not None
        assert '<div data-type="email-button" data-href="{{ bestilling_link }}">' in simplified
        assert "display:none" not in simplified and "preheader" not in simplified
        email = visual_to_email(simplified)
        assert template_check(subject="x", body_html=email, variables=entry["variables"]).ok
