"""Images as primary sources: pulled as figure seeds (`packet pull FILE --figure`), placed in a
module with `![caption](figure:ID)`, printed with caption and credit, their alt text in the
HTML and in the tagged PDF; check holds a reviewed figure to its alt text and credit, and says
when a picture may print badly in grey."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
import yaml

from conftest import pdf_text, run_packet, snapshot
from docmaker import hand_made_png

ALT = "A red sun over a framed field, with the words Campaign Poster below"
CREDIT = "Imperial War Museum, public domain"
MODULE = Path("content/modules/new-birth-of-freedom.md")


def _poster(path: Path, size: tuple[int, int] = (1200, 900), flat: bool = False) -> Path:
    """A poster: a dark frame and a red disc on cream, with a line of lettering — or, `flat`,
    pale tones that are alike once grey."""
    from PIL import Image, ImageDraw

    cream, red, ink = ((200, 190, 170), (190, 180, 175), (180, 180, 180)) if flat else (
        (235, 225, 200), (150, 30, 30), (30, 25, 20),
    )  # fmt: skip
    picture = Image.new("RGB", size, cream)
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.rectangle((width // 15, height // 11, width - width // 15, height - height // 11),
                   outline=ink, width=max(2, width // 100))  # fmt: skip
    draw.ellipse((width // 3, height // 4, 2 * width // 3, 2 * height // 3), fill=red)
    draw.text((width // 3, 3 * height // 4), "CAMPAIGN POSTER", fill=ink)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return path


def _pulled(root: Path, picture: Path) -> None:
    """`picture` pulled into `root` as a figure with its alt text and credit."""
    pulled = run_packet("pull", str(picture), "--figure", "--alt", ALT, "--credit", CREDIT,
                        cwd=root)  # fmt: skip
    assert pulled.returncode == 0, pulled.stderr


def _place(root: Path, line: str) -> None:
    """`line` as the module's first paragraph."""
    module = root / MODULE
    text = module.read_text()
    end = text.index("---", 3) + 3
    module.write_text(text[:end] + f"\n\n{line}\n" + text[end:])


def _record(root: Path, name: str = "poster.jpg") -> dict[str, object]:
    data = yaml.safe_load((root / "seeds" / f"{name}.meta.yaml").read_text())
    assert isinstance(data, dict)
    return data


def _write_record(root: Path, record: dict[str, object], name: str = "poster.jpg") -> None:
    (root / "seeds" / f"{name}.meta.yaml").write_text(yaml.safe_dump(record, sort_keys=False))


def test_a_picture_pulls_as_a_figure_with_what_is_known_and_nothing_invented(
    fresh: Path, tmp_path: Path
) -> None:
    poster = _poster(tmp_path / "poster.jpg")
    modules = sorted((fresh / "content" / "modules").iterdir())
    pulled = run_packet("pull", str(poster), "--figure", "--alt", ALT, cwd=fresh)
    assert pulled.returncode == 0, pulled.stderr
    assert "seeds/poster.jpg: figure 'poster'" in pulled.stdout
    assert "not known: title (its file name stands in), creator, date, credit (--credit)" in (
        pulled.stdout
    )
    assert "![caption](figure:poster)" in pulled.stdout
    assert (fresh / "seeds" / "poster.jpg").read_bytes() == poster.read_bytes()
    record = _record(fresh)
    assert record["format"] == "figure" and record["kind"] == "image" and record["draft"] is True
    assert record["figure"] == {"alt": ALT}  # no credit was given: none is written
    assert "author" not in record and "date" not in record
    assert record["title"] == {
        "value": "poster", "attributed": "the file's name: the picture states no title"
    }  # fmt: skip
    assert sorted((fresh / "content" / "modules").iterdir()) == modules  # nothing drafted
    # While a draft, the missing credit is a warning; reviewed, an error; given, nothing.
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 0 and "figure 'poster' has no credit" in checked.stderr
    record["draft"] = False
    _write_record(fresh, record)
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 1 and "figure 'poster' has no credit" in checked.stderr
    assert "1 error(s)" in checked.stderr
    record["figure"] = {"alt": ALT, "credit": CREDIT}
    _write_record(fresh, record)
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 0 and "figure 'poster'" not in checked.stderr


