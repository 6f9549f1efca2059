"""The HTML page's structure without a browser: every in-page link has a target."""

from html.parser import HTMLParser

from msadecomp.report.html import inline_svg, sweep_chart, to_html


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        href = a.get("href") or ""
        if tag == "a" and href.startswith("#"):
            self.hrefs.add(href[1:])


def report_with_orphan_table_owner() -> dict:  # type: ignore[type-arg]
    service = {
        "id": "order",
        "name": "order",
        "korean_name": "주문",
        "description": "",
        "subdomain": {"type": "core", "evidence": []},
        "classes": ["a.OrderService"],
        "tables": {
            "owned": ["ORDERS"],
            "owned_but_used_elsewhere": [],
            "used_from_other_services": [
                {"table": "SEQ", "owner": "data-seq", "access": ["read"]}
            ],
        },
        "endpoints": [],
        "pages": [],
        "outgoing_calls": [],
        "incoming_calls": [],
    }
    return {
        "input": {"root": "shop"},
        "generator": "msadecomp test",
        "warnings": [],
        "notes": [],
        "parameters": {"algorithm": "louvain", "seed": 1, "resolution": 1.0, "services": None},
        "summary": {
            "services": 1,
            "classes": 1,
            "tables": 2,
            "endpoints": 0,
            "modularity": 0.5,
            "remote_calls": 0,
        },
        "metrics": dict.fromkeys(
            [
                "modularity",
                "sm",
                "ifn",
                "icp",
                "ned",
                "turbomq",
                "turbomq_normalised",
                "transaction_entropy",
                "shared_table_share",
            ],
            0.0,
        ),
        "sweep": [
            {"resolution": 0.5, "services": 1, "modularity": 0.4},
            {"resolution": 1.0, "services": 2, "modularity": 0.5},
        ],
        "services": [service],
        "shared_kernel": None,
        "extraction_order": [
            {
                "step": 1,
                "service": "order",
                "name": "order",
                "subdomain": "core",
                "entanglement": 0,
                "reasons": [],
            }
        ],
        "readiness": {"items": [], "verdict": "x"},
        "tables": {
            "ORDERS": {"owner": "order", "access": {"order": ["write"]}},
            "SEQ": {"owner": "data-seq", "access": {"order": ["read"]}},
        },
        "diagnostics": [],
    }


def test_every_link_has_a_target_even_for_table_only_owners() -> None:
    links = Links()
    links.feed(to_html(report_with_orphan_table_owner(), {}))
    assert "svc-order" in links.hrefs and "tbl-SEQ" in links.hrefs
    assert links.hrefs <= links.ids


def test_sweep_chart_marks_the_chosen_resolution() -> None:
    svg = sweep_chart(report_with_orphan_table_owner())
    assert svg.startswith('<svg class="chart"') and "chosen" in svg and svg.count("<polyline") == 2


def test_huge_diagrams_are_capped_at_8000_px() -> None:
    svg = '<?xml version="1.0"?>\n<svg xmlns="x" width="45000pt" height="900pt" viewBox="0 0 45000 900"></svg>'
    capped = inline_svg(svg)
    assert (
        capped.startswith("<svg")
        and 'width="8000"' in capped
        and 'viewBox="0 0 45000 900"' in capped
    )


def test_a_table_a_library_keeps_and_a_collection_say_so() -> None:
    report = report_with_orphan_table_owner()
    report["tables"]["ORDERS"]["kept_by"] = ["Quartz"]
    report["tables"]["SEQ"]["store"] = "MongoDB"
    html = to_html(report, {})
    assert ">ORDERS</a> (Quartz)" in html  # in the service's owned tables
    assert "<code>ORDERS</code> (Quartz)" in html and "<code>SEQ</code> (MongoDB)" in html
