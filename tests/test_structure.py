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
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__main__")


def imports(module: str) -> set[str]:
    """The package's modules that `module` imports, anywhere in its source."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:  # from . import x
                found |= {alias.name for alias in node.names}
            elif node.level == 0 and (node.module or "").startswith("packet."):
                found.add((node.module or "").split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("packet.")}
    return (found & set(MODULES)) - {module}


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
