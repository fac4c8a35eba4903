"""``manage.py demo``: load the Nordgrossisten demo. Safe to run any number of times."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from automation.demo import demo_load


class Command(BaseCommand):
    help = (
        "Create the demo wholesaler: customers, groups, orders, email templates, the "
        "'Ukentlig bestilling' workflow and an admin user. Running it again changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = demo_load()
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo data for {result.company}"))
        width = max(len(label) for label in result.tallies)
        for label, tally in result.tallies.items():
            created, existing = tally.created, tally.existing
            self.stdout.write(
                f"  {label:<{width}}  {created:>3} created, {existing:>3} already present"
            )
        name = result.admin_username
        if result.admin_password is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Superuser '{name}' created with password: {result.admin_password}"
                )
            )
            # Only the hash is stored: this is the one chance to see the password.
            self.stdout.write("  It is shown only this once; keep it somewhere safe.")
        else:
            self.stdout.write(
                f"Superuser '{name}' already exists; to set a new password run "
                f"'manage.py changepassword {name}'."
            )
