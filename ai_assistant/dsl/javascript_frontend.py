"""JavaScript scripts: parsed with esprima (never run), turned into the ``ir`` tree."""

from __future__ import annotations

import re
from typing import Any

import esprima
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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

_LOOPS = {"ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"}
_FUNCTIONS = {"FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"}
# What users try, and what to tell them (translated when the error is raised).
_NOT_ALLOWED = gettext_lazy("“%(name)s” is not allowed in workflow scripts.")


def _keyword(name: str) -> Message:
    return Message(_NOT_ALLOWED, {"name": name})


_STATEMENT_MESSAGES: dict[str, Message] = {
    "IfStatement": Message(
        gettext_lazy(
            "“if” is not allowed in workflow scripts; a step's %(option)s says when it acts."
        ),
        {"option": "condition"},
    ),
    "TryStatement": _keyword("try"),
    "WithStatement": _keyword("with"),
    "ClassDeclaration": Message(
        gettext_lazy("Defining classes is not allowed in workflow scripts.")
    ),
    "ThrowStatement": _keyword("throw"),
    "ReturnStatement": _keyword("return"),
    "BlockStatement": Message(
        gettext_lazy("Blocks %(example)s are not allowed in workflow scripts."),
        {"example": "{ ... }"},
    ),
    "SwitchStatement": _keyword("switch"),
    "LabeledStatement": Message(gettext_lazy("Labels are not allowed in workflow scripts.")),
    "DebuggerStatement": _keyword("debugger"),
}
_EXPRESSION_MESSAGES: dict[str, Message] = {
    "BinaryExpression": Message(
        gettext_lazy("Operators (%(operators)s) are not supported; write the value out."),
        {"operators": "+, -, *, **, ..."},
    ),
    "LogicalExpression": Message(
        gettext_lazy("%(operators)s are not supported in workflow scripts."),
        {"operators": "&&, ||, ??"},
    ),
    "ConditionalExpression": Message(
        gettext_lazy("“%(expression)s” is not supported in workflow scripts."),
        {"expression": "? :"},
    ),
    "UpdateExpression": Message(
        gettext_lazy("%(operators)s are not supported in workflow scripts."),
        {"operators": "++, --"},
    ),
    "NewExpression": _keyword("new"),
    "ClassExpression": Message(gettext_lazy("Classes are not allowed in workflow scripts.")),
    "SequenceExpression": Message(
        gettext_lazy("Comma expressions are not supported in workflow scripts.")
    ),
    "TaggedTemplateExpression": Message(
        gettext_lazy("Tagged templates are not allowed in workflow scripts.")
    ),
    "AwaitExpression": _keyword("await"),
    "YieldExpression": _keyword("yield"),
    "SpreadElement": Message(
        gettext_lazy("Unpacking with %(operator)s is not allowed in workflow scripts."),
        {"operator": "..."},
    ),
    "Import": _keyword("import()"),
}


# esprima's most common complaints, in the reader's language (with what they name); any
# other keeps esprima's own English wording after a translated prefix.
_SYNTAX_MESSAGES: list[tuple[re.Pattern[str], Promise]] = [
    (
        re.compile(r"Unexpected end of input"),
        gettext_lazy(
            "JavaScript syntax error: the script ends too early; is a bracket not closed?"
        ),
    ),
    (
        re.compile(r"Unexpected token ILLEGAL"),
        gettext_lazy(
            "JavaScript syntax error: a text in quotes is not closed, or a character is not "
            "allowed here."
        ),
    ),
    (
        re.compile(r"Unexpected token (?P<token>.+)"),
        gettext_lazy("JavaScript syntax error: “%(token)s” is not expected here."),
    ),
    (
        re.compile(r"Unexpected (number|string|identifier)"),
        gettext_lazy("JavaScript syntax error: is a comma or a colon missing?"),
    ),
    (
        re.compile(r"Missing initializer in const declaration"),
        gettext_lazy("JavaScript syntax error: a const needs a value, for example %(example)s"),
    ),
]
_SYNTAX_EXAMPLES = {"example": "const flow = workflow(...);"}


def _syntax_message(detail: str) -> str:
    for pattern, message in _SYNTAX_MESSAGES:
        found = pattern.fullmatch(detail)
        if found:
            params = {**found.groupdict(), **_SYNTAX_EXAMPLES}
            return str(message) % params
    return _("JavaScript syntax error: %(detail)s.") % {"detail": detail}


def _attr(node: Any, name: str) -> Any:
    return getattr(node, name, None)


def _is_signed_number(node: Any) -> bool:
    """-1 or +2.5: a number with its sign, which esprima reads as an operator on it."""
    return (
        node.type == "UnaryExpression"
        and node.operator in ("-", "+")
        and _attr(node.argument, "type") == "Literal"
        and type(node.argument.value) in (int, float)
    )


