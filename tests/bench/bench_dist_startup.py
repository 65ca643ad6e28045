"""Cold start of the bundled app (``make dist``) against the same app from the venv (issue 16).

The bench bundle (``make dist-bench``: ``installer/build.py --startup-probe``) is the shipped
bundle with ``tests/helpers/startup_probe.py`` frozen beside the two commands, so both sides
run the same probe around the app's real ``main()`` (``app --no-connect-dialog``): the venv's
Python with its byte-code cache, and the bundle's frozen Python and libraries. Timed by
``bench_startup.time_to_window`` (launch → the window's first Expose; → the work area ready),
runs alternating, medians reported; target: the bundle at most 1.5x the venv.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.bench.bench_startup import RUNS, probe_environment, time_to_window
from tests.bench.harness import Result

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_PROBE = ROOT / "build" / "bench-dist" / "usosmail-gui" / "startup-probe"


def run(report: Callable[[Result], None]) -> None:
    if not BUNDLED_PROBE.is_file():
        where = BUNDLED_PROBE.relative_to(ROOT)
        print(f"  (bundled start-up: {where} is not built; `make dist-bench` builds it)")
        return
    bundle = (str(BUNDLED_PROBE),)
    app_mode = ["app", "--no-connect-dialog"]
    with tempfile.TemporaryDirectory() as tmp:
        env = probe_environment(Path(tmp))
        time_to_window(app_mode, env)  # warm-up: the venv's .pyc written, the OS file cache filled
        time_to_window(app_mode, env, bundle)
        venv_shown: list[float] = []
        venv_ready: list[float] = []
        bundle_shown: list[float] = []
        bundle_ready: list[float] = []
        for _ in range(RUNS):
            shown, ready = time_to_window(app_mode, env, bundle)
            bundle_shown.append(shown)
            bundle_ready.append(ready)
            shown, ready = time_to_window(app_mode, env)
            venv_shown.append(shown)
            venv_ready.append(ready)
    for moment, bundled, venv, target in (
        ("the main window shown", bundle_shown, venv_shown, "<= 1.5x"),
        ("the work area ready", bundle_ready, venv_ready, "none; for comparison"),
    ):
        report(
            Result(
                f"bundled app: cold start to {moment}",
                statistics.median(bundled) * 1000,
                "ms",
                "the same app from the venv",
                statistics.median(venv) * 1000,
                target,
            )
        )
