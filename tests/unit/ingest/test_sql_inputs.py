"""The SQL side of ingestion: one dialect copy, data-only scripts skipped, migrations in order."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msadecomp.config import Config, config_from_mapping
from msadecomp.errors import ConfigError
from msadecomp.ingest.sources import SourceFile
from msadecomp.ingest.sql_ddl import parse_ddl
from msadecomp.ingest.sql_dialect import choose_copies, dialect_of, ordered, sqlglot_dialect
from msadecomp.ingest.sql_inputs import read_sql_side
from msadecomp.ingest.sql_script import ScriptIssues, is_data_only, statements
from msadecomp.ingest.xml_config import XmlFacts


def test_dialect_names_come_from_file_and_folder_names() -> None:
    assert dialect_of("mapper/com/Board_SQL_oracle.xml") == "oracle"
    assert dialect_of("src/script/ddl/cubrid/board_create_cubrid.sql") == "cubrid"
    assert dialect_of("db/pgsql/V1__init.sql") == "postgres"
    assert dialect_of("ddl/create_sqlserver.sql") == "mssql"
    assert dialect_of("OracleStyleName.xml") is None  # a word, not a name part
    assert sqlglot_dialect("tibero") == "oracle" and sqlglot_dialect(None) is None


def test_the_most_common_dialect_wins_and_ties_are_deterministic() -> None:
    paths = ["a_SQL_oracle.xml", "a_SQL_mysql.xml", "b_SQL_oracle.xml", "b_SQL_mysql.xml"]
    assert choose_copies(paths).dialect == "oracle"
    assert choose_copies(list(reversed(paths))).dialect == "oracle"
    assert choose_copies(paths, "mysql").skipped == ("a_SQL_oracle.xml", "b_SQL_oracle.xml")


def test_a_file_shipped_for_one_database_only_is_kept() -> None:
    paths = ["a_oracle.xml", "a_mysql.xml", "b_oracle.xml", "only_mysql.xml", "plain.xml"]
    choice = choose_copies(paths)
    assert choice.dialect == "oracle"
    assert choice.keep == {"a_oracle.xml", "b_oracle.xml", "only_mysql.xml", "plain.xml"}


def test_copies_for_databases_never_chosen_are_still_copies() -> None:
    """Openfire ships ``openfire_sybase.sql`` beside ``openfire_oracle.sql`` in each upgrade
    folder: read as a dialect-neutral file, it re-created the tables the Oracle copy renamed."""
    paths = [f"upgrade/19/openfire_{d}.sql" for d in ("oracle", "sybase", "firebird", "db2")]
    choice = choose_copies([*paths, "upgrade/20/openfire_oracle.sql"])
    assert choice.dialect == "oracle"
    assert sorted(choice.keep) == [
        "upgrade/19/openfire_oracle.sql",
        "upgrade/20/openfire_oracle.sql",
    ]
    assert dialect_of("openfire_cockroachdb.sql") == "cockroachdb"


def test_a_database_sql_dialect_does_not_accept_ranks_after_every_one_it_does() -> None:
    choice = choose_copies(["db/a_sybase.sql", "db/b_sybase.sql", "db/a_mysql.sql"])
    assert choice.dialect == "mysql"
    assert sorted(choice.keep) == ["db/a_mysql.sql", "db/b_sybase.sql"]


def test_migrations_are_ordered_naturally() -> None:
    assert ordered(["V10__c.sql", "V2__b.sql", "V1__a.sql"]) == [
        "V1__a.sql",
        "V2__b.sql",
        "V10__c.sql",
    ]


def test_a_version_runs_before_its_continuations_and_a_pre_release_first() -> None:
    """JForum's upgrade folders: rc4_to_rc5, rc5_to_2, 2.0.2_to_2.1, ..., 2.1.7_to_2.1.8;
    ``2.1.8/`` had sorted before ``2.1/`` and ``rc5/`` last, so rc5 re-created the
    jforum_search_* tables 2.1.8 drops."""
    paths = ["up/2.1.8/m.sql", "up/rc5/m.sql", "up/2.1/m.sql", "up/2.0/m.sql", "up/2.1.5/m.sql"]
    assert ordered(paths) == [
        "up/rc5/m.sql",
        "up/2.0/m.sql",
        "up/2.1/m.sql",
        "up/2.1.5/m.sql",
        "up/2.1.8/m.sql",
    ]
    assert ordered(["V2_1_8__b.sql", "V2_1__a.sql"]) == ["V2_1__a.sql", "V2_1_8__b.sql"]
    # pre-releases by their numbers; names alike but for a separator in one fixed order
    assert ordered(["up/rc10/m.sql", "up/rc9/m.sql"]) == ["up/rc9/m.sql", "up/rc10/m.sql"]
    assert ordered(["a/1_2.sql", "a/1.2.sql"]) == ordered(["a/1.2.sql", "a/1_2.sql"])
    sql_files = [
        sql_file("upgrade/2.1.8/mysql_2.1.7_to_2.1.8.sql", "DROP TABLE jforum_search_words;"),
        sql_file("upgrade/rc5/mysql_rc4_to_rc5.sql", "CREATE TABLE jforum_search_words (w INT);"),
        sql_file("upgrade/2.1/mysql_2.0.2_to_2.1.sql", "CREATE TABLE jforum_kept (w INT);"),
    ]
    assert sorted(read_sql_side([], sql_files, XmlFacts()).tables) == ["JFORUM_KEPT"]


def test_sql_dialect_setting_is_validated() -> None:
    assert config_from_mapping({"sql_dialect": "cubrid"}).sql_dialect == "cubrid"
    assert Config().sql_dialect is None
    with pytest.raises(ConfigError, match="sql_dialect"):
        Config(sql_dialect="foxpro")
    with pytest.raises(ConfigError, match="sql_dialect"):
        config_from_mapping({"sql_dialect": 3})


def test_splitter_handles_quotes_comments_and_separators() -> None:
    script = """-- header; not a statement
