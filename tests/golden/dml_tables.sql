# Each case: a '# title:' line, the SQL (one or more lines), then '=> reads: A B | writes: C'.
# title: insert from select with join
INSERT INTO A (X) SELECT X FROM B b JOIN C ON b.id = C.id
=> reads: B C | writes: A
# title: comma-separated FROM list and scalar subquery
SELECT a.*, (SELECT COUNT(*) FROM CMT c WHERE c.id = a.id)
FROM ART a, BRD b LEFT OUTER JOIN USR u ON u.id = b.u WHERE a.x = #{x} ORDER BY 1
=> reads: ART BRD CMT USR | writes:
# title: iBatis parameters and subquery in update
UPDATE COMTNARTICLE SET X = #x#, Y = $y$ WHERE ID IN (SELECT ID FROM OTHER)
=> reads: OTHER | writes: COMTNARTICLE
# title: delete with and without FROM
DELETE FROM T1 WHERE A = 1
=> reads: | writes: T1
# title: Oracle delete without FROM
DELETE T2 WHERE A = 1
=> reads: | writes: T2
# title: merge
MERGE INTO TGT t USING SRC s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.x = s.x
=> reads: SRC | writes: TGT
# title: CTE names are not tables
WITH recent AS (SELECT * FROM ORDERS WHERE d > ?) SELECT * FROM recent r JOIN ITEMS i ON i.o = r.id
=> reads: ITEMS ORDERS | writes:
# title: Oracle sequence from DUAL
SELECT SEQ_ORDER.NEXTVAL FROM DUAL
=> reads: | writes:
# title: quoted and schema-qualified names are normalised
select * from app."Code_tb" c, "user" u
=> reads: CODE_TB USER | writes:
# title: Oracle ROWNUM paging wrapper
SELECT * FROM ( SELECT ROWNUM RNUM, ALL_LIST.* FROM ( SELECT A.ID FROM CVPL_COMPLAINT A ORDER BY A.ID DESC ) ALL_LIST ) WHERE RNUM > #{firstIndex}
=> reads: CVPL_COMPLAINT | writes:
# title: MySQL paging and NOW()
SELECT A.ID FROM RSV_RESERVATION A WHERE A.D < NOW() LIMIT #{n} OFFSET #{o}
=> reads: RSV_RESERVATION | writes:
# title: insert values with subquery
INSERT INTO RSV (A, B) VALUES (#{a}, (SELECT MAX(ID) FROM RSV2))
=> reads: RSV2 | writes: RSV
# title: ORDER BY list after a JOIN is not a FROM list (no table Z)
SELECT A.X, B.Y FROM A JOIN B ON A.ID = B.ID ORDER BY B.Y, A.Z
=> reads: A B | writes:
# title: ORDER BY list after a JOIN ... USING
SELECT * FROM A JOIN B USING (ID) ORDER BY B.Y, A.Z
=> reads: A B | writes:
# title: FOR UPDATE WAIT is a lock, not a write to WAIT
SELECT NEXT_ID FROM COMTECOPSEQ WHERE TABLE_NAME = #{tableName} FOR UPDATE WAIT 5
=> reads: COMTECOPSEQ | writes:
# title: JPQL join fetch over a path is no table FETCH
select o from Order o left join fetch o.items where o.id = :id
=> reads: ORDER | writes:
# title: JPQL join over a path
select distinct o from Order o join o.items i where i.qty > 1
=> reads: ORDER | writes:
# title: JPQL join paths chained through the aliases of other paths (Shopizer)
select distinct p from ProductAvailability p left join fetch p.product ppr left join fetch ppr.variants ppri left join fetch ppri.availabilities ppria where ppr.id=?1
=> reads: PRODUCTAVAILABILITY | writes:
# title: a named parameter called like a keyword starts no table (BETWEEN :from AND :to)
select t from Transaction t join fetch t.order to where t.transactionDate BETWEEN :from AND :to
=> reads: TRANSACTION | writes:
# title: column names in function arguments are not tables
SELECT EXTRACT(YEAR FROM A.REG_DT), TRIM(LEADING '0' FROM A.USER_NM) FROM COMTNUSER A
=> reads: COMTNUSER | writes:
# title: quoted identifier with doubled quotes
SELECT * FROM "A""B"
=> reads: A"B | writes:
# title: MySQL multi-table delete by alias
DELETE a FROM ART a JOIN BRD b ON a.b = b.id WHERE b.x = 1
=> reads: BRD | writes: ART
# title: MySQL upsert
INSERT INTO CNT (ID, N) VALUES (#{id}, 1) ON DUPLICATE KEY UPDATE N = N + 1
=> reads: | writes: CNT
# title: table in a dollar placeholder is unknown, the rest is still read
SELECT * FROM ${tableName} t JOIN CODES c ON c.id = t.code
=> reads: CODES | writes:
# title: a parenthesised name is a placeholder the code replaces, not a table
SELECT * FROM (sTableName) WHERE ROWNUM <= 1
=> reads: | writes:
# title: many joins without ON (sqlglot would take exponential time; the scanner reads it)
SELECT * FROM X t JOIN C1 a JOIN C2 b JOIN C3 c JOIN C4 d JOIN C5 e JOIN C6 f JOIN C7 g JOIN C8 h JOIN C9 i JOIN C10 j JOIN C11 k JOIN C12 l JOIN C13 m JOIN C14 n JOIN C15 o JOIN C16 p JOIN C17 q JOIN C18 r JOIN C19 s JOIN C20 u JOIN C21 v JOIN C22 w JOIN C23 y JOIN C24 z JOIN C25 zz
=> reads: C1 C10 C11 C12 C13 C14 C15 C16 C17 C18 C19 C2 C20 C21 C22 C23 C24 C25 C3 C4 C5 C6 C7 C8 C9 X | writes:

# title: jpql collection member declaration
select holiday from Holiday holiday, IN(holiday.offices) office where office.id = :officeId
=> reads: HOLIDAY | writes:

# title: the database's own catalog is no table of the application
SELECT c.COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS c JOIN m_loan l ON l.id = c.ordinal_position
=> reads: M_LOAN | writes:

# title: postgresql and oracle catalog views, a migration tool's history
SELECT 1 FROM pg_indexes i, pg_roles r, user_tables t, DATABASECHANGELOG d, m_client m
=> reads: M_CLIENT | writes:

# title: oracle's column comments (jeesite's code generator reads them)
SELECT t.COLUMN_NAME, c.COMMENTS FROM USER_TAB_COLUMNS t JOIN USER_COL_COMMENTS c ON c.TABLE_NAME = t.TABLE_NAME JOIN gen_table g ON g.name = t.TABLE_NAME
=> reads: GEN_TABLE | writes:

# title: a table of the application's own that starts like a catalog view
SELECT 1 FROM pg_payment p JOIN user_users u ON u.id = p.user_id
=> reads: PG_PAYMENT USER_USERS | writes:

# title: firebird's and db2's dummy tables are no tables (openfire's connection test queries)
SELECT 1 FROM rdb$database r, sysibm.sysdummy1 s, sysdummy1 d, mon$attachments m, of_user u
=> reads: OF_USER | writes:

# title: clickhouse's system tables are its catalog (dhis2's ClickHouseSqlBuilder)
SELECT t.name FROM system.tables t JOIN analytics a ON a.name = t.name
=> reads: ANALYTICS | writes:

# title: a format string's placeholders name no table (dhis2's HibernateNativeStore)
SELECT "%s" FROM "%s" WHERE uid = ?
=> reads: | writes:

# title: a messageformat placeholder names no table either
DELETE FROM {0} WHERE id IN (SELECT id FROM codes)
=> reads: CODES | writes:
