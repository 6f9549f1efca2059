"""Tables a library keeps on behalf of the classes that use it.

Some libraries own tables in the application's schema: the Quartz scheduler's ``QRTZ_*`` job
store, Spring Batch's job repository, Spring Social's ``UserConnection``. No statement of the
application reads or writes them, so they used to be reported as unreferenced although they
plainly belong with the classes that drive the library (RuoYi's and eladmin's job services,
eGovFrame's Facebook sign-in). A class that references one of the library's data-access types
(its ``drivers``: the JDBC-backed repositories and stores, ``JdbcUsersConnectionRepository``,
``JdbcTokenStore``, the interfaces they implement, a BPM engine's ``RuntimeService``, Quartz's
``Scheduler``, whether imported by name or brought in by an on-demand import of the library's
package; or that imports whole a package holding only such types) is taken to write the
library's tables through it; any other type of the library (Spring Social's ``Twitter`` API
client or its ``UserProfile``, OAuth2's ``OAuth2Exception``, a Quartz job's
``JobExecutionContext``) writes none. A library whose stores keep different tables is
catalogued once per store (OAuth2's token store keeps the token tables, its client details
service ``OAUTH_CLIENT_DETAILS``).
:data:`~msadecomp.model.LIBRARY_VIA` marks such an access as done on the class's behalf, so it
places the table without tying classes together.

>>> library_of("org.quartz.Scheduler").name, library_of("java.util.List") is None
('Quartz', True)
>>> [lib.name for lib in LIBRARIES if lib.keeps("qrtz_triggers")]
['Quartz']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from msadecomp.model import LIBRARY_VIA, Access, SourceRef, TableAccess


@dataclass(frozen=True, slots=True)
class LibraryTables:
    name: str
    packages: tuple[str, ...]
    """Package prefixes of the library's API (with the trailing dot)."""
    names: frozenset[str] = frozenset()
    """The tables it creates, upper case."""
    prefixes: tuple[str, ...] = ()
    """Name prefixes of its tables, where the library names them by a fixed prefix."""
    drivers: frozenset[str] = frozenset()
    """Simple names of the data-access types through which a class drives the library (and so
    writes its tables); empty when any reference to the library's packages does (ShedLock's
    ``@SchedulerLock`` and its lock providers all take locks in its table; SnailJob's clients,
    whose server keeps the ``SJ_*`` tables, are all this catalogue knows of it)."""

    driver_packages: frozenset[str] = frozenset()
    """Packages holding the drivers: a wildcard import of one (``org.flowable.engine.*``)
    drives the library too. Not a package where the types writing nothing live beside them
    (``org.quartz`` holds ``Job`` and ``JobExecutionContext`` too): there only a driver's
    simple name does (:func:`library_of`)."""

    def driven_by(self, fqn: str) -> bool:
        """True when referencing ``fqn`` (a type or, for a wildcard import, a package of this
        library) drives the library."""
        return (
            not self.drivers
            or fqn.rpartition(".")[2] in self.drivers
            or fqn in self.driver_packages
        )

    def keeps(self, table: str) -> bool:
        upper = table.upper()
        return upper in self.names or upper.startswith(self.prefixes)


_OAUTH2 = ("org.springframework.security.oauth2.provider.",)

