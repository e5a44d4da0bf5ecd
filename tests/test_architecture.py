"""The codebase keeps its shape: layers import only downward (docs/architecture.md), public
functions document themselves (numpydoc), nothing points outside the repository, and the
string catalogue is complete in every language."""

import ast
import importlib
import inspect
import re
import string

import pytest
import yaml
from conftest import ROOT

PACKAGE = ROOT / "relnet"

# Lowest first: a module may import from its own layer and the ones below, never above.
LAYERS = [
    ("foundation", ["relnet._version", "relnet._docs", "relnet.i18n"]),
    ("data", ["relnet.data"]),
    ("network", ["relnet.network", "relnet.synth"]),
    ("instruments", ["relnet.instruments", "relnet.survey"]),
    ("present", ["relnet.present"]),
    ("entry points", ["relnet", "relnet.cli"]),
]


def layer_of(module):
    """The rank of a dotted module name: the layer with the longest matching prefix."""
    best, rank = "", None
    for number, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
                best, rank = prefix, number
    return rank


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path, source=None, name=None):
    """Every relnet module `path` imports, at any depth (lazy imports inside functions too);
    `source` and `name` stand in for the file's text and module name."""
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    text = source if source is not None else path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("relnet")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("relnet"):
                continue
            # `from . import plot` imports the submodule relnet.present.plot
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub if _find_spec_safe(sub) else target, node.lineno))
    return found


def _find_spec_safe(name):
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer():
    assert [module_name(p) for p in MODULES if layer_of(module_name(p)) is None] == []


def test_no_module_imports_from_a_layer_above():
    upward = []
    for path in MODULES:
        own = layer_of(module_name(path))
        for target, line in imports(path):
            if layer_of(target) is not None and layer_of(target) > own:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {target} "
                              f"({LAYERS[layer_of(target)][0]} above {LAYERS[own][0]})")
    assert upward == []


def test_the_layer_test_sees_an_upward_import():
    """The check itself: a data module importing the report is caught (the module is text
    here: nothing is written into the package)."""
    name = "relnet.data._upward_probe"
    found = [t for t, _ in imports(PACKAGE / "data" / "_upward_probe.py",
                                   "from ..present.report import build_report\n", name)]
    assert "relnet.present.report" in found
    assert layer_of("relnet.present.report") > layer_of(name)


def test_analyses_return_keys_and_never_word_them():
    """Words only at the edge: no module of the network or instruments layer imports the
    catalogue, and no analysis takes a language."""
    wording = []
    for path in MODULES:
        name = module_name(path)
        if name.startswith(("relnet.network", "relnet.instruments")):
            wording += [f"{path.relative_to(ROOT)}:{line}" for target, line in imports(path)
                        if target == "relnet.i18n" or target.startswith("relnet.i18n.")]
    assert wording == []
    import relnet

    for name in ("partner_matrix", "partner_bundles", "role_conflicts", "goal_priorities",
                 "relational_profile", "network_metrics", "actor_metrics", "wave_changes"):
        assert "lang" not in inspect.signature(getattr(relnet, name).__wrapped__).parameters


def test_import_relnet_loads_no_heavy_package():
    """``import relnet`` loads pandas and networkx at most; numba, igraph, matplotlib,
    pandera, scipy.stats and the workbench load when first used."""
    import subprocess
    import sys

    heavy = ["numba", "igraph", "matplotlib", "pandera", "scipy.stats", "statsmodels",
             "ipywidgets", "babel"]
    code = f"import sys, relnet; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


@pytest.mark.slow
def test_public_names_and_submodules_are_reachable():
    import subprocess
    import sys

    code = ("import relnet.plot, relnet.widgets, relnet.report, relnet.export\n"
            "from relnet.plot import network_plot\n"
            "import relnet\n"
            "assert relnet.plot is relnet.present.plot and relnet.survey.collect\n"
            "assert set(relnet.__all__) <= set(dir(relnet))\n"
            "missing = [n for n in relnet.__all__ if not hasattr(relnet, n)]\n"
            "assert not missing, missing\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_architecture_page_draws_these_layers():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for _, prefixes in LAYERS[1:-1]:
        for prefix in prefixes:
            assert prefix.replace("relnet.", "relnet/") in page or prefix in page, prefix


# --------------------------------------------------------------------------- documentation


def public_functions():
    """Every public function relnet exposes: the top-level names and each subpackage's
    ``__all__`` (classes, constants and modules are not functions)."""
    import relnet

    seen = {}
    modules = [relnet] + [importlib.import_module(m) for m in (
        "relnet.data", "relnet.network", "relnet.instruments", "relnet.survey",
        "relnet.present.plot", "relnet.present.widgets", "relnet.present.export",
        "relnet.present.report", "relnet.present.tables", "relnet.i18n")]
    for module in modules:
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj) and not name.startswith("_"):
                seen.setdefault(f"{obj.__module__}.{obj.__qualname__}", obj)
    return seen


