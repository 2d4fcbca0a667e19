"""Tests for cstotimeline.ingest: reading inputs, decoding, headers, publication dates."""

from __future__ import annotations

import codecs
import datetime
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cstotimeline import errors
from cstotimeline.ingest import (
    W_MANIFEST_BAD_DATE,
    BinaryInputError,
    IngestStats,
    decode_bytes,
    find_published,
    iter_documents,
    parse_date,
    read_manifest,
)
from cstotimeline.records import Document

D = datetime.date
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
BODY = "Armenia froze its participation in the CSTO on Thursday.\n"


def read(paths: list[str], **kwargs: object) -> tuple[list[Document], list[str], IngestStats]:
    """Run iter_documents collecting documents, warnings and stats."""
    warnings: list[str] = []
    stats = IngestStats()
    docs = list(iter_documents(paths, warn=warnings.append, stats=stats, **kwargs))  # type: ignore[arg-type]
    return docs, warnings, stats


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


# ---------------------------------------------------------------------------------------------
# parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-24", D(2023, 11, 24)),
        ("2023-11-24T10:00:00+04:00", D(2023, 11, 24)),
        ("2023/11/24", D(2023, 11, 24)),
        ("24.11.2023", D(2023, 11, 24)),
        ("24 November 2023", D(2023, 11, 24)),
        ("24 Nov. 2023", D(2023, 11, 24)),
        ("24 Nov, 2023", D(2023, 11, 24)),
        ("24-Nov-2023", D(2023, 11, 24)),
        ("Nov 24, 2023", D(2023, 11, 24)),
        ("November 24th, 2023", D(2023, 11, 24)),
        ("Sept. 13, 2022", D(2022, 9, 13)),
        ("Friday, 24 November 2023 10:00", D(2023, 11, 24)),
        ('"2024-02-23"', D(2024, 2, 23)),
        ("'23 February 2024'", D(2024, 2, 23)),
        ("2023-02-30", None),
        ("31 April 2023", None),
        ("November 2023", None),
        ("24 November", None),
        ("last Thursday", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: D | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-24", D(2023, 11, 24)),
        (" 24 November 2023 ", D(2023, 11, 24)),
        ("2023-11-24 junk", None),
        ("2023-11-24T10:00", None),
        ("2023-11-2", D(2023, 11, 2)),
        ("2023-13-01", None),
    ],
)
def test_parse_date_strict(value: str, expected: D | None) -> None:
    assert parse_date(value, strict=True) == expected


# ---------------------------------------------------------------------------------------------
# find_published: one rule at a time


FRONT = "---\ntitle: Armenia freezes CSTO role\npublished: 2024-02-23\noutlet: X\n---\n\n"
AT_BODY = -1  # expected offset: where BODY starts


