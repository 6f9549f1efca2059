"""Third-party sources copied into a project: code of a library, not of the application.

Projects sometimes carry a library's source among their own: PublicCMS ships Google's sfntly
font library (175 files under ``com.google.typography``) in its analyzer module, JeeSite
patched copies of MyBatis classes (``org.apache.ibatis.session.Configuration``). Analysed as
application code they became services of their own (sfntly's was typed core). A source file is
taken for such a copy when its package lies in the namespace of a well-known library
publisher (:data:`LIBRARY_NAMESPACES`) that none of the application's own package prefixes
(the first two segments holding a fifth or more of its sources, and the commonest one) lies
in: Apache Fineract's ``org.apache.fineract`` keeps every ``org.apache`` package its own, and
Cargo Tracker's ``org.eclipse.cargotracker`` its ``org.eclipse.pathfinder``.

>>> sorted(vendored_packages(["com.shop.a"] * 8 + ["com.google.font", "com.shop.b"]))
['com.google.font']
>>> vendored_packages(["org.apache.fineract.loan"] * 5 + ["org.apache.commons.x"])
set()

Web libraries ship pages too: their documentation and demos. Below a static folder
(``static``, ``assets``, ...) :func:`msadecomp.ingest.views.library_pages` finds them; directly
below a web application's root, :func:`web_library_pages` takes those in a folder named as a
library (XMall's 326 zTree API pages in ``webapp/lib/zTree/``, Swagger UI's
``webapp/swagger/index.html``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import PurePosixPath

from msadecomp.ingest.views import TEMPLATE_FOLDER_SUFFIXES

LIBRARY_NAMESPACES = (
    "org.apache.",
    "com.google.",
    "org.springframework.",
    "org.hibernate.",
    "org.mybatis.",
    "org.activiti.",
    "org.flowable.",
    "org.camunda.",
    "org.eclipse.",
    "com.fasterxml.",
    "com.alibaba.",
    "com.ckfinder.",
    "com.baidu.",
    "org.json.",
    "org.slf4j.",
    "ch.qos.",
    "io.netty.",
    "net.sf.",
)
"""Package prefixes of widely used libraries' publishers (``javax``/``jakarta`` are not among
them: Tomcat's own sources implement ``jakarta.servlet``)."""
OWN_SHARE = 0.2
"""A two-segment package prefix holding this share of the sources is the application's."""


def _prefix(package: str) -> str:
    return ".".join(package.split(".")[:2]) + "."


def vendored_packages(packages: Iterable[str]) -> set[str]:
    """The packages of ``packages`` (one entry per source file) that are copies of a library
    (see the module docstring)."""
    packages = list(packages)
    counts = Counter(_prefix(p) for p in packages if p)
    if not counts:
        return set()
    total = sum(counts.values())
    own = {p for p, n in counts.items() if n >= OWN_SHARE * total}
    own.add(counts.most_common(1)[0][0])
    foreign = tuple(ns for ns in LIBRARY_NAMESPACES if not any(o.startswith(ns) for o in own))
    return {p for p in packages if p and (p + ".").startswith(foreign)}


WEB_ROOT = re.compile(r"(?:^|/)(?:webapp|WebContent|WebRoot)/", re.I)
"""The root of a web application's files (Maven's ``src/main/webapp``, Eclipse's
``WebContent``, MyEclipse's ``WebRoot``): what it holds outside ``WEB-INF`` is served as is."""
WEB_LIBRARY_FOLDER = re.compile(
    r"lib|libs|vendors?|plugins?|bower_components|third[-_]?party|3rd[-_]?party"
    r"|jquery[^/]*|bootstrap[^/]*|z-?tree[^/]*|layui[^/]*|layer|laydate|laypage"
    r"|u-?editor[^/]*|um-?editor[^/]*|kindeditor[^/]*|ckeditor[^/]*|ckfinder[^/]*"
    r"|tinymce[^/]*|summernote[^/]*|codemirror[^/]*|editor\.md|swagger[^/]*|my97datepicker"
    r"|datatables[^/]*|webuploader[^/]*|pdf\.?js|dojo|dijit|dojox|extjs|ext-\d[^/]*|yui[^/]*",
    re.I,
)
"""Folders holding a library by their name: a container of libraries (``lib``, ``vendor``,
``plugins``) or a well-known library's own name. Front-end frameworks an application names its
own code after (``angular``, ``vue``, ``react``) are not among them."""
GENERIC_LIBRARY_FOLDER = re.compile(
    r"lib|libs|vendors?|plugins?|bower_components|third[-_]?party|3rd[-_]?party", re.I
)
"""The container names of :data:`WEB_LIBRARY_FOLDER`: words an application's own modules go by
too (a procurement system's ``views/vendor/``, an admin's ``plugin/`` pages)."""
STATIC_FOLDER = re.compile(r"static|statics|assets?|resources?|res|public|js|scripts?|dist", re.I)
"""Folders of a web root that hold its static files, libraries among them."""
LIBRARY_EVIDENCE = re.compile(
    r"[^/]*[.-]min(?:[.-][^/]*)?\.(?:js|css)|(?:readme|license|licence|copying)(?:\.[^/]*)?"
    r"|bower\.json|package\.json",
    re.I,
)
"""Files a library ships beside its pages: minified scripts, a README or licence, a package
manifest."""


