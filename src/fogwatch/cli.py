"""The `fogwatch` command: a thin layer over the library, one short function per verb."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import enum
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

import fogwatch
from fogwatch import tables
from fogwatch.errors import InputError, StoreError
from fogwatch.export import acled, geojson, jsonl
from fogwatch.ingest import readers
from fogwatch.records import ArticleResult, RawArticle

if TYPE_CHECKING:
    from fogwatch.ingestion import Analyser
    from fogwatch.store import Store

app = typer.Typer(
    help="Turn conflict news into auditable events and claims, every value traced to its text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stdout = Console(highlight=False)
stderr = Console(stderr=True, highlight=False)


class ListFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ShowFormat(enum.StrEnum):
    text = "text"
    json = "json"


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store URL or SQLite file path.", envvar="FOGWATCH_DB", show_envvar=True
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(callback=_parse_date, metavar="YYYY-MM-DD", help="Date bound, inclusive."),
]
LimitOption = Annotated[int | None, typer.Option(min=1, help="At most this many rows.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fogwatch {fogwatch.__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """fogwatch: conflict news in; events, claims and their evidence out."""
    if (fixed := tables.width()) is not None:  # not a terminal: COLUMNS, or wide
        stdout.width = fixed


def _analyser(
    scale_out: contextlib.ExitStack, store: Store, cluster: str | None, workers: int | None
) -> Analyser:
    """The pipeline here, or on a Dask cluster (`--cluster`/`--workers`) for as long as
    `scale_out` is open; a cluster that cannot be reached is one line and exit 1."""
    from fogwatch import ingestion

    if cluster is None and workers is None:
        return ingestion.analyse_locally
    from fogwatch.scale import dask as scale

    try:
        return scale_out.enter_context(scale.analyser(cluster, workers))
    except scale.ClusterError as error:
        stderr.print(f"fogwatch: {error}", markup=False, soft_wrap=True)
        store.close()
        raise typer.Exit(1) from None


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")
    ],
    db: DbOption = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            callback=_parse_date,
            metavar="YYYY-MM-DD",
            help="Publication date for bodies without one.",
        ),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(help="Largest article text in bytes [env FOGWATCH_MAX_BYTES; default 5 MB]."),
    ] = None,
    output: Annotated[
        ShowFormat, typer.Option("--format", help="Summary as text or JSON.")
    ] = ShowFormat.text,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            metavar="tcp://HOST:8786",
            help="Run the pipeline on this Dask scheduler's workers; this process writes the store.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            metavar="N",
            help="Run the pipeline on N worker processes started on this machine for the run.",
        ),
    ] = None,
) -> None:
    """Read, clean, de-duplicate and store articles (text, JSONL, HTML, RSS/Atom).

    --cluster or --workers: the pipeline runs on Dask workers; the store ends up the same.
    """
    if cluster is not None and workers is not None:
        raise typer.BadParameter("use one of them, not both", param_hint="--cluster / --workers")
    from fogwatch import ingestion  # the store's modules: not loaded for `extract`

    store = fogwatch.open(db)
    scale_out = contextlib.ExitStack()
    analyse = _analyser(scale_out, store, cluster, workers)
    from fogwatch.watch import progress

    # the total is known when the inputs can be read twice quickly (not standard input)
    total = None if "-" in paths else progress.count(readers.read(paths, date, max_bytes))  # type: ignore[arg-type]
    with scale_out, progress.Progress(stderr, total) as shown:
        summary = ingestion.ingest(
            store,
            paths,
            published=date,  # type: ignore[arg-type]
            max_bytes=max_bytes,
            on_item=shown.advance,
            analyse=shown.analyser(analyse, load_here=analyse is ingestion.analyse_locally),
        )
        shown.finish()
    if output is ShowFormat.json:
        typer.echo(json.dumps(summary.as_dict()))
    else:
        counts = summary.as_dict()
        stdout.print(
            "ingested: "
            + ", ".join(f"{count} {name.replace('_', '-')}" for name, count in counts.items()),
            markup=False,
        )
    store.close()
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def articles(
    search: Annotated[str | None, typer.Option("--search", "-s", help="Full-text query.")] = None,
    since: DateOption = None,
    until: DateOption = None,
    limit: LimitOption = None,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List stored articles, newest first."""
    with fogwatch.open(db) as store:
        rows = store.articles(search=search, since=since, until=until, limit=limit)  # type: ignore[arg-type]
    _print_rows(
        rows, ARTICLE_COLUMNS, output, keys=[*(c.key for c in ARTICLE_COLUMNS), "dup_cluster"]
    )


