"""What the language models are told: the Norwegian system prompt and the output schema.

The prompt carries the context a model cannot guess (which templates, customer groups and
integrations exist, today's date, the time zone, the user's recent workflows, the draft being
edited) and the rules of thumb from ``docs/nl-examples.md``. The schema is the validator's own
``workflow_json_schema()``, flattened for providers (see ``provider_workflow_schema``).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from automation.validation import workflow_json_schema

NB_WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

# Names the providers see; the OpenAI envelope and the Anthropic tools use the same ones.
WORKFLOW_TOOL = "create_workflow"
QUESTION_TOOL = "ask_question"
ANSWER_SCHEMA_NAME = "workflow_answer"

RULES_OF_THUMB = """\
- «skjema», «bestillingsskjema», «order form» betyr en mal i kategorien «bestilling».
  «påminnelse», «purring», «reminder» betyr en mal i kategorien «reminder», og gir
  condition_config {"check": "orders_missing", "since": "execution_start"} med mindre
  teksten sier noe annet. «bekreftelse», «confirmation» betyr kategorien «confirmation».
- Det første tidsbestemte steget bestemmer planen (schedule); senere tidsbestemte steg er
  ventetider i samme kjøring (trigger_type "time_based" med trigger_config {"day", "time"}).
- «kl 9», «9am», «09», «klokka 9» er 09:00; «kl 15», «3pm» er 15:00; «middag»/«noon» er 12:00.
  Uten klokkeslett: bestillingsskjema 09:00, påminnelse 15:00.
- «hverdager», «hver hverdag», «weekdays» gir daily med "weekdays_only": true.
- «til de som ikke har bestilt siden mandag» gir {"check": "orders_missing", "since":
  "last_monday"}; «de siste 5 dagene» gir "days_back": 5.
- Kundegrupper matches mot gruppene under (navn eller slug, norsk eller engelsk, bestemt eller
  ubestemt form: «kafeene» er gruppen «kafeer», «shops» er «butikker»). Bruk alltid slug.
  Alle kunder er {"group": "all"}. Finnes ikke gruppen: still et spørsmål, ikke gjett.
- «Når en kunde legger inn en ordre» er event_based med event {"type": "order.created"} og
  mottaker {"event_customer": true}; «når en ny kunde registrerer seg» er
  {"type": "customer.created"}.
- «Når webhooken lager-lavt kommer» er event_based med event {"type": "webhook", "name":
  "lager-lavt"}. En webhook kan si hvilken kunde den gjelder (avsenderen sender kundens id
  eller e-post), så «kunden», «den kunden», «verkstedet det gjelder», «send verkstedet
  prislista» (entall) er mottaker {"event_customer": true}; en gruppe sagt i flertall
  («alle verkstedene», «send verkstedene prislista») er gruppen.
- Maler velges etter betydning: navn, kategori og emne, på norsk og engelsk («prisliste» =
  «price list», «nyhetsbrev» = «månedsbrev» = «newsletter», «velkomst» = «welcome»,
  «faktura» = «invoice», «tilbud» = «offer»). Finnes ingen mal som passer, skal du ALDRI
  bruke en annen mal i stedet: bruk action_config {"template": "<nytt navn>"} og legg malen
  i new_templates med name (fra det brukeren ber om, f.eks. «Prisliste»), category, subject
  og en kort body_html på brukerens språk med {{ kunde_navn }}, {{ bestilling_link }} og
  {{ avmeldingslenke }}. Den lages som utkast som må gjennomgås før arbeidsflyten aktiveres.
- Kjeder: hvert senere steg har sin egen dag/tid, mottakere og betingelse. «de som fortsatt
  ikke har bestilt» er orders_missing since execution_start. «den vanlige ordren», «fast
  ordre», «their usual order» er create_order med mode "repeat_last" og orders_missing. Én
  handling på flere dager i en kjede («purring onsdag og torsdag») gir ett steg per dag.
- Kalender: «annenhver fredag» er weekly med every_weeks 2 og anchor (første dato som nevnes,
  ellers neste slike dag); «partallsuker» er iso_weeks "even"; «første mandag i måneden» er
  monthly weekday/nth; «siste virkedag i måneden» er monthly business_day -1; «hver virkedag»
  er daily business_days_only. «ikke på helligdager» er schedule.holiday_policy "skip», «da
  dagen etter» "next_business_day", «dagen før» "previous_business_day".
- Navnet på arbeidsflyten sier hva, til hvem og når («Prisliste til Kafeer hver fredag»).
- Alt som er uklart (hva som skal skje, når, til hvem) er et spørsmål tilbake til brukeren,
  aldri en gjettet arbeidsflyt. «Kjøp melk» er ikke en arbeidsflyt.
"""

OUTPUT_RULES = f"""\
- Svar ALLTID gjennom det strukturerte formatet: enten en hel arbeidsflyt ("workflow" /
  verktøyet {WORKFLOW_TOOL}) eller ett kort oppklarende spørsmål ("question" / verktøyet
  {QUESTION_TOOL}) på brukerens språk. Aldri begge, aldri fritekst.
