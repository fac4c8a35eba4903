"""Which email template a request means: by meaning, in Norwegian and English.

A template is read for its name, category and subject; a request for the words it uses. Both
are reduced to concepts ("prisliste", "price list" and "priser" are one concept) and to word
stems, and the template sharing the most with the request wins. Nothing fits: the request's
own concept becomes a proposal for a new template (named after what was asked for, with a short
starter text in the user's language), never another template in its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ai_assistant.offline.text import fold, stems

__all__ = ["Concept", "TemplateMatcher", "concepts_in", "proposal"]


@dataclass(frozen=True)
class Concept:
    key: str
    #: Words and phrases that say it (folded, lower case); a word may end in any inflection.
    words: tuple[str, ...]
    #: Its name in nb and en, for a proposed template.
    name: tuple[str, str]
    #: The category a proposed template gets.
    category: str


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "bestilling",
        (
            "bestillingsskjema", "skjema", "order form", "ordering form", "order sheet",
            "bestillingsliste", "bestillingslenke", "order link", "bestilling", "ordering",
        ),
        ("Bestillingsskjema", "Order form"),
        "bestilling",
    ),
    Concept(
        "reminder",
        (
            "påminnelse", "paminnelse", "purring", "purre", "reminder", "remind", "nudge",
            "follow-up",
        ),
        ("Påminnelse", "Reminder"),
        "reminder",
    ),
    Concept(
        "confirmation",
        ("bekreftelse", "ordrebekreftelse", "kvittering", "confirmation", "receipt", "confirm"),
        ("Ordrebekreftelse", "Order confirmation"),
        "confirmation",
    ),
    Concept(
        "welcome",
        ("velkomst", "velkommen", "welcome", "onboarding"),
        ("Velkommen som kunde", "Welcome"),
        "welcome",
    ),
    Concept(
        "prisliste",
        ("prisliste", "priser", "prisoversikt", "price list", "pricelist", "prices", "pricing"),
        ("Prisliste", "Price list"),
        "prisliste",
    ),
    Concept(
        "nyhetsbrev",
        (
            "nyhetsbrev", "månedsbrev", "ukebrev", "nyheter", "newsletter", "news letter",
            "monthly letter", "news",
        ),
        ("Nyhetsbrev", "Newsletter"),
        "nyhetsbrev",
    ),
    Concept(
        "tilbud",
        (
            "tilbud", "kampanje", "rabatt", "offer", "deal", "campaign", "special",
            "discount", "promotion", "promo",
        ),
        ("Tilbud", "Offer"),
        "tilbud",
    ),
    Concept("meny", ("meny", "menu", "menyen"), ("Meny", "Menu"), "meny"),
    Concept(
        "faktura",
        ("faktura", "betalingspåminnelse", "invoice", "payment reminder", "betaling", "payment"),
        ("Fakturapåminnelse", "Invoice reminder"),
        "faktura",
    ),
    Concept(
        "takk",
        ("takk", "takkebrev", "thank you", "thanks", "thank-you"),
        ("Takk", "Thank you"),
        "takk",
    ),
    Concept(
        "stengt",
        ("stengt", "ferie", "åpningstider", "closed", "opening hours", "holiday notice"),
        ("Åpningstider", "Opening hours"),
        "informasjon",
    ),
    Concept(
        "julehilsen",
        ("julehilsen", "god jul", "christmas greeting", "season's greetings", "jul", "christmas"),
        ("Julehilsen", "Christmas greeting"),
        "hilsen",
    ),
)  # fmt: skip

# "dagens tilbud", "ukens meny", "weekly offer": a qualifier that belongs in a new name.
_QUALIFIERS = {
    "dagens": ("Dagens", "Today's"),
    "ukens": ("Ukens", "This week's"),
    "månedens": ("Månedens", "This month's"),
    "today's": ("Dagens", "Today's"),
    "daily": ("Dagens", "Daily"),
    "weekly": ("Ukens", "Weekly"),
    "monthly": ("Månedens", "Monthly"),
    "månedlig": ("Månedlig", "Monthly"),
    "ukentlig": ("Ukentlig", "Weekly"),
}
# Words that say nothing about a template's content.
_STOP = frozenset(
    """send sende sendt sendes epost e-post email mail mailen til to the a an og and med with
    for hver every alle all kundene kunder customers kunde customer som who ikke not har have
    en et ei den det de på on i in kl at om of fra from vår our vårt våre new ny nytt nye
    mal template malen""".split()
)


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(fold(w)) for w in phrase.split()]
    return re.compile(r"(?<![\wæøå])" + r"\s+".join(words) + r"[\wæøå]*")


_PATTERNS: tuple[tuple[Concept, tuple[re.Pattern[str], ...]], ...] = tuple(
    (concept, tuple(_phrase_pattern(word) for word in concept.words)) for concept in CONCEPTS
)


def concepts_in(text: str) -> list[tuple[Concept, re.Match[str]]]:
    """The concepts a text names, in the order it names them."""
    folded = fold(text)
    found: list[tuple[Concept, re.Match[str]]] = []
    for concept, patterns in _PATTERNS:
        for pattern in patterns:
            m = pattern.search(folded)
            if m:
                found.append((concept, m))
                break
    return sorted(found, key=lambda item: item[1].start())


def _content_stems(text: str) -> set[str]:
    out: set[str] = set()
    for word in re.findall(r"[\wæøå]+", fold(text)):
        if word in _STOP or len(word) < 3 or word.isdigit():
            continue
        out |= {s for s in stems(word) if len(s) >= 3}
    return out


@dataclass
class Scored:
    template: Mapping[str, Any]
    score: int


@dataclass
class TemplateMatcher:
    """The business's templates, read once per request."""

    templates: Sequence[Mapping[str, Any]]
    _concepts: list[set[str]] = field(default_factory=list)
    _stems: list[set[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for template in self.templates:
            text = " ".join(str(template.get(key) or "") for key in ("name", "category", "subject"))
            keys = {concept.key for concept, _m in concepts_in(text.replace("_", " "))}
            category = str(template.get("category") or "")
            keys |= {c.key for c in CONCEPTS if c.category == category}
            self._concepts.append(keys)
            self._stems.append(_content_stems(f"{template.get('name', '')} {category}"))

    def ranked(self, text: str, *, prefer: Iterable[str] = ()) -> list[Scored]:
        """Templates sharing something with ``text``, best first. ``prefer``: concepts the
        request means without naming them (an order-created event means a confirmation)."""
        wanted = {concept.key for concept, _m in concepts_in(text)} | set(prefer)
        words = _content_stems(text)
        scored = []
        for template, keys, template_stems in zip(
            self.templates, self._concepts, self._stems, strict=True
        ):
            score = 10 * len(wanted & keys) + 3 * len(words & template_stems)
            if score:
                scored.append(Scored(template, score))
        return sorted(scored, key=lambda s: (-s.score, s.template.get("id") or 0))

    def named(self, text: str) -> Mapping[str, Any] | None:
        """A template the text names by its own name ("send Prisliste vår")."""
        folded = fold(text)
        best: Mapping[str, Any] | None = None
        for template in self.templates:
            name = fold(str(template["name"]))
            if (
                len(name) >= 4
                and re.search(r"(?<![\wæøå])" + re.escape(name) + r"(?![\wæøå])", folded)
                and (best is None or len(name) > len(best["name"]))
            ):
                best = template
        return best


_STARTERS = {
    "nb": (
        "{name} fra {{{{ firma_navn }}}}",
        "<p>Hei {{{{ kunde_navn }}}}!</p>\n<p>[Skriv innholdet i «{name}» her.]</p>\n"
        '<p><a href="{{{{ bestilling_link }}}}">Bestill her</a></p>\n'
        "<p>Hilsen {{{{ firma_navn }}}}</p>\n"
        '<p><a href="{{{{ avmeldingslenke }}}}">Meld deg av</a></p>\n',
    ),
    "en": (
        "{name} from {{{{ firma_navn }}}}",
        "<p>Hello {{{{ kunde_navn }}}}!</p>\n<p>[Write the content of “{name}” here.]</p>\n"
        '<p><a href="{{{{ bestilling_link }}}}">Order here</a></p>\n'
        "<p>Best regards, {{{{ firma_navn }}}}</p>\n"
        '<p><a href="{{{{ avmeldingslenke }}}}">Unsubscribe</a></p>\n',
    ),
}


def proposal(concept: Concept, text: str, language: str) -> dict[str, Any]:
    """A new template for ``concept``, named after the request ("Dagens tilbud")."""
    index = 1 if language == "en" else 0
    name = concept.name[index]
    for word, names in _QUALIFIERS.items():
        if re.search(r"(?<![\wæøå])" + re.escape(word) + r"(?![\wæøå])", fold(text)):
            name = f"{names[index]} {name[:1].lower()}{name[1:]}"
            break
    subject, body = _STARTERS["en" if language == "en" else "nb"]
    return {
        "name": name,
        "category": concept.category,
        "subject": subject.format(name=name),
        "body_html": body.format(name=name),
        "language": "en" if language == "en" else "nb",
    }
