"""Calendar phrases: every other week, even weeks, the first Monday of the month, the last
business day, business days only, a first date, and what to do on public holidays.

"annenhver tirsdag kl 10", "hver tredje uke", "partallsuker", "første mandag i måneden",
"siste virkedag i måneden kl 14", "hver virkedag kl 7", "første gang 11. desember", "men
ikke på helligdager, da dagen etter", "skip public holidays".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ai_assistant.offline.text import CLOCKS_CHANGE, blank
from ai_assistant.offline.timing import FULL_DAY, WEEKDAYS, day_from_match

if TYPE_CHECKING:
    from ai_assistant.offline.fragments import Fragment

_ORDINALS = {
    "første": 1, "forste": 1, "fyrste": 1, "första": 1, "1": 1, "first": 1, "1st": 1,
    "fyste": 1, "fysste": 1,
    # "annen" / "anden" (Riksmål, Danish), "anna" (dialect): the second.
    "andre": 2, "annen": 2, "anden": 2, "annan": 2, "anna": 2, "2": 2, "second": 2, "2nd": 2,
    "tredje": 3, "3": 3, "third": 3, "3rd": 3,
    "fjerde": 4, "4": 4, "fourth": 4, "4th": 4,
    "femte": 5, "fifth": 5, "sjette": 6, "sixth": 6, "sjuende": 7, "seventh": 7,
    "åttende": 8, "eighth": 8, "niende": 9, "ninth": 9, "tiende": 10, "tenth": 10,
    "ellevte": 11, "eleventh": 11, "tolvte": 12, "twelfth": 12,
    "siste": -1, "sista": -1, "last": -1,
    "nest siste": -2, "nestsiste": -2, "second to last": -2, "second-to-last": -2,
}  # fmt: skip
_ORDINAL = (
    r"(?P<ord>nest\s?siste|second[- ]to[- ]last|"
    + "|".join(
        sorted((k for k in _ORDINALS if " " not in k and "-" not in k), key=len, reverse=True)
    )
    + r")\.?"
)
_NUMBER_WORDS = {"to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4}

# --- Every Nth week ------------------------------------------------------------------------

_EVERY_OTHER = re.compile(
    r"\b(?:annenhver|annen\s+hver|hver\s+annen|hver\s+andre|every\s+other|every\s+second"
    r"|bi-?weekly|fortnightly|hver\s+14\.?\s+dag|every\s+two\s+weeks|every\s+2\s+weeks"
    r"|annenhver\s+uke|hver\s+annen\s+uke"
    # Dialect and Nynorsk: "annahver tysdag", "annakvar veke", "kvar andre fredag".
    r"|anna\s*hver|anna\s*kvar|annan\s*kvar|annen\s*kvar|kvar\s+anna|kvar\s+andre|hver\s+anna)\b"
)
_EVERY_NTH_WEEK = re.compile(
    r"\b(?:hver|every)\s+(?P<n>tredje|fjerde|femte|sjette|sjuende|åttende|niende|tiende|ellevte"
    r"|tolvte|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2})\.?(?:st|nd|rd|th)?\s+(?:uke|week)\b"
    r"|\b(?:every|hver)\s+(?P<count>\d{1,2}|three|four|tre|fire)\s+(?:weeks|uker|uke)\b"
)
# "hver 2. fredag", "hver tredje onsdag", "every 3rd friday": the day stays for the day reader.
_EVERY_NTH_DAY = re.compile(
    r"\b(?:hver|every)\s+(?P<n>andre|tredje|fjerde|femte|sjette|sjuende|åttende|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|\d{1,2})\.?(?:st|nd|rd|th)?\s+(?=" + FULL_DAY + r")"
)
_WEEK_PARITY = re.compile(
    r"\b(?:i\s+|in\s+|on\s+|på\s+)?(?P<parity>partall|oddetall|partal|oddetal|even|odd|jämna"
    r"|ojämna|udda|jamna|ojamna|lige|ulige)[- ]?(?:s?uke\w*|s?veke\w*|s?veck\w*|s?uge\w*"
    r"|(?:-?numbered\s+)?(?:iso[- ]?)?weeks?|numbered\s+weeks?)\b"
)

# --- The nth weekday or business day of the month ------------------------------------------

_MONTH = (
    r"(?:(?:i\s+|of\s+|in\s+)?(?:hver\s+|kvar\s+|every\s+|each\s+|the\s+)?"
    r"(?:måned(?:en)?|månad(?:en)?|month)\b"
    # Dialect "i måna" / "kvar måna" (the month, said short after "i" or "hver").
    r"|(?:i|hver|kvar)\s+(?:måna|månen|mnd)\b)"
)
_MONTH_AFTER = re.compile(r"[a-zæøå]+\s+" + _MONTH)
_NTH_WEEKDAY = re.compile(
    r"\b(?:den\s+|on\s+the\s+|the\s+)?" + _ORDINAL + r"\s+" + FULL_DAY + r"\s+" + _MONTH
)
# "monthly ... last friday": the nth weekday without "of the month" when the part is monthly.
_SAYS_MONTHLY = re.compile(r"\bmonthly\b|\bmånedlig\w*|\b(?:hver|every|each)\s+(?:måned|month)\b")
_NTH_WEEKDAY_BARE = re.compile(
    r"\b(?:den\s+|on\s+the\s+|the\s+)?" + _ORDINAL + r"\s+" + FULL_DAY + r"\b"
)
_BUSINESS_DAY_OF_MONTH = re.compile(
    r"\b(?:den\s+|on\s+the\s+|the\s+)?" + _ORDINAL
    + r"\s+(?:virkedag(?:en)?|arbeidsdag(?:en)?|yrkedag(?:en)?|arbetsdag(?:en)?|vardag(?:en)?"
    + r"|business\s+day|working\s+day|work\s+day)\s+"
    + _MONTH
)  # fmt: skip

_BUSINESS_DAY_BARE = re.compile(
    r"\b(?:den\s+|on\s+the\s+|the\s+)?" + _ORDINAL
    + r"\s+(?:virkedag(?:en)?|arbeidsdag(?:en)?|yrkedag(?:en)?|arbetsdag(?:en)?|vardag(?:en)?"
    + r"|business\s+day|working\s+day|work\s+day)\b"
)  # fmt: skip

# --- Business days only --------------------------------------------------------------------

_BUSINESS_DAYS = re.compile(
    r"\b(?:hver\s+|alle\s+|på\s+)?(?:virkedag\w*|arbeidsdag\w*|yrkedag\w*)\b"
    r"|\b(?:every\s+|each\s+|on\s+)?(?:business\s+days?|working\s+days?|work\s+days?|workdays?)\b"
)

# --- A first date --------------------------------------------------------------------------

_MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
    # Swedish and Danish.
    "januari": 1, "februari": 2, "maj": 5, "augusti": 8,
}  # fmt: skip
# A whole word ("1. juledag" is no 1 July).
_MONTH_NAME = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![a-zæøå])\.?"
_START = (
    r"(?:(?:første|forste|fyrste)\s+(?:gang|gong)|fra\s+og\s+med|f\.?\s?o\.?\s?m\.?|fra|frå|ifrå|starter"
    r"|med\s+(?:oppstart|start)|starting\s+from|start(?:ing)?|commencing|from|beginning"
    r"|first\s+(?:time|one)(?:\s+on)?|first(?=\s+on\b)|først|starting\s+on|beginning\s+on)"
)
_FIRST_DATE = re.compile(
    r"\b" + _START + r"\s+"
    # "første gang dagen etter 17. mai", "starting the day after May 17": one day off the date.
    r"(?:(?P<after>dagen\s+etter|dagen\s+efter|dagen\s+derpå|dagen\s+ette|(?:the\s+)?day\s+after)"
    r"\s+|(?P<before>dagen\s+før|dagen\s+innan|(?:the\s+)?day\s+before)\s+)?"
    r"(?:(?:tomorrow|today|i\s*morgen|next\s+[a-z]+day|neste\s+[a-zæøå]+dag"
    r"|[a-z]+day|[a-zæøå]+dag),?\s+)?(?:on\s+|den\s+|the\s+)?"
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\.?\s*(?:of\s+)?" + _MONTH_NAME.replace("month", "m1")
    + r"|" + _MONTH_NAME.replace("month", "m2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})|(?P<d3>\d{1,2})[./](?P<m3>\d{1,2})\.?)"
    r"(?:\s+(?P<year>\d{4}))?"
)  # fmt: skip

# --- What happens on holidays --------------------------------------------------------------

_ANY_DAY = r"(?:[a-zæøå]+dag(?:en)?|[a-z]+day)"

_HOLIDAY = (
    r"(?:helligdag\w*|heilagdag\w*|helgedag\w*|fridag\w*|røde\s+dag\w*|raude\s+dag\w*|rød\s+dag"
    # Typed in haste or without æøå: "rø dager", "røde dag", "rod dag", "røddager".
    r"|rø(?:d|de|e)?\s+dag\w*|rød\s+dag\w*|rode?\s+dag\w*|røddag\w*|rødag\w*"
    r"|raud\s+dag|stengt\w*|stengte\s+dager"
    r"|public\s+holidays?|bank\s+holidays?|holidays?|days?\s+off|closed\s+days?)"
)
_SEASON = (
    r"(?:jula|julen|jul|romjula|romjulen|julehelga|julehelgen|påska|påsken|påske|påskeuka"
    r"|ferien|ferietida|sommerferien|fellesferien|christmas|xmas|easter|the\s+holidays"
    r"|holiday\s+season|summer\s+holidays?)"
)
# "er det fridag", "er fredagen fridag", "hvis det er en helligdag", "faller det på en fridag",
# "if it's a public holiday", "if it falls on a holiday", "on public holidays": the condition.
_NB_IF = (
    r"(?:(?:men\s+)?(?:er|e|æ|hvis|viss|vis|om|um|dersom|faller|fell|skulle|blir|vert|når|når)\s+"
    # "men hvis rød dag så ...": the day itself may go unsaid.
    r"(?:(?:det|den|dagen|[a-zæøå]+dag(?:en)?)(?:\s+\d{1,2}\.?)?\s+)?"
    r"(?:er\s+|e\s+|på\s+|være\s+|vere\s+|bli\s+|falle\s+på\s+)?(?:en\s+|ein\s+|ei\s+)?"
    r"|(?:men\s+)?(?:på|ved)\s+(?:en\s+|ein\s+)?)"
)
_EN_IF = (
    r"(?:\b(?:on|(?:if|when|whenever|should)\s+(?:(?:it|that|this|the)\b\s*)?"
    r"(?:(?:day|[a-z]+day)\b\s*)?(?:is|'s|be"
    r"|falls\s+on|lands\s+on|happens\s+to\s+be|turns\s+out\s+to\s+be))\s+(?:a\s+)?)"
)
_THEN = (
    r"[\s,:;\u2013-]*(?:så\s+|da\s+|then\s+)?(?:just\s+|simply\s+|bare\s+|berre\s+)?"
    # "..., heller dagen etter": the day instead, without a verb.
    r"(?:heller\s+|helst\s+)?"
    # "..., skal utsendelsen skje neste virkedag", "skal den sendes dagen før": the send said
    # as its subject.
    r"(?:(?:skal|skjer|vil|bør|må)\s+(?:\w+\s+){0,2}?(?:skje|sendes|gå(?:\s+ut)?|komme"
    r"|flyttes(?:\s+til)?|utsettes(?:\s+til)?)\s+(?:på\s+|til\s+)?)?"
)
_NB_DO = (
    # "..., vi sender torsdagen før": the subject said before the verb (a second-language
    # writer's word order).
    r"(?:(?:vi|me|dere|dokker|man|du)\s+(?=send|kjør|tek|ta\b|flytt|utsett|skyv))?"
    r"(?:(?:send|kjør|ta|tek|bruk|velg|gå\s+til|flytt|utsett|skyv)\w*\s+"
    r"(?:vi\s+|dere\s+|du\s+|me\s+|dokker\s+|man\s+)?(?:det\s+|den\s+)?"
    r"(?:til\s+|på\s+)?(?:heller\s+)?)?"
)
_EN_DO = (
    r"(?:(?:use|run|send|move|do|shift|push|postpone|delay|bring|pull|make)\s+(?:it\s+)?"
    r"(?:forward\s+|back\s+)?(?:to\s+|on\s+|until\s+)?)?(?:the\s+)?"
)
# A send that does not happen, said formally ("bortfaller utsendelsen", "utsendelsen utgår").
_CANCELLED = (
    r"(?:(?:utsendelsen|utsendingen|sendingen|forsendelsen|den|det)\s+)?"
    r"(?:bortfaller|bortfell|utgår|utgår|faller\s+bort|fell\s+bort|sløyfes|kanselleres|avlyses"
    r"|utelates)(?:\s+(?:utsendelsen|utsendingen|sendingen|forsendelsen|den|det))?"
)
_POLICIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            _NB_IF + _HOLIDAY + _THEN + _NB_DO
            + r"(?:dagen\s+før|dagen\s+i\s+forvegen|dagen\s+i\s+forveien|virkedagen\s+før"
            r"|forrige\s+virkedag|førre\s+(?:vyrkedag|verkedag|kvardag)|" + _ANY_DAY + r"\s+før"
            # Formal: "foregående virkedag", "nærmeste virkedag før".
            r"|foregående\s+(?:virkedag|arbeidsdag|hverdag)|forrige\s+(?:arbeidsdag|hverdag)"
            # "send den siste virkedag før (i stedet)".
            r"|siste\s+(?:virkedag|vyrkedag|verkedag|arbeidsdag|hverdag)(?:en)?\s+før)"
            r"(?:\s+i\s+(?:stedet|staden))?"
            r"|" + _EN_IF + _HOLIDAY + _THEN + _EN_DO
            + r"(?:(?:previous|last)\s+(?:business|working)\s+day(?:\s+before)?"
            r"|(?:business|working|week)\s*day\s+before|day\s+before)"
            r"(?:\s+instead)?"
            r"|\b(?:the\s+)?(?:business|working)\s+day\s+before\b"
        ),
        "previous_business_day",
    ),
    (
        re.compile(
            _NB_IF + _HOLIDAY + _THEN + _NB_DO
            + r"(?:dagen\s+etter|dagen\s+derpå|neste\s+(?:virkedag|hverdag|arbeidsdag"
            r"|vyrkedag|verkedag|kvardag)|" + _ANY_DAY
            + r"\s+i\s+stedet)"
            # "..., send den tirsdag": a day without "i stedet" only after a verb.
            r"|" + _NB_IF + _HOLIDAY + _THEN + _NB_DO.removesuffix(")?") + r")" + _ANY_DAY + r"\b"
            r"|\bflytt\w*\s+(?:det\s+|den\s+)?til\s+neste\s+(?:virkedag|hverdag|arbeidsdag)"
            r"|" + _EN_IF + _HOLIDAY + _THEN + _EN_DO
            + r"(?:next\s+(?:business|working)\s+day|day\s+after|" + _ANY_DAY + r")"
            r"(?:\s+instead)?"
            r"|\b(?:move|moved|shift)\s+(?:it\s+)?to\s+the\s+next\s+(?:business|working)\s+day"
        ),
        "next_business_day",
    ),
    (
        re.compile(
            r"(?:men\s+)?(?:ikke|aldri)\s+(?:send\w*\s+(?:noe\s+|noko\s+|det\s+|den\s+)?)?(?:på|i)\s+"
            + _HOLIDAY
            + r"|\b(?:don'?t|do\s+not|never)\s+send\s+(?:anything\s+|it\s+)?on\s+" + _HOLIDAY
            + r"|\bhopp\w*\s+over\s+" + _HOLIDAY
            # "hoppet over de gangene det er rød dag", "skip the weeks when it's a holiday".
            + r"|\bhopp\w*\s+over\s+(?:de\s+|dei\s+)?(?:gangene|gongane|dagene|dagane|ukene"
            + r"|vekene|utsendingene)\s+(?:der\s+|da\s+)?(?:det\s+er|det\s+e|som\s+er"
            + r"|som\s+fell\s+på|som\s+faller\s+på)\s+(?:en\s+|ein\s+)?" + _HOLIDAY
            + r"|\bskip\s+(?:the\s+)?(?:times|weeks|days|ones|sends)\s+(?:when\s+|where\s+)?"
            + r"(?:it'?s|it\s+is|there'?s|there\s+is|that\s+(?:are|fall\s+on|land\s+on))\s+"
            + r"(?:a\s+)?" + _HOLIDAY
            + r"|\b(?:not|never)\s+on\s+" + _HOLIDAY
            + r"|\bskip(?:ping)?\s+(?:the\s+)?" + _HOLIDAY
            + r"|\b" + _HOLIDAY + r"\s*[:=\u2013-]\s*(?:skip|hopp\s+over|ikke\s+send\w*|dropp\w*"
            + r"|nothing|ingenting|none)\b"
            + r"|\bskip(?:ping)?\s+(?:it|that|this|them|the\s+\w+)\s+(?:on|during|over|for)\s+"
            + r"(?:the\s+|all\s+)?" + _HOLIDAY
            + r"|\bhopp\w*\s+over\s+(?:det|den|dem|utsendelsen)\s+(?:på|i)\s+(?:alle\s+)?"
            + _HOLIDAY
            + r"|\bexcept\s+(?:on\s+)?" + _HOLIDAY
            + r"|\b(?:leave\s+out|omit|exclud\w*|avoid|ignore|utenom|unntatt|dropp\w*|utelat\w*)"
            + r"\s+(?:the\s+|all\s+|alle\s+)?" + _HOLIDAY
            + r"|" + _NB_IF + _HOLIDAY + _THEN + r"(?:hopp\w*\s+(?:det\s+|den\s+)?over"
            + r"|(?:ikke|ikkje)\s+send\w*|send\w*\s+(?:vi\s+|me\s+)?(?:ikke|ikkje)"
            + r"|dropp\w*(?:\s+det|\s+den)?|stryk\w*(?:\s+det|\s+den)?"
            + r"|la\s+(?:det|den)\s+(?:være|vere|vera|gå))"
            + r"|" + _EN_IF + _HOLIDAY + _THEN + r"(?:skip\s+(?:it|that\s+week|the\s+week"
            + r"|that\s+day|the\s+day|this\s+week)|don'?t\s+send(?:\s+it)?"
            + r"|(?:drop|leave\s+out|cancel)\s+(?:it|that\s+one|that\s+day)|leave\s+it\s+out)"
            + r"|" + _NB_IF + _HOLIDAY + _THEN + r"(?:hopp\s+over|dropp)\s+(?:den|denne|)\s*(?:uka"
            + r"|uken|dagen)"
            # Formal: "dersom mandagen er helligdag, bortfaller utsendelsen", "utsendelsen
            # utgår på helligdager", "bortfaller utsendelsen dersom ...".
            + r"|" + _NB_IF + _HOLIDAY + _THEN + _CANCELLED
            + r"|" + _CANCELLED + r"\s*,?\s*" + _NB_IF + _HOLIDAY
        ),
        "skip",
    ),
    (
        re.compile(
            # "også i jula og på røde dager", "even over Easter and on holidays": a season
            # named with the holidays is when it still runs, no email of its own.
            r"\b(?:også|selv|òg|og\s+så)\s+(?:(?:i|over|gjennom)\s+" + _SEASON
            + r"\s+(?:og|eller|,)\s+)?på\s+" + _HOLIDAY
            + r"(?:\s+(?:og|eller|,)\s+(?:i|over|gjennom)\s+" + _SEASON + r")?"
            + r"|\b(?:også|selv|òg)\s+(?:i|over|gjennom)\s+" + _SEASON
            + r"|\b(?:even|also)\s+(?:(?:in|at|during|over)\s+(?:the\s+)?" + _SEASON
            + r"\s+(?:and|or|,)\s+)?on\s+" + _HOLIDAY
            + r"|\b(?:even|also)\s+(?:in|at|during|over)\s+(?:the\s+)?" + _SEASON
        ),
        "run",
    ),
)  # fmt: skip


# "flytt det til tirsdag hvis mandag er fridag", "move it to Tuesday if Monday is a holiday":
# the move said first, its condition after.
_MOVE_IF = re.compile(
    r"(?:[,;]\s*)?\b(?:flytt|utsett|skyv|send|move|shift|push|send)\w*\s+(?:det|den|dem|it|them)?\s*"
    r"(?:til|på|to|on)\s+(?P<to>" + _ANY_DAY + r")\s+(?:i\s+stedet\s+|instead\s+)?"
    r"(?:hvis|om|dersom|når|if|when)\s+(?:(?P<on>" + _ANY_DAY + r")|det|den|dagen|it)\s+"
    r"(?:er|blir|is|falls\s+on|'s)\s+(?:en\s+|a\s+)?" + _HOLIDAY
)


# "og at det sendes torsdagen før dersom fredagen er en helligdag", "send it the day after if
# Monday is a holiday": the day before or after, said first, its condition after.
_MOVE_FIRST = re.compile(
    r"(?:[,;]\s*)?(?:\b(?:og|and|men|but)\s+)?(?:\bat\s+)?(?:\b(?:det|den|it)\s+)?"
    r"\b(?:send\w*|flytt\w*|move\w*|goes|go|går|gå|kjør\w*|run)\s+(?:det\s+|den\s+|it\s+)?"
    r"(?:ut\s+)?(?:til\s+|på\s+|on\s+|to\s+)?(?:the\s+)?(?:(?P<day>" + _ANY_DAY + r")|dagen|day)"
    r"\s+(?:(?P<before>før|i\s+forvegen|i\s+forveien|before)|etter|after|derpå)"
    r"\s+(?:i\s+stedet\s+|instead\s+)?(?:hvis|om|dersom|viss|vis|når|if|when|should)\s+"
    r"(?:" + _ANY_DAY + r"|det|den|dagen|it|the\s+day)\s+(?:er|e|blir|is|falls\s+on|'s|be)\s+"
    r"(?:en\s+|ein\s+|a\s+)?" + _HOLIDAY
)


# "en rød dag (sånn som 2. påskedag)", "a public holiday like Good Friday": an example of a
# holiday, whose day names are no schedule's.
_HOLIDAY_EXAMPLE = re.compile(
    "(" + _HOLIDAY + r")\s*,?\s+(?:like|such\s+as|for\s+example|e\.?g\.?|f\.?\s?eks\.?"
    r"|for\s+eksempel|sånn\s+som|slik\s+som|som\s+f\.?\s?eks\.?)\s+[^,;]*?"
    r"(?=\s*(?:[,;]|\bså\b|\bthen\b|\bsend\b|$))"
)


def read_policy(text: str) -> tuple[str | None, str]:
    """The holiday policy a request states, and the request without its phrase (so "send
    tirsdag i stedet" is not read as a step)."""
    text = _HOLIDAY_EXAMPLE.sub(r"\1", text)
    text = _NAMED_EXAMPLE.sub(r"\1", text)
    first = _MOVE_FIRST.search(text)
    if first is not None:
        policy = "previous_business_day" if first["before"] else "next_business_day"
        return policy, blank(text, first)
    move = _MOVE_IF.search(text)
    if move is not None:
        to_match = re.match(FULL_DAY, move["to"])
        on_match = re.match(FULL_DAY, move["on"] or "")
        if to_match is None or on_match is None:
            return _before_or_after(text, move), blank(text, move)
        i, j = WEEKDAYS.index(day_from_match(on_match)), WEEKDAYS.index(day_from_match(to_match))
        policy = "previous_business_day" if 0 < (i - j) % 7 <= 3 else "next_business_day"
        return policy, blank(text, move)
    for pattern, policy in _POLICIES:
        m = pattern.search(text)
        if m:
            if policy == "next_business_day":
                policy = _before_or_after(text, m)
            return policy, blank(text, m)
    return None, text


_DAY_IN = re.compile(r"\b" + FULL_DAY + r"\b")


def _before_or_after(text: str, m: re.Match[str]) -> str:
    """ "..., faller fredagen på en helligdag sender vi torsdag i stedet": a day named instead
    of the scheduled one is the business day before when it comes just before it."""
    named = [day_from_match(d) for d in _DAY_IN.finditer(m.group(0))]
    rest = blank(text, m)
    scheduled = [day_from_match(d) for d in _DAY_IN.finditer(rest)]
    if not named or not scheduled:
        return "next_business_day"
    i, j = WEEKDAYS.index(scheduled[0]), WEEKDAYS.index(named[-1])
    return "previous_business_day" if 0 < (i - j) % 7 <= 3 else "next_business_day"


def _ordinal(m: re.Match[str]) -> int:
    key = re.sub(r"\s+", " ", m.group("ord").rstrip(".")).replace("-", " ")
    return _ORDINALS.get(key, _ORDINALS.get(key.replace(" ", ""), 1))


def _date(m: re.Match[str], today: dt.date) -> dt.date | None:
    groups = m.groupdict()
    try:
        if groups.get("iso"):
            return dt.date.fromisoformat(groups["iso"])
        if groups.get("d1"):
            day, month = int(groups["d1"]), _MONTHS[groups["m1"]]
        elif groups.get("d2"):
            day, month = int(groups["d2"]), _MONTHS[groups["m2"]]
        else:
            day, month = int(groups["d3"]), int(groups["m3"])
        year = int(groups["year"]) if groups.get("year") else today.year
        found = dt.date(year, month, day)
    except (KeyError, TypeError, ValueError):
        return None
    if not groups.get("year") and found < today:
        found = found.replace(year=today.year + 1)  # "11. desember" said in March: this year
    if groups.get("after"):
        found += dt.timedelta(days=1)
    elif groups.get("before"):
        found -= dt.timedelta(days=1)
    return found


# A first time said by a day, a holiday or a date in words: "starting onsdag i neste uke", "og
# vi starte på fredag", "fyrste gong 2. påskedag", "første gang fredag andre mai". Only after
# words that say it is the first time ("fra mandag" may be a window or the schedule's day).
_REL_START = (
    r"(?:(?:første|forste|fyrste)\s+(?:gang|gong)|first\s+time|starting(?:\s+from|\s+on)?"
    r"|start(?:er|ar|e)?|begynn(?:er|e)?|byrj(?:ar|e)?|beginning(?:\s+on)?|commencing"
    # "fom 2. juledag", "f.o.m. mandag": from and including.
    r"|f\.?\s?o\.?\s?m\.?|fra\s+og\s+med|frå\s+og\s+med|med\s+start|med\s+oppstart)"
)
_WORD_ORDINALS = {
    "første": 1, "fyrste": 1, "andre": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
    "sjuende": 7, "syvende": 7, "åttende": 8, "niende": 9, "tiende": 10, "ellevte": 11,
    "tolvte": 12, "trettende": 13, "fjortende": 14, "femtende": 15, "sekstende": 16,
    "syttende": 17, "attende": 18, "nittende": 19, "tjuende": 20, "first": 1, "second": 2,
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10,
}  # fmt: skip
_HOLIDAY_DAYS = (
    r"(?P<hol>påskedag|pinsedag|juledag|nyttårsdag|easter\s+monday|nyttårsaft[ae]n|nyårsafton"
    r"|nyttårsafta|new\s+year'?s\s+eve|new\s+year'?s\s+day|julaft[ae]n|julafton|christmas\s+eve"
    r"|christmas\s+day|boxing\s+day)(?:en)?"
)
_RELATIVE_FIRST = re.compile(
    r"\b" + _REL_START + r"\s+(?:på\s+|on\s+|den\s+|the\s+)?(?:"
    r"(?P<tomorrow>i\s*morgen|imorgen|tomorrow)"
    r"|(?:(?P<hn>[12]|første|andre|fyrste)\.?\s+)?" + _HOLIDAY_DAYS
    + r"|(?:(?:[a-zæøå]+dag|[a-z]+day)\s+)?(?:den\s+|the\s+)?(?P<od>"
    + "|".join(sorted(_WORD_ORDINALS, key=len, reverse=True)) + r")\s+(?:of\s+)?"
    + _MONTH_NAME.replace("month", "mon")
    + r"|(?:(?:neste|next|kommende|this|denne)\s+)?" + FULL_DAY
    + r"(?:\s+(?:i\s+|in\s+)?(?P<nw>neste|next|kommende)\s+(?:uke|veke|week))?"
    r")(?![\wæøå])"
)  # fmt: skip


# "fra sjuende november", "from the seventh of November": a date in words after "fra" (which
# normalising made of "fra og med") is the first time.
_FROM_DATE_IN_WORDS = re.compile(
    r"\b(?:fra|frå|from)\s+(?:(?:[a-zæøå]+dag|[a-z]+day)\s+)?(?:den\s+|the\s+)?(?P<od>"
    + "|".join(sorted(_WORD_ORDINALS, key=len, reverse=True))
    + r")\s+(?:of\s+)?"
    + _MONTH_NAME.replace("month", "mon")
    + r"(?P<tomorrow>(?!))?(?P<hol>(?!))?(?![\wæøå])"
)
# A first time said by a week or by the clocks changing ("fra neste uke", "første gang etter at
# klokka er stilt tilbake", "starting the week after next"): from when, the day to come.
_STARTS_LATER = re.compile(
    r"\b(?:(?:(?:første|forste|fyrste)\s+(?:gang|gong)|first\s+time|starting|start\w*|fra|frå"
    r"|from|begynn\w*|byrj\w*)\s+(?:(?:i|på|in|on)\s+)?(?P<week>neste\s+uke|neste\s+veke"
    r"|next\s+week|uka\s+etter|veka\s+etter|the\s+week\s+after)"
    r"|(?:(?:første|forste|fyrste)\s+(?:gang|gong)|first\s+time|starting|start\w*|fra|frå|from)"
    r"\s+" + CLOCKS_CHANGE + r")(?![\wæøå])"
)


# "Fra uke 26: ...", "starting week 40", "f.o.m. veke 3": the first time in that ISO week.
_FROM_WEEK_NUMBER = re.compile(
    r"\b(?:(?:første|forste|fyrste)\s+(?:gang|gong)|first\s+time|starting|start\w*|fra|frå"
    r"|from|begynn\w*|byrj\w*)\s+(?:(?:i|på|in|on)\s+)?(?:uke|veke|week|wk|u)\.?\s*"
    r"(?P<n>\d{1,2})\b"
)
# "første gang fredag om to uker", "first time on Friday in three weeks": that weekday in the
# week N weeks from this one; "første gang fredag denne uka", "starting Friday this week".
_FIRST_IN_WEEKS = re.compile(
    r"\b" + _REL_START + r"\s+(?:på\s+|on\s+)?" + FULL_DAY
    + r"\s+(?:(?:om|in)\s+(?P<n>\d|to|tre|fire|two|three|four)\s+(?:uker|veker|weeks)"
    r"(?:'?\s+time)?|(?P<this>(?:i\s+)?denne\s+(?:uka|uken|veka)|this\s+week))(?![\wæøå])"
)  # fmt: skip


def _week_number_monday(n: int, today: dt.date) -> dt.date | None:
    """The Monday of ISO week ``n``, this year or (when it is past) next year."""
    for year in (today.isocalendar()[0], today.isocalendar()[0] + 1):
        try:
            monday = dt.date.fromisocalendar(year, n, 1)
        except ValueError:
            continue
        if monday + dt.timedelta(days=6) >= today:
            return monday
    return None


def _in_weeks(m: re.Match[str], today: dt.date) -> dt.date:
    weeks = 0 if m["this"] else (_NUMBER_WORDS.get(m["n"]) or int(m["n"]))
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 * weeks)
    return monday + dt.timedelta(days=WEEKDAYS.index(day_from_match(m)))


