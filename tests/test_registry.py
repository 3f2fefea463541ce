"""One registry row per comparison rule: the rule files, the compare loop, the CLI's
rule list and the SARIF rules all read it, so a new rule is a function and a row."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import make_article, make_fact
from factcheck.cli import main
from factcheck.compare import compare
from factcheck.compare.context import Comparison
from factcheck.compare.numeric import quantities
from factcheck.compare.proposal import Proposal
from factcheck.compare.registry import BY_CODE, RULES, RuleSpec
from factcheck.model import Quantity
from factcheck.rules import check_rules, load_rules

SHIPPED = Path(__file__).resolve().parents[1] / "rules"


def crowd_conflicts(ctx: Comparison, params: dict[str, float]) -> list[Proposal]:
    slips = [f for f, q in quantities(ctx.facts) if q.unit == "person" and q.value > params["ceiling"]]
    return [Proposal("numeric_value", "crowd_size", f"{f.text}: too many people?", ((f,),),
                     f"'{f.text}' counts more people than plausible.") for f in slips]


NEW_ROW = RuleSpec("FC999", "crowd_size", "numeric_value", "Implausible crowd",
                   "A count of people above ceiling.", crowd_conflicts, {"ceiling": 1e9}, "low")


def test_codes_and_names_are_unique_and_every_row_is_complete():
    assert len(BY_CODE) == len(RULES)
    for spec in RULES.values():
        assert spec.code.startswith("FC") and spec.title and spec.help and callable(spec.run)
        for name in spec.params:
            assert name in spec.help, f"{spec.name}: the help text should say what {name} does"


def test_a_new_row_is_configurable_compared_listed_and_in_sarif(monkeypatch, tmp_path):
    monkeypatch.setitem(RULES, NEW_ROW.name, NEW_ROW)
    rules_dir = tmp_path / "rules"
    shutil.copytree(SHIPPED, rules_dir)
    with (rules_dir / "conflicts.yaml").open("a", encoding="utf-8") as out:
        out.write("\n- kind: conflict\n  rule: crowd_size\n  severity: medium\n  params: {ceiling: 1000000}\n")
    assert check_rules(rules_dir) == []
    rules = load_rules(rules_dir)
    assert rules.params("crowd_size") == {"ceiling": 1e6}

    a = make_article("a1", "a.txt", "관중은 2000만 명으로 집계됐다. 선수는 500명이다.")
    facts = [make_fact(a, "f1", "quantity", "2000만 명", Quantity(2e7, 2e7, 2e7, "person", "count")),
             make_fact(a, "f2", "quantity", "500명", Quantity(500, 500, 500, "person", "count"))]
    [conflict] = compare(facts, [a], rules)
    assert (conflict.code, conflict.rule, conflict.severity, conflict.facts) == ("FC999", "crowd_size",
                                                                                 "medium", ("f1",))
    assert compare(facts, [a], load_rules(SHIPPED)) == []  # the default ceiling lets both pass
    listed = CliRunner().invoke(main, ["rules", "list", "--rules", str(rules_dir)])
    assert listed.exit_code == 0 and "FC999  crowd_size" in listed.output and "ceiling=1e+06" in listed.output

    from factcheck.ci.sarif import _rule

    sarif_rule = _rule(NEW_ROW)
    assert (sarif_rule["id"], sarif_rule["fullDescription"]["text"]) == ("FC999", NEW_ROW.help)


def test_an_unknown_rule_or_parameter_in_the_files_is_reported(tmp_path):
    (tmp_path / "c.yaml").write_text("- kind: conflict\n  rule: numeric_valu\n  severity: high\n"
                                     "- kind: conflict\n  rule: numeric_value\n  severity: high\n"
                                     "  params: {tolerence: 0.1}\n", encoding="utf-8")
    problems = [str(p) for p in check_rules(tmp_path)]
    assert any("c.yaml:2:9" in p and "did you mean 'numeric_value'" in p for p in problems)
    assert any("c.yaml:7:12" in p and "no parameter 'tolerence'" in p and "tolerance" in p for p in problems)


def test_a_disabled_rule_does_not_run(tmp_path):
    (tmp_path / "c.yaml").write_text("- kind: conflict\n  rule: related_share\n  severity: low\n  enabled: false\n",
                                     encoding="utf-8")
    rules = load_rules(tmp_path)
    a = make_article("a1", "a.txt", "HBM 시장 점유율은 70%다. HBM 시장 점유율은 50%다.")
    share = dict(attribute="market share", qualifiers=("HBM",))
    facts = [make_fact(a, "f1", "quantity", "70%", Quantity(70, 70, 70, "percent", "percent"), **share),
             make_fact(a, "f2", "quantity", "50%", Quantity(50, 50, 50, "percent", "percent"), **share)]
    assert compare(facts, [a], rules) == []
    assert [c.rule for c in compare(facts, [a], load_rules(SHIPPED))] == ["related_share"]


def test_min_confidence_leaves_out_the_less_sure_conflicts_and_the_rest_come_most_sure_first(monkeypatch):
    from dataclasses import replace as _replace

    from conftest import make_article, make_fact
    from factcheck.compare import compare
    from factcheck.compare import registry
    from factcheck.compare.proposal import Proposal
    from factcheck.rules import load_rules

    rules = load_rules()
    a, b = make_article("a1", "a.txt", "사망자 1명."), make_article("a2", "b.txt", "사망자 2명, 3명.")
    f1 = make_fact(a, "f1", "quantity", "1명", 1)
    f2, f3 = make_fact(b, "f2", "quantity", "2명", 2), make_fact(b, "f3", "quantity", "3명", 3)

    def run(ctx, params):
        return [Proposal("numeric_value", "numeric_value", "x", ((f1,), (f2,)), "sure", 0.9),
                Proposal("numeric_value", "numeric_value", "y", ((f1,), (f3,)), "unsure", 0.4)]

    spec = registry.RULES["numeric_value"]
    monkeypatch.setattr(registry, "RULES", {"numeric_value": _replace(spec, run=run)})
    import factcheck.compare as compare_module
    monkeypatch.setattr(compare_module, "RULES", registry.RULES)
    both = compare([f1, f2, f3], [a, b], rules)
    assert [c.explanation for c in both] == ["sure", "unsure"]
    assert [c.confidence for c in both] == [0.9, 0.4]
    assert [c.explanation for c in compare([f1, f2, f3], [a, b], rules, min_confidence=0.5)] == ["sure"]
