"""The USOS API client: signing, the six mailing methods, wire parsing, typed errors.

Only ``wire.py`` knows JSON key names. ``client`` (and with it requests-oauthlib) is
imported lazily by callers that need the network, so app start-up stays light.
"""

from .errors import (
    BadParameter,
    CredentialsRejected,
    FieldProblem,
    InsecureUrl,
    NotAdministrative,
    NotFound,
    OutcomeUncertain,
    ProtocolError,
    ServerError,
    Unreachable,
    UnrecognisedError,
    UsosError,
)
from .models import (
    ContentFormat,
    DeliveryStatus,
    Enqueued,
    EnqueuedBatch,
    Installation,
    Lang,
    LangText,
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
    "FieldProblem",
    "InsecureUrl",
    "Installation",
    "Lang",
    "LangText",
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
    "UnrecognisedError",
    "UsosError",
]