def test_public_functions_document_parameters_and_returns():
    functions = public_functions()
    assert len(functions) > 60
    missing = []
    for name, fn in functions.items():
        doc = inspect.getdoc(fn) or ""
        has_params = "Parameters\n----------" in doc or not inspect.signature(fn).parameters
        has_returns = "Returns\n-------" in doc or "Yields\n------" in doc
        if not (has_params and has_returns):
            missing.append(name)
    share = 1 - len(missing) / len(functions)
    assert share >= 0.9, f"{share:.0%} documented; missing: {sorted(missing)}"


def test_shared_descriptions_are_filled_in():
    """Every ``<<name>>`` marker (relnet._docs) became text: no reader sees a marker."""
    left = [name for name, fn in public_functions().items() if "<<" in (fn.__doc__ or "")]
    assert left == []
    from relnet._docs import fill

    assert "The wave (a year)" in fill("    <<case, wave>>") and "<<" not in fill("<<lang>>")


def test_nothing_points_outside_the_repository():
    """No file of the package, the docs, notebooks or tests refers to a document that is not
    in the repository."""
    outside = re.compile(r"\.\./shared|DESIGN\.md|STYLE\.md|/work/|sources/00\d")
    offenders = []
    for folder in ("relnet", "docs", "notebooks", "tests", "data", "benchmarks"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".md", ".yaml", ".ipynb", ".j2", ".csv", ".json") and \
                    path.is_file() and path.name != "test_architecture.py":
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if outside.search(line):
                        offenders.append(f"{path.relative_to(ROOT)}:{number}")
    for name in ("README.md", "CONTRIBUTING.md", "CHANGELOG.md"):
        if outside.search((ROOT / name).read_text(encoding="utf-8")):
            offenders.append(name)
    assert offenders == []


def test_links_in_the_docs_resolve():
    broken = []
    for page in [*(ROOT / "docs").glob("*.md"), ROOT / "README.md", ROOT / "CONTRIBUTING.md"]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text("utf-8")):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)} -> {target}")
    assert broken == []


# --------------------------------------------------------------------------- the catalogue


class _StrictLoader(yaml.SafeLoader):
    """YAML that refuses a key twice in one mapping (PyYAML keeps the last silently)."""


def _no_duplicates(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    doubled = {k for k in keys if keys.count(k) > 1}
    if doubled:
        raise ValueError(f"twice in one section of the catalogue: {sorted(map(str, doubled))}")
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def catalogue_entries():
    data = yaml.load((PACKAGE / "i18n" / "catalogue.yaml").read_text("utf-8"),
                     Loader=_StrictLoader)

    def walk(node, path):
        if isinstance(node, dict) and set(node) <= {"nl", "en"} and node:
            yield ".".join(path), node
        elif isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, path + [str(key)])
        else:
            yield ".".join(path), node
    return list(walk(data, []))


def test_every_string_is_in_every_language_with_the_same_placeholders():
    from relnet import i18n

    problems = []
    for key, entry in catalogue_entries():
        if not isinstance(entry, dict) or set(entry) != set(i18n.LANGUAGES):
            problems.append(f"{key}: {entry!r}")
            continue
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(str(text)) if f}
                  for lang, text in entry.items()}
        if len({frozenset(f) for f in fields.values()}) != 1:
            problems.append(f"{key}: placeholders differ {fields}")
    assert problems == []


@pytest.mark.parametrize("key", ["ui.session_gone", "file.network", "cli.wrote_export",
                                 "problem.bad_response"])
def test_strings_added_for_new_features_exist(key):
    from relnet import i18n

    assert i18n.t(key, "nl") != i18n.t(key, "en")
