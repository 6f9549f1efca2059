"""Links between the Java code and what configuration says about it.

* :func:`link_tables`: which class reads or writes which table, through mapper statement ids
  (with or without their namespace: iBatis 2 without ``useStatementNamespaces`` calls
  ``queryForList("getProductList")``), MyBatis mapper interfaces, SQL/JPQL/HQL strings in the
  code, JPA entities, Hibernate ``hbm.xml``, JPA ``orm.xml`` and EJB 2 ``ejb-jar.xml`` entity
  mappings and Spring Data repositories.
* :func:`entry_points`: the request paths each class serves, from annotations (collected by
  :mod:`.java_model`), web.xml servlets, Struts actions and Spring XML URL mappings.
* :func:`message_links`: which class sends to the queue or topic another class listens to.
* :func:`view_names`: the strings of each class that may name a view, plus the views Struts
  actions forward to and the pages a Tiles definition or view-alias key stands for.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from msadecomp.ingest.java_model import JavaFacts, join_paths
from msadecomp.ingest.named_files import BOOT_SETTINGS, setting_entries
from msadecomp.ingest.sql_tables import looks_like_sql, tables_in
from msadecomp.ingest.web_config import Action
from msadecomp.ingest.xml_config import Servlet, XmlFacts
from msadecomp.model import (
    ASYNC_VERBS,
    BEAN_VIA,
    JPA_ENTITY,
    MESSAGE_VERBS,
    MONGO_COLLECTION,
    MONGO_DOCUMENT,
    MYBATIS_PLUS_ENTITY,
    TABLE_CLASS,
    Access,
    Dependency,
    DepKind,
    Diagnostic,
    Endpoint,
    JavaType,
    Severity,
    SourceRef,
    SqlStatement,
    TableAccess,
    TypeKind,
)

_HQL_FROM = re.compile(
    r"^\s*(?i:from)\s+(?P<entity>(?:[a-z_]\w*\.)*[A-Z]\w*)(\s+((?i:as)\s+)?[A-Za-z_]\w*)?"
    r"(\s|$)"
)
"""HQL/JPQL may start at FROM; what follows names an entity class (``from Order o``,
``from shop.Order``), so log text like ``" from url "`` is no query; nor is ``" from Thread "``
where the name is neither an entity nor a table the DDL declares (nor, with no DDL at all,
followed by nothing or by what goes on no query: see :func:`_goes_on_as_query`)."""
_QUALIFIED = re.compile(
    r"(?:(?i:\b(?:from|join|update|delete|into))\s+|,\s*)"
    r"(?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)(?![\w$(.])"
)
"""A dotted name where JPQL names an entity (after ``FROM``, ``JOIN``, ``UPDATE``, ``DELETE``,
``INTO`` or a comma of a ``FROM`` list): a class's full name, ``FROM org.shop.domain.SkuImpl
s``; not a constructor expression's class, ``select new shop.dto.Customer(c.name) from
Customer c``, which had hidden the entity ``Customer``'s table."""
_CLAUSE = (
    r"(?i:where|(?:(?:left|right|full)(?:\s+outer)?|inner|cross)\s+join|join|(?:order|group)\s+by"
    r"|having|fetch|limit|union|except|intersect|minus|for\s+update)\b"
)
_ALIAS = re.compile(rf"\s+(?:(?i:as)\s+)?(?!{_CLAUSE})[A-Za-z_]\w*")
_GOES_ON = re.compile(rf"\s*(?:[,);]|/\*|{_CLAUSE})")


def _goes_on_as_query(rest: str) -> bool:
    """Whether the text after an unknown entity name goes on as a query: an optional alias,
    then a clause, a comma, a semicolon or a comment (``o where o.id = ?``, ``left join fetch
    ...``, ``o for update``), not OFBiz's messages ``"From Date not formatted correctly."``,
    ``"From Map (...)"``, ``"From Group -"``.

    >>> [_goes_on_as_query(r) for r in (" a where a.id = 1", " where x", ", Leg l", " o;")]
    [True, True, True, True]
    >>> [_goes_on_as_query(r) for r in (" o for update", " o intersect select 1")]
    [True, True]
    >>> [_goes_on_as_query(r) for r in (" not set", " in order to", " full list", " group")]
    [False, False, False, False]
    """
    alias = _ALIAS.match(rest)
    return _GOES_ON.match(rest[alias.end() :] if alias else rest) is not None


