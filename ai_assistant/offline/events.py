"""Which event starts an event-based workflow: a new order, a new customer."""

from __future__ import annotations

import re

from ai_assistant.offline.text import blank

_ORDER_EVENT = re.compile(
    r"\b(?:når|hver\s+gang|straks|så\s+snart|etter\s+at|idet|dersom)\s+"
    r"(?:\w+\s+){0,4}?(?:legger\s+inn|legg\s+inn|sender\s+inn|har\s+lagt\s+inn|lager|gjør|bestiller|"
    # Dialect and Nynorsk present tense: "når ein kunde bestill", "bestilla", "tingar".
    r"bestill|bestilla|tingar|tinger|"
    r"handler|kommer\s+inn|(?:ordre\w*|bestilling\w*|tinging\w*)\s+(?:kjem|kjæm|kømmer)\s+inn|(?:har\s+|er\s+)?kommet\s+inn|blir\s+lagt\s+inn|er\s+lagt\s+inn|opprettes|blir\s+opprettet|"
    r"mottas|er\s+mottatt|registreres)\b(?:\s+(?:en|ny|sin|ei)?\s*(?:ordre\w*|bestilling\w*))?"
    r"|\b(?:when|whenever|once|after|each\s+time|every\s+time|as\s+soon\s+as|if|når)\s+"
    r"(?:\w+\s+){0,3}?(?:places?|puts?\s+in|submits?|makes?|creates?)\s+(?:an?\s+|their\s+|"
    r"new\s+)*orders?"
    r"|\b(?:when|whenever|once|after|each\s+time|every\s+time|as\s+soon\s+as|if)\s+(?:an?\s+|the\s+)?"
    r"(?:new\s+)?orders?\s+(?:is\s+|has\s+been\s+|gets\s+|comes\s+)?(?:placed|created|received|"
    r"in|submitted|made|arrives)"
    r"|\b(?:ved|for)\s+(?:hver|enhver|ny)\s+(?:ny\s+)?(?:ordre|bestilling)\w*"
    r"|\better\s+(?:hver|enhver)\s+(?:ny\s+)?(?:ordre|bestilling)\w*"
    r"|\b(?:on|for|after)\s+(?:each|every|a|any)\s+(?:new\s+)?order\b"
    r"|\bnye?\s+(?:ordre|ordrer|bestilling|bestillinger)\b|\bnew\s+orders?\b"
    r"|\bnår\s+\w+\s+bestiller\b"
    # "med en gang hen bestiller", "straks ho har bestilt": a pronoun for the customer.
    r"|\b(?:med\s+en\s+gang|med\s+ein\s+gong|med\s+det\s+samme|straks|så\s+snart|når|idet"
    r"|etter\s+at)\s+"
    r"(?:hen|han|hun|ho|de|dei|dem)\s+(?:bestiller|bestiller|har\s+bestilt|handler)\b"
    # "ordre inn → varsle kundeservice", "ny bestilling: send ...": an order, as a heading.
    r"|(?:^|[;.!?]\s*)(?:ny\s+|new\s+)?(?:ordre|bestilling|order)\s+(?:inn|in|mottatt|received"
    r"|kommer)\s*(?:→|->|=>|:|,|-)"
    # Swedish "när en kund lägger en beställning" (read as "legger en bestilling").
    r"|\b(?:når|hver\s+gang|så\s+snart)\s+(?:\w+\s+){0,3}?legger\s+(?:en|ei|ny|sin)\s+"
    r"(?:ny\s+)?(?:ordre|bestilling|order)\w*"
    # Dialect without the present tense's -r: "når någen bestille någe", "kvar gong nokon
    # bestille noko".
    r"|\b(?:når|hver\s+gang|kvar\s+gong|kver\s+gang)\s+(?:noen|nån|någen|nokon|nokken|nåkken"
    r"|folk|ein\s+kunde|en\s+kunde|kunden|kundene|kundane|kundan|de|dei|dem)\s+bestiller?\b"
    r"(?:\s+(?:noe|någe|nåkka|noko|nokka|nåkke|noka|nå))?"
    # "når ordren er registrert", "når en ny bestilling blir opprettet": the order itself.
    r"|\b(?:når|straks|så\s+snart|etter\s+at|idet)\s+(?:en\s+|ei\s+|den\s+|det\s+)?(?:ny\s+)?"
    r"(?:ordre\w*|bestilling\w*)\s+(?:er|blir|har\s+blitt)\s+(?:registrert|opprettet|mottatt"
    r"|lagt\s+inn|sendt\s+inn)\b"
    # "etter at en kunde har bestilt", "når noen har handlet": a customer's order.
    r"|\b(?:når|hver\s+gang|straks|så\s+snart|etter\s+at|idet)\s+(?:en\s+|ei\s+|ny\s+)?"
    r"(?:kunde\w*|noen|de|dei|dem|dom|dæm|dæ|folk|han|hun)\s+har\s+(?:bestilt|handlet"
    r"|lagt\s+inn\s+(?:en\s+)?"
    r"(?:ordre|bestilling)\w*)\b"
    r"|\b(?:med\s+en\s+gang|straks|så\s+snart|rett\s+etter\s+at)\s+(?:de|han|hun|kunden|noen"
    r"|en\s+kunde)\s+har\s+(?:bestilt|handlet|lagt\s+inn\s+(?:en\s+)?(?:ordre|bestilling)\w*)"
    r"|\bnår\s+det\s+kommer\s+(?:inn\s+)?(?:en\s+)?(?:ny\s+)?(?:ordre|bestilling)\w*"
    # Swedish "när en order läggs", "när en beställning kommer in / tas emot".
    r"|\b(?:när|når)\s+(?:en\s+|ny\s+)*(?:order|ordre|beställning|bestilling)\w*\s+(?:läggs|legges"
    r"|har\s+lagts|lagts|kommer\s+in|tas\s+emot|registreras)\b"
    r"|\b(?:when|whenever|once|as\s+soon\s+as|after|each\s+time|every\s+time)\s+(?:someone|somebody"
    r"|anyone|they|a\s+customer"
    r"|the\s+customer)\s+(?:has\s+)?(?:orders|ordered|buys|bought)\b"
)
_CUSTOMER_EVENT = re.compile(
    r"\b(?:ny\w*|new)\s+kunde\w*(?:\s+(?:registrerer\s+seg|blir\s+opprettet|opprettes|legges\s+til))?"
    r"|\bnew\s+customers?(?:\s+(?:signs?\s+up|registers|is\s+(?:created|added)|joins))?"
    r"|\b(?:when|whenever|once)\s+(?:an?\s+|the\s+)?customer\s+(?:signs?\s+up|registers|"
    r"is\s+(?:created|added)|joins)"
    r"|\b(?:signs?|signed)\s+up\b|\bcustomer\s+(?:just\s+)?(?:registered|joined)\b"
    r"|\bregistrerer\s+seg\b|\bkunde\w*\s+(?:opprettes|oprettes|blir\s+opprettet|bliver\s+oprettet|"
    r"legges\s+til|blir\s+lagt\s+til|registrert\w*|er\s+registrert)"
    r"|\b(?:someone|somebody|a\s+customer)\s+(?:registers|signs\s+up|creates\s+an\s+account)"
    # "når et nytt verksted blir kunde", "when a new garage becomes a customer": one of a kind
    # that becomes a customer.
    r"|\b(?:når|hver\s+gang|when|whenever|once|each\s+time)\s+(?:en\s+|et\s+|ei\s+|an?\s+)?"
    r"(?:ny\w*\s+|new\s+)?[\wæøå]+\s+(?:blir|becomes)\s+(?:ny\s+|an?\s+(?:new\s+)?)?"
    r"(?:kunde|customer)\b"
)


