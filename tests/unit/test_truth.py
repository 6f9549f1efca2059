"""Reading truth files: the documented shapes load, every other input is a clear InputError."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msadecomp.errors import InputError
from msadecomp.truth import DONT_CARE, load_truth, parse_truth


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "truth.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_full_format_loads_every_map(tmp_path: Path) -> None:
    truth = load_truth(
        write(
            tmp_path,
            {
                "system": "shop",
                "method": "read from the module layout",
                "contexts": {"order": {"subdomain": "core"}, "common": {}},
                "classes": {"a.Order": "order", "a.Util": "common"},
                "views": {"./WEB-INF/jsp/order/List.jsp": "order", "\\x\\Old.jsp": "unused"},
                "tables": {"orders": "order"},
            },
        )
    )
    assert truth.classes == {"a.Order": "order", "a.Util": "common"}
    assert truth.views == {"WEB-INF/jsp/order/List.jsp": "order", "x/Old.jsp": "unused"}
    assert truth.tables == {"ORDERS": "order"}
    assert truth.subdomains == {"order": "core"}
    assert truth.dont_care == frozenset(DONT_CARE)


def test_dont_care_labels_are_left_out_and_counted(tmp_path: Path) -> None:
    truth = load_truth(
        write(tmp_path, {"classes": {"a.A": "order", "a.U": "common", "a.D": "unused"}})
    )
    assert truth.labelled("classes") == {"a.A": "order"}
    assert truth.ignored("classes") == 2


def test_a_file_can_replace_the_dont_care_list(tmp_path: Path) -> None:
    truth = load_truth(
        write(tmp_path, {"dont_care": ["legacy"], "classes": {"a.U": "common", "a.L": "legacy"}})
    )
    assert truth.labelled("classes") == {"a.U": "common"}


def test_bare_object_is_a_class_map(tmp_path: Path) -> None:
    truth = load_truth(write(tmp_path, {"a.B": "billing"}))
    assert truth.classes == {"a.B": "billing"} and truth.views == {} and truth.tables == {}


def test_labelled_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown component kind"):
        parse_truth({"classes": {}}).labelled("pages")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"classes": {"a.B": ' + "7" * 5000 + "}}", "too many digits"),
        ('{"system": ' + "7" * 5000 + "}", "too many digits"),
        ("{", "not valid JSON"),
        ("[]", "must hold a JSON object"),
        ('"text"', "must hold a JSON object"),
        ('{"classes": []}', "'classes' must be an object"),
        ('{"classes": {"a.B": 3}}', "must name a context"),
        ('{"classes": {"a.B": ""}}', "must name a context"),
        ('{"classes": {"a.B": ["x"]}}', "must name a context"),
        ('{"views": "x.jsp"}', "'views' must be an object"),
        ('{"tables": {"T": null}}', "must name a context"),
        ('{"contexts": []}', "'contexts' must be an object"),
        ('{"contexts": {"c": 1}}', "must be described by an object"),
        ('{"contexts": {"c": {"subdomain": 2}}}', "'subdomain' must be a string"),
        ('{"dont_care": "common"}', "'dont_care' must be a list"),
        ('{"dont_care": [1]}', "'dont_care' must be a list"),
        ('{"views": {"a.jsp": "x", "./a.jsp": "y"}}', "given two contexts"),
        ('{"tables": {"t": "x", "T": "y"}}', "given two contexts"),
    ],
)
def test_bad_truth_files_are_input_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_truth(write(tmp_path, text))


def test_unreadable_and_non_utf8_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read truth file"):
        load_truth(tmp_path / "absent.json")
    bad = tmp_path / "latin.json"
    bad.write_bytes(b'{"classes": {"a.B": "\xe9"}}')
    with pytest.raises(InputError, match="not UTF-8"):
        load_truth(bad)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@given(
    st.dictionaries(
        st.sampled_from(["classes", "views", "tables", "contexts", "dont_care", "system"]),
        json_values,
    )
)
def test_any_json_object_loads_or_is_an_input_error(data: dict[str, Any]) -> None:
    try:
        truth = parse_truth(data)
    except InputError:
        return
    for kind in ("classes", "views", "tables"):
        assert all(isinstance(v, str) for v in truth.labelled(kind).values())