_REPOSITORY_VIA = {
    MYBATIS_PLUS_ENTITY: "MyBatis-Plus mapper",
    TABLE_CLASS: "generic MyBatis mapper",
    MONGO_DOCUMENT: "Spring Data MongoDB repository",
}
"""How a repository of an entity mapped this way says it reaches the table (else Spring Data)."""
DEFAULT_VIA = "repository of an unmapped class (default table name)"
"""How a repository or generic mapper reaches the declared table its class is named for when
nothing maps the class: ``SysConfig`` in ``SYS_CONFIG``, as MyBatis-Plus, tk.mybatis and
Spring's naming strategies name it by default."""


def _statement_index(statements: Sequence[SqlStatement]) -> dict[str, list[SqlStatement]]:
    by_id: dict[str, list[SqlStatement]] = defaultdict(list)
    for s in statements:
        by_id[s.id].append(s)
        if s.namespace and not s.id.startswith(f"{s.namespace}."):
            by_id[f"{s.namespace}.{s.id}"].append(s)
    # a statement id counts once however many copies of its mapper there are (a WAR's
    # WEB-INF/classes beside the sources): JPetStore 5's copies had left every DAO unlinked
    bare = Counter(full.rpartition(".")[2] for full in {s.id for s in statements if "." in s.id})
    for s in statements:
        short = s.id.rpartition(".")[2]
        if "." in s.id and bare[short] == 1 and short not in by_id:
            by_id[short].append(s)  # iBatis 2 without statement namespaces
    return by_id


