"""Liquibase changelogs give tables, columns, keys and comments like SQL DDL scripts do."""

import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest import ingest
from msadecomp.ingest.liquibase import changelog_sql

CHANGELOG = """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="fineract">
    <createTable tableName="m_client" remarks="customers of the bank">
      <column name="id" type="BIGINT" autoIncrement="true">
        <constraints primaryKey="true" nullable="false"/>
      </column>
      <column name="order" type="${text.type}"/>
    </createTable>
    <createTable tableName="m_loan">
      <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
      <column name="client_id" type="BIGINT">
        <constraints references="m_client(id)" foreignKeyName="fk_loan_client"/>
      </column>
      <column name="office_id" type="BIGINT">
        <constraints referencedTableName="m_office" referencedColumnNames="id"
                     foreignKeyName="fk_loan_office"/>
      </column>
    </createTable>
    <!-- <createTable tableName="m_old"><column name="x" type="INT"/></createTable> -->
  </changeSet>
  <changeSet id="2" author="fineract">
    <createTable tableName="m_office"><column name="id" type="BIGINT"/></createTable>
    <addPrimaryKey tableName="m_office" columnNames="id"/>
    <addColumn tableName="m_loan"><column name="note" type="VARCHAR(100)"/></addColumn>
    <addForeignKeyConstraint baseTableName="m_office" baseColumnNames="id"
        referencedTableName="m_client" referencedColumnNames="id" constraintName="fk_x"/>
    <renameTable oldTableName="m_loan" newTableName="m_loan_account"/>
    <setTableRemarks tableName="m_office" remarks="branches"/>
    <sql>CREATE TABLE m_note (id BIGINT PRIMARY KEY, loan_id BIGINT REFERENCES m_loan_account(id));
         UPDATE m_client SET "order" = 1;</sql>
    <createIndex tableName="m_loan_account" indexName="ix"><column name="note"/></createIndex>
  </changeSet>
</databaseChangeLog>
"""


def test_a_changelog_defines_tables_columns_keys_and_comments(tmp_path: Path) -> None:
    (tmp_path / "db/changelog").mkdir(parents=True)
    (tmp_path / "db/changelog/0001_initial.xml").write_text(CHANGELOG, encoding="utf-8")
    model = ingest(tmp_path, jobs=1)
    tables = {t.name: t for t in model.tables}
    assert sorted(tables) == ["M_CLIENT", "M_LOAN_ACCOUNT", "M_NOTE", "M_OFFICE"]
    loan = tables["M_LOAN_ACCOUNT"]  # renamed by the second change set
    assert loan.columns == ("ID", "CLIENT_ID", "OFFICE_ID", "NOTE")
    assert loan.primary_key == ("ID",)
    assert sorted((fk.columns, fk.ref_table) for fk in loan.foreign_keys) == [
        (("CLIENT_ID",), "M_CLIENT"),
        (("OFFICE_ID",), "M_OFFICE"),
    ]
    assert tables["M_CLIENT"].columns == ("ID", "ORDER")  # a reserved word, a placeholder type
    assert tables["M_CLIENT"].comment == "customers of the bank"
    assert tables["M_OFFICE"].comment == "branches"
    assert tables["M_OFFICE"].primary_key == ("ID",)
    assert tables["M_NOTE"].foreign_keys[0].ref_table == "M_LOAN_ACCOUNT"
    # sources point into the changelog, at the change's line
    assert (loan.source.path, loan.source.line) == ("db/changelog/0001_initial.xml", 10)
    assert ("liquibase changelog", 1) in model.file_counts
    assert not model.diagnostics


def test_a_rollbacks_changes_are_never_applied_going_forward() -> None:
    log = """<databaseChangeLog><changeSet id="1" author="a">
    <renameTable oldTableName="m_one" newTableName="m_uno"/>
    <rollback><renameTable oldTableName="m_uno" newTableName="m_one"/>
      <createTable tableName="m_gone"><column name="id"/></createTable></rollback>
    </changeSet></databaseChangeLog>"""
    sql = changelog_sql(log, ET.fromstring(log))
    assert sql.splitlines() == ["", 'ALTER TABLE "m_one" RENAME TO "m_uno";']


def test_change_sets_of_test_contexts_only_shape_no_table() -> None:
    """JHipster creates ``jhi_date_time_wrapper`` in context ``test`` and loads fake data in
    ``faker``; a change set also run in production, or in every context but test, counts."""
    sets = [
        ("test", "t_test"),
        ("faker", "t_fake"),
        ("test, faker", "t_both"),
        ("test and dev", "t_dev"),
        ("!test", "t_not_test"),
        ("", "t_all"),
        ("prod", "t_prod"),
    ]
    body = "".join(
        f'<changeSet id="{i}" author="a" context="{c}">'
        f'<createTable tableName="{t}"><column name="id"/></createTable></changeSet>'
        for i, (c, t) in enumerate(sets)
    )
    body += (  # Liquibase 4.16 calls the attribute contextFilter
        '<changeSet id="9" author="a" contextFilter="test">'
        '<createTable tableName="t_filter"><column name="id"/></createTable></changeSet>'
    )
    log = f"<databaseChangeLog>\n{body}\n</databaseChangeLog>"
    sql = changelog_sql(log, ET.fromstring(log))
    assert [t for _, t in sets if f'"{t}"' in sql] == ["t_dev", "t_not_test", "t_all", "t_prod"]
    assert '"t_filter"' not in sql


@given(
    st.lists(
        st.tuples(st.sampled_from(["createTable", "sql", "comment"]), st.integers(0, 3)),
        max_size=8,
    )
)
def test_each_statement_stands_on_its_changes_line_or_the_next_free_one(
    changes: list[tuple[str, int]],
) -> None:
    body, expected, line, free = [], [], 2, 1  # the root element takes line 1
    for i, (tag, extra) in enumerate(changes):
        if tag == "comment":  # a change commented out is none
            text = f'<!-- <createTable tableName="c{i}">' + "\n" * extra + "</createTable> -->"
        elif tag == "sql":  # a body of several lines
            text = "<sql>" + "\n".join(f"CREATE TABLE s{i}_{k} (y INT)" for k in range(extra + 1))
            text += "</sql>"
        else:
            text = f'<createTable tableName="t{i}"><column name="c"/></createTable>'
        if tag != "comment":
            at = max(line, free)
            expected.append((at, f"t{i}" if tag == "createTable" else f"s{i}_0"))
            free = at + (extra + 1 if tag == "sql" else 1)
        body.append(text)
        line += text.count("\n") + 1
    log = "<databaseChangeLog>\n" + "\n".join(body) + "\n</databaseChangeLog>"
    lines = changelog_sql(log, ET.fromstring(log)).splitlines()
    for at, name in expected:
        assert name in lines[at - 1]


def test_a_changelogs_views_are_views_not_tables() -> None:
    text = (
        '<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">'
        '<changeSet id="1" author="a"><createView viewName="v_prod">select 1</createView>'
        "</changeSet></databaseChangeLog>"
    )
    assert "CREATE VIEW" in changelog_sql(text, ET.fromstring(text))
