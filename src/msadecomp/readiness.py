"""The migration readiness self-check (shared/DOMAIN.md), with questions 6, 8 and 9 assessed
from the code and the others taken from an optional answers file.

* Q6, can functions and data be separated into small independent services? *Yes* when the
  decomposition has modularity >= 0.4, at most 30% of accessed tables shared between services,
  and an inter-call percentage (ICP) of at most 30%.
* Q8, does code complexity make extension hard? *Yes* when at least two of: service-level
  dependency cycles; classes whose efferent coupling (distinct project types used) is 20 or more
  making up over 5% of classes; more than 20% of packages inside package-level cycles.
* Q9, are build-test-deploy tools missing or partly used? *Yes* unless a build file, automated
  tests, a CI pipeline and container/deployment files are all present.

Answers file (JSON or TOML): ``{"1": "yes", "2": "no", "10": true}``. Six or more *yes*
suggests adopting cloud native.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from msadecomp.config import tomllib
from msadecomp.errors import InputError
from msadecomp.metrics import STRUCTURAL, Metrics
from msadecomp.model import CodeModel

QUESTIONS = {
    1: "Is about 15% or more of the initial development cost spent every year on extra "
    "development and maintenance?",
    2: "Has the service been stopped to recover from failures (adding capacity, upgrades)?",
    3: "Have users complained of slow access during traffic peaks?",
    4: "Do policy and business requirement changes need fast responses?",
    5: "Are new technologies (big data, AI, blockchain, IoT) or varied languages and open "
    "source needed?",
    6: "Can functions and their data (DB) be clearly separated into small service units that "
    "run independently?",
    7: "Does the split between development and operations teams cause communication or "
    "release delays?",
    8: "Does source-code complexity make extension hard, so that services must be separated "
    "and code improved?",
    9: "Are build-test-deploy tools missing or only partly used between commit and "
    "dev/staging/production?",
    10: "Do you want a shorter release cycle?",
}
ADOPT_AT = 6
HIGH_EFFERENT = 20


def load_answers(path: str | Path) -> dict[int, bool]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
        data = tomllib.loads(text) if p.suffix == ".toml" else json.loads(text)
    except OSError as err:
        raise InputError(f"cannot read answers file {p}: {err.strerror}") from None
    except (UnicodeDecodeError, ValueError) as err:  # ValueError: also int-str digit limit
        raise InputError(f"answers file {p} is not valid JSON/TOML: {err}") from None
    except RecursionError:
        raise InputError(f"answers file {p} is nested too deeply to read") from None
    if not isinstance(data, dict):
        raise InputError(f"answers file {p} must hold an object of question: yes/no")
    answers: dict[int, bool] = {}
    for key, value in data.items():
        digits = re.sub(r"\D", "", str(key))
        number = int(digits) if 0 < len(digits) <= 2 else 0
        if number not in QUESTIONS:
            shown = repr(key) if len(repr(key)) <= 40 else repr(key)[:40] + "..."
            raise InputError(f"answers file {p}: no question {shown} (use 1-10)")
        if isinstance(value, str) and value.lower() in ("yes", "y", "true", "no", "n", "false"):
            answers[number] = value.lower() in ("yes", "y", "true")
        elif isinstance(value, bool):
            answers[number] = value
        else:
            shown = repr(value) if len(repr(value)) <= 40 else f"a {type(value).__name__}"
            raise InputError(f"answers file {p}: answer {key!r} must be yes/no, not {shown}")
    return answers


def _package_cycles(model: CodeModel) -> tuple[int, int]:
    top = {t.fqn: t for t in model.types}
    g = nx.DiGraph()
    for d in model.dependencies:
        a, b = top.get(d.source), top.get(d.target)
        if a and b and d.kind in STRUCTURAL and a.package != b.package:
            g.add_edge(a.package, b.package)
    packages = {t.package for t in model.types}
    cyclic = {n for c in nx.strongly_connected_components(g) if len(c) > 1 for n in c}
    return len(cyclic), len(packages)


def _missed(missed: bool) -> str:
    return ": not met" if missed else ""


def assess(
    model: CodeModel,
    metrics: Metrics,
    service_edges: set[tuple[str, str]],
    answers: dict[int, bool] | None = None,
    keys_across: int = 0,
) -> dict[str, Any]:
    """The checklist; ``keys_across``: foreign keys between tables of different services,
    reported with question 6 (each becomes an API call or an event when split)."""
    answers = answers or {}
    items: list[dict[str, Any]] = []

    q6 = metrics.modularity >= 0.4 and metrics.shared_table_share <= 0.3 and metrics.icp <= 0.3
    q6_evidence = [  # a criterion the system misses says so: the answer is no because of it
        f"modularity {metrics.modularity:.2f} (needs >= 0.40{_missed(metrics.modularity < 0.4)})",
        f"{metrics.shared_table_share:.0%} of accessed tables shared "
        f"(needs <= 30%{_missed(metrics.shared_table_share > 0.3)})",
        f"inter-call percentage {metrics.icp:.0%} (needs <= 30%{_missed(metrics.icp > 0.3)})",
        f"{keys_across} foreign key(s) between tables of different services",
    ]

    cycles = nx.DiGraph(list(service_edges))
    service_cycles = [c for c in nx.strongly_connected_components(cycles) if len(c) > 1]
    efferent: dict[str, set[str]] = defaultdict(set)
    tops = {t.fqn: t.top_level for t in model.types}
    for d in model.dependencies:
        if d.kind in STRUCTURAL and d.target in tops:
            efferent[tops.get(d.source, d.source)].add(tops[d.target])
    classes = max(sum(1 for t in model.types if t.outer is None), 1)
    heavy = sum(1 for v in efferent.values() if len(v) >= HIGH_EFFERENT)
    cyclic_pkgs, packages = _package_cycles(model)
    signals = [
        bool(service_cycles),
        heavy / classes > 0.05,
        packages > 0 and cyclic_pkgs / packages > 0.2,
    ]
    q8 = sum(signals) >= 2
    q8_evidence = [
        f"{len(service_cycles)} dependency cycle(s) between proposed services",
        f"{heavy} class(es) depend on {HIGH_EFFERENT}+ project types ({heavy / classes:.0%})",
        f"{cyclic_pkgs} of {packages} packages are in package-level cycles",
    ]

    files = model.delivery_files
    kinds = {
        "build": [f for f in files if re.search(r"(pom\.xml|gradle|build\.xml)$", f)],
        "tests": [f for f in files if f.endswith("Test.java")],
        "ci": [
            f
            for f in files
            if re.search(
                r"(Jenkinsfile|ci\.ya?ml|pipelines\.ya?ml|"
                r"workflows/)",
                f,
            )
        ],
        "containers": [
            f
            for f in files
            if re.search(
                r"(Dockerfile|Containerfile|compose|"
                r"Chart\.yaml|kustomization|skaffold)",
                f,
            )
        ],
    }
    q9 = not all(kinds.values())
    q9_evidence = [
        f"{k}: {', '.join(v[:3]) + (' ...' if len(v) > 3 else '') if v else 'none'}"
        for k, v in kinds.items()
    ]
    assessed = {6: (q6, q6_evidence), 8: (q8, q8_evidence), 9: (q9, q9_evidence)}

    for number, question in QUESTIONS.items():
        if number in assessed:
            value, evidence = assessed[number]
            source = "code"
            if number in answers:
                value, source = answers[number], "answers file (overrides the code)"
        elif number in answers:
            value, evidence, source = answers[number], [], "answers file"
        else:
            value, evidence, source = None, [], "unanswered"
        items.append(
            {
                "number": number,
                "question": question,
                "answer": None if value is None else ("yes" if value else "no"),
                "source": source,
                "evidence": evidence,
            }
        )
    yes = sum(1 for i in items if i["answer"] == "yes")
    unanswered = sum(1 for i in items if i["answer"] is None)
    if yes >= ADOPT_AT:
        verdict = f"{yes} of 10 yes: the checklist suggests adopting cloud native"
    elif yes + unanswered >= ADOPT_AT:
        verdict = (
            f"{yes} yes so far, {unanswered} unanswered: answer the remaining questions "
            "(--answers FILE) to reach a verdict"
        )
    else:
        verdict = f"only {yes} of 10 yes: the checklist does not yet suggest cloud native"
    return {"items": items, "yes": yes, "unanswered": unanswered, "verdict": verdict}
