"""Checks on requests that change state: only this page, served from this server,
may record a decision (cross-site forgery and DNS rebinding are refused)."""
from __future__ import annotations

import hmac

MAX_BODY = 64 * 1024


class Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def allowed_hosts(port: int) -> set[str]:
    return {f"127.0.0.1:{port}", f"localhost:{port}"}


def check_host(host: str | None, port: int) -> None:
    # A page on another site that rebinds its name to 127.0.0.1 still sends its own Host.
    if (host or "").lower() not in allowed_hosts(port):
        raise Refused(403, "unexpected Host header")


def check_post(headers, port: int, token: str) -> int:
    """Raise Refused unless the request comes from the page; return the body length."""
    check_host(headers.get("Host"), port)
    origin = headers.get("Origin")
    if origin is not None and origin.lower() not in {f"http://{h}" for h in allowed_hosts(port)}:
        raise Refused(403, "cross-origin request refused")
    if headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        raise Refused(403, "cross-site request refused")
    ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise Refused(415, "send application/json")
    if not hmac.compare_digest((headers.get("X-Factcheck-Token") or "").encode(), token.encode()):
        raise Refused(403, "missing or wrong X-Factcheck-Token")
    try:
        length = int(headers.get("Content-Length", ""))
    except ValueError:
        raise Refused(411, "Content-Length required") from None
    if not 0 < length <= MAX_BODY:
        raise Refused(413, f"body must be 1 to {MAX_BODY} bytes")
    return length
