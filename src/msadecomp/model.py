"""The typed code model: what ingestion learned about a system, with no I/O.

Every record is a frozen dataclass with tuple fields, so a :class:`CodeModel` is immutable,
hashable where it matters and safe to share between stages. :meth:`CodeModel.to_dict` and
:meth:`CodeModel.from_dict` round-trip through plain JSON data; ``SCHEMA_VERSION`` names the
shape, and :meth:`CodeModel.from_dict` refuses a version it does not know.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

SCHEMA_VERSION = "msadecomp.model/1"


class TypeKind(str, enum.Enum):
    CLASS = "class"
    INTERFACE = "interface"
    ENUM = "enum"
    ANNOTATION = "annotation"
    RECORD = "record"


class DepKind(str, enum.Enum):
    """Kinds of class-to-class dependency, each with its own default weight in the graph."""

    EXTENDS = "extends"
    IMPLEMENTS = "implements"
    FIELD = "field"
    PARAM = "param"
    RETURN = "return"
    LOCAL = "local"
    CALL = "call"
    NEW = "new"
    ANNOTATION = "annotation"
    IMPORT = "import"
    INJECTION = "injection"
    MESSAGE = "message"
    """The source sends messages to a queue or topic the target listens to (``detail``: the
    destination); found by name, see :func:`msadecomp.ingest.links.message_links`."""


FACES_REQUESTS = (".jsf", ".faces")
"""Suffixes of a JSF request, which renders the view of its name (``promo.jsf``: ``promo``)."""


class Access(str, enum.Enum):
    READ = "read"
    WRITE = "write"


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, order=True)
class SourceRef:
    """Where a fact came from: a path relative to the analysed root (or archive entry) and line."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class JavaType:
    """A type declared in the analysed sources (nested types have ``outer`` set)."""

    fqn: str
    kind: TypeKind
    source: SourceRef
    stereotype: str | None = None
    bean_name: str | None = None
    outer: str | None = None
    """FQN of the directly enclosing type, for nested types."""
    outer_top: str | None = None
    """FQN of the outermost enclosing type, for nested types."""
    annotations: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    loc: int = 0
    partial: bool = False
    """True when the file could not be parsed and this type comes from fallback extraction."""
    entity_table: str | None = None
    """For an entity: the table it maps (JPA ``@Table(name)`` or the entity name; MyBatis-Plus
    ``@TableName``; Spring Data JDBC/R2DBC ``@Table``), or the MongoDB collection of a
    Morphia ``@Entity`` or Spring Data ``@Document``."""
    entity_mapping: str | None = None
    """How :attr:`entity_table` was mapped: one of :data:`MAPPINGS`."""
    join_tables: tuple[str, ...] = ()
    """For a JPA ``@Entity``: the tables its ``@JoinTable``/``@CollectionTable`` members map
    (``vet_specialties`` of PetClinic's ``Vet``)."""
    doc: str = ""
    """First sentence of the type's Javadoc or leading comment (often Korean in eGovFrame)."""
    abstract: bool = False
    """A class declared ``abstract``."""
    generic: bool = False
    """Declares type parameters (``CrudDao<T>``): a template its subtypes fill in."""

    @property
    def simple_name(self) -> str:
        return self.fqn.rpartition(".")[2]

    @property
    def package(self) -> str:
        return _package(self.top_level)

    @property
    def top_level(self) -> str:
        """FQN of the outermost enclosing type (itself when top-level)."""
        return self.outer_top or self.fqn


def _package(fqn: str) -> str:
    return fqn.rpartition(".")[0]


@dataclass(frozen=True, slots=True)
class Dependency:
    source: str
    target: str
    kind: DepKind
    ref: SourceRef
    detail: str = ""
    """Extra context: the called method for calls, the field for injection, the bean name."""


@dataclass(frozen=True, slots=True)
class ForeignKey:
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    source: SourceRef
    columns: tuple[str, ...] = ()
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    comment: str = ""
    """``COMMENT ON TABLE`` / ``COMMENT '...'`` text (often Korean in eGovFrame DDL)."""
    column_comments: tuple[tuple[str, str], ...] = ()
    """(column, comment) pairs."""
    declared: bool = True
    """False for a table only the code names while the sources' own DDL scripts, Liquibase
    changelogs or migrations create other tables (a library's shipped script, Quartz's, does not
    count): a stale mapping, or a table made elsewhere. ``source`` is then where the code first
    names it. Without such DDL every table counts as declared: there is nothing to compare."""


@dataclass(frozen=True, slots=True)
class SqlStatement:
    """One statement of a MyBatis mapper or iBatis sqlMap (``id`` is ``namespace.id``)."""

    id: str
    namespace: str
    verb: str
    source: SourceRef
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()


BEAN_VIA = "bean "
"""``via`` prefix of a table written by an injected XML bean (``bean egovBBSIdGnrService``)."""
LIBRARY_VIA = "library "
"""``via`` prefix of a table a library keeps for the class using it (``library Quartz``)."""
(
    JPA_ENTITY,
    HIBERNATE_MAPPING,
    ORM_XML,
    EJB_ENTITY,
    MYBATIS_PLUS_ENTITY,
    MONGO_DOCUMENT,
    SPRING_DATA_TABLE,
    TABLE_CLASS,
) = MAPPINGS = (
    "JPA entity",
    "Hibernate mapping",
    "JPA orm.xml",
    "EJB entity bean",
    "MyBatis-Plus entity",
    "MongoDB document",
    "Spring Data JDBC/R2DBC entity",
    "JPA @Table class",
)
"""``TableAccess.via`` of an entity mapped to its table: the mapping says whose rows they are."""
MONGO_COLLECTION = "MongoDB collection"
"""``TableAccess.via`` of a class opening a collection by name (``getCollection("booking")``)."""


