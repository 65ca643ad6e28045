"""Which base URLs the app may talk to: https everywhere, plain http only to this computer.

The rule is judged on the host the request will really contact. An address that two URL
parsers could read differently (``http://usos.example.edu.pl\\@127.0.0.1/`` is loopback
to ``urllib.parse`` but usos.example.edu.pl to urllib3, which requests connects with) is
refused outright: no user info, no backslash, no whitespace or control character. What
is left is read by urllib3's parser, the one the connection uses, and the client checks
the prepared request's URL again before anything is sent.

No network library is imported at module level, so the sandbox and the start-up path can
ask without importing requests (urllib3 is imported when an address is checked).
"""

from __future__ import annotations

import ipaddress
import re

from .errors import InsecureUrl

# anything that could make two parsers disagree about where a request goes
_AMBIGUOUS = re.compile(r"[\s\\\x00-\x1f\x7f]")


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalize_base_url(url: str) -> str:
    """``https://host/`` form: scheme and host lower-case, exactly one trailing slash."""
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    scheme, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    path = path.strip("/")
    return f"{scheme.lower()}://{host.lower()}/" + (path + "/" if path else "")


def as_https(url: str) -> str:
    """D3: the mother server lists ``http://`` base URLs "but https:// should be used":
    every non-loopback ``http://`` becomes ``https://`` (a local test server keeps http)."""
    normal = normalize_base_url(url)
    if normal.startswith("http://"):
        rest = normal[len("http://") :]
        try:
            host = host_of(normal)
        except InsecureUrl:
            return normal  # refused later, with the reason, by check_url_security
        if not is_loopback_host(host):
            return "https://" + rest
    return normal


def host_of(url: str) -> str:
    """The host a connection to ``url`` goes to, as urllib3 (and so requests) reads it."""
    from urllib3.exceptions import LocationParseError
    from urllib3.util import parse_url

    try:
        parsed = parse_url(url)
    except LocationParseError:
        raise InsecureUrl(f"'{url}' is not a valid web address.") from None
    if parsed.auth is not None:
        raise InsecureUrl(_with_user_info(url))
    return (parsed.host or "").strip("[]").lower()


def _with_user_info(url: str) -> str:
    return (
        f"'{url}' has a user name or '@' before the server name. An installation's address "
        "never has one: use the plain https:// address of the installation."
    )


def check_url_security(base_url: str) -> str:
    """The normalised base URL, or ``InsecureUrl`` if it is not https (nor loopback), or
    could be read as pointing elsewhere than it seems."""
    raw = base_url.strip()
    if _AMBIGUOUS.search(raw):
        raise InsecureUrl(
            f"{raw!r} contains a space, a backslash or a control character, which a web "
            "address never has. Type the installation's https:// address again."
        )
    url = normalize_base_url(raw)
    scheme, _, rest = url.partition("://")
    authority = rest.split("/", 1)[0]
    if "@" in authority:
        raise InsecureUrl(_with_user_info(raw))
    if scheme not in ("http", "https"):
        raise InsecureUrl(f"'{raw}' is not an http(s) address. Use the installation's https:// address.")
    host = host_of(url)
    if not host:
        raise InsecureUrl(f"'{raw}' is not a web address. Use the installation's https:// address.")
    if scheme == "https" or is_loopback_host(host):
        return url
    raise InsecureUrl(
        f"{url} uses plain http, which would send your messages unencrypted. "
        "Use the https:// address of the installation (plain http is allowed only "
        "for a test server on this computer)."
    )
