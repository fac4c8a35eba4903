"""The offline assistant in a conversation: what the user writes after its last answer.

- After a **question**, the answer continues the request that led to it ("send skjema
  annenhver uke" + "fredag kl 9"; "Skjema til bakeriene" + "kafeene da" puts the group in the
  unknown one's place; "ja" accepts what the question offered). Only a text that is a whole
  request on its own starts afresh.
- After a **draft**, the text changes it (``editing``): moves, more steps, fewer steps or
  groups, another template, the schedule, the holiday policy, or "ja, ser bra ut". What is
  not a change of the draft is read as a new request.

Every answer says what was understood (the parser's notes, the edit's changes).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ai_assistant.context import ParseContext
from ai_assistant.offline import ParseOutcome, parse_description
from ai_assistant.offline.editing import edit_draft
from ai_assistant.offline.kinds import phrase_replaced_by
from ai_assistant.offline.text import NUMBER_WORDS, written_forms

__all__ = ["Pending", "follow_up"]

_YES = re.compile(
    r"^\s*(?:ja|jo|jepp|japp|ok(?:ei|ay)?|greit|gjerne|yes|yeah|yep|sure|correct|riktig|stemmer)"
    r"\b[\s,.!]*",
    re.IGNORECASE,
)


_MEANT = re.compile(
    r"^\s*(?:(?:no|nei|nope|oops|sorry|beklager|unnskyld|ah|oh)\b[\s,.!]*)*"
    r"(?:i\s+meant|i\s+mean|jeg\s+mente|jeg\s+mener|det\s+skulle\s+være|should\s+be|"
    r"it\s+should\s+be)?\b[\s,:]*(?:(?:the|til|to)\s+)?",
    re.IGNORECASE,
)


_MEANT_AFTER = re.compile(
    r"[\s,]*(?:(?:mente|mener)\s+(?:jeg|eg|e)|i\s+meant|i\s+mean|is\s+what\s+i\s+meant)"
    r"[\s.!]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Pending:
    """What a question left open: the request so far, the words of it the answer stands in
    for, and what they become when the answer is "yes"."""

    text: str
    replace: str | None = None
    yes: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Pending | None:
        if not data or not data.get("text"):
            return None
        return cls(str(data["text"]), data.get("replace"), data.get("yes"))


_SEND_IT_TO = re.compile(
    r"^(?:(?:ok|okei|okay|greit|fint|sure|fine|alright)[\s,]+)?(?:(?:send|sende|skicka)\s+"
    r"(?:det|den|dem|it|them)\s+)?(?:bare\s+|kun\s+|berre\s+|only\s+|just\s+)?(?:til|to|te)\s+",
    re.IGNORECASE,
)
# What a follow-up says besides its answer: thanks and praise in sentences of their own ("Tusen
# takk, det ser flott ut!", "Ellers er alt perfekt."), a lead-in ("Tusen takk for spørsmålet:",
# "En liten ting:", "Greit,"), and "passer fint" after it.
_PRAISE = re.compile(
    r"^\W*(?:og\s+|and\s+)?(?:(?:(?:tusen|mange|stor|hjertelig)\s+)?(?:takk|tack|tak)|thanks"
    r"|thank\s+you|(?:det\s+|dette\s+)?ser\s+(?:veldig\s+)?(?:flott|bra|fint|supert|greit)\s+ut"
    r"|(?:it\s+|that\s+|this\s+)?looks?\s+(?:really\s+)?(?:great|good|fine|perfect)"
    r"|ellers\s+(?:er\s+)?(?:alt|det)\s+(?:perfekt|bra|fint|greit|topp)"
    r"|otherwise\s+(?:it'?s\s+|all\s+is\s+|everything\s+is\s+|all\s+)?(?:perfect|good|fine|great))"
    r"\b[^?]*$"
    # "Flott!", "Perfekt.", "Great!": praise in one word.
    r"|^\W*(?:flott|supert|perfekt|topp|great|perfect|lovely|awesome|nice)\W*$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:(?:tusen|mange)\s+)?takk(?:\s+for\s+[^:,.!?]{1,30})?|thanks(?:\s+for\s+[^:,.!?]{1,30})?"
    r"|(?:en|ei|ein|bare\s+en)\s+(?:liten\s+|lita\s+|lite\s+)?(?:ting|sak)|one\s+(?:small\s+|little\s+)?"
    r"thing)\s*[:,!.]\s*"
    # "Perfekt, men send ...", "Looks good, but use ...": praise, then what is asked.
    r"|^\s*(?:(?:det\s+)?ser\s+(?:veldig\s+)?(?:bra|fint|flott)\s+ut|(?:it\s+)?looks\s+(?:good|great)"
    r"|flott|supert|perfekt|bra|fint|greit|topp|ok(?:ei|ay)?|great|perfect|good|nice|fine|takk"
    r"|thanks)\s*[,!.]?\s*(?:men|but)\s+",
    re.IGNORECASE,
)
_SUITS = re.compile(
    r"\s+(?:passer\s+(?:fint|bra|greit|best|oss\s+fint|oss\s+bra)|funker\s+(?:fint|bra)"
    r"|fungerer\s+(?:fint|bra)|works?\s+(?:fine|well|great|for\s+us)|suits\s+us|is\s+fine"
    r"|er\s+(?:fint|greit|perfekt))\s*[.!]*$",
    re.IGNORECASE,
)


_CLOSING_THANKS = re.compile(
    r"(?<=[.!?])\s*(?:(?:tusen|mange)\s+)?(?:takk|thanks|thank\s+you)\b[^.!?\d]*[.!?]*\s*$",
    re.IGNORECASE,
)


# A sentence of thanks that also asks for something ("Takk, men send den til kafeene").
_SAYS_WHAT = re.compile(
    r"\d|\b(?:men|but|send\w*|flytt\w*|move|legg|fjern|ta\s+bort|heller|instead|rather"
    r"|i\s+stedet)\b",
    re.IGNORECASE,
)


def what_is_answered(text: str) -> str:
    """The follow-up without its thanks, praise and lead-ins; itself when nothing else is left."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]
    kept = [s for s in sentences if not (_PRAISE.search(s) and not _SAYS_WHAT.search(s))]
    said = " ".join(kept) if kept else text
    for _ in range(2):
        said = _LEAD_IN.sub("", said)
    said = _SUITS.sub("", said).strip()
    return said or text