@pytest.mark.parametrize(
    ("text", "filename", "expected", "basis", "offset"),
    [
        # YAML-style front matter, cut off with the blank line after it
        (FRONT + BODY, "a.txt", D(2024, 2, 23), "header", AT_BODY),
        ("---\ndate: Nov 24, 2023\n---\n" + BODY, "a.txt", D(2023, 11, 24), "header", AT_BODY),
        ("\n\n---\ndate: '2023-11-24'\n...\n" + BODY, "a.txt", D(2023, 11, 24), "header", AT_BODY),
        # plain header lines at the top
        ("published: 2023-11-24\n\n" + BODY, "a.txt", D(2023, 11, 24), "header", AT_BODY),
        ("Published: 24 November 2023\n" + BODY, "a.txt", D(2023, 11, 24), "header", AT_BODY),
        ("Date: 10 January 2023\nTitle: T\n\n" + BODY, "a.txt", D(2023, 1, 10), "header", AT_BODY),
        ("date: Nov 24, 2023\n\n" + BODY, "a.txt", D(2023, 11, 24), "header", AT_BODY),
        # a date line under a headline: the date is used, the text kept whole
        ("Headline\nPublished: 24 November 2023\n\n" + BODY, "a.txt", D(2023, 11, 24), "header", 0),
        # header without a usable date: cut, the date comes from elsewhere
        ("Title: T\n\n" + BODY, "x_2023-11-24.txt", D(2023, 11, 24), "filename", AT_BODY),
        # the file name
        (BODY, "06_rt_2022-09-14.txt", D(2022, 9, 14), "filename", 0),
        (BODY, "dir/2022-09-14-x.md", D(2022, 9, 14), "filename", 0),
        (BODY, "x_2022-02-30.txt", None, "unknown", 0),
        (BODY, "x_20220914.txt", None, "unknown", 0),
        # datelines
        ("14 Sep, 2022 14:39\n\nArmenia asks for help.", "a.txt", D(2022, 9, 14), "dateline", 0),
        ("25 November 2025 18:22 (UTC+04:00)\nText.", "a.txt", D(2025, 11, 25), "dateline", 0),
        ("Headline\n\nNovember 24, 2023\n\nText.", "a.txt", D(2023, 11, 24), "dateline", 0),
        ("Thursday, November 23, 2023\nText.", "a.txt", D(2023, 11, 23), "dateline", 0),
        ("YEREVAN, 23.11.2023 - Text.", "a.txt", D(2023, 11, 23), "dateline", 0),
        (
            "MINSK, Nov. 23 (Reuters) - Leaders met in November 2023.",
            "a.txt",
            D(2023, 11, 23),
            "dateline",
            0,
        ),
        # dateline without a year, and the text names two years: not used
        (
            "MINSK, Nov. 23 (Reuters) - Met on 1 June 2022 and in May 2021.",
            "a.txt",
            D(2022, 6, 1),
            "inferred",
            0,
        ),
        # a date inside a sentence is not a dateline
        ("On 13 September 2022 Azerbaijan attacked.\n", "a.txt", D(2022, 9, 13), "inferred", 0),
        # inferred: the latest full date in the text
        (
            "It began on 13 September 2022. On September 14, 2022 a truce held. In 2023 more.",
            "a.txt",
            D(2022, 9, 14),
            "inferred",
            0,
        ),
        # nothing
        ("Armenia froze its participation on Thursday.", "a.txt", None, "unknown", 0),
        ("Last November and in May 2023.", "", None, "unknown", 0),
        # "---" without a closing fence is not front matter
        ("---\nNot a header\n\nText on Thursday.", "a.txt", None, "unknown", 0),
    ],
)
def test_find_published(
    text: str, filename: str, expected: D | None, basis: str, offset: int
) -> None:
    if offset == AT_BODY:
        offset = text.rindex(BODY)
    assert find_published(text, filename) == (expected, basis, offset)


def test_find_published_priority_within_file() -> None:
    """header > filename > dateline > inferred, each rule shadowing the ones after it."""
    dateline = "1 March 2021 10:00\n\n"
    body = "Something happened on 5 May 2020.\n"
    header = "published: 2024-02-23\n\n"
    assert find_published(header + dateline + body, "x_2023-01-10.txt")[:2] == (
        D(2024, 2, 23),
        "header",
    )
    assert find_published(dateline + body, "x_2023-01-10.txt")[:2] == (D(2023, 1, 10), "filename")
    assert find_published(dateline + body, "x.txt")[:2] == (D(2021, 3, 1), "dateline")
    assert find_published(body, "x.txt")[:2] == (D(2020, 5, 5), "inferred")


# ---------------------------------------------------------------------------------------------
# iter_documents: publication date priority across option, manifest and file


def test_published_priority_option_manifest_file(tmp_path: Path) -> None:
    path = write(tmp_path / "x_2023-01-10.txt", "published: 2024-02-23\n\n" + BODY)
    manifest = write(
        tmp_path / "index.tsv",
        "file\tpublished\turl\toutlet\nx_2023-01-10.txt\t2022-11-24\thttp://u\tOut\n",
    )

    docs, warnings, _ = read([str(path)], published=D(2020, 1, 1), manifest=manifest)
    assert [(d.published, d.published_basis, d.url, d.outlet) for d in docs] == [
        (D(2020, 1, 1), "option", "http://u", "Out")
    ]
    docs, warnings, _ = read([str(path)], manifest=manifest)
    assert [(d.published, d.published_basis) for d in docs] == [(D(2022, 11, 24), "manifest")]
    docs, warnings, _ = read([str(path)])
    assert [(d.published, d.published_basis) for d in docs] == [(D(2024, 2, 23), "header")]
    assert warnings == []


