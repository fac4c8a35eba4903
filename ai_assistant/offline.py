"""The offline parser: Norwegian Bokmål / English text to a workflow document, no API key.

``parse_description(text, context=...)`` returns a ``ParseOutcome`` holding either a
workflow document (not yet validated: the caller runs ``automation.validation``) or a
clarifying question in the user's language. It is deterministic and never guesses: when
the text does not say what should happen, or when, or names a customer group or template
category that does not exist, the outcome is a question.

How a text is read:

1. Normalise: lower case, e-mail addresses set aside, "kl." / "klokka" to "kl", "16.00"
   to "16:00", ordinals ("den 10.") without their dot.
2. An event phrase ("når en kunde legger inn en ordre", "when a new customer signs up")
   makes the workflow event-based; the phrase is removed.
3. The rest is cut into fragments at commas, full stops and "og"/"and"/"then". Each
   fragment is read for its timing (days, time, daily/weekdays/monthly, delays), its
   action (order form, reminder, confirmation, other email, report, standing order), its
   audience (groups, "everyone", "who have not ordered ...") and addresses. What a
   fragment reads is blanked out, so "siden mandag" is a window and not a schedule day.
4. Fragments without an action belong to a neighbour ("Remind ..., every day at 11").
5. Each action fragment becomes a step. The first timed step sets the schedule; later
   timed steps get ``trigger_type: time_based`` (durable waits in the same execution).

Defaults (each reported in ``notes``): order form at 09:00, reminder at 15:00, a reminder
or "still missing" step after an earlier step looks at orders since the execution started.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo

__all__ = ["ParseOutcome", "detect_language", "parse_description"]

Language = Literal["nb", "en"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NB_DAYS = {
    "monday": "mandag",
    "tuesday": "tirsdag",
    "wednesday": "onsdag",
    "thursday": "torsdag",
    "friday": "fredag",
    "saturday": "lørdag",
    "sunday": "søndag",
}


@dataclass
class ParseOutcome:
    """A workflow (not yet validated) or a question; never both."""

    workflow: dict[str, Any] | None = None
    question: str | None = None
    language: Language = "nb"
    notes: list[str] = field(default_factory=list)

    @property
    def is_question(self) -> bool:
        return self.question is not None


class _Ask(Exception):
    """Raised inside the parser when the user has to tell us more."""

    def __init__(self, nb: str, en: str) -> None:
        super().__init__(en)
        self.nb = nb
        self.en = en


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Language --------------------------------------------------------------------------------

_NB_WORDS = _words(
    """og til hver kl som ikke har den de dem alle kunder kundene på i med en et når skjema
    påminnelse purring måned måneden dag dagen uke siden etter før klokka middag legg inn ordre
    bestilling bestilt rapport mandag tirsdag onsdag torsdag fredag lørdag søndag hverdag
    hverdager daglig ukentlig månedlig siste dagene send bekreftelse kafeene butikkene
    restaurantene fra om seg ny nye gang deres sin jeg vil kan du meg noe gjør lag skal er det
    vennligst hjelp kjøp ring husk får få ut hvis"""
)
_EN_WORDS = _words(
    """every at the and to who have has not all customers customer order orders form reminder
    report when a an of on in day days week month monday tuesday wednesday thursday friday
    saturday sunday mon tue wed thu fri sat sun am pm place remind everyone last since daily
    weekly monthly weekdays confirmation new signs up shops cafes restaurants group anyone
    still missing each their from i want would like please can you help me my with something
    do make buy is are it this that for our those haven't hasn't if evening morning"""
)


def detect_language(text: str) -> Language:
    """ "nb" or "en", by which language's common words the text uses more ("nb" on a tie)."""
    words = re.findall(r"[a-zæøåéA-ZÆØÅÉ]+", text.lower())
    nb = sum(w in _NB_WORDS for w in words) + 2 * sum(any(c in w for c in "æøå") for w in words)
    en = sum(w in _EN_WORDS for w in words)
    return "en" if en > nb else "nb"


# --- Lexicon ---------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "en": 1, "ett": 1, "én": 1, "one": 1, "a": 1, "an": 1,
    "to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4, "fem": 5, "five": 5,
    "seks": 6, "six": 6, "sju": 7, "syv": 7, "seven": 7, "åtte": 8, "eight": 8,
    "ni": 9, "nine": 9, "ti": 10, "ten": 10, "elleve": 11, "eleven": 11,
    "tolv": 12, "twelve": 12, "fjorten": 14, "fourteen": 14,
}  # fmt: skip
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"

_NB_DAY_STEMS = {
    "man": "monday",
    "tirs": "tuesday",
    "ons": "wednesday",
    "tors": "thursday",
    "fre": "friday",
    "lør": "saturday",
    "lor": "saturday",
    "søn": "sunday",
    "son": "sunday",
}
_EN_DAY_STEMS = {
    "mon": "monday",
    "tues": "tuesday",
    "wednes": "wednesday",
    "thurs": "thursday",
    "fri": "friday",
    "satur": "saturday",
    "sun": "sunday",
}
_DAY_ABBREVIATIONS = {
    "man": "monday", "mon": "monday", "tir": "tuesday", "tirs": "tuesday", "tue": "tuesday",
    "tues": "tuesday", "ons": "wednesday", "wed": "wednesday", "tor": "thursday",
    "tors": "thursday", "thu": "thursday", "thur": "thursday", "thurs": "thursday",
    "fre": "friday", "fri": "friday", "lør": "saturday", "sat": "saturday", "søn": "sunday",
    "sun": "sunday",
}  # fmt: skip
_FULL_DAY = (
    r"(?:(?P<nb>" + "|".join(_NB_DAY_STEMS) + r")dag(?:en|er|ene|s)?"
    r"|(?P<en>" + "|".join(_EN_DAY_STEMS) + r")days?)"
)
# Abbreviations ("man", "fri", "tor") are ordinary words too; they count as days only
# next to a time, a list separator or "every"/"hver".
_ABBR_DAY = r"(?P<abbr>" + "|".join(sorted(_DAY_ABBREVIATIONS, key=len, reverse=True)) + r")\b\.?"
_ABBR_CONTEXT = re.compile(r"\s*(?:kl\b|at\b|@|\d|,|;|-|\u2013|/|&|og\b|and\b|til\b|to\b|$)")
_DAY_WORD = r"(?:\b" + _FULL_DAY + r"\b|\b" + _ABBR_DAY + r")"
_PREV_EVERY = re.compile(r"(?:hver|every|each|on|på|om)\s+$")
# A bare hour right after a day: "torsdag 15", "Mon 9am", "fredag kl 10".
_ADJACENT_TIME = re.compile(
    r"\s*(?:kl\s*|at\s*|@\s*)?(\d{1,2})(?:[:](\d{2}))?\s*(am|pm)?\b"
    r"(?!\s*(?:dag|days?|uke|weeks?|timer|hours?|min|\.\d|st\b|nd\b|rd\b|th\b))"
)

_TIME_PATTERNS = [
    re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<mer>am|pm)?\b"),
    re.compile(r"\b(?P<h>\d{1,2})\s*(?P<mer>am|pm)\b"),
    re.compile(r"\b(?P<h>\d{1,2})\s*o'?clock\b"),
    re.compile(r"\b(?P<h>\d{1,2})-?tiden\b"),
    re.compile(
        r"(?:\bkl|\bat|@|\bby|\bved|\brundt|\baround|\bomkring|\bcirka|\bca)\s*"
        r"(?P<h>\d{1,2})(?P<m>\d{2})?\b"
        r"(?!\s*(?:dag|days?|uke|weeks?|timer|hours?|min|prosent|%|kunder|customers))"
    ),
]
_HALF = re.compile(r"\bhalv\s+" + _NUM + r"\b")
_QUARTER = re.compile(r"\bkvart\s+(over|på)\s+" + _NUM + r"\b")
_NOON = re.compile(
    r"\b(?:middag|middagstid|midt på dagen|noon|midday|lunsj|lunsjtid|lunch|lunchtime)\b"
)
_MIDNIGHT = re.compile(r"\b(?:midnatt|midnight)\b")
_PM_HINT = re.compile(
    r"\b(?:ettermiddag\w*|kveld\w*|afternoon|evening|tonight|pm)\b|\bi kveld\b|\bom kvelden\b"
)