# "når en ny kunde blir opprettet / registreres": the customer is what is created, whatever
# the order phrase's verbs would make of it.
_CUSTOMER_CREATED = re.compile(
    r"\b(?:ny\w*\s+)?kunde\w*\s+(?:blir\s+opprettet|opprettes|oprettes|bliver\s+oprettet"
    r"|registreres|blir\s+registrert"
    r"|registrerer\s+seg|er\s+registrert|legges\s+til|blir\s+lagt\s+til|blir\s+lagt\s+inn"
    r"|legges\s+inn|er\s+lagt\s+inn|kommer\s+til)"
    # "når det kommer inn en ny kunde", "får vi en ny kunde": a customer, whatever follows.
    r"|\b(?:kommer|kjem|får)\s+(?:det\s+|vi\s+|me\s+)?(?:inn\s+)?(?:en\s+|ein\s+)?"
    r"(?:ny|nye)\s+kunde\w*"
    r"|\b(?:new\s+)?customer\s+(?:is\s+|gets\s+)?(?:created|registered|added|signs?\s+up)"
    # "når kunden er ny", "when the customer is new": a new customer.
    r"|\b(?:når|hver\s+gang|when|whenever|once)\s+(?:en\s+|ein\s+|kunden\s+|the\s+|a\s+)?"
    r"(?:kunde|customer)?\s*(?:er|is)\s+(?:ny|new)\b"
)
# "when the webshop webhook fires", "når webhooken «crm.update» kommer": a webhook event.
_WEBHOOK_EVENT = re.compile(
    r"\b(?:(?:when|whenever|once|if|når|hver\s+gang)\s+(?:\w+\s+){0,6}?)?"
    r"(?:the\s+)?(?:[\w.-]+\s+|[\w.-]*-)?webhook(?:en|s)?\b(?:\s+(?:[\w.«»\"'-]+\s+)?(?:fires|is\s+called"
    r"|arrives?|comes?\s+in|comes?|kommer(?:\s+inn)?|kjem(?:\s+inn)?|kalles|går\s+av|slår\s+inn"
    r"|slår\s+til|trigges|utløses"
    r"|is\s+triggered|triggers|goes\s+off|kicks\s+in|hits|fyrer|fyres))?"
)

