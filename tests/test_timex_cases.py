"""Table-driven tests of the TIMEX3 tagger: extent, type, value and mod of expressions in context.

Each case is a sentence with the expected expression in [brackets], the reference date (DCT),
and the expected value (and optionally type and mod). The brackets are removed before tagging;
the tagger must return an expression with exactly the bracketed extent. No model is needed.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from cstotimeline.timex import candidates, tag

FRI = dt.date(2013, 3, 22)  # a Friday, ISO week 2013-W12
THU = dt.date(2023, 11, 23)  # a Thursday, ISO week 2023-W47
NOV = dt.date(2024, 11, 21)  # a Thursday
OCT89 = dt.date(1989, 10, 26)  # a Thursday, WSJ-style financial news


class Case(NamedTuple):
    sentence: str
    dct: dt.date | None
    value: str
    type: str = "DATE"
    mod: str | None = None


def _split(sentence: str) -> tuple[str, int, int]:
    start = sentence.index("[")
    end = sentence.index("]") - 1
    return sentence.replace("[", "").replace("]", ""), start, end


CASES: list[Case] = [
    # ------------------------------------------------------------ day ranges: each end
    Case("The drills ran from [11] to 20 September.", THU, "2023-09-11"),
    Case("The drills ran from 11 to [20 September].", THU, "2023-09-20"),
    Case("The drills ran [11]-20 September near Yerevan.", THU, "2023-09-11"),
    Case("Talks were held from [September 11] to 20 in Geneva.", THU, "2023-09-11"),
    Case("Talks were held from September 11 to [20] in Geneva.", THU, "2023-09-20"),
    # ------------------------------------------------------------ part of day, anaphoric
    Case(
        "The council met on 13 September 2022, under the 1997 treaty, and spoke again "
        "[that evening].",
        dt.date(2022, 9, 16),
        "2022-09-13TEV",
        "TIME",
    ),
    # ------------------------------------------------------------ full explicit dates
    Case("The treaty was signed on [12 May 2021] in Moscow.", FRI, "2021-05-12"),
    Case("The treaty was signed on [May 12, 2021] in Moscow.", FRI, "2021-05-12"),
    Case("Talks resumed on [Oct. 23, 1999] in Geneva.", FRI, "1999-10-23"),
    Case("It was founded on [Sept. 27, 1989].", FRI, "1989-09-27"),
    Case("The summit opened [Thursday, April 6, 2000] in Minsk.", FRI, "2000-04-06"),
    Case("The file is dated [2021-05-12].", FRI, "2021-05-12"),
    Case("The form is dated [5/12/2021].", FRI, "2021-05-12"),
    Case("Armenia froze its participation on [23 February 2024].", FRI, "2024-02-23"),
    Case("The vote took place on [March eighth, 1998].", FRI, "1998-03-08"),
    Case("It happened [Feb. 4, 1990], officials said.", FRI, "1990-02-04"),
    # ------------------------------------------------------------ day and month, year from DCT
    Case("The ministers met on [May 12].", NOV, "2024-05-12"),
    Case("The next meeting is on [January 6].", THU, "2024-01-06"),
    Case("The offer expires [Nov. 30].", OCT89, "1989-11-30"),
    Case("The board met [Jan. 2] to approve the plan.", dt.date(1989, 12, 28), "1990-01-02"),
    Case("Payment was made on [Dec. 28].", dt.date(1990, 1, 3), "1989-12-28"),
    Case("Shareholders of record [Nov. 16] will receive it.", OCT89, "1989-11-16"),
    Case("The rally was held [Friday, Oct. 23].", dt.date(1998, 10, 26), "1998-10-23"),
    Case("The leaders met [12 May] in Yerevan.", NOV, "2024-05-12"),
    # ------------------------------------------------------------ months
    Case("Armenia signed the deal in [September 2022].", FRI, "2022-09"),
    Case("Results were released in [January 1998].", FRI, "1998-01"),
    Case("It started in [July last year].", dt.date(1998, 2, 19), "1997-07"),
    Case("Elections are due in [February next year].", FRI, "2014-02"),
    Case("The talks collapsed in [January] amid protests.", FRI, "2013-01"),
    Case("The accord was signed in [December].", FRI, "2012-12"),
    Case("The summit will be held in [April].", FRI, "2013-04"),
    Case("The bank plans to pay down the loan by [February].", OCT89, "1990-02"),
    Case("Prices fell sharply [last April].", OCT89, "1989-04"),
    Case("The deal is expected to close [next May].", FRI, "2013-05"),
    Case("The law takes effect [next January].", FRI, "2014-01"),
    Case("Production rose [this September].", dt.date(1998, 8, 7), "1998-09"),
    Case("Exports rose in [early March].", FRI, "2013-03", mod="START"),
    Case("The vote is scheduled for [late November].", THU, "2023-11", mod="END"),
    Case("The index hit a low in [mid-November].", OCT89, "1989-11", mod="MID"),
    Case("Fighting resumed at [the end of November].", dt.date(1989, 12, 4), "1989-11", mod="END"),
    Case("Trade resumed at [the beginning of October].", OCT89, "1989-10", mod="START"),
    # ------------------------------------------------------------ years, decades, centuries
    Case("The alliance was founded in [2002].", FRI, "2002"),
    Case("Armenia joined in [1992], records show.", FRI, "1992"),
    Case("Sales in [fiscal 1989] rose 5%.", OCT89, "1989"),
    Case("The plant will open in [early 1990].", OCT89, "1990", mod="START"),
    Case("The program ends in [mid-1996].", FRI, "1996", mod="MID"),
    Case("Debt will peak at [the end of 1990].", OCT89, "1990", mod="END"),
    Case("Growth is forecast for [1994 or later].", FRI, "1994", mod="ON_OR_AFTER"),
    Case("Relations thawed in [the 1990s].", FRI, "199"),
    Case("The market boomed in [the late 1970s].", FRI, "197", mod="END"),
    Case("Unrest grew in [the early 1980s].", FRI, "198", mod="START"),
    Case("Music of [the '80s] returned.", FRI, "198"),
    Case("The dispute began in [the nineties].", FRI, "199"),
    Case("It was the worst war of [the 20th century].", FRI, "19"),
    Case("The cathedral dates from [the 11th century].", FRI, "10"),
    Case("Visitors came in [nineteen ninety-six].", FRI, "1996"),
    Case("The bug would strike in [the year two thousand].", FRI, "2000"),
    # ------------------------------------------------------------ seasons, quarters, halves
    Case("The talks resumed [last fall].", dt.date(1998, 2, 1), "1997-FA"),
    Case("Sales were weak [this summer].", dt.date(1998, 8, 7), "1998-SU"),
    Case("Tourism fell in [the winter of 1994].", FRI, "1994-WI"),
    Case("Troops will withdraw [next spring].", FRI, "2014-SP"),
    Case("Profit rose in [the third quarter].", OCT89, "1989-Q3"),
    Case("The company posted [third-quarter] net income of $5 million.", OCT89, "1989-Q3"),
    Case("Sales rose in [the fourth quarter].", dt.date(1990, 1, 15), "1989-Q4"),
    Case("Earnings in [the third quarter of 1990] fell.", FRI, "1990-Q3"),
    Case("Profit in [the first half] doubled.", dt.date(1989, 9, 1), "1989-H1"),
    Case("Output will rise in [the second half of 1990].", OCT89, "1990-H2"),
    Case("Revenue fell in [the quarter] ended Sept. 30.", OCT89, "1989-Q3"),
    Case("Earnings will improve in [the current quarter].", OCT89, "1989-Q4"),
    Case(
        "It lost money in the third quarter, after a profit in [the year-earlier quarter].",
        OCT89,
        "1988-Q3",
    ),
    Case("Net rose in the third quarter from $5 million [a year earlier].", OCT89, "1988-Q3"),
    Case("It expects a loss in [next year's first quarter].", OCT89, "1990-Q1"),
    # ------------------------------------------------------------ weekdays and tense
    Case("The ministers met on [Wednesday].", FRI, "2013-03-20"),
    Case("Officials said [Friday] that talks failed.", FRI, "2013-03-22"),
    Case("The president spoke [Monday] in Yerevan.", FRI, "2013-03-18"),
    Case("The ministers will meet on [Monday].", FRI, "2013-03-25"),
    Case("Talks are scheduled to resume [Tuesday].", FRI, "2013-03-26"),
    Case("He plans to visit Moscow on [Thursday].", FRI, "2013-03-28"),
    Case("Voting is expected to begin [Sunday].", FRI, "2013-03-24"),
    Case("Results were announced [last Friday].", FRI, "2013-03-15"),
    Case("The envoy arrived [this Thursday].", NOV, "2024-11-21"),
    Case("A decision is due [next Wednesday].", FRI, "2013-03-27"),
    Case("The court had ruled on [Tuesday].", FRI, "2013-03-19"),
    Case("Shares fell [Friday morning].", FRI, "2013-03-22TMO", "TIME"),
    Case("Protesters gathered [Wednesday night].", FRI, "2013-03-20TNI", "TIME"),
    Case("The ceasefire began [early Tuesday].", FRI, "2013-03-19", mod="START"),
    Case("The offer will lapse at [midnight Friday].", OCT89, "1989-10-27T24:00", "TIME"),
    Case("Trading will resume at [noon Saturday].", FRI, "2013-03-23T12:00", "TIME"),
    Case("Rallies are held [every Thursday].", FRI, "XXXX-WXX-4", "SET"),
    Case("The club meets on [Tuesday nights].", FRI, "XXXX-WXX-2TNI", "SET"),
    # ------------------------------------------------------------ deictic days and times
    Case("The government resigned [today].", FRI, "2013-03-22"),
    Case("The parliament voted [yesterday].", FRI, "2013-03-21"),
    Case("The envoy will arrive [tomorrow].", FRI, "2013-03-23"),
    Case("The minister spoke [this morning].", FRI, "2013-03-22TMO", "TIME"),
    Case("Shelling was heard [last night].", FRI, "2013-03-21TNI", "TIME"),
    Case("A statement will be issued [tonight].", FRI, "2013-03-22TNI", "TIME"),
    Case("The talks ended [late yesterday].", FRI, "2013-03-21", mod="END"),
    Case("Markets closed [yesterday afternoon].", FRI, "2013-03-21TAF", "TIME"),
    Case("The blast occurred at [10:35 a.m.] local time.", FRI, "2013-03-22T10:35", "TIME"),
    Case("The deadline is [5 p.m. EST, Nov. 6].", OCT89, "1989-11-06T17:00", "TIME"),
    Case("The meeting started at [8 p.m. Thursday].", FRI, "2013-03-21T20:00", "TIME"),
    Case("He will leave at [4 in the morning].", FRI, "2013-03-22T04:00", "TIME"),
    Case("Polls open at [9 a.m. tomorrow].", FRI, "2013-03-23T09:00", "TIME"),
    # ------------------------------------------------------------ relative periods
    Case("Parliament debated the bill [this week].", FRI, "2013-W12"),
    Case("Parliament debated the bill [this week].", THU, "2023-W47"),
    Case("The minister resigned [last week].", FRI, "2013-W11"),
    Case("Talks continue [next week].", FRI, "2013-W13"),
    Case("Inflation slowed [this month].", THU, "2023-11"),
    Case("Inflation slowed [last month].", FRI, "2013-02"),
    Case("The plan takes effect [next month].", FRI, "2013-04"),
    Case("Armenia froze its membership [this year].", FRI, "2013"),
    Case("Exports grew [last year].", FRI, "2012"),
    Case("Elections are due [next year].", FRI, "2014"),
    Case("Growth slowed [earlier this year].", OCT89, "1989", mod="START"),
    Case("A recovery is expected [early next year].", OCT89, "1990", mod="START"),
    Case("Talks resumed [earlier this month].", OCT89, "1989-10", mod="START"),
    Case("The deal should close by [the end of the year].", FRI, "2013", mod="END"),
    Case("Growth stalled at [the start of the year].", FRI, "2013", mod="START"),
    Case("The deal should close by [year-end].", OCT89, "1989", mod="END"),
    Case("Traders squared positions ahead of [the weekend].", dt.date(1989, 10, 30), "1989-W43-WE"),
    Case("Protests continued [this weekend].", FRI, "2013-W12-WE"),
    # ------------------------------------------------------------ ago / later / earlier
    Case("The CSTO was formed [two years ago].", FRI, "2011"),
    Case("The rebels attacked [six weeks ago].", FRI, "2013-W06"),
    Case("The deal was struck [10 days ago].", FRI, "2013-03-12"),
    Case("He left [a month ago].", FRI, "2013-02"),
    Case("The war ended almost [four years ago].", FRI, "2009"),
    Case("The talks began about [two years ago].", FRI, "2011", mod="APPROX"),
    Case("The party was founded [several years ago].", FRI, "PAST_REF"),
    Case("Armenia applied in September 2022. [Two months later] it withdrew.", FRI, "2022-11"),
    Case("In May 2024 the talks failed. [A few days later] the envoy left.", NOV, "2024-05"),
    Case("In May 2024 the talks failed. [A year later] they resumed.", NOV, "2025-05"),
    Case(
        "The treaty was signed on 12 May 2021. [Three days later] it was ratified.",
        FRI,
        "2021-05-15",
    ),
    # ------------------------------------------------------------ anaphoric anchoring
    Case("In May 2024 the talks failed. In [June] the envoy left.", NOV, "2024-06"),
    Case("It was signed on 12 May 2021. [The following month] it was ratified.", FRI, "2021-06"),
    Case("It was signed on 12 May 2021. [The next day] it was ratified.", FRI, "2021-05-13"),
    Case("It was signed in 2019; [that year] exports rose.", FRI, "2019"),
    # ------------------------------------------------------------ narrative anchor precision
    Case(
        "Pashinyan said [last week] he would stay away; this year Minsk chairs the bloc.",
        THU,
        "2023-W46",
    ),
    Case(
        "He declined last week. Minsk chairs the bloc this year. [A few days later] he spoke.",
        THU,
        "2023-11",
    ),
    Case("They met on 12 October 2023. [Two months later] the deal collapsed.", THU, "2023-12"),
    Case("They met on 12 October 2023. [Two years later] the deal collapsed.", THU, "2025"),
    Case("They met on 12 October 2023. [A week later] they met again.", THU, "2023-10-19"),
    Case("They met on 12 October 2023. [A few days later] they met again.", THU, "2023-10"),
    Case(
        "They met on 12 October 2023. A few days later they met again. [The next day] it ended.",
        THU,
        "2023-10",
    ),
    Case(
        "The blast occurred on 12 May 2021. It began at [10 p.m.]", FRI, "2021-05-12T22:00", "TIME"
    ),
    Case("The bomb went off at [10:35 a.m.] (0735 GMT) Thursday.", FRI, "2013-03-21T10:35", "TIME"),
    # ------------------------------------------------------------ bare months and tense
    Case("In [May], Armenia suggested that the bloc send observers.", THU, "2023-05"),
    Case("In [September] Armenia and the US carried out joint exercises.", THU, "2023-09"),
    Case("Armenia and the US held joint exercises [last September].", THU, "2023-09"),
    Case("The ministers discussed events that will be held in [December].", THU, "2023-12"),
    Case("Pashinyan will travel to Minsk in [January].", THU, "2024-01"),
    Case("The ministers met in [December].", dt.date(2023, 2, 10), "2022-12"),
    Case("The ministers will meet in [December].", dt.date(2023, 2, 10), "2023-12"),
    Case("He stepped down as chairman in [March] for health reasons.", OCT89, "1989-03"),
    Case("Since the group bought the company in [February], it has sold units.", OCT89, "1989-02"),
    Case("The firm agreed to buy the unit for $22 million in [February].", OCT89, "1990-02"),
    Case(
        "He said that rules to be published in [early November] will apply.",
        OCT89,
        "1989-11",
        mod="START",
    ),
    Case("Closing, which is expected in [December], needs approval.", OCT89, "1989-12"),
    Case("She will be named commander of a mission in [December].", dt.date(1998, 3, 4), "1998-12"),
    Case(
        "Officials discussed the slated visit of the minister in [September].",
        dt.date(1998, 8, 26),
        "1998-09",
    ),
    Case("He fears losing when the case is heard in [May].", dt.date(2000, 3, 29), "2000-05"),
    # ------------------------------------------------------------ dates, weekdays and tense
    Case("Police have hunted him since the [Oct. 23] shooting.", dt.date(1999, 5, 6), "1998-10-23"),
    Case(
        "The doctor was shot to death on the night of [Oct. 23].", dt.date(1999, 5, 5), "1998-10-23"
    ),
    Case("The bank created a new office, effective [Feb. 1].", OCT89, "1990-02-01"),
    Case("Until [Thursday], the police had not named a suspect.", FRI, "2013-03-21"),
    Case("Ten members had filed reports by [Wednesday], officials said.", FRI, "2013-03-20"),
    Case("The rebels must withdraw by [Friday].", THU, "2023-11-24"),
    # ------------------------------------------------------------ durations
    Case("The talks lasted [two hours].", FRI, "PT2H", "DURATION"),
    Case("He served [ten years] in prison.", FRI, "P10Y", "DURATION"),
    Case("The ban lasted [a month].", FRI, "P1M", "DURATION"),
    Case("They fought for [several days].", FRI, "PXD", "DURATION"),
    Case("The ceasefire held for [a few weeks].", FRI, "PXW", "DURATION"),
    Case("The war dragged on for [years].", FRI, "PXY", "DURATION"),
    Case("Profit rose in [the first nine months].", OCT89, "P9M", "DURATION"),
    Case("Prices rose over [the past two months].", FRI, "P2M", "DURATION"),
    Case("It will take [the next three years] to rebuild.", FRI, "P3Y", "DURATION"),
    Case("He signed a [two-year] contract.", FRI, "P2Y", "DURATION"),
    Case("The stock hit a [52-week] high.", FRI, "P52W", "DURATION"),
    Case("After a [16-hour] flight she landed.", FRI, "PT16H", "DURATION"),
    Case("The siege lasted [more than four hours].", FRI, "PT4H", "DURATION", "MORE_THAN"),
    Case("It took [less than one hour].", FRI, "PT1H", "DURATION", "LESS_THAN"),
    Case("The truce must hold [at least 72 hours].", FRI, "PT72H", "DURATION", "EQUAL_OR_MORE"),
    Case("Detention is limited to [up to 180 days].", FRI, "P180D", "DURATION", "EQUAL_OR_LESS"),
    Case("He waited [nearly two months].", FRI, "P2M", "DURATION", "APPROX"),
    Case("The flight took [5 1/2 hours].", FRI, "PT5H30M", "DURATION"),
    Case("The walk took [2 1/2 years].", FRI, "P2Y6M", "DURATION"),
    Case("It lasted [a minute and a half].", FRI, "PT1M30S", "DURATION"),
    Case("Relations froze for [two decades].", FRI, "P20Y", "DURATION"),
    Case("The dynasty ruled for [centuries].", FRI, "PXCE", "DURATION"),
    Case("The talks took [a couple of years].", FRI, "P2Y", "DURATION"),
    Case("The sanctions were extended by [six months].", FRI, "P6M", "DURATION"),
    Case("Mourning lasted [the four days] after the attack.", FRI, "P4D", "DURATION"),
    # ------------------------------------------------------------ sets
    Case("The paper is published [daily].", FRI, "P1D", "SET"),
    Case("The council meets [weekly].", FRI, "P1W", "SET"),
    Case("The committee meets [every week].", FRI, "P1W", "SET"),
    Case("Inspections are held [each month].", FRI, "P1M", "SET"),
    Case("Trains run [every two hours].", FRI, "PT2H", "SET"),
    Case("Flights leave [twice a week].", FRI, "P1W", "SET"),
    Case("Snow closes the pass [each winter].", FRI, "XXXX-WI", "SET"),
    Case("The festival is held [each July].", FRI, "XXXX-07", "SET"),
    Case("Prices are checked [hourly].", FRI, "PT1H", "SET"),
    # ------------------------------------------------------------ reference points
    Case("Armenia is [now] reviewing its membership.", FRI, "PRESENT_REF"),
    Case("The bloc is [currently] led by Russia.", FRI, "PRESENT_REF"),
    Case("The [current] government opposes the plan.", FRI, "PRESENT_REF"),
    Case("Yerevan [recently] froze its participation.", FRI, "PAST_REF"),
    Case("Relations were warmer in [the past].", FRI, "PAST_REF"),
    Case("Trade has grown in [recent years].", FRI, "PAST_REF"),
    Case("The bloc may expand in [the future].", FRI, "FUTURE_REF"),
    Case("No change is expected in [the near future].", FRI, "FUTURE_REF"),
    # ------------------------------------------------------------ holidays
    Case("The truce began on [Christmas Day].", dt.date(2013, 12, 20), "2013-12-25"),
    Case("Prices jumped before [Thanksgiving].", dt.date(1999, 11, 20), "1999-11-25"),
    # ------------------------------------------------------------ results reporting
    # The comparison period is the latest ended quarter reported, not a forecast quarter.
    Case(
        "Third-quarter profit rose 11%. A fourth-quarter charge is expected. Earnings fell "
        "from $6 million [a year ago].",
        dt.date(1989, 11, 2),
        "1988-Q3",
    ),
    Case(
        "Third-quarter net rose. After a flat second quarter, sales grew. Costs were lower "
        "than in [the year-earlier period].",
        dt.date(1989, 11, 1),
        "1988-Q3",
    ),
    Case("Jayark earned $1 million in [the quarter] ended July 31.", OCT89, "1989-Q2"),
    Case("Delta earned $133 million in [the quarter] ended Sept. 30.", OCT89, "1989-Q3"),
    # ------------------------------------------------------------ a story told in another year
    Case(
        "The story begins in May 2021. On [12 May], troops crossed the border.", NOV, "2021-05-12"
    ),
    Case(
        "Shelling began on 13 September 2022. Weeks later, at talks in Prague on [6 October], "
        "the leaders met.",
        NOV,
        "2022-10-06",
    ),
    Case(
        "Talks took place on 6 October 2022. [The following January], Armenia refused.",
        NOV,
        "2023-01",
    ),
    Case("The drills were held in January 2023. In [February] monitors arrived.", NOV, "2023-02"),
    # a date opening its sentence moves the story; anaphora then resolve against it
    Case("[Three years ago this May], troops crossed the border.", dt.date(2024, 3, 4), "2021-05"),
    Case("[A year ago this week], the summit opened.", NOV, "2023-W47"),
    Case(
        "Eighteen months ago, shells hit Jermuk. [That November], he refused.",
        dt.date(2024, 3, 4),
        "2022-11",
    ),
    Case(
        "Eighteen months ago, shells hit Jermuk. That November, he refused. [The following "
        "spring], he mused about leaving.",
        dt.date(2024, 3, 4),
        "2023-SP",
    ),
    Case("Talks failed in May 2021. [That spring] the border stayed tense.", NOV, "2021-SP"),
    Case("Talks failed in May 2021. [The previous winter] was calm.", NOV, "2020-WI"),
    Case("Revenue rose to $5 million from $4 million [a year ago].", NOV, "2023"),
    Case(
        "Then came last autumn. Karabakh fell in a day. When the leaders met in [November], he "
        "stayed away.",
        dt.date(2024, 3, 4),
        "2023-11",
    ),
    # numeric dates: month first (US) unless the first number cannot be a month; dots: day first
    Case("The summit opened on [29/11/2024].", NOV, "2024-11-29"),
    Case("The summit opened on [11/29/2024].", NOV, "2024-11-29"),
    Case("The summit opened on [29.11.2024].", NOV, "2024-11-29"),
    Case("The summit opened on [3.4.2024].", NOV, "2024-04-03"),
    Case("Shelling began on 13 September 2022. [Weeks later], talks opened.", NOV, "2022-09"),
    # ... but not for the news of the day, the future or a deadline
    Case(
        "The war began in August 1988. Iran condemned the invasion on [Aug. 2].",
        dt.date(1990, 8, 15),
        "1990-08-02",
    ),
    Case(
        "Since it was founded in March 1997, it will join on [March 12].",
        dt.date(1999, 2, 27),
        "1999-03-12",
    ),
    # "since 2020" is background: the story stays in 2023
    Case(
        "Shelling began on 19 September 2023 in a region held since 2020. Weeks later, on "
        "[3 October], parliament voted.",
        NOV,
        "2023-10-03",
    ),
    # ------------------------------------------------------------ no reference date
    Case("The ministers met in [June].", None, "XXXX-06"),
    Case("The ministers met on [Friday].", None, "XXXX-WXX-5"),
    Case("The ministers met [last month].", None, "XXXX-XX"),
    Case("The treaty was signed on [12 May 2021].", None, "2021-05-12"),
    Case("The treaty was signed on [May 12].", None, "XXXX-05-12"),
    Case("The party was founded [two years ago].", None, "XXXX"),
]

# Sentences that contain no temporal expression at all.
NEGATIVES: list[tuple[str, dt.date | None]] = [
    ("A 22-year-old soldier was wounded.", FRI),
    ("The 65-year-old minister resigned.", FRI),
    ("Armenia may leave the alliance.", FRI),
    ("They may not agree to the terms.", FRI),
    ("Thousands March on the capital.", FRI),
    ("Troops will march through Yerevan.", FRI),
    ("The team won 3-1 in the final.", FRI),
    ("Police detained 2000 people after the rally.", FRI),
    ("The company sold 1500 shares.", FRI),
    ("The deal is worth $1990 million.", FRI),
    ("Shares rose 65 cents to $100.", FRI),
    ("Foreign minister Jan Kavan signed the documents.", FRI),
    ("April Glaspie met Saddam Hussein.", FRI),
    ("Iraq imports about three-quarters of its food.", FRI),
    ("He bought 100M barrels of oil.", FRI),
    ("Prices fall when supply rises.", FRI),
    ("Leaves fall from the trees.", FRI),
    ("The Daily Telegraph reported the story.", FRI),
    ("The shares were then sold.", FRI),
    ("The second round of talks failed.", FRI),
    ("The notes will save it $2 million a year in interest.", FRI),
    ("The airline runs four flights a week to Bombay.", FRI),
    ("The plant builds 300 cars a day.", FRI),
    ("The quarter-to-quarter comparison was also helped by charges.", FRI),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.sentence[:60])
def test_case(case: Case) -> None:
    text, start, end = _split(case.sentence)
    found = tag(text, case.dct)
    exact = [t for t in found if t.start == start and t.end == end]
    assert exact, f"no timex at {text[start:end]!r}; got {[(t.text, t.value) for t in found]}"
    t = exact[0]
    assert (t.value, t.type) == (case.value, case.type), t
    if case.mod is not None:
        assert t.mod == case.mod, t


@pytest.mark.parametrize("sentence,dct", NEGATIVES, ids=lambda x: str(x)[:50])
def test_negative(sentence: str, dct: dt.date | None) -> None:
    found = tag(sentence, dct)
    assert found == [], [(t.text, t.type, t.value) for t in found]


def test_table_size() -> None:
    assert len(CASES) + len(NEGATIVES) >= 150


@pytest.mark.parametrize("sentence", [c.sentence for c in CASES] + [n[0] for n in NEGATIVES])
def test_key_word_scan_is_complete(sentence: str) -> None:
    # Far from any other word, each expression must still be found by scanning its rule only
    # near the rule's key words (grammar.RULE_KEYS).
    pad = "Lorem ipsum dolor sit amet. " * 8
    text = pad + sentence.replace("[", "").replace("]", "") + " " + pad
    assert sorted(candidates(text)) == sorted(candidates(text, scan_all=True))
