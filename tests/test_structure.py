"""The package's shape: data flows one way through its modules, and nothing it does leaves
global state changed.

Imports are read from the source (every `from .x import` and `import packet.x`, inside
functions too — a function-level import is how a cycle hides until something calls it), and
the graph of modules must have no cycle. Each module must also import on its own in a fresh
interpreter, so no module works only because another happened to load first.
"""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from packet.model import Project

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "packet"


def _dotted(path: Path) -> str:
    """`build/plan.py` → `build.plan`; a package is named by its folder (`build`)."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


FILES = {
    _dotted(p): p
    for p in sorted(PACKAGE.rglob("*.py"))
    if p.stem != "__main__" and "starter" not in p.relative_to(PACKAGE).parts
}
del FILES[""]  # the package itself: `import packet` is what every test does
MODULES = sorted(FILES)


def imports(module: str) -> set[str]:
    """The package's modules that `module` imports, anywhere in its source. A name taken
    from a module counts as that module (`from ..cache import Manifest` is `cache`); a module
    taken from a package counts as the module (`from .build import plan` is `build.plan`)."""
    path = FILES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module.split(".") if path.stem == "__init__" else module.split(".")[:-1]
    found: set[str] = set()

    def taken(source: str, names: list[ast.alias]) -> None:
        for alias in names:
            submodule = f"{source}.{alias.name}" if source else alias.name
            found.add(submodule if submodule in FILES else source)

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            taken(".".join([*base, *([node.module] if node.module else [])]), node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("packet."):
            taken((node.module or "").removeprefix("packet."), node.names)
        elif isinstance(node, ast.Import):
            found |= {
                a.name.removeprefix("packet.") for a in node.names if a.name.startswith("packet.")
            }
    return (found & set(MODULES)) - {module}


@pytest.mark.parametrize("module", MODULES)
def test_no_module_gives_one_name_two_meanings(module: str) -> None:
    """A name a module defines twice at its top level (`_DESCRIBING = …` a thousand lines
    after another) silently replaces the first for every use before it: a rule reading one
    word list would read the other. ruff's F811 does not see assignments."""
    tree = ast.parse(FILES[module].read_text(encoding="utf-8"))
    defined: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            defined += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            defined.append(node.name)
    assert sorted({n for n in defined if defined.count(n) > 1}) == []


def test_no_module_imports_itself_round_a_cycle() -> None:
    graph = {module: imports(module) for module in MODULES}
    assert graph["candidates"] and "check" in graph["pull"]  # the reading itself works
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, [*path, module])
        done.add(module)

    for module in MODULES:
        visit(module, [])


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", f"import packet.{module}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


# -- no global state left behind ---------------------------------------------------------------


def test_rendering_puts_the_environment_back(
    repo_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SOURCE_DATE_EPOCH is fixed while fonts are subset, then unset again (or kept as the
    teacher had it); Pillow's pixel limit is packet's only while a PDF renders."""
    from packet.assemble import assemble
    from packet.render import PdfRenderer, render_html

    packet = assemble(repo_project, repo_project.lessons["3-s21"], "student")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_html(packet, repo_project.root, screen=True)
    assert "SOURCE_DATE_EPOCH" not in os.environ
    from PIL import Image

    pixels = Image.MAX_IMAGE_PIXELS
    PdfRenderer(repo_project.root).render(render_html(packet, repo_project.root))
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert pixels == Image.MAX_IMAGE_PIXELS  # the PDF's own limit holds only while it renders
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert render_html(packet, repo_project.root, screen=True) == first  # same fixed time
    assert os.environ["SOURCE_DATE_EPOCH"] == "0"


def test_serve_gives_ctrl_c_back(project_dir: Path) -> None:
    """After serve stops, Ctrl-C does what it did before (serve ignores it only while it
    shuts down)."""
    from packet.serve import serve

    before = signal.getsignal(signal.SIGINT)

    def ready(address: str) -> None:
        threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()

    with pytest.raises(KeyboardInterrupt):
        serve(project_dir, project_dir / "output", None, 0, ready)
    assert signal.getsignal(signal.SIGINT) is before
