"""Stand-in servers on 127.0.0.1 for what the sandbox must never do itself: answer in a way
USOS would not (an answer the app cannot interpret), or accept a connection and never
answer. Real HTTP over real sockets; each records the paths it was asked for."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

Answer = tuple[int, object]  # HTTP status, JSON body (bytes: the body as it is)
Route = Callable[[str, dict[str, str]], Answer | None]  # (path, form params) -> answer (None: 404)


@contextmanager
def answering(routes: dict[str, Answer] | Route) -> Iterator[tuple[str, list[str]]]:
    """A server answering each path with a fixed JSON or bytes (or through a function);
    yields ``(base_url, paths_asked)``."""
    asked: list[str] = []

    def route(path: str, params: dict[str, str]) -> Answer | None:
        return routes(path, params) if callable(routes) else routes.get(path)

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            path, _, query = self.path.partition("?")
            path = path.lstrip("/")
            params = {k: v[-1] for k, v in parse_qs(query + "&" + body, keep_blank_values=True).items()}
            asked.append(path)
            answer = route(path, params) or (404, {"message": f"no method {path}"})
            raw = isinstance(answer[1], bytes)  # bytes: sent as they are (an answer that is not JSON)
            data = answer[1] if isinstance(answer[1], bytes) else json.dumps(answer[1]).encode()
            self.send_response(answer[0])
            self.send_header("Content-Type", "text/html" if raw else "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _serve

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", asked
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent() -> Iterator[tuple[str, list[socket.socket]]]:
    """A server that accepts every connection and never sends a byte back."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            accepted.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/", accepted
    finally:
        stop.set()
        thread.join(5)
        for connection in accepted:
            connection.close()
        listener.close()
