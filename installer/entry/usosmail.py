"""The frozen ``usosmail`` command (PyInstaller runs this file as ``__main__``).

It also runs the app's child processes (``usosmail -m MODULE …``): the reader of a big or
odd sheet (core/recipients/isolated.py) and the first names' dictionary
(core/letters/lexicon_process.py). A bundle has no Python interpreter to run ``-m`` with.
"""

import sys

if sys.argv[1:3] == ["-m", "usosmail_gui.core.recipients.isolated"]:
    from usosmail_gui.core.recipients.isolated import child_main

    sys.exit(child_main(sys.argv[3:]))
if sys.argv[1:3] == ["-m", "usosmail_gui.core.letters.lexicon_process"]:
    from usosmail_gui.core.letters.lexicon_process import child_main as lexicon_main

    sys.exit(lexicon_main(sys.argv[3:]))

from usosmail_gui.cli import main

sys.exit(main())