def test_a_placed_figure_prints_with_caption_credit_and_alt_text(
    fresh: Path, tmp_path: Path
) -> None:
    poster = _poster(tmp_path / "poster.jpg")
    _pulled(fresh, poster)
    _place(fresh, "![A campaign poster of the period](figure:poster)")
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 0, checked.stderr
    assert "paragraphs the question names" not in checked.stderr  # a figure is no paragraph
    built = run_packet("build", "example", "--edition", "student", cwd=fresh)
    assert built.returncode == 0, built.stderr
    pdf = fresh / "output" / "example-student.pdf"
    text = " ".join(pdf_text(pdf))
    assert "A campaign poster of the period. Credit: Imperial War Museum, public domain" in text
    with pikepdf.open(pdf) as document:
        alts = [str(node.get("/Alt")) for node in _structure(document.Root.StructTreeRoot)
                if node.get("/S") == "/Figure"]  # fmt: skip
    assert ALT in alts
    html = (fresh / "output" / "example-student.html").read_text()
    figure = re.search(
        r'<figure class="figure" data-figure="poster"><img src="([^"]+)" alt="([^"]+)"', html
    )
    assert figure is not None and figure[1].startswith("data:image/jpeg;base64,")
    assert figure[2] == ALT
    assert "Credit: Imperial War Museum, public domain" in html


def _structure(node: object) -> list[pikepdf.Dictionary]:
    """Every element of a tagged PDF's structure tree under `node`."""
    found: list[pikepdf.Dictionary] = []
    if isinstance(node, pikepdf.Dictionary):
        found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            found += _structure(kid)
    return found


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("![A poster](figure:posters)", "'posters' is not a figure seed"),
        ("![A speech](figure:lincoln)", "'lincoln' is not a figure seed"),
        ("See ![A poster](figure:poster) here.", "shares its paragraph with text"),
        ("“A new nation” [@poster]", "quotes seed 'poster', a figure"),
    ],
)
def test_a_figure_misplaced_or_quoted_is_an_error(
    fresh: Path, tmp_path: Path, line: str, said: str
) -> None:
    poster = _poster(tmp_path / "poster.jpg")
    _pulled(fresh, poster)
    _place(fresh, line)
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 1 and said in checked.stderr, checked.stderr
    place = rf"{re.escape(MODULE.as_posix())}:\d+:\d+: .*{re.escape(said)}"
    assert re.search(place, checked.stderr)


def test_a_picture_that_may_print_badly_in_grey_is_a_warning(fresh: Path, tmp_path: Path) -> None:
    small = _poster(tmp_path / "small.jpg", size=(400, 300))
    pale = _poster(tmp_path / "pale.jpg", flat=True)
    pulled = run_packet("pull", str(small), str(pale), "--figure", cwd=fresh)
    assert pulled.returncode == 0, pulled.stderr
    said = run_packet("check", cwd=fresh).stderr
    assert "seeds/small.jpg.meta.yaml" in said and "400 pixels across" in said
    assert "photocopy as an even grey" in said and "pale" in said


@pytest.mark.parametrize(
    ("name", "data", "args", "said"),
    [
        ("scan.tif", b"II*\x00" + b"\x00" * 64, ("--figure",), "a figure is a PNG or JPEG"),
        ("poster.jpg", b"\xff\xd8\xff\xe0" + b"\x13" * 400, ("--figure",), "damaged"),
        ("poster.jpg", b"", ("--figure",), "the file is empty"),
        ("mural.png", b"big", ("--figure",), "a figure prints from at most 40 million"),
        ("poster.jpg", None, ("--alt", "A poster"), "give --figure too"),
    ],
)
def test_a_figure_that_cannot_be_pulled_is_refused_and_nothing_written(
    fresh: Path, tmp_path: Path, name: str, data: bytes | None, args: tuple[str, ...], said: str
) -> None:
    source = tmp_path / name
    if data is None:
        _poster(source)
    elif data == b"big":  # 9,000 × 5,000 pixels: 45 million, a poster scanned too finely
        from PIL import Image

        Image.new("L", (9000, 5000), 255).save(source)
    else:
        source.write_bytes(data)
    before = snapshot(fresh)
    result = run_packet("pull", str(source), *args, cwd=fresh)
    assert result.returncode != 0 and said in result.stderr, result.stderr
    assert snapshot(fresh) == before


