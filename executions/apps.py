from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExecutionsConfig(AppConfig):
    name = "executions"
    verbose_name = _("Executions")

    def ready(self) -> None:
        # ``steps`` registers every step type (one module each) with automation.registry;
        # ``tasks`` registers the Celery tasks in every process, not only in workers: the web
        # process enqueues them by name (executions.queueing), and Celery's autodiscovery
        # only runs where a worker imports the task modules.
        from executions import steps, tasks  # noqa: F401
        from executions.events import subscribe_event_workflows

        # customers publishes its events; executions listens, so customers never imports
        # executions (dependencies point one way).
        subscribe_event_workflows()

        from anymail.signals import tracking

        from executions.tracking import handle_tracking_event

        # dispatch_uid: ready() may run more than once; one event must be handled once.
        tracking.connect(handle_tracking_event, dispatch_uid="executions.tracking")
