"""For whom: customer groups, everyone, and conditions on the customers' orders
("who have not ordered since Monday", "in the last 5 days")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from ai_assistant.context import GroupInfo
from ai_assistant.offline import kinds as customer_kinds
from ai_assistant.offline.templates import concepts_in
from ai_assistant.offline.text import NUM, blank, fold, number, one_letter_off, stems
from ai_assistant.offline.timing import ABBR_DAY, FULL_DAY, day_from_match, is_day_word

if TYPE_CHECKING:
    from ai_assistant.offline.fragments import Fragment


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SINCE_DAY = re.compile(
    r"\b(?:siden|sidan|since)\s+(?:sist\w*\s+|forrige\s+|last\s+|this\s+|denne\s+)?"
    + r"(?:"
    + FULL_DAY
    # "siden man", "since mon": a day's abbreviation is a day after "since".
    + r"|"
    + ABBR_DAY
    + r")(?:\s+(?:morgen|morning))?\b"
)
_SINCE_WEEK = re.compile(
    r"\b(?:denne\s+(?:uken?|uka|veka)|i\s+(?:uken?|uka|veka)|hittil\s+(?:denne|i)\s+(?:uka|uken)"
    r"|this\s+week|so\s+far\s+this\s+week)\b(?!'s|s\b)(?!\s*(?:nr\.?\s*)?\d)"
)
_SINCE_START = re.compile(
    r"\b(?:etter\s+(?:skjemaet|utsendelsen|første\s+e-?post)|siden\s+(?:skjemaet|start\w*|"
    r"utsendelsen|forrige\s+steg)|since\s+(?:the\s+)?(?:form|start|first\s+email|"
    r"previous\s+step|it\s+was\s+sent)|after\s+the\s+form|still|fortsatt|fremdeles|ennå|enda)\b"
)
_DAYS_BACK = re.compile(
    r"\b(?:i\s+|de\s+|dei\s+|in\s+|the\s+|over\s+|during\s+|within\s+|for\s+)*"
    r"(?:siste|sista|last|past|previous|foregående|forrige|på|for|siden|sidan|since)\s+"
    + NUM
    + r"\s*(dag(?:er|ene|en|ar|ane|an|a)?|days?|uk(?:e|er|ene|en)|veck(?:a|or|orna)|weeks?"
    r"|døgn(?:ene)?|timer|timene|hours)\b"
)
_PERIOD_BACK = re.compile(
    r"\b(?:i\s+|de\s+|in\s+|the\s+|over\s+|during\s+|within\s+)*"
    r"(?:siste|last|past|previous|forrige)\s+(uken?|week|måned(?:en)?|month|døgn(?:et)?|"
    r"24\s+(?:timer|timene|hours))\b"
)
_NOT_ORDERED = re.compile(
    r"\b(?:ikke|not|never|aldri|ikkje|yet\s+to|n't)\s+(?:\w+\s+){0,3}?"
    r"(?:bestilt|bestille|bestiller|ordered|order|lagt\s+inn|sendt\s+inn|handlet|placed)\w*"
    r"|\b\w+n't\s+(?:\w+\s+){0,2}?(?:ordered|order|placed)\b"
    r"|\b(?:havent|hasnt|didnt|dont|doesnt|have\s+not|has\s+not)\s+(?:\w+\s+){0,2}?"
    r"(?:ordered|order|placed)\b"
    r"|\bmangler\w*|\bmissing\b|\buten\s+(?:ordre|bestilling)\w*|\bwithout\s+(?:an?\s+)?orders?"
    r"|\bno\s+orders?\b|\bingen\s+(?:ordre|bestilling)\w*|\bnot\s+yet\s+ordered\b"
    r"|\bhar\s+glemt\s+å\s+bestille\b|\bforgot\s+to\s+order\b"
    # "de som ikke har svart med en bestilling", "who haven't replied with an order".
    r"|\b(?:ikke|not|n't)\s+(?:\w+\s+){0,3}?(?:med|with)\s+(?:en\s+|ei\s+|an\s+)?"
    r"(?:bestilling|ordre|order)\b"
    # "for resten", "the rest": those the steps before did not get to order.
    r"|\b(?:for|på|til|to|for)\s+(?:the\s+)?rest(?:en)?\b|\bthe\s+rest\b"
    r"|\bde\s+som\s+(?:ennå|fortsatt|enda|fremdeles)\s+mangler\b"
)
_HAS_ORDERED = re.compile(
    r"\b(?:som|who|that)\s+(?:har|have|has|already|'ve)\s+(?:allerede\s+|already\s+)?"
    r"(?:bestilt|ordered|lagt\s+inn|handlet|bought|placed\s+(?:an?\s+)?orders?)\w*"
    r"|\b(?:som|who)\s+(?:bestilte|ordered|handlet|bought)\b|\bwho'?ve\s+(?:ordered|bought)\b"
)
# "men ikke til de som har bestilt", "skip those who already ordered", "except customers who
# have ordered": those who have ordered left out is those who have not.
_EXCLUDED_ORDERED = re.compile(
    r"\b(?:ikke|ikkje|not|skip(?:ping)?|except|unntatt|bortsett\s+fra|utenom|excluding|exclude"
    r"|leave\s+out|minus|hopp\s+over|dropp)\s+"
    r"(?:(?:til|to|for|de|dem|dei|those|the|ones|customers?|kunde\w*|alle|all|anyone|any)\s+){0,3}"
    r"(?:som|who|that)\s+(?:har|have|has|'ve|already|allerede)\s+(?:allerede\s+|already\s+)?"
    r"(?:bestilt|ordered|lagt\s+inn|handlet|bought|placed)\w*"
)
_NO_CONDITION = re.compile(
    r"\b(?:uansett|uavhengig\s+av|regardless|også\s+de\s+som\s+har\s+bestilt|"
    # "INGEN BETINGELSE", "uten vilkår", "no condition", "unconditionally".
    r"ingen\s+(?:betingelse|betingelser|vilkår|krav|filter)|uten\s+(?:betingelse|betingelser|vilkår"
    r"|filter)|utan\s+(?:vilkår|krav)|no\s+(?:conditions?|filter)|without\s+(?:any\s+|a\s+)?"
    r"(?:conditions?|filter)|unconditionally|ubetinget|uden\s+betingelse\w*|"
    r"even\s+(?:those|if)|selv\s+de\s+som)\b"
)

_EVERYONE = re.compile(
    r"\balle(?:\s+(?:våre\s+)?kunde\w*)?\b|\beveryone\b|\beverybody\b|\ball\s+(?:of\s+)?(?:our\s+|"
    r"the\s+)?customers\b|\ball\b|\bhele\s+kundelisten\b|\bwhole\s+customer\s+list\b"
)
# "to X", "til X", "for X", "gruppen X", "X group": where an unknown group name shows.
_AUDIENCE_SLOT = re.compile(
    r"\b(?:til|to|for|hos|te)\s+(?:alle\s+|all\s+)?(?:våre\s+|our\s+|the\s+|de\s+|dei\s+)?([\wæøåé]+)"
    r"(?:[- ]?(?:gruppen|group))?"
    r"|\b(?:gruppen|group)\s+([\wæøåé]+)|\b([\wæøåé]+)-?gruppen\b|\bthe\s+([\wæøåé]+)\s+group\b"
    # "remind the bars", "påminn barene": whom a reminder is for.
    r"|\b(?:remind|nudge|påminn|påminne|minn)\s+(?:the\s+|all\s+|alle\s+)?([\wæøåé]+)"
)
# "to the food trucks", "til de nye kundene": two words after "til" / "to", the last a plural.
# "to the wine people", "til golfgjengen": customers called after what they are about.
_PEOPLE_OF = re.compile(
    r"\b(?:til|to|te)\s+(?:the\s+|our\s+|all\s+(?:the\s+)?|alle\s+|våre\s+)?"
    r"(?P<w>[a-zæøåé]{3,})\s+(?P<p>people|folks|guys|crowd|lot)\b"
)
_TWO_WORD_SLOT = re.compile(
    r"\b(?:til|to|te)\s+(?:the\s+|our\s+|all\s+|alle\s+|de\s+|våre\s+)?([a-zæøåé]{3,}) "
    r"([a-zæøåé]{3,}(?:s|ene|erne|ane))\b"
)
# Whom a sentence addresses without "til"/"to": "send the pub owners the order form", "let the
# hotels know", "invite the cafés".
_ADDRESSED = re.compile(
    r"\b(?:send|email|mail|give)\s+(?:the|our|all(?:\s+the)?)\s+(?P<w>[\wæøåé-]+(?:\s+[\wæøåé-]+)?)"
    r"\s+(?:the|a|an|our|their)\s+"
    r"|\blet\s+(?:the|our|all)\s+(?P<w2>[\wæøåé-]+(?:\s+[\wæøåé-]+)?)\s+know\b"
    r"|\binvite\s+(?:the|our|all)\s+(?P<w3>[\wæøåé-]+(?:\s+[\wæøåé-]+)?)"
)
# Names of a kind of customer in more than one word, read as the one word a group is named.
_PHRASE_GROUPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcoffee\s+(?:shops?|bars?|houses?)\b"), "kafeer"),
    (re.compile(r"\b(?:gas|petrol|filling|service|fuel)\s+stations?\b"), "bensinstasjoner"),
    (re.compile(r"\bsports?\s+(?:clubs?|teams?|associations?)\b"), "idrettslag"),
    (re.compile(r"\bgolf\s+clubs?\b"), "golfklubber"),
    (re.compile(r"\bhair\s+(?:salons?|dressers?)\b"), "frisører"),
    (re.compile(r"\bconvenience\s+stores?\b"), "kiosker"),
)
# "catering-kundene", "bar-kunder": a group named by a word before "kunder".
_GROUP_OF_CUSTOMERS = re.compile(r"\b([\wæøåé]{3,})-(?:kunde\w*|customers?)\b")
_PLACE_CUSTOMERS = re.compile(r"\b(?:the|our)\s+([a-zæøå]{3,})\s+customers\b")
# Words before "customers" that say which customers without naming a group or a place.
_NOT_PLACES = frozenset(
    """new other remaining rest same following existing active inactive regular big large small
    key vip important best top old loyal usual normal ordinary current potential those these
    returning first last few many some selected chosen listed missing late early biggest
    smallest good bad frequent occasional local""".split()
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
    sine sin deres their yours ours dere kl ones one people folks guys whoever anyone anybody
    somebody someone hvem bare kun only just ukas ukens uka dagens månedens årets todays
    weeks kunden straks umiddelbart snarest asap fortløpende"""
)

