"""Template files (``.usosmail``): subject, content, format and sender fields, as JSON.

JSON because the standard library reads and writes it (TOML it can only read); UTF-8,
indented, Polish letters as they are, so a file can be read, diffed and mailed around.
The format is documented in docs/template-file.md. Reading is tolerant: unknown keys are
ignored (a newer app may add some), missing optional keys get their defaults. Everything
wrong with a file is one ``TemplateFileError`` whose text tells the user what happened
and what to do. Besides the message, a file may hold the letter's derived columns and
grouping (core/letters/definitions.py): ``load_template_file`` returns both, while
``load_template`` keeps returning the message alone.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from usosmail_gui.core.atomic_file import replacing
from usosmail_gui.core.letters.definitions import DefinitionError, LetterSetup, UnknownKind
from usosmail_gui.core.usos.models import ContentFormat, Lang

from .model import MessageTemplate

__all__ = [
    "EXTENSION",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "TemplateFile",
    "TemplateFileError",
    "bundled_templates",
    "dumps_template",
    "letter_templates",
    "load_template",
    "load_template_file",
    "loads_template",
    "loads_template_file",
    "save_template",
]

EXTENSION = ".usosmail"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 2_000_000  # a template is at most a few tens of kB; anything bigger is not one

_TEXT_KEYS = ("subject", "content", "from_name", "from_email", "send_summary_to")


class TemplateFileError(Exception):
    """A template file could not be read or written; ``str()`` says why in plain words.

    ``reason`` is a stable identifier: "missing", "unreadable", "too_big", "not_text",
    "damaged", "not_template", "newer", "bad_value", "unwritable".
    """

    def __init__(self, message: str, *, path: Path | None = None, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return self.message


class TemplateFile(NamedTuple):
    """What a ``.usosmail`` file holds: the message, and the letter's derived columns."""

    template: MessageTemplate
    letters: LetterSetup = LetterSetup()


def dumps_template(template: MessageTemplate, letters: LetterSetup | None = None) -> str:
    """The file's text for ``template`` (and ``letters``' keys, when there are any)."""
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "subject": template.subject,
        "content": template.content,
        "content_format": str(template.content_format),
        "from_name": template.from_name,
        "from_email": template.from_email,
        "send_summary_to": template.send_summary_to,
        "lang": str(template.lang),
    }
    if letters is not None:
        data.update(letters.to_json())
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (pasted from somewhere): JSON escapes keep it
        text = json.dumps(data, ensure_ascii=True, indent=2) + "\n"
    return text


def loads_template(text: str, *, path: Path | None = None) -> MessageTemplate:
    """A template from a file's text (``path`` only names the file in messages)."""
    return loads_template_file(text, path=path).template