def _replaced(text: str, words: str, by: str) -> str:
    # The words as the parser read them ("hver 10 uke") in the text as written ("hver 10. uke").
    tokens = re.findall(r"[\wæøåé]+", words)
    if not tokens:
        return f"{text} {by}"
    # Each word as written or in a dialect form it was read from ("dei offentlege kundane" for
    # "de offentlege kundene").
    pattern = re.compile(
        r"[\s.,:-]*".join(
            "(?:" + "|".join(re.escape(f) for f in written_forms(t)) + ")" for t in tokens
        ),
        re.IGNORECASE,
    )
    if pattern.search(text):
        return pattern.sub(lambda _m: by, text, count=1)
    said = phrase_replaced_by(text, words.strip().lower())
    if said is not None:
        # "the big customers", read as "storkunder": the words as written.
        return f"{text[: said[0]]}{by}{text[said[1] :]}"
    return f"{text} {by}"


_INSTEAD = re.compile(
    r"^(?:(?:ok|okei|okay|greit|fint)[\s,]+)?(?:(?:ta|gjør|kjør|send|sett|make|do|take|use)\s+"
    r"(?:det|den|it|them|dem)?\s*)?(?:heller|i\s+staden|i\s+stedet|instead|rather)\s+",
    re.IGNORECASE,
)


