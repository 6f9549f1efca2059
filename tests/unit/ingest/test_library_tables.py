"""Tables a library keeps (Quartz's job store, Spring Social's connections) go with the classes
that use the library, instead of being reported as unreferenced."""

from collections.abc import Callable
from pathlib import Path

from msadecomp import Config, analyze
from msadecomp.ingest import ingest
from msadecomp.ingest.library_tables import LIBRARIES, library_accesses, library_of
from msadecomp.model import LIBRARY_VIA, Access, SourceRef
from msadecomp.report.markdown import to_markdown

REF = SourceRef("Job.java", 1)


def test_a_library_is_known_by_its_api_packages_and_its_tables_by_name() -> None:
    assert library_of("org.quartz.Scheduler") is not None
    assert library_of("org.quartz") is not None  # a wildcard import names the package
    assert library_of("org.quartzite.Thing") is None
    assert library_of("java.util.List") is None
    keeps = {lib.name: lib.keeps for lib in LIBRARIES}
    assert keeps["Quartz"]("qrtz_job_details") and not keeps["Quartz"]("QUARTZ_JOB")
    assert keeps["Spring Batch"]("BATCH_JOB_INSTANCE") and not keeps["Spring Batch"]("BATCH_ORDER")
    assert keeps["Spring Social"]("UserConnection")


def test_each_class_using_a_library_writes_its_tables_on_its_behalf() -> None:
    users = {"a.JobService": {"Quartz": REF}, "a.Web": {}}
    got = library_accesses(users, ["QRTZ_TRIGGERS", "ORDERS", "QRTZ_LOCKS"])
    assert [(a.source, a.table, a.access) for a in got] == [
        ("a.JobService", "QRTZ_LOCKS", Access.WRITE),
        ("a.JobService", "QRTZ_TRIGGERS", Access.WRITE),
    ]
    assert all(a.via == LIBRARY_VIA + "Quartz" and a.generated for a in got)


SOURCES = {
    "src/main/java/a/job/ScheduleUtils.java": """package a.job;
import org.quartz.*;
public class ScheduleUtils {
    public void plan(Scheduler scheduler) { }
}
""",
    "src/main/java/a/job/JobService.java": """package a.job;
import org.quartz.Scheduler;
public class JobService {
    private Scheduler scheduler;
    private JobDao dao;
    private ScheduleUtils utils;
    public void run() { dao.insert(); utils.plan(scheduler); }
}
""",
    "src/main/java/a/job/JobDao.java": """package a.job;
public class JobDao {
    public void insert() { String sql = "insert into SYS_JOB (ID) values (1)"; }
}
""",
    "src/main/java/a/user/UserDao.java": """package a.user;
public class UserDao {
    public void insert() { String sql = "insert into SYS_USER (ID) values (1)"; }
}
""",
    "src/main/java/a/user/UserService.java": """package a.user;
public class UserService {
    private UserDao dao;
    public void add() { dao.insert(); }
}
""",
    "sql/schema.sql": """CREATE TABLE SYS_JOB (ID INT PRIMARY KEY);
CREATE TABLE SYS_USER (ID INT PRIMARY KEY);
CREATE TABLE QRTZ_JOB_DETAILS (SCHED_NAME VARCHAR(120), JOB_NAME VARCHAR(190),
  PRIMARY KEY (SCHED_NAME, JOB_NAME));
CREATE TABLE QRTZ_TRIGGERS (SCHED_NAME VARCHAR(120), TRIGGER_NAME VARCHAR(190),
  JOB_NAME VARCHAR(190), PRIMARY KEY (SCHED_NAME, TRIGGER_NAME),
  FOREIGN KEY (SCHED_NAME, JOB_NAME) REFERENCES QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME));
""",
}


