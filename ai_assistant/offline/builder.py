"""From the parts of a request to a workflow document.

Each part that asks for something becomes a step, drafted by its step type
(``StepType.draft``) from the facts the readers found. The first timed step sets the
schedule; later timed steps wait, durably, within the same run. What is not clear becomes a
question (``Ask``), never a guess; every default the parser chose is reported as a note.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ai_assistant.context import ParseContext
from ai_assistant.offline import audience, calendar, events, limits
from ai_assistant.offline.fragments import Fragment, Reader, attach, customer_email_type
from ai_assistant.offline.kinds import KIND_WORDS, kind_of_word, kind_phrases, replace_phrases
from ai_assistant.offline.language import Language
from ai_assistant.offline.letters import the_request
from ai_assistant.offline.templates import (
    CONCEPTS,
    TemplateMatcher,
    _new_template,
    concepts_in,
    keep_names_whole,
    proposal,
    topic_proposal,
)
from ai_assistant.offline.text import NUM, NUMBER_WORDS, blank, fold, normalise, split
from ai_assistant.offline.timing import (
    EN_DAYS,
    FULL_DAY,
    NB_DAYS,
    WEEKDAYS,
    BadTime,
    MorningAfternoon,
    is_day_word,
)
from automation.drafting import Facts, StepDraft, TemplateChoice
from automation.registry import StepType, step_types
from automation.wording import Words, ordinal, schedule_when


class Ask(Exception):
    """Raised inside the parser when the user has to tell us more.

    ``replace``: the words of the request the answer stands in for (an unknown group, an
    impossible "every 10th week"); ``yes``: what they become when the answer is "ja"/"yes".
    See ``ai_assistant.offline.conversation``."""

    def __init__(self, nb: str, en: str, *, replace: str | None = None, yes: str | None = None):
        super().__init__(en)
        self.nb = nb
        self.en = en
        self.replace = replace
        self.yes = yes


@dataclass
class Planned:
    """A step on its way: the part it comes from, its step type and its draft."""

    frag: Fragment
    cls: type[StepType]
    draft: StepDraft
    facts: Facts
    #: An event step for the event's customer only when they are in this group ("when someone
    #: orders, confirm it, but only to the key accounts"): a ``customer_filter`` condition.
    only_group: str | None = None


@dataclass
class Templates:
    """``automation.drafting.TemplateFinder`` over the context's templates."""

    matcher: TemplateMatcher
    language: str
    #: Proposals made so far in this request, by name: two steps asking for the same new
    #: template share it.
    proposed: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The customer groups: whom a request is for says nothing of which template it is.
    groups: audience.GroupMatcher | None = None

    def names(self) -> list[str]:
        return [str(t["name"]) for t in self.matcher.templates]

    def choose(
        self, words: str, *, prefer: Sequence[str] = (), topic: str = ""
    ) -> TemplateChoice | None:
        named = self.matcher.named(words)
        if named is not None:
            return TemplateChoice(template=named)
        other = _other_form_or_reminder(words)
        if other is not None:
            # "credit application form", "påminnelse om sommerfesten": a form or a reminder
            # about something else than ordering is no template of ordering's.
            prefer = [p for p in prefer if p not in ("bestilling", "reminder")]
            phrase, is_reminder = other
            if is_reminder:
                # A template about what it reminds of ("Julebordet"), else a new one.
                about = re.sub(r"^\S+\s+\S+\s+", "", phrase)
                ranked = [r for r in self.matcher.ranked(about) if r.score >= 10]
                if ranked:
                    return TemplateChoice(template=ranked[0].template)
                return self._proposed(_proposal_named(phrase, self.language))
            concept = next((c for c, _m in concepts_in(phrase) if c.key not in _ORDERING), None)
            if concept is None:
                return self._proposed(
                    _proposal_named(phrase, self.language)
                    if is_reminder
                    else topic_proposal(phrase, words, self.language, "annet")
                )
        ranked = self.matcher.ranked(self._without_audience(words), prefer=prefer)
        if ranked:
            best = ranked[0]
            choice = TemplateChoice(template=best.template)
            if len(ranked) > 1 and ranked[1].score == best.score:
                name = best.template["name"]
                choice.notes.append(
                    (
                        f"Flere maler passer; bruker «{name}». Si fra om en annen skal brukes.",
                        f"Several templates fit; using “{name}”. Say so if another should be used.",
                    )
                )
            return choice
        asked = concepts_in(words)
        if asked and _OF_WHAT.search(fold(words)[: asked[0][1].start()]):
            # "åpningstidene for jul": opening hours (of Christmas), not a Christmas greeting.
            return self._proposed(topic_proposal(topic or words, words, self.language, "annet"))
        asked = asked or [(concept, None) for concept in CONCEPTS if concept.key in prefer]
        if asked:
            new: dict[str, Any] | None = proposal(asked[0][0], words, self.language)
        else:
            new = topic_proposal(topic, words, self.language, "annet")
        return self._proposed(new)

    def _without_audience(self, words: str) -> str:
        """ "... til verkstedene": the group a step is for, out of the words that say which
        template it is ("Ukesliste verksted" is not every email to the workshops)."""
        if self.groups is None:
            return words
        groups = self.groups

        def drop(m: re.Match[str]) -> str:
            word = m["w"]
            if len(word) >= 4 and (groups.match(word) is not None or kind_of_word(word)):
                return m["to"]
            return m.group(0)

        return _TO_WHOM.sub(drop, words)

    def _proposed(self, new: dict[str, Any] | None) -> TemplateChoice | None:
        if new is None:
            return None
        new = self.proposed.setdefault(new["name"], new)
        return TemplateChoice(
            proposal=new,
            notes=[
                (
                    f"Ingen e-postmal passer, så jeg foreslår en ny mal «{new['name']}» (utkast). "
                    "Åpne og lagre den før arbeidsflyten aktiveres, eller velg en eksisterende "
                    "mal under «Utkast».",
                    f"No email template fits, so I propose a new template “{new['name']}” (a "
                    "draft). Open and save it before the workflow is activated, or pick an "
                    "existing template under “Draft”.",
                )
            ],
        )


# "oversikt over ukens rabatter", "an overview of this month's offers": the email of what it
# lists (an offer, news, the range), no report; "oversikt over ordrene" stays a report.
_OVERVIEW_OF = re.compile(
    r"\b(?:(?:en|ei|an?|the)\s+)?(?:oversikt\w*|overview|summary|sammendrag\w*)\s+"
    r"(?:over|of|med|with)\s+(?P<what>(?:[\wæøå'-]+\s+){0,2}[\wæøå'-]+)"
)
# What is reported on, not sent: an overview of these is a report.
_REPORTED = frozenset({"bestilling", "reminder", "confirmation", "welcome", "faktura", "survey"})


def _overview_of(m: re.Match[str]) -> str:
    found = {concept.key for concept, _m in concepts_in(m["what"])}
    if found and not found & _REPORTED:
        return m["what"]
    return m.group(0)


# "servicevarselet til butikkene, ikke prislista", "the newsletter, not the price list": the
# email not meant, said after the one meant, is no part of the request.
_NOT_THAT_EMAIL = re.compile(
    r"\s*,\s*(?:men\s+|but\s+)?(?:ikke|ikkje|itj|not)\s+(?:the\s+|den\s+|det\s+)?"
    # Not when ("ikke i juli") nor to whom ("ikke til skolene").
    r"(?!(?:i|på|om|in|on|at|during|til|te|to|for|fra|from|før|etter|before|after)\b)"
    r"(?P<what>[\wæøå-]+(?:\s+[\wæøå-]+)?)\s*(?=[,.;!?]|$)"
)


# "kampanjen på filtre og olje", "the offer on tyres and rims": what something is about, two
# things joined, is no two parts.
_THINGS_JOINED = re.compile(
    r"\b(?P<on>på|om|about|on|for|med|with|regarding|concerning|av|of)\s+(?P<a>[a-zæøå][a-zæøå-]{1,})"
    r"\s+(?:og|and)\s+"
    r"(?P<b>[a-zæøå]{3,})\b"
)
# "the allergen and ingredients sheet", "skjema og prisliste-ark": two things one sheet, form,
# list or guide is about, one part.
_THINGS_ONE_HEAD = re.compile(
    r"\b(?P<a>[a-zæøå]{3,})\s+(?:og|and)\s+(?P<b>[a-zæøå]{3,})\s+"
    r"(?P<head>sheets?|forms?|lists?|guides?|plans?|schedules?|overviews?|data\s+sheets?)\b"
)
# What an information email is about ("info om ferjeruta og leveringsdagane"): its topics,
# even where a word names a kind of email too.
_SHORT_WORDS = frozenset("en ei et de di vi me du to ti at in on it of og or an as".split())
_A_LIST_BEFORE = re.compile(
    r"(?:liste\w*|lista|list|kampanje\w*|campaign|tilbud\w*|offers?|katalog\w*|catalogue)\s*$"
)
_INFO_ABOUT = re.compile(
    r"\b(?:info|informasjon|information|opplysninger|beskjed|melding|nytt|news|details)\s*$"
    # "en mail om retur av tomemballasje og paller": what one email is about.
    r"|\b(?:en|ei|ein|an?)\s+(?:e-?post|e-?mail|mail|epost|brev|letter)\s+(?:om|about)"
    r"(?:\s+[a-zæøå]+){0,2}\s*$"
)
# An event on stock ("når lageret går tomt for Solo", "when a product runs out of stock"): none
# the format has (a webhook from the stock system is named as one).
_STOCK_EVENT = re.compile(
    r"\b(?:når|hvis|dersom|straks|when|whenever|once|if|as\s+soon\s+as)\s+(?:\w+\s+){0,5}?"
    r"(?:lager\w*|beholdning\w*|stock|inventory|varen|vara|produkt\w*|products?|items?)\s+"
    r"(?:\w+\s+){0,3}?(?:går\s+tom\w*|er\s+tom\w*|blir\s+tom\w*|tar\s+slutt|er\s+utsolgt"
    r"|blir\s+utsolgt|runs?\s+(?:out|low)|is\s+(?:empty|low|out\s+of\s+stock|sold\s+out)"
    r"|goes\s+(?:empty|out\s+of\s+stock)|(?:er|blir|går)\s+lav\w*)"
)
# A part that says why ("de handler mest i helgene", "because they order most on Fridays"):
# a subject and its verb, no audience ("de som ...") and nothing to do.
_REASON = re.compile(
    r"(?:(?:fordi|siden|sidan|because|since|as)\s+)?(?:de|dei|dom|dæm|they|vi|we|kundene|customers)"
    r"\s+(?!som\b|who\b|that\b|får\b|get\b|should\b|skal\b)[\wæøå]+\s+(?:mest|most|mostly|helst"
    r"|ofte|often|usually|vanligvis|alltid|always)\b"
)
_TO_WHOM = re.compile(
    r"(?P<to>\b(?:til|to|te|for)\s+(?:alle\s+|all\s+|the\s+|our\s+|våre\s+)?)(?P<w>[\wæøå-]+)"
)
_ORDERING = frozenset({"bestilling", "reminder"})
# A thing of its own right before the concept's word: "åpningstidene for jul".
_OF_WHAT = re.compile(
    r"\b(?!(?:send|sende|email|mail|e-post|epost|påminnelse|reminder|info|informasjon|melding"
    r"|beskjed|nytt|news)\b)[\wæøå]{5,}\s+(?:for|om|of|about)\s+(?:the\s+)?$"
)
# "a credit application form", "et søknadsskjema for kreditt", "HMS-datablad": a form or sheet
# named by what it is about; "påminnelse om julebordet", "reminder about the summer party": a
# reminder about something named.
_OTHER_FORM = re.compile(
    r"\b(?P<what>(?:[\wæøå-]+\s+){1,3}?(?:form|forms|sheet))\b"
    r"|(?P<what2>\b[\wæøå-]{3,}(?:skjema|skjemaet|blad|bladet))\b"
    r"|(?P<what3>\b(?:påminnelse|reminder)\s+(?:om|about|of|for)\s+(?:the\s+|our\s+|vårt\s+"
    r"|vår\s+)?[\wæøå-]{4,})"
    # "påminnelse om å levere tilbake kassene", "reminder to return the crates": about doing
    # something, named by the doing and what it is done with.
    r"|(?P<what4>\b(?:påminnelse|påminning|reminder)\s+(?:om\s+å|om\s+at|to)\s+"
    r"(?!(?:bestill|order|place|send\s+(?:in\s+)?(?:an?\s+|the\s+|their\s+)?order)\w*)"
    r"(?:(?!(?:til|te|to|hver|kvar|every|each|kl|at|på|on)\b)[\wæøå-]+\s*){1,4})"
)
# What a reminder of doing something is read as a doing by ("reminder to return ..."), unlike
# "a reminder to the shops".
_DOING = re.compile(
    r"^(?:påminnelse|påminning|reminder)\s+(?:om\s+å|om\s+at|to\s+(?:return|bring|give|hand|"
    r"collect|pick|drop|clean|empty|stack|sort|renew|sign|book|register|update|check|count|pack"
    r"|label|move|store|deliver|fetch|get|take)\b)"
)
# Words of ordering: a form or a reminder about these is the order form or its reminder.
_ORDER_WORDS = re.compile(
    r"^(?:bestill\w*|ordre\w*|order\w*|uke\w*|weekly|frist\w*|deadline\w*|the|our|an?|send"
    r"|them|their|deres|sitt|sin|vårt|vår|ukens|ukas|til|to|hver|every|new|nye?|vanlig\w*"
    r"|usual|same|samme|this|that|reminder|påminnelse|om|about|of|for|faktura\w*|invoice\w*"
    r"|betaling\w*|payment\w*|skjema\w*|form|forms|sheet|e-?post|email|mail)$"
)


_AUDIENCE_WORDS = frozenset(
    """those these them they de dem dei alle all everyone everybody whoever anyone customers
    kunder kundene customer kunden who som""".split()
)
_ORDERING_WORD = re.compile(
    r"(?:bestill|ordre|order|innkjøp|purchas|uke|week|tinging|beställ|veke)"
)


def _other_form_or_reminder(words: str) -> tuple[str, bool] | None:
    """The words naming a form or a reminder about something other than ordering (from it to
    the end, for a form), and whether it is a reminder; None when there is none."""
    folded = fold(words)
    for m in _OTHER_FORM.finditer(folded):
        if m["what4"]:
            if _DOING.match(m["what4"]):
                return m["what4"].strip(), True
            continue
        what = m["what"] or m["what2"] or m["what3"]
        if m["what2"]:
            first = re.sub(r"-?(?:skjema|skjemaet|blad|bladet)$", "", what)
            if _ORDER_WORDS.match(first) or _ORDERING_WORD.match(first):
                continue
            if what.endswith(("blad", "bladet")) and concepts_in(what):
                continue  # "kundebladet": a paper of a known kind (the newsletter)
            return folded[m.start() :], False
        parts = what.split()
        if m["what3"]:
            if not _ORDER_WORDS.match(parts[-1]) and parts[-1] not in _AUDIENCE_WORDS:
                return what, True
            continue
        # "credit application form": the word before "form" says which form it is.
        if _ORDER_WORDS.match(parts[-2]) or _ORDERING_WORD.match(parts[-2]):
            continue
        kept: list[str] = []
        for part in reversed(parts[:-1]):
            if _ORDER_WORDS.match(part) or not re.fullmatch(r"[a-zæøå-]+", part):
                break
            kept.insert(0, part)
        if not kept or is_day_word(kept[-1]):
            continue  # "mon 9 form": the form, when
        return " ".join([*kept, parts[-1]]) + folded[m.end() :], False
    return None