_WEEKDAYS_ONLY = re.compile(
    r"\b(?:hver\s+)?(?:hverdag\w*|ukedag\w*|virkedag\w*|arbeidsdag\w*|yrkedag\w*)\b"
    r"|\b(?:every\s+|on\s+)?(?:weekdays?|working days?|work days?|workdays?|business days?)\b"
    r"|\b(?:mandag|man|monday|mon)\s*(?:-|\u2013|til|to|through|thru)\s*(?:fredag|fre|friday|fri)\b"
)
_DAILY = re.compile(
    r"\b(?:hver|alle)\s+dag(?:er)?\b|\bdaglig\w*|\bhver\s+(?:morgen|kveld|ettermiddag)\b"
    r"|\b(?:every|each)\s+(?:single\s+)?(?:day|morning|evening|afternoon)\b|\bdaily\b"
    r"|\b(?:per|om)\s+dagen\b|\bonce a day\b|\bhver eneste dag\b"
)
_WEEKLY = re.compile(r"\b(?:hver\s+uke|ukentlig\w*|weekly|every\s+week|each\s+week|once a week)\b")
_BIWEEKLY = re.compile(
    r"\b(?:annenhver|annen hver)\s+(?:uke|mandag|tirsdag|onsdag|torsdag|fredag|\w*dag)"
    r"|\bevery\s+(?:other|second)\s+\w+|\bbi-?weekly\b|\bhver\s+(?:andre|annen)\s+uke\b"
)
_HOURLY = re.compile(r"\b(?:hver\s+time|every\s+hour|hourly|each\s+hour|en gang i timen)\b")
_MONTHLY = re.compile(
    r"\b(?:hver|hver eneste)\s+måned\b|\bmånedlig\w*|\bi\s+måneden\b|\bper\s+måned\b"
    r"|\bhver\s+mnd\b|\bmonthly\b|\b(?:every|each)\s+month\b|\bof\s+(?:the|every|each)\s+month\b"
    r"|\ba\s+month\b|\bmånedens\b"
)
_LAST_DAY_OF_MONTH = re.compile(
    r"\b(?:(?:den\s+)?siste\s+(?:dag(?:en)?\s+)?(?:i|av|hver)\s+(?:hver\s+)?måned(?:en)?"
    r"|månedens\s+siste\s+dag|slutten\s+av\s+(?:hver\s+)?måned(?:en)?|månedsslutt\w*"
    r"|ultimo"
    r"|(?:on\s+)?the\s+last\s+day\s+of\s+(?:the|every|each)\s+month|last\s+day\s+of\s+"
    r"(?:the|every|each)\s+month|(?:at\s+)?the\s+end\s+of\s+(?:the|every|each)\s+month"
    r"|month[- ]end)\b"
)
_FIRST_DAY_OF_MONTH = re.compile(
    r"\b(?:(?:den\s+)?første\s+(?:dag(?:en)?\s+)?(?:i|av|hver)\s+(?:hver\s+)?måned(?:en)?"
    r"|månedens\s+første\s+dag|(?:on\s+)?the\s+first\s+(?:day\s+)?of\s+(?:the|every|each)\s+"
    r"month|first\s+day\s+of\s+(?:the|every|each)\s+month|starten\s+av\s+(?:hver\s+)?måned(?:en)?"
    r"|(?:at\s+)?the\s+start\s+of\s+(?:the|every|each)\s+month)\b"
)
_DAY_OF_MONTH = re.compile(
    r"\b(?:den|on\s+the|the|day)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:dag|days?|timer|hours?))"
    r"|\b(\d{1,2})(?:st|nd|rd|th)\b"
    r"|\b(\d{1,2})\s+(?=(?:hver|i|every|of|each)\s+(?:måned|month|the month|mnd))"
)

_SINCE_DAY = re.compile(
    r"\b(?:siden|since)\s+(?:sist\w*\s+|forrige\s+|last\s+|this\s+|denne\s+)?"
    + _FULL_DAY
    + r"(?:\s+(?:morgen|morning))?\b"
)
_SINCE_WEEK = re.compile(r"\b(?:denne\s+uken?|i\s+uken?|this\s+week|so\s+far\s+this\s+week)\b")
_SINCE_START = re.compile(
    r"\b(?:etter\s+(?:skjemaet|utsendelsen|første\s+e-?post)|siden\s+(?:skjemaet|start\w*|"
    r"utsendelsen|forrige\s+steg)|since\s+(?:the\s+)?(?:form|start|first\s+email|"
    r"previous\s+step|it\s+was\s+sent)|after\s+the\s+form|still|fortsatt|fremdeles|ennå|enda)\b"
)
_DAYS_BACK = re.compile(
    r"\b(?:i\s+|de\s+|in\s+|the\s+|over\s+|during\s+|within\s+|for\s+)*"
    r"(?:siste|last|past|previous|foregående|forrige|på|for)\s+" + _NUM + r"\s*"
    r"(dag(?:er|ene|en)?|days?|uk(?:e|er|ene|en)|weeks?|døgn(?:ene)?)\b"
)
_PERIOD_BACK = re.compile(
    r"\b(?:i\s+|de\s+|in\s+|the\s+|over\s+|during\s+|within\s+)*"
    r"(?:siste|last|past|previous|forrige)\s+(uken?|week|måned(?:en)?|month|døgn(?:et)?|"
    r"24\s+(?:timer|timene|hours))\b"
)
_DELAY = re.compile(
    r"\b(?:" + _NUM + r"\s*(timer?|t|hours?|h|minutt(?:er)?|minutes?|min|dager?|days?|døgn)\s+"
    r"(?:senere|etter(?:på)?|later|after(?:wards)?|deretter)"
    r"|(?:etter|after|om|in)\s+" + _NUM + r"\s*(timer?|hours?|minutt(?:er)?|minutes?|min|"
    r"dager?|days?|døgn))\b"
)

_NOT_ORDERED = re.compile(
    r"\b(?:ikke|not|never|aldri|ikkje|yet\s+to|n't)\s+(?:\w+\s+){0,3}?"
    r"(?:bestilt|bestille|bestiller|ordered|order|lagt\s+inn|sendt\s+inn|handlet|placed)\w*"
    r"|\b\w+n't\s+(?:\w+\s+){0,2}?(?:ordered|order|placed)\b"
    r"|\bmangler\w*|\bmissing\b|\buten\s+(?:ordre|bestilling)\w*|\bwithout\s+(?:an?\s+)?orders?"
    r"|\bno\s+orders?\b|\bingen\s+(?:ordre|bestilling)\w*|\bnot\s+yet\s+ordered\b"
    r"|\bhar\s+glemt\s+å\s+bestille\b|\bforgot\s+to\s+order\b"
)
_HAS_ORDERED = re.compile(
    r"\b(?:som|who|that)\s+(?:har|have|has|already)\s+(?:allerede\s+|already\s+)?"
    r"(?:bestilt|ordered|lagt\s+inn)\w*|\b(?:som|who)\s+(?:bestilte|ordered)\b"
)
_NO_CONDITION = re.compile(
    r"\b(?:uansett|uavhengig\s+av|regardless|også\s+de\s+som\s+har\s+bestilt|"
    r"even\s+(?:those|if)|selv\s+de\s+som)\b"
)