def test_inferred_and_unknown_warnings(tmp_path: Path) -> None:
    inferred = write(tmp_path / "a.txt", "Talks were held on 12 June 2024 in Yerevan.\n")
    unknown = write(tmp_path / "b.txt", "Talks were held on Thursday in Yerevan.\n")
    docs, warnings, stats = read([str(inferred), str(unknown)])
    assert [(d.published, d.published_basis) for d in docs] == [
        (D(2024, 6, 12), "inferred"),
        (None, "unknown"),
    ]
    assert warnings == [
        errors.E_PUBLISHED_INFERRED.format(path=inferred, date="2024-06-12"),
        errors.E_PUBLISHED_UNKNOWN.format(path=unknown),
    ]
    assert (stats.read, stats.skipped) == (2, 0)


def test_option_or_manifest_silences_date_warnings(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Talks on Thursday.\n")
    manifest = write(tmp_path / "m.tsv", "file\tpublished\na.txt\t2024-06-12\n")
    assert read([str(path)], published=D(2024, 6, 12))[1] == []
    assert read([str(path)], manifest=manifest)[1] == []


# ---------------------------------------------------------------------------------------------
# manifest


def test_manifest_matching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", BODY)
    write(corpus / "sub" / "b.txt", BODY)
    write(corpus / "sub" / "c.txt", BODY)
    write(corpus / "other" / "c.txt", BODY)
    write(corpus / "d.txt", BODY)
    manifest = write(
        corpus / "index.tsv",
        "file\tpublished\turl\toutlet\tcompleteness\n"
        "a.txt\t2021-05-13\thttp://a\tAsbarez\tfull\n"  # by base name
        "sub/b.txt\t2022-01-06\t\t\tpartial\n"  # by path relative to the manifest
        "./sub/c.txt\t2022-09-14\n"  # path as written, normalised
        "c.txt\t2023-01-10\n"  # a bare name beats the base name of ./sub/c.txt
        "d.txt\t\thttp://d\tOnly outlet\n",  # no date: url/outlet still used
    )
    monkeypatch.chdir(tmp_path)
    docs, warnings, _ = read(["corpus"], manifest=manifest)
    got = {d.source: (d.published, d.published_basis, d.url, d.outlet) for d in docs}
    assert got == {
        os.path.join("corpus", "a.txt"): (D(2021, 5, 13), "manifest", "http://a", "Asbarez"),
        os.path.join("corpus", "d.txt"): (None, "unknown", "http://d", "Only outlet"),
        os.path.join("corpus", "other", "c.txt"): (D(2023, 1, 10), "manifest", None, None),
        os.path.join("corpus", "sub", "b.txt"): (D(2022, 1, 6), "manifest", None, None),
        os.path.join("corpus", "sub", "c.txt"): (D(2022, 9, 14), "manifest", None, None),
    }
    # index.tsv is not a .txt/.md file, so it is not read as a document.
    assert warnings == [errors.E_PUBLISHED_UNKNOWN.format(path=os.path.join("corpus", "d.txt"))]


def test_manifest_keys(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.tsv", "File\tPublished\n./x/a.txt\t24 November 2023\n")
    entries = read_manifest(manifest)
    assert set(entries) == {"x/a.txt", "a.txt"}
    assert entries["a.txt"].published == D(2023, 11, 24)


def test_manifest_crlf_and_bom(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.tsv", b"\xef\xbb\xbffile\tpublished\r\na.txt\t2023-11-24\r\n")
    assert read_manifest(manifest)["a.txt"].published == D(2023, 11, 24)


def test_manifest_bad_date_row(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "published: 2020-01-01\n\n" + BODY)
    manifest = write(tmp_path / "m.tsv", "file\tpublished\na.txt\tyesterday\n")
    docs, warnings, _ = read([str(path)], manifest=manifest)
    assert warnings == [
        W_MANIFEST_BAD_DATE.format(path=manifest, line=2, value="yesterday", file="a.txt")
    ]
    assert [(d.published, d.published_basis) for d in docs] == [(D(2020, 1, 1), "header")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("file\turl\na.txt\thttp://x\n", "missing column 'published'"),
        ("name\tdate\n", "missing column 'file', 'published'"),
        ("", "empty file"),
        (b"file\tpublished\n\xff\xfe\n", "not UTF-8 text"),
        (None, "No such file or directory"),
    ],
)
def test_manifest_usage_errors(tmp_path: Path, content: str | bytes | None, reason: str) -> None:
    manifest = tmp_path / "m.tsv"
    if content is not None:
        write(manifest, content)
    # Raised by the call itself, before the first document is asked for.
    with pytest.raises(errors.UsageError) as info:
        iter_documents([str(tmp_path)], manifest=manifest)
    assert str(info.value) == errors.E_MANIFEST.format(path=manifest, reason=reason)
    assert info.value.exit_status == errors.ExitStatus.USAGE


def test_manifest_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.UsageError, match="cannot read manifest"):
        read_manifest(tmp_path)


# ---------------------------------------------------------------------------------------------
# bad inputs: each one warns once, is skipped, and the next input is still read


def _missing(tmp: Path) -> tuple[str, str]:
    path = str(tmp / "nope.txt")
    return path, errors.E_MISSING_PATH.format(path=path)


def _content(name: str, data: bytes, template: str) -> Callable[[Path], tuple[str, str]]:
    def make(tmp: Path) -> tuple[str, str]:
        path = str(write(tmp / name, data))
        return path, template.format(path=path)

    return make


def _no_text_dir(tmp: Path) -> tuple[str, str]:
    directory = tmp / "pictures"
    write(directory / "photo.jpg", b"\xff\xd8\xff\xe0")
    write(directory / ".hidden.txt", BODY)
    write(directory / ".git" / "notes.txt", BODY)
    return str(directory), errors.E_NO_TEXT_FILES.format(path=directory)


def _fifo(tmp: Path) -> tuple[str, str]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return str(path), errors.E_NOT_A_FILE.format(path=path)


def _dangling_symlink(tmp: Path) -> tuple[str, str]:
    path = tmp / "link.txt"
    path.symlink_to(tmp / "gone.txt")
    return str(path), errors.E_MISSING_PATH.format(path=path)


BAD_INPUTS: dict[str, Callable[[Path], tuple[str, str]]] = {
    "missing": _missing,
    "dangling-symlink": _dangling_symlink,
    "nul": _content("nul.txt", b"Armenia\x00\x01\x02 CSTO\x00\xff", errors.E_BINARY),
    "pdf": _content("paper.txt", b"%PDF-1.7\nArmenia CSTO\n", errors.E_BINARY),
    "png": _content("pic.txt", b"\x89PNG\r\n\x1a\n....", errors.E_BINARY),
    "gzip": _content("a.txt.gz.txt", b"\x1f\x8b\x08\x00rest", errors.E_BINARY),
    "zip": _content("doc.txt", b"PK\x03\x04rest", errors.E_BINARY),
    "controls": _content("ctl.txt", bytes(range(1, 32)) * 20 + b"text", errors.E_BINARY),
    "no-text-dir": _no_text_dir,
    "fifo": _fifo,
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_is_skipped_with_one_warning(tmp_path: Path, kind: str) -> None:
    bad, message = BAD_INPUTS[kind](tmp_path)
    before = write(tmp_path / "ok" / "before.txt", "published: 2024-02-23\n\n" + BODY)
    after = write(tmp_path / "ok" / "after.txt", "published: 2024-02-23\n\n" + BODY)
    docs, warnings, stats = read([str(before), bad, str(after)])
    assert warnings == [message]
    assert [d.source for d in docs] == [str(before), str(after)]
    assert (stats.read, stats.skipped) == (2, 1)


EMPTY_ARTICLES = {
    "empty": (b"", None, "unknown"),
    "whitespace": (b" \n\t\r\n  \n", None, "unknown"),
    "utf16-whitespace": (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), None, "unknown"),
    "header-only": (b"---\npublished: 2024-01-01\n---\n\n", D(2024, 1, 1), "header"),
}


@pytest.mark.parametrize("kind", list(EMPTY_ARTICLES))
def test_an_empty_article_is_a_document_with_one_warning(tmp_path: Path, kind: str) -> None:
    data, published, basis = EMPTY_ARTICLES[kind]
    path = write(tmp_path / f"{kind}.txt", data)
    after = write(tmp_path / "ok" / "after.txt", "published: 2024-02-23\n\n" + BODY)
    docs, warnings, stats = read([str(path), str(after)])
    # Read (so a run of only such files is not "no input could be read"), with no text to
    # extract from, and one warning: no complaint about its publication date or encoding.
    assert warnings == [errors.E_EMPTY.format(path=path)]
    assert [d.source for d in docs] == [str(path), str(after)]
    assert docs[0].text.strip() == "" and (docs[0].published, docs[0].published_basis) == (
        published,
        basis,
    )
    assert (stats.read, stats.skipped) == (2, 0)


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", BODY)
    good = write(tmp_path / "good.txt", "published: 2024-02-23\n\n" + BODY)
    path.chmod(0)
    try:
        try:
            path.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running with privileges that ignore file permissions")
        docs, warnings, stats = read([str(path), str(good)])
    finally:
        path.chmod(0o644)
    assert warnings == [errors.E_UNREADABLE.format(path=path, reason="Permission denied")]
    assert [d.source for d in docs] == [str(good)]
    assert (stats.read, stats.skipped) == (1, 1)


def test_unreadable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    write(locked / "a.txt", BODY)
    locked.chmod(0)
    try:
        try:
            os.listdir(locked)
        except PermissionError:
            pass
        else:
            pytest.skip("running with privileges that ignore file permissions")
        docs, warnings, _ = read([str(locked)])
    finally:
        locked.chmod(0o755)
    assert docs == []
    assert warnings == [errors.E_UNREADABLE.format(path=locked, reason="Permission denied")]


def test_fifo_inside_directory_is_not_opened(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    write(tmp_path / "a.txt", "published: 2024-02-23\n\n" + BODY)
    os.mkfifo(tmp_path / "b.txt")
    docs, warnings, _ = read([str(tmp_path)])
    assert [d.source for d in docs] == [str(tmp_path / "a.txt")]
    assert warnings == [errors.E_NOT_A_FILE.format(path=tmp_path / "b.txt")]


# ---------------------------------------------------------------------------------------------
# encodings


RUSSIAN = "Армения заморозила участие в ОДКБ, заявил Пашинян 22 февраля."
FRENCH = "L'Arménie a gelé sa participation à l'OTSC, a déclaré le Premier ministre."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
        (RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r"),
        ("ОДКБ".encode("cp1251"), "ОДКБ", "cp1251"),
        (FRENCH.encode("latin-1"), FRENCH, "cp1252"),
        ("Pashinyan said “no” – twice.".encode("cp1252"), "Pashinyan said “no” – twice.", "cp1252"),
        (codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), FRENCH, "utf-16-le"),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), RUSSIAN, "utf-16-be"),
        (FRENCH.encode("utf-16-le"), FRENCH, "utf-16-le"),  # no BOM: told by the NUL bytes
        (codecs.BOM_UTF32_LE + FRENCH.encode("utf-32-le"), FRENCH, "utf-32-le"),
        (codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), RUSSIAN, None),
        (RUSSIAN.encode("utf-8"), RUSSIAN, None),
        (b"line one\r\nline two\rline three\n", "line one\r\nline two\rline three\n", None),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str | None) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4", b"GIF89a....", b"\xff\xd8\xff\xe0JFIF", b"a\x00b\x00\x00c", bytes(range(256))],
)
def test_decode_bytes_binary(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(data)


@given(st.binary(max_size=400))
@settings(max_examples=200, deadline=None)
def test_decode_bytes_never_fails_otherwise(data: bytes) -> None:
    try:
        text, _encoding = decode_bytes(data)
    except BinaryInputError:
        return
    assert isinstance(text, str)


@pytest.mark.parametrize(
    ("name", "data", "encoding", "text"),
    [
        ("ru.txt", ("published: 2024-02-23\n\n" + RUSSIAN).encode("cp1251"), "cp1251", RUSSIAN),
        ("fr.txt", ("published: 2024-02-23\n\n" + FRENCH).encode("latin-1"), "cp1252", FRENCH),
        (
            "u16.txt",
            codecs.BOM_UTF16_LE + ("published: 2024-02-23\n\n" + FRENCH).encode("utf-16-le"),
            "utf-16-le",
            FRENCH,
        ),
        (
            "bom.txt",
            codecs.BOM_UTF8 + ("published: 2024-02-23\n\n" + FRENCH).encode(),
            None,
            FRENCH,
        ),
    ],
)
def test_decoded_files(
    tmp_path: Path, name: str, data: bytes, encoding: str | None, text: str
) -> None:
    path = write(tmp_path / name, data)
    docs, warnings, _ = read([str(path)])
    expected = [] if encoding is None else [errors.E_DECODED.format(path=path, encoding=encoding)]
    assert warnings == expected
    assert [(d.text, d.published, d.offset) for d in docs] == [(text, D(2024, 2, 23), 23)]


# ---------------------------------------------------------------------------------------------
# offsets: the document text is the decoded file text from ``offset`` on


@pytest.mark.parametrize(
    "content",
    [
        FRONT + BODY,
        FRONT.replace("\n", "\r\n") + BODY.replace("\n", "\r\n") + "Second line.\r\n",
        FRONT.replace("\n", "\r") + BODY.replace("\n", "\r"),
        "Date: 10 January 2023\r\nOutlet: X\r\n\r\n\r\nText on Tuesday.\r\nMore.\r\n",
        "14 Sep, 2022 14:39\r\n\r\nYerevan asked for help on Wednesday.\r\n",
        BODY,
    ],
)
def test_offsets_index_the_decoded_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "a.txt", content)
    (doc,) = read([str(path)])[0]
    decoded = path.read_bytes().decode("utf-8")
    assert decoded[doc.offset :] == doc.text
    assert doc.text.strip()
    assert not doc.text[:1].isspace()
    # The date line / front matter is not in the text, CR and CRLF are kept.
    assert "published:" not in doc.text and "Date:" not in doc.text
    assert doc.text.count("\r") == content[doc.offset :].count("\r")


