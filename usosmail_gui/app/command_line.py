"""The command line of ``usosmail-gui``: its options and their checks, with no
QApplication needed (``--help`` answers at once).

Its texts go through ``translate`` too, so lupdate collects them; they are shown
translated once a translator is installed before parsing.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from usosmail_gui import __version__
from usosmail_gui.ui.i18n import LANGUAGES

# the names of ``screenshot.VIEWS`` (that module is imported only with --screenshot)
SCREENSHOT_VIEWS = ("main", "send", "statuses", "campaigns", "mailbox")

__all__ = ["build_parser", "parse_args"]

translate = QCoreApplication.translate


def build_parser() -> argparse.ArgumentParser:
    """The command line; kept apart so ``--help`` needs no QApplication."""
    parser = argparse.ArgumentParser(
        prog="usosmail-gui",
        description=translate(
            "usosmail-gui",
            "Send personalised e-mail to students through your university's USOS API "
            "(services/mailing) and follow every message until it is sent.",
        ),
        epilog=translate(
            "usosmail-gui",
            "Examples:\n"
            "  usosmail-gui                       open the app; the first time, a welcome page offers\n"
            "                                     to connect to your university or to try the sandbox\n"
            "  usosmail-gui --sandbox             try everything against a local test server;\n"
            "                                     nothing is sent to anyone\n"
            "  usosmail-gui --sandbox --demo      the same, with a demo list of students loaded\n"
            "  usosmail-gui --installation https://usosapps.example.edu.pl/\n"
            "                                     start connected, with the key saved earlier\n"
            "  usosmail-gui --sandbox --demo --language en --screenshot window.png\n"
            "                                     save a picture of the window (for documentation)\n\n"
            "The consumer secret is never accepted on the command line (it would stay in the\n"
            "shell history); it is kept in the system keyring. For scripts, see `usosmail`.",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--sandbox",
        action="store_true",
        help=translate(
            "usosmail-gui",
            "start a local USOS API test server inside the app and connect to it with its "
            "administrative key; messages are 'delivered' into a temporary folder, never sent",
        ),
    )
    where.add_argument(
        "--installation",
        metavar="URL",
        help=translate(
            "usosmail-gui",
            "connect at start to this USOS API installation (its https:// base URL), using "
            "the key and secret saved for it",
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=translate(
            "usosmail-gui",
            "load the bundled demo list of students (fictitious people and addresses) and a "
            "sample template in the window's language at start",
        ),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help=translate(
            "usosmail-gui",
            "the language of the window for this run; by default the system's, or the one "
            "chosen in View > Language",
        ),
    )
    parser.add_argument(
        "--no-connect-dialog",
        action="store_true",
        help=translate(
            "usosmail-gui",
            "on a first run, do not show the welcome page that offers to connect or to try the "
            "sandbox",
        ),
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        help=translate(
            "usosmail-gui",
            "with --sandbox (implies --demo): once the demo is loaded and a student is "
            "previewed, save a PNG picture of the window (1366x768, fresh settings) to FILE "
            "and quit; exit code 1 if it cannot",
        ),
    )
    parser.add_argument(
        "--screenshot-view",
        metavar="VIEW",
        default="main",
        choices=SCREENSHOT_VIEWS,
        help=translate(
            "usosmail-gui",
            "with --screenshot: what to picture: main (the window with the demo list), send "
            "(Send…'s confirmation of the demo list), statuses (the demo list sent to the "
            "sandbox, with its statuses), campaigns (the Campaigns window after it was sent) "
            "or mailbox (the Sandbox mailbox with a delivered message opened)",
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help=translate(
            "usosmail-gui",
            "a recipient list (.xlsx, .ods, .csv…) or a template (.usosmail) to open at start, "
            "as when it is double-clicked",
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = build_parser()
    options = parser.parse_args(None if argv is None else list(argv))
    if options.screenshot is not None:
        if not options.sandbox:
            parser.error(
                translate(
                    "usosmail-gui",
                    "--screenshot works only with --sandbox: it pictures the demo on the local "
                    "test server, for documentation and tests",
                )
            )
        options.demo = True
    return options
