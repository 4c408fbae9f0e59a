"""`reports`: the command line. Exit codes: 0 all files read, 1 some files failed, 2 usage error."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from extract.limits import DEFAULT_LIMITS
from normalize.registry_file import RegistryError, load_registry
from reports.batch import run
from reports.dask_engine import dask_engine
from reports.outdir import OutputDirError
from reports.show_audit import load_findings, render

EPILOG = """examples:
  reports run corpus -o outputs          every report under corpus/ into outputs/
  reports run a.docx b.pdf archive/ -o out
  reports audit outputs                  the audit findings of that run, mismatches first
  reports query outputs "SELECT name, n_mentions FROM schools ORDER BY n_mentions DESC LIMIT 5"

exit codes: 0 every file was read, 1 some files failed (see OUT/errors.csv), 2 usage error"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reports",
        description="Turn archives of Russian education reports (DOCX, PDF, TXT) into queryable, auditable CSVs.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p_run = sub.add_parser(
        "run",
        help="process report files and folders into an output folder",
        description="Read every report (folders recursively) and write the contract CSVs into OUT. "
        "OUT is replaced atomically: it is built beside the old one and swapped in when complete.",
    )
    p_run.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="report files or folders")
    p_run.add_argument("-o", "--out", type=Path, required=True, metavar="OUT", help="output folder")
    p_run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p_run.add_argument("-j", "--workers", type=int, default=None, metavar="N",
                       help="worker processes for the local engine (default: the number of cores)")
    p_run.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="run the per-document stage in local worker processes or on a Dask cluster")
    p_run.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    p_run.add_argument("--timeout", type=int, default=DEFAULT_LIMITS.document_seconds, metavar="SECONDS",
                       help=f"wall time per document before it becomes an error row (default {DEFAULT_LIMITS.document_seconds})")
    p_run.add_argument("--memory", type=int, default=DEFAULT_LIMITS.worker_memory_mb, metavar="MB",
                       help=f"memory per worker process (default {DEFAULT_LIMITS.worker_memory_mb})")
    p_run.add_argument("--no-cache", action="store_true",
                       help="process every document again instead of reusing results kept in OUT/.cache")
    p_run.add_argument(
        "--registry", type=Path, metavar="FILE",
        help="CSV of corrections to the school registry: official institutions (with INN/OGRN), "
        "aliases pinned to an institution, splits of wrong merges (see registry.example.csv)",
    )
    p_query = sub.add_parser(
        "query",
        help="run SQL (DuckDB) over the CSVs of an output folder; export it to Parquet or Excel",
        description="Each CSV of OUT is a table named after its file (documents, tables, cells, mentions, schools, "
        "people, events, audit, errors), typed as datapackage.json documents it.",
        epilog='example:\n  reports query outputs "SELECT kind, count(*) FROM schools GROUP BY kind ORDER BY 2 DESC"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_query.add_argument("out", type=Path, metavar="OUT", help="output folder of a `reports run`")
    p_query.add_argument("sql", nargs="?", help="the query; omit it to only export")
    p_query.add_argument("--csv", type=Path, metavar="FILE", help="write the result to FILE instead of printing it")
    p_query.add_argument("--parquet", action="store_true", help="also write OUT/parquet/NAME.parquet for every CSV")
    p_query.add_argument("--excel", type=Path, metavar="FILE", help="also write every CSV as a sheet of FILE (.xlsx)")
    p_audit = sub.add_parser(
        "audit",
        help="print the audit findings of an existing run, mismatches first",
        description="Read OUT/audit.csv of an earlier `reports run` and print every finding: the check, where "
        "it is, the declared and computed figures, and the evidence quoted from the document.",
    )
    p_audit.add_argument("out", type=Path, metavar="OUT", help="output folder of a `reports run`")
    p_audit.add_argument(
        "--status", choices=["mismatch", "unverifiable", "ok"], action="append",
        help="show only findings with this status (repeatable); default: all",
    )
    return parser


def cmd_run(args: argparse.Namespace) -> int:
    try:
        registry = load_registry(args.registry) if args.registry else None
        limits = replace(DEFAULT_LIMITS, document_seconds=args.timeout, worker_memory_mb=args.memory)
        engine = dask_engine(args.scheduler) if args.engine == "dask" else None
        summary = run(args.inputs, args.out, progress=False if args.quiet else None, registry=registry,
                      workers=args.workers, engine=engine, limits=limits, use_cache=not args.no_cache)
    except (OutputDirError, FileNotFoundError, RegistryError, ValueError) as exc:
        print(f"reports: error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        line = f"{summary.files} files: {summary.ok} ok, {summary.partial} partial, {summary.failed} failed -> {args.out}"
        line += f" ({summary.processed} processed, {summary.cached} from the cache)"
        if summary.failed:
            line += f" (see {args.out / 'errors.csv'})"
        if summary.skipped:
            line += f"; {len(summary.skipped)} files of other types skipped"
        print(line, file=sys.stderr)
    return summary.exit_code


def cmd_audit(args: argparse.Namespace) -> int:
    if not (args.out / "audit.csv").is_file():
        print(f"reports: error: {args.out} holds no audit.csv; run `reports run INPUT -o {args.out}` first", file=sys.stderr)
        return 2
    rows = load_findings(args.out)
    if args.status:
        rows = [r for r in rows if r["status"] in args.status]
    print(render(rows, shown=", ".join(args.status or [])))
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from reports import query

    if not (args.out / "documents.csv").is_file():
        print(f"reports: error: {args.out} is not the output folder of a run (no documents.csv)", file=sys.stderr)
        return 2
    if not (args.sql or args.parquet or args.excel):
        print("reports: error: give a query, --parquet or --excel", file=sys.stderr)
        return 2
    if args.sql:
        try:
            names, rows = query.run_query(args.out, args.sql)
        except Exception as exc:  # duckdb's errors explain the query's mistake
            print(f"reports: error: the query failed: {exc}", file=sys.stderr)
            return 2
        if args.csv:
            query.write_result_csv(args.csv, names, rows)
            print(f"{len(rows)} rows -> {args.csv}", file=sys.stderr)
        else:
            print(query.format_table(names, rows))
    if args.parquet:
        print(f"Parquet copies -> {query.export_parquet(args.out)}", file=sys.stderr)
    if args.excel:
        print(f"workbook -> {query.export_excel(args.out, args.excel)}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return {"run": cmd_run, "audit": cmd_audit, "query": cmd_query}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
