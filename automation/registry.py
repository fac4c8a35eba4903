"""The step-type registry.

Each step type is one class in one file under ``executions/steps/``, registered with
``@register``. The executions app imports that package at start-up (``ExecutionsConfig.ready``),
so the registry is complete before any request is served. The validator, the JSON schema, the
API, the UI's step picker and the AI assistant read the registry; none of them import
``executions``, which keeps dependencies pointing one way (executions -> automation).
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel

ConfigField = Literal["action_config", "condition_config", "trigger_config"]


class StepType:
    #: Stable key stored in ``WorkflowStep.step_type``.
    key: ClassVar[str]
    #: Human name (lazy translation) for pages and previews.
    label: ClassVar[Any]
    #: Which of the step's JSON fields ``Config`` validates.
    config_field: ClassVar[ConfigField] = "action_config"
    #: Pydantic model of that field; its JSON schema feeds the API and the LLM.
    Config: ClassVar[type[BaseModel]]
    #: The step produces a customer set that a later step may use with ``{"from_step": n}``.
    yields_customers: ClassVar[bool] = False
    #: The step acts on customers chosen by ``action_config.recipients``.
    acts_on_customers: ClassVar[bool] = False
    #: Celery queue for the step's heavy work.
    queue: ClassVar[str] = "default"

    def run(self, ctx: Any, config: BaseModel) -> Any:  # pragma: no cover - per type
        raise NotImplementedError


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
    return dict(_REGISTRY)
