"""The USOS API client: signing, the six mailing methods, wire parsing, typed errors.

Only ``wire.py`` knows JSON key names. ``client`` (and with it requests-oauthlib) is
imported lazily by callers that need the network, so app start-up stays light.
"""

from .errors import (
    BadParameter,
    CredentialsRejected,
    InsecureUrl,
    NotAdministrative,
    NotFound,
    OutcomeUncertain,
    ProtocolError,
    ServerError,
    Unreachable,
    UsosError,
)
from .models import (
    ContentFormat,
    DeliveryStatus,
    Enqueued,
    EnqueuedBatch,
    Installation,
    Lang,
    MessageStatus,
    RecipientStatus,
    Sender,
    SimpleMessage,
    SystemStatus,
    TemplateMessage,
    TemplateRecipient,
)

__all__ = [
    "BadParameter",
    "ContentFormat",
    "CredentialsRejected",
    "DeliveryStatus",
    "Enqueued",
    "EnqueuedBatch",
    "InsecureUrl",
    "Installation",
    "Lang",
    "MessageStatus",
    "NotAdministrative",
    "NotFound",
    "OutcomeUncertain",
    "ProtocolError",
    "RecipientStatus",
    "Sender",
    "ServerError",
    "SimpleMessage",
    "SystemStatus",
    "TemplateMessage",
    "TemplateRecipient",
    "Unreachable",
    "UsosError",
]
