"""docs/architecture.md names only files, folders and module attributes that exist: the
paths in backticks (`ui/window/send_flow.py`, `tests/bench/bench_startup.py`,
`application.loading.missing_files`) and every name in its map of the code (the tree under
"Where each concept lives", read by its indentation)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"
PACKAGE = ROOT / "usosmail_gui"
# where a path in the prose is read from: the repository, the package, its ui/ (the doc
# writes `window/startup.py` for ui/window/startup.py), docs/
BASES = (ROOT, PACKAGE, PACKAGE / "ui", ROOT / "docs")
MODULE_BASES = (PACKAGE, PACKAGE / "ui", PACKAGE / "ui" / "window")  # `i18n.…`, `actions.…`
LAYERS = ("core", "application", "ui", "cli", "app", "sandbox")  # dotted names start so
TREE_ROOTS = ("usosmail_gui/", "resources/", "installer/", "tests/")
NAME_COLUMN = 24  # where the tree's descriptions start
FILE = re.compile(r"[\w\-]+\.(?:py|md|toml|ts|svg|json)\b")
NAMES = re.compile(r"[\w.\-]+/?(?:, *[\w.\-]+/?)*,?")  # a tree line's leading names
# in a description: a file (with its folders), or a path from a top-level folder
DESCRIBED = re.compile(
    r"(?:[\w\-]+/)*[\w\-]+\.(?:py|md|toml)\b|\b(?:resources|installer|tests|docs)/[\w/\-]*"
)
NOT_OURS = {"services/mailing"}  # USOS's path of the mailing module, not a file here


def generated() -> set[str]:
    """What the build makes in the package (``make package-data``; ignored by git), so a
    fresh clone has it only after a build: the doc may name it all the same."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return {line.strip("/") for line in lines if line.startswith("usosmail_gui/")}


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def code_blocks(text: str) -> list[list[str]]:
    return [block.splitlines() for block in re.findall(r"^```\n(.*?)^```", text, re.S | re.M)]


def prose(text: str) -> str:
    return re.sub(r"^```\n.*?^```", "", text, flags=re.S | re.M)


def defines(module: Path, names: list[str]) -> bool:
    """The module of the file ``module`` has the attribute ``names[0]`` (then ``names[1]``
    of it…): defined there or imported into it."""
    parts = module.relative_to(ROOT).with_suffix("").parts
    target: object = importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    for name in names:
        if not hasattr(target, name):
            return False
        target = getattr(target, name)
    return True


def module_file(parts: list[str], bases: tuple[Path, ...] = BASES) -> Path | None:
    for base in bases:
        path = base.joinpath(*parts)
        if path.with_suffix(".py").is_file():
            return path.with_suffix(".py")
        if (path / "__init__.py").is_file():
            return path / "__init__.py"
    return None


def exists(token: str) -> bool:
    """A path (a file, a folder, a module without ``.py``), or a module's attribute
    (``ui/workers.run_in_background``, ``core.sending.send_steps``)."""
    token = token.rstrip("/")
    if any((base / token).exists() for base in BASES):
        return True
    made = generated()
    if any((base / token).relative_to(ROOT).as_posix() in made for base in BASES):
        return True
    if FILE.fullmatch(token):  # a file named alone: somewhere in the package
        return any(PACKAGE.rglob(token))
    folder, _, last = token.rpartition("/")
    dotted = last.split(".")
    for cut in range(len(dotted), 0, -1):
        parts = [*filter(None, folder.split("/")), *dotted[:cut]]
        module = module_file(parts, BASES + MODULE_BASES[2:])
        if module is not None:
            rest = dotted[cut:]
            return not rest or defines(module, rest)
    return False


def prose_paths(text: str) -> list[str]:
    """Backticked tokens that name a path or a module: with a slash, a file's extension,
    or dotted from a module of ours (``application.loading.missing_files``); and paths to
    a file written without backticks (docs/cli.md)."""
    words = prose(text)
    found = re.findall(r"(?:[\w\-]+/)+[\w\-]+\.(?:py|md|toml)\b", re.sub(r"`[^`]*`", "", words))
    for token in re.findall(r"`([^`\s]+)`", words):
        if token in NOT_OURS or any(mark in token for mark in "<>(){}*\"'=,"):
            continue  # a pattern, a call or an example, not a path
        if "/" in token or FILE.fullmatch(token) or ("." in token and is_module_name(token)):
            found.append(token)
    return found


