"""The own phrasing set, fourteenth part: the kinds of failure held-out v20 found (h-kinds16).

Held-out v20 (a coffee and canteen wholesaler) showed times the parser misread when dictated
or typed in haste ("tir 0730", "daglig 0600", "sju tretti", "klokka femten tretti") and
weekday lists with an exception ("hver hverdag ..., men ikke på fredager", "alle hverdager
unntatt mandag") asked about instead of listed. A voice self-correction of what is sent ("send
ordrebekreftelse eh nei vent send leveringsplanen") kept the first, and a swap ("Send ikke
skjemaet, men tilbudsmailen, til ...") was not read. Webhooks named bare ("When X webhook
comes", "Når x-y, send ..."), an order said as a heading ("ordre inn → varsle kundeservice") or
by a pronoun ("med en gang hen bestiller"), staff said in Nynorsk or English ("salsavdelinga",
"the technicians") and "send den igjen" after a delay were lost. A polite letter's request was
buried: "ønsker vi at ...", a reason clause (", siden de handler inn til helgens kamper"), a
condition said as "og at de som ikke har bestilt får en påminnelse", a day before said before
its holiday condition ("sendes torsdagen før dersom fredagen er en helligdag") and closing
thanks. A first time said by a week or the clocks ("fra neste uke", "første gang etter klokka er
stilt tilbake", "fra og med sjuende november") was anchored on the next such day; "klokka 9 òg
etter at klokka er stilt" became a second step. Must-asks were drafted: a choice of hours in
words ("åtte eller ni"), a send only in winter time or at different summer and winter times,
"bedriftene" without "til", "kunden" after a supplier's price change webhook. In
conversations, a choice answered with more than the option ("onsdag klokka 9"), answers and
edits wrapped in thanks and praise, "Ikke X, Y", "kan X heller gå til Y?", "kan X også gå ut en
time etter?", "ikke i helgene" on a daily draft, "+ purring ..." and the answer to "alle unntatt
X" were not understood. A chain parted by " / " was one step.

Each kind has phrasings here in other words, for another business: Nordkalotten Bakeriengros
AS in Tromsø, a wholesaler of flour, yeast, fillings and packaging to bakeries, pastry shops,
grocery stores, kindergartens, nursing homes and coastal ships, whose ovens it leases and
services. None copies a v20 case. Before h-kinds16's fixes 0/41 cases and 0/11 conversations
were right; after them all are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import HOUR, QUESTION
from tests.ai_assistant.parser_phrasings_v2 import EditCase

TEMPLATES_V20K: list[TemplateInfo] = [
    {
        "id": 2101,
        "name": "Ukesbestilling bakevarer",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link"],
        "subject": "Bestill mel, gjær og fyll for neste uke",
    },
    {
        "id": 2102,
        "name": "Glemt bestillingen?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link"],
        "subject": "Fristen for bestilling nærmer seg",
    },
    {
        "id": 2103,
        "name": "Ordren er mottatt",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer"],
        "subject": "Takk, vi pakker bakevarene dine",
    },
    {
        "id": 2104,
        "name": "Ukens kampanje",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste"],
        "subject": "Rabatt på mel, sukker og sjokolade",
    },
    {
        "id": 2105,
        "name": "Bakerposten",
        "category": "nyhetsbrev",
        "variables": ["kunde_navn"],
        "subject": "Nytt fra Nordkalotten Bakeriengros",
    },
    {
        "id": 2106,
        "name": "Kjøreplan",
        "category": "levering",
        "variables": ["kunde_navn", "rute"],
        "subject": "Når kommer bilen? Ruter og leveringsdager i Troms",
    },
    {
        "id": 2107,
        "name": "Service på ovnen",
        "category": "service",
        "variables": ["kunde_navn", "ovn"],
        "subject": "Rengjøring og service av steinovn og deigelter",
    },
    {
        "id": 2109,
        "name": "Julebestilling",
        "category": "sesong",
        "variables": ["kunde_navn", "frist"],
        "subject": "Bestill julekaker og pepperkakedeig til jula i god tid",
    },
    {
        "id": 2108,
        "name": "Emballasje",
        "category": "emballasje",
        "variables": ["kunde_navn", "produkt_liste"],
        "subject": "Poser, esker og kakebokser på lager",
    },
]

GROUPS_V20K: list[GroupInfo] = [
    {"slug": "bakeri", "name": "Bakerier", "size": 44},
    {"slug": "konditori", "name": "Konditorier", "size": 17},
    {"slug": "butikk", "name": "Dagligvarebutikker", "size": 61},
    {"slug": "barnehage", "name": "Barnehager", "size": 38},
    {"slug": "sykehjem", "name": "Sykehjem", "size": 14},
    {"slug": "skip", "name": "Skip og ferjer", "size": 9},
]
STAFF_GROUPS_V20K: list[str] = ["lager", "sjåfører", "salg", "kundeservice", "teknikere"]
# A Tuesday; the clocks go back on Sunday 31 October 2032.
TODAY_V20K = dt.date(2032, 10, 19)


def context_v20k() -> ParseContext:
    return facts.business_context(TEMPLATES_V20K, GROUPS_V20K, STAFF_GROUPS_V20K, TODAY_V20K)


_g = facts.group
_all = facts.everyone
_ev = facts.event_customer
_send = facts.weekly_send
_one = facts.one_send
MON, TUE, WED, THU, FRI = "monday", "tuesday", "wednesday", "thursday", "friday"


def _chain(templates: list[str | None], days: list[tuple[str, str]], to: dict[str, Any]) -> Any:
    """A weekly chain: the first step to ``to``, the later ones to those still without an
    order in this run; a ``None`` template is the usual order."""
    steps = [facts.SEND if t is not None else facts.ORDER for t in templates]
    more: dict[str, Any] = {"mode": "repeat_last"} if facts.ORDER in steps else {}
    return facts.weekly(
        days[0][0],
        days[0][1],
        steps=steps,
        templates=templates,
        recipients=[to] * len(steps),
        conditions=[None] + [facts.missing_since_start()] * (len(steps) - 1),
        triggers=[facts.at(d, t) for d, t in days],
        **more,
    )


def _sends(kind: str, templates: list[str], triggers: list[Any], **more: Any) -> Any:
    """Sends to the event's customer, one per template, at ``triggers``."""
    return facts.event(
        kind,
        steps=[facts.SEND] * len(templates),
        templates=templates,
        recipients=[_ev()] * len(templates),
        triggers=triggers,
        **more,
    )


