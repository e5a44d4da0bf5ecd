"""pyproject.toml is the single source of dependencies; the wheel ships the example cases."""

import subprocess
import sys
import tomllib
import zipfile

import yaml
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet


def load():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    return pyproject, env


def test_environment_yml_agrees_with_pyproject():
    pyproject, env = load()
    deps = env["dependencies"]
    python = next(d for d in deps if isinstance(d, str) and d.startswith("python"))
    version = python.split("=")[-1]
    assert SpecifierSet(pyproject["project"]["requires-python"]).contains(version + ".0")
    assert "pip" in deps
    pip = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert "-e .[test]" in pip
    # Any other package environment.yml names must be one pyproject.toml declares,
    # so conda users get exactly what pip users get.
    declared = {Requirement(r).name.lower() for r in pyproject["project"]["dependencies"]}
    declared |= {Requirement(r).name.lower()
                 for r in pyproject["project"]["optional-dependencies"]["test"]}
    conda = [d for d in deps if isinstance(d, str) and d.split("=")[0] not in ("python", "pip")]
    for spec in conda:
        assert spec.split("=")[0].lower() in declared, spec


def test_every_dependency_is_pinned_to_a_range():
    pyproject, _ = load()
    for req in pyproject["project"]["dependencies"] + \
            pyproject["project"]["optional-dependencies"]["test"]:
        spec = Requirement(req).specifier
        assert any(s.operator in (">=", "~=", "==") for s in spec), req


def test_installed_versions_satisfy_pyproject():
    from importlib.metadata import version

    pyproject, _ = load()
    for req in pyproject["project"]["dependencies"]:
        r = Requirement(req)
        assert r.specifier.contains(version(r.name), prereleases=True), (r.name, version(r.name))


def test_wheel_contains_package_and_cases(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("relnet-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "relnet/__init__.py" in names
    for case in ("haverdonk", "lindermeer", "brakkenveen", "welderhoven"):
        assert f"relnet/_cases/{case}/case.yaml" in names
        assert f"relnet/_cases/{case}/actors.csv" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "relnet = relnet.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()
