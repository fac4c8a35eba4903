"""Which email template a request means: by meaning, in Norwegian and English.

A template is read for its name, category and subject; a request for the words it uses. Both
are reduced to concepts ("prisliste", "price list" and "priser" are one concept) and to word
stems, and the template sharing the most with the request wins. Nothing fits: the request's
own concept becomes a proposal for a new template (named after what was asked for, with a short
starter text in the user's language), never another template in its place.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ai_assistant.offline.kinds import kind_of_word
from ai_assistant.offline.text import el_stem, fold, stems
from ai_assistant.offline.timing import is_day_word

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
    #: Whether its words also name it at the end of a compound ("ukesmeny", "sommertilbud");
    #: not the order form ("returskjema" is another form).
    compounds: bool = True


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "bestilling",
        (
            "bestillingsskjema", "skjema", "order form", "ordering form", "order sheet",
            "order list", "ordering list", "ordreliste", "ordrelista",
            "bestillingsliste", "bestillingslenke", "order link", "bestilling", "ordering",
            # The weekly order form in one word, and in Swedish.
            "ukebestilling", "ukesbestilling", "ukeskjema", "ukesskjema",
            # Nynorsk "tinging" (ordering): "tingingsskjemaet", "tingingslista".
            "tingingsskjema", "tingingsliste", "tingingslista", "tingingslenke",
            "beställningsformulär", "bestillningsformulär", "orderformulär", "beställningslista",
            "formulär",
        ),
        ("Bestillingsskjema", "Order form"),
        "bestilling",
        compounds=False,
    ),
    Concept(
        "reminder",
        (
            "påminnelse", "paminnelse", "paaminnelse", "påminning", "paaminning", "purring",
            "purre", "reminder", "remind", "nudge", "follow-up",
            # What a reminder says, quoted as its name ("«har dere glemt å bestille?»-mailen").
            "glemt å bestille", "glemt bestillingen", "glemt å handle", "gløymt å bestille",
            "gløymd å bestille", "glømt å bestille", "forgot to order", "forgotten to order",
            "forget to order", "har du husket", "har dere husket",
            # What it says: the order has not come ("mailen om at vi ikke har fått bestillingen
            # deres", "the email saying we haven't received your order").
            "ikke fått bestillingen", "ikkje fått bestillinga", "ikke mottatt bestillingen",
            "ikke fått ordren", "ikkje fått tinginga", "not received your order",
            "haven't received your order", "havent received your order", "no order from you",
        ),
        ("Påminnelse", "Reminder"),
        "reminder",
    ),
    Concept(
        "confirmation",
        (
            "bekreftelse", "ordrebekreftelse", "orderbekräftelse", "bekräftelse", "kvittering",
            "stadfesting", "ordrestadfesting",
            "confirmation", "receipt", "confirm",
            "takk for bestillingen", "takk for ordren", "thanks for your order",
            "thank you for your order", "order confirmation",
        ),
        ("Ordrebekreftelse", "Order confirmation"),
        "confirmation",
    ),
    Concept(
        "welcome",
        ("velkomst", "velkommen", "välkomst", "welcome", "onboarding"),
        ("Velkommen som kunde", "Welcome"),
        "welcome",
    ),
    Concept(
        "prisliste",
        (
            "prisliste", "priser", "prisene", "prisoversikt", "pris", "price list", "pricelist",
            "prices", "pricing", "price sheet", "price",
            # "oversikten over hva boksene koster", "what the wines cost now".
            "koster", "kostar", "costs",
        ),
        ("Prisliste", "Price list"),
        "prisliste",
    ),
    Concept(
        "nyhetsbrev",
        (
            "nyhetsbrev", "månedsbrev", "månadsbrev", "nyhetsbrev", "ukebrev", "nyheter",
            "newsletter", "news letter",
            "monthly letter", "news",
            # A customers' paper or magazine ("kundebladet vårt", "the customer magazine").
            "kundeblad", "kundeavis", "medlemsblad", "kundemagasin", "customer magazine",
            "magazine", "bulletin",
            # An older word for a letter of news ("Nyhetsskrivet", "månedsskrivet").
            "nyhetsskriv", "månedsskriv", "månadsskriv", "infoskriv", "informasjonsskriv",
        ),
        ("Nyhetsbrev", "Newsletter"),
        "nyhetsbrev",
    ),
    Concept(
        "tilbud",
        (
            "tilbud", "kampanje", "rabatt", "offer", "deal", "campaign", "special",
            "discount", "promotion", "promo", "erbjudande", "erbjudandet", "kampanj",
            "bargain", "kupp", "godt kjøp", "gode kjøp", "røverkjøp", "good buys",
            # Danish and Swedish ("kampagnemail", "ugens kampagne", "rea").
            "kampagne", "kampagner", "tilbudsavis", "deals",
        ),
        ("Tilbud", "Offer"),
        "tilbud",
    ),
    Concept("meny", ("meny", "menu", "menyen"), ("Meny", "Menu"), "meny"),
    Concept(
        "survey",
        (
            "undersøkelse", "undersøking", "spørreundersøkelse", "kundeundersøkelse",
            "spørreskjema", "enkät", "survey", "questionnaire", "feedback form",
            "tilbakemeldingsskjema",
        ),
        ("Kundeundersøkelse", "Customer survey"),
        "survey",
    ),
    Concept(
        "levering",
        (
            "levering", "leveranse", "leveringsinfo", "delivery", "deliveries", "utkjøring",
            "på vei", "on the way", "on its way", "out for delivery", "underveis",
            # When the truck comes: the delivery routes ("mailen om når bilen kommer").
            "når bilen kommer", "når bilen kjem", "når bilen kømmer", "bilen kommer",
            "når varebilen kommer", "når lastebilen kommer", "kjørerute", "kjøreplan",
            "ruteplan", "leveringsdag", "leveringsplan", "when the truck", "when the van",
            "truck comes", "van comes", "delivery schedule", "delivery route",
            # "the delivery plan": a plan of deliveries said in English is the same plan.
            "delivery plan", "delivery plans", "delivery timetable", "driving plan",
        ),
        ("Leveringsinfo", "Delivery information"),
        "levering",
    ),
    Concept(
        "faktura",
        (
            "faktura", "betalingspåminnelse", "invoice", "payment reminder", "betaling",
            "payment", "ubetalt", "unpaid", "forfalt", "overdue",
        ),
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
        "invitasjon",
        (
            "invitasjon", "innbydelse", "invitation", "invite", "invitere", "invitering",
            "invitationen",
        ),
        ("Invitasjon", "Invitation"),
        "invitasjon",
    ),
    Concept(
        "pleierad",
        (
            # How to care for or maintain what was bought (nb, nn, da, en).
            "pleieråd", "pleierad", "pleietips", "pleieveiledning", "stelltips", "stelletips",
            "stellråd", "stelleråd", "stellguide", "stell av", "pleie av", "vedlikehold av",
            "vedlikeholdsråd", "vedlikehaldsråd", "vedlikeholdstips", "vedlikehaldstips",
            "vedlikeholdsguide", "plejeråd", "plejetips", "plejevejledning", "care tips",
            "care instructions", "care guide", "care advice", "caring tips", "maintenance tips",
            "maintenance guide", "maintenance advice", "maintenance instructions",
            # Watering and tending plants (nb, nn, sv, da, en): "vanningsrådene", "skötselråden".
            "vanningsråd", "vanningstips", "vatningsråd", "vatningstips", "vattningsråd",
            "vattningstips", "skötselråd", "skötseltips", "skjøtselsråd", "skjøtselråd",
            "plejeanvisning", "plant care", "watering tips", "watering advice",
        ),
        ("Pleieråd", "Care tips"),
        "pleierad",
    ),
    Concept(
        "stengt",
        (
            "stengt", "ferie", "åpningstider", "åpningstid", "opningstid", "closed",
            "opening hours", "opening times", "holiday notice",
        ),
        ("Åpningstider", "Opening hours"),
        "informasjon",
    ),
    Concept(
        "pant",
        (
            "pant", "pantoppgjør", "returkasse", "returkasser", "tomgods", "deposit",
            "bottle deposit", "deposit settlement", "deposit statement", "empties",
            "returnable crates",
        ),
        ("Pantoppgjør", "Deposit settlement"),
        "pant",
    ),
    Concept(
        "sortiment",
        (
            "sortiment", "vareutvalg", "produktnyheter", "range", "assortment",
            "product range", "new products", "sesongvarer", "seasonal range",
        ),
        ("Sortiment", "Product range"),
        "sesong",
    ),
    Concept(
        "sesongstart",
        (
            # Ordering ahead for a season ("forhåndsbestilling for skisesongen", "pre-order for
            # the Christmas season", "season kickoff").
            "forhåndsbestilling", "forhåndsbestill", "forhandsbestilling", "førhandsbestilling",
            "pre-order", "preorder", "pre order", "order ahead", "sesongstart", "sesongåpning",
            "season start", "season kickoff", "season kick-off", "season opening", "sesong",
            "season",
            # Stocking up before a holiday or a season ("ferieforsyning", "fyll lageret før
            # ferien", "stock up before the summer").
            "forsyning", "ferieforsyning", "sommerforsyning", "fyll lageret", "fylle lageret",
            "fyll opp lageret", "stock up", "stocking up", "stock-up",
        ),
        ("Sesongstart", "Season start"),
        "sesong",
    ),
    Concept(
        "hygiene",
        (
            # Hygiene and food safety at the customer's (nb, nn, en).
            "hygiene", "hygienetips", "hygienerutiner", "mattrygghet", "matsikkerhet",
            "food safety", "food hygiene", "hygiene tips", "hand hygiene", "håndhygiene",
        ),
        ("Hygienetips", "Hygiene tips"),
        "hygiene",
    ),
    Concept(
        "pafyll",
        (
            # Filling up what the customer runs out of (dispensers, stock): nb, nn, da, sv, en.
            "påfyll", "påfylling", "påfyllning", "påfyldning", "påfyld", "etterfylling",
            "efterfyldning", "refill", "refills", "top-up", "top up", "topping up", "fylle på",
            "fyller på", "fylder på", "fylde på", "fylla på", "fyller opp",
            # Running out of it: "mailen om at de snart går tom for papir", "running out".
            "går tom", "gå tom", "går tomme", "tomt for", "tom for", "tomme for", "snart tomt",
            "running out", "run out", "runs out", "running low", "går tom for",
        ),
        ("Påfyll", "Refill"),
        "pafyll",
    ),
    Concept(
        "emballasje",
        (
            # Bags, boxes and wrapping sold to the customers (nb, nn, da, sv, en).
            "emballasje", "emballasjen", "emballage", "emballagen", "förpackning",
            "förpackningar", "packaging", "packaging materials",
        ),
        ("Emballasje", "Packaging"),
        "emballasje",
    ),
    Concept(
        "hms",
        (
            # Safety data sheets and health-and-safety papers (nb "sikkerhetsdatablad", da
            # "sikkerhedsdatablad", sv "säkerhetsdatablad", "HMS-datablad", en "SDS").
            "sikkerhetsdatablad", "sikkerhedsdatablad", "säkerhetsdatablad", "tryggleiksdatablad",
            "datablad", "hms-datablad", "hms", "safety data sheet", "safety sheet",
            "data sheet", "datasheet", "sds", "msds", "hms-info", "hmsinfo",
        ),
        ("Sikkerhetsdatablad", "Safety data sheet"),
        "hms",
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
    mal template malen dere dokker dykk du deg oss vi me jeg eg you your we us kunne could
    would""".split()
)