_REPORT = re.compile(
    r"\w*rapport\w*|\breports?\b|\boversikt\w*|\bsummary\b|\bsammendrag\w*|\bstatisti\w*"
)
_CREATE_ORDER = re.compile(
    r"\b(?:legg\w*|legge)\s+inn\s+(?:\w+\s+){0,3}?(?:ordre\w*|bestilling\w*)"
    r"|\b(?:opprett\w*|lag|lage|create|place|put\s+in|submit|make|generate)\s+(?:\w+\s+){0,3}?"
    r"(?:ordre\w*|bestilling\w*|orders?)\b"
    r"|\b(?:standing|repeat|recurring|automatic)\s+orders?\b"
    r"|\b(?:stående|faste?|automatisk\w*)\s+(?:ordre\w*|bestilling\w*)"
    r"|\brepeat\s+(?:their\s+|the\s+)?last\s+order\b"
    r"|\bgjenta\w*\s+(?:\w+\s+){0,2}?(?:ordre\w*|bestilling\w*)|\bauto-?order\w*"
    r"|\bbestill\w*\s+(?:automatisk|for\s+dem|på\s+vegne)"
)
_ORDER_FORM = re.compile(
    r"\w*skjema\w*|\border[- ]?forms?\b|\bordering\s+forms?\b|\border\s+sheets?\b"
    r"|\bbestillingsliste\w*|\bbestillingslenke\w*|\border\s+links?\b|\bforms?\b"
)
_REMINDER = re.compile(
    r"\w*påminnelse\w*|\bpaminnelse\w*|\bpurr\w*|\breminders?\b|\bremind\w*|\bminn\w*\b"
    r"|\bhusk\w*\s+å\s+bestille\b|\bnudge\w*|\bfollow[- ]up\b|\boppfølging\w*"
)
_CONFIRMATION = re.compile(
    r"\w*bekreftelse\w*|\bbekreft\w*|\bconfirm\w*|\bkvittering\w*|\breceipts?\b"
)
_WELCOME = re.compile(r"\bvelkom\w*|\bwelcome\w*")
_SEND = re.compile(
    r"\bsend\w*|\be-?post\w*|\bepost\w*|\be-?mail\w*|\bmail\w*|\bnyhetsbrev\w*|\bnewsletters?"
    r"|\bmeny\w*|\bmenus?\b|\btilbud\w*|\boffers?\b|\bprislist\w*|\bprice\s*lists?\b"
    r"|\bkampanje\w*|\bcampaigns?\b|\bbeskjed\w*|\bmessage\w*|\bvarsl\w*|\bnotif\w*"
)

_ORDER_EVENT = re.compile(
    r"\b(?:når|hver\s+gang|straks|så\s+snart|etter\s+at|idet|dersom)\s+"
    r"(?:\w+\s+){0,4}?(?:legger\s+inn|sender\s+inn|har\s+lagt\s+inn|lager|gjør|bestiller|"
    r"handler|kommer\s+inn|blir\s+lagt\s+inn|er\s+lagt\s+inn|opprettes|blir\s+opprettet|"
    r"mottas|er\s+mottatt|registreres)(?:\s+(?:en|ny|sin|ei)?\s*(?:ordre\w*|bestilling\w*))?"
    r"|\b(?:when|whenever|once|after|each\s+time|every\s+time|as\s+soon\s+as|if|når)\s+"
    r"(?:\w+\s+){0,3}?(?:places?|puts?\s+in|submits?|makes?|creates?)\s+(?:an?\s+|their\s+|"
    r"new\s+)*orders?"
    r"|\b(?:when|whenever|once|after|each\s+time|every\s+time|as\s+soon\s+as|if)\s+(?:an?\s+|the\s+)?"
    r"(?:new\s+)?orders?\s+(?:is\s+|has\s+been\s+|gets\s+|comes\s+)?(?:placed|created|received|"
    r"in|submitted|made|arrives)"
    r"|\b(?:ved|for)\s+(?:hver|enhver|ny)\s+(?:ny\s+)?(?:ordre|bestilling)\w*"
    r"|\b(?:on|for|after)\s+(?:each|every|a|any)\s+(?:new\s+)?order\b"
    r"|\bnye?\s+(?:ordre|ordrer|bestilling|bestillinger)\b|\bnew\s+orders?\b"
    r"|\bnår\s+\w+\s+bestiller\b"
)
_CUSTOMER_EVENT = re.compile(
    r"\bny\w*\s+kunde\w*(?:\s+(?:registrerer\s+seg|blir\s+opprettet|opprettes|legges\s+til))?"
    r"|\bnew\s+customers?(?:\s+(?:signs?\s+up|registers|is\s+(?:created|added)|joins))?"
    r"|\b(?:when|whenever|once)\s+(?:an?\s+|the\s+)?customer\s+(?:signs?\s+up|registers|"
    r"is\s+(?:created|added)|joins)"
    r"|\bsigns?\s+up\b|\bregistrerer\s+seg\b|\bkunde\w*\s+(?:opprettes|blir\s+opprettet|"
    r"legges\s+til|blir\s+lagt\s+til)"
)

_EVERYONE = re.compile(
    r"\balle(?:\s+(?:våre\s+)?kunde\w*)?\b|\beveryone\b|\beverybody\b|\ball\s+(?:of\s+)?(?:our\s+|"
    r"the\s+)?customers\b|\ball\b|\bhele\s+kundelisten\b|\bwhole\s+customer\s+list\b"
)
# "to X", "til X", "for X", "gruppen X", "X group": where an unknown group name shows.
_AUDIENCE_SLOT = re.compile(
    r"\b(?:til|to|for|hos)\s+(?:alle\s+|all\s+)?(?:våre\s+|our\s+|the\s+|de\s+)?([\wæøåé]+)"
    r"(?:[- ]?(?:gruppen|group))?"
    r"|\b(?:gruppen|group)\s+([\wæøåé]+)|\b([\wæøåé]+)-?gruppen\b|\bthe\s+([\wæøåé]+)\s+group\b"
)
_AUDIENCE_STOP = _words(
    """kunder kundene kunde customer customers alle all everyone everybody de dem those them
    anyone anybody who som the our våre hver every each oss meg me us leder lederen sjefen
    manager boss kl at a an en et ett fra ordre order orders bestilling bestillinger
    mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday friday
    saturday sunday hverdager weekdays dem deg you e-post email mail epost kontoret office
    regnskap accounting økonomi innkjøp innkjøper purchasing ansatte staff selgerne sales
    følgende following andre others seg rapport report meny menu tilbud skjema form forms
    påminnelse reminder bekreftelse confirmation hele whole kundene kundelisten month måneden
    start starten end slutten uke uken week dag dagen day this these its his days weeks
    hours minutes months dagene ukene timer minutter others neste next resten rest alle
    sine sin deres their yours ours dere kl"""
)

_GROUP_SYNONYMS: list[frozenset[str]] = [
    frozenset({"butikk", "shop", "store", "forretning", "retail", "retailer"}),
    frozenset({"kafe", "cafe", "kaffebar", "coffee"}),
    frozenset({"restaurant", "spisested"}),
    frozenset({"hotell", "hotel"}),
    frozenset({"bakeri", "bakery", "baker"}),
    frozenset({"kiosk", "kiosker"}),
    frozenset({"kantine", "canteen", "cafeteria"}),
    frozenset({"dagligvare", "grocery", "groceri", "supermarked", "supermarket"}),
    frozenset({"storkunde", "storkunder", "key", "large"}),
]
_SUFFIXES = ("ene", "ane", "ies", "er", "en", "et", "es", "a", "e", "s")


