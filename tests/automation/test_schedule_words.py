"""A cron schedule of the shapes the assistant makes ("hver mandag i oktober kl 8") is shown to
a business user in words, not as the expression; any other expression is shown as it is."""

from __future__ import annotations

import pytest

from automation.wording import Words, schedule_text


def _text(expression: str, language: str) -> str:
    schedule = {"schedule_type": "cron", "schedule_config": {"expression": expression}}
    return schedule_text(schedule, Words(language))


@pytest.mark.parametrize(
    ("expression", "nb", "en"),
    [
        ("0 8 * 10 1", "Hver mandag i oktober kl. 08:00", "Every Monday in October at 08:00"),
        ("0 10 * 6 5", "Hver fredag i juni kl. 10:00", "Every Friday in June at 10:00"),
        (
            "30 7 * 6-8 1,3,5",
            "Hver mandag, onsdag og fredag i juni, juli og august kl. 07:30",
            "Every Monday, Wednesday and Friday in June, July and August at 07:30",
        ),
        # Sunday is 0 or 7.
        ("0 8 * * 0", "Hver søndag kl. 08:00", "Every Sunday at 08:00"),
        ("0 8 * * 7", "Hver søndag kl. 08:00", "Every Sunday at 08:00"),
        ("0 9 * 12 *", "Hver dag i desember kl. 09:00", "Every day in December at 09:00"),
    ],
)
def test_a_simple_cron_schedule_reads_as_words(expression: str, nb: str, en: str) -> None:
    assert _text(expression, "nb") == nb
    assert _text(expression, "en") == en


@pytest.mark.parametrize("expression", ["*/5 * * * *", "0 8 1 * *", "0 8 * 13 1", "0 25 * * 1"])
def test_any_other_expression_is_shown_as_it_is(expression: str) -> None:
    assert _text(expression, "nb") == f"Etter cron-uttrykket «{expression}»"
    assert _text(expression, "en") == f"On the cron schedule “{expression}”"
