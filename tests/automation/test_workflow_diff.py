"""The difference between two versions of a workflow, in words (automation.diff).

Every document goes through the validator first, as the chat's edits and the saved versions
do; template and group names come from real rows.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from automation.diff import Change, workflow_diff
from automation.models import WorkflowVersion
from automation.services import workflow_create, workflow_definition, workflow_update
from automation.validation import validate_workflow
from templates_app.models import EmailTemplate
from tests.automation.workflow_docs import Refs, make_refs, running_example

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]
ARROW = "\N{RIGHTWARDS ARROW}"
DASH = "\N{EN DASH}"


@pytest.fixture
def refs(db: None) -> Refs:
    return make_refs()


@pytest.fixture
def doc(refs: Refs) -> Doc:
    return running_example(refs)


def normalised(doc: Doc) -> Doc:
    return validate_workflow(copy.deepcopy(doc)).raise_if_invalid()


def diff(old: Doc, new: Doc, language: str = "nb") -> list[Change]:
    return workflow_diff(normalised(old), normalised(new), language=language)


def texts(old: Doc, new: Doc, language: str = "nb") -> list[str]:
    return [change.text for change in diff(old, new, language)]


def edited(doc: Doc, **changes: Any) -> Doc:
    out = copy.deepcopy(doc)
    out.update(changes)
    return out


def reminder_step(refs: Refs, **changes: Any) -> Doc:
    step = {
        "step_order": 3,
        "name": "Siste påminnelse",
        "step_type": "send_email",
        "trigger_type": "time_based",
        "trigger_config": {"day": "friday", "time": "10:00"},
        "action_config": {"template_id": refs.reminder.pk, "recipients": {"group": "all"}},
        "condition_config": {"check": "orders_missing", "since": "execution_start"},
    }
    step.update(changes)
    return step


# --- Nothing ---------------------------------------------------------------------------------


def test_nothing_changed_is_no_line(doc: Doc):
    assert diff(doc, copy.deepcopy(doc)) == []
    assert diff(doc, copy.deepcopy(doc), "en") == []


def test_a_saved_workflow_against_its_own_submission_is_no_line(doc: Doc):
    workflow = workflow_create(created_by=None, data=copy.deepcopy(doc))
    assert workflow_diff(workflow_definition(workflow), normalised(doc), language="nb") == []


# --- The workflow's own fields ------------------------------------------------------------------


def test_rename(doc: Doc):
    new = edited(doc, name="Bestilling til kafeer")
    assert texts(doc, new) == [f"Navn: «Ukentlig bestilling» {ARROW} «Bestilling til kafeer»"]
    assert texts(doc, new, "en") == [f"Name: “Ukentlig bestilling” {ARROW} “Bestilling til kafeer”"]
    assert [c.kind for c in diff(doc, new)] == ["renamed"]


def test_description_added_changed_and_removed(doc: Doc):
    bare = edited(doc, description="")
    assert texts(bare, doc) == [
        "Beskrivelse lagt til: «Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00»"
    ]
    assert texts(doc, edited(doc, description="Kun kafeer"), "en") == [
        f"Description: “Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00” {ARROW} "
        "“Kun kafeer”"
    ]
    assert texts(doc, bare) == [
        "Beskrivelse fjernet (var «Bestillingsskjema mandag 09:00, påminnelse torsdag 15:00»)"
    ]


def test_a_long_description_is_cut_to_one_line(doc: Doc):
    [line] = texts(doc, edited(doc, description="Lang tekst " * 30))
    assert line.endswith(f"{ARROW} «{('Lang tekst ' * 8)[:79].rstrip()}…»")


def test_schedule_time_and_day(doc: Doc):
    new = copy.deepcopy(doc)
    new["schedule"]["schedule_config"] = {"day": "tuesday", "time": "10:30"}
    assert texts(doc, new) == [f"Tidsplan: hver mandag kl. 09:00 {ARROW} hver tirsdag kl. 10:30"]
    assert texts(doc, new, "en") == [
        f"Schedule: every Monday at 09:00 {ARROW} every Tuesday at 10:30"
    ]
    assert [(c.kind, c.step) for c in diff(doc, new)] == [("schedule", None)]


def test_schedule_calendar_kinds(doc: Doc):
    weekly = copy.deepcopy(doc)
    weekly["schedule"]["schedule_config"] = {"days": ["thursday"], "time": "15:00"}
    fortnightly = copy.deepcopy(doc)
    fortnightly["schedule"]["schedule_config"] = {
        "days": ["wednesday"],
        "time": "12:00",
        "every_weeks": 2,
        "anchor": "2026-12-09",
    }
    assert texts(weekly, fortnightly) == [
        f"Tidsplan: hver torsdag kl. 15:00 {ARROW} annenhver onsdag kl. 12:00 "
        "(regnet fra uka med 9. desember 2026)"
    ]
    first_monday = copy.deepcopy(doc)
    first_monday["schedule"] = {
        "schedule_type": "monthly",
        "schedule_config": {"weekday": "monday", "nth": 1, "time": "08:00"},
        "timezone": "Europe/Oslo",
    }
    last_business_day = copy.deepcopy(first_monday)
    last_business_day["schedule"]["schedule_config"] = {"business_day": -1, "time": "08:00"}
    assert texts(first_monday, last_business_day) == [
        f"Tidsplan: første mandag i måneden kl. 08:00 {ARROW} siste virkedag i måneden kl. 08:00"
    ]
    assert texts(first_monday, last_business_day, "en") == [
        f"Schedule: on the first Monday of every month at 08:00 {ARROW} "
        "on the last business day of every month at 08:00"
    ]


def test_holiday_policy(doc: Doc):
    skips = copy.deepcopy(doc)
    skips["schedule"]["holiday_policy"] = "skip"
    moves = copy.deepcopy(doc)
    moves["schedule"]["holiday_policy"] = "next_business_day"
    assert texts(doc, skips) == [
        f"Helligdager og stengte dager: kjøres som vanlig {ARROW} hoppes over"
    ]
    assert texts(skips, moves, "en") == [
        f"Public holidays and closed days: skipped {ARROW} moved to the next business day"
    ]
    assert [c.kind for c in diff(moves, doc)] == ["holiday_policy"]


def test_time_zone(doc: Doc):
    new = copy.deepcopy(doc)
    new["schedule"]["timezone"] = "Europe/London"
    assert texts(doc, new) == [f"Tidssone: Europe/Oslo {ARROW} Europe/London"]


def test_status_when_both_documents_carry_one(doc: Doc):
    old, new = normalised(doc), normalised(doc)
    old["status"], new["status"] = "draft", "active"
    assert [c.text for c in workflow_diff(old, new, language="nb")] == [
        f"Status: utkast {ARROW} aktiv"
    ]
    assert [c.text for c in workflow_diff(old, new, language="en")] == [
        f"Status: draft {ARROW} active"
    ]


# --- Events ----------------------------------------------------------------------------------


def event_doc(refs: Refs, event: Doc) -> Doc:
    return {
        "name": "Ordrebekreftelse",
        "workflow_type": "event_based",
        "event": event,
        "steps": [
            {
                "step_order": 1,
                "name": "Bekreft",
                "step_type": "send_email",
                "action_config": {
                    "template_id": refs.order_form.pk,
                    "recipients": {"event_customer": True},
                },
            }
        ],
    }


def test_event_type(refs: Refs):
    orders = event_doc(refs, {"type": "order.created"})
    customers = event_doc(refs, {"type": "customer.created"})
    assert texts(orders, customers) == [
        f"Hendelse: når en kunde legger inn en ordre {ARROW} når en ny kunde registreres"
    ]
    assert texts(orders, customers, "en") == [
        f"Event: when a customer places an order {ARROW} when a new customer is registered"
    ]


def test_webhook_name(refs: Refs):
    step = event_doc(refs, {"type": "order.created"})["steps"][0]
    step["action_config"]["recipients"] = {"group": "all"}
    any_webhook = edited(event_doc(refs, {"type": "webhook"}), steps=[step])
    stock = edited(any_webhook, event={"type": "webhook", "name": "lager-oppdatert"})
    assert texts(any_webhook, stock) == [f"Webhook-navn: alle {ARROW} «lager-oppdatert»"]
    assert texts(stock, any_webhook, "en") == [f"Webhook name: “lager-oppdatert” {ARROW} any"]


def test_scheduled_to_event_based_is_one_line(refs: Refs, doc: Doc):
    event = event_doc(refs, {"type": "order.created"})
    event["name"] = doc["name"]
    event["description"] = doc["description"]
    changes = diff(doc, event)
    assert changes[0] == Change(
        "workflow_type",
        f"Kjøres: hver mandag kl. 09:00 (Europe/Oslo) {ARROW} når en kunde legger inn en ordre",
    )
    assert {c.kind for c in changes[1:]} <= {"step_added", "step_removed", "step_changed"}


# --- A step's parts ----------------------------------------------------------------------------


def test_moving_the_reminder_is_one_line(doc: Doc):
    new = copy.deepcopy(doc)
    new["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    assert texts(doc, new) == [f"Påminnelse: torsdag 15:00 {ARROW} onsdag 12:00"]
    assert diff(doc, new) == [
        Change("step_changed", f"Påminnelse: torsdag 15:00 {ARROW} onsdag 12:00", 2, "when")
    ]


def test_moving_the_reminder_in_english(doc: Doc):
    new = copy.deepcopy(doc)
    new["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    assert texts(doc, new, "en") == [f"Påminnelse: Thursday 15:00 {ARROW} Wednesday 12:00"]


def test_a_delay_and_a_first_step_that_follows_the_schedule(doc: Doc):
    new = copy.deepcopy(doc)
    new["steps"][0]["trigger_type"] = "immediate"
    new["steps"][0]["trigger_config"] = {}
    new["steps"][1]["trigger_config"] = {"delay_minutes": 2880}
    # The first step without a time of its own runs when the schedule does: the same time,
    # so no line for it.
    assert texts(doc, new) == [f"Påminnelse: torsdag 15:00 {ARROW} etter 2 dager"]
    assert texts(doc, new, "en") == [f"Påminnelse: Thursday 15:00 {ARROW} after 2 days"]


def test_a_wait_step_says_the_time_it_waits_for_and_a_condition_based_step_its_rule(doc: Doc):
    old = copy.deepcopy(doc)
    wait = {
        "step_order": 2,
        "name": "Vent",
        "step_type": "wait_until",
        "trigger_type": "time_based",
        "trigger_config": {"day": "wednesday", "time": "10:00"},
    }
    reminder = {**old["steps"][1], "step_order": 3, "trigger_type": "immediate"}
    reminder["trigger_config"] = {}
    old["steps"] = [old["steps"][0], wait, reminder]
    new = copy.deepcopy(old)
    new["steps"][1]["trigger_config"] = {"delay_minutes": 90}
    new["steps"][2]["trigger_type"] = "condition_based"
    assert texts(old, new) == [
        f"Vent: onsdag 10:00 {ARROW} etter 90 min",
        f"Påminnelse: deretter {ARROW} deretter, bare når betingelsen holder",
    ]
    assert texts(old, new, "en") == [
        f"Vent: Wednesday 10:00 {ARROW} after 90 min",
        f"Påminnelse: then {ARROW} then, only when its condition holds",
    ]


def test_recipients(refs: Refs, doc: Doc):
    cafes = copy.deepcopy(doc)
    cafes["steps"][1]["action_config"]["recipients"] = {"group": refs.group.slug}
    assert texts(cafes, doc) == [f"Påminnelse: til gruppen Kafeer {ARROW} til alle kunder"]
    assert texts(doc, cafes, "en") == [f"Påminnelse: to all customers {ARROW} to the group Kafeer"]
    assert diff(cafes, doc)[0].aspect == "recipients"


def test_template(refs: Refs, doc: Doc):
    last_chance = EmailTemplate.objects.create(
        name="Siste sjanse", subject="Siste sjanse", body_html="<p>Hei</p>", category="reminder"
    )
    new = copy.deepcopy(doc)
    new["steps"][1]["action_config"]["template_id"] = last_chance.pk
    assert texts(doc, new) == [f"Påminnelse: mal «Påminnelse» {ARROW} «Siste sjanse»"]
    assert texts(doc, new, "en") == [f"Påminnelse: template “Påminnelse” {ARROW} “Siste sjanse”"]


def test_a_template_deleted_since_shows_by_id(refs: Refs, doc: Doc):
    old_version = normalised(doc)
    new = copy.deepcopy(doc)
    new["steps"][1]["action_config"]["template_id"] = refs.order_form.pk
    new_version = normalised(new)
    gone = refs.reminder.pk
    refs.reminder.delete()
    assert [c.text for c in workflow_diff(old_version, new_version, language="nb")] == [
        f"Påminnelse: mal «#{gone}» {ARROW} «Bestillingsskjema»"
    ]


def test_condition_added_removed_and_changed(doc: Doc):
    everyone = copy.deepcopy(doc)
    everyone["steps"][1]["condition_config"] = {}
    assert texts(everyone, doc) == [
        "Påminnelse: nå bare til de som ikke har bestilt siden kjøringen startet"
    ]
    assert texts(everyone, doc, "en") == [
        "Påminnelse: now only to those who have not ordered since the run started"
    ]
    assert texts(doc, everyone) == [
        "Påminnelse: ikke lenger bare til de som ikke har bestilt siden kjøringen startet"
    ]
    since_monday = copy.deepcopy(doc)
    since_monday["steps"][1]["condition_config"] = {
        "check": "orders_missing",
        "since": "last_monday",
    }
    assert texts(doc, since_monday) == [
        "Påminnelse: til de som ikke har bestilt siden kjøringen startet "
        f"{ARROW} til de som ikke har bestilt siden mandag"
    ]
    assert [c.aspect for c in diff(doc, since_monday)] == ["condition"]
    cafes_in_english = copy.deepcopy(doc)
    cafes_in_english["steps"][1]["condition_config"] = {
        "check": "customer_filter",
        "group": "kafeer",
        "language": "en",
    }
    assert texts(doc, cafes_in_english, "en") == [
        f"Påminnelse: to those who have not ordered since the run started {ARROW} "
        "to those in the group Kafeer with language en"
    ]


def test_several_parts_of_one_step(refs: Refs, doc: Doc):
    new = copy.deepcopy(doc)
    new["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    new["steps"][1]["action_config"]["recipients"] = {"group": refs.group.slug}
    new["steps"][1]["is_active"] = False
    new["steps"][1]["max_retries"] = 5
    assert texts(doc, new) == [
        f"Påminnelse: torsdag 15:00 {ARROW} onsdag 12:00",
        f"Påminnelse: til alle kunder {ARROW} til gruppen Kafeer",
        "Påminnelse: slått av",
        f"Påminnelse: nye forsøk ved feil: 3 {ARROW} 5",
    ]


def test_step_renamed(doc: Doc):
    new = copy.deepcopy(doc)
    new["steps"][1]["name"] = "Purring"
    changes = diff(doc, new)
    assert [c.text for c in changes] == ["«Påminnelse» heter nå «Purring»"]
    assert (changes[0].kind, changes[0].step, changes[0].aspect) == ("step_changed", 2, "name")
    assert texts(doc, new, "en") == ["“Påminnelse” is now called “Purring”"]


def test_renamed_and_moved_is_still_the_same_step(doc: Doc):
    new = copy.deepcopy(doc)
    new["steps"][1]["name"] = "Purring"
    new["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    assert texts(doc, new) == [
        "«Påminnelse» heter nå «Purring»",
        f"Purring: torsdag 15:00 {ARROW} onsdag 12:00",
    ]


def test_other_config_is_said_with_the_step_types_own_words(refs: Refs, doc: Doc):
    order = {
        "step_order": 3,
        "name": "Fast ordre",
        "step_type": "create_order",
        "trigger_type": "time_based",
        "trigger_config": {"day": "friday", "time": "10:00"},
        "action_config": {"recipients": {"group": "all"}, "mode": "repeat_last"},
        "condition_config": {"check": "orders_missing", "since": "execution_start"},
    }
    old = edited(doc, steps=[*doc["steps"], order])
    new = copy.deepcopy(old)
    new["steps"][2]["action_config"] = {
        "recipients": {"group": "all"},
        "mode": "lines",
        "lines": [{"sku": "KAFFE-1", "quantity": 2}],
    }
    assert texts(old, new) == [
        "Fast ordre: opprett ordre (gjenta siste ordre) for alle kunder som ikke har bestilt "
        f"siden kjøringen startet {ARROW} opprett ordre (1 linjer) for alle kunder som ikke "
        "har bestilt siden kjøringen startet"
    ]
    # What describe() does not say is still told, by its key.
    placed = copy.deepcopy(old)
    placed["steps"][2]["action_config"]["status"] = "placed"
    assert texts(old, placed) == [f'Fast ordre: status "draft" {ARROW} "placed"']
    # Recipients of a step that does not email read "for", not "til".
    cafes = copy.deepcopy(old)
    cafes["steps"][2]["action_config"]["recipients"] = {"group": refs.group.slug}
    assert texts(old, cafes) == [f"Fast ordre: for alle kunder {ARROW} for gruppen Kafeer"]
    # Both at once: the audience has its line, and the other line says only what else
    # changed (the audience on both sides is the new one).
    both = copy.deepcopy(new)
    both["steps"][2]["action_config"]["recipients"] = {"group": refs.group.slug}
    assert texts(old, both) == [
        f"Fast ordre: for alle kunder {ARROW} for gruppen Kafeer",
        "Fast ordre: opprett ordre (gjenta siste ordre) for gruppen Kafeer som ikke har bestilt "
        f"siden kjøringen startet {ARROW} opprett ordre (1 linjer) for gruppen Kafeer som ikke "
        "har bestilt siden kjøringen startet",
    ]


# --- Steps added, removed, moved, retyped ---------------------------------------------------


def test_step_added(refs: Refs, doc: Doc):
    new = edited(doc, steps=[*doc["steps"], reminder_step(refs)])
    changes = diff(doc, new)
    assert [(c.kind, c.step) for c in changes] == [("step_added", 3)]
    assert changes[0].text == (
        f"Nytt steg 3 «Siste påminnelse»: fredag 10:00 {DASH} Send Påminnelse til alle kunder "
        "som ikke har bestilt siden kjøringen startet"
    )
    assert texts(doc, new, "en") == [
        f"New step 3 “Siste påminnelse”: Friday 10:00 {DASH} Send Påminnelse to all customers "
        "who have not ordered since the run started"
    ]


def test_step_removed(doc: Doc):
    new = edited(doc, steps=doc["steps"][:1])
    changes = diff(doc, new)
    assert [(c.kind, c.step) for c in changes] == [("step_removed", 2)]
    assert changes[0].text == (
        f"Fjernet steg 2 «Påminnelse»: torsdag 15:00 {DASH} Send Påminnelse til alle kunder "
        "som ikke har bestilt siden kjøringen startet"
    )
    assert texts(doc, new, "en")[0].startswith("Removed step 2 “Påminnelse”: Thursday 15:00")


def test_a_step_inserted_before_others_changes_nothing_else(refs: Refs, doc: Doc):
    wednesday = reminder_step(
        refs, step_order=2, name="Midtuke", trigger_config={"day": "wednesday", "time": "10:00"}
    )
    new = edited(doc, steps=[doc["steps"][0], wednesday, {**doc["steps"][1], "step_order": 3}])
    assert [(c.kind, c.step) for c in diff(doc, new)] == [("step_added", 2)]


def test_a_step_that_uses_an_earlier_steps_customers_keeps_pointing_at_it(refs: Refs):
    find = {
        "step_order": 1,
        "name": "Finn",
        "step_type": "check_condition",
        "condition_config": {"check": "orders_missing", "days_back": 7},
    }
    send = {
        "step_order": 2,
        "name": "Send",
        "step_type": "send_email",
        "action_config": {"template_id": refs.reminder.pk, "recipients": {"from_step": 1}},
    }
    old = {
        "name": "Purring",
        "workflow_type": "scheduled",
        "schedule": {"schedule_type": "daily", "schedule_config": {"time": "08:00"}},
        "steps": [find, send],
    }
    report = {
        "step_order": 1,
        "name": "Rapport",
        "step_type": "generate_report",
        "action_config": {"report": "orders_missing", "send_to": ["sjef@example.com"]},
    }
    # Step 1 is now step 2, and "from step 1" is now "from step 2": the same customers.
    new = edited(
        old,
        steps=[
            report,
            {**find, "step_order": 2},
            {
                **send,
                "step_order": 3,
                "action_config": {**send["action_config"], "recipients": {"from_step": 2}},
            },
        ],
    )
    assert [(c.kind, c.step) for c in diff(old, new)] == [("step_added", 1)]
    # Pointing at another step is a change, said with the numbers of each version.
    other = copy.deepcopy(new)
    other["steps"][2]["action_config"]["recipients"] = {"group": "all"}
    assert texts(old, other)[1:] == [f"Send: til kundene fra steg 1 {ARROW} til alle kunder"]


def test_removed_steps_are_told_where_they_were(refs: Refs, doc: Doc):
    three = edited(doc, steps=[*doc["steps"], reminder_step(refs)])
    without_middle = edited(
        three, steps=[three["steps"][0], {**three["steps"][2], "step_order": 2}]
    )
    without_middle["steps"][1]["trigger_config"] = {"day": "friday", "time": "11:00"}
    assert [(c.kind, c.step) for c in diff(three, without_middle)] == [
        ("step_removed", 2),
        ("step_changed", 2),
    ]


def test_steps_reordered(refs: Refs, doc: Doc):
    three = edited(doc, steps=[*doc["steps"], reminder_step(refs)])
    swapped = copy.deepcopy(three)
    swapped["steps"][1]["step_order"], swapped["steps"][2]["step_order"] = 3, 2
    changes = diff(three, swapped)
    assert [c.text for c in changes] == ["Siste påminnelse: flyttet fra steg 3 til steg 2"]
    assert (changes[0].kind, changes[0].step) == ("steps_reordered", 2)
    assert [c.text for c in diff(three, swapped, "en")] == [
        "Siste påminnelse: moved from step 3 to step 2"
    ]


def test_a_step_moved_to_the_front_is_the_one_said_to_move(refs: Refs, doc: Doc):
    three = edited(doc, steps=[*doc["steps"], reminder_step(refs)])
    last_first = copy.deepcopy(three)
    for step, order in zip(last_first["steps"], (2, 3, 1), strict=True):
        step["step_order"] = order
    assert [c.text for c in diff(three, last_first)] == [
        "Siste påminnelse: flyttet fra steg 3 til steg 1"
    ]


def test_step_type_changed_is_removed_and_added(doc: Doc):
    new = copy.deepcopy(doc)
    new["steps"][1]["step_type"] = "create_order"
    new["steps"][1]["action_config"] = {"recipients": {"group": "all"}, "mode": "repeat_last"}
    changes = diff(doc, new)
    # The old step first, where it was, then the new one.
    assert [(c.kind, c.step) for c in changes] == [("step_removed", 2), ("step_added", 2)]
    assert changes[0].text.startswith(f"Fjernet steg 2 «Påminnelse»: torsdag 15:00 {DASH} Send")
    assert changes[1].text.startswith(
        f"Nytt steg 2 «Påminnelse»: torsdag 15:00 {DASH} Opprett ordre"
    )


def test_an_unrelated_step_in_the_same_place_is_removed_and_added(refs: Refs, doc: Doc):
    new = copy.deepcopy(doc)
    new["steps"][1] = {
        "step_order": 2,
        "name": "Nyhetsbrev",
        "step_type": "send_email",
        "trigger_type": "time_based",
        "trigger_config": {"day": "friday", "time": "08:00"},
        "action_config": {"template_id": refs.order_form.pk, "recipients": {"group": "kafeer"}},
    }
    assert [c.kind for c in diff(doc, new)] == ["step_removed", "step_added"]


def test_unnamed_steps_pair_by_position_and_type(refs: Refs, doc: Doc):
    old = copy.deepcopy(doc)
    for step in old["steps"]:
        step["name"] = ""
    new = copy.deepcopy(old)
    new["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    assert texts(old, new) == [f"Steg 2: torsdag 15:00 {ARROW} onsdag 12:00"]
    assert texts(old, new, "en") == [f"Step 2: Thursday 15:00 {ARROW} Wednesday 12:00"]


# --- Saved versions -------------------------------------------------------------------------


def test_between_two_saved_versions(refs: Refs, doc: Doc):
    workflow = workflow_create(created_by=None, data=copy.deepcopy(doc))
    edit = copy.deepcopy(doc)
    edit["steps"][1]["trigger_config"] = {"day": "wednesday", "time": "12:00"}
    edit["schedule"]["holiday_policy"] = "skip"
    workflow_update(workflow=workflow, data=edit, updated_by=None, expected_version=1)
    v1, v2 = (WorkflowVersion.objects.get(workflow=workflow, version=n).definition for n in (1, 2))
    changes = workflow_diff(v1, v2, language="nb")
    assert [c.as_dict() for c in changes] == [
        {
            "kind": "holiday_policy",
            "text": f"Helligdager og stengte dager: kjøres som vanlig {ARROW} hoppes over",
            "step": None,
            "aspect": None,
        },
        {
            "kind": "step_changed",
            "text": f"Påminnelse: torsdag 15:00 {ARROW} onsdag 12:00",
            "step": 2,
            "aspect": "when",
        },
    ]
    # And back: restoring version 1 says the opposite.
    assert [c.text for c in workflow_diff(v2, v1, language="en")] == [
        f"Public holidays and closed days: skipped {ARROW} run as usual",
        f"Påminnelse: Wednesday 12:00 {ARROW} Thursday 15:00",
    ]
