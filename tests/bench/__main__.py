"""``make bench``: run every tests/bench/bench_*.py and print one line per result."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import tests.bench
from tests.bench.harness import Result


def _quiet_qt() -> None:
    """Qt's messages through the app's handler: the offscreen plugin's notices go to debug."""
    from PySide6.QtCore import qInstallMessageHandler

    from usosmail_gui.app import _qt_message

    qInstallMessageHandler(_qt_message)


def main(argv: list[str]) -> int:
    _quiet_qt()
    wanted = set(argv)
    names = sorted(m.name for m in pkgutil.iter_modules(tests.bench.__path__) if m.name.startswith("bench_"))
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"tests.bench.{name}")
        started = time.perf_counter()

        def report(result: Result) -> None:
            print(result.line(), flush=True)

        module.run(report)
        print(f"  ({name} took {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