def _fold(word: str) -> str:
    """Lower case without accents on e/a ("café" -> "cafe"), æøå kept."""
    out = []
    for ch in word.lower():
        if ch in "æøå":
            out.append(ch)
        else:
            out.append(
                "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            )
    return "".join(out)


def _stems(word: str) -> set[str]:
    word = _fold(word)
    stems = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.add(word[: -len(suffix)])
    if word.endswith("ies") and len(word) > 5:
        stems.add(word[:-3] + "y")
    return stems


# --- Normalising ---------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ADDR_TOKEN = re.compile(r"zzaddr(\d+)zz")


def _normalise(text: str) -> tuple[str, list[str]]:
    emails: list[str] = []

    def keep(match: re.Match[str]) -> str:
        emails.append(match.group(0).rstrip("."))
        return f" zzaddr{len(emails) - 1}zz "

    text = _EMAIL.sub(keep, text.strip())
    text = text.lower()
    text = text.replace("\u2019", "'").replace("«", " ").replace("»", " ").replace('"', " ")
    text = re.sub(r"\bkl\.", "kl ", text)
    text = re.sub(r"\b(?:klokka|klokken|klokka|kl:)\s*", "kl ", text)
    text = re.sub(r"\b(a|p)\.m\.?", r"\1m", text)
    text = re.sub(r"\b(\d{1,2})\.(\d{2})\b", r"\1:\2", text)  # 16.00 -> 16:00
    text = re.sub(r"\b(\d{1,2})\.(?=\s|$)", r"\1", text)  # den 10. -> den 10
    text = re.sub(r"\s+", " ", text)
    return text.strip(), emails


def _blank(text: str, match: re.Match[str]) -> str:
    start, end = match.span()
    return text[:start] + " " * (end - start) + text[end:]


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def _hhmm(hour: int, minute: int) -> str | None:
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return f"{hour:02d}:{minute:02d}"
    return None


def _clock(hour: int, minute: int, meridiem: str | None) -> str | None:
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return _hhmm(hour, minute)


# --- Fragments -----------------------------------------------------------------------------

_SPLIT = re.compile(
    r"\s*(?:[,;]|\.(?=\s|$)|:(?=\s)|!|\?|\s[-\u2013]\s|\b(?:og\s+så|og\s+deretter|og\s+etterpå|"
    r"deretter|etterpå|and\s+then|then|followed\s+by|og|and|så|plus|samt|\+)\b)\s*"
)


@dataclass
class _Fragment:
    text: str
    action: str | None = None  # "email", "report", "order"
    email_kind: str | None = None  # "bestilling", "reminder", "confirmation", "welcome", None
    days: list[str] = field(default_factory=list)
    time: str | None = None
    time_explicit: bool = False  # said am/pm, noon or midnight
    daily: bool = False
    weekdays_only: bool = False
    weekly_without_day: bool = False
    monthly: bool = False
    day_of_month: int | str | None = None
    cron: str | None = None
    biweekly: bool = False
    delay: int | None = None
    check: str | None = None  # "orders_missing" / "has_ordered"
    window: dict[str, Any] | None = None
    no_condition: bool = False
    groups: list[str] = field(default_factory=list)
    everyone: bool = False
    unknown_groups: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    template: TemplateInfo | None = None
    report_kind: str | None = None

    @property
    def timed(self) -> bool:
        return bool(
            self.days
            or self.time
            or self.daily
            or self.weekdays_only
            or self.monthly
            or self.day_of_month is not None
            or self.cron
            or self.delay
        )

    def absorb(self, other: _Fragment) -> None:
        """Take over what ``other`` (a fragment without an action) says."""
        for name in ("days", "groups", "unknown_groups", "emails"):
            for item in getattr(other, name):
                if item not in getattr(self, name):
                    getattr(self, name).append(item)
        for name in (
            "time",
            "day_of_month",
            "cron",
            "delay",
            "check",
            "window",
            "template",
            "report_kind",
        ):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        for name in (
            "daily",
            "weekdays_only",
            "weekly_without_day",
            "monthly",
            "biweekly",
            "no_condition",
            "everyone",
        ):
            setattr(self, name, getattr(self, name) or getattr(other, name))
        self.text = f"{self.text} {other.text}"


class _Reader:
    def __init__(self, context: ParseContext) -> None:
        self.context = context
        self.group_stems = [(g, self._group_stems(g)) for g in context.groups]

    @staticmethod
    def _group_stems(group: GroupInfo) -> set[str]:
        words = re.split(r"[\s_-]+", f"{group['slug']} {group['name']}")
        stems: set[str] = set()
        for word in words:
            if len(word) >= 3:
                stems |= _stems(word)
        for cluster in _GROUP_SYNONYMS:
            cluster_stems = set().union(*(_stems(w) for w in cluster))
            if stems & cluster_stems:
                stems |= cluster_stems
        return stems

    def match_group(self, word: str) -> GroupInfo | None:
        folded = _fold(word)
        for group in self.context.groups:
            if folded in (_fold(group["slug"]), _fold(group["name"])):
                return group
        stems = {s for s in _stems(word) if len(s) >= 3}
        for group, group_stems in self.group_stems:
            if stems & group_stems:
                return group
        return None

    def read(self, text: str, emails: list[str]) -> _Fragment:
        frag = _Fragment(text=text)
        original = text
        s = text

        for m in list(_ADDR_TOKEN.finditer(s)):
            frag.emails.append(emails[int(m.group(1))])
            s = _blank(s, m)

        if _NO_CONDITION.search(s):
            frag.no_condition = True

        # Audience windows first, so their day names are not schedule days.
        for m in list(_SINCE_DAY.finditer(s)):
            frag.window = {"since": f"last_{_day_from_match(m)}"}
            s = _blank(s, m)
        for m in list(_DAYS_BACK.finditer(s)):
            n = _number(m.group(1))
            unit = m.group(2)
            frag.window = {"days_back": n * 7 if unit.startswith(("uk", "week")) else n}
            s = _blank(s, m)
        for m in list(_PERIOD_BACK.finditer(s)):
            unit = m.group(1)
            days = 7 if unit.startswith(("uke", "week")) else 30 if unit.startswith("m") else 1
            frag.window = {"days_back": days}
            s = _blank(s, m)
        for m in list(_SINCE_WEEK.finditer(s)):
            frag.window = frag.window or {"since": "last_monday"}
            s = _blank(s, m)
        for m in list(_SINCE_START.finditer(s)):
            frag.window = frag.window or {"since": "execution_start"}
            s = _blank(s, m)

        # Report kinds read the audience words before they are taken as a condition.
        if _REPORT.search(s):
            frag.report_kind = _report_kind(s)
        for m in list(_NOT_ORDERED.finditer(s)):
            frag.check = "orders_missing"
            s = _blank(s, m)
        if frag.check is None:
            for m in list(_HAS_ORDERED.finditer(s)):
                frag.check = "has_ordered"
                s = _blank(s, m)

        for m in list(_DELAY.finditer(s)):
            number = m.group(1) or m.group(3)
            unit = m.group(2) or m.group(4)
            n = _number(number)
            if unit.startswith(("t", "h")):
                frag.delay = n * 60
            elif unit.startswith(("d", "døgn")):
                frag.delay = n * 24 * 60
            else:
                frag.delay = n
            s = _blank(s, m)

        # Monthly.
        for m in list(_LAST_DAY_OF_MONTH.finditer(s)):
            frag.monthly, frag.day_of_month = True, "last"
            s = _blank(s, m)
        for m in list(_FIRST_DAY_OF_MONTH.finditer(s)):
            frag.monthly, frag.day_of_month = True, 1
            s = _blank(s, m)
        monthly_words = list(_MONTHLY.finditer(s))
        if monthly_words:
            frag.monthly = True
        if frag.monthly or re.search(r"\b\d{1,2}(?:st|nd|rd|th)\b", s):
            for m in list(_DAY_OF_MONTH.finditer(s)):
                value = int(next(g for g in m.groups() if g))
                if 1 <= value <= 31 and frag.day_of_month is None:
                    frag.day_of_month = value
                    frag.monthly = True
                    s = _blank(s, m)
        for m in monthly_words:
            s = _blank(s, m)

        # Frequencies.
        for m in list(_BIWEEKLY.finditer(s)):
            frag.biweekly = True
            s = _blank(s, m)
        for m in list(_WEEKDAYS_ONLY.finditer(s)):
            frag.weekdays_only = True
            s = _blank(s, m)
        for m in list(_DAILY.finditer(s)):
            frag.daily = True
            s = _blank(s, m)
        for m in list(_HOURLY.finditer(s)):
            frag.cron = "0 * * * *"
            s = _blank(s, m)
        for m in list(_WEEKLY.finditer(s)):
            frag.weekly_without_day = True
            s = _blank(s, m)

        s = self._read_days(frag, s)
        s = self._read_time(frag, s, pm_hint=bool(_PM_HINT.search(original)))

        # Action.
        if _REPORT.search(s):
            frag.action = "report"
        elif _CREATE_ORDER.search(s):
            frag.action = "order"
        else:
            for kind, pattern in (
                ("reminder", _REMINDER),
                ("confirmation", _CONFIRMATION),
                ("welcome", _WELCOME),
                ("bestilling", _ORDER_FORM),
            ):
                if pattern.search(s):
                    frag.action, frag.email_kind = "email", kind
                    break
            else:
                if _SEND.search(s):
                    frag.action = "email"
        frag.template = self._template_named_in(original)
        if frag.template is not None and frag.action is None:
            frag.action = "email"

        self._read_audience(frag, s)
        return frag

    def _read_days(self, frag: _Fragment, s: str) -> str:
        ranges = re.compile(_DAY_WORD + r"\s*(?:-|\u2013|til|to|through|thru)\s*" + _DAY_WORD2)
        for m in list(ranges.finditer(s)):
            first = _day_from_parts(m.group("nb"), m.group("en"), m.group("abbr"))
            last = _day_from_parts(m.group("nb2"), m.group("en2"), m.group("abbr2"))
            i, j = WEEKDAYS.index(first), WEEKDAYS.index(last)
            span = list(WEEKDAYS[i : j + 1]) if i <= j else [*WEEKDAYS[i:], *WEEKDAYS[: j + 1]]
            if span == list(WEEKDAYS[:5]):
                frag.weekdays_only = True
            elif span == list(WEEKDAYS):
                frag.daily = True
            else:
                frag.days.extend(d for d in span if d not in frag.days)
            s = _blank(s, m)
        pattern = re.compile(_DAY_WORD)
        for m in list(pattern.finditer(s)):
            if m.group("abbr") and not (
                _ABBR_CONTEXT.match(s, m.end()) or _PREV_EVERY.search(s[: m.start()])
            ):
                continue
            day = _day_from_match(m)
            if day not in frag.days:
                frag.days.append(day)
            s = _blank(s, m)
            adjacent = _ADJACENT_TIME.match(s, m.end())
            if adjacent and frag.time is None:
                clock = _clock(
                    int(adjacent.group(1)), int(adjacent.group(2) or 0), adjacent.group(3)
                )
                if clock is not None:
                    frag.time = clock
                    frag.time_explicit = adjacent.group(3) is not None
                    s = _blank(s, adjacent)
        return s

    def _read_time(self, frag: _Fragment, s: str, *, pm_hint: bool) -> str:
        found: list[tuple[int, str | None, bool]] = []  # (position, time, explicit am/pm)
        for pattern in _TIME_PATTERNS:
            for m in list(pattern.finditer(s)):
                parts = m.groupdict()
                hour = int(parts["h"])
                minute_text = parts.get("m")
                meridiem = parts.get("mer") or None
                minute = int(minute_text) if minute_text else 0
                found.append((m.start(), _clock(hour, minute, meridiem), meridiem is not None))
                s = _blank(s, m)
        for m in list(_HALF.finditer(s)):
            found.append((m.start(), _hhmm(_number(m.group(1)) - 1, 30), False))
            s = _blank(s, m)
        for m in list(_QUARTER.finditer(s)):
            hour = _number(m.group(2))
            clock = _hhmm(hour, 15) if m.group(1) == "over" else _hhmm(hour - 1, 45)
            found.append((m.start(), clock, False))
            s = _blank(s, m)
        for m in list(_NOON.finditer(s)):
            found.append((m.start(), "12:00", True))
            s = _blank(s, m)
        for m in list(_MIDNIGHT.finditer(s)):
            found.append((m.start(), "00:00", True))
            s = _blank(s, m)
        found.sort(key=lambda item: item[0])
        if frag.time is None and found:
            _pos, clock, explicit = found[0]
            if clock is None:
                raise _Ask(
                    "Klokkeslettet ser ikke riktig ut. Skriv det som f.eks. «kl 09:30».",
                    "That time does not look right. Write it like “09:30” or “9am”.",
                )
            frag.time, frag.time_explicit = clock, explicit
        if pm_hint and frag.time and not frag.time_explicit and int(frag.time[:2]) < 12:
            frag.time = f"{int(frag.time[:2]) + 12:02d}{frag.time[2:]}"
            frag.time_explicit = True
        return s

    def _template_named_in(self, text: str) -> TemplateInfo | None:
        folded = _fold(text)
        best: TemplateInfo | None = None
        for template in self.context.templates:
            name = _fold(template["name"])
            if (
                len(name) >= 4
                and re.search(r"\b" + re.escape(name) + r"\b", folded)
                and (best is None or len(name) > len(best["name"]))
            ):
                best = template
        return best

    def _read_audience(self, frag: _Fragment, s: str) -> None:
        for word in re.findall(r"[\wæøåé]+", s):
            group = self.match_group(word) if len(word) >= 4 else None
            if group is not None and group["slug"] not in frag.groups:
                frag.groups.append(group["slug"])
        if _EVERYONE.search(s):
            frag.everyone = True
        for m in _AUDIENCE_SLOT.finditer(s):
            word = next(g for g in m.groups() if g)
            if (
                word in _AUDIENCE_STOP
                or word.isdigit()
                or word.startswith("zzaddr")
                or self.match_group(word) is not None
                or re.fullmatch(_DAY_WORD, word)
                or not re.search(r"(?:er|ene|ane|ar|s|a)$", word)
                or any(p.fullmatch(word) for p in (_REPORT, _ORDER_FORM, _REMINDER, _SEND))
            ):
                continue
            if word not in frag.unknown_groups:
                frag.unknown_groups.append(word)


_DAY_WORD2 = (
    r"(?:\b(?:(?P<nb2>" + "|".join(_NB_DAY_STEMS) + r")dag(?:en|er|ene|s)?"
    r"|(?P<en2>" + "|".join(_EN_DAY_STEMS) + r")days?)\b"
    r"|\b(?P<abbr2>" + "|".join(sorted(_DAY_ABBREVIATIONS, key=len, reverse=True)) + r")\b\.?)"
)


def _day_from_parts(nb: str | None, en: str | None, abbr: str | None) -> str:
    if nb:
        return _NB_DAY_STEMS[nb]
    if en:
        return _EN_DAY_STEMS[en]
    assert abbr
    return _DAY_ABBREVIATIONS[abbr]


def _day_from_match(m: re.Match[str]) -> str:
    groups = m.groupdict()
    return _day_from_parts(groups.get("nb"), groups.get("en"), groups.get("abbr"))


def _report_kind(text: str) -> str:
    if _NOT_ORDERED.search(text) or re.search(r"\bhvem\s+som\b|\bwho\b", text):
        return "orders_missing"
    if re.search(
        r"\bordre\w*|\border\w*|\bbestilling\w*|\bsalg\w*|\bsales\b|\bukesrapport\w*", text
    ):
        return "weekly_orders"
    return "execution_summary"


def _split(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text) if part and part.strip()]


