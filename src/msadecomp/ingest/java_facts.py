"""The facts one Java source (or class file) yields: plain, frozen and picklable.

Names are as written in the source, not yet resolved to fully qualified names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class _Compact:
    """Pickles as a constructor call. The parse workers send every file's facts to the main
    process, and loading dataclass state field by field made that process the bottleneck
    (measured: 0.42 s against 0.09 s for 500 Tomcat files)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        names: tuple[str, ...] = self.__slots__
        return (type(self), tuple(getattr(self, name) for name in names))


@dataclass(frozen=True, slots=True)
class Annotation(_Compact):
    name: str
    value: str | None = None
    """The ``value`` element (or the single unnamed element), as text."""
    attrs: tuple[tuple[str, str], ...] = ()
    classes: tuple[str, ...] = ()
    """The types its elements name by class literal: the validator of a constraint
    (``validatedBy = DuplicatedUsernameValidator.class``), an entity's listeners, a
    serializer (``@JsonSerialize(using = MoneySerializer.class)``)."""

    def get(self, key: str) -> str | None:
        if key == "value" and self.value is not None:
            return self.value
        return next((v for k, v in self.attrs if k == key), None)


@dataclass(frozen=True, slots=True)
class Call(_Compact):
    qualifier: str
    """Variable, field or type the method is called on ("" for unqualified calls)."""
    member: str
    line: int
    strings: tuple[str, ...] = ()
    """String literal arguments (MyBatis/iBatis statement ids are passed this way)."""
    operands: tuple[str, ...] = ()
    """Arguments that name a type or a variable: ``Order.class`` as ``Order.class``, a plain
    variable as its name (``em.persist(order)``, ``em.find(Order.class, id)``)."""


@dataclass(frozen=True, slots=True)
class Member(_Compact):
    name: str
    type_refs: tuple[str, ...]
    annotations: tuple[Annotation, ...] = ()
    line: int = 0
    value: str = ""
    """A field's initial value when it is a string constant (``"order/ViewOrder"``, SQL)."""


@dataclass(frozen=True, slots=True)
class Method(_Compact):
    name: str
    line: int
    params: tuple[Member, ...] = ()
    returns: tuple[str, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    locals: tuple[Member, ...] = ()
    calls: tuple[Call, ...] = ()
    creates: tuple[tuple[str, int], ...] = ()
    strings: tuple[str, ...] = ()
    is_constructor: bool = False
    constants: tuple[str, ...] = ()
    """Constants of other types read here (``Util.PAGE_LOGIN``), as written."""
    exposed: bool = True
    """Public and not static: an operation a container can offer (a JAX-WS web method)."""


@dataclass(frozen=True, slots=True)
class TypeDecl(_Compact):
    name: str
    """Name relative to the package: ``Outer`` or ``Outer.Inner``."""
    kind: str
    line: int
    extends: tuple[str, ...] = ()
    implements: tuple[str, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    fields: tuple[Member, ...] = ()
    methods: tuple[Method, ...] = ()
    loc: int = 0
    type_refs: tuple[str, ...] = ()
    """Other referenced types (the constant pool of a class file), linked as imports."""
    generic_supers: tuple[tuple[str, ...], ...] = ()
    """Super types with type arguments: ``JpaRepository<Article, Long>`` -> (JpaRepository,
    Article, Long)."""
    doc: str = ""
    """First sentence of the type's Javadoc (or of the file's leading comment)."""
    abstract: bool = False
    """A class declared ``abstract`` (interfaces are not marked)."""
    generic: bool = False
    """Declares type parameters (``CrudDao<T>``)."""


@dataclass(frozen=True, slots=True)
class Import(_Compact):
    path: str
    static: bool = False
    wildcard: bool = False


@dataclass(frozen=True, slots=True)
class JavaFile(_Compact):
    path: str
    package: str
    imports: tuple[Import, ...]
    types: tuple[TypeDecl, ...]
    encoding: str
    lossy: bool = False
    error: tuple[int, str] | None = None
    """(line, message) of the first syntax error; facts outside the broken region are kept."""
    loc: int = field(default=0)


__all__ = ["Annotation", "Call", "Import", "JavaFile", "Member", "Method", "TypeDecl"]