ARTICLE_COLUMNS = (
    tables.Column("id"),
    tables.Column("published"),
    tables.Column("source", wraps=True, drop=2),
    tables.Column("title", wraps=True),
    tables.Column("words", drop=1),
)


class EventFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    geojson = "geojson"
    acled = "acled"


@app.command()
def events(
    place: Annotated[str | None, typer.Option(help="Place name (or store place id).")] = None,
    since: DateOption = None,
    until: DateOption = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="ACLED event type or sub-event type.")
    ] = None,
    side: Annotated[str | None, typer.Option(help="Either actor's side, e.g. RUS or UKR.")] = None,
    modality: Annotated[
        str | None, typer.Option(help="asserted, negated, hypothetical, future or historical.")
    ] = None,
    limit: LimitOption = None,
    output: Annotated[
        EventFormat, typer.Option("--format", help="Output format.")
    ] = EventFormat.table,
    db: DbOption = None,
) -> None:
    """List stored events, newest first (ACLED format: asserted events only)."""
    with fogwatch.open(db) as store:
        rows = store.events(place, since, until, event_type, side, modality, limit)  # type: ignore[arg-type]
    if output is EventFormat.acled:
        acled.write_csv(rows, sys.stdout)
    elif output is EventFormat.geojson:
        typer.echo(jsonl.dumps(geojson.feature_collection(rows)))
    else:
        for row in rows:
            row.pop("article_text", None)
        every_key = list(rows[0]) if rows else [column.key for column in EVENT_COLUMNS]
        _print_rows(rows, EVENT_COLUMNS, ListFormat(output.value), keys=every_key)


EVENT_COLUMNS = (
    tables.Column("id"),
    tables.Column("date"),
    tables.Column("sub_type", wraps=True),
    tables.Column("actor1_id", "actor1", wraps=True, drop=1),
    tables.Column("actor2_id", "actor2", wraps=True, drop=3),
    tables.Column("location", wraps=True),
    tables.Column("fatalities_best", "fatalities", drop=2),
    tables.Column("modality", drop=4),
)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="File to write.")],
    output: Annotated[str, typer.Option("--format", help="acled-csv or geojson.")] = "acled-csv",
    db: DbOption = None,
) -> None:
    """Write every stored event as an ACLED-compatible CSV (asserted events) or as GeoJSON."""
    if output not in ("acled-csv", "geojson"):
        raise typer.BadParameter(
            f"unknown format {output!r}; use acled-csv or geojson", param_hint="--format"
        )
    with fogwatch.open(db) as store:
        rows = store.events()
    with out.open("w", encoding="utf-8", newline="") as stream:
        if output == "acled-csv":
            count = acled.write_csv(rows, stream)
        else:
            collection = geojson.feature_collection(rows)
            stream.write(jsonl.dumps(collection))
            count = len(collection["features"])
    stderr.print(f"wrote {count} events to {out}", markup=False)


