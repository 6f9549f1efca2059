"""Resolve the type names written in a Java file to fully qualified names.

The rules follow the Java language's scoping, in this order: the type itself and the types it
is nested in (and their member types), single-type imports, the file's own package, wildcard
imports, and finally ``java.lang``. A qualified name (``Outer.Inner`` or ``com.x.Type``) resolves
its first segment by those rules and appends the rest. Only project types resolve to a result;
library types are named by :meth:`Resolver.external` for the inventory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from msadecomp.ingest.java_facts import Import

JAVA_LANG = frozenset(
    [
        "Object",
        "String",
        "Integer",
        "Long",
        "Short",
        "Byte",
        "Double",
        "Float",
        "Boolean",
        "Character",
        "Number",
        "Math",
        "System",
        "Exception",
        "RuntimeException",
        "Throwable",
        "Error",
        "Thread",
        "Runnable",
        "Iterable",
        "Comparable",
        "Class",
        "Enum",
        "StringBuilder",
        "StringBuffer",
        "Void",
        "Override",
        "Deprecated",
        "SuppressWarnings",
        "FunctionalInterface",
        "IllegalArgumentException",
        "IllegalStateException",
        "NullPointerException",
        "CharSequence",
        "Cloneable",
        "AutoCloseable",
        "Record",
        "SafeVarargs",
    ]
)


@dataclass(frozen=True, slots=True)
class Scope:
    package: str
    imports: tuple[Import, ...]
    enclosing: tuple[str, ...] = ()
    """FQNs of the current type and the types around it, innermost first."""
    single: dict[str, str] = field(init=False, compare=False, hash=False, repr=False)
    """Simple name -> path of the single-type (non-static) imports, indexed once."""
    wildcards: tuple[str, ...] = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        single: dict[str, str] = {}
        for imp in self.imports:
            if not imp.wildcard and not imp.static:
                single.setdefault(imp.path.rpartition(".")[2], imp.path)
        object.__setattr__(self, "single", single)
        wild = tuple(i.path for i in self.imports if i.wildcard and not i.static)
        object.__setattr__(self, "wildcards", wild)


class Resolver:
    """Resolves names against the project type FQNs (nested types as ``pkg.Outer.Inner``)."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = frozenset(known)

    def resolve(self, name: str, scope: Scope) -> str | None:
        """The project FQN ``name`` refers to in ``scope``, or ``None`` for a library type.

        >>> r = Resolver({"a.b.Foo", "a.b.Foo.Bar", "c.Baz"})
        >>> r.resolve("Foo.Bar", Scope("a.b", ()))
        'a.b.Foo.Bar'
        >>> r.resolve("Baz", Scope("a.b", (Import("c.*", wildcard=True),))) is None
        True
        >>> r.resolve("Baz", Scope("a.b", (Import("c", wildcard=True),)))
        'c.Baz'
        """
        head, _, rest = name.partition(".")
        base = self._resolve_simple(head, scope)
        if base is not None:
            # ``Outer.Inner`` names a member type; ``Type.CONSTANT`` falls back to ``Type``.
            return self._longest_known_prefix(f"{base}.{rest}") if rest else base
        if rest:
            return self._longest_known_prefix(name)
        return None

    def external(self, name: str, scope: Scope) -> str:
        """Best-guess FQN of a library type, for the inventory."""
        head, _, rest = name.partition(".")
        path = scope.single.get(head)
        if path is not None:
            return f"{path}.{rest}" if rest else path
        if head in JAVA_LANG:
            return f"java.lang.{name}"
        return name

    def _resolve_simple(self, head: str, scope: Scope) -> str | None:
        known = self.known
        for outer in scope.enclosing:
            if outer.rpartition(".")[2] == head:
                return outer
            member = f"{outer}.{head}"
            if member in known:
                return member
        path = scope.single.get(head)
        if path is not None:
            return path if path in known else None
        local = f"{scope.package}.{head}" if scope.package else head
        if local in known:
            return local
        for wildcard in scope.wildcards:
            candidate = f"{wildcard}.{head}"
            if candidate in known:
                return candidate
        return None

    def _longest_known_prefix(self, name: str) -> str | None:
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            candidate = ".".join(parts[:end])
            if candidate in self.known:
                return candidate
        return None
