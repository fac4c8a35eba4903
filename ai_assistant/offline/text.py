"""Text handling shared by the readers: normalising, blanking what was read, splitting a
request into parts, folding and stemming words, numbers and clock times."""

from __future__ import annotations

import functools
import re
import unicodedata

from ai_assistant.offline.letters import the_request

NUMBER_WORDS = {
    "en": 1, "ett": 1, "et": 1, "ei": 1, "én": 1, "ein": 1, "eitt": 1, "one": 1, "a": 1,
    "an": 1,
    "to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4, "fem": 5, "five": 5,
    "seks": 6, "six": 6, "sju": 7, "syv": 7, "seven": 7, "åtte": 8, "eight": 8,
    "ni": 9, "nine": 9, "ti": 10, "ten": 10, "elleve": 11, "eleven": 11,
    "tolv": 12, "twelve": 12, "fjorten": 14, "fourteen": 14,
    # Tens ("førti minutter etter", "thirty minutes later").
    "femten": 15, "fifteen": 15, "tjue": 20, "twenty": 20, "tretti": 30, "thirty": 30,
    "førti": 40, "forty": 40, "femti": 50, "fifty": 50, "seksti": 60, "sixty": 60,
    "nitti": 90, "ninety": 90,
}  # fmt: skip
#: A number in digits or words.
NUM = r"(\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
#: The same, or a decimal ("1.5", "1,5") or a half ("halvannen", "one and a half").
DEC = (
    r"(\d{1,3}[.,]\d{1,2}|halvannen|one\s+and\s+a\s+half|\d{1,3}|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")"
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Where an e-mail address stood in the normalised text: "zzaddr<index>zz".
ADDRESS_TOKEN = re.compile(r"zzaddr(\d+)zz")

# Where a request is cut into parts: punctuation, dashes and the words that join actions.
_SPLIT = re.compile(
    r"\s*(?:[,;]|\.(?=\s|$)|:(?=\s)|!|\?|\s[-\u2013]\s|\s?(?:->|=>|\u2192|\u21d2|\u2794|\u27a1\ufe0f?"
    # Pointing hands and arrows as emoji ("... kl 9 👉 purring ...").
    r"|\U0001f449|\u261e|\u2b95)\s?|\b(?:og\s+så|og\s+deretter|og\s+etterpå|"
    r"deretter|etterpå|and\s+then|then|followed\s+by|og|and|så|plus|samt|\+)\b)\s*"
)

# "-an" is the definite plural of Trøndelag and northern dialects ("kioskan", "pubban").
_SUFFIXES = ("ene", "ane", "ies", "er", "en", "et", "es", "an", "a", "e", "s")


_DIALECT = {
    # Telling someone: Nynorsk "sei ifrå", Danish "giv besked", dialect "minutta".
    "sei ifrå": "si ifra", "sei i frå": "si ifra", "sei frå": "si fra", "seie ifrå": "si ifra",
    "giv besked": "gi beskjed", "giv": "gi", "besked": "beskjed", "beskeden": "beskjeden",
    "minutta": "minutter", "minuttan": "minuttene",
    # Typed in haste: "hver månde", "alle kundne".
    "månde": "måned", "mnd": "måned", "kundne": "kundene", "kudene": "kundene",
    "leveransrutterna": "leveringsrutene", "leveransrutter": "leveringsruter",
    "leveransrutten": "leveringsruten",
    # Nynorsk: "vanleg ordre", "dei som framleis ikkje har tinga".
    "vanleg": "vanlig", "vanlege": "vanlige", "framleis": "fortsatt", "enda": "ennå",
    "ikkje": "ikke", "ikkj": "ikke", "seinere": "senere", "seinare": "senere", "sia": "siden",
    "seinar": "senere", "daga": "dager", "dagar": "dager", "kem": "hvem", "kæm": "hvem",
    "mangle": "mangler",
    "dagan": "dagene", "dagane": "dagene", "kvar": "hver", "morran": "morgenen",
    "morra": "morgenen", "veka": "uka", "vekene": "ukene", "te": "til", "dei": "de",
    "ennu": "ennå", "enno": "ennå", "kvær": "hver", "kver": "hver", "handla": "handlet",
    "ittj": "ikke", "itj": "ikke", "minuttar": "minutter",
    "ette": "etter", "etta": "etter", "veke": "uke", "veker": "uker", "vekur": "uker",
    "itte": "ikke", "dokker": "dere", "dokk": "dere", "døkk": "dere",
    "ittje": "ikke", "dæm": "dem", "dæ": "de", "tysdag": "tirsdag", "tysdagar": "tirsdager",
    "skulane": "skolene", "skular": "skoler", "kundane": "kundene", "kundar": "kunder",
    "kunderne": "kundene", "senda": "sende", "tel": "til", "ellr": "eller",
    # "om det e fridag": "er" after "det" ("e" alone is also "I").
    "det e": "det er", "dæ e": "det er", "d e": "det er",
    # Short words written without æøå (too short for a one-letter typo): "kvart over atte",
    # "priser pa frukt og gront", "mel og gjaer".
    "atte": "åtte", "pa": "på", "gront": "grønt", "gjaer": "gjær", "maned": "måned",
    "maneden": "måneden", "lordag": "lørdag", "sondag": "søndag", "lordager": "lørdager",
    "sondager": "søndager", "forste": "første", "nar": "når", "fa": "få",
    # Norwegian written with Swedish words ("varje måndag", "till kunder som inte har beställt").
    "varje": "hver", "varannan": "annenhver", "vartannat": "annenhver", "måndag": "mandag",
    "måndagar": "mandager", "tisdag": "tirsdag", "tisdagar": "tirsdager", "onsdagar": "onsdager",
    "torsdagar": "torsdager", "fredagar": "fredager", "lördag": "lørdag", "söndag": "søndag",
    "till": "til", "inte": "ikke", "beställt": "bestilt", "beställa": "bestille",
    "beställer": "bestiller", "beställning": "bestilling", "beställningen": "bestillingen",
    "beställningar": "bestillinger", "vecka": "uke", "veckor": "uker", "veckan": "uka",
    "veckorna": "ukene", "två": "2", "minuter": "minutter", "timmar": "timer", "timme": "time",
    "efter": "etter", "när": "når", "kund": "kunde", "registreras": "registreres",
    "registrerat": "registrert", "registrerad": "registrert", "skicka": "send", "skickas": "sendes",
    "deras": "deres", "vanliga": "vanlige", "fortfarande": "fortsatt", "alla": "alle",
    "direkt": "direkte", "mejl": "mail", "mejlet": "mailen", "samma": "samme",
    "månad": "måned", "månaden": "måneden", "imorgon": "i morgen", "sedan": "siden",
    "och": "og", "därefter": "deretter", "lägg": "legg", "lägger": "legger", "lägga": "legge",
    "senare": "senere", "kommit": "kommet",
    "förhandsbeställning": "forhåndsbestilling", "förhandsbeställningen": "forhåndsbestillingen",
    "inför": "før", "säsong": "sesong", "säsongen": "sesongen", "sommarsäsongen": "sommersesongen",
    "vintersäsongen": "vintersesongen", "bekräftelse": "bekreftelse",
    "bekräftelsen": "bekreftelsen", "orderbekräftelsen": "ordrebekreftelsen",
    "prislistan": "prislista", "läggs": "legges",
    # Danish ("hver anden tirsdag", "efter 3 dage", "når en kunde oprettes").
    "hver anden": "annenhver", "hver andet": "annenhver", "dage": "dager", "dagene": "dagene",
    "uge": "uke", "uger": "uker", "ugen": "uka", "ugerne": "ukene", "oprettes": "opprettes",
    "oprettet": "opprettet", "bliver": "blir", "næste": "neste", "flyt": "flytt",
    "påmindelse": "påminnelse", "påmindelsen": "påminnelsen", "undersøgelse": "undersøkelse",
    "undersøgelsen": "undersøkelsen", "spørgeundersøgelse": "spørreundersøkelse",
    "spørgeundersøgelsen": "spørreundersøkelsen", "skema": "skjema", "skemaet": "skjemaet",
    "bestillingsformular": "bestillingsskjema", "bestillingsformularen": "bestillingsskjemaet",
    "bestillingsformularer": "bestillingsskjemaer", "formular": "skjema",
    "formularen": "skjemaet", "sidste": "siste", "ugens": "ukens", "ugentlig": "ukentlig",
    "påmindelser": "påminnelser", "kunder der": "kunder som", "kunderne der": "kundene som",
    "dem der": "dem som", "de der": "de som", "alle der": "alle som",
    "bestilt noget": "bestilt noe", "endnu": "ennå", "stadig": "fortsatt",
    "bekræftelse": "bekreftelse", "bekræftelsen": "bekreftelsen",
    "ordrebekræftelse": "ordrebekreftelse", "ordrebekræftelsen": "ordrebekreftelsen",
    "nyhedsbrev": "nyhetsbrev", "nyhedsbrevet": "nyhetsbrevet", "hverdage": "hverdager",
    "helligdage": "helligdager", "købt": "kjøpt",
    "køber": "kjøper", "tilbuddet": "tilbudet", "tilbuddene": "tilbudene", "igen": "igjen",
    "lægger": "legger", "lægge": "legge", "læg": "legg", "ind": "inn",
    # Nynorsk ("tilbodet", "vekeordre": the week's order form).
    "timar": "timer", "timane": "timene", "tima": "timer", "timan": "timene",
    "tilbod": "tilbud", "tilbodet": "tilbudet", "tilbods": "tilbuds",
    # Nynorsk "ordrebekrefting(a)", "ordrestadfesting(a)": the order confirmation.
    "ordrebekrefting": "ordrebekreftelse", "ordrebekreftinga": "ordrebekreftelsen",
    "ordrestadfesting": "ordrebekreftelse", "ordrestadfestinga": "ordrebekreftelsen",
    "tilbodsmailen": "tilbudsmailen", "tilbodsmail": "tilbudsmail",
    "tilboda": "tilbudene",
    "vekeordre": "bestillingsskjema", "vekeordren": "bestillingsskjemaet",
    "vekeordra": "bestillingsskjemaet", "ukeordre": "bestillingsskjema",
    "ukeordren": "bestillingsskjemaet", "ukesordre": "bestillingsskjema",
    "ukesordren": "bestillingsskjemaet", "vekeskjema": "bestillingsskjema",
    "vekeskjemaet": "bestillingsskjemaet", "det same": "det samme", "den same": "den samme",
    # German core words ("jeden Montag", "an alle Kunden", "die nicht bestellt haben").
    "montag": "mandag", "dienstag": "tirsdag", "mittwoch": "onsdag", "donnerstag": "torsdag",
    "freitag": "fredag", "samstag": "lørdag", "sonnabend": "lørdag", "sonntag": "søndag",
    "montags": "mandager", "dienstags": "tirsdager", "mittwochs": "onsdager",
    "donnerstags": "torsdager", "freitags": "fredager", "samstags": "lørdager",
    "jeden zweiten": "annenhver", "jede zweite": "annenhver", "jeden": "hver", "jede": "hver",
    "jeder": "hver", "täglich": "daglig", "werktags": "hverdager", "woche": "uke",
    "wochen": "uker", "monat": "måned", "monats": "måneden", "tagen": "dager", "tage": "dager",
    "stunden": "timer", "stunde": "time", "minuten": "minutter", "seit": "siden",
    "an alle kunden": "til alle kunder", "alle kunden": "alle kunder", "an alle": "til alle",
    "an die": "til de", "die nicht": "som ikke", "nicht bestellt haben": "ikke har bestilt",
    "nicht bestellt hat": "ikke har bestilt", "bestellt haben": "har bestilt", "nicht": "ikke",
    "bestellt": "bestilt", "bestellung": "bestilling", "bestellungen": "bestillinger",
    "bestellformular": "bestillingsskjema", "bestellliste": "bestillingsliste",
    "erinnerung": "påminnelse", "preisliste": "prisliste", "bestätigung": "bekreftelse",
    "angebote": "tilbud", "angebot": "tilbud", "rechnung": "faktura", "umfrage": "undersøkelse",
    "willkommensmail": "velkomstmail", "wenn ein neuer kunde": "når en ny kunde",
    "ein neuer kunde": "en ny kunde", "wenn": "når", "kommt": "kommer",
    "nach jeder neuen bestellung": "etter hver nye bestilling", "nach jeder": "etter hver",
    "warten": "vent", "dann": "så", "senden": "send", "und": "og", "oder": "eller",
    "feiertag": "helligdag", "letzten": "siste", "ersten": "første", "ab": "fra",
    "im monat": "i måneden", "im": "i", "kunde bestellt": "kunde bestiller",
    "kunden bestellen": "kunder bestiller", "jemand bestellt": "noen bestiller",
}  # fmt: skip

