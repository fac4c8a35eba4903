"""Sandboxed rendering of email templates.

Templates are written by business users, so they are treated as untrusted input. Three layers
keep a template from reaching anything but its own variables:

1. A separate ``Engine`` with no loaders, no context processors and no libraries. Its only
   builtin library is ``SANDBOX_LIBRARY`` below; ``{% load %}``, ``{% include %}`` and friends
   do not exist for it, so they cannot compile even if a check were skipped.
2. ``template_check`` refuses, at save time, every tag and filter outside the allowlist, every
   dotted lookup (``{{ x.y }}``) and every variable that is neither built in nor declared,
   each problem with its field and line.
3. The render context holds nothing but plain ``str`` values: no model, no settings, no
   callables, so even an attribute walk that slipped through would find only ``str``.

The allowlist (kept tight on purpose; every value a template sees is a string):

* tags: ``if`` / ``elif`` / ``else`` / ``endif``. ``for`` is left out because there is nothing
  to loop over, ``now`` because a preview and the real email should render the same.
* filters: see ``ALLOWED_FILTERS``. ``safe``, ``escape``-toggling tags and ``date`` are left
  out: ``safe`` would let a customer's name inject HTML, and ``date`` has no dates to format.

Size is bounded too (``templates_app.limits``): every filter argument is range-checked, at save
time and while rendering, and each rendered part stops at ``settings.TEMPLATE_MAX_RENDERED_BYTES``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import nh3
from django.conf import settings
from django.template import Context, Engine, Library, Node, NodeList, TemplateSyntaxError
from django.template import Template as DjangoTemplate
from django.template.base import (
    FilterExpression,
    Lexer,
    Parser,
    TextNode,
    Token,
    TokenType,
    Variable,
    VariableDoesNotExist,
    VariableNode,
)
from django.template.defaultfilters import register as default_filters
from django.template.defaulttags import IfNode, TemplateIfParser, TemplateLiteral
from django.template.defaulttags import register as default_tags
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.text import unstorable_text
from customers import links
from templates_app.limits import (
    TemplateLimitError,
    argument_problem,
    bounded_filter,
    max_rendered_bytes,
)

if TYPE_CHECKING:
    from customers.models import Customer
    from templates_app.models import EmailTemplate

# --- The allowlist ---------------------------------------------------------------------------

#: Block tags a template may use. ``elif``/``else``/``endif`` are parsed by ``if`` itself.
ALLOWED_TAGS: frozenset[str] = frozenset({"if", "elif", "else", "endif"})

#: Filters a template may use; all of them take and return plain text.
ALLOWED_FILTERS: frozenset[str] = frozenset(
    {
        "capfirst",
        "default",
        "floatformat",
        "length",
        "linebreaksbr",
        "lower",
        "title",
        "truncatechars",
        "truncatewords",
        "upper",
        "urlencode",
    }
)

#: Variables every template gets from the renderer without declaring them.
BUILTIN_VARIABLES: frozenset[str] = frozenset(
    {"kunde_navn", "bestilling_link", "avmeldingslenke", "firma_navn"}
)

SAMPLE_CUSTOMER_NAME = "Kari Nordmann"

# Declared names are plain identifiers: no leading underscore, nothing a lookup could walk.
_VARIABLE_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
# A dotted lookup outside quoted strings, e.g. ``settings.SECRET_KEY`` or ``x.__class__``.
_QUOTED_RE = re.compile(r""""[^"\\]*(?:\\.[^"\\]*)*"|'[^'\\]*(?:\\.[^'\\]*)*'""")
_DOTTED_RE = re.compile(r"(?<![\w.])[A-Za-z_]\w*\.\w")
_UNDERSCORE_RE = re.compile(r"(?<![\w.])_\w")


def _build_library() -> Library:
    library = Library()
    library.tags["if"] = default_tags.tags["if"]
    for name in ALLOWED_FILTERS:
        library.filters[name] = bounded_filter(name, default_filters.filters[name])
    return library


SANDBOX_LIBRARY = _build_library()


class _SandboxEngine(Engine):
    # Engine() always prepends Django's default builtins (all tags, all filters, include,
    # extends); the sandbox must start from nothing but its own library.
    default_builtins: list[str] = []

    def get_template_builtins(self, builtins: list[str]) -> list[Library]:
        return [SANDBOX_LIBRARY]


_ENGINE = _SandboxEngine(
    dirs=[],
    loaders=[],
    context_processors=[],
    libraries={},
    debug=False,
    string_if_invalid="",
    autoescape=True,
)

# Nodes a compiled template may contain; anything else means the library grew by accident.
_ALLOWED_NODE_TYPES: tuple[type[Node], ...] = (TextNode, VariableNode, IfNode)


# --- Checking at save time -------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateProblem:
    field: str
    line: int | None
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "line": self.line, "code": self.code, "message": self.message}


@dataclass
class TemplateCheck:
    errors: list[TemplateProblem] = field(default_factory=list)
    warnings: list[TemplateProblem] = field(default_factory=list)
    used_variables: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.errors

    def errors_by_field(self) -> dict[str, list[TemplateProblem]]:
        grouped: dict[str, list[TemplateProblem]] = {}
        for problem in self.errors:
            grouped.setdefault(problem.field, []).append(problem)
        return grouped


def _unknown_filter(value: object, arg: object = None) -> str:
    # Stands in for a refused filter so that parsing can go on and report every problem.
    return ""


class _CheckingParser(Parser):
    """A parser over the sandbox library that records refused filters instead of failing."""

    def __init__(self) -> None:
        super().__init__([], libraries={}, builtins=[SANDBOX_LIBRARY])
        self.refused_filters: list[str] = []

    def find_filter(self, filter_name: str) -> Any:
        if filter_name in self.filters:
            return self.filters[filter_name]
        self.refused_filters.append(filter_name)
        return _unknown_filter


def _expression_variables(expression: FilterExpression) -> Iterator[Variable]:
    """Every lookup in ``{{ var|filter:arg }}``: the variable and any variable arguments."""
    if isinstance(expression.var, Variable) and expression.var.lookups is not None:
        yield expression.var
    for _func, args in expression.filters:
        for is_lookup, arg in args:
            if is_lookup and isinstance(arg, Variable) and arg.lookups is not None:
                yield arg


def _condition_expressions(condition: Any) -> Iterator[FilterExpression]:
    if condition is None:
        return
    if isinstance(condition, TemplateLiteral):
        yield condition.value
        return
    yield from _condition_expressions(condition.first)
    yield from _condition_expressions(condition.second)


def _nodelist_expressions(nodelist: NodeList) -> Iterator[tuple[Node, FilterExpression | None]]:
    """Walk a compiled template: every node, with each expression it evaluates."""
    for node in nodelist:
        if isinstance(node, VariableNode):
            yield node, node.filter_expression
        elif isinstance(node, IfNode):
            yield node, None
            for condition, branch in node.conditions_nodelists:
                for expression in _condition_expressions(condition):
                    yield node, expression
                yield from _nodelist_expressions(branch)
        else:
            yield node, None


class _FieldChecker:
    """Checks one source string (subject, HTML body or text body)."""

    def __init__(self, field_name: str, source: str) -> None:
        self.field = field_name
        self.source = source
        self.errors: list[TemplateProblem] = []
        self.used: dict[str, int] = {}  # name -> first line it is used on

    def error(self, line: int | None, code: str, message: str) -> None:
        self.errors.append(TemplateProblem(self.field, line, code, message))

    def run(self) -> None:
        tokens = Lexer(self.source).tokenize()
        for token in tokens:
            if token.token_type == TokenType.VAR:
                self._check_var_token(token)
            elif token.token_type == TokenType.BLOCK:
                self._check_block_token(token)
        if not self.errors:
            # Token by token was fine; now the structure (an ``if`` without ``endif``...),
            # compiled exactly as it will be rendered.
            self._check_compiled()

    def _check_var_token(self, token: Token) -> None:
        contents = token.contents.strip()
        if not contents:
            message = _("Line %(line)d: empty variable tag.") % {"line": token.lineno}
            self.error(token.lineno, "syntax_error", message)
            return
        parser = _CheckingParser()
        try:
            expression = parser.compile_filter(contents)
        except TemplateSyntaxError as exc:
            self._report_syntax(token, contents, exc)
            return
        self._report_expression(token, contents, expression, parser.refused_filters)

    def _check_block_token(self, token: Token) -> None:
        bits = token.split_contents()
        command = bits[0] if bits else ""
        if command not in ALLOWED_TAGS:
            self.error(
                token.lineno,
                "tag_not_allowed",
                _("Line %(line)d: the tag “%(tag)s” is not allowed (allowed: %(allowed)s).")
                % {
                    "line": token.lineno,
                    "tag": command or "{% %}",
                    "allowed": ", ".join(sorted(ALLOWED_TAGS)),
                },
            )
            return
        if command not in ("if", "elif"):
            return
        parser = _CheckingParser()
        try:
            condition = TemplateIfParser(parser, bits[1:]).parse()
        except TemplateSyntaxError as exc:
            self._report_syntax(token, token.contents, exc)
            return
        for expression in _condition_expressions(condition):
            self._report_expression(token, token.contents, expression, [])
        for name in parser.refused_filters:
            self._refuse_filter(token, name)

    def _report_syntax(self, token: Token, contents: str, exc: TemplateSyntaxError) -> None:
        unquoted = _QUOTED_RE.sub('""', contents)
        if _DOTTED_RE.search(unquoted) or _UNDERSCORE_RE.search(unquoted):
            self._refuse_lookup(token, contents)
        else:
            self.error(
                token.lineno,
                "syntax_error",
                _("Line %(line)d: cannot read “%(code)s”: %(detail)s")
                % {"line": token.lineno, "code": contents, "detail": exc},
            )

    def _report_expression(
        self,
        token: Token,
        contents: str,
        expression: FilterExpression,
        refused_filters: Iterable[str],
    ) -> None:
        for name in refused_filters:
            self._refuse_filter(token, name)
        for func, args in expression.filters:
            filter_name = getattr(func, "_filter_name", None)
            for is_lookup, arg in args:
                # A literal is checked now; a variable's value only while rendering. Numbers
                # come as a "lookup" that is really a literal (a Variable without lookups).
                if is_lookup and isinstance(arg, Variable) and arg.lookups is None:
                    is_lookup, arg = False, arg.literal
                problem = None if is_lookup else argument_problem(filter_name or "", arg)
                if problem:
                    self.error(
                        token.lineno,
                        "filter_argument_invalid",
                        _("Line %(line)d: %(problem)s")
                        % {"line": token.lineno, "problem": problem},
                    )
        for variable in _expression_variables(expression):
            if len(variable.lookups) > 1:
                self._refuse_lookup(token, contents)
            elif variable.translate:
                # ``_(name)`` would translate a variable's value through our catalogues.
                self._refuse_lookup(token, contents)
            else:
                self.used.setdefault(variable.lookups[0], token.lineno)

    def _refuse_filter(self, token: Token, name: str) -> None:
        self.error(
            token.lineno,
            "filter_not_allowed",
            _("Line %(line)d: the filter “%(filter)s” is not allowed (allowed: %(allowed)s).")
            % {
                "line": token.lineno,
                "filter": name,
                "allowed": ", ".join(sorted(ALLOWED_FILTERS)),
            },
        )

    def _refuse_lookup(self, token: Token, contents: str) -> None:
        self.error(
            token.lineno,
            "attribute_not_allowed",
            _(
                "Line %(line)d: “%(code)s” is not allowed: use plain variable names only, "
                "without dots or leading underscores."
            )
            % {"line": token.lineno, "code": contents.strip()},
        )

    def _check_compiled(self) -> None:
        try:
            template = DjangoTemplate(self.source, engine=_ENGINE)
        except TemplateSyntaxError as exc:
            token = getattr(exc, "token", None)
            line = token.lineno if token is not None else None
            self.error(
                line,
                "syntax_error",
                _("Line %(line)s: %(detail)s") % {"line": line or "?", "detail": exc},
            )
            return
        for node, expression in _nodelist_expressions(template.nodelist):
            line = node.token.lineno if getattr(node, "token", None) is not None else None
            if not isinstance(node, _ALLOWED_NODE_TYPES):
                self.error(
                    line,
                    "tag_not_allowed",
                    _("Line %(line)s: this tag is not allowed.") % {"line": line or "?"},
                )
            if expression is None:
                continue
            for variable in _expression_variables(expression):
                if len(variable.lookups) != 1:
                    self.error(
                        line,
                        "attribute_not_allowed",
                        _("Line %(line)s: only plain variable names are allowed.")
                        % {"line": line or "?"},
                    )


def _check_variables_declaration(variables: object) -> tuple[list[str], list[TemplateProblem]]:
    problems: list[TemplateProblem] = []
    if variables is None:
        return [], problems
    if not isinstance(variables, list | tuple):
        message = _("Variables must be a list of names.")
        return [], [TemplateProblem("variables", None, "invalid_variables", message)]
    names: list[str] = []
    for name in variables:
        if not isinstance(name, str) or not _VARIABLE_NAME_RE.match(name):
            problems.append(
                TemplateProblem(
                    "variables",
                    None,
                    "invalid_variable_name",
                    _(
                        "“%(name)s” is not a valid variable name: use lowercase letters, "
                        "digits and underscores, starting with a letter."
                    )
                    % {"name": name},
                )
            )
        elif name not in names:
            names.append(name)
    return names, problems


def template_check(
    *, subject: str, body_html: str, body_text: str = "", variables: object = ()
) -> TemplateCheck:
    """Everything wrong with a template, each problem with its field and line.

    Errors block saving; warnings (a declared variable nobody uses) do not.
    """
    check = TemplateCheck()
    declared, problems = _check_variables_declaration(variables)
    check.errors.extend(problems)

    if "\n" in subject or "\r" in subject:
        # A newline in a header is header injection; the renderer would also strip it.
        check.errors.append(
            TemplateProblem(
                "subject", 1, "subject_newline", _("The subject must be a single line.")
            )
        )

    used: dict[tuple[str, str], int] = {}
    for field_name, source in (
        ("subject", subject),
        ("body_html", body_html),
        ("body_text", body_text or ""),
    ):
        checker = _FieldChecker(field_name, source)
        checker.run()
        check.errors.extend(checker.errors)
        for name, line in checker.used.items():
            used.setdefault((field_name, name), line)

    allowed = BUILTIN_VARIABLES | set(declared)
    for (field_name, name), line in used.items():
        check.used_variables.add(name)
        if name not in allowed:
            check.errors.append(
                TemplateProblem(
                    field_name,
                    line,
                    "undeclared_variable",
                    _(
                        "Line %(line)d: the variable “%(name)s” is not declared. "
                        "Add it to the template's variables or remove it."
                    )
                    % {"line": line, "name": name},
                )
            )
    for name in declared:
        if name not in check.used_variables:
            check.warnings.append(
                TemplateProblem(
                    "variables",
                    None,
                    "unused_variable",
                    _("The variable “%(name)s” is declared but not used.") % {"name": name},
                )
            )
    return check


# --- Rendering -------------------------------------------------------------------------------


class TemplateRenderError(ValueError):
    """The template cannot be rendered: it does not pass the sandbox check (it was saved around
    the service), a filter argument is out of range, or a part renders beyond the size limit."""

    def __init__(self, problems: list[TemplateProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(problem.message for problem in problems))


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    html: str
    text: str
    headers: dict[str, str]

    @property
    def reply_to(self) -> str:
        """Where replies go ("" for the sender), as the preview shows it."""
        return self.headers.get("Reply-To", "")

    @property
    def preview_html(self) -> str:
        """The HTML part made safe to show inside our own pages."""
        return sanitize_html(self.html)


@lru_cache(maxsize=512)
def _compiled(source: str) -> DjangoTemplate:
    # Sending to thousands of customers renders the same source thousands of times; compile
    # and check it once. Exceptions are not cached, so a bad template fails every time.
    checker = _FieldChecker("", source)
    checker.run()
    if checker.errors:
        raise TemplateRenderError(checker.errors)
    return DjangoTemplate(source, engine=_ENGINE)


def _plain(value: object) -> str:
    """A plain ``str`` for the context: never a model, never ``SafeString``."""
    if isinstance(value, bool) or value is None:
        raise TypeError("Template values must be text, numbers or dates")
    if isinstance(value, str):
        # str.__str__ drops subclasses such as SafeString, which would bypass autoescape.
        text = str.__str__(value)
        if unstorable_text(text):
            # A NUL or an unpaired surrogate (a value from an event, say) can be in no email
            # and breaks filters such as urlencode: shown as U+FFFD, as a browser would.
            text = text.replace("\x00", "\ufffd")
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return text
    if isinstance(value, int | float | Decimal | date | datetime):
        return str.__str__(str(formats.localize(value)))
    raise TypeError(f"Template values must be text, numbers or dates, not {type(value).__name__}")


#: How a rendered part is named in a "too large" message.
_PART_LABELS = {
    "subject": gettext_lazy("The subject"),
    "body_html": gettext_lazy("The HTML body"),
    "body_text": gettext_lazy("The text body"),
}


def _render_nodes(nodelist: NodeList, context: Context) -> Iterator[str]:
    """The output of a checked template bit by bit, so that a caller can stop early.

    A checked template holds text, variables and ``if`` (``_ALLOWED_NODE_TYPES``); an ``if``
    is walked into, as ``IfNode.render`` chooses its branch, so that no branch is rendered
    whole before its size is known.
    """
    for node in nodelist:
        try:
            if isinstance(node, IfNode):
                branch = _chosen_branch(node, context)
            else:
                yield node.render_annotated(context)
                continue
        except TemplateLimitError as exc:
            # Met while rendering (a variable argument): say where, as the checker does.
            if exc.line is None and getattr(node, "token", None) is not None:
                exc.line = node.token.lineno
            raise
        if branch is not None:
            yield from _render_nodes(branch, context)


def _chosen_branch(node: IfNode, context: Context) -> NodeList | None:
    for condition, branch in node.conditions_nodelists:
        if condition is None:
            return branch
        try:
            match = condition.eval(context)
        except VariableDoesNotExist:
            match = None
        if match:
            return branch
    return None


def _render_part(field_name: str, source: str, context: Context) -> str:
    """One part of the email (subject, HTML or text), held to the rendered size limit."""
    template = _compiled(source)
    limit = max_rendered_bytes()
    bits: list[str] = []
    size = 0
    try:
        with context.render_context.push_state(template), context.bind_template(template):
            for bit in _render_nodes(template.nodelist, context):
                # Characters on the way (cheap; never more than the bytes), bytes at the end.
                size += len(bit)
                if size > limit:
                    raise TemplateLimitError("rendered_too_large")
                bits.append(bit)
        rendered = "".join(bits)
        if len(rendered.encode("utf-8", "surrogatepass")) > limit:
            raise TemplateLimitError("rendered_too_large")
    except TemplateLimitError as exc:
        exc.field = field_name
        raise
    return rendered


def _limit_problem(exc: TemplateLimitError) -> TemplateProblem:
    message = exc.message(str(_PART_LABELS.get(exc.field, exc.field)))
    if exc.code == "rendered_too_large" or exc.line is None:
        return TemplateProblem(exc.field, None, exc.code, message)
    message = _("Line %(line)d: %(problem)s") % {"line": exc.line, "problem": message}
    return TemplateProblem(exc.field, exc.line, exc.code, message)


def _single_line(value: str) -> str:
    return " ".join(value.split())


def render_context(
    *,
    template: EmailTemplate,
    customer: Customer | None,
    extra: Mapping[str, object] | None = None,
    sample: bool = False,
) -> dict[str, str]:
    """The values a template sees: built-ins from the customer plus its declared extras."""
    if customer is None and not sample:
        raise ValueError("render_email needs a customer unless sample=True")
    extra = dict(extra or {})
    context: dict[str, str] = {}
    declared = [name for name in template.variables or [] if isinstance(name, str)]
    for name in declared:
        if name in BUILTIN_VARIABLES:
            continue
        if name in extra and extra[name] is not None:
            context[name] = _plain(extra[name])
        else:
            context[name] = f"[{name}]" if sample else ""
    if customer is None:
        context.update(
            kunde_navn=SAMPLE_CUSTOMER_NAME,
            bestilling_link=links.sample_order_form_url(),
            avmeldingslenke=links.sample_unsubscribe_url(),
        )
    else:
        context.update(
            kunde_navn=_plain(customer.name),
            bestilling_link=links.order_form_url(customer),
            avmeldingslenke=links.unsubscribe_url(customer),
        )
    context["firma_navn"] = _plain(settings.COMPANY_NAME)
    return context


def reply_to_address(template: EmailTemplate) -> str:
    """Where replies to the template's emails go: the template's own address, else the
    installation's ``DEFAULT_REPLY_TO``, else "" (to the sender). A workflow step's
    ``reply_to`` overrides both when it sends."""
    return template.reply_to or getattr(settings, "DEFAULT_REPLY_TO", "") or ""


def render_email(
    *,
    template: EmailTemplate,
    customer: Customer | None,
    extra: dict | None = None,
    sample: bool = False,
) -> RenderedEmail:
    """Render one email for one customer: subject, HTML, text and the unsubscribe headers.

    With ``sample=True`` missing data is filled in: sample customer values when ``customer``
    is None, ``[name]`` for declared variables not given in ``extra``.
    """
    language = customer.language if customer is not None else settings.LANGUAGE_CODE
    # The customer's language also decides how numbers and dates in ``extra`` are written.
    try:
        with translation.override(language):
            context = render_context(
                template=template, customer=customer, extra=extra, sample=sample
            )
            subject = _render_part("subject", template.subject, Context(context, autoescape=False))
            body_html = _render_part(
                "body_html", template.body_html, Context(context, autoescape=True)
            )
            if (template.body_text or "").strip():
                text = _render_part(
                    "body_text", template.body_text, Context(context, autoescape=False)
                )
            else:
                text = html_to_text(body_html)
    except TemplateLimitError as exc:
        # Out of the customer's language: the message is for whoever previews or sends.
        raise TemplateRenderError([_limit_problem(exc)]) from None
    unsubscribe = context["avmeldingslenke"]
    mailto = (
        links.unsubscribe_mailto(customer)
        if customer is not None
        else links.sample_unsubscribe_mailto()
    )
    headers = {
        # RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs
        # "List-Unsubscribe=One-Click" to the https link; clients that only mail (and
        # providers that prefer to) use the mailto: alternative, listed after it.
        "List-Unsubscribe": ", ".join(f"<{url}>" for url in (unsubscribe, mailto) if url),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    reply_to = reply_to_address(template)
    if reply_to:
        headers["Reply-To"] = reply_to
    return RenderedEmail(
        subject=_single_line(subject), html=body_html, text=text.strip() + "\n", headers=headers
    )


# --- HTML to text ----------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "div",
        "dl",
        "dt",
        "dd",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    }
)
_LINE_TAGS = frozenset({"tr", "li"})
_SKIP_CONTENT_TAGS = frozenset({"head", "script", "style", "title", "template", "noscript"})
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        # Open elements, each with whether it hides its content (preheaders, <head>...).
        self.stack: list[tuple[str, bool]] = []
        self.link_href: str | None = None
        self.link_text: list[str] = []

    @property
    def hidden(self) -> bool:
        return any(hides for _tag, hides in self.stack)

    def _newlines(self, count: int) -> None:
        # Block boundaries ask for "at least" this many line breaks: </li><li> or </p><p>
        # must not stack up into ever larger gaps.
        tail = "".join(self.out[-16:])
        trailing = tail[len(tail.rstrip(" \n")) :]
        self.out.append("\n" * max(0, count - trailing.count("\n")))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag not in _VOID_TAGS:
            hides = tag in _SKIP_CONTENT_TAGS or bool(
                _HIDDEN_STYLE_RE.search(attributes.get("style") or "")
            )
            self.stack.append((tag, hides))
        if self.hidden:
            return
        if tag == "br":
            self.out.append("\n")
        elif tag in _BLOCK_TAGS:
            self._newlines(2)
        elif tag in _LINE_TAGS:
            self._newlines(1)
            if tag == "li":
                self.out.append("- ")
        elif tag in ("td", "th"):
            self.out.append(" ")
        elif tag == "a":
            self.link_href = (attributes.get("href") or "").strip()
            self.link_text = []

    def handle_endtag(self, tag: str) -> None:
        if not self.hidden:
            if tag == "a" and self.link_href is not None:
                self._close_link()
            elif tag in _BLOCK_TAGS:
                self._newlines(2)
            elif tag in _LINE_TAGS:
                self._newlines(1)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def _close_link(self) -> None:
        text = " ".join("".join(self.link_text).split())
        href = self.link_href or ""
        self.link_href = None
        if href.lower().startswith("mailto:"):
            href = href[len("mailto:") :]
        if not href or href.startswith("#") or href == text:
            self.out.append(text or href)
        elif not text:
            self.out.append(href)
        else:
            self.out.append(f"{text} ({href})")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        # Whitespace in HTML source is layout, not content.
        data = re.sub(r"\s+", " ", data)
        if self.link_href is not None:
            self.link_text.append(data)
        else:
            self.out.append(data)

    def text(self) -> str:
        if self.link_href is not None:
            self._close_link()
        raw = "".join(self.out).replace("\xa0", " ")
        lines = [" ".join(line.split()) for line in raw.split("\n")]
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(markup: str) -> str:
    """A readable plain-text part: paragraphs kept, links as "text (url)", no tags."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return parser.text()


# --- Sanitising for our own pages ------------------------------------------------------------

_SANITIZE_TAGS = (set(nh3.ALLOWED_TAGS) | {"font", "tfoot"}) - {"map", "area"}
_SANITIZE_ATTRIBUTES: dict[str, set[str]] = {
    tag: set(attributes) for tag, attributes in nh3.ALLOWED_ATTRIBUTES.items()
}
# Email layouts are tables with presentational attributes and inline styles.
_SANITIZE_ATTRIBUTES["*"] = {
    "style",
    "align",
    "valign",
    "width",
    "height",
    "bgcolor",
    "dir",
    "lang",
}
_SANITIZE_ATTRIBUTES.setdefault("a", set()).update({"title"})
_SANITIZE_ATTRIBUTES.setdefault("table", set()).update({"cellpadding", "cellspacing", "border"})
_SANITIZE_ATTRIBUTES.setdefault("td", set()).update({"colspan", "rowspan"})
_SANITIZE_ATTRIBUTES.setdefault("font", set()).update({"color", "face", "size"})
_SANITIZE_ATTRIBUTES.setdefault("img", set()).update({"alt", "src", "border"})
# Only layout and typography survive in style attributes: no position:fixed overlays.
_SANITIZE_STYLE_PROPERTIES = frozenset(
    {
        "background-color",
        "border",
        "border-bottom",
        "border-collapse",
        "border-left",
        "border-radius",
        "border-right",
        "border-top",
        "color",
        "display",
        "font-family",
        "font-size",
        "font-style",
        "font-weight",
        "height",
        "letter-spacing",
        "line-height",
        "margin",
        "margin-bottom",
        "margin-left",
        "margin-right",
        "margin-top",
        "max-width",
        "min-width",
        "opacity",
        "padding",
        "padding-bottom",
        "padding-left",
        "padding-right",
        "padding-top",
        "text-align",
        "text-decoration",
        "text-transform",
        "vertical-align",
        "width",
        "word-break",
    }
)


def sanitize_html(markup: str) -> str:
    """HTML safe to embed in our pages: no scripts, event handlers, frames or javascript: URLs."""
    return nh3.clean(
        markup,
        tags=_SANITIZE_TAGS,
        clean_content_tags={"script", "style", "title", "iframe", "object", "embed", "template"},
        attributes=_SANITIZE_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        filter_style_properties=_SANITIZE_STYLE_PROPERTIES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
