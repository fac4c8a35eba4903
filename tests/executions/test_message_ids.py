"""The installation's key in every Message-ID (executions/message_ids.py): made once (by the
migration, or on first use), the same for every process sharing the database, kept when read
again, and different for a database made anew, so that no Message-ID is ever reused."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.db import IntegrityError, connection, transaction

from executions.message_ids import (
    forget_installation_key,
    installation_key,
    message_id,
    message_id_prefix,
)
from executions.models import Installation

ROOT = Path(__file__).resolve().parents[2]
MIGRATION = importlib.import_module("executions.migrations.0008_installation")


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def _key_in_another_process() -> str:
    """What a second process (another worker, another machine) reads as the key."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    script = (
        "import django; django.setup()\n"
        "from executions.message_ids import installation_key\n"
        "print(installation_key())\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return run.stdout.strip().splitlines()[-1]


@pytest.mark.django_db(transaction=True)
def test_a_missing_key_is_made_on_first_use_and_every_process_reads_the_same(
    requires_postgres,
) -> None:
    Installation.objects.all().delete()

    key = installation_key()

    assert re.fullmatch(r"[0-9a-f]{12}", key)
    assert Installation.objects.get().key == key
    assert _key_in_another_process() == key
    forget_installation_key()
    assert installation_key() == key  # read again, not made again
    assert Installation.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_first_process_to_make_the_key_wins(requires_postgres) -> None:
    Installation.objects.all().delete()

    other = _key_in_another_process()  # made there, committed

    assert installation_key() == other


@pytest.mark.django_db
def test_a_key_made_in_a_transaction_that_is_rolled_back_is_not_kept() -> None:
    Installation.objects.all().delete()

    with pytest.raises(RuntimeError), transaction.atomic():
        lost = installation_key()
        raise RuntimeError("the transaction fails")

    assert not Installation.objects.exists()
    kept = installation_key()
    assert kept != lost
    assert Installation.objects.get().key == kept


@pytest.mark.django_db
def test_the_migration_makes_a_key_once_and_keeps_the_one_it_finds() -> None:
    Installation.objects.all().delete()

    MIGRATION.create_installation(global_apps, None)
    made = Installation.objects.get().key
    MIGRATION.create_installation(global_apps, None)

    assert re.fullmatch(r"[0-9a-f]{12}", made)
    assert Installation.objects.get().key == made


@pytest.mark.django_db
def test_a_database_made_anew_gives_new_message_ids(settings) -> None:
    settings.DEFAULT_FROM_EMAIL = "Grossisten <ordre@grossisten.example>"
    Installation.objects.update_or_create(pk=1, defaults={"key": "0123456789ab"})

    first = message_id(7, 1, 42)
    Installation.objects.all().delete()  # a fresh database: execution 7 comes again
    forget_installation_key()
    again = message_id(7, 1, 42)

    assert first == "<wf-0123456789ab.7.1.42@grossisten.example>"
    assert again != first
    assert again == f"<wf-{Installation.objects.get().key}.7.1.42@grossisten.example>"


@pytest.mark.django_db
def test_the_prefix_picks_out_a_run_and_its_steps() -> None:
    Installation.objects.update_or_create(pk=1, defaults={"key": "fedcba987654"})

    assert message_id_prefix(7) == "<wf-fedcba987654.7."
    assert message_id_prefix(7, 2) == "<wf-fedcba987654.7.2."
    assert message_id(7, 2, 5).startswith(message_id_prefix(7, 2))
    assert not message_id(7, 12, 5).startswith(message_id_prefix(7, 1))
    assert not message_id(17, 1, 5).startswith(message_id_prefix(7))


@pytest.mark.django_db
def test_there_is_only_ever_one_installation_row() -> None:
    installation_key()

    with pytest.raises(IntegrityError), transaction.atomic():
        Installation.objects.create(pk=2, key="aaaaaaaaaaaa")