def _clocks_change(today: dt.date, back: bool | None) -> dt.date:
    """The Sunday the clocks next change (the last Sunday of October back, of March forward)."""

    def last_sunday(year: int, month: int) -> dt.date:
        end = dt.date(year, month, 31)
        return end - dt.timedelta(days=(end.weekday() + 1) % 7)

    found = []
    for year in (today.year, today.year + 1):
        if back in (None, True):
            found.append(last_sunday(year, 10))
        if back in (None, False):
            found.append(last_sunday(year, 3))
    return min(d for d in found if d >= today)


def _start_of(m: re.Match[str], today: dt.date) -> dt.date:
    if m["week"]:
        return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
    said = " ".join(g for g in (m["dir"], m["season"], m["ends"]) if g)
    back = None
    if re.search(r"tilbake|back|vinter|winter|sommer|summer|daylight|dst", said):
        back = not re.search(r"sommertid|summer", said) or bool(m["ends"])
    if re.search(r"fram|frem|forward", said):
        back = False
    return _clocks_change(today, back)


def _easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    return dt.date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)


def _holiday(name: str, nth: int, year: int) -> dt.date:
    if name.startswith(("påske", "easter")):
        return _easter(year) + dt.timedelta(days=nth - 1)
    if name.startswith("pinse"):
        return _easter(year) + dt.timedelta(days=48 + nth)
    if name.startswith(("nyttårsaft", "nyårsaft", "new year's eve", "new years eve")):
        return dt.date(year, 12, 31)
    if name.startswith(("julaft", "christmas eve")):
        return dt.date(year, 12, 24)
    if name.startswith("christmas day"):
        return dt.date(year, 12, 25)
    if name.startswith("boxing"):
        return dt.date(year, 12, 26)
    if name.startswith(("kristi", "himmelfart", "ascension")):
        return _easter(year) + dt.timedelta(days=39)
    if name.startswith("whit"):
        return _easter(year) + dt.timedelta(days=50)
    if name.startswith(("17", "grunnlov", "constitution")):
        return dt.date(year, 5, 17)
    if name.startswith(("1 mai", "arbeidernes", "may day", "labour day")):
        return dt.date(year, 5, 1)
    if name.startswith("jule"):
        return dt.date(year, 12, 24 + nth)
    return dt.date(year, 1, 1)


