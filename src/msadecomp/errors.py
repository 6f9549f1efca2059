"""The one exception tree msadecomp raises.

Problems inside single input files never raise: they become :class:`msadecomp.model.Diagnostic`
records and the run goes on. These exceptions are for failures of the run as a whole (a missing
input path, an unsafe archive, a bad configuration, an output folder that cannot be written).
"""

from __future__ import annotations


class MsadecompError(Exception):
    """Root of every error msadecomp raises on purpose; the CLI prints it without a traceback."""


class InputError(MsadecompError):
    """The input cannot be analysed at all (missing path, unsafe or unreadable archive)."""


class ConfigError(MsadecompError):
    """A configuration value or file is invalid."""


class ExportError(MsadecompError):
    """A report or diagram could not be written."""
