"""Turn parsed Java files into model records: types, dependencies, beans, injection, endpoints."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import cached_property

from msadecomp.ingest.java_facts import (
    Annotation,
    Call,
    Import,
    JavaFile,
    Member,
    Method,
    TypeDecl,
)
from msadecomp.ingest.library_tables import library_of
from msadecomp.ingest.resolve import Resolver, Scope
from msadecomp.ingest.sql_tables import is_table_name, normalise_table
from msadecomp.model import (
    JPA_ENTITY,
    MONGO_DOCUMENT,
    MYBATIS_PLUS_ENTITY,
    SPRING_DATA_TABLE,
    TABLE_CLASS,
    Access,
    Bean,
    Dependency,
    DepKind,
    Diagnostic,
    Endpoint,
    JavaType,
    Severity,
    SourceRef,
    TypeKind,
)

STEREOTYPES = {
    "Controller": "controller",
    "RestController": "controller",
    "Service": "service",
    "Repository": "repository",
    "Component": "component",
    "Mapper": "mapper",
    "Configuration": "configuration",
    "Entity": "entity",
    "TableName": "entity",
    "Named": "controller",
    "ManagedBean": "controller",
    "Path": "controller",
    "WebServlet": "controller",
    "ServerEndpoint": "controller",
    "UrlBinding": "controller",
    "Stateless": "service",
    "Stateful": "service",
    "Singleton": "service",
    "MessageDriven": "service",
}
"""Annotations that give a class its role: Spring, JPA and MyBatis-Plus entities, CDI/JSF
beans, JAX-RS resources, servlets, Stripes action beans and EJB session/message beans."""
MIGRATION_BASES = frozenset(
    {
        "CustomTaskChange",
        "CustomSqlChange",
        "CustomChange",
        "CustomPrecondition",
        "BaseJavaMigration",
        "JavaMigration",
        "JdbcMigration",
        "SpringJdbcMigration",
    }
)
"""Liquibase and Flyway supertypes of Java database migrations (stereotype ``migration``)."""
EJB2_BASES = {"SessionBean": "service", "MessageDrivenBean": "service", "EntityBean": "entity"}
"""EJB 2 bean classes, known by the ``javax.ejb`` interface they implement."""
BOOTSTRAP_ANNOTATIONS = frozenset({"SpringBootApplication"})
BOOTSTRAP_BASES = frozenset(
    {
        "SpringBootServletInitializer",
        "WebApplicationInitializer",
        "AbstractContextLoaderInitializer",
        "AbstractDispatcherServletInitializer",
        "AbstractAnnotationConfigDispatcherServletInitializer",
        "ResourceConfig",
    }
)
JAX_RS_APPLICATION = ("javax.ws.rs.core.Application", "jakarta.ws.rs.core.Application")
"""What starts the application (stereotype ``bootstrap``): a Spring Boot main class, a
servlet container initializer, a JAX-RS ``Application`` or Jersey ``ResourceConfig`` listing
the resources. Each service split off gets its own; none is one service's own."""
URL_ANNOTATIONS = frozenset({"Path", "WebServlet", "UrlBinding", "ServerEndpoint"})
JAX_RS_VERBS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
MAPPINGS = {
    "RequestMapping": None,
    "GetMapping": "GET",
    "PostMapping": "POST",
    "PutMapping": "PUT",
    "DeleteMapping": "DELETE",
    "PatchMapping": "PATCH",
}
MESSAGE_LISTENERS = {
    "JmsListener": ("JMS", ("destination",)),
    "KafkaListener": ("KAFKA", ("topics", "topicPattern", "value")),
    "RabbitListener": ("AMQP", ("queues", "value")),
}
"""Spring's message listener annotations: the verb of their endpoints and the elements naming
the queues or topics listened to."""
SEND_CALLS = frozenset(
    {
        "send",
        "sendAndReceive",
        "convertAndSend",
        "convertSendAndReceive",
        "publish",
        "lookup",
        "createQueue",
        "createTopic",
    }
)
"""Calls naming a queue or topic (by their first argument when it is a string constant of the
class, else by their first string literal): JMS, Kafka and RabbitMQ templates' sends, JNDI
lookups, a JMS session's ``createQueue``."""
DESTINATION_TYPES = frozenset(
    {"Destination", "Queue", "Topic", "ActiveMQDestination", "ActiveMQQueue", "ActiveMQTopic"}
)
"""JMS destination types: a variable of one passed first to a send call stands for the
destination bean it is named after (or injected by: ``@Resource(name = ..)``)."""
LISTENER_HANDLERS = frozenset({"RabbitHandler", "KafkaHandler"})
"""Methods handling the messages of a listener annotated on their class."""
SCHEDULE_ELEMENTS = (
    ("cron", "cron {}"),
    ("fixedRate", "every {} ms"),
    ("fixedRateString", "every {}"),
    ("fixedDelay", "{} ms apart"),
    ("fixedDelayString", "{} apart"),
)
"""``@Scheduled`` elements and how its endpoint's path shows them (``ms``: or its
``timeUnit``)."""
EJB_SCHEDULE_FIELDS = ("second", "minute", "hour", "dayOfWeek", "dayOfMonth", "month", "year")
"""The elements of EJB's ``@Schedule`` that say when it runs."""
INJECT_BY_TYPE = frozenset({"Autowired", "Inject"})
JOIN_TABLES = frozenset({"JoinTable", "CollectionTable"})
REPOSITORY_BASES = frozenset(
    {
        "Repository",
        "CrudRepository",
        "JpaRepository",
        "ListCrudRepository",
        "PagingAndSortingRepository",
        "JpaSpecificationExecutor",
        "QuerydslPredicateExecutor",
        "BaseMapper",  # MyBatis-Plus: the mapper inherits CRUD on its entity's table
        "MongoRepository",
        "ReactiveMongoRepository",
        "ReactiveCrudRepository",
        "ReactiveSortingRepository",
        "R2dbcRepository",
        "ListPagingAndSortingRepository",
    }
)
TYPE_VARIABLE = re.compile(r"[A-Z][A-Z0-9]?$")
"""How generic interfaces name their type parameters (``T``, ``E``, ``T2``)."""
NAMED_QUERIES = frozenset({"NamedQuery", "NamedNativeQuery"})
"""Annotations naming a JPQL/HQL or SQL query (``name``, ``query``) that code runs by name."""
SQL_ANNOTATIONS = frozenset(
    {"Query", "NamedQuery", "NamedNativeQuery", "Select", "Insert", "Update", "Delete"}
)
"""Spring Data JPA and MyBatis annotations whose value is a query."""


def _ref(path: str, line: int) -> SourceRef:
    """A source reference; line 0 (unknown, as in class files) becomes ``None``."""
    return SourceRef(path, line or None)


def _short(name: str) -> str:
    return name.rpartition(".")[2]


QUALIFIERS = ("Qualifier", "Named")
"""Annotations of an injection point naming the bean to inject (Spring's, JSR-330's)."""


def _qualifier(annotations: Iterable[Annotation]) -> str | None:
    """The bean id an injection point's ``@Qualifier("id")`` or ``@Named("id")`` names."""
    return next((a.value for a in annotations if _short(a.name) in QUALIFIERS and a.value), None)


def bean_name_for(simple: str) -> str:
    """Spring's default bean name: ``ArticleService`` -> ``articleService``; ``URLMap`` stays."""
    if len(simple) > 1 and simple[0].isupper() and simple[1].isupper():
        return simple
    return simple[:1].lower() + simple[1:]


@dataclass(slots=True)
class _Decl:
    file: JavaFile
    decl: TypeDecl
    fqn: str
    scope: Scope


@dataclass(slots=True)
class _Handler:
    """A method a Spring MVC controller serves, its own or inherited (see ``_Linker._mvc``)."""

    name: str
    params: tuple[str | None, ...]
    """Simple names of its parameters' types, ``None`` for a type variable."""
    marks: list[Annotation]
    scope: Scope
    """Of the class writing the mapping annotations."""
    ref: SourceRef

    def overrides(self, other: _Handler) -> bool:
        """Whether this overrides ``other``, a supertype's method: same name and
        parameters, a type variable on either side standing for any type (``save(User)``
        in ``UserController extends BaseController<User>`` overrides ``save(T)``)."""
        return (
            self.name == other.name
            and len(self.params) == len(other.params)
            and all(
                a == b or a is None or b is None
                for a, b in zip(self.params, other.params, strict=True)
            )
        )


