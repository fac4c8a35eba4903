"""A request written as a letter: the request found inside its greeting, small talk and
signature.

"Hei! Håper helga var fin. Kort om regnskapet: ... Og så et ønske: kan vi sende ... hver
tirsdag kl 9? Ellers alt vel. Hilsen Kari": only the sentences that say what should happen,
or when, are the request; the others are pleasantries and news, and a signature (a sign-off
line and the name, title and company after it) is nobody's step. A text is read as a letter
only when it greets or signs off; a request without either is left as it is.
"""

from __future__ import annotations

import re

# A greeting that opens the letter ("Hei!", "Hei alle sammen,", "God morgen Kari!", "Hello
# team,"), up to its first punctuation or the end of its line.
_GREETING = re.compile(
    r"^\s*(?:hei(?:sann|a)?|hallo|heisann|god\s+(?:morgen|dag|ettermiddag)|hi|hello|hey|dear"
    r"|good\s+(?:morning|afternoon|day)"
    # A season's greeting ("God jul!", "Godt nytt år,", "Merry Christmas!", "God påske").
    r"|god\s+(?:jul|påske|helg|sommer|sommar)|godt\s+nytt\s+år|gledelig\s+jul|glædelig\s+jul"
    r"|god\s+jol|merry\s+christmas|happy\s+(?:new\s+year|easter|holidays)|season'?s\s+greetings)\b"
    r"(?:[ \t]+[\wæøåÆØÅ]+){0,3}[ \t]*(?:[!,.:]|\n|$)\s*",
    re.IGNORECASE,
)
# A sign-off line ("Med vennlig hilsen", "Hilsen Randi", "Mvh", "Best regards,"): it and all
# after it are the signature.
_SIGN_OFF = re.compile(
    r"(?im)^[ \t]*(?:med\s+vennlig\s+hilsen|vennlig\s+hilsen|beste\s+hilsen|hilsen|helsing"
    r"|mvh|vh|best\s+regards|kind\s+regards|warm\s+regards|regards|best\s+wishes|sincerely"
    r"|yours\s+sincerely|cheers)\b[^\n]*$"
)
# Where a sentence ends: ".", "!" or "?" (not a number's dot: "den 1. juni") before a space,
# or a line break.
_SENTENCE_END = re.compile(
    r"(?<=[^\d\s][.!?])\s+|(?<=\d[!?])\s+|\s*\n\s*"
    # "... torsdag kl 9. Setter stor pris på hjelpen!": a number's dot before a capital (not
    # a month's: "den 1. Mai").
    r"|(?<=\d\.)\s+(?=[A-ZÆØÅ](?!(?i:an|eb|ar|pr|ai|ay|un|ul|ug|ep|kt|ct|ov|es|ec)))"
)
# What makes a sentence part of the request: when (a day, a time, how often, a month's day, an
# event) or what (a step's word, an imperative).
_REQUEST = re.compile(
    r"\b(?:kl|klokk\w*|\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:am|pm)|noon|midday|middag"
    r"|(?:man|tirs|tys|ons|tors|fre|lør|lor|laur|søn|son)dag\w*"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|hver\w*|kvar|every|each|daily|daglig\w*"
    r"|ukentlig\w*|weekly|monthly|månedlig\w*|måned\w*|month\w*|virkedag\w*|hverdag\w*"
    r"|business\s+day|weekday\w*|når|whenever|when|etter\s+at|after"
    r"|send|sende|sendes|lag|lage|legg|legge|opprett\w*|purr\w*|påminn\w*|remind\w*"
    r"|skjema\w*|rapport\w*|report\w*|oversikt\w*|overview|bestillingsliste\w*|order\s+forms?"
    # Whom it is for, said on its own after the request ("Bare til hotellene.").
    r"|bare|kun|only|just|unntatt|except|de\s+som|dem\s+som|those\s+who|anyone\s+who"
    r"|gjelder|applies"
    # How often said without a day ("jevnlig", "regularly"), a wish that something happens.
    r"|jevnlig\w*|regelmessig\w*|regularly|periodically|vil\s+gjerne\s+at|ønsker\s+(?:vi\s+)?at"
    r"|would\s+like)\b",
    re.IGNORECASE,
)
# A sentence that only reports what has been done ("kvitteringene er sendt til revisor",
# "the invoices have been sent"): news, not a request, unless it also says when.
_DONE = re.compile(
    r"\b(?:er|ble|har\s+blitt|has\s+been|have\s+been|was|were)\s+(?:\w+\s+)?"
    r"(?:sendt|levert|ordnet|fikset|betalt|sent|delivered|done|paid|fixed)\b",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b(?:kl|\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:am|pm)|(?:man|tirs|ons|tors|fre|lør|søn)dag\w*"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|hver|every|each)\b",
    re.IGNORECASE,
)


