"""Kinds of customer, in Norwegian and English: what a customer group is, whatever it is called.

A group's name ("Skolekantiner", "Skip og båter", "Puber og barer") is taken apart into the
kinds it is made of ({school, canteen}, {ship}, {pub}); so is a phrase of the request ("the
school canteens", "båtane", "nursing homes"). A phrase means the group whose kinds it shares
most, led by the phrase's last word (its head: "fish shops" are shops, of fish). A phrase whose
head is a kind of customer no group is made of ("the kindergartens" where there are none) is a
group the business does not have, asked about rather than sent to everyone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ai_assistant.offline.text import fold, stems

# kind: words that name it, Norwegian and English (any inflection is read by ``stems``).
_KINDS: dict[str, str] = {
    "butikk": "butikk forretning shop store retailer outlet handel handler handlar",
    "dagligvare": "dagligvare dagligvarebutikk matbutikk supermarked kolonial grocery groceries "
    "grocer supermarket",
    "kiosk": "kiosk",
    "kafe": "kafe kafé kaffebar cafe café",
    "restaurant": "restaurant restaurang spisested eatery diner restauration",
    "hotell": "hotell hotel",
    "kantine": "kantine canteen cafeteria",
    "barnehage": "barnehage kindergarten nursery daycare preschool förskola børnehave kita",
    "sykehjem": "sykehjem sjukeheim pleiehjem aldershjem omsorgssenter omsorgsbolig institusjon "
    "plejehjem äldreboende",
    "sykehus": "sykehus sjukehus hospital",
    "skip": "skip ship båt boat vessel ferje ferge ferry fartøy",
    "bensinstasjon": "bensinstasjon stasjon benzinstation tankstation",
    # Who fill and run vending machines (nb, nn, da, sv, en).
    "automat": "automatoperatør automatoperatørar automatoperatorer automatoperatør "
    "automatselskap vending varuautomat",
    "bakeri": "bakeri bakery baker",
    # Pastry shops (nb, nn, da, sv, en, fr).
    "konditori": "konditori konditor conditori pastry-shop patisserie pâtisserie cake-shop",
    "pub": "pub bar utested",
    "klubb": "klubb club idrettslag idrett",
    "slakter": "slakter slakteri butcher",
    "catering": "catering caterer",
    "blomst": "florist blomsterbutikk blomsterhandel blomsterhandler blomsterhandlar "
    "blomsterforretning blomsterbutik blomsterhandler flower-shop",
    "hagesenter": "hagesenter hagesentre planteskole",
    "begravelse": "begravelsesbyrå begravelsesbyråer gravferdsbyrå undertaker undertakers",
    "frisør": "frisør hairdresser salong salon hårsalong frisørsalong barber barbershop",
    "kontor": "kontor kontorer office kontorbygg kontorlokale",
    "coworking": "coworking kontorfellesskap",
    "trening": "treningssenter treningssentre treningsstudio gym fitness fitnessenter helsestudio",
    "tannlege": "tannlege tannklinikk tandläkare dentist",
    "klinikk": "klinikk klinik clinic legekontor doctor",
    "storkunde": "storkunde storkunder nøkkelkunde nøkkelkunder",
    "apotek": "apotek pharmacy chemist",
    "fysioterapeut": "fysioterapeut fysioterapi fysio physio physiotherapist physiotherapy "
    "physical-therapist sjukgymnast fysioterapeft",
    "camping": "camping campingplass campsite campground",
    # Cinemas and leisure centres, sports arenas and halls (nb, nn, en).
    "kino": "kino cinema movie-theater movie-theatre fritidssenter fritidssentre fritidsklubb "
    "leisure-centre leisure-center",
    "arena": "arena idrettsarena idrettshall idrettshaller stadion stadium sportshall",
    "hytte": "hytte hytteutleie cabin lodge hyttelag hytteforening hytteeigarlag",
    # Boat harbours and marinas (nb, nn, en).
    "båthavn": "båthavn båthamn småbåthavn gjestehavn gjestehamn marina harbour harbor",
    "snekker": "snekker snikkar snedker tømrer tømmermann tømrar carpenter joiner",
    "rørlegger": "rørlegger rorlegger røyrleggjar røyrleggar rørlægger vvs plumber",
    "elektriker": "elektriker elektrikar elinstallatør electrician",
    "bok": "bokhandel bokhandler bokhandlar bookshop bookstore bookseller",
    "bibliotek": "bibliotek library libraries",
    "taktekker": "taktekker tekker taklegger takleggjar blikkenslager roofer",
    "entreprenør": "entreprenør entreprenor contractor byggmester builder",
    "jernvare": "jernvare jernvarehandel hardware",
    "kommune": "kommune kommunal kommunale kommunebygg municipal municipality kommunar "
    "council councils",
    # Churches and graveyards, landscape gardeners, event agencies (nb, nn, da, en).
    "kirke": "kirke kyrkje kyrkja kirkegård kyrkjegard kirkegard menighet kyrkjelyd sokn "
    "church churches cemetery graveyard parish kirkerne",
    "gartner": "gartner gartnar anleggsgartner anleggsgartnar landskapsgartner landscaper "
    "grøntanlegg",
    "event": "eventbyrå eventbyra eventbureau eventselskap eventfirma arrangør arrangor "
    "bryllupsplanlegger bryllaupsplanleggjar weddingplanner eventplanner",
    # Kinds of customer a wholesaler of parts, tools or materials has (nb, en, da/sv, de).
    "verksted": "verksted verkstad værksted bilverksted werkstatt workshop garage mekaniker "
    "mechanic",
    "forhandler": "forhandler forhandlar återförsäljare dealer dealership händler",
    "gård": "gård gard gårdsbruk gardsbruk bondegård gårdbruker bonde bønder farm farmer landbruk",
    "bilpark": "bilpark vognpark fleet",
    # Cleaning firms (nb, nn, da, sv, en) and shipping companies (nb, nn, da, sv, en).
    "renhold": "renholdsbyrå renholdsbyråer rengjøringsbyrå rengjøringsbyråer reinhaldsbyrå "
    "rengøringsbureau rengøringsfirma renholdsfirma rengjøringsfirma reinhaldsfirma "
    "städfirma städföretag vaskebyrå cleaners cleaning-company janitorial",
    "rederi": "rederi reiarlag reder rederiet rederier rederiene shipowner shipowners "
    "shipping-company",
    "verft": "verft båtverft batverft boatyard shipyard varv",
    "dekk": "dekk dekkhotell dæk däck tyre tire reifen",
    "buss": "buss bus busselskap bussselskap coach",
    # Taxi companies and car washes (nb, nn, da, sv, en).
    "taxi": "taxi taxisentral drosje drosjebil drosjeselskap drosjesentral cab cabs taxa",
    "bilvask": "bilvask bilvaskeri vaskehall carwash car-wash biltvätt",
    "transport": "transport transportør transportfirma haulier trucking logistikk logistics "
    "spedisjon freight",
    # "Malere", "maleran", "malarane": the painters ("maler" alone is also "templates").
    "maler": "malermester painter decorator malere malar malarar malerfirma malerne malarane "
    "malerane malerfirmaerne malerfirmaene",
    "borettslag": "borettslag sameie bostadsrättsförening",
    "mc": "motorsykkel motorcycle motorbike",
    # Sellers at a market square ("Torghandlere", "Markedshandlere", "market stalls").
    "torg": "torghandler torghandel torgselger markedshandler markedsselger stallholder "
    "torgbod markedsbod",
    # Kinds of customer a wholesaler of animal feed has (nb, nn, en, sv).
    "dyrebutikk": "dyrebutikk dyreforretning zoobutikk djuraffär djurbutik",
    "stall": "stall ridesenter ridskola stable",
    "veterinær": "veterinær veterinar veterinär dyrlege veterinarian",
    "kennel": "kennel hundepensjonat",
    # Kinds of customer of a wholesaler to restaurants, resorts and events (nb, nn, en).
    "alpin": "alpinanlegg alpinsenter skianlegg skisenter skisted skitrekk skiresort skirestaurant",
    "golf": "golfklubb golfbane golfklubbhus golf",
    "festival": "festival festivalarrangør",
    "pizzeria": "pizzeria pizzarestaurant pizzabakeri pizzaria",
    "sushi": "sushibar sushirestaurant sushirestaurang sushi",
    "foodtruck": "foodtruck matvogn gatekjøkken",
    "vinmonopol": "vinmonopol",
    # Words that only qualify a kind ("fish shops", "skolekantiner"): never a group alone.
    "fisk": "fisk fiske fish seafood sjømat",
    "skole": "skole skule skola school",
    "bedrift": "bedrift bedrifts company corporate",
    "kjøtt": "kjøtt meat",
    "bil": "bil car auto automobile",
    "maskin": "maskin machine machinery traktor tractor",
}
_QUALIFIERS = frozenset({"fisk", "skole", "bedrift", "kjøtt", "bil", "maskin", "mc"})
#: Every word the kinds are listed by, as written (folded).
KIND_WORDS = frozenset(fold(w) for words in _KINDS.values() for w in words.split())
# Kinds that sell what they are named by ("tyre shops", "dekkforhandlere"): one kind of seller
# for another when the business has no group of the first.
_SELLERS = frozenset({"butikk", "forhandler"})
#: Marks a group of sellers named by something that is no kind ("Torghandlere").
SPECIALISED = "~specialised"
# Two English words for one kind, read as that kind's Norwegian word first.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:nursing|care|retirement|old\s+people'?s)\s+homes?\b"), "sykehjem"),
    (re.compile(r"\bcoffee\s+(?:shops?|bars?|houses?)\b"), "kafeer"),
    (re.compile(r"\b(?:gas|petrol|filling|service|fuel)\s+stations?\b"), "bensinstasjoner"),
    (re.compile(r"\bconvenience\s+stores?\b"), "kiosker"),
    # "the schools" alone: the group named "Skoler ..." (a school only qualifies a kind in a
    # compound, "school canteens").
    (re.compile(r"\b(?<!primary\s)schools\b(?!\s+(?:canteens?|cafeterias?|kitchens?))"), "skoler"),
    (re.compile(r"\bsports?\s+(?:arenas?|halls?|venues?|grounds?|stadiums?)\b"), "idrettsarenaer"),
    (re.compile(r"\b(?:movie|picture)\s+(?:theat(?:er|re)s?|houses?)\b"), "kinoer"),
    (
        re.compile(r"\b(?:leisure|youth|recreation)\s+(?:centres?|centers?|clubs?)\b"),
        "fritidssentre",
    ),
    (re.compile(r"\b(?:pastry|cake)\s+(?:shops?|stores?|makers?|bakers?)\b"), "konditorier"),
    (
        re.compile(r"\bvending(?:\s+machine)?\s+(?:operators?|companies|company|firms?)\b"),
        "automatoperatører",
    ),
    (
        re.compile(r"\b(?:market|street)\s+(?:stalls?|traders?|vendors?|sellers?|stands?)\b"),
        "torghandlere",
    ),
    (re.compile(r"\b(?:flower|florist'?s?)\s+(?:shops?|stores?)\b"), "blomsterbutikker"),
    (
        re.compile(
            r"\b(?:municipal|council|city|town)\s+(?:buildings?|properties|premises|facilities)\b"
        ),
        "kommunebygg",
    ),
    (re.compile(r"\bgarden\s+(?:centres?|centers?|shops?|stores?)\b"), "hagesentre"),
    (
        re.compile(r"\b(?:funeral|burial)\s+(?:homes?|parlou?rs?|directors?|agenc(?:y|ies))\b"),
        "begravelsesbyråer",
    ),
    # Not "dagligvare", whose "daglig" is "daily".
    (re.compile(r"\bgrocery\s+stores?\b"), "matbutikker"),
    (re.compile(r"\bday\s*care\s+(?:centres?|centers?)\b"), "barnehager"),
    (re.compile(r"\bfishmongers?\b"), "fiskebutikker"),
    (
        re.compile(r"\b(?:event|events|wedding)\s+(?:agenc(?:y|ies)|planners?|companies|firms?)\b"),
        "eventbyråer",
    ),
    (re.compile(r"\blandscape\s+(?:gardeners?|contractors?|architects?)\b"), "anleggsgartnere"),
    (re.compile(r"\b(?:hardware|building\s+supplies?)\s+(?:shops?|stores?)\b"), "jernvarebutikker"),
    (re.compile(r"\broofing\s+(?:firms?|companies|contractors?)\b"), "taktekkere"),
    (re.compile(r"\bbutcher'?s\s+shops?\b"), "slaktere"),
    (
        re.compile(
            r"\b(?:key|major|large|big|biggest|largest|important|most\s+important|vip|top|best)"
            r"\s+(?:accounts?|customers?|clients?)\b"
        ),
        "storkunder",
    ),
    # "de store kundene", "våre største kunder", "de viktigste kundane": big customers, not
    # "stores".
    (
        re.compile(
            r"\b(?:store|største|stora|viktigste|viktige|beste|vip|største|storste)\s+"
            r"(?:kunde\w*|kund\w*)\b"
        ),
        "storkunder",
    ),
    (
        re.compile(r"\b(?:fitness|health)\s+(?:centres?|centers?|clubs?|studios?)\b"),
        "treningssentre",
    ),
    (
        re.compile(r"\b(?:dental|medical|doctor'?s?)\s+(?:clinics?|offices?|surgeries)\b"),
        "klinikker",
    ),
    (re.compile(r"\b(?:hair|beauty)\s+(?:salons?|dressers?)\b"), "frisørsalonger"),
    (re.compile(r"\bhousing\s+(?:co-?operatives?|co-?ops?|associations?)\b"), "borettslag"),
    (re.compile(r"\bboat\s*yards?\b"), "båtverft"),
    (
        re.compile(r"\bcleaning\s+(?:companies|firms?|agenc(?:y|ies)|businesses|contractors?)\b"),
        "rengjøringsbyråer",
    ),
    (re.compile(r"\bshipping\s+(?:companies|firms?|lines?)\b"), "rederier"),
    (re.compile(r"\b(?:tyre|tire)\s+hotels?\b"), "dekkhotell"),
    (re.compile(r"\bcar\s*wash(?:es)?\b"), "bilvasker"),
    (re.compile(r"\b(?:taxi|cab)\s+(?:companies|company|firms?|operators?|services?)\b"), "taxier"),
    (re.compile(r"\bpet\s+(?:shops?|stores?)\b"), "dyrebutikker"),
    (
        re.compile(
            r"\b(?:ski|skiing|alpine|mountain)\s+(?:resorts?|areas?|centres?|centers?|lodges?"
            r"|restaurants?|slopes?|hills?)\b"
        ),
        "alpinanlegg",
    ),
    (re.compile(r"\bgolf\s+(?:clubs?|courses?|resorts?)\b"), "golfklubber"),
    (re.compile(r"\bfood\s*trucks?\b"), "foodtrucks"),
    (re.compile(r"\bsushi\s+(?:bars?|restaurants?)\b"), "sushibarer"),
    (re.compile(r"\bpizza\s+(?:places?|restaurants?|shops?)\b"), "pizzeriaer"),
    (re.compile(r"\b(?:wine|cocktail)\s+bars?\b"), "barer"),
    (
        re.compile(r"\b(?:catering\s+(?:companies|firms?|businesses)|caterers?)\b"),
        "cateringfirmaer",
    ),
    (re.compile(r"\b(?:vets|veterinary\s+(?:clinics?|practices?))\b"), "veterinærer"),
    (re.compile(r"\b(?:riding\s+(?:schools?|centres?|centers?))\b"), "ridesentre"),
)

# Stem of a word -> its kind; the Norwegian stems also as parts of compounds.
_BY_STEM: dict[str, str] = {}
_PARTS: list[tuple[str, str]] = []
for _kind, _words in _KINDS.items():
    for _word in _words.split():
        for _stem in stems(_word):
            if len(_stem) >= 3:
                _BY_STEM.setdefault(_stem, _kind)
        if len(_word) >= 4:
            _PARTS.append((fold(_word), _kind))
_PARTS.sort(key=lambda item: -len(item[0]))


def replace_phrases(text: str) -> str:
    """``text`` with the two-word English kinds as one word ("nursing homes" -> "sykehjem")."""
    for pattern, word in _PHRASES:
        text = pattern.sub(word, text)
    return text


def phrase_replaced_by(text: str, word: str) -> tuple[int, int] | None:
    """Where ``text`` says in two words the kind ``replace_phrases`` reads as ``word`` ("the big
    customers" for "storkunder"): its span, or None."""
    folded = text.lower()
    for pattern, one in _PHRASES:
        if one == word:
            m = pattern.search(folded)
            if m is not None:
                return m.span()
    return None


# Words that are other words first: "bare" (only), "skip" (to skip), "bar" (bare).
# "kontoret", "the office": the business's own office, not the group of offices.
#: Wares whose words look like a kind's ("kaffe" like "kafe"): what is sold, never who buys it.
WARES = frozenset({"kaffe", "kaffen", "kaffi"})
_NEVER = WARES | {
    "bare", "stor", "store", "stort", "kontoret", "office", "garden", "gardens", "maler",
}  # fmt: skip
_AMBIGUOUS = frozenset({"skip", "bar"})
_DETERMINER = re.compile(r"\b(?:til|to|the|alle|all|our|våre|de|dei|for|te)\s+$")


@lru_cache(maxsize=4096)
def kind_of_word(word: str) -> str | None:
    """The kind one word of a request names ("canteens", "båtane"), or None."""
    if fold(word) in _NEVER:
        return None
    for stem in sorted(stems(word), key=len, reverse=True):
        if stem in _BY_STEM:
            return _BY_STEM[stem]
    return None


# The head of a compound naming a company ("-selskap", "-firma"): the first part is its kind.
_COMPANY_TAIL = re.compile(r"s?(?:selskap|firma|bedrift|foretak)\w*$")


@lru_cache(maxsize=4096)
def compound_kinds(word: str) -> tuple[str, ...]:
    """The two kinds a compound of a request is made of ("klubbkafeene": club, café;
    "idrettskioskene": club, kiosk), or () when it is not two kinds joined."""
    word = fold(word)
    company = _COMPANY_TAIL.search(word)
    if company is not None and company.start() >= 3:
        # "bussselskapene", "transportfirmaet": a company of the kind its first part names.
        first = word[: company.start()]
        kind = kind_of_word(first) or (
            kind_of_word(first[:-1]) if first[-1] in "se" and len(first) > 3 else None
        )
        return (kind,) if kind is not None else ()
    for i in range(3, len(word) - 2):
        head = kind_of_word(word[i:])
        if head is None:
            continue
        first = word[:i]
        qualifier = kind_of_word(first) or (
            kind_of_word(first[:-1]) if first[-1] in "se" and len(first) > 3 else None
        )
        if qualifier is not None and qualifier != head:
            return (qualifier, head)
    return ()


@lru_cache(maxsize=1024)
def kinds_in_name(name: str) -> frozenset[str]:
    """The kinds a group's name and slug are made of, compounds taken apart."""
    found: set[str] = set()
    other_words = False  # "Hi-fi-butikker": shops named by something that is no kind
    for word in re.split(r"[\s_-]+", fold(name)):
        if len(word) < 3:
            other_words = other_words or (word.isalpha() and word not in ("og", "i", "på"))
            continue
        kind = kind_of_word(word)
        if kind is None and re.search(r"[^aeiouyæøå]tre$", word):
            # "Omsorgssentre", "Teatre": the plural of "-senter", "-teater".
            kind = kind_of_word(word[:-3] + "ter")
        if kind is not None:
            found.add(kind)
            if kind in _SELLERS and other_words:
                found.add(SPECIALISED)
            continue
        two = compound_kinds(word) if len(word) >= 7 else ()
        if len(two) == 2:
            found.update(two)  # "bilforhandlere": car, dealer ("bil" too short a part)
        rest = word
        sellers = False
        for part, part_kind in _PARTS:
            if part in rest:
                found.add(part_kind)
                sellers = sellers or part_kind in _SELLERS
                rest = rest.replace(part, " ")
        if sellers and len(two) < 2 and any(len(left) >= 3 for left in rest.split()):
            # "Torghandlere", "Markedshandlere": sellers named by a place or a ware that is no
            # kind; "the shops" are the shops of a plainer name before them.
            found.add(SPECIALISED)
    return frozenset(found)


@dataclass
class KindMatch:
    """A phrase of the request naming a kind of customer: its words' span, its kinds, and the
    group it means (None: the business has no such group)."""

    start: int
    end: int
    words: str
    kinds: list[str]
    group: str | None


_WORD = re.compile(r"[\wæøåé']+")


def kind_phrases(s: str, groups: Sequence[tuple[str, frozenset[str]]]) -> list[KindMatch]:
    """Runs of words naming kinds of customer in ``s``, each with the group it means.

    ``groups``: (slug, kinds) of each group. A run's head is its last word's kind; groups of
    that kind compete by the run's kinds they share, less the kinds they have beyond it."""
    out: list[KindMatch] = []
    run: list[tuple[re.Match[str], str]] = []

    def close() -> None:
        if not run:
            return
        kinds = [kind for _m, kind in run]
        # "bus companies", "transport firms": the company is of the kind before it.
        while len(kinds) > 1 and kinds[-1] == "bedrift" and kinds[-2] not in _QUALIFIERS:
            kinds.pop()
        head = kinds[-1]
        # "skolekantiner": "skole" qualifies; alone, it is the group made of it only ("Skoler").
        if head in _QUALIFIERS and not any(found == {head} for _slug, found in groups):
            run.clear()
            return
        named = set(kinds) - {head}
        plural = re.search(r"(?:er|ene|erne|ane|an|s)$", run[-1][0].group(0)) is not None
        if not named and head in _SELLERS and plural:
            # "butikkene" where the business has two kinds of shop and no plain "Butikker":
            # which shops is asked, not picked.
            sellers = [k for _slug, k in groups if head in k]
            if len(sellers) >= 2 and all(SPECIALISED in k for k in sellers):
                start, end = run[0][0].start(), run[-1][0].end()
                out.append(KindMatch(start, end, s[start:end], kinds, None))
                run.clear()
                return
        best: tuple[int, str] | None = None
        for slug, group_kinds in groups:
            if head not in group_kinds:
                continue
            score = 2 * len(group_kinds & set(kinds)) - len(group_kinds - set(kinds))
            if SPECIALISED in group_kinds:
                score -= 1  # less than a shop of a kind the request does not name
            if best is None or score > best[0]:
                best = (score, slug)
        if best is not None and named:
            # "motorcycle shops" where the shops are "tyre-shops": a kind the run names against
            # another the group is of is another group.
            group_kinds = dict(groups)[best[1]]
            if not named & group_kinds and group_kinds - set(kinds) - _SELLERS:
                best = None
        if best is None and head in _SELLERS:
            # "the tyre shops" where the group is "Dekkforhandlere": another kind of seller of
            # the same thing.
            for slug, group_kinds in groups:
                if group_kinds & _SELLERS and named and named <= group_kinds:
                    best = (0, slug)
                    break
        start, end = run[0][0].start(), run[-1][0].end()
        out.append(KindMatch(start, end, s[start:end], kinds, best[1] if best else None))
        run.clear()

    position = 0
    for m in _WORD.finditer(s):
        gap = s[position : m.start()]
        position = m.end()
        word = m.group(0)
        kind = kind_of_word(word) if len(word) >= 3 else None
        if word in _AMBIGUOUS and not _DETERMINER.search(s[: m.start()]):
            kind = None  # "skip holidays", "a bar of": a kind only as a noun ("til skip")
        found = [kind] if kind is not None else []
        if kind is None and len(word) >= 7 and word not in _AMBIGUOUS:
            found = list(compound_kinds(word))
        if not found or (run and gap.strip()):
            close()
        run.extend((m, k) for k in found)
    close()
    return out