def link_tables(
    java: JavaFacts,
    xml: XmlFacts,
    dialect: str | None = None,
    declared: Iterable[str] = (),
    diagnostics: list[Diagnostic] | None = None,
) -> list[TableAccess]:
    """Table accesses: statement ids used in DAO code, mapper interfaces, embedded SQL
    (read in ``dialect``, sqlglot's name of the system's database), entity mappings. An
    entity's table is the ``declared`` one (in DDL) it names with underscores left out, when
    the name itself is not declared: Spring Boot's naming strategy stores the entity
    ``IdGenerator`` (no ``@Table``) in ``id_generator``."""
    declared = set(declared)
    physical = _physical_names(declared)
    statements = xml.statements
    by_id = _statement_index(statements)
    out: dict[tuple[str, str, Access], TableAccess] = {}

    def add(
        source: str,
        stmt_reads: Iterable[str],
        stmt_writes: Iterable[str],
        ref: SourceRef,
        via: str,
    ) -> None:
        for table in stmt_writes:
            out.setdefault(
                (source, table, Access.WRITE), TableAccess(source, table, Access.WRITE, ref, via)
            )
        for table in stmt_reads:
            out.setdefault(
                (source, table, Access.READ), TableAccess(source, table, Access.READ, ref, via)
            )

    types: dict[str, JavaType] = {t.fqn: t for t in java.types}
    mapped = {m.cls: m for m in xml.entities if m.cls in types}
    stored = {t.fqn: physical(t.entity_table) for t in java.types if t.entity_table}
    stored.update({cls: physical(m.table) for cls, m in mapped.items()})
    entity_names = {fqn.rpartition(".")[2].upper(): name for fqn, name in stored.items()}
    entity_names.update(
        (named, stored[fqn]) for named, fqn in java.entity_names.items() if fqn in stored
    )

    resolved = _entity_tables(types, java.dependencies, stored)

    def query(source: str, text: str, ref: SourceRef, via: str) -> None:
        hql = _HQL_FROM.match(text)
        if hql is None and not looks_like_sql(text):
            return
        # JPQL may name an entity by its class's full name (an interface's too, Hibernate's
        # polymorphic queries): the type's table, or no table for a type that has none
        qualified = {
            name.rpartition(".")[2].upper(): resolved.get(name, "")
            for m in _QUALIFIED.finditer(text)
            if (name := m.group("name")) in types
        }

        def table(name: str) -> str:
            if name in qualified:
                return qualified[name]
            return entity_names.get(name, name)  # JPQL names entities, not tables

        if hql:
            name = hql.group("entity").rpartition(".")[2].upper()
            known = name in entity_names or name in declared or bool(qualified.get(name))
            if not known and (declared or not _goes_on_as_query(text[hql.end("entity") :])):
                return  # log text: OpenKM's " from Thread " names no entity or table
            text = "SELECT 1 " + text  # HQL/JPQL and SQL fragments may start at FROM
        if looks_like_sql(text):
            use = tables_in(text, dialect)
            reads = filter(None, map(table, use.reads))
            add(source, reads, filter(None, map(table, use.writes)), ref, via)

    named: dict[str, list[str]] = defaultdict(list)
    for qname, text, _ in (*java.named_queries, *xml.named_queries):
        named[qname].append(text)
    for source, strings in java.strings.items():
        for text, ref in strings:
            for stmt in by_id.get(text, ()):
                add(source, stmt.reads, stmt.writes, ref, stmt.id)
            for jpql in named.get(text, ()):  # em.createNamedQuery("Cargo.findAll")
                query(source, jpql, ref, f"named query {text}")
            if text not in by_id and text not in named:
                query(source, text, ref, "embedded SQL")
    for t in java.types:
        if t.entity_table:
            via = t.entity_mapping or JPA_ENTITY
            joins = map(physical, t.join_tables)
            add(t.fqn, (), (physical(t.entity_table), *joins), t.source, via)
    for cls, m in sorted(mapped.items()):
        add(cls, (), (stored[cls],), m.source, m.via)
    for repository, entity in java.repositories.items():
        target = types.get(entity)
        if target is not None and not target.entity_table:
            if repository in java.generic_daos:
                continue  # its own generic DAO's SQL says the table (JeeSite's CrudDao mappers)
            default = physical(target.simple_name.upper())  # (the naming strategies' default)
            if default in declared:  # OneBlog's SysConfigMapper extends Mapper<SysConfig>
                add(repository, (default,), (default,), types[repository].source, DEFAULT_VIA)
        elif target is not None and target.entity_table:
            name = physical(target.entity_table)
            dao = java.generic_daos.get(repository)
            add(
                repository,
                (name,),
                (name,),
                types[repository].source,
                f"generic DAO {dao}"
                if dao
                else _REPOSITORY_VIA.get(target.entity_mapping or "", "Spring Data repository"),
            )
    for source, entity, access, ref, via in java.entity_operations:
        if table_name := resolved.get(entity):
            reads, writes = ((), (table_name,)) if access is Access.WRITE else ((table_name,), ())
            add(source, reads, writes, ref, via)
    for source, name, ref in java.collections:
        add(source, (name,), (name,), ref, MONGO_COLLECTION)
    for source, name, ref, bean in java.bean_tables:
        add(source, (), (name,), ref, BEAN_VIA + bean)
    parents: dict[str, list[str]] = defaultdict(list)
    for d in java.dependencies:
        if d.kind is DepKind.EXTENDS and d.target in types:
            parents[d.source].append(d.target)
    interfaces: dict[str, list[str]] = defaultdict(list)
    for t in java.types:
        if t.kind == TypeKind.INTERFACE:
            interfaces[t.simple_name].append(t.fqn)
    for ns, where in sorted({s.namespace: s.source for s in reversed(statements)}.items()):
        fqn = ns if ns in types else _stale_namespace(ns, interfaces)
        mapper = types.get(fqn or "")
        if fqn is None or mapper is None or mapper.kind != TypeKind.INTERFACE:
            continue
        if fqn != ns and diagnostics is not None:
            diagnostics.append(
                Diagnostic(
                    Severity.WARNING,
                    "mapper.stale-namespace",
                    f"mapper namespace {ns} names no class: read as the mapper interface "
                    f"{fqn}, whose name ends with it (MyBatis would not bind it)",
                    SourceRef(where.path, where.line),
                )
            )
        for method in _inherited_methods(fqn, types, parents):
            for stmt in by_id.get(f"{ns}.{method}", ()):
                add(fqn, stmt.reads, stmt.writes, mapper.source, stmt.id)
    return sorted(out.values(), key=lambda a: (a.source, a.table, a.access.value))