def _relative_date(m: re.Match[str], today: dt.date) -> dt.date | None:
    """The day a relative first time names, from ``today``."""
    if m["tomorrow"]:
        return today + dt.timedelta(days=1)
    if m["hol"]:
        name = m["hol"]
        nth = 2 if (m["hn"] or "") in ("2", "andre") or name.startswith("easter") else 1
        found = _holiday(name, nth, today.year)
        return found if found >= today else _holiday(name, nth, today.year + 1)
    if m["od"]:
        try:
            found = dt.date(today.year, _MONTHS[m["mon"]], _WORD_ORDINALS[m["od"]])
        except ValueError:
            return None
        return found if found >= today else found.replace(year=today.year + 1)
    day = WEEKDAYS.index(day_from_match(m))
    if m["nw"]:
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
        return monday + dt.timedelta(days=day)
    return today + dt.timedelta(days=(day - today.weekday() - 1) % 7 + 1)


def read_first_day_off(frag: Fragment, s: str, today: dt.date) -> str:
    """ "første gang dagen etter 17. mai": a first date a day off a date, read before delays
    (whose "dagen etter" it is not)."""
    s = _read_start_by_week_or_holiday(frag, s, today)
    for m in list(_FIRST_DATE.finditer(s)):
        if m.group("after") or m.group("before"):
            found = _date(m, today)
            if found is not None:
                frag.anchor = found
                s = blank(s, m)
    return s


