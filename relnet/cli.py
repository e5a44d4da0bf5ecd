"""The `relnet` command: validate, convert and create cases, report, export, anonymise,
synthesise, and make and collect a network survey.

Every command speaks the language of ``--lang`` (or the environment variable RELNET_LANG;
Dutch by default). Wherever a command takes a case PATH, the name of a shipped case
(``haverdonk``) works too. Exit codes: 0 done, 1 the data (or the disk) made it impossible,
with every problem listed, 2 a usage error (an unknown option, a file that exists without
``--overwrite``).
"""

import argparse
import contextlib
import getpass
import os
import sys
from pathlib import Path

from . import i18n
from ._version import __version__
from .data._atomic import TargetExistsError
from .data.errors import CaseError
from .data.examples import example_names, example_path
from .data.read import read_case, validate
from .data.write import new_case, write_case

__all__ = ["main", "build_parser", "case_path"]


def case_path(text):
    """A case PATH as given, or the folder of the shipped case of that name.

    >>> case_path("haverdonk").name
    'haverdonk'
    """
    path = Path(text)
    if not path.exists() and text in example_names():
        return example_path(text)
    return path


def _say(key, lang, **params):
    print(i18n.t(f"cli.{key}", lang, **params))


def _validate(args, lang):
    problems = validate(case_path(args.path))
    if not problems:
        _say("valid", lang, path=args.path)
        return 0
    n = len(problems)
    print(i18n.plural("cli.n_problems", n, lang, path=args.path))
    for problem in problems:
        print(f"  - {problem.text(lang)}")
    return 1


def _convert(args, lang):
    write_case(read_case(case_path(args.src)), args.dst, overwrite=args.overwrite)
    _say("wrote", lang, path=args.dst)
    return 0


def _new(args, lang):
    new_case(args.dir, name=args.name, municipality=args.municipality,
             overwrite=args.overwrite)
    _say("wrote_new", lang, path=args.dir)
    return 0


def _synth(args, lang):
    from .synth import generate_case

    case = generate_case(args.actors, seed=args.seed, style=args.style)
    write_case(case, args.dir, overwrite=args.overwrite)
    _say("wrote_synth", lang, path=args.dir, actors=len(case.actors), ties=len(case.ties),
         style=args.style)
    return 0


def _report(args, lang):
    from .present.report import write_report

    case = read_case(case_path(args.path))  # a CaseError is printed and nothing is written
    path = write_report(case, args.output, lang=lang, names=args.names, wave=args.wave,
                        overwrite=args.overwrite)
    size = path.stat().st_size / 1024
    _say("wrote_report_names" if args.names else "wrote_report", lang, path=path,
         size=i18n.number(round(size), lang))
    return 0


def _export(args, lang):
    from .present.export import export_case

    case = read_case(case_path(args.path))  # a CaseError is printed and nothing is written
    written = export_case(case, args.dir, lang=lang, names=args.names, wave=args.wave,
                          overwrite=args.overwrite)
    _say("wrote_export_names" if args.names else "wrote_export", lang,
         n=i18n.number(len(written), lang), path=args.dir)
    for path in written:
        print(f"  - {Path(path).name}")
    return 0


def _survey_make(args, lang):
    from .survey import make_questionnaires

    case = read_case(case_path(args.path))
    paths = make_questionnaires(case, args.dir, wave=args.wave, lang=lang,
                                overwrite=args.overwrite)
    _say("wrote_questionnaires", lang, n=i18n.number(len(paths), lang), path=args.dir)
    return 0


def _survey_collect(args, lang):
    from .network.quality import response_counts
    from .survey import collect

    case = read_case(case_path(args.path))
    collected = collect(case, args.dir, wave=args.wave)  # every problem listed, nothing written
    write_case(collected, args.output, overwrite=args.overwrite)
    answered, asked = response_counts(collected, args.wave)
    _say("wrote_collected", lang, path=args.output, answered=i18n.number(answered, lang),
         asked=i18n.number(asked, lang),
         rate=i18n.percent(answered / asked if asked else 0, lang))
    return 0


def _salt(args, lang):
    """The salt from --salt, RELNET_SALT or a prompt; a new random one when none is given."""
    import secrets

    if args.salt:
        return args.salt
    if os.environ.get("RELNET_SALT"):
        return os.environ["RELNET_SALT"]
    if args.ask_salt:
        return getpass.getpass(i18n.t("cli.salt_prompt", lang))
    salt = secrets.token_hex(16)
    _say("salt_new", lang, salt=salt)
    return salt


def _anonymize(args, lang):
    from .network.privacy import anonymize

    case = read_case(case_path(args.src))
    salt = _salt(args, lang)
    anon = anonymize(case, salt, keep_text=args.keep_text)
    write_case(anon, args.dst, overwrite=args.overwrite)
    _say("wrote", lang, path=args.dst)
    if anon.meta.get("dropped"):
        _say("dropped", lang, what=", ".join(anon.meta["dropped"]))
    return 0


# argparse's own messages -> catalogue keys (section "argparse"), so help and errors speak the
# user's language too.
ARGPARSE = {
    "usage: ": "usage", "positional arguments": "positional", "options": "options",
    "show this help message and exit": "help",
    "argument %(argument_name)s: %(message)s": "argument",
    "the following arguments are required: %s": "required",
    "unrecognized arguments: %s": "unrecognized", "expected one argument": "expected_one",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "invalid %(type)s value: %(value)r": "invalid_type",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "%(prog)s: error: %(message)s\n": "error",
}


