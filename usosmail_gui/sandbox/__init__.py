"""A local USOS API mailing server for trying the app and for tests.

Real HTTP on loopback, real OAuth 1.0a verification, a queue that "delivers" into a
Maildir after a delay, and switchable faults (latency, 500s, dropped connections).
Implements sections A and B of the API reference; no Qt anywhere in it.

    with Sandbox(SandboxConfig(delay=0.5)) as sb:
        client = MailingClient(sb.url, sb.admin_key, sb.admin_secret)
"""

from .config import Faults, SandboxConfig
from .sandbox import Sandbox

__all__ = ["Faults", "Sandbox", "SandboxConfig"]
