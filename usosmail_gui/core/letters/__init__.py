"""Letters a Polish dean's office would write: derived columns and one message per student.

USOS renders templates with ``str.format`` (no conditions, no loops), so what a letter
needs beyond the sheet's cells is computed here, per row, into columns of their own that
templates use like the sheet's: a salutation from a gender column or inferred from the
first name ("Szanowna Pani Anno", "Szanowny Panie Janie", "Szanowni Państwo"), a first
name in the vocative, a value or a fallback, a transformed value, and the list of a
student's rows when rows are grouped by address.

Modules, one concept each: ``definitions`` (what the user defines; saved in the
``.usosmail`` file, no dependency on the template package), ``gender`` (reading a gender
cell), ``names`` (first names through Morfeusz 2, loaded lazily, cached per name),
``messages`` (problem codes and wording), ``derive`` (``prepare_letters``: the table
templates see, with ``Overrides``), ``grouping`` (rows by address, the line template),
``check`` (the pre-flight check with the derived values' problems), ``campaign`` (the
campaign draft with every sheet row accounted for). Only ``definitions`` is imported
here: the rest is imported where used (the template file format reads definitions, and
the template package must not import itself through this one).
"""

from .definitions import (
    DEFAULT_FEMALE,
    DEFAULT_MALE,
    DEFAULT_UNKNOWN,
    NEUTRAL_UNKNOWN,
    DefinitionError,
    DerivedColumn,
    Fallback,
    Grouping,
    LetterSetup,
    Salutation,
    Transform,
    TransformKind,
    Vocative,
)

__all__ = [
    "DEFAULT_FEMALE",
    "DEFAULT_MALE",
    "DEFAULT_UNKNOWN",
    "NEUTRAL_UNKNOWN",
    "DefinitionError",
    "DerivedColumn",
    "Fallback",
    "Grouping",
    "LetterSetup",
    "Salutation",
    "Transform",
    "TransformKind",
    "Vocative",
]
