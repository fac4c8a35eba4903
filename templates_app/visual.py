"""The visual email editor's content and the email-safe HTML that is stored for it.

The visual editor (TipTap, ``static/js/email-editor.js``) edits a small document: headings,
paragraphs with bold, italic, links and line breaks, bullet and numbered lists, button links,
images by URL, and template variables as atomic chips. Two HTML forms of that document exist:

* the editor's HTML, what TipTap reads and writes (``<h2>``, ``<p>``, ``<strong>``, ``<a>``,
  ``<div data-type="email-button" data-href>``, ``<span data-variable="kunde_navn">``, ...);
* the email's HTML, what is stored in ``EmailTemplate.body_html`` and sent: a table layout
  with inline styles that the common mail clients (Outlook's Word engine, Gmail, Apple Mail)
  show alike; a button is a table cell, chips are ``{{ kunde_navn }}``.

``visual_to_email`` turns what the browser posted into the email's HTML. It is a sanitiser by
construction: the editor's HTML is parsed into the document (only what the editor makes is
kept: other tags give up their text, other attributes are dropped, URLs must be http(s),
mailto: or tel:, or a variable) and the email's HTML is written from the document alone. Every
``{`` of the user's text is written as ``&#123;``, so text can never become template code; the
sandbox check (``templates_app.rendering.template_check``) still runs on the result at save.

``email_to_visual`` goes back, for loading a template into the editor: it gives the editor's
HTML, or None when the stored HTML holds more than the editor can show (a developer's own
layout, ``{% if %}``, a filter...). Nothing is lost silently: HTML in the visual layout must
come out of ``visual_to_email`` unchanged again, and plain HTML (the assistant's drafts, the
starter text) may use only the elements and attributes the document has.
``email_to_visual(..., lenient=True)`` keeps what it can of anything, for the explicit "make a
visual copy" of a hand-made layout.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Union

#: A variable in a template: ``{{ name }}``, without filters, as the checker allows names.
VARIABLE_RE = re.compile(r"\{\{\s*([a-z][a-z0-9_]{0,49})\s*\}\}")
# Stand-ins for a variable while HTML is parsed (private use characters: no HTML meaning).
_OPEN, _CLOSE = "\ue000", "\ue001"
_SENTINEL_RE = re.compile(f"{_OPEN}([a-z][a-z0-9_]{{0,49}}){_CLOSE}")
_TEMPLATE_SYNTAX_RE = re.compile(r"\{[{%#]")
_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_IMAGE_SCHEMES = ("http://", "https://")
MAX_HEADING_LEVEL = 3

# --- The document ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A piece of inline content: text, a variable chip or a line break, with its marks."""

    text: str = ""
    variable: str | None = None
    hard_break: bool = False
    bold: bool = False
    italic: bool = False
    href: str | None = None

    def same_format(self, other: Run) -> bool:
        return (self.bold, self.italic, self.href) == (other.bold, other.italic, other.href)


@dataclass(frozen=True)
class Heading:
    level: int
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class Button:
    href: str
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Image:
    src: str
    alt: str


Block = Union[Heading, Paragraph, ListBlock, Button, Image]  # noqa: UP007 (a runtime alias)


# --- Styles of the email's HTML --------------------------------------------------------------
# Inline, since Gmail and Outlook drop or ignore <style>; repeated on each block, since
# Outlook's Word engine does not pass fonts down from the table cell.

FONT = "font-family:Helvetica,Arial,sans-serif;"
TEXT_COLOR = "#1f2328"
LINK_COLOR = "#0b5cad"
BUTTON_COLOR = "#0b5cad"
PAGE_COLOR = "#f4f4f5"
_TEXT = f"{FONT}font-size:16px;line-height:24px;color:{TEXT_COLOR};"
_STYLES = {
    "h1": f"margin:0 0 16px;{FONT}font-size:28px;line-height:34px;font-weight:bold;color:#111418;",
    "h2": f"margin:0 0 12px;{FONT}font-size:22px;line-height:28px;font-weight:bold;color:#111418;",
    "h3": f"margin:0 0 8px;{FONT}font-size:18px;line-height:24px;font-weight:bold;color:#111418;",
    "p": f"margin:0 0 16px;{_TEXT}",
    "list": f"margin:0 0 16px;padding:0 0 0 24px;{_TEXT}",
    "li": "margin:0 0 4px;",
    "li-p": f"margin:0;{_TEXT}",
    "a": f"color:{LINK_COLOR};text-decoration:underline;",
    "button-table": "margin:8px 0 24px;",
    "button-td": f"border-radius:6px;background-color:{BUTTON_COLOR};",
    "button-a": (
        f"display:inline-block;padding:12px 24px;{FONT}font-size:16px;line-height:20px;"
        "font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;"
    ),
    "img": (
        "display:block;max-width:100%;height:auto;border:0;outline:none;"
        "text-decoration:none;margin:0 0 16px;"
    ),
}