def _proposal_named(words: str, language: str) -> dict[str, Any]:
    """A new template named by the request's own words ("Påminnelse om sommerfesten")."""
    name = words.strip()
    return _new_template(name[:1].upper() + name[1:], "annet", language)


@dataclass
class Builder:
    text: str
    context: ParseContext
    language: Language
    notes: list[tuple[str, str]] = field(default_factory=list)
    holiday_policy: str | None = None
    #: "hver mandag i oktober kl 8": the month the weekly days are in (a cron schedule).
    in_month: int | None = None
    #: New templates the steps need (proposed, created as drafts when the user confirms).
    new_templates: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A request written as a letter: its greeting, news and signature are not read (a
        # place in the small talk is no audience to ask about).
        self.text = the_request(self.text)
        self.reader = Reader(self.context)
        self.templates = Templates(
            TemplateMatcher(self.context.templates), self.language, groups=self.reader.groups
        )

    def ask(self, nb: str, en: str, *, replace: str | None = None, yes: str | None = None) -> Ask:
        return Ask(nb, en, replace=replace, yes=yes)

    def note(self, nb: str, en: str) -> None:
        if (nb, en) not in self.notes:
            self.notes.append((nb, en))

    def t(self, nb: str, en: str) -> str:
        return nb if self.language == "nb" else en

    # --- The whole request -----------------------------------------------------------------

    def _quoted_templates(self, text: str) -> str:
        """``text`` with a template quoted by what it says ("«har dere glemt å bestille?»-
        mailen", "the “did you forget to order?” email") as that template's name, or, where no
        template means it, as the quoted words without their punctuation (a "?" in the quote
        cuts no part)."""

        def named(m: re.Match[str]) -> str:
            quoted = m["quoted"].strip()
            matcher = self.templates.matcher
            template = matcher.named(quoted)
            if template is None:
                # «nytt fra kaia»: the words of one template's subject.
                said = " ".join(re.findall(r"[\wæøå]+", fold(quoted)))
                by_subject = [
                    t
                    for t in matcher.templates
                    if len(said.split()) >= 2
                    and re.search(
                        r"(?<![\wæøå])" + re.escape(said) + r"(?![\wæøå])",
                        " ".join(re.findall(r"[\wæøå]+", fold(str(t.get("subject") or "")))),
                    )
                ]
                if len(by_subject) == 1:
                    template = by_subject[0]
            if template is None:
                ranked = matcher.ranked(quoted)
                if ranked and (len(ranked) == 1 or ranked[0].score > ranked[1].score):
                    template = ranked[0].template
            if template is not None:
                return f" {template['name']} "
            words = re.sub(r"[^\w\sæøåÆØÅ'-]", " ", quoted)
            return f" «{' '.join(words.split())}» {m['suffix'] or ''} "

        return _QUOTED.sub(named, text)

    def build(self) -> dict[str, Any]:
        normalised, emails = normalise(self._quoted_templates(self.text))
        # Before a correction is made of it: "..., nei forresten, ikke send noe til butikkene".
        cancel = _SEND_NOTHING.search(normalised)
        if cancel and self._cancels_itself(normalised, cancel):
            raise self.ask(
                "Du skriver at det ikke skal sendes noe likevel, så jeg lager ingenting. Hva "
                "skal arbeidsflyten gjøre, og når?",
                "You say nothing should be sent after all, so I create nothing. What should the "
                "workflow do, and when?",
            )
        normalised = audience.apply_correction(normalised, self.reader.groups)
        normalised = audience.join_group_pairs(normalised, self.reader.groups)
        normalised = _DAILY_NOT_WEEKENDS.sub(_weekdays_said, normalised)
        normalised = _OVERVIEW_OF.sub(_overview_of, normalised)
        normalised = _NOT_THAT_EMAIL.sub(self._not_that_email, normalised)
        normalised = _THINGS_JOINED.sub(self._joined_things, normalised)
        normalised = _THINGS_ONE_HEAD.sub(self._joined_things, normalised)
        normalised = self._days_in_a_month(normalised)
        self._ask_if_impossible(normalised)
        self._ask_if_when_unclear(normalised)
        normalised = _earlier_first(_delay_after_event(normalised))
        before_event = normalised
        event, normalised = events.read_event(normalised)
        # "når kafeene bestiller", "when a key account places an order": the group is who the
        # event must be about (the steps' customer filter), not lost with the event's phrase.
        event_groups = self._groups_in_event(before_event, normalised, emails) if event else []
        if event == "webhook":
            # The webhook's name ("pris-oppdatert") is not what is sent.
            normalised = events.without_name(normalised, events.webhook_name(self.text))
        # Read first: "er det fridag, send tirsdag i stedet" is not a step on Tuesday.
        self.holiday_policy, normalised = calendar.read_policy(normalised)
        for_all = _FOR_ALL.search(normalised)
        if for_all:
            normalised = blank(normalised, for_all)
        normalised = keep_names_whole(normalised, self.context.templates)
        normalised = self._without_other_group(normalised, emails)
        fragments = self._without_sending_nothing(self._read_parts(normalised, emails))
        actions = _restated(self._actions(fragments))
        if for_all:
            self._to_all_steps(actions, for_all["who"] or for_all["who2"], emails)
        if event in ("order.created", "customer.created") and event_groups:
            for frag in actions:
                if not frag.groups and not frag.everyone:
                    frag.groups = list(event_groups)
        for frag in actions:
            if frag.unknown_groups:
                self._ask_unknown_group(frag.unknown_groups[0])
            self._check_calendar(frag)
        self._ask_if_unsettled(normalised, fragments, actions, event)
        steps = _in_run_order(self._steps(_one_per_day(actions), event))
        return self._document(steps, event)

    def _days_in_a_month(self, normalised: str) -> str:
        """ "hver mandag i oktober kl 8", "every Monday in October at 8": weekly days within
        one month, at a time, are a cron schedule (the month's name is read here, the days and
        the time by the readers); without a time it stays a question."""
        m = _WEEKDAYS_IN_MONTH.search(normalised)
        if m is None or not re.search(r"\bkl\s*\d|\d:\d{2}|\d\s*(?:am|pm)\b|\bat\s+\d", normalised):
            return normalised
        self.in_month = _MONTH_NUMBERS[m["month"][:3]]
        start, end = m.span("within")
        return normalised[:start] + " " * (end - start) + normalised[end:]

    def _to_all_steps(self, actions: list[Fragment], who: str, emails: list[str]) -> None:
        """ "..., alt bare til hotellene", "all of it to the plumbers": the audience of every
        step that names none of its own."""
        audience_of = self.reader.read(who, emails)
        for frag in actions:
            if not frag.groups and not frag.everyone:
                frag.groups = list(audience_of.groups)
                frag.everyone = audience_of.everyone
                frag.unknown_groups = frag.unknown_groups or list(audience_of.unknown_groups)

    def _read_parts(self, normalised: str, emails: list[str]) -> list[Fragment]:
        """Each part of the request read; a time that cannot be right is asked about."""
        try:
            return [self.reader.read(part, emails) for part in split(normalised)]
        except MorningAfternoon:
            raise self.ask(
                "Klokkeslettet er på ettermiddagen, men du skriver «morgen». Hvilket klokkeslett "
                "skal det være?",
                "That hour is in the afternoon, but you say “morning”. What time should it be?",
            ) from None
        except BadTime:
            raise self.ask(
                "Klokkeslettet ser ikke riktig ut. Skriv det som f.eks. «kl 09:30».",
                "That time does not look right. Write it like “09:30” or “9am”.",
                replace=_bad_time(normalised),
            ) from None

    def _without_sending_nothing(self, fragments: list[Fragment]) -> list[Fragment]:
        """ "...; don't send anything to those who have ordered": a part that says what is not
        sent is no step. Leaving out a group everyone else gets is asked about."""
        kept: list[Fragment] = []
        for frag in fragments:
            if frag.staff_group and _NO_NOTICE.match(frag.text.strip()) and len(fragments) > 1:
                continue  # "..., men ikke gi beskjed til lageret": no notice, no step
            if not _SEND_NOTHING.search(frag.text):
                kept.append(frag)
                continue
            others = [f for f in fragments if f is not frag]
            if frag.days or frag.time or frag.timed:
                # "..., men ikke send noe på mandager": a day or time it should not happen.
                raise self.ask(
                    "Du nevner en dag det ikke skal skje. Hvilke dager skal det skje?",
                    "You name a day it should not happen on. Which days should it happen?",
                )
            if frag.groups and any(f.everyone and not f.groups for f in others):
                raise self.ask(
                    "En arbeidsflyt kan ikke sende til alle unntatt én gruppe. Hvilke grupper "
                    "skal få den?",
                    "A workflow cannot send to everyone except one group. Which groups should "
                    "get it?",
                )
        return kept if kept else fragments

    def _actions(self, fragments: list[Fragment]) -> list[Fragment]:
        """The parts that ask for something to happen, the others folded into them; a request
        that asks for nothing is asked about."""
        for frag in fragments:
            self._note_unread(frag)
        # "..., de handler mest i helgene", "since they order most at weekends": why, not when.
        fragments = [
            f for f in fragments if f.step_type is not None or not _REASON.match(f.text.strip())
        ] or fragments
        if not any(f.step_type for f in fragments):
            # "oppskriftstips til kafeene hver torsdag kl 9": what, to whom and when, without a
            # verb: sending it.
            for frag in fragments:
                if (frag.groups or frag.everyone) and frag.timed and frag.topic:
                    frag.step_type = customer_email_type()
                    break
            else:
                # "Hvert år 1. juni kl 8: sesongåpningsmailen til hotell og camping": the when
                # in a part of its own.
                if any(f.timed for f in fragments):
                    for frag in fragments:
                        if (frag.groups or frag.everyone) and frag.topic:
                            frag.step_type = customer_email_type()
                            break
        actions = attach(fragments)
        if not actions:
            raise self.ask(
                "Jeg forstod ikke hva som skal skje. Hva skal arbeidsflyten gjøre (for eksempel "
                "sende bestillingsskjema, en påminnelse eller en rapport), og når (for eksempel "
                "«hver mandag kl 09»)?",
                "I did not understand what should happen. What should the workflow do (for "
                "example send the order form, a reminder or a report), and when (for example "
                "“every Monday at 09:00”)?",
            )
        return actions

    def _ask_if_impossible(self, normalised: str) -> None:
        """What the format cannot do, or the user did not mean, is asked about before anything
        is read: another channel than email, a request taken back, a date that does not exist,
        every day and once a week at once."""
        limit = limits.unsupported(normalised)
        if limit is not None:
            raise self.ask(limit.nb, limit.en, replace=limit.replace, yes=limit.yes)
        one = _one_named_customer(self.text)
        if one is not None:
            raise self.ask(
                f"«{one}» ser ut som én kunde, ikke en kundegruppe. En arbeidsflyt sender til "
                "grupper eller alle kunder: hvilken gruppe skal den gå til?",
                f"“{one}” looks like one customer, not a customer group. A workflow sends to "
                "groups or all customers: which group should it go to?",
                replace=one.lower(),
            )
        channel = _NOT_EMAIL.search(normalised)
        if channel:
            word = channel.group(0)
            raise self.ask(
                f"Arbeidsflyter kan bare sende e-post, ikke «{word}». Skal det sendes som e-post "
                "i stedet?",
                f"Workflows can only send email, not “{word}”. Should it be sent as an email "
                "instead?",
                replace=word,
                yes="e-post",
            )
        period = _NOT_IN_PERIOD.search(normalised)
        if period:
            # "ikke i juli", "except during the summer holidays": a workflow runs all year (a
            # public holiday is another thing: its policy).
            word = period.group(0)
            dropped = period.group("within") or word  # "hver mandag i mai": the days stay
            raise self.ask(
                f"En arbeidsflyt kan ikke begrenses til eller hoppe over en periode («{word}»): "
                "den går hele året, og du kan sette den på pause og aktivere den igjen. Skal den "
                "gå hele året?",
                f"A workflow cannot be limited to or leave out a period (“{word}”): it runs all "
                "year, and you can pause it and activate it again. Should it run all year?",
                replace=dropped,
                yes="",
            )
        destroy = _DESTRUCTIVE.search(normalised)
        if destroy and (
            _CUSTOMER_WORD.fullmatch(destroy["who"])
            or destroy["who"] in ("kontoer", "kontoene", "accounts")
            or self.reader.groups.match(destroy["who"]) is not None
            or kind_of_word(destroy["who"]) is not None
        ):
            # "slett alle kundene som ikke har bestilt på et år": a workflow sends, orders and
            # tells; it never deletes or deactivates customers.
            raise self.ask(
                "En arbeidsflyt kan ikke slette, fjerne eller deaktivere kunder; det gjør du i "
                "kundelisten. Skal arbeidsflyten heller gjøre noe annet, for eksempel sende dem en "
                "e-post eller gi beskjed til salg?",
                "A workflow cannot delete, remove or deactivate customers; that is done in the "
                "customer list. Should the workflow do something else instead, for example email "
                "them or tell the sales team?",
            )
        # "er det raud dag, dropp det": what happens on a holiday takes nothing back.
        taken_back = _TAKEN_BACK.search(calendar.read_policy(normalised)[1])
        if taken_back and not re.search(
            r"[a-zæøå]{3,}", _AFTER_TAKEN_BACK.sub("", taken_back["rest"])
        ):
            raise self.ask(
                "Du skriver at det ikke skal gjøres likevel, så jeg lager ingenting. Hva skal "
                "arbeidsflyten gjøre, og når?",
                "You say it should not be done after all, so I create nothing. What should the "
                "workflow do, and when?",
            )
        stock = _STOCK_EVENT.search(normalised)
        if stock and "webhook" not in normalised:
            # "når lageret går tomt", "when a product runs out of stock": no event of ours.
            raise self.ask(
                "En arbeidsflyt kan ikke starte av lagerbeholdningen: den kan starte på en "
                "tidsplan, ved en ny ordre, en ny kunde eller en webhook fra lagersystemet. "
                "Hva av dette skal starte den?",
                "A workflow cannot be started by stock levels: it can start on a schedule, on a "
                "new order, a new customer or a webhook from the stock system. Which of these "
                "should start it?",
            )
        found = self._place(self.text)
        if found:
            where, place = found
            names = ", ".join(g["name"] for g in self.context.groups)
            raise self.ask(
                f"Jeg har ingen kundegruppe for kundene i «{place}», og arbeidsflyter kan ikke "
                f"velge kunder etter sted. Gruppene som finnes er: {names}. Hvilken gruppe "
                "mener du, eller skal det gå til alle kunder?",
                f"I have no customer group for the customers in “{place}”, and workflows cannot "
                f"choose customers by place. The groups are: {names}. Which group do you mean, "
                "or should it go to all customers?",
                replace=where,
            )
        for m in _DATE.finditer(normalised):
            day = int(m["d1"] or m["d2"])
            month = _MONTHS[(m["m1"] or m["m2"])[:3]]
            if day > _DAYS_IN_MONTH[month - 1]:
                raise self.ask(
                    f"Datoen finnes ikke ({m.group(0).strip()}). Hvilken dag skal det være?",
                    f"That date does not exist ({m.group(0).strip()}). Which day should it be?",
                )
        either = _EITHER_TIME.search(normalised)
        if either:
            raise self.ask(
                f"Du skriver «{either.group(0).strip()}». Hvilket klokkeslett skal det være?",
                f"You write “{either.group(0).strip()}”. Which time should it be?",
                replace=either.group(0).strip(),
            )
        for part in re.split(r"[.;!?]", normalised):
            # "til de som ikke har bestilt, men bare til de som har bestilt": one audience
            # taken back by the next.
            contrary = re.search(r"\b(?:men|but)\b", part)
            if contrary and audience.not_ordered(part) and audience.has_ordered(part):
                raise self.ask(
                    "Du skriver både de som ikke har bestilt og de som har bestilt. Hvem skal "
                    "det gå til?",
                    "You say both those who have not ordered and those who have. Whom should "
                    "it go to?",
                )
        if re.search(
            r"\b(?:hver|alle)\s+dag(?:er)?\b|\bdaglig(?:e|t)?\b|\bdaily\b|\bevery\s+day\b",
            normalised,
        ) and _ONCE_A_WEEK.search(normalised):
            raise self.ask(
                "Du skriver både hver dag og én gang i uka. Hvor ofte, og hvilken dag?",
                "You say both every day and once a week. How often, and on which day?",
            )

    def _without_other_group(self, normalised: str, emails: list[str]) -> str:
        """ "skjema til restaurantene ..., ikke til hotellene": another group left out next to
        the group named is no more than that group; only "everyone except" is asked about."""
        m = _EXCEPT_GROUP.search(normalised)
        if m is None:
            return normalised
        end = re.search(r"[,.;!?]|$", normalised[m.end() :])
        stop = m.end() + (end.start() if end else 0)
        try:
            before = self.reader.read(normalised[: m.start()], emails)
            left_out = self.reader.read("til " + normalised[m.start("who") : stop], emails)
        except (BadTime, MorningAfternoon):
            return normalised
        # "alle verkstedene, men ikke taxiene": "alle" of a group is that group, not everyone.
        all_of_group = any(
            self.reader.read(f"til {w}", emails).groups
            for w in re.findall(
                r"\b(?:alle|all)\s+(?:the\s+|de\s+|våre\s+|our\s+)?([\wæøå]{4,})",
                normalised[: m.start()],
            )
        )
        if (
            before.groups
            and (not before.everyone or all_of_group)
            and not before.unknown_groups
            and left_out.groups
            and not set(before.groups) & set(left_out.groups)
        ):
            names = ", ".join(self._group_name(slug) for slug in before.groups)
            self.note(f"Bare {names} får den.", f"Only {names} get it.")
            return normalised[: m.start()] + " " * (stop - m.start()) + normalised[stop:]
        return normalised

    def _cancels_itself(self, normalised: str, cancel: re.Match[str]) -> bool:
        """ "..., actually no, don't send anything (to the hotels)": nothing, or nothing to the
        very audience the request sends to, is the request taken back."""
        who = cancel["who"]
        if not who:
            # Nothing at all, unless what follows says when not ("... på helligdager").
            return _NOTHING_MORE.fullmatch(normalised[cancel.end() :]) is not None
        if who in _NOT_A_GROUP:
            return False  # "don't send anything to those who have ordered": a condition
        before = normalised[: cancel.start()]
        if re.search(r"(?<![\wæøå])" + re.escape(who) + r"(?![\wæøå])", before):
            return True
        group = self.reader.groups.match(who)
        if group is None:
            return False
        return any(
            self.reader.groups.match(word) == group
            for word in re.findall(r"[\wæøåé]{3,}", before)
            if word not in _NOT_GROUP_WORDS
        )

    def _place(self, text: str) -> tuple[str, str] | None:
        """ "kundene i Haugesund", "the shops in Molde": customers chosen by a place (a name
        that is no group), which no group says."""
        for m in _CUSTOMERS_IN_PLACE.finditer(text):
            name = m["place"]
            folded = fold(name)
            if (
                is_day_word(folded)
                or folded[:3] in _MONTHS
                or folded in _NOT_PLACES
                or self.reader.groups.match(name) is not None
                or kind_of_word(folded) is not None
            ):
                continue
            return m.group(0), name
        # Written in lower case: "kundene i bergen hver mandag", "customers in tromsø, ...":
        # one word after "customers in" that is no word of when, whom or what.
        lowered = text.lower()
        for m in _WHO_IN_WORD.finditer(lowered):
            word = m["place"]
            if not self._names_customers(m["who"], lowered[: m.start()]):
                continue
            if not _CUSTOMER_WORD.fullmatch(m["who"]) and (
                m["prep"] not in ("i", "in") or not _WHEN_AFTER.match(lowered, m.end())
            ):
                # "tilbud til verkstedene på dekk", "fra oss", "kantinene i skoler og
                # barnehager": not where they are
                continue
            read = self.reader.read(word, [])
            if (
                # "i nabolaget", "i flåtene": a definite common noun, no place name
                re.search(r"(?:ene|ane|erne|et)$", word)
                or word in self.context.staff_groups
                or self._in_group_name(word)
                or read.staff_group is not None
                or word in _COMMON_NOUNS
                or word in _NOT_NOUNS_AFTER_IN
                or read.timed
                or read.iso_weeks
                or read.every_weeks
                or read.anchor is not None
                or read.check is not None
                or read.window
                or read.step_type is not None
                or read.template is not None
                or read.groups
                or read.everyone
                or word in _NOT_PLACES
                or word in _NOT_PLACE_WORDS
                or is_day_word(word)
                or word[:3] in _MONTHS
                or self.reader.groups.match(word) is not None
                or kind_of_word(word) is not None
                or concepts_in(word)
                or word in NUMBER_WORDS
            ):
                continue
            return m.group(0), word
        return None

    def _in_group_name(self, word: str) -> bool:
        """Whether ``word`` is a word of a group's name ("Hoteller i Tromsø", "butikker-alta"):
        then the group says where, and it is no place to ask about."""
        folded = fold(word)
        for group in self.context.groups:
            words = re.split(r"[\s_/-]+", fold(f"{group['name']} {group['slug']}"))
            if folded in words:
                return True
        return False

    def _names_customers(self, who: str, before: str) -> bool:
        """Whether ``who`` ("kundene", "alle", "butikkene", "de" after "til") names customers,
        so that "i/in/på X" after it says where they are."""
        if _CUSTOMER_WORD.fullmatch(who) or who in _ALL_WORDS:
            return True
        if who in _THOSE_WORDS:
            return bool(re.search(r"\b(?:til|to|for)\s*$", before))
        if who in _NOT_GROUP_WORDS or len(who) < 4:
            return False
        return self.reader.groups.match(who) is not None or kind_of_word(who) is not None

    def _ask_if_unsettled(
        self,
        normalised: str,
        fragments: list[Fragment],
        actions: list[Fragment],
        event: str | None,
    ) -> None:
        """Asks when the request contradicts itself or leaves the when or the who open."""
        unsure = _UNSURE.search(normalised)
        if unsure:
            # "man el. tir kl 8": the answer ("tirsdag") stands in for the two days said.
            choice = unsure["choice"]
            raise self.ask(
                "Det høres ut som du ikke har bestemt deg helt. Hvilken dag og hvilket klokkeslett "
                "skal det være?",
                "It sounds like that is not settled yet. Which day and what time should it be?",
                replace=choice if choice and " kl " not in f" {choice} " else None,
            )
        if _ONLY_WEEKENDS.search(normalised) and any(
            f.weekdays_only or f.business_days_only for f in fragments
        ):
            # "hver hverdag ..., men bare i helgene": weekdays and weekends at once.
            raise self.ask(
                "Du skriver både hverdager og bare i helgene. Hvilke dager skal det skje?",
                "You say both weekdays and only at weekends. Which days should it happen?",
            )
        if _NEVER_WEEKENDS.search(normalised) and any(
            day in ("saturday", "sunday") for f in fragments for day in f.days
        ):
            # "every Sunday, but never at weekends": a weekend day and no weekends at once.
            raise self.ask(
                "Du nevner en helgedag og skriver at det aldri skal skje i helgene. Hvilke dager "
                "skal det skje?",
                "You name a weekend day and say it should never happen at weekends. Which days "
                "should it happen?",
            )
        excepted = _EXCEPT_GROUP.search(normalised)
        if excepted and (
            self.reader.groups.match(excepted["who"]) is not None
            or kind_of_word(excepted["who"]) is not None
        ):
            # "alle unntatt rørleggerne", "everyone except the plumbers": a workflow sends to
            # groups, it cannot leave one out; asked, not sent to the one named.
            everyone = re.search(
                r"(?:\b(?:alle|all|everyone|everybody)(?:\s+(?:kundene|kunder|kundane|customers))?"
                r"\s*,?\s*)$",
                normalised[: excepted.start()],
            )
            raise self.ask(
                "En arbeidsflyt kan ikke sende til alle unntatt én gruppe. Hvilke grupper skal "
                "få den?",
                "A workflow cannot send to everyone except one group. Which groups should get it?",
                # The answer's groups in the place of "alle unntatt kioskene".
                replace=(everyone.group(0) if everyone else "") + excepted.group(0),
            )
        if _TWO_DAYS_OF_MONTH.search(normalised):
            # "den 1. og 15. hver måned": a monthly schedule has one day of the month.
            raise self.ask(
                "En arbeidsflyt kan bare gå på én dag i måneden. Hvilken dag skal det være? "
                "(Lag gjerne en arbeidsflyt til for den andre dagen.)",
                "A workflow can run on one day of the month only. Which day should it be? "
                "(Make a second workflow for the other day.)",
            )
        if _NOT_ON_DAY.search(normalised):
            # "every Monday, but never on Mondays", "hver dag unntatt mandag": days left out
            # are asked about, not dropped without a word.
            raise self.ask(
                "Du nevner en dag det ikke skal skje. Hvilke dager skal det skje?",
                "You name a day it should not happen on. Which days should it happen?",
            )
        if (
            _REMIND_THEM.search(normalised)
            and not any(f.groups or f.everyone for f in fragments)
            and len(actions) == 1
            and not event
        ):
            # "minn dem på det fredag": nothing before it says who "them" are or what "it" is.
            raise self.ask(
                "Hvem skal få påminnelsen, og hva gjelder den? For eksempel «minn kafeene på "
                "bestillingen torsdag kl 15».",
                "Who should get the reminder, and what is it about? For example “remind the "
                "cafés to order on Thursday at 3pm”.",
            )

    def _not_that_email(self, m: re.Match[str]) -> str:
        what = m["what"]
        if (
            not concepts_in(what)
            or self.reader.groups.match(what.split()[-1]) is not None
            or kind_of_word(what.split()[-1]) is not None
            or re.search(r"\d|dag\b|day\b|\bkl\b", what)
        ):
            return m.group(0)
        return ""

    def _joined_things(self, m: re.Match[str]) -> str:
        """ "kampanjen på filtre og olje": two things a campaign is about, one part."""
        topics = "head" not in m.re.groupindex and bool(_INFO_ABOUT.search(m.string[: m.start()]))
        # "prislista for is og drikke": a two-letter thing only right after a list's word.
        short = len(m["a"]) < 3
        if short and (m["a"] in _SHORT_WORDS or not _A_LIST_BEFORE.search(m.string[: m.start()])):
            return m.group(0)
        for word in (m["a"], m["b"]):
            if (
                (word in _NOISE and not (short and word == m["a"]))
                or is_day_word(word)
                or (concepts_in(word) and not topics)
                or kind_of_word(word) is not None
                or self.reader.groups.match(word) is not None
            ):
                return m.group(0)
        if "head" in m.re.groupindex:
            return f"{m['a']} & {m['b']} {m['head']}"
        return f"{m['on']} {m['a']} & {m['b']}"

    def _groups_in_event(self, before: str, after: str, emails: list[str]) -> list[str]:
        """The customer groups named inside the event's phrase (blanked from ``after``)."""
        phrase = "".join(a if a != b else " " for a, b in zip(before, after, strict=False))
        # "when the ferry company sends a x-y": who sends a webhook is not whom it is about.
        phrase = _WEBHOOK_SENDER.sub(" ", phrase)
        if not phrase.strip():
            return []
        subject = self.reader.read(phrase, emails)
        if subject.unknown_groups:
            self._ask_unknown_group(subject.unknown_groups[0])
        for found in kind_phrases(phrase, self.reader.groups.kinds):
            # "når hotellene bestiller" with no hotels: whose event is it, then?
            if found.group is None and not subject.groups:
                self._ask_unknown_group(found.words)
        return list(subject.groups)

    def _document(self, steps: list[Planned], event: str | None) -> dict[str, Any]:
        """The workflow document: started by the event, or on the first timed step's
        schedule."""
        doc: dict[str, Any] = {"name": "", "description": "", "workflow_type": "scheduled"}
        if event:
            doc["workflow_type"] = "event_based"
            doc["event"] = {"type": event}
            name = events.webhook_name(self.text) if event == "webhook" else None
            if name:
                doc["event"]["name"] = name
            step_dicts = self._event_steps(steps)
        else:
            schedule, step_dicts = self._scheduled_steps(steps)
            doc["schedule"] = schedule
        doc["steps"] = step_dicts
        doc["name"] = self._name(steps, doc)
        doc["description"] = self._description(steps, doc)
        return doc

    def extend(self, draft: dict[str, Any], *, same_time: str | None = None) -> dict[str, Any]:
        """``draft`` with the steps this text asks for added after its own ("legg til en
        påminnelse fredag", "also tell the warehouse", "og send prislista 2 dager etter"): each
        a later step of the same run, to the draft's last group unless the text names one."""
        normalised, emails = normalise(self.text)
        normalised = audience.join_group_pairs(normalised, self.reader.groups)
        fragments = [self.reader.read(part, emails) for part in split(normalised)]
        actions = attach(fragments)
        if not actions:
            raise self.ask(
                "Hva skal legges til? For eksempel «en påminnelse torsdag kl 15».",
                "What should be added? For example “a reminder on Thursday at 3pm”.",
            )
        for frag in actions:
            if frag.unknown_groups:
                self._ask_unknown_group(frag.unknown_groups[0])
            if same_time and frag.time is None:
                frag.time = same_time
        steps = list(draft.get("steps") or [])
        event = (draft.get("event") or {}).get("type") if draft.get("event") else None
        last_group = next(
            (
                ((s.get("action_config") or {}).get("recipients") or {}).get("group")
                for s in reversed(steps)
                if ((s.get("action_config") or {}).get("recipients") or {}).get("group")
            ),
            None,
        )
        for frag in actions:
            if not frag.groups and not frag.everyone and last_group not in (None, "all"):
                frag.groups = [last_group]
            frag.follows_up = frag.follows_up or frag.check is not None
        planned = self._steps(_one_per_day(actions, always=True), event, offset=len(steps))
        schedule = draft.get("schedule") or {}
        frequency = str(schedule.get("schedule_type") or "")
        doc = copy.deepcopy(draft)
        for k, step in enumerate(planned):
            index = len(steps) + k
            item = self._step_dict(index, step)
            trigger = (
                self._later_trigger(step, frequency)
                if not event
                else ({"delay_minutes": step.frag.delay} if step.frag.delay else None)
            )
            if trigger:
                item["trigger_type"] = "time_based"
                item["trigger_config"] = trigger
            condition = self._condition(step, index, frequency or None)
            if condition:
                item["condition_config"] = condition
            doc["steps"].append(_ordered(item))
        return _in_week_order(doc)

    def _note_unread(self, frag: Fragment) -> None:
        """A part that says nothing the parser could use ("og ring Per") is not dropped
        without a word: the reply says it was left out."""
        if frag.step_type is not None or frag.timed or frag.groups or frag.everyone:
            return
        if frag.check or frag.window or frag.emails or frag.staff_group or frag.unknown_groups:
            return
        if frag.every_weeks or frag.iso_weeks or frag.anchor or frag.no_condition:
            return
        words = [w for w in re.findall(r"[a-zæøåé]{3,}", frag.rest) if w not in _NOISE]
        if not words:
            return
        shown = " ".join(frag.text.split())
        self.note(
            f"Jeg forstod ikke «{shown}», så det er ikke med i utkastet.",
            f"I did not understand “{shown}”, so it is not part of the draft.",
        )

    def _check_calendar(self, frag: Fragment) -> None:
        """What the format cannot do is asked about, not guessed."""
        if frag.every_weeks is not None and not 1 <= frag.every_weeks <= 8:
            raise Ask(
                f"Hver {frag.every_weeks}. uke går ikke; det lengste er hver 8. uke. Hvor ofte "
                "skal det være?",
                f"Every {frag.every_weeks} weeks is not possible; the longest is every 8 weeks. "
                "How often should it be?",
                replace=frag.every_weeks_text,
            )
        if frag.nth_weekday is not None and frag.nth_weekday[1] not in (1, 2, 3, 4, -1):
            day = frag.nth_weekday[0]
            raise Ask(
                f"Ikke alle måneder har en {frag.nth_weekday[1]}. {NB_DAYS[day]}. Mener du den "
                f"siste {NB_DAYS[day]}en i måneden?",
                f"Not every month has a {frag.nth_weekday[1]}th {EN_DAYS[day]}. Do you mean the "
                f"last {EN_DAYS[day]} of the month?",
                replace=frag.nth_text,
                yes="siste",
            )

    def _ask_unknown_group(self, word: str) -> None:
        names = ", ".join(g["name"] for g in self.context.groups)
        raise Ask(
            f"Jeg finner ingen kundegruppe som heter «{word}». "
            + (f"Gruppene som finnes er: {names}. " if names else "Det finnes ingen grupper ennå. ")
            + "Hvilken gruppe mener du, eller skal det gå til alle kunder?",
            f"I cannot find a customer group called “{word}”. "
            + (f"The groups are: {names}. " if names else "There are no groups yet. ")
            + "Which group do you mean, or should it go to all customers?",
            replace=word,
        )

    # --- Steps ------------------------------------------------------------------------------

    def _facts(
        self, frag: Fragment, position: int, event: str | None, recipients: dict[str, Any] | None
    ) -> Facts:
        condition = {"check": frag.check, **(frag.window or {})} if frag.check else None
        return Facts(
            text=frag.text,
            rest=self._what_is_sent(frag.rest),
            language=self.language,
            position=position,
            event=event,
            recipients=recipients,
            condition=condition,
            emails=list(frag.emails),
            staff_group=frag.staff_group,
            follows_up=frag.follows_up,
            templates=self.templates,
            ask=self.ask,
        )

    def _what_is_sent(self, rest: str) -> str:
        """The words of a part left for what is sent, without those naming whom ("send the
        flower shops a care guide": "send the a care guide"), so a new template is not named
        after its audience."""
        words = replace_phrases(rest).split()
        return " ".join(
            w
            for w in words
            if len(w) < 4 or (self.reader.groups.match(w) is None and kind_of_word(w) is None)
        )

    def _ask_if_when_unclear(self, normalised: str) -> None:
        """A send once ("neste fredag", "på tirsdag" with no "hver"), at a vague time of day
        ("på morgenen", "etter lunsj"), for a season ("hele sommeren", "all summer long") or to
        one named person at a customer ("Berit på Atlanten Kiosk"): asked, never guessed."""
        choice = _WEEKS_CHOICE.search(normalised)
        if choice:
            # "annenhver eller hver tredje fredag", "every other or every third week": which.
            word = choice.group(0).strip()
            raise self.ask(
                f"Du skriver «{word}». Hvor ofte skal det skje? For eksempel «annenhver uke».",
                f"You say “{word}”. How often should it happen? For example “every other week”.",
                replace=word,
            )
        season = _ALL_SEASON.search(normalised)
        if season:
            word = season.group(0).strip()
            raise self.ask(
                f"En arbeidsflyt kan ikke begrenses til en periode («{word}»): den går hele "
                "året, og du kan sette den på pause og aktivere den igjen. Skal den gå hele året?",
                f"A workflow cannot be limited to a period (“{word}”): it runs all year, and you "
                "can pause it and activate it again. Should it run all year?",
                replace=word,
                yes="",
            )
        person = _NAMED_PERSON.search(self.text)
        if person and not (
            self.reader.groups.match(person["who"].lower()) is not None
            or kind_of_word(person["who"].lower()) is not None
        ):
            raise self.ask(
                "En arbeidsflyt sender til en kundegruppe, ikke til én person "
                f"(«{person['who']}»). Hvilken gruppe skal få den?",
                f"A workflow sends to a customer group, not to one person (“{person['who']}”). "
                "Which group should get it?",
            )
        # Read as written: normalising makes "on Wednesdays" one day.
        said = self.text.lower()
        repeats = _REPEATS.search(said) is not None or _REPEATS.search(normalised) is not None
        once = _ONCE_ON.search(said)
        if once and not repeats and not events.read_event(normalised)[0]:
            day = once.group(0).strip()
            raise self.ask(
                f"Jeg lager arbeidsflyter som gjentas, ikke én utsendelse («{day}»). Skal det "
                "skje hver uke? For eksempel «hver fredag kl 10».",
                f"I make workflows that repeat, not a single send (“{day}”). "
                "Should it happen every week? For example “every Friday at 10am”.",
            )
        vague = _VAGUE_TIME.search(normalised)
        if vague and not _CLOCK_SAID.search(normalised):
            raise self.ask(
                f"Hvilket klokkeslett mener du med «{vague.group(0).strip()}»? For eksempel "
                "«kl 08».",
                f"What time do you mean by “{vague.group(0).strip()}”? For example “at 8am”.",
                replace=vague.group(0).strip(),
            )

    def _recipients(self, frag: Fragment, group: str, event: str | None) -> dict[str, Any]:
        # An order's or a new customer's email is for that customer: a group named with it
        # narrows who gets it (``Planned.only_group``), it does not send to the whole group.
        if event in ("order.created", "customer.created"):
            return {"event_customer": True}
        if event == "webhook" and frag.groups and group != "all" and self._webhook_of_our_data():
            # "when the catch report webhook fires, send ... to the sushi bars": a webhook about
            # our own data is about no customer, so a group said is the group.
            return {"group": group}
        if event == "webhook" and self._the_webhooks_customer(frag):
            self._ask_if_webhook_of_no_customer()
            # "når webhooken kommer, send kunden ...", "that workshop", "send verkstedet
            # prislista": the one customer the webhook is about, which its sender names in
            # its data (``executions.webhooks``); a group said with it narrows, as for orders.
            return {"event_customer": True}
        if event == "webhook" and group == "all":
            self._ask_unknown_one(frag)
        return {"group": group}

    def _ask_if_webhook_of_no_customer(self) -> None:
        """ "Webhook: prisfil ... til kunden": a webhook whose name or words say it is about our
        own data (prices, a file, an import, a catalogue, a stock count) names no customer, so
        "the customer" is asked about, not guessed."""
        if not self._webhook_of_our_data():
            return
        name = events.webhook_name(self.text) or ""
        names = ", ".join(g["name"] for g in self.context.groups) or "-"
        raise Ask(
            f"Webhooken «{name or 'webhook'}» gjelder ikke én bestemt kunde, så jeg vet ikke "
            f"hvem «kunden» er. Hvem skal få den: en av gruppene ({names}), eller alle kunder?",
            f"The webhook “{name or 'webhook'}” is not about one customer, so I do not know who "
            f"“the customer” is. Who should get it: one of the groups ({names}), or all "
            "customers?",
            replace="kunden",
        )

    def _webhook_of_our_data(self) -> bool:
        """Whether the webhook's name or words say it is about our own data (a file, an import,
        a catch or stock report) and no customer does anything in them."""
        name = events.webhook_name(self.text) or ""
        said = fold(f"{name} {self.text}")
        event_words = re.split(r"[,;:\n]|\b(?:send|email|mail|e-post)\b", said, maxsplit=1)[0]
        # "at kunden får beskjed når prisendring-webhooken kommer": the event's words are
        # those from its "når" on, not whom the request is for before it.
        lead = re.search(r"\b(?:når|nar|when|whenever|once|hver\s+gang|etter\s+at)\b", event_words)
        if lead is not None and lead.start() > 0:
            event_words = event_words[lead.start() :]
        if not (_OUR_DATA.search(fold(name)) or _OUR_DATA.search(event_words)):
            return False
        return not _A_CUSTOMERS_DOING.search(event_words)

    def _ask_unknown_one(self, frag: Fragment) -> None:
        """ "til taktekkeren", "to that roofer" after a webhook: one customer of a kind the
        business has no group for is asked about, never read as every customer."""
        if frag.groups or frag.everyone or frag.emails or frag.staff_group:
            return
        served = set().union(*(kinds for _slug, kinds in self.reader.groups.kinds))
        for m in _TO_ONE.finditer(fold(frag.text)):
            word = m.group("w")
            pointed = m.group("p") is not None
            singular = bool(re.search(r"(?:et|(?<!en|an|rn)en)$", word)) or (
                m.group("the") is not None and not word.endswith("s")
            )
            if (
                word in _NOT_ONE
                or not (pointed or singular)
                or self.reader.groups.match(word) is not None
                or (kind_of_word(word) is not None and (kind_of_word(word) in served or not served))
            ):
                continue
            names = ", ".join(g["name"] for g in self.context.groups) or "-"
            raise Ask(
                f"Jeg vet ikke hvem «{word}» er: ingen kundegruppe heter det. Mener du kunden "
                f"webhooken gjelder («kunden»), en av gruppene ({names}), eller alle kunder?",
                f"I do not know who “{word}” is: no customer group is called that. Do you mean "
                f"the customer the webhook is about (“the customer”), one of the groups "
                f"({names}), or all customers?",
                replace=word,
            )

    def _the_webhooks_customer(self, frag: Fragment) -> bool:
        """Whether the part is for the one customer a webhook is about: "kunden", "that
        customer", one of a kind ("verkstedet det gjelder", "den butikken", "that workshop")
        or a kind in the singular ("send verkstedet prislista"), and not everyone ("alle
        verkstedene", "all customers")."""
        if _EVERYONE_SAID.search(frag.text):
            return False
        # "when the ferry company sends a x-y": its sender is not the one it is about.
        text = _WEBHOOK_SENDER.sub(" ", fold(self.text))
        if _THE_CUSTOMER.search(text) and not frag.groups:
            return True
        if (
            not frag.groups
            and not frag.everyone
            and not frag.emails
            and not frag.staff_group
            and _A_CUSTOMERS_OWN.search(fold(events.webhook_name(self.text) or ""))
        ):
            # "When a dekk-booking comes in, send the confirmation": a webhook named by what
            # one customer did (a booking, a claim, a return) is about that customer; its
            # email, said to no one, is for them.
            return True
        # "the restaurants and cafes" read as the group's slug ("the restauranter") is the
        # group, however its slug ends, not one customer of that kind.
        slugs = {fold(g["slug"]) for g in self.reader.groups.groups}

        # "that roofer" where no group is of roofers: a kind the business does not serve,
        # asked about (``_ask_one_of_unknown_kind``) rather than taken for the webhook's.
        served = set().union(*(kinds for _slug, kinds in self.reader.groups.kinds))

        def one_of_a_kind(match: re.Match[str]) -> bool:
            word = next(w for w in match.groups() if w)
            kind = kind_of_word(word)
            return word not in slugs and kind is not None and (kind in served or not served)

        if any(one_of_a_kind(m) for m in _THE_ONE_OF_A_KIND.finditer(text)):
            return True
        # A kind in the singular: in the part itself when it names a group ("send verkstedet
        # prislista og snekkerne tilbudet": the workshop is the webhook's, the carpenters a
        # group), else anywhere (a later step for the same customer).
        said = fold(frag.text) if frag.groups else text
        return any(one_of_a_kind(m) for m in _ONE_OF_A_KIND.finditer(said))

    def _one_of_its_kind(self, frag: Fragment) -> bool:
        """Whether the part names its audience as one customer of a kind with the plain
        definite ("the bar", "baren"), not the group ("the bars", "barene"), nor pointed out
        ("that contractor", "snekkeren det gjelder", which always narrow to its group)."""
        if not frag.groups:
            return False
        slugs = {fold(g["slug"]) for g in self.reader.groups.groups}
        text = fold(frag.text)
        if _THE_ONE_OF_A_KIND.search(text):
            return False
        for pattern in (_ONE_OF_A_KIND,):
            for m in pattern.finditer(text):
                word = next(w for w in m.groups() if w)
                if word not in slugs and kind_of_word(word) is not None:
                    return True
        return False

    def _steps(
        self, actions: list[Fragment], event: str | None, *, offset: int = 0
    ) -> list[Planned]:
        planned: list[Planned] = []
        last_groups: list[str] = []
        last_narrowed = False
        checks_orders = any(
            a.check is not None or a.window is not None or a.follows_up for a in actions
        )
        registry = step_types()
        named = [
            list(f.groups)
            for f in actions
            if f.groups and registry[f.step_type].acts_on_customers  # type: ignore[index]
        ]
        if (
            event is None
            and offset == 0
            and len(actions) > 1
            and named
            and all(n == named[0] for n in named)
            and not any(f.everyone for f in actions)
        ):
            # "skjema man kl 9, purring ons kl 13, ... gjeld butikkan": a chain whose one
            # audience is said once, at a later step, is that audience from its first step on.
            last_groups = named[0]
        for frag in actions:
            cls = registry[frag.step_type]  # type: ignore[index]
            if not cls.acts_on_customers:
                facts = self._facts(frag, offset + len(planned), event, None)
                draft = cls().draft(facts)
                planned.append(Planned(frag, cls, draft, facts))
                self._drafted(draft)
                continue
            same = next((p for p in reversed(planned) if p.frag.step_type == frag.step_type), None)
            if (
                same is not None
                and _SENT_AGAIN.search(frag.text)
                and not _NOT_IT.sub("", frag.rest).strip()
            ):
                # "og etter 3 timer send den igjen", "send it again a day later": what the step
                # before it of its kind sent.
                frag.rest, frag.template = same.frag.rest, same.frag.template
                frag.text = f"{frag.text} {same.frag.rest}"
            groups = list(frag.groups)
            inherited = not groups and bool(last_groups) and not frag.everyone
            if not groups and last_groups and planned and _ALL_WHO_NOT.search(frag.text):
                # "..., torsdag legge inn fast ordre for alle som ikke har bestilt": all of
                # the chain's audience who have not, not every customer.
                inherited = True
            said_later = inherited and not planned  # the audience said at a later step
            if inherited:
                # "skjema til kafeene og restaurantene ..., purring onsdag": every group of
                # the step before, not only its last.
                groups = list(last_groups)
            for group in groups or ["all"]:
                facts = self._facts(
                    frag, offset + len(planned), event, self._recipients(frag, group, event)
                )
                draft = cls().draft(facts)
                narrowed = "event_customer" in (facts.recipients or {})
                # "send the club the order form at once, and a reminder after 2 hours if no
                # order" after a webhook: a step checks one thing, so where the chain checks
                # the orders, the one customer said as one of its kind is the webhook's, not
                # narrowed to the group of that kind (nor are the later steps for it).
                if event == "webhook" and (
                    (inherited and not last_narrowed)
                    or (checks_orders and self._one_of_its_kind(frag))
                ):
                    narrowed = False
                only = group if group != "all" and narrowed else None
                last_narrowed = only is not None
                planned.append(Planned(frag, cls, draft, facts, only_group=only))
                self._drafted(draft)
            if inherited and not said_later:
                name = planned[-1].draft.name
                self.note(
                    f"«{name[0]}» går til samme gruppe som steget før.",
                    f"“{name[1]}” goes to the same group as the step before.",
                )
            if groups:
                last_groups = groups
            if len(groups) > 1:
                self.note(
                    "Ett steg per kundegruppe: " + ", ".join(groups) + ".",
                    "One step per customer group: " + ", ".join(groups) + ".",
                )
        return planned

    def _drafted(self, draft: StepDraft) -> None:
        for note in draft.notes:
            self.note(*note)
        if draft.new_template is not None and draft.new_template not in self.new_templates:
            self.new_templates.append(draft.new_template)

    def _condition(self, step: Planned, index: int, frequency: str | None) -> dict[str, Any] | None:
        frag = step.frag
        if step.only_group is not None:
            if frag.check is not None or frag.window is not None:
                raise Ask(
                    "Et steg kan sjekke én ting: at kunden er i gruppen, eller om de har "
                    "bestilt. Hvilken av dem skal steget sjekke?",
                    "A step can check one thing: that the customer is in the group, or whether "
                    "they have ordered. Which should the step check?",
                )
            return {"check": "customer_filter", "group": step.only_group}
        if step.draft.takes_no_condition or frag.no_condition:
            return None
        check = frag.check
        if check is None and step.draft.implies_orders_missing:
            check = "orders_missing"
        if check is None:
            if frag.window is None:
                return None
            check = "orders_missing"
        window = frag.window
        if window is None:
            if index > 0:
                window = {"since": "execution_start"}
            else:
                # "Not ordered" since the run before: the schedule's own period.
                every = step.frag.every_weeks or 1 if frequency == "weekly" else 1
                days = 30 if frequency == "monthly" else 7 * every
                window = {"days_back": days}
                self.note(
                    f"«Ikke bestilt» gjelder de siste {days} dagene.",
                    f"“Not ordered” means in the last {days} days.",
                )
        return {"check": check, **window}

    def _name_of(self, step: Planned) -> str:
        return self.t(*step.draft.name)

    def _default_time(self, step: Planned) -> str:
        time = step.draft.default_time
        name = step.draft.name
        if time is not None:
            self.note(
                f"Ingen tid oppgitt for «{name[0]}»; bruker {time}.",
                f"No time given for “{name[1]}”; using {time}.",
            )
            return time
        raise self.ask(
            f"Hvilket klokkeslett skal «{name[0]}» skje? (for eksempel «kl 09»)",
            f"At what time should “{name[1]}” happen? (for example “9am”)",
        )

    def _frequency(self, steps: list[Planned]) -> str:
        first = steps[0].frag
        frags = [s.frag for s in steps]
        if first.cron or first.yearly:
            return "cron"
        if (
            first.monthly
            or first.day_of_month is not None
            or first.nth_weekday is not None
            or first.business_day is not None
        ):
            return "monthly"
        if first.daily or first.weekdays_only or first.business_days_only:
            return "daily"
        if first.days:
            return "weekly"
        if any(f.daily or f.weekdays_only for f in frags):
            return "daily"
        if first.weekly_without_day:
            raise self.ask(
                "Hvilken dag i uken skal det skje?", "Which day of the week should it happen?"
            )
        raise self.ask(
            "Hvilke dager skal det skje? For eksempel «hver mandag» eller «hver dag».",
            "On which days should it happen? For example “every Monday” or “every day”.",
        )

    def _scheduled_steps(self, steps: list[Planned]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        first = steps[0].frag
        frags = [s.frag for s in steps]
        if not first.timed:
            name = steps[0].draft.name
            raise self.ask(
                f"Når skal «{name[0]}» skje? For eksempel «hver mandag kl 09», «hver dag kl 07» "
                "eller «den 1. hver måned kl 09».",
                f"When should “{name[1]}” happen? For example “every Monday at 9am”, “every "
                "day at 7am” or “on the 1st of every month at 9am”.",
            )
        frequency = self._frequency(steps)
        if self.in_month is not None and frequency == "weekly" and first.time:
            # "hver mandag i oktober kl 8": minute hour * month weekdays.
            frequency = "cron"
            weekdays = ",".join(
                str((WEEKDAYS.index(d) + 1) % 7) for d in sorted(first.days, key=WEEKDAYS.index)
            )
            first.cron = f"{int(first.time[3:])} {int(first.time[:2])} * {self.in_month} {weekdays}"
        if first.delay and not (first.days or first.time):
            raise self.ask("Når skal det første steget skje?", "When should the first step happen?")

        time = first.time or (
            None if frequency == "cron" and not first.yearly else self._default_time(steps[0])
        )
        schedule_config: dict[str, Any]
        first_trigger: dict[str, Any] | None
        if frequency == "cron":
            expression = first.cron
            if first.yearly and time:
                day, month = first.yearly
                expression = f"{int(time[3:])} {int(time[:2])} {day} {month} *"
            schedule_config = {"expression": expression}
            first_trigger = None
        elif frequency == "monthly" and first.business_day is not None:
            schedule_config = {"business_day": first.business_day, "time": time}
            first_trigger = {"time": time}
        elif frequency == "monthly" and first.nth_weekday is not None:
            weekday, nth = first.nth_weekday
            schedule_config = {"weekday": weekday, "nth": nth, "time": time}
            first_trigger = {"time": time}
        elif frequency == "monthly":
            if first.day_of_month is None:
                raise self.ask(
                    "Hvilken dag i måneden? For eksempel «den 1.» eller «siste dag i måneden».",
                    "Which day of the month? For example “the 1st” or “the last day of the month”.",
                )
            schedule_config = {"day_of_month": first.day_of_month, "time": time}
            first_trigger = {"time": time}
        elif frequency == "daily":
            schedule_config = {"time": time}
            if first.business_days_only:
                schedule_config["business_days_only"] = True
            elif any(f.weekdays_only for f in frags if f is first or not f.days):
                schedule_config["weekdays_only"] = True
            first_trigger = {"time": time}
        else:
            schedule_config, first_trigger = self._weekly(first, time)
        schedule = {
            "schedule_type": frequency,
            "schedule_config": schedule_config,
            "timezone": self.context.timezone,
        }
        if self.holiday_policy is not None:
            schedule["holiday_policy"] = self.holiday_policy

        out: list[dict[str, Any]] = []
        day_before: str | None = None
        time_before: str | None = None
        for index, step in enumerate(steps):
            item = self._step_dict(index, step)
            if index == 0 or step.frag is first:
                trigger = first_trigger
            else:
                trigger = self._later_trigger(step, frequency)
                trigger = _days_later_at(trigger, step.frag, day_before, frequency)
                trigger = _same_day_at(trigger, step.frag, day_before, time_before, frequency)
            if trigger and "day" in trigger:
                day_before = trigger["day"]
            if trigger and "time" in trigger:
                time_before = trigger["time"]
            if trigger:
                item["trigger_type"] = "time_based"
                item["trigger_config"] = trigger
            condition = self._condition(step, index if step.frag is not first else 0, frequency)
            if condition:
                item["condition_config"] = condition
            out.append(_ordered(item))
        return schedule, out

    def _weekly(
        self, first: Fragment, time: str | None
    ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The weekly schedule of the first step: its days, every Nth week from an anchor (the
        date given, else the first such day from today) or even/odd weeks."""
        days = sorted(first.days, key=WEEKDAYS.index)
        config: dict[str, Any] = (
            {"day": days[0], "time": time} if len(days) == 1 else {"days": days, "time": time}
        )
        trigger = {"day": days[0], "time": time} if len(days) == 1 else {"time": time}
        if first.every_weeks and first.every_weeks > 1:
            start = first.starts_from or self.context.today
            anchor = first.anchor or calendar.first_on_or_after(days[0], start)
            config.update(every_weeks=first.every_weeks, anchor=anchor.isoformat())
            if first.anchor is None and first.starts_from is None:
                self.note(
                    f"Første gang: {anchor:%d.%m.%Y}; si fra om en annen uke skal være den første.",
                    f"First time: {anchor:%Y-%m-%d}; say so if another week should be the first.",
                )
        elif first.iso_weeks:
            config["iso_weeks"] = first.iso_weeks
        return config, trigger

    def _later_trigger(self, step: Planned, frequency: str) -> dict[str, Any] | None:
        frag = step.frag
        own_month = (
            frag.nth_weekday is not None
            or frag.business_day is not None
            or (frag.day_of_month is not None and frequency != "monthly")
        )
        if own_month or (frag.yearly and frequency != "cron"):
            # "ukens tilbud tirsdag og fredag, og prislisten første mandag i måneden": two
            # schedules in one request; not a later step run at once.
            name = step.draft.name
            raise self.ask(
                f"«{name[0]}» har en egen tidsplan (en dag i måneden), men en arbeidsflyt har "
                "bare én. Skal det være en egen arbeidsflyt? Beskriv den gjerne for seg.",
                f"“{name[1]}” has a schedule of its own (a day of the month), but a workflow has "
                "only one. Should it be a workflow of its own? Describe it on its own.",
            )
        if frag.delay:
            return {"delay_minutes": frag.delay}
        if frag.days:
            if len(frag.days) > 1:
                name = step.draft.name
                raise self.ask(
                    f"«{name[0]}» kan bare ha én dag når det kommer etter et annet steg. "
                    "Hvilken dag?",
                    f"“{name[1]}” can only have one day when it follows another step. Which day?",
                )
            return {"day": frag.days[0], "time": frag.time or self._default_time(step)}
        if frag.time:
            return {"time": frag.time}
        if frag.day_of_month is not None and frequency == "monthly":
            raise self.ask(
                "Et senere steg kan ikke ha en egen dag i måneden. Skriv heller «3 dager senere».",
                "A later step cannot have its own day of the month. Write “3 days later” instead.",
            )
        return None

    def _event_steps(self, steps: list[Planned]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for index, step in enumerate(steps):
            item = self._step_dict(index, step)
            frag = step.frag
            if frag.delay:
                item["trigger_type"] = "time_based"
                item["trigger_config"] = {"delay_minutes": frag.delay}
            elif frag.days or frag.time:
                item["trigger_type"] = "time_based"
                item["trigger_config"] = (
                    {"day": frag.days[0], "time": frag.time or self._default_time(step)}
                    if frag.days
                    else {"time": frag.time}
                )
            narrowed = step.only_group is not None
            if narrowed or (not step.draft.takes_no_condition and (frag.check or frag.window)):
                condition = self._condition(step, index, None)
                if condition:
                    item["condition_config"] = condition
            out.append(_ordered(item))
        return out

    def _step_dict(self, index: int, step: Planned) -> dict[str, Any]:
        item: dict[str, Any] = {
            "step_order": index + 1,
            "name": self._name_of(step),
            "step_type": step.cls.key,
            "trigger_type": "immediate",
            step.cls.config_field: step.draft.action_config,
        }
        return item

    # --- Name and description ------------------------------------------------------------

    def _label(self, step: Planned) -> str:
        return self.t(*step.draft.label)

    def _name(self, steps: list[Planned], doc: dict[str, Any]) -> str:
        """A name from what the workflow does, for whom and when ("Prisliste til Kafeer hver
        fredag", "Bestillingsskjema og påminnelse hver mandag"); made unique among the
        business's workflows by the service that saves drafts."""
        labels: list[str] = []
        for step in steps:
            label = self._label(step)
            if label and label not in labels:
                labels.append(label)
        if len(labels) > 3:
            labels = [*labels[:2], self.t("mer", "more")]
        what = (
            labels[0]
            if len(labels) == 1
            else ", ".join(labels[:-1]) + self.t(" og ", " and ") + labels[-1]
        )
        config = steps[0].draft.action_config or {}
        group = (config.get("recipients") or {}).get("group")
        to = self.t(" til ", " to ") + self._group_name(group) if group not in (None, "all") else ""
        name = f"{what[:1].upper()}{what[1:]}{to} {self._name_when(doc)}".strip()
        return name[:200]

    def _name_when(self, doc: dict[str, Any]) -> str:
        if doc["workflow_type"] == "event_based":
            return {
                "order.created": self.t("ved ny ordre", "on new orders"),
                "customer.created": self.t("ved ny kunde", "for new customers"),
            }.get(doc["event"]["type"], "")
        schedule = doc["schedule"]
        kind, config = schedule["schedule_type"], schedule["schedule_config"]
        nb = self.language == "nb"

        def day(name: str) -> str:
            return NB_DAYS[name] if nb else EN_DAYS[name]

        if kind == "weekly":
            days = [config["day"]] if "day" in config else list(config.get("days") or [])
            names = self.t(" og ", " and ").join(day(d) for d in days)
            every = config.get("every_weeks")
            if every == 2:
                return self.t(f"annenhver {names}", f"every other {names}")
            if every:
                return self.t(f"hver {every}. {names}", f"every {every}th {names}")
            if config.get("iso_weeks") == "even":
                return self.t(f"{names} i partallsuker", f"{names} in even weeks")
            if config.get("iso_weeks") == "odd":
                return self.t(f"{names} i oddetallsuker", f"{names} in odd weeks")
            return self.t(f"hver {names}", f"every {names}")
        if kind == "daily":
            if config.get("business_days_only"):
                return self.t("hver virkedag", "every business day")
            if config.get("weekdays_only"):
                return self.t("hver hverdag", "every weekday")
            return self.t("hver dag", "every day")
        if kind == "monthly":
            if config.get("day_of_month") == "last":
                return self.t("siste dag i måneden", "on the last day of the month")
            if config.get("day_of_month") is not None:
                n = config["day_of_month"]
                return self.t(f"den {n}. hver måned", f"on day {n} of every month")
            if config.get("business_day") is not None:
                n = config["business_day"]
                return self.t(
                    f"{ordinal(n, Words('nb'))} virkedag i måneden",
                    f"on the {ordinal(n, Words('en'))} business day of the month",
                )
            if config.get("weekday"):
                n, weekday = config.get("nth", 1), config["weekday"]
                return self.t(
                    f"{ordinal(n, Words('nb'))} {day(weekday)} i måneden",
                    f"on the {ordinal(n, Words('en'))} {day(weekday)} of the month",
                )
            return self.t("hver måned", "every month")
        return ""

    def _when(self, trigger: dict[str, Any] | None, doc: dict[str, Any], first: bool) -> str:
        if trigger is None:
            return ""
        if "delay_minutes" in trigger:
            minutes = trigger["delay_minutes"]
            if minutes % 1440 == 0:
                n = minutes // 1440
                return self.t(f"{n} {'dag' if n == 1 else 'dager'} senere", f"{n} day(s) later")
            if minutes % 60 == 0:
                n = minutes // 60
                return self.t(f"{n} {'time' if n == 1 else 'timer'} senere", f"{n} hour(s) later")
            return self.t(f"{minutes} minutter senere", f"{minutes} minutes later")
        time = trigger.get("time", "")
        if "day" in trigger:
            day = NB_DAYS[trigger["day"]] if self.language == "nb" else EN_DAYS[trigger["day"]]
            return f"{day} {time}"
        if first and doc.get("schedule"):
            config = doc["schedule"]["schedule_config"]
            kind = doc["schedule"]["schedule_type"]
            if kind == "daily":
                days = (
                    self.t("hverdager", "weekdays")
                    if config.get("weekdays_only")
                    else self.t("hver dag", "every day")
                )
                return f"{days} {time}"
            if (kind == "monthly" and "day_of_month" not in config) or (
                kind == "weekly" and ({"every_weeks", "iso_weeks"} & set(config))
            ):
                when = schedule_when(doc["schedule"], Words(self.language))
                return when[:1].lower() + when[1:]
            if kind == "daily" and config.get("business_days_only"):
                return self.t(f"virkedager {time}", f"business days {time}")
            if kind == "monthly":
                dom = config["day_of_month"]
                if dom == "last":
                    return self.t(f"siste dag i måneden {time}", f"last day of the month {time}")
                return self.t(f"den {dom}. i måneden {time}", f"day {dom} of the month {time}")
            if kind == "weekly" and "days" in config:
                names = [
                    NB_DAYS[d] if self.language == "nb" else EN_DAYS[d] for d in config["days"]
                ]
                return f"{', '.join(names)} {time}"
        return self.t(f"kl {time}", f"at {time}")

    def _group_name(self, slug: str) -> str:
        for group in self.context.groups:
            if group["slug"] == slug:
                return group["name"]
        return slug

    def _description(self, steps: list[Planned], doc: dict[str, Any]) -> str:
        parts = []
        for index, (step, item) in enumerate(zip(steps, doc["steps"], strict=True)):
            label = self._label(step)
            when = self._when(item.get("trigger_config"), doc, index == 0)
            audience = ""
            config = item.get(step.cls.config_field) or {}
            recipients = config.get("recipients", {})
            if recipients.get("group") not in (None, "all"):
                name = self._group_name(recipients["group"])
                audience = self.t(f" til {name}", f" to {name}")
            elif not step.cls.acts_on_customers and step.facts.emails:
                audience = self.t(" til ", " to ") + ", ".join(step.facts.emails)
            parts.append(" ".join(p for p in (label + audience, when) if p))
        text = ", ".join(parts)
        if doc["workflow_type"] == "event_based":
            kind = doc["event"]["type"]
            if kind == "webhook":
                hook = doc["event"].get("name") or "webhook"
                text = self.t(f"Ved webhook «{hook}»: ", f"On webhook “{hook}”: ")
            elif kind == "order.created":
                text = self.t("Ved ny ordre: ", "On a new order: ")
            else:
                text = self.t("Ved ny kunde: ", "On a new customer: ")
            text += ", ".join(parts)
            return text
        return text[:1].upper() + text[1:]


_CLOCK = re.compile(r"\b(?:kl|at|@)\s*(\d{1,2})(?::(\d{2}))?(?:\s*(?:am|pm))?(?![\d:])")


def _bad_time(text: str) -> str | None:
    """The time of day that cannot be one ("kl 25", "at 9:75"), for the answer to replace."""
    for m in _CLOCK.finditer(text):
        if int(m.group(1)) > 24 or (m.group(2) is not None and int(m.group(2)) > 59):
            return m.group(0)
    return None


# The one customer an event is about: "kunden", "den kunden", "that customer('s)".
# What one customer does that a webhook may be named by: a booking, an order, a claim.
_A_CUSTOMERS_OWN = re.compile(
    r"booking|bestilling|ordre|order|reserv|retur|return|reklamasjon|claim|complaint"
    r"|henvendelse|request|inquiry|enquiry|signup|sign-up|påmelding|registrering|registration"
    r"|timebestilling|appointment|avtale"
)
_THE_CUSTOMER = re.compile(
    r"\b(?:(?:den|denne|samme)\s+kunden|kunden(?:s)?|kunde(?:n)?\s+det\s+gjelder"
    # "send prisliste til kunde" (simple Norwegian): the one customer, without its article.
    r"|(?:til|te|to)\s+kunde(?![\wæøå])"
    # Pseudo-code "send(confirmation, customer)", read as "... to customer".
    r"|(?:to|til)\s+customer(?![\wæøå])"
    r"|(?:that|this|the|same)\s+customer(?:'s)?|the\s+customer\s+in\s+question)\b"
)
# What a webhook about our own data is named or said to be about: a file, an import, a
# catalogue, a stock count, a feed, a catch or stock report ("prisfil", "katalog-import",
# "lagertelling", "new supplier prices imported", "fangstmelding", "stock-report"); prices alone
# may be a customer's ("leverandor-pris"), and "a shelf reports empty" is a customer's doing.
_OUR_DATA = re.compile(
    r"fil(?:e|en|a)?\b|import|katalog|catalog|telling|stocktak|sync|feed|produktdata"
    r"|product\s+data|fangst|catch|landing|rapport(?:en|a)?\b|report\b|lagerstatus|lagerbeholdning"
    # Our own stock's alerts: "lagervarsel", "lager-alarm", "stock alert", "low-stock".
    r"|lager-?(?:varsel|varsling|alarm|melding|signal)|stock-?\s*(?:alert|warning|alarm)|low-?\s*stock"
    r"|stock\s*level"
    r"|inventory|statisti[kc]"
    # A supplier's prices changed: "prisendring", "prisoppdatering", "price-change".
    r"|pris-?(?:endring|oppdater|justering|regulering)|price-?\s*(?:change|update)"
    # A carrier's changed timetable or route: "rute-endring", "ruteendring", "timetable-change".
    r"|rute-?(?:endring|oppdater|tabell)|route-?\s*(?:change|update)|timetable|schedule-?\s*change"
)
# A customer doing something in the event's words ("når kunde sender anbud", "when a customer
# asks for a quote"): the webhook is about that customer.
_A_CUSTOMERS_DOING = re.compile(r"\b(?:kunde\w*|customers?|clients?|someone|noen|nokon)\b")
# One customer of a kind: "verkstedet det gjelder", "den butikken", "that workshop".
_THE_ONE_OF_A_KIND = re.compile(
    r"\b(?:den|denne|det|dette|samme)\s+([\wæøå]{4,})\b"
    r"|\b([\wæøå]{4,})\s+(?:som\s+)?(?:det|den)\s+gjelder\b"
    r"|\b(?:that|this|the\s+same)\s+([\wæøå]{4,}?)(?<!s)\b"
    r"|\bthe\s+([\wæøå]{4,})\s+in\s+question\b"
)
# A kind in the singular definite ("verkstedet", "butikken", "the workshop"), not the plural
# ("verkstedene", "snekkerne", "the workshops"): one customer of that kind.
_ONE_OF_A_KIND = re.compile(
    r"\b([\wæøå]{3,}(?:et|(?<!en|an|rn)en))\b|\bthe\s+([\wæøå]{3,}?)(?<!s)\b"
)
# Whom a part is sent to, one word: "til taktekkeren", "to that roofer", "to the roofer".
_TO_ONE = re.compile(
    r"\b(?:til|to|for)\s+(?:(?P<p>den|det|denne|dette|that|this)\s+|(?P<the>the)\s+)?"
    r"(?P<w>[\wæøå]{4,})\b"
)
# Words after "til"/"to" that are no customer of an unknown kind.
_NOT_ONE = frozenset(
    """kunden kunde customer customers kundene alle everyone everybody them dem deg meg oss
    hver every each mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday
    thursday friday saturday sunday neste next samme same""".split()
)
_EVERYONE_SAID = re.compile(r"\balle\b|\ball\b|\beveryone\b|\bevery\s+customer\b")
# Words that carry nothing on their own (a part of only these is no loss).
_NOISE = frozenset(
    """og and også also takk thanks please gjerne send sende the til for med with som who that
    det den dem them they vi we du you jeg alle all kunder kundene customers kunde customer
    hei hi hello bare just kun only er is are skal should will vil would kan can må must
    der there her here ellers otherwise""".split()
)

# "- alt bare te hotell og camping", "all of it only to the plumbers": every step's audience.
_FOR_ALL = re.compile(
    r"[-\u2013,;.:]?\s*\b(?:alt(?:\s+sammen)?|alle\s+stegene|hele\s+greia|everything|all\s+of\s+"
    r"(?:it|this|that|them)|the\s+whole\s+thing|all\s+steps|begge(?:\s+deler)?|both(?:\s+of\s+them)?"
    r"|alle\s+tre|all\s+three)\s+(?:skal\s+|should\s+)?"
    r"(?:gå\s+|go\s+|goes\s+|sendes\s+)?(?:bare\s+|kun\s+|only\s+|just\s+)?(?:til|to|for|te)\s+"
    r"(?P<who>[^,.;]+?)\s*(?:[,.;]|$)"
    # "... - only for the electricians" at the end: the whole request's audience.
    r"|(?:\s[-\u2013]|[,;])\s*(?:og\s+|and\s+)?(?:bare|kun|only|just)\s+(?:til\s+|to\s+|for\s+|te\s+)?"
    r"(?P<who2>(?:the\s+|de\s+)?[^,.;\s]+(?:\s+(?:og|and|&)\s+[^,.;\s]+)?)"
    r"\s*[.!]?$"
)

_TWO_DAYS_OF_MONTH = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s*(?:,|og|and|&|\+)\s*(?:den\s+|the\s+)?\d{1,2}(?:st|nd|rd|th)?\.?\s+"
    r"(?:i|of|hver|every|each|in)\s+(?:hver\s+|every\s+|each\s+|the\s+)?(?:måned\w*|month)"
)
_EXCEPT_GROUP = re.compile(
    r"\b(?:unntatt|except(?:\s+for)?|bortsett\s+fra|utenom|minus|but\s+not|men\s+ikke|excluding"
    r"|ikke\s+til|not\s+to)\s+(?:(?:til|te|to|for)\s+)?(?:the\s+|de\s+|dei\s+|våre\s+|our\s+)?"
    r"(?P<who>[\wæøåé-]{3,})"
)

# "don't send anything (to the hotels)", "ikke send noe til butikkene": nothing at all.
# "men ikke gi beskjed til lageret", "but don't notify the warehouse": a notice not given.
_NO_NOTICE = re.compile(
    r"(?:men\s+|but\s+|og\s+|and\s+)?(?:ikke|ikkje|itte|don'?t|do\s+not|never|not|aldri)\s+"
    r"(?:(?:trenger|need|noen|any)\s+(?:å\s+|to\s+)?)?"
    r"(?:gi\s+(?:noen\s+)?beskjed|si\s+(?:i?fra|beskjed)|sei\s+ifrå|varsle|varsl\w*|notify|tell"
    r"|alert|inform|ping|message)\b"
)
_SEND_NOTHING = re.compile(
    r"\b(?:(?:don'?t|do\s+not|dont|never|ikke|ikkje|ittj|itte)\s+send\w*\s+(?:anything|noe|noko"
    r"|någe|nåkka|nokka|a\s+thing)|send\w*\s+(?:nothing|ingenting|ingen\s+ting))\b"
    r"(?:\s+(?:at\s+all\s+|i\s+det\s+hele\s+tatt\s+)?(?:to|til|te)\s+(?:the\s+|de\s+|dei\s+|our\s+)?"
    r"(?P<who>[\wæøåé-]{3,}))?"
)
_NOTHING_MORE = re.compile(
    r"[\s.,;:!]*(?:(?:at\s+all|after\s+all|anyway|likevel|allikevel|i\s+det\s+hele\s+tatt"
    r"|then|da|please|takk|thanks|to\s+(?:them|anyone)|til\s+(?:dem|noen))[\s.,;:!]*)*"
)
_NOT_A_GROUP = frozenset(
    """those them anyone anybody who de dem dei som noen nokon kundene customers""".split()
)
# "kundene i bergen hver mandag": the customers' word, "i"/"in", one word, then when or the end.
# "til alle i tromsø", "butikkene i alta", "de i bodø": whom, then where, in lower case.
_WHO_IN_WORD = re.compile(
    r"\b(?P<who>[a-zæøå]+)\s+(?P<prep>i|in|på|fra|from)\s+"
    r"(?P<place>[a-zæøå]{3,})(?=\s*(?:$|[,.;:!?]|\s(?:hver|kvar|every|each|kl|at|på|on|den|the"
    r"|og|and|med|with|om|about|som|who|that)\b))"
)
# Words for where customers are that are no place of their own: "kundene i kjeden", "alle
# på lista", "the shops in town", "alle i bransjen". Nouns only; the other words read after
# "i"/"in" that are no place are ``_NOT_NOUNS_AFTER_IN``.
_COMMON_NOUNS = frozenset(
    """kjeden kjede nettverket nettverk bransjen bransje byen by sentrum distriktet distrikt
    området område regionen region nærheten nærområdet landet kommunen fylket klubben klubb
    foreningen laget firmaet bedriften selskapet konsernet avtalen avtale programmet ordningen
    kundeklubben databasen crm registeret porteføljen segmentet kategorien kategori markedet
    butikken huset utlandet innlandet kysten bygda distriktene norge norden landsdelen
    epost mail email nett nettet web telefon appen app lageret kontoret salg ferie drift
    town city area region network chain program programme club database crm list portfolio
    segment category market industry trade sector business stock store shop office house
    country abroad village district neighbourhood neighborhood vicinity mail email app
    sommer sommeren vinter vinteren høst høsten vår våren fjor ettermiddag formiddag romjula
    romjulen jula julen påska påsken sesongen sesong lavsesongen høysesongen perioden
    tide gang summer winter autumn fall spring season period time total advance
    kjøkkenet kjøkken ledelsen administrasjonen økonomi regnskap innkjøp avdelingen avdeling
    teamet team staben staff kitchen management accounting purchasing department sales
    morgon mårå måra morgo imorgo overmorgen overimorgen kvell kvelden ettermiddagen
    formiddagen sommar sommaren haust hausten vinteren natta jol jola helg tida
    morning evening afternoon weekend holidays""".split()
)
# Words after "i"/"in" that are no place and no noun: set phrases ("i alt", "i samme", "in
# general", "tonight"), pronouns ("i alle", "in all of them"), and verbs after an English "I"
# written in lower case, which reads as the Norwegian "i" ("customers, i mean the shops").
_NOT_NOUNS_AFTER_IN = frozenset(
    """inn nytt alt samme hele alle alles all everyone everybody them those general tonight
    mean meant think thought guess want wanted need needed said say wrote hope believe suppose
    forgot know""".split()
)
# What follows a place that ends whom a step is for: the end, or when.
_WHEN_AFTER = re.compile(r"\s*(?:$|[,.;:!?]|\s(?:hver|kvar|every|each|kl|at|på|on|den)\b)")
_CUSTOMER_WORD = re.compile(r"kund\w*|customers?|clients?")
_ALL_WORDS = frozenset({"alle", "all", "everyone", "everybody"})
_THOSE_WORDS = frozenset({"de", "dei", "dem", "those", "them"})
_NOT_PLACE_WORDS = frozenset(
    """dag dagen morgen kveld kvelden natt uka uke uken veka helgen helga måneden måned året tide
    gruppen gruppa grupper listen lista kundelisten systemet registeret hele alle all det den
    dei de dem today tomorrow time group groups list system question general total particular
    advance future past order orders ordre bestilling week weeks month months year
    turn person detail question stedet tillegg forkant forveien etterkant posten innboksen
    helga helgen ferien tur fokus mente mener praksis""".split()
)
_NOT_PLACES = frozenset(
    """christmas easter jul julen påske påsken pinse pinsen english engelsk norwegian norsk
    bokmål nynorsk danish dansk swedish svensk noon midnight one two three four five six seven
    eight nine ten eleven twelve uke week""".split()
)
_NOT_GROUP_WORDS = frozenset({"send", "sende", "the", "til", "and", "og", "every", "hver"})
# "kundene i Haugesund", "the shops in Molde", "kundan på Steinkjer": a capitalised name (a
# place) right after whom; read on the request as written.
_CUSTOMERS_IN_PLACE = re.compile(
    r"(?i:\b(?:kund\w*|customers?|clients?|butikk\w*|shops?|stores?|[\wæøå]+(?:ene|ane|an|erne|s))"
    r"\s+(?:i|in|på|fra|from|at|around|rundt|near|nær|ved)\s+)"
    r"(?P<place>[A-ZÆØÅ][a-zæøå]+(?:[- ][A-ZÆØÅ][a-zæøå]+)?)\b"
)
# Channels the format has not got (it only sends email).
_NOT_EMAIL = re.compile(
    r"\b(?:sms\w*|tekstmelding\w*|text\s+messages?|texts?(?=\s+(?:the|all|our|them|to|every)\b)"
    r"|whatsapp|facebook|instagram|snapchat|linkedin|twitter|sosiale\s+medier|social\s+media"
    r"|push-?varsel\w*|push\s+notifications?|slack|(?:på|on|i|in|via|over)\s+teams|fax\w*|faks\w*"
    r"|telefaks|brev\s+i\s+posten|i\s+posten|per\s+post|by\s+post|snail\s*mail"
    r"|^(?:ring|call|phone|telefoner)(?=\s)"
    # "... og ring dem på fredag", "then call the customers": a call later in a chain too.
    r"|(?<![\w-])(?:ring|ringe|ringer|call|phone|telefoner|telefonere)(?=\s+(?:vi\s+|jeg\s+|du\s+|we\s+)?"
    r"(?:opp\s+|up\s+|til\s+|to\s+)?(?:dem|dei|de|them|kunde\w*|customers?|alle|all|the|every"
    r"|everyone|hver|each)\b))\b"
)
# "ikke i juli", "unntatt i sommerferien", "except in December", "pause during Easter": a period
# left out, which a schedule cannot say (public holidays are the holiday policy's).
# School holidays: when a workflow runs only there, a period it cannot keep.
_SCHOOL_HOLIDAY = (
    r"(?:vinterferien|høstferien|haustferien|skoleferien|skuleferien|påskeferien|juleferien"
    r"|sommerferien|winter\s+break|autumn\s+break|half[-\s]term|(?:the\s+)?school\s+holidays)"
)
_PERIOD = (
    r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|sommer(?:en|ferien)?|summer(?:\s+holidays?)?|fellesferien|julen?|juleferien|christmas"
    r"|påsken?|påskeferien|easter|vinterferien|høstferien|winter\s+break|autumn\s+break"
    r"|skoleferien|school\s+holidays)"
)
_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mai": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS_IN_MONTH = re.compile(
    r"\b(?:hver|every|each|alle|kvar)\s+(?:(?:man|tirs|ons|tors|fre|lør|søn)dag(?:er|ene)?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\s+(?P<within>(?:i|in|during|om)\s+"
    r"(?P<month>januar|february|februar|january|mars|march|april|mai|may|juni|june|juli|july"
    r"|august|september|oktober|october|november|desember|december))\b"
)
_NOT_IN_PERIOD = re.compile(
    r"\b(?:ikke|ikkje|unntatt|bortsett\s+fra|utenom|except|not|but\s+not|pause|skip)\s+"
    r"(?:(?:i|in|during|om|på|gjennom|over|the)\s+)*" + _PERIOD + r"\b"
    # "hver mandag i mai", "every Friday in June", "bare i sommer", "only during Easter".
    r"|\b(?:(?:hver|every|alle)\s+[a-zæøå]+\s+|bare\s+|kun\s+|only\s+)"
    r"(?P<within>(?:i|in|during|om|gjennom)\s+(?:the\s+)?" + _PERIOD + r")\b"
    # "første mandag i høstferien", "kl 9 i vinterferien": a school holiday anywhere.
    r"|\b(?:i|in|during|gjennom|over)\s+(?:the\s+)?" + _SCHOOL_HOLIDAY + r"\b"
)
# A quoted name or saying of a template, and what kind of email it is written glued to it
# ("«Har dere glemt å bestille?»-mailen", "“Siste sjanse!”-eposten").
_QUOTED = re.compile(
    r"[«“\"](?P<quoted>[^«»“”\"\n]{3,80}?)[»”\"](?:-(?P<suffix>(?:e-?post|mail|brev|mal|melding"
    r"|utsending|email|letter)[\wæøå]*))?"
)
_WEBHOOK_SENDER = re.compile(
    r"\b(?:when|whenever|if|once|når|hver\s+gang|dersom|viss)\s+(?:[\wæøå]+\s+){1,4}?"
    r"(?:sends|sender|posts|pushes)\b"
)
# "alle som ikke har bestilt", "everyone who hasn't ordered": said at a later step of a
# chain, those of its audience.
_ALL_WHO_NOT = re.compile(
    r"\b(?:alle|all|everyone|everybody|anyone|all\s+those)\s+(?:som|who|that)\s+(?:ennå\s+|still\s+)?"
    r"(?:ikke|ikkje|itj|ittj|not|haven'?t|hasn'?t|have\s+not|has\s+not|did\s+not|didn'?t)\b"
)
# "annenhver eller hver tredje", "every other or every third week": a choice of how often.
_EVERY_NTH = (
    r"(?:annenhver|annakvar|hver\s+(?:annen|andre|tredje|fjerde)|kvar\s+(?:andre|tredje)"
    r"|every\s+(?:other|second|third|fourth)|hver\s+uke|kvar\s+veke|every\s+week|ukentlig"
    r"|weekly|fortnightly)(?:\s+(?:uke|veke|week))?"
)
_WEEKS_CHOICE = re.compile(r"\b" + _EVERY_NTH + r"\s+(?:eller|or)\s+" + _EVERY_NTH + r"\b")
# "hele sommeren", "all summer long", "gjennom hele vinteren": a season, which no schedule
# keeps.
_ALL_SEASON = re.compile(
    r"\b(?:(?:gjennom\s+)?(?:hele|heile)\s+(?:sommeren|sommaren|vinteren|vinteren|høsten|hausten"
    r"|våren|sesongen)|(?:all|the\s+whole|throughout\s+the|through\s+the)\s+(?:summer|winter"
    r"|autumn|spring|season)(?:\s+long)?|(?:i\s+)?sommar\s+og\s+haust)\b"
)
# "Send prislista te Berit på Atlanten Kiosk": one person at a customer (capitals as written).
_NAMED_PERSON = re.compile(
    r"\b(?:til|te|to|for)\s+(?P<who>[A-ZÆØÅ][a-zæøå]{2,})(?:\s+[A-ZÆØÅ][a-zæøå]+)?\s+"
    r"(?:på|hos|at|from|fra|i|ved|in)\s+[A-ZÆØÅ]"
)
# How often, said anywhere: a schedule that repeats.
_REPEATS = re.compile(
    r"\b(?:hver\w*|kvar\w*|every|each|annenhver|annakvar|ukentlig\w*|weekly|daily"
    r"|daglig\w*|dagleg\w*|månedlig\w*|monthly|fortnightly|biweekly|always|alltid|fast|faste"
    r"|regularly|jevnlig\w*|partall\w*|oddetall\w*|even|odd|uke\s+\d+|week\s+\d+"
    r"|første\s+gang|first\s+time|starting|fra|from)\b"
    r"|\b[a-zæøå]+dag(?:er|ar|ene|ane)\b|\b[a-z]+days\b|\bmåned\w*|\bmonth\w*"
)
# "neste fredag", "next Friday", "i helga", "this weekend": one day to come. ("på tirsdag"
# alone is read as every Tuesday, as earlier sets want: "Send skjema kl 15 på mandag".)
_ONCE_ON = re.compile(
    r"\b(?:neste|kommende|førstkommende|next|this\s+coming|this)\s+(?:[a-zæøå]+dag|[a-z]+day)\b"
    r"|\b(?:i\s+helga|i\s+helgen|this\s+weekend|at\s+the\s+weekend|over\s+the\s+weekend)\b"
)
# "på morgenen", "etter lunsj", "in the afternoon": a time of day no clock says.
_VAGUE_TIME = re.compile(
    r"\b(?:(?:på|om|i)\s+(?:morgenen|morgonen|formiddagen|ettermiddagen|kvelden|morgentimene)"
    r"|(?:etter|før|rundt|ved)\s+(?:lunsj|lunsjen|lunch)|(?:after|before|around)\s+lunch"
    r"|in\s+the\s+(?:morning|afternoon|evening)|first\s+thing|tidlig\s+på\s+dagen"
    r"|seint\s+på\s+dagen|sent\s+på\s+dagen|late\s+in\s+the\s+day)\b"
)
_CLOCK_SAID = re.compile(
    r"\bkl\s*\d|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b"
    r"|\b(?:kl|at)\s+(?:\d|halv|kvart|half|quarter|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve|ett|eitt|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv)\b"
    r"|\b(?:noon|midday|middag|midnatt|midnight)\b"
)
# "... nei glem det, ikke gjør noe likevel", "Actually scratch that, never mind": taken back.
_TAKEN_BACK = re.compile(
    r"\b(?:glem\s+(?:det|hele\s+greia|alt)|dropp\s+(?:det|hele\s+greia)|drit\s+i\s+det"
    r"|forget\s+(?:it|that|about\s+it)|scratch\s+that|never\s*mind|drop\s+it"
    r"|ikke\s+gjør\s+noe\s+likevel|don'?t\s+do\s+anything|don'?t\s+bother|ikke\s+bry\s+deg"
    r"|la\s+det\s+være|vi\s+dropper\s+det|cancel\s+(?:that|it|this)|actually\s+don'?t"
    r"|(?:no|nei)\s+(?:wait|vent)[,.]?\s+(?:actually\s+)?(?:don'?t|ikke)|just\s+kidding|j/k"
    r"|(?:bare\s+)?tuller|kødda)\b(?P<rest>.*)$"
)
# What may follow a take-back without making it a new request.
_AFTER_TAKEN_BACK = re.compile(
    r"\b(?:ikke|gjør|noe|likevel|alt|allikevel|after|all|not|needed|anyway|actually|then|sorry"
    r"|beklager|takk|thanks|never|mind|nevermind|forget|it|that|scratch|ok|okay|dropp|det|bother"
    r"|likevel|with|this|don|make|create|set|up|anything|nothing|lag|lage|sett|opp|noko|ingenting"
    r"|forresten|please|være|just|yet|at)\b"
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mai": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}  # fmt: skip
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_NAME = r"(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-z]*"
_DATE = re.compile(
    r"\b(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MONTH_NAME + r")\b"
    r"|\b(?P<m2>" + _MONTH_NAME + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b"
)
_ONCE_A_WEEK = re.compile(
    r"\b(?:en|én|ein|ei)\s+gang\s+(?:i|per|pr)\s+(?:uka|uken|veka|uke)\b|\bonce\s+a\s+week\b"
    r"|\bonce\s+per\s+week\b|\bonce\s+weekly\b"
)

# "mandag eller tirsdag", "vet ikke helt", "not sure": nothing to build on yet.
# A weekday it must not happen on (holidays were read before: "ikke på helligdager").
_NOT_ON_DAY = re.compile(
    r"\b(?:never|not|aldri|ikke|except|unntatt|bortsett\s+fra|men\s+ikke)\s+(?:on\s+|på\s+)?"
    r"(?:a\s+|en\s+)?" + FULL_DAY + r"\b"
)
# "..., men aldri i helgene", "but never at weekends", "not on weekends".
# "hver dag kl 7, men ikke i helgene", "every day at 7 but not at weekends": every weekday.
_DAILY_NOT_WEEKENDS = re.compile(
    r"\b(?P<every>hver|kvar|alle|every|each)\s+(?:dag|day)\b(?P<mid>[^;.]*?)[,\s]*"
    r"(?:(?:men\s+|but\s+)?(?:never|not|aldri|ikke|ikkje|except|unntatt|utenom|bortsett\s+fra)\s+)"
    r"(?:(?:on|at|in|i|på|during|over|the)\s+)*(?:helg(?:a|en|ene|er)?|weekends?)\b"
)


def _weekdays_said(m: re.Match[str]) -> str:
    if re.search(r"\b(?:helg|weekend|lørdag|søndag|saturday|sunday)", m["mid"]):
        return m.group(0)
    english = m["every"] in ("every", "each")
    return f"{'every weekday' if english else 'hver hverdag'}{m['mid']}"


_NEVER_WEEKENDS = re.compile(
    r"\b(?:never|not|aldri|ikke|ikkje|except|unntatt|bortsett\s+fra|utenom)\s+"
    r"(?:(?:on|at|in|i|på|during|over|the)\s+)*(?:helg\w*|weekends?)\b"
)
# "slett alle kundene som ...", "delete the plumbers who ...", "fjern kunder hver søndag":
# deleting, removing or deactivating customers, which no workflow does.
_DESTRUCTIVE = re.compile(
    r"(?:^|[;:.!?]\s*|\b(?:og|and|then|så)\s+)(?:please\s+|vennligst\s+)?"
    r"(?:slett\w*|delete|deleting|fjern|fjerne|remove|erase|wipe|purge|deaktiver\w*|deactivate"
    r"|arkiver\w*|archive|sperr\w*|block|anonymiser\w*|anonymi[sz]e|ta\s+bort)\s+"
    r"(?:(?:alle|all|the|de|dei|those|våre|our|every|any|inaktive|inactive|gamle|old)\s+)*"
    r"(?:[\wæøåé-]+\s+)?(?P<who>[\wæøåé-]{4,})"
    r"\s+(?:som|who|that|which|der|dersom|if|hvis|med|with|without|uten|hver|every|each|kvar)\b"
)
_REMIND_THEM = re.compile(r"\b(?:minn|påminn\w*|remind|nudge)\s+(?:dem|them|de|dei)\b")
_ONLY_WEEKENDS = re.compile(
    r"\b(?:bare|kun|only|just)\s+(?:i\s+|on\s+|at\s+|in\s+|på\s+)?(?:the\s+)?(?:helg\w*|weekends?)"
)
# A day's name or its short form ("tor", "tirs", "thu", "tis"): where one is said, a choice.
_SHORT_DAY = (
    r"(?:(?:man|mån|må|tir|tirs|tis|tys|ons|tor|tors|to|fre|fr|lør|lör|lau|søn|sön|sun|mon|tue"
    r"|tues|wed|thu|thur|thurs|fri|sat)(?![a-zæøåäö])|(?:mån|mon|tys|tis|tues|wednes|thurs"
    r"|satur|sun|laur|sun)day|(?:man|tirs|ons|tors|fre|lør|søn|tis|tys|lör|sön|laur)dag(?:en)?)"
)
_UNSURE = re.compile(
    r"\bvet\s+ikke\b|\bikke\s+sikker\b|\bnot\s+sure\b|\bdon'?t\s+know\b|\bkanskje\b|\bmaybe\b"
    r"|\bidk\b|\bdunno\b|\beller\s+var\s+det\b|\bor\s+was\s+it\b"
    # "..., no wait, tuesday. or monday?": a day asked about is not decided.
    r"|\b(?:eller|or)\s+(?:på\s+|on\s+)?" + FULL_DAY + r"\s*\?"
    r"|\b(?:"
    + "|".join(NB_DAYS.values())
    + "|"
    + "|".join(EN_DAYS.values()).lower()
    + r")\w*\s+(?:kl\s+\S+\s+)?(?:eller|or)\s+(?:på\s+|on\s+)?(?:"
    + "|".join(NB_DAYS.values())
    + "|"
    + "|".join(EN_DAYS.values()).lower()
    + r")"
    # "annenhver eller hver tredje torsdag", "every other or every third week": how often, open.
    r"|\b(?:annenhver|annakvar|hver\s+(?:andre|annen|tredje|fjerde|\d\.?)|every\s+(?:other|second"
    r"|third|fourth|\d(?:st|nd|rd|th)?))(?:\s+uke)?\s+(?:eller|or|el\.?|evt\.?)\s+"
    r"(?:annenhver|annakvar|hver|every)\b"
    # "tor el. fre kl 9", "man evt. tir", "mon or tue at 9": a choice between days said short.
    + r"|\b(?P<choice>"
    + _SHORT_DAY
    + r"\.?\s+(?:kl\s+\S+\s+)?(?:eller|or|el\.?|evt\.?|alt\.?)\s+"
    + _SHORT_DAY
    + r")\b"
)


def _in_week_order(doc: dict[str, Any]) -> dict[str, Any]:
    """The steps of a weekly run in the order they happen (an added Wednesday reminder before
    Thursday's), when every step after the first has its own day; renumbered."""
    schedule = doc.get("schedule") or {}
    config = schedule.get("schedule_config") or {}
    steps = doc.get("steps") or []
    start = config.get("day")
    later = steps[1:]
    if schedule.get("schedule_type") != "weekly" or start is None or not later:
        return doc
    if not all((s.get("trigger_config") or {}).get("day") for s in later):
        return doc

    def when(step: dict[str, Any]) -> tuple[int, str]:
        trigger = step["trigger_config"]
        offset = (WEEKDAYS.index(trigger["day"]) - WEEKDAYS.index(start)) % 7
        return offset, str(trigger.get("time") or "")

    doc["steps"] = [steps[0], *sorted(later, key=when)]
    for number, step in enumerate(doc["steps"], start=1):
        step["step_order"] = number
    return doc


# "påminnelse tirsdag kl 12 etter at skjemaet har gått ut mandag kl 7": the clause after
# "etter at" / "after the ... has" happened first, so it is read first.
_AFTER_CLAUSE = re.compile(
    r"^(?P<later>.+?),?\s+(?:etter\s+at|after\s+(?=(?:the|our|we|it)\b))\s*(?P<earlier>[^,.;]+)"
    r"(?P<rest>.*)$"
)


# "kl 9 eller 10", "at 9 or 10", "9 or 10, whichever": two times for one step, one to choose.
_EITHER_TIME = re.compile(
    r"\b(?:kl|at)\s+(?:halv\s+[a-zæøå]+|\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\s+(?:eller|or)\s+"
    r"(?:kl\s+|at\s+)?"
    r"\d{1,2}(?::\d{2})?\s*(?:am|pm)?\b(?!\s*(?:min\w*|timer?|hours?|dag(?:er)?|days?))"
)


# "30 min after a customer places an order, email them ...": the delay belongs to the step.
_DELAY_LAST = re.compile(
    # "Kunne dere sendt kunden ... 90 minutter etter at ...?": the polite conditional too.
    r"^(?P<rest>(?:(?:kunne|kan|vil|could|would|can|will)\s+(?:dere|du|dokker|dykk|you)\s+"
    r"(?:ha\s+|please\s+)?)?(?:send|sende|sendt|email|mail|e-mail|lag|legg|create|place)\b"
    r"[^,.;:]*?)\s+"
    r"(?P<delay>" + NUM + r"\s*(?:min\w*|minutes?|timer?|hours?|dag(?:er)?|days?|døgn|uker?"
    r"|weeks?))\s+(?P<word>after|etter)\s+(?P<event>(?:at|that|hver|every|each|en|a|an)\s+"
    r"[^,.;:]+?)\s*$"
)
_DELAY_FIRST = re.compile(
    r"^(?P<delay>" + NUM + r"\s*(?:min\w*|minutes?|timer?|hours?|dag(?:er)?|days?|døgn|uker?"
    r"|weeks?))\s+"
    r"(?P<word>after|etter)\s+(?P<event>[^,.;:]+?)"
    # Its end: a comma, or the step's verb right after it ("... har bestilt send bekreftelse").
    r"(?:[,.;:]\s*|\s+(?=(?:send|sende|email|mail|e-mail|lag|legg|create|place)\b))"
    r"(?P<rest>.+)$"
)


# "purringa", "the reminder": a step the request has named already, said again.
_THE_REMINDER = re.compile(
    r"^(?:og\s+|and\s+|men\s+|but\s+)?(?:purringa|purringen|påminnelsa|påminnelsen"
    r"|påminninga|the\s+reminder|that\s+reminder)\b"
)
_A_REMINDER = re.compile(r"\b(?:purr|påminn|remind)")
# "til Lund barnehage", "to Berg Hotel": a name, then one of a kind in the singular.
_PERSON_AT = re.compile(
    r"\b(?:til|te|to)\s+(?:a\s+|han\s+|hun\s+|ho\s+|n\s+)?(?P<name>[A-ZÆØÅ][a-zæøåé]+)\s+"
    r"(?:på|hos|at|from|fra|i)\s+[A-ZÆØÅ][\wæøåÆØÅ-]+(?:\s+[A-ZÆØÅ][\wæøåÆØÅ-]+)*"
)
_NAME_THEN_KIND = re.compile(
    r"\b(?:til|te|to|for)\s+((?:[A-ZÆØÅ][a-zæøåé]+\s+){1,2}?([a-zæøåA-ZÆØÅ]{4,}))(?![\wæøå-])"
)


# "send den igjen", "send it again", "send the same mail once more": what was sent before.
_SENT_AGAIN = re.compile(
    r"\b(?:igjen|atter|again|en\s+gang\s+til|ein\s+gong\s+til|once\s+more|på\s+nytt|anew)\b"
)
_NOT_IT = re.compile(
    r"\b(?:send|sende|den|det|dei|dem|it|them|the|same|samme|sama|mail|mailen|e-?posten|e-?mail"
    r"|email|igjen|atter|again|en|ein|gang|gong|til|once|more|på|nytt|anew|og|and|så|then)\b|[,.]"
)


def _one_named_customer(text: str) -> str | None:
    """ "Send skjemaet til Lund barnehage": one customer by its name (a capitalised word, then
    a kind of customer in the singular, indefinite), no group. Not in text written all in
    capitals."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > len(letters) / 2:
        return None
    for m in _PERSON_AT.finditer(text):
        # "te a Kari på Gulskogen Bilverksted", "to Ole at Lier Garage": one person somewhere.
        name = m.group("name")
        if kind_of_word(name) is None and fold(name) not in ("alle", "all", "the", "de", "dem"):
            return " ".join(m.group(0).split()[1:])
    for m in _NAME_THEN_KIND.finditer(text):
        head = m.group(2)
        if kind_of_word(head) is None:
            continue
        folded = fold(head)
        # A plural is the kind's word with a plural ending ("restauranter": "restaurant");
        # "hagesenter" without its "-er" is no kind.
        plural = any(
            folded.endswith(ending)
            and len(folded) - len(ending) >= 4
            and folded[: -len(ending)] in KIND_WORDS
            for ending in ("erne", "arne", "ene", "ane", "ne", "er", "ar", "an", "r", "s", "a")
        )
        first = m.group(1).split()[0]
        if not plural and first.lower() not in ("alle", "all", "the", "de", "dei", "våre"):
            return " ".join(m.group(1).split())
    return None


# "..., bare send den", "just send it", "send det likevel": the send said before, said again.
_SEND_IT = re.compile(
    r"^(?:og\s+|and\s+|men\s+|but\s+|så\s+)?(?:bare\s+|berre\s+|just\s+|simply\s+|only\s+"
    r"|kun\s+)?(?:send|sende|send\s+ut|sent)\s+(?:den|det|dem|dei|it|them|that|this|one)"
    r"(?:\s+(?:ut|out|likevel|anyway|uansett|as\s+is|til\s+alle|to\s+all))*\s*$"
)


def _restated(actions: list[Fragment]) -> list[Fragment]:
    """ "Skjema mandag kl 9 og purring onsdag kl 13, purringa bare til dem som ikke har
    bestilt": a part that names the reminder said before, with no when of its own, says whom
    that reminder is for; it is no second reminder."""
    kept: list[Fragment] = []
    for frag in actions:
        earlier = next(
            (
                f
                for f in reversed(kept)
                if f.step_type == frag.step_type and _A_REMINDER.search(f.text)
            ),
            None,
        )
        if (
            kept
            and kept[-1].step_type == frag.step_type
            and not (frag.timed or frag.delay or frag.groups or frag.check or frag.window)
            and _SEND_IT.match(frag.text.strip())
        ):
            kept[-1].no_condition = kept[-1].no_condition or frag.no_condition
            continue
        if earlier is None or frag.timed or frag.delay or not _THE_REMINDER.match(frag.text):
            kept.append(frag)
            continue
        earlier.check = earlier.check or frag.check
        earlier.window = earlier.window or frag.window
        earlier.no_condition = earlier.no_condition or frag.no_condition
        if frag.groups or frag.everyone:
            earlier.groups, earlier.everyone = list(frag.groups), frag.everyone
        earlier.unknown_groups = earlier.unknown_groups or frag.unknown_groups
    return kept


def _delay_after_event(text: str) -> str:
    m = _DELAY_FIRST.match(text)
    if m is None:
        # "send kvittering 90 minutter etter at en kunde har bestilt": the step first.
        last = _DELAY_LAST.match(text)
        if last is None:
            return text
        later = "later" if last["word"] == "after" else "senere"
        return f"{last['word']} {last['event']}, {last['delay']} {later} {last['rest']}"
    later = "later" if m["word"] == "after" else "senere"
    return f"{m['word']} {m['event']}, {m['delay']} {later} {m['rest']}"


def _days_later_at(
    trigger: dict[str, Any] | None, frag: Fragment, day_before: str | None, frequency: str
) -> dict[str, Any] | None:
    """ "mandag kl 9 ..., og dagen etter kl 10 ...", "to dager senere kl 14": whole days later
    at a time of their own, in a weekly chain, is that weekday at that time (a wait of whole
    days would lose the time)."""
    if (
        trigger is None
        or frequency != "weekly"
        or day_before is None
        or not frag.delay
        or frag.time is None
        or frag.days
        or frag.delay % (24 * 60)
    ):
        return trigger
    days = frag.delay // (24 * 60)
    if not 0 < days < 7:
        return trigger
    day = WEEKDAYS[(WEEKDAYS.index(day_before) + days) % 7]
    return {"day": day, "time": frag.time}


# "same day at 3", "samme dag kl 13", "later that day at 4", "seinare same dag".
_SAME_DAY = re.compile(
    r"\b(?:(?:the\s+)?same\s+day|(?:later\s+)?that\s+day|samme\s+dag(?:en)?|same\s+dag(?:en)?"
    r"|sei?nare\s+same\s+dag|senere\s+samme\s+dag)\b"
)


def _same_day_at(
    trigger: dict[str, Any] | None,
    frag: Fragment,
    day_before: str | None,
    time_before: str | None,
    frequency: str,
) -> dict[str, Any] | None:
    """ "skjema fredag kl 9, purring samme dag kl 3": a time the same day as the step before,
    in a weekly chain, is that weekday; a bare hour before the earlier step's is the
    afternoon's ("same day at 3" after 9 is 15:00)."""
    if (
        trigger is None
        or frequency != "weekly"
        or day_before is None
        or set(trigger) != {"time"}
        or not _SAME_DAY.search(frag.text.lower())
    ):
        return trigger
    time = trigger["time"]
    hour, minute = (int(x) for x in time.split(":"))
    if time_before is not None and time <= time_before and hour < 12 and not frag.time_explicit:
        time = f"{hour + 12:02d}:{minute:02d}"
    return {"day": day_before, "time": time}


def _in_run_order(steps: list[Planned]) -> list[Planned]:
    """A weekly run's later steps in the order they happen ("skjema mandag og onsdag, purring
    tirsdag og torsdag": Monday, Tuesday, Wednesday, Thursday), when each has one day."""
    first = steps[0].frag
    later = steps[1:]
    if len(first.days) != 1 or not later or any(len(s.frag.days) != 1 for s in later):
        return steps
    start = WEEKDAYS.index(first.days[0])

    def when(step: Planned) -> tuple[int, str]:
        return (WEEKDAYS.index(step.frag.days[0]) - start) % 7, step.frag.time or ""

    return [steps[0], *sorted(later, key=when)]


def _earlier_first(text: str) -> str:
    m = _AFTER_CLAUSE.match(text)
    if m is None or not re.search(r"\b(?:har|has|have|is|was|er|went|gått|goes)\b", m["earlier"]):
        return text
    return f"{m['earlier'].strip()}, {m['later'].strip()}{m['rest']}"


def _one_per_day(actions: list[Fragment], *, always: bool = False) -> list[Fragment]:
    """One part naming several days for one action ("purring onsdag og torsdag kl 14") is one
    step per day when the request has other steps: a later step runs on one day of the run.
    A request of one action keeps its days (a schedule on several days)."""
    if len(actions) < 2 and not always:
        return actions
    out: list[Fragment] = []
    for frag in actions:
        if len(frag.days) < 2:
            out.append(frag)
            continue
        for index, day in enumerate(sorted(frag.days, key=WEEKDAYS.index)):
            one = copy.copy(frag)
            one.days = [day]
            # The same action again on a later day: of the same kind, a follow-up if it was.
            one.follows_up = frag.follows_up or (index > 0 and frag.check is not None)
            out.append(one)
    return out


_STEP_KEY_ORDER = (
    "step_order",
    "name",
    "step_type",
    "trigger_type",
    "trigger_config",
    "action_config",
    "condition_config",
)


def _ordered(step: dict[str, Any]) -> dict[str, Any]:
    return {key: step[key] for key in _STEP_KEY_ORDER if key in step}
