"""Service names and ids come from what a service holds, never from its size rank."""

import networkx as nx

from msadecomp.decompose.naming import (
    _WORD,
    _singular,
    business_path,
    common_prefix,
    name_clusters,
    slug,
    stem,
)


def graph_of(*fqns: str) -> nx.Graph:
    g = nx.Graph()
    for fqn in fqns:
        package, _, simple = fqn.rpartition(".")
        g.add_node(fqn, kind="class", package=package, label=simple)
    return g


BBS = ("app.cop.bbs.service.ArticleService", "app.cop.bbs.web.ArticleController")
PAY = (
    "app.pay.settle.service.PaymentService",
    "app.pay.settle.service.impl.PaymentDAO",
    "app.pay.settle.web.PayController",
)


def test_named_after_the_dominant_business_package_segment() -> None:
    g = graph_of(*BBS, *PAY)
    clusters = name_clusters(g, [set(PAY), set(BBS)])
    assert [(c.id, c.name) for c in clusters] == [("bbs", "bbs"), ("settle", "settle")]


def test_ids_do_not_depend_on_size_or_order() -> None:
    g = graph_of(*BBS, *PAY, "app.pay.settle.service.RefundService")
    small = {c.id: c.members for c in name_clusters(g, [set(BBS), set(PAY)])}
    grown = {
        c.id: c.members
        for c in name_clusters(g, [set(PAY) | {"app.pay.settle.service.RefundService"}, set(BBS)])
    }
    assert small.keys() == grown.keys() == {"bbs", "settle"}
    assert small["bbs"] == grown["bbs"]


def test_a_package_spread_over_services_gives_way_to_the_shared_class_noun() -> None:
    login = ("app.cmm.LoginService", "app.cmm.LoginController", "app.cmm.UserDAO")
    files = ("app.cmm.FileService", "app.cmm.FileDAO", "app.cmm.FileController", "app.cmm.FileVO")
    g = graph_of(*login, *files)
    assert [c.id for c in name_clusters(g, [set(login), set(files)])] == ["file", "login"]


def test_equal_names_are_told_apart_deterministically() -> None:
    a = ("app.board.ArticleService", "app.board.ArticleDAO")
    b = ("app.board.CommentService", "app.board.CommentDAO")
    g = graph_of(*a, *b)
    ids = [c.id for c in name_clusters(g, [set(a), set(b)])]
    assert ids == ["article", "comment"]
    assert [c.id for c in name_clusters(g, [set(b), set(a)])] == ids


def test_tables_only_service_and_taken_ids() -> None:
    g = graph_of(*BBS, *PAY)
    g.add_node("table:LOG_T", kind="table", label="LOG_T")
    clusters = name_clusters(g, [set(BBS), set(PAY), {"table:LOG_T"}], taken=["bbs"])
    assert [c.id for c in clusters] == ["bbs-article", "data-log-t", "settle"]


