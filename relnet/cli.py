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
import copy
import functools
import getpass
import os
import re
import signal
import sys
from pathlib import Path

from . import i18n
from ._version import __version__
from .data._atomic import CurrentFolderError, TargetExistsError
from .data.errors import CaseError, errors_of
from .data.examples import example_names, example_path
from .data.read import read_case, validate
from .data.write import ForeignFilesError, TargetNameError, new_case, write_case

__all__ = ["main", "build_parser", "case_path"]


def case_path(text):
    """A case PATH as given, or the folder of the shipped case of that name.

    >>> case_path("haverdonk").name
    'haverdonk'
    """
    path = Path(text)
    if text in example_names() and not _looks_like_case(path):
        # a folder of that name that holds no case (relnet export haverdonk haverdonk made
        # one) does not hide the shipped case
        return example_path(text)
    return path


def _looks_like_case(path):
    """Whether `path` exists and may be a case: a file, or a folder with a case.yaml."""
    if path.is_dir():
        return (path / "case.yaml").exists() or (path / "case.yml").exists()
    return path.exists()


def _say(key, lang, **params):
    print(i18n.t(f"cli.{key}", lang, **params))


def _validate(args, lang):
    problems = validate(case_path(args.path))
    errors = errors_of(problems)
    if not errors:
        _say("valid", lang, path=args.path)
        # warnings (v3): the case reads, but a reader should look at these
        for problem in problems:
            print(f"  - {problem.text(lang)}")
        return 0
    n = len(errors)
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
                                overwrite=args.overwrite, deadline=args.deadline,
                                contact=args.contact, key=args.key)
    _say("wrote_questionnaires", lang, n=i18n.number(len(paths), lang), path=args.dir)
    return 0


def _survey_collect(args, lang):
    from .network.quality import response_counts
    from .survey import collect

    case = read_case(case_path(args.path))
    # every problem listed, nothing written
    collected = collect(case, args.dir, wave=args.wave, key=args.key)
    write_case(collected, args.output, overwrite=args.overwrite)
    answered, asked = response_counts(collected, wave=args.wave)
    _say("wrote_collected", lang, path=args.output, answered=i18n.number(answered, lang),
         asked=i18n.number(asked, lang),
         rate=i18n.percent(answered / asked if asked else 0, lang))
    _say_collection(collected.collection, lang)
    return 0


def _say_collection(found, lang):
    """What the analyst must look at after collecting: added partners and proposed merges,
    unchanged returns, "weet niet" answers and the files not read."""
    def listing(key, items, line=None):
        """The count of `items` in a sentence, then one line each (`line`, if given)."""
        if len(items):
            _say(key, lang, n=i18n.number(len(items), lang))
            for item in items if line else ():
                print(f"  - {line(item)}")

    listing("collect_added", list(found.added.itertuples(index=False)),
            lambda row: f"{row.name} ({row.added_by})")
    listing("collect_merges", list(found.merges.itertuples(index=False)),
            lambda row: f"{row.name_a} = {row.name_b}? ({i18n.number(row.score, lang, 0)})")
    listing("collect_unchanged", list(found.unchanged.itertuples(index=False)),
            lambda row: Path(str(row.file)).name)
    listing("collect_unknown", found.unknown)
    listing("collect_skipped", list(found.skipped), lambda name: Path(str(name)).name)


class _SaltRefused(Exception):
    """A salt that cannot be used: `key` names the catalogue's message (never the salt)."""

    def __init__(self, key):
        super().__init__(key)
        self.key = key


def _salt(args, lang, case=None):
    """The salt from --salt, RELNET_SALT or a prompt, checked (`check_salt`: at least 16
    characters without whitespace, not guessable, not holding the `case`'s name or
    municipality). An empty RELNET_SALT or no salt at all is refused: a random salt would
    make the pseudonyms unlinkable, and printing it would put the secret on the screen and
    in logs."""
    from .network.privacy import check_salt, salt_words

    if args.salt is not None:
        salt = args.salt
    elif "RELNET_SALT" in os.environ:
        salt = os.environ["RELNET_SALT"]
        if not salt.strip():
            raise _SaltRefused("salt_empty_env")
    elif args.ask_salt:
        salt = getpass.getpass(i18n.t("cli.salt_prompt", lang))
    else:
        raise _SaltRefused("salt_missing")
    try:
        check_salt(salt, salt_words(case) if case is not None else ())
    except ValueError:
        raise _SaltRefused("salt_weak") from None
    return salt