@dataclass(slots=True)
class JavaFacts:
    types: list[JavaType] = field(default_factory=list)
    dependencies: list[Dependency] = field(default_factory=list)
    endpoints: list[Endpoint] = field(default_factory=list)
    mvc_handlers: set[str] = field(default_factory=set)
    """Classes whose endpoints Spring MVC's mapping annotations declare (the dispatcher
    servlet serves them, under its own path: :func:`msadecomp.ingest.links.entry_points`)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    strings: dict[str, list[tuple[str, SourceRef]]] = field(default_factory=dict)
    """String literals per type, for linking mapper statement ids to DAO classes."""
    repositories: dict[str, str] = field(default_factory=dict)
    """Spring Data repository FQN -> the entity FQN it manages."""
    generic_daos: dict[str, str] = field(default_factory=dict)
    """Repository FQN -> the application's own generic DAO it fills in (``SysUserDao`` ->
    ``BaseDao``), for those of :attr:`repositories` that are such DAOs."""
    entity_names: dict[str, str] = field(default_factory=dict)
    """A JPA entity's own name (``@Entity(name = "opsBbs")``, upper case) -> its class: JPQL
    names the entity so, whatever its table."""
    entity_operations: list[tuple[str, str, Access, SourceRef, str]] = field(default_factory=list)
    """(class, entity FQN, access, where, how): an entity manager or Hibernate session call."""
    library_users: dict[str, dict[str, SourceRef]] = field(default_factory=dict)
    """class -> catalogued library (see :mod:`.library_tables`) -> where the class uses it."""
    named_queries: list[tuple[str, str, SourceRef]] = field(default_factory=list)
    """(name, query, where): JPA/Hibernate ``@NamedQuery`` and ``@NamedNativeQuery``."""
    collections: list[tuple[str, str, SourceRef]] = field(default_factory=list)
    """(class, collection, where): a MongoDB collection the class opens by name."""
    bean_tables: list[tuple[str, str, SourceRef, str]] = field(default_factory=list)
    """(class, table, where, bean id): an XML bean with a ``table`` property injected into the
    class writes that table on its behalf (eGovFrame's table ID generators)."""
    external_supers: dict[str, set[str]] = field(default_factory=dict)
    """class -> simple names of the supertypes it extends or implements that are not in the
    sources (a library's, or generated at build time: ``OwnersApi`` of an OpenAPI spec)."""
    destinations: list[tuple[str, str, SourceRef]] = field(default_factory=list)
    """(class, name, where): a queue or topic the class names where messages are sent or
    destinations looked up (see :data:`SEND_CALLS`), or a container resource a field is
    injected with (``@Resource(lookup = "java:app/jms/CargoHandledQueue") Queue q``)."""
    destination_beans: list[tuple[str, str, SourceRef]] = field(default_factory=list)
    """(class, bean id, where): a variable of a JMS destination type (see
    :data:`DESTINATION_TYPES`) the class sends to, by the id of the bean it holds
    (``jmsTemplate.send(topicDestination, ..)``)."""


def build_java_facts(files: Sequence[JavaFile], xml_beans: Iterable[Bean] = ()) -> JavaFacts:
    facts = JavaFacts()
    decls: list[_Decl] = []
    for f in files:
        if f.error is not None:
            line, message = f.error
            if f.types:
                names = ", ".join(t.name for t in f.types)
                text = (
                    f"parsed with errors at line {line} ({message}); facts outside that region "
                    f"kept ({names})"
                )
            else:
                text = f"no Java type recovered: {message} (line {line})"
            facts.diagnostics.append(
                Diagnostic(Severity.ERROR, "java.parse-error", text, _ref(f.path, line))
            )
        if f.lossy:
            facts.diagnostics.append(
                Diagnostic(
                    Severity.WARNING,
                    "input.encoding",
                    "bytes are neither UTF-8, CP949/EUC-KR nor Windows-1252; undecodable bytes "
                    "were replaced",
                    SourceRef(f.path),
                )
            )
        prefix = f"{f.package}." if f.package else ""
        for t in f.types:
            fqn = prefix + t.name
            chain = [fqn]
            parts = t.name.split(".")
            for i in range(len(parts) - 1, 0, -1):
                chain.append(prefix + ".".join(parts[:i]))
            decls.append(_Decl(f, t, fqn, Scope(f.package, f.imports, tuple(chain))))
    # the copy of each top-level class analysed, and its nested classes from that file only
    tops: dict[str, _Decl] = {}
    for d in decls:
        kept = tops.get(d.scope.enclosing[-1])
        if "." not in d.decl.name and (
            kept is None or copy_rank(d.file.path) < copy_rank(kept.file.path)
        ):
            tops[d.fqn] = d
    chosen: dict[str, _Decl] = {}
    for d in decls:
        top = tops.get(d.scope.enclosing[-1])
        if d.fqn not in chosen and (top is None or top.file is d.file):
            chosen[d.fqn] = d
    seen: dict[str, _Decl] = {}
    copies: Counter[str] = Counter()  # the folders where two copies of a class part ways
    duplicates = 0  # top-level classes declared again as a rival copy
    for d in decls:
        # (a nested class of a copy left out goes with it)
        used = chosen.get(d.fqn) or tops.get(d.scope.enclosing[-1]) or d
        if d is not used:
            first = copy_rank(d.file.path) == copy_rank(used.file.path)
            duplicates += "." not in d.decl.name and first  # (a scratch copy is no application)
            which = "the first is used" if first else "that copy, in a main source folder, is used"
            text = f"{d.fqn} is also declared in {used.file.path}; {which}"
            if used.fqn != d.fqn:
                text = (
                    f"{d.fqn} is nested in a copy of {used.fqn} left out ({which}: "
                    f"{used.file.path})"
                )
            facts.diagnostics.append(
                Diagnostic(
                    Severity.WARNING, "java.duplicate-type", text, _ref(d.file.path, d.decl.line)
                )
            )
            copies.update(_parting_folders(used.file.path, d.file.path))
        else:
            seen[d.fqn] = d
    if duplicates >= max(COPIES_FLOOR, COPIES_SHARE * len(seen)):
        folders = ", ".join(f for f, _ in copies.most_common(4)) or "one folder"
        facts.diagnostics.append(
            Diagnostic(
                Severity.WARNING,
                "input.copies",
                f"{duplicates} classes are declared more than once (copies in {folders}): the "
                "input seems to hold several applications, or versions of one, and only one "
                "copy of each class is analysed (the one in a main source folder, else the "
                "first); analyse each on its own (pass its folder, or --exclude the others)",
                SourceRef("."),
            )
        )
    decls = list(seen.values())
    resolver = Resolver(seen)
    constants = {d.fqn: {f.name: f.value for f in d.decl.fields if f.value} for d in decls}
    linker = _Linker(resolver, facts, constants, seen)
    for d in decls:
        facts.types.append(linker.java_type(d))
    xml_beans = [*xml_beans, *_table_beans(files)]
    linker.index_beans(facts.types, xml_beans)
    for d in decls:
        linker.hierarchy(d)
    linker.resolve_table_constants(decls)
    linker.share_single_tables(decls)
    for d in decls:
        linker.link(d)
    for bean in xml_beans:
        linker.link_xml_bean(bean)
    linker.move_lent_constants()
    linker.resolve_path_constants(decls)
    return facts


COPIES_FLOOR = 10
COPIES_SHARE = 0.05
"""So many duplicate classes (and this share of all) make the input several applications."""


MAIN_SOURCES = re.compile(r"(^|/)src/main/java/")
"""A Maven or Gradle main source folder: the code a module builds and ships."""


def copy_rank(path: str) -> int:
    """Which copy of a class declared twice is analysed: one in a main source folder before
    one elsewhere (xmall's MyBatis Generator scratch folder ``generatorSqlmapCustom/src`` holds
    older copies of the 120 mappers and models of ``xmall-manager-dao/src/main/java``), else
    the first.

    >>> copy_rank("shop-dao/src/main/java/a/B.java"), copy_rank("generator/src/a/B.java")
    (0, 1)
    """
    return 0 if MAIN_SOURCES.search(path) else 1


def _parting_folders(a: str, b: str) -> tuple[str, ...]:
    """The first folders in which paths ``a`` and ``b`` differ (``monolith``, ``backend-v1``
    for ``monolith/src/A.java`` and ``backend-v1/src/A.java``)."""
    x, y = a.split("/")[:-1], b.split("/")[:-1]
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return tuple(p[n] for p in (x, y) if n < len(p))


def _table_beans(files: Sequence[JavaFile]) -> list[Bean]:
    """Beans of Java configuration (``@Bean`` methods) whose body gives a table to a setter
    (``setTable("IDS")``): eGovFrame's table ID generators configured in Java rather than XML,
    each writing its sequence table for the classes it is injected into."""
    out: list[Bean] = []
    for f in files:
        for t in f.types:
            for m in t.methods:
                bean = next((a for a in m.annotations if _short(a.name) == "Bean"), None)
                if bean is None:
                    continue
                tables = tuple(
                    dict.fromkeys(
                        name
                        for c in m.calls
                        if c.member == "setTable"
                        for s in c.strings[:1]
                        if re.fullmatch(r"\w+", name := normalise_table(s))
                    )
                )
                if tables:
                    named = (bean.get("name") or bean.value or "").strip('{}" ')
                    bean_id = named.split(",")[0].strip().strip('"') or m.name
                    out.append(Bean(bean_id, "", _ref(f.path, m.line), tables=tables))
    return out


GENERIC_DAO = re.compile(r"(Dao|DAO|Repository)(Impl|Support)?$")
"""Names of the application's own generic DAOs (PublicCMS's ``BaseDao<E>``): a subtype
(``SysUserDao extends BaseDao<SysUser>``) reads and writes its entity's table through the
base's generic queries."""


def _repository_bases(decls: Iterable[_Decl], resolver: Resolver) -> frozenset[str]:
    """The application's own generic interfaces that extend a library repository base
    (``REPOSITORY_BASES``), passing their first type parameter on as the entity
    (RuoYi-Vue-Plus's ``BaseMapperPlus<T, V> extends BaseMapper<T>``), and its own generic
    DAOs (:data:`GENERIC_DAO`), by FQN. An application type named like a base is none unless
    it extends one (eladmin's MapStruct ``BaseMapper``)."""
    bases: set[str] = {
        d.fqn
        for d in decls
        if d.decl.generic
        and d.decl.kind in ("class", "interface")
        and GENERIC_DAO.search(d.decl.name)
    }
    interfaces = [d for d in decls if d.decl.kind == "interface"]
    grew = True
    while grew:
        grew = False
        for d in interfaces:
            if d.fqn not in bases and any(
                args
                and TYPE_VARIABLE.match(args[0])
                and _is_repository_base(base, d.scope, resolver, bases)
                for base, *args in d.decl.generic_supers
            ):
                bases.add(d.fqn)
                grew = True
    return frozenset(bases)


GENERIC_MAPPERS = re.compile(r"^(tk\.mybatis\.mapper|io\.mybatis\.mapper)(\.\w+)*\.\w*Mapper$")
"""Generic MyBatis mappers (tk.mybatis's ``Mapper<T>``, ``MySqlMapper<T>``; mybatis-mapper's
``io.mybatis.mapper.Mapper<T, I>``): an interface extending one inserts, selects, updates and
deletes its entity's table with no SQL of its own (OneBlog's ``SysConfigMapper``)."""


def _is_repository_base(name: str, scope: Scope, resolver: Resolver, bases: Set[str]) -> bool:
    """A library base (Spring Data's, MyBatis-Plus's, a generic MyBatis mapper, by its import)
    or an application one of ``bases``."""
    target = resolver.resolve(name, scope)
    if target is not None:
        return target in bases
    imported = scope.single.get(name) or name
    candidates = [imported, *(f"{w}.{name}" for w in scope.wildcards if name not in scope.single)]
    return _short(name) in REPOSITORY_BASES or any(GENERIC_MAPPERS.match(c) for c in candidates)


RAW_COLLECTIONS = frozenset(
    {"List", "ArrayList", "LinkedList", "Vector", "Collection", "Set", "HashSet", "TreeSet"}
    | {"SortedSet", "LinkedHashSet"}
)
_PLURAL = re.compile(r"(?:(?<=[a-z])(List|Set|Collection)|(ies)|((?:ss|x|ch|sh)es)|(?<![su])(s))$")


def _element_name(field: str) -> str | None:
    """The class name a collection field's name suggests: ``lineItems`` -> ``LineItem``,
    ``itemList`` -> ``Item``, ``categories`` -> ``Category``, ``boxes`` -> ``Box``; None when
    the name is no plural (``status``, ``data``).

    >>> [_element_name(f) for f in ("lineItems", "itemList", "categories", "boxes", "status")]
    ['LineItem', 'Item', 'Category', 'Box', None]
    """
    m = _PLURAL.search(field)
    if m is None or m.start() == 0:
        return None
    stem = field[: m.start()]
    if m.group(2):
        stem += "y"
    elif m.group(3):
        stem += m.group(3)[:-2]
    return stem[:1].upper() + stem[1:]


def mybatis_plus_entity(annotations: Iterable[str]) -> bool:
    """A class mapped by MyBatis-Plus's ``@TableName`` rather than JPA's ``@Entity``
    (``annotations``: their names, simple or qualified)."""
    names = {_short(a) for a in annotations}
    return "TableName" in names and "Entity" not in names


def _entity_table(
    names: Mapping[str, Annotation], simple: str, imports: Iterable[Import]
) -> tuple[str | None, str | None]:
    """The table (or MongoDB collection) an entity class maps and how (one of ``MAPPINGS``),
    from its annotations by simple name: MyBatis-Plus ``@TableName("sys_user")`` (else the
    snake_case class name), JPA ``@Entity`` with ``@Table(name)`` (else the entity name),
    Morphia ``@Entity("booking")`` (else the class name) and Spring Data
    ``@Document(collection = "x")`` (else the class name starting in lower case), as written,
    and Spring Data JDBC or R2DBC ``@Table("reserve_item")`` (else the snake_case class name,
    as its default naming strategy has it), and JPA's ``@Table(name)`` alone (tk.mybatis):
    MongoDB's names are case-sensitive. A file importing Morphia or Spring Data MongoDB says
    which ``@Entity`` and ``@Document`` these are (Elasticsearch has a ``@Document`` too)."""
    if mybatis_plus_entity(names):
        return normalise_table(names["TableName"].get("value") or _snake(simple)).upper(), (
            MYBATIS_PLUS_ENTITY
        )
    if ("Entity" in names or "Document" in names) and any(
        i.path.startswith(MONGO_PACKAGES) for i in imports
    ):
        if "Entity" in names:  # Morphia
            name = names["Entity"].get("value") or simple
        else:  # Spring Data
            a = names["Document"]
            name = a.get("value") or a.get("collection") or simple[:1].lower() + simple[1:]
        return name.strip(), MONGO_DOCUMENT  # collection names are case-sensitive
    if "Entity" in names:
        table = names.get("Table")
        name = (table.get("name") if table else None) or names["Entity"].get("name") or simple
        return name.upper(), JPA_ENTITY
    if (table := names.get("Table")) and (
        table.name == RELATIONAL_TABLE
        or any(
            i.path == RELATIONAL_TABLE or (i.wildcard and i.path == RELATIONAL_MAPPING)
            for i in imports
        )
    ):
        name = table.value or table.get("name") or _snake(simple)
        return normalise_table(name).upper(), SPRING_DATA_TABLE
    jpa = names.get("Table")
    jpa_table = jpa and (jpa.name in JPA_TABLES or any(_imports_jpa_table(i) for i in imports))
    jpa_table = jpa_table and not names.keys() & NOT_TABLE_CLASSES
    if jpa and jpa_table and (given := jpa.get("name")):
        return normalise_table(given).upper(), TABLE_CLASS  # tk.mybatis's entities
    return None, None


def _imports_jpa_table(i: Import) -> bool:
    return i.path in JPA_TABLES or (i.wildcard and i.path in JPA_PACKAGES)


_CONSTANT = re.compile(r"(?:[A-Za-z_$][\w$]*\.)*[A-Z][A-Z0-9_]*")
_QUALIFIED_CONSTANT = re.compile(r"\b(?:[A-Za-z_$][\w$]*\.)+[A-Z][A-Z0-9_]*\b")
"""Another class's constant in a path (``MetadataComponent.DATA_FILE``)."""
"""A constant's name, qualified or not (``TABLE_NAME``, ``Constants.TABLE_NAME``)."""
_TYPE_VARIABLE = re.compile(r"[A-Z][A-Z0-9_]*")
"""A type variable's name, by convention (``T``, ``ID``); see ``_Linker._param_type``."""


def _mapping_annotations(annotations: Iterable[Annotation]) -> list[Annotation]:
    """``annotations`` without Hibernate's ``@Table(appliesTo = ...)``, which adds indexes or
    comments to a table the JPA ``@Table`` names: written after it (OpenKM's ``Activity``),
    it had hidden the ``OKM_ACTIVITY`` name."""
    return [a for a in annotations if not (_short(a.name) == "Table" and a.get("appliesTo"))]


def _jpa_entity(t: TypeDecl) -> bool:
    return any(_short(a.name) == "Entity" for a in t.annotations)


def _snake(name: str) -> str:
    """MyBatis-Plus's default table name of an entity class: ``SysUser`` -> ``sys_user``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


class _Linker:
    def __init__(
        self,
        resolver: Resolver,
        facts: JavaFacts,
        constants: Mapping[str, Mapping[str, str]] | None = None,
        decls: Mapping[str, _Decl] | None = None,
    ) -> None:
        self.r = resolver
        self.decls = decls or {}
        self.repository_bases = _repository_bases(self.decls.values(), resolver)
        """FQNs of the application's own repository base interfaces."""
        self.application_path = _application_path(self.decls.values())
        self.facts = facts
        self.beans: dict[str, str] = {}
        self.implementors: dict[str, set[str]] = defaultdict(set)
        self.kinds: dict[str, TypeKind] = {}
        self.constants = constants or {}
        """Per type, its string constants (field name -> value)."""
        self.lent: set[tuple[str, str]] = set()
        """(type, value) of string constants other types read."""
        self.managed: set[str] = set()
        """Types a container creates: named beans, and beans declared in XML."""
        self.xml_ids: set[str] = set()
        """Ids of the beans declared in XML, of project or library classes."""
        self.tabled: dict[str, tuple[str, ...]] = {}
        """XML beans with a ``table`` property by id (see ``JavaFacts.bean_tables``)."""
        self.listed: dict[str, tuple[str, ...]] = {}
        """XML collection beans of strings by id: their values are strings of the class the
        bean is injected into (a page-link whitelist names the views of its controller)."""

    # -- types -----------------------------------------------------------------------------
    def _bootstrap(self, d: _Decl) -> bool:
        """Whether ``d`` starts the application (see ``BOOTSTRAP_BASES``); a base of that name
        in the project is no framework's."""
        t = d.decl
        if any(_short(a.name) in BOOTSTRAP_ANNOTATIONS for a in t.annotations):
            return True
        for name in (*t.extends, *t.implements):
            if self.r.resolve(name, d.scope) is not None:
                continue
            if _short(name) in BOOTSTRAP_BASES or name in JAX_RS_APPLICATION:
                return True
            if name == "Application" and any(
                i.path in JAX_RS_APPLICATION
                or (i.wildcard and f"{i.path}.Application" in JAX_RS_APPLICATION)
                for i in d.file.imports
            ):
                return True
        return False

    def java_type(self, d: _Decl) -> JavaType:
        t = d.decl
        stereotype = None
        bean = None
        for a in t.annotations:
            short = _short(a.name)
            s = STEREOTYPES.get(short)
            if s is not None and stereotype is None:
                stereotype = s
                if s not in ("entity", "configuration"):
                    named = a.get("name") if short == "ManagedBean" else a.value
                    if short in URL_ANNOTATIONS:
                        named = None
                    bean = named or bean_name_for(_short(t.name))
        if stereotype not in ("controller", "service") and self._bootstrap(d):
            # a boot class serving requests too stays a controller, its endpoints with it
            stereotype, bean = "bootstrap", None
        if stereotype is None:
            stereotype = next(
                (EJB2_BASES[s] for n in t.implements if (s := _short(n)) in EJB2_BASES), None
            )
        if stereotype is None and any(
            _short(n) in MIGRATION_BASES for n in (*t.extends, *t.implements)
        ):
            stereotype = "migration"
        join_tables: tuple[str, ...] = ()
        names = {_short(a.name): a for a in _mapping_annotations(t.annotations)}
        entity_table, mapping = _entity_table(names, _short(t.name), d.file.imports)
        if mapping is not None:
            stereotype = "entity"  # a Spring Data ``@Document`` is one too
        if mapping == JPA_ENTITY:
            if named := names["Entity"].get("name"):
                self.facts.entity_names[named.upper()] = d.fqn
            join_tables = tuple(
                dict.fromkeys(
                    normalise_table(name)
                    for annotations in (
                        *(f.annotations for f in t.fields),
                        *(m.annotations for m in t.methods),
                    )
                    for a in annotations
                    if _short(a.name) in JOIN_TABLES and (name := a.get("name"))
                )
            )
        outer = d.scope.enclosing[1] if len(d.scope.enclosing) > 1 else None
        outer_top = d.scope.enclosing[-1] if outer else None
        return JavaType(
            fqn=d.fqn,
            kind=TypeKind(t.kind),
            source=_ref(d.file.path, t.line),
            stereotype=stereotype,
            bean_name=bean,
            outer=outer,
            outer_top=outer_top,
            annotations=tuple(a.name for a in t.annotations),
            methods=tuple(m.name for m in t.methods if not m.is_constructor),
            fields=tuple(f.name for f in t.fields),
            loc=t.loc,
            partial=d.file.error is not None,
            doc=t.doc,
            entity_table=entity_table,
            entity_mapping=mapping,
            abstract=t.abstract,
            generic=t.generic,
            join_tables=join_tables,
        )

    def index_beans(self, types: list[JavaType], xml_beans: Iterable[Bean]) -> None:
        xml_beans = list(xml_beans)
        for jt_ in types:
            self.kinds[jt_.fqn] = jt_.kind
            if jt_.bean_name:
                self.beans.setdefault(jt_.bean_name, jt_.fqn)
        self.xml_ids = {b.id for b in xml_beans}
        for b in xml_beans:
            if b.cls in self.r.known:
                self.beans.setdefault(b.id, b.cls)
            elif b.values:
                self.listed.setdefault(b.id, b.values)
            if b.tables:
                self.tabled.setdefault(b.id, b.tables)
        self.managed = {t.fqn for t in types if t.bean_name} | {
            b.cls for b in xml_beans if b.cls in self.r.known
        }

    # -- dependencies ----------------------------------------------------------------------
    def _dep(
        self, src: str, name: str, kind: DepKind, scope: Scope, ref: SourceRef, detail: str = ""
    ) -> str | None:
        target = self.r.resolve(name, scope)
        if target is None:
            if len(name) > 1 and name[0].isupper():
                external = self.r.external(name, scope)
                self.facts.external.add(external)
                self._library_use(src, external, ref, scope.wildcards)
            return None
        if target != src:
            self.facts.dependencies.append(Dependency(src, target, kind, ref, detail))
        return target

    def _library_use(
        self, src: str, external: str, ref: SourceRef, wildcards: Sequence[str] | None = None
    ) -> None:
        """``wildcards``: the class's on-demand imports, which say whose type an unresolved
        simple name is (``Scheduler`` under ``reactor.core.scheduler.*`` is no Quartz's)."""
        library = library_of(external, wildcards)
        if library is not None and library.driven_by(external):
            self.facts.library_users.setdefault(src, {}).setdefault(library.name, ref)

    def resolve_table_constants(self, decls: Sequence[_Decl]) -> None:
        """A JPA entity whose ``@Table`` names its table by a constant
        (``@Table(name = AccountNumberFormatConstants.TABLE_NAME)``, Fineract) maps the
        constant's value."""
        index = {t.fqn: i for i, t in enumerate(self.facts.types)}
        for d in decls:
            i = index.get(d.fqn)
            table = next(
                (a for a in _mapping_annotations(d.decl.annotations) if _short(a.name) == "Table"),
                None,
            )
            named = table.get("name") if table is not None else None
            if i is None or not named or not _CONSTANT.fullmatch(named):
                continue
            owner_name, _, field_name = named.rpartition(".")
            owner = self.r.resolve(owner_name, d.scope) if owner_name else d.fqn
            value = self.constants.get(owner or "", {}).get(field_name)
            if value and is_table_name(normalise_table(value)):
                self.facts.types[i] = replace(
                    self.facts.types[i], entity_table=normalise_table(value)
                )

    def resolve_path_constants(self, decls: Sequence[_Decl]) -> None:
        """An endpoint path built with another class's constant
        (``"/" + PasswordPreferencesApiConstants.RESOURCE_NAME``, Fineract) gets the
        constant's value, when the handler's class can name it; an unknown one stays."""
        scopes = {d.fqn: d.scope for d in decls}
        for i, e in enumerate(self.facts.endpoints):
            scope = scopes.get(e.handler.partition("#")[0])
            if scope is not None and _QUALIFIED_CONSTANT.search(e.path):
                self.facts.endpoints[i] = replace(e, path=self._path_constants(e.path, scope))

    def _path_constants(self, path: str, scope: Scope) -> str:
        """``path`` with the other classes' constants ``scope`` can name replaced by their
        values (see :meth:`resolve_path_constants`)."""
        if not _QUALIFIED_CONSTANT.search(path):
            return path

        def value(m: re.Match[str]) -> str:
            owner_name, _, field_name = m.group(0).rpartition(".")
            owner = self.r.resolve(owner_name, scope)
            found = self.constants.get(owner or "", {}).get(field_name)
            return found if found is not None else m.group(0)

        return re.sub(r"//+", "/", _QUALIFIED_CONSTANT.sub(value, path))

    def share_single_tables(self, decls: Sequence[_Decl]) -> None:
        """A JPA entity subclass without a ``@Table`` of its own lives in its root entity's
        table unless the root declares ``JOINED`` or ``TABLE_PER_CLASS`` inheritance (JPA's
        default is one table for the hierarchy): Fineract's ``FixedDepositAccount`` extends
        ``SavingsAccount`` and is stored in ``m_savings_account``, no ``FIXEDDEPOSITACCOUNT``."""
        index = {t.fqn: i for i, t in enumerate(self.facts.types)}
        for d in decls:
            names = {_short(a.name) for a in d.decl.annotations}
            i = index.get(d.fqn)
            if i is None or "Table" in names or self.facts.types[i].entity_mapping != JPA_ENTITY:
                continue
            roots = [a for a in self._ancestors(d) if _jpa_entity(a.decl)]
            if not roots:
                continue
            root = roots[-1]
            strategy = next(
                (
                    a.get("strategy") or ""
                    for a in root.decl.annotations
                    if _short(a.name) == "Inheritance"
                ),
                "",
            )
            table = self.facts.types[index[root.fqn]].entity_table
            if table and not strategy.endswith(("JOINED", "TABLE_PER_CLASS")):
                self.facts.types[i] = replace(self.facts.types[i], entity_table=table)

    def hierarchy(self, d: _Decl) -> None:
        t, src, scope = d.decl, d.fqn, d.scope
        here = _ref(d.file.path, t.line)
        for name in t.extends:
            target = self._dep(src, name, DepKind.EXTENDS, scope, here)
            if target and self.kinds.get(src) == TypeKind.INTERFACE:
                self.implementors[target].add(src)
            elif target is None:
                self.facts.external_supers.setdefault(src, set()).add(_short(name))
        for name in t.implements:
            target = self._dep(src, name, DepKind.IMPLEMENTS, scope, here)
            if target:
                self.implementors[target].add(src)
            else:
                self.facts.external_supers.setdefault(src, set()).add(_short(name))

    def link(self, d: _Decl) -> None:
        t, src, scope, path = d.decl, d.fqn, d.scope, d.file.path
        here = _ref(path, t.line)
        if not d.scope.enclosing[1:]:
            for imp in d.file.imports:
                if not imp.wildcard and not imp.static and imp.path in self.r.known:
                    if imp.path != src:
                        self.facts.dependencies.append(
                            Dependency(src, imp.path, DepKind.IMPORT, SourceRef(path))
                        )
                elif not imp.static:
                    if not imp.wildcard:
                        self.facts.external.add(imp.path)
                    self._library_use(src, imp.path, SourceRef(path))
        for a in t.annotations:
            # An annotation type's meta-annotations name the classes that implement it: the
            # validator of a constraint (``@Constraint(validatedBy = X.class)``). Class literals
            # elsewhere mostly wire plumbing together (``@Import``, ``@JsonSerialize``): they
            # tied Halo's configuration, caches and error handlers into its user service.
            classes = a.classes if t.kind == "annotation" else ()
            for used in (a.name, *classes):
                self._dep(src, used, DepKind.ANNOTATION, scope, here)
            if _short(a.name) in NAMED_QUERIES and (name := a.get("name")):
                query = a.get("query")
                if query:
                    self.facts.named_queries.append((name, query, here))
        for name in t.type_refs:
            self._dep(src, name, DepKind.IMPORT, scope, here)
        for base, *args in t.generic_supers:
            if args and _is_repository_base(base, scope, self.r, self.repository_bases):
                entity = self.r.resolve(args[0], scope)
                if entity is not None:
                    self.facts.repositories[src] = entity
                    target = self.r.resolve(base, scope) or ""
                    dao = self.decls.get(target)
                    if dao is not None and dao.decl.generic and GENERIC_DAO.search(target):
                        self.facts.generic_daos[src] = _short(target)
        variables: dict[str, str] = {}
        for f in t.fields:
            ref = _ref(path, f.line)
            self._typed(src, f, DepKind.FIELD, scope, ref, f.name, variables)
            for a in f.annotations:
                self._dep(src, a.name, DepKind.ANNOTATION, scope, ref)
                if _short(a.name) == "Resource":
                    self.facts.destinations.extend(
                        (src, value, ref)
                        for key in ("lookup", "mappedName", "name")
                        if (value := a.get(key))
                    )
        self._inherit(d, variables)
        self._inject_fields(src, t, scope, path)
        strings = self.facts.strings.setdefault(src, [])
        strings.extend((f.value, _ref(path, f.line)) for f in t.fields if f.value)
        # a container (Spring, CDI, EJB) calls the constructor of a bean it manages only
        managed = src in self.managed or any(
            STEREOTYPES.get(_short(a.name), "entity") != "entity" for a in t.annotations
        )
        managers = _managers(t.fields)
        constants = {f.name: f.value for f in t.fields if f.value}
        destination_fields = _destination_beans(t.fields, scope)
        for m in t.methods:
            local_types = self._link_method(src, m, scope, path, variables, strings, managed)
            self._entity_operations(src, m, scope, path, local_types, managers)
            self.facts.destinations.extend(
                (src, str.strip(name), _ref(path, call.line))
                for call in m.calls
                if call.member in SEND_CALLS and (name := _sent_to(call, constants))
            )
            held = {**destination_fields, **_destination_beans((*m.params, *m.locals), scope)}
            self.facts.destination_beans.extend(
                (src, held[call.operands[0]], _ref(path, call.line))
                for call in m.calls
                if call.member in SEND_CALLS and call.operands and call.operands[0] in held
            )
        self._endpoints(d)

    def _inherit(self, d: _Decl, variables: dict[str, str]) -> None:
        """Adds ``name()`` for each argument-less method of the superclasses that returns a
        project type, so ``getPetStore().getCategory(id)`` in a Struts action calls the
        ``PetStoreFacade`` its base action returns. The class's own such methods are left out:
        their return types already are its dependencies."""
        for cur in self._ancestors(d):
            for m in cur.decl.methods:
                if not m.params and m.returns and not m.is_constructor:
                    target = self.r.resolve(m.returns[0], cur.scope)
                    if target is not None:
                        variables.setdefault(m.name + "()", target)

    def _ancestors(self, d: _Decl) -> Iterator[_Decl]:
        """The project's superclasses of ``d``, nearest first."""
        seen = {d.fqn}
        cur: _Decl | None = d
        while cur is not None:
            parent = next(iter(cur.decl.extends), None)
            found = self.r.resolve(parent, cur.scope) if parent else None
            cur = self.decls.get(found) if found and found not in seen else None
            if cur is not None:
                seen.add(cur.fqn)
                yield cur

    def _typed(
        self,
        src: str,
        member: Member,
        kind: DepKind,
        scope: Scope,
        ref: SourceRef,
        detail: str,
        variables: dict[str, str],
    ) -> None:
        """Dependencies on a member's types; remembers the variable's own (first) type. A field
        holding a raw collection (Java 1.4 code: ``List lineItems``) depends on the project
        class its name names (``LineItem``), as ``List<LineItem>`` would."""
        for i, name in enumerate(member.type_refs):
            target = self._dep(src, name, kind, scope, ref, detail)
            if i == 0 and target:
                variables[member.name] = target
        raw = len(member.type_refs) == 1 and _short(member.type_refs[0]) in RAW_COLLECTIONS
        if kind is DepKind.FIELD and raw:
            element = _element_name(member.name)
            if element and self.r.resolve(element, scope):
                self._dep(src, element, kind, scope, ref, detail)

    def _entity_operations(
        self,
        src: str,
        m: Method,
        scope: Scope,
        path: str,
        local_types: dict[str, str],
        managers: set[str],
    ) -> None:
        """``em.persist(order)``, ``session.get(Order.class, id)``: the entity a JPA entity
        manager, a Hibernate session or a MongoDB template or datastore stores or loads, as a
        write or a read of its table; ``db.getCollection("booking")``: a collection the class
        opens by name. ``local_types`` are the project types of the method's variables."""
        managers = managers | _managers((*m.params, *m.locals))
        for call in m.calls:
            if call.member == "getCollection" and call.strings:
                self.facts.collections.append(
                    (src, call.strings[0].strip(), _ref(path, call.line))
                )
            access = ENTITY_OPERATIONS.get(call.member)
            q = call.qualifier.removeprefix("this.")
            if call.member == "from" and call.operands and call.operands[0].endswith(".class"):
                # a JPA Criteria query's root, criteria.from(OrderImpl.class): links keep it
                # only when the class (or the one entity implementing it) has a table
                root = self.r.resolve(call.operands[0].removesuffix(".class"), scope)
                if root is not None and root != src:
                    via = f"{_short(call.qualifier) or 'criteria'}.from"
                    self.facts.entity_operations.append(
                        (src, root, Access.READ, _ref(path, call.line), via)
                    )
                continue
            if (
                access is None
                or not call.operands
                or (q not in managers and q not in MANAGER_GETTERS)
            ):
                continue
            # em.find(Order.class, id), mongoTemplate.find(query, Order.class)
            operand = next((o for o in call.operands if o.endswith(".class")), call.operands[0])
            if operand.endswith(".class"):
                entity = self.r.resolve(operand.removesuffix(".class"), scope)
            else:
                entity = local_types.get(operand)
            if entity is not None and entity != src:
                via = f"{_short(call.qualifier)}.{call.member}"
                self.facts.entity_operations.append(
                    (src, entity, access, _ref(path, call.line), via)
                )

    def _link_method(
        self,
        src: str,
        m: Method,
        scope: Scope,
        path: str,
        fields: dict[str, str],
        strings: list[tuple[str, SourceRef]],
        managed: bool,
    ) -> dict[str, str]:
        """Links one method's facts; returns the project types of its variables."""
        ref = _ref(path, m.line)
        local_types = dict(fields)
        for p in m.params:
            self._typed(src, p, DepKind.PARAM, scope, ref, m.name, local_types)
        for name in m.returns:
            self._dep(src, name, DepKind.RETURN, scope, ref, m.name)
        for a in m.annotations:
            self._dep(src, a.name, DepKind.ANNOTATION, scope, ref)
            if _short(a.name) in SQL_ANNOTATIONS and a.value:
                strings.append((a.value, ref))
        for loc in m.locals:
            self._typed(src, loc, DepKind.LOCAL, scope, _ref(path, loc.line), m.name, local_types)
        for name, line in m.creates:
            self._dep(src, name, DepKind.NEW, scope, _ref(path, line), m.name)
        for call in m.calls:
            cref = _ref(path, call.line)
            for s in call.strings:
                strings.append((s, cref))
            q = call.qualifier.removeprefix("this.")
            if not q:
                continue
            target = local_types.get(q)
            detail = f"{m.name}->{call.member}"
            if target is not None:
                if target != src:
                    self.facts.dependencies.append(
                        Dependency(src, target, DepKind.CALL, cref, detail)
                    )
            elif q[0].isupper() or "." in q:
                self._dep(src, q, DepKind.CALL, scope, cref, detail)
        for s in m.strings:
            strings.append((s, ref))
        for name in m.constants:
            owner = self.r.resolve(name.rpartition(".")[0], scope)
            value = self.constants.get(owner or "", {}).get(name.rpartition(".")[2])
            if owner is not None and owner != src and value is not None:
                strings.append((value, ref))
                self.lent.add((owner, value))
        if (m.is_constructor and managed) or any(
            _short(a.name) in INJECT_BY_TYPE for a in m.annotations
        ):
            for p in m.params:
                qualifier = _qualifier(p.annotations)
                if qualifier is not None:
                    self._bean_tables(src, qualifier, ref)
                if p.type_refs:
                    self._inject(src, p.name, p.type_refs[0], qualifier, scope, ref)
        return local_types

    def move_lent_constants(self) -> None:
        """A string constant read by other types is theirs, as ``javac`` would inline it:
        ``Util.PAGE_LOGIN = "login.jsp"`` names the view of the servlet forwarding to it, not
        of ``Util``, and a query constant belongs to the DAO running it. A type lending
        several constants is a constants class: it keeps none of them, used or not."""
        lent: dict[str, set[str]] = defaultdict(set)
        for owner, value in self.lent:
            lent[owner].add(value)
        for owner, values in lent.items():
            if len(values) > 1:  # a constants class: none of its constants is its own
                values = set(self.constants[owner].values())
            kept = [(s, ref) for s, ref in self.facts.strings.get(owner, []) if s not in values]
            self.facts.strings[owner] = kept

    # -- injection -------------------------------------------------------------------------
    def _inject_fields(self, src: str, t: TypeDecl, scope: Scope, path: str) -> None:
        """Fields the container fills: by the bean ``@Resource(name)`` names (else the field's
        name), by type for ``@Autowired``/``@Inject``, narrowed by ``@Qualifier("id")`` or
        ``@Named("id")``. A field named like a bean, or qualified by one, takes that bean's
        tables even without an injection annotation: a constructor fills it (Lombok's
        ``@RequiredArgsConstructor``)."""
        for f in t.fields:
            names = {_short(a.name): a for a in f.annotations}
            ref = _ref(path, f.line)
            qualifier = _qualifier(f.annotations)
            if "Resource" in names:
                bean = names["Resource"].get("name")
                self._bean_tables(src, bean or f.name, ref)
                if listed := self.listed.get(bean or f.name, ()):
                    self.facts.strings.setdefault(src, []).extend((v, ref) for v in listed)
                    continue
                target = self.beans.get(bean or f.name)
                if target is not None:
                    self._add_injection(src, target, ref, f"{f.name}={bean or f.name}")
                    continue
                declared = self.r.resolve(f.type_refs[0], scope) if f.type_refs else None
                if bean is not None and declared is not None and bean not in self.xml_ids:
                    self.facts.diagnostics.append(
                        Diagnostic(
                            Severity.INFO,
                            "spring.unknown-bean",
                            f'@Resource(name="{bean}") on {_short(src)}.{f.name} matches no bean '
                            "declared in the analysed code",
                            ref,
                        )
                    )
                if bean is not None:
                    continue
            else:  # injected by its qualifier or its name (constructor)
                self._bean_tables(src, qualifier or f.name, ref)
            if ("Resource" in names or INJECT_BY_TYPE & names.keys()) and f.type_refs:
                self._inject(src, f.name, f.type_refs[0], qualifier, scope, ref)

    def _bean_tables(self, src: str, bean: str, ref: SourceRef) -> None:
        """The tables of bean ``bean`` (an ID generator's) are written on behalf of ``src``,
        which it is injected into."""
        self.facts.bean_tables.extend(
            (src, table, ref, bean) for table in self.tabled.get(bean, ())
        )

    def _inject(
        self,
        src: str,
        var: str,
        type_name: str,
        qualifier: str | None,
        scope: Scope,
        ref: SourceRef,
    ) -> None:
        declared = self.r.resolve(type_name, scope)
        if declared is None:
            return
        if qualifier and qualifier in self.beans:
            self._add_injection(src, self.beans[qualifier], ref, f"{var}={qualifier}")
            return
        candidates = sorted(self._concrete(declared))
        if len(candidates) > 1:
            by_name = [c for c in candidates if self.beans.get(var) == c]
            candidates = by_name or candidates
        if len(candidates) == 1:
            self._add_injection(src, candidates[0], ref, var)
        elif candidates:
            self.facts.diagnostics.append(
                Diagnostic(
                    Severity.INFO,
                    "spring.ambiguous-injection",
                    f"{_short(src)}.{var}: {len(candidates)} beans implement {_short(declared)} "
                    f"({', '.join(_short(c) for c in candidates)}); linked to none",
                    ref,
                )
            )

    def _concrete(self, declared: str) -> set[str]:
        if self.kinds.get(declared) != TypeKind.INTERFACE:
            return {declared}
        found: set[str] = set()
        stack, seen = [declared], set()
        while stack:
            cur = stack.pop()
            if cur in seen:
                continue
            seen.add(cur)
            for impl in self.implementors.get(cur, ()):
                if self.kinds.get(impl) == TypeKind.INTERFACE:
                    stack.append(impl)
                else:
                    found.add(impl)
        return found

    def _add_injection(self, src: str, target: str, ref: SourceRef, detail: str) -> None:
        if target != src:
            self.facts.dependencies.append(Dependency(src, target, DepKind.INJECTION, ref, detail))

    def link_xml_bean(self, bean: Bean) -> None:
        if bean.cls not in self.r.known:
            return
        for ref_id in bean.refs:
            target = self.beans.get(ref_id)
            if target is not None:
                self._add_injection(bean.cls, target, bean.source, f"xml:{bean.id}->{ref_id}")
        for interface in bean.interfaces:
            if interface in self.r.known and interface != bean.cls:
                self.facts.dependencies.append(
                    Dependency(
                        bean.cls, interface, DepKind.IMPLEMENTS, bean.source, f"xml:{bean.id}"
                    )
                )

    # -- endpoints -------------------------------------------------------------------------
    def _endpoints(self, d: _Decl) -> None:
        src, t, path = d.fqn, d.decl, d.file.path
        names = {_short(a.name): a for a in t.annotations}
        ref = _ref(path, t.line)
        for key, verb, method in (
            ("WebServlet", "ANY", "service"),
            ("UrlBinding", "ANY", "execute"),
            ("ServerEndpoint", "WEBSOCKET", "onMessage"),  # JSR 356: DayTrader's market summary
        ):
            if key in names:
                a = names[key]
                for p in _paths(a) or _split(a.get("urlPatterns")):
                    self.facts.endpoints.append(
                        Endpoint(join_paths("", p), verb, f"{src}#{method}", ref)
                    )
        if (
            "UrlBinding" not in names
            and _short(t.name).endswith("ActionBean")
            and t.kind == "class"
        ):
            name = _short(t.name).removesuffix("ActionBean") or _short(t.name)
            self.facts.endpoints.append(Endpoint(f"/{name}.action", "ANY", f"{src}#execute", ref))
        if "Path" in names:
            paths = [join_paths(self.application_path, p) for p in _paths(names["Path"]) or [""]]
            self._jax_rs(d, paths)
        if "MessageDriven" in names:
            queue = _destination(t, names["MessageDriven"])
            self.facts.endpoints.append(Endpoint(queue, "JMS", f"{src}#onMessage", ref))
        if "WebService" in names:
            self._soap(src, t, path, names["WebService"])
        self._listeners(src, t, path)
        if self._serves_mvc(d):
            self._mvc(d)

    def _mvc(self, d: _Decl) -> None:
        """Spring MVC handler methods of a class that serves them (see :meth:`_serves_mvc`):
        its own and those it inherits from its project supertypes, each as ``Class#method``,
        under the class-level mapping of the class or else of its nearest supertype that has
        one (Broadleaf's ``AdminCategoryController`` serves its base's 31 routes under
        ``/category``). An override without mapping annotations keeps those of the method it
        overrides, as Spring finds them; one with its own replaces them. Another class's
        constant in a path is read in the scope of the class that writes it."""
        src = d.fqn
        chain = [d, *self._spring_supertypes(d)]
        prefixes = [""]
        for cur in chain:
            marks = [a for a in cur.decl.annotations if _short(a.name) in MAPPINGS]
            if marks:
                prefixes = [self._path_constants(p, cur.scope) for p in _paths(marks[-1])]
                break
        # one entry per method that serves: its name, its parameters' types (None for a
        # type variable, which an override may fill in: save(User) overrides save(T)), the
        # mapping annotations, the class writing them, where the method is declared
        found: list[_Handler] = []
        for depth, cur in enumerate(chain):
            for m in cur.decl.methods:
                if m.is_constructor:
                    continue
                marks = [a for a in m.annotations if _short(a.name) in MAPPINGS]
                signature = tuple(self._param_type(p, cur) for p in m.params)
                here = _Handler(m.name, signature, marks, cur.scope, _ref(cur.file.path, m.line))
                known = [] if not depth else [h for h in found if h.overrides(here)]
                if not known:  # the class's own overloads, or an inherited one
                    found.append(here)
                elif marks and not any(h.marks for h in known):
                    for h in known:  # an override without mappings keeps those it overrides
                        h.marks, h.scope = marks, cur.scope
        for h in found:
            for a in h.marks:
                verb = MAPPINGS[_short(a.name)] or _verbs(a)
                self.facts.mvc_handlers.add(src)
                for prefix in prefixes or [""]:
                    for p in _paths(a) or [""]:
                        p = self._path_constants(p, h.scope)
                        self.facts.endpoints.append(
                            Endpoint(join_paths(prefix, p), verb, f"{src}#{h.name}", h.ref)
                        )

    def _param_type(self, p: Member, d: _Decl) -> str | None:
        """The simple name of a parameter's type as a method of ``d`` declares it, ``None``
        for a type variable: in a generic class, a name in capitals (``T``, ``P``, ``ID``)
        that is neither imported nor a project type (``BaseController<T>``'s ``save(T)``;
        DHIS2's ``getObjectList(P)``)."""
        name = p.type_refs[0] if p.type_refs else ""
        if (
            # (in a class without type parameters, java.net.URL brought in on demand is none;
            # one letter is: a generic method's <T>)
            (d.decl.generic or len(name) == 1)
            and _TYPE_VARIABLE.fullmatch(name)
            and name not in d.scope.single
            and self.r.resolve(name, d.scope) is None
        ):
            return None
        return _short(name)

    def _serves_mvc(self, d: _Decl) -> bool:
        """Whether ``d`` serves Spring MVC mappings, its own and inherited ones. Only beans
        handle requests: a concrete class annotated ``@Controller`` or ``@RestController``
        (or a project annotation carrying one), or a bean (declared in XML, or annotated)
        with such an annotation or a class-level ``@RequestMapping`` on it or a supertype.
        An abstract class serves nothing by itself. Any other class or interface declaring
        mapped methods serves them (it may be a bean in a way not read here) only when no
        class below it serves them already, which would count each route twice."""
        memo = self._mvc_serving
        if d.fqn in memo:
            return memo[d.fqn]
        memo[d.fqn] = False  # (a cycle of supertypes serves nothing)
        t = d.decl
        if t.kind == "annotation" or (t.kind == "class" and t.abstract):
            serves = False
        elif t.kind != "interface" and self._mvc_bean(d):
            serves = True
        else:
            serves = any(
                _short(a.name) in MAPPINGS for m in t.methods for a in m.annotations
            ) and not any(self._serves_mvc(x) for x in self._descendants(d))
        memo[d.fqn] = serves
        return serves

    def _mvc_bean(self, d: _Decl) -> bool:
        """A class Spring's handler mapping takes (see :meth:`_serves_mvc`): as Spring 5's
        ``RequestMappingHandlerMapping.isHandler``, a bean with ``@Controller`` or a
        class-level ``@RequestMapping`` on it or a supertype (``@Component
        @RequestMapping("/comp")`` is a controller)."""
        t = d.decl
        if any(self._controller(a, d.scope) for a in t.annotations):
            return True
        if d.fqn not in self.managed:
            return False
        if not any(_short(a.name) in STEREOTYPES for a in t.annotations):
            return True  # declared in XML
        return any(
            self._controller(a, x.scope) or _short(a.name) in MAPPINGS
            for x in (d, *self._spring_supertypes(d))
            for a in x.decl.annotations
        )

    def _controller(self, a: Annotation, scope: Scope, depth: int = 0) -> bool:
        """``@Controller``, ``@RestController``, or a project annotation annotated with one
        (a stereotype of the application's own)."""
        if _short(a.name) in ("Controller", "RestController"):
            return True
        found = self.decls.get(self.r.resolve(a.name, scope) or "")
        if found is None or found.decl.kind != "annotation" or depth > 3:
            return False
        return any(self._controller(x, found.scope, depth + 1) for x in found.decl.annotations)

    @cached_property
    def _mvc_serving(self) -> dict[str, bool]:
        """Memo of :meth:`_serves_mvc`."""
        return {}

    @cached_property
    def _children(self) -> dict[str, list[_Decl]]:
        """The project's direct subclasses and implementors of each type."""
        children: dict[str, list[_Decl]] = defaultdict(list)
        for x in self.decls.values():
            for name in (*x.decl.extends, *x.decl.implements):
                parent = self.r.resolve(name, x.scope)
                if parent is not None and parent != x.fqn:
                    children[parent].append(x)
        return children

    def _descendants(self, d: _Decl) -> Iterator[_Decl]:
        """The project's types below ``d``: subclasses, implementors and theirs."""
        seen = {d.fqn}
        stack = [d.fqn]
        while stack:
            for x in self._children.get(stack.pop(), ()):
                if x.fqn not in seen:
                    seen.add(x.fqn)
                    stack.append(x.fqn)
                    yield x

    def _spring_supertypes(self, d: _Decl) -> list[_Decl]:
        """The project supertypes of ``d`` in the order Spring searches them for an
        annotation: a type's interfaces (each with its own supertypes) before its
        superclass."""
        found: list[_Decl] = []
        seen = {d.fqn}
        stack = [d]
        while stack:
            cur = stack.pop()
            if cur is not d:
                found.append(cur)
            t = cur.decl
            interfaces = t.extends if t.kind == "interface" else t.implements
            superclass = t.extends[:1] if t.kind == "class" else ()
            for name in reversed((*interfaces, *superclass)):
                fqn = self.r.resolve(name, cur.scope)
                up = self.decls.get(fqn) if fqn else None
                if up is not None and up.fqn not in seen:
                    seen.add(up.fqn)
                    stack.append(up)
        return found

    def _listeners(self, src: str, t: TypeDecl, path: str) -> None:
        """Message listener methods (``@JmsListener``, ``@KafkaListener``, ``@RabbitListener``
        on the method, or on the class with ``@RabbitHandler``/``@KafkaHandler`` methods: an
        endpoint per queue or topic, ``?`` when the annotation names none) and scheduled jobs
        (Spring's ``@Scheduled``, EJB's ``@Schedule``): entry points no request reaches (see
        :data:`msadecomp.model.ASYNC_VERBS`)."""
        on_class = [a for a in t.annotations if _short(a.name) in MESSAGE_LISTENERS]
        for m in t.methods:
            handles = any(_short(a.name) in LISTENER_HANDLERS for a in m.annotations)
            for a in [*m.annotations, *(on_class if handles else ())]:
                short = _short(a.name)
                here = _ref(path, m.line)
                if short in MESSAGE_LISTENERS:
                    verb, keys = MESSAGE_LISTENERS[short]
                    names = next((_split(a.get(k)) for k in keys if a.get(k)), []) or ["?"]
                    self.facts.endpoints.extend(
                        Endpoint(str.strip(n), verb, f"{src}#{m.name}", here) for n in names
                    )
                elif short in ("Scheduled", "Schedule"):
                    job = Endpoint(_schedule(a), "SCHEDULED", f"{src}#{m.name}", here)
                    self.facts.endpoints.append(job)

    def _soap(self, src: str, t: TypeDecl, path: str, a: Annotation) -> None:
        """A JAX-WS ``@WebService`` class: an endpoint per ``@WebMethod`` (without
        ``exclude = true``), or per public instance method when none is marked, at
        ``/serviceName`` (default: the class name and ``Service``, as JAX-WS names it). Its
        endpoint interface serves nothing of its own."""
        if t.kind == "interface":
            return
        name = a.get("serviceName") or _short(t.name) + "Service"
        methods = [m for m in t.methods if not m.is_constructor]
        marks = {
            m.name: x for m in methods for x in m.annotations if _short(x.name) == "WebMethod"
        }
        offered = [
            m
            for m in methods
            if (m.name in marks and marks[m.name].get("exclude") != "true")
            or (not marks and m.exposed)
        ]
        for m in offered:
            self.facts.endpoints.append(
                Endpoint(join_paths("", name), "SOAP", f"{src}#{m.name}", _ref(path, m.line))
            )

    def _jax_rs(self, d: _Decl, prefixes: list[str]) -> None:
        """JAX-RS resource methods: an HTTP verb annotation and/or a method ``@Path``, the
        class's own and those of its superclasses (Ticket Monster's ``BaseEntityService``
        serves ``GET /events`` for its ``EventService``); an override without JAX-RS
        annotations keeps those of the method it overrides, as JAX-RS inherits them."""
        src = d.fqn
        # (name, parameter types) -> annotations of each method and where it is declared
        marked: dict[tuple[str, tuple[str, ...]], list[tuple[dict[str, Annotation], SourceRef]]]
        marked = {}
        for depth, cur in enumerate((d, *self._ancestors(d))):
            for m in cur.decl.methods:
                shorts = {_short(a.name): a for a in m.annotations}
                signature = tuple(_short(p.type_refs[0]) if p.type_refs else "" for p in m.params)
                found = marked.setdefault((m.name, signature), [])
                if not depth or not found:  # the class's own overloads, or an inherited one
                    found.append((shorts, _ref(cur.file.path, m.line)))
                elif _is_resource(shorts) and not any(_is_resource(a) for a, _ in found):
                    found[:] = [(shorts, ref) for _, ref in found]
        for (name, _), (shorts, ref) in ((k, x) for k, v in marked.items() for x in v):
            if not _is_resource(shorts):
                continue
            verbs = sorted(JAX_RS_VERBS & set(shorts))
            sub = _paths(shorts["Path"]) if "Path" in shorts else [""]
            for prefix in prefixes:
                for p in sub or [""]:
                    self.facts.endpoints.append(
                        Endpoint(
                            join_paths(prefix, p),
                            ",".join(verbs) or "ANY",
                            f"{src}#{name}",
                            ref,
                        )
                    )


def _application_path(decls: Iterable[_Decl]) -> str:
    """The path under which the application serves its JAX-RS resources
    (``@ApplicationPath("rest")`` on its ``Application`` class), or ``""`` when it declares
    none or several (one per module of a multi-module build: which holds which resource is
    not read)."""
    found = {
        p.removesuffix("*").strip("/")
        for d in decls
        for a in d.decl.annotations
        if _short(a.name) == "ApplicationPath"
        for p in _paths(a)
    }
    return found.pop() if len(found) == 1 else ""


def _is_resource(annotations: Mapping[str, Annotation]) -> bool:
    """Annotations (by simple name) making a JAX-RS resource method or sub-resource locator."""
    return bool(JAX_RS_VERBS & set(annotations)) or "Path" in annotations


ENTITY_MANAGERS = frozenset(
    {
        "EntityManager",
        "Session",
        "StatelessSession",
        "HibernateTemplate",
        "HibernateOperations",
        "MongoTemplate",
        "MongoOperations",
        "ReactiveMongoTemplate",
        "ReactiveMongoOperations",
        "Datastore",
        "AdvancedDatastore",
    }
)
"""Types whose calls store or load an entity: JPA's entity manager, Hibernate's session,
Spring Data MongoDB's template and Morphia's datastore."""
MONGO_PACKAGES = ("org.mongodb.morphia", "dev.morphia", "org.springframework.data.mongodb")
"""Imports that make ``@Entity`` Morphia's and ``@Document`` Spring Data MongoDB's."""
RELATIONAL_MAPPING = "org.springframework.data.relational.core.mapping"
JPA_PACKAGES = frozenset({"javax.persistence", "jakarta.persistence"})
JPA_TABLES = frozenset(f"{p}.Table" for p in JPA_PACKAGES)
"""JPA's ``@Table`` without ``@Entity`` maps a class too: tk.mybatis's generic mappers read the
table of ``@Table(name = "sys_user") class UserInfo`` from it."""
NOT_TABLE_CLASSES = frozenset({"MappedSuperclass", "Embeddable"})
"""A JPA superclass or embeddable with a stray ``@Table`` maps no table of its own (Shopizer's
deprecated ``AbstractUserConnectionWithCompositeKey``)."""
RELATIONAL_TABLE = f"{RELATIONAL_MAPPING}.Table"
"""Spring Data JDBC's and R2DBC's ``@Table``: an entity without ``@Entity``."""
MANAGER_GETTERS = frozenset(
    {"getEntityManager()", "getSession()", "getCurrentSession()", "getHibernateTemplate()"}
)
"""Argument-less calls (inherited from Spring's DAO support classes) that return one."""
ENTITY_OPERATIONS = {
    "persist": Access.WRITE,
    "merge": Access.WRITE,
    "remove": Access.WRITE,
    "save": Access.WRITE,
    "update": Access.WRITE,
    "saveOrUpdate": Access.WRITE,
    "delete": Access.WRITE,
    "find": Access.READ,
    "getReference": Access.READ,
    "get": Access.READ,
    "load": Access.READ,
    "refresh": Access.READ,
    "insert": Access.WRITE,
    "upsert": Access.WRITE,
    "updateFirst": Access.WRITE,
    "updateMulti": Access.WRITE,
    "findAndModify": Access.WRITE,
    "findAndRemove": Access.WRITE,
    "createUpdateOperations": Access.WRITE,
    "findById": Access.READ,
    "findOne": Access.READ,
    "findAll": Access.READ,
    "exists": Access.READ,
    "count": Access.READ,
    "createQuery": Access.READ,
}
"""Entity manager, session, template and datastore methods taking the entity or its class
(its class may come after a query: ``mongoTemplate.find(query, Order.class)``)."""


def _managers(members: Iterable[Member]) -> set[str]:
    """Names of the variables among ``members`` that hold an entity manager or a session."""
    return {v.name for v in members if v.type_refs and _short(v.type_refs[0]) in ENTITY_MANAGERS}


def _split(raw: str | None) -> list[str]:
    return [p.strip() for p in (raw or "").split(",") if p.strip()]


def _sent_to(call: Call, constants: Mapping[str, str]) -> str | None:
    """The queue or topic a send or lookup call names: its first argument when that is one of
    the class's string constants (``convertAndSend(AUDIT, ..)``), else its first string
    literal."""
    first = call.operands[0] if call.operands else ""
    return constants.get(first) or (call.strings[0] if call.strings else None)


def _destination_beans(variables: Iterable[Member], scope: Scope) -> dict[str, str]:
    """Variable name -> the id of the destination bean it holds, for each variable of a JMS
    destination type (by its import or qualified name: a ``java.util.Queue`` or a forum's
    ``Topic`` entity is none): its ``@Resource(name = ..)`` or ``@Qualifier(..)``, else its
    own name."""
    out = {}
    for v in variables:
        if not any(_jms_type(r, scope) for r in v.type_refs[:1]):
            continue
        out[v.name] = v.name
        for a in v.annotations:
            key = {"Resource": "name", "Qualifier": "value"}.get(_short(a.name))
            if key and (named := a.get(key)):
                out[v.name] = named.strip()
    return out


JMS_PACKAGES = ("javax.jms.", "jakarta.jms.", "org.apache.activemq.")


def _jms_type(name: str, scope: Scope) -> bool:
    """``name`` is one of :data:`DESTINATION_TYPES` of a JMS package: qualified so, imported
    from one, or brought in by an on-demand import of one."""
    if _short(name) not in DESTINATION_TYPES:
        return False
    full = name if "." in name else scope.single.get(name, "")
    if full:
        return full.startswith(JMS_PACKAGES)
    return any(f"{w}.".startswith(JMS_PACKAGES) for w in scope.wildcards)


def _destination(t: TypeDecl, a: Annotation) -> str:
    """The queue or topic a message-driven bean listens to: its ``destinationLookup`` or
    ``destination`` activation property, else its ``mappedName``, else ``?`` (a deployment
    descriptor names it)."""
    properties = {
        x.get("propertyName"): x.get("propertyValue")
        for x in t.annotations
        if _short(x.name) == "ActivationConfigProperty"
    }
    return str.strip(
        properties.get("destinationLookup")
        or properties.get("destination")
        or a.get("mappedName")
        or "?"
    )


def _schedule(a: Annotation) -> str:
    """How a scheduled job's endpoint shows its schedule: Spring's ``cron``, ``fixedRate``,
    ``fixedDelay`` (or their ``*String`` forms), else every element of EJB's ``@Schedule``
    (``schedule hour=2 minute=30``), else ``?`` (a computed schedule)."""
    unit = a.get("timeUnit")
    for key, shown in SCHEDULE_ELEMENTS:
        if value := a.get(key):
            return shown.format(value).replace(" ms", f" {_short(unit)}" if unit else " ms")
    fields = [f"{k}={v}" for k, v in a.attrs if k in EJB_SCHEDULE_FIELDS]
    if _short(a.name) == "Schedule" and fields:
        return "schedule " + " ".join(fields)
    return "?"


def _paths(a: Annotation) -> list[str]:
    """The paths an annotation maps, an empty one among others included (JeeSite's
    ``@RequestMapping({"list", ""})`` also serves the controller's own path)."""
    raw = a.get("value") or a.get("path") or ""
    return [p.strip() for p in raw.split(",")] if raw.strip() else []


def _verbs(a: Annotation) -> str:
    raw = a.get("method")
    if not raw:
        return "ANY"
    return ",".join(_short(v.strip()) for v in raw.split(",") if v.strip())


def join_paths(prefix: str, path: str) -> str:
    """``/app`` and ``register/`` -> ``/app/register``; empty parts are dropped."""
    joined = "/".join(s.strip("/") for s in (prefix, path) if s.strip("/"))
    return "/" + joined


__all__ = ["JavaFacts", "bean_name_for", "build_java_facts", "join_paths"]