# "ok ta det på epost da", "send it by email then": the yes said as the email it offered.
_AS_EMAIL = re.compile(
    r"\b(?:(?:ta|send|sende|gjør|kjør|do|make)\s+(?:det|den|dem|it|them)\s+)?"
    r"(?:på|som|via|per|med|by|as|over)\s+(?:an?\s+)?(?:e-?post|epost|e-?mail|mail|mejl)\w*"
    r"(?:\s+(?:da|then|instead|i\s+stedet|heller|please|takk|thanks))*[\s.!]*",
    re.IGNORECASE,
)


# "elleve", "åtte da", "nine": an hour said as a word only, as an answer to "what time?".
_HOUR_WORDS = {w: n for w, n in NUMBER_WORDS.items() if 5 <= n <= 23}
_BARE_HOUR_WORD = re.compile(
    r"^\s*(?:(?:kl|klokka|klokken|at)\.?\s+)?(?P<w>"
    + "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
    + r")(?:\s+(?:o'?clock|am|pm))?\s*(?:da|then|takk|thanks|please)?[\s.!]*$",
    re.IGNORECASE,
)


def _hour_said_in_words(answer: str) -> str:
    """ "elleve" as "kl 11": an hour word alone is the time asked for."""
    m = _BARE_HOUR_WORD.match(answer)
    if m is None:
        return answer
    hour = _HOUR_WORDS[m["w"].lower()]
    if re.search(r"\bpm\b", answer, re.IGNORECASE) and hour < 12:
        hour += 12
    return f"kl {hour}"


# "tirsdag eller onsdag", "kl 9 or 10": two options the request left open.
_EITHER = re.compile(
    r"(?<![\wæøå])(?P<a>[\wæøå]+(?:[:.]\d{2})?)\s+(?:eller|elle|or|alternativt|el\.?)\s+"
    r"(?P<b>[\wæøå]+(?:[:.]\d{2})?)(?![\wæøå])",
    re.IGNORECASE,
)
_CHOICE_FILLER = re.compile(
    r"^(?:(?:ja|jo|yes|ok|okei|greit|ta|take|send|på|on|at|kl|klokka|klokken|klockan|den|the)"
    r"\.?\s+)*|(?:\s+(?:da|then|takk|thanks|please|bitte|altså|asså|vel|pls))+$",
    re.IGNORECASE,
)


_NO_OPTION = frozenset({"every", "each", "hver", "kvar", "annen", "other"})


def _one_of_two(text: str, answer: str) -> str | None:
    """ "tirsdag eller onsdag kl 9" + "onsdag": the request with the option picked in place of
    the two."""
    said = _CHOICE_FILLER.sub("", answer.strip(" .!,")).strip().lower()
    if not said:
        return None
    # "onsdag klokka 9": the option picked, and what the answer adds to it.
    said, _, more = said.partition(" ")
    for m in _EITHER.finditer(text):
        for option in (m["a"], m["b"]):
            if option.lower() in _NO_OPTION:
                continue  # "every other or every third" + "every other, ...": how often
            if option.lower() == said:
                picked = f"{text[: m.start()]}{option}{text[m.end() :]}"
                return f"{picked} {more}".strip() if more else picked
    return None