_GROUP_SYNONYMS: list[frozenset[str]] = [
    frozenset({"butikk", "shop", "store", "forretning", "retail", "retailer"}),
    frozenset({"kafe", "cafe", "kaffebar", "coffee"}),
    frozenset({"restaurant", "spisested"}),
    frozenset({"hotell", "hotel"}),
    frozenset({"bakeri", "bakery", "baker"}),
    frozenset({"kiosk", "kiosker"}),
    frozenset({"pub", "bar", "utested", "puber"}),
    frozenset({"bensinstasjon", "bensinstasjoner", "stasjon"}),
    frozenset({"idrettslag", "sportsklubb", "klubb", "club"}),
    frozenset({"kantine", "canteen", "cafeteria"}),
    frozenset({"dagligvare", "grocery", "groceri", "supermarked", "supermarket"}),
    frozenset({"storkunde", "storkunder", "key", "large"}),
]


# Verbs that end a group's compound name ("Rørleggere", "Bryllupsplanleggere") but say what is
# done: "legger vi inn ordren" is no group.
_VERBS_NOT_HEADS = frozenset(
    """legger legge legg leggje leggjer ligger sender sende bestiller mangler handler henter
    planlegger planlegge""".split()
)

_GENERIC_GROUP_WORDS = frozenset(
    """kunde kunder kundene kunden customer customers client clients gruppe gruppen group
    groups og and""".split()
)


