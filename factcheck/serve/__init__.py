"""``factcheck serve``: the report as a working review page on 127.0.0.1.

    server = make_server(["seeds/"], port=0)   # 0: any free port; server.url says which
    server.serve_forever()

Decisions made on the page go to the same store as ``factcheck review set``.
"""
from __future__ import annotations

from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from ..model import Result
from ..review import DecisionStore, default_reviewer, find_store
from .app import ReviewApp
from .handler import ReviewHandler

HOST = "127.0.0.1"  # never another interface: the page can change files


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, app: ReviewApp, port: int, log: Callable[[str], None] | None = None):
        super().__init__((HOST, port), ReviewHandler)
        self.app = app
        self.log = log  # hears one line per request; None: requests are not logged

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_port}/"


def make_server(paths: list[str], port: int = 0, store: DecisionStore | None = None,
                reviewer: str | None = None, rules_dir: str | None = None,
                checker: Callable[[list[str]], Result] | None = None,
                log: Callable[[str], None] | None = None) -> ReviewServer:
    """A server for the articles under ``paths``, with their store (found as for
    ``check``, else one in the first path's folder, made by the first decision).
    Nothing is checked until the first request; ``server.app.current()`` checks now.
    ``log`` hears a line for every request."""
    if store is None:
        first = Path(paths[0])
        store = find_store(paths) or DecisionStore.planned(first if first.is_dir() else first.parent)
    app = ReviewApp(list(paths), store, reviewer or default_reviewer(), checker=checker,
                    rules_dir=rules_dir)
    return ReviewServer(app, port, log=log)


__all__ = ["HOST", "ReviewServer", "make_server"]