def _phrase_pattern(phrase: str, *, compounds: bool) -> re.Pattern[str]:
    words = [re.escape(fold(w)) for w in phrase.split()]
    # A word of five letters or more also ends a compound ("ukesmenyen", "sommerpriser").
    start = r"(?<![\wæøå])[\wæøå]*?" if compounds and len(phrase) >= 5 else r"(?<![\wæøå])"
    return re.compile(start + r"\s+".join(words) + r"[\wæøå]*")


_PATTERNS: tuple[tuple[Concept, tuple[re.Pattern[str], ...]], ...] = tuple(
    (concept, tuple(_phrase_pattern(w, compounds=concept.compounds) for w in concept.words))
    for concept in CONCEPTS
)


# A plan, route or schedule of something ("leveringsplanen", "delivery route plan") is not
# that something; a dealer is not a deal.
_PLAN_HEAD = re.compile(
    r"[\wæøå]{4,}?s?(?:plan|rute|ruter|kalender|timeplan|kart)(?:en|er|ene|et|a)?"
)
_PLAN_AFTER = re.compile(
    r"\s+(?:route\s+|delivery\s+)?(?:plans?|timetables?|calendars?|maps?|routes?)\b"
)
_PEOPLE = re.compile(r"dealers?|dealerships?")


def _another_head(concept: Concept, m: re.Match[str], folded: str) -> bool:
    token = m.group(0)
    if _PLAN_AFTER.match(folded, m.end()) or _PEOPLE.fullmatch(token):
        return True
    if token in concept.words or _PLAN_HEAD.fullmatch(token) is None:
        return False
    # "leveringsplanen", "kjøreplanen": an inflected form of the concept's own plan word.
    return not any(token.startswith(w) and _PLAN_HEAD.fullmatch(w) for w in concept.words)