class JavaScriptFrontend:
    def __init__(self, source: str, deadline: Deadline) -> None:
        self.source = source
        self.deadline = deadline
        self.count = 0

    @staticmethod
    def loc(node: Any) -> Loc:
        where = _attr(node, "loc")
        if where is None:
            return Loc(1, 1)
        return Loc(where.start.line, where.start.column + 1)

    def visit(self, node: Any, depth: int) -> Loc:
        loc = self.loc(node)
        self.count += 1
        if self.count > MAX_NODES:
            raise DslError(
                "too_large",
                _("The script has more than %(limit)d parts; make it shorter.")
                % {"limit": MAX_NODES},
                loc,
            )
        if depth > MAX_TREE_DEPTH:
            raise DslError("too_deep", _("The script is nested too deeply."), loc)
        if self.count % 64 == 0:
            self.deadline.check(loc)
        return loc

    def parse(self) -> list[Statement]:
        try:
            program = esprima.parseScript(self.source, {"loc": True})
        except esprima.Error as exc:
            line = _attr(exc, "lineNumber") or 1
            column = _attr(exc, "column") or 1
            message = str(_attr(exc, "description") or exc)
            message = message.split(": ", 1)[-1] if message.startswith("Line ") else message
            raise DslError(
                "syntax_error",
                _syntax_message(message),
                Loc(line, column),
            ) from None
        except (RecursionError, MemoryError):
            raise DslError(
                "too_deep", _("The script is nested too deeply to read."), Loc(1, 1)
            ) from None
        except (ValueError, IndexError, TypeError) as exc:
            raise DslError(
                "syntax_error",
                _("The script cannot be read: %(detail)s.") % {"detail": type(exc).__name__},
                Loc(1, 1),
            ) from None
        statements: list[Statement] = []
        for node in program.body:
            statements.extend(self.statement(node))
        return statements

    def statement(self, node: Any) -> list[Statement]:
        loc = self.visit(node, 0)
        kind = node.type
        if kind == "EmptyStatement":
            return []
        if kind == "VariableDeclaration":
            out: list[Statement] = []
            for declarator in node.declarations:
                target = declarator.id
                if _attr(target, "type") != "Identifier":
                    raise DslError(
                        "not_allowed",
                        _("Declare one plain name, for example: %(example)s.")
                        % {"example": "const flow = workflow(...)"},
                        self.loc(declarator),
                    )
                if is_forbidden(target.name):
                    raise forbidden_name_error(target.name, self.loc(target))
                if declarator.init is None:
                    raise DslError(
                        "not_allowed",
                        _("Give the name a value: %(example)s") % {"example": "const flow = ...;"},
                        self.loc(target),
                    )
                out.append(Assign(target.name, self.expr(declarator.init, 1), self.loc(declarator)))
            return out
        if kind == "ExpressionStatement":
            expression = node.expression
            if _attr(expression, "type") == "AssignmentExpression":
                left = expression.left
                if expression.operator != "=" or _attr(left, "type") != "Identifier":
                    raise DslError(
                        "not_allowed",
                        _("Assign to one plain name with %(operator)s.") % {"operator": "="},
                        self.loc(expression),
                    )
                if is_forbidden(left.name):
                    raise forbidden_name_error(left.name, self.loc(left))
                return [Assign(left.name, self.expr(expression.right, 1), loc)]
            if _attr(node, "directive"):
                return []  # "use strict";
            return [ExprStatement(self.expr(expression, 1), loc)]
        if kind in _LOOPS:
            raise DslError(
                "not_allowed",
                _("Loops are not allowed in workflow scripts; write each step out."),
                loc,
            )
        if kind in _FUNCTIONS:
            raise DslError(
                "not_allowed", _("Defining functions is not allowed in workflow scripts."), loc
            )
        message = _STATEMENT_MESSAGES.get(kind) or _keyword(kind)
        raise DslError("not_allowed", message, loc)

    def expr(self, node: Any, depth: int) -> Expr:
        loc = self.visit(node, depth)
        kind = node.type
        if kind == "Literal":
            return self.literal(node, loc)
        if kind == "TemplateLiteral":
            return self.template_literal(node, loc)
        if _is_signed_number(node):
            value = -node.argument.value if node.operator == "-" else node.argument.value
            check_literal(value, loc)
            return Lit(value, loc)
        if kind == "ArrayExpression":
            return self.array(node, depth, loc)
        if kind == "ObjectExpression":
            return self.object(node, depth, loc)
        if kind == "Identifier":
            return self.identifier(node, loc)
        if kind == "CallExpression":
            return self.call(node, depth, loc)
        raise self.refusal(node, loc)

    def literal(self, node: Any, loc: Loc) -> Lit:
        if _attr(node, "regex") is not None:
            raise DslError("not_allowed", _("Regular expressions are not allowed."), loc)
        value = node.value
        if not isinstance(value, str | int | float | bool) and value is not None:
            raise DslError("not_allowed", _("This kind of value is not allowed."), loc)
        check_literal(value, loc)
        return Lit(value, loc)

    def template_literal(self, node: Any, loc: Loc) -> Lit:
        """A template string is text only when nothing is filled into it."""
        if node.expressions:
            raise DslError(
                "not_allowed",
                _("%(example)s in template strings is not allowed; write the text out.")
                % {"example": "${...}"},
                loc,
            )
        value = node.quasis[0].value.cooked if node.quasis else ""
        check_literal(value, loc)
        return Lit(value, loc)

    def array(self, node: Any, depth: int, loc: Loc) -> ListExpr:
        if len(node.elements) > MAX_ITEMS:
            raise DslError(
                "literal_too_large",
                _("At most %(limit)d items in a list.") % {"limit": MAX_ITEMS},
                loc,
            )
        items = []
        for element in node.elements:
            if element is None:
                raise DslError("not_allowed", _("Empty places in a list are not allowed."), loc)
            items.append(self.expr(element, depth + 1))
        return ListExpr(items, loc)

    def identifier(self, node: Any, loc: Loc) -> Expr:
        """A name the script gave a value, or ``undefined`` (None); never a forbidden one."""
        if is_forbidden(node.name):
            raise forbidden_name_error(node.name, loc)
        if node.name == "undefined":
            return Lit(None, loc)
        return Name(node.name, loc)

    def refusal(self, node: Any, loc: Loc) -> DslError:
        """The error for an expression a workflow script may not contain, saying why."""
        kind = node.type
        if kind == "ThisExpression":
            return forbidden_name_error("this", loc)
        if kind == "MemberExpression":
            prop = node.property
            if (
                not node.computed
                and _attr(prop, "type") == "Identifier"
                and is_forbidden(prop.name)
            ):
                return forbidden_name_error(prop.name, self.loc(prop))
            return DslError(
                "not_allowed",
                _(
                    "Property access may only be used to call a builder method, for example "
                    "%(example)s."
                )
                % {"example": "flow.sendEmail({...})"},
                loc,
            )
        if kind in _FUNCTIONS:
            return DslError("not_allowed", _("Functions are not allowed in workflow scripts."), loc)
        if kind == "UnaryExpression":
            return DslError(
                "not_allowed", _("Operators are not supported; write the value out."), loc
            )
        if kind == "AssignmentExpression":
            return DslError("not_allowed", _("Assignments must be statements of their own."), loc)
        message = _EXPRESSION_MESSAGES.get(kind) or _keyword(kind)
        return DslError("not_allowed", message, loc)

    def object(self, node: Any, depth: int, loc: Loc) -> DictExpr:
        items: list[tuple[str, Expr]] = []
        if len(node.properties) > MAX_ITEMS:
            raise DslError(
                "literal_too_large",
                _("At most %(limit)d keys in an object.") % {"limit": MAX_ITEMS},
                loc,
            )
        for prop in node.properties:
            prop_loc = self.visit(prop, depth + 1)
            if (
                prop.type != "Property"
                or prop.computed
                or prop.method
                or prop.kind != "init"
                or prop.shorthand
            ):
                raise DslError(
                    "not_allowed",
                    _("Write object keys as %(example)s (or %(alternative)s).")
                    % {"example": "name: value", "alternative": '"text": value'},
                    prop_loc,
                )
            key = prop.key
            if key.type == "Identifier":
                name = key.name
            elif key.type == "Literal" and isinstance(key.value, str):
                name = key.value
            else:
                raise DslError("not_allowed", _("Object keys must be names or text."), prop_loc)
            check_literal(name, prop_loc)
            items.append((name, self.expr(prop.value, depth + 1)))
        return DictExpr(items, loc)

    def call(self, node: Any, depth: int, loc: Loc) -> Call:
        callee = node.callee
        target: Expr | None = None
        if callee.type == "Identifier":
            if is_forbidden(callee.name):
                raise forbidden_name_error(callee.name, self.loc(callee))
            name = callee.name
        elif callee.type == "MemberExpression" and not callee.computed:
            prop = callee.property
            if prop.type != "Identifier":
                raise DslError("not_allowed", _("Call builder methods by name."), self.loc(prop))
            if is_forbidden(prop.name):
                raise forbidden_name_error(prop.name, self.loc(prop))
            name = prop.name
            target = self.expr(callee.object, depth + 1)
        elif callee.type == "ThisExpression":
            raise forbidden_name_error("this", self.loc(callee))
        else:
            self.expr(callee, depth + 1)  # names what is wrong inside, if anything
            raise DslError(
                "not_allowed",
                _("Only builder functions and methods can be called, by name."),
                self.loc(callee),
            )
        args = [self.expr(arg, depth + 1) for arg in node.arguments]
        return Call(name, args, loc, [], target)
