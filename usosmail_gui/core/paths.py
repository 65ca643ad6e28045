"""Where the app keeps its journal and files: the user data dir, or ``USOSMAIL_DATA_DIR``."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "usosmail-gui"
DATA_DIR_ENV = "USOSMAIL_DATA_DIR"


def data_dir(create: bool = True) -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