INSERT INTO A VALUES ('it''s; fine', "x;y");
/* block; comment */ CREATE TABLE B (X INT)
/
ALTER TABLE B ADD (Y INT)
GO
COMMENT ON TABLE B IS 'b; c'"""
    got = [(s.line, s.verb) for s in statements(script)]
    assert got == [(2, "INSERT"), (3, "CREATE"), (5, "ALTER"), (7, "COMMENT")]
    assert next(s for s in statements(script) if s.verb == "COMMENT").text.endswith("'b; c'")


def test_unterminated_quote_is_reported() -> None:
    issues = ScriptIssues([])
    list(statements("CREATE TABLE A (X INT);\n\nINSERT INTO A VALUES ('open", issues))
    assert issues.unterminated == [("quote", 3)]


def test_data_only_scripts_are_recognised_by_their_head() -> None:
    data = ("/* 코드 */\n" + "INSERT INTO CODES VALUES ('a', 1);\n" * 5000 + "COMMIT;").encode()
    assert is_data_only(data)
    assert not is_data_only(data + b"\nCREATE TABLE LATE (X INT);")
    assert not is_data_only(b"CREATE TABLE A (X INT);\nINSERT INTO A VALUES (1);")
    assert not is_data_only(b"")


def sql_file(path: str, text: str) -> SourceFile:
    return SourceFile(path, "sql", text.encode("utf-8"))


def mapper_file(path: str, table: str) -> SourceFile:
    body = f'<mapper namespace="{table}"><select id="s">SELECT * FROM {table}</select></mapper>'
    return SourceFile(path, "xml", body.encode())


def test_one_copy_is_read_and_skipped_files_are_counted_and_reported() -> None:
    xml_files = [
        mapper_file("m/Board_SQL_oracle.xml", "BOARD"),
        mapper_file("m/Board_SQL_mysql.xml", "BOARD"),
        mapper_file("m/Code_SQL_oracle.xml", "CODES"),
        SourceFile("ctx-mysql.xml", "xml", b'<beans><bean id="a" class="x.A"/></beans>'),
    ]
    sql_files = [
        sql_file("ddl/oracle/board_oracle.sql", "CREATE TABLE BOARD (ID INT);"),
        sql_file("ddl/mysql/board_mysql.sql", "CREATE TABLE BOARD_MY (ID INT);"),
        sql_file("dml/oracle/codes_oracle.sql", "INSERT INTO CODES VALUES (1);\nCOMMIT;"),
        sql_file(
            "ddl/V10__late.sql",
            "ALTER TABLE BOARD ADD CONSTRAINT F FOREIGN KEY (C) REFERENCES CODES (C);",
        ),
        sql_file("ddl/V2__codes.sql", "CREATE TABLE CODES (C INT);"),
    ]
    xml = XmlFacts()
    side = read_sql_side(xml_files, sql_files, xml)
    assert side.dialect == "oracle"
    assert sorted(side.tables) == ["BOARD", "CODES"]
    assert side.tables["BOARD"].foreign_keys[0].ref_table == "CODES"
    assert sorted(s.id for s in xml.statements) == ["BOARD.s", "CODES.s"]
    assert [b.id for b in xml.beans] == ["a"]  # Spring XML is never a dialect copy
    assert side.counts == {
        "mapper files of other dialects": 1,
        "sql files of other dialects": 1,
        "data-only sql scripts": 1,
    }
    codes = sorted(d.code for d in side.diagnostics)
    assert codes == ["sql.skipped-data", "sql.skipped-mapper", "sql.skipped-sql"]


def test_a_migration_holding_only_a_drop_table_is_read_not_skipped_as_data() -> None:
    # dhis2's V2_33_19__Drop_trackedentitydatavalue_table.sql: one DROP, so the script's
    # head is a single statement that is no data verb, excused as the last one
    sql_files = [
        sql_file("db/V1__init.sql", "CREATE TABLE chart (id INT);\nCREATE TABLE keep (id INT);"),
        sql_file("db/V2__drop_chart.sql", "DROP TABLE IF EXISTS chart;"),
        sql_file("db/V3__drop_keep.sql", "DELETE FROM keep WHERE id = 1;\nDROP TABLE keep;"),
        sql_file("db/V4__more.sql", "CREATE TABLE more (id INT);"),
    ]
    side = read_sql_side([], sql_files, XmlFacts())
    assert sorted(side.tables) == ["MORE"]
    assert "data-only sql scripts" not in side.counts


def test_a_wanted_dialect_that_no_file_names_falls_back_with_a_warning() -> None:
    xml = XmlFacts()
    side = read_sql_side([mapper_file("A_SQL_oracle.xml", "A")], [], xml, "mysql")
    assert side.dialect == "oracle" and len(xml.statements) == 1
    assert [d.code for d in side.diagnostics] == ["sql.dialect-missing"]


def test_euc_kr_ddl_with_stray_bytes_keeps_its_tables_and_says_so() -> None:
    text = "/* 게시판 */\nCREATE TABLE BBS (NM VARCHAR(10));\nCOMMENT ON TABLE BBS IS '게시판';"
    data = text.encode("euc-kr").replace(b"CREATE", b"\xff\xfeCREATE", 1)
    side = read_sql_side([], [SourceFile("bbs.sql", "sql", data)], XmlFacts())
    assert side.tables["BBS"].comment == "게시판"
    assert [d.code for d in side.diagnostics] == ["sql.lossy-decoding"]


def test_multi_line_data_statements_between_ddl_split_right() -> None:
    script = """CREATE TABLE A (X INT, Y INT);
