"""``python -m usosmail_gui``: the same as the ``usosmail-gui`` command."""

import sys

from .app import main

sys.exit(main())