def _modifier_of(word: str, after: str, slug: str) -> bool:
    """ "Food" of "Food trucks" (slug "foodtrucks"): the first part of a compound written in two
    words, which alone names no group ("food safety" is not the food trucks)."""
    joined = fold(word + after)
    return fold(slug).replace("-", "").replace("_", "") in (joined, joined.rstrip("s"))


class GroupMatcher:
    """Finds a customer group by a word of the request: its slug or name, an inflected form
    ("kafeene"), or a word of the same kind in the other language ("shops" -> butikker)."""

    def __init__(self, groups: Sequence[GroupInfo]) -> None:
        self.groups = list(groups)
        self._stems = [(g, self._group_stems(g)) for g in self.groups]
        #: Per group, the stems of its slug and name (and their words in the other language).
        self.stems_by_group = self._stems
        #: Per group, the stems of the long (compound) words of its name.
        self._compounds = [
            (
                g,
                {t for w in re.split(r"[\s_-]+", fold(g["name"])) if len(w) >= 7 for t in stems(w)},
            )
            for g in self.groups
        ]
        #: (slug, the kinds of customer its name is made of), for ``kinds.kind_phrases``.
        self.kinds = [
            (g["slug"], customer_kinds.kinds_in_name(f"{g['slug']} {g['name']}"))
            for g in self.groups
        ]

    @staticmethod
    def _group_stems(group: GroupInfo) -> set[str]:
        words = re.split(r"[\s_-]+", f"{group['slug']} {group['name']}")
        found: set[str] = set()
        for index, word in enumerate(words):
            # "Tromsø-kunder": "kunder" says nothing about which customers.
            if len(word) >= 3 and fold(word) not in _GENERIC_GROUP_WORDS:
                after = words[index + 1] if index + 1 < len(words) else ""
                if index and after and _modifier_of(word, after, group["slug"]):
                    continue
                found |= stems(word)
        for cluster in _GROUP_SYNONYMS:
            cluster_stems = set().union(*(stems(w) for w in cluster))
            if found & cluster_stems:
                found |= cluster_stems
        return found

    def match(self, word: str) -> GroupInfo | None:
        folded = fold(word)
        for group in self.groups:
            if folded in (fold(group["slug"]), fold(group["name"])):
                return group
        if folded in customer_kinds.WARES:
            return None  # "prisene på kaffe og te": the coffee, not "Kaffebarer"
        word_stems = {s for s in stems(word) if len(s) >= 3}
        if re.search(r"[^aeiouyæøå]ter$", folded):
            # "omsorgssenter" for "Omsorgssentre", "teater" for "Teatre": the singular.
            word_stems |= {s for s in stems(folded[:-2] + "re") if len(s) >= 3}
        for group, group_stems in self._stems:
            if word_stems & group_stems:
                return group
        # "restaurangene", "kafferne": one letter off a long stem of one group only.
        near = [
            group
            for group, group_stems in self._stems
            if any(
                len(a) >= 6 and len(b) >= 6 and one_letter_off(a, b)
                for a in word_stems
                for b in group_stems
            )
        ]
        if len(near) == 1:
            return near[0]
        # "byråene" for "Begravelsesbyråer", "sentrene" for "Hagesentre": the head of one
        # group's compound name, when no other group's name ends so.
        if (
            fold(word) in _GENERIC_GROUP_WORDS
            or fold(word) in _AUDIENCE_STOP
            or fold(word) in _VERBS_NOT_HEADS
        ):
            return None
        heads = [
            group
            for group, words in self._compounds
            if any(
                t.endswith(a) and len(t) - len(a) >= 3
                for a in word_stems
                if len(a) >= 4
                for t in words
            )
        ]
        return heads[0] if len(heads) == 1 else None


# "har ikke bestilt på tre uker", "have not ordered in 14 days": the window right after the
# verb (read before delays, which "in 14 days" would otherwise be).
_ORDERED_WITHIN = re.compile(
    r"\b(?:bestilt|handlet|ordered|order|placed)\s+(?:an?\s+orders?\s+)?"
    r"(?P<window>(?:in|within|for|over|på|innen|i)\s+(?:the\s+)?(?:last\s+|past\s+|siste\s+)?"
    + NUM
    + r"\s*(?P<unit>dag(?:er|ene|en)?|days?|uk(?:e|er|ene|en)|weeks?|døgn(?:ene)?|timer"
    r"|timene|hours)\b)"
)


