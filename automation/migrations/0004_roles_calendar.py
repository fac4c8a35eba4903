"""The roles' permissions for the models that came after them (ClosedDay): the roles
migration again, which only adds what is missing."""

from __future__ import annotations

import importlib

from django.db import migrations

_roles = importlib.import_module("automation.migrations.0002_roles")


class Migration(migrations.Migration):
    dependencies = [("automation", "0003_calendar")]

    operations = [migrations.RunPython(_roles.create_roles, migrations.RunPython.noop)]
