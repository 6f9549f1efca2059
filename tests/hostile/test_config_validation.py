"""Every setting is validated: types, ranges and finite numbers, with a clear message."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest

from msadecomp.cli import run
from msadecomp.config import Config, Weights, load_config, max_jobs
from msadecomp.errors import ConfigError, InputError
from msadecomp.readiness import load_answers


def cli(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    code = run(list(argv), stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[kernel]\ndetect = "no"', "'detect' must be true or false"),
        ("services = 1.5", "number of services must be a whole number"),
        ('[constraints]\ntogether = "abc"', "together must be a list of groups"),
        ('[constraints]\ntogether = ["abc"]', "must be a list of patterns"),
        ("[constraints]\ntogether = [[]]", "at least one pattern"),
        ("resolution = nan", "resolution must be > 0 and finite"),
        ("resolution = inf", "resolution must be > 0 and finite"),
        ('resolution = "high"', "resolution must be > 0 and finite"),
        ("[weights]\ncall = nan", "finite number"),
        ("[weights]\ncall = inf", "finite number"),
        ("[weights]\ncall = true", "finite number"),
        ("jobs = 100000", "jobs must be a whole number from 1 to"),
        ("jobs = 0", "jobs must be a whole number from 1 to"),
        ("seed = 1.5", "'seed' must be a whole number"),
        ("seed = -1", "seed must be a whole number from 0"),
        ("algorithm = 3", "'algorithm' must be a string"),
        ("[kernel]\ninclude = 'a.*'", "must be a list of patterns"),
        ("[kernel]\nfoo = 1", "unknown key"),
        ("[constraints]\nforbid = []", "unknown key"),
        ("seed = " + "9" * 5000, "not valid TOML"),
        ("resolution = " + "9" * 400, "resolution must be > 0 and finite"),
        ("[weights]\ncall = " + "9" * 400, "finite number"),
        ("x = " + "[" * 5000 + "]" * 5000, "(nested too deeply|not valid TOML)"),
    ],
    ids=lambda v: v[:40],
)
def test_bad_setting_in_a_file_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "bad.toml"
    p.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(p)


@pytest.mark.parametrize(
    "changes",
    [
        {"resolution": math.nan},
        {"resolution": math.inf},
        {"resolution": True},
        {"services": 1.5},
        {"jobs": 10**6},
        {"kernel": "no"},
        {"together": "abc"},
        {"apart": (("a",),)},
        {"weights": {"call": 1}},
    ],
    ids=str,
)
def test_config_validates_its_fields(changes: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        Config(**changes)  # type: ignore[arg-type]


def test_weights_reject_nan() -> None:
    with pytest.raises(ConfigError, match="finite"):
        Weights(call=math.nan)


def test_lists_are_accepted_and_stored_as_tuples() -> None:
    config = Config(together=[["a.*", "b.*"]], apart=[["a.*", "c.*"]])  # type: ignore[arg-type]
    assert config.together == (("a.*", "b.*"),)
    assert config.apart == (("a.*", "c.*"),)
    hash(config)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--jobs", "100000", "jobs must be a whole number from 1 to"),
        ("--jobs", "0", "jobs must be"),
        ("--resolution", "nan", "finite"),
        ("--resolution", "inf", "finite"),
        ("--resolution", "-1", "> 0"),
    ],
)
def test_bad_option_exits_2_with_one_line(
    fixture_root: Path, tmp_path: Path, option: str, value: str, message: str
) -> None:
    code, err = cli("analyze", str(fixture_root), "-o", str(tmp_path), option, value)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert not list(tmp_path.iterdir())


def test_jobs_limit_is_four_per_core() -> None:
    Config(jobs=max_jobs())
    with pytest.raises(ConfigError):
        Config(jobs=max_jobs() + 1)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.json", "[" * 100_000 + "]" * 100_000),
        ("a.json", '{"1": ' + "1" * 5000 + "}"),
        ("a.json", '{"' + "1" * 5000 + '": "yes"}'),
        ("a.toml", "x = " + "[" * 5000 + "]" * 5000),
        ("a.toml", "x = " + "1" * 5000),
        ("a.json", "NaN"),
    ],
    ids=["deep-json", "huge-number", "huge-key", "deep-toml", "huge-toml-number", "nan"],
)
def test_hostile_answers_file_is_a_clear_error(tmp_path: Path, name: str, text: str) -> None:
    p = tmp_path / name
    p.write_text(text)
    with pytest.raises(InputError, match="answers file"):
        load_answers(p)


@pytest.mark.parametrize(
    "changes",
    [{"seed": 10**5000}, {"services": 10**5000}, {"jobs": -(10**5000)}, {"resolution": 10**400}],
    ids=["seed", "services", "jobs", "resolution"],
)
def test_huge_numbers_give_a_short_message(changes: dict[str, object]) -> None:
    """Python cannot even print an int of over 4,300 digits; the message must still be short."""
    with pytest.raises(ConfigError) as raised:
        Config(**changes)  # type: ignore[arg-type]
    assert len(str(raised.value)) < 120