# "når dispenser-tom slår inn", "after lager-lavt comes in": a name with a dash or a dot (as
# webhooks are named, never a word of the language) that arrives or fires is a webhook.
_DASHED = r"(?!e-post|e-mail)[a-z0-9]+(?:[.-][a-z0-9]+)+"
_ARRIVES = (
    r"(?:slår\s+inn|slår\s+til|kommer(?:\s+inn)?|har\s+kommet(?:\s+inn)?|er\s+kommet(?:\s+inn)?"
    r"|kalles|går\s+av|trigges|utløses|fyres|fires|arrives|comes\s+in|is\s+called"
    r"|is\s+triggered|goes\s+off|kicks\s+in|hits|reports|melder|arrive|come\s+in|come|fire"
    # Dialect and Nynorsk ("når frost-alarm kjem inn", "når alarm-x går"), English "comes".
    r"|kjem(?:\s+inn)?|kjæm(?:\s+inn)?|kømmer(?:\s+inn)?|går|comes|goes)"
)
# "if we get a frost-alarm", "når vi får en frost-alarm", "on every pris-fil": a dashed name
# the business receives.
_RECEIVED = (
    r"(?:(?:if|when|whenever|once|each\s+time|every\s+time|as\s+soon\s+as)\s+(?:we|you|i)\s+"
    r"(?:get|receive|have)|(?:når|hver\s+gang|dersom|om|viss|vis|straks)\s+(?:vi|me|æ|jeg)\s+"
    r"(?:får|fær|mottar|tar\s+imot)"
    # "when the ferry company sends a x-y", "når rederiet sender oss en x-y": whoever sends it.
    r"|(?:if|when|whenever|once|each\s+time|every\s+time|når|hver\s+gang|dersom|viss)\s+"
    r"(?:[\wæøå]+\s+){1,4}?(?:sends|sender|posts|pushes)(?:\s+(?:us|oss|inn|in))?)"
    r"\s+(?:an?\s+|the\s+|en\s+|ei\s+|et\s+|ein\s+|eit\s+)?"
)
_DASHED_ALONE = (
    r"|\b(?:når|ved|hver\s+gang|kvar\s+gong|straks|when|whenever|on|upon|each\s+time|every\s+time)"
    r"\s+(?:the\s+|an?\s+|en\s+|ein\s+)?(" + _DASHED + r")(?=\s*[,:;]|\s+(?:→|->))"
)
# "ved mottak av dekk-booking", "on receipt of a pris-fil", "når det kommer inn en x-y": a
# dashed name received, said formally or with the arrival first.
_RECEIPT_OF = (
    r"(?:\bved\s+mottak\s+av|\bved\s+innkommende|\bon\s+receipt\s+of|\bupon\s+receiving"
    r"|\bon\s+receiving|\b(?:når|hver\s+gang|straks|så\s+snart|when|whenever|each\s+time"
    r"|every\s+time|as\s+soon\s+as)\s+(?:det\s+|der\s+|there\s+)?(?:kommer|kjem|comes?"
    r"|arrives?)\s+(?:inn\s+|in\s+)?)\s*(?:an?\s+|the\s+|en\s+|ei\s+|et\s+|ny\s+|nytt\s+"
    r"|new\s+)*"
)
_NAMED_ARRIVES = re.compile(
    r"\b(?:når|hver\s+gang|etter\s+at|straks|så\s+snart|idet|when|whenever|once|after|each\s+time"
    r"|every\s+time|as\s+soon\s+as|if)\s+(?:the\s+|an?\s+)?" + _DASHED + r"\s+" + _ARRIVES + r"\b"
    r"|\b"
    + _RECEIVED
    + _DASHED
    + r"\b"
    # "Når kaffemaskin-feil, send ...", "on lager-lavt: ...": a dashed name alone as the when.
    + _DASHED_ALONE
    + r"|"
    + _RECEIPT_OF
    + _DASHED
    + r"\b"
)
# Pseudo-code events: "on order.created:", "on customer.created:", "on order_created".
_DOTTED_ORDER = re.compile(
    r"\b(?:on\s+|når\s+|ved\s+)?(?:order|ordre)[._](?:created|new|placed)\b:?"
)
_DOTTED_CUSTOMER = re.compile(
    r"\b(?:on\s+|når\s+|ved\s+)?(?:customer|kunde)[._](?:created|new|registered|signup)\b:?"
)

