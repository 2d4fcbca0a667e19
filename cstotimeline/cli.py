"""The command line: one click group, thin commands over plain functions.

Data goes to stdout (or ``-o FILE``); warnings, progress and errors go to stderr. Exit statuses
come from ``errors.ExitStatus`` and are decided in one place, ``errors.exit_status``.
spaCy is imported only by the commands that parse text, so ``--help`` stays instant.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import os
import signal
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NamedTuple, TextIO, TypeVar

import click

from cstotimeline import __version__, errors

F = TypeVar("F", bound=Callable[..., Any])

EVENT_TYPES = (
    "meeting",
    "statement",
    "refusal",
    "agreement",
    "membership_change",
    "request",
    "accusation",
    "military_action",
    "exercise",
    "deployment",
    "other",
)
FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown", "html", "timelinejs", "timeml")


class DateParam(click.ParamType):
    """A calendar date given as YYYY-MM-DD (or another unambiguous full date)."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        from cstotimeline.ingest import parse_date

        parsed = parse_date(str(value), strict=True)
        if parsed is None:
            self.fail(errors.E_BAD_DATE.format(value=value), param, ctx)
        return parsed


DATE = DateParam()


class Period(NamedTuple):
    """A ``--since``/``--until`` value: as written, its first and its last day."""

    text: str
    first: dt.date
    last: dt.date


class PeriodParam(click.ParamType):
    """A year, a month or a day: ``2023``, ``2023-11`` or ``2023-11-24`` (or another full date
    ``--published`` accepts)."""

    name = "YYYY[-MM[-DD]]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Period):
            return value
        found = parse_period(str(value))
        if found is None:
            self.fail(errors.E_BAD_PERIOD.format(value=value), param, ctx)
        return found


def parse_period(value: str) -> Period | None:
    """The period ``YYYY``, ``YYYY-MM`` or a full date names, or None."""
    import calendar
    import re

    text = value.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text)
    if match:
        year = int(match.group(1))
        if year < 1:
            return None
        if match.group(2) is None:
            return Period(text, dt.date(year, 1, 1), dt.date(year, 12, 31))
        month = int(match.group(2))
        if not 1 <= month <= 12:
            return None
        days = calendar.monthrange(year, month)[1]
        return Period(text, dt.date(year, month, 1), dt.date(year, month, days))
    from cstotimeline.ingest import parse_date

    day = parse_date(text, strict=True)
    return None if day is None else Period(text, day, day)


PERIOD = PeriodParam()


class CliError(click.ClickException):
    """A user-facing error carrying its exit status."""

    def __init__(self, message: str, exit_code: int = errors.ExitStatus.ERROR) -> None:
        super().__init__(message)
        self.exit_code = int(exit_code)  # type: ignore[misc]  # click declares a class default

    def show(self, file: Any = None) -> None:
        click.echo(f"cstotimeline: error: {self.format_message()}", err=True)


class PipeClosed(Exception):
    """The reader of stdout went away (``| head``): not an error (exit 0).

    Raised instead of ``BrokenPipeError``, which click's ``main`` would turn into exit 1.
    """


class Interrupted(Exception):
    """Ctrl-C or SIGTERM during a command, after its clean-up (exit 130).

    Raised instead of ``KeyboardInterrupt``, which click's ``main`` would echo a blank line for.
    """


