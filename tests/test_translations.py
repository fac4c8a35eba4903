"""Norwegian Bokmål is the default language: every string is translated, none is missing in nb.

The catalogues are the project's ``locale/`` (templates/ and config/) and each app's own
``<app>/locale/``. These tests read every nb catalogue, check that the committed ``.mo`` says
what the ``.po`` says, extract the strings from the source again (``makemessages`` in a copy of
the project) so a string added without a translation fails here, and render pages in both
languages.
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

BASE_DIR = Path(settings.BASE_DIR)
# The project's own apps: under BASE_DIR but not installed into the virtualenv there.
PROJECT_APPS = [
    config
    for config in apps.get_app_configs()
    if Path(config.path).is_relative_to(BASE_DIR)
    and not Path(config.path).is_relative_to(sys.prefix)
]
LOCALE_DIRS = [Path(p) for p in settings.LOCALE_PATHS] + [
    Path(config.path) / "locale" for config in PROJECT_APPS
]
CATALOGUES = sorted(
    po for locale_dir in LOCALE_DIRS for po in locale_dir.glob("nb/LC_MESSAGES/*.po")
)
# %(name)s, %s, %d, %% and {name}: what the code fills in must survive translation.
PLACEHOLDER = re.compile(r"%\([^)]+\)[#0 +-]*\d*(?:\.\d+)?[sdifr]|%[sdifr%]|\{[a-z_]+\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0


def parse_po(path: Path) -> list[Entry]:
    """The entries of a .po file, without the header and obsolete (#~) entries."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            if not line and entry is not None:
                entries.append(entry)
                entry, target = None, None
            continue
        if entry is None:
            entry = Entry(line=number)
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            assert target is not None, f"{path}:{number}: continuation without a keyword"
            append(entry, target, ast.literal_eval(line))
        else:
            keyword, _, value = line.partition(" ")
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            target = ("msgstr", int(match.group(1))) if match else (keyword, 0)
            assert target[0] in {"msgid", "msgid_plural", "msgctxt", "msgstr"}, (
                f"{path}:{number}: unknown keyword {keyword}"
            )
            append(entry, target, ast.literal_eval(value), start=True)
    if entry is not None:
        entries.append(entry)
    return [e for e in entries if e.msgid or e.msgctxt]


def append(entry: Entry, target: tuple[str, int], text: str, *, start: bool = False) -> None:
    name, index = target
    if name == "msgstr":
        entry.msgstr[index] = ("" if start else entry.msgstr[index]) + text
    else:
        setattr(entry, name, ("" if start else getattr(entry, name)) + text)


def describe(path: Path, entry: Entry) -> str:
    return f"{path.relative_to(BASE_DIR)}:{entry.line}: {entry.msgid!r}"


def test_every_app_with_strings_has_its_catalogue() -> None:
    assert CATALOGUES, "no nb catalogue found"
    assert BASE_DIR / "locale/nb/LC_MESSAGES/django.po" in CATALOGUES


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalogue_is_complete_and_checked(po: Path) -> None:
    entries = parse_po(po)
    assert entries, f"{po} is empty"
    untranslated = [
        describe(po, e)
        for e in entries
        if not e.msgstr or any(not text for text in e.msgstr.values())
    ]
    fuzzy = [describe(po, e) for e in entries if "fuzzy" in e.flags]
    assert not untranslated, "untranslated in nb:\n" + "\n".join(untranslated)
    assert not fuzzy, "fuzzy in nb (check, then remove the flag):\n" + "\n".join(fuzzy)
    for e in entries:
        if e.msgid_plural is not None:
            assert sorted(e.msgstr) == [0, 1], f"{describe(po, e)}: nb has two plural forms"
        sources = [e.msgid] + ([e.msgid_plural] if e.msgid_plural else [])
        expected = {p for s in sources for p in PLACEHOLDER.findall(s)}
        for text in e.msgstr.values():
            assert set(PLACEHOLDER.findall(text)) <= expected, (
                f"{describe(po, e)}: unknown placeholder in {text!r}"
            )
            if e.msgid_plural is None and "%(" in e.msgid:
                assert set(PLACEHOLDER.findall(text)) == expected, (
                    f"{describe(po, e)}: placeholders differ in {text!r}"
                )
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_compiled_catalogue_matches_the_po(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run compilemessages"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for e in parse_po(po):
        if e.msgid_plural is not None:
            got = {n: compiled.ngettext(e.msgid, e.msgid_plural, n) for n in (1, 2)}
            want = {1: e.msgstr.get(0), 2: e.msgstr.get(1)}
        elif e.msgctxt is not None:
            got, want = compiled.pgettext(e.msgctxt, e.msgid), e.msgstr.get(0)
        else:
            got, want = compiled.gettext(e.msgid), e.msgstr.get(0)
        if got != want:
            stale.append(describe(po, e))
    assert not stale, f"{mo} is out of date: run compilemessages\n" + "\n".join(stale)


def test_no_string_in_the_source_is_missing_in_nb(tmp_path: Path, settings, monkeypatch) -> None:
    """makemessages in a copy of the project: a new or changed string shows up as empty."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.mo", "migrations")
    sources = {Path(config.path) for config in PROJECT_APPS}
    sources |= {Path(d) for t in settings.TEMPLATES for d in t.get("DIRS", [])}
    sources |= {BASE_DIR / "config"} | {Path(p) for p in settings.LOCALE_PATHS}
    for source in sources:
        if source.exists():
            shutil.copytree(source, copy / source.relative_to(BASE_DIR), ignore=ignore)
    settings.LOCALE_PATHS = [copy / Path(p).relative_to(BASE_DIR) for p in settings.LOCALE_PATHS]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["nb"], no_obsolete=True, verbosity=0)

    missing = []
    for po in sorted(copy.glob("**/locale/nb/LC_MESSAGES/django.po")):
        for e in parse_po(po):
            if "fuzzy" in e.flags or not e.msgstr or not all(e.msgstr.values()):
                where = po.relative_to(copy)
                missing.append(f"{where}: {e.msgid!r}")
    assert not missing, (
        "strings without an nb translation (run makemessages, translate, compilemessages):\n"
        + "\n".join(missing)
    )


@pytest.mark.django_db
def test_admin_index_speaks_norwegian_by_default(admin_client) -> None:
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="nb")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nb"' in html
    for word in ["Arbeidsflyter", "Kjøringer", "E-postmaler", "Kunder og bestillinger"]:
        assert word in html


@pytest.mark.django_db
def test_admin_index_in_english(admin_client) -> None:
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Workflows" in html
    assert "Arbeidsflyter" not in html


@pytest.mark.django_db
def test_login_page_without_a_language_preference_is_norwegian(client) -> None:
    html = client.get(reverse("login")).content.decode()
    for word in ["Logg inn", "Brukernavn", "Passord", "Gå til innholdet"]:
        assert word in html


@pytest.mark.django_db
def test_login_page_in_english(client) -> None:
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Log in" in html
    assert "Logg inn" not in html
