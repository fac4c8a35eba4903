"""The template gallery: ready-made Norwegian emails, one per known category.

Each entry names an HTML file next to this module. ``manage.py demo`` loads them as
``EmailTemplate`` rows and the gallery page can offer them as starting points.

``variables`` lists what the template declares. The renderer gives every template
``kunde_navn``, ``bestilling_link``, ``firma_navn`` and ``avmeldingslenke`` (the signed
unsubscribe link every customer email must carry; see ``templates_app.rendering``), so
declaring those is optional; the gallery declares the ones a template is about, which is what
the template pages show. ``body_text`` is left empty on purpose: the text part is derived
from the HTML, so the two can never drift apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

GALLERY_DIR = Path(__file__).resolve().parent


class GalleryTemplate(TypedDict):
    name: str
    category: str
    subject: str
    file: str
    variables: list[str]
    description: str


GALLERY: list[GalleryTemplate] = [
    {
        "name": "Bestillingsskjema",
        "category": "bestilling",
        "subject": "Ukens bestilling hos {{ firma_navn }} er åpen",
        "file": "bestillingsskjema.html",
        "variables": ["kunde_navn", "bestilling_link"],
        "description": "Ukentlig e-post med personlig lenke til bestillingsskjemaet.",
    },
    {
        "name": "Påminnelse",
        "category": "reminder",
        "subject": "Påminnelse: vi har ikke fått ukens bestilling fra deg ennå",
        "file": "paminnelse.html",
        "variables": ["kunde_navn", "bestilling_link"],
        "description": "Vennlig påminnelse til kunder som ikke har bestilt denne uken.",
    },
    {
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Ordrebekreftelse {{ ordre_nummer }} fra {{ firma_navn }}",
        "file": "ordrebekreftelse.html",
        "variables": ["kunde_navn", "ordre_nummer", "bestilling_link"],
        "description": "Bekrefter en mottatt bestilling, med lenke for å bestille mer.",
    },
]


def gallery_body_html(entry: GalleryTemplate) -> str:
    return (GALLERY_DIR / entry["file"]).read_text(encoding="utf-8")