def test_front_matter_fields(tmp_path: Path) -> None:
    content = (
        "---\n"
        'title: "Armenia: out of the CSTO?"\n'
        "date: 2024-06-12T10:30:00+04:00\n"
        "source: https://example.org/a\n"
        "tags:\n"
        "  - csto\n"
        "  - armenia\n"
        "---\n" + BODY
    )
    path = write(tmp_path / "a.md", content)
    (doc,) = read([str(path)])[0]
    assert (doc.published, doc.published_basis) == (D(2024, 6, 12), "header")
    assert (doc.url, doc.outlet) == ("https://example.org/a", None)
    assert doc.text == BODY
    assert content[doc.offset :] == BODY


# ---------------------------------------------------------------------------------------------
# stdin


def test_stdin(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "published: 2024-02-23\n\n" + BODY)
    stream = io.BytesIO(("Date: 23 November 2023\n\n" + BODY).encode())
    docs, warnings, _ = read([str(path), "-"], stdin=stream)
    assert [(d.source, d.published, d.published_basis) for d in docs] == [
        (str(path), D(2024, 2, 23), "header"),
        ("-", D(2023, 11, 23), "header"),
    ]
    assert warnings == []


@pytest.mark.parametrize("data", [b"", b"  \n"])
def test_empty_stdin_yields_nothing_silently(data: bytes) -> None:
    docs, warnings, stats = read(["-"], stdin=io.BytesIO(data))
    assert (docs, warnings, stats.read, stats.skipped) == ([], [], 0, 0)


