"""factcheck eval: precision and recall against a corpus's gold file."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import FactcheckError
from .output import Progress, fail


@click.command("eval")
@click.argument("corpus", type=click.Path())
@click.option("--gold", type=click.Path(), help="Gold file (default: CORPUS/gold.yaml).")
@click.option("--report", "report_path", type=click.Path(),
              help="Score this JSON report instead of checking the corpus.")
@click.option("--rules", "rules_dir", type=click.Path(), help="Rule folder.")
@click.option("-q", "--quiet", is_flag=True, help="Only the precision/recall line.")
def eval_command(corpus, gold, report_path, rules_dir, quiet):
    """Score detection against CORPUS/gold.yaml (the rule of shared EVAL.md)."""
    import json

    from ..evaluate import format_score, load_gold, score_report
    from ..report import to_json_dict

    if not Path(corpus).is_dir():
        raise click.UsageError(f"{corpus}: not a folder")
    try:
        gold_data = load_gold(corpus, gold)
        if report_path:
            report = json.loads(Path(report_path).read_text(encoding="utf-8"))
        else:
            from ..pipeline import check

            report = to_json_dict(check([corpus], rules_dir=rules_dir, progress=Progress(True)))
        click.echo(format_score(score_report(report, Path(corpus), gold_data), quiet=quiet))
    except FactcheckError as error:
        fail(error)
    except (OSError, ValueError) as error:
        fail(str(error))