def _days(count: int, unit: str) -> int:
    """A window of ``count`` ``unit``s in whole days ("48 hours": 2; "3 uker": 21)."""
    if unit.startswith(("uk", "week", "veck")):
        return count * 7
    if unit.startswith(("tim", "hour")):
        return max(1, round(count / 24))
    return count


def read_window(frag: Fragment, s: str) -> str:
    """The order window of a condition: since a weekday, the last N days or weeks, this week,
    since the run started (read before the days, so "siden mandag" is not a schedule day)."""
    for m in list(_SINCE_DAY.finditer(s)):
        frag.window = {"since": f"last_{day_from_match(m)}"}
        s = blank(s, m)
    for m in list(_ORDERED_WITHIN.finditer(s)):
        count = number(m.group(2))  # 1 is the whole window
        frag.window = {"days_back": _days(count, m.group("unit"))}
        # Only the window: the verb stays, for the condition ("not ordered").
        start, end = m.span("window")
        s = s[:start] + " " * (end - start) + s[end:]
    for m in list(_DAYS_BACK.finditer(s)):
        frag.window = {"days_back": _days(number(m.group(1)), m.group(2))}
        s = blank(s, m)
    for m in list(_PERIOD_BACK.finditer(s)):
        unit = m.group(1)
        days = 7 if unit.startswith(("uke", "week")) else 30 if unit.startswith("m") else 1
        frag.window = {"days_back": days}
        s = blank(s, m)
    for m in list(_SINCE_WEEK.finditer(s)):
        frag.window = frag.window or {"since": "last_monday"}
        s = blank(s, m)
    for m in list(_SINCE_START.finditer(s)):
        frag.window = frag.window or {"since": "execution_start"}
        s = blank(s, m)
    return s


def read_check(frag: Fragment, s: str) -> str:
    """ "who have not ordered" / "who have ordered"; "regardless" means no condition."""
    if _NO_CONDITION.search(s):
        frag.no_condition = True
    for m in list(_EXCLUDED_ORDERED.finditer(s)):
        frag.check = "orders_missing"
        s = blank(s, m)
    for m in list(_NOT_ORDERED.finditer(s)):
        frag.check = "orders_missing"
        s = blank(s, m)
    if frag.check is None:
        for m in list(_HAS_ORDERED.finditer(s)):
            frag.check = "has_ordered"
            s = blank(s, m)
    return s


def not_ordered(text: str) -> bool:
    return _NOT_ORDERED.search(text) is not None or _EXCLUDED_ORDERED.search(text) is not None


def has_ordered(text: str) -> bool:
    """ "de som har bestilt" outside a "have not ordered" ("who have not ordered" is not it) and
    outside "skip those who have ordered"."""
    rest = _NOT_ORDERED.sub(" ", _EXCLUDED_ORDERED.sub(" ", text))
    return _HAS_ORDERED.search(rest) is not None


# Where a phrase stands for whom a step is: after "til", "to", "for" (dialect "te", "åt"), after
# "remind", or before "get" / "får".
_BEFORE_AUDIENCE = re.compile(
    r"\b(?:til|to|for|te|åt|remind|nudge|påminn\w*|minn)\s+"
    r"(?:(?:the|all|alle|our|våre|de|dei|dem|those|of)\s+)*$"
)
_AFTER_AUDIENCE = re.compile(r"^\s+(?:should\s+|skal\s+|will\s+)?(?:get|gets|får|få)\b")


def _names_audience(s: str, found: customer_kinds.KindMatch) -> bool:
    """Whether a kind of customer stands where the audience is named ("to the butchers"); after
    "for" only in the plural ("for bakeriet" is what something is for)."""
    before = _BEFORE_AUDIENCE.search(s[: found.start])
    if before and before.group(0).startswith("for"):
        return re.search(r"(?:er|ene|erne|ane|ar|s|an)$", found.words) is not None
    return before is not None or _AFTER_AUDIENCE.match(s[found.end :]) is not None


_QUALIFIED_SHOPS = re.compile(r"\b(?P<what>[a-zæøå]{4,})\s+(?:shops?|stores?)\b")


def _qualified_shops(s: str, groups: GroupMatcher) -> str:
    """ "the music shops" where a group is "Musikkbutikker", "sports stores" for
    "Sportsbutikker": a shop named in English by what the group's compound name begins with."""

    def one(m: re.Match[str]) -> str:
        what = fold(m["what"])
        found = [
            word
            for g in groups.groups
            for word in re.split(r"[\s_-]+", fold(g["name"]))
            if re.fullmatch(r"(\w{4,})butikk\w*", word) and word[:4] == what[:4]
        ]
        return found[0] if len(found) == 1 else m.group(0)

    return _QUALIFIED_SHOPS.sub(one, s)


# "invitasjonen til vårens elbilkveld", "ei invitasjon te kurs": what the invitation is to.
_INVITATION_BEFORE = re.compile(
    r"\b(?:invitasjon\w*|innbydelse\w*|invitation\w*|invite|påmelding\w*|registration)\s*$"
)
# After a kind of customer: the email it qualifies ("workshop supplies mail", "farm news").
_NAMES_AN_EMAIL = re.compile(
    r"\s+(?:(?!(?:the|our|their|your|this|that|den|det|vår|sin)\b)[a-zæøå]{3,}\s+)?(?:mail|email|e-mail|newsletter|offer|campaign|notice|flyer"
    r"|brochure)s?\b"
)


