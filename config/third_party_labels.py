"""The admin's labels of the third-party apps, for makemessages: these apps ship no Norwegian,
so their names are translated in locale/nb (LOCALE_PATHS comes before the apps' own catalogues).

Nothing imports this module; the strings must match the apps' own msgids exactly.
"""

from django.utils.translation import gettext_noop

LABELS = (
    # django_celery_beat
    gettext_noop("Periodic Tasks"),
    gettext_noop("periodic task"),
    gettext_noop("periodic tasks"),
    gettext_noop("crontab"),
    gettext_noop("crontabs"),
    gettext_noop("interval"),
    gettext_noop("intervals"),
    gettext_noop("clocked"),
    gettext_noop("solar event"),
    gettext_noop("solar events"),
    # django_celery_results
    gettext_noop("Celery Results"),
    gettext_noop("task result"),
    gettext_noop("task results"),
    gettext_noop("group result"),
    gettext_noop("group results"),
)
