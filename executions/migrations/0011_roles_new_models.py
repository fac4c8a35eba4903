"""The roles' permissions for the executions models that came after them (Installation,
WorkLease): the roles migration again, which only adds what is missing."""

from __future__ import annotations

import importlib

from django.db import migrations

_roles = importlib.import_module("automation.migrations.0002_roles")


class Migration(migrations.Migration):
    dependencies = [
        ("executions", "0010_work_lease"),
        ("automation", "0004_roles_calendar"),
    ]

    operations = [migrations.RunPython(_roles.create_roles, migrations.RunPython.noop)]
