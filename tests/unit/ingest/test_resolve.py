"""Type names resolve by Java's scoping rules; only project types resolve."""

from hypothesis import assume, given
from hypothesis import strategies as st

from msadecomp.ingest.java_syntax import Import
from msadecomp.ingest.resolve import Resolver, Scope

ident = st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True)
type_ident = st.from_regex(r"[A-Z][A-Za-z0-9]{0,8}", fullmatch=True)
package = st.lists(ident, min_size=1, max_size=4).map(".".join)


@given(package, package, type_ident)
def test_single_type_import_beats_same_package(here: str, there: str, name: str) -> None:
    assume(here != there)
    r = Resolver({f"{here}.{name}", f"{there}.{name}"})
    scope = Scope(here, (Import(f"{there}.{name}"),))
    assert r.resolve(name, scope) == f"{there}.{name}"


@given(package, package, type_ident)
def test_same_package_beats_wildcard_import(here: str, there: str, name: str) -> None:
    assume(here != there)
    r = Resolver({f"{here}.{name}", f"{there}.{name}"})
    scope = Scope(here, (Import(there, wildcard=True),))
    assert r.resolve(name, scope) == f"{here}.{name}"


@given(package, package, type_ident)
def test_wildcard_import_finds_project_type(here: str, there: str, name: str) -> None:
    assume(here != there)
    r = Resolver({f"{there}.{name}"})
    assert r.resolve(name, Scope(here, (Import(there, wildcard=True),))) == f"{there}.{name}"


@given(package, type_ident, type_ident)
def test_member_type_of_enclosing_type_wins(pkg: str, outer: str, inner: str) -> None:
    assume(outer != inner)
    r = Resolver({f"{pkg}.{outer}", f"{pkg}.{outer}.{inner}", f"{pkg}.{inner}"})
    scope = Scope(pkg, (), (f"{pkg}.{outer}",))
    assert r.resolve(inner, scope) == f"{pkg}.{outer}.{inner}"
    assert r.resolve(f"{outer}.{inner}", Scope(pkg, ())) == f"{pkg}.{outer}.{inner}"


@given(package, type_ident)
def test_library_types_do_not_resolve(pkg: str, name: str) -> None:
    r = Resolver({f"{pkg}.Other{name}"})
    scope = Scope(pkg, (Import(f"java.util.{name}"),))
    assert r.resolve(name, scope) is None
    assert r.external(name, scope) == f"java.util.{name}"


@given(package, type_ident)
def test_fully_qualified_name_resolves_anywhere(pkg: str, name: str) -> None:
    r = Resolver({f"{pkg}.{name}"})
    assert r.resolve(f"{pkg}.{name}", Scope("zz.elsewhere", ())) == f"{pkg}.{name}"


def test_constant_access_falls_back_to_its_type() -> None:
    r = Resolver({"a.Status"})
    assert r.resolve("Status.OPEN", Scope("a", ())) == "a.Status"


def test_java_lang_is_named_for_the_inventory() -> None:
    assert Resolver(()).external("String", Scope("a", ())) == "java.lang.String"