def _read_kinds(frag: Fragment, s: str, groups: GroupMatcher) -> str:
    """Groups named by a kind of customer ("the school canteens" -> skolekantiner); a kind
    no group is made of, where it names the audience, is a group the business does not have."""
    for found in customer_kinds.kind_phrases(s, groups.kinds):
        if _BEFORE_AUDIENCE.search(s[: found.start]) is None and _NAMES_AN_EMAIL.match(
            s[found.end :]
        ):
            continue  # "the workshop supplies mail": what the email is about, not to whom
        if found.group is not None:
            if found.group not in frag.groups:
                frag.groups.append(found.group)
        elif _names_audience(s, found):
            if found.words not in frag.unknown_groups:
                frag.unknown_groups.append(found.words)
        else:
            continue
        s = s[: found.start] + " " * (found.end - found.start) + s[found.end :]
    return s


def _abbreviation(group: GroupInfo) -> str | None:
    """A group named by an abbreviation ("SFO", "VVS"): its name in capitals, 3-5 letters."""
    name = str(group.get("name") or "").strip()
    if 3 <= len(name) <= 5 and name.isalpha() and name.isupper():
        return name.casefold()
    return None


def _read_abbreviations(frag: Fragment, s: str, groups: GroupMatcher) -> str:
    """Groups named by their abbreviation, inflected or not ("SFO", "SFO-ene", "SFO-ane",
    "the SFOs"): too short for the word matching below, which reads words of 4 letters on."""
    for group in groups.groups:
        abbreviation = _abbreviation(group)
        if abbreviation is None or abbreviation in _AUDIENCE_STOP:
            continue
        pattern = re.compile(
            r"(?<![\wæøå])" + re.escape(abbreviation) + r"(?:-?(?:ene|ane|ar|er|en|a|s)|'s)?"
            r"(?![\wæøå])",
            re.IGNORECASE,
        )
        for m in pattern.finditer(s):
            if group["slug"] not in frag.groups:
                frag.groups.append(group["slug"])
            s = s[: m.start()] + " " * (m.end() - m.start()) + s[m.end() :]
    return s


def read_audience(
    frag: Fragment, s: str, groups: GroupMatcher, *, action_words: re.Pattern[str]
) -> None:
    """Customer groups named, "everyone", and words that look like a group no one has
    (asked about rather than dropped). ``action_words`` are not group names ("rapporten")."""
    for pattern, word in _PHRASE_GROUPS:
        s = pattern.sub(word, s)
    s = _read_kinds(frag, customer_kinds.replace_phrases(_qualified_shops(s, groups)), groups)
    for m in _PEOPLE_OF.finditer(s):
        # "to the golf people": the golf clubs; "to the wine people": no group, asked about.
        group = groups.match(m["w"]) if m["w"] not in _AUDIENCE_STOP else None
        if group is not None:
            if group["slug"] not in frag.groups:
                frag.groups.append(group["slug"])
        elif m["w"] not in _AUDIENCE_STOP and not is_day_word(m["w"]):
            phrase = f"{m['w']} {m['p']}"
            if phrase not in frag.unknown_groups:
                frag.unknown_groups.append(phrase)
        s = s[: m.start("w")] + " " * (m.end() - m.start("w")) + s[m.end() :]
    s = _read_abbreviations(frag, s, groups)
    for word in re.findall(r"[\wæøåé]+", s):
        group = groups.match(word) if len(word) >= 4 and word not in _AUDIENCE_STOP else None
        if group is not None and group["slug"] not in frag.groups:
            frag.groups.append(group["slug"])
    if _EVERYONE.search(s):
        frag.everyone = True
    for m in _GENERIC_FIRMS.finditer(s):
        # "skjema bedriftene man 9", "the companies": customers said by a word any business
        # is, no group of them: asked about wherever it stands, not sent to everyone.
        word = m.group(0)
        if groups.match(word) is None and word not in frag.unknown_groups:
            frag.unknown_groups.append(word)
    for m in _AUDIENCE_SLOT.finditer(s):
        word = next(g for g in m.groups() if g)
        if "   " in m.group(0):
            continue  # "til <an address> over ...": what followed the preposition was read
        if _INVITATION_BEFORE.search(s[: m.start()]):
            continue  # "invitasjon til kurs", "invitation to the open day": what it is to
        if m.group(0).startswith("for ") and (frag.groups or frag.everyone):
            continue  # "a care guide for roses" to the shops: what it is for, not to whom
        before_for = re.findall(r"[\wæøåé]+", s[: m.start()])
        if m.group(0).startswith("for ") and before_for and concepts_in(before_for[-1]):
            continue  # "pleieråd for blomane", "prisliste for trelast": what it is about
        if (
            word in _AUDIENCE_STOP
            or word.isdigit()
            or word.startswith("zzaddr")
            or groups.match(word) is not None
            or is_day_word(word)
            # "håndverkeran": the northern definite plural too.
            # "vaskerian", "bakarian": after "-i" or "-e" too.
            or not re.search(
                r"(?:er|ene|erne|ane|ar|s|a|(?<=[a-zæøå]{4}[^aeiouyæøå])an|(?<=[a-zæøå]{5}[ie])an)$",
                word,
            )
            or action_words.fullmatch(word)
            or concepts_in(word)  # "for returkassene": what is sent, not to whom
        ):
            continue
        if word not in frag.unknown_groups:
            frag.unknown_groups.append(word)
    for m in _TWO_WORD_SLOT.finditer(s):
        # "to the food trucks": a kind of customer in two words no group is named.
        first, last = m.group(1), m.group(2)
        if any(
            w in _AUDIENCE_STOP
            or is_day_word(w)
            or action_words.fullmatch(w)
            or groups.match(w) is not None
            or concepts_in(w)
            for w in (first, last)
        ):
            continue
        phrase = f"{first} {last}"
        if first not in frag.unknown_groups and phrase not in frag.unknown_groups:
            frag.unknown_groups.append(phrase)
    for m in _ADDRESSED.finditer(s):
        phrase = next(g for g in m.groups() if g)
        words = phrase.split()
        if any(groups.match(w) is not None for w in words if len(w) >= 4):
            continue
        last = words[-1]
        if (
            last in _AUDIENCE_STOP
            or is_day_word(last)
            or action_words.fullmatch(last)
            or not re.search(r"(?:er|ene|erne|ane|ar|s)$", last)
        ):
            continue
        if phrase not in frag.unknown_groups:
            frag.unknown_groups.append(phrase)
    for m in _PLACE_CUSTOMERS.finditer(s):
        # "the Sandefjord customers": customers named by a place or a word no group has.
        word = m.group(1)
        if (
            word in _NOT_PLACES
            or word in _AUDIENCE_STOP
            or groups.match(word) is not None
            or customer_kinds.kind_of_word(word)
            or concepts_in(word)
            or is_day_word(word)
        ):
            continue
        if m.group(0) not in frag.unknown_groups:
            frag.unknown_groups.append(m.group(0))
    for m in _GROUP_OF_CUSTOMERS.finditer(s):
        word = m.group(1)
        if groups.match(word) is None and word not in frag.unknown_groups:
            frag.unknown_groups.append(m.group(0))


