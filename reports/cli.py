"""`reports`: the command line. Exit codes: 0 all files read, 1 some files failed, 2 usage error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reports.batch import run
from reports.outdir import OutputDirError

EPILOG = """examples:
  reports run corpus -o outputs          every report under corpus/ into outputs/
  reports run a.docx b.pdf archive/ -o out

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
    return parser


def cmd_run(args: argparse.Namespace) -> int:
    try:
        summary = run(args.inputs, args.out, progress=False if args.quiet else None)
    except (OutputDirError, FileNotFoundError) as exc:
        print(f"reports: error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        line = f"{summary.files} files: {summary.ok} ok, {summary.partial} partial, {summary.failed} failed -> {args.out}"
        if summary.failed:
            line += f" (see {args.out / 'errors.csv'})"
        if summary.skipped:
            line += f"; {len(summary.skipped)} files of other types skipped"
        print(line, file=sys.stderr)
    return summary.exit_code


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return {"run": cmd_run}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
