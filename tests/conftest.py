"""Shared fixtures: a private copy of this repository's packet project, and PDFs built once."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import ImageOps
from pypdf import PdfReader

from packet.build import BuildRequest, build, default_jobs
from packet.layout import INPUT_FOLDERS, PROJECT_FILE
from packet.model import Project
from packet.project import load_project

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = (PROJECT_FILE, *INPUT_FOLDERS)


def copy_project(target: Path) -> Path:
    """Copy the repository's packet project (not its outputs or tooling) into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def repo_project() -> Project:
    return load_project(REPO)


def pdf_text(path: Path) -> list[str]:
    """The text layer of each page, with soft hyphens from line breaks joined."""
    return [
        (page.extract_text() or "").replace("\u2010\n", "").replace("-\n", "-")
        for page in PdfReader(path).pages
    ]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, repo_project: Project) -> Path:
    """Every lesson of the repository, both editions, PDF and HTML, built in strict mode."""
    out = tmp_path_factory.mktemp("built")
    build(repo_project, BuildRequest(out=out, strict=True, jobs=default_jobs()))
    return out


def flat(text: str) -> str:
    """Text with every run of whitespace (line breaks included) as one space."""
    return " ".join(text.split())


def plain(html_text: str) -> str:
    """The visible text of an HTML fragment, flattened."""
    return flat(unescape(re.sub(r"<[^>]+>", "", html_text)))


def ink_bounds_mm(path: Path) -> list[tuple[float, float, float, float]]:
    """For each page, the (left, top, right, bottom) of everything drawn on it, in mm."""
    bounds = []
    for page in pdfium.PdfDocument(path):
        image = page.render(scale=0.5, grayscale=True).to_pil().convert("L")
        box = ImageOps.invert(image).point(lambda v: 255 if v > 40 else 0).getbbox()
        if box is not None:
            per_mm = image.size[0] / (page.get_width() / 72 * 25.4)
            bounds.append(tuple(v / per_mm for v in box))  # type: ignore[arg-type]
    return bounds