LAYOUT_START = (
    "<!DOCTYPE html>\n"
    "<html>\n"
    "<head>\n"
    '<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<meta name="x-apple-disable-message-reformatting">\n'
    "</head>\n"
    f'<body style="margin:0;padding:0;background-color:{PAGE_COLOR};">\n'
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
    f'style="background-color:{PAGE_COLOR};">\n'
    "<tr>\n"
    '<td align="center" style="padding:24px 12px;">\n'
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" '
    'style="width:100%;max-width:600px;background-color:#ffffff;border-radius:8px;">\n'
    "<tr>\n"
    f'<td style="padding:32px 28px;{_TEXT}">\n'
)
LAYOUT_END = "</td>\n</tr>\n</table>\n</td>\n</tr>\n</table>\n</body>\n</html>\n"


# --- URLs ------------------------------------------------------------------------------------


def clean_url(value: str | None, *, schemes: tuple[str, ...] = _SCHEMES) -> str | None:
    """The URL as stored, or None when it is not allowed.

    Allowed: one variable alone (``{{ bestilling_link }}``), or an absolute URL with one of
    ``schemes`` that may hold variables (``https://example.no/?kode={{ rabatt_kode }}``).
    Never ``javascript:``, relative paths or other template code.
    """
    if value is None:
        return None
    value = _SENTINEL_RE.sub(lambda m: "{{ " + m.group(1) + " }}", value.strip())
    alone = VARIABLE_RE.fullmatch(value)
    if alone:
        return "{{ " + alone.group(1) + " }}"
    bare = VARIABLE_RE.sub("x", value)
    scheme = next((s for s in schemes if bare.lower().startswith(s)), None)
    if scheme is None or len(bare) == len(scheme) or len(value) > 2000:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ch in "{}<>\"'`\\" for ch in bare):
        return None
    return VARIABLE_RE.sub(lambda m: "{{ " + m.group(1) + " }}", value)


# --- Writing ---------------------------------------------------------------------------------


def _text(value: str) -> str:
    # Every brace becomes an entity: typed text can never open a template tag or variable.
    return html.escape(value, quote=False).replace("{", "&#123;")


def _attribute(value: str) -> str:
    """An attribute value that may hold variables: they stay, any other brace is escaped."""
    parts = []
    last = 0
    for match in VARIABLE_RE.finditer(value):
        parts.append(html.escape(value[last : match.start()]).replace("{", "&#123;"))
        parts.append("{{ " + match.group(1) + " }}")
        last = match.end()
    parts.append(html.escape(value[last:]).replace("{", "&#123;"))
    return "".join(parts)


def _runs_html(runs: tuple[Run, ...], *, email: bool, links: bool = True) -> str:
    out: list[str] = []
    index = 0
    while index < len(runs):
        href = runs[index].href if links else None
        group: list[Run] = []
        while index < len(runs) and (runs[index].href if links else None) == href:
            group.append(runs[index])
            index += 1
        inner = "".join(_run_html(run, email=email) for run in group)
        if href is None:
            out.append(inner)
        elif email:
            out.append(f'<a href="{_attribute(href)}" style="{_STYLES["a"]}">{inner}</a>')
        else:
            out.append(f'<a href="{_attribute(href)}">{inner}</a>')
    return "".join(out)


def _run_html(run: Run, *, email: bool) -> str:
    if run.hard_break:
        return "<br>"
    if run.variable is not None:
        chip = "{{ " + run.variable + " }}"
        body = chip if email else f'<span data-variable="{run.variable}">{chip}</span>'
    else:
        body = _text(run.text)
    if run.italic:
        body = f"<em>{body}</em>"
    if run.bold:
        body = f"<strong>{body}</strong>"
    return body


