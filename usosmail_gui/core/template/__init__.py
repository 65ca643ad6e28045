"""Templates: subject and content as Python format strings, exactly as USOS renders them.

USOS applies ``str.format`` to the subject and content of every message, so the app
reads templates with str.format's own grammar and renders them with str.format itself:
the preview is byte for byte what a recipient gets. Everything str.format would reject,
and everything it would accept but should not be sent (``{Imię.upper}``, CSS braces, a
line break in the subject, a message over the limits), is a ``Problem`` with a code, a
position and plain words, found before anything leaves the machine.

Modules, one concept each: ``syntax`` (the grammar with offsets), ``specs`` (format specs
on text), ``braces`` (braces meant as text; the escape fix), ``messages`` (problem codes
and wording), ``model`` (what the user composes), ``compiler`` (template-level checks and
the per-row plan), ``render`` (one recipient), ``validate`` (every recipient, cancellable),
``fixes`` (quick fixes), ``files`` (the .usosmail file format).
"""

from .braces import code_regions, escape_braces, offending_braces
from .compiler import (
    ColumnNames,
    CompiledPart,
    CompiledTemplate,
    FieldGroup,
    Placeholder,
    compile_template,
    split_field_name,
)
from .files import (
    EXTENSION,
    FORMAT_VERSION,
    TemplateFile,
    TemplateFileError,
    bundled_templates,
    dumps_template,
    letter_templates,
    load_template,
    load_template_file,
    loads_template,
    loads_template_file,
    save_template,
)
from .fixes import quick_fix, quick_fix_template
from .messages import Code
from .model import ContentFormat, Lang, MessageTemplate, Part
from .render import (
    Piece,
    PieceKind,
    RenderedMessage,
    RenderError,
    RenderJson,
    render,
    render_part,
    render_pieces,
)
from .syntax import Field, Issue, IssueKind, Literal, ParsedText, from_utf16_offset, parse, utf16_offset
from .validate import CheckCancelled, CheckJson, CheckProgress, CheckResult, check_all, check_row, check_steps

__all__ = [
    "EXTENSION",
    "FORMAT_VERSION",
    "CheckCancelled",
    "CheckJson",
    "CheckProgress",
    "CheckResult",
    "Code",
    "ColumnNames",
    "CompiledPart",
    "CompiledTemplate",
    "ContentFormat",
    "Field",
    "FieldGroup",
    "Issue",
    "IssueKind",
    "Lang",
    "Literal",
    "MessageTemplate",
    "ParsedText",
    "Part",
    "Piece",
    "PieceKind",
    "Placeholder",
    "RenderError",
    "RenderJson",
    "RenderedMessage",
    "TemplateFile",
    "TemplateFileError",
    "bundled_templates",
    "check_all",
    "check_row",
    "check_steps",
    "code_regions",
    "compile_template",
    "dumps_template",
    "escape_braces",
    "from_utf16_offset",
    "letter_templates",
    "load_template",
    "load_template_file",
    "loads_template",
    "loads_template_file",
    "offending_braces",
    "parse",
    "quick_fix",
    "quick_fix_template",
    "render",
    "render_part",
    "render_pieces",
    "save_template",
    "split_field_name",
    "utf16_offset",
]