@app.command()
def places(
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Part of the place name.")
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO country code, e.g. UA.")] = None,
    limit: LimitOption = None,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List places mentioned in stored articles, most mentioned first."""
    from fogwatch.geo import gazetteer  # loaded only for a search: other spellings of the name

    place_ids = gazetteer.search_ids(search) if search else []
    with fogwatch.open(db) as store:
        rows = store.places(search=search, country=country, limit=limit, place_ids=place_ids)
    _print_rows(rows, PLACE_COLUMNS, output)


PLACE_COLUMNS = (
    tables.Column("id"),
    tables.Column("name", wraps=True),
    tables.Column("feature", wraps=True, drop=4),
    tables.Column("country"),
    tables.Column("admin1", drop=5),
    tables.Column("lat", drop=6),
    tables.Column("lon", drop=6),
    tables.Column("mentions"),
    tables.Column("articles", drop=3),
)


@app.command()
def claims(
    contested: Annotated[
        bool, typer.Option("--contested", help="Only claims contested or refuted by another.")
    ] = False,
    status: Annotated[
        str | None, typer.Option(help="claimed, confirmed, contested or refuted.")
    ] = None,
    place: Annotated[str | None, typer.Option(help="Place name (or store place id).")] = None,
    source: Annotated[
        str | None, typer.Option(help="Speaker (actor name or id) or outlet, in part.")
    ] = None,
    side: Annotated[str | None, typer.Option(help="The speaker's side, e.g. RUS or UKR.")] = None,
    since: DateOption = None,
    until: DateOption = None,
    limit: LimitOption = None,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List stored claims, newest first: who says what, and how credible it is (Admiralty A–F / 1–6)."""
    with fogwatch.open(db) as store:
        rows = store.claims(
            contested=contested,
            status=status,
            place=place,
            source=source,
            side=side,
            since=since,  # type: ignore[arg-type]
            until=until,  # type: ignore[arg-type]
            limit=limit,
        )
    if output is ListFormat.table:
        for row in rows:
            row["judged"] = f"{row['status']} {row['reliability']}{row['credibility']}"
            row["content"] = _clip(row["content"], 60)
        _print_rows(rows, CLAIM_COLUMNS, output)
    else:
        _print_rows(rows, CLAIM_COLUMNS, output, keys=list(rows[0]) if rows else ["id"])


CLAIM_COLUMNS = (
    tables.Column("id"),
    tables.Column("day"),
    tables.Column("source", wraps=True, drop=2),
    tables.Column("cue", wraps=True, drop=1),
    tables.Column("content", wraps=True),
    tables.Column("judged"),
)


@app.command()
def place(
    name: Annotated[str, typer.Argument(help="Place name or store place id (gn:704422).")],
    output: Annotated[ShowFormat, typer.Option("--format", help="text or json.")] = ShowFormat.text,
    db: DbOption = None,
) -> None:
    """A place's dossier: its events and each side's claims over time, and every contradiction."""
    with fogwatch.open(db) as store:
        found = store.dossier(name)
    if found is None:
        stderr.print(
            f"fogwatch: no stored place called {name!r} — list them with `fogwatch places`",
            markup=False,
        )
        raise typer.Exit(1)
    if output is ShowFormat.json:
        typer.echo(jsonl.dumps(found, indent=2))
        return
    where = found["place"]
    stdout.print(
        f"{where['name']} ({where['id']}, {where['feature']}, {where['country']} {where['admin1'] or ''})",
        style="bold",
        markup=False,
        soft_wrap=True,
    )
    totals = found["totals"]
    stdout.print(f"\nEvents ({len(found['events'])} of {totals['events']})", style="bold")
    for event in found["events"]:
        stdout.print(
            f"  {event['date']}  {event['sub_type']:<40} {event['actor1'] or '?'} vs {event['actor2'] or '-'}  [{event['modality']}]",
            markup=False,
            soft_wrap=True,
        )
    stdout.print(f"\nClaims by side ({len(found['claims'])} of {totals['claims']})", style="bold")
    by_side: dict[str, list[dict[str, Any]]] = {}
    for claim in found["claims"]:
        by_side.setdefault(claim["side"] or "unattributed", []).append(claim)
    for side_name, side_claims in sorted(by_side.items()):
        stdout.print(f"  {side_name}", style="bold", markup=False, soft_wrap=True)
        for claim in sorted(side_claims, key=lambda c: (c["day"], c["id"])):
            stdout.print(
                f"    {claim['day']}  [{claim['status']} {claim['reliability']}{claim['credibility']}]  {claim['source'] or claim['publisher'] or '?'} {claim['cue']}: {_clip(claim['content'], 80)}",
                markup=False,
                soft_wrap=True,
            )
    stdout.print(f"\nContradictions ({len(found['contradictions'])})", style="bold")
    for pair in found["contradictions"]:
        a, b = pair["a"], pair["b"]
        stdout.print(f"  {pair['evidence']}", markup=False, soft_wrap=True)
        stdout.print(
            f"    {a['day']} {a['source'] or a['publisher']}: {_clip(a['content'], 60)}",
            markup=False,
            soft_wrap=True,
        )
        stdout.print(
            f"    {b['day']} {b['source'] or b['publisher']}: {_clip(b['content'], 60)}",
            markup=False,
            soft_wrap=True,
        )


class ControlFormat(enum.StrEnum):
    table = "table"
    json = "json"
    geojson = "geojson"


@app.command()
def control(
    place: Annotated[str | None, typer.Option(help="Place name (or store place id).")] = None,
    date: Annotated[
        str | None,
        typer.Option(
            callback=_parse_date, metavar="YYYY-MM-DD", help="The day (default: everything stored)."
        ),
    ] = None,
    output: Annotated[
        ControlFormat, typer.Option("--format", help="Output format.")
    ] = ControlFormat.table,
    db: DbOption = None,
) -> None:
    """Who controls each settlement by whose word: controlled (confirmed), claimed or contested,
    with every territorial claim and event behind it."""
    from fogwatch.claims import control as ledger

    with fogwatch.open(db) as store:
        settlements = store.control(place=place, on=date)  # type: ignore[arg-type]
    if output is ControlFormat.geojson:
        typer.echo(jsonl.dumps(ledger.feature_collection(settlements)))
        return
    if output is ControlFormat.json:
        typer.echo(jsonl.dumps([s.as_json() for s in settlements], indent=2))
        return
    for settlement in settlements:
        stdout.print(
            f"{settlement.place.name} ({settlement.place_id}): {settlement.status}"
            f" {settlement.controller or ''} since {settlement.since or '-'}"
            f"  [claims {settlement.first_claim} … {settlement.last_claim}]",
            style="bold",
            markup=False,
            soft_wrap=True,
        )
        stdout.print(f"  {settlement.reason}", markup=False, soft_wrap=True)
        for entry in settlement.entries:
            who = entry.speaker or "unnamed source"
            said = f"claim {entry.claim_id}" if entry.claim_id else f"event {entry.event_id}"
            stdout.print(
                f"    {entry.date}  {entry.effect} {entry.side or '?'}  {who}"
                f" ({entry.speaker_side or entry.origin or '?'}, {entry.publisher or '?'})"
                f" {entry.predicate}: {_clip(entry.quote, 70)}"
                f"  [{said}]",
                markup=False,
                soft_wrap=True,
            )
    if not settlements:
        stderr.print("no territorial claims or events for that place and day", markup=False)


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


gazetteer_app = typer.Typer(help="Build or inspect the compiled gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Compile the gazetteer cache from the installed GeoNames packages and places_extra.yaml."""
    from fogwatch.geo import gazetteer

    path = gazetteer.build()
    typer.echo(f"built {path}")


@gazetteer_app.command("info")
def gazetteer_info() -> None:
    """Where the gazetteer cache is, its size, its inputs and what it holds."""
    from fogwatch.geo import gazetteer

    typer.echo(jsonl.dumps(gazetteer.info(), indent=1))


eval_app = typer.Typer(
    help="Score fogwatch on gold data (paths to ../shared/eval files).", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")


@eval_app.command("geo")
def eval_geo(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="GeoWebNews- or LGL-style XML.")],
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Toponym recognition and resolution scores (Gritta et al.) on a gold corpus."""
    from fogwatch.evaluate import geo

    _require_file(path, "../shared/eval/geo/GWN.xml")
    _print_scores(geo.run(path, limit=limit), as_json)


@eval_app.command("events")
def eval_events(
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="CASE 2021 task 2 TSV (id, snippet, label).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Event sub-types on CASE 2021 snippets through the whole pipeline, and the classifier alone:
    macro, micro and weighted F1 for subtasks 1-3, share of snippets with an event."""
    from fogwatch.evaluate import events

    _require_file(path, "../shared/eval/events/case2021_task2_dev.tsv")
    _print_scores(events.run(path), as_json)


@eval_app.command("attribution")
def eval_attribution(
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="PolNeAR-style JSONL (text and quotes a line).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Attribution spans: cue, source and content P/R/F1 (exact, overlapping, any) and source accuracy."""
    from fogwatch.evaluate import attribution

    _require_file(path, "../shared/eval/attribution/polnear_dev.jsonl")
    try:
        scores = attribution.run(path)
    except InputError as error:
        stderr.print(f"fogwatch: {error}", markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    _print_scores(scores, as_json)


def _require_file(path: Path, example: str) -> None:
    if not path.is_file():
        stderr.print(
            f"fogwatch: {path}: no such file — pass a gold file, e.g. {example}",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)


def _print_scores(scores: dict[str, Any], as_json: bool) -> None:
    if as_json:
        typer.echo(jsonl.dumps(scores))
        return
    _print_nested(scores, "")


def _print_nested(scores: dict[str, Any], prefix: str) -> None:
    """One line per group of figures; groups of groups ("production" → "subtask1") get a line each."""
    for key, value in scores.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and any(isinstance(v, dict) for v in value.values()):
            _print_nested(value, f"{name} ")
        elif isinstance(value, dict):
            stdout.print(
                f"[bold]{name}[/bold]: " + ", ".join(f"{k} {v}" for k, v in value.items()),
                markup=True,
            )
        else:
            stdout.print(f"[bold]{name}[/bold]: {value}")


@app.command()
def show(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="Article id (or a unique prefix).")
    ],
    output: Annotated[
        ShowFormat, typer.Option("--format", help="Output format.")
    ] = ShowFormat.text,
    db: DbOption = None,
) -> None:
    """Show one stored article: metadata, clean text and every mention found (JSON adds raw text and offsets)."""
    with fogwatch.open(db) as store:
        result = store.article_result(article_id)
    if result is None:
        stderr.print(
            f"fogwatch: no article {article_id!r} — list ids with `fogwatch articles`",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    if output is ShowFormat.json:
        typer.echo(jsonl.dumps(jsonl.article_json(result, raw=True), indent=1))
    else:
        _print_result(result)


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="FILE", help="Articles: text, JSON Lines, HTML, or - for stdin."),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            callback=_parse_date,
            metavar="YYYY-MM-DD",
            help="Publication date if the file has none.",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print the documented JSON shape; with several FILEs, one object a line with its file.",
        ),
    ] = False,
) -> None:
    """Run the pipeline on articles without storing them and print everything found, with spans.

    Several FILEs share one process and one loaded model, so scoring many articles pays the start-up once; a file that cannot be read is reported and the others go on."""
    read_all = [_extract_file(path, date, as_json, lines=len(paths) > 1) for path in paths]  # type: ignore[arg-type]
    if not all(read_all):
        raise typer.Exit(1)


