"""Benchmarks are measured, never asserted: each result is printed as a ratio against a
named baseline measured in the same run, with the issue's target beside it and whether
it was met (PASS/FAIL)."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

_RATIO_LIMIT = re.compile(r"(?:<=|≤)\s*(\d+(?:\.\d+)?)\s*x\b")
_VALUE_LIMIT = re.compile(r"(?:<=|≤)\s*(\d+(?:\.\d+)?)\s*(MiB|ms|s)\b")


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    baseline_name: str
    baseline_value: float
    target: str
    passed: bool | None = None  # the verdict, when the target is not "<= N x" or "<= N unit"

    @property
    def ratio(self) -> float:
        return self.value / self.baseline_value if self.baseline_value else float("inf")

    @property
    def verdict(self) -> bool | None:
        """Whether the target is met: ``passed`` when given, else read from the target
        ("<= 1.5x" on the ratio, "<= 250 MiB" on the value in the same unit); None when
        the target is no limit ("measured")."""
        if self.passed is not None:
            return self.passed
        ratio = _RATIO_LIMIT.search(self.target)
        if ratio is not None:
            return self.ratio <= float(ratio.group(1))
        value = _VALUE_LIMIT.search(self.target)
        if value is not None and value.group(2) == self.unit:
            return self.value <= float(value.group(1))
        return None

    def line(self) -> str:
        def number(value: float, places: int) -> str:  # small values keep their digits: 0.0037, not 0.00
            return f"{value:.{places}f}" if abs(value) >= 10**-places * 10 or value == 0 else f"{value:.2g}"

        baseline = f"{self.baseline_name} {number(self.baseline_value, 3)} {self.unit}"
        verdict = {True: " PASS", False: " FAIL", None: ""}[self.verdict]
        return (
            f"{self.name}: {number(self.value, 3)} {self.unit} "
            f"({number(self.ratio, 2)}x vs {baseline}; target {self.target}){verdict}"
        )


def per_call(fn: Callable[[], object], calls: int) -> list[float]:
    samples = []
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def interleaved_wall_and_cpu(
    subject: Callable[[], object],
    baseline: Callable[[], object],
    *,
    calls: int,
    rounds: int = 5,
    warmup: int = 1,
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median seconds per call of each, as (subject, baseline) wall-clock and (subject,
    baseline) CPU time of this process (its threads included), from the same alternating
    rounds: on a machine whose cores are busy with other work the CPU times still compare
    the work itself, while wall time also says what a free core gives."""
    for _ in range(warmup):
        subject()
        baseline()
    samples: dict[str, list[float]] = {"sw": [], "sc": [], "bw": [], "bc": []}
    for _ in range(rounds):
        for fn, wall, cpu in ((subject, "sw", "sc"), (baseline, "bw", "bc")):
            for _ in range(calls // rounds):
                start, start_cpu = time.perf_counter(), time.process_time()
                fn()
                samples[cpu].append(time.process_time() - start_cpu)
                samples[wall].append(time.perf_counter() - start)
    median = statistics.median
    return (median(samples["sw"]), median(samples["bw"])), (median(samples["sc"]), median(samples["bc"]))


def interleaved_medians(
    subject: Callable[[], object],
    baseline: Callable[[], object],
    *,
    calls: int,
    rounds: int = 5,
    warmup: int = 20,
) -> tuple[float, float]:
    """Median seconds per call of each, alternating rounds so drift hits both alike."""
    per_call(subject, warmup)
    per_call(baseline, warmup)
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        a += per_call(subject, calls // rounds)
        b += per_call(baseline, calls // rounds)
    return statistics.median(a), statistics.median(b)
