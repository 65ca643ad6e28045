"""A risky workbook read in a child process, where an abort cannot take the app with it.

python-calamine does not always raise: when an allocation fails (a sheet spanning
billions of cells, a gigantic text) the Rust runtime *aborts the process* — in the GUI
that is the app, with the user's typed template. ``packages`` refuses every such file it
can recognise before calamine sees it; what is big or odd but not refused (a huge extent
within the limits, parts of hundreds of megabytes) is read here, in a fresh interpreter:
the child runs the very same ``WorkbookSource.read`` and sends the ``RawGrid`` back
pickled; a child that dies is "a file the reader could not read", never a dead app.

``python -m usosmail_gui.core.recipients.isolated PATH SHEET MAX_ROWS LANGUAGE`` is the
child's side (stdout: the pickle).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Generator
from pathlib import Path

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, say

from .errors import SpreadsheetError
from .grid import RawGrid
from .progress import LoadProgress, Stage

__all__ = ["CHILD_MODULE", "child_command", "child_main", "read_in_child"]

POLL_SECONDS = 0.05
TIMEOUT_SECONDS = 900


CHILD_MODULE = "usosmail_gui.core.recipients.isolated"


def child_command(path: Path, sheet: str, max_rows: int, language: str) -> list[str]:
    """The command that reads one sheet in a fresh interpreter (a seam for tests).

    In the PyInstaller bundle ``sys.executable`` is the app itself, which knows no ``-m``:
    there the bundle's console command ``usosmail`` beside it runs the child
    (installer/entry/usosmail.py hands ``-m`` of this module to ``child_main``).
    """
    if getattr(sys, "frozen", False):
        app = Path(sys.executable)
        interpreter = str(app.with_name("usosmail" + app.suffix))
    else:
        interpreter = sys.executable
    return [interpreter, "-m", CHILD_MODULE, str(path), sheet, str(max_rows), language]


def _crashed(path: Path, detail: str) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} could not be read: the spreadsheet reader stopped on it ({detail}), so the file "
                "is probably damaged or far too large. Open it in Excel or LibreOffice and save it anew, "
                "or export the list again.",
            ),
            name=path.name or str(path),
            detail=detail,
        ),
        path=path,
        reason="reader_crashed",
    )


def read_in_child(
    path: Path, sheet: str, *, max_rows: int, language: str
) -> Generator[LoadProgress, None, RawGrid]:
    """The sheet read by a child process; yields while it works (a point to cancel at:
    closing the generator kills the child)."""
    with tempfile.TemporaryFile() as output:
        child = subprocess.Popen(
            child_command(path, sheet, max_rows, language),
            stdout=output,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console flashes up
        )
        started = time.monotonic()
        try:
            while child.poll() is None:
                if time.monotonic() - started > TIMEOUT_SECONDS:
                    child.kill()
                    child.wait()
                    raise _crashed(path, "it took too long")
                yield LoadProgress(Stage.READING)
                try:
                    child.wait(POLL_SECONDS)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            if child.poll() is None:  # cancelled: the child goes too
                child.kill()
                child.wait()
        output.seek(0)
        data = output.read()
    if child.returncode != 0 or not data:
        signal = -child.returncode if child.returncode < 0 else None
        detail = f"signal {signal}" if signal else f"exit code {child.returncode}"
        raise _crashed(path, detail)
    kind, *rest = pickle.loads(data)  # our own child's output, in our own temporary file
    if kind == "error":
        sentence, reason = rest
        raise SpreadsheetError(_rebuilt(sentence), path=path, reason=reason)
    grid: RawGrid = rest[0]
    return grid


Flat = tuple[str, dict[str, object]]


def _flat(sentence: Sentence) -> Flat:
    """A sentence as plain data (its values may be sentences too), to pickle."""
    values = sentence.values
    return sentence.template, {k: _flat(v) if isinstance(v, Sentence) else v for k, v in values.items()}


def _rebuilt(flat: Flat | str) -> Sentence | str:
    if isinstance(flat, str):
        return flat
    template, values = flat
    filled = {k: _rebuilt(v) if isinstance(v, tuple) else v for k, v in values.items()}
    return say(template, **filled)  # type: ignore[arg-type]


def child_main(argv: list[str]) -> int:
    """The child's side: read the sheet, write the pickled result to stdout."""
    from .numformat import locale_for
    from .sources import WorkbookSource, open_source

    path, sheet, max_rows, language = Path(argv[0]), argv[1], int(argv[2]), argv[3]
    try:
        with open_source(path) as source:
            if not isinstance(source, WorkbookSource):
                raise _crashed(path, "not a workbook")
            steps = source.read(sheet, max_rows=max_rows, locale=locale_for(language), isolate=False)
            while True:
                try:
                    next(steps)
                except StopIteration as done:
                    result: tuple[object, ...] = ("grid", done.value)
                    break
    except SpreadsheetError as exc:
        result = ("error", _flat(exc.sentences[0]) if exc.sentences else exc.message, exc.reason)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