def test_helpers() -> None:
    assert stem("EgovArticleServiceImpl") == "Article"
    assert stem("JPAWeblogEntryManagerImpl") == "WeblogEntry"  # Roller's JPA managers
    assert stem("JdbcPetRowMapper") == "PetRow" and stem("SpringDataOwnerRepository") == "Owner"
    assert slug("FileMng") == "file-mng" and slug("결제") == ""
    # "manage" says nothing (eGovFrame's online-poll-manage); acronyms end where a word starts
    assert stem("EgovOnlinePollManageServiceImpl") == "OnlinePoll"
    assert stem("EgovFileMngService") == "File"
    # an interface named the .NET way is about its noun; IO and Item keep their I
    assert stem("ISysUserService", "Sys") == "User" and stem("IGenTableService") == "GenTable"
    assert stem("IOUtils") == "IO" and stem("ItemService") == "Item"
    assert stem("GenericUserSessionDAO") == "UserSession"  # JForum's SQL-standard DAOs
    # RuoYi-Vue-Plus's business and view objects, TicketMonster's transfer objects
    assert stem("SysTenantBo", "Sys") == "Tenant" and stem("WfCategoryVo") == "WfCategory"
    assert stem("MediaItemDTO") == "MediaItem" and stem("TestDemoBo") == "TestDemo"
    assert stem("UserBO") == "User" and stem("TURBO") == "TURBO" and stem("ComboBo") == "Combo"
    assert slug(stem("EgovBBSAttributeManageDAO")) == "bbs-attribute"
    assert slug("DTBroker3MDB") == "dt-broker3-mdb" and slug("OAuth") == "oauth"
    assert common_prefix(["egov.a.b", "egov.a.c", "egov.d"]) == ("egov",)
    # a class in the default package (JTrac's code-generator templates) takes no prefix away
    assert common_prefix(["info.jtrac.domain", "info.jtrac.wicket", ""]) == ("info", "jtrac")
    # a Wicket page or panel is about its noun
    assert stem("ItemViewPage") == "ItemView" and stem("ItemListPanel") == "ItemList"
    # Fineract's command-and-query tails
    assert stem("AccountingDropdownReadPlatformService") == "Accounting"
    assert stem("ClientWritePlatformServiceJpaRepositoryImpl") == "Client"
    assert stem("ClientApiResource") == "Client" and stem("LoanRepositoryWrapper") == "Loan"
    assert stem("CreateClientCommandHandler") == "CreateClient"
    assert business_path("egov.cop.bbs.service.impl", ("egov",)) == ("cop", "bbs")


def test_a_layer_first_service_is_named_after_what_its_entry_classes_offer() -> None:
    """jpetstore: Category, Item and Product with CatalogService and CatalogActionBean."""
    catalog = (
        "shop.domain.Category",
        "shop.mapper.CategoryMapper",
        "shop.domain.Product",
        "shop.mapper.ProductMapper",
        "shop.service.CatalogService",
        "shop.web.actions.CatalogActionBean",
    )
    cart = ("shop.domain.Cart", "shop.domain.LineItem", "shop.mapper.LineItemMapper")
    cart += ("shop.web.actions.CartActionBean",)
    g = graph_of(*catalog, *cart)
    assert sorted(c.name for c in name_clusters(g, [set(catalog), set(cart)])) == [
        "cart",
        "catalog",
    ]


def test_a_service_of_unrelated_helpers_is_named_after_their_package_not_its_first_class() -> None:
    helpers = (
        "app.com.cmm.AltibaseClobStringTypeHandler",
        "app.com.cmm.EgovComExcepHndlr",
        "app.com.cmm.filter.HTMLTagFilter",
    )
    files = ("app.com.cmm.service.FileService", "app.com.cmm.service.FileVO")
    files += ("app.com.cmm.web.FileController", "app.com.cmm.service.impl.FileDAO")
    order = ("app.shop.order.OrderService", "app.shop.order.OrderController")
    g = graph_of(*helpers, *files, *order)
    clusters = name_clusters(g, [set(helpers), set(files), set(order)])
    # both are named after cmm; the file service tells itself apart by its noun, while the
    # helpers' nouns are one class each and never name the service
    assert sorted(c.name for c in clusters) == ["cmm", "cmm-file", "order"]


def test_classes_each_with_a_noun_of_their_own_are_named_after_the_word_they_share() -> None:
    """DayTrader: two implementations of the trading facade, each with its helpers, and the
    message-driven beans that share the EJB package with one of them."""
    slsb = (
        "trader.ejb3.TradeSLSBBean",
        "trader.ejb3.TradeSLSBLocal",
        "trader.ejb3.TradeSLSBRemote",
        "trader.util.CompleteOrderThread",
    )
    direct = ("trader.direct.TradeDirect", "trader.util.KeyBlock")
    direct += ("trader.web.TradeConfigJSF", "trader.web.TradeBuildDB")
    mdb = ("trader.ejb3.DTBroker3MDB", "trader.ejb3.DTStreamer3MDB", "trader.ejb3.TimerStat")
    g = graph_of(*slsb, *direct, *mdb)
    g.add_edge("trader.direct.TradeDirect", "trader.util.KeyBlock", weight=3.0)
    g.add_edge("trader.direct.TradeDirect", "trader.web.TradeConfigJSF", weight=1.0)
    g.add_edge("trader.ejb3.TradeSLSBBean", "trader.ejb3.TradeSLSBLocal", weight=5.0)
    clusters = name_clusters(g, [set(slsb), set(direct), set(mdb)])
    # the session bean's names all stem to "trade" (SLSB, Local, Remote are EJB tails); the two
    # "trade" services are told apart by their most connected class, not by a counter; the
    # message-driven beans share no word, so one of their nouns (without "3MDB") is all there is
    assert sorted(c.name for c in clusters) == ["dt-broker", "trade", "trade-direct"]


