"""The fact cache: lossless fact serialization, keys, recovery from a corrupt or
foreign file, concurrent writers, and the pipeline reading it."""
from __future__ import annotations

import json
import multiprocessing
import sqlite3
import subprocess
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.cache as cache_module
from factcheck.cache import CACHE_FILE, FactCache, open_cache
from factcheck.model import DateValue, EventRef, Fact, Quantity
from factcheck.serialize import DecodeError, fact_from_dict, fact_from_row, fact_to_dict, fact_to_row
from factcheck.workspace import find as find_workspace

from conftest import make_article, make_fact

KST = timezone(timedelta(hours=9))
TEXT = "입력 2024.03.15 09:00\n\n한빛전자는 2027년까지 40만 장의 패널을 납품받기로 했다.\n"

# -- serialization ------------------------------------------------------------------------

texts = st.text(max_size=12)
opt_texts = st.none() | texts
floats = st.floats(allow_nan=False) | st.sampled_from([float("inf"), float("-inf")])
quantities = st.builds(Quantity, floats, floats, floats, texts, texts, opt_texts, texts)
dates = st.builds(DateValue, st.none() | st.integers(1, 3000), st.none() | st.integers(1, 12),
                  st.none() | st.integers(1, 31), st.none() | st.integers(0, 23), st.none() | st.integers(0, 59),
                  opt_texts, texts)
facts = st.builds(
    Fact, id=texts, article=texts, kind=st.sampled_from(["quantity", "date", "place", "quote"]), text=texts,
    start=st.integers(0, 10**6), end=st.integers(0, 10**6), sentence_start=st.integers(0, 10**6),
    sentence_end=st.integers(0, 10**6), value=quantities | dates | texts, subject=opt_texts, attribute=opt_texts,
    qualifiers=st.lists(texts, max_size=3).map(tuple), scope=texts, scope_detail=opt_texts,
    period_days=st.none() | st.floats(allow_nan=False, allow_infinity=False), rate_stated=st.booleans(),
    stance=texts, speaker=opt_texts, speaker_strong=st.booleans(),
    event=st.none() | st.builds(EventRef, texts, texts, st.lists(texts, max_size=3).map(tuple)),
    context=st.lists(texts, max_size=3).map(tuple), conversion=st.none() | quantities, trace=texts)


@settings(max_examples=200, deadline=None)
@given(facts)
def test_a_fact_survives_json_unchanged(fact):
    data = json.loads(json.dumps(fact_to_dict(fact), allow_nan=False))
    assert fact_from_dict(data) == fact
    row = json.loads(json.dumps(fact_to_row(fact), allow_nan=False))
    assert fact_from_row(row) == fact
    assert fact_from_row(row, "a9") == replace(fact, article="a9")


def test_a_string_value_that_looks_like_a_number_stays_a_string():
    f = replace(_fact(), value="400000")
    assert fact_from_dict(fact_to_dict(f)).value == "400000"


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("kind"),
    lambda d: d.update(extra=1),
    lambda d: d.update(value={"t": "x"}),
    lambda d: d.update(value={"t": "q", "value": "lots"}),
    lambda d: d.update(start="3"),
    lambda d: d.update(qualifiers="ab"),
    lambda d: d.update(conversion={"t": "s", "v": "x"}),
    lambda d: d.update(speaker=3),
    lambda d: d.update(start=True),
    lambda d: d.update(context=["a", 1]),
])
def test_a_damaged_dict_is_refused(damage):
    d = fact_to_dict(_fact())
    damage(d)
    with pytest.raises(DecodeError):
        fact_from_dict(d)


# -- the store -------------------------------------------------------------------------------

def _article(aid="a1", published=datetime(2024, 3, 15, 9, 0, tzinfo=KST)):
    return make_article(aid, "corpus.txt", TEXT, published=published)


def _fact(article=None):
    a = article or _article()
    return make_fact(a, "f1", "quantity", "40만 장", Quantity(4e5, 4e5, float("inf"), "count", "count"),
                     scope="by_date", scope_detail="2027년", stance="plan")


