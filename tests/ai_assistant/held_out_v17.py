"""Held-out phrasing set v17 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: ``/work/shared/docs/
workflow-format.md`` and ``/work/shared/docs/nl-examples.md`` (whole); of
``benchmarks/parser_accuracy.py`` ``Case``, ``key_facts`` and ``compare``;
``tests/ai_assistant/expected_facts.py`` whole (the shared fact builders; no file under
``ai_assistant/`` was opened, ``ai_assistant/context.py`` is only imported); of
``tests/ai_assistant/held_out_v16.py`` only the part above ``HELD_OUT_V16: list[Case] = [``
(docstring with the conventions, imports, templates, groups, context builder, fact-building
helpers); of ``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 (``class
EditCase``); of ``benchmarks/bench_offline_parser.py`` the lines of v16's imports and rows (to
add this set's rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark
test's list of metric names (to add this set's two). The parser was never run on these cases
(only an import of this module, to check that it is well-formed) before the one measurement.

The business: Ishavsfisk Engros AS, a wholesaler of fresh and frozen fish and seafood (cod,
skrei, saithe, salmon, prawns, king crab, lutefisk and rakfisk at Christmas) on the quay in
Tromsø. Customers: sushi restaurants (sushirestauranter, sushirestaurantan, sushirestaurangerna,
sushi bars), fish shops (fiskebutikker, fiskebutikkan, fiskbutikerna, fishmongers), hotels
(hoteller, hotellan, hotella, hotellen), grocery stores (dagligvarebutikker, matbutikkene,
livsmedelsbutikerna, supermarkets), canteens (kantiner, kantinan, kantinene), nursing homes
(sykehjem, sjukeheimar, care homes), caterers (cateringfirma, catering companies) and shipping
companies that provision their boats (rederier, rederian, reiarlag, shipping companies). Its
writers: the owner in Tromsø dialect ("æ", "ikkje", "dæm", "ska", "førr", "kvar", "te",
definite plurals in "-an"); a Sami-born fish buyer writing short, simple Norwegian sentences
("Jeg vil at dere sender ..."); a Ukrainian-born warehouse worker's Norwegian (missing articles
and auxiliaries, odd word order, "på" before days: "Send på fredag prisliste for hotell"); a
terse manager writing in fragments with arrows and abbreviations ("fre 9: prisliste ->
sushi"); a British English writer ("colour", "fortnight", "half past eight", "shan't"); someone
writing long e-mail-like requests with greeting and sign-off; someone asking questions ("kan
du sette opp at ...?", "går det an å ...?"); someone with typos and autocorrect mistakes
("prisluste", "bestillingsskjenma", "sushirestaurant ene", "torsdagg"); Nynorsk ("kvar",
"måndag", "tysdag", "veke", "ikkje", "dei", "påminning", "stadfesting", "tinga"); Swedish
("varje", "varannan", "skicka", "beställningsformulär", "påminnelse", "inte", "sedan").

Webhooks named in texts: ``reklamasjon`` (a customer files a complaint about a delivery through
our web form; its data names that customer, so "kunden" is the event's customer) and
``fangstmelding`` (a boat reports its landed catch; it is about no customer, so "send it to the
customer" after it is a question).

Each case has a language tag in the comment above it: ``nb``, ``trom`` (Tromsø dialect),
``sami`` (a Sami-born writer's simple Norwegian), ``ukr`` (a Ukrainian-born worker's
Norwegian), ``frag`` (fragments, arrows, abbreviations), ``en`` (British English), ``mail``
(e-mail-like with greeting and sign-off), ``ask`` (requests put as questions), ``typo``
(typos and autocorrect), ``nn`` (Nynorsk) or ``sv`` (Swedish). Categories, as v16's:
``basic``, ``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V17_CONVERSATIONS``) are ``answers`` or ``edits``; their ``expected`` is the draft
after the follow-up.

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions are
v16's, restated briefly: weekly single sends and chains give ``triggers`` equal to each step's
day and time, none for daily, monthly, several-day or calendar-kind schedules (a weekly send
with a holiday policy lists no triggers either); event steps "med en gang" / "straks" / "right
away" / "omedelbart" have trigger ``None``, "N minutter / timer / dager after" a
``delay_minutes`` (relative to the step before; a scheduled chain's "tre timer etter" too);
telling a staff group gives only the event and ``staff_group``; later chain steps go to the
first step's audience with ``orders_missing`` since ``execution_start``; "standardordre" /
"vanlig ordre" / "usual order" / "standardbeställning" is ``create_order`` ``repeat_last``; a
reminder without a time is at 15:00; windows "siden mandag" ``last_monday``, "sedan tisdag"
``last_tuesday``, "sidan fredag" ``last_friday``, "fortnight" 14 days, "tre uker" 21, "30
dager" 30, "siste 7 dager" 7; a single reminder without a stated window lists no condition;
"hver hverdag" ``weekdays_only``, "hver virkedag" ``business_days_only``; "siste dag i
måneden" ``day_of_month`` ``"last"``, "siste virkedag" ``business_day`` -1, "første
virkedag" 1; ``every_weeks`` anchored on the date given (a named day such as "nyttårsaften" or
"2. juledag", or a relative day such as "i morgen", is resolved against today), otherwise on
the next such weekday after today (today is a Monday, so no unanchored case uses Monday);
holiday policy only where the text says what happens on a public holiday ("rød dag" / "raud
dag" / "helligdag" / "bank holiday" / "helgdag" is one): "hopp over" / "skip" ``skip``, "neste
virkedag" / "dagen etter" ``next_business_day``, "dagen før" / "siste virkedag før"
``previous_business_day``. "Halv ni" / "half past eight" is 08:30, "kvart over sju" 07:15, "kl
14" / "2pm" 14:00.

What the format cannot express is a question: the fishing season ("når skreisesongen
starter"), the weather and the state of the sea, invoice amounts or payment status, order
amounts, places that are not groups ("kundene i Finnmark", "Senja"), "everyone except a group",
every 10th week (``every_weeks`` is 1..8), a 5th weekday of the month, other channels (SMS,
phone calls), whether a customer opened an email, a time such as 25:00, a choice left open
("torsdag eller fredag"), switching template by season; and so are destructive or out-of-scope
requests (deleting every workflow, buying fish from the boats, changing prices, sales
statistics), a request with no "when" at all, and a request whose group could be several
("butikkene": fish shops or grocery stores; "storhusholdningene" / "storkjøkkenene": canteens,
nursing homes, hotels or caterers).

Group slugs: sushirestauranter / sushirestaurantene / sushirestaurantan / sushi bars
``sushi``; fiskebutikker / fiskebutikkene / fiskebutikkan / fishmongers / fiskbutikerna
``fiskebutikk``; hoteller / hotellene / hotellan / hotella / hotellen ``hotell``;
dagligvarebutikker / dagligvarebutikkene / supermarkets / livsmedelsbutikerna ``dagligvare``;
kantiner / kantinene / kantinan / canteens ``kantine``; sykehjem / sykehjemmene /
sjukeheimane / care homes ``sykehjem``; cateringfirma / cateringfirmaene / caterers
``catering``; rederier / rederiene / rederian / reiarlaga / shipping companies ``rederi``.

Templates by meaning: ukeskjema / bestillingsskjema / skjemaet / order form /
beställningsformuläret ``bestilling``; påminnelse / påminning / purring / reminder / "mailen om
at vi ikke har fått bestillingen" ``reminder``; ordrebekreftelse / bekreftelse / stadfesting /
confirmation / orderbekräftelse ``confirmation``; prisliste / prislista / dagsprisene /
"dagens priser på torsk og sei" / price list / prislistan ``prisliste``; nyhetsbrev /
Ishavsnytt / "nytt fra kaia" / newsletter ``newsletter``; tilbud / kampanje / "rabatten på
kongekrabbe" / offer ``tilbud``; velkomst / welcome ``velkomst``; fakturapurring / "mailen om
ubetalte fakturaer" / invoice reminder ``faktura``; skreisesongen / "forhåndsbestilling av
skrei og rogn" ``sesong``; kjøreruter / "når kjølebilen kommer" / delivery rounds ``levering``;
julefisk / "lutefisk og rakfisk til jul" / julbeställning ``jul``. An invitation to a tasting
day, a customer satisfaction survey, allergen information on shellfish, a product recall, a
note to return the polystyrene fish boxes, a New Year greeting, a complaint receipt and recipe
tips are ``"new"``.

Today is Monday 22 December 2031 (ISO week 52; 2031 has 52 ISO weeks), the Monday of
Christmas week: the next Tuesday is 2031-12-23, Wednesday 2031-12-24 (julaften), Thursday
2031-12-25 (1. juledag), Friday 2031-12-26 (2. juledag), Monday 2031-12-29 (ISO week 1 of
2032), Wednesday 2031-12-31 (nyttårsaften), Thursday 2032-01-01 (1. nyttårsdag), Friday
2032-01-02, Monday 2032-01-05, Tuesday 2032-01-06, Wednesday 2032-01-07 and Friday 2032-01-09.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import DAY, HOUR, ORDER, REPORT, SEND
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

# Monday 22 December 2031 (ISO week 52), the Monday of Christmas week.
HELD_OUT_V17_TODAY = dt.date(2031, 12, 22)

HELD_OUT_V17_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1701,
        "name": "Ukas fangst: bestill",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill fersk fisk og skalldyr til neste uke",
    },
    {
        "id": 1702,
        "name": "Mangler bestillingen",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Vi har ikke fått bestillingen din ennå",
    },
    {
        "id": 1703,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk, ordren din er registrert",
    },
    {
        "id": 1704,
        "name": "Dagspriser",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Dagens priser på torsk, sei, laks og reker",
    },
    {
        "id": 1705,
        "name": "Ishavsnytt",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra kaia i Tromsø",
    },
    {
        "id": 1706,
        "name": "Fangstkampanje",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Kampanje på kongekrabbe og skrei denne uka",
    },
    {
        "id": 1707,
        "name": "Velkommen til Ishavsfisk",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen som kunde hos Ishavsfisk Engros",
    },
    {
        "id": 1708,
        "name": "Ubetalt faktura",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Påminnelse om forfalt faktura",
    },
    {
        "id": 1709,
        "name": "Skreisesongen",
        "category": "sesong",
        "variables": ["kunde_navn", "sesong", "forhandsbestilling_link"],
        "subject": "Forhåndsbestill skrei, rogn og lever før sesongen",
    },
    {
        "id": 1710,
        "name": "Kjøleruter",
        "category": "levering",
        "variables": ["kunde_navn", "rute", "leveringsdag"],
        "subject": "Når kommer kjølebilen? Ukens leveringsruter",
    },
    {
        "id": 1711,
        "name": "Julefisk",
        "category": "jul",
        "variables": ["kunde_navn", "bestilling_link", "siste_frist"],
        "subject": "Bestill lutefisk, rakfisk og torsk til jul",
    },
]

HELD_OUT_V17_GROUPS: list[GroupInfo] = [
    {"slug": "sushi", "name": "Sushirestauranter", "size": 19},
    {"slug": "fiskebutikk", "name": "Fiskebutikker", "size": 27},
    {"slug": "hotell", "name": "Hoteller", "size": 22},
    {"slug": "dagligvare", "name": "Dagligvarebutikker", "size": 41},
    {"slug": "kantine", "name": "Kantiner", "size": 16},
    {"slug": "sykehjem", "name": "Sykehjem", "size": 13},
    {"slug": "catering", "name": "Cateringfirma", "size": 9},
    {"slug": "rederi", "name": "Rederier", "size": 12},
]

HELD_OUT_V17_STAFF_GROUPS = ["lager", "salg", "sjåfører", "kundeservice", "regnskap"]


def held_out_v17_context() -> ParseContext:
    """Ishavsfisk's templates, groups and staff groups, on ``HELD_OUT_V17_TODAY``."""
    return facts.business_context(
        HELD_OUT_V17_TEMPLATES, HELD_OUT_V17_GROUPS, HELD_OUT_V17_STAFF_GROUPS, HELD_OUT_V17_TODAY
    )


