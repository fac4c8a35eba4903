"""Held-out phrasing set v19 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: ``/work/shared/docs/
workflow-format.md`` and ``/work/shared/docs/nl-examples.md`` (whole); of
``benchmarks/parser_accuracy.py`` only ``Case``, ``key_facts`` and ``compare`` (and the imports
they need); ``tests/ai_assistant/expected_facts.py`` whole (no file under ``ai_assistant/`` was
opened, ``ai_assistant/context.py`` is only imported); of ``tests/ai_assistant/
held_out_v18.py`` only the part above ``HELD_OUT_V18: list[Case] = [`` (docstring with the
conventions, imports, templates, groups, context builder, fact-building helpers); of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1166-1200 (``class EditCase``); of
``benchmarks/bench_offline_parser.py`` the lines of v18's imports and rows (to add this set's
rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark test's list of
metric names (to add this set's two). The parser was never run on these cases (only an import
of this module, to check that it is well-formed) before the one measurement.

The business: Vestlandsblomster Engros AS in Stavanger, a wholesaler of cut flowers
(snittblomster), potted plants (potteplanter), florist supplies (vaser, gavepapir, bånd,
steinull/oasis) and seasonal goods. Customers: florists (blomsterbutikker, blomsterbutikkene,
floristene, florists), garden centres (hagesentre, hagesentrene, garden centres), grocery
stores' flower counters (dagligvare, dagligvarebutikkene, matbutikkene, supermarkets),
funeral homes (begravelsesbyråer, begravelsesbyråene, funeral homes), churches (kirker,
kirkene, kyrkjene, churches), hotels (hoteller, hotellene, hotels), event and wedding planners
(eventbyråer, eventbyråene, bryllupsplanleggerne, wedding planners), petrol stations
(bensinstasjoner, bensinstasjonene, petrol stations) and offices with plant subscriptions
(kontorbedrifter med planteabonnement, kontorene, abonnementskundene, offices). Its writers,
each case tagged in the comment above it: ``stv`` (Stavanger dialect: "ikkje", "me" = vi,
"dokkar", "kjøbe", "ska", "kvar"), ``bgo`` (Bergen dialect: "ikkje", "dokker", "kjem",
"sånn"), ``de`` (a German-born manager's Norwegian: German word order, "bitte", capitalised
nouns), ``lt`` (a Lithuanian-born driver's Norwegian: short, no articles), ``sv`` (Swedish:
"varje", "skicka", "påminnelse"), ``au`` (Australian, casual English: "arvo", "mate", "Mon
9am"), ``phone`` (typed on a phone: autocorrect errors, missing spaces), ``formal`` (a senior
employee writing very formally, with "De"), ``steps`` (numbered steps "1) … 2) … 3) …"),
``ask`` (the request put as questions) and ``times`` (mixed time notations: "9.30", "0930",
"21:00", "kl. 2 om ettermiddagen", "kl 12 midt på dagen"). Categories, as v18's: ``basic``,
``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V19_CONVERSATIONS``) are ``answers`` or ``edits``; their ``expected`` is the draft
after the follow-up.

Webhooks named in texts: ``qr-bestilling`` (a customer scans the QR code on a delivery to
reorder or complain; its data names that customer, so "kunden" is the event's customer) and
``kjølealarm`` (the cold room's temperature alarm; it is about no customer, so "send it to the
customer" after it is a question).

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions
are v18's, restated briefly: weekly single sends and chains give ``triggers`` equal to each
step's day and time, none for daily, monthly, several-day or calendar-kind schedules (a weekly
send with a holiday policy lists no triggers either); event steps "med en gang" / "straks" /
"right away" have trigger ``None``, "N minutter / timer / dager etter" a ``delay_minutes``
relative to the step before (a scheduled chain's "to timer etter" too); telling a staff group
gives only the event and ``staff_group``; later chain steps go to the first step's audience
with ``orders_missing`` since ``execution_start``; "standardordre" / "vanlig ordre" / "usual
order" / "fast ordre" is ``create_order`` ``repeat_last``; a reminder without a time is at
15:00; windows "siden mandag" ``last_monday``, "siste 7 dager" 7, "to uker" 14; a single
reminder without a stated window lists no condition; "hver hverdag" / "every weekday"
``weekdays_only``, "hver virkedag" / "every business day" ``business_days_only`` (where the
text says both, "hver hverdag unntatt helligdager", neither flag nor a policy is listed: the
two encodings mean the same); "siste virkedag" ``business_day`` -1, "første virkedag" 1;
"tredje mandag i måneden" ``weekday`` monday ``nth`` 3; ``every_weeks`` anchored on the date
given (a named day such as "valentinsdagen" or "mandagen før valentinsdagen" is resolved against
today), otherwise on the next such weekday after today (today is a Monday, so no unanchored
case uses Monday); "oddetallsuker" / "ulike uker" ``iso_weeks`` odd, "partallsuker" even;
holiday policy only where the text says what happens on a public holiday ("helligdag" /
"rød dag" / "public holiday"): "hopp over" / "skip" ``skip``, "neste virkedag" / "dagen etter"
``next_business_day``, "dagen før" / "virkedagen før" ``previous_business_day``. Times:
"9.30" / "0930" 09:30, "21:00" 21:00, "kl. 2 om ettermiddagen" 14:00, "kl 12 midt på dagen"
12:00, "7am" 07:00, "half past 3 in the arvo" 15:30, "kvart på åtte" 07:45. A vague time
("fredag morgen") lists no time.

What the format cannot express is a question (new kinds, next to v18's): anything that depends
on the freshness or stock of flowers ("når tulipanene begynner å bli gamle"), customers'
turnover ("kunder som omsetter for over 50 000"), complaints ("de som klaget forrige måned"),
unpaid invoices as an audience, email opens, a ranking ("de ti største kundene"), a customer's
birthday, supplier shipments or flower-auction prices, "every third Monday except in summer",
"i uka før påske" with no day or time, physically sending a bouquet, phoning or printing,
"when the weather gets warm", Instagram posts, a percentage discount rule, ordering from a
grower, a group that does not exist and could be several ("bedriftene": the offices, the event
agencies or the funeral homes; "butikkene": florists or grocery stores), a choice left open
("tirsdag eller onsdag", "kl 9 eller 10"), one named person or customer ("Kari på Rosenkjær
Blomster") and "send it to the customer" after ``kjølealarm``. Things that look hard but are
answerable are not questions: "tredje mandag i måneden", anchors on the Monday before
Valentine's Day, "annenhver fredag fra og med 11. februar", odd ISO weeks, "siste virkedag i
måneden, første gang i februar", a send plus a staff notice on one event.

Group slugs: blomsterbutikker / floristene / florists ``florist``; hagesentre / hagesentrene /
garden centres ``hagesenter``; dagligvare / dagligvarebutikkene / matbutikkene / supermarkets
``dagligvare``; begravelsesbyråer / begravelsesbyråene / funeral homes ``begravelse``; kirker /
kirkene / kyrkjene / churches ``kirke``; hoteller / hotellene / hotels ``hotell``; eventbyråer
/ bryllupsplanleggerne / wedding planners ``event``; bensinstasjoner / bensinstasjonene / petrol
stations ``bensin``; kontorbedrifter med planteabonnement / kontorene / abonnementskundene /
offices ``abonnement``. Staff groups: ``lager``, ``sjåfører``, ``salg``, ``kundeservice``,
``binderi``.

Templates by meaning: bestillingsskjema / skjemaet / blomsterlista / "lista over ukas blomster"
/ order form / beställningsformuläret ``bestilling``; påminnelse / purring / reminder /
"nudge" ``reminder``; ordrebekreftelse / kvittering / confirmation ``confirmation``;
tilbudsmailen / kampanjen / "ukens kupp" / specials ``tilbud``; nyhetsbrevet / Blomsterposten /
newsletter ``nyhetsbrev``; valentinsmailen / "forhåndsbestilling av roser" / "rosene til
morsdag" ``sesong``; kransemailen / sorgbinderi / "mailen om kranser" / funeral wreaths
``sorgbinderi``; leveringsplanen / kjøreplanen / "når bilen kommer" / delivery schedule
``levering``; "mailen om ubetalte fakturaer" / overdue invoices ``faktura``; stelletips /
vanningsråd / plant care tips ``stell``; velkomstmail / welcome email ``velkomst``;
rekvisita-mailen / "vaser og bånd" / "mailen om tilbehør" / florist supplies ``rekvisita``.
An invitation to the spring fair (vårmesse), a customer survey, a Christmas greeting, a price
change notice, a note about returning flower trolleys (CC-traller), new opening hours in
Easter week, a bouquet-binding course and a photo competition are ``"new"``.

Today is Monday 31 January 2033 (ISO week 5): the next Tuesday is 2033-02-01, Wednesday
2033-02-02, Thursday 2033-02-03, Friday 2033-02-04; Monday 2033-02-07 is the Monday before
Valentine's Day (Monday 2033-02-14, ISO week 7); Friday 2033-02-11; Sunday 2033-02-13 is
morsdag; Monday 2033-02-28 is the last day of February. Neither Valentine's Day nor morsdag is
a public holiday.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import (
    DAY,
    FRI,
    HOUR,
    MON,
    ORDER,
    SAT,
    SEND,
    SUN,
    THU,
    TUE,
    WED,
)
from tests.ai_assistant.parser_phrasings_v2 import EditCase

_all = facts.everyone
_g = facts.group
_ev = facts.event_customer
_at = facts.at
_delay = facts.delay
_ms = facts.missing_since_start
_missing = facts.missing
_ordered = facts.ordered
_weekly = facts.weekly
_days = facts.on_days
_daily = facts.daily
_monthly = facts.monthly
_event = facts.event
_one = facts.one_send
_wk1 = facts.weekly_send
_chain = facts.chain
_weekly_chain = facts.weekly_chain
_report = facts.report
_event_sends = facts.event_sends
_staff = facts.staff

# Monday 31 January 2033 (ISO week 5).
HELD_OUT_V19_TODAY = dt.date(2033, 1, 31)

HELD_OUT_V19_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1901,
        "name": "Ukas snittblomster",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Ukas blomsterliste: bestill snittblomster og buketter innen onsdag",
    },
    {
        "id": 1902,
        "name": "Har dere glemt blomstene?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Påminnelse: bestillingsfristen nærmer seg",
    },
    {
        "id": 1903,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillingen, dette leverer vi",
    },
    {
        "id": 1904,
        "name": "Ukens kupp",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Rabatt på potteplanter og sesongvarer denne uka",
    },
    {
        "id": 1905,
        "name": "Blomsterposten",
        "category": "nyhetsbrev",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nyheter og trender fra Vestlandsblomster",
    },
    {
        "id": 1906,
        "name": "Valentinsroser",
        "category": "sesong",
        "variables": ["kunde_navn", "frist", "bestilling_link"],
        "subject": "Forhåndsbestill roser til valentinsdagen og morsdag",
    },
    {
        "id": 1907,
        "name": "Begravelse og sorg",
        "category": "sorgbinderi",
        "variables": ["kunde_navn", "bestilling_link"],
        "subject": "Kranser, dekorasjoner og sorgbinderi til bisettelser",
    },
    {
        "id": 1908,
        "name": "Leveringsruter",
        "category": "levering",
        "variables": ["kunde_navn", "rute", "leveringsdag"],
        "subject": "Når kommer bilen? Ruter og leveringsdager",
    },
    {
        "id": 1909,
        "name": "Ubetalt faktura",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Faktura med passert forfall",
    },
    {
        "id": 1910,
        "name": "Planteabonnement - stell",
        "category": "stell",
        "variables": ["kunde_navn", "planter"],
        "subject": "Stelletips: vanning og gjødsling av kontorplantene",
    },
    {
        "id": 1911,
        "name": "Velkommen til Vestlandsblomster",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "nettbutikk_link"],
        "subject": "Velkommen som kunde, slik bestiller du",
    },
    {
        "id": 1912,
        "name": "Rekvisita og tilbehør",
        "category": "rekvisita",
        "variables": ["kunde_navn", "produkt_liste"],
        "subject": "Vaser, gavepapir, bånd og steinull på lager",
    },
]

HELD_OUT_V19_GROUPS: list[GroupInfo] = [
    {"slug": "florist", "name": "Blomsterbutikker", "size": 64},
    {"slug": "hagesenter", "name": "Hagesentre", "size": 18},
    {"slug": "dagligvare", "name": "Dagligvare", "size": 92},
    {"slug": "begravelse", "name": "Begravelsesbyråer", "size": 14},
    {"slug": "kirke", "name": "Kirker", "size": 22},
    {"slug": "hotell", "name": "Hoteller", "size": 17},
    {"slug": "event", "name": "Eventbyråer og bryllupsplanleggere", "size": 11},
    {"slug": "bensin", "name": "Bensinstasjoner", "size": 38},
    {"slug": "abonnement", "name": "Kontorbedrifter med planteabonnement", "size": 45},
]

HELD_OUT_V19_STAFF_GROUPS = ["lager", "sjåfører", "salg", "kundeservice", "binderi"]


def held_out_v19_context() -> ParseContext:
    """Vestlandsblomster's templates, groups and staff groups, on ``HELD_OUT_V19_TODAY``."""
    return facts.business_context(
        HELD_OUT_V19_TEMPLATES, HELD_OUT_V19_GROUPS, HELD_OUT_V19_STAFF_GROUPS, HELD_OUT_V19_TODAY
    )


