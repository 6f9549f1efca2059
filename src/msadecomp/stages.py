"""Progress and timing of a run's stages, for progress bars, logs and benchmarks.

A :class:`Stages` object is handed down the pipeline. Each stage runs inside
``with stages.stage("name"):``; long stages report items done with :meth:`Stages.advance`.
Listeners are plain callables, so the library stays free of any display code:

* ``progress(stage, done, total)``: ``total == 0`` announces that a stage started (size
  unknown); otherwise ``done`` of ``total`` items are finished;
* ``log(stage, seconds)``: a stage finished after ``seconds``.

>>> seen = []
>>> stages = Stages(log=lambda name, seconds: seen.append(name))
>>> with stages.stage("graph"):
...     pass
>>> seen, [name for name, _ in stages.timings]
(['graph'], ['graph'])
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; ``total == 0`` when a stage starts."""
StageLog = Callable[[str, float], None]
"""Called as ``log(stage, seconds)`` when a stage ends."""


@dataclass
class Stages:
    progress: Progress | None = None
    log: StageLog | None = None
    timings: list[tuple[str, float]] = field(default_factory=list)
    """(stage, seconds) in the order the stages ended."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.progress is not None:
            self.progress(name, 0, 0)
        start = time.perf_counter()
        yield
        seconds = time.perf_counter() - start
        self.timings.append((name, seconds))
        if self.log is not None:
            self.log(name, seconds)

    def advance(self, name: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(name, done, total)
