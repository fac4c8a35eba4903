"""The API's roles as Django groups: viewer, business, developer, staff.

``accounts.roles.role_of`` decides access by group name; the model permissions granted here
make the same roles meaningful in the Django admin. Idempotent: running it again only adds
what is missing. The reverse migration removes the four groups.
"""

from __future__ import annotations

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

ROLE_NAMES = ("viewer", "business", "developer", "staff")
APPS = ("automation", "executions", "templates_app", "customers", "ai_assistant")

# What business users may change: workflows (not integrations), templates, customers and
# orders, and executions (pause/cancel/retry are changes of an execution).
BUSINESS_CHANGES = {
    "automation": {"workflowdefinition", "workflowstep", "workflowschedule", "workflowversion"},
    "executions": {"workflowexecution"},
    "templates_app": {"emailtemplate"},
    "customers": {"customer", "customergroup", "order", "orderline"},
    "ai_assistant": {"chatsession", "chatmessage"},
}


def _ensure_permissions(apps: Apps) -> None:
    # Permissions are normally created after all migrations (post_migrate); on a fresh
    # database they do not exist yet when this runs, so create them now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # create_permissions skips app configs without a models module, which historical
        # app configs never have; restore the value afterwards.
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = original


def create_roles(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    _ensure_permissions(apps)

    ours = Permission.objects.filter(content_type__app_label__in=APPS).select_related(
        "content_type"
    )
    granted: dict[str, set[int]] = {name: set() for name in ROLE_NAMES}
    for perm in ours:
        app, model = perm.content_type.app_label, perm.content_type.model
        action = perm.codename.split("_", 1)[0]
        if action == "view":
            granted["viewer"].add(perm.pk)
        if action == "view" or (
            action in ("add", "change", "delete") and model in BUSINESS_CHANGES.get(app, ())
        ):
            granted["business"].add(perm.pk)
        # Developers manage everything in the product's apps, integrations included.
        granted["developer"].add(perm.pk)
        granted["staff"].add(perm.pk)

    for name in ROLE_NAMES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*granted[name])


def remove_roles(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("automation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Their models' permissions are granted here, so their tables' state must exist.
        ("executions", "0001_initial"),
        ("templates_app", "0001_initial"),
        ("customers", "0001_initial"),
        ("ai_assistant", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
