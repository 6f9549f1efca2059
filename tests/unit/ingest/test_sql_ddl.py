"""DDL scripts: tables, columns, keys; with or without semicolons."""

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest.sql_ddl import parse_ddl, split_statements

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
    assert len(split_statements(NO_SEMICOLONS)) == 3
    tables, _ = parse_ddl("n.sql", NO_SEMICOLONS)
    assert [t.name for t in tables] == ["A", "B", "C"]
    assert [t.source.line for t in tables] == [1, 2, 4]
    assert tables[1].foreign_keys[0].ref_table == "A"


def test_unbalanced_create_is_a_diagnostic() -> None:
    tables, diags = parse_ddl("u.sql", "CREATE TABLE BROKEN (ID INT, X VARCHAR(3)")
    assert [t.name for t in tables] == ["BROKEN"] and diags[0].code == "sql.unbalanced"


@given(st.text(max_size=400))
def test_any_text_parses_without_raising(text: str) -> None:
    parse_ddl("fuzz.sql", text)
