"""DDL scripts: tables, columns, keys and comments; with or without semicolons; across files."""

from hypothesis import given, settings
from hypothesis import strategies as st

from msadecomp.ingest.sql_ddl import DdlReader, parse_ddl
from msadecomp.ingest.sql_script import statements
from msadecomp.ingest.sql_tables import is_table_name

SCRIPT = """
-- orders (Oracle)
CREATE TABLE ORDERS (
    ORDER_ID   VARCHAR2(20) NOT NULL,
    CUST_ID    VARCHAR2(20) REFERENCES CUSTOMER (CUST_ID),
    NOTE       VARCHAR2(100) DEFAULT 'a, b',
    CONSTRAINT ORDERS_PK PRIMARY KEY (ORDER_ID)
);
CREATE TABLE IF NOT EXISTS app.`order_line` (
    LINE_NO INT PRIMARY KEY,
    ORDER_ID VARCHAR(20),
    PRICE NUMERIC(10, 2),
    FOREIGN KEY (ORDER_ID) REFERENCES ORDERS (ORDER_ID)
);
ALTER TABLE ORDERS ADD CONSTRAINT ORDERS_FK2 FOREIGN KEY (CUST_ID, X) REFERENCES CUSTOMER (CUST_ID, X);
"""

NO_SEMICOLONS = """CREATE TABLE A (ID INT PRIMARY KEY)
CREATE TABLE B (ID INT, A_ID INT REFERENCES A(ID))
/
create table C (ID INT)
GO
"""


def test_tables_columns_and_keys() -> None:
    tables, diags = parse_ddl("s.sql", SCRIPT)
    by = {t.name: t for t in tables}
    assert not diags
    assert by["ORDERS"].columns == ("ORDER_ID", "CUST_ID", "NOTE")
    assert by["ORDERS"].primary_key == ("ORDER_ID",)
    assert by["ORDERS"].source.line == 3
    fks = {(fk.columns, fk.ref_table) for fk in by["ORDERS"].foreign_keys}
    assert fks == {(("CUST_ID",), "CUSTOMER"), (("CUST_ID", "X"), "CUSTOMER")}
    line = by["ORDER_LINE"]
    assert line.columns == ("LINE_NO", "ORDER_ID", "PRICE") and line.primary_key == ("LINE_NO",)
    assert line.foreign_keys[0].ref_table == "ORDERS"


def test_scripts_without_semicolons_split_per_statement() -> None:
    tables, _ = parse_ddl("n.sql", NO_SEMICOLONS)
    assert [t.name for t in tables] == ["A", "B", "C"]
    assert [t.source.line for t in tables] == [1, 2, 4]
    assert tables[1].foreign_keys[0].ref_table == "A"


def test_unbalanced_create_is_a_diagnostic() -> None:
    tables, diags = parse_ddl("u.sql", "CREATE TABLE BROKEN (ID INT, X VARCHAR(3)")
    assert [t.name for t in tables] == ["BROKEN"] and diags[0].code == "sql.unbalanced"


def test_alter_table_in_a_later_migration_adds_keys_and_columns() -> None:
    reader = DdlReader()
    reader.add("V1__init.sql", "CREATE TABLE orders (id INT, cust INT);", "postgres")
    reader.add(
        "V2__keys.sql",
        "ALTER TABLE ONLY public.orders ADD CONSTRAINT fk FOREIGN KEY (cust) REFERENCES customer(id);\n"
        "ALTER TABLE orders ADD COLUMN note TEXT;\n"
        "ALTER TABLE ONLY orders ADD CONSTRAINT pk PRIMARY KEY (id);",
        "postgres",
    )
    (orders,) = reader.tables()
    assert orders.name == "ORDERS" and orders.source.path == "V1__init.sql"
    assert orders.columns == ("ID", "CUST", "NOTE")
    assert orders.primary_key == ("ID",)
    assert [(fk.columns, fk.ref_table) for fk in orders.foreign_keys] == [(("CUST",), "CUSTOMER")]


def test_alter_before_create_in_reading_order_still_applies() -> None:
    reader = DdlReader()
    reader.add("a.sql", "ALTER TABLE B ADD CONSTRAINT F FOREIGN KEY (X) REFERENCES C (X);")
    reader.add("b.sql", "CREATE TABLE B (X INT);")
    (b,) = reader.tables()
    assert b.source.path == "b.sql" and b.foreign_keys[0].ref_table == "C"


