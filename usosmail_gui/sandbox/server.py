"""HTTP/1.1 on loopback: sockets in, ``HttpRequest`` to the API, JSON (or a drop) out.

Keep-alive works (every answer has a Content-Length), request lines are logged at debug
level only, and the server remembers its open connections so ``stop`` can close idle
keep-alive sockets instead of leaving their threads serving after shutdown.
"""

from __future__ import annotations

import logging
import socket
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import urlsplit

from usosmail_gui.core.usos import wire

from .api import HttpRequest, HttpResponse, MailingApi
from .errors import plain

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024 * 1024  # far above any sane batch; refuses runaway uploads
IDLE_TIMEOUT = 120.0  # seconds a keep-alive connection may sit idle


class SandboxHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its API and its open connections."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], api: MailingApi, family: socket.AddressFamily) -> None:
        self.address_family = family
        self.api = api
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, SandboxRequestHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind asks DNS for the host's full name; loopback needs none.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up mid-answer is normal here (drops, timeouts): no traceback.
        log.debug("Error while serving %s", client_address, exc_info=True)

    def track(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.add(connection)

    def untrack(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(connection)

    def close_connections(self) -> None:
        """Shut every open connection, so idle keep-alive threads end now."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class SandboxRequestHandler(BaseHTTPRequestHandler):
    """Reads one request, asks the API, writes its JSON answer or drops the connection."""

    protocol_version = "HTTP/1.1"
    server_version = "USOS-API-Sandbox/1.0"
    # Headers and body go out in two writes; with Nagle on, the body waits for the
    # client's delayed ACK (~40 ms per request on keep-alive connections).
    disable_nagle_algorithm = True
    timeout = IDLE_TIMEOUT

    @property
    def _server(self) -> SandboxHTTPServer:
        return cast(SandboxHTTPServer, self.server)

    def setup(self) -> None:
        super().setup()
        self._server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self._server.untrack(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    do_PUT = do_DELETE = do_PATCH = do_POST

    def _serve(self) -> None:
        try:
            body = self._read_body()
            if body is None:
                return
            response = self._server.api.handle(self._request(body))
        except Exception:
            log.exception("Sandbox failed on %s %s", self.command, self.path)
            response = HttpResponse(500, plain(500, "The sandbox failed (see its log).").body())
        if response.drop:
            self._drop()
        else:
            self._write(response)

    def _request(self, body: bytes) -> HttpRequest:
        target = self.path
        if "://" in target.split("?", 1)[0]:  # absolute-form target: keep path and query
            parts = urlsplit(target)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
        path, _, query = target.partition("?")
        host = self.headers.get("Host")
        if not host:
            name = self._server.server_name
            host = f"[{name}]" if ":" in name else name
            host = f"{host}:{self._server.server_port}"
        return HttpRequest(
            method=self.command,
            path=path,
            query=query,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            url=f"http://{host}{target}",
        )

    def _read_body(self) -> bytes | None:
        """The request body, or ``None`` after answering why it cannot be read."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._refuse(411, "Send the body with a Content-Length (chunked bodies are not supported).")
            return None
        raw = self.headers.get("Content-Length")
        if raw is None:
            return b""
        try:
            length = int(raw)
            if length < 0:
                raise ValueError(raw)
        except ValueError:
            self._refuse(400, "The Content-Length header is not a number.")
            return None
        if length > MAX_BODY_BYTES:
            self._refuse(413, f"The request body is larger than {MAX_BODY_BYTES} bytes.")
            return None
        return self.rfile.read(length)

    def _refuse(self, status: int, message: str) -> None:
        self.close_connection = True
        self._write(HttpResponse(status, plain(status, message).body()))

    def _write(self, response: HttpResponse) -> None:
        data = wire.json_dumps(response.body).encode("utf-8")
        self.send_response(response.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in response.headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def _drop(self) -> None:
        """Close without a byte of answer: the client sees a dropped connection."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