def test_the_documents_section_reprints_a_figure_with_its_questions(
    fresh: Path, tmp_path: Path
) -> None:
    poster = _poster(tmp_path / "poster.jpg")
    _pulled(fresh, poster)
    documents = fresh / "content" / "documents.yaml"
    documents.write_text(
        documents.read_text() + "- id: poster\n  seed: poster\n  title: A campaign poster\n"
        "  headnote: A poster of the kind pasted on walls in the election.\n"
        "  modules: [new-birth-of-freedom]\n  questions:\n"
        "    - ask: What does the red disc in the middle of the poster draw the eye to?\n"
        "      answer: To the centre of the poster, above the words Campaign Poster.\n"
        "      kind: close-reading\n      space: short\n"
    )
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 0, checked.stderr
    built = run_packet("build", "example", "--edition", "student", "--format", "pdf", cwd=fresh)
    assert built.returncode == 0, built.stderr
    pdf = fresh / "output" / "example-student.pdf"
    pages = pdf_text(pdf)
    page = next(p for p in pages if "Document B" in p)
    assert "A campaign poster." in page and "Credit: Imperial War Museum, public domain" in page
    assert "Questions on Document B" in page and "red disc" in page
    with pikepdf.open(pdf) as document:
        alts = [str(node.get("/Alt")) for node in _structure(document.Root.StructTreeRoot)
                if node.get("/S") == "/Figure"]  # fmt: skip
    assert ALT in alts
    # A figure document reprints the picture: an excerpt of it is an error.
    documents.write_text(documents.read_text().replace(
        "  seed: poster\n", "  seed: poster\n  excerpt:\n    - Campaign Poster\n"
    ))  # fmt: skip
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 1 and "seed 'poster' is a figure" in checked.stderr


def test_a_figure_is_held_to_what_a_pdf_draws() -> None:
    from packet.figures import MAX_PIXELS
    from packet.render import MAX_IMAGE_PIXELS

    assert MAX_PIXELS == MAX_IMAGE_PIXELS


# -- a shared unit's pictures: the hostile catalogue -----------------------------------------

EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 800 700\n(ran) print\nshowpage\n"


