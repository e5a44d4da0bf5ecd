"""pyproject.toml is the single source of dependencies; the wheel ships the example cases."""

import subprocess
import sys
import tomllib
import zipfile

import pytest
import yaml
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

import relnet


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
    assert "-e .[lab,test]" in pip
    # Any other package environment.yml names must be one pyproject.toml declares,
    # so conda users get exactly what pip users get.
    declared = {Requirement(r).name.lower() for r in pyproject["project"]["dependencies"]}
    for extra in pyproject["project"]["optional-dependencies"].values():
        declared |= {Requirement(r).name.lower() for r in extra}
    conda = [d for d in deps if isinstance(d, str) and d.split("=")[0] not in ("python", "pip")]
    for spec in conda:
        assert spec.split("=")[0].lower() in declared, spec


def test_dependencies_have_lower_bounds_and_upper_bounds_say_why():
    """relnet uses public APIs only: every dependency has a lower bound; an upper bound is
    there only with a comment above it naming the break it avoids."""
    pyproject, _ = load()
    extras = pyproject["project"]["optional-dependencies"]
    lines = (ROOT / "pyproject.toml").read_text().splitlines()
    for req in pyproject["project"]["dependencies"] + extras["lab"] + extras["test"]:
        if Requirement(req).name == "relnet":
            continue
        spec = Requirement(req).specifier
        assert any(s.operator == ">=" for s in spec), req
        if any(s.operator in ("<", "<=", "==", "~=") for s in spec):
            at = next(i for i, line in enumerate(lines) if f'"{req}"' in line)
            assert lines[at - 1].strip().startswith("#"), f"{req}: say why it has an upper bound"
    assert ">=3.11" == pyproject["project"]["requires-python"]
    assert "statsmodels" not in {Requirement(r).name for r in pyproject["project"]["dependencies"]}


def test_installed_versions_satisfy_pyproject():
    from importlib.metadata import version

    pyproject, _ = load()
    extras = pyproject["project"]["optional-dependencies"]
    for req in pyproject["project"]["dependencies"] + extras["lab"] + extras["test"]:
        r = Requirement(req)
        if r.name == "relnet":
            continue
        assert r.specifier.contains(version(r.name), prereleases=True), (r.name, version(r.name))


@pytest.mark.slow
def test_wheel_contains_package_and_cases(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("relnet-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "relnet/__init__.py" in names
    for case in ("haverdonk", "lindermeer", "brakkenveen", "welderhoven", "brinkeloo"):
        assert f"relnet/_cases/{case}/case.yaml" in names
        assert f"relnet/_cases/{case}/actors.csv" in names
    # relnet's Voila template, where Voila looks for templates (voila.json selects it)
    template = f"relnet-{relnet.__version__}.data/data/share/jupyter/voila/templates/relnet/"
    assert template + "index.html.j2" in names and template + "conf.json" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "relnet = relnet.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


@pytest.mark.slow
def test_the_library_does_not_need_the_workbench():
    """`pip install relnet` is the analysis library: analyses, figures, reports and exports
    work with the workbench extra (Jupyter, widgets, Voila) absent, here hidden from import;
    the explorers say what to install."""
    code = (
        "import sys, tempfile, pathlib\n"
        "LAB = ('ipywidgets', 'ipysigma', 'jupyterlab', 'voila', 'papermill', 'jupytext',\n"
        "       'nbstripout', 'IPython', 'ipykernel')\n"
        "class Absent:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in LAB:\n"
        "            raise ImportError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, Absent())\n"
        "import relnet\n"
        "case = relnet.load_example('haverdonk')\n"
        "relnet.network_metrics(case); relnet.relational_profile(case)\n"
        "relnet.plot.network_plot(case); relnet.plot.lesson_plot(case)\n"
        "relnet.partner_matrix(case); relnet.build_report(case)\n"
        "relnet.export_case(case, pathlib.Path(tempfile.mkdtemp()) / 'uit')\n"
        "try:\n"
        "    relnet.widgets\n"
        "except ImportError as error:\n"
        "    print(error)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**__import__("os").environ, "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stderr
    assert "pip install 'relnet[lab]'" in done.stdout


def test_workbench_packages_are_an_extra():
    pyproject, _ = load()
    core = {Requirement(r).name.lower() for r in pyproject["project"]["dependencies"]}
    lab = {Requirement(r).name.lower()
           for r in pyproject["project"]["optional-dependencies"]["lab"]}
    assert {"jupyterlab", "voila", "papermill", "jupytext", "nbstripout", "ipywidgets",
            "ipysigma"} <= lab
    assert not core & lab
    assert "relnet[lab]" in pyproject["project"]["optional-dependencies"]["test"]


def test_one_version_everywhere():
    """pyproject, the installed package (what the report's provenance line prints) and
    CITATION.cff name the same release, and the changelog has a section for it."""
    pyproject, _ = load()
    version = pyproject["project"]["version"]
    assert relnet.__version__ == version
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert str(citation["version"]) == version
    assert f"## {version}" in (ROOT / "CHANGELOG.md").read_text()
