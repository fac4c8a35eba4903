"""The offline parser: Norwegian Bokmål / English text to a workflow document, no API key.

``parse_description(text, context=...)`` returns a ``ParseOutcome`` holding either a
workflow document (not yet validated: the caller runs ``automation.validation``) or a
clarifying question in the user's language. It is deterministic and never guesses: when
the text does not say what should happen, or when, or names a customer group or template
category that does not exist, the outcome is a question.

How a text is read (one module each):

0. ``letters``: a request written as a letter (greeting, small talk, signature) is read
   without them ("Hei! Håper helga var fin. ... kan dere sende ... hver tirsdag kl 9? Hilsen
   Kari").
1. ``text``: normalise (lower case, e-mail addresses set aside, "kl." / "klokka" to "kl",
   "16.00" to "16:00", ordinals without their dot, dialect forms: "sia", "ikkje", "dagan")
   and cut into parts at commas, full stops and "og"/"and"/"then". A correction ("... no
   sorry, just the pubs", "nei vent, tirsdag") is made first (``audience.apply_correction``).
2. ``events``: an event phrase ("når en kunde legger inn en ordre", "when a new customer
   signs up") makes the workflow event-based.
3. ``fragments``: each part is read for when (``timing``), for whom and on which condition
   (``audience``, with ``kinds``: the kinds of customer a group's name and the request's
   words are made of, in nb and en), and which step type it asks for: the registered step
   types' ``phrases`` (``automation.registry``), most specific first. What a reader reads is
   blanked out, so "siden mandag" is a window and not a schedule day. Parts without an action
   belong to a neighbour ("Remind ..., every day at 11").
4. ``builder``: each action becomes a step drafted by its step type (``StepType.draft``, see
   ``automation.drafting``). The first timed step sets the schedule; later timed steps get
   ``trigger_type: time_based`` (durable waits in the same execution).

Defaults (each reported in ``notes``) are the step types' own (an order form at 09:00, a
reminder at 15:00 and "who have not ordered" since the run started after an earlier step).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ai_assistant.context import ParseContext
from ai_assistant.offline.builder import Ask, Builder
from ai_assistant.offline.language import Language, detect_language

__all__ = ["ParseOutcome", "detect_language", "parse_description"]


@dataclass
class ParseOutcome:
    """A workflow (not yet validated) or a question; never both."""

    workflow: dict[str, Any] | None = None
    question: str | None = None
    language: Language = "nb"
    notes: list[str] = field(default_factory=list)
    #: New email templates the workflow names by ``template`` (see ``TemplateChoice``):
    #: {"name", "category", "subject", "body_html", "language"}, created as drafts on confirm.
    new_templates: list[dict[str, Any]] = field(default_factory=list)
    #: With a question: what it leaves open, for the answer to continue
    #: (``conversation.Pending`` as a dict: the request so far, the words the answer stands
    #: in for, what "yes" means).
    pending: dict[str, Any] | None = None

    @property
    def is_question(self) -> bool:
        return self.question is not None


def parse_description(text: str, *, context: ParseContext) -> ParseOutcome:
    """Read ``text`` (Norwegian, English or a mix) into a workflow document or a question."""
    language = detect_language(text)
    builder = Builder(text, context, language)
    index = 0 if language == "nb" else 1
    try:
        workflow = builder.build()
    except Ask as ask:
        return ParseOutcome(
            question=ask.nb if language == "nb" else ask.en,
            language=language,
            notes=[note[index] for note in builder.notes],
            pending={"text": text, "replace": ask.replace, "yes": ask.yes},
        )
    return ParseOutcome(
        workflow=workflow,
        language=language,
        notes=[note[index] for note in builder.notes],
        new_templates=builder.new_templates,
    )
