"""Event extraction on hand-written sentences (needs the spaCy model)."""

from __future__ import annotations

from datetime import date

import pytest

from cstotimeline.events import extract_events
from cstotimeline.records import Document

pytestmark = pytest.mark.model


def run(nlp, text: str, published: date, keep_all: bool = False):
    doc = Document(source="t.txt", text=text, published=published, published_basis="option")
    return extract_events(doc, nlp(text), keep_all=keep_all)


def brief(events):
    return [(e.date, e.event_type, e.modality) for e in events]


CASES = [
    # (id, text, published, expected [(date, type, modality)])
    (
        "offset-from-an-event-told-earlier",
        "The CSTO held its summit in Yerevan in November 2022. A year after the Yerevan summit, "
        "Pashinyan stayed away from the one in Minsk.",
        date(2024, 12, 5),
        [("2022-11", "meeting", "asserted"), ("2023-11", "refusal", "asserted")],
    ),
    (
        "membership-change-without-its-organisation",
        "The CSTO has six members. The last country to walk away, Uzbekistan, suspended its "
        "membership in 2012.",
        date(2024, 12, 5),
        [("2012", "membership_change", "asserted")],
    ),
    (
        "lasting-states-are-no-events",
        "Armenia has not taken part in any CSTO meeting for more than a year. Armenia and "
        "Azerbaijan are still negotiating a peace treaty.",
        date(2024, 12, 30),
        [],
    ),
    (
        "reported-refusal-keeps-its-own-date",
        "Foreign Minister Ararat Mirzoyan pointed out that Pashinyan did not attend the CSTO "
        "summit in Minsk last November.",
        date(2024, 6, 21),
        [("2023-11", "refusal", "asserted")],
    ),
    (
        "at-the-time-is-the-story-time",
        "Armenia appealed to the CSTO in May 2021.\n\nAt the time, Azerbaijani troops had "
        "attacked Armenia.",
        date(2022, 1, 7),
        [("2021-05", "request", "asserted"), ("2021-05", "military_action", "asserted")],
    ),
    (
        "a-relative-date-in-a-sentence-without-events-moves-the-story",
        "Critics pointed out that the CSTO had given Armenia no help last May.\n\nAt the time, "
        "Azerbaijani troops had attacked Armenia.",
        date(2022, 1, 7),
        [("2021-05", "military_action", "asserted")],
    ),
    (
        "today-in-a-quotation-over-paragraphs-is-not-the-article-day",
        "The CSTO leaders met online on October 28.\n\n\u201cWe want peace.\n\nIf you do not "
        "accept it today, it will be worse!\u201d\n\nPashinyan then criticised the CSTO.",
        date(2022, 11, 24),
        [("2022-10-28", "meeting", "asserted"), ("2022-10-28", "accusation", "asserted")],
    ),
    (
        "a-force-as-object-makes-a-deployment",
        "Armenia flew about 100 soldiers to Kazakhstan on Friday, the Defence Ministry in "
        "Yerevan said.",
        date(2022, 1, 7),
        [("2022-01-07", "deployment", "asserted")],
    ),
    (
        "flying-without-a-force-is-no-event",
        "Pashinyan flew to Moscow on Friday.",
        date(2022, 1, 7),
        [],
    ),
    (
        "a-force-as-subject-makes-a-military-action",
        "On 12 May 2021, Azerbaijani units crossed into Armenia and dug in several kilometres "
        "inside the border.",
        date(2024, 12, 5),
        [("2021-05-12", "military_action", "asserted")],
    ),
    (
        "crossing-without-a-force-is-no-event",
        "On 12 May 2021, Armenian voters crossed into Georgia.",
        date(2024, 12, 5),
        [],
    ),
    (
        "an-act-attributed-by-a-speaker-of-no-known-side-is-the-event",
        "Armenia has given up its seat in the CSTO secretariat, a Foreign Ministry spokesman "
        "confirmed on Friday.",
        date(2023, 3, 10),
        [("2023-03-10", "membership_change", "asserted")],
    ),
    (
        "an-act-claimed-by-another-side-is-a-statement",
        "Armenia has given up its seat in the CSTO secretariat, Azerbaijani President Ilham "
        "Aliyev claimed on Friday.",
        date(2023, 3, 10),
        [("2023-03-10", "statement", "asserted")],
    ),
    (
        "a-relative-clause-of-a-date-happens-then",
        "It has been policy since February, when the prime minister announced that Armenia had "
        "frozen its participation in the CSTO.",
        date(2024, 6, 21),
        [("2024-02", "membership_change", "asserted")],
    ),
    (
        "a-when-clause-of-a-dated-verb-happens-then",
        "The policy dates from February, when the prime minister announced that Armenia had "
        "frozen its participation in the CSTO.",
        date(2024, 6, 21),
        [("2024-02", "membership_change", "asserted")],
    ),
    (
        "a-clause-after-an-offset-is-dated-by-it",
        "Armenia left the CSTO secretariat on Friday. The move comes two months after Pashinyan "
        "refused to host the CSTO drills in Armenia this year.",
        date(2023, 3, 10),
        [("2023-01", "refusal", "asserted"), ("2023-03-10", "membership_change", "asserted")],
    ),
    (
        "its-territory-is-the-subject-state-s",
        "Yerevan accuses the CSTO of ignoring Azerbaijan's attack on its territory in September "
        "2022.",
        date(2023, 3, 10),
        [("2022-09", "military_action", "asserted"), ("2023-03-10", "accusation", "asserted")],
    ),
    (
        "the-session-told-before-is-the-same-meeting",
        "Yesterday the CSTO held a session of the Collective Security Council in Moscow.\nThe "
        "session was chaired by Nikol Pashinyan in the current year.",
        date(2022, 5, 17),
        [("2022-05-16", "meeting", "asserted")],
    ),
    (
        "speaking-at-the-session-told-before",
        "Yesterday the CSTO held a session of the Collective Security Council in Moscow.\n\n"
        "Pashinyan, speaking at the session, criticised the CSTO.",
        date(2022, 5, 17),
        [("2022-05-16", "meeting", "asserted"), ("2022-05-16", "accusation", "asserted")],
    ),
    (
        "the-treaty-is-the-treaty-named-before",
        "The Collective Security Treaty was signed in 1992. In 1999 Azerbaijan, Georgia and "
        "Uzbekistan refused to prolong their participation in the Treaty.",
        date(2022, 5, 17),
        [("1992", "agreement", "asserted"), ("1999", "refusal", "asserted")],
    ),
    (
        "a-story-told-by-dates-relative-to-each-other",
        "Eighteen months ago, Azerbaijani artillery hit Armenia. That November, Pashinyan "
        "declined to sign the CSTO declaration.\n\nThen came last autumn. Azerbaijan attacked "
        "Nagorno-Karabakh and the CSTO stood aside.",
        date(2024, 3, 4),
        [
            ("2022-09", "military_action", "asserted"),
            ("2022-11", "refusal", "asserted"),
            ("2023", "military_action", "asserted"),
        ],
    ),
    (
        "a-reported-act-with-a-date-of-its-own-is-an-event-too",
        "The Foreign Ministry of Armenia informs that on 13 September 2022 the armed forces of "
        "Azerbaijan attacked Armenia.",
        date(2022, 9, 14),
        [("2022-09-13", "military_action", "asserted"), ("2022-09-14", "statement", "asserted")],
    ),
    (
        "a-date-describing-a-treaty-is-not-the-same-day",
        "Armenia appealed to Russia under the treaty signed on 29 August 1997. On 13 September "
        "2022 the CSTO held an emergency session. On the same day, Pashinyan held a telephone "
        "conversation with Vladimir Putin.",
        date(2022, 9, 14),
        [
            ("1997-08-29", "agreement", "asserted"),
            ("2022-09-13", "meeting", "asserted"),
            ("2022-09-13", "meeting", "asserted"),
            ("2022-09-14", "request", "asserted"),
        ],
    ),
    (
        "two-meetings-of-one-doer-on-one-day-with-other-partners-are-two",
        "On 13 September 2022, an emergency session of the Security Council of Armenia was "
        "convened under the chairmanship of Prime Minister Nikol Pashinyan. On the same day, "
        "Pashinyan held a telephone conversation with Vladimir Putin.",
        date(2022, 9, 14),
        [("2022-09-13", "meeting", "asserted"), ("2022-09-13", "meeting", "asserted")],
    ),
    (
        "an-act-at-a-meeting-takes-its-date-and-a-coordinated-report-is-its-own",
        "Pashinyan refused to sign the final declaration at the CSTO summit hosted by Yerevan in "
        "November 2022, and in February 2024 he said that Armenia had frozen its participation "
        "in the bloc.",
        date(2025, 4, 15),
        [
            ("2022-11", "meeting", "asserted"),
            ("2022-11", "refusal", "asserted"),
            ("2024-02", "membership_change", "asserted"),
        ],
    ),
    (
        "a-coordinated-clause-in-another-tense-keeps-its-own-time",
        "In February Armenia froze its participation in the CSTO, and Pashinyan has said that it "
        "could formally withdraw.",
        date(2024, 12, 30),
        [("2024-02", "membership_change", "asserted"), ("2024-12-30", "statement", "asserted")],
    ),
    (
        "a-dateline-date-is-not-the-event-s",
        "Astana, 29.11.2024 \u2014 Armenia did not attend the CSTO summit on Thursday.",
        date(2024, 11, 29),
        [("2024-11-28", "refusal", "asserted")],
    ),
    (
        "decided-on-a-day-not-to-attend",
        "Pashinyan decided on Wednesday not to attend the CSTO meeting in Moscow.",
        date(2024, 12, 30),
        [("2024-12-25", "refusal", "asserted")],
    ),
    (
        "analysts-opinions-are-no-events",
        "Tigran Avetisyan, a security analyst in Yerevan, said the CSTO had failed Armenia.\n\n"
        "\u201cThe alliance is finished for us,\u201d Avetisyan said. \u201cNobody believes in "
        "it,\u201d he said.",
        date(2024, 6, 21),
        [],
    ),
    (
        "a-dated-sentence-without-events-moves-the-story",
        "The attack came in the early hours of 13 September 2022. More than 200 Armenian "
        "soldiers were killed as Azerbaijani forces shelled Armenia.",
        date(2024, 12, 5),
        [("2022-09-13", "military_action", "asserted")],
    ),
    (
        "relative-month-refusal",
        "Last January, Armenia refused to host the CSTO military exercises.",
        date(2023, 11, 23),
        [("2023-01", "refusal", "asserted")],
    ),
    (
        "negated-act-is-no-event",
        "The CSTO did not condemn the incursion of Azerbaijani troops into Armenia in May 2021.",
        date(2023, 11, 23),
        [],
    ),
    (
        "negated-participation-is-refusal",
        "Armenian Foreign Minister Ararat Mirzoyan did not attend the CSTO meeting in Minsk on "
        "Thursday.",
        date(2023, 11, 24),
        [("2023-11-23", "refusal", "asserted")],
    ),
    (
        "hypothetical-leaving-is-no-event",
        "On Monday Pashinyan said that Armenia would leave the CSTO if the bloc failed to act.",
        date(2023, 5, 10),
        [("2023-05-08", "statement", "asserted")],
    ),
    (
        "denial-is-no-leaving",
        "On Friday the Armenian Foreign Ministry denied that the country is going to leave the "
        "CSTO.",
        date(2023, 11, 25),
        [("2023-11-24", "statement", "asserted")],
    ),
    (
        "reporting-verb-is-transparent",
        "Armenia has frozen its participation in the CSTO, Prime Minister Nikol Pashinyan told "
        "reporters on Thursday.",
        date(2024, 2, 23),
        [("2024-02-22", "membership_change", "asserted")],
    ),
    (
        "metonym-subject",
        "Yerevan asked the CSTO for military assistance on Tuesday.",
        date(2022, 9, 14),
        [("2022-09-13", "request", "asserted")],
    ),
    (
        "noun-with-own-date",
        "Relations with the CSTO soured after the 2020 war between Armenia and Azerbaijan.",
        date(2023, 11, 23),
        [("2020", "military_action", "asserted")],
    ),
    (
        "anaphoric-narrative",
        "In September 2022, Azerbaijani forces attacked Armenian border towns. Two months later, "
        "Pashinyan refused to sign the CSTO declaration.",
        date(2023, 11, 23),
        [("2022-09", "military_action", "asserted"), ("2022-11", "refusal", "asserted")],
    ),
    (
        "quoted-speech-is-the-statement",
        "“We will never join these exercises,” Pashinyan said on Monday about the CSTO drills.",
        date(2023, 1, 11),
        [("2023-01-09", "statement", "asserted")],
    ),
    (
        "background-is-no-event",
        "The CSTO includes six former Soviet states, among them Armenia.",
        date(2023, 11, 23),
        [],
    ),
    (
        "habit-is-no-event",
        "CSTO defence ministers meet every year to discuss Armenia.",
        date(2023, 11, 23),
        [],
    ),
    (
        "same-day-perfect-takes-publication-date",
        "Armenia has suspended its participation in the CSTO.",
        date(2024, 2, 23),
        [("2024-02-23", "membership_change", "asserted")],
    ),
    (
        "offset-from-the-sentence-date",
        "The CSTO summit opened on 23 November, two years after the war between Armenia and "
        "Azerbaijan.",
        date(2022, 11, 24),
        [("2020", "military_action", "asserted"), ("2022-11-23", "meeting", "asserted")],
    ),
    (
        "when-clause-shares-the-date",
        "Tensions between Baku and Yerevan spiked on Tuesday when troops clashed on the border.",
        date(2022, 9, 14),
        [("2022-09-13", "military_action", "asserted")],
    ),
    (
        "claim-about-another-is-the-claim",
        "On Wednesday Pashinyan claimed that Azerbaijani troops had seized Armenian land.",
        date(2022, 9, 15),
        [("2022-09-14", "statement", "asserted")],
    ),
    (
        "date-of-the-refused-act",
        "Armenia refused to attend the CSTO summit in Minsk on 23 November 2023.",
        date(2023, 12, 1),
        [("2023-11-23", "refusal", "asserted")],
    ),
    (
        "week-is-not-a-day",
        "Pashinyan announced last week that Armenia would not host the CSTO drills.",
        date(2023, 1, 12),
        [("2023-01", "refusal", "asserted")],
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_events(nlp, text, published, expected):
    assert brief(run(nlp, text, published)) == expected


def test_planned_happening_is_marked_planned(nlp):
    events = run(
        nlp, "The CSTO summit is scheduled to be held in Minsk on 23 November.", date(2023, 11, 1)
    )
    assert all(e.modality == "planned" for e in events)


def test_coordinated_clauses_with_own_subjects_are_two_events(nlp):
    events = run(
        nlp,
        "On Thursday Russia attended the CSTO summit, but Armenia boycotted it.",
        date(2023, 11, 24),
    )
    assert sorted(e.event_type for e in events) == ["meeting", "refusal"]
    assert {e.date for e in events} == {"2023-11-23"}


def test_coordinated_verbs_sharing_a_subject_are_one_event(nlp):
    events = run(
        nlp,
        "On Thursday Lukashenko denounced the CSTO critics and condemned Armenia.",
        date(2023, 11, 24),
    )
    assert len(events) == 1


@pytest.mark.parametrize(
    ("published", "holder"),
    [(date(2021, 3, 5), "Stanislav Zas"), (date(2023, 6, 1), "Imangali Tasmagambetov")],
)
def test_roles_resolve_by_date(nlp, published, holder):
    events = run(
        nlp, "The CSTO Secretary General met Armenian officials in Yerevan on Monday.", published
    )
    assert events and holder in events[0].actors


def test_canonical_person_and_country(nlp):
    [event] = run(
        nlp,
        "Pashinián refused to sign the CSTO declaration on 23 November 2022.",
        date(2022, 11, 24),
    )
    assert event.actors[:2] == ("Nikol Pashinyan", "Armenia")
    assert event.source_actors == ("Nikol Pashinyan",)


def test_offsets_index_the_text(nlp):
    text = "Intro line.\r\n\r\nOn Tuesday, Yerevan asked the CSTO for help.\r\n"
    for e in run(nlp, text, date(2022, 9, 14)):
        for m in e.mentions:
            assert text[m.start : m.end] == m.sentence


def test_keep_all_keeps_unrelated_events(nlp):
    text = "On Monday France and Germany signed a trade agreement."
    assert run(nlp, text, date(2023, 5, 10)) == []
    assert [e.event_type for e in run(nlp, text, date(2023, 5, 10), keep_all=True)] == ["agreement"]


def test_report_embedded_in_a_quotation(nlp):
    text = (
        "“The Prime Minister of Armenia said at the session that the CSTO had failed. "
        "But the demand for the alliance is obvious,” Dmitry Peskov told reporters on Friday."
    )
    events = run(nlp, text, date(2022, 11, 26))
    speakers = {a for e in events for a in e.source_actors}
    assert {"Nikol Pashinyan", "Dmitry Peskov"} <= speakers
    assert all(e.date.startswith("2022-11") for e in events)


def test_coordinated_verbs_in_sequence_are_two_events_with_their_own_partners(nlp):
    events = run(
        nlp,
        "Pashinyan discussed the operation by telephone with Russian President Vladimir Putin "
        "on Friday, and later held a similar call with Belarusian leader Alexander Lukashenko.",
        date(2022, 1, 7),
    )
    partners = sorted(
        tuple(a for a in e.actors if a in ("Vladimir Putin", "Alexander Lukashenko"))
        for e in events
    )
    assert partners == [("Alexander Lukashenko",), ("Vladimir Putin",)]


def test_a_quotation_over_paragraphs_ends_at_its_closing_mark():
    from cstotimeline.events import _quote_spans

    text = "He said:\n\n\u201cFirst part of it.\n\nSecond part of it, today!\u201d\n\nAfter."
    ((start, end),) = _quote_spans(text)
    assert text[start] == "\u201c" and text[end - 1] == "\u201d"
    # A quotation reopened in every paragraph, news style, still ends with each paragraph.
    text = "\u201cFirst part of it.\n\n\u201cSecond part of it,\u201d he said."
    assert [text[a:b] for a, b in _quote_spans(text)] == [
        "\u201cFirst part of it.",
        "\u201cSecond part of it,\u201d",
    ]
