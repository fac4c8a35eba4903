"""JavaScript scripts: parsed with esprima (never run), turned into the ``ir`` tree."""

from __future__ import annotations

from typing import Any

import esprima

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
    Name,
    Statement,
    check_literal,
    forbidden_name_error,
    is_forbidden,
)

_LOOPS = {"ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"}
_FUNCTIONS = {"FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"}
_STATEMENT_MESSAGES = {
    "IfStatement": "“if” is not allowed in workflow scripts; a step's condition says when it acts.",
    "TryStatement": "“try” is not allowed in workflow scripts.",
    "WithStatement": "“with” is not allowed in workflow scripts.",
    "ClassDeclaration": "Defining classes is not allowed in workflow scripts.",
    "ThrowStatement": "“throw” is not allowed in workflow scripts.",
    "ReturnStatement": "“return” is not allowed in workflow scripts.",
    "BlockStatement": "Blocks { ... } are not allowed in workflow scripts.",
    "SwitchStatement": "“switch” is not allowed in workflow scripts.",
    "LabeledStatement": "Labels are not allowed in workflow scripts.",
    "DebuggerStatement": "“debugger” is not allowed in workflow scripts.",
}
_EXPRESSION_MESSAGES = {
    "BinaryExpression": "Operators (+, -, *, **, ...) are not supported; write the value out.",
    "LogicalExpression": "&&, || and ?? are not supported in workflow scripts.",
    "ConditionalExpression": "“? :” is not supported in workflow scripts.",
    "UpdateExpression": "++ and -- are not supported in workflow scripts.",
    "NewExpression": "“new” is not allowed in workflow scripts.",
    "ClassExpression": "Classes are not allowed in workflow scripts.",
    "SequenceExpression": "Comma expressions are not supported in workflow scripts.",
    "TaggedTemplateExpression": "Tagged templates are not allowed in workflow scripts.",
    "AwaitExpression": "await is not allowed in workflow scripts.",
    "YieldExpression": "yield is not allowed in workflow scripts.",
    "SpreadElement": "... spreading is not allowed in workflow scripts.",
    "Import": "import() is not allowed in workflow scripts.",
}


