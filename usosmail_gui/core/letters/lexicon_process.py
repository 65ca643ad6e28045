"""First names looked up by Morfeusz 2 in a child process: the window's lexicon.

Morfeusz's C++ code never releases the GIL: loading its dictionary holds it for ~0.2 s,
so in the app's own process every thread — the GUI thread too — stood still while a
worker loaded it (measured: a 176–214 ms freeze of the window). A child process has a GIL
of its own: the app only waits on a pipe, which releases it. The child loads the
dictionary once and answers one lemma per line (JSON in, JSON out); it ends when the app
closes its end of the pipe, so it never outlives the app.

When the child cannot run (no interpreter to start it, it died, it does not answer within
``ANSWER_SECONDS``) the dictionary is loaded in this process instead (``MorfeuszLexicon``):
slower for the window, never wrong. ``morfeusz2`` missing is reported as ``ImportError``
either way, which the letters turn into a problem in words.

``python -m usosmail_gui.core.letters.lexicon_process`` is the child's side (in the
bundle: ``usosmail -m …``, see installer/entry/usosmail.py). The command-line tool
``usosmail`` keeps the dictionary in its own process: it has no window to keep alive.
"""

from __future__ import annotations

import atexit
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from .gender import Gender
from .names import MorfeuszLexicon

__all__ = ["ANSWER_SECONDS", "CHILD_MODULE", "ProcessLexicon", "child_command", "child_main"]

CHILD_MODULE = "usosmail_gui.core.letters.lexicon_process"
ANSWER_SECONDS = 30.0
"""The longest wait for the child's answer (loading the dictionary included)."""


def child_command() -> list[str]:
    """The command that runs the child (in the PyInstaller bundle: its console command,
    since ``sys.executable`` is the app itself there and knows no ``-m``)."""
    if getattr(sys, "frozen", False):
        app = Path(sys.executable)
        return [str(app.with_name("usosmail" + app.suffix)), "-m", CHILD_MODULE]
    return [sys.executable, "-m", CHILD_MODULE]


class _ChildFailed(Exception):
    """The child did not start, died or did not answer in time."""


class ProcessLexicon:
    """The ``Lexicon`` of ``names`` served by a child process (started on first use)."""

    def __init__(self, command: Callable[[], list[str]] = child_command) -> None:
        self._command = command
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._here: MorfeuszLexicon | None = None  # when the child cannot serve
        self._dictionary = ""
        self._closing = False

    # --- what names.NameBook calls ---------------------------------------------------------

    def load(self) -> None:
        """Start the child and wait until its dictionary is loaded (the wait holds no GIL)."""
        with self._lock:
            self._serving()

    @property
    def dictionary(self) -> str:
        """The dictionary's identifier and edition, e.g. "pl.sgjp.sgjp-2026.06.01"."""
        with self._lock:
            here = self._serving()
            return here.dictionary if here is not None else self._dictionary

    @property
    def in_child(self) -> bool:
        """Whether the names are looked up in the child (False: in this process)."""
        with self._lock:
            return self._child is not None and self._here is None

    def first_name_entries(self, lemma: str) -> list[tuple[Gender, str]]:
        with self._lock:
            here = self._serving()
            if here is None:
                try:
                    answer = self._ask(json.dumps(lemma, ensure_ascii=False))
                    return [(Gender(gender), vocative) for gender, vocative in answer]
                except (_ChildFailed, ValueError, TypeError):
                    self._give_up()
                    here = self._serving()
            assert here is not None
            return here.first_name_entries(lemma)

    def first_name_entries_many(self, lemmas: list[str]) -> list[list[tuple[Gender, str]]]:
        """``first_name_entries`` of each lemma, in one round trip to the child."""
        with self._lock:
            here = self._serving()
            if here is None:
                try:
                    answers = self._ask(json.dumps({"many": lemmas}, ensure_ascii=False))
                    if len(answers) != len(lemmas):
                        raise ValueError("not one answer per lemma")
                    return [[(Gender(g), vocative) for g, vocative in answer] for answer in answers]
                except (_ChildFailed, ValueError, TypeError):
                    self._give_up()
                    here = self._serving()
            assert here is not None
            return [here.first_name_entries(lemma) for lemma in lemmas]

    def close(self) -> None:
        """End the child (closing its input is enough: it stops at the end of it)."""
        with self._lock:
            self._closing = True
            self._stop()

    # --- the child -------------------------------------------------------------------------

    def _serving(self) -> MorfeuszLexicon | None:
        """None when the child serves (started now if need be), else this process's lexicon."""
        if self._here is not None:
            return self._here
        if self._child is not None:
            return None
        try:
            self._start()
            return None
        except _ChildFailed:
            self._give_up()
            return self._here

    def _start(self) -> None:
        try:
            child = subprocess.Popen(
                self._command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console
            )
        except OSError as exc:
            raise _ChildFailed(str(exc)) from None
        self._child = child
        if not self._closing:
            atexit.register(self.close)
        hello = self._read()
        if "missing" in hello:  # morfeusz2 is not installed: said as the import would say it
            self._stop()
            raise ImportError(str(hello["missing"]))
        if "ready" not in hello:
            raise _ChildFailed("no greeting")
        self._dictionary = str(hello["ready"])

    def _ask(self, line: str) -> Any:
        child = self._child
        if child is None or child.stdin is None:
            raise _ChildFailed("not running")
        try:
            child.stdin.write(line.encode("utf-8") + b"\n")
            child.stdin.flush()
        except OSError as exc:  # it died
            raise _ChildFailed(str(exc)) from None
        return self._read()

    def _read(self) -> Any:
        """The child's next line, read with a deadline (past it the child is killed, so the
        read ends: pipes have no portable timeout)."""
        child = self._child
        if child is None or child.stdout is None:
            raise _ChildFailed("not running")
        watchdog = threading.Timer(ANSWER_SECONDS, child.kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            line = child.stdout.readline()
        except OSError as exc:
            raise _ChildFailed(str(exc)) from None
        finally:
            watchdog.cancel()
        if not line:
            raise _ChildFailed("it ended")
        return json.loads(line)

    def _give_up(self) -> None:
        """The child cannot serve: the dictionary in this process from now on."""
        self._stop()
        self._here = MorfeuszLexicon()

    def _stop(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        try:
            child.wait(timeout=2)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _say(out: IO[bytes], data: object) -> None:
    out.write(json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n")
    out.flush()


def child_main(argv: list[str] | None = None) -> int:
    """The child's side: greet with the dictionary's name, then one answer per lemma."""
    del argv  # nothing to choose: the app's lexicon is Morfeusz's
    out = sys.stdout.buffer
    lexicon = MorfeuszLexicon()
    try:
        _say(out, {"ready": lexicon.dictionary})
    except ImportError as exc:
        _say(out, {"missing": str(exc) or type(exc).__name__})
        return 1
    def entries(lemma: object) -> list[list[str]]:
        return [[gender.value, vocative] for gender, vocative in lexicon.first_name_entries(str(lemma))]

    for line in sys.stdin.buffer:  # a lemma, or {"many": [lemmas]}
        asked = json.loads(line)
        _say(out, [entries(lemma) for lemma in asked["many"]] if isinstance(asked, dict) else entries(asked))
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