def test_an_ejb_package_names_no_service() -> None:
    """DayTrader's session bean with the singleton only it calls: ``ejb3`` is a technology."""
    slsb = (
        "trader.ejb3.TradeSLSBBean",
        "trader.ejb3.TradeSLSBLocal",
        "trader.ejb3.TradeSLSBRemote",
        "trader.ejb3.MarketSummarySingleton",
        "trader.util.CompleteOrderThread",
    )
    quotes = ("trader.entities.QuoteDataBean", "trader.web.QuoteData", "trader.web.QuoteJSF")
    g = graph_of(*slsb, *quotes)
    g.add_edge("trader.ejb3.TradeSLSBBean", "trader.ejb3.TradeSLSBLocal", weight=5.0)
    clusters = name_clusters(g, [set(slsb), set(quotes)])
    assert sorted(c.name for c in clusters) == ["quote", "trade"]  # QuoteDataBean, QuoteJSF


def test_of_tied_nouns_an_entity_s_names_the_service() -> None:
    """DayTrader's quotes: the quote entity and the market summary it feeds, each with a JSF
    bean; the entity's noun names the service, not the first in the alphabet."""
    quotes = ("t.entities.QuoteDataBean", "t.web.QuoteJSF")
    quotes += ("t.beans.MarketSummaryDataBean", "t.web.MarketSummaryJSF")
    g = graph_of(*quotes)
    assert [c.name for c in name_clusters(g, [set(quotes)])] == ["market-summary"]
    g.nodes["t.entities.QuoteDataBean"]["stereotype"] = "entity"
    assert [c.name for c in name_clusters(g, [set(quotes)])] == ["quote"]


def test_the_application_name_names_no_service() -> None:
    """OpenMRS: many base classes start with ``Openmrs``; the word says which application, not
    which service (it had named one ``openmr``)."""
    base = (
        "org.openmrs.OpenmrsObject",
        "org.openmrs.OpenmrsData",
        "org.openmrs.OpenmrsMetadata",
        "org.openmrs.OpenmrsUtil",
        "org.openmrs.api.db.OpenmrsDataDAO",
        "org.openmrs.api.db.OpenmrsObjectDAO",
        "org.openmrs.api.handler.OpenmrsMetadataSaveHandler",
        "org.openmrs.api.handler.BaseVoidHandler",
        "org.openmrs.api.handler.BaseRetireHandler",
        "org.openmrs.aop.RequiredDataAdvice",
    )
    concept = tuple(f"org.openmrs.api.Concept{w}Service" for w in ("Name", "Map", "Set"))
    concept += tuple(f"org.openmrs.api.Concept{w}" for w in ("Proposal", "Answer", "Source"))
    concept += tuple(f"org.openmrs.concept.Concept{w}" for w in ("", "Class", "Datatype"))
    clusters = name_clusters(graph_of(*base, *concept), [set(base), set(concept)])
    assert sorted(c.name for c in clusters) == ["concept", "openmrs-data"]