def _block_email(block: Block, *, in_list: bool = False) -> str:
    if isinstance(block, Heading):
        tag = f"h{block.level}"
        return f'<{tag} style="{_STYLES[tag]}">{_runs_html(block.runs, email=True)}</{tag}>'
    if isinstance(block, Paragraph):
        style = _STYLES["li-p" if in_list else "p"]
        return f'<p style="{style}">{_runs_html(block.runs, email=True)}</p>'
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(
            f'<li style="{_STYLES["li"]}">{_item_email(item)}</li>' for item in block.items
        )
        return f'<{tag} style="{_STYLES["list"]}">{items}</{tag}>'
    if isinstance(block, Button):
        label = _runs_html(block.runs, email=True, links=False)
        return (
            '<table role="presentation" cellpadding="0" cellspacing="0" border="0" '
            f'style="{_STYLES["button-table"]}"><tr>'
            f'<td align="center" bgcolor="{BUTTON_COLOR}" style="{_STYLES["button-td"]}">'
            f'<a href="{_attribute(block.href)}" target="_blank" '
            f'style="{_STYLES["button-a"]}">{label}</a></td></tr></table>'
        )
    src, alt = _attribute(block.src), _attribute(block.alt)
    return f'<img src="{src}" alt="{alt}" style="{_STYLES["img"]}">'


def _item_email(item: tuple[Block, ...]) -> str:
    # The item's first paragraph is the item's own text, not a <p>: a <p> in an <li> is a
    # paragraph break to the text version and to some mail clients.
    parts = []
    for index, child in enumerate(item):
        if index == 0 and isinstance(child, Paragraph):
            parts.append(_runs_html(child.runs, email=True))
        else:
            parts.append(_block_email(child, in_list=True))
    return "".join(parts)


def _block_editor(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{_runs_html(block.runs, email=False)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_runs_html(block.runs, email=False)}</p>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(
            "<li>" + "".join(_block_editor(child) for child in item) + "</li>"
            for item in block.items
        )
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Button):
        label = _runs_html(block.runs, email=False, links=False)
        return f'<div data-type="email-button" data-href="{_attribute(block.href)}">{label}</div>'
    return f'<img src="{_attribute(block.src)}" alt="{_attribute(block.alt)}">'


def document_to_email(blocks: list[Block]) -> str:
    """The email's HTML of a document: the table layout with inline styles."""
    body = "".join(_block_email(block) + "\n" for block in blocks)
    return LAYOUT_START + body + LAYOUT_END


def document_to_editor(blocks: list[Block]) -> str:
    """The editor's HTML of a document (what TipTap loads)."""
    return "".join(_block_editor(block) for block in blocks)


# --- Reading ---------------------------------------------------------------------------------

