"""Run the issue-9 hostile inputs of the archive, class-file and settings areas through the CLI,
each on a copy of the fixture under an address-space limit; prints exit code, seconds, peak
memory and the last line of stderr. Not a test: the figures are for the report.

    python benchmarks/hostile.py            # every case
    python benchmarks/hostile.py bomb nested-copies

Targets (issue 9): exit 0 or 2 with a one-line message or a diagnostic, under 10 s and 1 GiB.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hostile_inputs as h  # noqa: E402

Case = Callable[[Path], list[str]]
"""Prepares the case in a work folder (with ``app``, a fixture copy); returns CLI arguments."""


def _file(name: str, data: bytes) -> Case:
    def prepare(work: Path) -> list[str]:
        (work / "app" / name).parent.mkdir(parents=True, exist_ok=True)
        (work / "app" / name).write_bytes(data)
        return ["app"]

    return prepare


def _mini_program(work: Path) -> list[str]:
    """A mini program whose one page requires a module 20,000 times, and 2,000 empty pages."""
    app = work / "app" / "wx"
    (app / "pages" / "a").mkdir(parents=True, exist_ok=True)
    (app / "app.json").write_text("{}")
    (app / "project.config.json").write_text("{}")
    (app / "pages" / "a" / "a.wxml").write_text("<view/>")
    (app / "pages" / "a" / "a.js").write_bytes(b"var a = require('../../api.js');\n" * 20_000)
    (app / "api.js").write_bytes(b"module.exports = {\n" + b"K: B + 'x/y',\n" * 30_000 + b"}")
    for i in range(2_000):
        (app / "pages" / f"p{i}").mkdir(exist_ok=True)
        (app / "pages" / f"p{i}" / f"p{i}.wxml").write_text("<view/>")
    return ["app"]


def _reexport_cycle(work: Path) -> list[str]:
    """Two barrels of 5,000 lines each re-exporting the other, and a page importing one."""
    src = work / "app" / "ui" / "src"
    (src / "views").mkdir(parents=True, exist_ok=True)
    (src / "a.js").write_bytes(b"export * from './b';\n" * 5_000)
    (src / "b.js").write_bytes(b"export * from './a';\n" * 5_000)
    (src / "views" / "P.vue").write_bytes(b"<script>import { Foo } from '../a'</script>")
    return ["app"]


def _call_web(work: Path) -> list[str]:
    """Two modules of 300 functions, each calling 100 of the other's, and a page calling all."""
    src = work / "app" / "ui" / "src"
    (src / "views").mkdir(parents=True, exist_ok=True)
    for me, other, called in (("a", "b", "g"), ("b", "a", "f")):
        own = "f" if me == "a" else "g"
        body = "".join(
            f"function {own}{i}() {{ "
            + " ".join(f"{other}.{called}{j}();" for j in range(100))
            + f" get('/p/{me}{i}') }}\n"
            for i in range(300)
        )
        (src / f"{me}.js").write_text(f"var {other} = require('./{other}.js');\n{body}")
    calls = "".join(f"a.f{i}();" for i in range(300))
    (src / "views" / "P.vue").write_text(f"<script>var a = require('../a.js');\n{calls}</script>")
    return ["app"]


def _war(data: Callable[[], bytes]) -> Case:
    def prepare(work: Path) -> list[str]:
        (work / "in.war").write_bytes(data())
        return ["in.war"]

    return prepare


def _config(text: str) -> Case:
    def prepare(work: Path) -> list[str]:
        (work / "c.toml").write_text(text)
        return ["app", "--config", "c.toml"]

    return prepare


def _special(work: Path) -> list[str]:
    app = work / "app"
    os.mkfifo(app / "Pipe.java")
    (app / "Out.java").symlink_to("/etc/hostname")
    (app / "outdir").symlink_to("/etc")
    (app / "src" / "loop").symlink_to(app)
    (app / os.fsdecode(b"Caf\xe9.java")).write_bytes(b"class Cafe {}")
    return ["app"]


def _damaged(work: Path) -> list[str]:
    data = h.make_zip({"A.java": b"class A {}" * 50, "B.java": b"class B {}"})
    data = h.patch_central_header(h.corrupt_entry_data(data, "A.java"), "B.java", 6, b"\xff\x00")
    (work / "in.war").write_bytes(data)
    return ["in.war"]


def _single(work: Path) -> list[str]:
    return [str(next((work / "app").rglob("*Controller.java")))]


