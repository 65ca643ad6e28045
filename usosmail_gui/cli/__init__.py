"""``usosmail``: the headless command line (contract: docs/cli.md).

It calls the same core functions as the GUI. Errors are printed as plain words on stderr
with the documented exit codes, never as a traceback; the consumer secret is read from
the keyring or the environment only, and never printed. One module per group of
commands, each with a ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from usosmail_gui import __version__
from usosmail_gui.core.credentials import ENV_KEY, ENV_SECRET
from usosmail_gui.core.journal import JournalError

from . import (
    campaign_control,
    campaigns,
    compose,
    connection,
    privacy,
    received,
    recipients,
    sending,
    statuses,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="usosmail",
        description=(
            "Send personalised e-mail to students through the USOS API mailing module, "
            "without the GUI. Consumer key and secret come from the keyring entry saved by "
            f"usosmail-gui, else from {ENV_KEY} / {ENV_SECRET}."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is done (never secrets)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    connection.register(sub)
    recipients.register(sub)
    compose.register(sub)
    sending.register(sub)
    campaigns.register(sub)
    campaign_control.register(sub)
    statuses.register(sub)
    privacy.register(sub)
    received.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        print("usosmail: interrupted.", file=sys.stderr)
        return 130
    except JournalError as exc:  # e.g. the journal's disk filled up, or a page is damaged
        print(f"usosmail: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: plain words, the traceback only with -v
        logging.getLogger("usosmail").debug("unexpected error", exc_info=True)
        print(
            f"usosmail: unexpected error ({type(exc).__name__}: {exc}). Nothing more was done; what "
            "was sent is recorded in the journal. Run again with -v for details, and report it.",
            file=sys.stderr,
        )
        return 1


__all__ = ["build_parser", "main"]
