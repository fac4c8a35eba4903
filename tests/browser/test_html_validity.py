"""Valid HTML on every page: the Nu Html Checker (vnu.jar from npm, package.json, run with the
machine's Java 17) checks each page Chromium is served, and every HTMX fragment the page
fetches while it is used, and a test fails on any error.

The pages are visited as the accessibility test visits them (its list of pages and what it
does on each), so that the fragments (a chat's preview, a live template preview, a running
execution's status) are checked too. htmx's ``hx-*`` attributes are the one thing left out:
they are not HTML, and htmx reads them as they are.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.test import Client

from customers import links
from tests.browser.conftest import CHROMIUM
from tests.browser.test_accessibility import PREPARE, quiet, urls  # noqa: F401 (fixtures)
from tests.customers.factories import CustomerFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("quiet"),
]

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
# vnu's own wording (Java regex on each message): htmx's attributes, not HTML's.
HTMX_ATTRIBUTES = r".*Attribute “hx-[a-z:-]+” (is )?not allowed.*"
Checker = Callable[[dict[str, str]], dict[str, list[dict[str, Any]]]]


@pytest.fixture(scope="module")
def check_html() -> Checker:
    """``check_html({name: html})``: vnu's errors per document, in one run of the checker."""
    java = shutil.which("java")
    if not VNU.exists() or java is None:
        if os.environ.get("CI") == "true" and Path(CHROMIUM).exists():
            pytest.fail("CI must have java (17+) and vnu-jar in node_modules (npm ci)")
        pytest.skip("needs java and vnu-jar in node_modules: run scripts/setup (npm ci)")

    def check(documents: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
        with tempfile.TemporaryDirectory() as folder:
            files = {}
            for number, (name, html) in enumerate(documents.items()):
                path = Path(folder) / f"{number:03d}.html"
                path.write_text(html, encoding="utf-8")
                files[path.as_uri()] = name
            run = subprocess.run(
                [
                    java,
                    "-jar",
                    str(VNU),
                    "--format",
                    "json",
                    "--stdout",
                    "--exit-zero-always",
                    "--filterpattern",
                    HTMX_ATTRIBUTES,
                    *(str(Path(folder) / f"{n:03d}.html") for n in range(len(documents))),
                ],
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
            )
        found: dict[str, list[dict[str, Any]]] = {name: [] for name in documents}
        for message in json.loads(run.stdout)["messages"]:
            if message.get("type") in ("error", "non-document-error"):
                name = files.get(message.get("url", "").replace("file:/", "file:///", 1))
                found[name or message.get("url", "?")].append(message)
        return found

    return check


def as_document(fragment: str) -> str:
    """An HTMX fragment in the smallest document that gives it the context it is used in."""
    head = '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>x</title></head>'
    if re.match(r"\s*<tr[\s>]", fragment):
        return f"{head}<body><table><tbody>{fragment}</tbody></table></body></html>"
    return f"{head}<body>{fragment}</body></html>"


def served_html(page: Any, pages: dict[str, str]) -> dict[str, str]:
    """Each page as served, and each HTMX fragment fetched while it was prepared and shown."""
    documents: dict[str, str] = {}
    fragments: list[Any] = []

    def keep(response: Any) -> None:
        headers = response.request.headers
        if headers.get("hx-request") and "text/html" in response.headers.get("content-type", ""):
            fragments.append(response)

    page.on("response", keep)
    try:
        for name, path in pages.items():
            fragments.clear()
            response = page.goto(page.live_server_url + path)
            assert response is not None and response.ok, f"{name}: {path} answered {response}"
            page.wait_for_load_state("networkidle")
            if name in PREPARE:
                PREPARE[name](page)
                page.wait_for_load_state("networkidle")
            documents[name] = response.text()
            for number, fragment in enumerate(list(fragments)):
                if fragment.ok and fragment.status != 204:
                    documents[f"{name} (htmx {number + 1}: {fragment.url})"] = as_document(
                        fragment.text()
                    )
    finally:
        page.remove_listener("response", keep)
    return documents


def describe(found: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for name, messages in found.items():
        for message in messages:
            extract = " ".join((message.get("extract") or "").split())[:160]
            lines.append(
                f"{name}: line {message.get('lastLine', '?')}: {message['message']}\n    {extract}"
            )
    return "\n".join(lines)


def test_every_page_and_fragment_is_valid_html(
    page_as: Any,
    urls: dict[str, str],  # noqa: F811 (the fixture)
    check_html: Checker,
) -> None:
    page = page_as("developer")
    documents = served_html(page, urls)

    found = check_html(documents)

    assert len(documents) > len(urls)  # the fragments were checked too
    assert not any(found.values()), "vnu found errors:\n" + describe(found)


def test_the_login_page_is_valid_html(browser: Any, live_server: Any, check_html: Checker) -> None:
    context = browser.new_context(locale="nb-NO")
    try:
        page = context.new_page()
        page.live_server_url = live_server.url
        documents = served_html(page, {"login": "/login/"})
        page.fill("#id_username", "ingen")
        page.fill("#id_password", "feil")
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.click("button[type=submit]")
        documents["login-error"] = answer.value.text()
    finally:
        context.close()

    found = check_html(documents)

    assert not any(found.values()), "vnu found errors:\n" + describe(found)


def test_the_check_finds_what_the_issue_found(check_html: Checker) -> None:
    """The check can fail: the order form's old number field and a time with microseconds."""
    document = as_document(
        '<input type="number" pattern="[0-9]*" inputmode="numeric" aria-label="Antall">'
        '<time datetime="2026-03-30T09:00:04.123456+02:00">30.03.2026</time>'
        '<a href="/" hx-get="/">htmx is left out</a>'
    )

    [messages] = check_html({"old": document}).values()

    text = " ".join(message["message"] for message in messages)
    assert "Attribute “pattern” is only allowed when the input type is" in text
    assert "“datetime” on element “time”" in text
    assert "hx-get" not in text
    assert len(messages) == 2


def test_the_pages_of_links_that_do_not_work_are_valid_html(check_html: Checker) -> None:
    """The customers' pages for a link that cannot work: answered with 4xx, so not among
    the pages a browser visits above (they must answer 200 there)."""
    customer = CustomerFactory()
    with mock.patch("time.time", return_value=time.time() - 30 * 86400):
        expired = links.order_form_url(customer)
    gone = CustomerFactory()
    gone_urls = [links.order_form_url(gone), links.unsubscribe_url(gone)]
    gone.delete()
    token = links.unsubscribe_token(customer)
    pages = {
        "expired": (expired, 403),
        "gone-order-form": (gone_urls[0], 410),
        "gone-unsubscribe": (gone_urls[1], 410),
        "cut-off": (f"/k/avmeld/{token[:-3]}/", 400),
        "sample": (links.sample_order_form_url(), 400),
    }
    client = Client(HTTP_ACCEPT_LANGUAGE="nb")
    documents = {}
    for name, (url, status) in pages.items():
        response = client.get("/" + url.split("://", 1)[-1].split("/", 1)[-1])
        assert response.status_code == status, name
        documents[name] = response.content.decode()

    found = check_html(documents)

    assert not any(found.values()), "vnu found errors:\n" + describe(found)