# --- Building the workflow -------------------------------------------------------------------

_LABELS: dict[str, dict[Language, tuple[str, str, str]]] = {
    # kind: language -> (step name, description label, workflow name label)
    "bestilling": {
        "nb": ("Send bestillingsskjema", "bestillingsskjema", "bestillingsskjema"),
        "en": ("Send order form", "order form", "order form"),
    },
    "reminder": {
        "nb": ("Påminnelse", "påminnelse", "påminnelse"),
        "en": ("Reminder", "reminder", "reminder"),
    },
    "confirmation": {
        "nb": ("Send bekreftelse", "bekreftelse", "bekreftelse"),
        "en": ("Send confirmation", "confirmation", "confirmation"),
    },
    "welcome": {
        "nb": ("Send velkomst", "velkomst", "velkomst"),
        "en": ("Send welcome email", "welcome email", "welcome"),
    },
    "report": {
        "nb": ("Send rapport", "rapport", "rapport"),
        "en": ("Send report", "report", "report"),
    },
    "order": {
        "nb": ("Legg inn fast ordre", "fast ordre", "fast ordre"),
        "en": ("Place standing order", "standing order", "standing order"),
    },
}
_CATEGORY_NAMES = {
    "bestilling": ("bestillingsskjema", "order form"),
    "reminder": ("påminnelse", "reminder"),
    "confirmation": ("bekreftelse", "confirmation"),
    "welcome": ("velkomst", "welcome"),
}
_EN_DAYS = {d: d.capitalize() for d in WEEKDAYS}