KINDS_V20: list[Case] = [
    # === 1. Times dictated in words or typed as four digits after a short day =============
    Case(
        "bestilling bakeriene tir 0645",
        _send(TUE, "06:45", "bestilling", _g("bakeri")),
        category="times_said",
    ),
    Case(
        "dagleg 0530 kampanje til alle",
        facts.daily("05:30", **_one("tilbud", _all())),
        category="times_said",
    ),
    Case(
        "hver tirsdag og torsdag klokka seks førtifem send kjøreplanen til dagligvarebutikkene",
        facts.on_days([TUE, THU], "06:45", **_one("levering", _g("butikk"))),
        category="times_said",
    ),
    Case(
        "send ukens kampanje til konditoriene hver mandag klokka fjorten femten",
        _send(MON, "14:15", "tilbud", _g("konditori")),
        category="times_said",
    ),
    Case(
        "every Friday at seven thirty send the newsletter to all customers",
        _send(FRI, "07:30", "nyhetsbrev", _all()),
        category="times_said",
    ),
    # === 2. Working days with an exception: the days listed =================================
    Case(
        "Every weekday except Friday at 7 am send the order form to the bakeries",
        facts.on_days([MON, TUE, WED, THU], "07:00", **_one("bestilling", _g("bakeri"))),
        category="weekdays_except",
    ),
    Case(
        "Every weekday but Wednesday at 6 send the delivery plan to the ships",
        facts.on_days([MON, TUE, THU, FRI], "06:00", **_one("levering", _g("skip"))),
        category="weekdays_except",
    ),
    Case(
        "Send kjøreplanen til barnehagene alle hverdager utenom onsdag, kl 8",
        facts.on_days([MON, TUE, THU, FRI], "08:00", **_one("levering", _g("barnehage"))),
        category="weekdays_except",
    ),
    Case(
        "Kvar kvardag klokka 9 send kampanjen til sjukeheimane, men ikkje på måndagar",
        facts.on_days([TUE, WED, THU, FRI], "09:00", **_one("tilbud", _g("sykehjem"))),
        category="weekdays_except",
    ),
    # === 2b. Days listed in English at an "am" time; groups and templates said in English or
    # Danish for the business's Norwegian names.
    Case(
        "Kindly send the packaging mail to the pastry shops on Tuesday, Thursday and Saturday "
        "at 5:45 am",
        facts.on_days([TUE, THU, "saturday"], "05:45", **_one("emballasje", _g("konditori"))),
        category="other_words",
    ),
    Case(
        "Hver dag klokken 5.30 skal bestillingsformularen sendes til bagerierne",
        facts.daily("05:30", **_one("bestilling", _g("bakeri"))),
        category="other_words",
    ),
    # === 3. What is sent corrected by voice, or swapped ====================================
    Case(
        "send kjøreplanen eh nei vent send kampanjen til konditoriene hver torsdag kl 10",
        _send(THU, "10:00", "tilbud", _g("konditori")),
        category="corrections",
    ),
    Case(
        "Send the delivery plan to the bakeries, no wait, send the newsletter, every Monday at 9",
        _send(MON, "09:00", "nyhetsbrev", _g("bakeri")),
        category="corrections",
    ),
    Case(
        "send kjøreplanen til skipene eh nei send kampanjen hver fredag kl 9",
        _send(FRI, "09:00", "tilbud", _g("skip")),
        category="corrections",
    ),
    Case(
        "Send ikke kjøreplanen, men kampanjen, til sykehjemmene hver onsdag kl 11",
        _send(WED, "11:00", "tilbud", _g("sykehjem")),
        category="corrections",
    ),
    Case(
        "Ikke send bakerposten, men kampanjen, til barnehagene hver fredag kl 8",
        _send(FRI, "08:00", "tilbud", _g("barnehage")),
        category="corrections",
    ),
    # === 4. Webhooks named bare, orders said as a heading, staff in other words ============
    Case(
        "Whenever ovn-feil webhook comes, kindly inform the technicians",
        facts.event("webhook", event_name="ovn-feil", staff_group="teknikere"),
        category="webhooks",
    ),
    Case(
        "Når melprisendring-webhooken kjem inn, sei ifrå til salsavdelinga",
        facts.event("webhook", event_name="melprisendring", staff_group="salg"),
        category="webhooks",
    ),
    Case(
        "bestilling inn → varsle lageret",
        facts.event("order.created", staff_group="lager"),
        category="webhooks",
    ),
    Case(
        "When melprisendring webhook comes, send the campaign to all customers",
        facts.event(
            "webhook", event_name="melprisendring", **_one("tilbud", _all(), triggers=[None])
        ),
        category="webhooks",
    ),
    # === 5. Event chains in dialect, "send den igjen", a pronoun for the customer ==========
    Case(
        "Når en kunde bestille, send ordrebekreftelse med ein gong og kjøreplanen tre tima etter",
        _sends("order.created", ["confirmation", "levering"], [None, facts.delay(3 * HOUR)]),
        category="event_chains",
    ),
    Case(
        "Når ein kunde bestiller, send ordrebekreftinga med ein gong og kjøreplanen to timar etter",
        _sends("order.created", ["confirmation", "levering"], [None, facts.delay(2 * HOUR)]),
        category="event_chains",
    ),
    Case(
        "Når ovn-feil, send servicemail til kunden straks, og etter 2 timer send den igjen",
        _sends(
            "webhook",
            ["service", "service"],
            [None, facts.delay(2 * HOUR)],
            event_name="ovn-feil",
        ),
        category="event_chains",
    ),
    Case(
        "Kan kunden få ordrebekreftelsen med det samme han bestiller, og så emballasjemailen to "
        "timer etterpå?",
        _sends("order.created", ["confirmation", "emballasje"], [None, facts.delay(2 * HOUR)]),
        category="event_chains",
    ),
    # === 6. A request inside a polite letter ================================================
    Case(
        "Hei! Takk for et godt møte sist. Vi har et lite ønske: hver torsdag klokka 13 ønsker vi "
        "at bestillingsskjemaet sendes til konditoriene, siden de baker til helgens bryllup. "
        "Tusen takk for hjelpen, og ha en fin kveld!",
        _send(THU, "13:00", "bestilling", _g("konditori")),
        category="polite",
    ),
    Case(
        "God morgen! Barnehagene har gitt oss gode tilbakemeldinger. For at de ikke skal gå tomme "
        "for mel, vil vi gjerne at skjemaet sendes til barnehagene hver tirsdag kl 10, og at de "
        "som ikke har bestilt får en påminnelse torsdag kl 12. Setter stor pris på det!",
        _chain(["bestilling", "reminder"], [(TUE, "10:00"), (THU, "12:00")], _g("barnehage")),
        category="polite",
    ),
    Case(
        "Hei! Takk for godt samarbeid. Fordi vi har andre rutiner rundt helligdager, ønsker vi at "
        "kjøreplanen går til bakeriene hver mandag kl 7, og at den sendes tirsdagen etter "
        "dersom mandagen er en helligdag. Takk for at dere fikser det!",
        facts.weekly(
            MON, "07:00", holiday_policy="next_business_day", **_one("levering", _g("bakeri"))
        ),
        category="polite",
    ),
    # === 7. A first time said by a week, the clocks or a date in words ======================
    Case(
        "annenhver tor 8 kampanje konditorier, fra neste uke",
        facts.weekly(
            THU, "08:00", every_weeks=2, anchor="2032-10-28", **_one("tilbud", _g("konditori"))
        ),
        category="first_times",
    ),
    Case(
        "Every other Wednesday at 9 send the delivery plan to the nursing homes, first time after "
        "the clocks go back",
        facts.weekly(
            WED, "09:00", every_weeks=2, anchor="2032-11-03", **_one("levering", _g("sykehjem"))
        ),
        category="first_times",
    ),
    Case(
        "annakvar fredag klokka ti frå og med tolvte november send bakerposten til alle",
        facts.weekly(
            FRI, "10:00", every_weeks=2, anchor="2032-11-12", **_one("nyhetsbrev", _all())
        ),
        category="first_times",
    ),
    Case(
        "Hver mandag kl 8 send skjema til bakeriene, og ja, kl 8 også etter at vi går over til "
        "vintertid",
        _send(MON, "08:00", "bestilling", _g("bakeri")),
        category="first_times",
    ),
    # === 8. What the format cannot say, asked =============================================
    Case(
        "send kjøreplanen til barnehagene hver fredag klokka sju eller åtte",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "send kampanjen til skipene hver fredag klokka halv åtte eller åtte",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "Hver onsdag kl 10 bare i sommertid send kampanjen til bakeriene",
        QUESTION,
        category="must_ask",
    ),
    Case(
        "Send the order form to the nursing homes Tuesday 8 am in winter time and 7 am in summer "
        "time",
        QUESTION,
        category="must_ask",
    ),
    Case("kampanje firmaene tir 10", QUESTION, category="must_ask"),
    Case(
        "God dag! Vi ønsker at kunden får beskjed når melprisendring-webhooken kommer fra møllen, "
        "slik at de kan planlegge. Tusen takk!",
        QUESTION,
        category="must_ask",
    ),
    # === 9. Templates by meaning: a week of a holiday is when, Nynorsk compounds ===========
    Case(
        "hver fredag kl 9 send e-posten om endrede åpningstider i juleuken til alle kundene",
        _send(FRI, "09:00", "new", _all()),
        category="templates",
    ),
    Case(
        "Kvar torsdag klokka 8 skal dei som har bestilt sidan måndag få tilbodsmailen",
        _send(THU, "08:00", "tilbud", _all(), conditions=[facts.ordered(since="last_monday")]),
        category="templates",
    ),
    # === 10. A chain parted by slashes =====================================================
    Case(
        "skjema bakerier man 8 / påminnelse ons / fast ordre tor 10",
        _chain(
            ["bestilling", "reminder", None],
            [(MON, "08:00"), (WED, "15:00"), (THU, "10:00")],
            _g("bakeri"),
        ),
        category="slash_chains",
    ),
    Case(
        "skjema konditorier tir 9 / purring tor 14",
        _chain(["bestilling", "reminder"], [(TUE, "09:00"), (THU, "14:00")], _g("konditori")),
        category="slash_chains",
    ),
]


