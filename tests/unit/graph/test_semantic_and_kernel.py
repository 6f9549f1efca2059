"""Identifier similarity and shared-kernel detection."""

import networkx as nx

from msadecomp.graph.kernel import KernelSettings, detect_kernel, shared_bases
from msadecomp.graph.semantic import similar_pairs, terms


def test_terms_split_identifiers_and_drop_technical_words() -> None:
    assert terms("selectComplaintAnswerList") == ["complaint", "answer"]
    assert terms("RSV_RESERVATION_ID") == ["rsv", "reservation"]
    assert terms("getHTTPStatus") == ["http", "status"]
    # Spring wiring names every configuration alike: "configuration" ties no two contexts
    assert terms("ConsumerServiceConfiguration") == ["consumer"]
    assert terms("CommonJsonMapperInitializer") == ["common", "json"]


def test_similar_documents_pair_up() -> None:
    docs = {
        "A": ["complaint", "answer", "deadline"],
        "B": ["complaint", "answer", "handler"],
        "C": ["payment", "refund", "amount"],
        "D": ["payment", "refund", "card"],
        "E": ["facility", "holiday"],
        "F": ["facility", "reservation"],
    }
    pairs = similar_pairs(docs, top_k=1, threshold=0.2, max_df=0.5)
    assert set(pairs) == {("A", "B"), ("C", "D"), ("E", "F")}
    assert all(0 < s <= 1 for s in pairs.values())


