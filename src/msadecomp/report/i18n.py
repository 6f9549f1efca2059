"""Words of the reports in English and Korean, and plurals."""

from __future__ import annotations


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """``plural(1, "table")`` -> ``"1 table"``; ``plural(2, "class")`` -> ``"2 classes"``."""
    if count == 1:
        return f"{count} {noun}"
    if plural_form is None:
        plural_form = noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")
    return f"{count} {plural_form}"
