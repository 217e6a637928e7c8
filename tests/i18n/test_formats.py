"""Names, dates and numbers as Russian readers write them (CLDR), English as the dashboard always wrote it."""

import datetime as dt

from components.i18n.formats import country_name, format_day, format_month, format_number
from components.i18n.texts import language


def test_dates_numbers_and_country_names_in_russian():
    with language("ru"):
        assert format_day(dt.date(2025, 11, 16)) == "16 ноября 2025\u202fг."  # CLDR: a narrow no-break space
        assert format_month(dt.date(2016, 12, 1)) == "декабрь 2016"
        assert format_number(1234.5, 1) == "1\xa0234,5"
        assert country_name("KAZ", "Kazakhstan") == "Казахстан"
        assert country_name("EU", "European Union") == "Европейский союз"
        assert country_name("GCC", "Gulf Cooperation Council") == "Gulf Cooperation Council"  # CLDR has none


def test_english_keeps_the_dashboards_own_forms():
    assert format_day(dt.date(2024, 8, 9)) == "9 Aug 2024"
    assert format_month(dt.date(2016, 12, 1)) == "Dec 2016"
    assert format_number(1234.5, 1) == "1,234.5"
    assert country_name("KAZ", "Kazakhstan") == "Kazakhstan"


def test_a_russian_time_axis_writes_dates_in_numbers_and_english_keeps_plotlys_own():
    from components.figures.base import date_axis

    assert date_axis() == {}
    with language("ru"):
        stops = date_axis()["tickformatstops"]
    assert [stop["value"] for stop in stops] == ["%d.%m.%Y %H:%M", "%d.%m.%Y", "%m.%Y", "%Y"]
    assert not any("%b" in stop["value"] or "%B" in stop["value"] for stop in stops)  # no month names