# "når dispenseralarm kommer inn", "when lagervarsel fires", "når det kommer lagervarsel": one
# word joined of a thing and a signal word (an alarm, a warning, a notice, an alert) that
# arrives is a webhook by that name, said without the word "webhook".
_SIGNAL_NAME = (
    r"[a-zæøå0-9]{3,}-?(?:alarm|alrm|varsel|varsling|melding|signal|alert|warning|notification"
    r"|notice|trigger)(?:en|et|a|s)?"
)
_SIGNAL_ARRIVES = (
    r"(?:" + _ARRIVES + r"|tikker(?:\s+inn)?|ticks\s+in|dukker\s+opp|popper\s+opp|lander"
    r"|is\s+received|er\s+mottatt|mottas|går\s+av|utløses)"
)
_WHEN = (
    r"(?:når|hver\s+gang|kvar\s+gong|straks|så\s+snart|idet|dersom|om|viss|when|whenever|once"
    r"|each\s+time|every\s+time|as\s+soon\s+as|if)"
)
_SIGNAL_ARRIVES_EVENT = re.compile(
    r"\b"
    + _WHEN
    + r"\s+(?:the\s+|an?\s+|en\s+|et\s+|ei\s+|ein\s+|eit\s+)?("
    + _SIGNAL_NAME
    + r")\s+"
    + _SIGNAL_ARRIVES
    + r"\b"
    r"|\b" + _WHEN + r"\s+(?:det\s+|der\s+|there\s+)?(?:kommer|kjem|kommer\s+inn|kjem\s+inn"
    r"|comes?\s+in|comes?|arrives?|is)\s+(?:inn\s+)?(?:an?\s+|en\s+|et\s+|ei\s+|ein\s+|eit\s+"
    r"|ny\s+|nytt\s+|new\s+)*(" + _SIGNAL_NAME + r")\b"
    r"|\b" + _RECEIVED + "(" + _SIGNAL_NAME + r")\b"
)