def test_the_class_name_prefix_of_the_whole_system_names_no_service() -> None:
    """newbee-mall starts most class names with ``NewBeeMall`` in every service: the prefix
    names the system; what follows names the service (it had named ``new-bee-mall-order``).
    A prefix of one service only (DayTrader's ``Ping*`` primitives) stays a name."""
    features = ("Order", "Goods", "Carousel", "User")
    services = [
        {f"ltd.mall.service.NewBeeMall{f}Service", f"ltd.mall.dao.NewBeeMall{f}Mapper"}
        | {f"ltd.mall.entity.NewBeeMall{f}", f"ltd.mall.controller.{f}Controller"}
        for f in features
    ]
    clusters = name_clusters(graph_of(*(c for s in services for c in s)), services)
    assert sorted(c.name for c in clusters) == ["carousel", "goods", "order", "user"]
    # JTrac's JtracDao and JtracImpl: once the prefix is gone only a layer role is left
    core = {"ltd.mall.NewBeeMallDao", "ltd.mall.NewBeeMallDaoImpl", "ltd.mall.Attachment"}
    services.append(core | {"ltd.mall.BatchInfo"})
    clusters = name_clusters(graph_of(*(c for s in services for c in s)), services)
    assert "attachment" in {c.name for c in clusters}  # not "dao"
    # FTGO's Action entity: a role word only without a prefix to strip
    action = {"d.Action", "d.ActionDao", "d.ActionService", "d.Leg"}
    assert [c.name for c in name_clusters(graph_of(*action), [action])] == ["action"]
    pings = {f"dt.web.prims.Ping{w}" for w in ("Servlet", "Jsp", "Session", "Bean")}
    trade = {"dt.web.TradeAppServlet", "dt.web.TradeAction"}
    quote = {"dt.entities.QuoteDataBean", "dt.web.QuoteJSF"}
    clusters = name_clusters(graph_of(*pings, *trade, *quote), [pings, trade, quote])
    assert sorted(c.name for c in clusters) == ["prims", "quote", "trade"]


def test_exceptions_never_name_a_service() -> None:
    tasks = (
        "blog.a.BootstrapException",
        "blog.b.BootstrapException",
        "blog.c.ThreadManager",
        "blog.a.ThreadManagerImpl",
        "blog.b.TaskRunner",
    )
    other = ("blog.a.Job", "blog.b.Menu", "blog.c.Feed", "blog.c.FeedParser")
    clusters = name_clusters(graph_of(*tasks, *other), [set(tasks), set(other)])
    assert sorted(c.name for c in clusters) == ["c", "thread"]  # not "bootstrap-exception"


def test_holders_of_constant_names_never_name_a_service() -> None:
    # Java Pet Store keeps a JNDINames class in each package
    mail = ("ps.a.JNDINames", "ps.b.JNDINames", "ps.c.MailerMDB", "ps.d.MailHelper", "ps.e.Mail")
    locator = ("ps.f.ServiceLocator", "ps.g.JNDINames", "ps.h.WebKeys", "ps.i.CacheLocator")
    clusters = name_clusters(graph_of(*mail, *locator), [set(mail), set(locator)])
    assert sorted(c.name for c in clusters) == ["locator", "mail"]  # no "jndi-names"


def test_a_service_whose_noun_is_the_name_taken_is_told_apart_by_its_next_noun() -> None:
    people = ("app.user.Account", "app.user.Login", "app.user.Signup", "app.user.Logout")
    users = ("app.x.UserService", "app.y.UserDAO", "app.z.ProfileService")  # after its noun
    clusters = name_clusters(graph_of(*people, *users), [set(people), set(users)])
    assert sorted(c.name for c in clusters) == ["user", "user-profile"]  # not "user-2"


def test_of_services_proposing_one_name_the_largest_keeps_it() -> None:
    api = ("app.api.UserREST", "app.api.ApiDAO")  # first in order of members
    users = ("app.service.UserService", "app.dao.UserDAO", "app.model.User", "app.web.UserAction")
    clusters = name_clusters(graph_of(*api, *users), [set(api), set(users)])
    assert {c.name: len(c.members) for c in clusters} == {"user": 4, "user-api": 2}