@dataclass
class _Step:
    frag: _Fragment
    kind: str  # label key
    step_type: str
    template: TemplateInfo | None = None
    group: str = "all"


class _Builder:
    def __init__(self, text: str, context: ParseContext, language: Language) -> None:
        self.text = text
        self.context = context
        self.language = language
        self.notes: list[tuple[str, str]] = []
        self.reader = _Reader(context)

    def ask(self, nb: str, en: str) -> _Ask:
        return _Ask(nb, en)

    def note(self, nb: str, en: str) -> None:
        if (nb, en) not in self.notes:
            self.notes.append((nb, en))

    def t(self, nb: str, en: str) -> str:
        return nb if self.language == "nb" else en

    # The whole parse ------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        normalised, emails = _normalise(self.text)
        event: str | None = None
        for pattern, kind in (
            (_ORDER_EVENT, "order.created"),
            (_CUSTOMER_EVENT, "customer.created"),
        ):
            m = pattern.search(normalised)
            if m:
                event = kind
                normalised = _blank(normalised, m)
                break

        fragments = [self.reader.read(part, emails) for part in _split(normalised)]
        actions = self._attach(fragments)
        if not actions:
            raise self.ask(
                "Jeg forstod ikke hva som skal skje. Hva skal arbeidsflyten gjøre (for eksempel "
                "sende bestillingsskjema, en påminnelse eller en rapport), og når (for eksempel "
                "«hver mandag kl 09»)?",
                "I did not understand what should happen. What should the workflow do (for "
                "example send the order form, a reminder or a report), and when (for example "
                "“every Monday at 09:00”)?",
            )
        for frag in actions:
            if frag.unknown_groups:
                self._ask_unknown_group(frag.unknown_groups[0])
        steps = self._steps(actions, event)
        doc: dict[str, Any] = {"name": "", "description": "", "workflow_type": "scheduled"}
        if event:
            doc["workflow_type"] = "event_based"
            doc["event"] = {"type": event}
            step_dicts = self._event_steps(steps, event)
        else:
            schedule, step_dicts = self._scheduled_steps(steps)
            doc["schedule"] = schedule
        doc["steps"] = step_dicts
        doc["name"] = self._name(steps, doc)
        doc["description"] = self._description(steps, doc)
        return doc

    def _attach(self, fragments: list[_Fragment]) -> list[_Fragment]:
        """Fold fragments without an action into a neighbour; return the action fragments."""
        actions: list[_Fragment] = []
        pending: list[_Fragment] = []
        for index, frag in enumerate(fragments):
            if frag.action is None:
                following = fragments[index + 1] if index + 1 < len(fragments) else None
                # "Thursdays 3pm: reminder ..." - a time that introduces the next action.
                leads = (
                    frag.timed
                    and following is not None
                    and following.action is not None
                    and not following.timed
                )
                if not actions or leads or pending:
                    pending.append(frag)
                    continue
                previous = actions[-1]
                # "Send skjema mandag kl 9, og torsdag kl 15 til de som ikke har bestilt":
                # a new time with an audience check is a reminder of its own.
                if (
                    frag.check == "orders_missing"
                    and (frag.days or frag.time)
                    and previous.timed
                    and (frag.days != previous.days or frag.time != previous.time)
                ):
                    frag.action, frag.email_kind = "email", "reminder"
                    actions.append(frag)
                else:
                    previous.absorb(frag)
                continue
            for earlier in pending:
                frag.absorb(earlier)
            pending = []
            actions.append(frag)
        for late in pending if actions else []:
            actions[-1].absorb(late)
        return actions

    def _ask_unknown_group(self, word: str) -> None:
        names = ", ".join(g["name"] for g in self.context.groups)
        raise self.ask(
            f"Jeg finner ingen kundegruppe som heter «{word}». "
            + (f"Gruppene som finnes er: {names}. " if names else "Det finnes ingen grupper ennå. ")
            + "Hvilken gruppe mener du, eller skal det gå til alle kunder?",
            f"I cannot find a customer group called “{word}”. "
            + (f"The groups are: {names}. " if names else "There are no groups yet. ")
            + "Which group do you mean, or should it go to all customers?",
        )

    # Steps --------------------------------------------------------------------------

    def _steps(self, actions: list[_Fragment], event: str | None) -> list[_Step]:
        steps: list[_Step] = []
        last_group: str | None = None
        for frag in actions:
            if frag.action == "report":
                steps.append(_Step(frag, "report", "generate_report"))
                continue
            if frag.action == "order":
                kind, step_type, template = "order", "create_order", None
            else:
                template = self._template_for(frag, event)
                kind = frag.email_kind or "email"
                step_type = "send_email"
            if frag.emails and step_type == "send_email":
                raise self.ask(
                    "E-poster fra en arbeidsflyt går til kunder. Skal den gå til alle kunder "
                    f"eller til en kundegruppe? (Adressen {frag.emails[0]} kan få en rapport.)",
                    "Workflow emails go to customers. Should it go to all customers or to a "
                    f"customer group? ({frag.emails[0]} can receive a report.)",
                )
            groups = frag.groups
            if not groups and last_group and not frag.everyone:
                groups = [last_group]
                self.note(
                    f"«{self._step_name(kind, template)}» går til samme gruppe som steget før.",
                    f"“{self._step_name(kind, template)}” goes to the same group as the step "
                    "before.",
                )
            for group in groups or ["all"]:
                steps.append(_Step(frag, kind, step_type, template, group))
            if groups:
                last_group = groups[-1]
            if len(groups) > 1:
                self.note(
                    "Ett steg per kundegruppe: " + ", ".join(groups) + ".",
                    "One step per customer group: " + ", ".join(groups) + ".",
                )
        return steps

    def _template_for(self, frag: _Fragment, event: str | None) -> TemplateInfo:
        kind = frag.email_kind
        if frag.template is not None and (kind is None or frag.template["category"] == kind):
            return frag.template
        if kind is None and event == "order.created" and self.context.templates_in("confirmation"):
            kind = "confirmation"
        if kind is None:
            fallback = self.context.templates_in("bestilling")
            if frag.template is not None:
                return frag.template
            if not fallback:
                raise self.ask(
                    "Hvilken e-postmal skal brukes? Det finnes ingen bestillingsskjema-mal å "
                    "bruke som standard.",
                    "Which email template should be used? There is no order-form template to "
                    "use by default.",
                )
            self.note(
                f"Bruker malen «{fallback[0]['name']}» (bestillingsskjema); si fra om en annen "
                "mal skal brukes.",
                f"Using the template “{fallback[0]['name']}” (order form); say so if another "
                "template should be used.",
            )
            return fallback[0]
        candidates = self.context.templates_in(kind)
        if not candidates:
            nb, en = _CATEGORY_NAMES.get(kind, (kind, kind))
            raise self.ask(
                f"Det finnes ingen e-postmal i kategorien «{nb}». Lag en slik mal først, eller si "
                "hvilken mal som skal brukes.",
                f"There is no email template in the category “{en}”. Create one first, or say "
                "which template to use.",
            )
        if len(candidates) > 1:
            self.note(
                f"Flere maler passer; bruker «{candidates[0]['name']}».",
                f"Several templates fit; using “{candidates[0]['name']}”.",
            )
        return candidates[0]

    def _step_name(self, kind: str, template: TemplateInfo | None) -> str:
        if kind == "email":
            name = template["name"] if template else "e-post"
            return self.t(f"Send {name}", f"Send {name}")
        return _LABELS[kind][self.language][0]

    def _group_name(self, slug: str) -> str:
        for group in self.context.groups:
            if group["slug"] == slug:
                return group["name"]
        return slug

    def _label(self, step: _Step) -> str:
        if step.kind == "email":
            return step.template["name"] if step.template else self.t("e-post", "email")
        return _LABELS[step.kind][self.language][1]

    def _action_config(self, step: _Step, event: str | None) -> dict[str, Any]:
        if step.step_type == "generate_report":
            if not step.frag.emails:
                raise self.ask(
                    "Hvilken e-postadresse skal rapporten sendes til?",
                    "Which email address should the report go to?",
                )
            return {
                "report": step.frag.report_kind or "execution_summary",
                "send_to": step.frag.emails,
            }
        if event in ("order.created", "customer.created") and not step.frag.groups:
            recipients: dict[str, Any] = {"event_customer": True}
        else:
            recipients = {"group": step.group}
        if step.step_type == "create_order":
            return {"recipients": recipients, "mode": "repeat_last"}
        assert step.template is not None
        return {"template_id": step.template["id"], "recipients": recipients}

    def _condition(self, step: _Step, index: int, frequency: str | None) -> dict[str, Any] | None:
        if step.step_type == "generate_report" or step.frag.no_condition:
            return None
        check = step.frag.check
        if check is None and step.kind == "reminder":
            check = "orders_missing"
        if check is None:
            if step.frag.window is not None:
                check = "orders_missing"
            else:
                return None
        window = step.frag.window
        if window is None:
            if index > 0:
                window = {"since": "execution_start"}
            else:
                days = 30 if frequency == "monthly" else 7
                window = {"days_back": days}
                self.note(
                    f"«Ikke bestilt» gjelder de siste {days} dagene.",
                    f"“Not ordered” means in the last {days} days.",
                )
        return {"check": check, **window}

    def _default_time(self, step: _Step) -> str:
        defaults = {"bestilling": "09:00", "reminder": "15:00"}
        if step.kind in defaults:
            time = defaults[step.kind]
            self.note(
                f"Ingen tid oppgitt for «{self._step_name(step.kind, step.template)}»; bruker "
                f"{time}.",
                f"No time given for “{self._step_name(step.kind, step.template)}”; using {time}.",
            )
            return time
        raise self.ask(
            f"Hvilket klokkeslett skal «{self._step_name(step.kind, step.template)}» skje? "
            "(for eksempel «kl 09»)",
            f"At what time should “{self._step_name(step.kind, step.template)}” happen? "
            "(for example “9am”)",
        )

    def _scheduled_steps(self, steps: list[_Step]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        first = steps[0].frag
        frags = [s.frag for s in steps]
        if any(f.biweekly for f in frags):
            raise self.ask(
                "Annenhver uke kan ikke settes opp direkte. Skal det skje hver uke, eller på "
                "bestemte dager i måneden (for eksempel «den 1. og 15.»)?",
                "Every other week cannot be set up directly. Should it happen every week, or on "
                "given days of the month?",
            )
        if not first.timed:
            raise self.ask(
                f"Når skal «{self._step_name(steps[0].kind, steps[0].template)}» skje? For "
                "eksempel «hver mandag kl 09», «hver dag kl 07» eller «den 1. hver måned kl 09».",
                f"When should “{self._step_name(steps[0].kind, steps[0].template)}” happen? For "
                "example “every Monday at 9am”, “every day at 7am” or “on the 1st of every "
                "month at 9am”.",
            )
        frequency: str
        if first.cron:
            frequency = "cron"
        elif first.monthly or first.day_of_month is not None:
            frequency = "monthly"
        elif first.daily or first.weekdays_only:
            frequency = "daily"
        elif first.days:
            frequency = "weekly"
        elif any(f.daily or f.weekdays_only for f in frags):
            frequency = "daily"
        elif first.weekly_without_day:
            raise self.ask(
                "Hvilken dag i uken skal det skje?", "Which day of the week should it happen?"
            )
        else:
            raise self.ask(
                "Hvilke dager skal det skje? For eksempel «hver mandag» eller «hver dag».",
                "On which days should it happen? For example “every Monday” or “every day”.",
            )
        if first.delay and not (first.days or first.time):
            raise self.ask("Når skal det første steget skje?", "When should the first step happen?")

        time = first.time or (None if frequency == "cron" else self._default_time(steps[0]))
        schedule_config: dict[str, Any]
        first_trigger: dict[str, Any] | None
        if frequency == "cron":
            schedule_config = {"expression": first.cron}
            first_trigger = None
        elif frequency == "monthly":
            if first.day_of_month is None:
                raise self.ask(
                    "Hvilken dag i måneden? For eksempel «den 1.» eller «siste dag i måneden».",
                    "Which day of the month? For example “the 1st” or “the last day of the month”.",
                )
            schedule_config = {"day_of_month": first.day_of_month, "time": time}
            first_trigger = {"time": time}
        elif frequency == "daily":
            schedule_config = {"time": time}
            if any(f.weekdays_only for f in frags if f is first or not f.days):
                schedule_config["weekdays_only"] = True
            first_trigger = {"time": time}
        else:
            if len(first.days) == 1:
                schedule_config = {"day": first.days[0], "time": time}
                first_trigger = {"day": first.days[0], "time": time}
            else:
                schedule_config = {"days": sorted(first.days, key=WEEKDAYS.index), "time": time}
                first_trigger = {"time": time}
        schedule = {
            "schedule_type": frequency,
            "schedule_config": schedule_config,
            "timezone": self.context.timezone,
        }

        out: list[dict[str, Any]] = []
        for index, step in enumerate(steps):
            item = self._step_dict(index, step, None)
            trigger: dict[str, Any] | None
            if index == 0 or step.frag is first:
                trigger = first_trigger
            else:
                trigger = self._later_trigger(step, frequency, first)
            if trigger:
                item["trigger_type"] = "time_based"
                item["trigger_config"] = trigger
            condition = self._condition(step, index if step.frag is not first else 0, frequency)
            if condition:
                item["condition_config"] = condition
            out.append(_ordered(item))
        return schedule, out

    def _later_trigger(
        self, step: _Step, frequency: str, first: _Fragment
    ) -> dict[str, Any] | None:
        frag = step.frag
        if frag.delay:
            return {"delay_minutes": frag.delay}
        if frag.days:
            if len(frag.days) > 1:
                raise self.ask(
                    f"«{self._step_name(step.kind, step.template)}» kan bare ha én dag når det "
                    "kommer etter et annet steg. Hvilken dag?",
                    f"“{self._step_name(step.kind, step.template)}” can only have one day when "
                    "it follows another step. Which day?",
                )
            return {"day": frag.days[0], "time": frag.time or self._default_time(step)}
        if frag.time:
            return {"time": frag.time}
        if frag.day_of_month is not None and frequency == "monthly":
            raise self.ask(
                "Et senere steg kan ikke ha en egen dag i måneden. Skriv heller «3 dager senere».",
                "A later step cannot have its own day of the month. Write “3 days later” instead.",
            )
        return None

    def _event_steps(self, steps: list[_Step], event: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for index, step in enumerate(steps):
            item = self._step_dict(index, step, event)
            frag = step.frag
            if frag.delay:
                item["trigger_type"] = "time_based"
                item["trigger_config"] = {"delay_minutes": frag.delay}
            elif frag.days or frag.time:
                item["trigger_type"] = "time_based"
                item["trigger_config"] = (
                    {"day": frag.days[0], "time": frag.time or self._default_time(step)}
                    if frag.days
                    else {"time": frag.time}
                )
            if step.step_type != "generate_report" and (frag.check or frag.window):
                condition = self._condition(step, index, None)
                if condition:
                    item["condition_config"] = condition
            out.append(_ordered(item))
        return out

    def _step_dict(self, index: int, step: _Step, event: str | None) -> dict[str, Any]:
        return {
            "step_order": index + 1,
            "name": self._step_name(step.kind, step.template),
            "step_type": step.step_type,
            "trigger_type": "immediate",
            "action_config": self._action_config(step, event),
        }

    # Names ----------------------------------------------------------------------------

    def _name(self, steps: list[_Step], doc: dict[str, Any]) -> str:
        kinds = [s.kind for s in steps]
        if "bestilling" in kinds and ("reminder" in kinds or "order" in kinds):
            label = self.t("bestilling", "ordering")
        elif steps[0].kind == "email":
            label = self.t("utsendelse", "email")
        else:
            label = self._label(steps[0])
        if doc["workflow_type"] == "event_based":
            when = {
                "order.created": self.t("ved ny ordre", "on new order"),
                "customer.created": self.t("ved ny kunde", "on new customer"),
            }[doc["event"]["type"]]
            return f"{label[:1].upper()}{label[1:]} {when}"[:200]
        schedule = doc["schedule"]
        kind = schedule["schedule_type"]
        prefix = {
            "daily": self.t("Daglig", "Daily"),
            "weekly": self.t("Ukentlig", "Weekly"),
            "monthly": self.t("Månedlig", "Monthly"),
            "cron": self.t("Fast", "Recurring"),
        }[kind]
        if kind == "daily" and schedule["schedule_config"].get("weekdays_only"):
            prefix = self.t("Hverdager:", "Weekdays:")
        return f"{prefix} {label}"[:200]

    def _when(self, trigger: dict[str, Any] | None, doc: dict[str, Any], first: bool) -> str:
        if trigger is None:
            return ""
        if "delay_minutes" in trigger:
            minutes = trigger["delay_minutes"]
            if minutes % 1440 == 0:
                n = minutes // 1440
                return self.t(f"{n} {'dag' if n == 1 else 'dager'} senere", f"{n} day(s) later")
            if minutes % 60 == 0:
                n = minutes // 60
                return self.t(f"{n} {'time' if n == 1 else 'timer'} senere", f"{n} hour(s) later")
            return self.t(f"{minutes} minutter senere", f"{minutes} minutes later")
        time = trigger.get("time", "")
        if "day" in trigger:
            day = NB_DAYS[trigger["day"]] if self.language == "nb" else _EN_DAYS[trigger["day"]]
            return f"{day} {time}"
        if first and doc.get("schedule"):
            config = doc["schedule"]["schedule_config"]
            kind = doc["schedule"]["schedule_type"]
            if kind == "daily":
                days = (
                    self.t("hverdager", "weekdays")
                    if config.get("weekdays_only")
                    else self.t("hver dag", "every day")
                )
                return f"{days} {time}"
            if kind == "monthly":
                dom = config["day_of_month"]
                if dom == "last":
                    return self.t(f"siste dag i måneden {time}", f"last day of the month {time}")
                return self.t(f"den {dom}. i måneden {time}", f"day {dom} of the month {time}")
            if kind == "weekly" and "days" in config:
                names = [
                    NB_DAYS[d] if self.language == "nb" else _EN_DAYS[d] for d in config["days"]
                ]
                return f"{', '.join(names)} {time}"
        return self.t(f"kl {time}", f"at {time}")

    def _description(self, steps: list[_Step], doc: dict[str, Any]) -> str:
        parts = []
        for index, (step, item) in enumerate(zip(steps, doc["steps"], strict=True)):
            label = self._label(step)
            when = self._when(item.get("trigger_config"), doc, index == 0)
            audience = ""
            recipients = item["action_config"].get("recipients", {})
            if recipients.get("group") not in (None, "all"):
                name = self._group_name(recipients["group"])
                audience = self.t(f" til {name}", f" to {name}")
            elif step.step_type == "generate_report":
                audience = self.t(" til ", " to ") + ", ".join(item["action_config"]["send_to"])
            parts.append(" ".join(p for p in (label + audience, when) if p))
        text = ", ".join(parts)
        if doc["workflow_type"] == "event_based":
            text = (
                self.t("Ved ny ordre: ", "On a new order: ")
                if doc["event"]["type"] == "order.created"
                else self.t("Ved ny kunde: ", "On a new customer: ")
            )
            text += ", ".join(parts)
            return text
        return text[:1].upper() + text[1:]


_STEP_KEY_ORDER = (
    "step_order",
    "name",
    "step_type",
    "trigger_type",
    "trigger_config",
    "action_config",
    "condition_config",
)


def _ordered(step: dict[str, Any]) -> dict[str, Any]:
    return {key: step[key] for key in _STEP_KEY_ORDER if key in step}


def parse_description(text: str, *, context: ParseContext) -> ParseOutcome:
    """Read ``text`` (Norwegian, English or a mix) into a workflow document or a question."""
    language = detect_language(text)
    builder = _Builder(text, context, language)
    index = 0 if language == "nb" else 1
    try:
        workflow = builder.build()
    except _Ask as ask:
        return ParseOutcome(
            question=ask.nb if language == "nb" else ask.en,
            language=language,
            notes=[note[index] for note in builder.notes],
        )
    return ParseOutcome(
        workflow=workflow, language=language, notes=[note[index] for note in builder.notes]
    )