# --- Builders for the expected facts ----------------------------------------------------------

Q = "question"

MON, TUE, WED, THU, FRI, SAT, SUN = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def _chain(
    templates: list[str | None],
    triggers: list[dict[str, Any] | None] | None,
    recipients: dict[str, Any],
) -> dict[str, Any]:
    """Sends (and a usual order where the template is ``None``): the first to ``recipients``,
    every later step to the same audience, only those still without an order in this run."""
    steps = [SEND if t is not None else ORDER for t in templates]
    out: dict[str, Any] = {
        "steps": steps,
        "templates": templates,
        "recipients": [recipients] * len(steps),
        "conditions": [None] + [_ms()] * (len(steps) - 1),
    }
    if triggers is not None:
        out["triggers"] = triggers
    if ORDER in steps:
        out["mode"] = "repeat_last"
    return out


def _weekly_chain(
    templates: list[str | None], triggers: list[dict[str, Any]], recipients: dict[str, Any]
) -> dict[str, Any]:
    """A weekly chain whose schedule is its first step's day and time."""
    first = triggers[0]
    return _weekly(first["day"], first["time"], **_chain(templates, triggers, recipients))


def _report(emails: list[str], report: str | None = None) -> dict[str, Any]:
    """One report step sent to ``emails`` (``report`` where the text names what it reports)."""
    out: dict[str, Any] = {"steps": [REPORT], "send_to": emails}
    if report is not None:
        out["report"] = report
    return out


