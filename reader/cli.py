"""Command line: bare `reader [PATH...]` opens the TUI; subcommands do one-shot work for scripts.

Subcommands never import Textual, so they start fast; stdout is for output, diagnostics go to stderr.
Exit status: 0 every input read, 1 some input could not be read, 2 usage error,
70 internal error (a bug), 130 interrupted, 128+N stopped by signal N (SIGTERM, SIGHUP).
"""
from __future__ import annotations

import argparse
import importlib
import difflib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader import __version__

COMMANDS = ("show", "summarize", "stories", "facts", "search", "list", "mark", "themes", "config")
# The bare form is parsed as this hidden subcommand (never listed in --help), so one parser does it all.
_OPEN = "open"
_GLOBAL_VALUES = ("--state", "--theme")  # the global options that take a value


def _parser() -> argparse.ArgumentParser:
    # No abbreviations at the top: `main` has to find where the global options end.
    parser = argparse.ArgumentParser(
        prog="reader", allow_abbrev=False,
        usage="%(prog)s [-h] [--version] [--state PATH] [--theme NAME] [COMMAND ... | PATH ...]",
        description="Read news articles side by side with extractive summaries that cite file:line.",
        epilog="With no command, opens the reader on PATHs (default: the bundled sample corpus).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    state_help = "the triage state database (default: $READER_HOME/state/state.sqlite3 or the user data dir)"
    parser.add_argument("--state", metavar="PATH", default=None, help=state_help)
    parser.add_argument("--theme", metavar="NAME", default=None,
                        help="the TUI's colour theme for this run (see `reader themes`)")
    # Subcommands accept --state too; SUPPRESS keeps `reader --state X list` from being reset to None.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--state", metavar="PATH", default=argparse.SUPPRESS, help=state_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    # No help= keeps it out of the command list; the global options are accepted after PATHs too.
    bare = sub.add_parser(_OPEN, parents=[common], usage="reader [--state PATH] [--theme NAME] [PATH ...]",
                          description="Open the reader on PATHs (default: the bundled sample corpus).")
    bare.add_argument("--theme", metavar="NAME", default=argparse.SUPPRESS, help="the TUI's colour theme for this run")
    bare.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")

    show = sub.add_parser("show", parents=[common], help="print one parsed article with its source line numbers")
    show.add_argument("paths", nargs="+", metavar="PATH", help="article file(s)")
    show.add_argument("--format", choices=("text", "json"), default="text")

    from reader.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

    summarize = sub.add_parser("summarize", parents=[common], help="extractive summaries that cite file:line")
    summarize.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample corpus)")
    summarize.add_argument("-n", "--sentences", type=_positive, metavar="N",
                           help="sentences per summary (default 3; --words wins when both are given); "
                                "with --story, at most N sentences within the word budget")
    summarize.add_argument("--words", type=_positive, metavar="N",
                           help="at most N words per summary, a hard limit (instead of a sentence count); "
                                "with --story, the word budget (default 160, or the config's story_words)")
    summarize.add_argument("--algorithm", "-a", choices=ALGORITHMS, default=None, metavar="NAME",
                           help=f"one of: {', '.join(ALGORITHMS)} (default {DEFAULT_ALGORITHM}, or the config's)")
    summarize.add_argument("--story", nargs="?", const=True, default=False, metavar="ID",
                           help="one summary over all inputs, citing every source; with an ID (from "
                                "`reader stories`), over that story's articles only")
    summarize.add_argument("--timeline", action="store_true",
                           help="with --story: the story day by day, each date with what no earlier source said "
                                "(--words N: at most N words a day, default 160)")
    summarize.add_argument("--new", action="store_true",
                           help="with --story: only what the articles you have not read add to those you have")
    summarize.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    stories = sub.add_parser(
        "stories", parents=[common], help="group the articles under PATHs into stories, with their reprints",
        description="Articles about one event from several outlets form one story; a republished copy is marked as "
                    "a copy of its original. Each story has an id, stable for the same set of articles, for "
                    "`reader summarize --story ID PATH...`.")
    stories.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample corpus)")
    stories.add_argument("--format", choices=("text", "json"), default="text")

    facts = sub.add_parser(
        "facts", parents=[common], help="who reported what: a story's facts against its outlets, and where they disagree",
        description="The facts of the story under PATHs (groups of sentences stating the same thing) against the "
                    "outlets stating each, every one cited as file:line, the facts only one outlet has marked "
                    "'only in'; then the numbers, amounts, dates and counts outlets give differently for one fact "
                    "(formats aside: $4.2m is $4.2 million), each value with its outlets.")
    facts.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample corpus)")
    facts.add_argument("--story", metavar="ID", help="only the articles of story ID (from `reader stories`)")
    facts.add_argument("--format", choices=("text", "json"), default="text")

    search = sub.add_parser(
        "search", parents=[common], help="find sentences in article bodies, best first, as file:line",
        description="Full-text search of the articles under PATHs (indexed once, then only files that changed). "
                    "Words must all be in one sentence; \"a phrase\" keeps them together; word* matches "
                    "words starting with word; -word leaves sentences with it out; OR between terms finds "
                    "either. Other punctuation (: - ( ) ^) is read as text, never as search syntax. "
                    "A query starting with - goes after --: reader search -- \"-tax budget\" PATH.")
    search.add_argument("query", metavar="QUERY", help="what to find (quote it for the shell)")
    search.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample corpus)")
    search.add_argument("-n", "--limit", type=_positive, default=20, metavar="N",
                        help="at most N hits, best first (default 20)")
    search.add_argument("--format", choices=("text", "json"), default="text")

    listing = sub.add_parser(
        "list", parents=[common], help="list the articles found under PATHs with their read/star/archive/tags",
        description="List articles with their triage state: ● unread, · read, ★ starred, ▣ archived, #tags. "
                    "Archived articles are hidden unless --archived (only those) or --all is given; "
                    "the other filters combine (all must hold).")
    listing.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample corpus)")
    listing.add_argument("--unread", action="store_true", help="only articles not marked read")
    listing.add_argument("--starred", action="store_true", help="only starred articles")
    archived = listing.add_mutually_exclusive_group()
    archived.add_argument("--archived", action="store_true", help="only archived articles (hidden by default)")
    archived.add_argument("--all", action="store_true", help="archived articles too")
    listing.add_argument("--tag", action="append", metavar="T", help="only articles tagged T (repeatable: all of them)")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(usage_error=listing.error)

    mark = sub.add_parser(
        "mark", parents=[common], help="mark the articles under PATHs read, starred, archived or tagged",
        description="Change the triage state of every article under PATHs (folders recursively) in one step. "
                    "State follows an article's content, so renaming or moving the file keeps it. "
                    "A one-line summary goes to stderr.")
    mark.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    read = mark.add_mutually_exclusive_group()
    read.add_argument("--read", action="store_true", help="mark read")
    read.add_argument("--unread", action="store_true", help="mark unread")
    star = mark.add_mutually_exclusive_group()
    star.add_argument("--star", action="store_true", help="star")
    star.add_argument("--unstar", action="store_true", help="remove the star")
    archive = mark.add_mutually_exclusive_group()
    archive.add_argument("--archive", action="store_true", help="archive (hidden from `reader list` by default)")
    archive.add_argument("--unarchive", action="store_true", help="bring back from the archive")
    mark.add_argument("--tag", action="append", metavar="T", help="add tag T (repeatable)")
    mark.add_argument("--untag", action="append", metavar="T", help="remove tag T (repeatable)")
    mark.set_defaults(usage_error=mark.error)

    themes = sub.add_parser("themes", help="list the colour themes; * marks the current one")
    themes.add_argument("--format", choices=("text", "json"), default="text")
    config = sub.add_parser("config", help="print the config file's path and the settings in effect")
    config.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _first_word(args: Sequence[str]) -> int | None:
    """Where the first positional word (or a `--` before PATHs) is, past the global options; None if none."""
    i = 0
    while i < len(args):
        if args[i] == "--" or not args[i].startswith("-") or args[i] == "-":
            return i
        i += 2 if args[i] in _GLOBAL_VALUES else 1
    return None


