"""The step-type registry: the whole contract of a step type.

Each step type is one module under ``executions/steps/`` (one class, registered with
``@register``); the executions app imports that package at start-up
(``ExecutionsConfig.ready``), so the registry is complete before any request is served. Every
other part of the product reads a step type from here and never names one:

- the validator parses the step's config with ``Config`` and checks the rows it names
  (``references``), the frequency rule (``sends_email``) and the role rule
  (``required_role``, ``policy_errors``) with the acting user;
- the JSON schema, the OpenAPI document and the LLM's output schema embed ``Config``'s schema;
- the preview and the pages read ``describe`` (nb and en) and ``label``;
- the DSL builder and exporter read ``dsl``; the assistant reads ``nouns``, ``phrases`` and
  ``prompt``;
- the engine reads ``runs_locally``, ``waits_for_trigger`` and calls ``run``; the dashboard
  and the test-run report read ``emails_customers``.

A step type is added by writing its module and nothing else (see docs/architecture.md,
"How to add a step type"). ``step_type`` has no ``choices=`` in the database: the registry is
what validates it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from automation.drafting import Facts, StepDraft
    from automation.wording import Lookups, Words

__all__ = [
    "ConfigField",
    "DslParam",
    "DslSpec",
    "Phrases",
    "Reference",
    "StepType",
    "get_step_type",
    "register",
    "step_types",
]

ConfigField = Literal["action_config", "condition_config", "trigger_config"]
#: What a config value may name: a row of another table, or an address.
ReferenceKind = Literal[
    "template",  # an email template's id
    "template_name",  # an email template's name
    "customer",  # a customer's id
    "group",  # a customer group's slug ("all": every customer)
    "integration",  # an integration's id
    "staff_group",  # a Django group of staff users (by name)
    "email",  # an email address
    "relative_path",  # a URL path that must stay under an integration's base URL
]


@dataclass(frozen=True)
class Reference:
    """A value in the step's config that names something outside it (or must have a form a
    schema cannot say), checked by the validator on the raw document.

    ``path`` is the key path inside the step's ``config_field``; ``"*"`` stands for every item
    of a list (``("send_to", "*")``). Recipients (``{"group"|"customer_ids"|"from_step"|
    "event_customer"}``) are checked for every step that ``acts_on_customers``.
    """

    path: tuple[str, ...]
    kind: ReferenceKind


@dataclass(frozen=True)
class DslParam:
    """One parameter of a step's DSL method (``flow.<key>(template=..., to=...)``).

    ``key`` is the config key it fills (None: the whole config, for a positional ``check`` or
    ``until``); ``kind`` says how its value is read and written back:

    - ``value``: a literal (number, text, bool, list or dict), as written;
    - ``recipients``: a recipients builder (``group("kafeer")``, ``everyone()``, ...);
    - ``condition``: a condition builder (``orders_missing(since="execution_start")``);
    - ``trigger``: a time builder (``on("friday", "10:00")``, ``after(hours=2)``);
    - ``lines``: a list of ``line(sku, quantity)``;
    - ``text_list``: a text or a list of texts (a single text becomes a list of one);
    - ``id_or_name``: a number fills ``key``, a text fills ``name_key`` (a template by id or
      by name).
    """

    name: str
    key: str | None
    kind: Literal[
        "value", "recipients", "condition", "trigger", "lines", "text_list", "id_or_name"
    ] = "value"
    required: bool = False
    positional: bool = False
    name_key: str | None = None  # for id_or_name


@dataclass(frozen=True)
class DslSpec:
    """The step's DSL method: its parameters in the order they are written."""

    params: tuple[DslParam, ...]

    def keys(self) -> set[str]:
        keys: set[str] = set()
        for param in self.params:
            if param.key is not None:
                keys.add(param.key)
            if param.name_key is not None:
                keys.add(param.name_key)
        return keys