KINDS_V20_CONVERSATIONS: list[EditCase] = [
    # An answer that picks an option and says more, or in words with a filler.
    EditCase(
        "Send kjøreplanen til sykehjemmene tirsdag eller torsdag",
        "torsdag klokka 7",
        _send(THU, "07:00", "levering", _g("sykehjem")),
        category="answers",
    ),
    EditCase(
        "send kampanjen til bakeriene hver fredag klokka sju eller åtte",
        "åtte altså",
        _send(FRI, "08:00", "tilbud", _g("bakeri")),
        category="answers",
    ),
    # An answer wrapped in thanks, after a letter closing with thanks.
    EditCase(
        "Hei! Vi vil gjerne at konditoriene får servicemailen om ovnen jevnlig. Takk!",
        "Takk for spørsmålet: andre tirsdag i måneden kl 10 passer bra.",
        facts.monthly("10:00", weekday=TUE, nth=2, **_one("service", _g("konditori"))),
        category="answers",
    ),
    # The answer to "alle unntatt X" takes its place.
    EditCase(
        "Kampanjen til alle unntatt barnehagene fredag kl 9",
        "Ok, send det bare til bakeriene da",
        _send(FRI, "09:00", "tilbud", _g("bakeri")),
        category="answers",
    ),
    # Edits: one more step after a plus, a group swapped, asked politely, weekends left out,
    # a step added politely after an event.
    EditCase(
        "skjema konditorier man 7",
        "+ purring ons 12 til de som ikke har bestilt",
        _chain(["bestilling", "reminder"], [(MON, "07:00"), (WED, "12:00")], _g("konditori")),
        category="edits",
    ),
    EditCase(
        "Hver torsdag klokken 11 send kampanjen til bakerier",
        "Ikke bakerier, konditorier",
        _send(THU, "11:00", "tilbud", _g("konditori")),
        category="edits",
    ),
    EditCase(
        "Hver mandag kl 10 send bakerposten til barnehagene",
        "Tusen takk, dette ser bra ut! Bare en ting: kan nyhetsbrevet heller gå til "
        "sykehjemmene? Ellers er alt fint.",
        _send(MON, "10:00", "nyhetsbrev", _g("sykehjem")),
        category="edits",
    ),
    EditCase(
        "Hver fredag kl 9 send kampanjen til bakeriene",
        "Flott! Kan den heller gå til konditoriene?",
        _send(FRI, "09:00", "tilbud", _g("konditori")),
        category="edits",
    ),
    EditCase(
        "Every Wednesday at 8 send the newsletter to the bakeries",
        "Thanks, looks good. Could it go to the pastry shops instead?",
        _send(WED, "08:00", "nyhetsbrev", _g("konditori")),
        category="edits",
    ),
    EditCase(
        "Hver dag kl 5 send kjøreplanen til bakeriene",
        "men ikke i helgene",
        facts.daily("05:00", weekdays_only=True, **_one("levering", _g("bakeri"))),
        category="edits",
    ),
    EditCase(
        "Når en kunde bestiller, send ordrebekreftelse med en gang",
        "Kan emballasjemailen også gå ut to timer etter?",
        _sends("order.created", ["confirmation", "emballasje"], [None, facts.delay(2 * HOUR)]),
        category="edits",
    ),
]