- Bruk bare template_id, gruppe-slugs og integration_id fra listene under.
- Dager skrives på engelsk med små bokstaver (monday ...), klokkeslett som HH:MM (24 t).
- step_order nummereres 1..n. name på arbeidsflyt og steg skrives på brukerens språk.
- E-post kan sendes høyst én gang i timen: lag aldri en plan som sender oftere.
- Ikke legg til steg brukeren ikke har bedt om.
"""


@dataclass(frozen=True)
class PromptContext:
    """Everything the system prompt describes, gathered by the services from the database."""

    today: dt.date
    timezone: str
    templates: list[Mapping[str, Any]] = field(default_factory=list)
    groups: list[Mapping[str, Any]] = field(default_factory=list)
    recent_workflows: list[Mapping[str, Any]] = field(default_factory=list)
    # Only listed for users who may use integrations; others never see them.
    integrations: list[Mapping[str, Any]] = field(default_factory=list)
    #: (key, what the prompt says about it) of the step types this user may use.
    step_types: list[tuple[str, str]] = field(default_factory=list)
    draft: Mapping[str, Any] | None = None
    language: str = "nb"


def _lines(items: Iterable[str], empty: str) -> str:
    text = "\n".join(items)
    return text or empty


def build_system_prompt(context: PromptContext, *, schema: Mapping[str, Any]) -> str:
    """The Norwegian system prompt for one request."""
    today = context.today
    templates = _lines(
        (
            f"- id {t['id']}: «{t['name']}» (kategori {t.get('category') or '-'}; emne: "
            f"«{t.get('subject') or '-'}»; variabler: "
            f"{', '.join(t.get('variables') or []) or '-'})"
            for t in context.templates
        ),
        "- (ingen maler finnes ennå: still et spørsmål hvis en e-post trengs)",
    )
    groups = _lines(
        (
            f"- slug «{g['slug']}»: {g['name']}"
            + (f" ({g['size']} kunder)" if g.get("size") is not None else "")
            for g in context.groups
        ),
        "- (ingen grupper; bare «all» finnes)",
    )
    recent = _lines(
        (
            f"- «{w['name']}» ({w.get('workflow_type', '')}, {w.get('status', '')})"
            for w in context.recent_workflows
        ),
        "- (ingen)",
    )
    sections = [
        "Du er assistenten i et verktøy for arbeidsflyt-automatisering hos en norsk grossist. "
        "Brukerne beskriver på norsk bokmål eller engelsk hva som skal skje (e-post til "
        "kunder, påminnelser, ordre, rapporter), og du lager arbeidsflyten i JSON-formatet "
        "under. Svar på brukerens språk.",
        f"I dag er det {NB_WEEKDAYS[today.weekday()]} {today.isoformat()}. "
        f"Tidssone: {context.timezone} (bruk den i schedule.timezone).",
        f"E-postmaler:\n{templates}",
        f"Kundegrupper (i tillegg til «all», alle aktive kunder):\n{groups}",
        f"Brukerens siste arbeidsflyter (for navn og stil; ikke kopier dem):\n{recent}",
    ]
    sections.append(
        "Stegtyper (step_type) du kan bruke; bruk aldri andre:\n"
        + "\n".join(f"- {key}: {text}" for key, text in context.step_types)
    )
    if context.integrations:
        sections.append(
            "Integrasjoner:\n"
            + "\n".join(f"- id {i['id']}: «{i['name']}»" for i in context.integrations)
        )
    sections += [
        f"Tommelfingerregler:\n{RULES_OF_THUMB}",
        f"Slik svarer du:\n{OUTPUT_RULES}",
    ]
    if context.draft is not None:
        sections.append(
            "Brukeren redigerer dette utkastet. Gjør bare endringene brukeren ber om, og svar "
            "med HELE den oppdaterte arbeidsflyten:\n"
            + json.dumps(context.draft, ensure_ascii=False, indent=1)
        )
    sections.append(
        "JSON-skjemaet for en arbeidsflyt:\n"
        + json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
    )
    return "\n\n".join(sections)


def repair_message(errors: list[Mapping[str, str]], *, parse_error: str | None) -> str:
    """The user turn of the repair round: what was wrong with the previous answer."""
    if parse_error:
        problems = f"- {parse_error}"
    else:
        problems = "\n".join(
            f"- {e.get('path') or '/'} ({e.get('code')}): {e.get('message')}" for e in errors
        )
    return (
        "Svaret ditt kunne ikke brukes. Feil:\n"
        f"{problems}\n"
        "Rett feilene og svar på nytt med hele arbeidsflyten i samme format, eller still et "
        "oppklarende spørsmål hvis du ikke kan rette dem uten å gjette."
    )


# --- Provider-compatible schema -----------------------------------------------------------------


def _branches(node: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    """(discriminator, value, field, def name) for each if/then branch of ``node``'s allOf."""
    found = []
    for branch in node.get("allOf", []):
        cond = branch.get("if", {}).get("properties", {})
        then = branch.get("then", {}).get("properties", {})
        if len(cond) != 1:
            continue
        (discriminator, const), *_ = cond.items()
        for name, sub in then.items():
            ref = sub.get("$ref", "") if isinstance(sub, Mapping) else ""
            if ref:
                found.append((discriminator, const.get("const"), name, ref.rsplit("/", 1)[-1]))
    return found


