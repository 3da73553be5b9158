#include "converter/grid.hpp"

#include <doctest/doctest.h>

TEST_CASE("Excel serial dates in both date systems") {
    CHECK(converter::month_of_serial(42095, false) == 4);    // 2015-04-01
    CHECK(converter::month_of_serial(42094, false) == 3);    // 2015-03-31
    CHECK(converter::month_of_serial(60, false) == 2);       // the fictitious 1900-02-29
    CHECK(converter::month_of_serial(61, false) == 3);       // 1900-03-01
    CHECK(converter::month_of_serial(40633, true) == 4);     // 2015-04-01 in the 1904 system
    CHECK_FALSE(converter::month_of_serial(-5, false));
    CHECK_FALSE(converter::month_of_serial(1e12, false));
}

TEST_CASE("ISO 8601 date cells") {
    CHECK(converter::month_of_iso_date("2016-04-01T00:00:00") == 4);
    CHECK(converter::month_of_iso_date("2016-12-01") == 12);
    CHECK_FALSE(converter::month_of_iso_date("2016-13-01"));
    CHECK_FALSE(converter::month_of_iso_date("April"));
}
