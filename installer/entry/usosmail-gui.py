"""The frozen ``usosmail-gui`` command (PyInstaller runs this file as ``__main__``)."""

import sys

from usosmail_gui.app import main

sys.exit(main())
