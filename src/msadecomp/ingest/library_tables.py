"""Tables a library keeps on behalf of the classes that use it.

Some libraries own tables in the application's schema: the Quartz scheduler's ``QRTZ_*`` job
store, Spring Batch's job repository, Spring Social's ``UserConnection``. No statement of the
application reads or writes them, so they used to be reported as unreferenced although they
plainly belong with the classes that drive the library (RuoYi's and eladmin's job services,
eGovFrame's Facebook sign-in). A class that references a library's API is taken to write the
library's tables through it (for a BPM engine, only a class referencing one of its services,
``RuntimeService``, ``TaskService``, ..., or importing their package whole);
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
    """Simple names of the API types through which a class drives the library (and so writes
    its tables); empty when any reference to the library's packages does."""

    driver_packages: frozenset[str] = frozenset()
    """Packages holding the drivers: a wildcard import of one (``org.flowable.engine.*``)
    drives the library too."""

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


LIBRARIES = (
    LibraryTables("Quartz", ("org.quartz.",), prefixes=("QRTZ_",)),
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
    ),
    LibraryTables(
        "Spring Social", ("org.springframework.social.",), frozenset({"USERCONNECTION"})
    ),
    LibraryTables(
        "Spring Session",
        ("org.springframework.session.",),
        frozenset({"SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES"}),
    ),
    LibraryTables(
        "Spring Security ACL",
        ("org.springframework.security.acls.",),
        frozenset({"ACL_SID", "ACL_CLASS", "ACL_OBJECT_IDENTITY", "ACL_ENTRY"}),
    ),
    LibraryTables(
        "Spring Security remember-me",
        ("org.springframework.security.web.authentication.rememberme.",),
        frozenset({"PERSISTENT_LOGINS"}),
    ),
    LibraryTables(
        "Spring Security OAuth2",
        ("org.springframework.security.oauth2.provider.",),
        frozenset(
            f"OAUTH_{t}"
            for t in (
                "CLIENT_DETAILS",
                "CLIENT_TOKEN",
                "ACCESS_TOKEN",
                "REFRESH_TOKEN",
                "CODE",
                "APPROVALS",
            )
        ),
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


def library_of(fqn: str) -> LibraryTables | None:
    """The catalogued library a referenced type or imported package belongs to."""
    name = fqn + "."  # a wildcard import names the package itself
    if not name.startswith(_PACKAGES):
        return None
    return next(lib for lib in LIBRARIES if name.startswith(lib.packages))


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
