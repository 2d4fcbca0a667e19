"""The Python API (``cstotimeline.extract``, ``cstotimeline.tag``), the README's example and
the spaCy components (``cstotimeline_actors``, ``_timex``, ``_events``)."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib.metadata
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, SAMPLES
from helpers import modules_after
from test_cli import PINNED

import cstotimeline
from cstotimeline import ingest, pipeline

TEXT = (
    "Armenia has frozen its participation in the CSTO, Pashinyan said on Thursday. "
    "The CSTO summit was held in Minsk on 23 November 2023 without Armenia."
)


def test_import_loads_no_spacy():
    assert modules_after("import cstotimeline") == set()


def test_tag_without_a_pipeline_loads_no_spacy():
    code = (
        "import cstotimeline\n"
        "found = cstotimeline.tag('They met last Thursday.', published='2024-02-23')\n"
        "assert [(t.text, t.value) for t in found] == [('last Thursday', '2024-02-22')], found"
    )
    assert modules_after(code) == set()


def test_records_are_importable_from_the_top_level():
    from cstotimeline import ActorMention, Document, Event, Mention, Timex, extract, tag

    assert Event.__module__ == "cstotimeline.records"
    assert {ActorMention, Document, Mention, Timex}
    assert callable(extract) and callable(tag)
    assert set(cstotimeline.__all__) >= {"extract", "tag", "Event", "Mention", "Document"}


def test_tag_values_and_dates():
    [t] = cstotimeline.tag("The summit is next May.", published=dt.date(2023, 11, 24))
    assert (t.text, t.type, t.value) == ("next May", "DATE", "2024-05")
    [t] = cstotimeline.tag("The summit is next May.", published=None)
    assert t.value == "XXXX-05"
    with pytest.raises(ValueError, match="invalid date"):
        cstotimeline.tag("x", published="2023-02-30")


def test_documents_from_strings_and_documents():
    from cstotimeline.api import CstoTimelineWarning, documents

    [doc] = documents("published: 2023-11-24\n\nThe summit met.")
    assert (doc.source, doc.text, doc.published, doc.published_basis, doc.offset) == (
        "<text>",
        "The summit met.",
        dt.date(2023, 11, 24),
        "header",
        len("published: 2023-11-24\n\n"),
    )
    given = cstotimeline.Document("mine.txt", "Text.", dt.date(2020, 1, 1), "option")
    docs = documents(["One.", given], published="2024-01-02")
    assert [d.source for d in docs] == ["<text 1>", "mine.txt"]
    assert docs[0].published == dt.date(2024, 1, 2) and docs[0].published_basis == "option"
    assert docs[1] is given
    with pytest.warns(CstoTimelineWarning, match="no publication date found"):
        [undated] = documents("Nothing dated here.")
    assert undated.published is None
    with pytest.warns(CstoTimelineWarning, match="inferred 2021-05-12"):
        documents("On 12 May 2021 the border crisis began.")
    with pytest.raises(TypeError):
        documents([b"bytes"])  # type: ignore[list-item]


@pytest.mark.model
def test_extract_one_text(nlp):
    events = cstotimeline.extract(TEXT, published="2024-02-23")
    assert [(e.date, e.event_type) for e in events] == [
        ("2023-11-23", "meeting"),
        ("2024-02-22", "membership_change"),
    ]
    assert all(isinstance(e, cstotimeline.Event) for e in events)
    assert {m.source for e in events for m in e.mentions} == {"<text>"}


@pytest.mark.model
def test_extract_is_what_the_command_line_gives(nlp, tmp_path):
    from cstotimeline import app

    path = tmp_path / "article.txt"
    path.write_text(PINNED, encoding="utf-8")
    opts = app.ExtractOptions(paths=[str(path)], published=dt.date(2024, 3, 1), jobs=1, quiet=True)
    cli_events = app.extract_chronology(opts, warn=lambda _m: None)
    doc = cstotimeline.Document(str(path), PINNED, dt.date(2024, 3, 1), "option")
    assert cstotimeline.extract(doc, nlp=nlp) == cli_events
    # A string gets its own source name, and so its own ids, but the same events.
    events = cstotimeline.extract(PINNED, published="2024-03-01")
    assert [(e.date, e.event_type, e.actors) for e in events] == [
        (e.date, e.event_type, e.actors) for e in cli_events
    ]


@pytest.mark.model
def test_extract_several_texts_merges_them(nlp):
    one = "The CSTO summit was held in Minsk on 23 November 2023 without Armenia."
    events = cstotimeline.extract(
        [one, one.replace("was held", "took place")], published="2024-01-01"
    )
    [summit] = [e for e in events if e.event_type == "meeting"]
    assert [m.source for m in summit.mentions] == ["<text 1>", "<text 2>"]


@pytest.mark.model
def test_extract_with_a_gazetteer_file(nlp, tmp_path):
    from importlib import resources

    data = resources.files("cstotimeline").joinpath("data/gazetteer.toml").read_text("utf-8")
    path = tmp_path / "gazetteer.toml"
    path.write_text(data, encoding="utf-8")
    assert cstotimeline.extract(TEXT, published="2024-02-23", gazetteer=path) == (
        cstotimeline.extract(TEXT, published="2024-02-23")
    )


@pytest.mark.model
def test_readme_example_runs(nlp):
    """The README's Python example, as a doctest."""
    text = (ROOT / "README.md").read_text("utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "README.md", str(ROOT / "README.md"), 0)
    assert len(test.examples) >= 4
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, result


# -- spaCy components ---------------------------------------------------------------------------


def test_factories_are_registered_as_entry_points():
    names = {e.name: e.value for e in importlib.metadata.entry_points(group="spacy_factories")}
    assert names["cstotimeline_actors"] == "cstotimeline.components:make_actors"
    assert names["cstotimeline_timex"] == "cstotimeline.components:make_timex"
    assert names["cstotimeline_events"] == "cstotimeline.components:make_events"
    assert names["cstotimeline_paragraphs"] == "cstotimeline.segment:paragraph_starts"


@pytest.fixture(scope="module")
def stock(nlp):
    """A stock pipeline as spacy.load gives it (not the command line's), with the three
    components added by name."""
    import spacy

    from cstotimeline.nlp import resolve_model_name

    pipe = spacy.load(resolve_model_name())
    pipe.add_pipe("cstotimeline_actors", config={"published": "2024-02-23"})
    pipe.add_pipe("cstotimeline_timex", config={"published": "2024-02-23"})
    pipe.add_pipe("cstotimeline_events", config={"published": "2024-02-23"})
    return pipe


@pytest.mark.model
def test_components_on_a_stock_pipeline(stock):
    doc = stock(TEXT)
    actors = {(s.text, s.kb_id_, s.label_) for s in doc.spans["actors"]}
    assert {("Armenia", "Armenia", "state"), ("Pashinyan", "Nikol Pashinyan", "person")} <= actors
    assert ("Minsk", "Belarus", "state") in actors  # the capital stands for the state
    pashinyan = next(s for s in doc.spans["actors"] if s.text == "Pashinyan")
    assert pashinyan._.actor_country == "Armenia"
    timex = [(s.text, s.label_, s._.timex_value) for s in doc.spans["timex"]]
    assert timex == [("Thursday", "DATE", "2024-02-22"), ("23 November 2023", "DATE", "2023-11-23")]
    assert doc.spans["timex"][0]._.timex.basis == "relative"
    assert [(e.date, e.event_type) for e in doc._.events] == [
        ("2023-11-23", "meeting"),
        ("2024-02-22", "membership_change"),
    ]


@pytest.mark.model
def test_components_declare_what_they_need_and_give(stock):
    for name, assigns in (
        ("cstotimeline_actors", ["doc.spans"]),
        ("cstotimeline_timex", ["doc.spans"]),
        ("cstotimeline_events", ["doc._.events"]),
    ):
        meta = stock.get_pipe_meta(name)
        assert meta.assigns == assigns and meta.requires
    problems = stock.analyze_pipes(pretty=False)["problems"]
    assert all(problems[name] == [] for name in stock.pipe_names), problems
    config = stock.config["components"]["cstotimeline_events"]
    assert set(config) >= {"published", "gazetteer", "keep_all", "source"}


@pytest.mark.model
def test_doc_published_overrides_the_setting(stock):
    doc = stock.make_doc("Armenia refused to attend the CSTO summit on Thursday.")
    doc._.published = "2023-11-24"
    doc = stock(doc)
    assert [e.date for e in doc._.events] == ["2023-11-23"]
    assert doc._.events[0].mentions[0].published == "2023-11-24"


@pytest.mark.model
def test_events_component_gives_the_command_lines_events(nlp):
    """The component (``events.extract_events`` on the Doc) and ``pipeline.extract`` (what the
    command line runs) give the same events for the same text, in a pipeline with the
    command line's components."""
    import spacy

    from cstotimeline import nlp as nlp_mod

    pipe = spacy.load(nlp_mod.resolve_model_name(), exclude=["senter"])
    pipe.add_pipe("cstotimeline_paragraphs", before="parser")
    pipe.add_pipe("cstotimeline_events")
    paths = sorted(SAMPLES.glob("*.txt"))
    assert len(paths) >= 4
    if CORPUS.exists():
        paths += sorted(CORPUS.glob("seed-*.txt"))
    manifest = CORPUS / "index.tsv" if CORPUS.exists() else None
    docs = list(ingest.iter_documents([str(p) for p in paths], manifest=manifest))
    assert any(d.offset for d in docs)  # a header that is not article text
    for document in docs:
        [(_d, expected)] = list(pipeline.extract([document], nlp))
        doc = pipe.make_doc(document.text)
        doc._.document = document
        got = pipe(doc)._.events
        assert got == expected, document.source
        assert got
    doc = pipe.make_doc("Another text.")
    doc._.document = docs[0]
    with pytest.raises(ValueError, match="not the document of this Doc"):
        pipe(doc)


@pytest.mark.model
def test_components_with_a_gazetteer_path(nlp, tmp_path):
    import spacy

    from cstotimeline.nlp import resolve_model_name

    path = Path(tmp_path / "gaz.toml")
    path.write_text('[[state]]\nname = "Freedonia"\naliases = ["Freedonian Republic"]\n', "utf-8")
    pipe = spacy.load(resolve_model_name())
    pipe.add_pipe("cstotimeline_actors", config={"gazetteer": str(path)})
    doc = pipe("The Freedonian Republic met Armenia.")
    assert [(s.text, s.kb_id_) for s in doc.spans["actors"] if s.label_ != "unknown"] == [
        ("Freedonian Republic", "Freedonia")
    ]