def is_module_name(token: str) -> bool:
    """A dotted name that starts with a module of ours (``core.counts``, ``i18n.…``), not
    with a class (``MainWindow.closeEvent``)."""
    first = token.split(".")[0]
    return first in LAYERS or module_file([first], MODULE_BASES) is not None


def picture_names(text: str) -> list[str]:
    """The modules and functions the pictures of the flows name (``core.sending.send_steps``,
    ``ui/status_display.py``)."""
    found = []
    for lines in code_blocks(text):
        if lines and lines[0] in TREE_ROOTS:
            continue
        for line in lines:
            found += re.findall(rf"\b(?:{'|'.join(LAYERS)})\.[\w.]*\w|(?:[\w\-]+/)+[\w\-]+\.py\b", line)
    return found


def tree_paths(text: str) -> list[str]:
    """Every name in the map of the code, as a path from the repository's root: a line's
    leading names at its indentation's folder; names in a description beside the entry
    (in a folder's description: inside it)."""
    block = next(lines for lines in code_blocks(text) if lines and lines[0] in TREE_ROOTS)
    folders: list[str] = []
    context = ""
    paths = []
    for line in block:
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if not stripped:
            continue
        head, description = stripped, ""
        if indent < NAME_COLUMN:
            depth = indent // 2
            folders = folders[:depth]
            match = NAMES.match(stripped)
            head = match.group(0) if match else ""
            description = stripped[len(head):]
            names = [name.strip() for name in head.split(",") if name.strip()]
            for name in names:
                path = "/".join([*folders, name])
                paths.append(path)
                context = path.rstrip("/") if name.endswith("/") else "/".join(folders)
            if names and names[-1].endswith("/"):
                folders = [*folders, names[-1].rstrip("/")]
        else:
            description = stripped
        for match in DESCRIBED.finditer(description):
            token = match.group(0)
            if description[match.end() : match.end() + 1] == "<":
                continue  # a pattern: tests/unit/<package>/test_<module>.py
            if "/" in token:
                paths.append(token)
            else:
                paths.append(f"{context}/{token}" if context else token)
    return paths


def test_every_backticked_path_exists() -> None:
    paths = prose_paths(doc_text())
    assert len(paths) > 40  # the parser still finds the paths
    missing = [token for token in paths if not exists(token)]
    assert missing == []


def test_every_name_in_the_map_of_the_code_exists() -> None:
    paths = tree_paths(doc_text())
    assert len(paths) > 100
    missing = [path for path in paths if not (ROOT / path).exists() and not exists(path)]
    assert missing == []


def test_every_module_and_function_in_the_flows_exists() -> None:
    names = picture_names(doc_text())
    assert len(names) >= 8
    assert [name for name in names if not exists(name)] == []


def test_the_checks_catch_a_missing_path() -> None:
    text = (
        "Lives in `ui/window/nowhere.py` and `core.sending.no_such_function`; not a path: "
        "`--sandbox`, `tests/unit/<package>/test_<module>.py`, `MainWindow.gone`; see docs/gone.md.\n"
        "```\nStatusPoller ──▶ application.statuses.poll_statuses ──▶ core.polling.poll_never\n```\n"
        "```\nusosmail_gui/\n  core/\n    sending.py          the loop; see ghost.py\n"
        "    missing.py          gone\n```\n"
    )
    assert [t for t in prose_paths(text) if not exists(t)] == [
        "docs/gone.md",
        "ui/window/nowhere.py",
        "core.sending.no_such_function",
    ]
    assert [n for n in picture_names(text) if not exists(n)] == ["core.polling.poll_never"]
    assert [p for p in tree_paths(text) if not (ROOT / p).exists()] == [
        "usosmail_gui/core/ghost.py",
        "usosmail_gui/core/missing.py",
    ]
