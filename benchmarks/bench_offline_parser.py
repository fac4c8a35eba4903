"""The offline parser: accuracy on phrasings written for measuring it, and parse latency.

Accuracy is the share of cases whose key facts (schedule, days, time, steps, templates,
audience, conditions, or "must ask a question") come out right (``benchmarks.parser_accuracy``).
The baseline is a trivial keyword matcher measured on the same cases in the same run.
Three sets: the example table of nl-examples.md, the phrasings written alongside the parser
(``PHRASINGS``) and phrasings written afterwards and never tuned against (``HELD_OUT``).
Latency is the mean time to parse one text, next to the keyword matcher's.
"""

from __future__ import annotations

import argparse
import time

from benchmarks import Result, machine_conditions


def run(args: argparse.Namespace) -> list[Result]:
    from ai_assistant.offline import parse_description
    from benchmarks.parser_accuracy import keyword_baseline, measure
    from tests.ai_assistant.parser_phrasings import (
        HELD_OUT,
        PHRASINGS,
        TABLE_EXAMPLES,
        standard_context,
    )

    context = standard_context()
    results: list[Result] = []
    for label, cases in (
        ("table", TABLE_EXAMPLES),
        ("phrasings", PHRASINGS),
        ("held_out", HELD_OUT),
    ):
        ours = measure(cases, context=context)
        base = measure(cases, context=context, parse=keyword_baseline)
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
                    "misses": [m.text for m in ours.misses],
                    "better": "higher",
                    "baseline_is": "keyword matcher (benchmarks.parser_accuracy.keyword_baseline)",
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