def read_first_in_weeks(frag: Fragment, s: str, today: dt.date) -> str:
    """ "første gang fredag om to uker", "starting Friday this week": a first date read before
    order windows ("denne uka") and delays ("om to uker"), which it is not."""
    for m in list(_FIRST_IN_WEEKS.finditer(s)):
        frag.anchor = _in_weeks(m, today)
        s = blank(s, m)
    return s


def read_calendar(frag: Fragment, s: str, today: dt.date) -> str:
    """Every Nth week, week parity, the nth weekday or business day of the month, business
    days only and a first date; read before days and frequencies."""
    for m in list(_FIRST_DATE.finditer(s)):
        found = _date(m, today)
        if found is not None:
            frag.anchor = found
            s = blank(s, m)
    if frag.anchor is None:
        for m in list(_FROM_DATE_IN_WORDS.finditer(s)):
            found = _relative_date(m, today)
            if found is not None:
                frag.anchor = found
                s = blank(s, m)
    if frag.anchor is None and frag.starts_from is None:
        for m in list(_FROM_WEEK_NUMBER.finditer(s)):
            monday = _week_number_monday(int(m["n"]), today)
            if monday is not None:
                frag.starts_from = max(monday, today)
                s = blank(s, m)
    if frag.anchor is None:
        for m in list(_STARTS_LATER.finditer(s)):
            frag.starts_from = _start_of(m, today)
            s = blank(s, m)
    if frag.anchor is None:
        for m in list(_RELATIVE_FIRST.finditer(s)):
            found = _relative_date(m, today)
            if found is not None:
                frag.anchor = found
                s = blank(s, m)
    for m in list(_BUSINESS_DAY_OF_MONTH.finditer(s)):
        frag.monthly, frag.business_day = True, _ordinal(m)
        s = blank(s, m)
    monthly = _SAYS_MONTHLY.search(s) is not None
    # "hver måned, siste virkedag kl 14": the month said once, elsewhere in the part (or
    # "prisene for neste måned"); "siste virkedag" / "the last business day" alone is the
    # month's (a week's last business day is no schedule of the format).
    said_month = monthly or re.search(r"\b(?:måned\w*|månad\w*|months?)\b", s) is not None
    for m in list(_BUSINESS_DAY_BARE.finditer(s)):
        if said_month or _ordinal(m) == -1:
            frag.monthly, frag.business_day = True, _ordinal(m)
            s = blank(s, m)
    for pattern in (_NTH_WEEKDAY, _NTH_WEEKDAY_BARE) if monthly else (_NTH_WEEKDAY,):
        for m in list(pattern.finditer(s)):
            frag.monthly, frag.nth_weekday = True, (day_from_match(m), _ordinal(m))
            frag.nth_text = m.group("ord")
            s = blank(s, m)
    for m in list(_EVERY_NTH_WEEK.finditer(s)):
        word = m.group("n") or m.group("count")
        frag.every_weeks = _ORDINALS.get(word) or _NUMBER_WORDS.get(word) or int(word)
        frag.every_weeks_text = m.group(0)
        s = blank(s, m)
    for m in list(_EVERY_NTH_DAY.finditer(s)):
        if _MONTH_AFTER.match(s, m.end()):
            continue  # "hver andre tirsdag i måneden" is the nth weekday
        word = m.group("n")
        frag.every_weeks = _ORDINALS.get(word) or int(word)
        frag.every_weeks_text = m.group(0).strip()
        s = blank(s, m)
    for m in list(_EVERY_OTHER.finditer(s)):
        frag.every_weeks = 2
        # "annenhver tirsdag": the day stays for the day reader.
        start, end = m.span()
        s = s[:start] + " " * (end - start) + s[end:]
    for m in list(_WEEK_PARITY.finditer(s)):
        even = m.group("parity") in ("partall", "partal", "even", "jämna", "jamna", "lige")
        frag.iso_weeks = "even" if even else "odd"
        s = blank(s, m)
    for m in list(_BUSINESS_DAYS.finditer(s)):
        frag.business_days_only = True
        s = blank(s, m)
    return s


