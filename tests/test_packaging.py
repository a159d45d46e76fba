"""The package declares its direct dependencies (issue 9, part 4) and the lock
that set-up installs pins each of them at a version the declaration accepts."""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _pins(*files: str) -> dict:
    pins = {}
    for name in files:
        for line in (ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines():
            m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line.strip())
            if m:
                pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_direct_dependency_is_pinned_in_the_lock_at_an_accepted_version():
    pins = _pins("lock.txt")
    deps = _project()["dependencies"]
    assert len(deps) >= 10
    for dep in deps:
        req = Requirement(dep)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{name} is a dependency but not in requirements/lock.txt"
        assert req.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} does not satisfy {dep}"


def test_optional_dependencies_are_pinned_too():
    pins = _pins("lock.txt", "test.txt")
    for extra, deps in _project()["optional-dependencies"].items():
        for dep in deps:
            req = Requirement(dep)
            name = req.name.lower().replace("_", "-")
            assert name in pins and req.specifier.contains(pins[name], prereleases=True), (extra, dep)


# Distributions whose import name is not their own name.
_IMPORT_NAMES = {"pyyaml": "yaml", "scikit-learn": "sklearn", "psycopg2-binary": "psycopg2"}


def test_the_code_imports_only_declared_third_party_packages():
    # Top-level imports of bot/ and actions/ that are not the standard library or our own code.
    declared = {_IMPORT_NAMES.get(Requirement(dep).name.lower(), Requirement(dep).name.lower().replace("-", "_"))
                for dep in _project()["dependencies"]}
    found = set()
    for path in list((ROOT / "bot").rglob("*.py")) + list((ROOT / "actions").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    stdlib = set(sys.stdlib_module_names) if hasattr(sys, "stdlib_module_names") else set()
    third_party = {name for name in found if name not in stdlib and name not in ("bot", "actions", "__future__")}
    assert third_party <= declared, sorted(third_party - declared)