def test_several_entry_classes_with_a_noun_each_are_named_after_the_word_they_share() -> None:
    actions = tuple(
        f"shop.web.struts.{n}Action"
        for n in ("DoNothing", "ListOrders", "NewOrder", "NewOrderForm", "ViewOrder", "Search")
    )
    clusters = name_clusters(graph_of(*actions), [set(actions)])
    # each noun is one action's; "orders" and "order" are one word; never "do-nothing"
    assert [c.name for c in clusters] == ["order"]


def test_plurals_are_one_word_but_short_abbreviations_stay() -> None:
    assert [_singular(w) for w in ("orders", "categories", "products")] == [
        "order",
        "category",
        "product",
    ]
    assert [_singular(w) for w in ("stats", "args", "status", "address", "analysis")] == [
        "stats",
        "args",
        "status",
        "address",
        "analysis",
    ]
    stores = ("pet.a.CategoriesView", "pet.b.CategoryList", "pet.c.Cart")
    assert [c.name for c in name_clusters(graph_of(*stores), [set(stores)])] == ["category"]


def test_a_taken_name_of_several_words_is_told_apart_by_the_next_noun_too() -> None:
    first = ("blog.p.WeblogEntryService", "blog.q.WeblogEntryDAO", "blog.r.Tag")
    second = ("blog.x.WeblogEntryResource", "blog.y.WeblogEntryManager", "blog.z.MediaService")
    clusters = name_clusters(graph_of(*first, *second), [set(first), set(second)])
    assert sorted(c.name for c in clusters) == ["weblog-entry", "weblog-entry-media"]


def test_of_tied_nouns_the_one_a_model_or_store_class_has_beats_a_pair_of_actions() -> None:
    classes = (
        "shop.web.AddItemToCartAction",
        "shop.web.AddItemToCartController",
        "shop.web.ViewCartAction",
        "shop.domain.Item",
        "shop.dao.ItemDao",
        "shop.dao.SqlMapItemDao",
        "shop.domain.Cart",
    )
    clusters = name_clusters(graph_of(*classes), [set(classes)])
    # "add-item-to-cart" (two entry classes, 3.0) ties "item" (three plain classes, 3.0)
    assert [c.name for c in clusters] == ["item"]


def test_a_role_played_for_the_word_half_the_classes_share_gives_way_to_that_word() -> None:
    """Roller: three CommentAuthenticator classes named a service of 37 about comments."""
    comments = [
        "CommentAuthenticator",
        "CommentAuthenticatorServlet",
        "CommentAuthenticatorUtils",
        "CommentValidator",
        "WeblogEntryComment",
        "CommentsPager",
        "Trackback",
    ]
    # a compound noun whose tail is no role ("back-order") keeps its name
    orders = ["BackOrder", "BackOrderStock", "BackOrderMgr", "BackOrderItem", "BackupTask"]
    # classes spread over packages both services use: no package names either
    first = {f"app.p{i % 3}.{n}" for i, n in enumerate(comments)}
    second = {f"app.p{i % 3}.{n}" for i, n in enumerate(orders)}
    clusters = name_clusters(graph_of(*first, *second), [first, second])
    assert sorted(c.name for c in clusters) == ["back-order", "comment"]


def test_a_word_far_more_class_names_share_than_the_top_noun_names_the_service() -> None:
    """JForum: a Captcha and its action named 39 classes of request and session contexts."""
    web = [
        "Captcha",
        "CaptchaAction",
        "RequestContext",
        "SessionContext",
        "WebRequestContext",
        "WebSessionContext",
        "ForumContext",
        "ExecutionContext",
        "ResponseContext",
        "JForumContext",
        "StandardRequestContext",
        "StandardSessionContext",
        "UrlPattern",
        "JForumBaseServlet",
        "SessionFacade",
    ]
    # a word inside the top noun leaves it alone: "media-file" stays, not "file"
    media = ["MediaFile", "MediaFileManager", "MediaFileDao", "FileContent", "FileLocation"]
    media += ["FileNotice", "FileUpload", "FileCleaner", "ThumbnailFile"]
    first = {f"app.p{i % 3}.{n}" for i, n in enumerate(web)}
    second = {f"app.p{i % 3}.{n}" for i, n in enumerate(media)}
    clusters = name_clusters(graph_of(*first, *second), [first, second])
    assert sorted(c.name for c in clusters) == ["context", "media-file"]