def test_a_table_renamed_by_a_later_migration_goes_by_its_new_name() -> None:
    reader = DdlReader()
    reader.add("7__seq.sql", "create table order_number_sequence (number int primary key);")
    reader.add(
        "8__orders.sql", "create table orders (n int references order_number_sequence(number));"
    )
    reader.add("16__rename.sql", "alter table order_number_sequence rename to order_numbers;")
    # the pattern scanner too (backquotes outside MySQL: sqlglot rejects the statement), and
    # a rename of no known table
    reader.add(
        "17__more.sql",
        "ALTER TABLE `orders` RENAME TO `purchase_orders`;\nALTER TABLE x RENAME TO y;",
    )
    tables = {t.name: t for t in reader.tables()}
    assert sorted(tables) == ["ORDER_NUMBERS", "PURCHASE_ORDERS"]
    assert tables["ORDER_NUMBERS"].source.path == "7__seq.sql"
    assert tables["ORDER_NUMBERS"].primary_key == ("NUMBER",)
    assert tables["PURCHASE_ORDERS"].foreign_keys[0].ref_table == "ORDER_NUMBERS"


def test_a_table_renamed_away_and_created_anew_is_two_tables() -> None:
    reader = DdlReader()
    reader.add("V1.sql", "CREATE TABLE orders (id INT PRIMARY KEY, legacy INT);")
    reader.add(
        "V1b.sql", "ALTER TABLE orders ADD COLUMN note INT;\nCOMMENT ON TABLE orders IS 'old';"
    )
    reader.add("V2.sql", "ALTER TABLE orders RENAME TO orders_archive;")
    reader.add(
        "V3.sql",
        "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT);\n"
        "CREATE TABLE items (order_id INT REFERENCES orders(id));\n"
        "ALTER TABLE orders ADD COLUMN total INT;",
    )
    tables = {t.name: t for t in reader.tables()}
    assert sorted(tables) == ["ITEMS", "ORDERS", "ORDERS_ARCHIVE"]
    assert tables["ORDERS_ARCHIVE"].columns == ("ID", "LEGACY", "NOTE")
    assert tables["ORDERS_ARCHIVE"].comment == "old"
    assert tables["ORDERS"].columns == ("ID", "CUSTOMER_ID", "TOTAL")
    assert tables["ITEMS"].foreign_keys[0].ref_table == "ORDERS"


def test_mysql_rename_table_and_a_migrations_drops_take_effect_in_reading_order() -> None:
    """PublicCMS's upgrade scripts: ``RENAME TABLE a TO b, c TO d``; a table dropped by a
    migration is gone unless created again; ``DROP TABLE IF EXISTS`` ahead of the CREATE (a
    dump's idiom) changes nothing; a script of drops only (Activiti's drop scripts) is a
    clean-up, not a migration."""
    reader = DdlReader()
    reader.add(
        "init.sql",
        "DROP TABLE IF EXISTS `trade_order`;\nCREATE TABLE `trade_order` (id INT);\n"
        "CREATE TABLE trade_order_history (id INT);\nCREATE TABLE home_page (id INT);\n"
        "CREATE TABLE cms_lottery (id INT);\nCREATE TABLE act_ru_task (id INT);\n"
        "CREATE TABLE log_visit (id INT);\nALTER TABLE home_page ADD COLUMN title INT;\n"
        "ALTER TABLE log_visit ADD COLUMN legacy INT;",
    )
    reader.add(
        "V2.sql",
        "RENAME TABLE `trade_order` TO `trade_payment`, trade_order_history TO "
        "trade_payment_history;\nDROP TABLE IF EXISTS home_page, `cms_lottery` CASCADE;\n"
        "CREATE TABLE sys_module (id INT);\nDROP TABLE log_visit;",
    )
    reader.add(
        "V3.sql",
        "CREATE TABLE log_visit (id INT, day INT);\nALTER TABLE `log_visit` RENAME `visit`;\n"
        "ALTER TABLE visit RENAME COLUMN day TO visit_day;",
    )
    reader.add("act.drop.sql", "DROP TABLE act_ru_task;")
    # a dump drops and creates each table again: the copies merge, nothing is lost
    reader.add(
        "dump1.sql",
        "CREATE TABLE page (id INT, x INT);\n"
        "ALTER TABLE page ADD CONSTRAINT f FOREIGN KEY (x) REFERENCES sys_module(id);",
    )
    reader.add("dump2.sql", "DROP TABLE IF EXISTS page;\nCREATE TABLE page (id INT);")
    tables = {t.name: t for t in reader.tables()}
    assert sorted(tables) == [
        "ACT_RU_TASK",
        "PAGE",
        "SYS_MODULE",
        "TRADE_PAYMENT",
        "TRADE_PAYMENT_HISTORY",
        "VISIT",  # MySQL's RENAME without TO
    ]
    assert tables["VISIT"].columns == ("ID", "DAY")  # not the dropped table's LEGACY
    assert [fk.ref_table for fk in tables["PAGE"].foreign_keys] == ["SYS_MODULE"]