def test_stdin_binary_and_manifest() -> None:
    docs, warnings, _ = read(["-"], stdin=io.BytesIO(b"%PDF-1.5"))
    assert (docs, warnings) == ([], [errors.E_BINARY.format(path="<stdin>")])


def test_stdin_no_date() -> None:
    docs, warnings, _ = read(["-"], stdin=io.BytesIO(b"Talks on Thursday."))
    assert [d.published_basis for d in docs] == ["unknown"]
    assert warnings == [errors.E_PUBLISHED_UNKNOWN.format(path="<stdin>")]


# ---------------------------------------------------------------------------------------------
# order, laziness, defaults


def test_directory_order_is_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    root = tmp_path / "in"
    names = ["b.txt", "a.md", "A.TXT", "sub/z.txt", "sub/a.txt", "c.txt", "sub2/x.md"]
    for name in reversed(names):
        write(root / name, f"published: 2024-01-01\n\n{name}\n")
    write(root / ".hidden.txt", BODY)
    write(root / ".cache" / "x.txt", BODY)
    write(root / "notes.rst", BODY)
    write(root / "data.tsv", BODY)
    first = read([str(root)])
    second = read([str(root)])
    assert [d.source for d in first[0]] == [d.source for d in second[0]]
    assert [os.path.relpath(d.source, root) for d in first[0]] == [
        "A.TXT",
        "a.md",
        "b.txt",
        "c.txt",
        os.path.join("sub", "a.txt"),
        os.path.join("sub", "z.txt"),
        os.path.join("sub2", "x.md"),
    ]
    assert first[1] == []


