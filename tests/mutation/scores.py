"""Per-module mutation scores of the last ``mutmut run`` (``make mutation`` prints them).

Reads mutmut's results (``mutants/**/*.py.meta``), counts per mutated module, and writes
``build/mutation/scores.json`` and ``build/mutation/scores.txt``. The score of a module is
``(killed + timeout + listed equivalents) / checked``: a surviving mutant counts as killed
only when ``tests/mutation/equivalent.txt`` lists it with the reason it is equivalent (same
behaviour for every input); nothing is excluded silently. "no tests" (no selected test
reaches the mutated function) counts as survived. A listed mutant that no longer exists, or
that the tests now kill, is reported so the list stays honest.

Run from the repository root: ``.venv/bin/python tests/mutation/scores.py``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MUTANTS = ROOT / "mutants"
EQUIVALENT = Path(__file__).with_name("equivalent.txt")
OUT = ROOT / "build" / "mutation"

# mutmut's exit codes (mutmut.stats.status_by_exit_code, 3.x), by what they mean here
KILLED_CODES = {1: "killed", 3: "killed", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout",
                255: "timeout", 37: "caught by type check"}
SURVIVED_CODES = {0: "survived", 5: "no tests", 33: "no tests"}
NOT_COUNTED = {None: "not checked", 34: "skipped", 2: "interrupted"}


def load_equivalent(path: Path = EQUIVALENT) -> dict[str, str]:
    """``mutant name | why it is equivalent`` per line; ``#`` starts a comment line."""
    listed: dict[str, str] = {}
    if not path.exists():
        return listed
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, why = (part.strip() for part in line.partition("|"))
        if not sep or not why:
            sys.exit(f"{path.name}:{number}: '{line}' gives no reason why the mutant is equivalent")
        listed[name] = why
    return listed


def module_of(meta: Path) -> str:
    relative = meta.relative_to(MUTANTS).as_posix().removesuffix(".meta").removesuffix(".py")
    return relative.replace("/", ".")


def scores(equivalent: dict[str, str]) -> tuple[dict[str, dict[str, object]], list[str]]:
    by_module: dict[str, dict[str, object]] = {}
    seen: set[str] = set()
    notes: list[str] = []
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes: dict[str, int | None] = data.get("exit_code_by_key", {})
        if not codes:
            continue
        tally: Counter[str] = Counter()
        surviving: list[str] = []
        for name, code in sorted(codes.items()):
            seen.add(name)
            if code in KILLED_CODES:
                tally["killed"] += 1
                if name in equivalent:
                    notes.append(f"listed as equivalent but killed by the tests: {name}")
            elif code in NOT_COUNTED:
                tally[NOT_COUNTED[code]] += 1
            elif name in equivalent:
                tally["equivalent"] += 1
            else:
                tally["survived" if code in SURVIVED_CODES else "suspicious"] += 1
                surviving.append(name)
        checked = tally["killed"] + tally["equivalent"] + tally["survived"] + tally["suspicious"]
        score = 100.0 * (tally["killed"] + tally["equivalent"]) / checked if checked else None
        by_module[module_of(meta)] = {
            "mutants": len(codes),
            "checked": checked,
            "killed": tally["killed"],
            "equivalent": tally["equivalent"],
            "survived": tally["survived"] + tally["suspicious"],
            "not_checked": tally["not checked"] + tally["skipped"] + tally["interrupted"],
            "score": None if score is None else round(score, 1),
            "surviving": surviving,
        }
    notes += [f"listed as equivalent but no such mutant: {name}" for name in sorted(set(equivalent) - seen)]
    return by_module, notes


def table(by_module: dict[str, dict[str, object]]) -> str:
    lines = [
        f"{'module':<46} {'score':>6} {'killed':>6} {'equiv':>5} {'surv':>5} {'checked':>7} {'unchecked':>9}"
    ]
    for module, row in by_module.items():
        score = row["score"]
        shown = "-" if score is None else f"{score:.1f}%"
        lines.append(
            f"{module:<46} {shown:>6} {row['killed']:>6} {row['equivalent']:>5} {row['survived']:>5} "
            f"{row['checked']:>7} {row['not_checked']:>9}"
        )
    return "\n".join(lines)


def main() -> int:
    if not MUTANTS.is_dir():
        print("No mutmut results (mutants/): run `make mutation` first.", file=sys.stderr)
        return 1
    equivalent = load_equivalent()
    by_module, notes = scores(equivalent)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "scores.json").write_text(json.dumps(by_module, indent=2) + "\n", encoding="utf-8")
    text = table(by_module)
    (OUT / "scores.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    for note in notes:
        print("note:", note)
    print(f"\nwritten: {(OUT / 'scores.txt').relative_to(ROOT)}, {(OUT / 'scores.json').relative_to(ROOT)}"
          " (surviving mutants by name; `.venv/bin/mutmut show NAME` shows one)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