def test_a_later_migration_that_only_drops_removes_the_table_and_the_keys_to_it() -> None:
    """dhis2's ``V2_37_17__Remove_Chart_and_ReportTable.sql`` creates nothing: its drops had
    been ignored like a clean-up script's, leaving 168 tables the migrations removed."""
    reader = DdlReader()
    reader.add(
        "2.30/V2_30_0__init.sql",
        "CREATE TABLE chart (chartid INT);\nCREATE TABLE dashboarditem (chartid INT);\n"
        "CREATE TABLE keep (id INT);\n"
        "ALTER TABLE dashboarditem ADD CONSTRAINT f FOREIGN KEY (chartid) REFERENCES chart;",
        "postgres",
    )
    reader.add("2.31/V2_31_2__alter_only.sql", "ALTER TABLE legacy ADD COLUMN x INT;")
    reader.add("2.37/V2_37_17__Remove_Chart.sql", "DROP TABLE IF EXISTS chart;")
    reader.add("2.38/V2_38_1__Drop_legacy.sql", "DROP TABLE legacy CASCADE;")
    tables = {t.name: t for t in reader.tables()}
    assert sorted(tables) == ["DASHBOARDITEM", "KEEP"]
    assert tables["DASHBOARDITEM"].foreign_keys == ()


def test_clean_up_scripts_that_only_drop_change_nothing() -> None:
    """Activiti's, iTrust's and JForum's drop scripts and a Flyway undo script tear a
    database down; they are no step of its history."""
    for name in (
        "db/drop/activiti.h2.drop.engine.sql",
        "sql/dropTables.sql",
        "database/oracle/oracle_drop_tables.sql",
        "db/migration/U2__orders.sql",
        "sql/cleanDb.sql",
        "sql/teardown.sql",
        "sql/uninstall.sql",
        "sql/destroy_schema.sql",
        "sql/purge.sql",
        "sql/remove_all.sql",
        "db/drop/mysql.sql",
        "db/cleanup/mysql.sql",
        "db/teardown/mysql.sql",
        "db/uninstall/mysql.sql",
        "db/destroy/mysql.sql",
        "db/purge/mysql.sql",
        "db/remove/mysql.sql",
    ):
        reader = DdlReader()
        reader.add("db/migration/V1__init.sql", "CREATE TABLE orders (id INT);")
        reader.add(name, "DROP TABLE orders;")
        assert [t.name for t in reader.tables()] == ["ORDERS"], name
    for name, text in (
        ("db/migration/V2__drop_orders.sql", "DROP TABLE orders;"),
        (
            "db/changelog/drop_orders.sql",
            "--liquibase formatted sql\n--changeset a:2\nDROP TABLE orders;",
        ),
        ("db/dropwizard/orders.sql", "DROP TABLE orders;"),
    ):
        reader = DdlReader()
        reader.add("db/migration/V1__init.sql", "CREATE TABLE orders (id INT);")
        reader.add(name, text)
        assert reader.tables() == [], name


_STEPS = st.lists(
    st.tuples(st.sampled_from(["create", "drop", "alter"]), st.sampled_from("abcd")),
    max_size=12,
)


@settings(max_examples=100, deadline=None)
@given(_STEPS)
def test_migrations_of_creates_and_drops_end_in_the_tables_created_last(
    steps: list[tuple[str, str]],
) -> None:
    """One step per Flyway migration: a table is there at the end when created and not
    dropped since, or altered since its last drop (an ALTER of a table no script created
    still names one)."""
    reader = DdlReader()
    alive: set[str] = set()
    for n, (verb, name) in enumerate(steps, start=1):
        sql = {
            "create": f"CREATE TABLE {name} (id INT);",
            "drop": f"DROP TABLE IF EXISTS {name};",
            "alter": f"ALTER TABLE {name} ADD COLUMN c{n} INT;",
        }[verb]
        reader.add(f"V{n}__step.sql", sql)
        (alive.discard if verb == "drop" else alive.add)(name)
    assert sorted(t.name for t in reader.tables()) == sorted(n.upper() for n in alive)