def handle_errors(func: F) -> F:
    """Turn the project's exceptions into click errors with the right exit status."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except errors.CstoTimelineError as exc:
            raise CliError(str(exc), errors.exit_status(exc)) from None
        except BrokenPipeError:
            raise PipeClosed() from None
        except KeyboardInterrupt:
            raise Interrupted() from None

    return wrapper  # type: ignore[return-value]


def warn(message: str) -> None:
    click.echo(f"cstotimeline: warning: {message}", err=True)


def output_options(func: F) -> F:
    func = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to FILE (atomically: a failed run leaves an existing FILE untouched).",
    )(func)
    return func


def fields_option(func: F) -> F:
    return click.option(
        "--fields",
        metavar="A,B,...",
        help="CSV/TSV columns to write, in this order (default: every field).",
    )(func)


def parse_fields(fields: str | None, fmt: str) -> list[str] | None:
    """``--fields`` as a list of known columns (usage error otherwise, exit 2)."""
    if fields is None:
        return None
    if fmt not in ("csv", "tsv"):
        raise CliError(errors.E_FIELDS_FORMAT.format(fmt=fmt), errors.ExitStatus.USAGE)
    from cstotimeline.export import check_fields

    names = [f.strip() for f in fields.split(",") if f.strip()]
    try:
        return check_fields(names)
    except errors.UsageError as exc:
        raise CliError(str(exc), errors.ExitStatus.USAGE) from None


def format_option(func: F) -> F:
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        help="Output format [default: table "
        "on a terminal, else jsonl; with -o, from the file extension].",
    )(func)


RELEVANCE = ("core", "context", "other")
MODALITIES = ("asserted", "planned", "hypothetical", "negated")


def filter_options(func: F) -> F:
    """The filters, the same for ``extract`` and ``show``."""
    for decorator in reversed(
        (
            click.option(
                "--since",
                type=PERIOD,
                help="Keep events whose date overlaps YYYY, YYYY-MM or YYYY-MM-DD or later.",
            ),
            click.option(
                "--until",
                type=PERIOD,
                help="Keep events whose date overlaps YYYY, YYYY-MM or YYYY-MM-DD or earlier.",
            ),
            click.option(
                "--actor",
                "actors",
                multiple=True,
                help="Keep events involving ACTOR in any role (repeatable).",
            ),
            click.option(
                "--type",
                "types",
                multiple=True,
                type=click.Choice(EVENT_TYPES),
                help="Keep TYPE (repeatable).",
            ),
            click.option(
                "--relevance",
                multiple=True,
                type=click.Choice(RELEVANCE),
                help="Keep events of this relevance (repeatable; other needs --all).",
            ),
            click.option(
                "--min-confidence",
                type=click.FloatRange(0, 1),
                help="Keep events of at least this confidence (0-1).",
            ),
            click.option(
                "--modality",
                "modalities",
                multiple=True,
                type=click.Choice(MODALITIES),
                help="Keep events of this modality (repeatable).",
            ),
            click.option(
                "--limit",
                type=click.IntRange(min=0),
                help="Write at most N events (the first in chronological order).",
            ),
        )
    ):
        func = decorator(func)
    return func


def filters_of(
    since: Period | None,
    until: Period | None,
    actors: tuple[str, ...],
    types: tuple[str, ...],
    relevance: tuple[str, ...],
    min_confidence: float | None,
    modalities: tuple[str, ...],
    limit: int | None,
) -> Any:
    """The ``app.Filters`` of the filter options; ``--since`` after ``--until`` is a usage
    error (the first day of ``--since``'s period after the last of ``--until``'s)."""
    from cstotimeline.app import Filters

    if since and until and since.first > until.last:
        raise CliError(
            errors.E_SINCE_AFTER_UNTIL.format(since=since.text, until=until.text),
            errors.ExitStatus.USAGE,
        )
    return Filters(
        since=since.first if since else None,
        until=until.last if until else None,
        actors=actors,
        types=types,
        relevance=relevance,
        min_confidence=min_confidence,
        modalities=modalities,
        limit=limit,
    )


def dask_option(func: F) -> F:
    return click.option(
        "--dask",
        "dask",
        metavar="ADDRESS",
        help="Extract on the Dask cluster whose scheduler is at ADDRESS "
        "(tcp://HOST:PORT), or 'local' for a local cluster of --jobs workers "
        "(needs cstotimeline[dask]).",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cstotimeline")
def cli() -> None:
    """Dated, sourced chronologies of CSTO–Armenia relations from news articles."""


# -- extract ------------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option("--published", type=DATE, help="Publication date of every input (YYYY-MM-DD).")
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TSV with columns file, published[, url, outlet].",
)
@click.option("--model", envvar="CSTOTIMELINE_MODEL", help="Installed spaCy pipeline to use.")
@format_option
@output_options
@fields_option
@filter_options
@click.option(
    "--all", "keep_all", is_flag=True, help="Keep every dated event, not only CSTO–Armenia."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes [default: all cores; 1 for small inputs].",
)
@dask_option
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Incremental store (SQLite): extract only new or changed documents into it and "
    "print the chronology of every document it holds.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@handle_errors
def extract(
    paths: tuple[str, ...],
    published: dt.date | None,
    manifest: Path | None,
    model: str | None,
    fmt: str | None,
    output: Path | None,
    fields: str | None,
    since: Period | None,
    until: Period | None,
    actors: tuple[str, ...],
    types: tuple[str, ...],
    relevance: tuple[str, ...],
    min_confidence: float | None,
    modalities: tuple[str, ...],
    limit: int | None,
    keep_all: bool,
    jobs: int | None,
    dask: str | None,
    db: Path | None,
    quiet: bool,
) -> None:
    """Extract a chronology from article files, directories or - (stdin)."""
    from cstotimeline.app import ExtractOptions, run_extract

    if not paths and _stdin_is_terminal():
        raise CliError(errors.E_NO_PATHS, errors.ExitStatus.USAGE)
    output = _stdout_if_dash(output)
    filters = filters_of(since, until, actors, types, relevance, min_confidence, modalities, limit)
    opts = ExtractOptions(
        paths=paths or ("-",),
        published=published,
        manifest=manifest,
        model=model,
        filters=filters,
        keep_all=keep_all,
        jobs=jobs,
        quiet=quiet,
        dask=dask,
        db=db,
    )
    others = [str(p) for p in (manifest, db) if p is not None]
    check_output(output, [*opts.paths, *others])
    fmt = resolve_format(fmt, output)
    columns = parse_fields(fields, fmt)
    with open_output(output, fmt=fmt) as out:
        run_extract(opts, out, fmt, warn=warn, fields=columns)


# -- show ---------------------------------------------------------------------------------------


@cli.command()
@click.option(
    "--db",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The store written by 'extract --db'.",
)
@format_option
@output_options
@fields_option
@filter_options
@handle_errors
def show(
    db: Path,
    fmt: str | None,
    output: Path | None,
    fields: str | None,
    since: Period | None,
    until: Period | None,
    actors: tuple[str, ...],
    types: tuple[str, ...],
    relevance: tuple[str, ...],
    min_confidence: float | None,
    modalities: tuple[str, ...],
    limit: int | None,
) -> None:
    """Print the chronology held by a store (extract --db), without reading any article."""
    from cstotimeline.app import run_show

    output = _stdout_if_dash(output)
    filters = filters_of(since, until, actors, types, relevance, min_confidence, modalities, limit)
    check_output(output, [str(db)])
    fmt = resolve_format(fmt, output)
    if fmt == "timeml":
        raise CliError(errors.E_SHOW_TIMEML, errors.ExitStatus.USAGE)
    columns = parse_fields(fields, fmt)
    with open_output(output, fmt=fmt) as out:
        run_show(db, out, fmt, filters=filters, fields=columns, warn=warn)


def _stdout_if_dash(output: Path | None) -> Path | None:
    """``-o -`` is stdout."""
    return None if output is not None and str(output) == "-" else output


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdin
        return False


def resolve_format(
    fmt: str | None, output: Path | None, extensions: dict[str, str] | None = None
) -> str:
    """``--format``, else the format ``-o``'s extension names (an unknown one is a usage
    error listing the known), else table on a terminal and jsonl elsewhere. A device or a
    FIFO given to ``-o`` (``/dev/stdout``) is written as stdout would be."""
    if fmt:
        return fmt
    if output is not None and not _is_device(output):
        if extensions is None:
            from cstotimeline.export import EXTENSIONS

            extensions = EXTENSIONS
        suffix = output.suffix.lower()
        if suffix not in extensions:
            raise CliError(
                errors.E_EXTENSION.format(
                    path=output, suffix=suffix, known=", ".join(sorted(extensions))
                ),
                errors.ExitStatus.USAGE,
            )
        return extensions[suffix]
    return "table" if output is None and sys.stdout.isatty() else "jsonl"


def _is_device(path: Path) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode) and not stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def check_output(output: Path | None, inputs: Sequence[str]) -> None:
    """Refuse an ``-o`` that cannot be written (1) or that would overwrite an input (2).

    An input is the same file as ``output`` (also through a symlink or a hard link), or a
    directory input holds ``output`` as one of the files it would read (a ``.txt``/``.md`` file
    that exists and is not hidden).
    """
    if output is None:
        return
    from cstotimeline.ingest import TEXT_SUFFIXES

    target = Path(os.path.realpath(output))
    if not target.parent.is_dir():
        raise CliError(errors.E_OUTPUT.format(path=output, reason="no such directory"))
    exists = target.exists()
    for p in inputs:
        if p == "-":
            continue
        q = Path(os.path.realpath(p))
        same = q == target
        if not same and exists and q.exists():
            try:
                same = os.path.samefile(q, target)
            except OSError:
                same = False
        if not same and exists and q.is_dir() and q in target.parents:
            rel = target.relative_to(q).parts
            same = target.suffix.lower() in TEXT_SUFFIXES and not any(
                part.startswith(".") for part in rel
            )
        if same:
            raise CliError(errors.E_OUTPUT_IS_INPUT.format(path=output), errors.ExitStatus.USAGE)


# Write errors reported as "cannot write FILE: reason" (exit 1) rather than as internal errors.
_WRITE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM}
)


def _configure_stdout(fmt: str | None) -> None:
    """Data on stdout is UTF-8 whatever the locale; a table on a terminal uses the terminal's
    encoding, with ``?`` for what it cannot show."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        if fmt == "table" or (fmt is None and sys.stdout.isatty()):
            reconfigure(errors="replace")
        elif (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8", errors="strict")
    except (ValueError, OSError):  # already written to, or detached
        pass


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def open_output(output: Path | None, *, fmt: str | None = None) -> Iterator[TextIO]:
    """stdout, or a temporary file beside ``output`` renamed over it on success.

    The temporary file is hidden (``.NAME.XXXX.tmp``), in the same directory (so the rename is
    atomic), synced before the rename and given the mode of the file it replaces (or the
    umask's). Any failure or interruption removes it and leaves an existing ``output``
    untouched. A symlink is written through (the link stays); a device or FIFO
    (``/dev/stdout``, ``/dev/null``) is written to directly, since it cannot be replaced.
    """
    if output is None:
        _configure_stdout(fmt)
        yield sys.stdout
        return
    import tempfile

    def fail(exc: OSError) -> CliError:
        return CliError(errors.E_OUTPUT.format(path=output, reason=exc.strerror or exc))

    try:
        st: os.stat_result | None = os.stat(output)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise fail(exc) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            handle = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise fail(exc) from None
        try:
            with handle:
                yield handle
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS:
                raise fail(exc) from None
            raise
        return
    target = Path(os.path.realpath(output))
    mode = stat.S_IMODE(st.st_mode) if st is not None else _new_file_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise fail(exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
            raise fail(exc) from None
        raise


# -- timex --------------------------------------------------------------------------------------


TIMEX_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "table", ".tml": "timeml"}
TIMEX_EXTENSIONS[".xml"] = "timeml"
# What looks like a file name rather than text: no whitespace and a known extension.
_FILE_LIKE = (".txt", ".md", ".tml", ".xml", ".html", ".htm", ".json", ".jsonl", ".csv", ".tsv")


def timex_input(argument: str) -> tuple[str | None, str | None]:
    """``(path, text)`` of ``timex``'s argument: ``-`` is stdin; a path that exists is a
    file; an argument that looks like a file name (no whitespace, a file extension) but
    does not exist is a missing file; anything else is the text itself."""
    if argument == "-" or os.path.exists(argument):
        return argument, None
    if not any(c.isspace() for c in argument) and argument.lower().endswith(_FILE_LIKE):
        return argument, None  # reported as a missing file
    return None, argument


@cli.command()
@click.argument("path", default="-", metavar="[PATH|TEXT|-]")
@click.option("--published", type=DATE, help="Reference (document creation) date.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("jsonl", "table", "timeml")),
    default=None,
    help="Output format [default: table on a terminal, else jsonl].",
)
@click.option("--model", envvar="CSTOTIMELINE_MODEL", help="Installed spaCy pipeline to use.")
@click.option("--no-model", is_flag=True, help="Tag without spaCy (faster, less precise tense).")
@output_options
@handle_errors
def timex(
    path: str,
    published: dt.date | None,
    fmt: str | None,
    model: str | None,
    no_model: bool,
    output: Path | None,
) -> None:
    """Tag temporal expressions (TIMEX3) in one text: a file, - (stdin), or the text itself.

    An argument that names an existing file is read as that file; one that looks like a file
    name (no spaces, a file extension such as .txt) but does not exist is an error; anything
    else is tagged as text ("the 2022 summit on 23 November")."""
    from cstotimeline.app import run_timex

    output = _stdout_if_dash(output)
    fmt = resolve_format(fmt, output, TIMEX_EXTENSIONS)
    file, text = timex_input(path)
    check_output(output, [file] if file is not None else [])
    with open_output(output, fmt=fmt) as out:
        run_timex(
            file or "",
            published,
            fmt,
            out,
            model=None if no_model else (model or ""),
            warn=warn,
            text=text,
        )


# -- evaluate -----------------------------------------------------------------------------------


@cli.group()
def evaluate() -> None:
    """Measure the tagger and the extractor against gold data."""


@evaluate.command("timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--model", envvar="CSTOTIMELINE_MODEL", help="Installed spaCy pipeline to use.")
@click.option("--no-model", is_flag=True, help="Evaluate the tagger without spaCy.")
@click.option("--examples", type=click.IntRange(min=0), default=5, help="Examples per error kind.")
@handle_errors
def evaluate_timex(directory: Path, model: str | None, no_model: bool, examples: int) -> None:
    """TempEval-3 Task A scores on the TimeML files under DIRECTORY."""
    from cstotimeline.app import check_timeml
    from cstotimeline.eval_timex import evaluate_dir, format_report

    check_timeml(directory)
    report = evaluate_dir(directory, use_model=not no_model, model=model)
    click.echo(format_report(report, examples=examples))


@evaluate.command("events")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--model", envvar="CSTOTIMELINE_MODEL", help="Installed spaCy pipeline to use.")
@click.option("-v", "--verbose", is_flag=True, help="List every miss and every spurious event.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@dask_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Workers of --dask local [default: all cores].",
)
@handle_errors
def evaluate_events(
    directory: Path,
    model: str | None,
    verbose: bool,
    as_json: bool,
    dask: str | None,
    jobs: int | None,
) -> None:
    """Event scores against DIR/index.tsv and the articles' *.gold.tsv files."""
    from cstotimeline.app import evaluate_events as run
    from cstotimeline.eval_events import format_report

    report = run(directory, model=model, dask=dask, jobs=jobs, warn=warn)
    if as_json:
        import json

        click.echo(json.dumps(report.scores(), indent=2, sort_keys=True))
    else:
        click.echo(format_report(report, verbose=verbose))


# -- entry point --------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: run the CLI and exit with the status ``errors.exit_status`` gives."""
    status = run(argv)
    sys.exit(status)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: clean up (no partial output file) and exit 130."""


def _stop_children() -> None:
    """Terminate the worker processes this process started (``--jobs``): an interrupted run
    must not wait for their batches to finish."""
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return
    with suppress(Exception):
        for child in multiprocessing.active_children():
            with suppress(Exception):
                child.terminate()


def _on_signal(signum: int, frame: Any) -> None:
    _stop_children()
    if signum == signal.SIGTERM:
        raise Terminated()
    raise KeyboardInterrupt()


def _install_signal_handlers() -> Callable[[], None]:
    """Ctrl-C and SIGTERM unwind the run (removing any temporary output) after stopping the
    worker processes; returns the undo. A signal the parent shell ignores stays ignored, and
    nothing is installed outside the main thread."""
    previous: dict[int, Any] = {}
    for signum, default in (
        (signal.SIGINT, signal.default_int_handler),
        (signal.SIGTERM, signal.SIG_DFL),
    ):
        try:
            if signal.getsignal(signum) is default:
                previous[signum] = signal.signal(signum, _on_signal)
        except (ValueError, OSError):  # not the main thread
            break

    def undo() -> None:
        for signum, handler in previous.items():
            with suppress(ValueError, OSError, TypeError):
                signal.signal(signum, handler)

    return undo


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; every outcome is an exit status and at most a few lines on stderr.

    Never lets a traceback out: an unexpected exception is reported on one line as an internal
    error (exit 1), unless ``CSTOTIMELINE_DEBUG`` is set (then it is re-raised).
    """
    undo = _install_signal_handlers()
    try:
        return _run(argv)
    finally:
        undo()


def _run(argv: Sequence[str] | None) -> int:
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="cstotimeline",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()
        return errors.exit_status(exc)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx is not None else "cstotimeline"
        message = errors.E_USAGE.format(message=exc.format_message().rstrip("."), command=command)
        _error(" ".join(message.split()))
        return errors.exit_status(exc)
    except click.ClickException as exc:
        exc.show()
        return errors.exit_status(exc)
    except (click.exceptions.Abort, KeyboardInterrupt, Interrupted):
        _error(errors.E_INTERRUPTED)
        return errors.exit_status(KeyboardInterrupt())
    except (BrokenPipeError, PipeClosed):
        _silence_stdout()
        return errors.exit_status(BrokenPipeError())
    except errors.CstoTimelineError as exc:
        _error(str(exc))
        return errors.exit_status(exc)
    except MemoryError as exc:
        _error(errors.E_MEMORY)
        return errors.exit_status(exc)
    except Exception as exc:
        if os.environ.get("CSTOTIMELINE_DEBUG"):
            raise
        message = " ".join(str(exc).split()) or "-"
        _error(errors.E_INTERNAL.format(kind=type(exc).__name__, message=message[:300]))
        return errors.exit_status(exc)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        pass
    return errors.ExitStatus.SUCCESS


def _error(message: str) -> None:
    with suppress(OSError, ValueError):  # stderr closed as well
        click.echo(f"cstotimeline: error: {message}", err=True)


def _silence_stdout() -> None:
    """After the reader of a pipe went away: send the rest of stdout to /dev/null."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


__all__ = ["cli", "main", "run"]