def _extract_file(path: str, date: dt.date | None, as_json: bool, lines: bool) -> bool:
    """Print what `extract` finds in one FILE (`lines`: as JSON Lines, each object naming its
    "file", with the line for JSON Lines input); False when some of it could not be read."""
    from fogwatch import extraction  # the pipeline: loaded only for the command that runs it

    items = list(readers.read([path], published=date))
    raws = [item for item in items if isinstance(item, RawArticle)]
    for error in (item for item in items if isinstance(item, InputError)):
        stderr.print(f"fogwatch: {error}", markup=False, soft_wrap=True)
    if not raws:
        return False
    try:
        results = extraction.extract(raws)
    except InputError as error:
        stderr.print(f"fogwatch: {error}", markup=False, soft_wrap=True)
        return False
    for result in results:
        if as_json and lines:
            shown = {"file": result.article.origin, **jsonl.article_json(result)}
            typer.echo(jsonl.dumps(shown))
        elif as_json:
            typer.echo(jsonl.dumps(jsonl.article_json(result), indent=1))
        else:
            _print_result(result)
    return len(raws) == len(items)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to bind; keep 127.0.0.1 unless behind a proxy.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    db: DbOption = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            metavar="N",
            help="Worker processes (about one per core); all share the store.",
        ),
    ] = 1,
) -> None:
    """Serve the web UI and the HTTP API (read-only; POST /articles needs FOGWATCH_API_TOKEN)."""
    from fogwatch.api import create_app, serving

    web = create_app(db)  # opens and migrates the store here, so a bad --db fails before forking
    stderr.print(f"fogwatch: serving on http://{host}:{port}/ (API docs: /docs)", markup=False)
    serving.run(web, host, port, workers)