LIBRARIES = (
    LibraryTables(
        "Quartz",
        ("org.quartz.",),
        prefixes=("QRTZ_",),
        # the scheduler and its JDBC job store; a job (``Job``, ``JobExecutionContext``) or a
        # ``CronExpression`` writes none of them
        drivers=frozenset(
            {"Scheduler", "SchedulerFactory", "StdSchedulerFactory", "JobStoreTX", "JobStoreCMT"}
        ),
        driver_packages=frozenset({"org.quartz.impl.jdbcjobstore"}),
    ),
    LibraryTables(
        "Spring Batch",
        ("org.springframework.batch.",),
        frozenset(
            f"BATCH_{t}"
            for t in (
                "JOB_INSTANCE",
                "JOB_EXECUTION",
                "JOB_EXECUTION_PARAMS",
                "JOB_EXECUTION_CONTEXT",
                "STEP_EXECUTION",
                "STEP_EXECUTION_CONTEXT",
                "JOB_SEQ",
                "JOB_EXECUTION_SEQ",
                "STEP_EXECUTION_SEQ",
            )
        ),
        # the job repository, what launches, explores or operates jobs through it, and the
        # builders given it; a tasklet, reader or writer (``ChunkContext``) writes none
        drivers=frozenset(
            {
                "JobRepository",
                "JobRepositoryFactoryBean",
                "JobExplorer",
                "JobExplorerFactoryBean",
                "JobLauncher",
                "SimpleJobLauncher",
                "TaskExecutorJobLauncher",
                "JobOperator",
                "SimpleJobOperator",
                "JobBuilder",
                "StepBuilder",
                "JobBuilderFactory",
                "StepBuilderFactory",
                "RemotePartitioningManagerStepBuilderFactory",
                "RemotePartitioningWorkerStepBuilderFactory",
                "RemoteChunkingManagerStepBuilderFactory",
                "EnableBatchProcessing",
                "DefaultBatchConfiguration",
                "BatchConfigurer",
                "DefaultBatchConfigurer",
                "JdbcJobInstanceDao",
                "JdbcJobExecutionDao",
                "JdbcStepExecutionDao",
                "JdbcExecutionContextDao",
            }
        ),
        driver_packages=frozenset(
            {
                "org.springframework.batch.core.repository",
                "org.springframework.batch.core.repository.dao",
                "org.springframework.batch.core.launch",
                "org.springframework.batch.core.explore",
            }
        ),
    ),
    LibraryTables(
        "Spring Social",
        ("org.springframework.social.",),
        frozenset({"USERCONNECTION"}),
        # its connection repositories and what adds a connection through them; a provider's
        # API client (``Twitter``), ``UserProfile`` or ``@FacebookCookieValue`` writes none
        drivers=frozenset(
            {
                "JdbcUsersConnectionRepository",
                "JdbcConnectionRepository",
                "UsersConnectionRepository",
                "ConnectionRepository",
                "ProviderSignInUtils",
                "ProviderSignInAttempt",
            }
        ),
        driver_packages=frozenset({"org.springframework.social.connect.jdbc"}),
    ),
    LibraryTables(
        "Spring Session",
        ("org.springframework.session.",),
        frozenset({"SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES"}),
        drivers=frozenset(
            {
                "JdbcIndexedSessionRepository",
                "JdbcOperationsSessionRepository",
                "JdbcHttpSessionConfiguration",
                "EnableJdbcHttpSession",
                "SessionRepository",
                "FindByIndexNameSessionRepository",
            }
        ),
        driver_packages=frozenset({"org.springframework.session.jdbc"}),
    ),
    LibraryTables(
        "Spring Security ACL",
        ("org.springframework.security.acls.",),
        frozenset({"ACL_SID", "ACL_CLASS", "ACL_OBJECT_IDENTITY", "ACL_ENTRY"}),
        drivers=frozenset(
            {
                "JdbcAclService",
                "JdbcMutableAclService",
                "AclService",
                "MutableAclService",
                "BasicLookupStrategy",
                "LookupStrategy",
            }
        ),
        driver_packages=frozenset({"org.springframework.security.acls.jdbc"}),
    ),
    LibraryTables(
        "Spring Security remember-me",
        ("org.springframework.security.web.authentication.rememberme.",),
        frozenset({"PERSISTENT_LOGINS"}),
        drivers=frozenset(
            {
                "JdbcTokenRepositoryImpl",
                "PersistentTokenRepository",
                "PersistentTokenBasedRememberMeServices",
            }
        ),
    ),
    # one entry per store: greenhouse configures only the JDBC token store, so the
    # authorization-code and client-token tables are nobody's; ``ClientDetailsService`` is no
    # driver, an application implements it over its own table (greenhouse's
    # AppClientDetailsService)
    LibraryTables(
        "Spring Security OAuth2 token store",
        _OAUTH2,
        frozenset({"OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN"}),
        drivers=frozenset({"JdbcTokenStore", "TokenStore"}),
    ),
    LibraryTables(
        "Spring Security OAuth2 client details",
        _OAUTH2,
        frozenset({"OAUTH_CLIENT_DETAILS"}),
        drivers=frozenset({"JdbcClientDetailsService"}),
    ),
    LibraryTables(
        "Spring Security OAuth2 authorization codes",
        _OAUTH2,
        frozenset({"OAUTH_CODE"}),
        drivers=frozenset({"JdbcAuthorizationCodeServices"}),
    ),
    LibraryTables(
        "Spring Security OAuth2 approvals",
        _OAUTH2,
        frozenset({"OAUTH_APPROVALS"}),
        drivers=frozenset({"JdbcApprovalStore"}),
    ),
    LibraryTables(
        "Spring Security OAuth2 client tokens",
        ("org.springframework.security.oauth2.client.",),
        frozenset({"OAUTH_CLIENT_TOKEN"}),
        drivers=frozenset({"JdbcClientTokenServices", "ClientTokenServices"}),
    ),
    LibraryTables(
        "BPM engine (Activiti, Flowable, Camunda)",
        ("org.activiti.", "org.flowable.", "org.camunda."),
        prefixes=tuple(f"ACT_{p}_" for p in ("RE", "RU", "HI", "GE", "ID", "EVT", "PROCDEF")),
        # the engine's services: JeeSite's IdGen (an IdGenerator), its Leave entity and a
        # BPMN JSON converter reference the engine's types without driving it
        drivers=frozenset(
            {
                "ProcessEngine",
                "ProcessEngines",
                "RuntimeService",
                "TaskService",
                "RepositoryService",
                "HistoryService",
                "IdentityService",
                "ManagementService",
                "FormService",
                "DynamicBpmnService",
                "ProcessRuntime",  # Activiti 7
                "TaskRuntime",
                "ExternalTaskService",  # Camunda
                "DecisionService",
                "CaseService",
                "FilterService",
                "AuthorizationService",
            }
        ),
        driver_packages=frozenset(
            {
                "org.activiti.engine",
                "org.flowable.engine",
                "org.camunda.bpm.engine",
                "org.activiti.api.process.runtime",
                "org.activiti.api.task.runtime",
            }
        ),
    ),
    LibraryTables("ShedLock", ("net.javacrumbs.shedlock.",), frozenset({"SHEDLOCK"})),
    LibraryTables("SnailJob", ("com.aizuda.snailjob.",), prefixes=("SJ_",)),
)
_PACKAGES = tuple(p for lib in LIBRARIES for p in lib.packages)


