"""Restrictions of the audience or the timing that no workflow can keep: asked about, never
dropped.

A workflow chooses its customers by group and by whether they have ordered (in a window); it
runs on a schedule or an event and knows public holidays. It cannot choose customers by how
much or how often they order, by whether they have paid ("de kunder som inte har betalat"),
by whether they opened, read or clicked an email, nor run by the weather or a season
("kundene som har bestilt mer enn tre ganger i år", "only to customers who have paid their
last invoice", "customers who didn't open last week's one", "når det er meldt oppholdsvær",
"når det er påske send det bare til ..."). A
request that says one of these is asked about in its language, so no part of it is silently
left out of the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai_assistant.offline.text import NUM

# A comparison before a number: "mer enn tre", "over 5000", "at least five", "minst 2".
_MORE_LESS = (
    r"(?:mer\s+enn|meir\s+enn|fler\s+enn|flere\s+enn|fleire\s+enn|færre\s+enn|mindre\s+enn"
    r"|over|under|minst|maks(?:imalt)?|opptil|inntil|mellom|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|at\s+most|above|below|upwards\s+of|in\s+excess\s+of|over\s+kr|over\s+nok"
    r"|høyere\s+enn|lavere\s+enn|>|<)"
)
_AMOUNT = r"(?:kr\.?\s*|nok\s*|\$|€|£)?(?:\d[\d\s.,]*\d|\d|" + NUM[1:-1] + r")"
# What is counted or paid: times, orders, money.
_COUNTED = (
    r"(?:ganger|gonger|gongar|gang|gong|times?|bestillinger|bestillingar|ordrer|ordre|orders?"
    r"|purchases?|kjøp|handler|kr\b|kroner|kronor|nok\b|,-|euro|€|\$|dollars?|pounds?|tusen"
    r"|thousand|000\b)"
)
# "har bestilt mer enn tre ganger i år", "handler for over 5000 kr", "ordered more than 3
# times", "placed at least five orders", "spent over 10 000", "bestillinger over 2000 kr".
_ORDER_COUNT_OR_AMOUNT = re.compile(
    r"\b" + _MORE_LESS + r"\s+" + _AMOUNT + r"\s*" + _COUNTED
    + r"|\b(?:for|på|worth|spent|spend|brukt|handlet|kjøpt|omsatt|omsetning|turnover)\s+"
    r"(?:for\s+)?" + _MORE_LESS + r"\s+" + _AMOUNT
    + r"|\b" + _AMOUNT + r"\s*(?:ganger|gonger|gongar|times|bestillinger|bestillingar|ordrer"
    r"|orders)\s+(?:eller\s+(?:mer|fler|flere|meir|fleire)|or\s+more|\+)"
    + r"|\b\d+\+\s*(?:orders|bestillinger|ordrer|ganger|times)\b"
    # How much of something they bought or have: "who bought more than 100 packs", "kunder
    # med mer enn 3 dispensere", "som har kjøpt over 50 esker".
    + r"|\b(?:(?:kunde\w*|kundar\w*|customers?|clients?|alle|all|those|de|dem|dei|anyone)\s+"
    r"(?:med|with)|(?:som|who|that|der)\s+(?:har|have|has|eier|eig|owns?|kjøper|buy|buys)"
    r"|bought|kjøpt|købt|köpt|ordered|bestilt)\s+(?:\w+\s+){0,2}?"
    + _MORE_LESS + r"\s+" + _AMOUNT + r"\s+[a-zæøå]{3,}"
)  # fmt: skip
# What they buy: "alle som kjøper desinfeksjon", "customers who buy gloves" (a workflow knows
# whether they ordered, not what).
_BUYS_WHAT = re.compile(
    r"\b(?:som|who|that|der)\s+(?:\w+\s+)?(?:kjøper|kjøpte|har\s+kjøpt|kjøber|køber|har\s+købt"
    r"|köper|har\s+köpt|buy|buys|bought|have\s+bought|purchase[sd]?|have\s+purchased)\s+"
    r"(?!(?:noe|noko|noget|något|anything|something|nothing|hos|fra|frå|from|of|av|oss|us"
    r"|last|this|the|in|within|siste|denne|dette|forrige|i|de|den|det|over|mer|more|less"
    r"|regularly|often|ofte|jevnlig|every|hver|each|kvar|siden|since|before|før|lately)\b)"
    r"[a-zæøå]{4,}"
)
# Activity outside orders: "kunder der ikke har logget ind i webshoppen", "who haven't logged
# in", "som har besøkt nettbutikken".
_ACTIVITY = re.compile(
    r"\b(?:logget|logga|logge|logger|logged|logs|log|loggat|signed|besøkt|besøgt|visited"
    r"|visits?|besøker|brukt|used)\s+(?:seg\s+)?(?:inn?|ind|in|into|on|på)?\s*(?:i|på|to|the"
    r"|in|into|our|vår|våre)?\s*(?:the\s+)?(?:webshop\w*|webbutik\w*|nettbutikk\w*|nettbutik\w*"
    r"|portal\w*|app\w*|nettsid\w*|hjemmesid\w*|website|site|shop|kundeportal\w*|butikken)"
    r"|\b(?:har|have|has|haven'?t|hasn'?t|ikke|not|never|aldri)\s+(?:\w+\s+)?(?:logget|logga"
    r"|logged)\s+(?:inn?|ind|in)\b"
)
# "annenhver virkedag", "every other working day": business days counted in twos, which no
# schedule keeps.
_EVERY_OTHER_BUSINESS_DAY = re.compile(
    r"\b(?:annenhver|annakvar|annankvar|hver\s+andre|kvar\s+andre|every\s+other|every\s+second"
    r"|alternate)\s+(?:virkedag\w*|arbeidsdag\w*|hverdag\w*|vyrkedag\w*|verkedag\w*|kvardag\w*"
    r"|business\s+days?|working\s+days?|work\s*days?|weekdays?)"
)
# Two times right after each other, nothing between them ("mandag kl 9 om morgenen kl 15"):
# which one?
_TWO_TIMES = re.compile(
    r"\bkl\s+\d{1,2}(?::\d{2})?\s+(?:(?:om|på|i)\s+(?:morgenen|ettermiddagen|formiddagen"
    r"|kvelden|morgonen)\s+)?kl\s+\d{1,2}(?::\d{2})?\b"
)
# Customers said by a kind no group is: "dei offentlege kundane", "the private customers".
_VAGUE_KIND = re.compile(
    r"\b(?:(?:de|dei|the|alle|all|våre|our|vore)\s+)?(?:offentlig\w*|offentleg\w*|public|privat\w*"
    r"|private|kommersiell\w*|commercial)\s+(?:kunde\w*|kundar\w*|kund\w*|customers?|clients?"
    r"|klienter\w*)"
)

# Payment or invoice status of the customers: "som har betalt", "who have paid", "kunder med
# ubetalte fakturaer", "those with overdue invoices" (not "mailen om ubetalte fakturaer": what
# an email is about).
_PAYMENT = re.compile(
    r"\b(?:som|who|that|which|der|whose)\s+(?:\w+\s+){0,3}?(?:har\s+|have\s+|has\s+|ikke\s+"
    r"|not\s+|haven'?t\s+|hasn'?t\s+|ikkje\s+|inte\s+|ej\s+)*(?:betalt|betalte|betaler"
    r"|betalat|betalar|betalade|paid|pays?|skylder|skyldar|skyldig|owes?|owe)\b"
    r"|\b(?:kund\w*|customers?|clients?|alle|all|everyone|those|de|dem|dei|them)\s+(?:med|with"
    r"|uten|utan|without|som\s+har|who\s+have|that\s+have)\s+(?:\w+\s+)?(?:ubetalt\w*"
    r"|obetald\w*|forfalt\w*|förfallen\w*|forfalne|utestående|unpaid|overdue|outstanding"
    r"|open\s+invoices?|åpne\s+fakturaer)"
    r"|\b(?:in\s+arrears|i\s+restanse|på\s+inkasso|credit\s+limit|kredittgrense\w*)\b"
)

# Whether the customers opened, read or clicked an email: "customers who didn't open last
# week's one", "kundene som ikke har åpnet nyhetsbrevet", "de som inte har läst mejlet", "dei
# som klikka på lenka" (a workflow does not know what was opened; "når butikken åpner" is not
# said of customers).
_ENGAGEMENT = re.compile(
    r"\b(?:som|who|that|which|der)\s+(?:[\w']+\s+){0,3}?(?:(?:åpnet|åpna|åpnede|opna|opnet|lest"
    r"|leste|las|klikket|klikka|klikte|trykket|trykte|öppnat|öppnade|läst|läste|klickat"
    r"|klickade|opened|read|clicked|engaged\s+with|responded\s+to)\b"
    r"|(?:didn'?t|did\s+not|don'?t|do\s+not|doesn'?t|does\s+not|never)\s+(?:open|read|click)\b"
    # The present only with what is opened: "who open our emails", "som åpner nyhetsbrevet"
    # ("the shops that open on sundays" opens no email).
    r"|(?:åpner|opnar|leser|les|klikker|öppnar|läser|klickar|open|opens|reads|click|clicks)\s+"
    r"(?:on\s+|på\s+|i\s+)?(?:the\s+|our\s+|it\b|them\b|det\b|den\b|dem\b|våre\s+|vårt\s+"
    r"|e-?mail|mail|nyhe\w*brev|newsletter|e-?post|lenk|link))"
)

# The weather: "når det er meldt oppholdsvær", "hvis det regner", "if it's sunny", "when the
# forecast says rain", "ved minusgrader".
_WEATHER_WORD = (
    r"(?:været|oppholdsvær|opphaldsvêr|godvær|godver|regnvær|tørrvær|uvær|solskinn|solskin"
    r"|minusgrader|plussgrader|kuldegrader|varmegrader|værmelding\w*|værvarsel\w*|yr\.no"
    r"|weather|forecast|sunshine)"
)
_WEATHER = re.compile(
    r"\b" + _WEATHER_WORD + r"\b"
    r"|\b(?:fint|pent|godt|dårlig|bra|fine|good|nice|bad|dry|wet)\s+(?:vær|vêr|weather)\b"
    r"|\b(?:når|hvis|om|dersom|viss|vis|if|when|whenever|once|on\s+days)\s+(?:\w+\s+){0,4}?"
    r"(?:regner|regne|regn|snør|snø|snøen|sola\s+skinner|sol|frost|fryser|kaldt|varmt|kaldare"
    r"|kaldere|varmere|rains?|raining|snows?|snowing|sunny|freezing|cold|warm|hot|grader"
    r"|degrees|temperatur\w*|temperature)\b(?!-)"
    r"|\bmeldt\s+(?:regn|sol|snø|frost|oppholdsvær|storm|kuling)\b"
)

# A season or a holiday period as a condition: "når det er påske", "i påsken send det bare
# til ...", "etter påske tilbake til ...", "during the summer", "when the boating season
# starts" (a public holiday is the holiday policy's, not this).
_SEASON_NAME = (
    r"(?:påsk(?:e|en|a)|påskeferien|jul(?:a|en)?|juleferien|sommer(?:en)?|sommar(?:en)?"
    r"|sommerferien|sommarferien|vinter(?:en)?|høst(?:en)?|haust(?:en)?|vår(?:en)?"
    r"|høysesong\w*|lavsesong\w*|fellesferien|fellesferie|easter|christmas|summer|winter|autumn"
    r"|spring|high\s+season|low\s+season|off[-\s]season|the\s+holidays|summer\s+holidays?"
    # School holidays: "summer break", "skoleferien", "høstferien", "half term".
    r"|(?:summer|winter|spring|autumn|fall|easter|christmas|school)\s+(?:break|holidays?|vacation)"
    r"|half[-\s]term|skoleferie\w*|høstferie\w*|haustferie\w*|vinterferie\w*|sommerferie\w*"
    r"|sommarferie\w*|påskeferie\w*|juleferie\w*)"
)
# "bare i vintertid", "9 am in summer time and 8 am in winter time": a send or a time that
# holds in one half of the year (wall-clock times do not change with the clocks).
_CLOCK_SEASON = re.compile(
    r"\b(?:(?:bare|kun|only|just)\s+)?(?:i|in|during|om|under|på|for)\s+(?:the\s+)?"
    r"(?:vintertid\w*|sommertid\w*|vintertiden|sommertiden|winter\s*time|summer\s*time"
    r"|daylight\s+saving(?:s)?(?:\s+time)?|normaltid\w*|standard\s+time|dst)\b"
)
_SEASON = re.compile(
    r"\b(?:når|mens|så\s+lenge|when|while|whenever|as\s+long\s+as)\s+(?:det\s+er\s+|det\s+e\s+"
    r"|it'?s\s+|it\s+is\s+)?(?:the\s+)?" + _SEASON_NAME + r"\b"
    r"|\b(?:i|om|in|during|over|gjennom)\s+(?:the\s+)?" + _SEASON_NAME
    + r"\s+(?:send\w*|skal|ska|går|gå|only|bare|kun|just|should|do)\b"
    r"|\b(?:etter|after|før|before|until|fram\s+til|inntil)\s+(?:the\s+)?" + _SEASON_NAME
    + r"\s+(?:tilbake|igjen|att|back|again|send\w*|bare|kun|only|starts|begins|ends|is\s+over"
    r"|starter|begynner|byrjar|slutter|sluttar|er\s+over|er\s+slutt|tar\s+til)\b"
    r"|\b(?:når|when|once|så\s+snart|as\s+soon\s+as)\s+(?:\w+\s+){0,2}?[a-zæøå]*sesongen?"
    r"\s+(?:starter|begynner|er\s+i\s+gang|byrjar|startar|opner|åpner|starts|begins|opens"
    r"|er\s+over|slutter|ends)\b"
    r"|\b(?:when|once|as\s+soon\s+as)\s+(?:the\s+)?(?:\w+\s+)?season\s+(?:starts|begins|opens"
    r"|ends|is\s+over)\b"
)  # fmt: skip


# Who a restriction is said of, right before it: "kundene som ...", "only to customers who ...",
# "those with ...".
_WHO_BEFORE = re.compile(
    r"(?:(?:bare|kun|only|just)\s+(?:til\s+|to\s+)?)?(?:(?:the|de|dei|alle|all)\s+)?"
    r"(?:[\wæøå]+\s+)?(?:som|who|that|which|der|whose|med|with|uten|utan|without)\s"
)
# Where the words of a restriction end: a pause, or when.
_RESTRICTION_END = re.compile(
    r"\s*(?:[,.;:!?]|\s[-\u2013]\s|\b(?:hver|hvert|kvar|every|each|kl|at|on|på|den|the\s+\d"
    r"|mandag\w*|tirsdag\w*|onsdag\w*|torsdag\w*|fredag\w*|lørdag\w*|søndag\w*|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday|daily|daglig)\b)"
)


@dataclass(frozen=True)
class Limit:
    """A restriction no workflow can keep: the question, and the words an answer stands in for
    (``replace``; ``yes``: what they become when the answer is "ja" / "yes")."""

    nb: str
    en: str
    replace: str
    yes: str | None


def _clause(text: str, m: re.Match[str], *, who: bool) -> str:
    """The words of the restriction ``m`` found: from whom it is said of (``who``) or from the
    match, to the next pause or word of when."""
    start = m.start()
    if who:
        low = max(0, start - 60)
        opener = None
        for found in _WHO_BEFORE.finditer(text[low : m.end()]):
            if low + found.start() <= start:
                opener = found
        if opener is not None:
            start = low + opener.start()
    end = _RESTRICTION_END.search(text, m.end())
    stop = end.start() if end is not None and end.start() > m.end() else m.end()
    if end is None:
        stop = len(text)
    return " ".join(text[start:stop].split())


def unsupported(normalised: str) -> Limit | None:
    """The question for a restriction of who or when no workflow can keep, or None."""
    m = _ORDER_COUNT_OR_AMOUNT.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt kan ikke velge kunder etter hvor mye eller hvor ofte de bestiller "
            f"(«{said}»), bare etter gruppe og om de har bestilt i en periode. Skal den gå til "
            "en gruppe, til alle, eller til dem som har (eller ikke har) bestilt den siste "
            "tiden?",
            f"A workflow cannot choose customers by how much or how often they order (“{said}”), "
            "only by group and by whether they have ordered within a period. Should it go to a "
            "group, to everyone, or to those who have (or have not) ordered lately?",
            _clause(normalised, m, who=True),
            None,
        )
    m = _BUYS_WHAT.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt kan ikke velge kunder etter hva de kjøper («{said}»), bare etter "
            "gruppe og om de har bestilt i en periode. Skal den gå til en gruppe, til alle, "
            "eller til dem som har (eller ikke har) bestilt den siste tiden?",
            f"A workflow cannot choose customers by what they buy (“{said}”), only by group and "
            "by whether they have ordered within a period. Should it go to a group, to everyone, "
            "or to those who have (or have not) ordered lately?",
            _clause(normalised, m, who=True),
            None,
        )
    m = _ACTIVITY.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt kan ikke velge kunder etter om de har logget inn eller besøkt "
            f"nettbutikken («{said}»), bare etter gruppe og om de har bestilt. Skal den gå til "
            "en gruppe, til alle, eller til dem som ikke har bestilt den siste tiden?",
            f"A workflow cannot choose customers by whether they logged in or visited the shop "
            f"(“{said}”), only by group and by whether they have ordered. Should it go to a "
            "group, to everyone, or to those who have not ordered lately?",
            _clause(normalised, m, who=True),
            None,
        )
    m = _EVERY_OTHER_BUSINESS_DAY.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt kan gå hver virkedag eller på faste ukedager, men ikke «{said}». "
            "Skal den gå hver virkedag, eller på bestemte dager (for eksempel mandag, onsdag "
            "og fredag)?",
            f"A workflow can run every working day or on set weekdays, but not “{said}”. Should "
            "it run every working day, or on set days (for example Monday, Wednesday and "
            "Friday)?",
            m.group(0),
            None,
        )
    m = _TWO_TIMES.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"Du skriver to klokkeslett («{said}»). Hvilket skal det være?",
            f"You give two times (“{said}”). Which one should it be?",
            m.group(0),
            None,
        )
    m = _VAGUE_KIND.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"Jeg vet ikke hvilke kunder «{said}» er: det er ingen gruppe med det navnet. Hvilken "
            "gruppe mener du, eller skal det gå til alle kunder?",
            f"I don't know which customers “{said}” are: no group has that name. Which group do "
            "you mean, or should it go to all customers?",
            m.group(0),
            None,
        )
    m = _PAYMENT.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt kan ikke velge kunder etter om de har betalt («{said}»). Skal den "
            "gå til en gruppe eller til alle kunder?",
            f"A workflow cannot choose customers by whether they have paid (“{said}”). Should "
            "it go to a group or to all customers?",
            _clause(normalised, m, who=True),
            None,
        )
    m = _ENGAGEMENT.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt kan ikke velge kunder etter om de har åpnet, lest eller klikket i "
            f"en e-post («{said}»). Skal den gå til en gruppe, til alle, eller til dem som har "
            "(eller ikke har) bestilt den siste tiden?",
            f"A workflow cannot choose customers by whether they opened, read or clicked an "
            f"email (“{said}”). Should it go to a group, to everyone, or to those who have (or "
            "have not) ordered lately?",
            _clause(normalised, m, who=True),
            None,
        )
    m = _WEATHER.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt kan ikke styres av været («{said}»): den går på faste tider. Skal "
            "den gå hver gang uansett vær?",
            f"A workflow cannot depend on the weather (“{said}”): it runs at set times. Should "
            "it run every time, whatever the weather?",
            _clause(normalised, m, who=False),
            "",
        )
    m = _CLOCK_SEASON.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt går på samme klokkeslett hele året, også når klokka stilles. Den kan "
            f"ikke gå bare eller annerledes «{said}». Hvilket klokkeslett skal gjelde hele året?",
            f"A workflow runs at the same wall-clock time all year, also when the clocks change. "
            f"It cannot run only or differently “{said}”. Which time should hold all year?",
            m.group(0),
            "",
        )
    m = _SEASON.search(normalised)
    if m:
        said = " ".join(m.group(0).split())
        return Limit(
            f"En arbeidsflyt kan ikke bytte mottakere eller tidspunkt etter årstid eller "
            f"høytid («{said}»): den går likt hele året, og du kan lage en egen arbeidsflyt "
            "for perioden og sette den på pause etterpå. Hvem skal få den, og når?",
            f"A workflow cannot change its audience or timing by season or holiday (“{said}”): "
            "it runs the same all year, and you can make a separate workflow for the period and "
            "pause it afterwards. Who should get it, and when?",
            _clause(normalised, m, who=False),
            None,
        )
    return None