def test_a_rename_into_a_table_read_already_leaves_no_table_of_the_old_name() -> None:
    """Openfire: the final schema (``openfire_oracle.sql``) is read before ``upgrade/*/``;
    ``upgrade/6`` alters the never-created ``jiveUser`` and ``upgrade/19`` renames it to
    ``ofUser``, which the schema created: ``JIVEUSER`` had survived as a table."""
    reader = DdlReader()
    reader.add(
        "database/openfire_oracle.sql",
        "CREATE TABLE ofUser (username VARCHAR2(64), plainPassword VARCHAR2(32));\n"
        "CREATE TABLE ofGroup (groupName VARCHAR2(50));\nCREATE TABLE ofVCard (x INT);",
        "oracle",
    )
    reader.add(
        "database/upgrade/1/openfire_oracle.sql",
        "DROP TABLE jiveGroup;\nCREATE TABLE jiveGroup (groupName VARCHAR2(50), legacy INT);\n"
        "CREATE TABLE jiveGroupProp (groupName VARCHAR2(50));\n"
        "ALTER TABLE jiveGroupProp ADD CONSTRAINT f FOREIGN KEY (groupName) "
        "REFERENCES jiveGroup (groupName);",
        "oracle",
    )
    reader.add(
        "database/upgrade/6/openfire_oracle.sql",
        "ALTER TABLE jiveUser MODIFY x VARCHAR2(32) NULL;\n"
        "ALTER TABLE jiveUser ADD encryptedPassword VARCHAR(255);\n"
        "ALTER TABLE jiveGroup ADD old_column INT;",
        "oracle",
    )
    reader.add(
        "database/upgrade/19/openfire_oracle.sql",
        "ALTER TABLE jiveUser RENAME TO ofUser;\nALTER TABLE jiveGroup RENAME TO ofGroup;\n"
        "ALTER TABLE jiveVCard RENAME TO ofVCard;",
        "oracle",
    )
    tables = {t.name: t for t in reader.tables()}
    assert sorted(tables) == ["JIVEGROUPPROP", "OFGROUP", "OFUSER", "OFVCARD"]
    assert tables["OFUSER"].columns == ("USERNAME", "PLAINPASSWORD")  # the schema's
    assert tables["OFGROUP"].columns == ("GROUPNAME",)  # not jiveGroup's old columns
    assert tables["JIVEGROUPPROP"].foreign_keys[0].ref_table == "OFGROUP"


def test_renames_that_wait_follow_reading_order() -> None:
    """A rename waiting for its table is void when the script creates the name again
    (JForum's rc5 upgrade: RENAME to jforum_tmp, CREATE, copy, DROP jforum_tmp) and makes
    nothing when a later migration drops the new name (Openfire's ofPrivate); an ALTER read
    after a rename does not bring the old name back (OpenMRS's 1.4 SQL diff, read after the
    changelog that renamed concept_source); PostgreSQL's ``RENAME a TO b`` renames a column
    (Fineract's Spring Batch upgrade had made tables TYPE_CD and KEY_NAME)."""
    reader = DdlReader()
    reader.add(
        "upgrade/rc5/mysql_rc4_to_rc5.sql",
        "ALTER TABLE jforum_search_results RENAME jforum_tmp;\n"
        "CREATE TABLE jforum_search_results (topic_id INT);\n"
        "INSERT INTO jforum_search_results (topic_id) SELECT topic_id FROM jforum_tmp;\n"
        "DROP TABLE jforum_tmp;",
        "mysql",
    )
    reader.add("upgrade/5/of.sql", "ALTER TABLE jivePrivate ADD x INT;")
    reader.add("upgrade/19/of.sql", "ALTER TABLE jivePrivate RENAME TO ofPrivate;")
    reader.add("upgrade/29/of.sql", "DROP TABLE ofPrivate;")
    reader.add("V1__init.sql", "CREATE TABLE concept_source (id INT);")
    reader.add("V2__rename.sql", "ALTER TABLE concept_source RENAME TO concept_reference_source;")
    reader.add("V3__old_diff.sql", "ALTER TABLE concept_source ADD INDEX i (id);")
    reader.add(
        "V4__batch.sql",
        "CREATE TABLE batch_job_execution_params (type_cd VARCHAR(6));\n"
        "ALTER TABLE batch_job_execution_params RENAME type_cd TO parameter_type;",
        "postgres",
    )
    assert sorted(t.name for t in reader.tables()) == [
        "BATCH_JOB_EXECUTION_PARAMS",
        "CONCEPT_REFERENCE_SOURCE",
        "JFORUM_SEARCH_RESULTS",
    ]


