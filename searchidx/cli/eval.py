"""`searchidx eval`: score the ranking on a query set (MRR@10, nDCG@10, recall)."""

import dataclasses
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperOption

from searchidx.cli.app import IndexOption, JsonOption, app, fail, user_errors
from searchidx.cli.help import SearchidxCommand
from searchidx.cli.output import console, print_json

# The ranking settings eval can override, by option name.
RANKING_OPTIONS = (
    "title-weight",
    "body-weight",
    "k1",
    "title-b",
    "body-b",
    "idf-power",
    "near-form-weight",
    "near-form-prefix",
    "ngram-depth",
    "ngram-weight",
)


def weight_option(name: str, help_text: str, least: float = 0.0):
    return typer.Option(f"--{name}", min=least, metavar="N" if least >= 1 or "depth" in name else "X", help=help_text)


class EvalCommand(SearchidxCommand):
    """Its help shows the ranking's defaults, read from searchidx.rank.settings only
    when the help is asked for (importing it imports Whoosh)."""

    def format_help(self, ctx, formatter) -> None:
        from searchidx.rank.settings import DEFAULT_RANKING

        for param in self.params:
            option = next((o[2:] for o in param.opts if o[2:] in RANKING_OPTIONS), None)
            if option is not None and isinstance(param, TyperOption):
                param.show_default = str(getattr(DEFAULT_RANKING, option.replace("-", "_")))
        super().format_help(ctx, formatter)


@app.command("eval", cls=EvalCommand)
def eval_command(
    queries: Annotated[
        Path,
        typer.Argument(
            metavar="QUERIES.tsv", help="TSV with header qid<TAB>query<TAB>target (target: path in the indexed folder)."
        ),
    ],
    index: IndexOption = None,
    qrels: Annotated[
        Path | None,
        typer.Option("--qrels", metavar="FILE", help="TREC qrels (qid 0 path grade) for graded judgements."),
    ] = None,
    run: Annotated[Path | None, typer.Option("--run", metavar="FILE", help="Also write a TREC run file here.")] = None,
    no_diacritics: Annotated[
        bool, typer.Option("--no-diacritics", help="Strip ë, ç (and other accents) from the queries first.")
    ] = False,
    title_weight: Annotated[float | None, weight_option("title-weight", "BM25F weight of the title")] = None,
    body_weight: Annotated[float | None, weight_option("body-weight", "BM25F weight of the body")] = None,
    k1: Annotated[float | None, weight_option("k1", "BM25 term-frequency saturation")] = None,
    title_b: Annotated[float | None, weight_option("title-b", "BM25 length normalisation of the title")] = None,
    body_b: Annotated[float | None, weight_option("body-b", "BM25 length normalisation of the body")] = None,
    idf_power: Annotated[float | None, weight_option("idf-power", "power the IDF is raised to")] = None,
    near_form_weight: Annotated[
        float | None, weight_option("near-form-weight", "credit for a missing key's near forms, 0: off")
    ] = None,
    near_form_prefix: Annotated[
        int | None, weight_option("near-form-prefix", "letters a near form shares with the key", least=1)
    ] = None,
    ngram_depth: Annotated[
        int | None, weight_option("ngram-depth", "hits re-ranked by character 4-grams, 0: off", least=0)
    ] = None,
    ngram_weight: Annotated[
        float | None, weight_option("ngram-weight", "weight of the 4-gram re-ranking, 0: off")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Run a query set as plain words and print MRR@10, nDCG@10, Recall@10 and Recall@100."""
    from searchidx.api import Index
    from searchidx.evaluation import evaluate, read_query_set, write_trec_run
    from searchidx.rank.settings import DEFAULT_RANKING

    overrides: dict[str, Any] = {  # Ranking's fields, each of its own type
        name: value
        for name, value in dict(
            title_weight=title_weight,
            body_weight=body_weight,
            k1=k1,
            title_b=title_b,
            body_b=body_b,
            idf_power=idf_power,
            near_form_weight=near_form_weight,
            near_form_prefix=near_form_prefix,
            ngram_depth=ngram_depth,
            ngram_weight=ngram_weight,
        ).items()
        if value is not None
    }
    ranking = dataclasses.replace(DEFAULT_RANKING, **overrides)
    with user_errors():
        query_set = read_query_set(queries, qrels)
        with Index.open(index) as opened:
            opened.ranking = ranking
            report = evaluate(opened, query_set, no_diacritics=no_diacritics)
    if run is not None:
        try:
            with run.open("w", encoding="utf-8") as out:
                write_trec_run(report, out)
        except OSError as error:
            raise fail(f"cannot write {run}: {error.strerror or error}") from None
    summary = report.summary()
    if as_json:
        print_json({**summary, "ranking": dataclasses.asdict(ranking), "no_diacritics": no_diacritics})
        return
    from rich.table import Table
    from rich.text import Text

    # A file name is shown as written, never read as markup.
    table = Table(title=Text(f"{queries.name}: {summary['queries']} queries"), title_justify="left")
    for name in ("mrr@10", "ndcg@10", "recall@10", "recall@100"):
        table.add_column(name.upper().replace("RECALL", "Recall").replace("NDCG", "nDCG"), justify="right")
    table.add_row(*(f"{summary[name]:.4f}" for name in ("mrr@10", "ndcg@10", "recall@10", "recall@100")))
    console().print(table)