def test_the_quartz_job_store_goes_with_the_service_that_schedules_jobs(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    root = tree(SOURCES)
    model = ingest(root, jobs=1)
    users = {a.source for a in model.table_accesses if a.via == LIBRARY_VIA + "Quartz"}
    assert users == {"a.job.ScheduleUtils", "a.job.JobService"}  # wildcard and single import
    report = analyze(root, Config(seed=1, jobs=1)).report
    owners = {t: x["owner"] for t, x in report["tables"].items()}
    assert owners["QRTZ_TRIGGERS"] == owners["QRTZ_JOB_DETAILS"] == owners["SYS_JOB"]
    assert owners["SYS_USER"] != owners["SYS_JOB"]
    assert report["unreferenced_tables"] == []
    assert report["tables"]["QRTZ_TRIGGERS"]["kept_by"] == ["Quartz"]
    assert "kept_by" not in report["tables"]["SYS_JOB"]
    assert "`QRTZ_JOB_DETAILS` (Quartz), `QRTZ_TRIGGERS` (Quartz)" in to_markdown(report)


def test_a_bpm_engine_is_driven_through_its_services_not_by_any_of_its_types(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    """JeeSite: ``ActTaskService`` drives Activiti through its ``TaskService``; ``IdGen``
    only implements the engine's ``IdGenerator`` and writes none of the ``ACT_*`` tables."""
    root = tree(
        {
            "src/main/java/a/act/ActTaskService.java": """package a.act;
import org.activiti.engine.TaskService;
public class ActTaskService { private TaskService taskService; }""",
            "src/main/java/a/util/IdGen.java": """package a.util;
import org.activiti.engine.impl.cfg.IdGenerator;
public class IdGen implements IdGenerator { public String getNextId() { return ""; } }""",
            "src/main/java/a/act/FlowService.java": """package a.act;
import org.flowable.engine.*;
public class FlowService { private RuntimeService runtimeService; }""",
            "sql/act.sql": "CREATE TABLE ACT_RU_TASK (ID_ VARCHAR(64) PRIMARY KEY);",
        }
    )
    model = ingest(root, jobs=1)
    assert {a.source for a in model.table_accesses} == {
        "a.act.ActTaskService",
        "a.act.FlowService",
    }


def test_only_a_librarys_data_access_types_write_its_tables(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    """Greenhouse: a ``Twitter`` API client, Spring Social's ``UserProfile`` or OAuth2's
    ``OAuth2Exception`` writes no table; the connection repository and the JDBC token store
    do, and the token store only its own tables."""
    root = tree(
        {
            "src/main/java/a/TweetController.java": """package a;
import org.springframework.social.twitter.api.Twitter;
public class TweetController { private Twitter twitter; }""",
            "src/main/java/a/SignupForm.java": """package a;
import org.springframework.social.connect.UserProfile;
public class SignupForm { static SignupForm of(UserProfile p) { return null; } }""",
            "src/main/java/a/Invites.java": """package a;
import org.springframework.social.connect.UsersConnectionRepository;
public class Invites { private UsersConnectionRepository connections; }""",
            "src/main/java/a/Clients.java": """package a;
import org.springframework.security.oauth2.common.exceptions.OAuth2Exception;
import org.springframework.security.oauth2.provider.ClientDetailsService;
public class Clients implements ClientDetailsService { OAuth2Exception e; }""",
            "src/main/java/a/Settings.java": """package a;
import org.springframework.security.oauth2.provider.token.TokenStore;
public class Settings { private TokenStore tokenStore; }""",
            "sql/schema.sql": """CREATE TABLE UserConnection (userId VARCHAR(255) PRIMARY KEY);
CREATE TABLE oauth_access_token (token_id VARCHAR(256) PRIMARY KEY);
CREATE TABLE oauth_code (code VARCHAR(256) PRIMARY KEY);""",
        }
    )
    model = ingest(root, jobs=1)
    got = {(a.source, a.table) for a in model.table_accesses if a.via.startswith(LIBRARY_VIA)}
    assert got == {("a.Invites", "USERCONNECTION"), ("a.Settings", "OAUTH_ACCESS_TOKEN")}


def test_a_driver_brought_in_by_an_on_demand_import_drives_its_library(
    tree: Callable[[dict[str, str]], Path],
) -> None:
    """``JdbcTokenStore`` under ``import ...token.store.*`` and ``JdbcTokenRepositoryImpl``
    under ``import ...rememberme.*`` write their tables although their packages hold no
    drivers only; a plain Quartz job importing ``org.quartz.*`` writes none of ``QRTZ_*``,
    a class scheduling through ``Scheduler`` under the same import does, and one holding
    Reactor's ``Scheduler`` under ``reactor.core.scheduler.*`` does not."""
    root = tree(
        {
            "src/main/java/a/OAuthConfig.java": """package a;
import org.springframework.security.oauth2.provider.token.store.*;
public class OAuthConfig { Object store(Object ds) { return new JdbcTokenStore(ds); } }""",
            "src/main/java/a/RememberMe.java": """package a;
import org.springframework.security.web.authentication.rememberme.*;
public class RememberMe {
    Object repo() { JdbcTokenRepositoryImpl r = new JdbcTokenRepositoryImpl(); return r; }
}""",
            "src/main/java/a/CleanJob.java": """package a;
import org.quartz.*;
public class CleanJob implements Job {
    public void execute(JobExecutionContext context) { }
}""",
            "src/main/java/a/Planner.java": """package a;
import org.quartz.*;
public class Planner { private Scheduler scheduler; }""",
            "src/main/java/a/Reactive.java": """package a;
import reactor.core.scheduler.*;
public class Reactive { private Scheduler scheduler; }""",
            "sql/schema.sql": """CREATE TABLE oauth_access_token (token_id VARCHAR(256) PRIMARY KEY);
CREATE TABLE persistent_logins (series VARCHAR(64) PRIMARY KEY);
CREATE TABLE QRTZ_TRIGGERS (SCHED_NAME VARCHAR(120) PRIMARY KEY);""",
        }
    )
    model = ingest(root, jobs=1)
    got = {(a.source, a.table) for a in model.table_accesses if a.via.startswith(LIBRARY_VIA)}
    assert got == {
        ("a.OAuthConfig", "OAUTH_ACCESS_TOKEN"),
        ("a.RememberMe", "PERSISTENT_LOGINS"),
        ("a.Planner", "QRTZ_TRIGGERS"),
    }


def test_a_simple_name_drives_a_library_only_through_its_on_demand_imports() -> None:
    store = "org.springframework.security.oauth2.provider.token.store"
    assert library_of("JdbcTokenStore", [store]) is library_of(f"{store}.JdbcTokenStore")
    assert library_of("Scheduler", ["reactor.core.scheduler"]) is None
    assert library_of("Scheduler", ["org.quartz"]) is library_of("org.quartz.Scheduler")
    assert library_of("JobExecutionContext", ["org.quartz"]) is None
    quartz = library_of("org.quartz")
    assert quartz is not None and not quartz.driven_by("org.quartz")
