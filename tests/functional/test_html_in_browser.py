"""The HTML report in a real headless browser (skipped where Chromium is not installed)."""

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import msadecomp

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium")) if p and Path(p).exists()), None
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")


def chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.filter_hidden: bool | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a" and a.get("href", "").startswith("#"):  # type: ignore[union-attr]
            self.hrefs.append(str(a["href"])[1:])
        if a.get("id") == "filter":
            self.filter_hidden = "hidden" in a


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, fixture_root: Path) -> Path:
    out = tmp_path_factory.mktemp("html")
    analysis = msadecomp.analyze(fixture_root, msadecomp.Config(jobs=1))
    analysis.write(out, ("html",))
    return out / "report.html"


def test_page_renders_with_working_links_and_script(page: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    links = Links()
    links.feed(dom)
    assert len(links.hrefs) > 50
    broken = sorted({h for h in links.hrefs if h not in links.ids})
    assert broken == [], "every in-page link resolves"
    assert links.filter_hidden is False, "the script ran and showed the filter box"
    for section in ("summary", "context-map", "services", "readiness", "glossary"):
        assert section in links.ids


def test_page_screenshot_is_drawn(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1300,2000", page.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def test_printing_prints_every_section(page: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert data.startswith(b"%PDF") and pages >= 15, pages  # measured 22 pages: all sections


def test_no_diagram_is_over_8000_px(page: Path) -> None:
    html = page.read_text()
    for w, h in re.findall(
        r'<svg[^>]*?\swidth="([\d.]+)(?:pt)?"\s+height="([\d.]+)(?:pt)?"', html
    ):
        assert float(w) <= 8000 and float(h) <= 8000