# "... no sorry, just the pubs", "nei vent, tirsdag kl 9", "nei unnskyld, barnehagene", "eller
# nei forresten, fredag": the words after it replace what they correct.
_DELAY_SAID = (
    r"(?:etter|after|om|in)\s+(?:\d+|en|ei|et|ett|ein|to|tre|fire|fem|seks|sju|åtte|ti|one|two"
    r"|three|four|five|six|a|an)\s+(?:minutt\w*|min|timer?|timen|hours?|dag(?:er)?|days?|døgn"
    r"|uker?|weeks?)\b"
)
_CORRECTION = re.compile(
    r"(?:\.{2,}|[,;.:])?\s*(?:\b(?:eller|or)\s+)?\b(?:no|nei|nope)\s*[,.]*\s*"
    r"(?:sorry|wait|vent|forresten|unnskyld|beklager)"
    r"\b[,.:]*\s*|\s*\b(?:i\s+mean|jeg\s+mener)\b[,:]?\s*"
    # "hver mandag, nei tirsdag, kl 8", "kl 9, nei kl 10", "Wednesday at 10, no, Thursday":
    # a bare "no" after a pause, right before another day or time.
    # "send kjøreplanen til skipene eh nei send kampanjen": a bare "nei" right before the
    # action said again (the filler before it is gone).
    r"|\s\b(?:nei|no|nope|nej)\b[,.]*\s*(?=(?:send|sende|skicka)\s)"
    r"|(?:[,;]|\s[-\u2013])\s*\b(?:no|nei|nope|nej|næ)\b[,.]*\s*"
    r"(?=(?:bare\s+|kun\s+|just\s+|only\s+|heller\s+)?"
    r"(?:on\s+|på\s+|hver\s+|every\s+)?"
    + FULL_DAY
    + r"|(?:(?:gjør|gjer|make)\s+(?:det|den|it)\s+)?(?:kl|at)\s*\d"
    # "siste 7 dager, nei, siste 10 dager", "oddetallsuker, nei, partallsuker": another
    # window or other weeks.
    + r"|(?:de\s+|the\s+)?(?:siste|last)\s+\d"
    + r"|(?:odde?tall|partall)s?uk|(?:odd|even)(?:-numbered)?\s+weeks"
    # "etter en time, nei, etter to timer": a bare "no" before another delay.
    + r"|"
    + _DELAY_SAID
    + r")"
    # "send tilbudet, eller forresten skjemaet, ...", "the offer, or rather the form": the
    # thing said after it replaces the one before.
    r"|[,;]?\s*\b(?:eller\s+forresten|eller\s+rettere\s+sagt|or\s+rather|or\s+actually)\b[,.:]*\s*"
)
# The fix runs to the next comma or full stop, or to a dash that closes an aside ("send
# prislista - nei, vent, nyhetsbrevet - til ...").
_FIX = re.compile(
    r"(?:(?:just|only|bare|kun|heller)\s+)?(?:(?:the|til|to)\s+)?"
    r"(?P<fix>(?:(?!\s[-\u2013]\s)[^,.;])+)"
)
_DAY_NAME = re.compile(r"\b" + FULL_DAY + r"\b")
_SEND_VERB = re.compile(r"\b(?:send|sende|skicka|email|e-?mail|mail|e-?post)\b")
_DAYS_ENDING = re.compile(
    r"\b"
    + FULL_DAY.replace("?P<nb>", "?:").replace("?P<en>", "?:")
    + r"(?:\s*(?:,|/|&|\bog\b|\band\b)\s*"
    + FULL_DAY.replace("?P<nb>", "?:").replace("?P<en>", "?:")
    + r")+$"
)
_TIME_AFTER_DAY = re.compile(r"\s*(?:kl|at|@)?\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?\b")


