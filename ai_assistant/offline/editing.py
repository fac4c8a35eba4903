"""Changes to a draft in the offline assistant's words, tried in this order:

1. "ja", "ser bra ut", "looks good": nothing to change (said so);
2. the holiday policy: "hopp over helligdager", "er det helligdag, send dagen før";
3. removing: "ta bort mandag" (one day of a schedule on several days), "ta bort kafeene",
   "fjern den faste ordren", "remove the reminder";
4. another template: "bytt til prislista", "use the price list instead";
5. another group as well: "og til kantinene også", "legg til hotellene", "also the gyms";
   the same emails in another language: "send den på engelsk" (``refine.more_edits``);
6. more steps: "legg til en påminnelse fredag", "also tell the warehouse", "og send
   prislista 2 dager etter", "and on Friday at 10 place their usual order ...";
7. moves and group changes (``ai_assistant.refine``): "flytt påminnelsen til onsdag kl 12",
   "bare til butikkene";
8. the schedule: "bare partallsuker", "make it every other week", "første virkedag i
   stedet", "kl 10", "hver uke".

Said otherwise first (``_as_edit``): "purringa må komme torsdag kl 13" is a move, "purringa
skal til elektrikerne" a group change, "ikke på fredag, på torsdag" the day corrected, "nei,
den 5. i stedet" another day of the month; dialect as standard words ("te" is "til").

Each returns the changed draft with what changed in words, or a question; None when the text
is no change of the draft (then it is read as a new request).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from ai_assistant.context import ParseContext
from ai_assistant.offline import ParseOutcome, detect_language
from ai_assistant.offline.audience import GroupMatcher, apply_correction
from ai_assistant.offline.builder import Ask, Builder
from ai_assistant.offline.calendar import first_on_or_after, read_policy
from ai_assistant.offline.fragments import Fragment, Reader
from ai_assistant.offline.kinds import kind_of_word, kind_phrases, replace_phrases
from ai_assistant.offline.text import DEC, amount, normalise, spoken_forms
from ai_assistant.offline.timing import WEEKDAYS, is_day_word
from ai_assistant.refine import (
    describe,
    description_language,
    find_target,
    follow_step_names,
    more_edits,
    name_what,
    refine_draft,
    step_kinds,
)
from automation.registry import step_types
from automation.wording import Words, policy_outcome, schedule_text

__all__ = ["edit_draft"]

_ACK = re.compile(
    r"^\s*(?:ja|jo|jepp|ok(?:ei|ay)?|greit|flott|fint|supert|perfekt|bra|yes|yeah|great|perfect"
    r"|fine|good|nice|looks\s+good|ser\s+bra\s+ut|det\s+ser\s+bra\s+ut|sånn\s+ja|takk|thanks"
    r"|thank\s+you)(?:[\s,.!]+(?:ja|ok|takk|thanks|ser\s+bra\s+ut|looks\s+good|great|bra|fint"
    r"|perfekt|perfect|det\s+er\s+fint|that'?s\s+fine))*[\s,.!]*$",
    re.IGNORECASE,
)
_REMOVE = re.compile(
    r"^\s*(?:nei,?\s+)?(?:ta\s+bort|fjern|slett|dropp|stryk|remove|delete|drop|get\s+rid\s+of"
    r"|take\s+out|skip\s+the)\s+(?P<what>.+)$",
    re.IGNORECASE,
)
_SWAP = re.compile(
    r"^\s*(?:nei,?\s+|no,?\s+)?(?:bytt|endre|skift|change|switch|swap)\s+(?:\w+\s+){0,2}?"
    r"(?:til|to|with)\s+(?P<what>.+)$"
    # "bytt ut påminnelsen med Kampanjehjørnet", "replace the reminder with the offer".
    r"|^\s*(?:nei,?\s+|no,?\s+)?(?:bytt(?:\s+ut)?|skift(?:\s+ut)?|erstatt|replace|swap)"
    r"\s+(?:\w+\s+){1,2}?(?:med|with|for)\s+(?P<what3>.+)$"
    # "prislista, ikke skjemaet", "the price list, not the form": the one wanted, then not
    # the one the draft has.
    r"|^\s*(?P<what5>[^,.;!?]+?)\s*,\s*(?:ikke|ikkje|not)\s+(?:the\s+)?[^,.;!?]+[\s.!]*$"
    r"|^\s*(?:nei,?\s+|no,?\s+)?(?:send|bruk|use)\s+(?P<what2>.+?)\s+(?:i\s+stedet|instead)\b"
    # "nei send heller nyhetsbrevet", "no, use the newsletter rather".
    r"|^\s*(?:nei,?\s+|no,?\s+)?(?:send|bruk|use|ta)\s+(?:heller|rather)\s+(?P<what4>.+?)[\s.!]*$",
    re.IGNORECASE,
)
_ADD_GROUP = re.compile(
    r"^\s*(?:og|and|also|også)?\s*(?:send\s+(?:den|det|it|them)\s+)?(?:også\s+|also\s+)?"
    r"(?:til|to)\s+(?P<what>.+?)\s*(?:også|too|as\s+well)?[\s.!]*$",
    re.IGNORECASE,
)
_ADD = re.compile(
    r"^\s*(?:legg\s+(?:også\s+|au\s+|òg\s+)?(?:til|te|tel)(?:\s+at)?|add|og|and|også|also|plus|i\s+tillegg|dessuten|then|så"
    r"|gi\s+også|send\s+også)\b",
    re.IGNORECASE,
)
_SAME_TIME = re.compile(r"\bsamme\s+(?:tid|klokkeslett)\w*|\bsame\s+time\b", re.IGNORECASE)
_ORDINAL_DAY = re.compile(
    r"\b(?:første|andre|tredje|fjerde|siste|nest\s?siste|first|second|third|fourth|last)\s+"
    r"(?:virkedag|arbeidsdag|business\s+day|working\s+day|[a-zæøå]+dag|[a-z]+day)\b",
    re.IGNORECASE,
)
_EVERY_WEEK = re.compile(r"\b(?:hver\s+uke|every\s+week|ukentlig|weekly)\b", re.IGNORECASE)
# "actually make that the cafés", "nei, gjør det til hotellene": the audience said as what the
# draft should be made into.
# "nei, kafeene", "no, the cafés", "nei til hotella, ikkje kafeane": a bare "no" before a
# group, as the whole edit, is that group instead.
_NO_THEN_GROUP = re.compile(
    r"^\s*(?:nei|nope|no|næ|nå|nah)\b[\s,.!:-]*(?:(?:men\s+|but\s+)?(?:til|to|te)\s+)?"
    r"(?:the\s+)?(?P<who>[^,.;!]+?)\s*(?:instead|i\s+stedet|i\s+staden|heller)?"
    r"(?:\s*[,;]?\s*(?:ikke|ikkje|not)\s+[^,.;!]+)?[\s.!]*$",
    re.IGNORECASE,
)
_MAKE_THAT = re.compile(
    r"^\s*(?:(?:actually|no|nope|nei|egentlig|forresten|sorry|oops)[,.!]*\s+)*"
    r"(?:make\s+(?:that|it|this)|change\s+(?:that|it)\s+to|gjør\s+(?:det|den)\s+til"
    r"|endre\s+(?:det|den)\s+til)\s+(?:the\s+|for\s+the\s+)?(?P<who>[^,.;!]+?)"
    r"\s*(?:instead|i\s+stedet|heller)?[\s.!]*$",
    re.IGNORECASE,
)


# "nei, purringa må komme torsdag kl 13", "the reminder should go out on Wednesday at 12": a
# move, said as where the step should be.
_SHOULD_BE = re.compile(
    r"^\s*(?:nei|no|neida|nope)?[,.!]*\s*(?P<what>(?:the\s+|den\s+|det\s+)?[\wæøåé-]+)\s+"
    r"(?:må|skal|bør|burde|should|must|needs\s+to|has\s+to)\s+(?:heller\s+|rather\s+)?"
    r"(?:komme|gå\s+ut|sendes|være|kjøres|come|go\s+out|be\s+sent|be|run)\s+(?:på\s+|on\s+)?"
    r"(?P<when>.+)$",
    re.IGNORECASE,
)
# "nei, den 5. i stedet", "the 10th instead": another day of the month.
_DAY_OF_MONTH_ONLY = re.compile(
    r"^\s*(?:nei|no)?[,.!]*\s*(?:heller\s+|rather\s+|make\s+it\s+|change\s+it\s+to\s+|gjør\s+det\s+"
    r"(?:til\s+)?|ta\s+|flytt\s+(?:den|det)\s+til\s+|move\s+it\s+to\s+)?"
    r"(?:(?:den|the|on\s+the)\s+)(?P<n>\d{1,2})(?:\.|st|nd|rd|th)?"
    r"\s*(?:i\s+stedet|istedenfor|heller|instead)?[\s.!]*$",
    re.IGNORECASE,
)
_ALSO_DAYS = re.compile(
    r"\b(?:også|too|as\s+well|also|i\s+tillegg|in\s+addition)\b|^\s*(?:og|and|plus|\+)\b", re.I
)


# "purringa skal til elektrikerne", "the reminder should go to the hotels": a group change.
_SHOULD_GO_TO = re.compile(
    r"^\s*(?:nei|no)?[,.!]*\s*(?P<what>(?:the\s+|den\s+|det\s+)?[\wæøåé-]+)\s+(?:må|skal|bør|should"
    r"|must)\s+(?:heller\s+|rather\s+|bare\s+|kun\s+|only\s+)?(?:gå\s+|go\s+|sendes\s+|be\s+sent\s+)?"
    r"(?:bare\s+|kun\s+|only\s+)?(?:til|to)\s+(?P<who>.+)$",
    re.IGNORECASE,
)
# "ikke på fredag, på torsdag", "not friday but thursday": the day corrected.
_NOT_DAY_BUT = re.compile(
    r"^\s*(?:nei|no)?[,.!]*\s*(?:ikke|not)\s+(?:på\s+|on\s+)?(?P<day>[a-zæøå]+dag\w*|[a-z]+days?)"
    r"\s*[,;]?\s*(?:men\s+|but\s+)?(?:heller\s+|rather\s+)?(?P<rest>(?:på\s+|on\s+)?.+)$",
    re.IGNORECASE,
)


# "ta bort skolene, send til alle kundene i stedet", "remove the hotels and send it to the
# gyms instead": one audience for another, said as a removal and an addition.
_REMOVE_THEN_SEND = re.compile(
    r"^\s*(?:nei|no)?[,.!]*\s*(?:ta\s+bort|fjern|dropp|stryk|remove|drop|take\s+out)\s+"
    r"(?P<old>[^,;]+?)\s*(?:[,;]\s*|\s+)(?:og\s+|and\s+)?(?:så\s+|then\s+)?"
    r"(?P<new>(?:send\s+(?:den\s+|det\s+|dem\s+|it\s+|them\s+)?)?(?:heller\s+)?(?:til|to)\s+.+?"
    r"\s+(?:i\s+stedet|istedenfor|instead))[\s.!]*$",
    re.IGNORECASE,
)
# "make it 8 instead", "gjør det til kl 9": another time of day, said as a bare hour.
_MAKE_IT_TIME = re.compile(
    r"^\s*(?:nei|no)?[,.!]*\s*(?:make\s+it|gjør\s+det(?:\s+til)?|ta\s+det|let'?s\s+say)\s+"
    r"(?:at\s+|kl\s+)?(?P<t>\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)"
    r"\s*(?:instead|i\s+stedet|istedenfor|heller)?[\s.!]*$",
    re.IGNORECASE,
)


# "vent med purringa til fredag", "hold the reminder until Friday": a move, said as a wait.
_WAIT_WITH = re.compile(
    r"^\s*(?:nei|no)?[,.!]*\s*(?:vent(?:e)?\s+med|hold\s+(?:off\s+)?(?:on\s+)?|wait\s+with)\s+"
    r"(?P<what>.+?)\s+(?:til|until|till)\s+(?P<when>.+)$",
    re.IGNORECASE,
)


_ASKED_TO_SEND = re.compile(
    r"^\s*(?:(?:og|and)\s+)?(?P<verb>kan|kunne|kan\s+ikke|can|could|would)\s+(?:du|dere|dokker|dykk|de"
    r"|vi|me|you)\s+(?:(?:også|og\s+så|òg|au|also|please)\s+)?(?:sende|sendt|send)\s+",
    re.IGNORECASE,
)


def _as_edit(text: str, draft: Mapping[str, Any], context: ParseContext) -> str:
    """The follow-up in the words the editors read: a move said as where a step should be
    ("flytt purringa til torsdag kl 13"), a day of the month in a monthly draft; dialect in
    its standard form ("te" is "til")."""
    text = spoken_forms(text)
    # "send it to the nursing homes instead": a kind of customer in two English words, as the
    # one word the group readers know.
    if replace_phrases(text.lower()) != text.lower():
        text = replace_phrases(text.lower())
    if _NOT_WEEKENDS.match(text) and (draft.get("schedule") or {}).get("schedule_type") == "daily":
        english = detect_language(text) == "en"
        return "only on weekdays" if english else "bare på hverdager"
    # "+ purring tor 13 til ...": a plus before a step is one more.
    text = re.sub(r"^\s*\+\s*", "legg til ", text)
    # "Fredag kl 10 fast ordre ..., legg til.", "..., add it": the step said first, the adding
    # after it.
    added_after = re.match(
        r"^(?P<step>.+?)[\s,;:-]+(?:legg\s+(?:det\s+|den\s+)?til|add\s+(?:it|that|this))[\s.!]*$",
        text,
        flags=re.I,
    )
    if added_after is not None and not re.match(r"^\s*(?:legg|add)\b", text, flags=re.I):
        text = f"legg til {added_after['step'].strip()}"
    can = _CAN_IT_GO.match(text)
    if can is not None:
        english = detect_language(text) == "en"
        instead = can["instead"] or can["instead2"]
        to = re.match(r"(?:til|to|te)\s+(?P<who>.+)$", can["rest"], re.IGNORECASE)
        if instead and to is not None:
            return (
                f"send it to {to['who']} instead" if english else f"send til {to['who']} i stedet"
            )
        if can["also"]:
            rest = can["rest"]
            return (
                f"also send {can['what']} {rest}" if english else f"send også {can['what']} {rest}"
            )
    # "Kan du også sende kjørerutene en time etter?", "could you also send ...?": a step to
    # add, asked politely.
    asked = _ASKED_TO_SEND.match(text)
    if asked:
        english = asked["verb"].lower().startswith(("can", "could"))
        text = ("also send " if english else "send også ") + text[asked.end() :].rstrip(" ?.!")
    waits = _WAIT_WITH.match(text)
    if waits:
        english = detect_language(text) == "en"
        return (
            f"move {waits['what']} to {waits['when']}"
            if english
            else (f"flytt {waits['what']} til {waits['when']}")
        )
    instead = _REMOVE_THEN_SEND.match(text)
    if instead:
        old = re.findall(r"[\wæøåé-]+", instead["old"].lower())
        matcher = GroupMatcher(context.groups)
        if any(matcher.match(w) or kind_of_word(w) for w in old if len(w) >= 4):
            new = instead["new"]
            return new if new.lower().startswith("send") else f"send {new}"
    made = _MAKE_IT_TIME.match(text)
    if made and (draft.get("schedule") or {}).get("schedule_type") != "monthly":
        english = re.match(r"\s*(?:no\W+)?(?:make|let)", text, re.IGNORECASE)
        return f"at {made['t']} instead" if english else f"kl {made['t']} i stedet"
    other = _MAKE_THAT.match(text)
    if other:
        # "actually make that the cafés", "gjør det til hotellene": another audience.
        words = [w for w in re.findall(r"[\wæøåé-]+", other["who"].lower()) if len(w) >= 4]
        matcher = GroupMatcher(context.groups)
        if words and (matcher.match(words[0]) or kind_of_word(words[0])):
            return f"send til {other['who']} i stedet"
    no_then = _NO_THEN_GROUP.match(text)
    if no_then:
        words = [w for w in re.findall(r"[\wæøåé-]+", no_then["who"].lower()) if len(w) >= 4]
        matcher = GroupMatcher(context.groups)
        if words and all(matcher.match(w) or kind_of_word(w) for w in words):
            return f"send til {no_then['who']} i stedet"
    goes_to = _SHOULD_GO_TO.match(text)
    if goes_to and len(draft.get("steps") or []) > 1:
        first = re.findall(r"[\wæøåé-]+", goes_to["who"].lower())
        first = [w for w in first if w not in ("the", "de", "dei", "alle", "all")]
        if first and (GroupMatcher(context.groups).match(first[0]) or kind_of_word(first[0])):
            return f"send {goes_to['what']} bare til {goes_to['who']}"
    not_day = _NOT_DAY_BUT.match(text)
    if not_day and is_day_word(not_day["day"].lower()):
        return not_day["rest"]
    should = _SHOULD_BE.match(text)
    if should and len(draft.get("steps") or []) > 1:
        return f"flytt {should['what']} til {should['when']}"
    day = _DAY_OF_MONTH_ONLY.match(text)
    if day and (draft.get("schedule") or {}).get("schedule_type") == "monthly":
        return f"den {day['n']}. i måneden"
    return text


_NOT_THIS_GROUP_THAT = re.compile(
    r"^\s*(?:(?:nei|nope|no)[\s,]+)?(?:ikke|ikkje|itj|inte|not)\s+(?:til\s+|to\s+|the\s+|de\s+)?"
    r"(?P<old>[\wæøåé-]{4,})\s*[,;:]\s*(?:men\s+|but\s+)?(?:heller\s+|rather\s+)?"
    r"(?:til\s+|to\s+|te\s+)?(?:the\s+)?(?P<new>[\wæøåé-]{4,})\s*[.!]*\s*$",
    re.IGNORECASE,
)
# "kan tilbudet heller gå til skolene?", "could the offer go to the schools instead?": another
# audience asked politely; "kan leveringsplanen også gå ut en time etter?": a step to add.
_CAN_IT_GO = re.compile(
    r"^\s*(?:(?:og|and)\s+)?(?:kan|kunne|could|can)\s+(?P<what>.+?)\s+(?:(?P<also>også|òg|au"
    r"|also|too)\s+|(?P<instead>heller|i\s+stedet|instead|rather)\s+)?(?:gå|gå\s+ut|sendes"
    r"|sendast|komme|go|go\s+out|be\s+sent)\s+(?P<rest>.+?)\s*(?P<instead2>i\s+stedet|instead)?"
    r"\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "ikke i helgene", "not at weekends": a daily draft narrowed to the weekdays.
_NOT_WEEKENDS = re.compile(
    r"^\s*(?:(?:men|but|og|and)\s+)?(?:ikke|ikkje|itj|not|never|aldri)\s+(?:(?:i|på|on|at|in"
    r"|during|over|the)\s+)*(?:helg\w*|weekends?)\s*[.!]*\s*$",
    re.IGNORECASE,
)
_NOT_THAT_BUT = re.compile(
    r"^\s*(?:(?:nei|nope|no)[\s,]+)?(?:ikke|ikkje|inte|not|ikk)\s+(?:til\s+|to\s+|the\s+|de\s+)?"
    r"[\wæøåé-]+(?:\s+[\wæøåé-]+)?\s*[,;:]\s*(?=(?:men\s+|but\s+)?(?:send|sende|skicka|ta|make"
    r"|bruk|use|til|to|alle|all|everyone)\b)",
    re.IGNORECASE,
)


def edit_draft(
    draft: Mapping[str, Any], text: str, *, context: ParseContext
) -> ParseOutcome | None:
    language = detect_language(text)
    # "mandag, nei tirsdag kl 10": the correction made first, as in a whole request.
    text = apply_correction(text, GroupMatcher(context.groups))
    # "fiskebutikkane" alone: the group it goes to.
    bare = re.sub(r"\s+(?:da|then|please|takk|thanks)\s*[.!]*$", "", text.strip(" .!"), flags=re.I)
    alone = (
        GroupMatcher(context.groups).match(spoken_forms(bare).lower())
        if re.fullmatch(r"[\wæøåÆØÅ-]{4,}", bare)
        else None
    )
    if alone is not None:
        # "fiskebutikkane": a group alone, after a draft, is whom it goes to.
        targets = [
            (step.get("action_config") or {}).get("recipients") for step in draft.get("steps", [])
        ]
        if targets and all(t == {"group": alone["slug"]} for t in targets):
            say_it = Words(language).say
            return ParseOutcome(
                workflow=copy.deepcopy(dict(draft)),
                language=language,
                notes=[
                    say_it(
                        f"Utkastet går allerede til {alone['name']}; det er uendret.",
                        f"The draft already goes to {alone['name']}; it is unchanged.",
                    )
                ],
            )
        text = f"send den til {bare}"
    # "tirsdag, ikke mandag", "skolene i stedet for kafeene", "Tuesday instead of Monday": the
    # one wanted first; read as "ikke mandag, tirsdag" (a template said so is read by _swap).
    text = _wanted_first(text, context)
    # "Ikke kiosker, bensinstasjoner", "not the hotels, the schools": one group for another.
    swapped = _NOT_THIS_GROUP_THAT.match(text)
    if swapped is not None:
        matcher = GroupMatcher(context.groups)
        old_group = matcher.match(spoken_forms(swapped["old"]).lower())
        new_group = matcher.match(spoken_forms(swapped["new"]).lower())
        if (old_group is not None or kind_of_word(swapped["old"])) and (
            new_group is not None or kind_of_word(swapped["new"])
        ):
            text = f"send {'it to' if language == 'en' else 'den til'} {swapped['new']}"
    # "ikke barnehager, send til alle kunder", "not the schools, send it to everyone": what
    # it is not, then what it is; the second says it all.
    instead = _NOT_THAT_BUT.sub("", text)
    if instead != text:
        # "send til alle kunder": the draft's send, to them ("send den til ...").
        text = re.sub(
            r"^(?:men\s+|but\s+)?(send|sende|skicka)\s+(til|to|te)\b",
            lambda m: f"{m[1]} {'it' if m[2] == 'to' else 'den'} {m[2]}",
            instead,
            flags=re.IGNORECASE,
        )
    text = _as_edit(text, draft, context)
    say = Words(language).say
    try:
        if _ACK.match(text):
            return ParseOutcome(
                workflow=copy.deepcopy(dict(draft)),
                language=language,
                notes=[
                    say(
                        "Utkastet er uendret. Trykk «Opprett» for å lagre det.",
                        "The draft is unchanged. Press “Create” to save it.",
                    )
                ],
            )
        for attempt in (
            _policy,
            _delay,
            _remove_day,
            _remove,
            _more,
            _swap,
            _add_group,
            _add,
            _schedule,
            _refined,
        ):
            outcome = attempt(dict(draft), text, context, language)
            if outcome is not None:
                if outcome.workflow is not None:
                    if attempt in _CHANGES and outcome.workflow == dict(draft):
                        # "ikke på mandag" read as the Monday it already has: nothing
                        # changed, so nothing is said to have changed.
                        return _unchanged(text, language)
                    follow_step_names(draft, outcome.workflow, context.templates)
                    _rename(draft, outcome.workflow, context)
                    if draft.get("description"):
                        # What the draft does now, not what it did (a user's own text is
                        # kept by the caller: ``follow_up(keep_description=True)``).
                        outcome.workflow["description"] = describe(
                            outcome.workflow, context.groups, description_language(draft, language)
                        )
                return outcome
    except Ask as ask:
        return ParseOutcome(question=ask.en if language == "en" else ask.nb, language=language)
    return None


_WANTED_FIRST = re.compile(
    r"^\s*(?P<lead>(?:(?:på|om|on|til|to|te|kl|at|the)\s+)?)(?P<a>[\wæøåé:.-]+(?:\s+[\wæøåé:.-]+)?)"
    r"\s*(?:,\s*(?:men\s+|but\s+)?(?:ikke|ikkje|itj|not)|\s+(?:i\s+stedet\s+for|istedenfor"
    r"|i\s+staden\s+for|instead\s+of|rather\s+than|heller\s+enn))\s+(?:(?:på|om|on|til|to|te"
    r"|kl|at|the)\s+)?(?P<b>[\wæøåé:.-]+(?:\s+[\wæøåé:.-]+)?)\s*[.!]*\s*$",
    re.IGNORECASE,
)


def _wanted_first(text: str, context: ParseContext) -> str:
    m = _WANTED_FIRST.match(text)
    if m is None:
        return text
    a = m["a"].strip()
    said = spoken_forms(a).lower()
    is_group = GroupMatcher(context.groups).match(said) is not None or any(
        kind_of_word(w) for w in said.split()
    )
    is_when = re.search(r"\d", a) is not None or any(is_day_word(w) for w in said.split())
    if not (is_group or is_when):
        return text
    english = detect_language(text) == "en"
    return f"{'not' if english else 'ikke'} {m['b']}, {m['lead']}{a}"


def _unchanged(text: str, language: str) -> ParseOutcome:
    said = text.strip()
    return _ask(
        language,
        f"Jeg ser ingen endring i utkastet ut fra «{said}». Hva skal endres? For eksempel "
        "«flytt påminnelsen til onsdag kl 12» eller «send den til kafeene i stedet».",
        f"I see no change to the draft in “{said}”. What should change? For example “move "
        "the reminder to Wednesday at 12” or “send it to the cafes instead”.",
    )


def _rename(old: Mapping[str, Any], new: dict[str, Any], context: ParseContext) -> None:
    """A name the assistant gave from what the draft does, for whom and when ("Prisliste til
    Kafeer hver mandag") follows the edit ("Prisliste til Hoteller hver onsdag"); a name of
    another shape is the user's own and stays."""
    name = str(old.get("name") or "")
    suffix = re.search(r"\s\(\d+\)$", name)  # "(2)": made unique among the workflows
    bare = name[: suffix.start()] if suffix else name
    if not bare or new.get("name") != old.get("name"):
        return
    # A group added ("og hotellene") is named too: " til Kafeer og Hoteller hver mandag".
    more = len(_groups_in(new)) > len(_groups_in(old))
    for language in ("nb", "en"):
        builder = Builder("", context, language)  # type: ignore[arg-type]
        for every in (False, True):
            try:
                old_end = _name_end(builder, old, every_group=every)
                new_end = _name_end(builder, new, every_group=every or more)
            except (KeyError, IndexError, TypeError, ValueError):
                return
            # "Prisliste og påminnelse": after a webhook, no when to end the name.
            what = (bare[: -len(old_end)] if bare.endswith(old_end) else "") if old_end else bare
            if what.strip() and not what.endswith(" "):
                # What it does ("Bestillingsskjema og påminnelse") follows too, when the
                # assistant said it so.
                new_what = what
                if what.strip().lower() == name_what(old, language).lower():
                    new_what = name_what(new, language) or what
                elif not old_end:
                    continue  # a name of the user's own
                if (new_what, new_end) != (what, old_end):
                    new["name"] = (new_what + new_end).strip()[:200]
                return


def _groups_in(doc: Mapping[str, Any]) -> list[str]:
    """The customer groups the draft's steps send to, in order."""
    found = [_group_of(s) for s in doc.get("steps") or []]
    return list(dict.fromkeys(g for g in found if g not in (None, "all")))


def _name_end(builder: Builder, doc: Mapping[str, Any], *, every_group: bool = False) -> str:
    """How a name the builder gives ``doc`` ends: to whom and when (" til Kafeer hver
    mandag"); ``every_group``: to each group its steps send to (" til Kafeer og Hoteller")."""
    steps = doc.get("steps") or []
    group = _group_of(steps[0]) if steps else None
    to = ""
    if every_group and len(_groups_in(doc)) > 1:
        names = [builder._group_name(g) for g in _groups_in(doc)]
        to = builder.t(" til ", " to ") + builder.t(" og ", " and ").join(names)
    elif group not in (None, "all"):
        to = builder.t(" til ", " to ") + builder._group_name(str(group))
    when = builder._name_when(dict(doc))
    return f"{to} {when}" if when else to


def _done(workflow: dict[str, Any], language: str, note: str) -> ParseOutcome:
    return ParseOutcome(workflow=workflow, language=language, notes=[note])


def _ask(language: str, nb: str, en: str) -> ParseOutcome:
    return ParseOutcome(question=en if language == "en" else nb, language=language)


def _fragment(text: str, context: ParseContext) -> tuple[Fragment, str]:
    normalised, emails = normalise(text)
    return Reader(context).read(normalised, emails), normalised


# --- 1b. A delay or a shift in time ------------------------------------------------------

# "2 timer", "en time", "30 minutes", "a day", "halvannen time": an amount of time.
_AMOUNT = re.compile(
    r"\b" + DEC + r"\s*(timer?|t|hours?|h|minutt(?:er)?|minutes?|mins?|dag(?:er)?|days?|døgn"
    r"|uker?|weeks?)\b",
    re.IGNORECASE,
)
# Said relative to when the step runs now: "en dag senere", "one hour later", "later".
_LATER = re.compile(r"\b(?:senere|seinere|later)\b", re.IGNORECASE)
# Said as a wait before it ("vent 2 timer før du sender den", "wait 30 minutes before
# sending it") or a time after what comes before ("2 dager etter", "2 days after instead").
_WAIT = re.compile(
    r"\b(?:vent\w*|wait\w*|etter|etterpå|after(?:wards)?|før|before|utsett\w*|delay\w*)\b",
    re.IGNORECASE,
)
_EARLIER = re.compile(r"\b(?:tidligere|earlier|sooner)\b", re.IGNORECASE)


def _duration(minutes: int, language: str) -> str:
    say = Words(language).say
    for size, nb_one, nb_many, en in (
        (10080, "uke", "uker", "week"),
        (1440, "dag", "dager", "day"),
        (60, "time", "timer", "hour"),
        (1, "minutt", "minutter", "minute"),
    ):
        if minutes % size == 0:
            n = minutes // size
            return say(f"{n} {nb_one if n == 1 else nb_many}", f"{n} {en}{'' if n == 1 else 's'}")
    return say(f"{minutes} minutter", f"{minutes} minutes")


def _delay(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    """ "vent 2 timer før du sender den", "send den en time senere", "make it 2 days after
    instead": the named step (or the only one it can be) waits that long after the step
    before or the event; in a scheduled draft "send påminnelsen en dag senere" moves it."""
    lowered = _HALF_HOUR.sub("30 minutter", text.lower())
    if _ADD.match(lowered.strip()):
        return None
    amounts = list(_AMOUNT.finditer(lowered))
    at_once = _AT_ONCE.search(lowered)
    if at_once and not amounts:
        return _no_delay(draft, lowered, context, language)
    if len(amounts) != 1:
        return None
    earlier = bool(_EARLIER.search(lowered))
    later = bool(_LATER.search(lowered)) or earlier
    if not (later or _WAIT.search(lowered)):
        return None
    m = amounts[0]
    unit = m.group(2)
    minutes = round(amount(m.group(1)) * _unit_minutes(unit))
    if minutes <= 0:
        return None
    if earlier:
        minutes = -minutes
    steps = _steps_of(draft)
    categories = {int(t["id"]): str(t.get("category") or "") for t in context.templates}
    # "vent"/"wait"/"delay" is the verb here, not a wait step named.
    unverbed = _WAIT_VERB.sub(lambda v: " " * len(v.group(0)), lowered)
    target = find_target(unverbed, steps, categories, language)
    if target.question:
        return _ask(language, target.question, target.question)
    rest = lowered[: m.start()] + " " + lowered[m.end() :]
    if target.span and re.search(
        r"\b(?:etter|after|før|before)\s+(?:the\s+)?$", lowered[: target.span[0]]
    ):
        return None  # "2 dager etter skjemaet": the step named is what it comes after
    if target.span:
        rest = rest.replace(lowered[target.span[0] : target.span[1]], " ")
    frag, _normalised = _fragment(rest, context)
    if frag.step_type is not None and target.index is None and not _BACK.search(rest):
        return None  # "send prislista 2 dager etter": a new step, said without "og"
    if frag.groups or frag.unknown_groups or frag.days or frag.time:
        return None  # more than a delay: another kind of edit
    index = target.index
    if index is None:
        index = _the_step(draft, steps)
        if index is None:
            numbers = ", ".join(str(i + 1) for i in range(len(steps)))
            return _ask(
                language,
                f"Hvilket steg skal flyttes? Utkastet har steg {numbers}.",
                f"Which step should move? The draft has steps {numbers}.",
            )
    doc = copy.deepcopy(draft)
    step = doc["steps"][index]
    name = str(step.get("name") or step.get("step_type"))
    say = Words(language).say
    trigger = dict(step.get("trigger_config") or {})
    scheduled = doc.get("workflow_type") == "scheduled"
    if scheduled and index == 0:
        return _shift_schedule(doc, minutes, name, language)
    if scheduled and later and (trigger.get("day") or trigger.get("time")):
        return _shift_step(doc, index, minutes, name, language)
    if later and "delay_minutes" in trigger and not _WAIT.search(lowered):
        minutes += int(trigger["delay_minutes"])  # "send it an hour later": later than now
    if minutes < 0:
        return _ask(
            language,
            f"«{name}» kan ikke gå før det som kommer før det. Hvor lenge etter skal det gå?",
            f"“{name}” cannot run before what comes before it. How long after should it run?",
        )
    if minutes == 0:
        step["trigger_type"] = "immediate"
        step.pop("trigger_config", None)
        return _done(
            doc, language, say(f"«{name}» sendes nå straks.", f"“{name}” now runs right away.")
        )
    step["trigger_type"] = "time_based"
    step["trigger_config"] = {"delay_minutes": minutes}
    after = (
        say("etter ordren", "after the order")
        if index == 0 and (doc.get("event") or {}).get("type") == "order.created"
        else say("etter at arbeidsflyten starter", "after the workflow starts")
        if index == 0
        else say("etter steget før", "after the step before")
    )
    how_long = _duration(minutes, language)
    return _done(
        doc,
        language,
        say(f"«{name}» sendes nå {how_long} {after}.", f"“{name}” now runs {how_long} {after}."),
    )


_HALF_HOUR = re.compile(
    r"\b(?:(?:en|ei|et)\s+)?halv\s*time\b|\b(?:a\s+)?half\s+(?:an\s+)?hour\b", re.I
)
_AT_ONCE = re.compile(
    r"\b(?:umiddelbart|straks|med\s+en\s+gang|med\s+ein\s+gong|uten\s+(?:ventetid|å\s+vente)"
    r"|immediately|right\s+away|at\s+once|straight\s+away|without\s+(?:a\s+)?(?:wait|delay))\b",
    re.IGNORECASE,
)
_WAIT_VERB = re.compile(r"\b(?:vent\w*|wait\w*|delay\w*|utsett\w*)\b", re.IGNORECASE)


def _no_delay(draft: dict[str, Any], lowered: str, context: ParseContext, language: str) -> Any:
    """ "send den med en gang", "send it right away": the step waits no longer (event drafts
    and later steps; a scheduled draft's first step runs when the schedule says)."""
    steps = _steps_of(draft)
    categories = {int(t["id"]): str(t.get("category") or "") for t in context.templates}
    target = find_target(_WAIT_VERB.sub(" ", lowered), steps, categories, language)
    if target.question:
        return _ask(language, target.question, target.question)
    index = target.index if target.index is not None else _the_step(draft, steps)
    if index is None or (index == 0 and draft.get("workflow_type") == "scheduled"):
        return None
    trigger = steps[index].get("trigger_config") or {}
    doc = copy.deepcopy(draft)
    step = doc["steps"][index]
    if "delay_minutes" not in trigger:
        if trigger:
            return None  # a day and time of its own: a move, said otherwise
        name = str(step.get("name") or step.get("step_type"))
        return _done(
            doc,
            language,
            Words(language).say(
                f"«{name}» sendes allerede straks; utkastet er uendret.",
                f"“{name}” already runs right away; the draft is unchanged.",
            ),
        )
    step["trigger_type"] = "immediate"
    step.pop("trigger_config", None)
    name = str(step.get("name") or step.get("step_type"))
    say = Words(language).say
    return _done(
        doc, language, say(f"«{name}» sendes nå straks.", f"“{name}” now runs right away.")
    )


_BACK = re.compile(r"\b(?:den|det|dem|it|them|this|that)\b", re.IGNORECASE)


def _unit_minutes(unit: str) -> int:
    unit = unit.lower()
    if unit.startswith(("uk", "week")):
        return 7 * 24 * 60
    if unit.startswith(("d", "døgn")):
        return 24 * 60
    if unit.startswith(("t", "h")):
        return 60
    return 1


def _the_step(draft: Mapping[str, Any], steps: list[dict[str, Any]]) -> int | None:
    """The step a delay without a named step is about: the only step, else the only one that
    has a time of its own (a later step), else none (asked)."""
    if len(steps) == 1:
        return 0
    later = [
        i
        for i, s in enumerate(steps)
        if i > 0 and (s.get("trigger_type") == "time_based" or s.get("trigger_config"))
    ]
    if len(later) == 1:
        return later[0]
    return None


def _shift_schedule(doc: dict[str, Any], minutes: int, name: str, language: str) -> Any:
    """The first step of a scheduled draft runs when the schedule fires: a shift in time
    moves the schedule."""
    say = Words(language).say
    schedule = doc["schedule"]
    config = schedule["schedule_config"]
    kind = schedule.get("schedule_type")
    hours, days = minutes % 1440, minutes // 1440
    h, mm = (int(p) for p in str(config.get("time") or "09:00").split(":"))
    total = h * 60 + mm + hours
    days += total // 1440
    new_time = f"{total % 1440 // 60:02d}:{total % 60:02d}"
    if days:
        if kind == "weekly" and "day" in config and days % 7 and not config.get("every_weeks"):
            config["day"] = WEEKDAYS[(WEEKDAYS.index(config["day"]) + days) % 7]
        elif (
            kind == "monthly"
            and isinstance(config.get("day_of_month"), int)
            and (1 <= config["day_of_month"] + days <= 28)
        ):
            config["day_of_month"] += days
        else:
            return _ask(
                language,
                "Jeg kan ikke flytte denne planen med dager. Hvilken dag skal den gå i stedet?",
                "I cannot move this schedule by days. Which day should it run instead?",
            )
    config["time"] = new_time
    first = doc["steps"][0]
    if first.get("trigger_type") == "time_based":
        trigger = {"time": new_time}
        if kind == "weekly" and "day" in config:
            trigger = {"day": config["day"], "time": new_time}
        first["trigger_config"] = trigger
    w = Words(language)
    return _done(doc, language, say("Ny tidsplan: ", "New schedule: ") + schedule_text(schedule, w))


def _shift_step(doc: dict[str, Any], index: int, minutes: int, name: str, language: str) -> Any:
    """A later step with a day and time of its own, that much later in the week."""
    say = Words(language).say
    step = doc["steps"][index]
    trigger = dict(step.get("trigger_config") or {})
    h, mm = (int(p) for p in str(trigger.get("time") or "09:00").split(":"))
    total = h * 60 + mm + minutes
    days = total // 1440
    new_time = f"{total % 1440 // 60:02d}:{total % 60:02d}"
    if days and not trigger.get("day"):
        return _ask(
            language,
            f"«{name}» har ingen egen dag. Hvilken dag skal det være?",
            f"“{name}” has no day of its own. Which day should it be?",
        )
    new = {"time": new_time}
    if trigger.get("day"):
        new = {"day": WEEKDAYS[(WEEKDAYS.index(trigger["day"]) + days) % 7], "time": new_time}
    step["trigger_config"] = new
    when = new_time
    if "day" in new:
        day = new["day"]
        when = say(NB_DAY_NAMES[WEEKDAYS.index(day)], day.capitalize()) + " " + new_time
    return _done(doc, language, say(f"Flyttet «{name}» til {when}.", f"Moved “{name}” to {when}."))


NB_DAY_NAMES = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


# --- 2. The holiday policy ---------------------------------------------------------------


def _policy(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    normalised, _emails = normalise(text)
    policy, rest = read_policy(normalised)
    if policy is None or not draft.get("schedule"):
        return None
    # "Og kunne dere (også) ...?", "could you please ...": politeness around the policy.
    polite = r"\b(?:og|and|også|also|bare|just|kunne|kan|could|would|can|dere|dokker|du|you|please"
    polite += r"|gjerne|takk|thanks|too|as\s+well|i\s+tillegg|vær\s+så\s+snill)\b"
    if re.search(r"[a-zæøå]{4,}", re.sub(polite, "", rest)):
        return None  # more than the policy: not this kind of edit
    doc = copy.deepcopy(draft)
    doc["schedule"]["holiday_policy"] = policy
    outcome = policy_outcome(policy, Words(language))
    return _done(
        doc,
        language,
        Words(language).say(
            f"På helligdager og stengte dager: {outcome}.",
            f"On public holidays and closed days: {outcome}.",
        ),
    )


# --- 3. Removing ---------------------------------------------------------------------------


def _steps_of(draft: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [dict(s) for s in draft.get("steps") or []]


def _group_of(step: Mapping[str, Any]) -> str | None:
    return ((step.get("action_config") or {}).get("recipients") or {}).get("group")


def _renumbered(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for number, step in enumerate(steps, start=1):
        step["step_order"] = number
    return steps


def _remove_day(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    """ "ta bort mandag", "drop Mondays": one day less of a schedule on several days."""
    m = _REMOVE.match(text.strip())
    config = ((draft.get("schedule") or {}).get("schedule_config")) or {}
    days = list(config.get("days") or [])
    if not m or len(days) < 2:
        return None
    words = re.sub(r"^(?:på|on|the|alle|all)\s+", "", m.group("what").strip(" .!").lower())
    frag, _normalised = _fragment(words, context)
    gone = [d for d in frag.days if d in days]
    if not gone or frag.step_type is not None or frag.groups:
        return None
    doc = copy.deepcopy(draft)
    kept = [d for d in days if d not in gone]
    new_config = doc["schedule"]["schedule_config"]
    new_config.pop("days", None)
    if len(kept) == 1:
        new_config["day"] = kept[0]
    else:
        new_config["days"] = kept
    first = doc["steps"][0] if doc.get("steps") else None
    if first is not None and first.get("trigger_type") == "time_based" and len(kept) == 1:
        first["trigger_config"] = {"day": kept[0], "time": new_config.get("time")}
    w = Words(language)
    return _done(
        doc, language, w.say("Ny tidsplan: ", "New schedule: ") + schedule_text(doc["schedule"], w)
    )


def _remove(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    m = _REMOVE.match(text.strip())
    if not m:
        return None
    what = m.group("what").lower()
    steps = _steps_of(draft)
    say = Words(language).say
    categories = {int(t["id"]): str(t.get("category") or "") for t in context.templates}
    target = find_target(what, steps, categories, language)
    if target.question and not _group_words(what, context):
        return _ask(language, target.question, target.question)
    if target.index is not None:
        removed = [target.index]
    else:
        groups = _group_words(what, context)
        if not groups:
            return _ask(
                language,
                f"Jeg finner ikke «{m.group('what')}» i utkastet. Hvilket steg eller hvilken "
                "gruppe vil du ta bort?",
                f"I cannot find “{m.group('what')}” in the draft. Which step or group should go?",
            )
        removed = [i for i, step in enumerate(steps) if _group_of(step) in groups]
        if not removed:
            return _ask(
                language,
                "Ingen steg i utkastet går til den gruppen.",
                "No step of the draft goes to that group.",
            )
    if len(removed) == len(steps):
        return _ask(
            language,
            "Da blir det ingen steg igjen. Vil du heller starte på nytt med en ny beskrivelse?",
            "That would leave no steps. Would you rather start again with a new description?",
        )
    names = [str(steps[i].get("name") or steps[i].get("step_type")) for i in removed]
    doc = copy.deepcopy(draft)
    doc["steps"] = _renumbered([s for i, s in enumerate(steps) if i not in removed])
    _fix_first(doc, steps[0] if 0 in removed else None)
    return _done(
        doc,
        language,
        say(
            "Tok bort " + ", ".join(f"«{n}»" for n in names) + ".",
            "Removed " + ", ".join(f"“{n}”" for n in names) + ".",
        ),
    )


def _fix_first(doc: dict[str, Any], removed_first: Mapping[str, Any] | None) -> None:
    """The first step carries the schedule's own time: when it went, the next one starts the
    run (its later trigger would otherwise wait for a day of a run that starts elsewhere)."""
    if removed_first is None or not doc.get("schedule") or not doc["steps"]:
        return
    first = doc["steps"][0]
    trigger = first.get("trigger_config") or {}
    config = doc["schedule"]["schedule_config"]
    if trigger.get("day") and "day" in config:
        config["day"] = trigger["day"]
    if trigger.get("time") and "time" in config:
        config["time"] = trigger["time"]
    if _is_since_start(first):
        first.pop("condition_config", None)


def _is_since_start(step: Mapping[str, Any]) -> bool:
    return (step.get("condition_config") or {}).get("since") == "execution_start"


def _group_words(text: str, context: ParseContext) -> list[str]:
    """The customer groups ``text`` names."""
    matcher = GroupMatcher(context.groups)
    # "sameiene", "the painters": a group by the kind of customer it is.
    found: list[str] = [
        k.group for k in kind_phrases(replace_phrases(text.lower()), matcher.kinds) if k.group
    ]
    found = list(dict.fromkeys(found))
    for word in re.findall(r"[\wæøåé]{4,}", text):
        group = matcher.match(word)
        if group is not None and group["slug"] not in found:
            found.append(group["slug"])
    return found


# --- 4. Another template -----------------------------------------------------------------


def _swap(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    m = _SWAP.match(text.strip())
    if not m:
        return None
    what = (
        m.group("what")
        or m.group("what2")
        or m.group("what3")
        or m.group("what4")
        or m.group("what5")
        or ""
    )
    what = what.strip()
    builder = Builder(what, context, language)  # type: ignore[arg-type]
    choice = builder.templates.choose(what, topic=what)
    if choice is None or choice.template is None:
        return None  # not a template the business has: perhaps a move ("bytt til onsdag")
    steps = _steps_of(draft)
    email = [i for i, s in enumerate(steps) if step_types()[s["step_type"]].emails_customers]
    categories = {int(t["id"]): str(t.get("category") or "") for t in context.templates}
    target = find_target(text.lower(), steps, categories, language)
    chosen = [target.index] if target.index is not None else email
    if len(chosen) != 1:
        return _ask(
            language,
            "Hvilket steg skal bruke den malen?",
            "Which step should use that template?",
        )
    doc = copy.deepcopy(draft)
    action = doc["steps"][chosen[0]]["action_config"]
    action.pop("template", None)
    action["template_id"] = choice.template["id"]
    name = choice.template["name"]
    return _done(
        doc,
        language,
        Words(language).say(f"Bruker malen «{name}».", f"Using the template “{name}”."),
    )


# --- 5. Another group as well ------------------------------------------------------------


def _add_group(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    m = _ADD_GROUP.match(text.strip())
    if not m or not re.search(r"\b(?:også|too|as\s+well|also)\b", text, re.IGNORECASE):
        return None
    frag, _normalised = _fragment(m.group("what"), context)
    if frag.step_type is not None or frag.timed:
        return None  # "og til kafeene en påminnelse fredag": more steps
    if frag.unknown_groups or not frag.groups:
        word = (frag.unknown_groups or [m.group("what").split()[0]])[0]
        names = ", ".join(g["name"] for g in context.groups)
        return _ask(
            language,
            f"Jeg finner ingen kundegruppe som heter «{word}». Gruppene som finnes er: {names}.",
            f"I cannot find a customer group called “{word}”. The groups are: {names}.",
        )
    steps = _steps_of(draft)
    grouped = [s for s in steps if _group_of(s) not in (None,)]
    if not grouped:
        return None
    last = _group_of(grouped[-1])
    doc = copy.deepcopy(draft)
    added: list[str] = []
    for slug in frag.groups:
        if any(_group_of(s) == slug for s in steps):
            continue
        for step in steps:
            if _group_of(step) == last:
                copy_of = copy.deepcopy(step)
                copy_of["action_config"]["recipients"] = {"group": slug}
                doc["steps"].append(copy_of)
        added.append(next(g["name"] for g in context.groups if g["slug"] == slug))
    if not added:
        return _done(
            doc,
            language,
            Words(language).say("Den gruppen får det allerede.", "That group gets it already."),
        )
    doc["steps"] = _renumbered(doc["steps"])
    return _done(
        doc,
        language,
        Words(language).say(
            "Sender også til " + ", ".join(added) + " (egne steg).",
            "Also sends to " + ", ".join(added) + " (steps of their own).",
        ),
    )


# --- 6. More steps -----------------------------------------------------------------------


def _add(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    stripped = text.strip()
    if not _ADD.match(stripped):
        return None
    body = _ADD.sub("", stripped, count=1).strip(" ,.")
    body = re.sub(r"^(?:en|et|ei|a|an)\s+", "", body)
    frag, _normalised = _fragment(body, context)
    if frag.step_type is None:
        return None
    same_time = None
    if _SAME_TIME.search(body):
        same_time = _time_of_same_kind(draft, frag, context)
        body = _SAME_TIME.sub("", body)
    builder = Builder(body, context, language)  # type: ignore[arg-type]
    doc = builder.extend(copy.deepcopy(draft), same_time=same_time)
    added = doc["steps"][len(draft.get("steps") or []) :]
    outcome = _done(
        doc,
        language,
        Words(language).say(
            "La til " + ", ".join(f"«{s['name']}»" for s in added) + ".",
            "Added " + ", ".join(f"“{s['name']}”" for s in added) + ".",
        ),
    )
    outcome.notes += [n[1] if language == "en" else n[0] for n in builder.notes]
    outcome.new_templates = builder.new_templates
    return outcome


def _time_of_same_kind(draft: Mapping[str, Any], frag: Fragment, context: ParseContext) -> Any:
    """ "samme tid": the time of the draft's step of the same kind, else of its last timed
    step."""
    categories = {int(t["id"]): str(t.get("category") or "") for t in context.templates}
    steps = _steps_of(draft)
    wanted = "reminder" if re.search(r"påminn|purr|remind", frag.text) else None
    for step in reversed(steps):
        time = (step.get("trigger_config") or {}).get("time")
        if time and (wanted is None or wanted in step_kinds(step, categories)):
            return time
    return None


# --- 7. Moves and groups -----------------------------------------------------------------


def _refined(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    edit = refine_draft(draft, text, groups=context.groups, templates=context.templates)
    if edit is None:
        return None
    return ParseOutcome(
        workflow=edit.workflow,
        question=edit.question,
        language=edit.language,
        notes=list(edit.changes),
    )


def _more(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    """Another group as well, the same emails in another language (``ai_assistant.refine``)."""
    edit = more_edits(draft, text, groups=context.groups, templates=context.templates)
    if edit is None:
        return None
    outcome = ParseOutcome(
        workflow=edit.workflow,
        question=edit.question,
        language=edit.language,
        notes=list(edit.changes),
    )
    outcome.new_templates = edit.new_templates
    return outcome


# --- 8. The schedule ---------------------------------------------------------------------


def _schedule(draft: dict[str, Any], text: str, context: ParseContext, language: str) -> Any:
    schedule = draft.get("schedule")
    if not schedule:
        return None
    categories = {int(t["id"]): str(t.get("category") or "") for t in context.templates}
    target = find_target(text.lower(), _steps_of(draft), categories, language)
    if target.index is not None or target.question:
        return None  # a step is named: a move of that step (refine)
    if schedule.get("schedule_type") == "monthly" and not re.search(r"måned|month", text, re.I):
        # "første virkedag", "last Friday": of the month, in a monthly draft.
        text = _ORDINAL_DAY.sub(r"\g<0> i måneden", text, count=1)
    frag, normalised = _fragment(text, context)
    every_week = bool(_EVERY_WEEK.search(normalised))
    if frag.step_type is not None or frag.groups or frag.unknown_groups:
        return None
    config = draft["schedule"]["schedule_config"]
    # "første gang 6. april", "starting April 6": a new first date of an every-N-weeks run.
    new_anchor = frag.anchor is not None and bool(config.get("every_weeks"))
    if not (frag.timed or frag.iso_weeks or frag.every_weeks or every_week or new_anchor):
        return None
    doc = copy.deepcopy(draft)
    config = doc["schedule"]["schedule_config"]
    kind = doc["schedule"]["schedule_type"]
    if frag.business_day is not None or frag.nth_weekday is not None or frag.day_of_month:
        kind = "monthly"
        config = {"time": frag.time or config.get("time") or "09:00"}
        if frag.business_day is not None:
            config["business_day"] = frag.business_day
        elif frag.nth_weekday is not None:
            config["weekday"], config["nth"] = frag.nth_weekday
        else:
            config["day_of_month"] = frag.day_of_month
    elif frag.daily or frag.weekdays_only or frag.business_days_only:
        kind = "daily"
        config = {"time": frag.time or config.get("time") or "09:00"}
        if frag.weekdays_only:
            config["weekdays_only"] = True
        if frag.business_days_only:
            config["business_days_only"] = True
    else:
        if frag.days:
            if kind != "weekly":
                kind, config = "weekly", {"time": config.get("time") or "09:00"}
            before = [config["day"]] if "day" in config else list(config.get("days") or [])
            config.pop("day", None)
            config.pop("days", None)
            days = frag.days
            if _ALSO_DAYS.search(text) and len(doc.get("steps") or []) == 1:
                # "and on Tuesdays too": one action on more days.
                days = sorted(set(before) | set(days), key=WEEKDAYS.index)
            if len(days) == 1:
                config["day"] = days[0]
            else:
                config["days"] = days
        if frag.time:
            config["time"] = frag.time
        if kind == "weekly":
            if frag.every_weeks and frag.every_weeks > 1:
                day = config.get("day") or (config.get("days") or ["monday"])[0]
                config["every_weeks"] = frag.every_weeks
                config["anchor"] = (
                    frag.anchor or first_on_or_after(day, context.today)
                ).isoformat()
                config.pop("iso_weeks", None)
            elif frag.iso_weeks:
                config["iso_weeks"] = frag.iso_weeks
                config.pop("every_weeks", None)
                config.pop("anchor", None)
            elif every_week:
                for key in ("every_weeks", "anchor", "iso_weeks"):
                    config.pop(key, None)
            elif new_anchor and frag.anchor is not None:
                config["anchor"] = frag.anchor.isoformat()
    doc["schedule"]["schedule_type"] = kind
    doc["schedule"]["schedule_config"] = config
    first = doc["steps"][0] if doc.get("steps") else None
    if first is not None and first.get("trigger_type") == "time_based":
        trigger = {"time": config.get("time")}
        if kind == "weekly" and "day" in config:
            trigger = {"day": config["day"], "time": config.get("time")}
        first["trigger_config"] = trigger
    w = Words(language)
    note = w.say("Ny tidsplan: ", "New schedule: ") + schedule_text(doc["schedule"], w)
    return _done(doc, language, note)


#: The edits that say what they changed: one that changes nothing is answered with a question.
_CHANGES = (_remove_day, _schedule, _refined)
