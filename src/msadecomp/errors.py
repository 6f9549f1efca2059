"""The one exception tree msadecomp raises.

Problems inside single input files never raise: they become :class:`msadecomp.model.Diagnostic`
records and the run goes on. These exceptions are for failures of the run as a whole (a missing
input path, an unsafe archive, a bad configuration, an output folder that cannot be written).

The contract of :func:`msadecomp.analyze`: only :class:`MsadecompError` subclasses (and
``KeyboardInterrupt``) leave it. :class:`InternalError` marks a genuine bug in msadecomp (the CLI
exits 3 for it); every other subclass means bad input, settings or output (the CLI exits 2).
Every class here can be pickled, so errors cross process boundaries unchanged.
"""

from __future__ import annotations


class MsadecompError(Exception):
    """Root of every error msadecomp raises on purpose; the CLI prints it without a traceback."""

    def __reduce__(self) -> tuple[type[MsadecompError], tuple[object, ...]]:
        # Pickle by class and message, whatever a subclass's constructor looks like.
        return (type(self), self.args)


class InputError(MsadecompError):
    """The input cannot be analysed at all (missing path, unsafe or unreadable archive)."""


class ResourceError(InputError):
    """The input exhausted a resource of the run: memory, Python's recursion depth, or a worker
    process that died (usually killed for memory). The message says which and what to try."""


class ConfigError(MsadecompError):
    """A configuration value or file is invalid."""


class ExportError(MsadecompError):
    """A report or diagram could not be written."""


class InternalError(MsadecompError):
    """A bug in msadecomp: an unexpected exception, wrapped so callers need catch one root.

    The original exception is kept as ``__cause__`` (not pickled).
    """