@app.command()
def watch(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SOURCE...",
            help="RSS/Atom feed URLs, folders (new or changed files), growing JSON Lines files.",
        ),
    ] = None,
    db: DbOption = None,
    interval: Annotated[
        float, typer.Option(min=0.5, help="Seconds between two polls of one source.")
    ] = 60.0,
    status: Annotated[
        bool, typer.Option("--status", help="Print each watched source's state and exit.")
    ] = False,
    once: Annotated[
        bool, typer.Option("--once", help="Poll every source once, then exit (for cron).")
    ] = False,
    output: Annotated[
        ListFormat, typer.Option("--format", help="--status output format.")
    ] = ListFormat.table,
    cluster: Annotated[
        str | None,
        typer.Option(metavar="tcp://HOST:8786", help="Run the pipeline on this Dask scheduler."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="Run the pipeline on N local worker processes."),
    ] = None,
) -> None:
    """Follow feeds, folders and JSON Lines files; ingest each new article once, even across
    crashes. A failing source is one line and a backoff (the interval doubled per failure, at
    most an hour); the others go on. State lives in the store: see it with --status."""
    import signal

    from fogwatch import ingestion
    from fogwatch import watch as watching
    from fogwatch.store.watch_state import WatchState
    from fogwatch.watch import progress

    store = fogwatch.open(db)
    if status:
        rows = [watching.status(row) for row in WatchState(store.engine).sources()]
        store.close()
        _print_rows(rows, WATCH_COLUMNS, output)
        return
    if not sources:
        raise typer.BadParameter("name at least one source to watch", param_hint="SOURCE...")
    if cluster is not None and workers is not None:
        raise typer.BadParameter("use one of them, not both", param_hint="--cluster / --workers")
    stopping: list[int] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        # finish the article at hand, then stop: what is stored is marked seen
        signal.signal(signum, lambda number, _frame: stopping.append(number))
    scale_out = contextlib.ExitStack()
    with scale_out, progress.Progress(stderr, None) as shown:
        analyse = _analyser(scale_out, store, cluster, workers)
        if analyse is ingestion.analyse_locally:
            with shown.step("loading the language model, gazetteer and classifiers"):
                progress.warm_up()
        watcher = watching.Watcher(
            store,
            [watching.source(given) for given in sources],
            interval,
            log=lambda line: stderr.print(line, markup=False, soft_wrap=True),
            analyse=analyse,
            on_item=shown.advance,
            on_round=_print_round,
        )
        stderr.print(
            f"watching {len(sources)} source(s) every {interval:g} s; Ctrl-C stops", markup=False
        )
        if once:
            watcher.poll_due()
            watcher.close()
        else:
            watcher.run(stop=lambda: bool(stopping))
        shown.finish()
    store.close()