def concepts_in(text: str) -> list[tuple[Concept, re.Match[str]]]:
    """The concepts a text names, in the order it names them."""
    # Asked dozens of times per parse, often of the same words (template names and subjects,
    # each word of a request): one scan of every concept's patterns per distinct text.
    return list(_concepts_in(text))


@functools.lru_cache(maxsize=8192)
def _concepts_in(text: str) -> tuple[tuple[Concept, re.Match[str]], ...]:
    folded = fold(text)
    matches: list[tuple[Concept, re.Match[str]]] = []
    for concept, patterns in _PATTERNS:
        for pattern in patterns:
            matches.extend(
                (concept, m)
                for m in pattern.finditer(folded)
                if not _another_head(concept, m, folded)
            )
    # The longest phrase wins where phrases overlap ("takk for bestillingen" is a confirmation,
    # not a thank-you and the order form); each concept once, where it is first named.
    taken: list[tuple[int, int]] = []
    found: dict[str, tuple[Concept, re.Match[str]]] = {}
    for concept, m in sorted(matches, key=lambda item: -(item[1].end() - item[1].start())):
        length = m.end() - m.start()
        if any(
            m.start() < end and start < m.end() and end - start > length for start, end in taken
        ):
            continue  # inside a longer phrase (equal ones both count: "fakturapåminnelse")
        taken.append(m.span())
        if concept.key not in found or m.start() < found[concept.key][1].start():
            found[concept.key] = (concept, m)
    if "faktura" in found and "reminder" in found:
        # "fakturapåminnelse", "invoice reminder": a reminder about an invoice, not about ordering.
        invoice, reminder = found["faktura"][1], found["reminder"][1]
        first, second = sorted((invoice, reminder), key=lambda m: m.start())
        between = folded[first.end() : second.start()]
        # "fakturapåminnelse", "purring på faktura", "reminder about the invoice".
        if re.fullmatch(
            r"[\s-]*(?:(?:på|om|for|av|til|about|on|of|for)\s+)?(?:(?:en|ei|et|den|the|an?"
            r"|your|their|deres|din)\s+)?",
            between,
        ):
            del found["reminder"]
    return tuple(sorted(found.values(), key=lambda item: item[1].start()))