@dataclass(frozen=True, slots=True)
class TableAccess:
    """A class reads or writes a table, through a mapper statement, embedded SQL or by being the
    entity mapped to it (``via`` one of :data:`MAPPINGS`)."""

    source: str
    table: str
    access: Access
    ref: SourceRef
    via: str = ""

    @property
    def mapping(self) -> bool:
        return self.via in MAPPINGS

    @property
    def generated(self) -> bool:
        """Written on the class's behalf by an injected bean (an ID generator's sequence
        table) or a library (Quartz's job store), not by the class's own statements."""
        return self.via.startswith((BEAN_VIA, LIBRARY_VIA))


MESSAGE_VERBS = frozenset({"JMS", "KAFKA", "AMQP"})
"""Endpoint verbs of message listeners (``path``: the queue or topic, ``?`` when the code does
not say)."""
ASYNC_VERBS = MESSAGE_VERBS | {"SCHEDULED"}
"""Endpoint verbs of entry points no request reaches: message listeners and scheduled jobs
(``path``: the schedule). Their classes are no request handlers."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    path: str
    http_method: str
    """An HTTP verb, ``ANY``, ``WEBSOCKET``, ``SOAP`` or one of :data:`ASYNC_VERBS`."""
    handler: str
    """``fqn#method`` of the handling controller method."""
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Bean:
    """A bean declared in XML configuration: Spring's, JSF's managed beans, Enterprise
    JavaBeans in ``ejb-jar.xml``."""

    id: str
    cls: str
    source: SourceRef
    refs: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    """The strings of a ``<util:list>`` or ``<util:set>`` bean (``cls`` ``java.util.List`` or
    ``java.util.Set``): eGovFrame's page-link whitelist names the views its controller shows."""
    tables: tuple[str, ...] = ()
    """The table its ``table`` property names: an eGovFrame table ID generator
    (``EgovTableIdGnrServiceImpl``) writes ``COMTECOPSEQ`` for the class it is injected into."""
    interfaces: tuple[str, ...] = ()
    """The interfaces the container implements for the bean's class, which does not implement
    them itself: an EJB 2 bean's ``home``, ``remote``, ``local-home`` and ``local``
    (``ShoppingCartLocalHome`` and ``ShoppingCartLocal`` of ``ShoppingCartLocalEJB``)."""


@dataclass(frozen=True, slots=True)
class CoChange:
    """Two classes whose files changed in the same commits (from ``git log``)."""

    a: str
    b: str
    commits: int
    support: float
    """``commits`` divided by the commits of the less often changed class (0..1]."""


@dataclass(frozen=True, slots=True)
class Page:
    """A view (JSP, Facelets, template) and the request paths it links to or posts to."""

    path: str
    links: tuple[str, ...] = ()
    controllers: tuple[str, ...] = ()
    """Classes serving this page: the handlers of its links and those returning its view name."""
    renderers: tuple[str, ...] = ()
    """The classes among ``controllers`` that render it: they return its view name (or forward
    to it), or it names them directly (Stripes ``beanclass``, JSF beans)."""
    title: str = ""
    """Its ``<title>`` text (markup and expressions removed; a comment beside it when the title
    itself has no words), often Korean in eGovFrame screens."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: Severity
    code: str
    message: str
    source: SourceRef

    def __str__(self) -> str:
        return f"{self.source}: {self.severity.value}: {self.message} [{self.code}]"


@dataclass(frozen=True, slots=True)
class CodeModel:
    """Everything ingestion found, ready for the graph stage."""

    root: str
    types: tuple[JavaType, ...] = ()
    dependencies: tuple[Dependency, ...] = ()
    tables: tuple[Table, ...] = ()
    statements: tuple[SqlStatement, ...] = ()
    table_accesses: tuple[TableAccess, ...] = ()
    endpoints: tuple[Endpoint, ...] = ()
    beans: tuple[Bean, ...] = ()
    pages: tuple[Page, ...] = ()
    cochanges: tuple[CoChange, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    delivery_files: tuple[str, ...] = ()
    """Build, test, CI and container files found (pom.xml, Jenkinsfile, Dockerfile, ...)."""
    external_types: tuple[str, ...] = ()
    """Library types referenced by the code: inventory only, never graph nodes."""
    file_counts: tuple[tuple[str, int], ...] = field(default=())
    excluded: tuple[tuple[str, str], ...] = ()
    """(path, reason) of files left out of the analysis: tests, build tooling, user patterns."""

    def type_map(self) -> dict[str, JavaType]:
        return {t.fqn: t for t in self.types}

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA_VERSION, **_encode(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodeModel:
        version = data.get("schema")
        if version != SCHEMA_VERSION:
            from msadecomp.errors import InputError

            raise InputError(f"unsupported model schema {version!r}; expected {SCHEMA_VERSION!r}")
        body = {k: v for k, v in data.items() if k != "schema"}
        model: CodeModel = _decode(cls, body)
        return model


T = TypeVar("T")


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _encode(value: Any) -> Any:
    if isinstance(value, (str, int, float)) or value is None:
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _encode(getattr(value, name)) for name in _field_names(type(value))}
    return value


def _decode(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner, value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _decode(hints[f.name], value[f.name])
            for f in dataclasses.fields(tp)
            if f.name in value
        }
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(value)
    return value