def _event_sends(
    kind: str,
    templates: list[str],
    triggers: list[dict[str, Any] | None],
    **more: Any,
) -> dict[str, Any]:
    """Sends to the customer the event is about, one per template, at ``triggers``."""
    return _event(
        kind,
        steps=[SEND] * len(templates),
        templates=templates,
        recipients=[_ev()] * len(templates),
        triggers=triggers,
        **more,
    )


def _reklamasjon(templates: list[str], triggers: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Sends to the customer the ``reklamasjon`` webhook names."""
    return _event_sends("webhook", templates, triggers, event_name="reklamasjon")


def _cal(kind: Any, time: str, template: str, recipients: dict[str, Any], **cfg: Any) -> Any:
    """A calendar-kind schedule (no ``triggers``): weekly on ``kind`` (a day) or monthly."""
    if kind == "monthly":
        return _monthly(time, **cfg, **_one(template, recipients))
    return _weekly(kind, time, **cfg, **_one(template, recipients))


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V17: list[Case] = [
    # --- basic ---
    # trom
    Case(
        "Æ vil at dokker sende bestillingsskjemaet te alle kundan kvar mandag klokka åtte",
        _wk1(MON, "08:00", "bestilling", _all()),
        category="basic",
    ),
    # sami
    Case(
        "Jeg vil at dere sender prislista til hotellene. Hver torsdag. Klokka 10.",
        _wk1(THU, "10:00", "prisliste", _g("hotell")),
        category="basic",
    ),
    # ukr
    Case(
        "Send på fredag klokka 9 tilbud for sushirestauranter, hver uke",
        _wk1(FRI, "09:00", "tilbud", _g("sushi")),
        category="basic",
    ),
    # frag
    Case(
        "ons 07:30 - dagspriser -> kantinene. ukentlig.",
        _wk1(WED, "07:30", "prisliste", _g("kantine")),
        category="basic",
    ),
    # en
    Case(
        "Every Tuesday at half past eight, please send the price list to the fishmongers.",
        _wk1(TUE, "08:30", "prisliste", _g("fiskebutikk")),
        category="basic",
    ),
    # nn
    Case(
        "Send tingingsskjemaet til alle kundane kvar tysdag klokka 9",
        _wk1(TUE, "09:00", "bestilling", _all()),
        category="basic",
    ),
    # sv
    Case(
        "Skicka beställningsformuläret till alla kunder varje måndag kl 9",
        _wk1(MON, "09:00", "bestilling", _all()),
        category="basic",
    ),
    # typo
    Case(
        "hver torsdagg kl 11 send prisluste til sykehjemmene",
        _wk1(THU, "11:00", "prisliste", _g("sykehjem")),
        category="basic",
    ),
    # nb
    Case(
        "Hver hverdag kvart over sju skal dagsprisene gå til fiskebutikkene",
        _daily("07:15", weekdays_only=True, **_one("prisliste", _g("fiskebutikk"))),
        category="basic",
    ),
    # ask
    Case(
        "Kan du sette opp at rederiene får bestillingsskjemaet hver søndag kveld klokka åtte?",
        _wk1(SUN, "20:00", "bestilling", _g("rederi")),
        category="basic",
    ),
    # en
    Case(
        "On the 10th of each month at 9 in the morning, e-mail the monthly report to "
        "sjef@ishavsfisk.no",
        _monthly("09:00", day_of_month=10, **_report(["sjef@ishavsfisk.no"])),
        category="basic",
    ),
    # --- chains ---
    # trom
    Case(
        "Skjema te alle på mandag klokka ni, og så ei påminnelse på torsdag klokka 15 te dæm "
        "som ikkje har bestilt enda",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "15:00")], _all()),
        category="chains",
    ),
    # frag
    Case(
        "man 8: skjema -> alle. tor 14: purring te dem som mangler. fre 10: standardordre "
        "for resten",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "08:00"), _at(THU, "14:00"), _at(FRI, "10:00")],
            _all(),
        ),
        category="chains",
    ),
    # mail
    Case(
        "Hei! Vi ønsker at hotellene får bestillingsskjemaet hver tirsdag kl 10. Onsdag kl 13 "
        "bør de som ikke har bestilt få en påminnelse, og har de fortsatt ikke bestilt "
        "torsdag kl 9, legger dere inn den vanlige ordren deres. Mvh Kari, Ishavsfisk",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(TUE, "10:00"), _at(WED, "13:00"), _at(THU, "09:00")],
            _g("hotell"),
        ),
        category="chains",
    ),
    # en
    Case(
        "Monday 9am order form to the canteens; Wednesday at noon a reminder to any canteen "
        "that hasn't ordered yet; Thursday 2pm a second reminder; Friday 8am place their usual "
        "order if they still haven't ordered.",
        _weekly_chain(
            ["bestilling", "reminder", "reminder", None],
            [_at(MON, "09:00"), _at(WED, "12:00"), _at(THU, "14:00"), _at(FRI, "08:00")],
            _g("kantine"),
        ),
        category="chains",
    ),
    # ukr
    Case(
        "Mandag klokka 7 skjema til sykehjem. Onsdag klokka 12 påminnelse til sykehjem som "
        "ikke bestilt.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "07:00"), _at(WED, "12:00")], _g("sykehjem")
        ),
        category="chains",
    ),
    # nn
    Case(
        "Kvar måndag klokka 8 skjema til sjukeheimane, påminning onsdag klokka 14 til dei som "
        "ikkje har tinga, og fredag klokka 9 vanleg ordre til dei som framleis ikkje har tinga",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "08:00"), _at(WED, "14:00"), _at(FRI, "09:00")],
            _g("sykehjem"),
        ),
        category="chains",
    ),
    # sv
    Case(
        "Skicka beställningsformuläret till hotellen varje tisdag kl 8 och en påminnelse på "
        "torsdag kl 12 till de hotell som inte har beställt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "08:00"), _at(THU, "12:00")], _g("hotell")
        ),
        category="chains",
    ),
    # ask
    Case(
        "Går det an å sende skjemaet til cateringfirmaene hver onsdag kl 9, og så purre på dem "
        "som ikke har bestilt fredag kl 11?",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(WED, "09:00"), _at(FRI, "11:00")], _g("catering")
        ),
        category="chains",
    ),
    # typo
    Case(
        "bestillingsskjenma til sushirestaurant ene mandag kl 10 og påminnelse onsdag til de "
        "som ikke har bestillt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "10:00"), _at(WED, "15:00")], _g("sushi")
        ),
        category="chains",
    ),
    # --- multi_day ---
    # nb
    Case(
        "Send dagsprisene til sushirestaurantene mandag og torsdag kl 7",
        _days([MON, THU], "07:00", **_one("prisliste", _g("sushi"))),
        category="multi_day",
    ),
    # trom
    Case(
        "Prislista ska gå te fiskebutikkan tirsdag, torsdag og lørdag klokka seks om morran",
        _days([TUE, THU, SAT], "06:00", **_one("prisliste", _g("fiskebutikk"))),
        category="multi_day",
    ),
    # en
    Case(
        "Mondays and Thursdays at half past eight, send the offer to the care homes",
        _days([MON, THU], "08:30", **_one("tilbud", _g("sykehjem"))),
        category="multi_day",
    ),
    # nn
    Case(
        "Send prislista til hotella måndag, onsdag og fredag klokka 7",
        _days([MON, WED, FRI], "07:00", **_one("prisliste", _g("hotell"))),
        category="multi_day",
    ),
    # sv
    Case(
        "Skicka prislistan till fiskbutikerna måndag och onsdag kl 6",
        _days([MON, WED], "06:00", **_one("prisliste", _g("fiskebutikk"))),
        category="multi_day",
    ),
    # sami
    Case(
        "Kampanjen skal sendes til dagligvarebutikkene. Tirsdag og fredag. Klokka 9.",
        _days([TUE, FRI], "09:00", **_one("tilbud", _g("dagligvare"))),
        category="multi_day",
    ),
    # frag
    Case(
        "tir+tor 06:00 dagspriser -> rederiene",
        _days([TUE, THU], "06:00", **_one("prisliste", _g("rederi"))),
        category="multi_day",
    ),
    # --- conditions ---
    # nb
    Case(
        "Hver onsdag kl 13 send purring til alle som ikke har bestilt siden mandag",
        _wk1(WED, "13:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # en
    Case(
        "Every day at 11, remind anyone who hasn't ordered in the last fortnight",
        _daily("11:00", **_one("reminder", _all(), conditions=[_missing(days_back=14)])),
        category="conditions",
    ),
    # sv
    Case(
        "Varje torsdag kl 10 skicka en påminnelse till alla som inte har beställt sedan tisdag",
        _wk1(THU, "10:00", "reminder", _all(), conditions=[_missing(since="last_tuesday")]),
        category="conditions",
    ),
    # nn
    Case(
        "Kvar måndag klokka 10 skal dei som ikkje har tinga sidan fredag få ei påminning",
        _wk1(MON, "10:00", "reminder", _all(), conditions=[_missing(since="last_friday")]),
        category="conditions",
    ),
    # nb
    Case(
        "Hver fredag kl 12 send kampanjen til kundene som har bestilt noe de siste 30 dagene",
        _wk1(FRI, "12:00", "tilbud", _all(), conditions=[_ordered(days_back=30)]),
        category="conditions",
    ),
    # ukr
    Case(
        "Hver tirsdag klokka 9 send påminnelse til hotell som ikke har bestilt på tre uker",
        _wk1(TUE, "09:00", "reminder", _g("hotell"), conditions=[_missing(days_back=21)]),
        category="conditions",
    ),
    # trom
    Case(
        "Kvar torsdag klokka 14 ska dæm som har handla hos oss siste 7 dagan få tilbudet",
        _wk1(THU, "14:00", "tilbud", _all(), conditions=[_ordered(days_back=7)]),
        category="conditions",
    ),
    # --- calendar ---
    # nb
    Case(
        "Annenhver torsdag kl 10 send prislista til fiskebutikkene",
        _cal(THU, "10:00", "prisliste", _g("fiskebutikk"), every_weeks=2, anchor="2031-12-25"),
        category="calendar",
    ),
    # trom
    Case(
        "Kvar tredje fredag klokka ni ska hotellan få tilbudet, første gang 9. januar",
        _cal(FRI, "09:00", "tilbud", _g("hotell"), every_weeks=3, anchor="2032-01-09"),
        category="calendar",
    ),
    # nb
    Case(
        "Annenhver tirsdag kl 8 skjema til kantinene, fra og med i morgen",
        _cal(TUE, "08:00", "bestilling", _g("kantine"), every_weeks=2, anchor="2031-12-23"),
        category="calendar",
    ),
    # mail
    Case(
        "God jul! Kunne dere sette opp at Ishavsnytt går til alle kundene annenhver onsdag "
        "klokka 12, første gang nyttårsaften? Hilsen Per i salgsavdelingen",
        _cal(WED, "12:00", "newsletter", _all(), every_weeks=2, anchor="2031-12-31"),
        category="calendar",
    ),
    # en
    Case(
        "Every fourth Wednesday at 10am send the newsletter to the caterers, starting on 7 January",
        _cal(WED, "10:00", "newsletter", _g("catering"), every_weeks=4, anchor="2032-01-07"),
        category="calendar",
    ),
    # sv
    Case(
        "Varannan måndag kl 8 skicka beställningsformuläret till sushirestaurangerna, med "
        "start den 5 januari",
        _cal(MON, "08:00", "bestilling", _g("sushi"), every_weeks=2, anchor="2032-01-05"),
        category="calendar",
    ),
    # frag
    Case(
        "annenhver fre kl 11, fom 2. juledag: kampanje -> dagligvare",
        _cal(FRI, "11:00", "tilbud", _g("dagligvare"), every_weeks=2, anchor="2031-12-26"),
        category="calendar",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 8 sender vi Ishavsnytt til alle",
        _cal("monthly", "08:00", "newsletter", _all(), weekday=MON, nth=1),
        category="calendar",
    ),
    # nn
    Case(
        "Siste fredag i kvar månad klokka 14 skal reiarlaga få prislista",
        _cal("monthly", "14:00", "prisliste", _g("rederi"), weekday=FRI, nth=-1),
        category="calendar",
    ),
    # ukr
    Case(
        "Andre tirsdag hver måned klokka 10 send nyhetsbrev til kantiner",
        _cal("monthly", "10:00", "newsletter", _g("kantine"), weekday=TUE, nth=2),
        category="calendar",
    ),
    # en
    Case(
        "On the first working day of each month at 7am, send the price list to the hotels",
        _cal("monthly", "07:00", "prisliste", _g("hotell"), business_day=1),
        category="calendar",
    ),
    # nb
    Case(
        "Siste virkedag i måneden kl 15 skal regnskap@ishavsfisk.no få rapport over hvem "
        "som ikke har bestilt",
        _monthly("15:00", business_day=-1, **_report(["regnskap@ishavsfisk.no"], "orders_missing")),
        category="calendar",
    ),
    # sami
    Case(
        "Hver virkedag klokka 6 skal fiskebutikkene få dagsprisene.",
        _daily("06:00", business_days_only=True, **_one("prisliste", _g("fiskebutikk"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver tirsdag kl 9 i partallsuker send kampanjen til sushirestaurantene",
        _cal(TUE, "09:00", "tilbud", _g("sushi"), iso_weeks="even"),
        category="calendar",
    ),
    # nb
    Case(
        "Send skjema til alle hver torsdag kl 9, men hopp over røde dager",
        _cal(THU, "09:00", "bestilling", _all(), holiday_policy="skip"),
        category="calendar",
    ),
    # trom
    Case(
        "Prislista te hotellan kvar fredag klokka ti. Om det e helligdag, send den neste "
        "virkedag i stedet",
        _cal(FRI, "10:00", "prisliste", _g("hotell"), holiday_policy="next_business_day"),
        category="calendar",
    ),
    # en
    Case(
        "Every Monday at 9 send the order form to everyone; if Monday is a bank holiday, send "
        "it on the last working day before instead",
        _cal(MON, "09:00", "bestilling", _all(), holiday_policy="previous_business_day"),
        category="calendar",
    ),
    # nn
    Case(
        "Kvar torsdag klokka 8 skjema til kantinene. Er det raud dag, hopp over den veka.",
        _cal(THU, "08:00", "bestilling", _g("kantine"), holiday_policy="skip"),
        category="calendar",
    ),
    # ask
    Case(
        "Kan Ishavsnytt gå til alle kundene den siste dagen i hver måned kl 12?",
        _cal("monthly", "12:00", "newsletter", _all(), day_of_month="last"),
        category="calendar",
    ),
    # typo
    Case(
        "den 15. hver månde kl 10 send nyhetsbrevet til alle kundne",
        _cal("monthly", "10:00", "newsletter", _all(), day_of_month=15),
        category="calendar",
    ),
    # --- events ---
    # nb
    Case(
        "Når en kunde legger inn en ordre, send ordrebekreftelse med en gang",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # sv
    Case(
        "När en ny kund registreras, skicka välkomstmejlet omedelbart",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # trom
    Case(
        "Når det kjem inn ei ny ordre ska lageret få beskjed",
        _event("order.created", staff_group="lager"),
        category="events",
    ),
    # nb
    Case(
        "Når webhooken reklamasjon kommer inn, gi beskjed til kundeservice",
        _event("webhook", event_name="reklamasjon", staff_group="kundeservice"),
        category="events",
    ),
    # en
    Case(
        "When the fangstmelding webhook fires, send the king crab offer to the sushi bars "
        "straight away",
        _event(
            "webhook", event_name="fangstmelding", **_one("tilbud", _g("sushi"), triggers=[None])
        ),
        category="events",
    ),
    # ukr
    Case(
        "Når ny kunde blir registrert, send velkomst straks",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # nn
    Case(
        "Når ein kunde legg inn ei tinging, send stadfesting med ein gong",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # --- delays ---
    # nb
    Case(
        "Når en kunde bestiller: send ordrebekreftelse straks, og kjørerutene to timer etter",
        _event_sends("order.created", ["confirmation", "levering"], [None, _delay(2 * HOUR)]),
        category="delays",
    ),
    # en
    Case(
        "When a new customer signs up, send the welcome email right away and the price list "
        "a day later",
        _event_sends("customer.created", ["velkomst", "prisliste"], [None, _delay(DAY)]),
        category="delays",
    ),
    # mail
    Case(
        "Hei, når en ny kunde registreres vil vi at velkomstmailen sendes med en gang, "
        "prislista 3 dager etter og nyhetsbrevet 7 dager etter det igjen. Takk! Hilsen Ole",
        _event_sends(
            "customer.created",
            ["velkomst", "prisliste", "newsletter"],
            [None, _delay(3 * DAY), _delay(7 * DAY)],
        ),
        category="delays",
    ),
    # frag
    Case(
        "ny ordre -> bekreftelse straks, +45 min -> kjøreruter",
        _event_sends("order.created", ["confirmation", "levering"], [None, _delay(45)]),
        category="delays",
    ),
    # sv
    Case(
        "När en kund lägger en order, skicka orderbekräftelsen direkt och leveransrutterna "
        "30 minuter senare",
        _event_sends("order.created", ["confirmation", "levering"], [None, _delay(30)]),
        category="delays",
    ),
    # nb
    Case(
        "Mandag kl 8 skjema til alle, og tre timer etter en påminnelse til dem som ikke har "
        "bestilt ennå",
        _weekly(
            MON,
            "08:00",
            **_chain(["bestilling", "reminder"], [_at(MON, "08:00"), _delay(3 * HOUR)], _all()),
        ),
        category="delays",
    ),
    # --- templates_by_meaning ---
    # nb
    Case(
        "Hver morgen kl 6 send mailen med dagens priser på torsk og sei til fiskebutikkene",
        _daily("06:00", **_one("prisliste", _g("fiskebutikk"))),
        category="templates_by_meaning",
    ),
    # trom
    Case(
        "Kvar mandag klokka sju ska alle kundan få beskjed om når kjølebilen kommer",
        _wk1(MON, "07:00", "levering", _all()),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Send lutefisk- og rakfiskmailen til dagligvarebutikkene hver tirsdag kl 9",
        _wk1(TUE, "09:00", "jul", _g("dagligvare")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Each Thursday at 1pm send the mail about pre-ordering skrei and roe to the fishmongers",
        _wk1(THU, "13:00", "sesong", _g("fiskebutikk")),
        category="templates_by_meaning",
    ),
    # ask
    Case(
        "Kan du sende rabatten på kongekrabbe til hotellene hver onsdag kl 10?",
        _wk1(WED, "10:00", "tilbud", _g("hotell")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every Friday at 2pm send the unpaid invoice email to the caterers",
        _wk1(FRI, "14:00", "faktura", _g("catering")),
        category="templates_by_meaning",
    ),
    # sami
    Case(
        "Jeg vil sende «nytt fra kaia» til rederiene. Hver fredag klokka 12.",
        _wk1(FRI, "12:00", "newsletter", _g("rederi")),
        category="templates_by_meaning",
    ),
    # sv
    Case(
        "Skicka julbeställningen med lutfisk till hotellen varje onsdag kl 10",
        _wk1(WED, "10:00", "jul", _g("hotell")),
        category="templates_by_meaning",
    ),
    # typo
    Case(
        "hver fredag kl 9 send mailen om at vi ikke har fått bestilingen deres til kantinene",
        _wk1(FRI, "09:00", "reminder", _g("kantine")),
        category="templates_by_meaning",
    ),
    # --- new_templates ---
    # nb
    Case(
        "Send en invitasjon til smaksdag med kongekrabbe til sushirestaurantene fredag kl 10 "
        "hver uke",
        _wk1(FRI, "10:00", "new", _g("sushi")),
        category="new_templates",
    ),
    # en
    Case(
        "Every Monday at 10am send a short customer satisfaction survey to the hotels",
        _wk1(MON, "10:00", "new", _g("hotell")),
        category="new_templates",
    ),
    # trom
    Case(
        "Kvar fredag klokka 15 ska fiskebutikkan få ei melding om å levere tilbake isoporkassan",
        _wk1(FRI, "15:00", "new", _g("fiskebutikk")),
        category="new_templates",
    ),
    # nn
    Case(
        "Send allergeninformasjon om skaldyr til sjukeheimane kvar tysdag klokka 10",
        _wk1(TUE, "10:00", "new", _g("sykehjem")),
        category="new_templates",
    ),
    # ukr
    Case(
        "Når webhook reklamasjon kommer, send til kunden med en gang mail at vi har fått "
        "reklamasjon hans",
        _reklamasjon(["new"], [None]),
        category="new_templates",
    ),
    # mail
    Case(
        "Hei! Vi vil gjerne sende oppskrifter på ukas fisk til kantinene hver onsdag klokka 9. "
        "Kan dere lage en ny mal til det? Mvh Sigrid",
        _wk1(WED, "09:00", "new", _g("kantine")),
        category="new_templates",
    ),
    # --- must_ask ---
    # nb
    Case("Send prislista til kundene i Finnmark hver mandag kl 9", Q, category="must_ask"),
    # trom
    Case("Tilbudet ska gå te alle unntatt hotellan kvar fredag klokka ti", Q, category="must_ask"),
    # en
    Case(
        "Send the newsletter to the canteens every tenth week on a Tuesday at 9",
        Q,
        category="must_ask",
    ),
    # nb
    Case("Femte fredag i måneden kl 10 send Ishavsnytt til alle", Q, category="must_ask"),
    # ukr
    Case(
        "Send SMS til sushirestauranter hver fredag klokka 10 om dagens priser",
        Q,
        category="must_ask",
    ),
    # frag
    Case("slett alle arbeidsflyter. nå.", Q, category="must_ask"),
    # trom
    Case("Kjøp inn 300 kilo skrei fra båtan på fredag førr lageret", Q, category="must_ask"),
    # nb
    Case("Sett ned prisen på laks med 10 prosent hver fredag", Q, category="must_ask"),
    # nb
    Case(
        "Send fakturapurring hver mandag kl 9 til kunder som skylder oss mer enn 10 000 kroner",
        Q,
        category="must_ask",
    ),
    # sv
    Case(
        "Skicka fakturapåminnelsen varje torsdag kl 10 till de kunder som inte har betalat",
        Q,
        category="must_ask",
    ),
    # en
    Case(
        "Send the king crab offer every Friday at 9 to customers who spent more than 5,000 "
        "kroner last month",
        Q,
        category="must_ask",
    ),
    # sami
    Case("Når skreisesongen starter, send skreimailen til fiskebutikkene.", Q, category="must_ask"),
    # nb
    Case(
        "Hvis det blir storm og båtene ikke kommer inn, send beskjed til alle kundene",
        Q,
        category="must_ask",
    ),
    # nb
    Case("Send prislista til storhusholdningene hver tirsdag kl 10", Q, category="must_ask"),
    # typo
    Case("hver mandg kl 8 skjema til butikkene", Q, category="must_ask"),
    # nn
    Case("Ishavsnytt skal gå ut til alle kundane ein gong i månaden", Q, category="must_ask"),
    # frag
    Case("tor el. fre kl 9: skjema -> alle", Q, category="must_ask"),
    # en
    Case("Send the order form to all customers every Wednesday at 25:00", Q, category="must_ask"),
    # ask
    Case("Kan du sende noe hyggelig til kundene våre?", Q, category="must_ask"),
    # ask
    Case(
        "Kan du finne ut hvor mye kongekrabbe vi solgte i fjor og sende det til meg?",
        Q,
        category="must_ask",
    ),
    # sami
    Case("Ring de kundene som ikke har bestilt på torsdag klokka 12.", Q, category="must_ask"),
    # mail
    Case(
        "Hei! Om sommeren vil vi at hotellene får tilbudet hver mandag kl 9, men om vinteren "
        "skal de heller få prislista. Hilsen Tor",
        Q,
        category="must_ask",
    ),
    # nb
    Case("Når fangstmelding-webhooken kommer, send tilbudet til kunden", Q, category="must_ask"),
    # en
    Case(
        "Every Monday at 9 resend the newsletter to customers who didn't open last week's one",
        Q,
        category="must_ask",
    ),
]


# --- The conversations --------------------------------------------------------------------------

HELD_OUT_V17_CONVERSATIONS: list[EditCase] = [
    # --- answers: the first message makes the assistant ask; the follow-up answers ---
    # nb
    EditCase(
        "Ishavsnytt skal gå til alle kundene en gang i måneden",
        "den første i måneden kl 10",
        _monthly("10:00", day_of_month=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb (one word)
    EditCase(
        "Hver tirsdag kl 10 prisliste til storkjøkkenene",
        "kantinene",
        _wk1(TUE, "10:00", "prisliste", _g("kantine")),
        category="answers",
    ),
    # typo (one word)
    EditCase(
        "skjema til butikkene hver mandag kl 8",
        "fiskebutikkane",
        _wk1(MON, "08:00", "bestilling", _g("fiskebutikk")),
        category="answers",
    ),
    # trom
    EditCase(
        "Send tilbudet te hotellan",
        "kvar fredag klokka ni",
        _wk1(FRI, "09:00", "tilbud", _g("hotell")),
        category="answers",
    ),
    # frag (one word)
    EditCase(
        "skjema man el. tir kl 8 -> alle",
        "tirsdag",
        _wk1(TUE, "08:00", "bestilling", _all()),
        category="answers",
    ),
    # en
    EditCase(
        "Send the newsletter to the caterers every month",
        "last working day of the month, 2pm",
        _monthly("14:00", business_day=-1, **_one("newsletter", _g("catering"))),
        category="answers",
    ),
    # sv
    EditCase(
        "Skicka prislistan till hotellen varje vecka",
        "måndag kl 7",
        _wk1(MON, "07:00", "prisliste", _g("hotell")),
        category="answers",
    ),
    # nb (one word)
    EditCase(
        "Annenhver uke kl 9 send prislista til sykehjemmene",
        "torsdag",
        _cal(THU, "09:00", "prisliste", _g("sykehjem"), every_weeks=2, anchor="2031-12-25"),
        category="answers",
    ),
    # --- edits: the first message makes a draft; the follow-up changes it ---
    # nb: move a step
    EditCase(
        "Skjema mandag kl 9 til alle, purring torsdag kl 15 til dem som ikke har bestilt",
        "flytt purringa til onsdag kl 12",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _at(WED, "12:00")], _all()),
        category="edits",
    ),
    # ukr: add a step
    EditCase(
        "Mandag klokka 8 skjema til kantiner, onsdag klokka 14 påminnelse til kantiner som "
        "ikke bestilt",
        "legg til standardordre fredag klokka 10 for de som fortsatt ikke bestilt",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "08:00"), _at(WED, "14:00"), _at(FRI, "10:00")],
            _g("kantine"),
        ),
        category="edits",
    ),
    # en: remove a step
    EditCase(
        "Monday 9am order form to the hotels, Thursday 3pm reminder to those who haven't "
        "ordered, Friday 10am their usual order if they still haven't",
        "drop the usual order, please",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "15:00")], _g("hotell")
        ),
        category="edits",
    ),
    # nb: remove a reminder from the middle
    EditCase(
        "Mandag kl 8 skjema til alle, onsdag kl 12 purring til dem som ikke har bestilt, og "
        "torsdag kl 14 en ny purring til dem som fortsatt ikke har bestilt",
        "dropp den første purringa",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "08:00"), _at(THU, "14:00")], _all()),
        category="edits",
    ),
    # trom: remove a group
    EditCase(
        "Kvar fredag klokka ni ska sushirestaurantan og hotellan få tilbudet",
        "ta bort hotellan",
        _wk1(FRI, "09:00", "tilbud", _g("sushi")),
        category="edits",
    ),
    # frag: change time
    EditCase(
        "tor 10: prisliste -> fiskebutikkene",
        "endre til 08:30",
        _wk1(THU, "08:30", "prisliste", _g("fiskebutikk")),
        category="edits",
    ),
    # nb: skip holidays
    EditCase(
        "Hver torsdag kl 9 skjema til alle kundene",
        "hopp over helligdager",
        _cal(THU, "09:00", "bestilling", _all(), holiday_policy="skip"),
        category="edits",
    ),
    # nn: change day
    EditCase(
        "Send prislista til hotella kvar måndag klokka 7",
        "flytt det til tysdag",
        _wk1(TUE, "07:00", "prisliste", _g("hotell")),
        category="edits",
    ),
    # ask: add a delayed step to an event
    EditCase(
        "Når en kunde bestiller, send ordrebekreftelse med en gang",
        "Kan du også sende kjørerutene en time etter?",
        _event_sends("order.created", ["confirmation", "levering"], [None, _delay(HOUR)]),
        category="edits",
    ),
    # sami: change template
    EditCase(
        "Hver fredag klokka 10 send tilbud til kantinene.",
        "Bruk prislista i stedet.",
        _wk1(FRI, "10:00", "prisliste", _g("kantine")),
        category="edits",
    ),
]