# "dagens", "ukas", "weekly": when something is sent, not what; a template named "Dagens
# fangst" is not the request "ukas oppskrift". They only tip the balance between templates
# that fit for other reasons.
_QUALIFIER_WORDS = frozenset(
    """dagens ukas ukens månedens årets today today's todays daily weekly monthly ukentlig
    ukentlige månedlig månedlige daglig daglige this week's weeks week uke uka uken dag
    dagen""".split()
)
# Content words in English and their Norwegian stems, for templates named in Norwegian ("the
# cod season email" -> "Skreisesongen", "today's catch" -> "Dagens fangst").
_LEXICON: dict[str, tuple[str, ...]] = {
    "cod": ("skrei", "torsk"), "skrei": ("torsk",), "torsk": ("skrei",),
    "catch": ("fangst",), "season": ("sesong",), "seasonal": ("sesong",),
    "christmas": ("jul",), "xmas": ("jul",), "easter": ("påske",), "summer": ("sommer",),
    "winter": ("vinter",), "spring": ("vår",), "autumn": ("høst",), "baking": ("bakst",),
    "bakes": ("bakst",), "bread": ("brød",), "cake": ("kake",), "cakes": ("kake",),
    "fresh": ("fersk",), "fish": ("fisk",), "salmon": ("laks",), "shrimp": ("reke",),
    "prawns": ("reke",), "crab": ("krabbe",), "seafood": ("sjømat",), "meat": ("kjøtt",),
    "cheese": ("ost",), "milk": ("melk",), "dairy": ("meieri",), "coffee": ("kaffe",),
    "beer": ("øl",), "wine": ("vin",), "fruit": ("frukt",), "vegetables": ("grønnsak",),
    "flowers": ("blomst",), "oven": ("ovn",), "lunch": ("lunsj",), "catalogue": ("katalog",),
    "catalog": ("katalog",), "news": ("nytt",),
    "funeral": ("begravelse", "bisettelse", "sorg"), "funerals": ("begravelse", "sorg"),
    "wreath": ("krans",), "wreaths": ("krans",), "roses": ("rose",), "rose": ("rose",),
    "plants": ("plante",), "plant": ("plante",), "watering": ("vanning",),
    # Supplies and backorders: "the workshop supplies mail", "the backorder mail".
    "supplies": ("rekvisita", "forbruksvare"), "supply": ("rekvisita",),
    "backorder": ("restordre",), "backorders": ("restordre",), "back-order": ("restordre",),
    "detergent": ("vaskemiddel", "vaskemidl"), "detergents": ("vaskemiddel", "vaskemidl"),
    "gloves": ("hansk",), "invoices": ("faktura",), "invoice": ("faktura",),
    "overdue": ("forfalt", "forfall"), "stationery": ("kontorrekvisita", "rekvisita"),
    # Complaints: "the complaint received mail" -> "Reklamasjon mottatt".
    "complaint": ("reklamasjon", "klage"), "complaints": ("reklamasjon", "klage"),
    "received": ("mottatt",),
}  # fmt: skip
# Concepts so common in requests that their words name no template by its name ("ordre" is
# not the "Ordrebekreftelse").
_EVERYDAY = frozenset({"bestilling", "reminder", "confirmation", "welcome"})


# Words of when and for whom, never a template's content.
_WHEN_WORDS = frozenset(
    """måned måneden måneder mnd month months monthly uke uken uker week weeks dag dagen dager
    day days første first andre second tredje third siste last hver every each time timer hour
    hours minutt minutter minutes neste next morgen morgenen morning kveld kvelden evening
    middag noon natt night senere later etter after før before innen within helg helgen
    weekend weekends""".split()
)


# Words of every request about orders and customers: no template's name by themselves.
_TRADE_WORDS = frozenset(
    """ordre ordren ordrer ordrene order orders ordered ordering bestilt bestille bestiller
    bestilte vare varer varene goods items products kunde kunden kunder kundene customer
    customers info informasjon information update oppdatering liste lista listen list lists
    melding message beskjed ones those them still fortsatt""".split()
)


_INVITED_TO = re.compile(
    r"\b(invitasjon\w*|innbydelse\w*|invitation\w*|invite)\s+(?:til|to|for|på|te)\s+"
    r"(?:the\s+|our\s+|vår\w*\s+|årets\s+|this\s+year'?s\s+)?[\wæøå-]+",
    re.IGNORECASE,
)
# "i jula", "over påske", "at Christmas": a season said as when something is sent.
_SEASON_WHEN = re.compile(
    r"\b(?:i|over|gjennom|at|during|in|for|til)\s+(?:the\s+)?(?:jula|julen|romjula|romjulen"
    r"|julehelga|julehelgen|påska|påsken|påskeuka|påskeuken|juleuka|juleuken|juleveka"
    r"|jula?\s+og\s+nyttår|romjulsuka|christmas\s+week|easter\s+week|christmas|xmas|easter"
    r"|the\s+holidays|the\s+festive\s+season)\b",
    re.IGNORECASE,
)


def _name_terms(
    text: str, found: list[tuple[Concept, re.Match[str]]], *, parts: bool = True
) -> set[str]:
    """The request's content words (and their Norwegian stems) that may be part of a
    template's own name."""
    everyday = {m.group(0) for concept, m in found if concept.key in _EVERYDAY}
    terms: set[str] = set()
    for word in re.findall(r"[\wæøå']+", _EMAIL_WORD.sub(" ", fold(text))):
        if (
            word in _STOP
            or word in _QUALIFIER_WORDS
            or word in _WHEN_WORDS
            or word in _TRADE_WORDS
            or is_day_word(word)
            or kind_of_word(word) is not None
            or word in everyday
            or word.isdigit()
            or any(word in phrase or phrase in word for phrase in everyday)
        ):
            continue
        found = {s for s in stems(word) if len(s) >= 4} | set(_LEXICON.get(word, ()))
        if el_stem(word):
            found.add(el_stem(word))  # "vaskemiddel-mail": the "Vaskemidler" of a name
        if parts:
            found |= _compound_head(word) | _content_compound(word) | _notice_head(word)
        for stem in list(found):
            found |= set(_LEXICON.get(stem, ()))
        terms |= found
    return terms


