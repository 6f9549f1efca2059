"""Score msadecomp on real public monoliths against the truth files in ``benchmarks/truth/``.

    python benchmarks/realworld.py                      # every truth file, corpora in /tmp/corpora
    python benchmarks/realworld.py dddsample-core ftgo-monolith --jobs 1
    python benchmarks/realworld.py --corpus egovcc=/data/egovcc --json scores.json
    python benchmarks/realworld.py --jobs 1 --seeds 1,2,3,4,42  # also the spread over seeds
    python benchmarks/realworld.py --services-from-truth        # as many services as contexts

For each truth file ``NAME.json`` the corpus is ``--corpora/NAME`` unless ``--corpus NAME=PATH``
says otherwise (how to check them out: ``benchmarks/corpora.md``). Each corpus is analysed with
the default settings (``--jobs`` only sets the parser processes) and scored per component kind
(classes, views, tables) and over all of them, as ``msadecomp evaluate`` does. A missing corpus
is skipped with a line saying so. With ``--seeds`` every corpus is analysed once per seed; the
tables show the default seed (42) and a last table the mean, lowest and highest class MoJoFM
and the mean all-components accuracy over the seeds, since Leiden's results move a little
with the seed (on corpora of under 100 classes by up to 5 points). Times are wall-clock
seconds of the analysis on this machine; nothing here asserts a figure.

``--services-from-truth`` asks each corpus for as many services as its truth file has contexts
(``--services N``), the setting in which tools that need a count are compared. eGovFrame
common components' truth covers 135 of its 1,088 classes in 6 contexts, so that figure says
little there.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import msadecomp
from msadecomp.errors import MsadecompError
from msadecomp.evaluate import evaluate_report
from msadecomp.truth import KINDS, load_truth

HERE = Path(__file__).resolve().parent
SCORED = (*KINDS, "all")
DEFAULT_SEED = msadecomp.Config().seed


def run_one(
    name: str,
    corpus: Path,
    truth_path: Path,
    jobs: int | None,
    seed: int = DEFAULT_SEED,
    fit: bool = False,
) -> dict[str, Any]:
    """Analyse one corpus and score it; returns the row the tables print. ``fit``: ask for
    as many services as the truth has contexts."""
    truth = load_truth(truth_path)
    wanted = len(set(truth.labelled("classes").values())) if fit else None
    start = time.perf_counter()
    analysis = msadecomp.analyze(
        corpus, msadecomp.Config(jobs=jobs, seed=seed, services=wanted or None)
    )
    seconds = time.perf_counter() - start
    report = analysis.report
    services = report["services"]
    total = report["summary"]["classes"]
    largest = max((len(s["classes"]) for s in services), default=0)
    result = evaluate_report(report, truth)
    return {
        "corpus": name,
        "seed": seed,
        "classes": total,
        "views": len(analysis.model.pages),
        "tables": report["summary"]["tables"],
        "services": len(services),
        "kernel_classes": len((report.get("shared_kernel") or {}).get("classes", [])),
        "largest_share": largest / total if total else 0.0,
        "seconds": seconds,
        "scores": {
            kind: {
                "objects": a.objects,
                "unplaced": len(a.unplaced),
                "missing": len(a.missing),
                "mojofm": a.mojofm,
                "accuracy": a.accuracy * 100,
                "ari": a.ari,
            }
            for kind, a in result.kinds.items()
        },
        "ignored": result.ignored,
    }


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def summary_table(rows: list[dict[str, Any]]) -> str:
    header = ["corpus", "classes", "views", "tables", "services", "kernel", "largest", "time s"]
    body = [
        [
            r["corpus"],
            str(r["classes"]),
            str(r["views"]),
            str(r["tables"]),
            str(r["services"]),
            str(r["kernel_classes"]),
            f"{r['largest_share']:.0%}",
            f"{r['seconds']:.1f}",
        ]
        for r in rows
    ]
    return _table(header, body)


def score_table(rows: list[dict[str, Any]]) -> str:
    header = ["corpus", "kind", "scored", "unplaced", "missing", "MoJoFM", "accuracy", "ARI"]
    body = []
    for r in rows:
        for kind in SCORED:
            s = r["scores"].get(kind)
            if s is None:
                continue
            body.append(
                [
                    r["corpus"],
                    kind,
                    str(s["objects"]),
                    str(s["unplaced"]),
                    str(s["missing"]),
                    f"{s['mojofm']:.1f}",
                    f"{s['accuracy']:.1f}",
                    f"{s['ari']:.3f}",
                ]
            )
    return _table(header, body)


def seed_table(runs: dict[str, list[dict[str, Any]]]) -> str:
    """Per corpus, class MoJoFM mean / lowest / highest and mean all-components accuracy over
    the seeds, and a last row with the means over the corpora."""
    header = ["corpus", "seeds", "class MoJoFM mean", "lowest", "highest", "all accuracy mean"]
    body = []
    means: list[tuple[float, float]] = []
    for name, rows in runs.items():
        mojo = [r["scores"]["classes"]["mojofm"] for r in rows]
        acc = [r["scores"]["all"]["accuracy"] for r in rows]
        means.append((sum(mojo) / len(mojo), sum(acc) / len(acc)))
        body.append(
            [
                name,
                ",".join(str(r["seed"]) for r in rows),
                f"{means[-1][0]:.1f}",
                f"{min(mojo):.1f}",
                f"{max(mojo):.1f}",
                f"{means[-1][1]:.1f}",
            ]
        )
    if means:
        mojo_mean = sum(m for m, _ in means) / len(means)
        acc_mean = sum(a for _, a in means) / len(means)
        body.append(["mean", "", f"{mojo_mean:.2f}", "", "", f"{acc_mean:.2f}"])
    return _table(header, body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="truth file names to run (default: all)")
    parser.add_argument("--corpora", type=Path, default=Path("/tmp/corpora"))
    parser.add_argument("--truth-dir", type=Path, default=HERE / "truth")
    parser.add_argument(
        "--corpus", action="append", default=[], metavar="NAME=PATH", help="corpus location"
    )
    parser.add_argument("--jobs", type=int, default=None, help="parser processes")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument(
        "--seeds", default="", metavar="1,2,...", help="also run these seeds and show the spread"
    )
    parser.add_argument(
        "--services-from-truth",
        action="store_true",
        help="ask for as many services as the truth file has contexts",
    )
    args = parser.parse_args(argv)
    seeds = [int(x) for x in args.seeds.split(",") if x.strip()]
    if seeds and DEFAULT_SEED not in seeds:
        seeds.append(DEFAULT_SEED)
    where = dict(item.split("=", 1) for item in args.corpus if "=" in item)
    truths = sorted(args.truth_dir.glob("*.json"))
    if args.names:
        truths = [t for t in truths if t.stem in set(args.names)]
    rows: list[dict[str, Any]] = []
    runs: dict[str, list[dict[str, Any]]] = {}
    for truth_path in truths:
        name = truth_path.stem
        corpus = Path(where.get(name, args.corpora / name))
        if not corpus.is_dir():
            print(f"skip {name}: no corpus at {corpus} (see benchmarks/corpora.md)", flush=True)
            continue
        print(f"analysing {name} ({corpus}) ...", file=sys.stderr, flush=True)
        try:
            for seed in seeds or [DEFAULT_SEED]:
                row = run_one(name, corpus, truth_path, args.jobs, seed, args.services_from_truth)
                runs.setdefault(name, []).append(row)
                if seed == DEFAULT_SEED:
                    rows.append(row)
        except MsadecompError as err:
            print(f"skip {name}: {err}", flush=True)
            runs.pop(name, None)
    if rows:
        print(summary_table(rows))
        print()
        print(score_table(rows))
    if seeds and runs:
        print()
        print(seed_table(runs))
    if args.json:
        every = [row for name_runs in runs.values() for row in name_runs]
        args.json.write_text(json.dumps(every, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