# Two-letter day names ("ma kl 8", "on og fr", "ti/to kl 14") are ordinary words too ("to",
# "on", "ti"): read as days only right before a time or in a list with another day.
_SHORT_DAYS = {
    "ma": "mandag", "ti": "tirsdag", "on": "onsdag", "to": "torsdag", "fr": "fredag",
    "lø": "lørdag", "sø": "søndag",
}  # fmt: skip
_SHORT = r"(?:ma|ti|on|to|fr|lø|sø)"
_ANY_DAY = (
    r"(?:(?:man|tirs|tys|ons|tors|fre|lør|søn|sun|mon|tues|wednes|thurs|fri|satur)"
    r"(?:dag|day)\w*|man|tirs?|ons|tors?|fre|lør|søn|mon|tue|tues|wed|thu|thurs?|fri|sat|sun|"
    + _SHORT
    + r")"
)
_LIST_SEP = r"\s*(?:,|/|\+|&|-|\u2013|\bog\b|\band\b|\bel\b|\btil\b)\s*"
_SHORT_BEFORE_TIME = re.compile(
    r"(?<![\w:])(?<!\d\s)(?<!fra\s)(?<!from\s)(" + _SHORT + r")\.?(?=\s*(?:kl\b|\d{1,2}:\d{2}\b))"
)
_SHORT_BEFORE_DAY = re.compile(r"(?<![\w:])(" + _SHORT + r")\.?(?=" + _LIST_SEP + _ANY_DAY + r"\b)")
_SHORT_AFTER_DAY = re.compile(
    r"(\b" + _ANY_DAY + r"\b\.?" + _LIST_SEP + r")(" + _SHORT + r")\b\.?(?![\w'])"
)


# "...; tirsdag, onsdag og torsdag kl 12 purring": a list of days that opens a sentence and
# has its time after the last day is one part ("tirsdag/onsdag/torsdag kl 12"), not three.
_LIST_DAY = (
    r"(?:(?:man|tirs|ons|tors|fre|lør|søn|mån|tys|laur)dag(?:en|er|ene)?|(?:mon|tues|wednes|thurs|fri"
    r"|satur|sun)days?|man|mån|tirs?|ons|tors?|fre|lør|søn|mon|tue|tues|wed|weds|thu|thurs?|fri"
    r"|sat|sun)\.?"
)
_DAY_LIST = re.compile(
    r"(?P<list>\b" + _LIST_DAY + r"(?:\s*(?:,|\bog\b|\band\b|&|\+|/)\s*" + _LIST_DAY + r")+)"
    r"(?=\s*(?:kl\b|at\b|@|\d))"
)


# "man ons fre kl 11", "tir tor kl 7": days with only spaces between them, before a time, are
# a list.
_SPACED_DAYS = re.compile(
    r"(?<![\wæøå])(?P<list>" + _LIST_DAY + r"(?:\s+" + _LIST_DAY + r")+)(?=\s*(?:kl\b|at\b|@|\d))"
)


def _spaced_days(m: re.Match[str]) -> str:
    days = m.group("list").split()
    if len(set(days)) < len(days):
        return m.group(0)
    return ", ".join(days[:-1]) + " og " + days[-1]


# "mon-wed-fri": three days or more joined by dashes are a list, not a range.
_DASH_LIST = re.compile(r"\b" + _LIST_DAY + r"(?:-" + _LIST_DAY + r"){2,}(?![\wæøå])")


def _joined_days(m: re.Match[str]) -> str:
    before = m.string[: m.start()].rstrip()
    # "on Tuesdays and Thursdays at 9", "every tue, thu, sat 08:00": days after English "on"
    # or "every" are one list wherever they stand (Norwegian ones are read as a list later).
    listed = re.search(r"\b(?:on|every|each)$", before) is not None
    if before and before[-1] not in ";:.!?([" and not listed:
        return m.group(0)
    days = re.findall(r"[a-zæøå]+", m.group("list"))
    return "/".join(d for d in days if d not in ("og", "and"))


def written_forms(word: str) -> list[str]:
    """The word and the dialect, Danish or Swedish words normalising makes it of ("kundene":
    "kundane", "kunderne"), for finding the words a question quoted in the text as written."""
    word = word.lower()
    return [word, *sorted(k for k, v in _DIALECT.items() if v == word and " " not in k)]


def spoken_forms(text: str) -> str:
    """``text`` (case kept) with dialect words and two-letter day names in their standard
    form ("send det te arendal-kundene" -> "send det til arendal-kundene"), for the readers
    of a follow-up that do not normalise."""
    text = re.sub(
        _DIALECT_WORDS.pattern,
        lambda m: _DIALECT.get(m.group(0).lower(), m.group(0)),
        text,
        flags=re.I,
    )
    # Text-message shorthand ("fjern påm", "flytt skj til tir").
    for pattern, word in _SMS:
        text = re.sub(pattern.pattern, word, text, flags=re.I)
    return _short_days(text)


_SHORT_AFTER_WORD = re.compile(
    r"\b((?:siden|since|sia|hver|every|innen|fram\s+til|until)\s+)(" + _SHORT + r")\b\.?"
    r"(?![\w'])(?!\s+(?:uke\w*|dag\w*|tim\w*|minutt\w*|weeks?|days?|hours?|gang\w*|times?)\b)"
)


# "change the time to 6:30", "move it to 7:15": the English "to" before a time, not Thursday.
_TO_BEFORE_TIME = re.compile(
    r"\b(?:time|times|it|them|this|that|change|changed|move|moved|set|push|pushed|shift|"
    r"earlier|later|forward|back|up|down|send-time|hour)\s+$"
)


def _short_before_time(m: re.Match[str]) -> str:
    if m.group(1) == "to" and _TO_BEFORE_TIME.search(m.string[: m.start()]):
        return m.group(0)
    return _SHORT_DAYS[m.group(1)]


def _short_days(text: str) -> str:
    """ "ma, on og fr kl 06:30" as "mandag, onsdag og fredag kl 06:30"."""
    for _ in range(4):
        before = text
        text = _SHORT_BEFORE_TIME.sub(_short_before_time, text)
        text = _SHORT_BEFORE_DAY.sub(lambda m: _SHORT_DAYS[m.group(1)], text)
        text = _SHORT_AFTER_DAY.sub(lambda m: m.group(1) + _SHORT_DAYS[m.group(2)], text)
        text = _SHORT_AFTER_WORD.sub(lambda m: m.group(1) + _SHORT_DAYS[m.group(2)], text)
        if text == before:
            break
    return text


# Longest first: "jeden zweiten" before "jeden".
_DIALECT_WORDS = re.compile(r"\b(?:" + "|".join(sorted(_DIALECT, key=len, reverse=True)) + r")\b")
_NUMBER_THEN_SENTENCE = re.compile(
    r"(\d)\.(?=\s+(?!(?i:(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-zæøå]*)\b)"
    r"[A-ZÆØÅ])"
)


# "wait 90 minutes, then send ...", "vent 3 døgn og send ...", "vent to dager før du sender ...":
# a delay before the action that follows, read as "N units later".
_WAIT = re.compile(
    r"\b(?:wait|vent|vente|venter)\s+(?:i\s+|for\s+|ca\s+|about\s+|around\s+)?(?P<n>"
    + DEC
    + r"\s*(?:minutt\w*|minutes?|min|timer?|hours?|dag(?:er)?|days?|døgn|uker?|weeks?))\b\s*,?\s*"
    r"(?P<then>og\s+så|og\s+deretter|and\s+then|then|og|and|så|deretter"
    r"|(?P<verb>før\s+(?:du|vi|dere|man)\s+sender|before\s+(?:sending|you\s+send|we\s+send)))?\s*"
)


def _waited(m: re.Match[str]) -> str:
    return f"{m['n']} senere {'send ' if m['verb'] else ''}"


# Greetings and thanks around a request ("hei! ... takk :)", "... Thanks!"): no part of it.
_POLITE = re.compile(
    r"^\s*(?:hei(?:sann)?|hallo|hi|hello|hey|god\s+morgen|good\s+(?:morning|day|afternoon)"
    r"|dear)(?:\s+(?:po|sir|ma'?am|sir\s*/\s*ma'?am|team|all))*\b[\s!,.:]*"
    # Thanks, one or more: "Thank you po!", "Maraming salamat po! God bless", "Tack så mycket".
    r"|(?:[\s,.!?]*\b(?:(?:tusen\s+)?takk(?:\s+(?:på\s+forhånd|for\s+hjelpen|så\s+mye))?"
    r"|thanks(?:\s+(?:a\s+lot|in\s+advance|so\s+much|very\s+much))?"
    r"|thank\s+you(?:\s+(?:so|very)\s+much)?|thx|ty|cheers|mvh|hilsen\s+\w+"
    r"|(?:maraming\s+)?salamat|god\s+bless|tack(?:\s+så\s+mycket)?"
    # ... and an emoji or two after them ("takk 🙏", "thanks 👍").
    r"|have\s+a\s+(?:nice|good|great)\s+day)(?:\s+po)?\b"
    r"[\s!.:;)(\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d]*)+$"
    r"|\s*[:;]-?[)D(]\s*$",
    re.IGNORECASE,
)


