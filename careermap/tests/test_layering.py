"""The layering rule of docs/architecture.md ("Layers: who may import whom"), checked by walking
every module's imports with ast (tests and migrations are not checked)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "careermap"

# Which app may import which (besides itself). `lib` is the floor; `api` composes everything.
MAY_IMPORT: dict[str, set[str]] = {
    "lib": set(),
    "accounts": {"lib"},
    "occupations": {"lib", "content", "durability"},  # the occupation page shows its reads and score
    "durability": {"lib", "occupations"},
    "content": {"lib", "occupations", "durability", "pooled"},
    "search": {"lib", "occupations", "content", "durability"},
    "compare": {"lib", "occupations", "content", "durability"},
    "quiz": {"lib", "occupations", "content", "durability", "search"},
    "worklog": {"lib", "content", "api"},  # worklog/api/ uses the API's auth and error schemas
    "pooled": {"lib", "occupations", "worklog"},
    "api": {
        "lib",
        "accounts",
        "occupations",
        "durability",
        "content",
        "search",
        "compare",
        "quiz",
        "worklog",
        "pooled",
    },
}
# lib/httpcache.py builds the validators of public pages from the content, data and pooled versions.
LIB_EXCEPTIONS = {"careermap/lib/httpcache.py": {"content", "durability", "pooled"}}

# Pure modules: no Django, no I/O beyond reading a file they are given; they import only the standard
# library, third-party libraries other than Django, and other pure modules.
PURE = {
    "careermap.lib.vocab",
    "careermap.lib.charts",
    "careermap.lib.money",
    "careermap.search.text",
    "careermap.search.synonyms",
    "careermap.search.engine",
    "careermap.search.documents",
    "careermap.search.querywords",
    "careermap.search.typeahead",
    "careermap.content.parsing",
    "careermap.content.schema",
    "careermap.content.labels",
    "careermap.durability.method",
    "careermap.durability.scoring",
    "careermap.durability.evaluation",
    "careermap.durability.observed",
    "careermap.occupations.areas",
    "careermap.occupations.crosswalk",
    "careermap.occupations.sources",
    "careermap.occupations.downloads",
    "careermap.occupations.importers",
    "careermap.occupations.datasets",
    "careermap.occupations.pay",
    "careermap.quiz.kinds",
    "careermap.quiz.rules",
    "careermap.quiz.matching",
    "careermap.quiz.sentences",
    "careermap.quiz.codes",
    "careermap.pooled.rules",
    "careermap.compare.items",
    "careermap.worklog.mileage",
    "careermap.worklog.versioned",
    "careermap.worklog.csvmapping",
    "careermap.worklog.charts",
}
# Said to be pure but not yet: worklog/csvimport.py reads worklog.models.Status (its column mapping,
# csvmapping.py, is pure); worklog/rules.py uses
# django.utils.timezone. Each joins PURE once the import moves (docs/architecture.md, "Layers").
# What pure modules may import from the project besides each other: the pure helpers of lib.
PURE_HELPERS = {"careermap.lib.yamlsafe", "careermap.lib.markdown", "careermap.lib.csvio", "careermap.lib.svg"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_pure(name: str) -> bool:
    return any(name == pure or name.startswith(pure + ".") for pure in PURE)


def _modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.relative_to(PACKAGE).parts and "migrations" not in path.relative_to(PACKAGE).parts
    )


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every absolute import; `from package import module` names the module."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue  # read by the type checker only
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                found.append((node.lineno, inner if _is_module(inner) else node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def _app(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "careermap" else None


def test_every_app_is_in_the_rule() -> None:
    apps = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert apps - {"tests"} == set(MAY_IMPORT)


def test_apps_import_only_the_apps_the_rule_allows() -> None:
    wrong = []
    for path in _modules():
        here = _app(_module_name(path))
        if here is None:
            continue  # careermap/urls.py, settings.py, wsgi.py: the project's wiring
        allowed = MAY_IMPORT[here] | LIB_EXCEPTIONS.get(str(path.relative_to(ROOT)), set()) | {here}
        for line, name in _imports(path):
            there = _app(name)
            if there is not None and there in MAY_IMPORT and there not in allowed:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {here} imports {name}")
    assert wrong == []


def test_no_module_imports_views_but_the_url_wiring() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in _modules()
        if path.name != "urls.py"
        for line, name in _imports(path)
        if name.startswith("careermap.") and ".views" in name and _app(name) != _app(_module_name(path))
    ]
    assert wrong == []


def test_models_import_no_selectors_services_or_views() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in _modules()
        if path.name == "models.py"
        for line, name in _imports(path)
        if any(f".{kind}" in name for kind in ("selectors", "services", "views"))
    ]
    assert wrong == []


@pytest.mark.parametrize("pure", sorted(PURE))
def test_pure_modules_import_no_django_and_only_pure_project_modules(pure: str) -> None:
    paths = [path for path in _modules() if _is_pure(_module_name(path))]
    assert any(_module_name(path) == pure for path in paths), f"{pure} does not exist"
    wrong = []
    for path in paths:
        if not (_module_name(path) == pure or _module_name(path).startswith(pure + ".")):
            continue
        for line, name in _imports(path):
            if (
                name.split(".")[0] in ("django", "ninja")
                or name.startswith("careermap.")
                and not (_is_pure(name) or name in PURE_HELPERS)
            ):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {name}")
    assert wrong == []
