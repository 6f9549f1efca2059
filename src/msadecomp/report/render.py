"""Render DOT to SVG with Graphviz: a system ``dot`` when there is one, else the
``graphviz-pure`` program that the package installs, so no system package is needed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from msadecomp.errors import ExportError

RENDER_TIMEOUT_S = 30
"""Graphviz gets this long per diagram; a diagram that takes longer is left out with a note
(the .dot file is still written)."""


def graphviz_binary() -> str | None:
    for name in ("dot", "graphviz-pure"):
        found = shutil.which(name)
        if found:
            return found
    beside = Path(sys.executable).with_name("graphviz-pure")
    return str(beside) if beside.exists() else None


def render_all(dots: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Render several diagrams at once (one Graphviz process each, run side by side).

    Returns (SVG by name, problem message by name) for the ones that failed.
    """
    svgs: dict[str, str] = {}
    problems: dict[str, str] = {}
    with ThreadPoolExecutor(max_workers=min(4, max(1, len(dots)))) as pool:
        futures = {name: pool.submit(render_svg, dot) for name, dot in dots.items()}
        for name, future in futures.items():
            try:
                svgs[name] = future.result()
            except ExportError as err:
                problems[name] = str(err)
    return svgs, problems


def render_svg(dot_text: str) -> str:
    binary = graphviz_binary()
    if binary is None:
        raise ExportError(
            "no Graphviz found to render SVG: install Graphviz (`dot`) or "
            "`pip install graphviz-pure`; the .dot files were still written"
        )
    try:
        done = subprocess.run(
            [binary, "-Tsvg"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=RENDER_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ExportError(
            f"Graphviz took over {RENDER_TIMEOUT_S} s to lay out the diagram; "
            "the .dot file was written"
        ) from None
    except OSError as err:
        raise ExportError(f"cannot run {binary}: {err}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError(f"{Path(binary).name} failed: {message[-1] if message else 'no output'}")
    return done.stdout.decode("utf-8")