def test_facts_come_back_under_the_article_id_of_this_run(tmp_path):
    path = tmp_path / CACHE_FILE
    with FactCache(path) as cache:
        assert cache.get(_article(), "r1") is None
        cache.put(_article(), "r1", [_fact()])
    with FactCache(path) as cache:
        got = cache.get(_article("a7"), "r1")
        assert got == [replace(_fact(), article="a7")]
        assert (cache.hits, cache.misses) == (1, 0)


@pytest.mark.parametrize("change", ["rules", "tool", "published", "text"])
def test_anything_the_facts_depend_on_is_in_the_key(tmp_path, monkeypatch, change):
    path = tmp_path / CACHE_FILE
    with FactCache(path) as cache:
        cache.put(_article(), "r1", [_fact()])
    article, rules = _article(), "r1"
    if change == "rules":
        rules = "r2"
    elif change == "tool":
        monkeypatch.setattr(cache_module, "__version__", "9.9.9")
    elif change == "published":
        article = _article(published=datetime(2024, 3, 16, 9, 0, tzinfo=KST))
    else:
        article = make_article("a1", "corpus.txt", TEXT + "추가 문장.\n")
    with FactCache(path) as cache:
        assert cache.get(article, rules) is None


def _assert_rebuilt(path, capsys):
    heard = []
    with FactCache(path, warn=heard.append) as cache:
        assert cache.conn is not None
        assert cache.get(_article(), "r1") is None
        cache.put(_article(), "r1", [_fact()])
    with FactCache(path) as cache:
        assert cache.get(_article(), "r1") == [_fact()]
    assert len(heard) == 1 and "rebuilding the cache" in heard[0]
    assert capsys.readouterr().err == ""  # told to the caller, not printed


def test_garbage_bytes_are_moved_aside_and_the_cache_rebuilt(tmp_path, capsys):
    path = tmp_path / CACHE_FILE
    path.write_bytes(b"\x00garbage, not a database\xff" * 200)
    _assert_rebuilt(path, capsys)
    assert (tmp_path / (CACHE_FILE + ".corrupt")).read_bytes().startswith(b"\x00garbage")


def test_a_truncated_database_is_rebuilt(tmp_path, capsys):
    path = tmp_path / CACHE_FILE
    with FactCache(path) as cache:
        for i in range(300):
            cache.put(make_article(f"a{i}", f"{i}.txt", f"{TEXT}{i}\n"), "r1", [_fact()] * 5)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    _assert_rebuilt(path, capsys)


def test_a_foreign_sqlite_database_is_not_trusted(tmp_path, capsys):
    path = tmp_path / CACHE_FILE
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    _assert_rebuilt(path, capsys)


@pytest.mark.parametrize("meta", [("magic", "someone-else"), ("schema", "0.0")])
def test_a_wrong_magic_or_version_row_is_not_trusted(tmp_path, capsys, meta):
    path = tmp_path / CACHE_FILE
    with FactCache(path) as cache:
        cache.put(_article(), "r1", [_fact()])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value=? WHERE key=?", (meta[1], meta[0]))
    _assert_rebuilt(path, capsys)


@pytest.mark.parametrize("stored", ["{not json", json.dumps({"a": 1}), json.dumps([{"id": "f1"}]), "\udcff"])
def test_an_undecodable_row_is_a_miss_and_is_dropped(tmp_path, stored):
    path = tmp_path / CACHE_FILE
    with FactCache(path) as cache:
        cache.put(_article(), "r1", [_fact()])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE facts SET facts=CAST(? AS BLOB)", (stored.encode("utf-8", "surrogateescape"),))
    with FactCache(path) as cache:
        assert cache.get(_article(), "r1") is None
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM facts").fetchone() == (0,)


def test_a_row_whose_offsets_do_not_fit_the_article_is_a_miss(tmp_path):
    path = tmp_path / CACHE_FILE
    far = replace(_fact(), start=10_000, end=10_004)
    with FactCache(path) as cache:
        cache.put(_article(), "r1", [far])
        cache.flush()
        assert cache.get(_article(), "r1") is None


