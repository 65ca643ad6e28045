"""The pure core: everything that can be wrong about a mail merge, with no Qt in sight.

Nothing below this package may import Qt or ``usosmail_gui.ui`` (an import-linter
contract and tests/unit/core/test_no_qt.py enforce it).
"""