INSERT INTO A (X, Y)
VALUES (1, 'two
lines; with a semicolon');
INSERT INTO A VALUES (3, 4)
CREATE TABLE B (X INT)"""
    assert [(s.line, s.verb) for s in statements(script)] == [
        (1, "CREATE"),
        (2, "INSERT"),
        (5, "INSERT"),
        (6, "CREATE"),
    ]


def test_a_keyword_line_inside_an_open_statement_continues_it() -> None:
    """dhis2's migrations put an ALTER TABLE's action on the next line (``ALTER COLUMN``,
    ``drop constraint``): it had been cut into an ALTER and a DROP. An ALTER TABLE inside a
    PL/pgSQL block (after ``THEN``) is still read as its own statement."""
    script = """alter table only userrolemembers
    drop constraint if exists fk_userrolemembers_userid;
ALTER TABLE trackerevent
ALTER COLUMN geometry TYPE geometry(Geometry, 4326)
USING CASE WHEN ST_SRID(geometry) = 0 THEN ST_SetSRID(geometry, 4326)
END;
alter table messageattachments
drop constraint if exists messageattachments_pkey,
drop constraint if exists fk_messageattachments_fileresourceid;
ALTER TABLE t
DROP INDEX i;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk') THEN
ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES u (x);
END IF; END $$;
CREATE TABLE c (
  x INT,
  drop_date DATE, -- a column, not a statement
  CONSTRAINT pk PRIMARY KEY (x)
);"""
    got = [(s.line, s.verb) for s in statements(script)]
    assert got == [
        (1, "ALTER"),
        (3, "ALTER"),
        (7, "ALTER"),
        (10, "ALTER"),
        (12, "DO"),
        (13, "ALTER"),
        (14, "END"),
        (14, "END"),
        (15, "CREATE"),
    ]


def test_without_semicolons_a_missing_parenthesis_or_a_long_blank_run_merges_nothing() -> None:
    """A ``(`` left open once had every later statement continue it, and 400 blanks before a
    keyword line hid the open statement's text, so the line continued it."""
    unbalanced = (
        "CREATE TABLE a (x INT, y DECIMAL(10,2)\nCREATE TABLE b (y INT)\nCREATE TABLE c (z INT)"
    )
    assert [s.line for s in statements(unbalanced)] == [1, 2, 3]
    for blanks in ("\n" * 401, " " * 450 + "\n", "\n" + " \t" * 100_000 + "\n"):
        script = "CREATE TABLE a (x INT)" + blanks + "CREATE TABLE b (y INT)"
        assert [s.text for s in statements(script)] == [
            "CREATE TABLE a (x INT)",
            "CREATE TABLE b (y INT)",
        ]


def test_an_alter_whose_action_is_on_the_next_line_makes_no_phantom_tables() -> None:
    script = """CREATE TABLE userrolemembers (userid INT);
CREATE TABLE trackerevent (geometry INT);
alter table if exists userrolemembers
    drop constraint if exists fk_userrolemembers_userid;
alter table only userrolemembers
    add constraint fk_u foreign key (userid) references userinfo (userinfoid);
ALTER TABLE trackerevent
ALTER COLUMN geometry TYPE geometry(Geometry, 4326);"""
    tables, diags = parse_ddl("V2_38_22__x.sql", script, "postgres")
    assert sorted(t.name for t in tables) == ["TRACKEREVENT", "USERROLEMEMBERS"]
    assert not diags
    (members,) = [t for t in tables if t.name == "USERROLEMEMBERS"]
    assert members.foreign_keys[0].ref_table == "USERINFO"


_CLAUSE_LINES = st.sampled_from(
    [
        "ALTER COLUMN x TYPE text",
        "  drop constraint if exists fk_x",
        "DROP COLUMN y",
        "add constraint pk primary key (id)",
        "DROP DEFAULT",
        "alter column z set not null",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_CLAUSE_LINES, min_size=1, max_size=4), min_size=1, max_size=6))
def test_statements_ended_by_semicolons_are_never_cut_at_keyword_lines(
    actions: list[list[str]],
) -> None:
    script = "\n".join(
        f"ALTER TABLE ONLY t{n}\n" + ",\n".join(lines) + ";" for n, lines in enumerate(actions)
    )
    found = list(statements(script))
    assert [(s.verb, s.text.split()[3]) for s in found] == [
        ("ALTER", f"t{n}") for n in range(len(actions))
    ]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["CREATE TABLE", "ALTER TABLE", "DROP TABLE", "INSERT INTO"])))
def test_scripts_without_semicolons_still_split_at_each_statement(verbs: list[str]) -> None:
    script = "\n".join(f"{verb} t{n} (x INT)" for n, verb in enumerate(verbs))
    assert [s.text for s in statements(script)] == script.splitlines()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="CREATE TABLEINSRUPDV;'\"`-/*\n (),GO", max_size=300))
def test_splitter_never_raises_and_keeps_statement_text(text: str) -> None:
    found = list(statements(text, ScriptIssues([])))
    assert all(s.text and s.line >= 1 for s in found)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_data_only_scan_and_decoding_take_any_bytes(data: bytes) -> None:
    is_data_only(data)
    read_sql_side([], [SourceFile("fuzz_oracle.sql", "sql", data)], XmlFacts())
