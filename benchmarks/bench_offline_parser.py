"""The offline parser: accuracy on phrasings written for measuring it, and parse latency.

Accuracy is the share of cases whose key facts (schedule, days, time, steps, templates,
audience, conditions, or "must ask a question") come out right (``benchmarks.parser_accuracy``).
The baseline is a trivial keyword matcher measured on the same cases in the same run.
The sets: the example table of nl-examples.md, the phrasings written alongside the parser
(``PHRASINGS``, ``PHRASINGS_V2`` with its richer business: chains, several days, templates
by meaning, new templates, events, calendar kinds, and ``PHRASINGS_V3``: the kinds of failure
held-out v5 found), phrasings written afterwards and never
tuned against (``HELD_OUT``), and two-turn conversations (``EDIT_CASES``: changes of a draft,
answers to the assistant's questions; and held-out v6's, ``HELD_OUT_V6_CONVERSATIONS``).
Each set also reports its accuracy per category.
Latency is the mean time to parse one text, next to the keyword matcher's.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from benchmarks import Result, machine_conditions


def run(args: argparse.Namespace) -> list[Result]:
    from ai_assistant.offline import parse_description
    from benchmarks.parser_accuracy import (
        by_category,
        keyword_baseline,
        measure,
        measure_conversations,
    )
    from tests.ai_assistant.held_out_v2 import HELD_OUT_V2, held_out_v2_context
    from tests.ai_assistant.held_out_v3 import HELD_OUT_V3, held_out_v3_context
    from tests.ai_assistant.held_out_v4 import HELD_OUT_V4, held_out_v4_context
    from tests.ai_assistant.held_out_v5 import HELD_OUT_V5, held_out_v5_context
    from tests.ai_assistant.held_out_v6 import (
        HELD_OUT_V6,
        HELD_OUT_V6_CONVERSATIONS,
        held_out_v6_context,
    )
    from tests.ai_assistant.held_out_v7 import (
        HELD_OUT_V7,
        HELD_OUT_V7_CONVERSATIONS,
        held_out_v7_context,
    )
    from tests.ai_assistant.held_out_v8 import (
        HELD_OUT_V8,
        HELD_OUT_V8_CONVERSATIONS,
        held_out_v8_context,
    )
    from tests.ai_assistant.held_out_v9 import (
        HELD_OUT_V9,
        HELD_OUT_V9_CONVERSATIONS,
        held_out_v9_context,
    )
    from tests.ai_assistant.held_out_v10 import (
        HELD_OUT_V10,
        HELD_OUT_V10_CONVERSATIONS,
        held_out_v10_context,
    )
    from tests.ai_assistant.held_out_v11 import (
        HELD_OUT_V11,
        HELD_OUT_V11_CONVERSATIONS,
        held_out_v11_context,
    )
    from tests.ai_assistant.held_out_v12 import (
        HELD_OUT_V12,
        HELD_OUT_V12_CONVERSATIONS,
        held_out_v12_context,
    )
    from tests.ai_assistant.held_out_v13 import (
        HELD_OUT_V13,
        HELD_OUT_V13_CONVERSATIONS,
        held_out_v13_context,
    )
    from tests.ai_assistant.held_out_v14 import (
        HELD_OUT_V14,
        HELD_OUT_V14_CONVERSATIONS,
        held_out_v14_context,
    )
    from tests.ai_assistant.held_out_v15 import (
        HELD_OUT_V15,
        HELD_OUT_V15_CONVERSATIONS,
        held_out_v15_context,
    )
    from tests.ai_assistant.held_out_v16 import (
        HELD_OUT_V16,
        HELD_OUT_V16_CONVERSATIONS,
        held_out_v16_context,
    )
    from tests.ai_assistant.held_out_v17 import (
        HELD_OUT_V17,
        HELD_OUT_V17_CONVERSATIONS,
        held_out_v17_context,
    )
    from tests.ai_assistant.held_out_v18 import (
        HELD_OUT_V18,
        HELD_OUT_V18_CONVERSATIONS,
        held_out_v18_context,
    )
    from tests.ai_assistant.held_out_v19 import (
        HELD_OUT_V19,
        HELD_OUT_V19_CONVERSATIONS,
        held_out_v19_context,
    )
    from tests.ai_assistant.held_out_v20 import (
        HELD_OUT_V20,
        HELD_OUT_V20_CONVERSATIONS,
        held_out_v20_context,
    )
    from tests.ai_assistant.held_out_v21 import (
        HELD_OUT_V21,
        HELD_OUT_V21_CONVERSATIONS,
        held_out_v21_context,
    )
    from tests.ai_assistant.held_out_v22 import (
        HELD_OUT_V22,
        HELD_OUT_V22_CONVERSATIONS,
        held_out_v22_context,
    )
    from tests.ai_assistant.held_out_v23 import (
        HELD_OUT_V23,
        HELD_OUT_V23_CONVERSATIONS,
        held_out_v23_context,
    )
    from tests.ai_assistant.parser_phrasings import (
        HELD_OUT,
        PHRASINGS,
        TABLE_EXAMPLES,
        standard_context,
    )
    from tests.ai_assistant.parser_phrasings_v2 import EDIT_CASES, PHRASINGS_V2, context_v2
    from tests.ai_assistant.parser_phrasings_v3 import PHRASINGS_V3, context_v3

    context = standard_context()
    results: list[Result] = []
    for label, cases, where in (
        ("table", TABLE_EXAMPLES, context),
        ("phrasings", PHRASINGS, context),
        ("phrasings_v2", PHRASINGS_V2, context_v2()),
        # The kinds of failure held-out v5 found, in other words and another business.
        ("phrasings_v3", PHRASINGS_V3, context_v3()),
        ("held_out", HELD_OUT, context),
        # Written by someone who never saw the parser; measured once, untuned, on 2026-12-06:
        # 64/76 (0.842; must-ask 14/14). Later runs are no longer a held-out measurement.
        ("held_out_v2", HELD_OUT_V2, held_out_v2_context()),
        # Another writer's, after v2 informed the parser; measured once, untuned, on
        # 2026-12-06: 68/89 (0.764; must-ask 13/14). Four of its cases (one action on several
        # days, nothing else) re-encoded on 2026-12-07 to the days schedule (see its docstring).
        ("held_out_v3", HELD_OUT_V3, held_out_v3_context()),
        # A third writer's, a drinks wholesaler in Trondheim (dialect, English names for
        # Norwegian groups); measured once, untuned, on 2026-12-06: 76/100 (0.76; must-ask
        # 11/14; keyword baseline 0.12).
        ("held_out_v4", HELD_OUT_V4, held_out_v4_context()),
        # A fourth writer's, a fish and seafood wholesaler in Bodø and Tromsø (Nordland/Troms
        # dialect, calendar kinds and holiday policies, webhooks, delays); measured once,
        # untuned, on 2026-12-06: 78/113 (0.69; must-ask 15/19; keyword baseline 0.115).
        ("held_out_v5", HELD_OUT_V5, held_out_v5_context()),
        # Written by a fifth writer who never saw the parser, a fruit, vegetable and dairy
        # wholesaler in Kristiansand and Arendal (Sørlandet dialect, several days in one phrase,
        # calendar kinds, webhooks, delays); measured once, untuned, on 2026-12-06: 94/131
        # (0.718; must-ask 22/28; several days in one phrase 0/10; keyword baseline 0.16).
        # Tuned on the kinds of its misses on 2026-12-07 (h-kinds; the kinds in other words
        # are parser_phrasings_v4.py): 131/131 after tuning, no longer a held-out number.
        ("held_out_v6", HELD_OUT_V6, held_out_v6_context()),
        # Written by a new writer who never saw the parser, a coffee and office-supplies
        # wholesaler in Drammen (terse Bokmål, Swedish-tinged Norwegian, long English requests;
        # Easter and summer time right after its today); measured once, untuned, on
        # 2026-12-07 after v6's kinds were fixed: 98/134 (0.731; must-ask 23/25; keyword
        # baseline 0.09). Tuned on the kinds of its misses on 2026-12-07 (h-kinds2; the kinds
        # in other words are parser_phrasings_v4.KINDS_V7): 134/134 after tuning, no longer a
        # held-out number.
        ("held_out_v7", HELD_OUT_V7, held_out_v7_context()),
        # Written by a new writer who never saw the parser, a cleaning and hygiene products
        # wholesaler in Stavanger and Haugesund (Stavanger dialect, shorthand and missing æøå,
        # voice dictation, a Danish-speaking purchaser, bulleted English; Christmas and New
        # Year right after its today); measured once, untuned, on 2026-12-07: 130/150 (0.867;
        # must-ask 27/29; keyword baseline 0.087). Tuned on the kinds of its misses on
        # 2026-12-07 (h-kinds3; the kinds in other words are parser_phrasings_v4.KINDS_V8):
        # 143/150 after tuning, no longer a held-out number. The 7 left expected
        # ``event_customer`` for a webhook's "kunden" / "that customer", which the validator
        # refused while a webhook carried no customer; since a webhook names its customer
        # (``data.customer_id`` / ``customer_email``, h-webhook) they read so: 150/150.
        ("held_out_v8", HELD_OUT_V8, held_out_v8_context()),
        # Written by a new writer who never saw the parser, a car-parts and workshop-supplies
        # wholesaler in Hamar and Gjøvik (Hedmark/Toten dialect, shorthand and missing æøå,
        # voice dictation, a Polish mechanic's English, a German-speaking sales manager, long
        # formal numbered lists; 1 May, Ascension and 17 May/Whitsun right after its today);
        # measured once, untuned, on 2026-12-07 after v8's kinds were fixed: 97/135 (0.719;
        # must-ask 25/26; keyword baseline 0.096). Tuned on the kinds of its misses on
        # 2026-12-07 (h-kinds4; the kinds in other words are parser_phrasings_v4.KINDS_V9):
        # 133/135 after tuning (must-ask 26/26), no longer a held-out number. The two left
        # expected ``event_customer`` for a webhook's "verkstedet det gjelder" / "that
        # workshop", refused while a webhook carried no customer; read so since (h-webhook):
        # 135/135.
        ("held_out_v9", HELD_OUT_V9, held_out_v9_context()),
        # Written by a new writer who never saw the parser nor any other phrasing set, a drinks,
        # snacks, kiosk-goods and coffee distributor in Tromsø and Alta (Northern Norwegian
        # dialect, shorthand and missing æøå, voice dictation, a Swedish-speaking buyer, polite
        # English, a CEO's bulleted Bokmål, Nynorsk; webhooks whose data names a customer;
        # today 2027-12-29, so New Year, the odd/even ISO weeks across it and Easter 2028 come
        # right after). Measured once, untuned, on 2026-12-07: 92/133 (0.692; must-ask 26/28;
        # conversations 15/21; keyword baseline 0.120). Tuned on the kinds of its misses
        # (h-kinds5; KINDS_V10): 126/133 after tuning (must-ask 28/28), no longer a held-out
        # number. The 7 left expect ``event_customer`` for a webhook's "kunden" / "that shop"
        # (h-webhook makes webhooks carry a customer).
        ("held_out_v10", HELD_OUT_V10, held_out_v10_context()),
        # Written by a new writer who never saw the parser nor any other phrasing set, a fruit,
        # vegetable, herb, egg and dairy wholesaler in Trondheim with a depot in Steinkjer
        # (Trøndersk, shorthand, emoji and missing æøå, voice dictation, an Icelandic-born
        # manager's Norwegian, a Ukrainian warehouse worker's English, the owner's one-liners,
        # the accountant's long polite emails; a customer's cold-room webhook ``frost-alarm``;
        # today 2028-03-23, so summer time and Easter 2028 come right after). Measured once,
        # untuned, on 2026-12-07 after v10's kinds and the webhook's customer: 99/129 (0.767;
        # must-ask 24/26; conversations 15/21; keyword baseline 0.109). Tuned on the kinds of
        # its misses (h-kinds6; KINDS_V11): 118/129 after tuning, no longer a held-out number;
        # the kinds still open then (h-kinds7; parser_phrasings_v5.KINDS_V5): 128/129. The one
        # left expects a new template for "info om endra leveringsdager" where the confirmation
        # template is named "Kvittering levering".
        ("held_out_v11", HELD_OUT_V11, held_out_v11_context()),
        # Written by a new writer who never saw the parser nor any other phrasing set, a
        # wholesaler of cut flowers, pot plants, Christmas trees, bulbs and florists' supplies
        # in Ålesund with a depot in Molde (Sunnmørsk and Nynorsk, a Danish-born owner's
        # Danish, a Polish-born sales rep's English, an intern's slang and abbreviations, voice
        # dictation, rambling messages, corrections inside one message; a customer's complaint
        # webhook ``reklamasjon``; today 2028-12-20, so 1. and 2. juledag are the next Monday
        # and Tuesday and New Year follows). Measured once, untuned, on 2026-12-07: 113/142
        # (0.796; must-ask 26/28; conversations 20/23; keyword baseline 0.106). Tuned on the
        # kinds of its misses (h-kinds8; KINDS_V12): 142/142 after tuning, no longer a held-out
        # number.
        ("held_out_v12", HELD_OUT_V12, held_out_v12_context()),
        # Written by a new writer who never saw the parser nor any other phrasing set, a
        # wholesaler of restaurant equipment, packaging and disposables (takeaway boxes,
        # napkins, gloves) in Lillehammer with a warehouse in Gjøvik, for food trucks, ski
        # resorts, campsites, festivals, pizzerias, sushi bars, school canteens and sports
        # clubs' kiosks (Gudbrandsdal and Valdres dialect, a Lithuanian-born worker's English,
        # a retired founder's old-fashioned Riksmål, marketing jargon, SMS shorthand, requests
        # as questions; webhooks ``kiosk-tom`` (names a customer) and ``lagertelling`` (none);
        # today 2029-05-15, so 17. mai is the Thursday after and 2. pinsedag the Monday after).
        # Measured once, untuned, on 2026-12-07: 120/137 (0.876; must-ask 27/28; conversations
        # 19/24; keyword baseline 0.146). Tuned on the kinds of its misses (h-kinds9;
        # KINDS_V13): 137/137 after tuning, no longer a held-out number.
        ("held_out_v13", HELD_OUT_V13, held_out_v13_context()),
        # Written by a new writer who never saw the parser nor any other phrasing set, a
        # wholesaler of pharmacy goods, health food, supplements and wellness products in
        # Tønsberg with a warehouse in Sandefjord, for pharmacies, health-food shops, gyms,
        # physiotherapists, spas, care homes and sports shops (Vestfold dialect, a Somali-born
        # driver's simple Norwegian, a Finnish-Swedish buyer's Swedish, a CFO's terse English
        # with abbreviations, dictation with filler words, numbered plans and tables, passive
        # voice, wishes for the future; webhooks ``lager-lavt`` (names a customer) and
        # ``prisfil`` (none); today 2029-12-27, between Christmas and New Year, so 1. nyttårsdag
        # is the Tuesday after and the Monday after is in ISO week 1 of 2030).
        # Measured once, untuned, on 2026-12-07: 109/131 (0.832; must-ask 25/27; conversations
        # 19/22; keyword baseline 0.130). Tuned on the kinds of its misses (h-kinds10;
        # KINDS_V14): 128/131 after tuning, no longer a held-out number; 131/131 with h-kinds9's
        # relative days and the lead's short units, physiotherapists and overview of prices.
        ("held_out_v14", HELD_OUT_V14, held_out_v14_context()),
        # Written by a new writer who never saw the parser (held-out v15: a wholesaler of
        # school, craft and toy supplies in Haugesund/Kopervik; schools, SFO, kindergartens,
        # bookshops, toy shops, libraries, municipalities, craft shops; Haugesund dialect, a
        # German-born buyer's Norwegian, a principal's formal Bokmål, an intern's English with
        # Norwegian words, dictation without punctuation, typos; school-year timing must ask;
        # webhooks ``handleliste`` (names a customer) and ``katalog-import`` (none); today
        # 2030-08-14, just before school starts). Measured once, untuned, on 2026-12-07 after
        # the kinds of v12-v14: 75/88 (0.852; must-ask 18/19; conversations 11/12; keyword
        # baseline 0.148). After the lead fixed two of its kinds (a group named by an
        # abbreviation, "SFO-ene"; German word order "bestilt har"): 80/88, no longer held-out.
        # Tuned on the kinds of its misses (h-kinds11; parser_phrasings_v9.KINDS_V15): after
        # h-kinds11: 88/88 (must-ask 19/19).
        ("held_out_v15", HELD_OUT_V15, held_out_v15_context()),
        # Written by a new writer who never saw the parser (held-out v16: a wholesaler of
        # building materials, hardware and paint in Bodø; hardware stores, painters,
        # carpenters, plumbers, housing co-ops, farms, boat harbours, cabin associations;
        # Nordland dialect, a Polish-born foreman's Norwegian, chat English-Norwegian with
        # emojis, run-on "og så" chains, lists and arrows, the polite conditional, dictation
        # without punctuation, Nynorsk; seasons, weather, amounts and exclusions must ask;
        # webhooks ``anbud`` (names a customer) and ``prisfil`` (none); today 2031-04-07, the
        # start of Easter week). Measured once, untuned, on 2026-12-07 after h-kinds11:
        # 106/127 (0.835; must-ask 22/27; conversations 15/20; keyword baseline 0.118).
        # Tuned on the kinds of its misses (h-kinds12; parser_phrasings_v10.KINDS_V16): 127/127
        # (must-ask 27/27), conversations 20/20 after tuning, no longer held-out.
        ("held_out_v16", HELD_OUT_V16, held_out_v16_context()),
        # Written by a new writer who never saw the parser (held-out v17: a fish and seafood
        # wholesaler in Tromsø; sushi restaurants, fish shops, hotels, grocery stores,
        # canteens, nursing homes, caterers, shipping companies; Tromsø dialect, a Sami
        # writer's simple Norwegian, a Ukrainian-born worker's Norwegian, terse fragments with
        # arrows, British English, long e-mail-like requests, questions ("kan du ..."), typos
        # and autocorrect, Nynorsk, Swedish; webhooks ``reklamasjon`` (names a customer) and
        # ``fangstmelding`` (none); today 2031-12-22, the Monday of Christmas week).
        # Measured once, untuned, on 2026-12-07: 87/106 (0.821; must-ask 20/24; keyword
        # baseline 0.142). Tuned on the kinds of its misses (h-kinds13;
        # parser_phrasings_v11.KINDS_V17): 94/106 (must-ask 24/24), conversations 15/18 after
        # tuning, no longer held-out. After h-kinds14 (v18's kinds, some shared with v17's
        # misses: Nynorsk chains, "fom 2. juledag", templates by compound or quoted subject):
        # 105/106 (must-ask 24/24), conversations 18/18.
        ("held_out_v17", HELD_OUT_V17, held_out_v17_context()),
        # Written by a new writer who never saw the parser (held-out v18: a cleaning-supplies
        # wholesaler, Sørlandet Renhold Engros; schools, kindergartens, offices, gyms, hotels,
        # restaurants, cleaning firms, municipal buildings, clinics; Sørlandet dialect,
        # Nynorsk, Danish, US English, ALL CAPS, chat with emojis, formal Bokmål, dictation;
        # webhooks ``dispenseralarm`` (names a customer) and ``lagervarsel`` (none); today
        # 2032-05-03). Measured once, untuned, on 2026-12-07: 91/128 (0.711; must-ask 17/27;
        # conversations 15/19; keyword baseline 0.133). Tuned on the kinds of its misses
        # (h-kinds14; parser_phrasings_v12.KINDS_V18): after h-kinds14 128/128 (must-ask
        # 27/27), conversations 19/19, no longer held-out.
        ("held_out_v18", HELD_OUT_V18, held_out_v18_context()),
        # Written by a new writer who never saw the parser (held-out v19: a flower wholesaler
        # in Stavanger). Measured once, untuned, after h-kinds14: 88/138 = 63.8 % (must-ask
        # 21/29, conversations 12/22; keyword baseline 16.7 %). Tuned on the kinds of its
        # misses (h-kinds15; parser_phrasings_v13.KINDS_V19): after h-kinds15 106/138 = 76.8 %
        # (must-ask 21/29), conversations 15/22, no longer held-out.
        ("held_out_v19", HELD_OUT_V19, held_out_v19_context()),
        # Written by a new writer who never saw the parser (held-out v20: a coffee, tea and
        # canteen wholesaler in Trondheim; today 2033-10-24, the week the clocks go back).
        # Measured once, untuned, on 2026-12-07 after h-kinds15: 106/138 = 76.8 % (must-ask
        # 23/28, conversations 13/22; keyword baseline 14.5 %). Tuned on the kinds of its misses
        # (h-kinds16; parser_phrasings_v14.KINDS_V20): 138/138, no longer held-out.
        ("held_out_v20", HELD_OUT_V20, held_out_v20_context()),
        # Written by a new writer who never saw the parser (held-out v21: a wholesaler of car
        # parts, tyres, oils and workshop supplies in Drammen; today 2034-05-15, the week of
        # 17. mai and Ascension Day; writers in pseudo-code, SMS abbreviations, bureaucratic
        # Norwegian, self-corrections). Measured once, untuned, on 2026-12-07 after h-kinds15:
        # 91/142 = 64.1 % (must-ask 24/28, conversations 13/22; keyword baseline 14.1 %). After
        # h-kinds16 95/142; tuned on the kinds of its misses (h-kinds17;
        # parser_phrasings_v15.KINDS_V21): 142/142, no longer held-out.
        ("held_out_v21", HELD_OUT_V21, held_out_v21_context()),
        # Written by a new writer who never saw the parser (held-out v22: a distributor of frozen
        # food, ice cream and cold drinks in Kristiansund; today 2035-06-18, the week of
        # Sankthans before the fellesferie; writers in Nordmøre dialect, run-on sentences,
        # forwarded emails, British English, relative and vague times). Measured once, untuned,
        # on 2026-12-07 after h-kinds16: 94/135 = 69.6 % (must-ask 22/30, conversations 17/22;
        # keyword baseline 16.3 %). Tuned on the kinds of its misses (h-kinds18;
        # parser_phrasings_v16.KINDS_V22), merged with h-kinds17: 128/135 (must-ask 29/30),
        # conversations 22/22, no longer held-out; 133/135 after corrections inside a text
        # (test_kinds_lead2).
        ("held_out_v22", HELD_OUT_V22, held_out_v22_context()),
        # Written by a new writer who never saw the parser (held-out v23: an electrical-supplies
        # wholesaler in Gjøvik; today 2036-01-07, the first week after New Year; writers in
        # Toten speech, a Turkish-born worker's Norwegian, a Finn's English, chat style,
        # filled-in forms, typos, numbers in words, calendar terms around New Year and Easter).
        # Measured once, untuned, on 2026-12-08 after h-kinds18 and the corrections inside a
        # text: 88/112 = 78.6 % (must-ask 19/21, conversations 15/16; keyword baseline 16.1 %).
        # Tuned on the kinds of its misses (h-kinds19; test_kinds19): 106/112 (must-ask 19/21),
        # conversations 16/16, no longer held-out.
        ("held_out_v23", HELD_OUT_V23, held_out_v23_context()),
    ):
        ours = measure(cases, context=where)
        base = measure(cases, context=where, parse=keyword_baseline)
        results.append(
            Result(
                benchmark="offline_parser",
                metric=f"accuracy_{label}",
                value=round(ours.accuracy, 3),
                baseline=round(base.accuracy, 3),
                conditions={
                    **machine_conditions(),
                    "cases": len(cases),
                    "correct": ours.correct,
                    "baseline_correct": base.correct,
                    "by_category": by_category(cases, ours),
                    "baseline_by_category": by_category(cases, base),
                    "must_ask_asked": _asked(cases, ours),
                    "misses": [m.text for m in ours.misses],
                    "better": "higher",
                    "baseline_is": "keyword matcher (benchmarks.parser_accuracy.keyword_baseline)",
                },
            )
        )
    for label, conversations, where in (
        ("conversations", EDIT_CASES, context_v2()),
        # The v6 writer's two-turn conversations (answers and edits); measured once, untuned,
        # on 2026-12-06: 13/20 (0.65; keyword baseline on the follow-up alone 0.05). After
        # tuning on their kinds (2026-12-07): 20/20, no longer a held-out number.
        ("conversations_v6", HELD_OUT_V6_CONVERSATIONS, held_out_v6_context()),
        # The held-out v7 writer's two-turn conversations (answers to questions, edits of a
        # draft); measured once, untuned, on 2026-12-07: 13/18 (0.722; keyword baseline 0).
        # After tuning on their kinds (h-kinds2, 2026-12-07): 18/18, no longer held-out.
        ("conversations_v7", HELD_OUT_V7_CONVERSATIONS, held_out_v7_context()),
        # Written by a new writer who never saw the parser: the held-out v8 writer's two-turn
        # conversations (answers to questions, edits of a draft); measured once, untuned, on
        # 2026-12-07: 20/24. After tuning on their kinds (h-kinds3, 2026-12-07): 24/24, no
        # longer held-out.
        ("conversations_v8", HELD_OUT_V8_CONVERSATIONS, held_out_v8_context()),
        # Written by a new writer who never saw the parser: the held-out v9 writer's two-turn
        # conversations (answers to questions, edits of a draft); measured once, untuned, on
        # 2026-12-07: 12/20. After tuning on their kinds (h-kinds4, 2026-12-07): 19/20, no
        # longer held-out.
        ("conversations_v9", HELD_OUT_V9_CONVERSATIONS, held_out_v9_context()),
        # Written by a new writer who never saw the parser: the held-out v10 writer's two-turn
        # conversations (answers to questions, one-word answers included, and edits of a
        # draft); measured once, untuned, on 2026-12-07: 15/21. After tuning on their kinds
        # (h-kinds5): 20/21, no longer held-out. The one left ("sms til kafean hver fredag om
        # kampanjen" + "ok ta det på epost da") expects a campaign without a time; it has no
        # default time (nl-examples.md), so the assistant asks for it.
        ("conversations_v10", HELD_OUT_V10_CONVERSATIONS, held_out_v10_context()),
        # Written by a new writer who never saw the parser: the held-out v11 writer's two-turn
        # conversations (answers to questions, one-word answers included, and edits of a
        # draft). Measured untuned: 15/21; after h-kinds6 17/21, after h-kinds7 21/21 (no longer
        # held-out).
        ("conversations_v11", HELD_OUT_V11_CONVERSATIONS, held_out_v11_context()),
        # Written by a new writer who never saw the parser: the held-out v12 writer's two-turn
        # conversations (answers to questions, one-word answers included, and edits of a
        # draft). Measured once, untuned, on 2026-12-07: 20/23. Tuned on the kinds of its
        # misses (h-kinds8; KINDS_V12_CONVERSATIONS): 23/23 after tuning, no longer held-out.
        ("conversations_v12", HELD_OUT_V12_CONVERSATIONS, held_out_v12_context()),
        # Written by a new writer who never saw the parser: the held-out v13 writer's two-turn
        # conversations (answers to questions, one-word answers included, and edits of a
        # draft). Measured once, untuned, on 2026-12-07: 19/24. Tuned on the kinds of its
        # misses (h-kinds9; KINDS_V13_CONVERSATIONS): 24/24 after tuning, no longer held-out.
        ("conversations_v13", HELD_OUT_V13_CONVERSATIONS, held_out_v13_context()),
        # Written by a new writer who never saw the parser: the held-out v14 writer's two-turn
        # conversations (answers to questions, one-word answers included, and edits of a
        # draft). Measured once, untuned, on 2026-12-07: 19/22. Tuned on the kinds of its
        # misses (h-kinds10; KINDS_V14_CONVERSATIONS): 22/22 after tuning, no longer held-out.
        ("conversations_v14", HELD_OUT_V14_CONVERSATIONS, held_out_v14_context()),
        # Written by a new writer who never saw the parser: the held-out v15 writer's two-turn
        # conversations (answers to questions and edits of a draft). Measured once, untuned,
        # on 2026-12-07: 11/12; 12/12 after the abbreviation fix, no longer held-out.
        ("conversations_v15", HELD_OUT_V15_CONVERSATIONS, held_out_v15_context()),
        # Written by a new writer who never saw the parser: the held-out v16 writer's two-turn
        # conversations (answers to questions, one-word answers, and edits of a draft: move,
        # add or remove a step, drop a group, change time, day or template, skip holidays).
        # Measured once, untuned, on 2026-12-07 after h-kinds11: 15/20. Tuned on the kinds of
        # its misses (h-kinds12; parser_phrasings_v10.KINDS_V16_CONVERSATIONS): 20/20 after
        # tuning, no longer held-out.
        ("conversations_v16", HELD_OUT_V16_CONVERSATIONS, held_out_v16_context()),
        # Written by a new writer who never saw the parser: the held-out v17 writer's two-turn
        # conversations (answers to questions, one-word answers, and edits of a draft: move,
        # add or remove a step, drop a group, change time, skip holidays).
        # Measured once, untuned, on 2026-12-07: 14/18. Tuned on the kinds of its misses
        # (h-kinds13; parser_phrasings_v11.KINDS_V17): 94/106 (must-ask 24/24), conversations
        # 15/18 after tuning, no longer held-out. After h-kinds14: 18/18.
        ("conversations_v17", HELD_OUT_V17_CONVERSATIONS, held_out_v17_context()),
        # Written by a new writer who never saw the parser: the held-out v18 writer's two-turn
        # conversations (answers to a vague group, one-word answers, and edits of a draft).
        # Measured once, untuned, on 2026-12-07: 15/19. Tuned on the kinds of its misses
        # (h-kinds14; parser_phrasings_v12.KINDS_V18_CONVERSATIONS): after h-kinds14 19/19, no
        # longer held-out.
        ("conversations_v18", HELD_OUT_V18_CONVERSATIONS, held_out_v18_context()),
        # Written by a new writer who never saw the parser: the held-out v19 writer's two-turn
        # conversations. Measured once, untuned, after h-kinds14: 12/22. Tuned on the kinds of
        # its misses (h-kinds15; parser_phrasings_v13.KINDS_V19_CONVERSATIONS): after
        # h-kinds15 15/22, no longer held-out.
        ("conversations_v19", HELD_OUT_V19_CONVERSATIONS, held_out_v19_context()),
        # Written by a new writer who never saw the parser: the held-out v20 writer's two-turn
        # conversations. Measured once, untuned, on 2026-12-07 after h-kinds15: 13/22. After
        # h-kinds16: 22/22, no longer held-out.
        ("conversations_v20", HELD_OUT_V20_CONVERSATIONS, held_out_v20_context()),
        # Written by a new writer who never saw the parser (held-out v21: the held-out v21
        # writer's two-turn conversations). Measured once, untuned, on 2026-12-07 after
        # h-kinds15: 13/22. After h-kinds17: 22/22, no longer held-out.
        ("conversations_v21", HELD_OUT_V21_CONVERSATIONS, held_out_v21_context()),
        # Written by a new writer who never saw the parser (held-out v22: the held-out v22
        # writer's two-turn conversations). Measured once, untuned, on 2026-12-07: 17/22. After
        # h-kinds18: 22/22, no longer held-out.
        ("conversations_v22", HELD_OUT_V22_CONVERSATIONS, held_out_v22_context()),
        # Written by a new writer who never saw the parser (held-out v23: the held-out v23
        # writer's two-turn conversations). Measured once, untuned, on 2026-12-08: 15/16.
        ("conversations_v23", HELD_OUT_V23_CONVERSATIONS, held_out_v23_context()),
    ):
        ours = measure_conversations(conversations, context=where)
        base = measure_conversations(conversations, context=where, keyword_only=True)
        results.append(
            Result(
                benchmark="offline_parser",
                metric=f"accuracy_{label}",
                value=round(ours.accuracy, 3),
                baseline=round(base.accuracy, 3),
                conditions={
                    **machine_conditions(),
                    "cases": len(conversations),
                    "correct": ours.correct,
                    "baseline_correct": base.correct,
                    "misses": [m.text for m in ours.misses],
                    "better": "higher",
                    "baseline_is": "keyword matcher on the follow-up alone (no conversation)",
                },
            )
        )

    texts = [c.text for c in (*TABLE_EXAMPLES, *PHRASINGS, *HELD_OUT)]
    rounds = 3 if args.quick else 20

    def mean_ms(parse) -> float:
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            for text in texts:
                parse(text, context=context)
            best = min(best, time.perf_counter() - start)
        return 1000 * best / len(texts)

    results.append(
        Result(
            benchmark="offline_parser",
            metric="parse_latency_ms",
            value=round(mean_ms(parse_description), 3),
            baseline=round(mean_ms(keyword_baseline), 3),
            conditions={
                **machine_conditions(),
                "texts": len(texts),
                "rounds": rounds,
                "statistic": "best round's mean per text",
                "better": "lower",
                "baseline_is": "keyword matcher",
            },
        )
    )
    return results


def _asked(cases: Any, report: Any) -> str:
    """ "asked/total" of the cases that must be asked back."""
    missed = {m.text for m in report.misses}
    must = [c for c in cases if c.expected == "question"]
    return f"{sum(c.text not in missed for c in must)}/{len(must)}"
