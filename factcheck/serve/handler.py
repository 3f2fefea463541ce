"""HTTP on 127.0.0.1: GET / is the review page, POST /api/decisions records a decision."""
from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import FactcheckError
from .guard import Refused, check_host, check_post

if TYPE_CHECKING:
    from . import ReviewServer

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class ReviewHandler(BaseHTTPRequestHandler):
    server: ReviewServer  # the server that created this handler
    server_version = "factcheck-review"
    sys_version = ""

    @property
    def app(self):
        return self.server.app

    def do_GET(self) -> None:
        try:
            check_host(self.headers.get("Host"), self.server.server_port)
            if urlsplit(self.path).path != "/":
                raise Refused(404, "not found")
            html, csp = self.app.page()
        except Refused as refused:
            self._send_json(refused.status, {"error": refused.message})
            return
        except FactcheckError as error:  # e.g. a rule file broken while serving
            self._send_json(500, {"error": str(error)})
            return
        self._send(200, html.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": csp})

    def do_POST(self) -> None:
        try:
            length = check_post(self.headers, self.server.server_port, self.app.token)
            if urlsplit(self.path).path != "/api/decisions":
                raise Refused(404, "not found")
            try:
                payload = json.loads(self.rfile.read(length).decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise Refused(400, "the body is not JSON") from None
            self._send_json(200, self.app.decide(payload))
        except FactcheckError as error:
            self._send_json(500, {"error": str(error)})
        except Refused as refused:
            self.close_connection = True  # an unread body must not be taken for the next request
            self._send_json(refused.status, {"error": refused.message})

    def _send_json(self, status: int, data: dict) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**SECURITY_HEADERS, **(extra or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        # The base class writes to stderr; the server's owner decides where lines go.
        if self.server.log is not None:
            self.server.log(f"factcheck serve: {self.address_string()} {format % args}")