# "ønsker vi at ...", "vi vil gjerne at ...", "vi ønsker nå at ...": a wish, which is the request
# itself (what follows is said as a clause: "at skjemaet sendes ...").
_WE_WISH_THAT = re.compile(
    r"\b(?:(?:vi|jeg|eg|me|æ)\s+(?:ønsker|ønskjer|ønske|vil|ville|vill)|(?:ønsker|ønskjer|vil"
    r"|ville)\s+(?:vi|jeg|eg|me|æ))\s+(?:nå\s+|no\s+|gjerne\s+|helst\s+|bare\s+){0,2}at\b"
)
# ", siden de handler inn til helgens kamper", ", slik at de rekker levering før ...", "For at
# kantinene ikke skal gå tomme, ...", ", so that they can plan": why, which asks for nothing
# (no day, time or step of its own); its words would be read as groups or templates.
_REASON = re.compile(
    r"(?P<lead>^|[,;:.!?]\s*)(?P<clause>(?:siden|sidan|fordi|ettersom|slik\s+at|sånn\s+at|så\s+at"
    r"|for\s+at|because|since|so\s+that|as)\s+(?:de|dei|dem|vi|me|det|den|dette|han|hun|ho"
    r"|they|we|it|this|kundene|kundane|customers|the\s+customers|[a-zæøå]+ene)\b"
    r"[^,;.!?]*)(?P<end>,|(?=[;.!?]|$))"
)
_REASON_KEEPS = re.compile(
    r"\d|\b(?:kl|hver|kvar|every|each|send\w*|påminn\w*|purr\w*|remind\w*|helligdag\w*"
    r"|bestilt|handlet|ordered|bought|kjøpt"
    r"|holiday\w*|rød\s+dag|(?:man|tirs|tys|ons|tors|fre|lør|søn)dag(?!er\b|ene\b|ar\b|ane\b)\w*"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
# (A day in the plural, "siden de bestiller på tirsdager", "because they order on Mondays", is
# a habit, which keeps no reason.)


def _reason_dropped(m: re.Match[str]) -> str:
    if _REASON_KEEPS.search(m["clause"]):
        return m.group(0)
    return m["lead"] if m["lead"].strip() else " "


# "Mondays at 8:30 would be great", "det hadde vært fint": politeness, no part of the request.
_WOULD_BE_GREAT = re.compile(
    r"\b(?:that\s+|it\s+|this\s+)?would\s+be\s+(?:really\s+|very\s+|so\s+)?(?:great|perfect|"
    r"lovely|nice|ideal|awesome|amazing|fantastic|wonderful|brilliant|helpful|appreciated)\b"
    r"|\b(?:det\s+)?hadde\s+vært\s+(?:veldig\s+)?(?:fint|flott|supert|topp|kjekt)\b"
)
# "an email to salg@... listing who's still missing", "en e-post til leder@... med en liste over
# hvem som mangler": a report to that address (read after the addresses are set aside).
_LISTING_EMAIL = re.compile(
    r"\b(?:an?\s+|en\s+|ei\s+)?(?:e-?mail|mail|e-post|epost|melding|message)\s+(til|to)\s+"
    r"(zzaddr\d+zz)\s+(?:listing|that\s+lists|which\s+lists|with\s+a\s+list\s+of|showing|"
    r"med\s+(?:en\s+)?(?:liste|oversikt)\s+over|som\s+viser|som\s+lister\s+opp|"
    r"med\s+(?:alle\s+)?(?:de\s+)?som)\b"
)
_ORDINALS = {
    "første": 1, "fyrste": 1, "andre": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
    "sjuende": 7, "syvende": 7, "åttende": 8, "niende": 9, "tiende": 10, "ellevte": 11,
    "tolvte": 12, "femtende": 15, "tjuende": 20, "first": 1, "second": 2, "third": 3,
    "fourth": 4, "fifth": 5, "tenth": 10, "fifteenth": 15, "twentieth": 20,
    "trettende": 13, "fjortende": 14, "sekstende": 16, "syttende": 17, "attende": 18,
    "nittende": 19, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
_ORDINAL_DAY_OF_MONTH = re.compile(
    r"\b(den|the|on\s+the)\s+(" + "|".join(_ORDINALS) + r")\b"
    r"(?!\s+(?:\w*dag\w*|\w*day\w*|uke\w*|week\w*|gang|time|av"
    # "den femtende i hver måned", "the fifteenth of every month": a day of the month.
    r"|(?:of|i|in|hver|every|each)\b(?!\s+(?:(?:hver|every|each|the)\s+)?(?:måned|month|mnd))"
    r"|hver\w+|[a-zæøå]*(?:virke|hverdag|business|working)\w*|steg\w*|step\w*|mail\w*"
    r"|e-?post\w*|purr\w*|påminn\w*|remind\w*|melding\w*|message\w*))"
)
_TEA = re.compile(
    r"\b(?P<before>og|and|kaffe|urte|grønn|svart|iste|chai)\s+te\b"
    r"(?!\s+(?:alle|de|dem|dei|kundan\w*|butikk\w*|hotell\w*|kontor\w*))"
    r"|\bte\b(?=\s+(?:og|and|eller)\s+(?:kaffe|kakao|sjokolade|kjeks|kaker)\b)"
)
# "mandag, onsdag og fredag, alle dager kl 10", "Mon, Wed and Fri, all three days at 10": the
# days listed, not every day.
_ALL_THOSE_DAYS = re.compile(
    r"(?P<list>\b" + _LIST_DAY + r"(?:\s*(?:,|\bog\b|\band\b|&|\+|/)\s*" + _LIST_DAY + r")+)"
    r"\s*,?\s*(?:(?:og|and|på|on)\s+)?(?:alle|begge|hver\s+av|all|both|each\s+of|every\s+one\s+of)"
    r"\s+(?:(?:de|disse|dei|the|those|these)\s+)?(?:(?:to|tre|fire|fem|two|three|four|five)\s+)?"
    r"(?:dager|dagene|dagane|dagan|dagar|days|dagene)\b"
)
# "mandag 0900", "tors 1500", "kl 0730": four digits after a day or "kl" are a time.
_FOUR_DIGIT_TIME = re.compile(
    r"\b((?:kl|at|daglig|dagleg|daily|(?:man|tirs|tys|ons|tors|fre|lør|søn)(?:dag(?:en|er)?)?|"
    r"tir|tor|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|ma|ti|on|to|fr)\s+)"
    r"([01]\d|2[0-3])([0-5]\d)\b"
)


_HOURS = {
    "ett": 1, "eitt": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
    "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14,
    "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19, "tjue": 20,
}  # fmt: skip
_OR_HOUR_WORD = re.compile(
    r"\b(kl\s+(?:halv\s+[a-zæøå]+|\d{1,2}(?::\d{2})?)\s+(?:eller|elle|or|el\.?)\s+)(?:kl\s+)?("
    + "|".join(sorted(_HOURS, key=len, reverse=True))
    + r")\b(?!\s*(?:dag\w*|tim\w*|min\w*|uk\w*|veker?))"
)
_HOUR_WORD = re.compile(r"\bkl\s+(" + "|".join(sorted(_HOURS, key=len, reverse=True)) + r")\b")
# The minutes of a dictated time, said as words after its hour ("sju tretti", "femten
# førtifem", "åtte null null"); not "ti" (a day's short name) nor "to"/"fem" (counts).
_MINUTES_SAID = {
    "null null": 0, "null fem": 5, "femten": 15, "tjue": 20, "tjuefem": 25, "tretti": 30,
    "tredve": 30, "trettifem": 35, "førti": 40, "førtifem": 45, "femti": 50, "femtifem": 55,
}  # fmt: skip
_SPOKEN_MINUTES = re.compile(
    r"\bkl\s+(\d{1,2})\s+(" + "|".join(sorted(_MINUTES_SAID, key=len, reverse=True)) + r")\b"
    r"(?!\s*(?:dag\w*|tim\w*|min\w*|uk\w*|ganger))"
)
#: The clocks changing: "etter at klokka er stilt (tilbake)", "after the clocks go back", "når vi
#: går over til vintertid", "once summer time ends" (after "klokka" is "kl").
CLOCKS_CHANGE = (
    r"(?:(?:etter\s+at|etter|når|after|once|when)\s+(?:kl|the\s+clocks?|klokkene|klokkane|klokka)"
    r"\s+(?:er\s+|e\s+|blir\s+|har\s+blitt\s+|are\s+|have\s+been\s+|has\s+been\s+|is\s+)?"
    r"(?:stilt|stilles|satt|changed?|put|turned|gone|go|went|goes)(?:\s+(?P<dir>tilbake|fram"
    r"|frem|back|forward))?"
    r"|(?:etter\s+at\s+|after\s+|once\s+|when\s+|når\s+)?(?:vi|me|we)\s+(?:går|gå|har\s+gått"
    r"|switch|go|change|move)\s+(?:over\s+)?(?:til|to)\s+(?P<season>vintertid\w*|sommertid\w*"
    r"|winter\s*time|summer\s*time)"
    r"|(?:etter\s+at|når|after|once|when)\s+(?P<ends>summer\s*time|sommertid\w*|daylight\s+saving"
    r"(?:\s+time)?|dst)\s+(?:ends|er\s+slutt|e\s+slutt|slutter|is\s+over|er\s+over))"
)
# "..., og ja, klokka 9 òg etter at klokka e stilt", "also after the clocks go back": a wall-clock
# time stays when the clocks change, a remark that asks for nothing.
_SAME_AFTER_CLOCKS = re.compile(
    r"(?:[,;]\s*)?(?:\b(?:og|and)\s+)?(?:\b(?:ja|jo|yes|yep)\b\s*,?\s*)?"
    r"(?:\b(?:kl|at)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?\s+)?\b(?:også|òg|og\s+så|au|too|also"
    r"|even|still)\s+" + CLOCKS_CHANGE + r"(?![\wæøå])"
)
# "send ikke skjemaet, men tilbudsmailen, til ...", "don't send the menu but the offer to ...":
# what is not sent is swapped for what is (a group or day the same: "send ikke til X, men Y").
_NOT_THIS_BUT = re.compile(
    r"\b(?:(?P<verb>send|sende|skicka|mail)\s+(?:ikke|ikkje|itj|inte|not)|(?:don'?t|do\s+not"
    r"|ikke|ikkje|itj)\s+(?P<verb2>send|sende|mail))\s+(?!(?:noe|noko|noget|något|anything"
    r"|nothing)\b)[^,.;:!?]{2,50}?\s*,?\s+(?:men|but|mén)"
    r"\s+(?:heller\s+|rather\s+|instead\s+|i\s+stedet\s+)?(?P<that>[^,.;:!?]+?)"
    r"(?P<comma>\s*,\s*(?=(?:til|te|to)\b))?(?=[,.;:!?]|$|\s+(?:til|te|to)\b)"
)


def _but_that(m: re.Match[str]) -> str:
    return f"{m['verb'] or m['verb2']} {m['that']}" + (" " if m["comma"] else "")


# "skjema alle ons 9 / påminnelse tor / fast ordre fre 10": a slash between spaces, not between
# two days ("man / ons") nor two numbers, parts a dictated or copied chain.
_SLASH_DAY = (
    r"(?:man|mån|tir|tirs|tys|ons|tor|tors|fre|lør|søn|mon|tue|wed|thu|fri|sat|sun|ma|ti|on|to|fr"
    r"|[a-zæøå]+dag(?:en|er)?|[a-z]+days?)"
)
_PARTS_BY_SLASH = re.compile(r"\s+/\s+(?!\d)(?!" + _SLASH_DAY + r"\b)")
# "hver hverdag kl 7 ..., men ikke på fredager", "alle hverdager unntatt mandag", "every
# weekday except Wednesday": the working days listed without the ones left out.
_WEEK_ORDER = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_DAY_STEM_OF = {
    "man": 0, "mån": 0, "mon": 0, "tirs": 1, "tys": 1, "tues": 1, "tue": 1, "ons": 2,
    "wednes": 2, "wed": 2, "tors": 3, "thurs": 3, "thu": 3, "fre": 4, "fri": 4,
}  # fmt: skip
_EXCEPT_DAY = (
    r"(?:man|mån|mon|tirs|tys|tues|tue|ons|wednes|wed|tors|thurs|thu|fre|fri)"
    r"(?:dag(?:en|er|ene|ar|ane|s)?|days?)?"
)
_WEEKDAYS_BUT = re.compile(
    r"\b(?:(?:hver|kvar|alle|every|all|on|på)\s+)?(?:hverdag(?:er|ene|e)?|kvardag(?:ar|ane)?"
    r"|vardag(?:ar|ane)?|ukedag(?:er|ene)?|vekedag(?:ar|ane)?|weekdays?|working\s+days)\b"
    r"(?P<mid>[^.;!?]{0,80}?)\s*,?\s*(?:men\s+|but\s+)?(?P<word>ikke|ikkje|itj|not|never|aldri|except"
    r"|but|apart\s+from|other\s+than"
    r"|unntatt|untatt|bortsett\s+fra|utenom|utanom|unntaken|undtagen|untagen)\s+(?:(?:on|på|om|for)\s+)?"
    r"(?:(?:a|en|ein)\s+)?(?P<days>"
    + _EXCEPT_DAY
    + r"(?:\s*(?:,|og|and|eller|or|&)\s*"
    + _EXCEPT_DAY
    + r")*)\b"
)


def _weekdays_but(m: re.Match[str]) -> str:
    if (
        m["word"] == "but"
        and re.search(r",\s*but\s+\S+$", m.group(0))
        and re.match(r"\s*(?:at|kl|@|\d|send|the|a)\b", m.string[m.end() :])
    ):
        return m.group(0)  # "..., but Friday at 7 send the form": another step, not an exception
    left_out = set()
    for day in re.findall(_EXCEPT_DAY, m["days"]):
        stem = re.match(r"[a-zæøå]+?(?=dag|day|$)", day)
        left_out.add(_DAY_STEM_OF.get(stem.group(0) if stem else day, -1))
    kept = [_WEEK_ORDER[i] for i in range(5) if i not in left_out]
    if not kept or -1 in left_out:
        return m.group(0)
    days = kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + " og " + kept[-1]
    return f"hver {days}{m['mid']}"


# "hver dag unntatt søndag", "alle dager utenom lørdag og søndag", "every day except Sunday",
# "daily but not Saturdays": the days of the week listed without the ones left out.
_ALL_DAY_STEMS = {
    **_DAY_STEM_OF, "lør": 5, "laur": 5, "lau": 5, "sat": 5, "satur": 5, "søn": 6, "sun": 6,
}  # fmt: skip
_ANY_EXCEPT_DAY = (
    r"(?:man|mån|mon|tirs|tys|tues|tue|ons|wednes|wed|tors|thurs|thu|fre|fri|lør|laur|lau|satur"
    r"|sat|søn|sun)(?:dag(?:en|er|ene|ar|ane|s)?|days?)?"
)
_EVERY_DAY_BUT = re.compile(
    r"\b(?:(?:hver|kvar|alle|every|each)\s+(?:dag|dager|dagar|days?)|daily|daglig|dagleg)\b"
    r"(?P<mid>(?:\s+kl\s+\d{1,2}(?::\d{2})?)?)\s*,?\s*(?:men\s+|but\s+)?(?:ikke|ikkje|itj|not"
    r"|except(?:\s+for)?|unntatt|untatt|bortsett\s+fra|utenom|utanom|unntaken)\s+"
    r"(?:(?:on|på|om|for)\s+)?(?P<days>"
    + _ANY_EXCEPT_DAY
    + r"(?:\s*(?:,|og|and|&)\s*"
    + _ANY_EXCEPT_DAY
    + r")*)\b"
)


def _every_day_but(m: re.Match[str]) -> str:
    left_out = set()
    for day in re.findall(_ANY_EXCEPT_DAY, m["days"]):
        stem = re.match(r"[a-zæøå]+?(?=dag|day|$)", day)
        left_out.add(_ALL_DAY_STEMS.get(stem.group(0) if stem else day, -1))
    kept = [_WEEK_ORDER[i] for i in range(7) if i not in left_out]
    if not kept or -1 in left_out or len(kept) == 7:
        return m.group(0)
    days = kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + " og " + kept[-1]
    return f"hver {days}{m['mid']}"


# "kvart over åtte", "ti på tolv", "fem på halv ni", "tjue over 7": minutes before or after
# an hour (or a half hour) said in words; read before "kl ti" is taken for 10:00.
_MINUTE_WORDS = {"fem": 5, "ti": 10, "kvart": 15, "tjue": 20, "5": 5, "10": 10, "20": 20}
_CLOCK_WORDS = re.compile(
    r"\b(?:kl\s+)?(?P<min>fem|ti|kvart|tjue|5|10|20)\s+(?P<dir>over|på)\s+(?:(?P<half>halv)\s+)?"
    r"(?P<hour>" + "|".join(sorted(_HOURS, key=len, reverse=True)) + r"|\d{1,2})\b"
    r"(?!\s*(?:dag\w*|days?|tim\w*|hours?|min\w*|uk\w*|weeks?|[.:]\d))"
)


def _clock_words(m: re.Match[str]) -> str:
    hour = _HOURS.get(m["hour"]) or int(m["hour"])
    if not 0 < hour <= 24:
        return m.group(0)
    minutes = hour * 60 - (30 if m["half"] else 0)
    minutes += _MINUTE_WORDS[m["min"]] * (1 if m["dir"] == "over" else -1)
    if minutes < 6 * 60:
        # "tjue på ett": said on a twelve-hour clock, in working hours (12:40, not 00:40).
        minutes += 12 * 60
    return f"kl {minutes // 60 % 24}:{minutes % 60:02d}"


# "half past eight", "a quarter to nine", "ten past 7": the same said in English.
_EN_HOURS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_EN_MINUTES = {"five": 5, "ten": 10, "quarter": 15, "twenty": 20, "half": 30}
_EN_CLOCK_WORDS = re.compile(
    r"\b(?:at\s+)?(?:a\s+)?(?P<min>five|ten|quarter|twenty|half|\d{1,2})\s+(?P<dir>past|after|to)\s+"
    r"(?P<hour>" + "|".join(sorted(_EN_HOURS, key=len, reverse=True)) + r"|\d{1,2})\b"
    r"(?!\s*(?:days?|hours?|min\w*|weeks?|[.:]\d))"
)


# British "half nine": half past nine. After "at" or before am/pm only, so that "half an
# hour" or "half 9 weeks" is no time.
_EN_HALF_HOUR = re.compile(
    r"\b(?:(?P<at>at|from|by)\s+half\s+(?P<hour>"
    + "|".join(sorted(_EN_HOURS, key=len, reverse=True))
    + r"|\d{1,2})(?:\s*(?P<ampm>am|pm))?|half\s+(?P<hour2>"
    + "|".join(sorted(_EN_HOURS, key=len, reverse=True))
    + r"|\d{1,2})\s*(?P<ampm2>am|pm))\b(?!\s*(?:days?|hours?|min\w*|weeks?|[.:]\d))"
)


def _en_half_hour(m: re.Match[str]) -> str:
    said = m["hour"] or m["hour2"]
    hour = _EN_HOURS.get(said) or int(said)
    ampm = m["ampm"] or m["ampm2"]
    if not 0 < hour <= 12:
        return m.group(0)
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm is None and hour < 6:
        hour += 12  # "at half two": in working hours
    return f"{m['at'] + ' ' if m['at'] else ''}kl {hour}:30"


_EN_MINUTES_SAID = {
    "oh five": 5, "fifteen": 15, "twenty": 20, "twenty five": 25, "thirty": 30,
    "thirty five": 35, "forty": 40, "forty five": 45, "fifty": 50, "fifty five": 55,
}  # fmt: skip
_EN_SPOKEN_TIME = re.compile(
    r"\bat\s+(?P<h>"
    + "|".join(sorted(_EN_HOURS, key=len, reverse=True))
    + r")\s+(?P<m>"
    + "|".join(sorted((k.replace(" ", "[\\s-]") for k in _EN_MINUTES_SAID), key=len, reverse=True))
    + r")\b(?!\s*(?:minutes?|hours?|days?|weeks?))"
)


def _en_clock_words(m: re.Match[str]) -> str:
    hour = _EN_HOURS.get(m["hour"]) or int(m["hour"])
    said = m["min"]
    step = _EN_MINUTES.get(said) or int(said)
    if not 0 < hour <= 24 or not 0 < step < 60 or (m["dir"] == "to" and step == 30):
        return m.group(0)
    if said.isdigit() and m["dir"] != "past":
        return m.group(0)  # "5 to 10 orders", "2 after 3" are not times
    minutes = hour * 60 + step * (-1 if m["dir"] == "to" else 1)
    if minutes < 6 * 60:
        minutes += 12 * 60
    return f"kl {minutes // 60 % 24}:{minutes % 60:02d}"


# "Lang dag her, juletrærne kom endelig ... Uansett - kunne dere ...", "Busy week! Anyway, could
# you ...": what comes before "uansett" / "anyway" is small talk, when it says no day or time.
_SMALL_TALK_END = re.compile(
    r"(?:^|(?<=[\s.!?,;:]))(?:uansett|anyway|anyways|i\s+alle\s+fall|iallfall|til\s+saken"
    r"|over\s+til\s+saken|back\s+to\s+business|but\s+anyway|men\s+uansett)\b\s*[-\u2013\u2014:,.!]*\s+",
    re.IGNORECASE,
)
_SAYS_WHEN = re.compile(
    r"\d|\b(?:man|tirs|tys|ons|tors|fre|lør|søn|mon|tues|wednes|thurs|fri|satur|sun)(?:dag|day)"
    r"|\b(?:hver|kvar|every|each|daily|daglig|weekly|ukentlig)\b",
    re.IGNORECASE,
)


# Filler words of dictated text, with the comma that may follow them.
_FILLER = re.compile(r"(?<![\wæøå])(?:e+h+m*|ø+h+m*|æ+h+m*|hm+|liksom|altså|asså|typ)\b,?")


# ", it is ski season", ", det er høysesong nå", ", summer is busy": a remark on the season or
# the workload between pauses, which asks for nothing (its "season" is no template).
_CHATTER = re.compile(
    r"(?:^|[,.;!]|\s-)\s*(?:(?:since|because|as|siden|fordi|for)\s+)?(?:it\s+is|it's|its|det\s+er"
    r"|det\s+e|nå\s+er\s+det|no\s+er\s+det|we\s+are\s+in|vi\s+er\s+i)\s+(?:[\wæøå-]+\s+){0,2}?"
    r"(?:season|sesong\w*|høysesong\w*|lavsesong\w*|travelt|travel|busy|hectic)"
    r"(?:\s+(?:now|nå|no|again|igjen|time))?\s*(?=[,.;!]|$)"
    r"|(?:^|[,.;!])\s*(?:[\wæøå]+\s+)?(?:is|er|blir)\s+(?:very\s+|veldig\s+|so\s+|så\s+)?"
    r"(?:busy|hectic|travel|travelt)\s*(?=[,.;!]|$)"
)


# The end of a dictated request ("... og så er det det", "og så er det alt", "det var alt",
# "and that's it", "that's all"): it asks for nothing.
_DICTATION_END = re.compile(
    r"[\s,.;]*\b(?:(?:og\s+så|og|å\s+så|and|so)\s+)?(?:så\s+)?(?:er\s+det\s+(?:det|alt)"
    r"|e\s+det\s+(?:det|alt)|det\s+var\s+(?:det|alt)|det\s+e\s+alt|var\s+det\s+(?:det|alt)"
    r"|that'?s\s+(?:it|all)|that\s+is\s+(?:it|all))\s*(?:[.!]+\s*)?(?:takk\W*|thanks\W*)?$"
)
# "hver dag kl 7 ..., ikke i helgene", "every day at 7 ... but not at weekends": every
# working day (the weekend left out of "every day", not a weekend named).
_EVERY_DAY_NOT_WEEKENDS = re.compile(
    r"\b(?P<every>hver\s+dag|kvar\s+dag|alle\s+dager|daglig|dagleg|every\s+day|daily)\b"
    r"(?P<mid>[^;.!?]{0,100}?)[\s,]*(?:men\s+|but\s+)?(?:ikke|ikkje|itj|not|never|aldri)\s+"
    r"(?:(?:i|på|om|on|at|in|during|over|the)\s+)*(?:helg(?:a|en|ene|ane)?|weekends?)\b"
)


def _every_working_day(m: re.Match[str]) -> str:
    english = m["every"] in ("every day", "daily")
    return ("every weekday" if english else "hver hverdag") + m["mid"]


# "Forget the summer bit", "dropp det med sommeren", "all year round", "hele året": a season
# taken back, and the whole year (which every schedule is) said, ask for nothing.
_SEASON_DROPPED = re.compile(
    r"[\s,.;]*\b(?:forget|drop|skip|ignore|never\s+mind|glem|dropp|drit\s+i|se\s+bort\s+fra)\s+"
    r"(?:about\s+)?(?:the\s+|det\s+med\s+|den\s+|det\s+)?(?:summer|sommer|sommaren|winter|vinter"
    r"|season|sesong)\w*(?:\s+(?:bit|part|thing|delen|biten|greia|bitet))?\b[\s,.;]*"
    r"|\b(?:all\s+(?:the\s+)?year(?:\s+round)?|year[-\s]round|(?:hele|heile)\s+(?:året|åre)"
    r"(?:\s+rundt)?)\b"
)


# "those who haven't ordered by then", "som ikke har bestilt innen da": since the chain began
# (which a later step's check is), and no "then" parting the chain.
_ORDERED_BY_THEN = re.compile(
    r"\b(ordered|order|bestilt|bestilla|tinga)\s+(?:anything\s+|noe\s+)?(?:by\s+then"
    r"|by\s+that\s+time|innen\s+da|innen\s+den\s+tid|til\s+da|før\s+den\s+tid)\b"
)


# A dictated run-on's "og så" before a restriction ("..., og så ikke i helgene"): a comma.
_AND_THEN_NOT = re.compile(
    r"\s+(?:og\s+så|og\s+da|and\s+then)\s+(?=(?:ikke|ikkje|not|aldri|never)\b)"
)


# "oversikten over hva boksene og hanskene koster nå", "a list of what the wines cost": what
# things cost is the price list (its "og" joins no two actions; "oversikt" is no report).
_WHAT_IT_COSTS = re.compile(
    r"\b(?:(?:en|ei|an?|the)\s+)?(?:oversikt\w*|liste\w*|list|overview|summary|sheet)\s+"
    r"(?:over|of|med|with|på)\s+(?:hva|what|kva|ka|how\s+much)\s+(?:[\wæøå-]+\s+){0,6}?"
    r"(?:koster|kostar|costs?)(?:\s+(?:nå|no|now|today|i\s+dag|for\s+tiden))?\b"
    # "oversikten over prisene våre", "an overview of our current prices": the prices listed.
    r"|\b(?:(?:en|ei|an?|the)\s+)?(?:oversikt\w*|overview|summary|sheet|liste\w*|list)\s+"
    r"(?:over|of|med|with|på)\s+(?:(?:våre|vår|dine|our|the|current|nye|new|gjeldende|dagens"
    r"|today's)\s+){0,2}(?:priser\w*|prisene|prisane|prisa|prices|pricing)"
    r"(?:\s+(?:våre|vår|nå|no|now|today|i\s+dag))?\b"
)


def _small_talk_dropped(text: str) -> str:
    m = _SMALL_TALK_END.search(text)
    if m is None or m.start() == 0 or _SAYS_WHEN.search(text[: m.start()]):
        return text
    rest = text[m.end() :]
    return rest if _SAYS_WHEN.search(rest) else text


# Text-message shorthand ("skj t/ verksted hv fre kl6", "påm2 tor 15 t/ de som ikke har best"):
# the words it stands for. "best" only as the participle after "har" / "ikke".
_SMS = (
    (re.compile(r"(?<![\w/])t/(?=\s)"), "til"),
    (re.compile(r"(?<![\w/])f/(?=\s)"), "for"),
    # "send skjema t bedriftene": a lone "t" before whom.
    (
        re.compile(r"(?<=\s)t(?=\s+(?:de|dei|dem|alle|all|the|[a-zæøå]{3,}(?:ene|ane|erne|a)\b))"),
        "til",
    ),
    (re.compile(r"\bskj\b\.?"), "skjema"),
    (re.compile(r"\bpåm\d?\b\.?|\bpurr\d?\b\.?"), "påminnelse"),
    (re.compile(r"\bhv\b\.?"), "hver"),
    (re.compile(r"\b(har|ikke|ikkje|not)\s+best\b\.?"), r"\1 bestilt"),
    (re.compile(r"\bbest\.?(?=\s+siden\b)"), "bestilt"),
    (re.compile(r"\bkl(\d{1,2})\b"), r"kl \1"),
)
# Pseudo-code identifiers ("send(order_form, car_washes)", "report(weekly_orders)"): their
# words, apart; not a report's own key, which the report reader takes as written.
_IDENTIFIER = re.compile(r"(?<![\w.@])([a-zæøå]{2,}(?:_[a-zæøå]{2,})+)(?![\w@])")


def _sms_words(text: str) -> str:
    for pattern, word in _SMS:
        text = pattern.sub(word, text)
    # "send(order_form, car_washes)", "notify(drivers)": what, to whom; whom.
    text = re.sub(
        r"\b(send|email|mail|remind)\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)",
        r"\1 \2 to \3 ",
        text,
    )
    text = re.sub(r"\b(notify|varsle|tell|alert|send|report)\(\s*([^,()]+?)\s*\)", r"\1 \2 ", text)
    # "wait 1h", "vent 2t": hours.
    text = re.sub(r"\b(wait|vent)\s+(\d+)\s*h\b", r"\1 \2 hours", text)
    text = re.sub(r"\b(vent)\s+(\d+)\s*t\b", r"\1 \2 timer", text)
    # "for day in [tue, thu, sat]: 08:00 send(...)": on each day of the list.
    text = re.sub(r"\bfor\s+(?:each\s+)?\w+\s+in\s+\[([^\]]*)\]\s*:?", r" every \1 ", text)
    text = text.replace("[", " ").replace("]", " ")
    return _IDENTIFIER.sub(lambda m: m.group(1).replace("_", " "), text)


_ABOUT_TWO_THINGS = re.compile(
    r"\b(?P<mail>mail\w*|e-?post\w*|email|brev\w*|melding\w*|message)\s+(?P<about>om|about|on)\s+"
    r"(?P<a>[a-zæøå]{3,})\s+(?:og|and|&)\s+(?P<b>[a-zæøå]{3,})\b"
)
# Words after "og" that begin another part ("mailen om tilbud og send purring fredag").
_NOT_A_THING = frozenset(
    """send sende sendes gi legg lag si varsle notify remind tell then så purring påminnelse
    reminder skjema ordre order form deretter etterpå også also til to alle all""".split()
)


def _about_two_things(m: re.Match[str]) -> str:
    if m["b"] in _NOT_A_THING or m["a"] in _NOT_A_THING or re.match(r"\w+dag|\w+day", m["b"]):
        return m.group(0)
    return f"{m['mail']} {m['about']} {m['a']}/{m['b']}"


_BULLET = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*\u2022])\s+")
# A list line that only says whom ("- til skolene", "- to the hotels"), only when ("- hver
# mandag kl 11", "- med en gang", "- immediately") or only the event ("- hendelse: x-y"): a
# field of the one request the list spells out, not a step of its own.
_WHOM_LINE = re.compile(r"(?i)^(?:til|te|to|for|mottakere?|recipients?)\s*:?\s+\S")
_WHEN_LINE = re.compile(
    r"(?i)^(?:(?:hver|kvar|every|each|alle|on|at|på|om|kl|klokka|klokken|i|in|the|den|og|and"
    r"|fra|from|starting|første|gang|dager|days?|uke|week|,|\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm))?"
    r"|am|pm|noon|[a-zæøå]+dag(?:er|en|ar|ane|s)?|[a-z]+days?)\s*)+$"
    r"|^(?:med\s+(?:en|ein)\s+gang|med\s+det\s+samme|straks|umiddelbart|immediately"
    r"|straight\s+away|right\s+away|at\s+once|asap)\W*$"
)
_EVENT_LINE = re.compile(
    r"(?i)^(?:hendelse|hending|event|trigger|utløser)\s*:\s*(?P<event>\S.*?)\W*$"
)


