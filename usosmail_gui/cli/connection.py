"""``usosmail installations`` and ``usosmail ping``: which USOS, and does the key work."""

from __future__ import annotations

import argparse
import sys

from usosmail_gui.core.credentials import ENV_KEY, ENV_SECRET, CredentialStore
from usosmail_gui.core.usos.connection import Verdict, check_connection
from usosmail_gui.core.usos.installations import MOTHER_URL_ENV, known_installations, mother_url

from .output import EXIT_OK, print_json


def cmd_installations(args: argparse.Namespace) -> int:
    listing = known_installations(args.mother_url or mother_url(), live=not args.offline)
    if listing.problem:
        print(
            f"usosmail: the live list could not be fetched ({listing.problem}); "
            "showing the list bundled with the app.",
            file=sys.stderr,
        )
    lang = "pl" if args.lang == "pl" else "en"
    if args.json:
        print_json(
            [
                {"name": i.name(lang), "name_pl": i.name_pl, "name_en": i.name_en, "base_url": i.base_url}
                for i in listing.installations
            ]
        )
    else:
        width = max((len(i.name(lang)) for i in listing.installations), default=0)
        for inst in listing.installations:
            print(f"{inst.name(lang):<{width}}  {inst.base_url}")
    return EXIT_OK


def cmd_ping(args: argparse.Namespace) -> int:
    credentials = CredentialStore().for_cli(args.installation)
    if credentials is None:
        print(
            f"usosmail: no consumer key and secret for {args.installation}. Save them in "
            f"usosmail-gui (Connection…) or set {ENV_KEY} and {ENV_SECRET}.",
            file=sys.stderr,
        )
        return 2
    report = check_connection(args.installation, credentials.consumer_key, credentials.consumer_secret)
    if args.json:
        print_json(
            {
                "installation": report.base_url,
                "verdict": str(report.verdict),
                "ok": report.ok,
                "unsent_count": report.unsent_count,
                "message": report.explanation(),
                "detail": report.detail,
            }
        )
    else:
        stream = sys.stdout if report.ok else sys.stderr
        print(report.explanation(), file=stream)
        if report.detail and report.verdict is not Verdict.OK:
            print(f"Details: {report.detail}", file=stream)
    return report.exit_code


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "installations",
        help="list known USOS API installations",
        description=(
            "List known USOS API installations (name and base URL): the live list from the "
            "mother server when reachable, the list bundled with the app otherwise. The "
            f"mother server is {mother_url()} unless --mother-url or {MOTHER_URL_ENV} says otherwise."
        ),
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--mother-url", metavar="URL", help="ask this server instead of the USOS mother server")
    p.add_argument("--offline", action="store_true", help="do not ask any server: bundled list only")
    p.add_argument("--lang", choices=("pl", "en"), default="en", help="language of the names (default: en)")
    p.set_defaults(func=cmd_installations)

    p = sub.add_parser(
        "ping",
        help="test the connection and the consumer key",
        description=(
            "Test the connection like the app's 'Test connection': system_status, then one "
            "signed administrative call. Exit codes: 0 ok, 2 credentials rejected (or none "
            "found), 3 key not administrative, 4 unreachable / not HTTPS / server trouble."
        ),
    )
    p.add_argument(
        "--installation", required=True, metavar="URL", help="base URL, e.g. https://usosapps.uw.edu.pl/"
    )
    p.add_argument("--json", action="store_true", help="print the verdict as JSON")
    p.set_defaults(func=cmd_ping)