def web_library_pages(paths: Iterable[str], *, war: bool = False) -> set[str]:
    """The plain pages (``.html``, ``.htm`` and client-side templates) of ``paths`` that lie
    below a web application's root (the last :data:`WEB_ROOT` of the path, so a project folder
    named ``webapp`` does not count; with ``war``, paths are relative to it), outside
    ``WEB-INF`` and ``META-INF``, in a library's folder: a library's documentation and demos,
    served as they are, no page of the application. Server pages (JSP) are compiled with the
    application and stay.

    A library's folder is named as one (:data:`WEB_LIBRARY_FOLDER`): the first folder below a
    static folder (:data:`STATIC_FOLDER`: ``static/ckeditor``, ``static/lib``), or a folder named
    as a well-known library (``js/codemirror``, ``swagger``); a folder named only by a generic
    word (:data:`GENERIC_LIBRARY_FOLDER`: ``lib``, ``vendor``, ``plugins``) elsewhere holds a
    library when it or the folder around it also holds what a library ships
    (:data:`LIBRARY_EVIDENCE`: a minified script, a README or licence), as xmall's
    ``webapp/lib`` does, not a business module's ``plugin/`` or ``views/vendor/``.

    >>> sorted(web_library_pages([
    ...     "shop/src/main/webapp/lib/zTree/v3/api/cn/setting.async.dataFilter.html",
    ...     "shop/src/main/webapp/swagger/index.html",
    ...     "shop/src/main/webapp/lib/layer/demo.jsp",
    ...     "shop/src/main/webapp/WEB-INF/views/plugins/list.html",
    ...     "shop/src/main/webapp/lib/zTree/v3/js/jquery.ztree.all.min.js",
    ...     "shop/src/main/webapp/views/vendor/vendor_list.html",
    ...     "shop/src/main/webapp/plugin/list.html",
    ...     "shop/src/main/webapp/admin/index.html"]))  # doctest: +NORMALIZE_WHITESPACE
    ['shop/src/main/webapp/lib/zTree/v3/api/cn/setting.async.dataFilter.html',
     'shop/src/main/webapp/swagger/index.html']
    >>> sorted(web_library_pages(["vendor/ckeditor/samples/index.html", "a/b.html"], war=True))
    ['vendor/ckeditor/samples/index.html']
    """
    paths = list(paths)
    holding: set[str] = set()  # folders holding library evidence, at any depth below them
    beside: set[str] = set()  # folders holding it directly
    for path in paths:
        folder, _, name = path.rpartition("/")
        if LIBRARY_EVIDENCE.fullmatch(name):
            beside.add(folder)
            while folder:
                holding.add(folder)
                folder = folder.rpartition("/")[0]
    out: set[str] = set()
    for path in paths:
        if PurePosixPath(path).suffix.lower() not in TEMPLATE_FOLDER_SUFFIXES:
            continue
        if war:
            start = 0
        else:
            found = [m.end() for m in WEB_ROOT.finditer(path)]
            if not found:
                continue
            start = found[-1]
        folders = path[start:].split("/")[:-1]
        if folders and folders[0].upper() in ("WEB-INF", "META-INF"):
            continue
        first = 1 if len(folders) > 1 and STATIC_FOLDER.fullmatch(folders[0]) else 0
        for depth, folder in enumerate(folders):
            if not WEB_LIBRARY_FOLDER.fullmatch(folder):
                continue
            where = path[:start] + "/".join(folders[: depth + 1])
            if (
                (first and depth <= first)
                or not GENERIC_LIBRARY_FOLDER.fullmatch(folder)
                or where in holding
                or where.rpartition("/")[0] in beside
            ):
                out.add(path)
                break
    return out