def _list_as_one_request(text: str) -> str:
    """A list whose lines are the fields of one request ("- oppskrifter på desserter / - til
    skolene / - hver mandag kl 11"): its whom, when and event lines joined to the line
    before, so that only lines saying what is done part it."""
    lines = [line for line in text.split("\n") if line.strip()]
    if sum(bool(_BULLET.match(line)) for line in lines) < 2:
        return text
    out: list[str] = []
    for line in lines:
        bare = _BULLET.sub("", line).strip()
        event = _EVENT_LINE.match(bare)
        if event:
            english = event[0].lower().startswith(("event", "trigger"))
            out.append(
                f"when {event['event']} comes in," if english else f"når {event['event']} kommer,"
            )
        elif out and (_WHOM_LINE.match(bare) or _WHEN_LINE.match(bare)):
            out[-1] = f"{out[-1]} {bare}"
        else:
            out.append(line)
    if len(out) > 1 and out[0].endswith(","):
        out[:2] = [f"{_BULLET.sub('', out[0])} {_BULLET.sub('', out[1])}"]
    return "\n".join(out)


# A filled-in form, "Hva: skjema / Når: mandag kl 8 / Til: alle" (fields split by " / ", "|"
# or lines): the labels are no words of the request.
_FORM_FIELD = re.compile(
    r"(?:^|\s*(?:/|\||\n)\s*)(?P<label>hva|what|når|naar|when|til|to|mottakere?|recipients?)"
    r"\s*:\s*",
    re.IGNORECASE,
)
_FORM_LABELS = {
    "hva": "what", "what": "what", "når": "when", "naar": "when", "when": "when", "til": "to",
    "to": "to", "mottaker": "to", "mottakere": "to", "recipient": "to", "recipients": "to",
}  # fmt: skip
_FORM_THEN = re.compile(r"\s*(?:,\s*(?:og\s+)?(?:så|then|deretter)|,\s*and\s+then|;)\s+", re.I)