def continued(pending: Pending, answer: str) -> str:
    """The request with the answer in it."""
    answer = _hour_said_in_words(answer.strip())
    picked = _one_of_two(pending.text, answer)
    if picked is not None:
        return picked
    yes = _YES.match(answer)
    if pending.yes == "e-post" and _AS_EMAIL.search(answer):
        # The email the question offered, said in words of its own: a yes.
        rest = _AS_EMAIL.sub(" ", answer[yes.end() :] if yes else answer).strip(" ,.!")
        text = _replaced(pending.text, pending.replace or "", pending.yes)
        return f"{text} {rest}".strip()
    if yes and pending.yes is not None:
        rest = answer[yes.end() :].strip()
        text = _replaced(pending.text, pending.replace or "", pending.yes)
        return f"{text} {rest}".strip()
    if pending.replace:
        # "Skjema til bakeriene" + "kafeene da": the group in the unknown one's place.
        answer = re.sub(r"[\s,]+(?:da|then|please|takk|thanks)\s*[.!]*$", "", answer, flags=re.I)
        # "ta alle verkstedene", "take all the workshops": whom, said as a choice.
        answer = re.sub(
            r"^(?:ta|take|bruk|use|velg|choose|pick)\s+(?=(?:alle|all|the|de|dei|bare|just)\b)",
            "",
            answer,
            flags=re.I,
        )
        # "sorry, I meant the offices", "nei, jeg mente kafeene": the group after the apology.
        answer = _MEANT.sub("", answer)
        # "kl 15 mener jeg", "9:30 I meant": the same apology after the answer.
        answer = _MEANT_AFTER.sub("", answer).strip() or answer
        # "ta heller første mandag i måneden", "rather every Monday": the answer instead.
        answer = _INSTEAD.sub("", answer).strip() or answer
        # "send det bare til kantinene": whom, in the place of the words asked about.
        answer = _SEND_IT_TO.sub("", answer).strip() or answer
        clock = re.match(r"(kl|at)\s", pending.replace, flags=re.I)
        if clock and re.fullmatch(r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?", answer, flags=re.I):
            # "at 31" + "13": the hour in the time's place, said the same way ("at 13").
            answer = f"{clock.group(1)} {answer}"
        return _replaced(pending.text, pending.replace, answer)
    # No comma: the answer's day or time belongs to the request's own action (before a
    # closing "Takk!", which asks for nothing).
    base = _CLOSING_THANKS.sub("", pending.text)
    return f"{base.rstrip(' .!?')} {answer}"


# "kl 9", "at 9am", "09:00": only a time of day, as an answer to "what time?".
_BARE_TIME = re.compile(
    r"^\s*(?:(?:kl|klokka|klokken|at|@)\.?\s*)?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*"
    r"(?P<ap>am|pm)?\s*(?:da|then|takk|thanks|please)?[\s.!]*$",
    re.IGNORECASE,
)


def _time_it_has(draft: Mapping[str, Any], text: str) -> ParseOutcome | None:
    """ "kl 9" after a draft that already runs at 09:00 (the time the assistant chose and
    said): the answer agrees with the draft, which stays as it is."""
    m = _BARE_TIME.match(text)
    if m is None:
        return None
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if m["ap"] and m["ap"].lower() == "pm" and hour < 12:
        hour += 12
    said = f"{hour:02d}:{minute:02d}"
    schedule = draft.get("schedule") or {}
    first = (schedule.get("schedule_config") or {}).get("time")
    if first != said:
        return None
    language = "en" if re.search(r"\b(?:at|am|pm|then|thanks|please)\b", text, re.I) else "nb"
    note = (
        f"Utkastet går allerede kl {said}; det er uendret."
        if language == "nb"
        else f"The draft already runs at {said}; it is unchanged."
    )
    return ParseOutcome(workflow=copy.deepcopy(dict(draft)), language=language, notes=[note])


def follow_up(
    text: str,
    *,
    context: ParseContext,
    draft: Mapping[str, Any] | None = None,
    pending: Pending | None = None,
    keep_description: bool = False,
) -> ParseOutcome:
    """The assistant's answer to ``text`` in a conversation with this draft or question.
    ``keep_description``: a saved workflow is being changed; its description is the
    business's own text, not rewritten after each change."""
    text = what_is_answered(text)
    if draft is not None:
        edited = edit_draft(draft, text, context=context)
        if edited is not None and edited.question is not None:
            kept = _time_it_has(draft, text)
            if kept is not None:
                return kept
        if edited is not None:
            if keep_description and edited.workflow is not None:
                edited.workflow["description"] = draft.get("description", "")
            return edited
    if pending is not None:
        alone = parse_description(text, context=context)
        if alone.workflow is not None and len(text.split()) > 3:
            return alone  # a whole request of its own
        combined = continued(pending, text)
        return parse_description(combined, context=context)
    return parse_description(text, context=context)
