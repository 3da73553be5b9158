#include "xlsx/cell_ref.hpp"

#include <doctest/doctest.h>

using xlsx::CellRef;

TEST_CASE("cell references parse and format") {
    CHECK(xlsx::parse_cell_ref("A1") == CellRef{1, 1});
    CHECK(xlsx::parse_cell_ref("$AB$12") == CellRef{12, 28});
    CHECK(xlsx::parse_cell_ref("xfd1048576") == CellRef{1048576, 16384});
    CHECK_FALSE(xlsx::parse_cell_ref("XFE1"));
    CHECK_FALSE(xlsx::parse_cell_ref("A0"));
    CHECK_FALSE(xlsx::parse_cell_ref("A1048577"));
    CHECK_FALSE(xlsx::parse_cell_ref("1A"));
    CHECK_FALSE(xlsx::parse_cell_ref(""));
    CHECK(xlsx::format_cell_ref({12, 28}) == "AB12");
    CHECK(xlsx::column_letters(26) == "Z");
    CHECK(xlsx::column_letters(27) == "AA");
    CHECK(xlsx::column_letters(16384) == "XFD");
    CHECK(xlsx::format_range({4, 2}, {4, 16}) == "B4:P4");
    CHECK(xlsx::format_range({4, 2}, {4, 2}) == "B4");
}