def _print_round(done: Any) -> None:
    """One line per poll that found something new (`watch.watcher.Round`)."""
    if done.summary is not None:
        counts = ", ".join(
            f"{count} {name.replace('_', '-')}"
            for name, count in done.summary.as_dict().items()
            if name != "read"
        )
        stderr.print(
            f"{done.source}: {done.items} new or changed item(s): {counts}",
            markup=False,
            soft_wrap=True,
        )


WATCH_COLUMNS = (
    tables.Column("source", wraps=True),
    tables.Column("kind", drop=3),
    tables.Column("state", wraps=True),
    tables.Column("last_poll", "last poll", drop=2),
    tables.Column("items", drop=1),
    tables.Column("last_error", "last error", wraps=True),
)


def _print_result(result: ArticleResult) -> None:
    article = result.article
    for key in ("id", "published", "source", "title", "url", "dup_cluster", "origin"):
        value = getattr(article, key)
        if value is not None:
            stdout.print(f"[bold]{key}[/bold]: ", end="")
            stdout.print(str(value), markup=False)
    stdout.print()
    stdout.print(article.text, markup=False, soft_wrap=True)
    shown = jsonl.article_json(result)
    describe = {
        "dates": lambda d: (
            f"{d['kind']} {d['value'] or ''} p{d['precision'] or '-'} {d['start'] or ''}..{d['end'] or ''}"
        ),
        "quantities": lambda q: f"{q['unit']} {q['low']}/{q['best']}/{q['high']} {q['hedge']}",
        "actors": lambda a: (
            f"{a['actor']['id']} ({a['actor']['side']}) {a['role']} {a['person'] or ''}"
        ),
        "events": lambda e: (
            f"{e['sub_type']} · {(e['actor1'] or {}).get('id', '-')} vs {(e['actor2'] or {}).get('id', '-')} · "
            f"{(e['place'] or {}).get('name', '-')} p{e['geo_precision'] or '-'} · {e['date'] or '-'} "
            f"t{e['time_precision'] or '-'} · dead {e['fatalities']['best']} · {e['modality']}"
        ),
        "coreferences": lambda c: (
            f"→ {c['antecedent']['text']!r} {(c['actor'] or {}).get('id', '')}"
        ),
        "claims": lambda c: (
            f"{((c['source'] or {}).get('text') or '-')} · {c['cue']['text']} ({c['cue']['class']}) · "
            f"{(c['proposition'] or {}).get('predicate') or '-'} · {c['status']} "
            f"{c['reliability']}{c['credibility']} · {c['id']}"
        ),
    }
    for kind, explain in describe.items():
        if not shown[kind]:
            continue
        rows = []
        for item in shown[kind]:
            if "content" in item:  # a claim: what is said
                start, end = item["content"]["span"]
                text = item["content"]["text"]
            elif "span" in item:
                start, end = item["span"]
                text = item["text"]
            else:  # an event has no single span: where its evidence starts and what it quotes
                start, end = (item["evidence"] or [[0, 0]])[0]
                text = " … ".join(item["evidence_text"])
            rows.append((f"{start}-{end}", text, explain(item).strip()))
        tables.print_table(stdout, MENTION_COLUMNS, rows, title=kind)
    for link in shown["links"]:
        stdout.print(
            f"{link['a']} {link['relation']} {link['b']}: {link['evidence']}", markup=False
        )