@contextlib.contextmanager
def _argparse_speaks(lang):
    """argparse's words in `lang` while the parser is built and used."""
    original = argparse._

    def translate(message):
        key = ARGPARSE.get(message)
        return i18n.t(f"argparse.{key}", lang) if key else original(message)

    argparse._ = translate
    try:
        yield
    finally:
        argparse._ = original


# The commands' options: key -> (flags, argparse options; "help" names a cli.help_ text).
OPTIONS = {
    "path": (("path",), {"help": "path"}),
    "dir": (("dir",), {}),
    "output": (("-o", "--output"), {"required": True, "help": "output"}),
    "wave": (("--wave",), {"type": int, "default": None, "help": "wave"}),
    "names": (("--names",), {"action": "store_true", "help": "names"}),
    "overwrite": (("--overwrite",), {"action": "store_true", "help": "overwrite"}),
    "name": (("--name",), {"default": "Nieuwe casus"}),
    "municipality": (("--municipality",), {"default": ""}),
    "salt": (("--salt",), {"help": "salt"}),
    "ask_salt": (("--ask-salt",), {"action": "store_true", "help": "ask_salt"}),
    "keep_text": (("--keep-text",), {"action": "store_true", "help": "keep_text"}),
    "actors": (("--actors",), {"type": int, "default": 200, "help": "actors"}),
    "seed": (("--seed",), {"type": int, "default": 0}),
    "style": (("--style",), {"choices": ["relational", "directive"], "default": "relational"}),
}


def build_parser(lang=None):
    """The argument parser, with help in `lang`."""
    def h(key):
        return i18n.t(f"cli.help_{key}", lang)

    parser = argparse.ArgumentParser(prog="relnet", description=h("relnet"))
    parser.add_argument("--version", action="version", version=f"relnet {__version__}",
                        help=i18n.t("argparse.version", lang))
    parser.add_argument("--lang", choices=list(i18n.LANGUAGES), default=None,
                        help=h("lang"))
    sub = parser.add_subparsers(dest="command", required=True,
                                metavar=i18n.t("argparse.metavar_command", lang))
    # --lang also after the command (relnet report x -o r.html --lang en)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=list(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help=h("lang"))

    def add(parsers, name, func, arguments, help_key=None):
        p = parsers.add_parser(name, help=h(help_key or name), parents=[common])
        for argument in arguments:
            key, help_override = argument if isinstance(argument, tuple) else (argument, None)
            flags, options = OPTIONS.get(key, ((key,), {}))
            options = dict(options)
            if "help" in options or help_override:
                options["help"] = h(help_override or options["help"])
            if not flags[0].startswith("-"):  # a positional: its name in the user's words
                options["metavar"] = i18n.t(f"argparse.metavar_{key}", lang)
            p.add_argument(*flags, **options)
        p.set_defaults(func=func)
        return p

    add(sub, "validate", _validate, ["path"])
    add(sub, "convert", _convert, [("src", "path"), ("dst", "dst"), "overwrite"])
    add(sub, "new", _new, ["dir", "name", "municipality", "overwrite"])
    add(sub, "report", _report, ["path", "output", "names", "wave", "overwrite"])
    add(sub, "export", _export, ["path", ("dir", "export_dir"), "names", "wave", "overwrite"])
    steps = add(sub, "survey", None, []).add_subparsers(
        dest="step", required=True, metavar=i18n.t("argparse.metavar_step", lang))
    add(steps, "make", _survey_make, ["path", ("dir", "questionnaires_dir"), "wave",
                                      "overwrite"], "survey_make")
    add(steps, "collect", _survey_collect, ["path", ("dir", "returned_dir"),
                                            ("output", "new_case"), "wave", "overwrite"],
        "survey_collect")
    add(sub, "anonymize", _anonymize, [("src", "path"), ("dst", "dst"), "salt", "ask_salt",
                                       "keep_text", "overwrite"])
    add(sub, "synth", _synth, [("dir", "dst"), "actors", "seed", "style", "overwrite"])
    return parser


def _language(argv):
    """--lang from the arguments (before parsing, so that help is in that language)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in i18n.LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in i18n.LANGUAGES:
            return arg.split("=", 1)[1]
    env = os.environ.get("RELNET_LANG")
    return env if env in i18n.LANGUAGES else i18n.get_language()


def main(argv=None):
    """Run the command line; returns the exit code (0 ok, 1 bad data or disk, 2 usage)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language(argv)
    with _argparse_speaks(lang):
        args = build_parser(lang).parse_args(argv)
    lang = args.lang or lang
    try:
        return args.func(args, lang)
    except CaseError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 1
    except TargetExistsError as exc:
        print(i18n.t("cli.exists", lang, path=exc.path), file=sys.stderr)
        return 2
    except (IsADirectoryError, NotADirectoryError) as exc:
        print(f"relnet: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # disk full, a name too long, no permission: say which path and why
        where = exc.filename or ""
        print(i18n.t("cli.os_error", lang, path=where, reason=exc.strerror or str(exc)),
              file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"relnet: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
