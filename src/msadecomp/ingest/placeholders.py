"""Spring property placeholders (``${app.orders.queue}``, ``${sse.path:/sse}``) in endpoint
paths and message destinations, resolved from the application's own properties files.

Spring Boot reads ``application.properties`` (and ``bootstrap.properties``); a profile's
``application-<profile>.properties`` only adds keys the plain files lack here, since no profile
is known to be active; other properties files (one a ``<context:property-placeholder>`` or
``@PropertySource`` names) fill in keys none of those hold. A placeholder with no value gets
its default (``${p:default}``), one with neither stays as written. Nested placeholders
resolve from the inside out (``${FINERACT_TOPIC:${app.topic:jobs}}``). ``application.yml`` and
its kin count as their ``.properties`` twins (nested keys joined with dots; a document naming a
profile counts as a profile's file; a later document overrides an earlier one); one that cannot
be read is a ``settings.unreadable`` warning (:func:`settings_diagnostics`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from msadecomp.ingest.named_files import entries, setting_entries, settings_problem
from msadecomp.model import Diagnostic, Severity, SourceRef

_INNERMOST = re.compile(r"\$\{([^${}:]*)(?::([^${}]*))?\}")
"""A placeholder holding no other placeholder."""
_ROUNDS = 8
"""Substitution rounds: nesting and values naming other keys rarely go past two or three."""
_PLAIN = re.compile(r"(?:application|bootstrap)\.(?:properties|ya?ml)")
_PROFILE = re.compile(r"(?:application|bootstrap)-[\w.-]+\.(?:properties|ya?ml)")
_MESSAGES = re.compile(r"(?:messages|ValidationMessages)(?:[_.]|$)")
_LOCALE = re.compile(r"(.+)_[a-z]{2}(?:_[A-Z]{2})?\.properties")
"""A locale's variant of a bundle (``labels_ko.properties`` beside ``labels.properties``)."""


def spring_properties(files: Iterable[tuple[str, bytes]]) -> dict[str, str]:
    """Key -> value of the application's properties files, given as (path, data): the plain
    ``application``/``bootstrap`` files first, then profiles for keys they lack, then any other
    properties file for keys still lacking whose files all agree on the value (JeeSite loads
    ``adminPath=/a`` from ``jeesite.properties`` through ``<context:property-placeholder>``).
    Message bundles (``messages*``, and ``x_ko.properties`` or ``x_zh_CN.properties`` beside an
    ``x.properties``) are not decoded; ``config_db.properties`` alone is no bundle."""
    plain: dict[str, str] = {}
    profiles: dict[str, str] = {}
    others: dict[str, set[str]] = {}
    files = sorted(files)
    names = {path for path, _ in files}
    for path, data in files:
        name = PurePosixPath(path).name
        locale = _LOCALE.fullmatch(name)
        if _MESSAGES.match(name) or (
            locale and str(PurePosixPath(path).with_name(locale.group(1) + ".properties")) in names
        ):
            continue
        text = data.decode("utf-8", "replace")
        if _PLAIN.fullmatch(name) or _PROFILE.fullmatch(name):
            for key, value, profiled in setting_entries(name, text):
                target = profiles if profiled or not _PLAIN.fullmatch(name) else plain
                target.setdefault(key, value)
        else:
            for key, value, _ in entries(text):
                others.setdefault(key, set()).add(value)
    agreed = {k: next(iter(v)) for k, v in others.items() if len(v) == 1}
    return {**agreed, **profiles, **plain}


def settings_diagnostics(files: Iterable[tuple[str, bytes]]) -> list[Diagnostic]:
    """A warning, with its line, for each YAML settings file of ``files`` (path, data) that
    gives no settings because it cannot be read or is too large."""
    out = []
    for path, data in files:
        problem = settings_problem(path, data.decode("utf-8", "replace"))
        if problem is not None:
            line, reason = problem
            out.append(
                Diagnostic(
                    Severity.WARNING,
                    "settings.unreadable",
                    f"Spring Boot settings file {reason}; its values resolve no placeholder",
                    SourceRef(path, line),
                )
            )
    return out


def resolve(text: str, properties: Mapping[str, str]) -> str:
    """``text`` with its placeholders replaced by their values, else their defaults.

    >>> resolve("${app.topic}", {"app.topic": "${TOPIC:jobs}"})
    'jobs'
    >>> resolve("/api/${v:1}/${unknown}/x", {})
    '/api/1/${unknown}/x'
    """
    for _ in range(_ROUNDS):
        if "${" not in text:
            break
        changed = _INNERMOST.sub(lambda m: _value(m, properties), text)
        if changed == text:
            break
        text = changed
    return text


def _value(m: re.Match[str], properties: Mapping[str, str]) -> str:
    key, default = m.group(1).strip(), m.group(2)
    if key in properties:
        return properties[key]
    return default if default is not None else m.group(0)
