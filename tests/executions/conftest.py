from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

import pytest

from executions.tasks import run_execution_task


@pytest.fixture
def enqueued() -> Iterator[list[int]]:
    """Execution ids sent to ``run_execution_task``, in order (no worker, no broker).

    Patched at the one seam where work leaves the process; list.append is atomic, so racing
    threads may share it.
    """
    sent: list[int] = []
    with mock.patch.object(run_execution_task, "delay", side_effect=sent.append):
        yield sent
