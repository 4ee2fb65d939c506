"""The architecture of the project's apps, as the import graph shows it.

Every ``import`` and ``from … import`` in an app's modules counts, also inside functions
(migrations excepted: they name what the models were). The apps are the folders with an
app config, plus ``migraup`` (settings and URLs).
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The documented architecture, bottom-up: an app imports only apps of lower layers.
LAYERS = [
    # Running the site: health, request logs, error pages, security headers, uploads and
    # media, rate limits, the tolerant caches, backup and restore, the worker.
    ["operations"],
    # Getting pages to readers fast: the page cache, the shared cached rows, routing, gzip,
    # the per-request memo, Wagtail's private attributes.
    ["delivery"],
    # Languages, alternates, translation status, language prefixes, stemming.
    ["multilingual"],
    # The content base every page type builds on: base pages, blocks, SEO, API fields.
    ["core"],
    # Page types that build on the content base alone; the glossary (its terms and page).
    ["team", "networks", "archive", "materials", "easy_language", "glossary"],
    # What the law asks: the required pages, the operator's details, the cookies declared;
    # what editors get in the admin: the German guide, and what readers tell them about
    # each page (feedback), and how current each page is (upkeep).
    ["legal", "editorial", "feedback", "upkeep"],
    # Page types that show others: a project its materials and contacts, a partner its
    # projects.
    ["projects"],
    ["partners"],
    # The contact page: the address, and the team with the projects each one is the contact of.
    ["contact"],
    # The home page and the site's chrome (menu, footer, language switcher), search, the
    # headless API.
    ["home"],
    ["search"],
    ["api"],
    # Demo content and the static export, which use every page type.
    ["demo", "static_export"],
    # Settings and URLs.
    ["migraup"],
]
LAYER_OF = {app: index for index, apps in enumerate(LAYERS) for app in apps}


def project_apps() -> list[str]:
    return sorted(path.parent.name for path in ROOT.glob("*/apps.py")) + ["migraup"]


def imported_modules(path: Path) -> list[tuple[str, int]]:
    """(module, line) of every absolute import in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def import_graph() -> dict[tuple[str, str], list[str]]:
    """(app, imported app) → "module:line imports module" of each import between them."""
    apps = set(project_apps())
    edges = defaultdict(list)
    for app in apps:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.relative_to(ROOT).parts:
                continue
            for imported, line in imported_modules(path):
                target = imported.split(".")[0]
                if target in apps and target != app:
                    edges[(app, target)].append(f"{module_name(path)}:{line} imports {imported}")
    return edges


def find_cycle(edges: dict[tuple[str, str], list[str]]) -> list[str] | None:
    """The apps of one cycle, the first repeated at the end, or None."""
    following = defaultdict(list)
    for source, target in sorted(edges):
        following[source].append(target)
    state: dict[str, str] = {}  # "open" while on the current path, then "done"
    path: list[str] = []

    def visit(app: str) -> list[str] | None:
        state[app] = "open"
        path.append(app)
        for target in following[app]:
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[app] = "done"
        return None

    for app in sorted(following):
        if app not in state and (cycle := visit(app)):
            return cycle
    return None


def test_the_apps_import_each_other_in_no_cycle():
    edges = import_graph()
    cycle = find_cycle(edges)
    if cycle:
        chain = [
            f"{source} → {target}: {edges[(source, target)][0]}"
            for source, target in zip(cycle, cycle[1:], strict=False)
        ]
        raise AssertionError("The apps import each other in a cycle:\n" + "\n".join(chain))


def test_find_cycle_names_the_chain():
    edges = {("a", "b"): ["x"], ("b", "c"): ["y"], ("c", "a"): ["z"], ("c", "d"): ["w"]}
    assert find_cycle(edges) == ["a", "b", "c", "a"]
    assert find_cycle({("a", "b"): ["x"]}) is None


def test_every_app_has_its_place_in_the_layers():
    assert sorted(project_apps()) == sorted(LAYER_OF)


def test_an_app_imports_only_apps_of_lower_layers():
    upward = [
        f"{source} (layer {LAYER_OF[source]}) imports {target} (layer {LAYER_OF[target]}): "
        + "; ".join(where)
        for (source, target), where in sorted(import_graph().items())
        if LAYER_OF.get(target, -1) >= LAYER_OF.get(source, len(LAYERS))
    ]
    assert not upward, "Imports against the layers:\n" + "\n".join(upward)


WAGTAIL_PRIVATE_MODULE = "delivery.wagtail_private"


def private_attribute_writes(path: Path) -> list[str]:
    """Assignments (also ``setattr``) to Wagtail's private attributes in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names = []
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [target.attr for target in targets if isinstance(target, ast.Attribute)]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "setattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
        ):
            names = [str(node.args[1].value)]
        found += [
            f"{module_name(path)}:{node.lineno} sets {name}"
            for name in names
            if name.startswith("_wagtail_") or name == "_cached_parent_obj"
        ]
    return found


def test_only_one_module_writes_wagtails_private_attributes():
    writes = []
    for app in project_apps():
        for path in sorted((ROOT / app).rglob("*.py")):
            if module_name(path) != WAGTAIL_PRIVATE_MODULE:
                writes += private_attribute_writes(path)
    assert not writes, "Write them through delivery.wagtail_private:\n" + "\n".join(writes)
    module = ROOT.joinpath(*WAGTAIL_PRIVATE_MODULE.split(".")).with_suffix(".py")
    assert private_attribute_writes(module), "the module that writes them has moved"
