"""factcheck serve: the review page on 127.0.0.1."""
from __future__ import annotations

import click

from .output import fail


@click.command("serve")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--by", "by", metavar="NAME", help="Who decides on the page (default: $USER or git user.name).")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request on stderr.")
def serve_command(paths, port, by, rules_dir, verbose):
    """Serve the review page for PATHS on 127.0.0.1 until Ctrl-C.

    Filters, each conflict's sources side by side, confirm/dismiss/fixed with a
    note, keyboard shortcuts (j/k, c, d, f, o, n, /). Decisions go to the same
    .factcheck/decisions.jsonl as `factcheck review set`.
    """
    from ..errors import FactcheckError
    from ..serve import make_server

    log = (lambda line: click.echo(line, err=True)) if verbose else None
    try:
        server = make_server(list(paths), port=port, reviewer=by, rules_dir=rules_dir, log=log)
    except OSError as error:
        fail(f"cannot listen on 127.0.0.1:{port}: {error.strerror or error} (try --port 0)")
    try:
        click.echo("checking the articles…", err=True)
        server.app.current()  # the first page then opens at once
    except FactcheckError as error:
        server.server_close()
        fail(str(error))
    click.echo(f"Review page: {server.url}  (decisions: {server.app.store.path}; Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
