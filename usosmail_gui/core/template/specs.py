"""Format specs (the part after ``:``) applied to text, checked without surprises.

Every value from the spreadsheet is a ``str``, and whether ``str.__format__`` accepts a
spec does not depend on the text, only on the spec: so a spec is checked once, by
formatting an empty string with it (Python's own verdict, no second implementation).
One guard first: ``{x:>999999999}`` is a valid spec that would build a gigabyte string;
no message may be that long, so widths over ``MAX_WIDTH`` are refused without trying.
"""

from __future__ import annotations

import re

__all__ = ["MAX_WIDTH", "spec_error", "too_wide"]

# far above every USOS limit (content: 15,000), far below what hurts to allocate
MAX_WIDTH = 100_000

# [[fill]align][sign][z][#][0][width]: the width is the first run of digits after those
_WIDTH = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d+)", re.DOTALL)


def too_wide(spec: str) -> bool:
    """Whether the spec pads to more than ``MAX_WIDTH`` characters."""
    match = _WIDTH.match(spec)
    return match is not None and (len(match.group(1)) > 9 or int(match.group(1)) > MAX_WIDTH)


def spec_error(spec: str) -> str | None:
    """Python's complaint about formatting text with ``spec``, or None when it works."""
    if too_wide(spec):
        return "too wide"
    try:
        format("", spec)
    except (ValueError, TypeError) as exc:
        return str(exc)
    return None
