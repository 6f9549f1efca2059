"""msadecomp: find microservice seams in legacy Java (Spring / eGovFrame) monoliths.

Example::

    import msadecomp

    analysis = msadecomp.analyze("fixtures/egov-portal", msadecomp.Config(seed=7))
    analysis.write("out/")
"""

from msadecomp.api import Analysis, Written, __version__, analyze
from msadecomp.config import Config, Weights
from msadecomp.decompose import Cluster, Decomposition, decompose
from msadecomp.errors import (
    ConfigError,
    ExportError,
    InputError,
    InternalError,
    MsadecompError,
    ResourceError,
)
from msadecomp.evaluate import Agreement, compare
from msadecomp.graph import build_graph, clustering_graph
from msadecomp.ingest import ingest
from msadecomp.model import CodeModel

__all__ = [
    "Agreement",
    "Analysis",
    "Cluster",
    "CodeModel",
    "Config",
    "ConfigError",
    "Decomposition",
    "ExportError",
    "InputError",
    "InternalError",
    "MsadecompError",
    "ResourceError",
    "Weights",
    "Written",
    "__version__",
    "analyze",
    "build_graph",
    "clustering_graph",
    "compare",
    "decompose",
    "ingest",
]