_CONCEPT_WORDS = tuple(
    sorted(
        {fold(w) for c in CONCEPTS for w in c.words if len(w) >= 5 and " " not in w},
        key=len,
        reverse=True,
    )
)


def _compound_head(word: str) -> set[str]:
    """What a compound says before a kind of email ("julekampanjen" -> "jul", "skreitilbud" ->
    "skrei"): the content that may name a template."""
    for known in _CONCEPT_WORDS:
        at = word.find(known)
        if at >= 3:
            head = word[:at].rstrip("s-")
            if head in _WHEN_WORDS or head in _QUALIFIER_WORDS or head in _TRADE_WORDS:
                return set()
            return {s for s in stems(head) if len(s) >= 3}
    return set()


_CONTENT_WORDS = frozenset(_LEXICON) | frozenset(w for ws in _LEXICON.values() for w in ws)


# A notice's or message's word at the end of a compound ("servicevarselet", "driftsmeldinga",
# "rabattinfo", "service notice"): what comes before it says which email.
_NOTICE_TAIL = re.compile(
    r"^(?P<head>[a-zæøå]{4,}?)s?-?(?:varsel|varselet|varsl|varsling|varslinga|varslingen|melding"
    r"|meldinga|meldingen|info|informasjon|beskjed|beskjeden|notice|notification)$"
)


def _notice_head(word: str) -> set[str]:
    m = _NOTICE_TAIL.match(word)
    if m is None or m["head"] in _WHEN_WORDS or m["head"] in _TRADE_WORDS:
        return set()
    return {s for s in stems(m["head"]) if len(s) >= 4}


def _content_compound(word: str) -> set[str]:
    """A compound that starts with a content word ("torskesesong", "laksepriser"): that word,
    its other names, and the rest when it names no kind of email."""
    for at in range(3, len(word) - 2):
        head, tail = word[:at], word[at:]
        for known in (head, head[:-1] if head[-1] in "es" else head):
            if known in _CONTENT_WORDS:
                found = {known, *_LEXICON.get(known, ())}
                if len(tail) >= 6 and tail not in _TRADE_WORDS and not concepts_in(tail):
                    found |= {s for s in stems(tail) if len(s) >= 6}
                return found
    return set()


def _in_name(term: str, name_words: list[str]) -> bool:
    """``term`` is a word of the name or a part of one ("skrei" in "skreisesongen", "jul" at the
    start of "julebaksten")."""
    for word in name_words:
        if word == term or word.startswith(term) or (len(term) >= 5 and term in word):
            return True
    return False


def _qualifies(qualifier: str, words: list[str]) -> bool:
    """ "today's" / "dagens", "weekly" / "ukens": the same qualifier, in either language."""
    same = {
        "today's": "dagens", "todays": "dagens", "today": "dagens", "daily": "dagens",
        "weekly": "ukens", "ukas": "ukens", "monthly": "månedens",
    }  # fmt: skip
    wanted = {qualifier, same.get(qualifier, qualifier)}
    if "ukens" in wanted:
        wanted |= {"ukas", "ukens", "weekly"}
    return bool(wanted & set(words))


# "e-post", "e-mail", "epostadresse": how it is sent, never what ("post" is no name's word).
_EMAIL_WORD = re.compile(r"(?<![\wæøå])e-?(?:post|mail|mejl)[\wæøå]*")


def _content_stems(text: str) -> set[str]:
    out: set[str] = set()
    for word in re.findall(r"[\wæøå]+", _EMAIL_WORD.sub(" ", fold(text))):
        if word in _STOP or word in _QUALIFIER_WORDS or len(word) < 3 or word.isdigit():
            continue
        out |= {s for s in stems(word) if len(s) >= 3}
    return out


def _subject_content(text: str) -> set[str]:
    """The stems of the words of a subject (or a request) that say what it is about: not when,
    to whom, nor the words of every order."""
    out: set[str] = set()
    for word in re.findall(r"[\wæøå]+", _EMAIL_WORD.sub(" ", fold(text))):
        if (
            len(word) < 5
            or word in _STOP
            or word in _QUALIFIER_WORDS
            or word in _WHEN_WORDS
            or word in _TRADE_WORDS
            or is_day_word(word)
            or kind_of_word(word) is not None
            or word.startswith(("bestill", "order", "ordre"))
        ):
            continue
        out |= {s for s in stems(word) if len(s) >= 5}
    return out


# "mailen om shampo/voks", "hansker/tørkepapir mailen": things listed as what an email is about.
_THINGS_LISTED = re.compile(r"(?<![\wæøå/])([a-zæøå]{4,}(?:/[a-zæøå]{4,})+)(?![\wæøå/])")


def _request_things(text: str) -> set[str]:
    """The things a request lists as what its email is about, four letters on ("voks")."""
    out: set[str] = set()
    for m in _THINGS_LISTED.finditer(fold(text)):
        for word in m.group(1).split("/"):
            if word not in _STOP and not is_day_word(word) and kind_of_word(word) is None:
                out |= {s for s in stems(word) if len(s) >= 4}
    return out


def _subject_tails(text: str) -> set[str]:
    """The words of a subject of four letters on, and the last parts of its compounds
    ("Bilshampo": "shampo"), for the things a request lists."""
    out: set[str] = set()
    for word in re.findall(r"[\wæøå]+", _EMAIL_WORD.sub(" ", fold(text))):
        if len(word) < 4 or word in _STOP or word in _WHEN_WORDS or word in _TRADE_WORDS:
            continue
        for stem in stems(word):
            out.add(stem)
            out |= {stem[i:] for i in range(3, len(stem) - 3)}
    return {w for w in out if len(w) >= 4}