def test_manage_is_no_word_to_name_a_service_after() -> None:
    """eGovFrame: half the classes of a service are some ``*ManageVO``."""
    names = ["AlphaService", "EventManageVO", "ScheduleManageVO", "RecordManageVO"]
    names += ["NoteManageVO", "PlanManageVO"]
    classes = {f"app.p{i % 3}.{n}" for i, n in enumerate(names)}
    clusters = name_clusters(graph_of(*classes), [classes])
    assert [c.name for c in clusters] == ["alpha"]


def test_the_ddd_interfaces_layer_names_no_service() -> None:
    """dddsample's booking context spans ``interfaces.booking.web``, ``interfaces.booking.facade``
    and ``application``: ``interfaces`` is a layer, the booking classes name the service."""
    booking = (
        "se.dddsample.interfaces.booking.web.CargoAdminController",
        "se.dddsample.interfaces.booking.facade.BookingServiceFacade",
        "se.dddsample.interfaces.tracking.TrackCommand",
        "se.dddsample.application.BookingService",
        "se.dddsample.domain.Cargo",
    )
    other = ("se.dddsample.domain.voyage.Voyage", "se.dddsample.domain.voyage.VoyageRepository")
    clusters = name_clusters(graph_of(*booking, *other), [set(booking), set(other)])
    assert [c.name for c in clusters] == ["booking", "voyage"]


def test_tied_nouns_give_way_to_a_word_a_third_of_the_names_share_unless_one_is_an_entity() -> (
    None
):
    """JTrac's space and user administration: three multi-action controllers tie on nouns of
    their own, yet a third of the classes are about users. PlantsByWebSphere's catalogue keeps
    the name of its ``Inventory`` entity beside three shopping classes."""
    admin = (
        "tr.web.AbstractMultiActionController",
        "tr.web.DefaultMultiActionController",
        "tr.web.RestMultiActionController",
        "tr.web.UserFormPage",
        "tr.web.UserListPage",
        "tr.web.UserAllocatePage",
        "tr.web.SpaceListPage",
        "tr.domain.UserSpaceRole",
        "tr.web.OptionsPage",
    )
    catalog = (
        "pbw.service.CatalogMgr",
        "pbw.model.Inventory",
        "pbw.web.ShoppingBean",
        "pbw.web.ShoppingItem",
        "pbw.service.ShoppingCartContent",
        "pbw.web.ProductBean",
        "pbw.web.ImageServlet",
        "pbw.util.ValidatorUtils",
        "pbw.web.ValidatePasswords",
    )
    g = graph_of(*admin, *catalog)
    g.nodes["pbw.model.Inventory"]["stereotype"] = "entity"
    assert [c.name for c in name_clusters(g, [set(admin)])] == ["user"]
    assert [c.name for c in name_clusters(g, [set(catalog)])] == ["inventory"]


def test_a_service_of_set_up_plumbing_is_named_for_it_and_yields_its_name() -> None:
    """mall4j's security adapters and Swagger set-up had been ``resource-server-adapter``;
    a business service asking for the same name keeps it."""
    setup = (
        "shop.config.AdminConfig",
        "shop.config.SwaggerConfiguration",
        "shop.ApiApplication",
        "shop.security.ResourceServerAdapter",
        "shop.security.AuthFilter",
    )
    web = ("shop.web.XssFilter", "shop.web.CorsFilter", "shop.web.LogInterceptor")
    business = (  # the settings users edit
        "shop.configuration.ConfigurationService",
        "shop.configuration.ConfigurationController",
        "shop.configuration.Configuration",
    )
    servlets = ("shop.study.ListServlet", "shop.study.ViewServlet", "shop.study.EditServlet")
    servlets += ("shop.study.StudySubject",)
    g = graph_of(*setup, *web, *business, *servlets)
    names = {
        m: c.id
        for c in name_clusters(g, [set(setup), set(web), set(business), set(servlets)])
        for m in c.members
    }
    assert names["shop.config.AdminConfig"] == "configuration-2"  # the business keeps its name
    assert names["shop.configuration.Configuration"] == "configuration"
    assert names["shop.web.CorsFilter"] == "filter"
    assert names["shop.study.EditServlet"] != "servlet"  # servlets are a business's entry points


