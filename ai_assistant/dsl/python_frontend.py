"""Python scripts: parsed with ``ast`` (never compiled or run), turned into the ``ir`` tree."""

from __future__ import annotations

import ast
import re

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ai_assistant.dsl.builder import methods
from ai_assistant.dsl.ir import (
    MAX_ITEMS,
    MAX_NODES,
    MAX_TREE_DEPTH,
    Assign,
    Call,
    Deadline,
    DictExpr,
    DslError,
    Expr,
    ExprStatement,
    Keyword,
    ListExpr,
    Lit,
    Loc,
    Message,
    Name,
    Statement,
    check_literal,
    forbidden_name_error,
    is_forbidden,
)

# What users try, and what to tell them (translated when the error is raised).
_NOT_ALLOWED = gettext_lazy("“%(name)s” is not allowed in workflow scripts.")
_IMPORTS = Message(
    gettext_lazy("Imports are not allowed; the builder functions are available without them.")
)
_LOOPS = Message(gettext_lazy("Loops are not allowed in workflow scripts; write each step out."))
_FUNCTIONS = Message(gettext_lazy("Defining functions is not allowed in workflow scripts."))
_COMPREHENSIONS = Message(gettext_lazy("Comprehensions are not allowed in workflow scripts."))
_UNPACKING = gettext_lazy("Unpacking with %(operator)s is not allowed in workflow scripts.")


def _keyword(name: str) -> Message:
    return Message(_NOT_ALLOWED, {"name": name})


_STATEMENT_MESSAGES: dict[type[ast.AST], Message] = {
    ast.Import: _IMPORTS,
    ast.ImportFrom: _IMPORTS,
    ast.While: _LOOPS,
    ast.For: _LOOPS,
    ast.AsyncFor: _LOOPS,
    ast.FunctionDef: _FUNCTIONS,
    ast.AsyncFunctionDef: _FUNCTIONS,
    ast.ClassDef: Message(gettext_lazy("Defining classes is not allowed in workflow scripts.")),
    ast.With: _keyword("with"),
    ast.AsyncWith: _keyword("with"),
    ast.Try: _keyword("try"),
    ast.If: Message(
        gettext_lazy(
            "“if” is not allowed in workflow scripts; a step's %(option)s says when it acts."
        ),
        {"option": "condition="},
    ),
    ast.Delete: _keyword("del"),
    ast.Global: _keyword("global"),
    ast.Nonlocal: _keyword("nonlocal"),
    ast.AugAssign: Message(
        gettext_lazy("Operators such as %(operator)s are not allowed in workflow scripts."),
        {"operator": "+="},
    ),
    ast.Raise: _keyword("raise"),
    ast.Assert: _keyword("assert"),
    ast.Return: _keyword("return"),
}
_EXPRESSION_MESSAGES: dict[type[ast.AST], Message] = {
    ast.BinOp: Message(
        gettext_lazy("Operators (%(operators)s) are not supported; write the value out."),
        {"operators": "+, -, *, **, /, ..."},
    ),
    ast.BoolOp: Message(
        gettext_lazy("%(operators)s are not supported in workflow scripts."),
        {"operators": "“and”, “or”"},
    ),
    ast.Compare: Message(gettext_lazy("Comparisons are not supported in workflow scripts.")),
    ast.IfExp: Message(
        gettext_lazy("“%(expression)s” is not supported in workflow scripts."),
        {"expression": "... if ... else ..."},
    ),
    ast.Lambda: _keyword("lambda"),
    ast.ListComp: _COMPREHENSIONS,
    ast.SetComp: _COMPREHENSIONS,
    ast.DictComp: _COMPREHENSIONS,
    ast.GeneratorExp: _COMPREHENSIONS,
    ast.Subscript: Message(
        gettext_lazy("Indexing (%(example)s after a value) is not allowed in workflow scripts."),
        {"example": "[...]"},
    ),
    ast.Starred: Message(_UNPACKING, {"operator": "* / **"}),
    ast.JoinedStr: Message(gettext_lazy("f-strings are not allowed; write the text out.")),
    ast.Set: Message(
        gettext_lazy("Sets are not supported; use a list %(example)s."), {"example": "[...]"}
    ),
    ast.Await: _keyword("await"),
    ast.Yield: _keyword("yield"),
    ast.YieldFrom: _keyword("yield from"),
    ast.NamedExpr: _keyword(":="),
    ast.Slice: Message(gettext_lazy("Slices are not allowed in workflow scripts.")),
}