def test_rows_of_another_tool_version_are_pruned(tmp_path, monkeypatch):
    path = tmp_path / CACHE_FILE
    monkeypatch.setattr(cache_module, "__version__", "0.0.1")
    with FactCache(path) as cache:
        cache.put(_article(), "r1", [_fact()])
    monkeypatch.setattr(cache_module, "__version__", "0.0.2")
    with FactCache(path):
        pass
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM facts").fetchone() == (0,)


def _writer(path: str, n: int, worker: int) -> None:
    with FactCache(path) as cache:
        for i in range(n):
            article = make_article(f"a{i}", f"{worker}-{i}.txt", f"{TEXT}{worker}-{i}\n")
            cache.put(article, "r1", [_fact(article)])
            if i % 10 == 0:
                cache.flush()


def test_concurrent_runs_all_land(tmp_path):
    path = str(tmp_path / CACHE_FILE)
    FactCache(path).close()
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_writer, args=(path, 60, w)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM facts").fetchone() == (240,)


# -- where it lives -----------------------------------------------------------------------------

def test_no_store_no_cache_unless_asked_to_create(tmp_path):
    (tmp_path / "corpus").mkdir()
    assert open_cache([tmp_path / "corpus"]) is None
    assert not (tmp_path / "corpus" / ".factcheck").exists()
    cache = open_cache([tmp_path / "corpus"], create=True)
    cache.close()
    assert (tmp_path / "corpus" / ".factcheck" / CACHE_FILE).is_file()


def test_the_nearest_store_above_the_first_path_is_used(tmp_path):
    (tmp_path / ".factcheck").mkdir()
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text(TEXT, encoding="utf-8")
    assert find_workspace([tmp_path / "a" / "b" / "x.txt"]) == tmp_path / ".factcheck"
    cache = open_cache([tmp_path / "a" / "b"])
    assert cache.path == tmp_path / ".factcheck" / CACHE_FILE
    cache.close()


def test_git_ignores_the_cache_but_not_the_store(tmp_path):
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    (tmp_path / ".factcheck").mkdir()
    (tmp_path / ".factcheck" / ".gitignore").write_text("decisions.lock\n", encoding="utf-8")
    open_cache([tmp_path]).close()  # an existing folder, as `review set` once made it
    ignore = (tmp_path / ".factcheck" / ".gitignore").read_text(encoding="utf-8").split()
    assert ignore == ["decisions.lock", "cache.sqlite*"]
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout
    assert ".factcheck/.gitignore" in status
    assert CACHE_FILE not in status


# -- the pipeline with a cache --------------------------------------------------------------------

def test_a_second_check_reads_every_article_from_the_cache_and_finds_the_same(tmp_path):
    from factcheck.pipeline import check

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "b.txt").write_text("입력 2024.03.15 09:00\n\n한빛전자는 월 40만 장의 패널을 납품받는다.\n",
                                  encoding="utf-8")
    with open_cache([corpus], create=True) as cache:
        first = check([corpus], cache=cache)
        assert (cache.hits, cache.misses) == (0, 2)
    with open_cache([corpus]) as cache:
        second = check([corpus], cache=cache)
        assert (cache.hits, cache.misses) == (2, 0)
    assert second.facts == first.facts
    assert second.conflicts == first.conflicts and len(first.conflicts) == 1


def test_an_unusable_place_for_the_cache_only_costs_the_cache(tmp_path, capsys):
    heard = []
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with FactCache(tmp_path / "file" / CACHE_FILE, warn=heard.append) as cache:  # its folder is a file
        assert cache.get(_article(), "r1") is None
        cache.put(_article(), "r1", [_fact()])
    (tmp_path / "dir.sqlite").mkdir()
    with FactCache(tmp_path / "dir.sqlite") as cache:
        assert cache.get(_article(), "r1") is None
        assert len(cache.warnings) == 1 and "cache not used" in cache.warnings[0]
    assert len(heard) == 1 and "cache not used" in heard[0]
    assert capsys.readouterr().err == ""