@dataclass(frozen=True)
class Phrases:
    """How the offline assistant recognises a request for this step type in nb and en.

    ``action`` matches the words that ask for the step ("lag ordre", "si fra til salg");
    ``priority`` decides when several step types match one part of a request (higher
    first: "send rapporten" is a report, not an email).
    """

    action: re.Pattern[str]
    priority: int = 0


class StepType:
    """Base class of every step type; see the module docstring for who reads what."""

    #: Stable key stored in ``WorkflowStep.step_type``.
    key: ClassVar[str]
    #: Human name (lazy translation) for pages and previews.
    label: ClassVar[Any]
    #: One line for the docs, the API schema and the LLM prompt (English).
    doc: ClassVar[str] = ""
    #: Which of the step's JSON fields ``Config`` validates.
    config_field: ClassVar[ConfigField] = "action_config"
    #: Pydantic model of that field; its JSON schema feeds the API and the LLM.
    Config: ClassVar[type[BaseModel]]
    #: Error codes its ``Config`` raises (``PydanticCustomError``), with what they mean; the
    #: validator lists them with its own (``automation.validation.error_codes``).
    error_codes: ClassVar[Mapping[str, str]] = {}
    #: Rows and addresses named by the config, checked when a workflow is saved.
    references: ClassVar[tuple[Reference, ...]] = ()
    #: The step produces a customer set that a later step may use with ``{"from_step": n}``.
    yields_customers: ClassVar[bool] = False
    #: The step acts on customers chosen by ``action_config.recipients``.
    acts_on_customers: ClassVar[bool] = False
    #: All its work is in this database: it may share the engine's transaction with the
    #: steps around it. A step with an outside effect (an email, an HTTP call) commits first.
    runs_locally: ClassVar[bool] = False
    #: Its config is a time trigger: the engine waits for it (durably) before running it.
    waits_for_trigger: ClassVar[bool] = False
    #: It sends email to anyone (customers or staff): such a workflow may run at most hourly.
    sends_email: ClassVar[bool] = False
    #: Its per-customer action-log rows are emails to those customers (the dashboard's count,
    #: the test-run report's "who would get which email").
    emails_customers: ClassVar[bool] = False
    #: Its per-customer action-log rows are orders created for those customers (a customer's
    #: history shows them as orders).
    creates_orders: ClassVar[bool] = False
    #: The least role that may put this step in a workflow (``accounts.roles``), beyond what
    #: editing workflows needs anyway; None: whoever may edit workflows.
    required_role: ClassVar[str | None] = None
    #: Template variables its free-form settings may use (``{{ name }}``, e.g. in a request
    #: body), with what each holds (lazy text); the editor page offers them.
    variables: ClassVar[Mapping[str, Any]] = {}
    #: Celery queue for the step's fanned-out work.
    queue: ClassVar[str] = "default"
    #: The DSL method (named after ``key``).
    dsl: ClassVar[DslSpec]
    #: How users point at such a step in a follow-up ("the reminder", "the report"), as a
    #: pattern of nb and en words; None: only by number ("step 2").
    nouns: ClassVar[re.Pattern[str] | None] = None
    #: Words for kinds of this step type's steps ("reminder", "form" for emails), matched
    #: before ``nouns`` because they are more specific; ``kinds`` says which a step is.
    kind_words: ClassVar[Mapping[str, re.Pattern[str]]] = {}
    #: How the offline assistant recognises a request for it; None: never drafted offline.
    phrases: ClassVar[Phrases | None] = None
    #: What the LLM's system prompt says about it (Norwegian, one or two lines).
    prompt: ClassVar[str] = ""

    def describe(self, step: Mapping[str, Any], w: Words, lookups: Lookups) -> str:
        """The step's action in words for the preview ("Send Påminnelse til alle kunder ...");
        the time and the count are added by the preview."""
        return str(self.label)

    def reachable(self, customers: Any, step: Mapping[str, Any], lookups: Lookups) -> Any:
        """Of the step's customers (a queryset), those it would really act on now; the
        preview counts them."""
        return customers

    def kinds(self, step: Mapping[str, Any], categories: Mapping[int, str]) -> set[str]:
        """Which of ``kind_words`` this particular step is (an email with a reminder template
        is a "reminder"); ``categories`` are the email templates' categories by id."""
        return set()

    def policy_errors(
        self, step: Mapping[str, Any], *, user: Any, path: str
    ) -> list[dict[str, str]]:
        """Problems with this step for this user beyond its role (``required_role`` is
        checked by the caller). ``path`` is the step's JSON Pointer."""
        return []

    def draft(self, facts: Facts) -> StepDraft:
        """The offline assistant's draft of this step from what one part of a request says
        (``automation.drafting``); raise ``facts.ask(nb, en)`` to ask instead of guessing."""
        raise NotImplementedError(f"{self.key} is not drafted by the offline assistant")

    def run(self, ctx: Any, config: BaseModel) -> Any:  # pragma: no cover - per type
        raise NotImplementedError

    def work(self, execution_id: int, step_order: int, part: list[int] | None) -> None:
        """One part of the work ``run`` fanned out (``StepResult.fanned_out``), in a worker:
        an email batch (``part`` = its customers), a report. Raise ``RetryLater`` to be run
        again later; return when this part has done all it can."""
        raise NotImplementedError(f"{self.key} fans out no work")

    def redispatch(self, execution_id: int, step_order: int, pending: list[int]) -> int:
        """Enqueue the fanned-out work again for the targets whose rows are still pending
        (their messages were lost); answers how many jobs were enqueued."""
        return 0

    # --- Emails whose outcome is unknown (``emails_customers`` step types) --------------------

    def email_subject(self, execution_id: int, step_order: int, customer_id: int) -> str:
        """The subject of the email this step sends the customer, rendered again as it was
        sent; shown to whoever decides about an email whose outcome is unknown ("" when it
        cannot be rendered any more)."""
        return ""

    def resend(self, action_log_id: int, *, message_id: str, resent_of: str) -> None:
        """Send one customer's email again, the row already claimed for it (``unknown``,
        with ``message_id`` in its result): rendered as the first time, with the new
        ``message_id``, referencing ``resent_of``; record the outcome on the row."""
        raise NotImplementedError(f"{self.key} sends no email")

    # --- Derived, for the readers -------------------------------------------------------------

    @classmethod
    def reference_values(
        cls, config: Mapping[str, Any]
    ) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
        """``(path inside the config, kind, value)`` for every reference present in ``config``."""
        for reference in cls.references:
            yield from _walk(config, reference.path, (), reference.kind)


