#include "converter/recognise.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using Grid = std::vector<std::vector<std::string>>;

namespace {

std::vector<std::string> header(const std::string& left, const std::vector<std::string>& periods) {
    std::vector<std::string> r{left};
    r.insert(r.end(), periods.begin(), periods.end());
    return r;
}

converter::SheetScorecards recognise(const std::string& rows, const std::string& styles = "") {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"S", rows}};
    spec.styles = styles;
    test::write_book(dir.path("b.xlsx"), spec);
    xlsx::Workbook wb(dir.path("b.xlsx"));
    converter::SheetGrid grid(wb, *wb.worksheet("S"), "S");
    return converter::recognise_sheet(grid, 4);
}

Grid asb_block() {
    return {{"Reduce ASB"},
            test::month_header(),
            {"Actual 2014 - 2015", "808", "882", "1023"},
            {"Actual 2015 - 2016", "864", "894", "769"},
            {"Target 15/16", "838"},
            {"Cum Actuals 14/15"},
            {"Cum Actuals 15/16"},
            {"% difference in Actuals"},
            {"RAG"}};
}

}  // namespace

TEST_CASE("label roles follow the precedence of §2.1") {
    using converter::RowRole;
    CHECK(converter::classify_label("Cum Actuals 14/15") == RowRole::cumulative);
    CHECK(converter::classify_label("Cumulative target") == RowRole::target);
    CHECK(converter::classify_label("% change on last year") == RowRole::percent_difference);
    CHECK(converter::classify_label("All Crime Culmative 2015 - 2016") == RowRole::cumulative);
    CHECK(converter::classify_label("YTD 2019/20") == RowRole::cumulative);
    CHECK(converter::classify_label("Actuals 2015/16") == RowRole::actual);
    CHECK(converter::classify_label(" RAG ") == RowRole::status);
    CHECK(converter::classify_label("Direction of travel") == RowRole::direction);
    CHECK(converter::classify_label("Variance") == RowRole::percent_difference);
    CHECK(converter::classify_label("Numerator 2015/16") == RowRole::numerator);
    CHECK_FALSE(converter::classify_label("Gap 2015 - 2016"));
}

TEST_CASE("a monthly block with its title above, and the same block moved") {
    auto found = recognise(test::rows_xml(asb_block()));
    REQUIRE(found.blocks.size() == 1);
    const auto& b = found.blocks[0];
    CHECK(b.title == "Reduce ASB");
    CHECK(b.header_row == 2);
    CHECK(b.period_columns.front() == 2);
    CHECK(b.rows.size() == 7);
    auto moved = recognise(test::rows_xml(asb_block(), 3, 4));
    REQUIRE(moved.blocks.size() == 1);
    CHECK(moved.blocks[0].title == "Reduce ASB");
    CHECK(moved.blocks[0].header_row == 4);
    CHECK(moved.blocks[0].period_columns.front() == 5);
    CHECK(moved.blocks[0].rows.size() == 7);
}

TEST_CASE("titles: in the header row, or in a text-only row below it (the seed's layout)") {
    Grid in_header = {header("Increase referrals", {"Qtr 1", "Qtr 2", "Qtr 3", "Qtr 4"}), {"Actual 2018-19", "1"},
                      {"Actuals 2019-20", "2"}};
    auto a = recognise(test::rows_xml(in_header));
    REQUIRE(a.blocks.size() == 1);
    CHECK(a.blocks[0].title == "Increase referrals");
    CHECK(a.blocks[0].kind == core::PeriodKind::quarter);
    Grid below = {header("", {"12/13.", "13/14.", "14/15", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                              "Jan", "Feb", "Mar"}),
                  {"Reduce Anti-social Behaviour incidents"},
                  {"Actual 2015 - 2016", "", "", "", "864"}};
    auto b = recognise(test::rows_xml(below));
    REQUIRE(b.blocks.size() == 1);
    CHECK(b.blocks[0].title == "Reduce Anti-social Behaviour incidents");
    CHECK(b.blocks[0].period_columns.front() == 5);  // earlier years' totals sit left of the periods
}

