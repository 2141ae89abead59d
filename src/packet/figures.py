"""Whether a figure will print legibly on a school's photocopier: in grey, at a column's width.

A figure prints in black and white on most school machines and at most the width of the
text (about 130 mm on A4). `legibility` reads the picture (Pillow, a small copy) and says:

- when it has too few pixels across for that width (`MIN_WIDTH`: under about 120 dots an
  inch, lines and small lettering print as blurs);
- when its greys are too alike once its colours are gone (`MIN_SPREAD`, the standard
  deviation of its lightness out of 255): a red-and-green map or a faded photograph that
  reads on screen can print as an even grey.

Each is a warning, with what was measured; a damaged picture is said to be one.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from .files import MAX_FONT_BYTES, Refused, read_file

MIN_WIDTH = 600  # pixels across: 600 over a column of about 130 mm is about 120 dpi
MAX_PIXELS = 40_000_000  # the most a PDF draws (render.MAX_IMAGE_PIXELS): 40 million
MIN_SPREAD = 32.0  # the standard deviation of lightness (0–255) a legible grey print keeps


def too_large(width: int, height: int) -> str:
    return (
        f"the picture is {width:,} × {height:,} pixels; a figure prints from at most "
        f"{MAX_PIXELS / 1e6:.0f} million (a page at 300 dpi needs under 9 million)"
    )


def legibility(path: Path) -> list[tuple[bool, str]]:
    """What may make the picture at `path` print badly in grey at a column's width, each
    with whether it is an error (it would not print at all) or a warning."""
    from PIL import Image, ImageStat

    try:
        data = read_file(path, [path.parent], MAX_FONT_BYTES)
    except Refused as exc:
        return [(True, f"the picture cannot be read: {exc}")]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # PNG and JPEG only, by their bytes: never Pillow's EPS reader (Ghostscript).
            with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as picture:
                width, height = picture.size
                if width * height > MAX_PIXELS:
                    return [(True, too_large(width, height))]
                picture.draft("L", (800, 800))  # a JPEG decodes small and grey at once
                grey = picture.convert("L")
                grey.thumbnail((800, 800))
                spread = ImageStat.Stat(grey).stddev[0]
    except Exception as exc:  # a decoder fails in many ways on a damaged file: all are damage
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        if reason.startswith("cannot identify image file"):
            reason = "not a PNG or JPEG picture"
        return [(True, f"the picture is damaged or not a PNG or JPEG ({reason})")]
    problems = []
    if width < MIN_WIDTH:
        problems.append(
            (False, f"the picture is {width} pixels across: at the width of a column (about "
             f"130 mm) it prints at {width / 5.1:.0f} dots an inch and may look blurred (at "
             f"least {MIN_WIDTH} across)")
        )  # fmt: skip
    if spread < MIN_SPREAD:
        problems.append(
            (False, f"in grey the picture's tones are close together (spread {spread:.0f} of "
             f"255, at least {MIN_SPREAD:.0f} reads well): it may photocopy as an even grey")
        )  # fmt: skip
    return problems
