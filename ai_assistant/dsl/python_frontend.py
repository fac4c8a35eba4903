"""Python scripts: parsed with ``ast`` (never compiled or run), turned into the ``ir`` tree."""

from __future__ import annotations

import ast

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
    Name,
    Statement,
    check_literal,
    forbidden_name_error,
    is_forbidden,
)

# What users try, and what to tell them.
_STATEMENT_MESSAGES: dict[type[ast.AST], str] = {
    ast.Import: "Imports are not allowed; the builder functions are available without them.",
    ast.ImportFrom: "Imports are not allowed; the builder functions are available without them.",
    ast.While: "Loops are not allowed in workflow scripts; write each step out.",
    ast.For: "Loops are not allowed in workflow scripts; write each step out.",
    ast.AsyncFor: "Loops are not allowed in workflow scripts; write each step out.",
    ast.FunctionDef: "Defining functions is not allowed in workflow scripts.",
    ast.AsyncFunctionDef: "Defining functions is not allowed in workflow scripts.",
    ast.ClassDef: "Defining classes is not allowed in workflow scripts.",
    ast.With: "“with” is not allowed in workflow scripts.",
    ast.AsyncWith: "“with” is not allowed in workflow scripts.",
    ast.Try: "“try” is not allowed in workflow scripts.",
    ast.If: "“if” is not allowed in workflow scripts; a step's condition= says when it acts.",
    ast.Delete: "“del” is not allowed in workflow scripts.",
    ast.Global: "“global” is not allowed in workflow scripts.",
    ast.Nonlocal: "“nonlocal” is not allowed in workflow scripts.",
    ast.AugAssign: "Operators such as += are not allowed in workflow scripts.",
    ast.Raise: "“raise” is not allowed in workflow scripts.",
    ast.Assert: "“assert” is not allowed in workflow scripts.",
    ast.Return: "“return” is not allowed in workflow scripts.",
}
_EXPRESSION_MESSAGES: dict[type[ast.AST], str] = {
    ast.BinOp: "Operators (+, -, *, **, /, ...) are not supported; write the value out.",
    ast.BoolOp: "“and”/“or” are not supported in workflow scripts.",
    ast.Compare: "Comparisons are not supported in workflow scripts.",
    ast.IfExp: "“... if ... else ...” is not supported in workflow scripts.",
    ast.Lambda: "lambda is not allowed in workflow scripts.",
    ast.ListComp: "Comprehensions are not allowed in workflow scripts.",
    ast.SetComp: "Comprehensions are not allowed in workflow scripts.",
    ast.DictComp: "Comprehensions are not allowed in workflow scripts.",
    ast.GeneratorExp: "Comprehensions are not allowed in workflow scripts.",
    ast.Subscript: "Indexing ([...] after a value) is not allowed in workflow scripts.",
    ast.Starred: "* and ** unpacking are not allowed in workflow scripts.",
    ast.JoinedStr: "f-strings are not allowed; write the text out.",
    ast.Set: "Sets are not supported; use a list [...].",
    ast.Await: "await is not allowed in workflow scripts.",
    ast.Yield: "yield is not allowed in workflow scripts.",
    ast.YieldFrom: "yield is not allowed in workflow scripts.",
    ast.NamedExpr: "“:=” is not allowed in workflow scripts.",
    ast.Slice: "Slices are not allowed in workflow scripts.",
}


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
                "syntax_error", f"Python syntax error: {exc.msg}.", Loc(line, max(column, 1))
            ) from None
        except (RecursionError, MemoryError):
            raise DslError(
                "too_deep", "The script is nested too deeply to read.", Loc(1, 1)
            ) from None
        except (ValueError, OverflowError) as exc:
            raise DslError(
                "syntax_error", f"The script cannot be read: {exc}.", Loc(1, 1)
            ) from None
        for count, node in enumerate(ast.walk(tree), start=1):
            if count > MAX_NODES:
                raise DslError(
                    "too_large",
                    f"The script has more than {MAX_NODES} parts; make it shorter.",
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
                    "Assign to one plain name, for example: flow = workflow(...).",
                    loc,
                )
            name = node.targets[0].id
            if is_forbidden(name):
                raise forbidden_name_error(name, self.loc(node.targets[0]))
            return Assign(name, self.expr(node.value, 1), loc)
        if isinstance(node, ast.Expr):
            return ExprStatement(self.expr(node.value, 1), loc)
        if isinstance(node, ast.AnnAssign):
            raise DslError("not_allowed", "Type annotations are not allowed here.", loc)
        message = _STATEMENT_MESSAGES.get(
            type(node), f"“{type(node).__name__}” statements are not allowed in workflow scripts."
        )
        raise DslError("not_allowed", message, loc)

    def expr(self, node: ast.expr, depth: int) -> Expr:
        loc = self.loc(node)
        if depth > MAX_TREE_DEPTH:
            raise DslError("too_deep", "The script is nested too deeply.", loc)
        if isinstance(node, ast.Constant):
            value = node.value
            if not isinstance(value, str | int | float | bool) and value is not None:
                raise DslError(
                    "not_allowed",
                    f"Values of type {type(value).__name__} are not allowed; use text, "
                    "numbers, True/False, None, lists and dicts.",
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
                raise DslError("literal_too_large", f"At most {MAX_ITEMS} items in a list.", loc)
            return ListExpr([self.expr(item, depth + 1) for item in node.elts], loc)
        if isinstance(node, ast.Dict):
            items: list[tuple[str, Expr]] = []
            for key, value in zip(node.keys, node.values, strict=True):
                if key is None:
                    raise DslError("not_allowed", "** unpacking is not allowed.", loc)
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise DslError(
                        "not_allowed", "Dict keys must be text in quotes.", self.loc(key)
                    )
                check_literal(key.value, self.loc(key))
                items.append((key.value, self.expr(value, depth + 1)))
            if len(items) > MAX_ITEMS:
                raise DslError("literal_too_large", f"At most {MAX_ITEMS} items in a dict.", loc)
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
                f"“.{node.attr}” may only be used to call a builder method, e.g. "
                "flow.send_email(...).",
                loc,
            )
        if isinstance(node, ast.UnaryOp):
            raise DslError("not_allowed", "Operators are not supported; write the value out.", loc)
        message = _EXPRESSION_MESSAGES.get(
            type(node), f"“{type(node).__name__}” is not allowed in workflow scripts."
        )
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
                "Only builder functions and methods can be called, by name.",
                self.loc(func),
            )
        args = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise DslError("not_allowed", "* unpacking is not allowed.", self.loc(arg))
            args.append(self.expr(arg, depth + 1))
        keywords = []
        for keyword in node.keywords:
            kw_loc = self.loc(keyword) if hasattr(keyword, "lineno") else loc
            if keyword.arg is None:
                raise DslError("not_allowed", "** unpacking is not allowed.", kw_loc)
            if is_forbidden(keyword.arg):
                raise forbidden_name_error(keyword.arg, kw_loc)
            keywords.append(Keyword(keyword.arg, self.expr(keyword.value, depth + 1), kw_loc))
        return Call(name, args, loc, keywords, target)
