"""content.xml indexed once: where its tags and attribute values are (``OdsIndex``, numpy).

The extent check before calamine reads the file (``ods_extent``) and every sheet's facts
after (``ods``) are read from this one index, without another pass over the bytes; each
cell's row and column come from the offsets of the row and cell tags, its style from the
attributes it owns (``owning_tags``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["OdsIndex", "owning_tags"]


class OdsIndex:
    """Where content.xml's tags and attribute values are, found once with numpy for the
    whole part: the offsets of every "<", of every ">" and of every opening quote of an
    attribute value (a quote right after "="). The extent check before calamine reads the
    file and every sheet's facts after are read from it, without another pass over the
    bytes (a 50,000-row sheet is 60 MB of XML: each pass costs tens of milliseconds).

    A tag or attribute name is matched by comparing the bytes at the candidates' offsets,
    eight at a time (``word``); bytes at or past a sheet's end read as zeros there. Offsets
    are always given in increasing order (every array here is sorted): the first and the
    last say whether all are well inside.
    """

    def __init__(self, content: bytes) -> None:
        import numpy as np

        self.content = content
        self.size = len(content)
        array = np.frombuffer(content, dtype=np.uint8)
        self.array = array
        found = np.empty(len(array), dtype=bool)  # one buffer for the passes
        self.opens = np.flatnonzero(np.equal(array, 60, out=found))
        quotes = np.flatnonzero(np.equal(array, 34, out=found))
        del found
        if len(quotes) and quotes[0] <= 1:
            quotes = quotes[quotes > 1]
        self.quotes = quotes[array[quotes - 1] == 61]  # the opening quotes of attribute values
        padded = content if len(content) >= 8 else content.ljust(8, b"\0")
        self._words = np.ndarray(shape=(len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))
        words4 = np.ndarray(shape=(len(padded) - 3,), dtype="<u4", buffer=padded, strides=(1,))
        # the last three letters of each attribute's name and its "=" as one number (`ype=`),
        # and each tag's 14th byte ("<table:table-c…", "<table:table-r…"): the first sieves
        ahead = self.quotes - 4
        self.before = words4[ahead if not len(ahead) or ahead[0] >= 0 else np.maximum(ahead, 0)]
        self.open13 = self.byte(self.opens + 13, self.size)
        # what only the facts need is found when they ask (after calamine started reading)
        self._closes: Any = None
        self._value1: Any = None
        self._tables: Any = None

    @property
    def closes(self) -> Any:
        """The offsets of every ">"."""
        import numpy as np

        if self._closes is None:
            self._closes = np.flatnonzero(self.array == 62)
        return self._closes

    @property
    def value1(self) -> Any:
        """Each attribute value's first byte."""
        if self._value1 is None:
            self._value1 = self.byte(self.quotes + 1, self.size)
        return self._value1

    def word(self, offsets: Any, limit: int) -> Any:
        """The eight bytes from each offset as a little-endian number; bytes at or past
        ``limit`` (and past the part) read as zeros."""
        import numpy as np

        if not len(offsets) or (int(offsets[0]) >= 0 and int(offsets[-1]) + 8 <= min(limit, self.size)):
            return self._words[offsets]  # the usual case: every offset well inside the sheet
        out = self._words[np.clip(offsets, 0, len(self._words) - 1)]
        near = offsets + 8 > limit
        if near.any():
            out = out.copy()
            for i in np.flatnonzero(near).tolist():
                at = int(offsets[i])
                out[i] = int.from_bytes(self.content[at : max(at, limit)].ljust(8, b"\0")[:8], "little")
        return out

    def byte(self, offsets: Any, limit: int) -> Any:
        """The byte at each offset; 0 at or past ``limit``."""
        import numpy as np

        end = min(limit, self.size)
        if not len(offsets) or (int(offsets[0]) >= 0 and int(offsets[-1]) < end):
            return self.array[offsets]
        inside = offsets < end
        if not self.size:
            return np.zeros(len(offsets), dtype=np.uint8)
        return np.where(inside, self.array[np.clip(offsets, 0, self.size - 1)], 0).astype(np.uint8)

    def match(self, found: Any, text: bytes, limit: int) -> Any:
        """The offsets among ``found`` where ``text`` starts (8 bytes compared at a time)."""
        for i in range(0, len(text), 8):
            part = text[i : i + 8]
            if len(part) == 8:
                found = found[self.word(found + i, limit) == int.from_bytes(part, "little")]
            else:
                for k, byte in enumerate(part, i):
                    found = found[self.byte(found + k, limit) == byte]
        return found

    def tags(self, opens: Any, open13: Any, tag: bytes, limit: int) -> Any:
        """Offsets among ``opens`` of ``tag`` (followed by a space, ">" or "/"); ``open13``:
        the 14th byte of each."""
        if len(tag) <= 13:
            found = opens
        elif not len(opens) or int(opens[-1]) + 13 < limit:
            found = opens[open13 == tag[13]]
        else:
            found = opens[(open13 == tag[13]) & (opens + 13 < limit)]
        found = self.match(found, tag, limit)
        after = self.byte(found + len(tag), limit)
        return found[(after == 32) | (after == 62) | (after == 47)]

    def attributes(self, quotes: Any, before: Any, needle: bytes, start: int, limit: int) -> Any:
        """Offsets of a ``name="`` attribute among these quotes (``before``: the four bytes
        before each), from ``start`` on."""
        found = quotes[before == int.from_bytes(needle[-5:-1], "little")] - (len(needle) - 1)
        return self.match(found[found >= start], needle[:-2], limit)

    def valued(self, quotes: Any, value1: Any, needle: bytes, start: int, limit: int) -> list[int]:
        """Offsets of every occurrence of ``needle`` (``name="value…``): found among the few
        quotes whose value starts as the needle's does (``value1``: each quote's next byte)."""
        quote = needle.index(b'="') + 1
        found = quotes[value1 == needle[quote + 1]] - quote
        found = found[found >= start]
        content = self.content
        return [at for at in found.tolist() if content.startswith(needle, at) and at + len(needle) <= limit]

    def table_starts(self) -> Any:
        """Offsets of every ``<table:table `` tag (the sheets and nothing else)."""
        if self._tables is None:
            opens = self.opens[self.byte(self.opens + 12, self.size) == 32]
            self._tables = self.match(opens, b"<table:table", self.size)
        return self._tables

    def region(self, sorted_offsets: Any, start: int, end: int) -> slice:
        """The slice of these (sorted) offsets that lie in [start, end)."""
        import numpy as np

        low, high = np.searchsorted(sorted_offsets, [start, end])
        return slice(int(low), int(high))


def owning_tags(starts: Any, ends: Any, offsets: Sequence[int]) -> Any:
    """The index of the tag each offset lies in (-1 when in none)."""
    import numpy as np

    at = np.asarray(offsets, dtype=np.int64)
    index = np.searchsorted(starts, at, side="right") - 1
    inside = (index >= 0) & (at < ends[np.clip(index, 0, None)])
    return np.where(inside, index, -1)