def _form_as_sentence(text: str) -> str:
    """A filled-in form as one request: each thing it sends with its whom and its when
    ("Hva: skjema, så påminnelse / Når: mandag 8, påminnelse onsdag 13 / Til: alle" ->
    "skjema til alle mandag 8. påminnelse til alle onsdag 13")."""
    marks = list(_FORM_FIELD.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return text
    fields: dict[str, str] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        fields[_FORM_LABELS[m["label"].lower()]] = text[m.end() : end].strip(" .")
    if "what" not in fields or "when" not in fields or len(fields) != len(marks):
        return text
    whom = f" til {fields['to']}" if fields.get("to") else ""
    whats = _FORM_THEN.split(fields["what"])
    whens = re.split(r"\s*[,;]\s+", fields["when"])
    if len(whats) > 1 and len(whats) == len(whens):
        parts = []
        for what, when in zip(whats, whens, strict=True):
            first = when.split(" ", 1)
            # "påminnelse onsdag 13:00": the when repeats what it is of.
            if len(first) == 2 and first[0][:5].lower() == what.split(" ", 1)[0][:5].lower():
                when = first[1]
            parts.append(f"{what}{whom} {when}")
        return ". ".join(parts)
    return f"{fields['what']}{whom} {fields['when']}"


_CHOICE_DECIDED = re.compile(
    r"\b(?:kl|at)?\s*\d{1,2}(?:[:.]\d\d)?\s+(?:eller|or)\s+(?:kl\s*)?\d{1,2}(?:[:.]\d\d)?"
    r"\s*(?:=>|->|\u2192|\u21d2)\s*((?:kl|at)?\s*\d{1,2}(?:[:.]\d\d)?)\b"
)


_NO_SUCH_STEP = re.compile(
    r"(?:^|(?<=[.;!?]))\s*(?:ingen|no)\s+(?:påminnelse\w*|påminning\w*|purring\w*|reminders?)"
    r"\s*(?:[,.;!]?\s*(?:men|but)\b|[.;!]|$)"
)


def normalise(text: str) -> tuple[str, list[str]]:
    """Lower case, one space, "kl." / "klokka" as "kl", "16.00" as "16:00", ordinals without
    their dot; e-mail addresses replaced by ``zzaddr<n>zz`` and returned."""
    emails: list[str] = []

    def keep(match: re.Match[str]) -> str:
        emails.append(match.group(0).rstrip("."))
        return f" zzaddr{len(emails) - 1}zz "

    # A request written as a letter: its greeting, small talk and signature are left out.
    text = _EMAIL.sub(keep, the_request(_form_as_sentence(text.strip())))
    text = _small_talk_dropped(text)
    text = _POLITE.sub("", text).strip() or text
    # A list, one step a line ("1) mandag kl 7: ...", "- Wed 12:00 ..."): each line a part.
    if "\n" in text:
        text = _list_as_one_request(text)
        text = re.sub(r"(?m)^\s*(?:\d{1,2}[.)]|[-*\u2022])\s+", "", text)
        # "Til: kunden", "To: the farms": whom, as a field of the list.
        text = re.sub(r"(?im)^\s*(til|te|to)\s*:\s*", r"\1 ", text)
        text = re.sub(r"\s*\n+\s*", " ; ", text)
    # "1) ... 2) ..." and "(1) ... (2) ..." on one line.
    text = re.sub(r"(?:^|(?<=\s))\(?\d{1,2}\)\s+", " ; ", text)
    # "... Wednesday at 10. Friday 2pm: ...": a full stop after a number ends a sentence when
    # a capital follows (not a month: "den 17. Mai"); an ordinal's dot is dropped below.
    text = _NUMBER_THEN_SENTENCE.sub(r"\1 .", text)
    text = text.lower()
    text = _sms_words(text)
    # "Ingen påminnelse, men ...", "No reminder.": a sentence that says a step is not wanted
    # (and that nothing else is said of it) asks for no step.
    text = _NO_SUCH_STEP.sub(" ", text)
    # "@daglig leder", "til daglig leder": the general manager, a person, never "daily".
    text = re.sub(r"\bdaglig\s+(leder|lederen|leiar|leiaren)\b", r"\1", text)
    # "kl 8 eller 9 => kl 9": a choice and, after an arrow, what was chosen.
    text = _CHOICE_DECIDED.sub(r"\1", text)
    text = unglued(text)
    text = _CHATTER.sub(" ", text)
    text = _DICTATION_END.sub("", text)
    text = _ORDERED_BY_THEN.sub(r"\1", text)
    text = _SEASON_DROPPED.sub(" ", text)
    text = _AND_THEN_NOT.sub(", ", text)
    text = _EVERY_DAY_NOT_WEEKENDS.sub(_every_working_day, text)
    text = _WE_WISH_THAT.sub(" ", text)
    text = _REASON.sub(_reason_dropped, text)
    text = _SAME_AFTER_CLOCKS.sub(" ", text)
    text = _NOT_THIS_BUT.sub(_but_that, text)
    text = _WHAT_IT_COSTS.sub(" prislisten ", text)
    text = text.replace("\u2019", "'").replace("«", " ").replace("»", " ").replace('"', " ")
    # "(like Ascension Day)", "(f.eks. Kristi himmelfart)": an example, nothing to do.
    text = re.sub(
        r"\(\s*(?:like|such\s+as|e\.g\.|eg|f\.eks\.?|feks|slik\s+som)\s[^)]*\)", " ", text
    )
    # "When the prisfil webhook fires (new supplier prices imported), ...": what the webhook
    # is, said in brackets after it, is no part of its own.
    text = _EVENT_ASIDE.sub(r"\g<event>", text)
    text = text.replace("(", " ").replace(")", " ")
    # "onsdagkl 12", "fredagkl. 8": a day written glued to the "kl" of its hour.
    text = re.sub(r"\b([a-zæøå]{2,5}dag(?:en|ar|er)?)kl\b", r"\1 kl", text)
    text = re.sub(r"\bkl\.", "kl ", text)
    # Formal Bokmål: "iht." / "i henhold til" (according to), "vedr." / "vedrørende" /
    # "angående" (about), "det bes om at ..." (the request itself).
    text = re.sub(r"\biht\.?(?=\s)|\bi\s+henhold\s+til\b", "ifølge", text)
    text = re.sub(r"\b(?:vedr\.|vedrørende|vedrørande|angående|ang\.)(?=\s)", "om", text)
    text = re.sub(
        r"\b(?:det\s+)?(?:bes|ønskes|anmodes)\s+(?:det\s+)?(?:om\s+)?at\b"
        r"|\b(?:vi|jeg|eg)\s+(?:ber|anmoder)\s+om\s+at\b",
        " ",
        text,
    )
    # "velkomst + beskjed til salg": a plus between two parts joins them as "og" does.
    text = re.sub(r"\s\+\s", " og ", text)
    # "f.o.m.", "fra og med" and Nynorsk "frå og med" are "fra" (whose "og" joins no two
    # parts); "from and including" is "from".
    text = re.sub(r"\bf\.\s?o\.\s?m\.?|\bfr[aå]\s+og\s+med\b", "fra", text)
    text = re.sub(r"\bfrom\s+and\s+including\b", "from", text)
    text = re.sub(r"\b(?:klokka|klokken|klokka|kl:)\s*", "kl ", text)
    # Australian "arvo" (afternoon): "Wed arvo half past 3".
    text = re.sub(r"\barvo\b", "afternoon", text)
    # "klokke 11" (a second-language writer's "klokka"), Swedish "klockan 10", "klockan 8".
    text = re.sub(r"\b(?:klokke|klockan|klocka)\s*(?=\d)", "kl ", text)
    # Dictated filler words ("ehm", "eh", "liksom", "altså", "typ", "asså") say nothing.
    text = _FILLER.sub(" ", text)
    # German word order, "som de siste 30 dagene (ikke) bestilt har": "har (ikke) bestilt"
    # (else "bestilt" without its "har" reads as the simple "de som ikke bestilt").
    text = re.sub(
        r"\b(ikke\s+|ikkje\s+|nicht\s+)?(bestilt|bestilte|handlet|kjøpt|ordret)\s+(?:har|hat|hev"
        r"|haben|hadde)\b",
        lambda m: f"har {'ikke ' if m[1] else ''}{m[2]}",
        text,
    )
    # "10 o'clock", "8 oclock": the hour.
    text = re.sub(r"\b(?:at\s+)?(\d{1,2})\s*o'?\s?clock\b", r"kl \1", text)
    # German "um 10 Uhr", "8 Uhr": the time of day.
    text = re.sub(r"\b(?:um\s+)?(\d{1,2}(?::\d{2})?)\s*uhr\b", r"kl \1", text)
    # "2 Stunden warten, dann ...": the wait before what follows.
    text = re.sub(
        r"\b(\d+|eine?)\s+(stunden?|minuten?|tagen?)\s+warten\b",
        lambda m: f"vent {'1' if m[1].startswith('ein') else m[1]} {m[2]}",
        text,
    )
    text = re.sub(r"\b(a|p)\.m\.?", r"\1m", text)
    # "ti pa atte", "kvart over atte": clock words without æøå, read as the clock words.
    text = re.sub(r"\b(fem|ti|kvart|tjue|5|10|20)\s+pa\b", r"\1 på", text)
    text = re.sub(r"\b(over|på|halv|kl)\s+atte\b", r"\1 åtte", text)
    text = _CLOCK_WORDS.sub(_clock_words, text)
    text = _EN_CLOCK_WORDS.sub(_en_clock_words, text)
    # British "at half nine", "half 9 am": half past the hour (Norwegian "halv ni" is half
    # before it, and is read elsewhere; only the English word "half" is read here).
    text = _EN_HALF_HOUR.sub(_en_half_hour, text)
    # "at seven thirty", "at six forty-five pm": an English hour and its minutes in words.
    text = _EN_SPOKEN_TIME.sub(
        lambda m: f"at {_EN_HOURS[m['h']]}:{_EN_MINUTES_SAID[m['m'].replace('-', ' ')]:02d}",
        text,
    )
    # "mandagsmorran", "på fredagskvelden": the day, and the time of day after it.
    text = re.sub(
        r"\b(man|mån|tirs|tys|ons|tors|fre|lør|laur|søn|sun)dags(morgen|morran|morgon|kveld|"
        r"ettermiddag|formiddag)(?:en|a)?\b",
        r"\1dag \2",
        text,
    )
    # "klokka ti", "klokka tolv": an hour said as a word.
    text = _HOUR_WORD.sub(lambda m: f"kl {_HOURS[m.group(1)]}", text)
    # "kl 8 eller ni", "kl 9 el. ti": the other hour of a choice, said as a word too.
    text = _OR_HOUR_WORD.sub(lambda m: f"{m[1]}kl {_HOURS[m[2]]}", text)
    # "kl 7 tretti", "kl 15 førtifem", "kl 8 null null": the minutes said as words after it.
    text = _SPOKEN_MINUTES.sub(lambda m: f"kl {m[1]}:{_MINUTES_SAID[m[2]]:02d}", text)
    # "start 18.12", "første gang 11.12": a date, not 18:12.
    text = re.sub(
        r"\b(start\w*|første\s+gang|fra\s+og\s+med|from|beginning)\s+(\d{1,2})\.(\d{1,2})\b",
        r"\1 \2/\3",
        text,
    )
    # 16.00 -> 16:00; "7.45am" -> "7:45am".
    text = re.sub(r"\b(\d{1,2})\.(\d{2})(?=\b|\s*[ap]m\b)", r"\1:\2", text)
    # "tirsdag kl 9. påminnelse ...", "at 09:00. then ...": a time's dot ends a sentence.
    text = re.sub(r"\b((?:kl|at)\s+\d{1,2}|\d{1,2}:\d{2})\.(?=\s)", r"\1 .", text)
    text = re.sub(r"\b(\d{1,2})\.(?=\s|$)", r"\1", text)  # den 10. -> den 10
    text = re.sub(r"\bmnd\b\.?", "måned", text)  # "i mnd", "hver mnd"
    # Dialect and spoken forms, as the readers know them ("sia fredag", "dei siste 2 dagan").
    # Swedish "sedan" is "then" between steps, "since" only after the verb ("beställt sedan").
    text = re.sub(r"(?<!beställt\s)(?<!bestilt\s)(?<!ordered\s)\bsedan\b", "så", text)
    # "kaffe og te", "te og kakao", "grønn te": tea, not dialect "te" (to).
    text = _TEA.sub(lambda m: f"{m['before']} te_" if m["before"] else "te_", text)
    text = _DIALECT_WORDS.sub(lambda m: _DIALECT[m.group(0)], text)
    # "standard ordre", "standard bestillingen": the standing order in one word.
    text = re.sub(r"\bstandard\s+(ordre|bestilling)", r"standard\1", text)
    # Danish "skal kunderne have skemaet", "vil have": "få" (English "have" stays).
    text = re.sub(r"\b(skal|vil|må|bør)\s+([a-zæøå]+)\s+have\b", r"\1 \2 få", text)
    # "with no orders in 3 weeks": in the last 3 weeks.
    text = re.sub(
        r"\b(no\s+orders?|not\s+ordered|n't\s+ordered|without\s+(?:an?\s+)?orders?)\s+in\s+"
        r"(?=\d{1,3}\s*(?:days?|weeks?|months?)\b)",
        r"\1 in the last ",
        text,
    )
    # "hansker og tørkepapir-mailen", "mailen om shampo og voks": two things one email is
    # about, one topic (not two parts).
    text = re.sub(
        r"\b([a-zæøå]{3,})\s+(?:og|and|&)\s+([a-zæøå]{3,})-(mail\w*|e-?post\w*|brev\w*)\b",
        r"\1/\2 \3",
        text,
    )
    text = _ABOUT_TWO_THINGS.sub(_about_two_things, text)
    # "påfyllmailen", "service-eposten": the email about what the word before it names.
    text = re.sub(
        r"\b([a-zæøå]{4,})-?(mail(?:en|ene)?)\b|\b([a-zæøå]{4,})-(e-?posten)\b"
        # "tilbudseposten" (a joining s), not "kaffeposten" (which is "kaffe" + "posten").
        r"|\b([a-zæøå]{3,}s)(eposten)\b",
        lambda m: " ".join(g for g in m.groups() if g),
        text,
    )
    # "w/ no order", "w/o an order": "with", "without".
    text = re.sub(r"(?<![\w/])w/o(?![\w/])", "without", text)
    text = re.sub(r"(?<![\w/])w/(?=\s)", "with", text)
    # "2nd reminder", "third reminder", "andre purring": one more reminder, not a date.
    text = re.sub(
        r"\b(?:\d(?:st|nd|rd|th)|second|third|fourth|andre|tredje|2\.|3\.)\s+"
        r"(?=(?:reminder|påminnelse|påminning|purring)\w*\b)",
        "",
        text,
    )
    # "som ikke bestilt 14 dager" (simple Norwegian): in the last 14 days.
    text = re.sub(
        r"\b(ikke\s+(?:har\s+)?bestilt)\s+(?=\d{1,3}\s*(?:dager|dagar|uker|veker)\b)",
        r"\1 de siste ",
        text,
    )
    text = text.replace("te_", "te")
    text = _WOULD_BE_GREAT.sub(" ", text)
    text = _LISTING_EMAIL.sub(
        lambda m: f"en rapport til {m[2]} om" if m[1] == "til" else f"a report to {m[2]} on", text
    )
    # "..., sendt til regnskap@...": where what came before goes, no part of its own.
    text = re.sub(
        r",\s*((?:sendt|sent|sendes|send\s+(?:den|det|it)|e-?mailed|mailed|e-?postet|mailet)?"
        r"\s*(?:til|to)\s+zzaddr\d+zz)",
        r" \1",
        text,
    )
    text = _FOUR_DIGIT_TIME.sub(r"\1\2:\3", text)
    # Swedish "efter att en order kommit in", "den 1:a": "etter at", "den 1".
    text = re.sub(r"\better att\b", "etter at", text)
    text = re.sub(r"\bkommet in\b", "kommet inn", text)
    text = re.sub(r"\b(\d{1,2}):(?:a|e)\b", r"\1", text)
    text = _PARTS_BY_SLASH.sub(" ; ", text)
    text = _short_days(text)
    text = _WEEKDAYS_BUT.sub(_weekdays_but, text)
    text = _EVERY_DAY_BUT.sub(_every_day_but, text)
    text = _DASH_LIST.sub(lambda m: m.group(0).replace("-", "/"), text)
    text = _SPACED_DAYS.sub(_spaced_days, text)
    text = _ALL_THOSE_DAYS.sub(r"\g<list>", text)
    if re.search(r"\bmåned|\bmonth", text):
        # "hver måned, den første kl 10", "monthly on the fifteenth": the day of the month.
        text = _ORDINAL_DAY_OF_MONTH.sub(lambda m: f"{m[1]} {_ORDINALS[m[2]]}", text)
    text = _DAY_LIST.sub(_joined_days, text)
    # "bestiller vi det vanlige", "legger dere inn det faste": the order, whoever places it.
    text = re.sub(
        r"\b(bestill\w*)\s+(?:vi|dere|du|me|dokker|dei|de|vi\s+inn)\s+"
        r"(?=(?:inn\s+)?(?:det|den|de)\s+(?:vanlige|faste|samme)\b)",
        r"\1 ",
        text,
    )
    # "lutefisk- og rakfiskmailen": two compounds sharing their last part, one thing.
    # Not a pair of groups ("hytte- og campingkundene"): only of what is sent.
    text = re.sub(
        r"\b([a-zæøå]{3,})-\s+(?:og|eller|and|or|&)\s+(?=[a-zæøå]{3,}?\s?(?:mail|e-?post|brev|melding"
        r"|tilbud|kampanje|liste|lista|nytt|info)[a-zæøå]*\b)",
        r"\1/",
        text,
    )
    # "en takk-for-10-år-som-kunde hilsen": words joined by dashes into one name (four or
    # more) are one thing, no parts of the request ("som-kunde" is no group).
    text = re.sub(
        r"(?<![\wæøå.-])(?![\wæøå-]*webhook)[\wæøå]+(?:-[\wæøå]+){3,}(?![\wæøå-])",
        lambda m: m.group(0).replace("-", "_"),
        text,
    )
    # Formal: "de enheter som ikke har registrert bestilling", "enhetene som fremdeles ...":
    # the customers who, said as units; an order "registered" is an order placed.
    text = re.sub(
        r"\b(?:de\s+|dei\s+|alle\s+)?(?:enheter|enhetene|einingar|einingane|units)\s+(?=som\b)",
        "de ",
        text,
    )
    text = re.sub(
        r"\b(har|hadde)\s+(?:registrert|registrerat)\s+(?:en\s+|ei\s+|noen\s+)?"
        r"(?:bestilling|bestillinger|ordre)\b",
        r"\1 bestilt",
        text,
    )
    text = re.sub(r"\bfremdeles\b", "fortsatt", text)
    # "en halvtime etterpå", "to timer etterpå": a delay ("etterpå" would cut the part).
    # "90 mins later", "2 hrs after", "45 min.": the short units after a number.
    text = re.sub(r"(\d)\s*(?:mins|min\.|minuts)(?![\wæøå])", r"\1 minutter", text)
    text = re.sub(r"(\d)\s*(?:hrs|hr|hrs\.|hr\.)(?![\wæøå])", r"\1 timer", text)
    text = re.sub(r"\b(?:en\s+|ein\s+|ei\s+)?halvtime\w*|\bhalf\s+an\s+hour\b", "30 minutter", text)
    # "halvannen time etter", "en og en halv time": a delay of 90 minutes.
    text = re.sub(
        r"\b(?:halvannen|halvanna|halvannan|en\s+og\s+en\s+halv|ein\s+og\s+ein\s+halv|1[.,]5)"
        r"\s+tim(?:e|er|en|ar|a)\b",
        "90 minutter",
        text,
    )
    text = re.sub(r"\btre\s+kvarter\b|\bthree\s+quarters\s+of\s+an\s+hour\b", "45 minutter", text)
    text = re.sub(
        r"\b(?:et|eitt|ett)\s+kvarter\b|\ba\s+quarter\s+of\s+an\s+hour\b", "15 minutter", text
    )
    text = re.sub(r"\b(?:an|one)\s+hour\s+and\s+a\s+half\b", "90 minutes", text)
    text = _WAIT.sub(_waited, text)
    text = re.sub(r"\b(?:a\s+)?fortnight\b", "2 weeks", text)
    text = re.sub(
        r"\b(minutt\w*|min|timer?|hours?|dag(?:er)?|døgn|uker?)\s+(?:etterpå|deretter)\b",
        r"\1 senere",
        text,
    )
    # "send order from every monday": the order form, mistyped.
    text = re.sub(r"\border from(?=\s+(?:every|each|on|at|to|hver|til|\d))", "order form", text)
    # "skjemaet te båtverfta onsdag kl 9 å purring fredag": dialect "å" for "og" before a
    # step or a day (not the infinitive's "å sende").
    text = re.sub(
        r"\bå(?=\s+(?:purring\w*|påminnelse\w*|skjema\w*|bestillingsskjema\w*|prisliste\w*"
        r"|(?:man|tirs|ons|tors|fre|lør|søn)dag\w*)\b)",
        "og",
        text,
    )
    # "... til malerne onsdag kl 10 send purring ...": a day, its time and a verb after another
    # part's words, said without a pause, begin a part of their own.
    text = _SPOKEN_NEXT_PART.sub(
        lambda m: " ; " if _DAY_AT_TIME.search(m.string[: m.start()]) else m.group(0), text
    )
    # "skjema til kioskan mandag kl 8 purring onsdag kl 12": a reminder right after another
    # step's day and time begins a part of its own.
    text = _REMINDER_AFTER_TIME.sub(r"\1 ; ", text)
    text = _PASSIVE_SEND.sub(_active_send, text)
    text = re.sub(r"\s+", " ", text)
    return correct_typos(text.strip()), emails


_EVENT_ASIDE = re.compile(
    r"(?P<event>\bwebhook\w*(?:\s+(?:fires|kommer(?:\s+inn)?|kjem(?:\s+inn)?|arrives|comes\s+in"
    r"|går(?:\s+av)?|is\s+called|slår\s+inn|goes\s+off))?)\s*"
    r"\((?!\s*webhook)(?![^()]*\b(?:send\w*|email|mail|tell|notify|gi|si|varsle|kl|at|til|to)\b)"
    r"[^()\d]{3,80}\)"
)


# Formal passive Bokmål ("... utsendes barnehagene", "skal oversendes", "tilsendes", "sendes
# ut"): the send said as a verb first.
_PASSIVE_SEND = re.compile(
    r"(?P<before>(?:^|(?<=[;!?,])|(?<=[.:])(?!\d))(?:[^.;!?,:]|[.:](?=\d))*?)\s*\b(?:(?:skal|vil|må|bør|kan)\s+(?:bli\s+)?)?"
    r"(?:ut|over|til|vidare|videre)?sendes(?:\s+ut)?\b(?P<after>(?:[^.;!?,:]|[.:](?=\d))*)"
)
# What may stand before a passive send without being what is sent: when, how often, "det".
_NOT_SENT = re.compile(
    r"\b(?:hver|hvert|kvar|kvart|annenhver|every|kl|at|den|det|dette|da|så|deretter|og"
    r"|[a-zæøå]*dag(?:er|ar|en)?|daglig|dagleg|uke\w*|week\w*|måned\w*|morgen\w*|\d+(?::\d+)?\.?)\b"
)
_RECIPIENT_NEXT = re.compile(
    r"\s*(?:til|to|ut|hver|hvert|kvar|every|kl|at|på|den|i|om|fra|\d|[a-zæøå]+dag\w*\b)"
)


def _active_send(m: re.Match[str]) -> str:
    """ "nyhetsbrev utsendes barnehagene hver mandag" -> "send nyhetsbrev til barnehagene hver
    mandag"; "hver mandag kl 10:00 utsendes oversikten" -> "hver mandag kl 10:00 send
    oversikten"."""
    before, after = m["before"], m["after"]
    if not _NOT_SENT.sub(" ", before).strip(" ,"):
        return f"{before} send{after}"
    # The words of when (and "og") before what is sent stay before the verb; a modal goes.
    words = before.split()
    first = 0
    while first < len(words) and (_NOT_SENT.fullmatch(words[first]) or words[first] in _MODALS):
        first += 1
    lead = " ".join(w for w in words[:first] if w not in _MODALS)
    to = "" if _RECIPIENT_NEXT.match(after) else " til"
    return f" {lead} send {' '.join(words[first:])}{to}{after}"


_MODALS = frozenset({"skal", "vil", "må", "bør", "kan", "ska"})


_DAY_AT_TIME = re.compile(
    r"^(?:\W*)(?:man|tirs|ons|tors|fre|lør|søn|mon|tues|wednes|thurs|fri|satur|sun)(?:dag|day)"
    r"\s+(?:kl|at)\s+\d"
)
_REMINDER_AFTER_TIME = re.compile(
    r"(\b(?:man|tirs|ons|tors|fre|lør|søn|mon|tues|wednes|thurs|fri|satur|sun)(?:dag|day)"
    r"\s+(?:kl|at)\s+\d{1,2}(?::\d{2})?)\s+(?=(?:purring\w*|påminnelse\w*|påminning\w*"
    r"|reminder)\s+(?:man|tirs|ons|tors|fre|lør|søn|mon|tues|wednes|thurs|fri|satur|sun)"
    r"(?:dag|day)?\s+(?:kl|at)\s+\d)"
)
_SPOKEN_NEXT_PART = re.compile(
    r"(?<=[\wæøå])(?<!\bhver)(?<!\bevery)(?<!\beach)(?<!\bpå)(?<!\bon)(?<!\binnen)(?<!\bfør)"
    r"(?<!\bby)(?<!\buntil)(?<!\btil)(?<!\bfra)(?<!\bfrom)(?<!\bsiden)(?<!\bsince)(?<!\bog)"
    r"(?<!\band)(?<!\bbefore)\s+(?=(?:man|tirs|ons|tors|fre|lør|søn|mon|tues|wednes|thurs|fri|satur|sun)"
    r"(?:dag|day)\s+(?:(?:kl|at)\s+\d{1,2}(?::\d{2})?"
    # "onsdag halv tre på ettermiddagen påminnelse": the hour in words.
    r"|(?:kl\s+)?(?:halv|kvart\s+(?:over|på)|half\s+past|quarter\s+(?:past|to))\s+[\wæøå]+)"
    r"(?:\s+(?:på|om|i|in\s+the)\s+(?:ettermiddagen|formiddagen|morgenen|kvelden|morgonen"
    r"|kvelden|afternoon|morning|evening))?\s+(?:send|sende|lag|legg|purr\w*|email"
    # "... til alle kundene torsdag kl 12 påminnelse og ...": what is sent, right after its when.
    r"|påminn\w*|påminning\w*|reminder\w*|skjema\w*|bestillingsskjema\w*|prislist\w*"
    r"|nyhetsbrev\w*|tilbud\w*|standardordre\w*|vanlig\s+ordre)\b)"
)


# Words a typo of which is read as the word ("bestillingskjema", "tirdag", "påminelse"): the
# words that decide what a request means. Only words of six letters or more, one letter off
# (missing, extra, wrong or two swapped); a word that is itself in the list stays.
_VOCABULARY = frozenset(
    """mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday
    friday saturday sunday måndag tysdag laurdag sundag bestillingsskjema bestillingsskjemaet
    skjema skjemaet påminnelse kundene
    påminnelsen purring purringen bestillingen bekreftelse ordrebekreftelse nyhetsbrev nyhetsbrevet
    prisliste prislisten prislista rapport rapporten reminder reminders confirmation newsletter
    bestillingsliste bestillingslista bestillingslisten kampanje kampanjen
    hverdag hverdager virkedag virkedager virkedagen helligdag helligdager helligdagen weekdays
    business
    annenhver måneden monthly ukentlig weekly daglig daily velkomst welcome faktura
    invoice""".split()
)


# Real words one letter from a word above, never "corrected" ("fridag" is not "fredag").
_NOT_TYPOS = frozenset(
    """fridag fridager fridagen helgedag hverdags purrin kunden kunder kundens sender senere
    ordrer orders months purringa purringen påminnelsa påminnelsen bestillinger bestillinga
    bestillingar bestillinge""".split()
)


# What a send is of, written glued to its verb ("sendprislista", "sendnyhetsbrevet"): the
# vocabulary's templates and these shorter nouns (a compound of one of them counts too).
_GLUED_NOUNS = frozenset(
    """skjema skjemaet skjemaer tilbud tilbudet tilboda tilbodet prisen prisene prisane
    påminning påminninga purringa mailen eposten e-posten brevet velkomsten velkomstmail
    fakturaen rapporten oversikt oversikten info informasjon kampanjen katalogen""".split()
)
_GLUED = re.compile(r"\b(sende|send|skicka)([a-zæøå-]{5,})\b")


def _glued_noun(word: str) -> bool:
    """``word`` is a noun a send is of, or a compound of one ("prislistemailen")."""
    known = _VOCABULARY | _GLUED_NOUNS
    if word in known or any(one_letter_off(word, k) for k in known if len(k) >= 6):
        return True
    return any(word.startswith(k) and len(k) >= 6 for k in known)


def unglued(text: str) -> str:
    """``text`` with a verb written glued to what it sends split off ("sendprislista" ->
    "send prislista"); "sendes", "sendingen" and the like stay."""

    def split_off(m: re.Match[str]) -> str:
        verb, rest = m.group(1), m.group(2)
        if rest in _NOT_TYPOS or not _glued_noun(rest):
            return m.group(0)
        return f"{verb} {rest}"

    return _GLUED.sub(split_off, text)


def one_letter_off(word: str, known: str) -> bool:
    """One letter missing, extra, wrong, or two neighbours swapped."""
    if abs(len(word) - len(known)) > 1 or word == known:
        return False
    if len(word) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and word[i] == known[j] and word[j] == known[i]
    short, long_ = (word, known) if len(word) < len(known) else (known, word)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


# Short words of the request a typo doubles a letter of ("hverr", "aalle", "månedd", "sennd"):
# too short for a one-letter typo in general, so only a doubled letter is read back.
_SHORT_WORDS = frozenset("hver alle måned send sende uke uka til dag kunde kunder".split())


def _undoubled(word: str) -> list[str]:
    """``word`` with one of its doubled letters written once, each way it can be."""
    return [word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]]