def library_keeps(table: str) -> bool:
    """Whether a catalogued library keeps ``table`` (Quartz's ``QRTZ_TRIGGERS``)."""
    return any(lib.keeps(table) for lib in LIBRARIES)


def library_of(fqn: str, wildcards: Iterable[str] | None = None) -> LibraryTables | None:
    """The catalogued library a referenced type or imported package belongs to.

    A simple name (no package) is a type the class's sources could not resolve, brought in by
    an on-demand import: ``JdbcTokenStore`` under ``import
    org.springframework.security.oauth2.provider.token.store.*;``. It is taken for the library
    it drives when one of ``wildcards`` (the class's on-demand imports) is a package of that
    library; when they are not given, for the one library whose driver bears that name.

    >>> store = "org.springframework.security.oauth2.provider.token.store"
    >>> library_of("JdbcTokenStore", [store]).name
    'Spring Security OAuth2 token store'
    >>> library_of("JdbcTokenStore", ["com.acme"]) is None, library_of("Job") is None
    (True, True)
    """
    if "." not in fqn:
        return _driver_named(fqn, wildcards)
    name = fqn + "."  # a wildcard import names the package itself
    if not name.startswith(_PACKAGES):
        return None
    # several stores of one library share its packages: the one ``fqn`` drives, else the first
    libraries = [lib for lib in LIBRARIES if name.startswith(lib.packages)]
    return next((lib for lib in libraries if lib.driven_by(fqn)), libraries[0])


def _driver_named(simple: str, wildcards: Iterable[str] | None) -> LibraryTables | None:
    imported = None if wildcards is None else tuple(w + "." for w in wildcards)
    return next(
        (
            lib
            for lib in LIBRARIES
            if simple in lib.drivers
            and (imported is None or any(w.startswith(lib.packages) for w in imported))
        ),
        None,
    )


def library_accesses(
    users: Mapping[str, Mapping[str, SourceRef]], tables: Iterable[str]
) -> list[TableAccess]:
    """``users``: class -> library name -> where it references the library. Each class writes
    each table of the libraries it uses, on their behalf."""
    kept = {lib.name: [t for t in sorted(tables) if lib.keeps(t)] for lib in LIBRARIES}
    return [
        TableAccess(cls, table, Access.WRITE, ref, LIBRARY_VIA + name)
        for cls, libraries in sorted(users.items())
        for name, ref in sorted(libraries.items())
        for table in kept.get(name, ())
    ]
