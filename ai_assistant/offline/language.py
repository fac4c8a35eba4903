"""Which language a request is in: Norwegian Bokmål or English (mixed texts are common)."""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["nb", "en"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NB_WORDS = _words(
    """og til hver kl som ikke har den de dem alle kunder kundene på i med en et når skjema
    påminnelse purring måned måneden dag dagen uke siden etter før klokka middag legg inn ordre
    bestilling bestilt rapport mandag tirsdag onsdag torsdag fredag lørdag søndag hverdag
    hverdager daglig ukentlig månedlig siste dagene send bekreftelse kafeene butikkene
    restaurantene fra om seg ny nye gang deres sin jeg vil kan du meg noe gjør lag skal er det
    vennligst hjelp kjøp ring husk får få ut hvis bruk stedet istedenfor heller bytt fjern flytt
    også nei ja takk men eller bare skjemaet malen mal tilbud tilbudet nyhetsbrev nyhetsbrevet"""
)
_EN_WORDS = _words(
    """every at the and to who have has not all customers customer order orders form reminder
    report when a an of on in day days week month monday tuesday wednesday thursday friday
    saturday sunday mon tue wed thu fri sat sun am pm place remind everyone last since daily
    weekly monthly weekdays confirmation new signs up shops cafes restaurants group anyone
    still missing each their from i want would like please can you help me my with something
    do make buy is are it this that for our those haven't hasn't if evening morning"""
)


def detect_language(text: str, default: Language = "nb") -> Language:
    """ "nb" or "en", by which language's common words the text uses more; Norwegian letters
    count double; a tie gives ``default``."""
    words = re.findall(r"[a-zæøåéA-ZÆØÅÉ]+", text.lower())
    nb = sum(w in _NB_WORDS for w in words) + 2 * sum(any(c in w for c in "æøå") for w in words)
    en = sum(w in _EN_WORDS for w in words)
    if en > nb:
        return "en"
    if nb > en:
        return "nb"
    return default