def _mentions(s: str, groups: GroupMatcher) -> list[tuple[int, int, str]]:
    """Where ``s`` names customer groups: (start, end, slug)."""
    found = [
        (k.start, k.end, k.group)
        for k in customer_kinds.kind_phrases(s, groups.kinds)
        if k.group is not None
    ]
    for m in re.finditer(r"[\wæøåé]{4,}", s):
        if m.group(0) in _AUDIENCE_STOP or any(a <= m.start() < b for a, b, _g in found):
            continue
        group = groups.match(m.group(0))
        if group is not None:
            found.append((m.start(), m.end(), group["slug"]))
    return sorted(found)


_PAIR = re.compile(
    r"\b(?P<a>[\wæøåé'-]{3,})\s+(?:og|and|&|\+|or|eller)\s+(?:the\s+)?(?P<b>[\wæøåé'-]{3,})\b"
)


_PAIR_HEAD = re.compile(
    r"\b(?P<a>[\wæøåé'-]{3,})\s+(?:og|and|&)\s+(?:the\s+)?(?P<b>[\wæøåé'-]{5,})\s+"
    r"(?P<c>[\wæøåé'-]{3,})\b"
)


def join_group_pairs(text: str, groups: GroupMatcher) -> str:
    """ "hotell og camping", "the kiosks and petrol stations": two kinds of customer joined by
    "og" / "and" that one group is made of ("Hoteller og campingplasser") are that group, not
    two parts of the request."""
    text = customer_kinds.replace_phrases(text)

    def join(m: re.Match[str]) -> str:
        # "hytte- og campingkundene": the first word's ending left to the second, "kunder"
        # saying nothing about which customers.
        first = m["a"].rstrip("-")
        second = re.sub(r"(?<=\w)-?(?:kunde\w*|customers?)$", "", m["b"])
        a, b = customer_kinds.kind_of_word(first), customer_kinds.kind_of_word(second)
        if a is None or b is None or a == b:
            return m.group(0)
        both = [slug for slug, kinds in groups.kinds if {a, b} <= kinds]
        return both[0] if len(both) == 1 else m.group(0)

    def join_named(m: re.Match[str]) -> str:
        # "the ferry and Hurtigruten kiosks" for "Ferje- og Hurtigrutekiosker": the second
        # word no kind but the start of a compound in one group's name, the head said after.
        a, head = customer_kinds.kind_of_word(m["a"]), customer_kinds.kind_of_word(m["c"])
        if a is None or head is None or customer_kinds.kind_of_word(m["b"]) is not None:
            return m.group(0)
        start = fold(m["b"])[:5]
        names = {g["slug"]: fold(g["name"]) for g in groups.groups}
        both = [
            slug
            for slug, kinds in groups.kinds
            if {a, head} <= kinds
            and any(w.startswith(start) for w in re.findall(r"[\wæøå]+", names[slug]))
        ]
        return both[0] if len(both) == 1 else m.group(0)

    def join_split(text: str) -> str:
        # "juice bars" for "Juicebarer": one group's compound name written as two words, when
        # neither word alone is a group.
        words = list(_SPLIT_WORD.finditer(text))
        for first, second in reversed(list(pairwise(words))):
            a, b = first.group(0), second.group(0)
            if text[first.end() : second.start()].strip():
                continue
            if fold(a) in _AUDIENCE_STOP or fold(b) in _AUDIENCE_STOP:
                continue
            if groups.match(a) is not None or groups.match(b) is not None:
                continue
            joined = {t for t in stems(a + b) if len(t) >= 6}
            whole = [g for g, group_stems in groups.stems_by_group if joined & group_stems]
            if len(whole) == 1:
                text = text[: first.start()] + whole[0]["slug"] + text[second.end() :]
        return text

    def people_at(m: re.Match[str]) -> str:
        # "folka på torget", "the people at the market": the group the place names.
        group = groups.match(m["place"])
        return group["slug"] if group is not None else m.group(0)

    text = _PEOPLE_AT.sub(people_at, text)
    text = join_split(text)
    text = _PAIR_HEAD.sub(join_named, text)
    return _PAIR.sub(join, text)


_GENERIC_FIRMS = re.compile(
    # Not "alle bedriftene", "all companies": everyone.
    r"(?<![\wæøå])(?<!\balle\s)(?<!\ball\s)(?<!\bevery\s)(?:bedriftene|bedriftane|bedriftan"
    r"|bedriftskundene|firmaene|firmaa|firmaan"
    r"|selskapene|selskapa|foretakene|foretaka|verksemdene|verksemdane|virksomhetene"
    r"|virksomhederne|firmaerne|companies|businesses|firms)(?![\wæøå])"
)
_SPLIT_WORD = re.compile(r"\b[a-zæøåé]{3,}\b")
_PEOPLE_AT = re.compile(
    r"\b(?:folk(?:a|ene|et)?|people|guys|gutta|dem|dei|those)\s+(?:på|i|ved|at|on|in)\s+"
    r"(?:the\s+)?(?P<place>[\wæøåé]{4,})"
)


# What a correction may say again in another value: a time of day, an order window, odd or
# even weeks. The last one of its shape before the correction is the one corrected.
_SHAPES = (
    re.compile(r"\b(?:kl|at)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?(?![\d:])"),
    re.compile(
        r"\b(?:de\s+|the\s+)?(?:siste|last)\s+\d+\s+(?:dager|dagar|days|uker|veker|weeks)\b"
    ),
    re.compile(r"\b(?:odde?tall|partall)s?uk\w*|\b(?:odd|even)(?:-numbered)?\s+weeks\b"),
)
_FIX_LEAD = re.compile(r"^(?:(?:gjør|gjer|make)\s+(?:det|den|it)\s+|heller\s+|rather\s+)+")