def _anonymize(args, lang):
    from .network.privacy import anonymize

    case = read_case(case_path(args.src))
    salt = _salt(args, lang, case)
    anon = anonymize(case, salt, keep_text=args.keep_text)
    write_case(anon, args.dst, overwrite=args.overwrite)
    _say("wrote", lang, path=args.dst)
    if anon.meta.get("dropped"):
        _say("dropped", lang, what=", ".join(anon.meta["dropped"]))
    if anon.meta.get("unsure"):
        from .present.words import privacy_places

        print(i18n.t("privacy.cli_unsure", lang, places=privacy_places(anon.meta["unsure"], lang)))
    return 0


# --------------------------------------------------------------------------- the parser
# The command line speaks the reader's language through argparse's documented extension
# points only: an ArgumentParser subclass (parse_args, error), a HelpFormatter whose usage
# gets the translated prefix, a custom Action, type= callables and argument groups with a
# title. argparse is asked for nothing it would word itself (no choices=, no required
# arguments, no abbreviations): relnet finds and names every usage error, in the catalogue's
# section "argparse".


class _Invalid:
    """A value typed on the command line that relnet refuses; named after parsing."""

    def __init__(self, key, **params):
        self.key, self.params = key, params


def _whole_number(text):
    """type= of an option that takes a whole number."""
    try:
        return int(text)
    except ValueError:
        return _Invalid("invalid_int", value=repr(text))


def _one_of(*choices):
    """type= of an option that takes one of `choices`."""
    def choose(text):
        if text in choices:
            return text
        return _Invalid("invalid_choice", value=repr(text),
                        choices=", ".join(map(repr, choices)))
    return choose


def _braces(choices):
    """The metavar of an option with choices: {nl,en}."""
    return "{" + ",".join(choices) + "}"


_NEGATIVE_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")


def _option_like(token):
    """Whether argparse reads `token` as an option (a negative number is a value)."""
    return token.startswith("-") and token != "-" and not _NEGATIVE_NUMBER.match(token)


def _name(action):
    """An argument as a message names it: -o/--output, or its metavar (PAD)."""
    return "/".join(action.option_strings) or action.metavar or action.dest


