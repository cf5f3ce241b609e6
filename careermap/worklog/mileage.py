"""The IRS business standard mileage rate, as data: each period with its cents per mile and where the IRS
published it. Pure: no ORM.

Only periods read on the IRS's own page are here. The IRS page "Standard mileage rates"
(https://www.irs.gov/tax-professionals/standard-mileage-rates) lists each period with the news release
that announced it; the rows below are copied from it. First checked 2026-12-06 against a copy of that page
that runs to 2020; checked again on 2026-12-06 (issue #22) against a later copy of the same irs.gov page
held by the project's search tool, which runs to 2023 and adds 2021 (IR-2020-279), 1 Jan – 30 Jun 2022
(IR-2021-251), 1 Jul – 31 Dec 2022 (IR-2022-124, the mid-year change) and 2023 (IR-2022-234).

Not stored, because no irs.gov page or IRS notice text giving them could be read from here on 2026-12-06
(only third-party pages — firm blogs, news sites — which name Notices 2024-08, 2025-05 and 2026-10 and
report a further change on 1 July 2026): 2024, 2025 and 2026. For those years `rate_for` answers None and
the pages say the rate is not known here, rather than guessing. Add a period only after reading it on
irs.gov, with its release or notice number.

A year can have two periods (in 2011 and 2022 the rate changed on 1 July), so a rate belongs to a span of
dates. Every period starts on the first of a month, so the summary can look rates up by month.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

IRS_RATES_PAGE = "https://www.irs.gov/tax-professionals/standard-mileage-rates"


@dataclasses.dataclass(frozen=True)
class MileageRate:
    start: dt.date
    end: dt.date
    cents: Decimal  # business use, cents per mile
    source: str  # the IRS release the rates page cites
    url: str = IRS_RATES_PAGE

    @property
    def dollars(self) -> Decimal:
        return self.cents / 100

    @property
    def label(self) -> str:
        if self.start.month == 1 and self.end.month == 12:
            return str(self.start.year)
        return f"{self.start.day} {self.start:%b} – {self.end.day} {self.end:%b %Y}"


def _year(year: int, cents: str, source: str) -> MileageRate:
    return MileageRate(dt.date(year, 1, 1), dt.date(year, 12, 31), Decimal(cents), source)


#: Business rate, cents per mile, by period: the IRS "Standard mileage rates" page, column "Business",
#: and its "Source" column.
IRS_BUSINESS_RATES: tuple[MileageRate, ...] = (
    MileageRate(dt.date(2011, 1, 1), dt.date(2011, 6, 30), Decimal("51"), "IR-2010-119"),
    MileageRate(dt.date(2011, 7, 1), dt.date(2011, 12, 31), Decimal("55.5"), "IR-2011-69"),
    _year(2012, "55.5", "IRB-2012-02"),
    _year(2013, "56.5", "IR-2012-95"),
    _year(2014, "56", "IR-2013-95"),
    _year(2015, "57.5", "IR-2014-114"),
    _year(2016, "54", "IR-2015-137"),
    _year(2017, "53.5", "IR-2016-169"),
    _year(2018, "54.5", "IR-2017-204"),
    _year(2019, "58", "IR-2018-251"),
    _year(2020, "57.5", "IR-2019-215"),
    _year(2021, "56", "IR-2020-279"),
    MileageRate(dt.date(2022, 1, 1), dt.date(2022, 6, 30), Decimal("58.5"), "IR-2021-251"),
    MileageRate(dt.date(2022, 7, 1), dt.date(2022, 12, 31), Decimal("62.5"), "IR-2022-124"),
    _year(2023, "65.5", "IR-2022-234"),
)


def rate_for(day: dt.date) -> MileageRate | None:
    """The business rate in force on `day`, or None when it is not stored here."""
    for rate in IRS_BUSINESS_RATES:
        if rate.start <= day <= rate.end:
            return rate
    return None


def rates_in_year(year: int) -> list[MileageRate]:
    return [rate for rate in IRS_BUSINESS_RATES if rate.start.year == year]