def _attr(node: Any, name: str) -> Any:
    return getattr(node, name, None)


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
                "too_large", f"The script has more than {MAX_NODES} parts; make it shorter.", loc
            )
        if depth > MAX_TREE_DEPTH:
            raise DslError("too_deep", "The script is nested too deeply.", loc)
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
                "syntax_error", f"JavaScript syntax error: {message}.", Loc(line, column)
            ) from None
        except (RecursionError, MemoryError):
            raise DslError(
                "too_deep", "The script is nested too deeply to read.", Loc(1, 1)
            ) from None
        except (ValueError, IndexError, TypeError) as exc:
            raise DslError(
                "syntax_error", f"The script cannot be read: {type(exc).__name__}.", Loc(1, 1)
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
                        "Declare one plain name, e.g. const flow = workflow(...).",
                        self.loc(declarator),
                    )
                if is_forbidden(target.name):
                    raise forbidden_name_error(target.name, self.loc(target))
                if declarator.init is None:
                    raise DslError(
                        "not_allowed", "Give the name a value: const flow = ...;", self.loc(target)
                    )
                out.append(Assign(target.name, self.expr(declarator.init, 1), self.loc(declarator)))
            return out
        if kind == "ExpressionStatement":
            expression = node.expression
            if _attr(expression, "type") == "AssignmentExpression":
                left = expression.left
                if expression.operator != "=" or _attr(left, "type") != "Identifier":
                    raise DslError(
                        "not_allowed", "Assign to one plain name with =.", self.loc(expression)
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
                "Loops are not allowed in workflow scripts; write each step out.",
                loc,
            )
        if kind in _FUNCTIONS:
            raise DslError(
                "not_allowed", "Defining functions is not allowed in workflow scripts.", loc
            )
        message = _STATEMENT_MESSAGES.get(kind, f"“{kind}” is not allowed in workflow scripts.")
        raise DslError("not_allowed", message, loc)

    def expr(self, node: Any, depth: int) -> Expr:
        loc = self.visit(node, depth)
        kind = node.type
        if kind == "Literal":
            if _attr(node, "regex") is not None:
                raise DslError("not_allowed", "Regular expressions are not allowed.", loc)
            value = node.value
            if not isinstance(value, str | int | float | bool) and value is not None:
                raise DslError("not_allowed", "This kind of value is not allowed.", loc)
            check_literal(value, loc)
            return Lit(value, loc)
        if kind == "TemplateLiteral":
            if node.expressions:
                raise DslError(
                    "not_allowed",
                    "${...} in template strings is not allowed; write the text out.",
                    loc,
                )
            value = node.quasis[0].value.cooked if node.quasis else ""
            check_literal(value, loc)
            return Lit(value, loc)
        if (
            kind == "UnaryExpression"
            and node.operator in ("-", "+")
            and _attr(node.argument, "type") == "Literal"
            and type(node.argument.value) in (int, float)
        ):
            value = -node.argument.value if node.operator == "-" else node.argument.value
            check_literal(value, loc)
            return Lit(value, loc)
        if kind == "ArrayExpression":
            if len(node.elements) > MAX_ITEMS:
                raise DslError("literal_too_large", f"At most {MAX_ITEMS} items in a list.", loc)
            items = []
            for element in node.elements:
                if element is None:
                    raise DslError("not_allowed", "Empty places in a list are not allowed.", loc)
                items.append(self.expr(element, depth + 1))
            return ListExpr(items, loc)
        if kind == "ObjectExpression":
            return self.object(node, depth, loc)
        if kind == "Identifier":
            if is_forbidden(node.name):
                raise forbidden_name_error(node.name, loc)
            if node.name == "undefined":
                return Lit(None, loc)
            return Name(node.name, loc)
        if kind == "ThisExpression":
            raise forbidden_name_error("this", loc)
        if kind == "CallExpression":
            return self.call(node, depth, loc)
        if kind == "MemberExpression":
            prop = node.property
            if (
                not node.computed
                and _attr(prop, "type") == "Identifier"
                and is_forbidden(prop.name)
            ):
                raise forbidden_name_error(prop.name, self.loc(prop))
            raise DslError(
                "not_allowed",
                "Property access may only be used to call a builder method, e.g. "
                "flow.sendEmail({...}).",
                loc,
            )
        if kind in _FUNCTIONS:
            raise DslError("not_allowed", "Functions are not allowed in workflow scripts.", loc)
        if kind == "UnaryExpression":
            raise DslError("not_allowed", "Operators are not supported; write the value out.", loc)
        if kind == "AssignmentExpression":
            raise DslError("not_allowed", "Assignments must be statements of their own.", loc)
        message = _EXPRESSION_MESSAGES.get(kind, f"“{kind}” is not allowed in workflow scripts.")
        raise DslError("not_allowed", message, loc)

    def object(self, node: Any, depth: int, loc: Loc) -> DictExpr:
        items: list[tuple[str, Expr]] = []
        if len(node.properties) > MAX_ITEMS:
            raise DslError("literal_too_large", f"At most {MAX_ITEMS} keys in an object.", loc)
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
                    "not_allowed", 'Write object keys as name: value (or "text": value).', prop_loc
                )
            key = prop.key
            if key.type == "Identifier":
                name = key.name
            elif key.type == "Literal" and isinstance(key.value, str):
                name = key.value
            else:
                raise DslError("not_allowed", "Object keys must be names or text.", prop_loc)
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
                raise DslError("not_allowed", "Call builder methods by name.", self.loc(prop))
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
                "Only builder functions and methods can be called, by name.",
                self.loc(callee),
            )
        args = [self.expr(arg, depth + 1) for arg in node.arguments]
        return Call(name, args, loc, [], target)