#: Event phrases, most specific first, with the event type each means.
EVENT_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_DOTTED_ORDER, "order.created"),
    (_DOTTED_CUSTOMER, "customer.created"),
    (_WEBHOOK_EVENT, "webhook"),
    (_NAMED_ARRIVES, "webhook"),
    (_SIGNAL_ARRIVES_EVENT, "webhook"),
    (_CUSTOMER_CREATED, "customer.created"),
    (_ORDER_EVENT, "order.created"),
    (_CUSTOMER_EVENT, "customer.created"),
)


_NAME = r"([A-Za-z0-9][\w.:/-]{0,99})"
_OPEN = "[«\"'\u201c\u2018]"
_CLOSE = "[»\"'\u201d\u2019]"
# The webhook's name: quoted next to "webhook" («lager-lavt», 'pos-sync', "crm.update"), or
# a name with a dot or a dash right after it ("webhook crm.update").
# Words before "webhook" that say what kind of webhook it is, not its name.
_NOT_NAMES = (
    r"new|same|named|signed|incoming|other|first|second|last|next|two|three|one|each|every"
    r"|any|this|that|webshop|shop|crm|erp|order|orders|customer|stock|inventory|payment|api"
)
_WEBHOOK_NAME = (
    re.compile(
        r"webhook\w*\s+(?:(?:called|named|kalt|som\s+heter|med\s+navn(?:et)?)\s+)?"
        + _OPEN
        + _NAME
        + _CLOSE,
        re.IGNORECASE,
    ),
    re.compile(_OPEN + _NAME + _CLOSE + r"\s*-?\s*webhook", re.IGNORECASE),
    re.compile(r"webhook\w*\s+([a-z0-9]+(?:[.:-][a-z0-9]+)+)\b", re.IGNORECASE),
    # "- hendelse: ferjerute-endring", "Event: stock-low" as a line of a list.
    re.compile(
        r"(?m)^\W*(?:\d{1,2}[.)]\s*)?(?:hendelse|hending|event|trigger|utløser)\s*:\s*([a-z0-9][\w.:-]{0,99}?)\s*$",
        re.IGNORECASE,
    ),
    # "Webhook: prisfil" as a line of a list: the name after the colon.
    re.compile(r"(?m)^\W*webhook\w*\s*:\s*([a-z0-9][\w.:-]{0,99}?)\s*$", re.IGNORECASE),
    # "(webhook reklamasjon)", "(webhook: garantisak)": a name in brackets after the word.
    re.compile(r"\(\s*webhook\w*\s*:?\s+([a-z0-9][\w.:-]{0,99}?)\s*\)", re.IGNORECASE),
    # "reklamasjon-webhooken", "garantisak-webhook": the name joined to it by a dash.
    re.compile(r"(?<![\w-])([a-zæøå0-9]+(?:[.:-][a-zæøå0-9]+)*?)-webhook", re.IGNORECASE),
    # "the lager-restvare webhook", "faktura-forfalt-webhooken": the name right before it.
    re.compile(r"\b([a-z0-9]+(?:[.:-][a-z0-9]+)+?)(?:\s+|-)webhook", re.IGNORECASE),
    # "når dispenser-tom slår inn": a dashed name that arrives.
    re.compile(
        r"\b(?:når|hver\s+gang|etter\s+at|straks|så\s+snart|idet|when|whenever|once|after"
        r"|each\s+time|every\s+time|as\s+soon\s+as|if)\s+(?:the\s+|an?\s+)?("
        + _DASHED
        + r")\s+"
        + _ARRIVES
        + r"\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b" + _RECEIVED + "(" + _DASHED + r")\b", re.IGNORECASE),
    re.compile(_DASHED_ALONE[1:], re.IGNORECASE),
    # "When prisendring webhook comes", "whenever lagerstatus webhook fires": one word named
    # right after the event's lead, without an article.
    re.compile(
        r"\b(?:when|whenever|once|if|after|når|hver\s+gang|etter\s+at|straks|so\s+snart)\s+"
        r"(?!(?:" + _NOT_NAMES + r"|the|a|an|our|en|ei|et|ein|eit|vi|me|de|dei|det)\b)"
        r"([a-zæøå][a-zæøå0-9_]{2,})\s+webhook(?:en|et)?\b",
        re.IGNORECASE,
    ),
    re.compile(_RECEIPT_OF + "(" + _DASHED + r")\b", re.IGNORECASE),
    # "when the prisfil webhook fires": one word of no language's grammar before it.
    re.compile(
        r"\b(?:the|our|a)\s+(?!(?:" + _NOT_NAMES + r")\b)([a-zæøå][a-zæøå0-9_]{2,})\s+webhook\b",
        re.IGNORECASE,
    ),
    # "når webhooken lagertelling kommer inn", "når vi får webhooken varetelling, send ...": one
    # word right after "webhooken", before its arrival or the end of the clause.
    re.compile(
        r"\bwebhook(?:en|et)?\s+(?!" + _ARRIVES + r"\b|(?:fra|from|og|and|for|til|to|is|er|har"
        r"|blir|som|that|which|with|med)\b)([a-z0-9][\w-]{1,99})"
        r"(?=\s*(?:[,;.:]|$|\s+" + _ARRIVES + r"\b))",
        re.IGNORECASE,
    ),
)