def loads_template_file(text: str, *, path: Path | None = None) -> TemplateFile:
    """The message and the letter definitions of a file's text."""
    name = f"“{path.name}”" if path is not None else "The template"
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise TemplateFileError(
            f"{name} is damaged (line {exc.lineno}, column {exc.colno}: {exc.msg}). Open a copy that "
            "works, or write the template again.",
            path=path,
            reason="damaged",
        ) from None
    if not isinstance(data, dict) or "format_version" not in data:
        raise TemplateFileError(
            f"{name} is not a usosmail template (a template file has a “format_version” and the texts "
            f"of the message). Open a file saved by usosmail-gui ({EXTENSION}).",
            path=path,
            reason="not_template",
        )
    version = data["format_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _bad_value(name, path, "format_version", "a whole number such as 1")
    if version > FORMAT_VERSION:
        raise TemplateFileError(
            f"{name} was saved by a newer version of usosmail-gui (template format {version}; this version "
            f"reads up to {FORMAT_VERSION}). Update usosmail-gui to open it.",
            path=path,
            reason="newer",
        )
    texts: dict[str, str] = {}
    for key in _TEXT_KEYS:
        value = data.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise _bad_value(name, path, key, "text")
        texts[key] = value
    template = MessageTemplate(
        content_format=_choice(data, "content_format", ContentFormat, ContentFormat.PLAIN, name, path),
        lang=_choice(data, "lang", Lang, Lang.PL, name, path),
        **texts,
    )
    try:
        letters = LetterSetup.from_json(data)
    except DefinitionError as exc:
        newer = isinstance(exc, UnknownKind)
        what = "was saved by a newer version of usosmail-gui" if newer else "is damaged"
        todo = "Update usosmail-gui to open it." if newer else "Correct the file, or write it again."
        raise TemplateFileError(
            f"{name} {what}: {exc}. {todo}",
            path=path,
            reason="newer" if newer else "bad_value",
        ) from None
    return TemplateFile(template, letters)


def _choice(
    data: dict[str, Any], key: str, kind: type[Any], default: Any, name: str, path: Path | None
) -> Any:
    value = data.get(key)
    if value is None or value == "":
        return default
    if isinstance(value, str):
        try:
            return kind(value.strip().lower())
        except ValueError:
            pass
    allowed = " or ".join(f"“{member.value}”" for member in kind)
    raise _bad_value(name, path, key, allowed)


def _bad_value(name: str, path: Path | None, key: str, expected: str) -> TemplateFileError:
    return TemplateFileError(
        f"{name} is damaged: “{key}” should be {expected}. Correct the file, or write the template again.",
        path=path,
        reason="bad_value",
    )


def load_template(path: str | os.PathLike[str]) -> MessageTemplate:
    """Read a ``.usosmail`` file (any extension is accepted): its message."""
    return load_template_file(path).template


def load_template_file(path: str | os.PathLike[str]) -> TemplateFile:
    """Read a ``.usosmail`` file: its message and its letter definitions."""
    file = Path(path)
    name = f"“{file.name}”"
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TemplateFileError(
                f"{name} is {size:,} bytes, far too big for a template. Choose the template file "
                f"({EXTENSION}) itself.",
                path=file,
                reason="too_big",
            )
        raw = file.read_bytes()
    except FileNotFoundError:
        raise TemplateFileError(
            f"{name} does not exist (any more). Check the folder, or choose another file.",
            path=file,
            reason="missing",
        ) from None
    except IsADirectoryError:
        raise TemplateFileError(
            f"{name} is a folder. Choose a template file ({EXTENSION}).", path=file, reason="unreadable"
        ) from None
    except OSError as exc:
        raise TemplateFileError(
            f"{name} cannot be read ({exc.strerror or exc}). Check that you may open it.",
            path=file,
            reason="unreadable",
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateFileError(
            f"{name} is not a template file (it is not text). Choose a file saved by usosmail-gui "
            f"({EXTENSION}).",
            path=file,
            reason="not_text",
        ) from None
    return loads_template_file(text, path=file)


def save_template(
    path: str | os.PathLike[str], template: MessageTemplate, letters: LetterSetup | None = None
) -> Path:
    """Write ``template`` (and ``letters``) to ``path`` atomically (a crash leaves the old
    file or the new one, never half of one); returns the path written.

    ``letters`` None keeps the derived columns the file already has (a caller that knows
    nothing of them, such as today's composer, must not erase them); ``LetterSetup()``
    saves none."""
    file = Path(path)
    if letters is None:
        try:
            letters = load_template_file(file).letters
        except TemplateFileError:  # no file yet, or not one to keep anything of
            letters = None
    text = dumps_template(template, letters)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with replacing(file) as temporary:
            temporary.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise TemplateFileError(
            f"The template could not be saved as “{file.name}” ({exc.strerror or exc}). Choose another "
            "folder or name.",
            path=file,
            reason="unwritable",
        ) from None
    return file


def bundled_templates() -> list[Path]:
    """The sample templates shipped with the app (resources/templates), sorted by name."""
    return _samples("resources/templates")


def letter_templates() -> list[Path]:
    """The sample letters that use derived columns (resources/templates/letters): kept
    apart from ``bundled_templates`` until the GUI can define derived columns."""
    return _samples("resources/templates/letters")


def _samples(where: str) -> list[Path]:
    folder = resources.files("usosmail_gui").joinpath(where)
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(EXTENSION))