MENTION_COLUMNS = (
    tables.Column("span"),
    tables.Column("text", wraps=True),
    tables.Column("reading", wraps=True),
)


def _print_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[tables.Column],
    output: ListFormat,
    keys: Sequence[str] | None = None,
) -> None:
    """Rows as JSON, as CSV (`keys`, else the table's columns), or as a table of `columns`."""
    if output is ListFormat.json:
        typer.echo(jsonl.dumps(list(rows)))
    elif output is ListFormat.csv:
        writer = csv.DictWriter(
            sys.stdout,
            fieldnames=list(keys or [column.key for column in columns]),
            extrasaction="ignore",
            lineterminator="\n",
        )
        writer.writeheader()
        writer.writerows(rows)
    else:
        cells = [[row.get(column.key) for column in columns] for row in rows]
        tables.print_table(stdout, columns, cells)
        stderr.print(f"{len(rows)} rows", markup=False)


def main() -> None:
    from fogwatch.geo.gazetteer import GazetteerError
    from fogwatch.language.nlp import ModelError

    # a lost database connection is told once, as a StoreError below: psycopg's own warning
    # while it tears the connection down ("error ignored terminating <Pipeline>") is not shown
    logging.getLogger("psycopg").setLevel(logging.ERROR)
    try:
        app()
    except (StoreError, ModelError, GazetteerError) as error:  # one line, never a traceback
        stderr.print(f"fogwatch: {error}", markup=False, soft_wrap=True)
        sys.exit(1)
