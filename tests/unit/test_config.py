"""Configuration files and their validation."""

from pathlib import Path

import pytest

from msadecomp.config import ALGORITHM_NAMES, Config, Weights, load_config
from msadecomp.decompose.algorithms import ALGORITHMS
from msadecomp.errors import ConfigError

TOML = """
algorithm = "greedy_modularity"
seed = 7
resolution = "auto"
services = 5

[weights]
call = 2.5
import = 0
read = 1.0

[constraints]
together = [["a.pay.*", "a.rsv.Reservation*"]]
apart = [["a.auth.*", "a.board.*"]]

[kernel]
detect = false
include = ["a.util.StringUtil"]
"""


def test_toml_file(tmp_path: Path) -> None:
    p = tmp_path / "msadecomp.toml"
    p.write_text(TOML)
    c = load_config(p)
    assert (c.algorithm, c.seed, c.resolution, c.services) == ("greedy_modularity", 7, None, 5)
    assert (c.weights.call, c.weights.import_, c.weights.table_read) == (2.5, 0.0, 1.0)
    assert c.weights.extends == Weights().extends
    assert c.together == (("a.pay.*", "a.rsv.Reservation*"),)
    assert c.apart == (("a.auth.*", "a.board.*"),)
    assert (c.kernel, c.kernel_include) == (False, ("a.util.StringUtil",))


def test_pyproject_section(tmp_path: Path) -> None:
    p = tmp_path / "pyproject.toml"
    p.write_text('[project]\nname = "x"\n[tool.msadecomp]\nresolution = 1.5\n')
    assert load_config(p).resolution == 1.5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1", "unknown key"),
        ("[weights]\nfoo = 1", "unknown weight 'foo'"),
        ("[weights]\ncall = -1", ">= 0"),
        ('algorithm = "kmeans"', "unknown algorithm"),
        ("resolution = 0", "resolution must be > 0"),
        ("services = 0", "number of services"),
        ('[constraints]\napart = [["a", "b", "c"]]', "exactly two"),
        ("seed = ", "not valid TOML"),
        ("weights = 3", "must be a table"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "bad.toml"
    p.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(p)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "none.toml")


def test_algorithm_names_match_the_registry() -> None:
    assert set(ALGORITHM_NAMES) == set(ALGORITHMS)
    assert Config().resolution is None  # the sweep is the default
