#include "core/periods.hpp"

#include <doctest/doctest.h>

using core::FinancialYear;

TEST_CASE("year spellings of §2.1") {
    CHECK(core::parse_year("Actual 2014 - 2015", 4) == FinancialYear{2014, 4});
    CHECK(core::parse_year("Actuals 2015/16", 4) == FinancialYear{2015, 4});
    CHECK(core::parse_year("Cum Actuals 14/15", 4) == FinancialYear{2014, 4});
    CHECK(core::parse_year("Actual 14-15 ", 4) == FinancialYear{2014, 4});
    CHECK(core::parse_year("2015-16 Actual", 4) == FinancialYear{2015, 4});
    CHECK(core::parse_year("ACTUAL 2015/2016", 4) == FinancialYear{2015, 4});
    CHECK(core::parse_year("All Crime Culmative 2015 - 2016", 4) == FinancialYear{2015, 4});
    CHECK(core::parse_year("Actual 2015", 1) == FinancialYear{2015, 1});
    CHECK_FALSE(core::parse_year("Actual 2015", 4));           // one year, April start: cannot tell
    CHECK_FALSE(core::parse_year("Actual 14/16", 4));          // not consecutive
    CHECK_FALSE(core::parse_year("% diff 13/14 - 14/15", 4));  // two different years
    CHECK_FALSE(core::parse_year("Target", 4));
    CHECK(core::format_year({2015, 4}) == "2015/16");
    CHECK(core::format_year({1999, 4}) == "1999/00");
    CHECK(core::format_year({2015, 1}) == "2015");
}

TEST_CASE("month and quarter labels") {
    CHECK(core::parse_month("Apr") == 4);
    CHECK(core::parse_month(" APRIL ") == 4);
    CHECK(core::parse_month("Apr-15") == 4);
    CHECK(core::parse_month("Apr 2015") == 4);
    CHECK(core::parse_month("Sept") == 9);
    CHECK_FALSE(core::parse_month("Market"));
    CHECK_FALSE(core::parse_month("Mar total"));
    CHECK(core::parse_quarter("Q1", 4) == 1);
    CHECK(core::parse_quarter("Qtr 2", 4) == 2);
    CHECK(core::parse_quarter("quarter 4", 4) == 4);
    CHECK(core::parse_quarter("Apr-Jun", 4) == 1);
    CHECK(core::parse_quarter("Jan - Mar", 4) == 4);
    CHECK_FALSE(core::parse_quarter("Apr-May", 4));
    CHECK_FALSE(core::parse_quarter("Q5", 4));
}

TEST_CASE("days in periods, leap years included") {
    CHECK(core::is_leap_year(2016));
    CHECK_FALSE(core::is_leap_year(1900));
    CHECK(core::is_leap_year(2000));
    auto days = core::period_days({2015, 4}, core::PeriodKind::month);
    CHECK(days.front() == 30);   // April 2015
    CHECK(days[10] == 29);       // February 2016
    int total = 0;
    for (int d : days) total += d;
    CHECK(total == 366);
    CHECK(core::days_in_period({2015, 4}, core::PeriodKind::quarter, 4) == 31 + 29 + 31);
    CHECK(core::days_in_period({2015, 1}, core::PeriodKind::quarter, 1) == 31 + 28 + 31);
    CHECK(core::month_of_period(4, 10) == 1);
}

TEST_CASE("year labels move on by one year in their own spelling") {
    CHECK(core::advance_year_label("Actual 2015 - 2016", 4) == "Actual 2016 - 2017");
    CHECK(core::advance_year_label("Cum Actuals 14/15", 4) == "Cum Actuals 15/16");
    CHECK(core::advance_year_label("2015-16 Actual", 4) == "2016-17 Actual");
    CHECK(core::advance_year_label("ACTUAL 2015/2016", 4) == "ACTUAL 2016/2017");
    CHECK(core::advance_year_label("Actual 99/00", 4) == "Actual 00/01");
    CHECK(core::advance_year_label("Actual 2015", 1) == "Actual 2016");
    CHECK(core::advance_year_label("Target 15/16 (ward 12)", 4) == "Target 16/17 (ward 12)");
    CHECK_FALSE(core::advance_year_label("Target", 4));
}
