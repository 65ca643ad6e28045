"""The frozen ``usosmail`` command (PyInstaller runs this file as ``__main__``).

It also runs the child that reads a big or odd sheet apart from the app
(``usosmail -m usosmail_gui.core.recipients.isolated …``, see that module): a bundle has
no Python interpreter to run ``-m`` with.
"""

import sys

if sys.argv[1:3] == ["-m", "usosmail_gui.core.recipients.isolated"]:
    from usosmail_gui.core.recipients.isolated import child_main

    sys.exit(child_main(sys.argv[3:]))

from usosmail_gui.cli import main

sys.exit(main())