_ABBREVIATION = re.compile(
    r"\b(kl|ca|evt|nr|mnd|pr|tlf|dvs|osv|bl\.a|f\.eks|e\.g|i\.e|approx)\.", re.IGNORECASE
)


# A forwarded email's header lines ("Fra: Kari", "Emne: Skjema til kafeene", "Til: ...",
# "Sendt: ...", "From:", "Subject:", "---------- Videresendt melding ----------"): the
# request is in the body below them, the subject only names it.
_HEADER_LINE = re.compile(
    r"(?im)\A(?:[ \t]*(?:(?:fra|frå|emne|til|te|sendt|dato|kopi|cc|from|subject|to|sent|date"
    r"|re|fwd?|vs)[ \t]*:[^\n]*|-{2,}[^\n]*-{2,}|[ \t]*)\n)+"
)


def _without_headers(text: str) -> str:
    m = _HEADER_LINE.match(text)
    if m is None or not re.search(r"(?im)^[ \t]*(?:emne|subject|fra|from|sendt|sent)[ \t]*:", m[0]):
        return text
    body = text[m.end() :]
    return body if body.strip() and _REQUEST.search(body) else text


def the_request(text: str) -> str:
    """``text`` without a letter's greeting, signature and sentences that ask for nothing;
    ``text`` itself when it is no letter or nothing in it asks for anything."""
    text = _without_headers(text)
    greeting = _GREETING.match(text)
    sign_off = _SIGN_OFF.search(text)
    if greeting is None and sign_off is None:
        return text
    if greeting is not None and _REQUEST.search(greeting.group(0)):
        # "Hei send skjemaet hver mandag": no greeting of its own, the request itself.
        greeting = None
    body = text[: sign_off.start()] if sign_off else text
    if greeting is not None and greeting.end() < len(body):
        body = body[greeting.end() :]
    # "kl. 07.30", "ca. 10": an abbreviation's dot ends no sentence.
    body = _ABBREVIATION.sub(r"\1", body)
    sentences = [s.strip() for s in _SENTENCE_END.split(body) if s and s.strip()]
    asking = [i for i, s in enumerate(sentences) if _asks(s)]
    if not asking:
        return text
    if asking[0] > 0 and sentences[asking[0] - 1].endswith(":"):
        # "Could you set this up for the gyms please:", "Følgende for skolekantinene:": what
        # introduces the request (often its audience) belongs to it.
        asking.insert(0, asking[0] - 1)
    # What stands between two sentences of the request is kept ("Bare til kafeene."): only
    # what comes before the first and after the last is the letter's own.
    return "\n".join(sentences[asking[0] : asking[-1] + 1])


# A sentence of thanks or good wishes ("Tusen takk, og god helg når den tid kommer.", "Takk
# for at dere ordner dette!", "Thanks so much, have a nice weekend"): no request, unless it
# says a time.
_THANKS = re.compile(
    r"^\W*(?:og\s+|and\s+)?(?:(?:tusen|mange|stor|hjertelig)\s+)?(?:takk|tack|tak|thanks|thank\s+you"
    r"|ha\s+en\s+(?:fin|god|strålende)|god\s+helg|have\s+a\s+(?:nice|good|great)"
    r"|setter\s+(?:stor\s+)?pris|we\s+appreciate|appreciate)\b",
    re.IGNORECASE,
)


def _asks(sentence: str) -> bool:
    if _THANKS.search(sentence) and not re.search(r"\d", sentence):
        return False
    if not _REQUEST.search(sentence):
        return False
    return not (_DONE.search(sentence) and not _WHEN.search(sentence))