def _walk(
    value: Any, path: tuple[str, ...], done: tuple[Any, ...], kind: str
) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    if not path:
        yield done, kind, value
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _walk(item, rest, (*done, index), kind)
        return
    if isinstance(value, Mapping) and head in value:
        yield from _walk(value[head], rest, (*done, head), kind)


_REGISTRY: dict[str, type[StepType]] = {}


def register(cls: type[StepType]) -> type[StepType]:
    if cls.key in _REGISTRY and _REGISTRY[cls.key] is not cls:
        raise ValueError(f"step type {cls.key!r} registered twice")
    _REGISTRY[cls.key] = cls
    return cls


def get_step_type(key: str) -> type[StepType]:
    """The class registered under ``key``; KeyError when there is none."""
    return _REGISTRY[key]


def step_types() -> dict[str, type[StepType]]:
    """Every registered step type by key, in the order they were registered."""
    return dict(_REGISTRY)


def step_type_keys(predicate: Callable[[type[StepType]], bool]) -> frozenset[str]:
    """The keys of the step types for which ``predicate`` holds."""
    return frozenset(key for key, cls in _REGISTRY.items() if predicate(cls))


def referencing(kind: str, configs: Iterable[tuple[str, Mapping[str, Any]]]) -> Iterator[Any]:
    """The values of ``kind`` named by the given ``(step_type, config)`` pairs."""
    for key, config in configs:
        cls = _REGISTRY.get(key)
        if cls is not None:
            for _path, found, value in cls.reference_values(config):
                if found == kind:
                    yield value