def _ascii(text: str) -> str:
    return text.translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o"}))


# Each concept's one-word names without æøå, longest first ("undersokelse", "kampanje").
_ASCII_WORDS = sorted(
    ((_ascii(fold(w)), c.key) for c in CONCEPTS for w in c.words if len(w) >= 5 and " " not in w),
    key=lambda item: -len(item[0]),
)


def _concepts_in_slug(category: str) -> set[str]:
    """A category slug written without æøå ("sporreundersokelse", "paminnelse"): the concept
    whose word it is or ends in."""
    slug = _ascii(fold(category)).replace("_", "").replace("-", "")
    for word, key in _ASCII_WORDS:
        if slug.endswith(word) or slug.startswith(word):
            return {key}
    return set()


@dataclass
class Scored:
    template: Mapping[str, Any]
    score: int


@dataclass
class TemplateMatcher:
    """The business's templates, read once per request."""

    templates: Sequence[Mapping[str, Any]]
    #: Per template: the concepts its category, its name and its subject stand for.
    _concepts: list[tuple[set[str], set[str], set[str]]] = field(default_factory=list)
    _stems: list[set[str]] = field(default_factory=list)
    #: Per template: the content word stems of its subject.
    _subject_stems: list[set[str]] = field(default_factory=list)
    #: Per template: the words of its name.
    _name_words: list[list[str]] = field(default_factory=list)
    #: Per template: its subject's words and the last parts of their compounds.
    _subject_tails: list[set[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for template in self.templates:
            category = str(template.get("category") or "")
            by_category = (
                {c.key for c in CONCEPTS if c.category == category}
                | {c.key for c, _m in concepts_in(category.replace("_", " "))}
                | _concepts_in_slug(category)
            )
            by_name = {c.key for c, _m in concepts_in(str(template.get("name") or ""))}
            by_subject = {c.key for c, _m in concepts_in(str(template.get("subject") or ""))}
            self._concepts.append((by_category, by_name, by_subject))
            self._stems.append(_content_stems(f"{template.get('name', '')} {category}"))
            self._subject_stems.append(_subject_content(str(template.get("subject") or "")))
            self._subject_tails.append(_subject_tails(str(template.get("subject") or "")))
            self._name_words.append(re.findall(r"[\wæøå]+", fold(str(template.get("name") or ""))))

    def ranked(self, text: str, *, prefer: Iterable[str] = ()) -> list[Scored]:
        """Templates sharing something with ``text``, best first: a concept its category
        stands for counts most, then its name, then its subject, then shared word stems.
        ``prefer``: concepts the request means without naming them."""
        # "invitasjon til julebordet": an invitation, whatever the party it is to is called.
        text = _INVITED_TO.sub(r"\1", text)
        found = concepts_in(text)
        without_season = _SEASON_WHEN.sub(" ", text)
        if without_season != text and {c.key for c, _m in concepts_in(without_season)} - _EVERYDAY:
            # "åpningstidene våre i jula": when it is sent, not what it is about.
            text = without_season
            found = concepts_in(text)
        named = {concept.key for concept, _m in found}
        # "leveringsplanen", "kjøreplanen": a plan of deliveries is the template of that kind,
        # never another that only mentions deliveries ("Deler på vei").
        as_plan = {c.key for c, m in found if _PLAN_HEAD.fullmatch(m.group(0))}
        if {"reminder", "bestilling"} <= named:
            # "de som ikke har svart med en bestilling får purring": what the reminder is about.
            named.discard("bestilling")
        # What the request means without naming it counts less than what it names.
        implied = set(prefer) - named
        words = _content_stems(text)
        terms = _name_terms(text, found)
        # The request's own words, not the parts of its compounds ("vårmessen" is a fair, not
        # the spring of "Sesongnytt: jul og vår").
        whole_terms = _name_terms(text, found, parts=False)
        # A word in the names of several templates ("Ukesbestilling renhold", "Prisliste
        # renhold") is the business's own word: it says which of them no more than another.
        # Unless the request names the rest of one's name too ("today's catch": "Dagens fangst",
        # not "Bestillingsskjema - ukas fangst").
        shared = {t for t in terms if sum(_in_name(t, w) for w in self._name_words) >= 2}
        terms -= shared
        words = {w for w in words if sum(w in stems_ for stems_ in self._stems) < 2}
        # The request's content words that two subjects or more share say nothing of which.
        subject_words_of = {
            w for w in _subject_content(text) if sum(w in s for s in self._subject_stems) < 2
        }
        things = {w for w in _request_things(text) if sum(w in s for s in self._subject_tails) < 2}
        # What the request is about beyond the everyday emails of ordering.
        content = named - _EVERYDAY
        qualifiers = {w for w in re.findall(r"[\wæøå']+", fold(text)) if w in _QUALIFIER_WORDS}
        phrases = _two_word_phrases(text)
        scored = []
        for template, (
            by_category,
            by_name,
            by_subject,
        ), template_stems, name_words, subject, tails in zip(
            self.templates,
            self._concepts,
            self._stems,
            self._name_words,
            self._subject_stems,
            self._subject_tails,
            strict=True,
        ):
            # "Ukesbestilling kontorkaffe": the business's own product word in the name of its
            # order form or reminder says which one only where the request asks for that kind
            # of email ("tips om kaffemaskinen" is not the order form).
            name_terms = terms
            if shared and any(_qualifies(q, name_words) for q in qualifiers):
                name_terms = terms | shared
            if by_category and by_category <= _EVERYDAY and not named & by_category:
                name_terms = set()
            score = (
                10 * len(named & by_category)
                + 6 * len(named & by_name)
                + 3 * len(named & by_subject)
                + 4 * len(implied & by_category)
                + 2 * len(implied & (by_name | by_subject))
                + 3 * len(words & template_stems)
                # A content word that is (part of) the template's own name says which one.
                + 15 * sum(_in_name(t, name_words) for t in name_terms)
                # "tips om skjenkeregler og alderskontroll": words its subject says, when the
                # request names no kind of email the template is not.
                + 2 * len(subject_words_of & subject)
                # "mailen om shampo og voks": the things its subject lists ("Bilshampo, voks").
                + 2 * len(things & tails - subject_words_of)
            )
            # Only a word that is (or starts) a word of the name: "lageret" in "open dag på
            # lageret" is not the "Sommerlager".
            by_whole_terms = any(
                any(w == t or w.startswith(t) for w in name_words) for t in name_terms & whole_terms
            )
            # What a template IS: its category's kind of email, else its name's; its subject
            # says what it is only for a template of no known kind ("Hvor fornøyd er du med
            # leveransene?" is a survey, not a delivery notice).
            what_it_is = by_category | by_name | (set() if by_category else by_subject)
            if as_plan and not as_plan & by_category:
                continue
            if content and not named & what_it_is and not by_whole_terms:
                # "fakturapåminnelse" where no template is about invoices, "leveringsvarsel"
                # where only the survey's subject is about deliveries: not that template,
                # whatever words they share.
                continue
            if phrases:
                # "dagens bakst": the subject "Dagens bakst - ferskt i dag" says it in those words.
                own = fold(f"{template.get('name') or ''} {template.get('subject') or ''}")
                score += 20 * sum(1 for p in phrases if p in own)
            shared_subject = (subject_words_of & subject) | (things & tails)
            if (
                by_category
                and score == 2 * len(shared_subject)
                and len(shared_subject) < 2
                # A long word of its subject itself ("blomsterlista": "Ukas blomsterliste"),
                # not one product word among many.
                and not any(len(w) >= 7 for w in shared_subject)
            ):
                # "informasjon om sikkerhetskrav for leker" and the price list's subject "Priser
                # på ... og leker": one product word its subject names says nothing of what a
                # template of a known kind is.
                continue
            if score:
                # "today's catch": "Dagens fangst" rather than "Bestillingsskjema - ukas fangst".
                subject_words = re.findall(r"[\wæøå]+", fold(str(template.get("subject") or "")))
                score += sum(_qualifies(q, name_words + subject_words) for q in qualifiers)
                scored.append(Scored(template, score))
        return sorted(scored, key=lambda s: (-s.score, s.template.get("id") or 0))

    def named(self, text: str) -> Mapping[str, Any] | None:
        """A template the text names by its own name ("send Prisliste vår")."""
        folded = fold(text)
        best: Mapping[str, Any] | None = None
        for template in self.templates:
            name = fold(str(template["name"]))
            # A name kept whole in a request ("hei_og_velkommen", see ``keep_names_whole``).
            # Its own punctuation ("Ka syns du?") need not be written.
            spaced = r"[\s_]+".join(re.escape(w) for w in re.findall(r"[\wæøå'-]+", name))
            if (
                len(name) >= 4
                and re.search(r"(?<![\wæøå])" + spaced + r"(?![\wæøå])", folded)
                and (best is None or len(name) > len(best["name"]))
            ):
                best = template
        return best


_JOINING = re.compile(r"\s(?:og|and|så|then|plus|samt|eller|or)\s|[?!,.;:]")
# What points from a template's name to who gets it ("Ka syns du? → barnehagan").
_POINTS_TO = r"(?:\s*(?:->|=>|\u2192|:)\s*(?=[\wæøå]))?"


def keep_names_whole(text: str, templates: Sequence[Mapping[str, Any]]) -> str:
    """``text`` with each template name that has a joining word in it ("Hei og velkommen") as
    one word ("hei_og_velkommen"), so it is not cut into two parts there."""
    for template in templates:
        name = str(template.get("name") or "").lower()
        if not _JOINING.search(name):
            continue
        words = re.findall(r"[\wæøå'-]+", name)
        if len(words) < 2:
            continue
        # The name's own punctuation ("Ka syns du?", "Glemt noe?") is part of it, not where
        # the request is cut.
        end = re.escape(name[-1]) + "?" if name[-1] in "?!." else ""
        pattern = re.compile(
            r"(?<![\wæøå])"
            + r"\W{0,3}".join(re.escape(w) for w in words)
            + r"(?![\wæøå])"
            + end
            + f"(?P<to>{_POINTS_TO})"
        )
        text = pattern.sub(functools.partial(_name_kept, "_".join(words)), text)
    return text


def _name_kept(joined: str, m: re.Match[str]) -> str:
    """The name as one word; an arrow after it ("→ barnehagan") says to whom."""
    return joined + (" til " if m["to"] else "")


# Words too common to make two words a phrase of their own ("hver dag", "til alle").
_PHRASE_STOP = frozenset(
    """hver hvert every each alle all til to the for med with send sende sendes kunder kunde
    kundene customers customer dag dagen day uke uka uken week måned month kl at og and som who
    ikke not har have""".split()
)


def _two_word_phrases(text: str) -> list[str]:
    """Two neighbouring content words of the request ("dagens bakst"), folded."""
    words = re.findall(r"[\wæøå]+", fold(text))
    return [
        f"{a} {b}"
        for a, b in itertools.pairwise(words)
        if len(a) >= 4 and len(b) >= 4 and a not in _PHRASE_STOP and b not in _PHRASE_STOP
    ]


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


def _qualified(name: str, text: str, index: int) -> str:
    """ "Tilbud" asked for as "dagens tilbud": "Dagens tilbud"."""
    for word, names in _QUALIFIERS.items():
        qualifier = names[index]
        if fold(qualifier) in fold(name):
            return name
        if re.search(r"(?<![\wæøå])" + re.escape(word) + r"(?![\wæøå])", fold(text)):
            return f"{qualifier} {name[:1].lower()}{name[1:]}"
    return name


def _new_template(name: str, category: str, language: str) -> dict[str, Any]:
    subject, body = _STARTERS["en" if language == "en" else "nb"]
    # "Takk_for_10_år_som_kunde" (a dashed name read as one word): its words again.
    name = name.replace("_", " ").strip() or name
    return {
        "name": name[:200],
        "category": category,
        "subject": subject.format(name=name)[:300],
        "body_html": body.format(name=name),
    }


def proposal(concept: Concept, text: str, language: str) -> dict[str, Any]:
    """A new template for ``concept``, named after the request ("Dagens tilbud"); by the
    request's own word for it when that is one word of its own ("send fakturaen": "Faktura",
    not "Fakturapåminnelse")."""
    index = 1 if language == "en" else 0
    name = _qualified(concept.name[index], text, index)
    own = _own_word(concept, text, language)
    if own is not None and concept.key not in ("bestilling", "reminder"):
        name = own
    return _new_template(name, concept.category, language)


def _own_word(concept: Concept, text: str, language: str) -> str | None:
    """The request's one word for ``concept`` ("fakturaen"), named as a template ("Faktura")."""
    for found, m in concepts_in(text):
        if found.key != concept.key or " " in m.group(0) or len(m.group(0)) < 5:
            continue
        token = m.group(0)
        # Its word without the inflection ("prislisten": "prisliste"), else without an ending.
        bases = [w for w in concept.words if token.startswith(w) and len(token) - len(w) <= 3]
        word = max(bases, key=len) if bases else token if language == "en" else _indefinite(token)
        if fold(word) == fold(concept.name[1 if language == "en" else 0]):
            return None
        return word[:1].upper() + word[1:]
    return None


# Words around what is to be sent that are not its name.
_FILLER = frozenset(
    """send sende sendes sendt ut out email e-mail e-post epost mail mailen the a an en et ei
    den det de dem them him her vår våre vårt our my min mine their sine sin deres ny nye nytt
    new nå now også also igjen again gjerne please automatisk automatically skal må bør vi we
    du you jeg i'd will should kunden kunder kundene kunde customer customers alle all everyone
    litt some noe something""".split()
)
# Where the name of what is sent ends: whom, when, on which condition.
_TOPIC_END = frozenset(
    """til to for hver every each på on at kl i in fra from hvis if som who that når when
    med with innen by før before etter after senest dersom unless""".split()
)


#: Words that are never what is sent.
TOPIC_FILLER = _FILLER | _TOPIC_END


def topic_proposal(rest: str, text: str, language: str, category: str) -> dict[str, Any] | None:
    """A new template named after what the request asks to send, when it is nothing the
    business has a template for ("send leveringsplanen" -> "Leveringsplan"); None when the
    words name nothing ("send en e-post")."""
    about = re.search(r"\b(?:about|om)\s+(.+)", rest.lower())
    words = re.findall(r"[\wæøå][\wæøå'-]*", (about.group(1) if about else rest).lower())
    out: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if (
            word in ("for", "om", "of", "about")
            and out
            and len(following) >= 3
            and following not in _FILLER
            and following not in _TOPIC_END
            and not is_day_word(following)
        ):
            out.append(word)  # "åpningstidene for jul": what it is of, part of its name
            continue
        if word in _TOPIC_END and out:
            break
        if word in _FILLER or word in _TOPIC_END or word.isdigit() or word.startswith("zzaddr"):
            continue
        out.append(word)
        if len(out) == 5:
            break
    if not out or not any(len(w) >= 4 for w in out):
        return None
    if language != "en":
        out = [_indefinite(w) for w in out]
    name = " ".join(out)
    index = 1 if language == "en" else 0
    name = _qualified(name[:1].upper() + name[1:], text, index)
    return _new_template(name, category, language)


def _indefinite(word: str) -> str:
    """A Norwegian noun's indefinite form: "leveringsplanen" -> "leveringsplan",
    "vilkårene" -> "vilkår", "brevet" -> "brev" (long words only)."""
    if word.endswith("idene") and len(word) >= 8:
        return word[:-3] + "er"  # "åpningstidene": "åpningstider"
    # The feminine definite of Nynorsk and dialects: "prislista" -> "prisliste",
    # "påminninga" -> "påminning".
    if word.endswith("ista") and len(word) >= 7:
        return word[:-1] + "e"
    if word.endswith("inga") and len(word) >= 7:
        return word[:-1]
    for ending in ("ene", "ane", "en", "et"):
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word
