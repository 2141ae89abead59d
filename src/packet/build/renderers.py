"""Where PDFs are made: `Renderers.submit(html, booklet)` → ticket; `next_done()` / `ready()`
→ (ticket, `Rendered`: the PDF's bytes, pages, warnings, seconds and where each id landed).

With one job, a `PdfRenderer` in this process, rendering each packet when `next_done` asks for
it (so that submitting never waits). With more, a pool of long-lived renderer
processes, started before the project is loaded so that importing WeasyPrint and reading the
fonts overlap with loading and checking; each keeps its font configuration and caches for
every packet it renders. Any failure comes back as a `BuildError` with the packet's ticket.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from multiprocessing.pool import Pool
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import BuildError

if TYPE_CHECKING:
    from ..render import PdfRenderer


class Rendered(NamedTuple):
    data: bytes  # the PDF
    pages: int
    warnings: tuple[str, ...]  # WeasyPrint's and the preflight's
    seconds: float  # spent rendering
    anchors: dict[str, int]  # each element id → the page it starts on, before imposition


def _render(renderer: PdfRenderer, html: str, booklet: bool) -> Rendered:
    started = time.perf_counter()
    pdf = renderer.render(html)
    data, pages = pdf.data, pdf.pages
    if booklet:
        from ..impose import impose_booklet

        data, pages = impose_booklet(data)
    return Rendered(data, pages, pdf.warnings, time.perf_counter() - started, pdf.anchors)


# Each worker process holds one renderer for its whole life (set up by _start_worker).
_worker: PdfRenderer | BaseException | None = None


def _start_worker(root: Path, parent: int, scratch: Path) -> None:
    """Set up a renderer process of packet's process `parent`, its temporary files in `scratch`.

    Stopping is the main process's business: Ctrl-C is ignored here, and SIGTERM and SIGHUP
    take their default action, ending the process at once and without a traceback (a
    closing terminal sends SIGHUP to all of them). SIGTERM always does, whatever this
    process inherited: it is how the pool ends its renderers, and one the pool starts while
    packet is stopping (in place of one that ended) inherits packet's "ignore SIGTERM" of
    that moment. SIGHUP stays ignored if packet was started ignoring it (`nohup`). On Linux
    the renderer is also killed when packet dies, however it dies (SIGKILL included),
    rather than rendering on for no one and printing a traceback when it cannot hand its
    PDF back.

    A renderer ends without cleaning up after itself, so what it leaves goes in `scratch`,
    which packet removes (WeasyPrint writes a document's fonts to a temporary folder of
    their own and removes it only when the font configuration is collected; each build had
    left one, some megabytes, per renderer).
    """
    global _worker
    tempfile.tempdir = str(scratch)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    hangup = getattr(signal, "SIGHUP", None)
    if hangup is not None and signal.getsignal(hangup) is not signal.SIG_IGN:
        signal.signal(hangup, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        # Without prctl the renderer still ends, once packet's end closes its queue.
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # packet ended before the renderer could ask to follow it
        os._exit(0)
    from ..render import PdfRenderer

    try:
        _worker = PdfRenderer(root)
    except BaseException as exc:  # reported with the first packet, not by killing the pool
        _worker = exc
    # WeasyPrint's modules and the fonts live as long as the worker: keep the garbage
    # collector from walking them again and again.
    gc.freeze()


def _render_in_worker(html: str, booklet: bool) -> Rendered:
    if isinstance(_worker, BaseException):
        raise _worker
    assert _worker is not None
    return _render(_worker, html, booklet)


class Renderers:
    """Where PDFs are made: in this process (`workers` 0), or in a pool of worker processes.

    A renderer process that ends while packets are being made (killed, or by the system for
    lack of memory) takes its packet with it: `next_done` then fails the build with a
    message rather than wait for that packet for ever.
    """

    def __init__(self, root: Path, workers: int) -> None:
        self.root = root
        self.local: PdfRenderer | None = None
        self.pool: Pool | None = None
        self.done: queue.SimpleQueue[tuple[int, Rendered | BaseException]] = queue.SimpleQueue()
        self.submitted = 0
        self.waiting: collections.deque[tuple[int, str, bool]] = collections.deque()  # no pool
        self.scratch: Path | None = None  # the renderer processes' temporary files
        if workers:
            # Workers start at once: WeasyPrint loads while the project is read and checked.
            context = multiprocessing.get_context("fork" if _CAN_FORK else "spawn")
            self.scratch = Path(tempfile.mkdtemp(prefix="packet-renderers-"))
            self.pool = context.Pool(workers, _start_worker, (root, os.getpid(), self.scratch))
        self.count = workers  # processes rendering at once; 0: this one
        self.workers = self._running()

    def __enter__(self) -> Renderers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, html: str, booklet: bool) -> int:
        """Start rendering; returns a ticket that `next_done` hands back with the result."""
        ticket = self.submitted
        self.submitted += 1
        if self.pool is None:  # rendered when asked for, so that submitting never waits
            self.waiting.append((ticket, html, booklet))
            return ticket
        self.pool.apply_async(
            _render_in_worker,
            (html, booklet),
            callback=lambda result: self.done.put((ticket, result)),
            error_callback=lambda exc: self.done.put((ticket, exc)),
        )
        return ticket

    def _render_here(self) -> None:
        """Render the first packet waiting for this process."""
        from ..render import PdfRenderer

        ticket, html, booklet = self.waiting.popleft()
        self.local = self.local or PdfRenderer(self.root)
        try:
            self.done.put((ticket, _render(self.local, html, booklet)))
        except Exception as exc:  # reported as the worker path reports it (`_unwrap`)
            self.done.put((ticket, exc))

    def next_done(self) -> tuple[int, Rendered]:
        """The next packet to finish, waiting for it (rendering it, in this process)."""
        if self.pool is None and self.done.empty() and self.waiting:
            self._render_here()
        while True:
            try:
                return self._unwrap(*self.done.get(timeout=0.5))
            except queue.Empty:
                if self._running() != self.workers:
                    raise BuildError(
                        "a PDF renderer stopped before it finished (it was killed, perhaps by "
                        "the system for lack of memory) — the outputs written so far are kept; "
                        "build again, with fewer --jobs if memory is short"
                    ) from None

    def _running(self) -> set[int]:
        """The renderer processes of the pool; the pool replaces one that ends by another.
        (Pool keeps them in `_pool`, not public; without it the check is simply skipped.)"""
        return {worker.pid for worker in list(getattr(self.pool, "_pool", None) or [])}

    def ready(self) -> tuple[int, Rendered] | None:
        """A packet that has finished, if any has (in this process, none has until asked
        for with `next_done`)."""
        try:
            return self._unwrap(*self.done.get_nowait())
        except queue.Empty:
            return None

    @staticmethod
    def _unwrap(ticket: int, result: Rendered | BaseException) -> tuple[int, Rendered]:
        if isinstance(result, BuildError):
            raise result
        if isinstance(result, BaseException):
            raise BuildError(f"PDF rendering failed: {result}") from result
        return ticket, result

    def close(self) -> None:
        """End the renderer processes and remove their temporary files."""
        try:
            self._end_pool()
        finally:
            if self.scratch is not None:
                shutil.rmtree(self.scratch, ignore_errors=True)

    def _end_pool(self) -> None:
        """The pool's own shutdown can wait for ever on a lock that an interrupted thread
        left held (rarely, when Ctrl-C or SIGTERM lands inside multiprocessing's code);
        after CLOSE_SECONDS the renderers are killed outright, those the pool had when
        closing began and any it has started since."""
        if self.pool is None:
            return
        pool, workers = self.pool, list(getattr(self.pool, "_pool", None) or [])

        def shut_down() -> None:
            pool.terminate()
            pool.join()

        closing = threading.Thread(target=shut_down, daemon=True)
        closing.start()
        closing.join(CLOSE_SECONDS)
        if closing.is_alive():
            for worker in {*workers, *list(getattr(pool, "_pool", None) or [])}:
                with contextlib.suppress(OSError, ValueError):
                    worker.kill()


_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()
CLOSE_SECONDS = 10.0