class _Needed(argparse.Action):
    """Store the one value of an argument that must be given. argparse sees it as optional:
    relnet checks that it was given itself, after parsing, to say so in the reader's
    language."""

    def __init__(self, option_strings, dest, required=True, **kwargs):
        super().__init__(option_strings, dest, required=False, **kwargs)
        self.relnet_needed = True

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _Formatter(argparse.HelpFormatter):
    """Help in the reader's language: the usage's prefix from the catalogue, and the
    arguments relnet requires shown as required."""

    def __init__(self, prog, lang=None, **kwargs):
        super().__init__(prog, **kwargs)
        self.relnet_lang = lang

    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:
            prefix = i18n.t("argparse.usage", self.relnet_lang)
        shown = []
        for action in actions:
            if getattr(action, "relnet_needed", False):
                action = copy.copy(action)
                action.required = True
            shown.append(action)
        super().add_usage(usage, shown, groups, prefix)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and usage errors are in `lang`.

    `commands` = (dest, metavar) makes it a parser of commands (relnet, relnet survey).
    A usage error prints the usage and ``relnet: fout: ...`` to stderr and exits with 2.
    """

    def __init__(self, prog=None, *, lang=None, commands=None, **kwargs):
        self.relnet_lang = lang
        super().__init__(prog=prog, add_help=False, allow_abbrev=False, exit_on_error=False,
                         formatter_class=functools.partial(_Formatter, lang=lang), **kwargs)
        self.relnet_actions = []  # the arguments added with `argument`, in order
        self.relnet_commands = {}  # command -> its parser
        self.relnet_dest, self.relnet_metavar = commands or (None, None)
        if commands:
            self.relnet_subparsers = self.add_subparsers(
                title=self.say("positional"), dest=self.relnet_dest,
                metavar=self.relnet_metavar)
        else:
            self.relnet_positionals = self.add_argument_group(title=self.say("positional"))
        self.relnet_options = self.add_argument_group(title=self.say("options"))
        self.argument("-h", "--help", action="help", help=self.say("help"))

    def say(self, key, **params):
        """The catalogue's text ``argparse.<key>`` in the parser's language."""
        return i18n.t(f"argparse.{key}", self.relnet_lang, **params)

    def argument(self, *flags, **options):
        """add_argument, into the section of arguments or of options."""
        group = self.relnet_options if flags[0].startswith("-") else self.relnet_positionals
        action = group.add_argument(*flags, **options)
        self.relnet_actions.append(action)
        return action

    def command(self, name, help_text, **kwargs):
        """A command's parser (a _Parser in the same language)."""
        parser = self.relnet_subparsers.add_parser(name, help=help_text,
                                                   lang=self.relnet_lang, **kwargs)
        self.relnet_commands[name] = parser
        return parser

    def error(self, message):
        """Print the usage and ``<prog>: fout: <message>`` to stderr and exit with 2."""
        self.print_usage(sys.stderr)
        self.exit(2, self.say("error", prog=self.prog, message=message) + "\n")

    def parse_args(self, args=None, namespace=None):
        """The arguments as a Namespace; a usage error is named in the reader's language."""
        args = list(sys.argv[1:] if args is None else args)
        try:
            namespace, unknown = self.parse_known_args(args, namespace)
        except argparse.ArgumentError:  # its words are argparse's: relnet finds the cause
            parser, message = self.explain(args)
            parser.error(message)
        path = self.reached(namespace)
        message = self.problem(path, namespace, unknown)
        if message:
            path[-1].error(message)
        return namespace

    def reached(self, namespace):
        """The parsers the command words lead through: [relnet, survey, make]."""
        path = [self]
        while path[-1].relnet_commands:
            name = getattr(namespace, path[-1].relnet_dest, None)
            if name not in path[-1].relnet_commands:
                break
            path.append(path[-1].relnet_commands[name])
        return path

    @staticmethod
    def problem(path, namespace, unknown):
        """What is wrong with parsed arguments, in the reader's words; None if nothing."""
        leaf = path[-1]
        for parser in path:
            for action in parser.relnet_actions:
                value = getattr(namespace, action.dest, None)
                if isinstance(value, _Invalid):
                    return leaf.say("argument", argument=_name(action),
                                    message=leaf.say(value.key, **value.params))
        if leaf.relnet_commands:
            missing = [leaf.relnet_metavar]
        else:
            missing = [_name(a) for a in leaf.relnet_actions
                       if getattr(a, "relnet_needed", False)
                       and getattr(namespace, a.dest, None) is None]
        if missing:
            return leaf.say("required", names=", ".join(missing))
        if unknown:
            return leaf.say("unrecognized", args=" ".join(unknown))
        return None

    def explain(self, tokens):
        """Why argparse refused `tokens`, found again: (the parser whose usage to show, the
        message). An unknown command, an option without its value, a value given to an
        option that takes none; anything else is "not understood"."""
        options = {flag: a for a in self.relnet_actions for flag in a.option_strings}
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token == "--":
                break
            if _option_like(token):
                flag, equals, _rest = token.partition("=")
                action = options.get(flag)
                if action is not None and action.nargs == 0 and equals:
                    return self, self.say("argument", argument=_name(action),
                                          message=self.say("no_value"))
                if action is not None and action.nargs != 0 and not equals:
                    if i + 1 == len(tokens) or _option_like(tokens[i + 1]):
                        return self, self.say("argument", argument=_name(action),
                                              message=self.say("expected_one"))
                    i += 1  # its value
            elif self.relnet_commands:
                if token not in self.relnet_commands:
                    choices = ", ".join(map(repr, self.relnet_commands))
                    return self, self.say("argument", argument=self.relnet_metavar,
                                          message=self.say("invalid_choice", value=repr(token),
                                                           choices=choices))
                return self.relnet_commands[token].explain(tokens[i + 1:])
            i += 1
        return self, self.say("not_understood", args=" ".join(tokens))


# The commands' options: key -> (flags, argparse options; "help" names a cli.help_ text).
OPTIONS = {
    "path": (("path",), {"help": "path"}),
    "dir": (("dir",), {}),
    "output": (("-o", "--output"), {"action": _Needed, "help": "output"}),
    "wave": (("--wave",), {"type": _whole_number, "default": None, "help": "wave"}),
    "names": (("--names",), {"action": "store_true", "help": "names"}),
    "overwrite": (("--overwrite",), {"action": "store_true", "help": "overwrite"}),
    "name": (("--name",), {"default": "Nieuwe casus"}),
    "municipality": (("--municipality",), {"default": ""}),
    "salt": (("--salt",), {"help": "salt"}),
    "ask_salt": (("--ask-salt",), {"action": "store_true", "help": "ask_salt"}),
    "keep_text": (("--keep-text",), {"action": "store_true", "help": "keep_text"}),
    "actors": (("--actors",), {"type": _whole_number, "default": 200, "help": "actors"}),
    "seed": (("--seed",), {"type": _whole_number, "default": 0}),
    "deadline": (("--deadline",), {"default": None, "help": "deadline"}),
    "contact": (("--contact",), {"default": None, "help": "contact"}),
    "key": (("--key",), {"default": None, "help": "key"}),
    "style": (("--style",), {"type": _one_of("relational", "directive"),
                             "metavar": _braces(["relational", "directive"]),
                             "default": "relational"}),
}


