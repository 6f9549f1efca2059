"""The fixture is real Java: it compiles with javac against small API stand-ins."""

import shutil
import subprocess
from pathlib import Path

import pytest

STUBS = Path(__file__).resolve().parents[1] / "java_stubs"


@pytest.mark.skipif(shutil.which("javac") is None, reason="javac is not installed")
def test_fixture_compiles(fixture_root: Path, tmp_path: Path) -> None:
    sources = sorted((fixture_root / "src").rglob("*.java"))
    euc_kr = [p for p in sources if "/cvpl/" in p.as_posix()]
    utf8 = [p for p in sources if p not in euc_kr] + sorted(STUBS.rglob("*.java"))
    for encoding, files in (("UTF-8", utf8), ("EUC-KR", euc_kr)):
        done = subprocess.run(
            [
                "javac",
                "-nowarn",
                "-encoding",
                encoding,
                "-cp",
                str(tmp_path),
                "-d",
                str(tmp_path),
                *map(str, files),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