def _ghostscript_spy(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose `gs` only leaves a mark that it ran."""
    import os
    import stat

    folder = tmp_path / "bin"
    folder.mkdir()
    mark = tmp_path / "ghostscript-ran"
    spy = folder / "gs"
    spy.write_text(f"#!/bin/sh\ntouch {mark}\nexit 1\n")
    spy.chmod(spy.stat().st_mode | stat.S_IEXEC)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}"}, mark


def test_postscript_named_as_a_picture_is_never_drawn(fresh: Path, tmp_path: Path) -> None:
    env, mark = _ghostscript_spy(tmp_path)
    fake = tmp_path / "poster.png"
    fake.write_bytes(EPS)
    before = snapshot(fresh)
    for args in (("pull", str(fake), "--figure"), ("pull", str(fake))):
        result = run_packet(*args, cwd=fresh, env=env)
        assert result.returncode == 1 and "not a PNG" in result.stderr, result.stderr
    assert snapshot(fresh) == before
    # A shared unit whose figure (and a module's picture) is PostScript under a picture's name.
    poster = _poster(tmp_path / "real.png")
    _pulled(fresh, poster)
    (fresh / "seeds" / "real.png").write_bytes(EPS)
    (fresh / "content" / "map.png").write_bytes(EPS)
    _place(fresh, "![A poster](figure:real)\n\n![A map](content/map.png)")
    checked = run_packet("check", cwd=fresh, env=env)
    assert checked.returncode == 1
    assert "seeds/real.png.meta.yaml" in checked.stderr and "not a PNG or JPEG" in checked.stderr
    (fresh / "seeds" / "real.png").write_bytes(poster.read_bytes())  # the figure mended
    built = run_packet("build", "example", "--edition", "student", "--format", "pdf",
                       cwd=fresh, env=env)  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert "content/map.png: it is not the picture its name says" in built.stdout + built.stderr
    assert not mark.exists()  # Ghostscript never ran


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        ("anim.png", lambda p: _saved(p, "GIF"), "not a PNG or JPEG"),
        ("bomb.png", lambda p: _text_bomb(p), "damaged"),
        ("lab.jpg", lambda p: _saved(p, "TIFF", mode="LAB"), "not a PNG or JPEG"),
    ],
)
def test_a_picture_a_figure_cannot_be_is_refused(
    fresh: Path, tmp_path: Path, name: str, make: object, said: str
) -> None:
    source = tmp_path / name
    make(source)  # type: ignore[operator]
    before = snapshot(fresh)
    result = run_packet("pull", str(source), "--figure", cwd=fresh)
    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert name in result.stderr and "Traceback" not in result.stderr
    assert "internal error" not in result.stderr and "BytesIO" not in result.stderr
    assert snapshot(fresh) == before


def _saved(path: Path, kind: str, mode: str = "RGB") -> None:
    from PIL import Image

    Image.new(mode, (800, 600)).save(path, kind)


def _text_bomb(path: Path) -> None:
    """A PNG with a text chunk that inflates past what Pillow will read."""
    import zlib

    bomb = b"Comment\x00\x00" + zlib.compress(b"a" * 50_000_000, 9)
    path.write_bytes(hand_made_png(8, 8, ((b"zTXt", bomb),)))


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ("Text before it.\n![A poster](figure:poster)", "shares its paragraph with text"),
        ("![A poster][p]\n\n[p]: figure:posters", "'posters' is not a figure seed"),
        ("- ![A poster](figure:poster) and more", "shares its paragraph with text"),
    ],
)
def test_a_figure_that_would_print_as_its_caption_is_an_error(
    fresh: Path, tmp_path: Path, lines: str, said: str
) -> None:
    poster = _poster(tmp_path / "poster.jpg")
    _pulled(fresh, poster)
    _place(fresh, lines)
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 1 and said in checked.stderr, checked.stderr


def test_a_figure_caption_is_markdown_and_any_case_of_figure_places_it(
    fresh: Path, tmp_path: Path
) -> None:
    poster = _poster(tmp_path / "poster.jpg")
    assert run_packet("pull", str(poster), "--figure", "--alt", "  ", "--credit", CREDIT,
                      cwd=fresh).returncode == 0  # fmt: skip
    assert "alt" not in _record(fresh)["figure"]  # type: ignore[operator]  # blank: not given
    _place(fresh, '![A cartoon from *Punch*, "1931"](FIGURE:poster)')
    assert run_packet("check", cwd=fresh).returncode == 0
    built = run_packet("build", "example", "--edition", "student", "--format", "html", cwd=fresh)
    assert built.returncode == 0, built.stderr
    html = (fresh / "output" / "example-student.html").read_text()
    assert 'class="caption">A cartoon from <em>Punch</em>, &quot;1931&quot;</span>' in html


def test_a_picture_named_by_a_file_that_is_not_there_is_a_warning(fresh: Path) -> None:
    """Batch 41's teacher's read: a Markdown seed's "![…](images/trinity-fireball.jpg)" came
    into its drafts without the picture; only the build's log said it was left out. Check
    says so — of files in the project only: one elsewhere is not looked for."""
    _place(fresh, "![The Trinity fireball](images/trinity-fireball.jpg)")
    said = run_packet("check", cwd=fresh).stderr
    assert re.search(
        rf"{re.escape(MODULE.as_posix())}:\d+:1: warning: picture 'images/trinity-fireball.jpg' "
        r"is not found, so the packet cannot show it — pull the picture with `packet pull FILE "
        r"--figure`",
        said,
    ), said
    _place(fresh, "![A file elsewhere](../../../../../../../../tmp/nowhere-at-all.png)")
    assert "nowhere-at-all.png' is not found" not in run_packet("check", cwd=fresh).stderr