def _same_shape(before: str, fix: str, after: str) -> str | None:
    """ "kl 14, nei, gjør det kl 15", "siste 7 dager, nei, siste 10 dager", "oddetallsuker, nei,
    partallsuker: ...": the fix is one value of a shape said before; that value replaced."""
    bare = _FIX_LEAD.sub("", fix)
    for shape in _SHAPES:
        new = shape.match(bare)
        rest = bare[new.end() :] if new else ""
        if new is None or (rest.strip() and not rest.lstrip().startswith(":")):
            continue
        said = list(shape.finditer(before))
        if not said:
            return None
        old = said[-1]
        return f"{before[: old.start()]}{new.group(0)}{before[old.end() :]}{rest}{after}"
    return None


def apply_correction(text: str, groups: GroupMatcher) -> str:
    """``text`` with a correction made: the groups or the day it corrects replaced by the ones
    after "no sorry" / "nei vent"; unchanged when there is none, or it corrects nothing read."""
    if _CORRECTION.search(text) is None:
        return text
    text = customer_kinds.replace_phrases(text)
    marker = _CORRECTION.search(text)
    if marker is None:
        return text
    fix_match = _FIX.match(text, marker.end())
    if fix_match is None:
        return text
    fix = fix_match.group("fix").strip()
    before, after = text[: marker.start()], text[fix_match.end() :]
    # A correction said as an aside between dashes: the dashes go with it.
    dashed = re.search(r"\s[-\u2013]\s*$", before)
    if dashed and re.match(r"\s*[-\u2013]\s", after):
        before, after = before[: dashed.start()], " " + re.sub(r"^\s*[-\u2013]\s", "", after)
    verb_again = _SEND_VERB.match(text, marker.end())
    said_before = list(_SEND_VERB.finditer(before))
    if verb_again and said_before and not _DAY_NAME.search(before[said_before[-1].end() :]):
        # "send ordrebekreftelse eh nei vent send leveringsplanen til ...", "send the invoice,
        # no wait, send the newsletter": the action said again replaces the one before it.
        # Whom the first one went to stays, unless the new one says it.
        again = text[marker.end() :]
        whom = re.search(r"\s(?:til|te|to)\s.*$", before[said_before[-1].end() :])
        if whom is None or re.search(r"\b(?:til|te|to)\b", again):
            return f"{before[: said_before[-1].start()]}{again}"
        return f"{before[: said_before[-1].start()]}{again.rstrip()}{whom.group(0)}"
    same = _same_shape(before, fix, after)
    if same is not None:
        return same
    wanted = {slug for _a, _b, slug in _mentions(fix, groups)}
    if wanted:
        mentions = _mentions(before, groups)
        if not mentions:
            return text
        kept = [m for m in mentions if m[2] in wanted]
        for start, end, _slug in reversed([m for m in mentions if m[2] not in wanted]):
            tail = re.match(r"\s*(?:-?gruppen|-?gruppa|group)\b", before[end:])
            end += tail.end() if tail else 0
            before = before[:start] + (" " if kept else fix) + before[end:]
            kept = kept or [(start, end, "")]
        return f"{before}{after}"
    day = _DAY_NAME.search(fix)
    days_before = list(_DAY_NAME.finditer(before))
    if day and days_before:
        # The day corrected, with its time when the correction gives one ("tirsdag kl 9"); a
        # list of days ending there ("mandag og torsdag, nei bare torsdag") as a whole.
        last = days_before[-1]
        end = last.end()
        listed = _DAYS_ENDING.search(before[:end])
        if listed is not None and listed.start() < last.start():
            last = listed
        if re.search(r"\d", fix[day.end() :]):
            time = _TIME_AFTER_DAY.match(before, end)
            end = time.end() if time else end
        elif re.match(r"\s*,\s*(?:kl|at)\s*\d", after):
            # "purring onsdag, nei, torsdag, kl 13 til ...": the time after it is the fix's.
            after = " " + after.lstrip(" ,")
        return f"{before[: last.start()]}{fix}{before[end:]}{after}"
    delay_fix = re.match(_DELAY_SAID, fix)
    delays_before = list(re.finditer(_DELAY_SAID, before))
    if delay_fix and delays_before and not day:
        # "etter en time, nei, etter to timer": the delay corrected.
        last = delays_before[-1]
        return f"{before[: last.start()]}{delay_fix.group(0)}{before[last.end() :]}{after}"
    thing_fix = concepts_in(fix)
    things_before = concepts_in(before)
    if thing_fix and things_before and not day:
        # "send tilbudet, eller forresten skjemaet, til ...": what is sent, corrected.
        last = things_before[-1][1]
        return f"{before[: last.start()]}{fix}{before[last.end() :]}{after}"
    time_fix = _TIME_FIX.match(fix)
    times_before = list(_TIME_BEFORE.finditer(before))
    if time_fix and times_before and not day:
        # "hver mandag kl 9, nei kl 10": the time corrected.
        last = times_before[-1]
        return f"{before[: last.start()]}{time_fix.group(0)}{before[last.end() :]}{after}"
    return text


_TIME_FIX = re.compile(r"(?:kl|at)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?(?![\d:])")
_TIME_BEFORE = re.compile(r"\b(?:kl|at)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?(?![\d:])")
