"""Cold start to the main window shown (issue: start-up), in fresh processes.

- baseline: a Python process that imports PySide6.QtWidgets, creates a QApplication and a
  QMainWindow and shows it (``tests.helpers.startup_probe baseline``);
- measured: a Python process running the app's real ``main()`` with
  ``--no-connect-dialog``, isolated settings, data and caches
  (``tests.helpers.startup_probe app``), offscreen.

Each is timed by this process from just before ``Popen`` until the child's line saying its
window got its first Expose event is read: interpreter start and imports included. Runs
alternate; medians are reported (target: at most 1.5x).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench.harness import Result
from tests.helpers.startup_probe import SETTINGS_ENV

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7
TIMEOUT_S = 120.0


def time_to_window(mode: list[str], env: dict[str, str]) -> float:
    """Seconds from launching the probe until it says the window is exposed."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.startup_probe", *mode],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("{"):
                return time.perf_counter() - started
        raise RuntimeError(f"{' '.join(mode)}: the window was never shown (exit code {child.wait()})")
    finally:
        child.wait(TIMEOUT_S)


def run(report: Callable[[Result], None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "USOSMAIL_DATA_DIR": str(root / "data"),
            SETTINGS_ENV: str(root / "settings"),
            "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_CACHE_HOME": str(root / "cache"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        app_mode = ["app", "--no-connect-dialog"]
        time_to_window(app_mode, env)  # warm-up: .pyc files written, the OS file cache filled
        time_to_window(["baseline"], env)
        measured: list[float] = []
        baseline: list[float] = []
        for _ in range(RUNS):
            measured.append(time_to_window(app_mode, env))
            baseline.append(time_to_window(["baseline"], env))
    report(
        Result(
            "cold start to the main window shown",
            statistics.median(measured) * 1000,
            "ms",
            "bare PySide6 QMainWindow shown",
            statistics.median(baseline) * 1000,
            "<= 1.5x",
        )
    )