def first_on_or_after(day_name: str, today: dt.date) -> dt.date:
    """The first given weekday on or after ``today`` (an anchor nobody named)."""
    return today + dt.timedelta(days=(WEEKDAYS.index(day_name) - today.weekday()) % 7)


# --- A first time said by a week number or a day off a holiday ------------------------------

_START_WORD = (
    r"(?:(?:første|forste|fyrste)\s+(?:gang|gong)|first\s+time|starting(?:\s+from|\s+on|\s+in)?"
    r"|start(?:er|ar|e)?|begynn(?:er|e)?|byrj(?:ar|e)?|beginning(?:\s+(?:on|in))?|commencing"
    r"|fra|frå|from|med\s+start|med\s+oppstart)"
)
# "første gang i uke 21", "fra uke 21", "starting in week 21": from that ISO week's Monday.
_FROM_WEEK_NUMBER = re.compile(
    r"\b" + _START_WORD + r"\s+(?:(?:i|på|in|on)\s+)?(?:uke|veke|vecka|uge|week|wk)\s*"
    r"(?:nr\.?\s*|no\.?\s*)?(?P<n>\d{1,2})\b"
)
_NAMED_HOLIDAY = (
    r"(?:(?P<hn>[12]|første|andre|fyrste)\.?\s+)?(?P<hol>påskedag|pinsedag|juledag|nyttårsdag"
    r"|kristi\s+himmelfart\w*|himmelfartsdag\w*|ascension(?:\s+day)?|whit\s+monday"
    r"|easter\s+monday|christmas\s+day|boxing\s+day|17\s+mai|grunnlovsdag\w*"
    r"|constitution\s+day|1\s+mai|arbeidernes\s+dag|may\s+day|labour\s+day)(?:en)?"
)
# "fra og med dagen etter 2. pinsedag", "første gang første virkedag etter Kristi himmelfart",
# "starting the first business day after Ascension Day": a date off a named holiday.
_FROM_DAY_OFF_HOLIDAY = re.compile(
    r"\b" + _START_WORD + r"\s+(?:(?:på|on|the)\s+)?(?:"
    r"(?P<bd>(?:første|fyrste|forste)\s+(?:virkedag|arbeidsdag|vyrkedag|yrkedag)(?:en)?"
    r"|first\s+(?:business|working|work)\s+day)"
    r"|(?P<after>dagen\s+etter|dagen\s+derpå|(?:the\s+)?day\s+after))"
    r"\s+(?:etter\s+|after\s+)?(?:the\s+)?" + _NAMED_HOLIDAY + r"(?![\wæøå])"
)