def test_a_rename_waits_on_through_a_create_in_a_later_script() -> None:
    """Only a CREATE in the rename's own script voids it (JForum's rc5 re-creates the name it
    renamed away); an upgrade read before the schema that creates its table still renames
    the table the schema creates."""
    reader = DdlReader()
    reader.add("upgrade/2/up.sql", "ALTER TABLE jiveVersion RENAME TO ofVersion;")
    reader.add("schema/base.sql", "CREATE TABLE jiveVersion (name VARCHAR(50));")
    assert [t.name for t in reader.tables()] == ["OFVERSION"]


def test_a_migration_tools_own_tables_are_left_out() -> None:
    reader = DdlReader()
    reader.add(
        "dump.sql",
        "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255));\nCREATE TABLE m_loan (id INT);",
    )
    assert [t.name for t in reader.tables()] == ["M_LOAN"]


def test_a_mysql_dump_escaping_quotes_with_backslashes_is_read_whole() -> None:
    """Fineract's demo dumps: ``'Tonga Pa\\'anga'`` had every later table read as a string."""
    dump = (
        "CREATE TABLE m_currency (code VARCHAR(3), name VARCHAR(50));\n"
        "INSERT INTO m_currency VALUES ('TOP','Tonga Pa\\'anga'),('UAH','Ukraine Hryvnia');\n"
        "INSERT INTO m_currency VALUES ('X','a \\\\'), ('Y', 'b');\n"  # an escaped backslash
        "CREATE TABLE m_loan (id INT);\n"
    )
    reader = DdlReader()
    reader.add("dump.sql", dump, "mysql")
    assert [t.name for t in reader.tables()] == ["M_CURRENCY", "M_LOAN"]
    assert not reader.diagnostics
    # an even number of escaped quotes leaves no quote open, yet swallows a table
    even = DdlReader()
    even.add(
        "even.sql",
        "CREATE TABLE a (x INT);\nINSERT INTO a VALUES ('Tonga Pa\\'anga');\n"
        "CREATE TABLE b (x INT);\nINSERT INTO a VALUES ('O\\'Brien');\nCREATE TABLE c (x INT);",
    )
    assert [t.name for t in even.tables()] == ["A", "B", "C"]
    # standard SQL keeps its reading: a backslash is a character like any other
    standard = DdlReader()
    standard.add("a.sql", "INSERT INTO P VALUES ('C:\\');\nCREATE TABLE T (X INT);")
    assert [t.name for t in standard.tables()] == ["T"]


def test_create_table_as_select_is_a_table() -> None:
    tables, _ = parse_ddl("c.sql", "CREATE TABLE ARCHIVE AS SELECT * FROM ORDERS;", "oracle")
    assert [t.name for t in tables] == ["ARCHIVE"]


def test_comment_on_and_mysql_inline_comments_are_kept() -> None:
    oracle = """CREATE TABLE BBS (BBS_ID CHAR(20), BBS_NM VARCHAR2(255));
COMMENT ON TABLE BBS IS '게시판 마스터';
COMMENT ON COLUMN BBS.BBS_NM IS '게시판 이름';"""
    mysql = """CREATE TABLE `bbs_mst` (
  `bbs_id` CHAR(20) NOT NULL COMMENT '게시판 ID',
  `it's` INT
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='게시판';"""
    (bbs,) = parse_ddl("o.sql", oracle, "oracle")[0]
    assert bbs.comment == "게시판 마스터"
    assert bbs.column_comments == (("BBS_NM", "게시판 이름"),)
    (mst,) = parse_ddl("m.sql", mysql, "mysql")[0]
    assert mst.comment == "게시판" and mst.column_comments == (("BBS_ID", "게시판 ID"),)


def test_statements_sqlglot_rejects_are_read_by_the_scanner() -> None:
    odd = "CREATE TABLE T1 (ID NUMBER(10) ENCODE WEIRD VENDOR THING, NM VARCHAR2(3)) PARTITION BY ???;"
    reader = DdlReader()
    reader.add("odd.sql", odd, "oracle")
    (t1,) = reader.tables()
    assert t1.columns == ("ID", "NM") and reader.stats.scanned == 1


