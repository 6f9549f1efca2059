"""Hostile class files become a diagnostic for that file; the run goes on (issue 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

import msadecomp
from hostile_inputs import (
    bad_pool_reference,
    fixture_copy,
    many_methods_one_huge_descriptor,
    nested_annotation_arrays,
)
from msadecomp.ingest.class_files import ClassFormatError, parse_class


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (many_methods_one_huge_descriptor, "10,000 parameters, over the JVM's limit of 255"),
        (nested_annotation_arrays, "nested deeper than 64 levels"),
        (bad_pool_reference, "is not a NameAndType entry"),
    ],
    ids=["huge-descriptor", "nested-annotation-arrays", "bad-pool-reference"],
)
def test_hostile_class_file_is_a_diagnostic(
    fixture_root: Path, tmp_path: Path, build: object, message: str
) -> None:
    app = fixture_copy(fixture_root, tmp_path)
    (app / "Hostile.class").write_bytes(build())  # type: ignore[operator]
    analysis = msadecomp.analyze(app, msadecomp.Config(jobs=1))
    found = [d for d in analysis.model.diagnostics if d.source.path == "Hostile.class"]
    assert len(found) == 1
    assert found[0].code == "class.parse-error"
    assert message in found[0].message


def test_methods_sharing_a_descriptor_share_its_parameters() -> None:
    """2,000 methods with one 255-parameter descriptor: parsed once, not 2,000 times."""
    parsed = parse_class("Big.class", many_methods_one_huge_descriptor(2000, 255))
    assert parsed is not None
    methods = [m for m in parsed.types[0].methods if m.name.startswith("m")]
    assert len(methods) == 2000
    assert len(methods[0].params) == 255
    assert all(m.params is methods[0].params for m in methods)


def test_annotation_nesting_below_the_limit_is_read() -> None:
    assert parse_class("Ok.class", nested_annotation_arrays(depth=10)) is not None


def test_truncated_class_file_is_a_class_format_error() -> None:
    data = many_methods_one_huge_descriptor(3, 2)
    for cut in range(0, len(data), 7):
        with pytest.raises(ClassFormatError):
            parse_class("Cut.class", data[:cut])