def correct_typos(text: str) -> str:
    """``text`` with one-letter typos of the request's key words corrected, and a doubled
    letter on top of one ("bestilingsskjemaa")."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in _VOCABULARY or word in _NOT_TYPOS or word in _SHORT_WORDS:
            return word
        short = next((w for w in _undoubled(word) if w in _SHORT_WORDS), None)
        if short or len(word) < 6:
            return short or word
        known = next((known for known in _VOCABULARY if one_letter_off(word, known)), None)
        if known:
            return known
        for once in _undoubled(word) if len(word) >= 7 else []:
            if once in _VOCABULARY:
                return once
            known = next((k for k in _VOCABULARY if one_letter_off(once, k)), None)
            if known:
                return known
        return word

    return re.sub(r"[a-zæøå]+", fix, text)


def blank(text: str, match: re.Match[str]) -> str:
    """``text`` with what ``match`` read replaced by spaces (positions stay the same)."""
    start, end = match.span()
    return text[:start] + " " * (end - start) + text[end:]


def split(text: str) -> list[str]:
    """The parts of a request: one action (and what belongs to it) each, mostly."""
    return [part.strip() for part in _SPLIT.split(text) if part and part.strip()]


def number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def amount(token: str) -> float:
    """A number of ``DEC``: 1.5 for "1,5", "halvannen" and "one and a half"."""
    token = " ".join(token.split())
    if token in ("halvannen", "one and a half"):
        return 1.5
    if re.fullmatch(r"\d{1,3}[.,]\d{1,2}", token):
        return float(token.replace(",", "."))
    return number(token)


def hhmm(hour: int, minute: int) -> str | None:
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return f"{hour:02d}:{minute:02d}"
    return None


def clock(hour: int, minute: int, meridiem: str | None) -> str | None:
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return hhmm(hour, minute)


@functools.lru_cache(maxsize=16384)
def fold(word: str) -> str:
    """Lower case without accents on e/a ("café" -> "cafe"), æøå kept."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    out = []
    for ch in lowered:
        if ch in "æøå":
            out.append(ch)
        else:
            out.append(
                "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            )
    return "".join(out)


def stems(word: str) -> set[str]:
    """The word and its forms without a Norwegian or English ending ("kafeene" -> "kafe")."""
    word = fold(word)
    found = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.add(word[: -len(suffix)])
    if word.endswith("ies") and len(word) > 5:
        found.add(word[:-3] + "y")
    if word.endswith(("arna", "erna", "orna")) and len(word) >= 8:
        # Swedish definite plurals: "skolorna", "tandläkarna", "kontoren" (the last as nb).
        found |= {word[:-4], word[:-2]}
    if word.endswith("erne") and len(word) >= 8:
        found.add(word[:-2])  # "forhandlerne", "snekkerne": the plural's "-ne" off
        # Danish "bureauerne", "hotellerne": the whole "-erne" off.
        found.add(word[:-4])
    # "pubben", "pubban": a consonant doubled before the ending.
    found |= {w[:-1] for w in found if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeiouyæøå"}
    return found


def el_stem(word: str) -> str | None:
    """ "vaskemiddel" / "vaskemidler", "sykkel" / "sykler": a noun in "-el" loses its "e" (and
    a doubled consonant one of its two) before an ending; that stem, or None."""
    word = fold(word)
    if not (word.endswith("el") and len(word) >= 6 and word[-3] not in "aeiouyæøå"):
        return None
    base = word[:-2]
    return (base[:-1] if base[-1] == base[-2] else base) + "l"