def build_parser(lang=None):
    """The argument parser, with help and usage errors in `lang`."""
    def h(key):
        return i18n.t(f"cli.help_{key}", lang)

    def metavar(key):
        return i18n.t(f"argparse.metavar_{key}", lang)

    languages = {"type": _one_of(*i18n.LANGUAGES), "metavar": _braces(i18n.LANGUAGES),
                 "help": h("lang")}
    parser = _Parser(prog="relnet", description=h("relnet"), lang=lang,
                     commands=("command", metavar("command")))
    parser.argument("--version", action="version", version=f"relnet {__version__}",
                    help=parser.say("version"))
    parser.argument("--lang", default=None, **languages)

    def add(parent, name, func, arguments, help_key=None, commands=None):
        p = parent.command(name, h(help_key or name), commands=commands)
        # --lang also after the command (relnet report x -o r.html --lang en)
        p.argument("--lang", default=argparse.SUPPRESS, **languages)
        for argument in arguments:
            key, help_override = argument if isinstance(argument, tuple) else (argument, None)
            flags, options = OPTIONS.get(key, ((key,), {}))
            options = dict(options)
            if "help" in options or help_override:
                options["help"] = h(help_override or options["help"])
            if not flags[0].startswith("-"):  # a positional: its name in the user's words
                options["metavar"] = metavar(key)
                options["action"] = _Needed
            p.argument(*flags, **options)
        p.set_defaults(func=func)
        return p

    add(parser, "validate", _validate, ["path"])
    add(parser, "convert", _convert, [("src", "path"), ("dst", "dst"), "overwrite"])
    add(parser, "new", _new, ["dir", "name", "municipality", "overwrite"])
    add(parser, "report", _report, ["path", "output", "names", "wave", "overwrite"])
    add(parser, "export", _export, ["path", ("dir", "export_dir"), "names", "wave",
                                    "overwrite"])
    steps = add(parser, "survey", None, [], commands=("step", metavar("step")))
    add(steps, "make", _survey_make, ["path", ("dir", "questionnaires_dir"), "wave",
                                      "deadline", "contact", "key", "overwrite"],
        "survey_make")
    add(steps, "collect", _survey_collect, ["path", ("dir", "returned_dir"),
                                            ("output", "new_case"), "wave", "key",
                                            "overwrite"], "survey_collect")
    add(parser, "anonymize", _anonymize, [("src", "path"), ("dst", "dst"), "salt",
                                          "ask_salt", "keep_text", "overwrite"])
    add(parser, "synth", _synth, [("dir", "dst"), "actors", "seed", "style", "overwrite"])
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
    _console_safe()
    lang = _language(argv)
    args = build_parser(lang).parse_args(argv)
    lang = args.lang or lang
    with _terminate_as_interrupt():
        return _run(args, lang)


def _console_safe():
    """A console that cannot show a character (a Windows console in cp1252 and an emoji in a
    value) shows an escape (\\U0001f600) instead of ending the command halfway."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and getattr(stream, "errors", "") == "strict":
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a detached stream
                pass


@contextlib.contextmanager
def _terminate_as_interrupt():
    """SIGTERM (a closed terminal, `kill`) ends a command as Ctrl-C does: every write in
    progress removes its temporary files and leaves the target as it was."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(args, lang):
    try:
        return args.func(args, lang)
    except CaseError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 1
    except _SaltRefused as exc:
        print(i18n.t(f"cli.{exc.key}", lang), file=sys.stderr)
        return 2
    except TargetExistsError as exc:
        print(i18n.t("cli.exists", lang, path=exc.path), file=sys.stderr)
        return 2
    except ForeignFilesError as exc:
        print(i18n.t("cli_target.foreign_files", lang, path=exc.path,
                     files=", ".join(exc.files[:5])), file=sys.stderr)
        return 1  # as every other target that cannot be written (an OSError)
    except CurrentFolderError as exc:
        print(i18n.t("cli_target.current_folder", lang, path=exc.path), file=sys.stderr)
        return 1
    except TargetNameError as exc:
        print(i18n.t("cli.not_a_case_name", lang, path=exc.path, suffix=exc.path.suffix),
              file=sys.stderr)
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
    except KeyboardInterrupt:
        print(i18n.t("cli.interrupted", lang), file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
