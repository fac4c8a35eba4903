"""``makemessages`` that also extracts the catalogue of stored reasons (``core.reasons``).

Its texts with a plural or a context are marked with ``ngettext_noop``/``pgettext_noop``,
which Django has no equivalent of: the catalogue needs the English texts themselves (they
are what is stored beside each code), not the lazy translations ``ngettext_lazy`` would give.
"""

from __future__ import annotations

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=ngettext_noop:1,2",
        "--keyword=pgettext_noop:1c,2",
    ]