def test_paths_keep_their_order_and_files_are_read_once(tmp_path: Path) -> None:
    a = write(tmp_path / "d" / "a.txt", "published: 2024-01-01\n\nA\n")
    b = write(tmp_path / "d" / "b.txt", "published: 2024-01-01\n\nB\n")
    other = write(tmp_path / "other.rst", "published: 2024-01-01\n\nO\n")  # any extension
    docs, warnings, stats = read([str(b), str(other), str(tmp_path / "d"), str(a)])
    assert [d.source for d in docs] == [str(b), str(other), str(a)]
    assert (warnings, stats.read) == ([], 3)


def test_directory_source_keeps_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "samples" / "a.txt", "published: 2024-01-01\n\nA\n")
    monkeypatch.chdir(tmp_path)
    assert [d.source for d in read(["samples/"])[0]] == ["samples/a.txt"]
    assert [d.source for d in read(["samples"])[0]] == [os.path.join("samples", "a.txt")]


def test_lazy(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "published: 2024-01-01\n\nA\n")
    write(tmp_path / "b.txt", "published: 2024-01-01\n\nB\n")
    warnings: list[str] = []
    it = iter_documents([str(tmp_path), str(tmp_path / "missing")], warn=warnings.append)
    assert warnings == []  # nothing done yet
    first = next(it)
    assert first.text == "A\n"
    assert warnings == []
    assert [d.text for d in it] == ["B\n"]
    assert len(warnings) == 1


