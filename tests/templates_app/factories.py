"""factory_boy factories for the templates app (rows written directly, without the services)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from templates_app.models import EmailTemplate


class EmailTemplateFactory(DjangoModelFactory):
    class Meta:
        model = EmailTemplate

    name = factory.Sequence(lambda n: f"Mal {n}")
    subject = "Hei {{ kunde_navn }}"
    body_html = (
        "<p>Hei {{ kunde_navn }}!</p>\n"
        '<p><a href="{{ bestilling_link }}">Bestill her</a></p>\n'
        '<p><a href="{{ avmeldingslenke }}">Meld deg av</a></p>'
    )
    body_text = ""
    variables = factory.LazyFunction(lambda: ["kunde_navn", "bestilling_link"])
    category = EmailTemplate.Category.BESTILLING
