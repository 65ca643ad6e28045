"""``usosmail installations``, ``usosmail ping`` and ``usosmail diagnostics``: which USOS,
does the key work, and what a support person needs when it does not."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from usosmail_gui.core.credentials import ENV_KEY, ENV_SECRET, CredentialStore
from usosmail_gui.core.usos.connection import ConnectionReport, Verdict, check_connection
from usosmail_gui.core.usos.installations import (
    MOTHER_URL_ENV,
    bundled_contacts,
    known_installations,
    mother_url,
)

from .output import EXIT_OK, EXIT_PROBLEM, print_json, say_error


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
                {
                    "name": i.name(lang),
                    "name_pl": i.name_pl,
                    "name_en": i.name_en,
                    "base_url": i.base_url,
                    "contact_emails": list(i.contact_emails),
                }
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
    report = check_connection(
        args.installation,
        credentials.consumer_key,
        credentials.consumer_secret,
        contacts=bundled_contacts(args.installation),
    )
    if args.json:
        print_json(ping_json(report, args.lang))
    else:
        print_ping(report, args.lang)
    return report.exit_code


def ping_json(report: ConnectionReport, lang: str = "en") -> dict[str, object]:
    """docs/cli.md's ``ping`` shape (keys are only ever added)."""
    compatibility = (
        report.compatibility.as_json()
        if report.compatibility is not None
        else {"checked": False, "differences": [], "reason": "Not checked: the server was not reached."}
    )
    data: dict[str, object] = {
        "installation": report.base_url,
        "verdict": str(report.verdict),
        "ok": report.ok,
        "unsent_count": report.unsent_count,
        "queue": report.queue_json(),
        "warnings": report.warning_texts(),
        "compatibility": compatibility,
        "message": report.explanation(lang),
        "detail": report.detail,
    }
    if report.user_message:
        data["usos_message"] = report.user_text(lang)
    if report.answer:
        data["answer"] = report.answer
    if report.contacts:
        data["contact_emails"] = list(report.contacts)
    return data


def print_ping(report: ConnectionReport, lang: str = "en") -> None:
    stream = sys.stdout if report.ok else sys.stderr
    print(report.explanation(lang), file=stream)
    for warning in report.warning_texts():
        print(f"Warning: {warning}", file=stream)
    if report.detail and report.verdict is not Verdict.OK:
        print(f"Details: {report.detail}", file=stream)
    if report.answer:
        print(f"The answer was: {report.answer}", file=stream)
    compatibility = report.compatibility
    if compatibility is None:
        return
    if not compatibility.checked:
        print(f"Self-check not done: {compatibility.reason}", file=stream)
    elif compatibility.differences:
        print("The installation documents these differently from what the app expects:", file=stream)
        for difference in compatibility.differences:
            print(f"  {difference.method}: {difference.detail}", file=stream)
    else:
        print("Self-check: the installation documents the answers this app reads.", file=stream)


def cmd_diagnostics(args: argparse.Namespace) -> int:
    import json

    from usosmail_gui.core.diagnostics import AnswerLog, collect
    from usosmail_gui.core.usos import wire
    from usosmail_gui.core.usos.client import INTERACTIVE_TIMEOUTS, Deadline, MailingClient, RetryPolicy
    from usosmail_gui.core.usos.errors import UsosError
    from usosmail_gui.core.usos.selfcheck import compare, fetch_references

    try:
        client = MailingClient.unsigned(
            args.installation,
            timeouts=INTERACTIVE_TIMEOUTS,
            retry=RetryPolicy(attempts=1),
            deadline=Deadline(60.0),
        )
    except UsosError as exc:
        say_error(str(exc))
        return EXIT_PROBLEM
    url = client.base_url
    references: dict[str, object] | None = None
    problem: str | None = None
    system: object = None
    with client:
        try:
            references = fetch_references(client.method_reference)
        except UsosError as exc:
            problem = str(exc)
        try:
            system = client.public_answer(wire.SYSTEM_STATUS)
        except UsosError as exc:
            system = {"not read": str(exc)}
    differences = [d.as_json() for d in compare(references)] if references else []
    report = collect(
        url,
        references=references,
        reference_problem=problem,
        differences=differences,
        system_status=system,
        campaigns=_recent_campaigns(url),
        log_entries=AnswerLog().entries(url),
    )
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        output = Path(args.output)
        try:
            output.write_text(text, "utf-8")
        except OSError as exc:
            say_error(f"{output} could not be written: {exc.strerror or exc}.")
            return EXIT_PROBLEM
        print(f"Wrote the diagnostics of {url} to {output} (no key or secret is in it).")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _recent_campaigns(url: str, limit: int = 10) -> list[dict[str, object]]:
    """The installation's newest campaigns: IDs, dates, mode and counts (no personal data)."""
    from usosmail_gui.core.journal import Journal, JournalError

    try:
        with Journal.open() as journal:
            summaries = [s for s in journal.campaigns() if s.campaign.installation == url][:limit]
            return [
                {
                    "campaign": s.campaign.id,
                    "created_at": s.campaign.created_at,
                    "mode": str(s.campaign.mode),
                    "state": str(s.campaign.state),
                    "recipients": s.counts.total,
                    "enqueued": s.counts.enqueued,
                    "rejected": s.counts.rejected,
                    "uncertain": s.counts.uncertain,
                }
                for s in summaries
            ]
    except (JournalError, OSError) as exc:
        return [{"not read": str(exc)}]


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
            "Test the connection like the app's 'Test connection': system_status (the mail "
            "queue, and whether USOS's mail daemon runs), one signed administrative call, and "
            "a self-check of what the installation documents (services/apiref/method, cached "
            "for a day) against what the app reads. Gives up within 30 seconds. Exit codes: "
            "0 ok (warnings, such as a stopped mail daemon, are printed), 2 credentials "
            "rejected (or none found), 3 key not administrative, 4 unreachable / not HTTPS / "
            "address refused / server trouble, 5 answer not understood."
        ),
    )
    p.add_argument(
        "--installation", required=True, metavar="URL", help="base URL, e.g. https://usosapps.uw.edu.pl/"
    )
    p.add_argument("--json", action="store_true", help="print the verdict as JSON")
    p.add_argument(
        "--lang", choices=("pl", "en"), default="en",
        help="language of USOS's own messages for the user, when it sends any (default: en)",
    )
    p.set_defaults(func=cmd_ping)

    p = sub.add_parser(
        "diagnostics",
        help="what a support person needs about an installation (never a secret)",
        description=(
            "Writes, as JSON, what support needs when USOS answers something unexpected: the app "
            "version, the installation's method references (services/apiref/method) and the "
            "self-check's differences, an unsigned system_status, the recent campaigns' counts "
            "and their last raw status answers with e-mail addresses and message IDs masked. "
            "No key or secret is read or written. Exit code 0 (1 if FILE cannot be written)."
        ),
    )
    p.add_argument(
        "--installation", required=True, metavar="URL", help="base URL, e.g. https://usosapps.uw.edu.pl/"
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of the standard output")
    p.set_defaults(func=cmd_diagnostics)