# --- Builders for the expected facts ----------------------------------------------------------

Q = "question"

# The next Tuesday ... Friday after today, and the named days of February 2033.
NEXT_TUE, NEXT_WED, NEXT_THU, NEXT_FRI = "2033-02-01", "2033-02-02", "2033-02-03", "2033-02-04"
MON_BEFORE_VALENTINE, FEB_11, VALENTINE = "2033-02-07", "2033-02-11", "2033-02-14"


def _qr(templates: list[str], triggers: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Sends to the customer the ``qr-bestilling`` webhook names."""
    return _event_sends("webhook", templates, triggers, event_name="qr-bestilling")


def _cold(staff_group: str) -> dict[str, Any]:
    """Telling a staff group that the ``kjølealarm`` webhook went off."""
    return _staff("webhook", staff_group, event_name="kjølealarm")


def _cal(kind: Any, time: str, template: str, recipients: dict[str, Any], **cfg: Any) -> Any:
    """A calendar-kind schedule (no ``triggers``): weekly on ``kind`` (a day) or monthly."""
    if kind == "monthly":
        return _monthly(time, **cfg, **_one(template, recipients))
    return _weekly(kind, time, **cfg, **_one(template, recipients))


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V19: list[Case] = [
    # ---------------------------------------------------------------- basic
    # stv
    Case(
        "Kvar tysdag klokka 8 ska me senda blomsterlista te alle floristane",
        _wk1(TUE, "08:00", "bestilling", _g("florist")),
        "basic",
    ),
    # bgo
    Case(
        "Kan dokker sende ukens kupp te hotellene hver torsdag kl 10? Sånn at de rekker å "
        "bestille te helgen.",
        _wk1(THU, "10:00", "tilbud", _g("hotell")),
        "basic",
    ),
    # de
    Case(
        "Hver Fredag klokken 7 skal Bestillingsskjemaet til alle Hagesentrene sendt bli, bitte.",
        _wk1(FRI, "07:00", "bestilling", _g("hagesenter")),
        "basic",
    ),
    # lt
    Case(
        "onsdag kl 6 skjema til bensinstasjon",
        _wk1(WED, "06:00", "bestilling", _g("bensin")),
        "basic",
    ),
    # sv
    Case(
        "Skicka beställningsformuläret till alla kunder varje måndag kl 9",
        _wk1(MON, "09:00", "bestilling", _all()),
        "basic",
    ),
    # au
    Case(
        "Every Thu 7am send the specials to the petrol stations mate",
        _wk1(THU, "07:00", "tilbud", _g("bensin")),
        "basic",
    ),
    # phone
    Case(
        "Hvermandag kl8 send bestilingskjema til blomstebutikkene",
        _wk1(MON, "08:00", "bestilling", _g("florist")),
        "basic",
    ),
    # formal
    Case(
        "De bes vennligst sørge for at bestillingsskjemaet sendes samtlige kirker hver onsdag "
        "klokken 09.00.",
        _wk1(WED, "09:00", "bestilling", _g("kirke")),
        "basic",
    ),
    # times
    Case(
        "Send blomsterlista til dagligvarebutikkene hver tirsdag 0930",
        _wk1(TUE, "09:30", "bestilling", _g("dagligvare")),
        "basic",
    ),
    # times
    Case(
        "Hver dag kl. 2 om ettermiddagen send ukens kupp til eventbyråene",
        _daily("14:00", **_one("tilbud", _g("event"))),
        "basic",
    ),
    # ask
    Case(
        "Kan du sende nyhetsbrevet til alle kundene den 1. hver måned kl 10?",
        _monthly("10:00", day_of_month=1, **_one("nyhetsbrev", _all())),
        "basic",
    ),
    # stv
    Case(
        "Leveringsplanen ska te bensinstasjonane kvar fredag klokka 12, det e ikkje vanskelig",
        _wk1(FRI, "12:00", "levering", _g("bensin")),
        "basic",
    ),
    # times
    Case(
        "Hver søndag 21:00 send blomsterlista til alle",
        _wk1(SUN, "21:00", "bestilling", _all()),
        "basic",
    ),
    # au
    Case(
        "Send the order form to the garden centres every weekday at 6:30am",
        _daily("06:30", weekdays_only=True, **_one("bestilling", _g("hagesenter"))),
        "basic",
    ),
    # bgo
    Case(
        "Hver mandag kl 7 send leveringsplanen te begravelsesbyråene",
        _wk1(MON, "07:00", "levering", _g("begravelse")),
        "basic",
    ),
    # formal
    Case(
        "Hver fredag kl. 16.00 ønskes en rapport over ukens bestillinger oversendt "
        "daglig.leder@vestlandsblomster.no.",
        _weekly(FRI, "16:00", **_report(["daglig.leder@vestlandsblomster.no"], "weekly_orders")),
        "basic",
    ),
    # lt
    Case(
        "den 5. hver måned kl 8 rapport hvem ikke bestilt til salg@vestlandsblomster.no",
        _monthly(
            "08:00",
            day_of_month=5,
            **_report(["salg@vestlandsblomster.no"], "orders_missing"),
        ),
        "basic",
    ),
    # ---------------------------------------------------------------- chains
    # stv
    Case(
        "Skjemaet te floristane måndag klokka 9, og påminning torsdag klokka 15 te dei som "
        "ikkje har bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "15:00")], _g("florist")
        ),
        "chains",
    ),
    # au
    Case(
        "Mon 9am order form to the florists, Wed arvo half past 3 a reminder, Fri 8am put in "
        "the usual order for anyone still missing",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "09:00"), _at(WED, "15:30"), _at(FRI, "08:00")],
            _g("florist"),
        ),
        "chains",
    ),
    # steps
    Case(
        "1) Tirsdag kl 8: send bestillingsskjema til hagesentrene 2) Torsdag kl 12: purring "
        "til dem som ikke har bestilt 3) Fredag kl 9: lag standardordre til de som fortsatt "
        "mangler",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(TUE, "08:00"), _at(THU, "12:00"), _at(FRI, "09:00")],
            _g("hagesenter"),
        ),
        "chains",
    ),
    # de
    Case(
        "Mandag klokken 8 skal Skjemaet til Kirkene gå, og onsdag klokken 14 en Påminnelse til "
        "dem, som ikke bestilt har.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "08:00"), _at(WED, "14:00")], _g("kirke")
        ),
        "chains",
    ),
    # sv
    Case(
        "Skicka beställningsformuläret till hotellen varje tisdag kl 10 och en påminnelse på "
        "torsdag kl 13 till dem som inte har beställt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "10:00"), _at(THU, "13:00")], _g("hotell")
        ),
        "chains",
    ),
    # phone
    Case(
        "Skjema til dagligvare mandag kl 7,påminnelse onsdagkl 12 til dem som ikk har "
        "bestillt,og fredag kl 8 vanlig ordre til de som fortsatt ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "07:00"), _at(WED, "12:00"), _at(FRI, "08:00")],
            _g("dagligvare"),
        ),
        "chains",
    ),
    # times
    Case(
        "Blomsterlista til bensinstasjonene tirsdag 07.30, purring torsdag kl. 2 om "
        "ettermiddagen for dem som ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "07:30"), _at(THU, "14:00")], _g("bensin")
        ),
        "chains",
    ),
    # formal
    Case(
        "Det anmodes om at bestillingsskjemaet sendes begravelsesbyråene hver mandag kl. 10.00, "
        "og at de som ikke har bestilt, mottar en påminnelse onsdag kl. 10.00.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "10:00"), _at(WED, "10:00")], _g("begravelse")
        ),
        "chains",
    ),
    # lt
    Case(
        "mandag kl 8 skjema florist. torsdag kl 15 påminnelse hvis ikke bestilt. fredag kl 7 "
        "fast ordre",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "08:00"), _at(THU, "15:00"), _at(FRI, "07:00")],
            _g("florist"),
        ),
        "chains",
    ),
    # bgo
    Case(
        "Send skjemaet te eventbyråene onsdag kl 9, så en purring fredag kl 11 te dem som ikkje "
        "har bestilt ennå",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(WED, "09:00"), _at(FRI, "11:00")], _g("event")
        ),
        "chains",
    ),
    # steps
    Case(
        "1) mandag 08:00 blomsterlista til alle 2) tirsdag 12:00 påminnelse til de som ikke har "
        "bestilt 3) onsdag 12:00 ny påminnelse til de som fortsatt ikke har bestilt 4) torsdag "
        "09:00 vanlig ordre for resten",
        _weekly(
            MON,
            "08:00",
            **facts.form_two_reminders_order(
                [_at(MON, "08:00"), _at(TUE, "12:00"), _at(WED, "12:00"), _at(THU, "09:00")],
                _all(),
            ),
        ),
        "chains",
    ),
    # au
    Case(
        "Order form to the hotels Tue 10am, then nudge the ones who haven't ordered Thu 2pm",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "10:00"), _at(THU, "14:00")], _g("hotell")
        ),
        "chains",
    ),
    # ---------------------------------------------------------------- multi_day
    # stv
    Case(
        "Kvar måndag og torsdag klokka 7 ska blomsterlista te floristane",
        _days([MON, THU], "07:00", **_one("bestilling", _g("florist"))),
        "multi_day",
    ),
    # sv
    Case(
        "Skicka veckans kupp till bensinstationerna varje tisdag och fredag kl 8",
        _days([TUE, FRI], "08:00", **_one("tilbud", _g("bensin"))),
        "multi_day",
    ),
    # au
    Case(
        "Mon, Wed and Fri 6am send the order form to the supermarkets",
        _days([MON, WED, FRI], "06:00", **_one("bestilling", _g("dagligvare"))),
        "multi_day",
    ),
    # de
    Case(
        "Tirsdag og Fredag klokken 11 skal Leveringsplanen til Hotellene gå, bitte",
        _days([TUE, FRI], "11:00", **_one("levering", _g("hotell"))),
        "multi_day",
    ),
    # phone
    Case(
        "mandag,onsdag og fredag kl 9 send blomsterlsita til hagesentrne",
        _days([MON, WED, FRI], "09:00", **_one("bestilling", _g("hagesenter"))),
        "multi_day",
    ),
    # times
    Case(
        "Tirsdager og torsdager 0745 skal skjemaet gå til begravelsesbyråene",
        _days([TUE, THU], "07:45", **_one("bestilling", _g("begravelse"))),
        "multi_day",
    ),
    # bgo
    Case(
        "Hver lørdag og søndag kl 10 send ukens kupp te hagesentrene, det e då folk kjem",
        _days([SAT, SUN], "10:00", **_one("tilbud", _g("hagesenter"))),
        "multi_day",
    ),
    # lt
    Case(
        "tirsdag og torsdag kl 6 kjøreplan til bensinstasjon",
        _days([TUE, THU], "06:00", **_one("levering", _g("bensin"))),
        "multi_day",
    ),
    # ---------------------------------------------------------------- conditions
    # stv
    Case(
        "Purring onsdag klokka 13 te floristane som ikkje har bestilt sia måndag",
        _wk1(WED, "13:00", "reminder", _g("florist"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # au
    Case(
        "Every day at 11 remind the hotels that haven't ordered in the last 7 days",
        _daily("11:00", **_one("reminder", _g("hotell"), conditions=[_missing(days_back=7)])),
        "conditions",
    ),
    # sv
    Case(
        "Skicka en påminnelse varje fredag kl 10 till alla som inte har beställt på två veckor",
        _wk1(FRI, "10:00", "reminder", _all(), conditions=[_missing(days_back=14)]),
        "conditions",
    ),
    # formal
    Case(
        "Hver fredag kl. 15.00 bes ukens kupp sendt de kundene som har bestilt de siste 30 dagene.",
        _wk1(FRI, "15:00", "tilbud", _all(), conditions=[_ordered(days_back=30)]),
        "conditions",
    ),
    # phone
    Case(
        "Send påminelse til kirkene som ikke har bestillt siden tirsdag, torsdag kl 12",
        _wk1(THU, "12:00", "reminder", _g("kirke"), conditions=[_missing(since="last_tuesday")]),
        "conditions",
    ),
    # de
    Case(
        "Hver Dag klokken 16 skal en Påminnelse til alle Kunder, som de siste 10 Dager ikke "
        "bestilt har, sendt bli.",
        _daily("16:00", **_one("reminder", _all(), conditions=[_missing(days_back=10)])),
        "conditions",
    ),
    # times
    Case(
        "Torsdag 13.30 påminnelse til bensinstasjonene som ikke har bestilt siden mandag",
        _wk1(THU, "13:30", "reminder", _g("bensin"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # lt
    Case(
        "fredag kl 9 tilbud til hagesenter som har bestilt siste 14 dager",
        _wk1(FRI, "09:00", "tilbud", _g("hagesenter"), conditions=[_ordered(days_back=14)]),
        "conditions",
    ),
    # bgo
    Case(
        "Hver mandag kl 10, send en påminnelse te dem som ikkje har bestilt de siste 5 dagene",
        _wk1(MON, "10:00", "reminder", _all(), conditions=[_missing(days_back=5)]),
        "conditions",
    ),
    # ask
    Case(
        "Går det an å sende purring hver onsdag kl 12 til eventbyråene som ikke har bestilt noe "
        "siden mandag?",
        _wk1(WED, "12:00", "reminder", _g("event"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # ---------------------------------------------------------------- calendar
    # stv
    Case(
        "Annakvar fredag klokka 10 fra og med 11. februar ska blomsterlista te floristane",
        _cal(FRI, "10:00", "bestilling", _g("florist"), every_weeks=2, anchor=FEB_11),
        "calendar",
    ),
    # bgo
    Case(
        "Annenhver mandag kl 8 send skjemaet te hagesentrene, første gang mandagen før "
        "valentinsdagen",
        _cal(
            MON, "08:00", "bestilling", _g("hagesenter"), every_weeks=2, anchor=MON_BEFORE_VALENTINE
        ),
        "calendar",
    ),
    # formal
    Case(
        "Månedsrapporten over manglende bestillinger bes oversendt regnskap@vestlandsblomster.no "
        "siste virkedag i hver måned kl. 15.00, første gang i februar.",
        _monthly(
            "15:00",
            business_day=-1,
            **_report(["regnskap@vestlandsblomster.no"], "orders_missing"),
        ),
        "calendar",
    ),
    # au
    Case(
        "Third Monday of every month, 8am, newsletter to everyone",
        _cal("monthly", "08:00", "nyhetsbrev", _all(), weekday=MON, nth=3),
        "calendar",
    ),
    # sv
    Case(
        "Skicka nyhetsbrevet till alla kunder första måndagen varje månad kl 9",
        _cal("monthly", "09:00", "nyhetsbrev", _all(), weekday=MON, nth=1),
        "calendar",
    ),
    # de
    Case(
        "I Oddetallsukene skal Rekvisita-mailen hver Tirsdag klokken 9 til Blomsterbutikkene "
        "gå, bitte.",
        _cal(TUE, "09:00", "rekvisita", _g("florist"), iso_weeks="odd"),
        "calendar",
    ),
    # phone
    Case(
        "Hver torsdag i partallsuker kl 10 send stelletipsa til kontorene",
        _cal(THU, "10:00", "stell", _g("abonnement"), iso_weeks="even"),
        "calendar",
    ),
    # times
    Case(
        "Hver virkedag 06.45 send blomsterlista til dagligvarebutikkene",
        _daily("06:45", business_days_only=True, **_one("bestilling", _g("dagligvare"))),
        "calendar",
    ),
    # stv
    Case(
        "Kvar hverdag unntatt på helligdager klokka 7 ska ukens kupp te bensinstasjonane",
        _daily("07:00", **_one("tilbud", _g("bensin"))),
        "calendar",
    ),
    # formal
    Case(
        "Bestillingsskjemaet sendes blomsterbutikkene hver mandag kl. 09.00. Skulle mandagen "
        "være en helligdag, bes det sendt påfølgende virkedag.",
        _cal(MON, "09:00", "bestilling", _g("florist"), holiday_policy="next_business_day"),
        "calendar",
    ),
    # lt
    Case(
        "fredag kl 12 kjøreplan til hotell. rød dag: hopp over",
        _cal(FRI, "12:00", "levering", _g("hotell"), holiday_policy="skip"),
        "calendar",
    ),
    # ask
    Case(
        "Kan purringen til kirkene gå torsdager kl 14, og hvis torsdagen er en helligdag, "
        "dagen før?",
        _cal(THU, "14:00", "reminder", _g("kirke"), holiday_policy="previous_business_day"),
        "calendar",
    ),
    # au
    Case(
        "Every 3 weeks on Wednesday 10am send the plant care tips to the offices",
        _cal(WED, "10:00", "stell", _g("abonnement"), every_weeks=3, anchor=NEXT_WED),
        "calendar",
    ),
    # bgo
    Case(
        "Første virkedag i måneden kl 8 send mailen om ubetalte fakturaer te alle",
        _cal("monthly", "08:00", "faktura", _all(), business_day=1),
        "calendar",
    ),
    # sv
    Case(
        "Varannan torsdag kl 15 ska leveringsplanen skickas till kyrkorna",
        _cal(THU, "15:00", "levering", _g("kirke"), every_weeks=2, anchor=NEXT_THU),
        "calendar",
    ),
    # steps
    Case(
        "1) siste fredag i måneden 2) kl 13 3) send Blomsterposten til hotellene",
        _cal("monthly", "13:00", "nyhetsbrev", _g("hotell"), weekday=FRI, nth=-1),
        "calendar",
    ),
    # times
    Case(
        "Hver fjerde fredag 0800 send rekvisita-mailen til eventbyråene, første gang 11. februar",
        _cal(FRI, "08:00", "rekvisita", _g("event"), every_weeks=4, anchor=FEB_11),
        "calendar",
    ),
    # de
    Case(
        "Annenhver Mandag klokken 7 skal Bestillingsskjemaet til Dagligvare sendt bli, første "
        "Gang på Valentinsdagen.",
        _cal(MON, "07:00", "bestilling", _g("dagligvare"), every_weeks=2, anchor=VALENTINE),
        "calendar",
    ),
    # ---------------------------------------------------------------- events
    # stv
    Case(
        "Når ein kunde legg inn ei bestilling, send ordrebekreftelse med ein gong",
        _event_sends("order.created", ["confirmation"], [None]),
        "events",
    ),
    # au
    Case(
        "When a new customer signs up, shoot them the welcome email right away",
        _event_sends("customer.created", ["velkomst"], [None]),
        "events",
    ),
    # bgo
    Case(
        "Når en kunde scanner QR-koden på leveransen (qr-bestilling), send kvittering te den "
        "kunden med en gang",
        _qr(["confirmation"], [None]),
        "events",
    ),
    # lt
    Case(
        "qr-bestilling kommer: lag vanlig ordre for kunde, send bekreftelse",
        _event(
            "webhook",
            event_name="qr-bestilling",
            steps=[ORDER, SEND],
            templates=[None, "confirmation"],
            recipients=[_ev(), _ev()],
            mode="repeat_last",
        ),
        "events",
    ),
    # formal
    Case(
        "Ved utløst kjølealarm bes lageret varslet umiddelbart.",
        _cold("lager"),
        "events",
    ),
    # phone
    Case(
        "Når kjølealrmen går send beskjed til lagert",
        _cold("lager"),
        "events",
    ),
    # de
    Case(
        "Når Kjølealarmen går, skal Binderiet informert bli, bitte.",
        _cold("binderi"),
        "events",
    ),
    # sv
    Case(
        "När en kund skannar QR-koden (webhooken qr-bestilling), meddela kundeservice",
        _staff("webhook", "kundeservice", event_name="qr-bestilling"),
        "events",
    ),
    # ask
    Case(
        "Kan salg få beskjed hver gang en ny kunde blir registrert?",
        _staff("customer.created", "salg"),
        "events",
    ),
    # au
    Case(
        "When an order comes in, send the confirmation straight away and let the warehouse know",
        _staff("order.created", "lager"),
        "events",
    ),
    # stv
    Case(
        "Når ein ny kunde e registrert, send velkomstmailen og leveringsplanen med ein gong",
        _event_sends("customer.created", ["velkomst", "levering"], [None, None]),
        "events",
    ),
    # times
    Case(
        "Ved ny ordre: ordrebekreftelse straks",
        _event_sends("order.created", ["confirmation"], [None]),
        "events",
    ),
    # bgo
    Case(
        "Når kjølealarmen går, send en mail te kunden",
        Q,
        "events",
    ),
    # formal
    Case(
        "Når en kunde bestiller via QR-koden (qr-bestilling), ønskes kunden tilsendt "
        "leveringsplanen umiddelbart.",
        _qr(["levering"], [None]),
        "events",
    ),
    # ---------------------------------------------------------------- delays
    # stv
    Case(
        "Når ein ny kunde e registrert: velkomstmail med ein gong, og leveringsplanen to dagar "
        "etter",
        _event_sends("customer.created", ["velkomst", "levering"], [None, _delay(2 * DAY)]),
        "delays",
    ),
    # au
    Case(
        "New order comes in, send the confirmation 30 mins later",
        _event_sends("order.created", ["confirmation"], [_delay(30)]),
        "delays",
    ),
    # sv
    Case(
        "När en ny kund registreras, skicka välkomstmejlet efter en timme",
        _event_sends("customer.created", ["velkomst"], [_delay(HOUR)]),
        "delays",
    ),
    # bgo
    Case(
        "Når det kjem ei qr-bestilling, send kvittering med en gang og stelletips tre dager etter",
        _qr(["confirmation", "stell"], [None, _delay(3 * DAY)]),
        "delays",
    ),
    # de
    Case(
        "Mandag klokken 9 skal Skjemaet til Floristene gå, og to Timer senere en Påminnelse til "
        "dem, som ikke bestilt har.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _delay(2 * HOUR)], _g("florist")
        ),
        "delays",
    ),
    # phone
    Case(
        "Ny kunde->velkomstmail etter 2timer",
        _event_sends("customer.created", ["velkomst"], [_delay(2 * HOUR)]),
        "delays",
    ),
    # formal
    Case(
        "Når en ordre registreres, bes ordrebekreftelsen sendt kunden umiddelbart, og "
        "leveringsplanen én dag senere.",
        _event_sends("order.created", ["confirmation", "levering"], [None, _delay(DAY)]),
        "delays",
    ),
    # times
    Case(
        "Ved ny kunde: velkomst straks, rekvisita-mailen 90 minutter etter",
        _event_sends("customer.created", ["velkomst", "rekvisita"], [None, _delay(90)]),
        "delays",
    ),
    # lt
    Case(
        "tirsdag kl 7 skjema bensinstasjon, 4 timer etter påminnelse hvis ikke bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "07:00"), _delay(4 * HOUR)], _g("bensin")
        ),
        "delays",
    ),
    # ---------------------------------------------------------------- templates_by_meaning
    # stv
    Case(
        "Kvar onsdag klokka 9 ska mailen om kranser te begravelsesbyråa",
        _wk1(WED, "09:00", "sorgbinderi", _g("begravelse")),
        "templates_by_meaning",
    ),
    # bgo
    Case(
        "Send forhåndsbestilling av roser te floristene hver mandag kl 8",
        _wk1(MON, "08:00", "sesong", _g("florist")),
        "templates_by_meaning",
    ),
    # au
    Case(
        "Fri 2pm the funeral wreaths email to the churches",
        _wk1(FRI, "14:00", "sorgbinderi", _g("kirke")),
        "templates_by_meaning",
    ),
    # sv
    Case(
        "Skicka skötselråden för växterna till kontoren varje tisdag kl 10",
        _wk1(TUE, "10:00", "stell", _g("abonnement")),
        "templates_by_meaning",
    ),
    # de
    Case(
        "Mailen om Vaser og Bånd skal hver Torsdag klokken 8 til Blomsterbutikkene gå, bitte.",
        _wk1(THU, "08:00", "rekvisita", _g("florist")),
        "templates_by_meaning",
    ),
    # phone
    Case(
        "Send vanningsrådene til kontorne hver mandag kl 10",
        _wk1(MON, "10:00", "stell", _g("abonnement")),
        "templates_by_meaning",
    ),
    # formal
    Case(
        "Kjøreplanen bes distribuert til samtlige bensinstasjoner hver fredag kl. 13.00.",
        _wk1(FRI, "13:00", "levering", _g("bensin")),
        "templates_by_meaning",
    ),
    # times
    Case(
        "Den 20. hver måned 08.15 send mailen om ubetalte fakturaer til alle kunder",
        _monthly("08:15", day_of_month=20, **_one("faktura", _all())),
        "templates_by_meaning",
    ),
    # lt
    Case(
        "hver tirsdag kl 6 lista over ukas blomster til matbutikk",
        _wk1(TUE, "06:00", "bestilling", _g("dagligvare")),
        "templates_by_meaning",
    ),
    # ask
    Case(
        "Kan mailen om rosene til morsdag gå til hagesentrene hver torsdag kl 11?",
        _wk1(THU, "11:00", "sesong", _g("hagesenter")),
        "templates_by_meaning",
    ),
    # au
    Case(
        "Thu 10am the overdue invoices email to the wedding planners",
        _wk1(THU, "10:00", "faktura", _g("event")),
        "templates_by_meaning",
    ),
    # steps
    Case(
        "1) hver fredag 2) kl 09:00 3) Blomsterposten 4) til bryllupsplanleggerne",
        _wk1(FRI, "09:00", "nyhetsbrev", _g("event")),
        "templates_by_meaning",
    ),
    # bgo
    Case(
        "Send mailen om tilbehøret, steinull og sånn, te floristene hver tirsdag kl 12",
        _wk1(TUE, "12:00", "rekvisita", _g("florist")),
        "templates_by_meaning",
    ),
    # ---------------------------------------------------------------- new_templates
    # stv
    Case(
        "Send ei invitasjon te vårmessa te alle hagesentra kvar måndag klokka 10",
        _wk1(MON, "10:00", "new", _g("hagesenter")),
        "new_templates",
    ),
    # au
    Case(
        "Chuck a customer survey to all the hotels on the first of every month at 9am",
        _monthly("09:00", day_of_month=1, **_one("new", _g("hotell"))),
        "new_templates",
    ),
    # formal
    Case(
        "Det bes om at et varsel om prisendringer sendes alle kunder den 1. hver måned kl. 08.00.",
        _monthly("08:00", day_of_month=1, **_one("new", _all())),
        "new_templates",
    ),
    # phone
    Case(
        "Hver fredag kl 14 send en mail om retur av CC-traller til floristene",
        _wk1(FRI, "14:00", "new", _g("florist")),
        "new_templates",
    ),
    # sv
    Case(
        "Skicka en inbjudan till kursen i buketbindning till bröllopsplanerarna varje onsdag kl 10",
        _wk1(WED, "10:00", "new", _g("event")),
        "new_templates",
    ),
    # bgo
    Case(
        "Send ut info om fotokonkurransen te alle kundene hver torsdag kl 12",
        _wk1(THU, "12:00", "new", _all()),
        "new_templates",
    ),
    # de
    Case(
        "Hver Tirsdag klokken 9 skal en Kundeundersøkelse til Kirkene sendt bli.",
        _wk1(TUE, "09:00", "new", _g("kirke")),
        "new_templates",
    ),
    # times
    Case(
        "Send en melding om nye åpningstider i påskeuka til alle kunder hver mandag 0800",
        _wk1(MON, "08:00", "new", _all()),
        "new_templates",
    ),
    # lt
    Case(
        "fredag kl 15 julehilsen til alle kunde",
        _wk1(FRI, "15:00", "new", _all()),
        "new_templates",
    ),
    # ---------------------------------------------------------------- must_ask
    # stv
    Case(
        "Send ukens kupp te floristane når tulipanane begynne å bli gamle på lageret",
        Q,
        "must_ask",
    ),
    # bgo
    Case(
        "Når vi har over 500 roser på kjølerommet, send tilbudsmailen te hotellene",
        Q,
        "must_ask",
    ),
    # formal
    Case(
        "Blomsterposten bes sendt de kunder som omsetter for over 50 000 kroner i året, første "
        "mandag i måneden kl. 09.00.",
        Q,
        "must_ask",
    ),
    # au
    Case(
        "Send a sorry email to the customers who complained last month, Mon 9am",
        Q,
        "must_ask",
    ),
    # sv
    Case(
        "Skicka nyhetsbrevet varje tredje måndag i månaden kl 9, men inte på sommaren",
        Q,
        "must_ask",
    ),
    # lt
    Case(
        "uka før påske send tilbud til florist",
        Q,
        "must_ask",
    ),
    # bgo
    Case(
        "Send en bukett te alle begravelsesbyråene på fredag",
        Q,
        "must_ask",
    ),
    # de
    Case(
        "Når Været varmt blir, skal Stelletipsene til Kontorene sendt bli.",
        Q,
        "must_ask",
    ),
    # phone
    Case(
        "Legg ut ukenskupp på instagram hver fredag kl 12",
        Q,
        "must_ask",
    ),
    # stv
    Case(
        "Send tilbudsmailen te bedriftene kvar tysdag klokka 10",
        Q,
        "must_ask",
    ),
    # ask
    Case(
        "Kan skjemaet gå til hotellene tirsdag eller onsdag kl 9?",
        Q,
        "must_ask",
    ),
    # times
    Case(
        "Purring til kirkene hver fredag klokka 9 eller 10",
        Q,
        "must_ask",
    ),
    # au
    Case(
        "Email Kari at Rosenkjær Blomster the order form every Mon 9am",
        Q,
        "must_ask",
    ),
    # formal
    Case(
        "De bes opprette en regel som gir blomsterbutikkene 10 % rabatt dersom de bestiller "
        "før onsdag.",
        Q,
        "must_ask",
    ),
    # sv
    Case(
        "Skicka en påminnelse till kunderna som inte har betalat fakturan, varje fredag kl 10",
        Q,
        "must_ask",
    ),
    # bgo
    Case(
        "Send kampanjen bare te dem som åpnet forrige nyhetsbrev, torsdag kl 10",
        Q,
        "must_ask",
    ),
    # lt
    Case(
        "mandag kl 8 tilbud til 10 største kunde",
        Q,
        "must_ask",
    ),
    # stv
    Case(
        "Send ein hilsen te kundane på bursdagen deira",
        Q,
        "must_ask",
    ),
    # au
    Case(
        "When the truck from Holland gets in, tell all the florists what's fresh",
        Q,
        "must_ask",
    ),
    # de
    Case(
        "Når Prisene på Auksjonen i Aalsmeer faller, skal Ukens Kupp til alle Kunder sendt bli.",
        Q,
        "must_ask",
    ),
    # phone
    Case(
        "Ring floristene som ikke har bestillt på 3 uker",
        Q,
        "must_ask",
    ),
    # formal
    Case(
        "Det bes om at plukklistene skrives ut hver morgen kl. 05.00.",
        Q,
        "must_ask",
    ),
    # steps
    Case(
        "1) bestill 300 tulipaner fra gartneriet 2) hver mandag kl 7 3) levering til lageret",
        Q,
        "must_ask",
    ),
    # ask
    Case(
        "Kan du lage noe til morsdag?",
        Q,
        "must_ask",
    ),
    # bgo
    Case(
        "Send skjemaet te butikkene hver mandag kl 8",
        Q,
        "must_ask",
    ),
    # sv
    Case(
        "Ge alla som beställer mer än 100 rosor en rabattkod på 15 %",
        Q,
        "must_ask",
    ),
    # stv
    Case(
        "Kjøbe meir oasis og gavepapir",
        Q,
        "must_ask",
    ),
    # phone
    Case(
        "send påminnelse til floristene før valentinsdagen",
        Q,
        "must_ask",
    ),
]

HELD_OUT_V19_CONVERSATIONS: list[EditCase] = [
    # ---------------------------------------------------------------- answers
    # ask
    EditCase(
        "Kan du sende Blomsterposten til alle kundene hver måned?",
        "den første, kl 9",
        _cal("monthly", "09:00", "nyhetsbrev", _all(), day_of_month=1),
        "answers",
    ),
    # stv
    EditCase(
        "Send tilbudsmailen te bedriftene kvar tysdag klokka 10",
        "kontorane med planteabonnement",
        _wk1(TUE, "10:00", "tilbud", _g("abonnement")),
        "answers",
    ),
    # ask
    EditCase(
        "Kan skjemaet gå til floristene tirsdag eller onsdag kl 9?",
        "onsdag",
        _wk1(WED, "09:00", "bestilling", _g("florist")),
        "answers",
    ),
    # times
    EditCase(
        "Purring til hotellene fredag kl 9 eller 10",
        "kl 10",
        _wk1(FRI, "10:00", "reminder", _g("hotell")),
        "answers",
    ),
    # sv
    EditCase(
        "Skicka nyhetsbrevet till alla kunder",
        "första måndagen i månaden kl 8",
        _cal("monthly", "08:00", "nyhetsbrev", _all(), weekday=MON, nth=1),
        "answers",
    ),
    # bgo
    EditCase(
        "Send ukens kupp te butikkene hver fredag kl 7",
        "nei, bare florister",
        _wk1(FRI, "07:00", "tilbud", _g("florist")),
        "answers",
    ),
    # bgo
    EditCase(
        "Send kransemailen te begravelsesbyråene kl 9",
        "ja, hver dag",
        _daily("09:00", **_one("sorgbinderi", _g("begravelse"))),
        "answers",
    ),
    # au
    EditCase(
        "Send the delivery schedule to the petrol stations every Monday",
        "7am mate",
        _wk1(MON, "07:00", "levering", _g("bensin")),
        "answers",
    ),
    # lt
    EditCase(
        "rekvisita-mailen til florist kl 8",
        "torsdag",
        _wk1(THU, "08:00", "rekvisita", _g("florist")),
        "answers",
    ),
    # de
    EditCase(
        "Kan man Stelletipsene til Kontorene hver Måned sende?",
        "Ja, den 15. klokken 10, bitte",
        _cal("monthly", "10:00", "stell", _g("abonnement"), day_of_month=15),
        "answers",
    ),
    # ---------------------------------------------------------------- edits
    # stv
    EditCase(
        "Skjema te floristane måndag klokka 9, påminning torsdag klokka 15 te dei som ikkje "
        "har bestilt",
        "flytt påminninga te tysdag klokka 14",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(TUE, "14:00")], _g("florist")
        ),
        "edits",
    ),
    # lt
    EditCase(
        "torsdag kl 8 blomsterlista til hagesenter",
        "legg til purring fredag kl 12 hvis ikke bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(THU, "08:00"), _at(FRI, "12:00")], _g("hagesenter")
        ),
        "edits",
    ),
    # bgo
    EditCase(
        "Send Blomsterposten te floristene første mandag i måneden kl 9",
        "ta bort floristene, send te alle kundene",
        _cal("monthly", "09:00", "nyhetsbrev", _all(), weekday=MON, nth=1),
        "edits",
    ),
    # phone
    EditCase(
        "Hver mandag kl 7 send skjemaet til dagligvare",
        "er det helligdag,send dagen etter istedet",
        _cal(MON, "07:00", "bestilling", _g("dagligvare"), holiday_policy="next_business_day"),
        "edits",
    ),
    # au
    EditCase(
        "Every Fri 10am send the specials to the wedding planners",
        "make it every other week mate, starting 11 Feb",
        _cal(FRI, "10:00", "tilbud", _g("event"), every_weeks=2, anchor=FEB_11),
        "edits",
    ),
    # bgo
    EditCase(
        "Hver onsdag kl 9 send tilbudsmailen te kirkene",
        "bytt te kransemailen i stedet",
        _wk1(WED, "09:00", "sorgbinderi", _g("kirke")),
        "edits",
    ),
    # au
    EditCase(
        "Mon 9am order form to the florists, Thu 3pm reminder to the ones who haven't ordered",
        "make the reminder 2pm in the arvo",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "14:00")], _g("florist")
        ),
        "edits",
    ),
    # formal
    EditCase(
        "Stelletipsene bes sendt hotellene den 1. hver måned kl. 10.00.",
        "Rettelse: De bes sende dem til kontorbedriftene med planteabonnement i stedet.",
        _cal("monthly", "10:00", "stell", _g("abonnement"), day_of_month=1),
        "edits",
    ),
    # sv
    EditCase(
        "Skicka beställningsformuläret till floristerna varje tisdag kl 9",
        "ändra till torsdag",
        _wk1(THU, "09:00", "bestilling", _g("florist")),
        "edits",
    ),
    # de
    EditCase(
        "Hver Tirsdag klokken 8 skal Rekvisita-mailen til Blomsterbutikkene gå.",
        "Bitte kun i Oddetallsuker.",
        _cal(TUE, "08:00", "rekvisita", _g("florist"), iso_weeks="odd"),
        "edits",
    ),
    # steps
    EditCase(
        "1) mandag kl 9 skjema til hagesentrene 2) torsdag kl 15 påminnelse til de som ikke har "
        "bestilt",
        "3) fredag kl 10 vanlig ordre for de som fortsatt ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "09:00"), _at(THU, "15:00"), _at(FRI, "10:00")],
            _g("hagesenter"),
        ),
        "edits",
    ),
    # times
    EditCase(
        "Hver fredag kl 14 send ukens kupp til alle",
        "flytt den til kl 12 midt på dagen",
        _wk1(FRI, "12:00", "tilbud", _all()),
        "edits",
    ),
]
