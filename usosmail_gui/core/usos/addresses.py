"""Which base URLs the app may talk to: https everywhere, plain http only to this computer.

No network library here, so the sandbox and the start-up path can ask without importing
requests.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from . import wire
from .errors import InsecureUrl


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url_security(base_url: str) -> str:
    """The normalised base URL, or ``InsecureUrl`` if it is not https (nor loopback)."""
    url = wire.normalize_base_url(base_url)
    parts = urlsplit(url)
    if not parts.hostname:
        raise InsecureUrl(f"'{base_url}' is not a web address. Use the installation's https:// address.")
    if parts.scheme == "https":
        return url
    if parts.scheme == "http" and is_loopback_host(parts.hostname):
        return url
    if parts.scheme == "http":
        raise InsecureUrl(
            f"{url} uses plain http, which would send your messages unencrypted. "
            "Use the https:// address of the installation (plain http is allowed only "
            "for a test server on this computer)."
        )
    raise InsecureUrl(f"'{base_url}' is not an http(s) address. Use the installation's https:// address.")
