"""``python -m usosmail_gui.sandbox``: run the sandbox until interrupted.

Prints one JSON line when ready (docs/cli.md, "The sandbox"), so a script or the app can
start it as a subprocess and read its address and keys from stdout.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from usosmail_gui.core.usos.addresses import is_loopback_host

from .config import (
    DEFAULT_FAIL_DOMAIN,
    FORBIDDEN_STATUSES,
    STATUS_DETAIL_FULL,
    STATUS_DETAILS,
    SandboxConfig,
    key_problem,
)
from .sandbox import TEMP_PREFIX, Sandbox

DESCRIPTION = """\
A local USOS API mailing server for trying usosmail-gui without a university.
It speaks the services/mailing methods over plain HTTP on this computer only,
verifies OAuth 1.0a signatures like a real installation, queues every message
and after --delay seconds "delivers" it into a Maildir folder (one file per
recipient) that any mail client or script can read."""

EPILOG = """\
When ready it prints one JSON line on stdout:
  {"url": ..., "admin_key": ..., "admin_secret": ..., "user_key": ...,
   "user_secret": ..., "maildir": ...}
The admin key is an Administrative Consumer Key; the user key is valid but not
administrative (mailing methods answer it method_forbidden, HTTP 403 unless
--forbidden-status says otherwise). Use the url as the installation address.
Stop with Ctrl+C (or SIGTERM).

What real installations do not document is imitated by a switch each:
--status-detail sparse (check_messages_status gives only "finished"),
--forbidden-status, --strict-ids (one unknown ID refuses the whole status
request) and --daemon-stopped (nothing leaves the queue).

example:
  python -m usosmail_gui.sandbox --port 8765 --delay 2 --error-rate 0.1"""


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _port(text: str) -> int:
    value = _non_negative_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (0-65535)")
    return value


def _host(text: str) -> str:
    if not is_loopback_host(text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not this computer. The sandbox listens only on loopback "
            "(127.0.0.1, ::1 or localhost) so nothing outside can reach it"
        )
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m usosmail_gui.sandbox",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--host", type=_host, default="127.0.0.1",
        help="loopback address to listen on (default: %(default)s; nothing else is allowed)",
    )
    parser.add_argument(
        "--port", type=_port, default=0,
        help="TCP port; 0 picks a free one and the ready line tells which (default: 0)",
    )
    parser.add_argument(
        "--maildir", type=Path, metavar="DIR",
        help="Maildir folder for delivered messages, created if missing (default: a new "
        "temporary folder, kept after exit so you can look at the mail)",
    )
    parser.add_argument(
        "--delay", type=_non_negative_float, default=0.0, metavar="S",
        help="seconds a queued message waits before it is delivered (default: 0); "
        "meanwhile its recipients are 'waiting'",
    )
    parser.add_argument(
        "--fail-domain", default=DEFAULT_FAIL_DOMAIN, metavar="DOMAIN",
        help="recipients in this domain are marked 'failed' instead of delivered "
        "(default: %(default)s; pass '' to fail nobody)",
    )
    parser.add_argument(
        "--error-rate", type=_rate, default=0.0, metavar="R",
        help="probability 0..1 that a mailing request is answered HTTP 500 without "
        "being processed (default: 0)",
    )
    parser.add_argument(
        "--drop-rate", type=_rate, default=0.0, metavar="R",
        help="probability 0..1 that a mailing request IS processed (messages queued) "
        "but the connection is then closed without an answer (default: 0)",
    )
    parser.add_argument(
        "--latency-ms", type=_non_negative_int, default=0, metavar="N",
        help="milliseconds to wait before handling each mailing request (default: 0)",
    )
    parser.add_argument(
        "--admin-key", metavar="K",
        help="use this Administrative Consumer Key instead of a generated one "
        "(1-100 letters, digits or - _ . ~; needs --admin-secret)",
    )
    parser.add_argument(
        "--admin-secret", metavar="S",
        help="the secret belonging to --admin-key",
    )
    parser.add_argument(
        "--seed", type=int, metavar="N",
        help="seed of the fault dice, for repeatable --error-rate/--drop-rate runs",
    )
    parser.add_argument(
        "--status-detail", choices=STATUS_DETAILS, default=STATUS_DETAIL_FULL,
        help="what check_messages_status says of each message: 'full' (finished and the "
        "per-recipient statuses) or 'sparse' (only finished; check_message_status still "
        "gives the detail) (default: %(default)s)",
    )
    parser.add_argument(
        "--forbidden-status", type=int, choices=FORBIDDEN_STATUSES, default=403,
        help="HTTP status of the method_forbidden error a non-administrative key gets "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--strict-ids", action="store_true",
        help="refuse a whole check_messages_status (object_not_found) when one of its IDs "
        "is unknown or expired, instead of answering null for it",
    )
    parser.add_argument(
        "--daemon-stopped", action="store_true",
        help="imitate a stopped USOS mail daemon: system_status says daemon_running false "
        "and queued messages are never delivered",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true",
        help="log every request and delivery on stderr",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if (args.admin_key is None) != (args.admin_secret is None):
        parser.error("--admin-key and --admin-secret must be given together")
    for value, what in ((args.admin_key, "--admin-key"), (args.admin_secret, "--admin-secret")):
        if value is not None and (problem := key_problem(value, what)):
            parser.error(problem)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s: %(message)s",
    )
    made_maildir = args.maildir is None
    maildir: Path = args.maildir or Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    try:
        config = SandboxConfig(
            host=args.host,
            port=args.port,
            maildir=maildir,
            delay=args.delay,
            fail_domain=args.fail_domain or None,
            error_rate=args.error_rate,
            drop_rate=args.drop_rate,
            latency_ms=args.latency_ms,
            admin_key=args.admin_key,
            admin_secret=args.admin_secret,
            seed=args.seed,
            status_detail=args.status_detail,
            forbidden_status=args.forbidden_status,
            strict_ids=args.strict_ids,
            daemon_stopped=args.daemon_stopped,
        )
    except ValueError as exc:
        parser.error(str(exc))

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    sandbox = Sandbox(config)
    try:
        sandbox.start()
    except OSError as exc:
        if made_maildir:
            shutil.rmtree(maildir, ignore_errors=True)
        print(f"The sandbox could not start on {args.host}:{args.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    try:
        print(json.dumps(sandbox.ready_info(), ensure_ascii=False), flush=True)
        print(
            f"USOS API sandbox at {sandbox.url} - mail goes to {sandbox.maildir}. "
            "Ctrl+C stops it.",
            file=sys.stderr, flush=True,
        )
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