TEST_CASE("several blocks on a sheet; a blank row ends a block") {
    Grid g = asb_block();
    g.push_back({});
    Grid second = {{"Increase reporting"}, header("", {"Quarter 1", "Quarter 2", "Quarter 3", "Quarter 4"}),
                   {"Actual 2014 - 2015", "629"}, {"Actual 2015 - 2016", "525"}};
    g.insert(g.end(), second.begin(), second.end());
    auto found = recognise(test::rows_xml(g));
    REQUIRE(found.blocks.size() == 2);
    CHECK(found.blocks[0].last_row == 9);
    CHECK(found.blocks[1].title == "Increase reporting");
}

TEST_CASE("ambiguous blocks are skipped with the reason and cells, never guessed") {
    Grid g = asb_block();
    g[3][0] = "Actual 2014 - 2015";  // two actuals rows for one year
    auto found = recognise(test::rows_xml(g));
    CHECK(found.blocks.empty());
    REQUIRE(found.skipped.size() == 1);
    CHECK(found.skipped[0].reason.find("two rows claim the same role") != std::string::npos);
    CHECK(found.skipped[0].reason.find("A3") != std::string::npos);
    g = asb_block();
    g[2][0] = "Actual last year";  // no year that can be told
    auto no_year = recognise(test::rows_xml(g));
    REQUIRE(no_year.skipped.size() == 1);
    CHECK(no_year.skipped[0].reason.find("names no year") != std::string::npos);
}

TEST_CASE("date cells as month headers") {
    // 42095 is 1 April 2015; style 1 of the test stylesheet is mmm-yy.
    std::string row = R"(<row r="1">)";
    double serial = 42095;
    const int days[] = {30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 29, 31};
    for (int i = 0; i < 12; ++i) {
        row += "<c r=\"" + xlsx::format_cell_ref({1, static_cast<std::uint32_t>(i + 2)}) + "\" s=\"1\"><v>" +
               std::to_string(static_cast<int>(serial)) + "</v></c>";
        serial += days[i];
    }
    row += "</row>";
    auto found = recognise(row + test::rows_xml({{"Actual 2015/16", "5"}, {"Actual 2014/15", "4"}}, 2));
    REQUIRE(found.blocks.size() == 1);
    CHECK(found.blocks[0].start_month == 4);
}

TEST_CASE("a table with a name column, figures and output columns") {
    Grid g = {{"Indicator", "Last year", "YTD actual", "Target", "RAG", "DoT", "% change"},
              {"Reduce criminal damage", "1901", "1567", "1443"},
              {"Increase hate incidents reported", "290", "310"},
              {},
              {"Notes"}};
    auto found = recognise(test::rows_xml(g));
    REQUIRE(found.tables.size() == 1);
    const auto& t = found.tables[0];
    CHECK(t.name_column == 1);
    CHECK(*t.last_year == 2);
    CHECK(*t.actual == 3);
    CHECK(*t.status == 5);
    CHECK(t.measure_rows == std::vector<std::uint32_t>{2, 3});
}

TEST_CASE("a sheet with no scorecard finds nothing") {
    auto found = recognise(test::rows_xml({{"Name", "Value"}, {"a", "1"}}));
    CHECK(found.blocks.empty());
    CHECK(found.tables.empty());
}

TEST_CASE("a row of plain numbers inside a block neither ends it nor becomes a row of it") {
    Grid g = asb_block();
    g.insert(g.begin() + 4, {"", "1", "2", "3"});  // no label: ignored, but not blank
    auto found = recognise(test::rows_xml(g));
    REQUIRE(found.blocks.size() == 1);
    CHECK(found.blocks[0].rows.size() == 7);
    CHECK(found.blocks[0].last_row == 10);
}
