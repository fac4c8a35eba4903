"""How the offline assistant and a step type draft a step together: the contract.

The assistant (``ai_assistant.offline``) reads a request in parts. For each part that asks for
something to happen it picks the step type whose ``phrases`` match (``StepType.phrases``),
reads what is generic — when, for whom, on which condition, which addresses, which template —
into ``Facts``, and asks the step type to ``draft`` its step from them. The step type decides
what is its own: its config, its name in both languages, a default time, whether it implies
"who have not ordered". A part it cannot draft without knowing more raises ``facts.ask(nb,
en)``: the assistant then answers with that question instead of guessing.

Nothing here imports the assistant: step types (in ``executions.steps``) import this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = ["Facts", "StepDraft", "TemplateChoice", "TemplateFinder", "TemplateInfo"]

#: An email template as the assistant knows it: {"id", "name", "category", ...}.
TemplateInfo = Mapping[str, Any]


@dataclass
class TemplateChoice:
    """The template a part of a request means: an existing one, or a proposed new one."""

    template: TemplateInfo | None = None
    #: A new template to create ({"name", "category", "subject", "body_html", "language"})
    #: when none of the business's fits; the step then names it by ``name``.
    proposal: dict[str, Any] | None = None
    #: Said to the user (nb, en): which of several fitting templates was taken, or that a new
    #: one is proposed.
    notes: list[tuple[str, str]] = field(default_factory=list)


class TemplateFinder(Protocol):
    """The templates of this business, matched by meaning (name, category, subject)."""

    def choose(
        self, words: str, *, prefer: Sequence[str] = (), topic: str = ""
    ) -> TemplateChoice | None:
        """The template ``words`` ask for (``prefer``: the kind of email the request names,
        e.g. "reminder"), a proposal when none fits (named after ``topic``, the words about
        what is sent, when they name nothing the product knows), or None when the words say
        nothing about the content at all."""
        ...

    def names(self) -> list[str]:
        """The business's template names (for a question)."""
        ...


@dataclass
class StepDraft:
    """A step as a step type drafts it from one part of a request."""

    action_config: dict[str, Any] = field(default_factory=dict)
    condition_config: dict[str, Any] | None = None
    trigger_config: dict[str, Any] | None = None
    #: Its name in Norwegian and English ("Påminnelse", "Reminder").
    name: tuple[str, str] = ("", "")
    #: The word for it in a workflow's name and description ("påminnelse", "reminder").
    label: tuple[str, str] = ("", "")
    #: What it is, for naming a workflow of several steps: "bestilling" (the order form),
    #: "reminder", "order", "report", "email", ...
    kind: str = ""
    #: A default time when the request gives none (None: ask for one).
    default_time: str | None = None
    #: It implies "who have not ordered" when the request does not say otherwise.
    implies_orders_missing: bool = False
    #: It takes no condition on orders (a report to staff: "not ordered" is its content).
    takes_no_condition: bool = False
    #: Defaults the step type chose, told to the user (nb, en).
    notes: list[tuple[str, str]] = field(default_factory=list)
    #: A new template the step needs (see ``TemplateChoice.proposal``).
    new_template: dict[str, Any] | None = None


@dataclass
class Facts:
    """What one part of a request says, read by the assistant."""

    #: The part, lower case, e-mail addresses taken out.
    text: str
    #: What is left of it once when, for whom and on which condition were read: the words
    #: about the action itself ("send påminnelse").
    rest: str
    #: "nb" or "en": the language to answer in.
    language: str
    #: Its place among the steps (0: the first).
    position: int
    #: The workflow's event type when it is event-based, else None.
    event: str | None
    #: Whom it names, as recipients ({"group": slug}, {"group": "all"}); None: not said.
    recipients: dict[str, Any] | None
    #: The condition it states on the customers' orders ({"check", window}); None: none.
    condition: dict[str, Any] | None
    #: E-mail addresses it names.
    emails: Sequence[str]
    #: A group of users (staff) it names ("salg"), for step types that reference one.
    staff_group: str | None
    #: The part only gives a later time for those who have not ordered to the step before
    #: ("..., og torsdag kl 15 til de som ikke har bestilt"): a follow-up of that step.
    follows_up: bool
    #: The business's templates (for step types that send one).
    templates: TemplateFinder
    #: Asks the user instead of guessing: ``raise facts.ask(nb, en)``.
    ask: Callable[[str, str], Exception]

    def say(self, nb: str, en: str) -> str:
        return en if self.language == "en" else nb