WEIGHTS = [
    "extends",
    "implements",
    "injection",
    "call",
    "field",
    "param",
    "return",
    "local",
    "new",
    "annotation",
    "import",
    "read",
    "write",
    "foreign_key",
    "semantic",
    "cochange",
]
CASES: dict[str, Case] = {
    "bomb-1900x1MiB": _war(h.one_mib_bomb_war),
    "nested-copies": _war(h.nested_copies_ear),
    "damaged-entries": _damaged,
    "class-huge-descriptor": _file("Big.class", h.many_methods_one_huge_descriptor()),
    "class-nested-annotations": _file("Nested.class", h.nested_annotation_arrays()),
    "class-bad-pool-reference": _file("Bad.class", h.bad_pool_reference()),
    "special-files-links-names": _special,
    # 8 MiB JSPs (the largest file read) of unclosed scriptlets, comments and page imports
    "jsp-unclosed-scriptlets": _file(
        "Unclosed.jsp", b'<%@page import="a.B"%>' + b"<% new B(" * 932_000
    ),
    "jsp-unclosed-comments": _file(
        "Comments.jsp", b'<%@page import="a.B"%><% ' + b"/* x" * 2_090_000 + b" %>"
    ),
    "jsp-unclosed-import": _file("Import.jsp", b'<%@page import="' + b"a" * 8_380_000),
    "jsp-line-comments": _file(
        "Lines.jsp", b'<%@page import="a.B"%><% ' + b"//\n" * 2_790_000 + b" new B(); %>"
    ),
    "jsp-dense-imports": _file("Imports.jsp", b'<%@page import="x' * 490_000),
    "code-template-placeholders": _file("Gen.vm", b"import " + b"$" * 3_000_000),
    "meta-refresh-flood": _file("Refresh.jsp", b"<meta http-equiv=refresh " * 500_000),
    "liquibase-many-changes": _file(
        "changelog.xml",
        b"<databaseChangeLog>"
        + b'<createTable tableName="t"><column name="c"/></createTable><!-- <sql> -->' * 50_000
        + b"</databaseChangeLog>",
    ),
    "migration-drops-and-renames": _file(
        "V2__churn.sql",
        b"".join(
            b"CREATE TABLE t%d (c INT);\nALTER TABLE t%d ADD COLUMN d INT;\n" % (i, i)
            for i in range(20_000)
        )
        + b"".join(
            b"RENAME TABLE t%d TO u%d;\nDROP TABLE u%d;\n" % (i, i, i) for i in range(20_000)
        ),
    ),
    # front ends: an 8 MiB component holding a base64 image (its script read to 1 M chars),
    # 512 KiB modules (the largest read) of unclosed re-exports and imports naming no module
    "component-base64-image": _file(
        "ui/src/Logo.vue", b"<img src='data:image/png;base64," + b"A" * 8_300_000 + b"'>"
    ),
    "module-unclosed-reexports": _file("ui/src/api/a.js", b"export { " * 58_000),
    "module-import-flood": _file("ui/src/api/b.ts", b"import type " * 43_000),
    "module-import-whitespace": _file("ui/src/api/d.js", b"import" + b" \n" * 260_000),
    "module-modifier-lines": _file("ui/src/api/e.ts", b"public\n" * 74_000),
    "module-member-flood": _file(
        "ui/src/api/c.js", b"import * as a from 'x'\n" * 11_000 + b"a.f()\n" * 11_000
    ),
    "module-based-flood": _file(
        "ui/src/api/f.js", b"var B = 'http://h/wx/';\n" + b"B + 'a/b' + " * 40_000
    ),
    "mini-program-flood": _mini_program,
    "module-reexport-cycle": _reexport_cycle,
    "module-call-web": _call_web,
    "module-open-initialisers": _file(
        "ui/src/api/i.js", "".join(f"var a{i}=(\n" for i in range(40_000)).encode()
    ),
    "module-open-quotes": _file("ui/src/api/q.js", b'\\"' * 100_000 + b"x\\`\n" * 40_000),
    "component-inline-template": _file(
        "ui/src/app/a.component.ts", b"@Component({ template: `" + b"<a href='/x'>\\" * 40_000
    ),
    "single-file": _single,
    "zero-weights": _config("[weights]\n" + "".join(f"{k} = 0\n" for k in WEIGHTS)),
    "together-everything": _config('[constraints]\ntogether = [["*"]]\n'),
    "markup-pattern": _config('[constraints]\ntogether = [["a.[/]b*"]]\n'),
    "detect-no": _config('[kernel]\ndetect = "no"\n'),
    "deep-toml": _config("x = " + "[" * 5000 + "]" * 5000),
    "jobs-100000": lambda work: ["app", "--jobs", "100000"],
    "resolution-nan": lambda work: ["app", "--resolution", "nan"],
    "empty-path": lambda work: [""],
}


RUN = (
    "import resource, sys\n"
    "from msadecomp.cli import run\n"
    "code = run(sys.argv[1:])\n"
    "peak = max(resource.getrusage(w).ru_maxrss for w in "
    "(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))\n"
    "print(f'@@peak-kib {peak}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)
"""The CLI in-process, then its peak resident memory (itself or its largest worker)."""


def _limit(gib: float) -> Callable[[], None]:
    def apply() -> None:
        limit = int(gib * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help=f"among {', '.join(CASES)}")
    parser.add_argument("--address-space-gib", type=float, default=3.0)
    args = parser.parse_args()
    names = args.cases or list(CASES)
    print(f"{'case':<28}{'exit':>5}{'seconds':>9}{'peak MiB':>10}  last stderr line")
    for name in names:
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            shutil.copytree(ROOT / "fixtures" / "egov-portal", work / "app")
            argv = CASES[name](work)
            command = [sys.executable, "-c", RUN, "analyze", *argv, "-o", "out", "-q"]
            start = time.perf_counter()
            done = subprocess.run(
                command,
                cwd=work,
                capture_output=True,
                text=True,
                preexec_fn=_limit(args.address_space_gib),
                check=False,
            )
            seconds = time.perf_counter() - start
            lines = done.stderr.strip().splitlines()
            peak = int(lines.pop().split()[-1]) if lines and lines[-1].startswith("@@") else 0
            print(
                f"{name:<28}{done.returncode:>5}{seconds:>9.2f}{peak / 1024:>10.0f}  "
                f"{lines[-1][:110] if lines else ''}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