def test_business_object_tails_name_nothing() -> None:
    """RuoYi-Vue-Plus's tenant classes are SysTenantController and SysTenantBo: the service
    is the tenant service, not "sys" (SysTenantBo had stemmed to itself)."""
    tenant = (
        "org.x.system.controller.SysTenantController",
        "org.x.system.controller.SysTenantPackageController",
        "org.x.system.domain.bo.SysTenantBo",
        "org.x.system.domain.bo.SysTenantPackageBo",
        "org.x.system.domain.po.SysTenantPo",
    )
    other = ("org.x.system.controller.SysMenuController", "org.x.system.domain.bo.SysMenuBo")
    g = graph_of(*tenant, *other)
    names = [c.name for c in name_clusters(g, [set(tenant), set(other)])]
    assert names == ["sys-menu", "sys-tenant"]  # SysTenantBo is a SysTenant


def test_features_inside_architecture_layers_name_the_services() -> None:
    """The RealWorld app keeps each feature in io.spring.application.user, io.spring.core.user
    and io.spring.infrastructure: the user service was named "application"."""
    user = (
        "io.spring.application.user.UserService",
        "io.spring.application.user.UniqueValidator",
        "io.spring.application.user.RegisterParam",
        "io.spring.application.data.UserData",
        "io.spring.application.data.ProfileData",
        "io.spring.core.user.User",
        "io.spring.core.user.UserRepository",
    )
    article = (
        "io.spring.application.article.ArticleCommandService",
        "io.spring.core.article.Article",
    )
    infra = ("io.spring.infrastructure.mybatis.MyBatisConfig",)
    g = graph_of(*user, *article, *infra)
    ids = [c.id for c in name_clusters(g, [set(user), set(article), set(infra)])]
    assert ids == ["article", "mybatis", "user"]


def test_a_lone_capital_before_a_word_is_part_of_it_but_an_interfaces_i_or_javas_j() -> None:
    """Openfire's vCard classes had named their service ``card``; eGovFrame's ``JFile``
    classes are about files."""
    cards = [
        "VCardManager",
        "VCardProvider",
        "DefaultVCardProvider",
        "VCardEventListener",
        "Photo",
    ]
    files = ["JFileUpload", "JFileDownload", "JFileDetails", "JCrypto", "Archive"]
    first = {f"app.p{i % 3}.{n}" for i, n in enumerate(cards)}
    second = {f"app.p{i % 3}.{n}" for i, n in enumerate(files)}
    clusters = name_clusters(graph_of(*first, *second), [first, second])
    assert sorted(c.name for c in clusters) == ["file", "vcard"]
    # nor after a digit (review: B2BOrder had given B, BOrder)
    assert _WORD.findall("B2BOrderService") == ["B", "B", "Order", "Service"]
    assert _WORD.findall("EMailSender") == ["EMail", "Sender"]


def test_a_stray_class_under_another_top_level_package_leaves_the_systems_prefix_alone() -> None:
    """struts2shop patches one Struts class (``com.opensymphony.xwork2.util``): its root
    package ``seamshop`` had named three services."""
    users = [f"seamshop.action.{n}Action" for n in ("Login", "Register", "ChangePassword")]
    users += ["seamshop.action.UserAction"]
    carts = [f"seamshop.action.cart.Cart{n}" for n in ("Action", "Service", "Dao", "Item")]
    rest = [f"seamshop.model.M{i}" for i in range(14)]
    stray = "com.opensymphony.xwork2.util.LocalizedTextUtil"
    g = graph_of(*users, *carts, *rest, stray)
    ids = {c.id for c in name_clusters(g, [set(users), set(carts), {*rest, stray}])}
    assert "seamshop" not in ids
    assert "cart" in ids
