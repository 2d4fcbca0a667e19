"""Event summaries: one short past-tense sentence from the parse (``cstotimeline.summary``).

The table holds hand-written sentences (none taken from an article), the word of the event
each is summarised for, and the summary expected: the subject, the verb group in the past
(negation, modals, passives, reported clauses) and the object, names written canonically,
dates left out. Every expected summary also passes the fragment check that
``scripts/fragments.py`` measures over a corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cstotimeline.summary import build_summary, fragment_reasons, participle, past

# (sentence, trigger lemma or word, kind, event type, doers the participants found, summary)
CASES = [
    (
        "Armenia refused to sign the joint declaration of the bloc on 14 March 2023.",
        "refuse",
        "verb",
        "refusal",
        (),
        "Armenia refused to sign the joint declaration of the bloc",
    ),
    (
        "Kazakhstan has frozen its participation in the Collective Security Treaty Organization.",
        "freeze",
        "verb",
        "membership_change",
        (),
        "Kazakhstan froze its participation in the CSTO",
    ),
    (
        "The alliance refuses to discuss the border crisis, a senior diplomat complained"
        " on Monday.",
        "refuse",
        "verb",
        "refusal",
        ("CSTO",),
        "CSTO refused to discuss the border crisis",
    ),
    (
        "Pashinián did not attend the informal summit in Moscow last December.",
        "attend",
        "verb",
        "refusal",
        ("Nikol Pashinyan",),
        "Nikol Pashinyan did not attend the informal summit in Moscow",
    ),
    (
        "Belarus will host the next round of staff exercises in October 2025.",
        "host",
        "verb",
        "exercise",
        (),
        "Belarus would host the next round of staff exercises",
    ),
    (
        "Tajikistan can send two battalions to the southern border, the minister said.",
        "send",
        "verb",
        "deployment",
        (),
        "Tajikistan could send two battalions to the southern border",
    ),
    (
        "The defence ministers met in Bishkek on 2 June 2021.",
        "meet",
        "verb",
        "meeting",
        (),
        "The defence ministers met in Bishkek",
    ),
    (
        "Leaders of the six member states held a closed summit in Dushanbe on 16 September 2021.",
        "hold",
        "verb",
        "meeting",
        (),
        "Leaders of the six member states held a closed summit in Dushanbe",
    ),
    (
        "The summit was held in Yerevan on 23 November 2022.",
        "hold",
        "verb",
        "meeting",
        (),
        "The summit was held in Yerevan",
    ),
    (
        "A new charter was signed by the foreign ministers in Almaty on 9 April 2024.",
        "sign",
        "verb",
        "agreement",
        (),
        "The foreign ministers in Almaty signed a new charter",
    ),
    (
        "The protocol signed in Minsk in 2019 expanded the mandate of the secretariat.",
        "sign",
        "verb",
        "agreement",
        (),
        "The protocol was signed in Minsk",
    ),
    (
        "The drills were called off on 10 January 2023.",
        "call",
        "verb",
        "refusal",
        (),
        "The drills were called off",
    ),
    (
        "Armenian troops have not taken part in the joint exercises since 2022.",
        "take",
        "verb",
        "refusal",
        (),
        "Armenian troops did not take part in the joint exercises",
    ),
    (
        "The prime minister said on Tuesday that his country would not host the drills this year.",
        "host",
        "verb",
        "refusal",
        ("Nikol Pashinyan",),
        "The prime minister said that his country would not host the drills",
    ),
    (
        "Mirzoyan told reporters on 5 May 2023 that Armenia had asked the bloc for help.",
        "ask",
        "verb",
        "request",
        ("Ararat Mirzoyan",),
        "Armenia asked the bloc for help",
    ),
    (
        "Yerevan formally requested military assistance from the alliance on 13 September 2022.",
        "request",
        "verb",
        "request",
        ("Armenia",),
        "Armenia requested military assistance from the alliance",
    ),
    (
        "The secretary general announced on Friday that the organisation would send"
        " observers to the border.",
        "send",
        "verb",
        "deployment",
        (),
        "The organisation would send observers to the border",
    ),
    (
        "Kyrgyzstan decided to withdraw its peacekeepers from Kazakhstan on 13 January 2022.",
        "withdraw",
        "verb",
        "deployment",
        (),
        "Kyrgyzstan decided to withdraw its peacekeepers from Kazakhstan",
    ),
    (
        "The foreign minister is going to skip the council meeting in Minsk next week.",
        "skip",
        "verb",
        "refusal",
        (),
        "The foreign minister would skip the council meeting in Minsk",
    ),
    (
        "Russia accused Azerbaijan of shelling the border villages on 12 May 2021.",
        "accuse",
        "verb",
        "accusation",
        (),
        "Russia accused Azerbaijan of shelling the border villages",
    ),
    (
        "Azerbaijani forces crossed the border near Jermuk on 13 September 2022.",
        "cross",
        "verb",
        "military_action",
        (),
        "Azerbaijani forces crossed the border",
    ),
    (
        "Heavy fighting broke out along the frontier in the early hours of 13 September 2022.",
        "break",
        "verb",
        "military_action",
        (),
        "Heavy fighting broke out along the frontier",
    ),
    (
        "The council approved a plan to modernise the air defence system in November 2020.",
        "approve",
        "verb",
        "agreement",
        (),
        "The council approved a plan to modernise the air defence system",
    ),
    (
        "Uzbekistan suspended its membership of the treaty in 2012.",
        "suspend",
        "verb",
        "membership_change",
        (),
        "Uzbekistan suspended its membership of the treaty",
    ),
    (
        "In 2012 Uzbekistan left the organisation for the second time.",
        "leave",
        "verb",
        "membership_change",
        (),
        "Uzbekistan left the organisation for the second time",
    ),
    (
        "The bloc's secretary general visited Yerevan on 3 October 2022.",
        "visit",
        "verb",
        "meeting",
        (),
        "The bloc's secretary general visited Yerevan",
    ),
    (
        "Officials confirmed on Thursday that the mission had arrived in Syunik.",
        "arrive",
        "verb",
        "deployment",
        (),
        "The mission arrived in Syunik",
    ),
    (
        "Pashinyan warned on 8 March 2024 that Armenia could leave the alliance.",
        "warn",
        "verb",
        "statement",
        ("Nikol Pashinyan",),
        "Nikol Pashinyan warned that Armenia could leave the alliance",
    ),
    (
        "Lukashenko criticised the absent partners during the session in Minsk on 23"
        " November 2023.",
        "criticise",
        "verb",
        "accusation",
        ("Alexander Lukashenko",),
        "Alexander Lukashenko criticised the absent partners",
    ),
    (
        "The mission, which was deployed in January 2022, returned home within a month.",
        "deploy",
        "verb",
        "deployment",
        (),
        "The mission was deployed",
    ),
    (
        "Armenia's absence from the summit in Astana on 28 November 2024 was noted by"
        " every delegation.",
        "absence",
        "noun",
        "refusal",
        ("Armenia",),
        "Armenia was absent from the summit",
    ),
    (
        "The appeal of the Armenian government to the bloc went unanswered in September 2022.",
        "appeal",
        "noun",
        "request",
        ("Armenia",),
        "The appeal of the Armenian government to the bloc went unanswered",
    ),
    (
        "The 2020 war between Armenia and Azerbaijan changed the region.",
        "war",
        "noun",
        "military_action",
        (),
        "The war between Armenia and Azerbaijan changed the region",
    ),
    (
        "Negotiations on the new budget collapsed in June 2023.",
        "collapse",
        "verb",
        "other",
        (),
        "Negotiations on the new budget collapsed",
    ),
    (
        "After the clashes of September 2022, Yerevan turned to Brussels.",
        "clash",
        "noun",
        "military_action",
        (),
        "The clashes took place",
    ),
    (
        "On 1 July 2024 the council adopted a declaration on regional security.",
        "adopt",
        "verb",
        "agreement",
        (),
        "The council adopted a declaration on regional security",
    ),
    (
        "The new headquarters will be built in Minsk by 2026.",
        "build",
        "verb",
        "other",
        (),
        "The new headquarters would be built in Minsk",
    ),
    (
        "Azerbaijan and Armenia signed a ceasefire on 10 November 2020.",
        "sign",
        "verb",
        "agreement",
        (),
        "Azerbaijan and Armenia signed a ceasefire",
    ),
    (
        "Moscow and Minsk condemned the decision of the Armenian parliament on 3 October 2024.",
        "condemn",
        "verb",
        "accusation",
        (),
        "Moscow and Minsk condemned the decision of the Armenian Parliament",
    ),
    (
        "The chairman of the council, Nikol Pashinyan, opened the session on 23 November 2022.",
        "open",
        "verb",
        "meeting",
        (),
        "Nikol Pashinyan opened the session",
    ),
    (
        "Members of the Armenian opposition staged a protest outside the embassy on 4 May 2023.",
        "staged",
        "verb",
        "other",
        (),
        "Members of the Armenian opposition staged a protest",
    ),
    (
        "Armenia stopped paying its dues to the organisation in 2024.",
        "stop",
        "verb",
        "membership_change",
        (),
        "Armenia stopped paying its dues to the organisation",
    ),
    (
        "The exercise, planned for autumn, was cancelled after Yerevan objected.",
        "cancel",
        "verb",
        "refusal",
        (),
        "The exercise was cancelled",
    ),
    (
        "Pashinyan ruled out taking part in the anniversary summit in Moscow.",
        "rule",
        "verb",
        "refusal",
        ("Nikol Pashinyan",),
        "Nikol Pashinyan ruled out taking part in the anniversary summit",
    ),
]


def summarize(nlp, text, lemma, kind, etype, sources):
    from cstotimeline.timex import tag

    doc = nlp(text)
    spans = []
    for t in tag(text, dt.date(2024, 12, 1), doc=doc):
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and t.is_calendar_date:
            spans.append((t, span))
    [token] = [t for t in doc if t.lemma_.lower() == lemma or t.lower_ == lemma][:1]
    return build_summary(token, kind, etype, [], list(sources), spans)


def test_the_table_is_large_enough():
    assert len(CASES) >= 40
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "lemma", "kind", "etype", "sources", "expected"), CASES, ids=[c[-1] for c in CASES]
)
def test_summary(nlp, text, lemma, kind, etype, sources, expected):
    summary = summarize(nlp, text, lemma, kind, etype, sources)
    assert summary == expected
    assert fragment_reasons(summary, nlp) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "reason"),
    [
        ("Signed", "no subject"),
        ("The summit", "no finite verb"),
        ("Its leaders held", "dangling 'held'"),
        ("Alen Simonyan has ruled out", "dangling 'out'"),
        ("The appeal of Kazakh President Kasym-Jomart Tokayev", "no finite verb"),
        ("Captured by soldiers", "no subject"),
        ("Armenia said that the summit would be …", "cut"),
        ("Armenia refused to attend the", "dangling 'the'"),
        ("", "empty"),
    ],
)
def test_fragments_are_found(nlp, summary, reason):
    assert reason in fragment_reasons(summary, nlp)


@pytest.mark.model
@pytest.mark.parametrize(
    "summary",
    [
        "The leaders met in Minsk",
        "The drills were called off",
        "The treaty was signed",
        "Armenia refused to sign the declaration",
        "Nikol Pashinyan said that he would not attend",
    ],
)
def test_sentences_are_not_fragments(nlp, summary):
    assert fragment_reasons(summary, nlp) == []


@pytest.mark.parametrize(
    ("lemma", "surface", "tag", "expected"),
    [
        ("hold", "holds", "VBZ", "held"),
        ("freeze", "frozen", "VBN", "froze"),
        ("refuse", "refuses", "VBZ", "refused"),
        ("plan", "plans", "VBZ", "planned"),
        ("admit", "admits", "VBZ", "admitted"),
        ("visit", "visits", "VBZ", "visited"),
        ("try", "tries", "VBZ", "tried"),
        ("stay", "stays", "VBZ", "stayed"),
        ("sign", "signed", "VBD", "signed"),
        ("frozen", "frozen", "JJ", "froze"),  # "has “frozen”", tagged an adjective
    ],
)
def test_past(lemma, surface, tag, expected):
    assert past(lemma, surface, tag) == expected


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [("take", "taken"), ("hold", "held"), ("sign", "signed"), ("begin", "begun")],
)
def test_participle(lemma, expected):
    assert participle(lemma) == expected