def test_data_statements_are_not_parsed() -> None:
    script = "CREATE TABLE A (X INT);\n" + "INSERT INTO A VALUES (1);\n" * 1000 + "COMMIT;"
    reader = DdlReader()
    reader.add("mixed.sql", script)
    assert [t.name for t in reader.tables()] == ["A"]
    assert reader.stats.parsed == 1 and reader.stats.skipped_data == 1001


def test_unterminated_comment_is_a_diagnostic() -> None:
    tables, diags = parse_ddl("c.sql", "CREATE TABLE A (X INT);\n/* no end " + "x " * 200_000)
    assert [t.name for t in tables] == ["A"]
    assert [(d.code, d.source.line) for d in diags] == [("sql.unterminated-comment", 2)]


def test_many_statements_on_one_line() -> None:
    script = "".join(f"CREATE TABLE T{i} (ID INT);" for i in range(3_000))
    script += "INSERT INTO T0 VALUES (1, 'a;b');" * 100_000
    reader = DdlReader()
    reader.add("one-line.sql", script)
    assert len(reader.tables()) == 3_000 and not reader.diagnostics
    assert reader.stats.parsed == 2_000 and reader.stats.scanned == 1_000  # sqlglot's budget


def test_quoted_identifier_with_doubled_quotes_is_kept() -> None:
    tables, _ = parse_ddl("q.sql", 'CREATE TABLE "A""B" ("X""Y" INT);', "oracle")
    assert [(t.name, t.columns) for t in tables] == [('A"B', ('X"Y',))]


MUTATIONS = st.sampled_from(["(", ")", "'", '"', ";", ",", "--", "/*", "ALTER", "CREATE", " "])


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_without_raising(text: str) -> None:
    tables, _ = parse_ddl("fuzz.sql", text)
    assert all(is_table_name(t.name) for t in tables)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(SCRIPT)), st.lists(MUTATIONS, max_size=4))
def test_mutated_real_script_never_raises(at: int, inserted: list[str]) -> None:
    tables, _ = parse_ddl("mutated.sql", SCRIPT[:at] + "".join(inserted) + SCRIPT[at:], "oracle")
    assert all(is_table_name(t.name) for t in tables)
    assert all(is_table_name(c) for t in tables for c in t.columns)


def test_other_alter_and_comment_statements_are_not_tables() -> None:
    script = """CREATE TABLE T (X INT);
ALTER SESSION SET NLS_DATE_FORMAT = 'YYYY';
ALTER VIEW V_T COMPILE;
ALTER INDEX I_T REBUILD;
ALTER SEQUENCE S_T INCREMENT BY 2;
COMMENT ON VIEW V_T IS 'view';
CREATE VIEW V_T AS SELECT * FROM T;
CREATE INDEX I_T ON T (X);"""
    tables, diags = parse_ddl("misc.sql", script, "oracle")
    assert [t.name for t in tables] == ["T"] and not diags


def test_comments_on_views_make_no_tables() -> None:
    script = """CREATE VIEW V_BBS AS SELECT * FROM BBS;
COMMENT ON TABLE V_BBS IS '뷰';
COMMENT ON COLUMN V_BBS.NM IS '이름';"""
    assert parse_ddl("v.sql", script, "oracle")[0] == []


@given(st.text(alphabet="ab'\"\\;\n-/*", max_size=200))
def test_any_text_splits_with_backslash_escapes_without_raising(text: str) -> None:
    for stmt in statements(text, backslash=True):
        assert stmt.line >= 1 and stmt.text


def test_views_the_scripts_create_are_known_and_are_no_tables() -> None:
    reader = DdlReader()
    reader.add(
        "ddl.sql",
        "CREATE TABLE COMTNEMPLYRINFO (ESNTL_ID CHAR(20));\n"
        "CREATE VIEW COMVNUSERMASTER (ESNTL_ID) AS SELECT ESNTL_ID FROM COMTNEMPLYRINFO;\n"
        "CREATE OR REPLACE FORCE VIEW app.v_orders AS SELECT 1 FROM dual;\n"
        "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `v_a` AS SELECT 1;\n"
        'CREATE OR REPLACE FORCE EDITIONABLE VIEW "APP"."V_ORA" AS SELECT 1 FROM DUAL;\n'
        "CREATE OR REPLACE TEMP VIEW v_temp AS SELECT 1;",
    )
    assert reader.views == {"COMVNUSERMASTER", "V_ORDERS", "V_A", "V_ORA", "V_TEMP"}
    assert [t.name for t in reader.tables()] == ["COMTNEMPLYRINFO"]
