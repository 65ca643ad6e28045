"""The frozen ``usosmail`` command (PyInstaller runs this file as ``__main__``)."""

import sys

from usosmail_gui.cli import main

sys.exit(main())