def webhook_name(text: str) -> str | None:
    """The name of the webhook a request is about, from its own words (before they are
    normalised, which drops quotes); None when it names none."""
    for pattern in _WEBHOOK_NAME:
        m = pattern.search(text)
        if m:
            # "lagerstatus-hooken": the name without the word for a hook.
            return re.sub(r"(?i)-(?:web)?hook(?:en|et|s)?$", "", m.group(1)) or m.group(1)
    m = _SIGNAL_ARRIVES_EVENT.search(text.lower())
    if m:
        return _signal_base(next(g for g in m.groups() if g))
    return None


def _signal_base(name: str) -> str:
    """ "kjølealarmen", "lagervarselet", "frostalrm": the signal's name as such (no definite
    ending, the signal word's typo mended)."""
    name = re.sub(r"alrm(?=[a-zæøå]*$)", "alarm", name)
    return re.sub(
        r"(alarm|varsel|varsling|melding|signal)(?:en|et|a|ene)$"
        r"|(alert|warning|notification|notice|trigger)s$",
        lambda m: m[1] or m[2],
        name,
    )


def without_name(text: str, name: str | None) -> str:
    """``text`` with the webhook's name (and quotes around it) blanked; a name that is a word
    of the language after "på", "om", "about" ("svar på reklamasjon") is what is sent."""
    if not name:
        return text
    pattern = re.compile(
        r"['\u2018\u2019]?" + re.escape(name.lower()) + r"(?![a-zæøå])['\u2018\u2019]?"
    )
    named = bool(re.search(r"[.:/_-]|\d", name))

    def blanked(m: re.Match[str]) -> str:
        if not named and re.search(
            r"\b(?:på|om|about|on|regarding|angående)\s+$", text[: m.start()]
        ):
            return m.group(0)
        return " " * len(m.group(0))

    return pattern.sub(blanked, text)


# "når en | when a" right before a phrase that starts at its subject ("ny kunde registrerer
# seg", "new customer signs up"): part of the event phrase, not words left unread.
_EVENT_LEAD = re.compile(
    r"\b(?:når|hver\s+gang|så\s+snart|straks|idet|om|dersom|när|when|whenever|once|if"
    r"|each\s+time|every\s+time|as\s+soon\s+as)\s+(?:(?:en|ei|et|ein|eit|an?|the|det)\s+)?"
    r"(?:(?:kommer|kjem|kommer\s+inn|får\s+vi|får\s+me)\s+(?:det\s+)?(?:inn\s+)?"
    r"(?:en\s+|ein\s+)?)?$",
    re.IGNORECASE,
)


def read_event(text: str) -> tuple[str | None, str]:
    """The event the request is about, and the text without its phrase."""
    for pattern, kind in EVENT_PHRASES:
        m = pattern.search(text)
        if m:
            text = blank(text, m)
            lead = _EVENT_LEAD.search(text, 0, m.start())
            return kind, blank(text, lead) if lead is not None else text
    return None, text