def _entity_tables(
    types: Mapping[str, JavaType], dependencies: Iterable[Dependency], stored: Mapping[str, str]
) -> dict[str, str]:
    """Entity class -> its table, and interface -> the table of the entity classes that
    implement it (directly, through a subinterface or a superclass) when they all live in one
    table: ``em.merge(order)`` of an ``Order`` that only the entity ``OrderImpl`` implements
    writes ``OrderImpl``'s table; an interface two tables' entities implement is left out."""
    subtypes: dict[str, set[str]] = defaultdict(set)
    for d in dependencies:
        if d.kind in (DepKind.EXTENDS, DepKind.IMPLEMENTS):
            subtypes[d.target].add(d.source)
    out = dict(stored)
    for t in types.values():
        if t.kind != TypeKind.INTERFACE or t.fqn in out:
            continue
        tables: set[str] = set()
        stack, seen = [t.fqn], {t.fqn}
        while stack:
            for sub in subtypes.get(stack.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    stack.append(sub)
                    if sub in stored:
                        tables.add(stored[sub])
        if len(tables) == 1:
            out[t.fqn] = tables.pop()
    return out


def _stale_namespace(ns: str, interfaces: Mapping[str, Sequence[str]]) -> str | None:
    """The one interface whose name ends with a mapper namespace naming no class
    (``egovframework.com.mip.mva.sp.comm.dao.TrxInfoDAO`` for ``mip.mva.sp.comm.dao.TrxInfoDAO``:
    eGovFrame's MSA common components moved the interface, not its mapper files)."""
    if "." not in ns:
        return None
    found = [f for f in interfaces.get(ns.rpartition(".")[2], ()) if f.endswith("." + ns)]
    return found[0] if len(found) == 1 else None


def _inherited_methods(
    fqn: str, types: dict[str, JavaType], parents: dict[str, list[str]]
) -> set[str]:
    """The methods of ``fqn`` and of the project interfaces it extends, however far up: a
    JeeSite DAO declaring nothing (``GuestbookDao extends CrudDao<Guestbook>``) still runs the
    ``get``, ``findList`` and ``insert`` statements of its own mapper namespace."""
    methods: set[str] = set()
    seen: set[str] = set()
    todo = [fqn]
    while todo:
        cur = todo.pop()
        if cur not in seen:
            seen.add(cur)
            methods.update(types[cur].methods)
            todo.extend(parents.get(cur, ()))
    return methods


def _physical_names(declared: Iterable[str]) -> Callable[[str], str]:
    """``name`` -> the declared table it stands for: itself when declared (or nothing is),
    else the one declared table spelled the same without underscores (``IDGENERATOR`` ->
    ``ID_GENERATOR``)."""
    tables = set(declared)
    squeezed: dict[str, list[str]] = defaultdict(list)
    for t in tables:
        squeezed[t.replace("_", "")].append(t)

    def physical(name: str) -> str:
        found = squeezed.get(name.replace("_", ""), [])
        return found[0] if name not in tables and len(found) == 1 else name

    return physical


def destination_key(name: str) -> str:
    """A queue or topic name without its JNDI context: ``java:comp/env/jms/TradeBrokerQueue``,
    ``jms/TradeBrokerQueue`` and ``TradeBrokerQueue`` are one destination."""
    return re.split(r"[/:]", name.strip())[-1]


def bean_destinations(java: JavaFacts, xml: XmlFacts) -> list[tuple[str, str, SourceRef]]:
    """(class, queue or topic, where) for each send to a destination bean Spring XML declares:
    xmall's ``ItemServiceImpl`` sends to ``itemAddTopic`` through its ``topicDestination``."""
    return [
        (src, name, ref)
        for src, bean, ref in java.destination_beans
        if (name := xml.destination_beans.get(bean))
    ]


def message_links(java: JavaFacts, endpoints: Sequence[Endpoint]) -> list[Dependency]:
    """``message`` dependencies from each class sending to or looking up a queue or topic some
    listener consumes (``jmsTemplate.convertAndSend("orders", ..)``,
    ``context.lookup("java:comp/env/jms/TradeBrokerQueue")``, an injected
    ``@Resource(lookup = "java:app/jms/CargoHandledQueue")``) to each listener of it, one per
    destination: cargotracker's application events to four of its five consumers. Other strings
    equal to a destination (a request path, a view name, a listener's own annotation) send
    nothing."""
    listeners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in endpoints:
        if e.http_method in MESSAGE_VERBS and e.path != "?":
            listeners[destination_key(e.path)].add((e.handler.partition("#")[0], e.path))
    out: dict[tuple[str, str, str], Dependency] = {}
    for src, text, ref in java.destinations:
        for consumer, path in sorted(listeners.get(destination_key(text), ())):
            if consumer == src:
                continue
            out.setdefault(
                (src, consumer, path), Dependency(src, consumer, DepKind.MESSAGE, ref, path)
            )
    return [out[k] for k in sorted(out)]


SPRING_DISPATCHER = "org.springframework.web.servlet.DispatcherServlet"
FRAMEWORKS = ("org.springframework.", "net.sourceforge.stripes.", "org.apache.struts")
"""Packages whose other ``*DispatcherServlet`` classes are no Spring MVC dispatcher (Spring
Web Services' ``MessageDispatcherServlet``, Stripes' ``DispatcherServlet``)."""
BOOT_SERVLET_PATH_KEYS = frozenset(
    {"spring.mvc.servlet.path", "server.servlet.path", "server.servlet-path"}
)
"""Spring Boot's setting of the path its dispatcher servlet is mapped to (2.x, 1.x)."""


def boot_servlet_paths(files: Iterable[tuple[str, bytes]]) -> set[str]:
    """The dispatcher paths the Spring Boot settings files (``application*.properties``,
    ``application*.yml``) of ``files`` (path, data) set.

    >>> boot_servlet_paths([("a/application.properties", b"spring.mvc.servlet.path /api")])
    {'/api'}
    """
    out = set()
    for path, data in files:
        name = path.rpartition("/")[2]
        if BOOT_SETTINGS.fullmatch(name):
            for key, value, _ in setting_entries(name, data.decode("utf-8", "replace")):
                if key in BOOT_SERVLET_PATH_KEYS:
                    out.add("/" + value.strip().strip("/"))
    return out


def dispatcher_prefix(servlets: Iterable[Servlet], boot_paths: Iterable[str] = ()) -> str:
    """The path under which Spring MVC's dispatcher servlet serves its controllers: Tudu
    Lists maps it to ``/tudu/*`` in ``web.xml``, so ``@RequestMapping("/register")`` answers
    ``/tudu/register``. Only one dispatcher (a ``web.xml`` copied into two folders counts
    once) mapped to one ``/prefix/*`` pattern says so (with several, which controllers each
    serves is in their own contexts); without one in ``web.xml``, Spring Boot's
    ``spring.mvc.servlet.path`` does when every properties file setting it agrees.

    >>> web = [Servlet("d", SPRING_DISPATCHER, ("/app/*",), SourceRef("web.xml"))]
    >>> dispatcher_prefix(web), dispatcher_prefix([], ["/api"]), dispatcher_prefix([], ["/", "/a"])
    ('/app', '/api', '')
    """
    dispatchers = {
        (s.cls, frozenset(p.strip() for p in s.patterns))
        for s in servlets
        if s.cls == SPRING_DISPATCHER
        or (
            s.cls.rpartition(".")[2].endswith("DispatcherServlet")
            and not s.cls.startswith(FRAMEWORKS)
        )
    }
    if dispatchers:
        if len(dispatchers) != 1:
            return ""
        ((_, patterns),) = dispatchers
        prefixes = {p[:-2].rstrip("/") for p in patterns if p.startswith("/") and p.endswith("/*")}
        return prefixes.pop() if len(prefixes) == len(patterns) == 1 else ""
    paths = sorted(set(boot_paths))
    if len(paths) != 1 or any(c in paths[0] for c in "$*{\\ "):
        return ""
    return paths[0].rstrip("/")


def entry_points(java: JavaFacts, xml: XmlFacts, boot_paths: Iterable[str] = ()) -> list[Endpoint]:
    """Endpoints of annotations, web.xml servlets, Struts actions, XML URL mappings and
    ``ejb-jar.xml`` message-driven beans whose class is a project class (for a Struts 1 action
    of a framework class, its form bean's). Spring MVC's request mappings sit under the
    dispatcher servlet's path (:func:`dispatcher_prefix`)."""
    known = {t.fqn for t in java.types}
    prefix = dispatcher_prefix(xml.servlets, boot_paths)
    beans = {b.id: b.cls for b in xml.beans}
    beans.update({t.bean_name: t.fqn for t in java.types if t.bean_name})
    # a message-driven bean ejb-jar.xml declares listens where it says (the descriptor
    # overrides the bean's annotation)
    declared = {e.handler for e in xml.listeners if e.handler.partition("#")[0] in known}
    out = [
        replace(e, path=join_paths(prefix, e.path))
        if prefix
        and e.handler.partition("#")[0] in java.mvc_handlers
        and e.http_method not in ASYNC_VERBS
        else e
        for e in java.endpoints
        if not (e.http_method == "JMS" and e.handler in declared)
    ]
    out += [e for e in xml.listeners if e.handler in declared]
    out += _spring_listeners(xml, known, beans, out)
    out += [
        Endpoint(pattern, "ANY", f"{s.cls}#service", s.source)
        for s in xml.servlets
        if s.cls in known
        for pattern in s.patterns
    ]

    for a in xml.actions:
        cls = _handler(a, known, beans)
        if cls:
            # a form bean runs the method the path names (BeanAction: /shop/viewCategory.do)
            method = a.method if cls != a.form else a.path.rpartition("/")[2].partition(".")[0]
            path = join_paths(prefix, a.path) if a.dispatched and prefix else a.path
            out.append(Endpoint(path, "ANY", f"{cls}#{method}", a.source))
            base, dot, suffix = a.path.rpartition(".")
            out += [
                Endpoint(f"{base}!{m}{dot}{suffix}", "ANY", f"{cls}#{m}", a.source)
                for m in a.methods
            ]
    return out


def _spring_listeners(
    xml: XmlFacts, known: set[str], beans: Mapping[str, str], found: Sequence[Endpoint]
) -> list[Endpoint]:
    """``JMS`` endpoints of the listeners Spring XML wires to a project class (by its bean id,
    declared in XML or by an annotated component, or an inner bean's class), listening to the
    queue or topic the container names or its destination bean does (``?`` if neither);
    one the class already has (an XML file copied into two modules) counts once."""
    out: dict[tuple[str, str], Endpoint] = {}
    seen = {(e.path, e.handler) for e in found if e.http_method == "JMS"}
    for x in xml.spring_listeners:
        cls = x.cls or beans.get(x.bean, "")
        if cls not in known:
            continue
        path = x.destination or xml.destination_beans.get(x.destination_bean, "") or "?"
        key = (path, f"{cls}#{x.method}")
        if key not in seen:
            out.setdefault(key, Endpoint(path, "JMS", key[1], x.source))
    return list(out.values())


def _handler(action: Action, known: set[str], beans: dict[str, str]) -> str:
    """The project class handling ``action``: its class or bean, else the Struts 1 form bean
    a framework action class outside the project dispatches to; ``""`` if none."""
    cls = action.cls or beans.get(action.bean, "")
    if cls in known:
        return cls
    return action.form if action.form in known else ""


def view_names(java: JavaFacts, xml: XmlFacts) -> dict[str, list[tuple[str, SourceRef]]]:
    """Per class, the strings that may name a view: its own, plus its Struts results; a Tiles
    definition name or a view-alias key among them adds the pages it stands for."""
    out: dict[str, list[tuple[str, SourceRef]]] = {k: list(v) for k, v in java.strings.items()}
    known = {t.fqn for t in java.types}
    for a in xml.actions:
        cls = _handler(a, known, {}) or a.cls
        if cls:
            out.setdefault(cls, []).extend((view, a.source) for view in a.views)
    if xml.view_aliases:
        aliases = xml.view_aliases
        for texts in out.values():
            texts.extend(
                (page, ref) for text, ref in list(texts) for page in aliases.get(text, ())
            )
    return out
