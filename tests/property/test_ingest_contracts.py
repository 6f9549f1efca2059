"""Property tests: every ingest entry point keeps its contract on hostile input (no exception
but the documented one). Few examples each so the suite stays fast; ``benchmarks/fuzz.py``
runs the same targets for minutes."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_targets import TARGETS, Target

pytestmark = pytest.mark.property


@pytest.mark.parametrize("target", list(TARGETS.values()), ids=list(TARGETS))
def test_entry_point_raises_only_its_documented_error(target: Target) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(target.inputs)
    def check(value: Any) -> None:
        with contextlib.suppress(*target.allowed):
            target.run(value)

    check()


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_raised_errors_have_a_one_line_message(data: st.DataObject) -> None:
    target = data.draw(st.sampled_from([t for t in TARGETS.values() if t.allowed]))
    value = data.draw(target.inputs)
    try:
        target.run(value)
    except target.allowed as err:
        assert str(err)
        assert "Traceback" not in str(err)
