"""Which pymp regions migrate, and how: a visitor over the module that fills one
:class:`~omppy.migrate.model.Region` per ``with pymp.Parallel(...)`` block, or says
why it is kept."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import (
    CodeRange,
    ParentNodeProvider,
    PositionProvider,
    Scope,
    ScopeProvider,
)

from .model import ROUTINES, SELF_SHARED, Kept, Names, Region, is_parallel_call, shared_kind
from .syntax import breaks_out, changed_roots, names_in, within


class Survey(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentNodeProvider)

    def __init__(self, wrapper: cst.MetadataWrapper, names: Names) -> None:
        super().__init__()
        self.names = names
        self.position = wrapper.resolve(PositionProvider)
        self.scopes = wrapper.resolve(ScopeProvider)
        self.parents = wrapper.resolve(ParentNodeProvider)
        self.regions: list[Region] = []
        self.stack: list[Region] = []
        self.readers = self._readers()
        wrapper.module.visit(self)
        for region in self.regions:  # once all are known: each may look at the others
            if region.reason is None:
                try:
                    self._plan(region)
                except Kept as why:
                    region.reason = str(why)

    def _readers(self) -> dict[cst.CSTNode, list[cst.CSTNode]]:
        """Every assignment's node -> the nodes of the accesses that may read it."""
        readers: dict[cst.CSTNode, list[cst.CSTNode]] = {}
        for scope in {s for s in self.scopes.values() if s is not None}:
            for access in scope.accesses:
                for assignment in access.referents:
                    node = getattr(assignment, "node", None)
                    if node is not None:
                        readers.setdefault(node, []).append(access.node)
        return readers

    def visit_With(self, node: cst.With) -> None:
        if len(node.items) == 1 and is_parallel_call(node.items[0].item, self.names):
            call = node.items[0].item
            assert isinstance(call, cst.Call)
            target = node.items[0].asname
            region = Region(node, call, None)
            if target is not None:
                if isinstance(target.name, cst.Name):
                    region.var = target.name.value
                else:
                    region.reason = "the Parallel object is unpacked"
            if self.stack:
                for outer in self.stack:
                    outer.reason = outer.reason or "a nested region"
                region.reason = region.reason or "a nested region"
            self.regions.append(region)
            self.stack.append(region)
        elif any(is_parallel_call(item.item, self.names) for item in node.items):
            self.regions.append(
                Region(node, node.items[0].item, None, "the with statement holds more")  # type: ignore[arg-type]
            )

    def leave_With(self, original_node: cst.With) -> None:
        if self.stack and self.stack[-1].node is original_node:
            self.stack.pop()

    # -- one region ------------------------------------------------------------------------

    def _plan(self, region: Region) -> None:
        body = region.node.body
        if not isinstance(body, cst.IndentedBlock):
            raise Kept("a one-line with statement")
        span = self.position[body]
        scope = self.scopes[region.node]
        assert scope is not None
        self._check_escapes(body)
        self._check_p(region, span)
        clauses = self._clauses(region)
        bound = self._bound_names(scope, span)
        loop_only = self._loop_only(region, scope, span)
        self._check_read_after(region, scope, span, bound)
        shared = self._shared_objects(region, span)
        self._check_outside_changes(region, scope, shared, bound)
        # pymp starts every name with the master's value; omppy leaves a name the region
        # binds unbound, unless it is firstprivate (which needs a value to copy).
        read = {n.value for n in names_in(body) if self.scopes.get(n) is scope}
        firstprivate = sorted(
            name
            for name in bound & read
            if name not in loop_only and self._bound_before(scope, name, span)
        )
        clauses.append("default(firstprivate)")
        if shared:
            clauses.append(f"shared({', '.join(sorted(shared))})")
        if firstprivate:
            clauses.append(f"firstprivate({', '.join(firstprivate)})")
        region.pragma = "# omp parallel " + " ".join(clauses)

    def _clauses(self, region: Region) -> list[str]:
        clauses = []
        args = list(region.call.args)
        if any(a.star for a in args):
            raise Kept("Parallel(*args)")
        positional = [a for a in args if a.keyword is None]
        keywords = {a.keyword.value: a.value for a in args if a.keyword is not None}
        if len(positional) > 2 or set(keywords) - {"num_threads", "if_"}:
            raise Kept("unexpected Parallel arguments")
        count = positional[0].value if positional else keywords.get("num_threads")
        condition = positional[1].value if len(positional) > 1 else keywords.get("if_")
        for clause, value in (("num_threads", count), ("if", condition)):
            if value is None or (isinstance(value, cst.Name) and value.value == "None"):
                if clause == "if" and value is not None:
                    clauses.append("if(False)")
                continue
            text = cst.Module([]).code_for_node(value)
            if "\n" in text or "#" in text:
                raise Kept("a Parallel argument spans several lines")
            clauses.append(f"{clause}({text})")
        return clauses

    def _check_escapes(self, body: cst.IndentedBlock) -> None:
        class Escapes(cst.CSTVisitor):
            def __init__(self) -> None:
                self.loops = 0

            def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
                return False

            def visit_ClassDef(self, node: cst.ClassDef) -> bool:
                return False

            def visit_Lambda(self, node: cst.Lambda) -> bool:
                return False

            def visit_Return(self, node: cst.Return) -> None:
                raise Kept("return leaves the region")

            def visit_Yield(self, node: cst.Yield) -> None:
                raise Kept("yield inside the region")

            def visit_Await(self, node: cst.Await) -> None:
                raise Kept("await inside the region")

            def visit_Global(self, node: cst.Global) -> None:
                raise Kept("a global statement inside the region")

            def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
                raise Kept("a nonlocal statement inside the region")

            def visit_For(self, node: cst.For) -> None:
                self.loops += 1

            def leave_For(self, original_node: cst.For) -> None:
                self.loops -= 1

            def visit_While(self, node: cst.While) -> None:
                self.loops += 1

            def leave_While(self, original_node: cst.While) -> None:
                self.loops -= 1

            def visit_Break(self, node: cst.Break) -> None:
                if not self.loops:
                    raise Kept("break leaves the region")

            def visit_Continue(self, node: cst.Continue) -> None:
                if not self.loops:
                    raise Kept("continue leaves the region")

        body.visit(Escapes())

    def _check_p(self, region: Region, span: CodeRange) -> None:
        """Every use of ``p`` must have a pragma or a routine to become."""
        var = region.var
        if var is None:
            return
        scope = self.scopes[region.node]
        assert scope is not None
        # Other regions with the same variable read their own: not a use of this one's.
        others = [self.position[r.node] for r in self.regions if r is not region and r.var == var]
        for assignment in scope.assignments[var]:
            node = getattr(assignment, "node", None)
            if node is None or any(within(self.position[node], other) for other in others):
                continue
            for reader in self.readers.get(node, ()):
                where = self.position[reader]
                if not within(where, span) and not any(within(where, o) for o in others):
                    raise Kept(f"'{var}' is used outside the region")
            if within(self.position[node], span):
                raise Kept(f"'{var}' is rebound inside the region")
        for name in names_in(region.node.body, var):
            if self.scopes[name] is not scope:
                raise Kept(f"'{var}' is used in a function inside the region")
            self._use_of_p(region, name)

    def _use_of_p(self, region: Region, name: cst.Name) -> None:
        var = region.var
        parent = self.parents[name]
        if not isinstance(parent, cst.Attribute) or parent.value is not name:
            raise Kept(f"'{var}' is passed or stored")
        attr = parent.attr.value
        holder = self.parents[parent]
        if attr in ROUTINES:
            if isinstance(holder, (cst.AssignTarget, cst.AugAssign, cst.Del)):
                raise Kept(f"{var}.{attr} is assigned")
            region.routines[parent] = ROUTINES[attr]
        elif attr in ("range", "xrange"):
            if not isinstance(holder, cst.Call) or holder.func is not parent:
                raise Kept(f"{var}.{attr} is used outside a for statement")
            loop = self.parents.get(holder)
            if not (isinstance(loop, cst.For) and loop.iter is holder):
                raise Kept(f"{var}.{attr} is used outside a for statement")
            if any(a.keyword is not None or a.star for a in holder.args):
                raise Kept(f"{var}.{attr} with keyword arguments")
            if loop.orelse is not None or loop.asynchronous is not None:
                raise Kept(f"a {var}.{attr} loop with an else clause")
            if breaks_out(loop.body):
                raise Kept(f"break leaves a {var}.{attr} loop")
            region.loops[loop] = attr
        elif attr == "lock":
            item = holder
            statement = self.parents.get(item) if isinstance(item, cst.WithItem) else None
            if not (
                isinstance(item, cst.WithItem)
                and item.asname is None
                and isinstance(statement, cst.With)
                and len(statement.items) == 1
                and isinstance(statement.body, cst.IndentedBlock)
            ):
                raise Kept(f"{var}.lock is used other than in 'with {var}.lock:'")
            region.locks.add(statement)
        elif attr == "print":
            if not (isinstance(holder, cst.Call) and holder.func is parent):
                raise Kept(f"{var}.print is used without a call")
            if any(a.star for a in holder.args):
                raise Kept(f"{var}.print(*args) or (**kwargs)")
            region.prints.add(holder)
        elif attr == "iterate":
            raise Kept(f"{var}.iterate has no pragma (thread 0 produces, the others consume)")
        elif attr.startswith("_"):
            raise Kept(f"a private attribute ({var}.{attr})")
        else:
            raise Kept(f"{var}.{attr}")

    def _bound_names(self, scope: Scope, span: CodeRange) -> set[str]:
        bound = set()
        for assignment in scope.assignments:
            node = getattr(assignment, "node", None)
            if node is not None and node in self.position and within(self.position[node], span):
                bound.add(assignment.name)
        return bound

    def _bound_before(self, scope: Scope, name: str, span: CodeRange) -> bool:
        """Whether ``name`` is bound before the region, outside every region."""
        bodies = [self.position[r.node.body] for r in self.regions]
        for assignment in scope.assignments[name]:
            node = getattr(assignment, "node", None)
            if node is None or node not in self.position:
                continue
            where = self.position[node]
            if isinstance(node, cst.Param) or (
                (where.start.line, where.start.column) < (span.start.line, span.start.column)
                and not any(within(where, body) for body in bodies)
            ):
                return True
        return False

    def _loop_only(self, region: Region, scope: Scope, span: CodeRange) -> set[str]:
        """Names bound in the region only as targets of its p.range/p.xrange loops."""
        targets = {
            loop.target.value: loop for loop in region.loops if isinstance(loop.target, cst.Name)
        }
        result = set()
        for name, loop in targets.items():
            inside = [
                a
                for a in scope.assignments[name]
                if getattr(a, "node", None) in self.position
                and within(self.position[a.node], span)  # type: ignore[attr-defined]
            ]
            if all(a.node is loop.target for a in inside):  # type: ignore[attr-defined]
                result.add(name)
        return result

    def _check_read_after(
        self, region: Region, scope: Scope, span: CodeRange, bound: set[str]
    ) -> None:
        """A name the region binds and the code after it reads: pymp gives it thread 0's
        value, omppy the value from before the region."""
        loops = self._enclosing_loops(region.node, scope)
        for name in sorted(bound):
            events: list[tuple[tuple[int, int], int]] = []  # (position, 0 read / 1 write)
            for assignment in scope.assignments[name]:
                node = getattr(assignment, "node", None)
                if node is None or node not in self.position:
                    continue
                for reader in self.readers.get(node, ()):
                    where = self.position[reader]
                    if within(where, span):
                        continue
                    if self.scopes[reader] is not scope:
                        raise Kept(f"'{name}' is bound in the region and read elsewhere")
                    if any(within(where, loop) for loop in loops):
                        raise Kept(f"'{name}' is bound in the region and read after it")
                    events.append(((where.start.line, where.start.column), 0))
                where = self.position[node]
                if not within(where, span):
                    events.append(((where.start.line, where.start.column), 1))
            later = sorted(e for e in events if e[0] >= (span.end.line, span.end.column))
            if later and later[0][1] == 0:
                raise Kept(f"'{name}' is bound in the region and read after it")

    def _enclosing_loops(self, node: cst.CSTNode, scope: Scope) -> list[CodeRange]:
        loops = []
        parent = self.parents.get(node)
        while parent is not None and self.scopes.get(parent) is scope:
            if isinstance(parent, (cst.For, cst.While)):
                loops.append(self.position[parent])
            parent = self.parents.get(parent)
        return loops

    def _shared_objects(self, region: Region, span: CodeRange) -> set[str]:
        """Names the region uses that refer to pymp.shared arrays and locks."""
        shared = set()
        for name in names_in(region.node.body):
            if name.value == region.var or self.scopes.get(name) is None:
                continue
            kind = self._kind_of(name)
            if kind is None:
                continue
            if kind not in SELF_SHARED:
                raise Kept(
                    f"it uses the pymp.shared.{kind} '{name.value}', which has no '# omp' "
                    "equivalent"
                )
            shared.add(name.value)
        return shared

    def _kind_of(self, name: cst.Name) -> str | None:
        """The pymp.shared kind every assignment that ``name`` may read makes, if any."""
        scope = self.scopes.get(name)
        if scope is None:
            return None
        kinds = set()
        for access in scope.accesses[name.value]:
            if access.node is not name:
                continue
            for assignment in access.referents:
                node = getattr(assignment, "node", None)
                statement = self.parents.get(node) if node is not None else None
                target = self.parents.get(statement) if statement is not None else None
                if isinstance(statement, cst.AssignTarget) and isinstance(target, cst.Assign):
                    kinds.add(shared_kind(target.value, self.names))
                else:
                    kinds.add(None)
        return kinds.pop() if len(kinds) == 1 else None

    def _check_outside_changes(
        self, region: Region, scope: Scope, shared: set[str], bound: set[str]
    ) -> None:
        """Stores into, and method calls on, objects from outside the region: pymp keeps
        only thread 0's changes, an '# omp' region would keep every thread's."""
        for node in changed_roots(region.node.body):
            name = node.value
            if name in shared or name in bound or name == region.var:
                continue
            if self.scopes.get(node) is not scope:
                continue
            referents = [
                a
                for access in scope.accesses[name]
                if access.node is node
                for a in access.referents
            ]
            if any(
                isinstance(
                    getattr(a, "node", None),
                    (cst.Import, cst.ImportFrom, cst.FunctionDef, cst.ClassDef),
                )
                for a in referents
            ):
                continue
            if not referents:
                continue  # a builtin or a module's name
            raise Kept(
                f"it changes '{name}', which pymp carries back from thread 0 only "
                "(make it a pymp.shared array to migrate)"
            )