def _strip_conditionals(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: _strip_conditionals(value)
            for key, value in node.items()
            if key not in ("allOf", "if", "then", "else", "$schema")
        }
    if isinstance(node, list):
        return [_strip_conditionals(item) for item in node]
    return node


def _as_alternatives(node: dict[str, Any], branches: list[tuple[str, str, str, str]]) -> None:
    """Replace each conditionally typed field by ``anyOf`` its possible shapes, naming in the
    description which discriminator value selects which shape."""
    by_field: dict[str, list[tuple[str, str, str]]] = {}
    for discriminator, value, name, def_name in branches:
        by_field.setdefault(name, []).append((discriminator, value, def_name))
    for name, options in by_field.items():
        refs = list(dict.fromkeys(def_name for _d, _v, def_name in options))
        hint = "; ".join(f"{d}={v}: {def_name}" for d, v, def_name in options)
        prop: dict[str, Any] = {"anyOf": [{"$ref": f"#/$defs/{r}"} for r in refs]}
        if name == "condition_config":
            prop["anyOf"].append({"type": "object", "maxProperties": 0})
            # Any step that acts on customers may carry a condition that narrows them.
            hint = f"Condition, required for {hint}; optional on other steps; {{}} for none"
        elif name == "trigger_config":
            prop["anyOf"].append({"type": "object", "maxProperties": 0})
            hint += "; immediate: {}"
        prop["description"] = hint
        node["properties"][name] = prop


def provider_workflow_schema() -> dict[str, Any]:
    """The workflow schema without ``allOf``/``if``/``then``, which OpenAI's structured
    outputs and several OpenAI-compatible servers reject.

    The conditional parts become ``anyOf`` over the possible shapes plus a description of
    which ``step_type`` / ``trigger_type`` / ``schedule_type`` picks which. The result is
    looser than the real schema, which is fine: every answer goes through the one validator
    and a repair round anyway.
    """
    schema = workflow_json_schema(include_read_only=False)
    defs = schema["$defs"]
    step_branches = _branches(defs["Step"])
    schedule_branches = _branches(defs["Schedule"])
    flat = _strip_conditionals(schema)
    _as_alternatives(flat["$defs"]["Step"], step_branches)
    _as_alternatives(flat["$defs"]["Schedule"], schedule_branches)
    # The validator's own condition_config ({"if": minProperties...}) was stripped above.
    return flat


def openai_response_schema(workflow_schema: Mapping[str, Any]) -> dict[str, Any]:
    """The envelope for OpenAI's ``response_format``: a workflow or a question."""
    inner = copy.deepcopy(dict(workflow_schema))
    defs = inner.pop("$defs", {})
    defs["Workflow"] = inner
    return {
        "type": "object",
        "description": "Exactly one of workflow or question is non-null.",
        "properties": {
            "question": {
                "type": ["string", "null"],
                "description": "A short clarifying question in the user's language, or null.",
            },
            "workflow": {"anyOf": [{"$ref": "#/$defs/Workflow"}, {"type": "null"}]},
            "new_templates": NEW_TEMPLATES_SCHEMA,
        },
        "required": ["question", "workflow"],
        "additionalProperties": False,
        "$defs": defs,
    }


#: New templates an answer proposes (its steps name them by ``template``).
NEW_TEMPLATES_SCHEMA: dict[str, Any] = {
    "type": "array",
    "description": "Nye maler arbeidsflyten trenger når ingen eksisterende passer.",
    "maxItems": 5,
    "items": {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 200},
            "category": {"type": "string", "maxLength": 50},
            "subject": {"type": "string", "minLength": 1, "maxLength": 300},
            "body_html": {"type": "string", "minLength": 1, "maxLength": 20000},
        },
        "required": ["name", "category", "subject", "body_html"],
        "additionalProperties": False,
    },
}


def _with_new_templates(workflow_schema: Mapping[str, Any]) -> dict[str, Any]:
    schema = copy.deepcopy(dict(workflow_schema))
    schema.setdefault("properties", {})["new_templates"] = NEW_TEMPLATES_SCHEMA
    return schema


def anthropic_tools(workflow_schema: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Two tools: the workflow itself (input_schema = the workflow schema) or a question."""
    return [
        {
            "name": WORKFLOW_TOOL,
            "description": "Lag (eller oppdater) arbeidsflyten brukeren har beskrevet.",
            "input_schema": _with_new_templates(workflow_schema),
        },
        {
            "name": QUESTION_TOOL,
            "description": "Still ett kort oppklarende spørsmål når beskrivelsen er uklar.",
            "input_schema": {
                "type": "object",
                "properties": {"question": {"type": "string", "minLength": 1}},
                "required": ["question"],
                "additionalProperties": False,
            },
        },
    ]