def test_default_warn_writes_to_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert list(iter_documents([str(missing)])) == []
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"cstotimeline: warning: {missing}: no such file or directory\n"


# ---------------------------------------------------------------------------------------------
# properties


@given(st.text(max_size=300), st.sampled_from(["a.txt", "x_2023-11-24.txt", ""]))
@settings(max_examples=200, deadline=None)
def test_find_published_is_total(text: str, filename: str) -> None:
    found, basis, offset = find_published(text, filename)
    assert 0 <= offset <= len(text)
    assert basis in ("header", "filename", "dateline", "inferred", "unknown")
    assert (found is None) == (basis == "unknown")


# ---------------------------------------------------------------------------------------------
# the sample articles


SAMPLE_DATES = {
    "01_border_attack_article4.txt": (D(2022, 9, 16), "header"),
    "02_yerevan_summit_2022-11-24.txt": (D(2022, 11, 24), "filename"),
    "03_minsk_summit_skipped.txt": (D(2023, 11, 24), "header"),
    "04_armenia_leaves_csto.txt": (D(2024, 11, 29), "header"),
}


def test_samples() -> None:
    docs, warnings, _ = read([str(SAMPLES)])
    assert warnings == []
    assert {Path(d.source).name: (d.published, d.published_basis) for d in docs} == SAMPLE_DATES
    for doc in docs:
        raw = Path(doc.source).read_text(encoding="utf-8")
        assert raw[doc.offset :] == doc.text
        assert doc.outlet == "cstotimeline sample"
        assert not doc.text.startswith(("---", "Date:"))
        assert 150 <= len(doc.text.split()) <= 400


def test_a_folder_yields_its_articles_and_says_what_it_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Armenia skipped the summit on Thursday.\n")
    write(tmp_path / "sub" / "b.md", "Armenia skipped the summit on Friday.\n")
    for name in ("README.md", "LICENSE.txt", "index.md", "sub/CHANGELOG.md", "MANIFEST.txt"):
        write(tmp_path / name, "Notes about this folder, written on 1 May 2024.\n")
    write(tmp_path / "index.tsv", "file\tpublished\n")  # not .txt/.md: never an input
    docs, warnings, stats = read([str(tmp_path)], published=D(2024, 1, 1))
    assert [os.path.relpath(d.source, tmp_path) for d in docs] == ["a.txt", "sub/b.md"]
    assert warnings == [
        errors.W_NOT_ARTICLES.format(
            path=tmp_path,
            count=5,
            files="LICENSE.txt, MANIFEST.txt, README.md, index.md, sub/CHANGELOG.md",
        )
    ]
    assert (stats.read, stats.skipped) == (2, 0)
    # named explicitly, a README is read
    docs, warnings, _ = read([str(tmp_path / "README.md")], published=D(2024, 1, 1))
    assert [Path(d.source).name for d in docs] == ["README.md"] and warnings == []


