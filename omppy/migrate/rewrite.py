"""Writing the migrated module: pragmas, loops, locks and routine calls in place of
pymp's, for the regions the survey let through."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import libcst as cst

from .model import NOTE, Names, Region, alias_name, dotted_name


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _comment(text: str) -> cst.EmptyLine:
    return cst.EmptyLine(
        indent=True, whitespace=cst.SimpleWhitespace(""), comment=cst.Comment(text)
    )


def apply_regions(wrapper: cst.MetadataWrapper, names: Names, regions: Sequence[Region]) -> str:
    return wrapper.module.visit(_Rewrite(names, regions)).code


class _Rewrite(cst.CSTTransformer):
    def __init__(self, names: Names, regions: Iterable[Region]) -> None:
        super().__init__()
        self.names = names
        self.kept = {r.node: r.reason for r in regions if r.reason is not None}
        migrated = [r for r in regions if r.reason is None]
        self.unwrap = {r.node: (r.pragma, "# omp end parallel") for r in migrated}
        self.loops: dict[cst.For, str] = {}
        self.routines: dict[cst.Attribute, str] = {}
        self.prints: set[cst.Call] = set()
        for region in migrated:
            lock = f"{region.var}_lock"
            for node in region.locks:
                self.unwrap[node] = (f"# omp critical({lock})", "# omp end critical")
            self.loops.update(region.loops)
            self.routines.update(region.routines)
            self.prints.update(region.prints)
        self.needed = sorted(set(self.routines.values()))

    # -- imports ---------------------------------------------------------------------------

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        aliases = []
        for alias in updated_node.names:
            dotted = dotted_name(alias.name)
            if dotted == "pymp" or (dotted or "").startswith("pymp."):
                if alias.asname is None:
                    alias = alias.with_changes(
                        name=cst.parse_expression("omppy.pymp"),
                        asname=cst.AsName(name=cst.Name("pymp")),
                    )
                else:
                    alias = alias.with_changes(name=cst.parse_expression(f"omppy.{dotted}"))
            aliases.append(alias)
        return updated_node.with_changes(names=aliases)

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom:
        source = dotted_name(updated_node.module) if updated_node.module else None
        if updated_node.relative or source is None:
            return updated_node
        if source == "pymp" or source.startswith("pymp."):
            module = cst.parse_expression(f"omppy.{source}")
            assert isinstance(module, (cst.Attribute, cst.Name))
            return updated_node.with_changes(module=module)
        return updated_node

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        body, ending = self._flatten(original_node.body, updated_node.body)
        module = updated_node.with_changes(body=body, footer=[*ending, *updated_node.footer])
        return self._add_routine_import(module)

    def _add_routine_import(self, module: cst.Module) -> cst.Module:
        present: set[str | None] = set()
        last_import = -1
        for index, statement in enumerate(module.body):
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    last_import = index
                if (
                    isinstance(small, cst.ImportFrom)
                    and not isinstance(small.names, cst.ImportStar)
                    and small.module is not None
                    and dotted_name(small.module) == "omppy"
                ):
                    present.update(alias_name(alias) for alias in small.names)
        missing = [name for name in self.needed if name not in present]
        if not missing:
            return module
        statement = cst.parse_statement(f"from omppy import {', '.join(missing)}\n")
        body = list(module.body)
        if last_import < 0 and body and _is_docstring(body[0]):
            last_import = 0
        body.insert(last_import + 1, statement)
        return module.with_changes(body=body)

    # -- regions, loops, routines ------------------------------------------------------------

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        body, ending = self._flatten(original_node.body, updated_node.body)
        return updated_node.with_changes(body=body, footer=[*ending, *updated_node.footer])

    def _flatten(
        self, originals: Sequence[cst.BaseStatement], updated: Sequence[cst.BaseStatement]
    ) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]]:
        """The block's statements, with the marked ``with`` statements unwrapped into
        their bodies between a pragma and its ``end``; and the lines that must close
        the block (an ``end`` with no statement after it)."""
        result: list[cst.BaseStatement] = []
        pending: list[cst.EmptyLine] = []
        for original, statement in zip(originals, updated, strict=True):
            lines = list(getattr(statement, "leading_lines", ()))
            if isinstance(original, cst.With) and original in self.unwrap:
                assert isinstance(statement, cst.With)
                opening, closing = self.unwrap[original]
                block = statement.body
                assert isinstance(block, cst.IndentedBlock)
                inner: list[cst.BaseStatement] = list(block.body)
                header = block.header.comment
                lead = [*pending, *lines]
                if header is not None:
                    lead.append(_comment(header.value))
                lead.append(_comment(opening))
                first = inner[0]
                inner[0] = first.with_changes(
                    leading_lines=[*lead, *getattr(first, "leading_lines", ())]
                )
                result.extend(inner)
                pending = [*block.footer, _comment(closing)]
                continue
            if pending:
                statement = statement.with_changes(leading_lines=[*pending, *lines])
                pending = []
            result.append(statement)
        return result, pending

    def leave_With(self, original_node: cst.With, updated_node: cst.With) -> cst.With:
        reason = self.kept.get(original_node)
        if reason is None:
            return updated_node
        note = NOTE + reason
        lines = [
            line
            for line in updated_node.leading_lines
            if line.comment is None or not line.comment.value.startswith(NOTE)
        ]
        return updated_node.with_changes(leading_lines=[*lines, _comment(note)])

    def leave_For(self, original_node: cst.For, updated_node: cst.For) -> cst.For:
        kind = self.loops.get(original_node)
        if kind is None:
            return updated_node
        pragma = "# omp for nowait" + (" schedule(dynamic)" if kind == "xrange" else "")
        call = updated_node.iter
        assert isinstance(call, cst.Call)
        return updated_node.with_changes(
            iter=call.with_changes(func=cst.Name("range")),
            leading_lines=[*updated_node.leading_lines, _comment(pragma)],
        )

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        routine = self.routines.get(original_node)
        if routine is None:
            return updated_node
        return cst.Call(func=cst.Name(routine))

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if original_node not in self.prints:
            return updated_node
        args = list(updated_node.args)
        if not any(a.keyword is not None and a.keyword.value == "flush" for a in args):
            if args:
                args[-1] = args[-1].with_changes(
                    comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                )
            args.append(
                cst.Arg(
                    keyword=cst.Name("flush"),
                    value=cst.Name("True"),
                    equal=cst.AssignEqual(
                        whitespace_before=cst.SimpleWhitespace(""),
                        whitespace_after=cst.SimpleWhitespace(""),
                    ),
                )
            )
        return updated_node.with_changes(func=cst.Name("print"), args=args)