def _iso_week_monday(week: int, today: dt.date) -> dt.date | None:
    """The Monday of ISO week ``week``: this year's, or next year's when it is over."""
    for year in (today.isocalendar()[0], today.isocalendar()[0] + 1):
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            continue
        if monday + dt.timedelta(days=6) >= today:
            return monday
    return None


def _next_business_day(day: dt.date) -> dt.date:
    """The first weekday after ``day`` that is no public holiday of the business's country."""
    from automation.business_calendar import public_holidays

    day += dt.timedelta(days=1)
    while day.weekday() >= 5 or day in public_holidays("NO", day.year):
        day += dt.timedelta(days=1)
    return day


def _read_start_by_week_or_holiday(frag: Fragment, s: str, today: dt.date) -> str:
    """A first time said by a week number or a day after a named holiday (read before the
    business days, whose "første virkedag" it is not)."""
    for m in list(_FROM_DAY_OFF_HOLIDAY.finditer(s)):
        name = " ".join(m["hol"].split())
        nth = 2 if (m["hn"] or "") in ("2", "andre") else 1
        holiday = _holiday(name, nth, today.year)
        if holiday < today:
            holiday = _holiday(name, nth, today.year + 1)
        frag.anchor = _next_business_day(holiday) if m["bd"] else holiday + dt.timedelta(days=1)
        s = blank(s, m)
    for m in list(_FROM_WEEK_NUMBER.finditer(s)):
        monday = _iso_week_monday(int(m["n"]), today)
        if monday is not None:
            frag.starts_from = monday
            s = blank(s, m)
    return s


# "faller torsdagen på en rød dag, som Kristi himmelfart, ...", "er mandagen helligdag, jf. 2.
# pinsedag, ...": a named holiday given as an example after "som" or "jf." is no day to run.
_NAMED_EXAMPLE = re.compile(
    "(" + _HOLIDAY + r")\s*,?\s+(?:som|jf|jfr|cf|e\.?g|f\.?\s?eks)\.?\s+(?:f\.?\s?eks\.?\s+)?"
    r"(?:den\s+|på\s+)?"
    + _NAMED_HOLIDAY.replace("?P<hn>", "?:").replace("?P<hol>", "?:")
    + r"(?![\wæøå])"
)
