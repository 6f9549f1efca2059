"""Long fuzz run of every ingest entry point; prints inputs, crashes, hangs and inputs over 1 GiB.

    python benchmarks/fuzz.py --minutes 10                # every target, 10 minutes each
    python benchmarks/fuzz.py --minutes 2 class-file jsp  # some targets

Each target runs in its own process under an address-space limit (``RLIMIT_AS``, 3 GiB by
default), with hypothesis generating inputs from the strategies in ``tests/fuzz_targets.py`` (the
ones the property tests use with few examples). Per input: an exception outside the target's
documented contract is a *crash*; a call longer than ``--hang-seconds`` (stopped by ``SIGALRM``) a
*hang*; a call after which the process's peak resident memory passed 1 GiB is counted *over 1
GiB* (a ``MemoryError`` under the address-space limit counts there too). The first few crashes
are printed with the input's size. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GIB = 1 << 30


class _Hang(BaseException):
    """Raised by the alarm inside a call that took too long (BaseException: not caught as an
    ordinary crash by the target's own ``except Exception``)."""


class _Done(BaseException):
    """Raised when the time for a target is up, to leave hypothesis's loop."""


BATCH = 500
"""Inputs per hypothesis run: its bookkeeping grows with every example, so it starts afresh
(with a new random seed) after each batch to keep the worker's memory flat."""


def _rss_bytes() -> int:
    with Path("/proc/self/statm").open() as fh:
        return int(fh.read().split()[1]) * resource.getpagesize()


def _peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _worker(name: str, seconds: float, hang_seconds: int) -> dict[str, Any]:
    """Fuzz one target until ``seconds`` pass or an input pushes memory past 1 GiB (then the
    process is no longer a clean baseline: the parent starts a fresh one)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hypothesis import HealthCheck, Phase, given, settings

    from fuzz_targets import TARGETS

    target = TARGETS[name]
    counts: dict[str, Any] = {"inputs": 0, "crashes": 0, "hangs": 0, "over_1_gib": 0}
    samples: list[str] = []
    start = time.monotonic()
    end = start + seconds

    def on_alarm(signum: int, frame: object) -> None:
        raise _Hang

    signal.signal(signal.SIGALRM, on_alarm)

    @settings(
        max_examples=BATCH,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(target.inputs)
    def fuzz(value: Any) -> None:
        if time.monotonic() > end:
            raise _Done
        counts["inputs"] += 1
        signal.alarm(hang_seconds)
        try:
            target.run(value)
        except target.allowed:
            pass
        except _Hang:
            counts["hangs"] += 1
            samples.append(f"hang on an input of {len(repr(value)):,} characters")
        except MemoryError:
            counts["over_1_gib"] += 1
            samples.append(f"MemoryError on an input of {len(repr(value)):,} characters")
            raise _Done from None
        except Exception:
            counts["crashes"] += 1
            if len(samples) < 5:
                samples.append(f"input of {len(repr(value)):,} chars: {traceback.format_exc()}")
        finally:
            signal.alarm(0)
        if _peak_bytes() > GIB or _rss_bytes() > GIB:
            counts["over_1_gib"] += 1
            samples.append(f"over 1 GiB on an input of {len(repr(value)):,} characters")
            raise _Done

    while time.monotonic() < end and not counts["over_1_gib"]:
        try:
            fuzz()
        except _Done:
            break
        except BaseException as err:  # hypothesis' own errors (e.g. flaky): report, go on
            samples.append(f"hypothesis stopped a batch: {type(err).__name__}: {err}")
    counts["seconds"] = round(time.monotonic() - start, 1)
    counts["samples"] = samples
    return counts


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="targets to run (default: all)")
    parser.add_argument("--minutes", type=float, default=10.0, help="per target (default: 10)")
    parser.add_argument("--hang-seconds", type=int, default=10, help="per input (default: 10)")
    parser.add_argument("--address-space-gib", type=float, default=3.0)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker(args.worker, args.minutes * 60, args.hang_seconds)))
        return 0
    sys.path.insert(0, str(ROOT / "tests"))
    from fuzz_targets import TARGETS

    names = args.targets or list(TARGETS)
    unknown = sorted(set(names) - set(TARGETS))
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; known: {', '.join(TARGETS)}")
    limit = int(args.address_space_gib * GIB)
    print(
        f"{'target':<16}{'seconds':>8}{'inputs':>10}{'crashes':>9}{'hangs':>7}{'>1GiB':>7}",
        flush=True,
    )
    failed = False
    for name in names:
        total: dict[str, Any] = {"inputs": 0, "crashes": 0, "hangs": 0, "over_1_gib": 0}
        samples: list[str] = []
        left = args.minutes * 60
        while left > 1:
            command = [sys.executable, __file__, "--worker", name, "--minutes", str(left / 60)]
            command += ["--hang-seconds", str(args.hang_seconds)]
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                preexec_fn=lambda: _limit_memory(limit),
                check=False,
            )
            lines = done.stdout.strip().splitlines()
            if done.returncode != 0 or not lines:  # killed: count it, start afresh
                total["crashes"] += 1
                samples.append(f"worker died with exit {done.returncode}: {done.stderr[-1500:]}")
                left -= 5
                continue
            c = json.loads(lines[-1])
            for key in total:
                total[key] += c[key]
            samples += c["samples"]
            left -= max(c["seconds"], 1.0)
        print(
            f"{name:<16}{args.minutes * 60:>8.0f}{total['inputs']:>10,}{total['crashes']:>9}"
            f"{total['hangs']:>7}{total['over_1_gib']:>7}",
            flush=True,
        )
        for sample in samples[:8]:
            print("    " + sample.replace("\n", "\n    "), flush=True)
        failed = failed or any(total[k] for k in ("crashes", "hangs", "over_1_gib"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