def _hub_graph(hub_label: str, hub_package: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("hub", kind="class", label=hub_label, package=hub_package)
    for i in range(8):
        n = f"p{i}.C"
        g.add_node(n, kind="class", label=f"C{i}", package=f"p{i}")
        g.add_edge(n, "hub", key="call", kind="call", count=1)
    return g


def test_technical_hub_is_kernel() -> None:
    (k,) = detect_kernel(_hub_graph("EgovStringUtil", "app.cmm"))
    assert k.fqn == "hub" and k.packages == 8 and "technical name" in k.reason


def test_a_domain_class_is_never_kernel_however_widely_used() -> None:
    """Issue 7: core entities used from everywhere stay with their context."""
    assert detect_kernel(_hub_graph("Order", "app.order")) == []  # 8 of 8 packages, plain name
    service = _hub_graph("CommonCodeService", "app.common")
    service.nodes["hub"]["layer"] = "service"
    assert detect_kernel(service) == []
    entity = _hub_graph("CommonCode", "app.common")
    entity.nodes["hub"]["stereotype"] = "entity"
    assert detect_kernel(entity) == []


def test_a_class_with_data_of_its_own_is_not_kernel() -> None:
    g = _hub_graph("CodeUtil", "app.util")
    g.add_node("table:CODE", kind="table", label="CODE", package="")
    g.add_edge("hub", "table:CODE", key="read", kind="read", count=1)
    assert detect_kernel(g) == []


def test_a_part_of_one_aggregate_is_not_kernel_however_technical_its_package() -> None:
    """SpringBlog's PostStatus enum, in models.support, is what a Post holds."""
    g = _hub_graph("PostStatus", "app.models.support")
    assert [k.fqn for k in detect_kernel(g)] == ["hub"]  # a support package alone: kernel
    g.add_node("app.models.Post", kind="class", label="Post", package="app.models")
    g.add_edge("app.models.Post", "hub", key="composes", kind="composes", count=1)
    assert detect_kernel(g) == []


def test_what_a_mapper_stores_is_not_kernel_however_technical_its_package() -> None:
    """RuoYi's SysUser lives in com.ruoyi.common.core.domain.entity; SysUserMapper keeps it."""
    g = _hub_graph("SysUser", "app.common.core.domain.entity")
    assert [k.fqn for k in detect_kernel(g)] == ["hub"]
    g.add_node("app.mapper.SysUserMapper", kind="class", label="SysUserMapper", package="m")
    g.add_edge("app.mapper.SysUserMapper", "hub", key="stores", kind="stores", count=1)
    assert detect_kernel(g) == []


def test_a_row_the_stores_of_one_entity_take_and_return_is_not_kernel() -> None:
    """RealWorld's FollowRelation, in io.spring.core.user, is saved, found and removed through
    the user repository and its mapper: the user context's data. A criteria object only given
    to a store, or a collaborator a store holds as a field, stays a utility."""

    def with_stores(*edges: tuple[str, str]) -> nx.MultiDiGraph:
        g = _hub_graph("FollowRelation", "app.core.user")
        for store, kind in edges:
            g.add_node(store, kind="class", label=store, package="app.infra", layer="persistence")
            g.add_edge(store, "hub", key=kind, kind=kind, count=1)
        return g

    kept = with_stores(("UserRepository", "param"), ("UserMapper", "return"))
    assert detect_kernel(kept) == []
    assert [k.fqn for k in detect_kernel(with_stores(("UserRepository", "param")))] == ["hub"]
    two_entities = with_stores(("UserRepository", "param"), ("ArticleMapper", "return"))
    assert [k.fqn for k in detect_kernel(two_entities)] == ["hub"]
    held = with_stores(("UserDao", "param"), ("UserDao", "return"), ("UserDao", "field"))
    assert [k.fqn for k in detect_kernel(held)] == ["hub"]


def test_a_helper_named_for_the_data_its_store_keeps_is_not_kernel() -> None:
    """JForum's TopicsCommon, used from all over, works on topics through TopicDAO: it is the
    topic context's behaviour. A FileUtils looking a MIME type up through MimeTypeDAO, or a
    helper calling a Jackson JsonMapper, stays a utility."""

    def helper_calling(helper: str, store: str) -> nx.MultiDiGraph:
        g = _hub_graph(helper, "app.view.common")
        g.add_node("app.dao." + store, kind="class", label=store, package="app.dao")
        g.nodes["app.dao." + store]["layer"] = "persistence"
        g.add_edge("hub", "app.dao." + store, key="call", kind="call", count=1)
        return g

    assert detect_kernel(helper_calling("TopicsCommon", "TopicDAO")) == []
    assert detect_kernel(helper_calling("UserUtils", "UserDao")) == []
    assert detect_kernel(helper_calling("EgovUserUtils", "EgovUserDAO")) == []
    assert detect_kernel(helper_calling("CategoriesHelper", "CategoryMapper")) == []
    assert [k.fqn for k in detect_kernel(helper_calling("FileUtils", "MimeTypeDAO"))] == ["hub"]
    entity = helper_calling("PollCommon", "VoteDAO")  # named for an entity it holds
    assert [k.fqn for k in detect_kernel(entity)] == ["hub"]
    entity.add_node("app.entities.Poll", kind="class", label="Poll", package="app.entities")
    entity.nodes["app.entities.Poll"]["stereotype"] = "entity"
    entity.add_edge("hub", "app.entities.Poll", key="import", kind="import", count=1)
    assert [k.fqn for k in detect_kernel(entity)] == ["hub"]  # named for it, only imports it
    entity.add_edge("hub", "app.entities.Poll", key="new", kind="new", count=1)
    assert detect_kernel(entity) == []
    party = helper_calling("PartUtils", "VoteDAO")  # Part is no Party
    party.add_node("app.entities.Party", kind="class", label="Party", package="app.entities")
    party.nodes["app.entities.Party"]["stereotype"] = "entity"
    party.add_edge("hub", "app.entities.Party", key="new", kind="new", count=1)
    assert [k.fqn for k in detect_kernel(party)] == ["hub"]
    json_mapper = helper_calling("JsonUtils", "JsonMapper")
    json_mapper.nodes["app.dao.JsonMapper"]["layer"] = "other"
    assert [k.fqn for k in detect_kernel(json_mapper)] == ["hub"]


def test_the_sequence_an_injected_id_generator_writes_is_no_data_of_its_own() -> None:
    """eGovFrame's EgovFileMngUtil gets file ids from a generator writing COMTECOPSEQ."""
    g = _hub_graph("FileMngUtil", "app.util")
    g.add_node("table:SEQ", kind="table", label="SEQ", package="")
    g.add_edge("hub", "table:SEQ", key="write", kind="write", count=1, generated=True)
    assert [k.fqn for k in detect_kernel(g)] == ["hub"]


def test_abstract_base_of_a_domain_layer_is_kernel() -> None:
    g = _hub_graph("EgovComAbstractDAO", "app.cmm.service.impl")
    g.nodes["hub"]["layer"] = "persistence"
    (k,) = detect_kernel(g)
    assert "no data of its own" in k.reason


def test_settings_include_exclude_and_disable() -> None:
    g = _hub_graph("EgovStringUtil", "app.cmm")
    assert detect_kernel(g, KernelSettings(exclude=("hub",))) == []
    off = detect_kernel(g, KernelSettings(enabled=False, include=("p1.C",)))
    assert [k.fqn for k in off] == ["p1.C"]
    # patterns with * and ?, as docs/configuration.md says
    assert detect_kernel(g, KernelSettings(exclude=("h*",))) == []
    wide = detect_kernel(g, KernelSettings(exclude=("hub",), include=("p?.*",)))
    assert [k.fqn for k in wide] == [f"p{i}.C" for i in range(8)]
    off = detect_kernel(g, KernelSettings(enabled=False, include=("p[12].*",)))
    assert [k.fqn for k in off] == ["p1.C", "p2.C"]
    off = detect_kernel(g, KernelSettings(enabled=False, include=("p*",), exclude=("p1.C",)))
    assert [k.fqn for k in off] == [f"p{i}.C" for i in range(8) if i != 1]


def test_terms_shared_by_very_many_classes_take_no_part_in_pairing() -> None:
    from msadecomp.graph import semantic

    docs = {f"C{i:04}": ["everywhere", f"own{i}"] for i in range(semantic.MAX_POSTINGS + 1)}
    docs.update({"A": ["complaint", "answer"], "B": ["complaint", "answer"]})
    pairs = similar_pairs(docs, max_df=1.0)
    assert set(pairs) == {("A", "B")}


def _model_class(g: nx.MultiDiGraph, fqn: str, mapped: bool = False) -> None:
    """A model-layer class node: a JPA mapped superclass, or else an entity."""
    package, _, label = fqn.rpartition(".")
    g.add_node(
        fqn,
        kind="class",
        label=label,
        package=package,
        layer="model",
        stereotype="" if mapped else "entity",
        mapped_superclass=mapped,
    )


def test_a_mapped_superclass_of_several_entities_is_kernel_but_not_one_of_a_single_context() -> (
    None
):
    """PetClinic's BaseEntity/Person under owner.Owner and vet.Vet; OpenMRS's ServiceOrder under
    the orders of its own package; a base only one entity extends."""
    g = nx.MultiDiGraph()
    for fqn in ("pc.model.BaseEntity", "pc.model.Person", "pc.order.ServiceOrder", "pc.x.Lone"):
        _model_class(g, fqn, mapped=True)
    for fqn in ("pc.owner.Owner", "pc.vet.Vet", "pc.order.TestOrder", "pc.order.Referral"):
        _model_class(g, fqn)
    _model_class(g, "pc.x.Only")
    edges = [
        ("pc.model.Person", "pc.model.BaseEntity"),
        ("pc.owner.Owner", "pc.model.Person"),
        ("pc.vet.Vet", "pc.model.Person"),
        ("pc.order.TestOrder", "pc.order.ServiceOrder"),
        ("pc.order.Referral", "pc.order.ServiceOrder"),
        ("pc.x.Only", "pc.x.Lone"),
    ]
    for sub, base in edges:
        g.add_edge(sub, base, key="extends", kind="extends", count=1)
    kernel = {k.fqn: k.reason for k in detect_kernel(g)}
    assert kernel == {
        "pc.model.BaseEntity": "JPA mapped superclass of 2 entities",
        "pc.model.Person": "JPA mapped superclass of 2 entities",
    }


def test_a_mapped_superclass_named_as_a_base_is_kernel_even_under_one_context() -> None:
    """All its entities in one package: a ``BaseAudited`` is plumbing by its name, while a
    ``Priced`` superclass is part of that context."""
    g = nx.MultiDiGraph()
    for fqn in ("pc.audit.BaseAudited", "pc.price.Priced"):
        _model_class(g, fqn, mapped=True)
    for fqn in ("pc.order.Order", "pc.order.Refund"):
        _model_class(g, fqn)
    for sub in ("pc.order.Order", "pc.order.Refund"):
        g.add_edge(sub, "pc.audit.BaseAudited", key="extends", kind="extends", count=1)
        g.add_edge(sub, "pc.price.Priced", key="extends", kind="extends", count=1)
    kernel = {k.fqn for k in detect_kernel(g)}
    assert kernel == {"pc.audit.BaseAudited"}


def _layered(g: nx.MultiDiGraph, fqn: str, layer: str, generic: bool = False) -> None:
    package, _, label = fqn.rpartition(".")
    g.add_node(fqn, kind="class", label=label, package=package, layer=layer, generic=generic)


def test_a_base_type_the_layers_of_three_modules_build_on_is_kernel_whatever_its_layer() -> None:
    """JeeSite: every module's DAO extends the generic ``CrudDao<T>`` and every service the
    generic ``CrudService<D, T>``; with one package per module and layer (``cms.dao``,
    ``cms.service``, ...) few packages use them, yet they are the system's templates. A domain
    repository with one implementation per technology (PetClinic's ``OwnerRepository``), a
    plain ``BaseController`` and a generic base whose subtypes live in two other packages are
    not."""
    g = nx.MultiDiGraph()
    _layered(g, "app.common.CrudDao", "persistence", generic=True)
    _layered(g, "app.common.CrudService", "service", generic=True)
    _layered(g, "app.web.BaseController", "web")
    _layered(g, "app.owner.OwnerRepository", "persistence")
    _layered(g, "app.common.PairDao", "persistence", generic=True)
    bases = {
        "dao": ("CrudDao", "app.common.CrudDao", "extends"),
        "web": ("Controller", "app.web.BaseController", "extends"),
        "service": ("Service", "app.common.CrudService", "extends"),
        "repo": ("Jdbc", "app.owner.OwnerRepository", "implements"),
    }
    for module in ("cms", "oa", "sys"):
        for package, (word, base, kind) in bases.items():
            sub = f"app.{module}.{package}.{module}{word}"
            _layered(g, sub, "other")
            g.add_edge(sub, base, key=kind, kind=kind)
    for module in ("cms", "oa"):
        _layered(g, f"app.{module}.dao.Pair{module}", "persistence")
        g.add_edge(
            f"app.{module}.dao.Pair{module}",
            "app.common.PairDao",
            key="implements",
            kind="implements",
        )
    kernel = {k.fqn: k.reason for k in detect_kernel(g)}
    assert kernel == {
        "app.common.CrudDao": "base type of 3 classes in 3 other packages, no data of its own",
        "app.common.CrudService": "base type of 3 classes in 3 other packages, no data of its own",
    }
    g.add_node("table:T", kind="table", label="T", package="")
    g.add_edge("app.common.CrudDao", "table:T", key="read", kind="read")
    assert "app.common.CrudDao" not in {k.fqn for k in detect_kernel(g)}  # data of its own


def test_utilities_of_a_widely_used_technical_package_are_kernel_after_clustering() -> None:
    """mall4j's ``common.util``: the package is used from all over the shop, each of its
    utilities from two packages or fewer. ``IpHelper`` and ``RedisUtil`` are kernel, set
    aside after clustering; ``PageParam`` (no technical name) and ``CodeUtil`` (a table of
    its own) are not, nor is a ``StringUtils`` of a package few others use."""
    g = nx.MultiDiGraph()
    for fqn in ("shop.common.util.IpHelper", "shop.common.util.RedisUtil"):
        _layered(g, fqn, "other")
    _layered(g, "shop.common.util.PageParam", "other")
    _layered(g, "shop.common.util.CodeUtil", "other")
    _layered(g, "shop.cart.util.StringUtils", "other")
    g.add_node("table:CODE", kind="table", label="CODE", package="")
    g.add_edge("shop.common.util.CodeUtil", "table:CODE", key="read", kind="read")
    users = {
        "shop.common.util.IpHelper": ("order", "user"),
        "shop.common.util.RedisUtil": ("cart",),
        "shop.common.util.PageParam": ("prod", "sys"),
        "shop.cart.util.StringUtils": ("order",),
    }
    for util, modules in users.items():
        for m in modules:
            _layered(g, f"shop.{m}.{m.title()}Service", "service")
            g.add_edge(f"shop.{m}.{m.title()}Service", util, key="call", kind="call")
    kernel = {k.fqn: (k.reason, k.after_clustering) for k in detect_kernel(g)}
    reason = "technical name in the technical package shop.common.util, which 5 packages use"
    assert kernel == {  # the class's own figure beside the package's
        "shop.common.util.IpHelper": (
            f"{reason} (this class itself: 2), no data of its own",
            True,
        ),
        "shop.common.util.RedisUtil": (
            f"{reason} (this class itself: 1), no data of its own",
            True,
        ),
    }


def test_a_base_type_eight_classes_of_one_layer_package_extend_is_kernel() -> None:
    """Halo keeps its 19 services in one ``service.impl`` package, all extending the generic
    ``AbstractCrudService<DOMAIN, ID>``: a template of the layer though no other package
    holds a subtype. Seven subtypes are not enough."""
    g = nx.MultiDiGraph()
    _layered(g, "blog.service.base.AbstractCrudService", "service", generic=True)
    _layered(g, "blog.service.base.AbstractPager", "service", generic=True)
    for i in range(8):
        _layered(g, f"blog.service.impl.S{i}ServiceImpl", "service")
        g.add_edge(
            f"blog.service.impl.S{i}ServiceImpl",
            "blog.service.base.AbstractCrudService",
            key="extends",
            kind="extends",
        )
        if i < 7:
            g.add_edge(
                f"blog.service.impl.S{i}ServiceImpl",
                "blog.service.base.AbstractPager",
                key="implements",
                kind="implements",
            )
    _layered(g, "blog.service.impl.AbstractEditor", "service", generic=True)
    for i in range(9):  # a family of its own package
        _layered(g, f"blog.service.impl.E{i}Editor", "service")
        g.add_edge(
            f"blog.service.impl.E{i}Editor",
            "blog.service.impl.AbstractEditor",
            key="extends",
            kind="extends",
        )
    kernel = {k.fqn: (k.reason, k.after_clustering) for k in detect_kernel(g)}
    assert kernel == {
        "blog.service.base.AbstractCrudService": (
            "base type of 8 classes in 1 other packages, no data of its own",
            True,
        )
    }


def test_exceptions_of_a_widely_used_exception_package_are_kernel_after_clustering() -> None:
    """JForum's ``net.jforum.exceptions`` and JHipster's ``web.rest.errors``: thrown from all
    over the system, each exception by one or two packages."""
    g = nx.MultiDiGraph()
    for package in ("forum.exceptions", "app.web.rest.errors"):
        for name, users in (("CacheException", ("a", "b")), ("MailException", ("c", "d", "e"))):
            _layered(g, f"{package}.{name}", "other")
            for user in users:
                _layered(g, f"{package}.{user}.{user.title()}Action", "web")
                g.add_edge(
                    f"{package}.{user}.{user.title()}Action",
                    f"{package}.{name}",
                    key="new",
                    kind="new",
                )
    found = {k.fqn for k in detect_kernel(g) if k.after_clustering}
    assert found == {
        "forum.exceptions.CacheException",
        "forum.exceptions.MailException",
        "app.web.rest.errors.CacheException",
        "app.web.rest.errors.MailException",
    }


def test_a_base_class_the_controllers_of_three_modules_extend_is_kernel_after_clustering() -> None:
    """RuoYi-Vue-Plus's BaseController, under the controllers of the system, workflow and demo
    modules; a base under two modules' classes stays with them."""

    def base_under(*modules: str) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        _layered(g, "x.common.web.BaseController", "web")
        for i in range(9):
            sub = f"x.{modules[i % len(modules)]}.controller.C{i}Controller"
            _layered(g, sub, "web")
            g.add_edge(sub, "x.common.web.BaseController", key="extends", kind="extends")
        return g

    (k,) = detect_kernel(base_under("system", "workflow", "demo"))
    assert k.fqn == "x.common.web.BaseController" and k.after_clustering
    assert k.reason == "base class of 9 classes in 3 other packages, no data of its own"
    assert detect_kernel(base_under("system", "workflow")) == []
    filtering = base_under("system", "workflow", "demo")  # JeeSite's BaseService and Role
    filtering.add_node("x.sys.Role", kind="class", label="Role", package="x.sys")
    filtering.nodes["x.sys.Role"]["stereotype"] = "entity"
    filtering.add_edge("x.common.web.BaseController", "x.sys.Role", key="call", kind="call")
    assert detect_kernel(filtering) == []


def _actions(services: int) -> tuple[nx.MultiDiGraph, dict[str, str]]:
    """A base web action in the user service and one action extending it in each of
    ``services`` services (user included), with the placement of every class."""
    g = nx.MultiDiGraph()
    g.add_node("ui.UIAction", kind="class", label="UIAction", package="app.ui", layer="web")
    placement = {"ui.UIAction": "user"}
    for service in ["user", "weblog", "theme", "planet"][:services]:
        for name in (f"{service}.Edit", f"{service}.List"):
            g.add_node(name, kind="class", label=name, package=f"app.{service}", layer="web")
            placement[name] = service
        g.add_edge(f"{service}.Edit", "ui.UIAction", key="extends", kind="extends", count=1)
    return g, placement


def test_a_base_the_classes_of_three_other_services_extend_is_kernel_after_clustering() -> None:
    """Roller's UIAction, under the actions of nine services, sat in the user service: every
    other service looked like its dependant."""
    g, placement = _actions(4)
    (k,) = shared_bases(g, placement)
    assert k.fqn == "ui.UIAction" and k.after_clustering
    assert k.reason == "base type of 4 classes in 3 other services, no data of its own"
    assert shared_bases(*_actions(3)) == []  # two other services: not shared enough
    assert shared_bases(g, placement, keep={"ui.UIAction"}) == []  # pinned by the user
    assert shared_bases(g, {**placement, "ui.UIAction": "alone"}) == []  # its service's last
    g.add_node("ui.UIForm", kind="class", label="UIForm", package="app.ui", layer="web")
    for service in ("weblog", "theme", "planet"):  # a second base beside the first
        g.add_edge(f"{service}.List", "ui.UIForm", key="extends", kind="extends", count=1)
    both = {**placement, "ui.UIForm": "ui", "ui.UIAction": "ui"}
    assert [k.fqn for k in shared_bases(g, both)] == ["ui.UIAction"]  # its service's last stays
    placement["ui.UIForm"] = "user"
    assert [k.fqn for k in shared_bases(g, placement)] == ["ui.UIAction", "ui.UIForm"]
    g.add_node("table:FORM", kind="table", label="FORM", package="")
    g.add_edge("ui.UIForm", "table:FORM", key="read", kind="read", count=1)
    assert [k.fqn for k in shared_bases(g, placement)] == ["ui.UIAction"]  # data of its own
    g.add_node("user.User", kind="class", label="User", package="app.user", stereotype="entity")
    g.add_edge("ui.UIAction", "user.User", key="call", kind="call", count=1)
    assert shared_bases(g, placement) == []  # calling an entity: a context's logic
