"""Cold start to the main window shown (issue: start-up), in fresh processes.

- baseline: a Python process that imports PySide6.QtWidgets, creates a QApplication and a
  QMainWindow and shows it (``tests.helpers.startup_probe baseline``);
- measured: a Python process running the app's real ``main()`` with
  ``--no-connect-dialog``, isolated settings, data and caches
  (``tests.helpers.startup_probe app``), offscreen.

Each is timed by this process from just before ``Popen`` until the child's line saying its
window got its first Expose event is read: interpreter start and imports included (target:
at most 1.5x). The app's window shows its frame (menus, status bar) first and builds its
work area right after, importing its modules a step per event-loop turn; the time until it is
ready is reported too, against the same baseline (no target: it says what "shown" costs).
Runs alternate; medians are reported.

Byte-code: both run with compiled ``.pyc`` files, as an installed app does (pip compiles on
install; Python writes them on the first run). This machine sets PYTHONDONTWRITEBYTECODE,
which would make every start compile the app's ~100 modules from source (~150 ms more), so
the children get a byte-code cache of their own (PYTHONPYCACHEPREFIX in the temporary
folder), filled by a warm-up run.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.bench.harness import Result
from tests.helpers.startup_probe import SETTINGS_ENV

ROOT = Path(__file__).resolve().parents[2]
RUNS = 9
TIMEOUT_S = 120.0


VENV_PROBE = (sys.executable, "-m", "tests.helpers.startup_probe")


def time_to_window(
    mode: list[str], env: dict[str, str], probe: Sequence[str] = VENV_PROBE
) -> tuple[float, float]:
    """Seconds from launching the probe until it says the window is exposed, and until it
    says the work area is ready (the same for the baseline, which has none). ``probe``: the
    command of the probe (this venv's by default; bench_dist_startup gives the bundle's)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [*probe, *mode],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert child.stdout is not None
        times = []
        for line in child.stdout:
            if line.startswith("{"):
                times.append(time.perf_counter() - started)
                if "ready" in json.loads(line) or mode[0] == "baseline":
                    break
        if not times:
            raise RuntimeError(f"{' '.join(mode)}: the window was never shown (exit code {child.wait()})")
        return times[0], times[-1]
    finally:
        child.wait(TIMEOUT_S)


def probe_environment(root: Path) -> dict[str, str]:
    """Settings, data, caches and byte-code of the probed starts, all inside ``root``."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "USOSMAIL_DATA_DIR": str(root / "data"),
        SETTINGS_ENV: str(root / "settings"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "PYTHONPYCACHEPREFIX": str(root / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(report: Callable[[Result], None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = probe_environment(Path(tmp))
        app_mode = ["app", "--no-connect-dialog"]
        time_to_window(app_mode, env)  # warm-up: .pyc files written, the OS file cache filled
        time_to_window(["baseline"], env)
        shown: list[float] = []
        ready: list[float] = []
        baseline: list[float] = []
        for _ in range(RUNS):
            app_shown, app_ready = time_to_window(app_mode, env)
            shown.append(app_shown)
            ready.append(app_ready)
            baseline.append(time_to_window(["baseline"], env)[0])
    bare = statistics.median(baseline) * 1000
    report(
        Result(
            "cold start to the main window shown",
            statistics.median(shown) * 1000,
            "ms",
            "bare PySide6 QMainWindow shown",
            bare,
            "<= 1.5x",
        )
    )
    report(
        Result(
            "cold start to the work area ready (list, editor, preview)",
            statistics.median(ready) * 1000,
            "ms",
            "bare PySide6 QMainWindow shown",
            bare,
            "none; for comparison",
        )
    )
