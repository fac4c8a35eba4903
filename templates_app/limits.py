"""Bounds on what an email template may ask of its filters and how much it may render.

A template is a few hundred bytes written by a business user; without bounds it can ask for
``{{ x|floatformat:999999 }}`` (a million digits, twenty times over: a 20 MB email) or
``{{ x|floatformat:4000000 }}`` (an exception from ``decimal``). Two bounds close that:

1. Every filter argument is checked: literal arguments when the template is saved (a clear
   error with its line), and every argument again when the filter runs, because an argument
   may be a declared variable whose value only arrives with the send.
2. Every filter's input and output, and each rendered part of the email, is held to
   ``settings.TEMPLATE_MAX_RENDERED_BYTES``; rendering stops as soon as a part passes it.

Only what can hurt is refused while rendering: an argument that is not a number at all is
passed on to Django's filter, which ignores it (its documented behaviour); at save time such a
literal is refused too, since it can only be a mistake.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any, Final

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

#: ``floatformat`` shows at most this many decimals (money needs 2).
FLOATFORMAT_MAX_DIGITS: Final = 20
#: ``truncatechars`` / ``truncatewords`` cut after at most this many characters or words.
TRUNCATE_MAX: Final = 10_000
#: ``default``'s fallback text and ``urlencode``'s list of safe characters.
TEXT_ARGUMENT_MAX_LENGTH: Final = {"default": 1_000, "urlencode": 50}
# Longer than any number in range, short enough that int() never sees a huge digit string.
_NUMBER_MAX_LENGTH: Final = 12


class TemplateLimitError(Exception):
    """A filter argument out of range or a render over the size limit, found while rendering.

    It carries what went wrong, not a message: rendering runs in the customer's language, and
    the message is for whoever previews or sends, in theirs (``message``, called later).
    """

    def __init__(self, code: str, *, filter_name: str = "", arg: object = None) -> None:
        super().__init__(code)
        self.code = code
        self.filter_name = filter_name
        self.arg = arg
        #: Where it happened, when known (set by the renderer on the way out).
        self.field: str = ""
        self.line: int | None = None

    def message(self, part: str) -> str:
        """What to tell the user; ``part`` names the rendered part ("The HTML body")."""
        if self.code == "rendered_too_large":
            return too_large_message(part)
        return argument_problem(self.filter_name, self.arg, strict=False) or self.code


def max_rendered_bytes() -> int:
    return int(settings.TEMPLATE_MAX_RENDERED_BYTES)


def size_label(size: int) -> str:
    """``1000000`` as "1,000,000 bytes" ("1 000 000 byte" in Norwegian): exact, like the setting."""
    return _("%(size)s bytes") % {"size": formats.number_format(size, force_grouping=True)}


def too_large_message(part: str) -> str:
    return _("%(part)s would be larger than the limit of %(limit)s.") % {
        "part": part,
        "limit": size_label(max_rendered_bytes()),
    }


def _whole_number(value: object) -> int | None:
    """``value`` as Django's filters read a number (``int(value)``), or None if it is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        if not text or len(text) > _NUMBER_MAX_LENGTH:
            return None
        try:
            return int(text)
        except ValueError:
            return None
    return None


def _looks_numeric(value: object) -> bool:
    """Whether Django's filter would take ``value`` as a number (and so could be hurt by it)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if isinstance(value, str):
        text = value.strip()
        return text.lstrip("+-")[:1].isdigit()
    return False


def _floatformat_digits(arg: object) -> object:
    """The precision part of a floatformat argument: "-2gu" -> "-2", "g" -> -1 (Django's)."""
    if isinstance(arg, str):
        for suffix in ("gu", "ug", "g", "u"):
            if arg.endswith(suffix):
                return arg[: -len(suffix)] or -1
    return arg


def _floatformat_problem(arg: object, *, strict: bool) -> str | None:
    digits = _floatformat_digits(arg)
    number = _whole_number(digits)
    # "" is not a number but crashes Django's floatformat (it reads arg[-1]); so does an
    # infinite float.
    harmful = digits == "" or (isinstance(digits, float) and not math.isfinite(digits))
    if number is None and not harmful and not (strict or _looks_numeric(digits)):
        return None
    if number is not None and abs(number) <= FLOATFORMAT_MAX_DIGITS:
        return None
    return _(
        "floatformat takes a whole number of decimals from -%(max)d to %(max)d (optionally "
        "followed by g or u), not “%(arg)s”."
    ) % {"max": FLOATFORMAT_MAX_DIGITS, "arg": _shown(arg)}


def _truncate_problem(name: str) -> Callable[..., str | None]:
    def problem(arg: object, *, strict: bool) -> str | None:
        number = _whole_number(arg)
        if number is None and not (strict or _looks_numeric(arg)):
            return None  # Django's filter ignores it and shows the value whole
        if number is not None and 1 <= number <= TRUNCATE_MAX:
            return None
        return _("%(filter)s takes a whole number from 1 to %(max)s, not “%(arg)s”.") % {
            "filter": name,
            "max": TRUNCATE_MAX,
            "arg": _shown(arg),
        }

    return problem


def _text_problem(name: str) -> Callable[..., str | None]:
    limit = TEXT_ARGUMENT_MAX_LENGTH[name]

    def problem(arg: object, *, strict: bool) -> str | None:
        # A literal is held to the limit at save; a variable's value (an event's, say) only
        # to the size of a rendered email, so that a long value never fails a send by itself.
        most = limit if strict else max_rendered_bytes()
        if len(str(arg)) <= most:
            return None
        return _("The argument of %(filter)s is longer than %(max)d characters.") % {
            "filter": name,
            "max": most,
        }

    return problem


#: Filter name -> what is wrong with an argument (None: nothing). ``strict`` is the save-time
#: check of a literal; while rendering only what can do harm is refused.
ARGUMENT_PROBLEMS: Final[dict[str, Callable[..., str | None]]] = {
    "floatformat": _floatformat_problem,
    "truncatechars": _truncate_problem("truncatechars"),
    "truncatewords": _truncate_problem("truncatewords"),
    "default": _text_problem("default"),
    "urlencode": _text_problem("urlencode"),
}


def argument_problem(filter_name: str, arg: object, *, strict: bool = True) -> str | None:
    """The message for a bad argument of ``filter_name``, or None when it is fine."""
    check = ARGUMENT_PROBLEMS.get(filter_name)
    return check(arg, strict=strict) if check is not None else None


def _shown(arg: object) -> str:
    text = str(arg)
    return text if len(text) <= 40 else text[:40] + "…"


def bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with its argument checked and its input and output held to the size limit.

    ``functools.wraps`` keeps Django's flags (``is_safe``, ``needs_autoescape``) and
    ``__wrapped__``, through which the template parser still checks the argument count
    against the original signature.
    """

    @functools.wraps(func)
    def filter_(value: Any, *args: Any, **kwargs: Any) -> Any:
        if args and argument_problem(name, args[0], strict=False):
            raise TemplateLimitError("filter_argument_invalid", filter_name=name, arg=args[0])
        _check_length(value)
        result = func(value, *args, **kwargs)
        # A chain of filters (urlencode of urlencode of ...) grows a value with every link:
        # stop at the first link past the limit, before the next multiplies it again.
        _check_length(result)
        return result

    return filter_


def _check_length(value: Any) -> None:
    # Characters, not bytes: cheap, and a value with more characters than the limit has
    # more bytes too. The exact byte count is checked on each rendered part.
    if isinstance(value, str) and len(value) > max_rendered_bytes():
        raise TemplateLimitError("rendered_too_large")
