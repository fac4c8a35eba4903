"""The business calendar page (/kalender/): the year's public holidays and the company's
closed days, which business users add and remove here (HTMX; also works without it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.decorators import require_role
from accounts.roles import BUSINESS, VIEWER, capabilities_of
from automation.business_calendar import BusinessCalendar
from automation.closed_days import ClosedDayError, closed_day_create, closed_day_delete
from automation.models import ClosedDay
from core.pages import HtmxHttpRequest, render_page

PAGE = "automation/calendar.html"


class ClosedDayForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=100)
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To (inclusive)"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%d"]  # what <input type=date> sends


def _year_of(request: HtmxHttpRequest) -> int:
    try:
        year = int(request.GET.get("ar") or request.POST.get("ar") or 0)
    except ValueError:
        year = 0
    return year if 1970 <= year <= 2200 else timezone.localdate().year


def _context(request: HtmxHttpRequest, year: int, form: ClosedDayForm) -> dict[str, Any]:
    business = BusinessCalendar.load()
    language = "en" if (get_language() or "nb").startswith("en") else "nb"
    closed_ids = {
        (c.start, c.end, c.name): c.pk
        for c in ClosedDay.objects.filter(
            start__lte=dt.date(year, 12, 31), end__gte=dt.date(year, 1, 1)
        )
    }
    days = [
        {
            "start": start,
            "end": end,
            "kind": closure.kind,
            "name": closure.name(language),
            "weekend": start == end and start.weekday() >= 5,
            "pk": closed_ids.get((start, end, closure.name_nb)),
        }
        for start, end, closure in business.year(year)
    ]
    return {
        "year": year,
        "days": days,
        "form": form,
        "country": business.country,
        "can": capabilities_of(request.user),
    }


@require_role(VIEWER, write=BUSINESS)
@require_http_methods(["GET", "POST"])
def calendar_view(request: HtmxHttpRequest) -> HttpResponse:
    year = _year_of(request)
    form = ClosedDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            closed = closed_day_create(**form.cleaned_data, by=request.user)
        except ClosedDayError as exc:
            for error in exc.errors:
                field = error["path"].strip("/") or None
                form.add_error(field if field in form.fields else None, error["message"])
        else:
            messages.success(request, _("Closed: %(name)s.") % {"name": closed.name})
            if not request.htmx:
                return redirect(f"{request.path}?ar={closed.start.year}")
            year, form = closed.start.year, ClosedDayForm()
    return render_page(request, PAGE, "calendar", _context(request, year, form))


@require_role(BUSINESS)
@require_POST
def closed_day_delete_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    closed = get_object_or_404(ClosedDay, pk=pk)
    year = closed.start.year
    closed_day_delete(closed=closed)
    messages.success(request, _("Removed: %(name)s.") % {"name": closed.name})
    if not request.htmx:
        return redirect(f"/kalender/?ar={year}")
    return render_page(request, PAGE, "calendar", _context(request, year, ClosedDayForm()))
