"""The review server over HTTP: the page, recording a decision, and every refusal
that keeps other sites (and other hosts' names) from changing decisions."""
from __future__ import annotations

import base64
import hashlib
import http.client
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.model import Decision
from factcheck.review import DecisionStore
from factcheck.serve import make_server

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


class Scripts(HTMLParser):
    """The <script> elements of a page: (attributes, text)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self._in = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append((dict(attrs), ""))
            self._in = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = False

    def handle_data(self, data):
        if self._in:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


@pytest.fixture
def served(tmp_path, sample_result):
    """A running server for the sample Result (checker stubbed: no NLP), its store in tmp_path."""
    results = {"now": sample_result}
    server = make_server([str(tmp_path)], port=0, reviewer="desk", checker=lambda paths: results["now"])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    server.results = results
    yield server
    server.shutdown()
    server.server_close()


def request(server, method="GET", path="/", body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
    try:
        data = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
        conn.request(method, path, body=data, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8")
    finally:
        conn.close()


def good_headers(server, **extra):
    port = server.server_port
    return {"Content-Type": "application/json", "X-Factcheck-Token": server.app.token,
            "Origin": f"http://127.0.0.1:{port}", **extra}


def decide(server, body, **headers):
    return request(server, "POST", "/api/decisions", body, good_headers(server, **headers))


def page_data(html: str) -> dict:
    blocks = [text for attrs, text in Scripts(html).scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_listens_on_loopback_only(served):
    assert served.server_address[0] == "127.0.0.1"
    assert served.url == f"http://127.0.0.1:{served.server_port}/"


def test_the_page_carries_its_token_and_a_strict_policy(served):
    status, headers, html = request(served)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
    assert page_data(html)["token"] == served.app.token
    # one executable script, exactly the one the policy names
    code = [text for attrs, text in Scripts(html).scripts if "type" not in attrs]
    assert len(code) == 1
    digest = base64.b64encode(hashlib.sha256(code[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    # review controls on every card; nothing loads from elsewhere
    assert html.count('class="review"') == 2 and html.count('data-status="dismissed">Dismiss') == 2
    assert not re.search(r"<[^>]+\ssrc=", html)


def test_a_decision_is_recorded_and_shown(served, tmp_path):
    status, _, body = decide(served, {"conflict": "3f9c0a1b2d4e5f60", "status": "dismissed",
                                      "note": "누적과 월간, 둘 다 맞다"})
    assert status == 200, body
    answer = json.loads(body)
    assert answer["decision"]["status"] == "dismissed" and answer["decision"]["by"] == "desk"
    assert (answer["reviewed"], answer["total"]) == (2, 2)  # the other one came confirmed

    store = DecisionStore(tmp_path / ".factcheck")
    latest = store.latest()["3f9c0a1b2d4e5f60"]
    assert (latest.status, latest.note, latest.by) == ("dismissed", "누적과 월간, 둘 다 맞다", "desk")

    _, _, html = request(served)
    card = re.search(r'<article class="conflict[^>]*id="3f9c0a1b2d4e5f60"[^>]*>', html).group(0)
    assert 'data-status="dismissed"' in card
    assert "누적과 월간, 둘 다 맞다" in html
    assert page_data(html)["conflicts"]["3f9c0a1b2d4e5f60"]["status"] == "dismissed"


def test_confirm_with_a_side_label_stores_the_side(served, tmp_path):
    status, _, body = decide(served, {"conflict": "3f9c0a1b2d4e5f60", "status": "confirmed",
                                      "note": "", "right": "B"})
    assert status == 200, body
    decision = json.loads(body)["decision"]
    assert decision["right"] == "003_memory.txt: 월 90만 장" and decision["right_label"] == "B"
    _, _, html = request(served)
    assert "side B is right" in html


@pytest.mark.parametrize("change, status, message", [
    ({"X-Factcheck-Token": None}, 403, "X-Factcheck-Token"),
    ({"X-Factcheck-Token": "guess"}, 403, "X-Factcheck-Token"),
    ({"Origin": "https://evil.example"}, 403, "cross-origin"),
    ({"Origin": "null"}, 403, "cross-origin"),
    ({"Host": "evil.example"}, 403, "Host"),
    ({"Sec-Fetch-Site": "cross-site"}, 403, "cross-site"),
    ({"Content-Type": "text/plain"}, 415, "application/json"),
    ({"Content-Type": "application/x-www-form-urlencoded"}, 415, "application/json"),
])
def test_forged_requests_are_refused(served, tmp_path, change, status, message):
    headers = good_headers(served)
    for name, value in change.items():
        if value is None:
            headers.pop(name)
        else:
            headers[name] = value
    got, _, body = request(served, "POST", "/api/decisions",
                           {"conflict": "3f9c0a1b2d4e5f60", "status": "dismissed"}, headers)
    assert got == status and message in json.loads(body)["error"]
    assert not (tmp_path / ".factcheck" / "decisions.jsonl").exists()


@pytest.mark.parametrize("body, status, message", [
    ({"conflict": "nope", "status": "dismissed"}, 404, "no current conflict"),
    ({"conflict": "3f9c0a1b2d4e5f60", "status": "maybe"}, 400, "unknown status"),
    ({"conflict": "3f9c0a1b2d4e5f60", "status": "confirmed", "right": "Z"}, 400, "names no side"),
    ({"conflict": "3f9c0a1b2d4e5f60", "status": "fixed", "note": 5}, 400, "strings"),
    (["not", "an", "object"], 400, "JSON object"),
    (b"{not json", 400, "not JSON"),
])
def test_bad_decisions_are_refused(served, tmp_path, body, status, message):
    got, _, answer = decide(served, body)
    assert got == status and message in json.loads(answer)["error"]
    assert not (tmp_path / ".factcheck" / "decisions.jsonl").exists()


def test_the_page_refuses_other_host_names(served):
    # DNS rebinding: a hostile name resolving to 127.0.0.1 must not read the token.
    status, _, body = request(served, headers={"Host": "attacker.example:80"})
    assert status == 403 and "token" not in body
    assert request(served, headers={"Host": f"localhost:{served.server_port}"})[0] == 200
    assert request(served, path="/etc/passwd")[0] == 404


def test_articles_are_checked_again_only_when_a_file_changes(tmp_path, sample_result):
    calls = []
    server = make_server([str(tmp_path)], port=0, checker=lambda p: calls.append(p) or sample_result)
    try:
        server.app.current()
        server.app.page()
        assert len(calls) == 1  # a page view reuses the check
        (tmp_path / "new.txt").write_text("새 기사", encoding="utf-8")
        server.app.page()
        assert len(calls) == 2
        server.app.store.record(Decision("3f9c0a1b2d4e5f60", "fixed", by="kim"))
        assert 'data-status="fixed"' in server.app.page()[0]  # decisions are read fresh
        assert len(calls) == 2  # the store is hidden from discovery: no re-check
    finally:
        server.server_close()


def test_requests_are_logged_to_the_callback_given_and_nowhere_else(tmp_path, sample_result, capsys):
    lines = []
    server = make_server([str(tmp_path)], port=0, checker=lambda p: sample_result, log=lines.append)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        assert request(server)[0] == 200
        assert request(server, path="/nothing")[0] == 404
    finally:
        server.shutdown()
        server.server_close()
    assert [line.split('"')[1] for line in lines] == ["GET / HTTP/1.1", "GET /nothing HTTP/1.1"]
    assert all(line.startswith("factcheck serve: ") for line in lines)
    assert capsys.readouterr().err == ""


def test_a_new_server_has_a_new_token(tmp_path, sample_result):
    a = make_server([str(tmp_path)], port=0, checker=lambda p: sample_result)
    b = make_server([str(tmp_path)], port=0, checker=lambda p: sample_result)
    try:
        assert a.app.token != b.app.token and len(a.app.token) >= 32
    finally:
        a.server_close()
        b.server_close()


def test_text_from_articles_and_notes_cannot_break_out_of_the_page(served, sample_result, fact_builder):
    make_article, make_fact = fact_builder
    evil = "</script><script>document.title='pwned'</script>"
    a = make_article("a9", 'x"<b>.txt', f'그는 "{evil}" & \'인용\'이라고 썼다.', title=f"제목 {evil}")
    f = make_fact(a, "f90", "quote", evil, evil)
    g = make_fact(a, "f91", "quote", "'인용'", "'인용'")
    evil_conflict = replace(sample_result.conflicts[0], id="att-evil", facts=("f90", "f91"),
                            sides=(("f90",), ("f91",)), claim=f"claim {evil}", status="open",
                            note=None, decided_by=None)
    served.results["now"] = replace(sample_result, articles=(*sample_result.articles, a),
                                    facts=(*sample_result.facts, f, g),
                                    conflicts=(evil_conflict,))
    status, _, body = decide(served, {"conflict": "att-evil", "status": "dismissed",
                                      "note": f"note {evil} \u2028 <!--"})
    assert status == 200, body
    _, _, html = request(served)
    scripts = Scripts(html).scripts
    assert len(scripts) == 2  # the JSON block and the page's own script, nothing injected
    assert "pwned" not in scripts[1][1]
    data = page_data(html)
    assert data["conflicts"]["att-evil"]["note"] == f"note {evil} \u2028 <!--"  # intact as data
    block = scripts[0][1]
    assert "</script" not in block.lower() and "<!--" not in block and "\u2028" not in block
    assert "&lt;/script&gt;&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "&#34;" in html and "<b>" not in html


# -- the command ---------------------------------------------------------------------------

def test_serve_command_prints_its_url_and_stops_on_ctrl_c(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copyfile(p, corpus / p.name)
    proc = subprocess.Popen([sys.executable, "-m", "factcheck.cli", "serve", str(corpus), "--port", "0",
                             "--by", "desk"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # printed once the articles are checked
        match = re.match(r"Review page: (http://127\.0\.0\.1:\d+/) ", line)
        assert match, (line, proc.stderr.read() if proc.poll() is not None else "")
        assert str(corpus / ".factcheck" / "decisions.jsonl") in line
        with urllib.request.urlopen(match.group(1), timeout=30) as response:
            html = response.read().decode("utf-8")
        assert response.status == 200 and "factcheck review" in html and "as <strong>desk</strong>" in html
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    assert code == 0
    assert not (corpus / ".factcheck").exists()  # nothing decided, nothing written


def test_serve_on_a_busy_port_exits_2(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(tmp_path), "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "--port 0" in result.stderr
