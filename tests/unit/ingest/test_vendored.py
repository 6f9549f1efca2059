"""A library's sources copied into a project are left out as a bundled library, listed."""

from pathlib import Path

from msadecomp.ingest import ingest
from msadecomp.ingest.vendored import vendored_packages


def test_a_library_publishers_packages_beside_the_applications_own_are_copies(
    tmp_path: Path,
) -> None:
    """PublicCMS carries Google's sfntly and JeeSite a patched MyBatis class; the classes that
    use them keep the use (an external type now), the copies take no part in the analysis."""
    files = {
        "cms/FontUtils.java": "package com.cms.util; "
        "import com.google.typography.font.Font; public class FontUtils { Font f; }",
        "cms/SiteService.java": "package com.cms.logic; public class SiteService { }",
        "cms/UserService.java": "package com.cms.logic; public class UserService { }",
        "cms/Site.java": "package com.cms.entities; public class Site { }",
        "font/Font.java": "package com.google.typography.font; public class Font { }",
        "ibatis/Configuration.java": "package org.apache.ibatis.session; "
        "public class Configuration { }",
    }
    for name, text in files.items():
        path = tmp_path / "src/main/java" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    model = ingest(tmp_path, jobs=1)
    assert sorted(t.fqn for t in model.types) == [
        "com.cms.entities.Site",
        "com.cms.logic.SiteService",
        "com.cms.logic.UserService",
        "com.cms.util.FontUtils",
    ]
    assert dict(model.file_counts)["java"] == 4  # the copies are no files of the application
    assert sorted(p for p, why in model.excluded if why == "bundled library") == [
        "src/main/java/font/Font.java",
        "src/main/java/ibatis/Configuration.java",
    ]


def test_a_publishers_own_project_keeps_its_packages() -> None:
    """Apache Fineract is ``org.apache.fineract``: ``org.apache.commons`` sources in it are
    not told from its own; Cargo Tracker's ``org.eclipse.pathfinder`` is its own too."""
    fineract = ["org.apache.fineract.loan"] * 9 + ["org.apache.commons.lang"]
    assert vendored_packages(fineract) == set()
    cargo = ["org.eclipse.cargotracker.domain"] * 9 + ["org.eclipse.pathfinder.api"]
    assert vendored_packages(cargo) == set()
    assert vendored_packages([]) == set()
    tomcat = ["org.apache.catalina.core"] * 9 + ["jakarta.servlet.http"]
    assert vendored_packages(tomcat) == set()  # Tomcat implements the Servlet API itself
