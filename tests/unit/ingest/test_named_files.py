"""Query files and view aliases written as ``key = value`` lines link code to tables and views."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from msadecomp.ingest import ingest
from msadecomp.ingest.named_files import entries, looks_keyed, named_queries, view_aliases

QUERIES = """# ##########
# GroupModel
# ##########
GroupModel.selectAll = SELECT group_id, group_name FROM jforum_groups ORDER BY group_name
GroupModel.delete = DELETE FROM jforum_groups WHERE group_id = ?
GroupModel.selectUsers = SELECT u.user_id \\
\tFROM jforum_users u, jforum_user_groups ug \\
\tWHERE u.user_id = ug.user_id AND ug.group_id = ?
GroupModel.lastId = SELECT MAX(group_id) FROM jforum_groups
"""


def test_properties_entries_follow_continuations_comments_and_separators() -> None:
    text = "! note\nkey1=value\nkey2 : other \\\n   line\nkey3 spaced value\n\nempty=\n"
    assert list(entries(text)) == [
        ("key1", "value", 2),
        ("key2", "other line", 3),
        ("key3", "spaced value", 5),
        ("empty", "", 7),
    ]


def test_a_query_file_names_each_statement_by_its_key() -> None:
    assert looks_keyed(QUERIES)
    found = {
        s.id: (s.verb, s.reads, s.writes, s.source.line) for s in named_queries("q.sql", QUERIES)
    }
    assert found == {
        "GroupModel.selectAll": ("SELECT", ("JFORUM_GROUPS",), (), 4),
        "GroupModel.delete": ("DELETE", (), ("JFORUM_GROUPS",), 5),
        "GroupModel.selectUsers": ("SELECT", ("JFORUM_USERS", "JFORUM_USER_GROUPS"), (), 6),
        "GroupModel.lastId": ("SELECT", ("JFORUM_GROUPS",), (), 9),
    }


def test_settings_and_message_bundles_are_neither_queries_nor_view_aliases() -> None:
    settings = "db.url = jdbc:mysql://x\nlabel.select = Select a forum\nlist = forum_list.htm\n"
    assert named_queries("a.properties", settings) == []
    assert view_aliases(settings) == {}
    assert not looks_keyed("CREATE TABLE a (x INT);\nINSERT INTO a VALUES (1);")


def test_view_aliases_map_keys_to_template_files() -> None:
    text = (
        "forums.list = forum_list.htm\nforums.show = forum_show.htm\nuser.edit = user/edit.jsp\n"
    )
    assert view_aliases(text) == {
        "forums.list": ("forum_list.htm",),
        "forums.show": ("forum_show.htm",),
        "user.edit": ("user/edit.jsp",),
    }


def test_keys_in_code_link_classes_to_tables_and_views(tmp_path: Path) -> None:
    files = {
        "src/a/GroupDAO.java": """package a; public class GroupDAO {
            Object all() { return SystemGlobals.getSql("GroupModel.selectAll"); } }""",
        "src/a/TemplateKeys.java": """package a; public class TemplateKeys {
            public static final String FORUMS_LIST = "forums.list";
            public static final String FORUMS_SHOW = "forums.show"; }""",
        "src/a/ForumAction.java": """package a; public class ForumAction {
            void list() { setTemplateName(TemplateKeys.FORUMS_LIST); } }""",
        "WEB-INF/config/database/generic/generic_queries.sql": QUERIES,
        "WEB-INF/config/templatesMapping.properties": (
            "forums.list = forum_list.htm\nforums.show = forum_show.htm\nuser.edit = user_edit.htm\n"
        ),
        "templates/default/forum_list.htm": "<#include 'header.htm'/><p>forums</p>",
        "templates/default/header.htm": "<div>header</div>",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    model = ingest(tmp_path, jobs=1)
    assert {(a.source, a.table, a.access.value) for a in model.table_accesses} == {
        ("a.GroupDAO", "JFORUM_GROUPS", "read"),
    }
    assert {p.path.rpartition("/")[2]: p.renderers for p in model.pages} == {
        "forum_list.htm": ("a.ForumAction",),
        "header.htm": (),
    }


@given(st.text(alphabet=st.sampled_from("ab=:\\ \t\n#!.SELECT FROM"), max_size=200))
def test_any_text_reads_without_error_and_keys_are_never_blank(text: str) -> None:
    for key, _value, line in entries(text):
        assert key.strip() and line >= 1
    named_queries("x.properties", text)
    view_aliases(text)