# The parser's most common complaints, in the reader's language (with what they name); any
# other keeps Python's own English wording after a translated prefix.
_SYNTAX_MESSAGES: list[tuple[re.Pattern[str], Promise]] = [
    (
        re.compile(r"'(?P<bracket>.)' was never closed"),
        gettext_lazy("Python syntax error: “%(bracket)s” is never closed."),
    ),
    (
        re.compile(r"unmatched '(?P<bracket>.)'"),
        gettext_lazy("Python syntax error: “%(bracket)s” closes a bracket that was never opened."),
    ),
    (
        re.compile(
            r"closing parenthesis '(?P<closing>.)' does not match opening parenthesis "
            r"'(?P<opening>.)'"
        ),
        gettext_lazy("Python syntax error: “%(closing)s” does not match “%(opening)s”."),
    ),
    (
        re.compile(r"unterminated (triple-quoted )?string literal"),
        gettext_lazy("Python syntax error: a text in quotes is not closed."),
    ),
    (
        re.compile(r"invalid syntax\. Perhaps you forgot a comma\?"),
        gettext_lazy("Python syntax error: is a comma missing?"),
    ),
    (
        re.compile(r"invalid character '(?P<character>.)'"),
        gettext_lazy("Python syntax error: the character “%(character)s” is not allowed here."),
    ),
    (
        re.compile(r"unexpected indent"),
        gettext_lazy("Python syntax error: the line is indented; start statements at column 1."),
    ),
    (
        re.compile(r"unindent does not match"),
        gettext_lazy("Python syntax error: the indentation does not match the lines above."),
    ),
    (
        re.compile(r"positional argument follows keyword argument"),
        gettext_lazy("Python syntax error: a value without a name follows a named option."),
    ),
    (
        re.compile(r"(unexpected EOF while parsing|expected an indented block)"),
        gettext_lazy("Python syntax error: the script ends too early."),
    ),
    (re.compile(r"invalid syntax"), gettext_lazy("Python syntax error: this is not valid Python.")),
]
_SYNTAX_EXAMPLES: dict[str, str] = {}


def _syntax_message(detail: str) -> str:
    for pattern, message in _SYNTAX_MESSAGES:
        found = pattern.match(detail)
        if found:
            params = {**found.groupdict(), **_SYNTAX_EXAMPLES}
            return str(message) % params
    return _("Python syntax error: %(detail)s.") % {"detail": detail}


class PythonFrontend:
    def __init__(self, source: str, deadline: Deadline) -> None:
        self.source = source
        self.lines = source.split("\n")
        self.deadline = deadline

    def loc(self, node: ast.AST) -> Loc:
        line = getattr(node, "lineno", 1) or 1
        offset = getattr(node, "col_offset", 0) or 0
        # ast columns count UTF-8 bytes; people count characters.
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        column = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
        return Loc(line, column + 1)

    def parse(self) -> list[Statement]:
        try:
            tree = ast.parse(self.source, mode="exec")
        except SyntaxError as exc:
            line = exc.lineno or 1
            column = exc.offset or 1
            raise DslError(
                "syntax_error",
                _syntax_message(exc.msg or ""),
                Loc(line, max(column, 1)),
            ) from None
        except (RecursionError, MemoryError):
            raise DslError(
                "too_deep", _("The script is nested too deeply to read."), Loc(1, 1)
            ) from None
        except (ValueError, OverflowError) as exc:
            raise DslError(
                "syntax_error",
                _("The script cannot be read: %(detail)s.") % {"detail": exc},
                Loc(1, 1),
            ) from None
        for count, node in enumerate(ast.walk(tree), start=1):
            if count > MAX_NODES:
                raise DslError(
                    "too_large",
                    _("The script has more than %(limit)d parts; make it shorter.")
                    % {"limit": MAX_NODES},
                    self.loc(node),
                )
        statements: list[Statement] = []
        for node in tree.body:
            self.deadline.check(self.loc(node))
            statements.append(self.statement(node))
        return statements

    def statement(self, node: ast.stmt) -> Statement:
        loc = self.loc(node)
        if isinstance(node, ast.Assign):
            if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
                raise DslError(
                    "not_allowed",
                    _("Assign to one plain name, for example: %(example)s.")
                    % {"example": "flow = workflow(...)"},
                    loc,
                )
            name = node.targets[0].id
            if is_forbidden(name):
                raise forbidden_name_error(name, self.loc(node.targets[0]))
            return Assign(name, self.expr(node.value, 1), loc)
        if isinstance(node, ast.Expr):
            return ExprStatement(self.expr(node.value, 1), loc)
        if isinstance(node, ast.AnnAssign):
            raise DslError("not_allowed", _("Type annotations are not allowed here."), loc)
        message = _STATEMENT_MESSAGES.get(type(node)) or _keyword(type(node).__name__)
        raise DslError("not_allowed", message, loc)

    def expr(self, node: ast.expr, depth: int) -> Expr:
        loc = self.loc(node)
        if depth > MAX_TREE_DEPTH:
            raise DslError("too_deep", _("The script is nested too deeply."), loc)
        if isinstance(node, ast.Constant):
            value = node.value
            if not isinstance(value, str | int | float | bool) and value is not None:
                raise DslError(
                    "not_allowed",
                    _(
                        "Values of type %(type)s are not allowed; use text, numbers, "
                        "%(constants)s, lists and dicts."
                    )
                    % {"type": type(value).__name__, "constants": "True/False, None"},
                    loc,
                )
            check_literal(value, loc)
            return Lit(value, loc)
        if (
            isinstance(node, ast.UnaryOp)
            and isinstance(node.op, ast.USub | ast.UAdd)
            and isinstance(node.operand, ast.Constant)
            and type(node.operand.value) in (int, float)
        ):
            value = node.operand.value
            value = -value if isinstance(node.op, ast.USub) else value
            check_literal(value, loc)
            return Lit(value, loc)
        if isinstance(node, ast.List | ast.Tuple):
            if len(node.elts) > MAX_ITEMS:
                raise DslError(
                    "literal_too_large",
                    _("At most %(limit)d items in a list.") % {"limit": MAX_ITEMS},
                    loc,
                )
            return ListExpr([self.expr(item, depth + 1) for item in node.elts], loc)
        if isinstance(node, ast.Dict):
            items: list[tuple[str, Expr]] = []
            for key, value in zip(node.keys, node.values, strict=True):
                if key is None:
                    raise DslError("not_allowed", Message(_UNPACKING, {"operator": "**"}), loc)
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise DslError(
                        "not_allowed", _("Dict keys must be text in quotes."), self.loc(key)
                    )
                check_literal(key.value, self.loc(key))
                items.append((key.value, self.expr(value, depth + 1)))
            if len(items) > MAX_ITEMS:
                raise DslError(
                    "literal_too_large",
                    _("At most %(limit)d items in a dict.") % {"limit": MAX_ITEMS},
                    loc,
                )
            return DictExpr(items, loc)
        if isinstance(node, ast.Name):
            if is_forbidden(node.id):
                raise forbidden_name_error(node.id, loc)
            return Name(node.id, loc)
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        if isinstance(node, ast.Attribute):
            if is_forbidden(node.attr):
                raise forbidden_name_error(node.attr, loc)
            raise DslError(
                "not_allowed",
                _("“.%(name)s” may only be used to call a builder method, for example %(example)s.")
                % {"name": node.attr, "example": f"flow.{next(iter(methods()))}(...)"},
                loc,
            )
        if isinstance(node, ast.UnaryOp):
            raise DslError(
                "not_allowed", _("Operators are not supported; write the value out."), loc
            )
        message = _EXPRESSION_MESSAGES.get(type(node)) or _keyword(type(node).__name__)
        raise DslError("not_allowed", message, loc)

    def call(self, node: ast.Call, depth: int) -> Call:
        loc = self.loc(node)
        self.deadline.check(loc)
        func = node.func
        target: Expr | None = None
        if isinstance(func, ast.Name):
            if is_forbidden(func.id):
                raise forbidden_name_error(func.id, self.loc(func))
            name = func.id
        elif isinstance(func, ast.Attribute):
            if is_forbidden(func.attr):
                raise forbidden_name_error(func.attr, self.loc(func))
            name = func.attr
            target = self.expr(func.value, depth + 1)
        else:
            self.expr(func, depth + 1)  # names what is wrong inside, if anything
            raise DslError(
                "not_allowed",
                _("Only builder functions and methods can be called, by name."),
                self.loc(func),
            )
        args = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise DslError("not_allowed", Message(_UNPACKING, {"operator": "*"}), self.loc(arg))
            args.append(self.expr(arg, depth + 1))
        keywords = []
        for keyword in node.keywords:
            kw_loc = self.loc(keyword) if hasattr(keyword, "lineno") else loc
            if keyword.arg is None:
                raise DslError("not_allowed", Message(_UNPACKING, {"operator": "**"}), kw_loc)
            if is_forbidden(keyword.arg):
                raise forbidden_name_error(keyword.arg, kw_loc)
            keywords.append(Keyword(keyword.arg, self.expr(keyword.value, depth + 1), kw_loc))
        return Call(name, args, loc, keywords, target)
