"""Hostile inputs shared by the fuzz tests: odd Unicode, odd numbers, deep nesting.

Text is drawn from all of Unicode, unpaired surrogates included (hypothesis leaves them out
unless asked), mixed with the strings that have broken parsers and databases before.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

#: Strings that broke something somewhere once: NUL, lone surrogates, BOM, direction
#: overrides, case mappings that change length, formula starts, template and HTML syntax.
NASTY_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "\udfff",
    "x\udc00y",
    "\ufeff",
    "\u200b",
    "\u202e",
    "\u2028",
    "\r\n",
    "\t",
    "ß",
    "İ",
    "ﬃ",
    "ŉ",
    "😀",
    "e\u0301",
    '=HYPERLINK("https://evil.example")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1)",
    "'",
    '"',
    "\\",
    "%",
    "%(x)s",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "<script>alert(1)</script>",
    "&amp;",
    "NaN",
    "Infinity",
    "1e999",
    "-0",
    "9" * 30,
    "x" * 5_000,
]

#: Any character, surrogates included.
any_character = st.characters(exclude_categories=())

odd_text = st.one_of(
    st.text(any_character, max_size=40),
    st.sampled_from(NASTY_STRINGS),
    st.lists(st.sampled_from(NASTY_STRINGS), min_size=2, max_size=4).map("".join),
)

odd_numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 2**31, 2**53 + 1, 2**63, 2**64, -(2**63) - 1, 10**20]),
    st.floats(allow_nan=False, allow_infinity=False),
)


def json_string(text: str) -> str:
    """``text`` as a JSON string literal, escaping what JSON may escape (surrogates too)."""
    return json.dumps(text, ensure_ascii=True)


# JSON as raw text, so that it can hold what json.dumps would refuse or rewrite.
raw_json_scalar = st.one_of(
    odd_text.map(json_string),
    odd_numbers.map(json.dumps),
    st.sampled_from(
        ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "true", "false", "null"]
    ),
    st.integers(min_value=1, max_value=5_000).map(lambda n: "9" * n),  # past int's digit limit
)


def _raw_containers(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(odd_text.map(json_string), children), max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"
        ),
    )


raw_json_value = st.recursive(raw_json_scalar, _raw_containers, max_leaves=12)


@st.composite
def deeply_nested(draw: st.DrawFn) -> str:
    """Arrays or objects inside one another, from a few levels to far past any parser."""
    depth = draw(st.one_of(st.integers(1, 64), st.sampled_from([500, 999, 1_001, 100_000])))
    if draw(st.booleans()):
        return "[" * depth + "]" * depth
    return '{"a": ' * depth + "{}" + "}" * depth