def _unknown_command(word: str) -> str | None:
    """The command a mistyped word was meant to be, unless the word names a file or folder."""
    if not word.isalpha() or Path(word).expanduser().exists():
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    return close[0] if close else None


def _positive(value: str) -> int:
    """A count of 1 or more; anything else says what is wrong (not argparse's "invalid _positive value")."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number (try 3)") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is too small: give 1 or more")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (also used by tests)."""
    args = list(sys.argv[1:] if argv is None else argv)
    _tolerant_streams()
    try:
        parser = _parser()
        first = _first_word(args)
        word = args[first] if first is not None else None
        if word not in COMMANDS:
            meant = _unknown_command(word) if word not in (None, "--") else None
            if meant:
                parser.print_usage(sys.stderr)
                print(f"reader: unknown command {word!r} (did you mean {meant!r}?)", file=sys.stderr)
                return 2
            # The bare form: the words from here on are the hidden command's PATHs. With no word
            # the command goes last, so `reader --theme x --help` still shows the main help.
            if first is not None or not args or args[-1] not in _GLOBAL_VALUES:  # else argparse says what is missing
                args.insert(len(args) if first is None else first, _OPEN)
        options = parser.parse_args(args)
        if options.command != _OPEN:  # the TUI handles its own signals and restores the terminal
            _stop_on_hangup()
        return _COMMANDS[options.command](options)
    except KeyboardInterrupt:
        return 130
    except _Stopped as stopped:
        return 128 + stopped.signum
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: say so in one line; READER_DEBUG=1 shows the traceback
        if os.environ.get("READER_DEBUG"):
            raise
        print(f"reader: internal error: {type(exc).__name__}: {exc} (set READER_DEBUG=1 for details)",
              file=sys.stderr)
        return 70


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (closing pools and databases) and exit 128 + signal.

    A BaseException, like KeyboardInterrupt, so no "one bad file" handler can swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_on_hangup() -> None:
    """SIGTERM and SIGHUP end the run the way Ctrl-C does: `finally` blocks run, workers are stopped."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread (tests may call main elsewhere)

    def stop(signum: int, _frame: object) -> None:
        raise _Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, stop)


def _tolerant_streams() -> None:
    """Text the terminal's encoding cannot show (PYTHONIOENCODING=ascii, a C locale) is escaped, not fatal."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                pass


def _open(options: argparse.Namespace) -> int:
    """Bare `reader [PATH...]`: open the TUI (Textual is imported only here, so subcommands start fast)."""
    from reader.tui.app import run

    return run(options.paths, theme=options.theme, state=options.state)


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    """The subcommand `reader NAME`, imported only when it runs (so each command starts fast)."""
    def run_command(options: argparse.Namespace) -> int:
        module = importlib.import_module(f"reader.commands.{name}_command")
        return int(getattr(module, f"run_{name}")(options))

    return run_command


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    **{name: _command(name) for name in COMMANDS},
    _OPEN: _open,
}


if __name__ == "__main__":
    sys.exit(main())
