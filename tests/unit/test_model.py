"""The code model round-trips through JSON and refuses unknown schema versions."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msadecomp.errors import InputError
from msadecomp.model import (
    Access,
    CoChange,
    CodeModel,
    Dependency,
    DepKind,
    Diagnostic,
    Endpoint,
    ForeignKey,
    JavaType,
    Page,
    Severity,
    SourceRef,
    Table,
    TableAccess,
    TypeKind,
)

names = st.text(min_size=1, max_size=12)
refs = st.builds(SourceRef, names, st.none() | st.integers(1, 10_000))
types = st.builds(
    JavaType,
    names,
    st.sampled_from(TypeKind),
    refs,
    st.none() | names,
    st.none() | names,
    st.none() | names,
    st.none() | names,
    st.lists(names, max_size=3).map(tuple),
)
deps = st.builds(Dependency, names, names, st.sampled_from(DepKind), refs, names)
tables = st.builds(
    Table,
    names,
    refs,
    st.lists(names, max_size=3).map(tuple),
    st.just(()),
    st.lists(st.builds(ForeignKey, st.lists(names, max_size=2).map(tuple), names), max_size=2).map(
        tuple
    ),
)
models = st.builds(
    CodeModel,
    root=names,
    types=st.lists(types, max_size=4).map(tuple),
    dependencies=st.lists(deps, max_size=4).map(tuple),
    tables=st.lists(tables, max_size=3).map(tuple),
    table_accesses=st.lists(
        st.builds(TableAccess, names, names, st.sampled_from(Access), refs), max_size=3
    ).map(tuple),
    endpoints=st.lists(st.builds(Endpoint, names, names, names, refs), max_size=2).map(tuple),
    pages=st.lists(st.builds(Page, names, st.lists(names, max_size=2).map(tuple)), max_size=2).map(
        tuple
    ),
    cochanges=st.lists(
        st.builds(CoChange, names, names, st.integers(1, 9), st.floats(0, 1)), max_size=2
    ).map(tuple),
    diagnostics=st.lists(
        st.builds(Diagnostic, st.sampled_from(Severity), names, names, refs), max_size=2
    ).map(tuple),
)


@given(models)
def test_json_round_trip(model: CodeModel) -> None:
    data = json.loads(json.dumps(model.to_dict()))
    assert CodeModel.from_dict(data) == model


def test_unknown_schema_is_refused() -> None:
    with pytest.raises(InputError, match="unsupported model schema"):
        CodeModel.from_dict({"schema": "msadecomp.model/999", "root": "x"})


def test_fixture_model_round_trips(fixture_model: CodeModel) -> None:
    assert CodeModel.from_dict(json.loads(json.dumps(fixture_model.to_dict()))) == fixture_model