def test_a_folder_of_only_readmes_has_no_articles(tmp_path: Path) -> None:
    write(tmp_path / "README.md", "Notes.\n")
    docs, warnings, stats = read([str(tmp_path)])
    assert docs == [] and stats.skipped == 1
    assert warnings == [
        errors.W_NOT_ARTICLES.format(path=tmp_path, count=1, files="README.md"),
        errors.E_NO_TEXT_FILES.format(path=tmp_path),
    ]


def test_a_manifest_does_not_drop_the_files_it_does_not_list(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Armenia skipped the summit on Thursday.\n")
    write(tmp_path / "b.txt", "Published: 2024-02-01\n\nArmenia froze its membership.\n")
    write(tmp_path / "README.md", "Notes about this folder, written on 1 May 2024.\n")
    manifest = write(
        tmp_path / "index.tsv",
        "file\tpublished\turl\toutlet\n"
        "a.txt\t2023-11-24\thttps://example.org/a\tExample\n"
        "gone.txt\t2023-01-01\t\t\n",
    )
    docs, warnings, _ = read([str(tmp_path)], manifest=manifest)
    got = {Path(d.source).name: (d.published, d.published_basis, d.url) for d in docs}
    assert got == {
        "a.txt": (D(2023, 11, 24), "manifest", "https://example.org/a"),
        "b.txt": (D(2024, 2, 1), "header", None),
    }
    assert warnings == [
        errors.W_NOT_ARTICLES.format(path=tmp_path, count=1, files="README.md"),
        errors.W_NOT_IN_MANIFEST.format(path=tmp_path / "b.txt", manifest=manifest),
        errors.W_MANIFEST_MISSING.format(path=manifest, line=3, file="gone.txt"),
    ]


def test_a_manifest_that_lists_a_readme_reads_it(tmp_path: Path) -> None:
    write(tmp_path / "README.md", "Armenia skipped the summit on Thursday.\n")
    manifest = write(tmp_path / "index.tsv", "file\tpublished\nREADME.md\t2023-11-24\n")
    docs, warnings, _ = read([str(tmp_path)], manifest=manifest)
    assert [(Path(d.source).name, d.published_basis) for d in docs] == [("README.md", "manifest")]
    assert warnings == []


def test_manifest_rows_of_files_not_given_but_present_are_not_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Armenia skipped the summit on Thursday.\n")
    write(tmp_path / "b.txt", "Armenia froze its membership.\n")
    manifest = write(
        tmp_path / "index.tsv", "file\tpublished\na.txt\t2023-11-24\nb.txt\t2024-02-01\n"
    )
    docs, warnings, _ = read([str(tmp_path / "a.txt")], manifest=manifest)
    assert [Path(d.source).name for d in docs] == ["a.txt"] and warnings == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("24 ноября 2023", datetime.date(2023, 11, 24)),
        ("le 24 novembre 2023", datetime.date(2023, 11, 24)),
        ("Friday, 24th of November 2023", datetime.date(2023, 11, 24)),
        ("yesterday", None),
        ("sometime in 2023", None),
        ("", None),
    ],
)
def test_header_dates_in_other_languages(value: str, expected: datetime.date | None) -> None:
    from cstotimeline.ingest import parse_header_date

    assert parse_header_date(value) == expected


def test_a_foreign_header_date_is_the_publication_date(tmp_path: Path) -> None:
    path = write(tmp_path / "article.txt", "Date: 24 ноября 2023\n\nArmenia skipped the summit.\n")
    [doc] = list(iter_documents([str(path)], warn=lambda _m: None))
    assert doc.published == datetime.date(2023, 11, 24)
    assert doc.published_basis == "header"
