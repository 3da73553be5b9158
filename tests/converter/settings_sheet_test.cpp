#include "converter/settings_sheet.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

namespace {
converter::SettingsSheet read(const std::vector<std::vector<std::string>>& rows, std::vector<converter::Issue>& warnings) {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"Scorecard Settings", test::rows_xml(rows)}};
    test::write_book(dir.path("b.xlsx"), spec);
    xlsx::Workbook wb(dir.path("b.xlsx"));
    converter::SheetGrid grid(wb, *wb.worksheet("Scorecard Settings"), "Scorecard Settings");
    return converter::read_settings(grid, warnings);
}
}  // namespace

TEST_CASE("settings rows, matching by trimmed, case-insensitive prefix") {
    std::vector<converter::Issue> warnings;
    auto s = read({{"MEASURE", "polarity", "Annual Target", "Tolerance", "Tolerance type", "Amber threshold", "Profile",
                    "Aggregation", "Start month", "DoT threshold"},
                   {"  Reduce   ASB ", "Lower is better", "10064", "15", "", "", "seasonal", "", "Jan", "2%"},
                   {"Increase DASH training", "higher", "200", "5", "absolute", "150", "", "mean"}},
                  warnings);
    CHECK(warnings.empty());
    REQUIRE(s.entries.size() == 2);
    const auto* asb = s.match("reduce asb incidents in the city");
    REQUIRE(asb);
    CHECK(*asb->values.polarity == core::Polarity::lower);
    CHECK(*asb->values.tolerance == doctest::Approx(0.15));
    CHECK(*asb->values.start_month == 1);
    CHECK(*asb->values.dot_threshold == doctest::Approx(0.02));
    const auto* dash = s.match("Increase DASH training");
    CHECK(*dash->values.tolerance == 5);
    CHECK(*dash->values.amber_threshold == 150);
    CHECK(*dash->values.aggregation == core::Aggregation::mean);
    CHECK(s.match("Something else") == nullptr);
}

TEST_CASE("an unreadable value is reported with its cell and the row is ignored") {
    std::vector<converter::Issue> warnings;
    auto s = read({{"Measure", "Polarity", "Scheme"}, {"Reduce ASB", "sideways", ""}, {"Reduce crime", "Lower", "7"},
                   {"Increase X", "Higher", "4"}},
                  warnings);
    REQUIRE(warnings.size() == 2);
    CHECK(xlsx::format_cell_ref(*warnings[0].cell) == "B2");
    CHECK(warnings[0].message.find("sideways") != std::string::npos);
    CHECK(xlsx::format_cell_ref(*warnings[1].cell) == "C3");
    CHECK(s.entries.size() == 1);
}