_VOID = frozenset({"br", "img", "meta", "link", "hr", "input", "col", "area", "base", "wbr"})
_SKIP_CONTENT = frozenset({"head", "script", "style", "title", "template", "noscript", "iframe"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 3, "h5": 3, "h6": 3}
_BLOCK_CONTAINERS = frozenset(
    {
        "html",
        "body",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "center",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "figure",
    }
)
# Plain HTML that loads losslessly: the elements and attributes the document has.
_PLAIN_ATTRIBUTES = {
    "a": {"href", "target", "rel"},
    "img": {"src", "alt"},
    "span": {"data-variable"},
}
_PLAIN_ELEMENTS = frozenset(
    {"p", "h1", "h2", "h3", "strong", "b", "em", "i", "a", "br", "ul", "ol", "li", "img"}
    | {"html", "body", "span"}
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Element | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving element tree: unclosed elements end with their parent, stray ends are
    ignored (what a browser does, near enough for the little HTML that is read here)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6"):
            # A new paragraph or item ends the open one, as in a browser.
            closes = {"li": ("li",)}.get(tag, ("p",))
            for index in range(len(self.stack) - 1, 0, -1):
                if self.stack[index].tag in closes:
                    del self.stack[index:]
                    break
                if self.stack[index].tag in ("ul", "ol", "td", "div", "table"):
                    break
        element = _Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _tree(markup: str) -> _Element:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


class _Reader:
    """Reads an element tree into the document, noting whatever it had to leave out."""

    def __init__(self, *, email: bool) -> None:
        # email: the stored HTML (buttons are tables); otherwise the editor's HTML.
        self.email = email
        self.lost: list[str] = []

    # Blocks

    def blocks(self, element: _Element) -> list[Block]:
        blocks: list[Block] = []
        loose: list[_Element | str] = []

        def flush() -> None:
            if loose:
                self._paragraph(self.inline(loose), blocks)
                loose.clear()

        for child in element.children:
            if isinstance(child, str) or not self._is_block(child):
                loose.append(child)
                continue
            flush()
            self.block(child, blocks)
        flush()
        return blocks

    def _is_block(self, element: _Element) -> bool:
        tag = element.tag
        return (
            tag in _HEADINGS
            or tag in ("p", "ul", "ol", "li", "img")
            or tag in _BLOCK_CONTAINERS
            or tag in _SKIP_CONTENT
        )

    def block(self, element: _Element, out: list[Block]) -> None:
        tag, attrs = element.tag, element.attrs
        self._check_attributes(element)
        if tag in _SKIP_CONTENT or _HIDDEN_STYLE_RE.search(attrs.get("style", "")):
            if tag != "head":
                self.lost.append(tag)
            return
        if tag in _HEADINGS:
            if _HEADINGS[tag] != int(tag[1]):
                self.lost.append(tag)
            runs = self.inline(element.children)
            if runs:
                out.append(Heading(_HEADINGS[tag], runs))
        elif tag == "p":
            self._paragraph(self.inline(element.children), out)
        elif tag in ("ul", "ol"):
            items = []
            for child in element.children:
                if isinstance(child, str):
                    if child.strip():
                        items.append(tuple(self._item_blocks(_Element("li", {}, [child]))))
                    continue
                items.append(tuple(self._item_blocks(child)))
            items = [item for item in items if item]
            if items:
                out.append(ListBlock(tag == "ol", tuple(items)))
        elif tag == "li":
            # An item outside a list: a list of one.
            item = self._item_blocks(element)
            if item:
                out.append(ListBlock(False, (tuple(item),)))
        elif tag == "img":
            src = clean_url(attrs.get("src"), schemes=_IMAGE_SCHEMES)
            if src is None:
                self.lost.append("img")
                return
            alt = _SENTINEL_RE.sub(lambda m: "{{ " + m.group(1) + " }}", attrs.get("alt", ""))
            out.append(Image(src, " ".join(alt.split())))
        elif tag == "div" and attrs.get("data-type") == "email-button" and not self.email:
            self._button(attrs.get("data-href"), element.children, out)
        elif tag == "table" and self.email and (link := self._button_link(element)) is not None:
            self._button(link.attrs.get("href"), link.children, out)
        else:
            # A container (a layout table, a div): what it holds, as blocks.
            out.extend(self.blocks(element))

    def _item_blocks(self, element: _Element) -> list[Block]:
        if element.tag != "li":
            self.lost.append(element.tag)
        return self.blocks(element)

    def _paragraph(self, runs: tuple[Run, ...], out: list[Block]) -> None:
        if runs:
            out.append(Paragraph(runs))

    def _button(self, href: str | None, children: list[_Element | str], out: list[Block]) -> None:
        runs = tuple(
            Run(text=run.text, variable=run.variable)
            for run in self.inline(children)
            if not run.hard_break
        )
        runs = _merge(runs)
        url = clean_url(href)
        if url is None:
            self.lost.append("button")
            self._paragraph(runs, out)
        elif runs:
            out.append(Button(url, runs))

    def _button_link(self, table: _Element) -> _Element | None:
        """The one link of a table that holds nothing else: a button's table."""
        links: list[_Element] = []

        def walk(element: _Element) -> bool:
            for child in element.children:
                if isinstance(child, str):
                    if child.strip():
                        return False
                elif child.tag == "a":
                    links.append(child)
                elif child.tag in ("tr", "td", "tbody", "th", "table", "center", "div"):
                    if not walk(child):
                        return False
                else:
                    return False
            return True

        return links[0] if walk(table) and len(links) == 1 else None

    # Inline content

    def inline(self, nodes: list[_Element | str]) -> tuple[Run, ...]:
        runs: list[Run] = []
        for node in nodes:
            self._inline(node, runs, bold=False, italic=False, href=None)
        return _trim(_merge(tuple(runs)))

    def _inline(
        self, node: _Element | str, out: list[Run], *, bold: bool, italic: bool, href: str | None
    ) -> None:
        if isinstance(node, str):
            text = re.sub(r"[ \t\r\n\f]+", " ", node)
            last = 0
            for match in _SENTINEL_RE.finditer(text):
                if match.start() > last:
                    out.append(
                        Run(text=text[last : match.start()], bold=bold, italic=italic, href=href)
                    )
                out.append(Run(variable=match.group(1), bold=bold, italic=italic, href=href))
                last = match.end()
            if last < len(text):
                out.append(Run(text=text[last:], bold=bold, italic=italic, href=href))
            return
        tag, attrs = node.tag, node.attrs
        self._check_attributes(node)
        if tag in _SKIP_CONTENT:
            self.lost.append(tag)
            return
        if tag == "br":
            out.append(Run(hard_break=True, bold=bold, italic=italic, href=href))
            return
        if tag == "img":
            # Images are blocks in the document: one inside a line of text is left out.
            self.lost.append("img")
            return
        if tag == "span" and "data-variable" in attrs:
            name = attrs["data-variable"]
            if re.fullmatch(r"[a-z][a-z0-9_]{0,49}", name):
                out.append(Run(variable=name, bold=bold, italic=italic, href=href))
                return
            self.lost.append("span")
        if tag in ("strong", "b"):
            bold = True
        elif tag in ("em", "i"):
            italic = True
        elif tag == "a":
            url = clean_url(attrs.get("href")) if attrs.get("href") else None
            if url is None:
                self.lost.append("a")
            elif href is None:
                href = url
        elif tag not in ("span",):
            self.lost.append(tag)
        for child in node.children:
            self._inline(child, out, bold=bold, italic=italic, href=href)

    def _check_attributes(self, element: _Element) -> None:
        """Plain HTML loads only with the elements and attributes the document has."""
        if element.tag not in _PLAIN_ELEMENTS:
            self.lost.append(element.tag)
        allowed = _PLAIN_ATTRIBUTES.get(element.tag, set())
        for name in element.attrs:
            if name not in allowed:
                self.lost.append(f"{element.tag}[{name}]")


def _merge(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        if (
            merged
            and run.variable is None
            and not run.hard_break
            and merged[-1].variable is None
            and not merged[-1].hard_break
            and merged[-1].same_format(run)
        ):
            merged[-1] = Run(
                text=merged[-1].text + run.text, bold=run.bold, italic=run.italic, href=run.href
            )
        elif run.variable is None and not run.hard_break and not run.text:
            continue
        else:
            merged.append(run)
    # Spaces after a line break are layout in HTML, not content.
    cleaned: list[Run] = []
    for run in merged:
        if cleaned and cleaned[-1].hard_break and run.text:
            run = Run(text=run.text.lstrip(" "), bold=run.bold, italic=run.italic, href=run.href)
            if not run.text:
                continue
        cleaned.append(run)
    return tuple(cleaned)


def _trim(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Without the leading and trailing spaces and line breaks of a block."""
    items = list(runs)
    while items and (
        items[0].hard_break or (items[0].variable is None and not items[0].text.strip())
    ):
        items.pop(0)
    while items and (
        items[-1].hard_break or (items[-1].variable is None and not items[-1].text.strip())
    ):
        items.pop()
    if items and items[0].variable is None:
        first = items[0]
        items[0] = Run(
            text=first.text.lstrip(" "), bold=first.bold, italic=first.italic, href=first.href
        )
    if items and items[-1].variable is None:
        last = items[-1]
        items[-1] = Run(
            text=last.text.rstrip(" "), bold=last.bold, italic=last.italic, href=last.href
        )
    return tuple(items)


def _with_sentinels(markup: str) -> str:
    markup = markup.replace(_OPEN, "").replace(_CLOSE, "")
    return VARIABLE_RE.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", markup)


def editor_to_document(markup: str) -> list[Block]:
    """The document in the editor's HTML, keeping only what the editor makes."""
    reader = _Reader(email=False)
    return reader.blocks(_tree(_with_sentinels(markup)))


def visual_to_email(markup: str) -> str:
    """The email's HTML for what the visual editor posted (sanitised: see the module doc)."""
    return document_to_email(editor_to_document(markup))


def _normalised(markup: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", markup)).strip()


def email_to_document(markup: str, *, lenient: bool = False) -> list[Block] | None:
    """The document of a stored body, or None when the editor cannot show all of it."""
    source = _with_sentinels(markup)
    if _TEMPLATE_SYNTAX_RE.search(source) and not lenient:
        return None  # {% if %}, a filter, a comment: template code the editor has no chip for
    reader = _Reader(email=True)
    blocks = reader.blocks(_tree(source))
    if lenient:
        return blocks
    if _normalised(markup).startswith(_normalised(LAYOUT_START)):
        # The visual layout: exactly what the editor writes, or a developer changed it.
        return blocks if _normalised(document_to_email(blocks)) == _normalised(markup) else None
    return None if reader.lost else blocks


def email_to_visual(markup: str, *, lenient: bool = False) -> str | None:
    """The editor's HTML for a stored body, or None when the editor cannot show all of it."""
    blocks = email_to_document(markup, lenient=lenient)
    return None if blocks is None else document_to_editor(blocks)
