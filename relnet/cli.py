"""The `relnet` command: validate, convert and create cases (and more, see `relnet --help`)."""

import argparse
import sys

from . import __version__
from .data.errors import CaseError
from .data.read import read_case, validate
from .data.write import new_case, write_case

__all__ = ["main"]


def _validate(args):
    problems = validate(args.path)
    if not problems:
        print(f"{args.path}: valid case")
        return 0
    print(f"{args.path}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    for problem in problems:
        print(f"  - {problem}")
    return 1


def _convert(args):
    case = read_case(args.src)
    write_case(case, args.dst, overwrite=args.overwrite)
    print(f"wrote {args.dst}")
    return 0


def _new(args):
    new_case(args.dir, name=args.name, municipality=args.municipality,
             overwrite=args.overwrite)
    print(f"wrote an empty case to {args.dir}: fill in case.yaml and the CSV files "
          f"(or open them in Excel), then run: relnet validate {args.dir}")
    return 0


def _synth(args):
    from .synth import generate_case

    case = generate_case(args.actors, seed=args.seed, style=args.style)
    write_case(case, args.dir, overwrite=args.overwrite)
    print(f"wrote a synthetic {args.style} case with {len(case.actors)} actors and "
          f"{len(case.ties)} ties to {args.dir}")
    return 0


def _report(args):
    from .present.report import write_report

    case = read_case(args.path)  # a CaseError is printed by main() and nothing is written
    path = write_report(case, args.output, lang=args.lang, names=args.names, wave=args.wave,
                        overwrite=args.overwrite)
    size = path.stat().st_size / 1024
    print(f"wrote {path} ({size:.0f} KB; persons "
          f"{'named' if args.names else 'pseudonymised'})")
    return 0


def _anonymize(args):
    import secrets

    from .network.privacy import anonymize

    salt = args.salt
    if not salt:
        salt = secrets.token_hex(16)
        print(f"salt: {salt}\n(keep it secret and use it again with --salt to give the same "
              "persons the same pseudonyms in later files)")
    case = read_case(args.src)
    write_case(anonymize(case, salt, keep_text=args.keep_text), args.dst,
               overwrite=args.overwrite)
    print(f"wrote {args.dst}")
    return 0


def build_parser():
    parser = argparse.ArgumentParser(
        prog="relnet",
        description="relnet: research workbench for the relationship-oriented municipality.")
    parser.add_argument("--version", action="version", version=f"relnet {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check a case and list every problem (exit 1 if any)")
    p.add_argument("path", help="a case folder, .xlsx workbook or .zip")
    p.set_defaults(func=_validate)

    p = sub.add_parser("convert", help="convert a case between folder and .xlsx")
    p.add_argument("src")
    p.add_argument("dst", help="a folder, or a path ending in .xlsx")
    p.add_argument("--overwrite", action="store_true", help="replace DST if it exists")
    p.set_defaults(func=_convert)

    p = sub.add_parser("new", help="write an empty case with every file and its header")
    p.add_argument("dir")
    p.add_argument("--name", default="Nieuwe casus")
    p.add_argument("--municipality", default="")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=_new)

    p = sub.add_parser("report", help="a self-contained HTML report of a case")
    p.add_argument("path", help="a case folder, .xlsx workbook or .zip")
    p.add_argument("-o", "--output", required=True, help="the report file (.html)")
    p.add_argument("--lang", choices=["nl", "en"], default="en")
    p.add_argument("--names", action="store_true",
                   help="show persons' names (default: pseudonymised)")
    p.add_argument("--wave", type=int, default=None, help="the wave (default: the latest)")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=_report)

    p = sub.add_parser("anonymize", help="write a copy with persons and respondents "
                                         "pseudonymised")
    p.add_argument("src")
    p.add_argument("dst")
    p.add_argument("--salt", help="secret text; the same salt gives the same pseudonyms "
                                  "(default: a new random salt, printed)")
    p.add_argument("--keep-text", action="store_true",
                   help="keep free-text columns (comments, notes)")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=_anonymize)

    p = sub.add_parser("synth", help="write a synthetic (fictional) case of any size")
    p.add_argument("dir", help="a folder, or a path ending in .xlsx")
    p.add_argument("--actors", type=int, default=200, help="number of actors (default 200)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--style", choices=["relational", "directive"], default="relational")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=_synth)
    return parser


def main(argv=None):
    """Run the command line; returns the exit code (0 ok, 1 bad data, 2 usage or I/O)."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (FileExistsError, FileNotFoundError, PermissionError, ValueError) as exc:
        print(f"relnet: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
