"""Business users' pages of this app (HTMX, server-rendered), mounted at /arbeidsflyter/."""

from django.urls import URLPattern, path

from automation import editor_views, version_views, views

app_name = "automation"
urlpatterns: list[URLPattern] = [
    path("", views.workflow_list_view, name="workflow-list"),
    path("<int:pk>/", views.workflow_detail_view, name="workflow-detail"),
    path("<int:pk>/rediger/", editor_views.workflow_editor_view, name="workflow-edit"),
    path("<int:pk>/aktiver/", views.workflow_deploy_view, name="workflow-deploy"),
    path("<int:pk>/pause/", views.workflow_pause_view, name="workflow-pause"),
    path("<int:pk>/arkiver/", views.workflow_archive_view, name="workflow-archive"),
    path("importer/", version_views.workflow_import_view, name="workflow-import"),
    path("<int:pk>/versjoner/", version_views.workflow_versions_view, name="workflow-versions"),
    path(
        "<int:pk>/versjoner/<int:n>/gjenopprett/",
        version_views.workflow_restore_view,
        name="workflow-restore",
    ),
    path("<int:pk>/dupliser/", version_views.workflow_duplicate_view, name="workflow-duplicate"),
    path("<int:pk>/eksport/", version_views.workflow_export_view, name="workflow-export"),
]
