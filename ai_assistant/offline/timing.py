"""When: days, times of day, frequencies, days of the month and delays.

Each reader takes the part being read and what is left of its text; it records what it
found on the part and returns the text with what it read blanked out, so that a day name
read as a schedule day is not read again (and "siden mandag", read first by the audience
reader, is not a schedule day).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ai_assistant.offline.text import DEC, NUM, amount, blank, clock, hhmm, number

if TYPE_CHECKING:
    from ai_assistant.offline.fragments import Fragment

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
EN_DAYS = {d: d.capitalize() for d in WEEKDAYS}


class BadTime(Exception):
    """A time that is not a time of day ("kl 25")."""


class MorningAfternoon(BadTime):
    """An afternoon hour said to be in the morning ("kl 15 om morgenen", "3pm in the morning")."""


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
    # Nynorsk: måndag, tysdag, laurdag, sundag.
    "mån": "monday",
    "tys": "tuesday",
    "laur": "saturday",
    "sun": "sunday",
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
    "sun": "sunday", "mån": "monday", "weds": "wednesday", "tys": "tuesday",
}  # fmt: skip
FULL_DAY = (
    r"(?:(?P<nb>" + "|".join(_NB_DAY_STEMS) + r")dag(?:en|er|ene|s)?"
    r"|(?P<en>" + "|".join(_EN_DAY_STEMS) + r")days?)"
)
# Abbreviations ("man", "fri", "tor") are ordinary words too; they count as days only
# next to a time, a list separator or "every"/"hver".
_ABBR_DAY = r"(?P<abbr>" + "|".join(sorted(_DAY_ABBREVIATIONS, key=len, reverse=True)) + r")\b\.?"
_ABBR_CONTEXT = re.compile(
    r"\s*(?:kl\b|at\b|@|\d|,|;|-|\u2013|/|&|\+|og\b|and\b|til\b|to\b|noon\b|midday\b|middag\b"
    r"|morning\b|morgen\b|morgenen\b|evening\b|kveld\w*|ettermiddag\w*|afternoon\b|$)"
)
#: A day's abbreviation alone, for readers that know a day stands there ("siden man").
ABBR_DAY = _ABBR_DAY
_DAY_WORD = r"(?:\b" + FULL_DAY + r"\b|\b" + _ABBR_DAY + r")"
_PREV_EVERY = re.compile(r"(?:hver|every|each|on|på|om)\s+$")
# A bare hour right after a day: "torsdag 15", "Mon 9am", "fredag kl 10".
_ADJACENT_TIME = re.compile(
    r"\s*(?:kl\s*|at\s*|@\s*)?(\d{1,2})(?:[:](\d{2}))?\s*(am|pm)?\b"
    r"(?!\s*(?:dag(?:er|en|ene)?\b|days?\b|uk(?:e|er|en|ene)\b|weeks?\b|timer?\b|hours?\b|min(?:utt\w*|utes?)?\b|\.\d|st\b|nd\b|rd\b|th\b))"
)

_TIME_PATTERNS = [
    re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<mer>am|pm)?\b"),
    re.compile(r"\b(?P<h>\d{1,2})\s*(?P<mer>am|pm)\b"),
    re.compile(r"\b(?P<h>\d{1,2})\s*o'?clock\b"),
    re.compile(r"\b(?P<h>\d{1,2})-?tiden\b"),
    re.compile(
        r"(?:\bkl|\bat|@|\bby|\bved|\brundt|\baround|\bomkring|\bcirka|\bca)\s*"
        r"(?P<h>\d{1,2})(?P<m>\d{2})?\b"
        r"(?!\s*(?:dag(?:er|en|ene)?\b|days?\b|uk(?:e|er|en|ene)\b|weeks?\b|timer?\b|hours?\b|min(?:utt\w*|utes?)?\b|prosent|%|kunder|customers))"
    ),
]
_HALF = re.compile(r"\bhalv\s+" + NUM + r"\b")
_QUARTER = re.compile(r"\bkvart\s+(over|på)\s+" + NUM + r"\b")
_NOON = re.compile(
    r"\b(?:middag|middagstid|midt på dagen|noon|midday|lunsj|lunsjtid|lunch|lunchtime)\b"
)
_MIDNIGHT = re.compile(r"\b(?:midnatt|midnight)\b")
# "om morgenen", "in the morning": a time of day that an afternoon hour contradicts.
_MORNING = re.compile(
    r"\b(?:om\s+morgenen|på\s+morgenen|i\s+morgentimene|om\s+formiddagen|tidlig\s+morgen"
    r"|in\s+the\s+morning|early\s+morning)\b"
)
_PM_HINT = re.compile(
    r"\b(?:ettermiddag\w*|kveld\w*|afternoon|evening|tonight|pm)\b|\bi kveld\b|\bom kvelden\b"
)

_WEEKDAYS_ONLY = re.compile(
    r"\b(?:hver\s+)?(?:hverdag\w*|ukedag\w*)\b"
    r"|\b(?:every\s+|on\s+)?(?:weekdays?)\b"
    r"|\b(?:mandag|man|monday|mon)\s*(?:-|\u2013|til|to|through|thru)\s*(?:fredag|fre|friday|fri)\b"
)
_DAILY = re.compile(
    r"\b(?:hver|alle)\s+dag(?:er)?\b|\bdaglig(?:e|en|t)?\b|\bhver\s+(?:morgen|kveld|ettermiddag)\b"
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
# "hver 20. kl 9", "every 15th": a day of the month without the word month.
_EVERY_NTH = re.compile(
    r"\b(?:hver|every|each)\s+(\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:[.:,]\d|dag\w*|days?|tim\w*|hours?|min\w*|uk\w*|weeks?|måned\w*|months?|mnd"
    r"|gang\w*|times?))"
)

_DELAY = re.compile(
    r"\b(?:" + DEC + r"\s*(timer?|t|hours?|h|minutt(?:er)?|minutes?|min|dag(?:er)?|days?|døgn"
    r"|uker?|weeks?)\s+(?:senere|etter(?:på)?|later|after(?:wards)?|deretter)"
    r"|(?:etter|after|om|in)\s+" + DEC + r"\s*(timer?|hours?|minutt(?:er)?|minutes?|min|"
    r"dag(?:er)?|days?|døgn|uker?|weeks?)"
    # "etter 3 t", "after 6 h": the short hour only after digits.
    r"|(?:etter|after|om|in)\s+(\d{1,3})\s*(t|h))\b"
)
# "dagen etter", "the day after", "neste dag", "uka etter": one unit later.
_ONE_LATER = re.compile(
    r"\b(?:(dagen|døgnet|uka|uken|timen)\s+(?:etter|senere|etterpå)"
    r"|the\s+(day|week)\s+after|(?:the\s+)?next\s+(day)|the\s+next\s+(week)"
    r"|a\s+(day|week|hour)\s+later"
    r"|neste\s+(dag)\b(?!\s+i\s+måned))\b"
)

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


def day_from_parts(nb: str | None, en: str | None, abbr: str | None) -> str:
    if nb:
        return _NB_DAY_STEMS[nb]
    if en:
        return _EN_DAY_STEMS[en]
    assert abbr
    return _DAY_ABBREVIATIONS[abbr]


def day_from_match(m: re.Match[str]) -> str:
    groups = m.groupdict()
    return day_from_parts(groups.get("nb"), groups.get("en"), groups.get("abbr"))


def read_delay(frag: Fragment, s: str) -> str:
    """ "2 timer senere", "after 3 days": a delay after the step before."""
    for m in list(_DELAY.finditer(s)):
        count = amount(m.group(1) or m.group(3) or m.group(5))
        unit = m.group(2) or m.group(4) or m.group(6)
        frag.delay = round(count * _minutes(unit))
        s = blank(s, m)
    for m in list(_ONE_LATER.finditer(s)):
        if frag.delay is None:
            frag.delay = _minutes(next(g for g in m.groups() if g))
        s = blank(s, m)
    return s


def _minutes(unit: str) -> int:
    if unit.startswith(("uk", "week")):
        return 7 * 24 * 60
    if unit.startswith(("t", "h")):
        return 60
    if unit.startswith(("d", "døgn")):
        return 24 * 60
    return 1


_YEARLY = re.compile(
    r"\b(?:hvert(?:\s+eneste)?\s+år|årlig\w*|en\s+gang\s+i\s+året|every\s+year|each\s+year"
    r"|yearly|annually|once\s+a\s+year)\b"
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mai": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-z]*"
_DATE_IN_YEAR = re.compile(
    r"\b(?:(?:on|den|the)\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<m1>"
    + _MONTH
    + r")|(?P<m2>"
    + _MONTH
    + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)\b"
)


def read_yearly(frag: Fragment, s: str) -> str:
    """Once a year on a date ("hvert år 1. juni", "every year on March 15"): a cron schedule."""
    yearly = _YEARLY.search(s)
    date = _DATE_IN_YEAR.search(s) if yearly else None
    if yearly is None or date is None:
        return s
    day = int(date["d1"] or date["d2"])
    frag.yearly = (day, _MONTHS[(date["m1"] or date["m2"])[:3]])
    return blank(blank(s, yearly), date)


def read_monthly(frag: Fragment, s: str) -> str:
    """The last or first day of the month, "den 10. hver måned", "the 15th"."""
    for m in list(_LAST_DAY_OF_MONTH.finditer(s)):
        frag.monthly, frag.day_of_month = True, "last"
        s = blank(s, m)
    for m in list(_FIRST_DAY_OF_MONTH.finditer(s)):
        frag.monthly, frag.day_of_month = True, 1
        s = blank(s, m)
    for m in list(_EVERY_NTH.finditer(s)):
        value = int(m.group(1))
        if 1 <= value <= 31 and frag.day_of_month is None:
            frag.monthly, frag.day_of_month = True, value
            s = blank(s, m)
    monthly_words = list(_MONTHLY.finditer(s))
    if monthly_words:
        frag.monthly = True
    if frag.monthly or re.search(r"\b\d{1,2}(?:st|nd|rd|th)\b", s):
        for m in list(_DAY_OF_MONTH.finditer(s)):
            value = int(next(g for g in m.groups() if g))
            if 1 <= value <= 31 and frag.day_of_month is None:
                frag.day_of_month = value
                frag.monthly = True
                s = blank(s, m)
    for m in monthly_words:
        s = blank(s, m)
    return s


def read_frequency(frag: Fragment, s: str) -> str:
    """Every other week, weekdays, every day, every hour, every week."""
    for pattern, name in (
        (_WEEKDAYS_ONLY, "weekdays_only"),
        (_DAILY, "daily"),
        (_WEEKLY, "weekly_without_day"),
    ):
        for m in list(pattern.finditer(s)):
            setattr(frag, name, True)
            s = blank(s, m)
    for m in list(_HOURLY.finditer(s)):
        frag.cron = "0 * * * *"
        s = blank(s, m)
    return s


_WEEKENDS = re.compile(
    r"\b(?:(?:i|hver|alle|every|on|at|in|the|each)\s+)?(?:helg(?:a|en|ene)?|weekends?)\b"
)


def read_days(frag: Fragment, s: str) -> str:
    """Day names and ranges ("mandag-fredag"), weekends (Saturday and Sunday), and a bare
    hour right after a day."""
    s = _read_days(frag, s)
    if not frag.days:
        # "i helgene kl 10": Saturday and Sunday, where no other day is named (not "hver
        # fredag ... åpningstidene i helga").
        for m in list(_WEEKENDS.finditer(s)):
            frag.days.extend(d for d in ("saturday", "sunday") if d not in frag.days)
            s = blank(s, m)
    return s


def _read_days(frag: Fragment, s: str) -> str:
    ranges = re.compile(_DAY_WORD + r"\s*(?:-|\u2013|til|to|through|thru)\s*" + _DAY_WORD2)
    for m in list(ranges.finditer(s)):
        first = day_from_parts(m.group("nb"), m.group("en"), m.group("abbr"))
        last = day_from_parts(m.group("nb2"), m.group("en2"), m.group("abbr2"))
        i, j = WEEKDAYS.index(first), WEEKDAYS.index(last)
        span = list(WEEKDAYS[i : j + 1]) if i <= j else [*WEEKDAYS[i:], *WEEKDAYS[: j + 1]]
        if span == list(WEEKDAYS[:5]):
            frag.weekdays_only = True
        elif span == list(WEEKDAYS):
            frag.daily = True
        else:
            frag.days.extend(d for d in span if d not in frag.days)
        s = blank(s, m)
    pattern = re.compile(_DAY_WORD)
    for m in list(pattern.finditer(s)):
        if m.group("abbr") and not (
            _ABBR_CONTEXT.match(s, m.end()) or _PREV_EVERY.search(s[: m.start()])
        ):
            continue
        day = day_from_match(m)
        if day not in frag.days:
            frag.days.append(day)
        s = blank(s, m)
        adjacent = _ADJACENT_TIME.match(s, m.end())
        if adjacent and frag.time is None:
            found = clock(int(adjacent.group(1)), int(adjacent.group(2) or 0), adjacent.group(3))
            if found is not None:
                frag.time = found
                frag.time_explicit = adjacent.group(3) is not None
                s = blank(s, adjacent)
    return s


def read_time(frag: Fragment, s: str, *, pm_hint: bool) -> str:
    """A time of day: "kl 9", "09:30", "3pm", "halv ti", "kvart over 8", "middag"."""
    found: list[tuple[int, str | None, bool]] = []  # (position, time, explicit am/pm)
    for pattern in _TIME_PATTERNS:
        for m in list(pattern.finditer(s)):
            parts = m.groupdict()
            minute_text = parts.get("m")
            meridiem = parts.get("mer") or None
            minute = int(minute_text) if minute_text else 0
            found.append(
                (m.start(), clock(int(parts["h"]), minute, meridiem), meridiem is not None)
            )
            s = blank(s, m)
    for m in list(_HALF.finditer(s)):
        found.append((m.start(), hhmm(number(m.group(1)) - 1, 30), False))
        s = blank(s, m)
    for m in list(_QUARTER.finditer(s)):
        hour = number(m.group(2))
        at = hhmm(hour, 15) if m.group(1) == "over" else hhmm(hour - 1, 45)
        found.append((m.start(), at, False))
        s = blank(s, m)
    for pattern, at in ((_NOON, "12:00"), (_MIDNIGHT, "00:00")):
        for m in list(pattern.finditer(s)):
            found.append((m.start(), at, True))
            s = blank(s, m)
    found.sort(key=lambda item: item[0])
    if frag.time is None and found:
        _pos, at, explicit = found[0]
        if at is None:
            raise BadTime
        frag.time, frag.time_explicit = at, explicit
    if frag.time and _MORNING.search(s) and int(frag.time[:2]) >= 13:
        raise MorningAfternoon
    if pm_hint and frag.time and not frag.time_explicit and int(frag.time[:2]) < 12:
        frag.time = f"{int(frag.time[:2]) + 12:02d}{frag.time[2:]}"
        frag.time_explicit = True
    return s


def has_pm_hint(text: str) -> bool:
    return bool(_PM_HINT.search(text))


def is_day_word(word: str) -> bool:
    return re.fullmatch(_DAY_WORD, word) is not None
