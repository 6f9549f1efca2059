"""Evolutionary coupling from version control: classes whose files change together.

Runs ``git log`` (a local command; nothing touches the network) when the analysed folder is in
a git work tree. Merge commits and commits that touch more than ``max_classes`` classes (mass
reformatting, renames) are ignored. A pair is kept when it changed together in at least
``min_commits`` commits; its support is that count over the commits of the less often changed
class.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path

from msadecomp.model import CoChange, Diagnostic, Severity, SourceRef

MAX_COMMITS = 2000
GIT_TIMEOUT_S = 60


def git_cochanges(
    root: Path,
    classes_by_file: Mapping[str, set[str]],
    *,
    max_classes: int = 30,
    min_commits: int = 2,
) -> tuple[list[CoChange], list[Diagnostic]]:
    """Co-change pairs for the classes in ``classes_by_file`` (path relative to ``root``)."""
    git = shutil.which("git")
    if git is None or not root.is_dir():
        return [], []
    try:
        inside = subprocess.run(
            [git, "-C", str(root), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
        )
        if inside.stdout.strip() != "true":
            return [], []
        log = subprocess.run(
            [
                git,
                "-C",
                str(root),
                "log",
                "--no-merges",
                "--relative",
                "--name-only",
                "--pretty=format:%x00",
                f"-n{MAX_COMMITS}",
                "--",
                ".",
            ],
            capture_output=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        return [], [
            Diagnostic(
                Severity.INFO,
                "history.unavailable",
                f"git history not read: {err}",
                SourceRef("."),
            )
        ]
    if log.returncode != 0:
        return [], []
    pair_counts: Counter[tuple[str, str]] = Counter()
    class_counts: Counter[str] = Counter()
    for block in log.stdout.decode("utf-8", "replace").split("\0"):
        changed: set[str] = set()
        for line in block.splitlines():
            changed |= classes_by_file.get(line.strip(), set())
        if not changed or len(changed) > max_classes:
            continue
        class_counts.update(changed)
        pair_counts.update(combinations(sorted(changed), 2))
    out = [
        CoChange(a, b, n, round(n / min(class_counts[a], class_counts[b]), 4))
        for (a, b), n in sorted(pair_counts.items())
        if n >= min_commits
    ]
    return out, []
