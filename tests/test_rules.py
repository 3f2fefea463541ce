"""The rule loader: the shipped rules are clean, every class of problem is reported
at its file:line:col with a hint, and the lookups answer as the stages expect."""
from __future__ import annotations

import math
import pickle
import shutil
from pathlib import Path

import pytest

from factcheck.errors import RuleError
from factcheck.rules import KINDS, check_rules, load_rules
from factcheck.compare.registry import RULES

SHIPPED = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def rules():
    return load_rules(SHIPPED)


def write(directory: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (directory / name).write_bytes(data)
    return directory


# --- the shipped rules ------------------------------------------------------------

def test_shipped_rules_have_no_problems():
    assert check_rules(SHIPPED) == []


def test_default_directory_is_the_repository_rules(monkeypatch, rules):
    monkeypatch.delenv("FACTCHECK_RULES", raising=False)
    assert load_rules().version == rules.version
    assert Path(load_rules().directory).resolve() == SHIPPED


def test_environment_variable_overrides_default(monkeypatch, tmp_path):
    write(tmp_path, {"u.yaml": "- {kind: unit, name: USD, dimension: currency, words: [달러]}\n"})
    monkeypatch.setenv("FACTCHECK_RULES", str(tmp_path))
    loaded = load_rules()
    assert loaded.files == ("u.yaml",)
    assert [u.name for u in loaded.units] == ["USD"]


def test_shipped_rules_use_every_kind_and_set_every_conflict_rule(rules):
    used = {type(e) for e in rules.units + rules.hedges + rules.scopes + rules.aliases.entries
            + rules.places.entries + rules.title_entries + rules.org_suffix_entries
            + rules.event_word_entries + rules.speech_verb_entries + rules.correction_entries
            + rules.stance_entries + rules.word_list_entries + rules.setting_entries
            + rules.furniture + tuple(rules.conflicts.values())}
    assert used == {k.record for k in KINDS.values()}
    assert set(rules.conflicts) == set(RULES)


# --- problems: one table, one row per class of problem -------------------------------
# Each row: files to write, then the expected problems as
# (file, line, column, part of the message, part of the hint).

UNIT_OK = "- kind: unit\n  name: USD\n  dimension: currency\n  words: [달러]\n"

CASES = {
    "unknown kind": (
        {"a.yaml": "- kind: unitt\n  name: USD\n"},
        [("a.yaml", 1, 9, "unknown kind 'unitt'", "did you mean 'unit'?")]),
    "entry without kind": (
        {"a.yaml": "- name: USD\n  words: [달러]\n"},
        [("a.yaml", 1, 3, "entry has no 'kind'", "add 'kind:'")]),
    "unknown key with closest key": (
        {"a.yaml": "- kind: unit\n  name: USD\n  dimension: currency\n  wrods: [달러]\n"},
        [("a.yaml", 1, 3, "missing required key 'words'", "add 'words:'"),
         ("a.yaml", 4, 3, "unknown key 'wrods' for kind 'unit'", "did you mean 'words'?")]),
    "missing required key": (
        {"a.yaml": "- kind: hedge\n  words: [약]\n  position: before\n"},
        [("a.yaml", 1, 3, "hedge entry is missing required key 'effect'", "one of: approx")]),
    "wrong type: string for a list": (
        {"a.yaml": "- kind: unit\n  name: USD\n  dimension: currency\n  words: 달러\n"},
        [("a.yaml", 4, 10, "'words' must be a list of strings, got a string", "words: [달러]")]),
    "wrong type: text for a number": (
        {"a.yaml": UNIT_OK + "  factor: 많이\n"},
        [("a.yaml", 5, 11, "'factor' must be a number, got a string", "")]),
    "wrong type: boolean inside a word list": (
        {"a.yaml": "- kind: speech_verb\n  words: [말했다, yes]\n"},
        [("a.yaml", 2, 16, "each item of 'words' must be a string, got a boolean", "quote it")]),
    "kind that is not a word": (
        {"a.yaml": "- kind: [unit]\n"},
        [("a.yaml", 1, 9, "'kind' must be a kind name, got a list", "kinds: unit, hedge")]),
    "value YAML cannot build": (
        {"a.yaml": "- kind: correction\n  words: [정정, !odd 바로잡습니다]\n"
                   "- kind: speech_verb\n  words: [2025-13-45]\n"},
        [("a.yaml", 2, 15, "each item of 'words' must be a string, got an unreadable value tagged !odd",
          ""),
         ("a.yaml", 4, 11, "each item of 'words' must be a string, got an unreadable value", "")]),
    "number out of range": (
        {"a.yaml": UNIT_OK + "  factor: 0\n"},
        [("a.yaml", 5, 11, "'factor' must be greater than 0", "")]),
    "bad enum value": (
        {"a.yaml": "- kind: unit\n  name: USD\n  dimension: curency\n  words: [달러]\n"},
        [("a.yaml", 3, 14, "'dimension' has invalid value 'curency'", "did you mean 'currency'?")]),
    "empty word list": (
        {"a.yaml": "- kind: correction\n  words: []\n"},
        [("a.yaml", 2, 10, "'words' must not be an empty list", "list at least one word")]),
    "invalid regex": (
        {"a.yaml": "- kind: furniture\n  applies: line\n  pattern: '(관련기사'\n"},
        [("a.yaml", 3, 12, "not a valid regular expression: missing )", "escape special characters")]),
    "key twice in one entry": (
        {"a.yaml": UNIT_OK + "  name: KRW\n"},
        [("a.yaml", 5, 3, "key 'name' appears twice", "first at line 2")]),
    "duplicate name across files": (
        {"a.yaml": UNIT_OK, "b.yaml": "- {kind: unit, name: KRW, dimension: currency, words: [원, 달러]}\n"},
        [("b.yaml", 1, 59, "unit word '달러' is already defined at", "remove one")]),
    "duplicate word after folding case, width and spaces": (
        {"a.yaml": "- kind: alias\n  canonical: 오픈AI\n  type: org\n  aliases: [OpenAI, open ai]\n"},
        [("a.yaml", 4, 21, "'open ai' is already defined as 'OpenAI'", "remove one")]),
    "within names an unknown place": (
        {"a.yaml": "- {kind: place, name: 서울특별시, type: province}\n"
                   "- {kind: place, name: 서초구, type: district, within: 서울특별시}\n"
                   "- {kind: place, name: 서초동, type: neighbourhood, within: 서초군}\n"},
        [("a.yaml", 3, 57, "'within' names an unknown place '서초군'", "known places: 서울특별시, 서초구")]),
    "places within each other": (
        {"a.yaml": "- {kind: place, name: A, type: region, within: B}\n"
                   "- {kind: place, name: B, type: region, within: A}\n"},
        [("a.yaml", 2, 48, "places contain each other: A -> B -> A", "")]),
    "unit base of another dimension": (
        {"a.yaml": UNIT_OK + "- {kind: unit, name: hour, dimension: duration, words: [시간], "
                             "factor: 60, base: USD}\n"},
        [("a.yaml", 5, 80, "unit 'hour' (duration) cannot convert to 'USD' (currency)",
          "same dimension")]),
    "YAML syntax error names its line": (
        {"a.yaml": "- kind: title\n  words: [대통령]\n  role: a: b\n"},
        [("a.yaml", 3, 10, "YAML syntax error: mapping values are not allowed", "indentation")]),
    "file that is not UTF-8": (
        {"a.yaml": "- kind: title\n  words: [한국]\n".encode("euc-kr")},
        [("a.yaml", 2, 11, "file is not valid UTF-8 (byte 0xc7)", "save the file as UTF-8")]),
    "top level is not a list": (
        {"a.yaml": "kind: unit\nname: USD\n"},
        [("a.yaml", 1, 1, "the top level must be a list of entries, got a mapping", "- kind:")]),
    "two bad files report problems from both": (
        {"a.yaml": "- kind: hedge\n  words: [약]\n  position: before\n  effect: aprox\n",
         "b.yaml": "- kind: scope\n  words: [월]\n  scope: per_month\n  positon: before\n"},
        [("a.yaml", 4, 11, "'effect' has invalid value 'aprox'", "did you mean 'approx'?"),
         ("b.yaml", 1, 3, "missing required key 'position'", "one of: before, after"),
         ("b.yaml", 4, 3, "unknown key 'positon'", "did you mean 'position'?")]),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_problem_is_reported_at_its_position(tmp_path, files, expected):
    write(tmp_path, files)
    problems = check_rules(tmp_path)
    got = [(Path(p.path).name, p.line, p.column) for p in problems]
    assert got == [(f, line, col) for f, line, col, _, _ in expected], [str(p) for p in problems]
    for problem, (_, _, _, message, hint) in zip(problems, expected):
        assert problem.path == str(tmp_path / Path(problem.path).name)
        assert message in problem.message
        assert hint in problem.hint
    with pytest.raises(RuleError) as raised:
        load_rules(tmp_path)
    assert raised.value.problems == problems
    assert str(raised.value).splitlines()[0].startswith(f"{problems[0].path}:{problems[0].line}:")


def test_unknown_reference_is_not_reported_while_a_file_is_unreadable(tmp_path):
    # The places of the broken file are unknown, so 'within' cannot be judged yet.
    write(tmp_path, {"a.yaml": "- {kind: place, name: 서울, type: province\n",
                     "b.yaml": "- {kind: place, name: 서초구, type: district, within: 서울}\n"})
    problems = check_rules(tmp_path)
    assert [Path(p.path).name for p in problems] == ["a.yaml"]


def test_missing_or_empty_directory(tmp_path):
    assert "not found" in check_rules(tmp_path / "nope")[0].message
    assert "no rule files" in check_rules(tmp_path)[0].message


# --- lookups the stages use -----------------------------------------------------------

@pytest.fixture(scope="module")
def lexicon(rules):
    from factcheck.normalize.lexicon import lexicon_from_rules

    return lexicon_from_rules(rules)


@pytest.mark.parametrize("word, position, value, bounds", [
    ("약", "before", 100, (90, 110)),
    ("가량", "after", 100, (90, 110)),
    ("최대", "before", 5e11, (0, 5e11)),
    ("이상", "after", 10, (10, math.inf)),
    ("초과", "after", 10, (10, math.inf)),
    ("미만", "after", 10, (0, 10)),
    ("여", "after", 100, (100, 200)),  # a hundred and some: below the next hundred
    ("육박", "after", 100, (90, 100)),
])
def test_hedge_bounds(lexicon, word, position, value, bounds):
    table = lexicon.hedges_before if position == "before" else lexicon.hedges_after
    assert table[word].hedge.bounds(value) == pytest.approx(bounds)


def test_hedge_position_matters(lexicon):
    assert "약" not in lexicon.hedges_after and "최대" not in lexicon.hedges_after
    assert "까지" not in lexicon.hedges_after  # a scope word, not a hedge
    assert lexicon.hedges_after["이상"].effect == "at_least"


def test_aliases(rules):
    aliases = rules.aliases
    for spelling in ("샘 올트먼", "샘 알트먼", "Sam Altman", "올트먼", "알트먼", "샘알트먼"):
        assert aliases.canonical(spelling) == "샘 올트먼"
    assert aliases.canonical("OpenAI") == aliases.canonical("오픈AI") == "오픈AI"
    assert aliases.canonical("sk hynix") == "SK하이닉스"
    assert aliases.canonical("과기정통부") == "과학기술정보통신부"
    assert aliases.alias_type("OpenAI") == "org" and aliases.alias_type("알트먼") == "person"
    assert (aliases.canonical("한국"), aliases.alias_type("한국")) == ("대한민국", "place")
    assert aliases.canonical("이 대통령") is None  # title + surname is left to code
    assert aliases.canonical("이재용") != aliases.canonical("이재명")
    assert "Sam Altman" in aliases.surfaces("샘 올트먼")


def test_places(rules):
    places = rules.places
    assert places.contains("서울", "서초동")
    assert places.contains("대한민국", "서초동")
    assert not places.contains("서초동", "서울")
    assert not places.contains("서울", "서울")
    assert places.ancestors("서초동") == ["서초구", "서울특별시", "수도권", "대한민국"]
    assert places.place("서울청사").name == "정부서울청사"
    assert places.place("없는곳") is None and places.ancestors("없는곳") == []


@pytest.mark.parametrize("a, b, compatible", [
    ("용산 대통령실", "청와대", False),
    ("서울청사", "정부서울청사", True),
    ("종로구", "정부서울청사", True),
    ("정부서울청사", "서울", True),
    ("정부서울청사", "세종청사", False),
    ("대통령실 청사", "용산구", True),
    ("전남", "서남권", True),
    ("부산", "서울", False),
    ("백악관", "미국", True),
    ("백악관", "청와대", False),
    ("어딘가", "어딘가", True),
    ("어딘가", "서울", False),
])
def test_place_compatibility(rules, a, b, compatible):
    assert rules.places.compatible(a, b) is compatible
    assert rules.places.compatible(b, a) is compatible


def test_vocabularies(rules):
    assert {"대통령", "CEO", "장관"} <= rules.titles
    assert rules.event_words["정상회담"] == "summit" and rules.event_words["회동"] == "meeting"
    assert "meeting" in rules.encounter_types and "briefing" not in rules.encounter_types
    assert {"말했", "밝혔"} <= set(rules.speech_verbs)
    assert "바로잡습니다" in rules.correction_words
    assert "계획" in rules.stance_words("plan") and "전망" in rules.stance_words("forecast")
    assert "김" in rules.words("surname") and rules.setting("name_similarity") == 85
    with pytest.raises(KeyError):
        rules.words("no_such_list")


def test_conflict_rules(rules, tmp_path):
    assert rules.conflict("numeric_scope").severity == "high"
    assert rules.conflict("numeric_value").severity_for(same_article=True) == "low"
    assert rules.conflict("event_place").severity_for(same_article=False) == "high"
    assert rules.params("numeric_value")["tolerance"] == 0.02
    with pytest.raises(KeyError):
        rules.conflict("no_such_rule")
    empty = load_rules(write(tmp_path, {"c.yaml": "[]\n"}))
    default = empty.conflict("attribution")
    assert (default.severity, default.enabled) == ("medium", True)
    assert empty.params("attribution") == dict(RULES["attribution"].params)
    assert empty.conflict("event_place").severity == RULES["event_place"].severity == "high"


@pytest.mark.parametrize("line, furniture", [
    ("예시일보 무단 복제 및 배포 금지", True),
    ("이전 기사 | 유가 60달러선 회복", True),
    ("등록번호 서울 아01234 | 발행·편집인 홍길동", True),
    ("정치부 홍길동 gildong@example.co.kr", True),
    ("수정 2025-11-26 07:49", True),
    ("정부는 기사의 무단 복제를 금지하는 법안을 냈다.", False),
    ("이전 기사에서 보도한 대로 관세는 15%다.", False),
    ("회사는 이용약관을 바꿨다고 밝혔다.", False),
])
def test_furniture_patterns(rules, line, furniture):
    assert any(f.regex.search(line) for f in rules.furniture) is furniture


# --- version and sharing -----------------------------------------------------------

def test_version_follows_file_names_and_bytes(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(SHIPPED, copy)
    original = load_rules(copy).version
    assert original == load_rules(SHIPPED).version  # same names and bytes
    hedges = copy / "hedges.yaml"
    hedges.write_text(hedges.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    changed = load_rules(copy).version
    assert changed != original
    hedges.rename(copy / "hedges2.yaml")
    assert load_rules(copy).version not in (original, changed)


def test_ruleset_survives_pickling(rules):
    # Worker processes receive the rules by pickling.
    copy = pickle.loads(pickle.dumps(rules))
    assert copy.units == rules.units and copy.words("surname") == rules.words("surname")
    assert copy.places.contains("서울", "서초동")
    assert copy.furniture[0].regex.pattern == rules.furniture[0].pattern


def test_readme_rule_table_is_the_registry():
    from factcheck.compare.registry import markdown_table

    readme = (SHIPPED.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules table -->\n", 1)[1].split("\n<!-- end rules table -->", 1)[0]
    assert table == markdown_table(), "regenerate it with: factcheck rules list --markdown"


@pytest.mark.parametrize("same_article, per_side, expected", [
    (False, [1, 1], "low"),       # one article on each side: a detail few carry
    (False, [1, 3], "medium"),    # the rule's own severity
    (False, [1, 5], "high"),      # six articles in all carry the claim
    (True, [1, 1], "medium"),     # inside one article the same-article severity wins
    (False, [], "medium"),
])
def test_severity_follows_how_many_articles_state_the_claim(same_article, per_side, expected):
    from factcheck.rules.entries import ConflictRule

    rule = ConflictRule("event_moment", severity="medium", severity_same_article="medium",
                        severity_single_sources="low", severity_widespread="high")
    assert rule.severity_for(same_article, per_side, widespread=6) == expected
    assert ConflictRule("x", severity="medium").severity_for(False, [1, 1], widespread=2) == "medium"
