#include "converter/refresh.hpp"
#include "support.hpp"
#include "xlsx/conditional_formats.hpp"

#include <doctest/doctest.h>

using Grid = std::vector<std::vector<std::string>>;

namespace {

Grid block(const std::string& title) {
    std::vector<std::string> head = test::month_header();
    return {{title},
            head,
            {"Actual 2014 - 2015", "808", "882", "1023", "1056", "915", "982", "850", "755", "682", "639", "642", "831"},
            {"Actual 2015 - 2016", "864", "894", "769"},
            {"Target 15/16", "", "", "", "", "", "", "", "", "", "", "", "10064"},
            {"Cum Actuals 14/15"},
            {"Cum Actuals 15/16", "864", "1758", "2527", "2527", "2527", "2527", "2527", "2527", "2527", "2527", "2527", "2527"},
            {"% difference in Actuals", "0.07", "0.04", "-0.07", "-1", "-1", "-1", "-1", "-1", "-1", "-1", "-1", "-1"},
            {"RAG"},
            {"DoT"}};
}

struct Refreshed {
    test::TempDir dir;
    converter::Analysis analysis;
    converter::ApplyResult applied;
    std::unique_ptr<xlsx::Workbook> out;

    explicit Refreshed(const test::BookSpec& spec) {
        test::write_book(dir.path("in.xlsx"), spec);
        xlsx::Workbook wb(dir.path("in.xlsx"));
        analysis = converter::analyse(wb, {});
        applied = converter::apply(wb, analysis);
        xlsx::write_file_atomically(dir.path("out.xlsx"), [&](std::FILE* f) { wb.save(f); });
        out = std::make_unique<xlsx::Workbook>(dir.path("out.xlsx"));
    }
    xlsx::CellValue value(const std::string& ref) {
        auto cell = out->worksheet("S")->cell(*xlsx::parse_cell_ref(ref));
        return cell ? out->value_of(*cell) : xlsx::CellValue{};
    }
    bool blank(const std::string& ref) { return value(ref).kind == xlsx::CellValue::Kind::empty; }
};

test::BookSpec book(const Grid& g) {
    test::BookSpec spec;
    spec.sheets = {{"S", test::rows_xml(g)}};
    return spec;
}

}  // namespace

TEST_CASE("a block is refreshed: cumulative, target, % difference, status, direction") {
    Refreshed r(book(block("Reduce ASB")));
    REQUIRE(r.analysis.measures.size() == 1);
    const auto& m = r.analysis.measures[0];
    CHECK(m.settings.polarity.value == core::Polarity::lower);
    CHECK(m.settings.polarity.source == core::Source::inferred);
    CHECK(*m.settings.annual_target.value == 10064);
    CHECK(m.latest == 3);
    CHECK(r.value("D7").number == 2527);
    CHECK(r.blank("E7"));   // the stale 2,527 carried forward is cleared
    CHECK(r.value("M6").number == 10065);
    CHECK(r.value("D5").number == doctest::Approx(2516));
    CHECK(r.value("D8").number == doctest::Approx((2527.0 - 2713) / 2713));
    CHECK(r.blank("E8"));   // not -100%
    CHECK(r.value("D9").text == "Amber");
    CHECK(r.value("B9").text == "Amber");  // 864 against 838.67: worse, but within 15%
    CHECK(r.blank("E9"));
    CHECK(r.value("D10").text == "Improving");
}

TEST_CASE("percentages get 0% unless they already show a percentage; RAG formats are live rules") {
    Refreshed r(book(block("Reduce ASB")));
    auto cell = r.out->worksheet("S")->cell({8, 4});
    REQUIRE(cell->style);
    CHECK(r.out->styles().number_format(*cell->style) == "0%");
    auto formats = xlsx::read_conditional_formats(*r.out->worksheet("S"));
    REQUIRE(formats.size() == 2);
    CHECK(formats[0].sqref == "B9:M9");
    CHECK(formats[0].rules[0].formulas[0] == "\"Red\"");
    CHECK(formats[1].sqref == "B7:M7");
    CHECK(formats[1].rules[0].formulas[0] == "AND(ISNUMBER(B7),ISNUMBER(B5),B7<=B5)");
    CHECK(formats[1].rules[1].formulas[0] == "AND(ISNUMBER(B7),ISNUMBER(B5),B7<=B5+0.15*ABS(B5))");
}

TEST_CASE("a second refresh of its own output changes nothing") {
    Refreshed first(book(block("Reduce ASB")));
    xlsx::Workbook again(first.dir.path("out.xlsx"));
    auto analysis = converter::analyse(again, {});
    auto applied = converter::apply(again, analysis);
    CHECK(applied.changes.empty());
    xlsx::write_file_atomically(first.dir.path("twice.xlsx"), [&](std::FILE* f) { again.save(f); });
    CHECK(test::slurp(first.dir.path("twice.xlsx")) == test::slurp(first.dir.path("out.xlsx")));
}

TEST_CASE("officer formulas are kept with their cached value updated; full recalculation is asked for") {
    Grid g = block("Increase reporting");
    g[6] = {"Cum Actuals 15/16", "=SUM($B$4:B4)", "=SUM($B$4:C4)", "=SUM($B$4:D4)", "=SUM($B$4:E4)"};
    Refreshed r(book(g));
    auto c = r.out->worksheet("S")->cell({7, 3});
    CHECK(c->formula == "SUM($B$4:C4)");
    CHECK(r.value("C7").number == 1758);
    auto future = r.out->worksheet("S")->cell({7, 5});
    CHECK(future->formula == "SUM($B$4:E4)");  // never removed
    bool warned = false;
    for (const auto& w : r.applied.warnings) warned = warned || (w.cell && xlsx::format_cell_ref(*w.cell) == "E7");
    CHECK_FALSE(warned);  // no cached figure shown: nothing to warn about
    CHECK(r.applied.formulas_updated);
    auto parts = test::read_zip(r.dir.path("out.xlsx"));
    for (auto& [name, content] : parts)
        if (name == "xl/workbook.xml") CHECK(content.find("fullCalcOnLoad=\"1\"") != std::string::npos);
}

TEST_CASE("text where a number belongs is reported by cell; the rest still refreshes") {
    Grid g = block("Reduce ASB");
    g[3][2] = "n/a";
    Refreshed r(book(g));
    const auto& m = r.analysis.measures[0];
    bool named = false;
    for (const auto& w : m.warnings) named = named || (w.cell && xlsx::format_cell_ref(*w.cell) == "C4");
    CHECK(named);
    CHECK(r.value("D7").number == 864 + 769);
}

TEST_CASE("the settings sheet overrides inference; the longest matching name wins") {
    test::BookSpec spec = book(block("Reduce ASB in the city centre"));
    spec.sheets.push_back({"Scorecard Settings",
                           test::rows_xml({{"Measure", "Polarity", "Annual target", "Tolerance", "Scheme"},
                                           {"Reduce", "Higher", "1", "", ""},
                                           {"Reduce ASB", "Lower", "12000", "10%", "4"}})});
    Refreshed r(spec);
    REQUIRE(r.analysis.measures.size() == 1);
    const auto& s = r.analysis.measures[0].settings;
    CHECK(*s.annual_target.value == 12000);
    CHECK(s.annual_target.source == core::Source::settings_sheet);
    CHECK(s.tolerance.value == doctest::Approx(0.10));
    CHECK(s.scheme.value == 4);
    CHECK(r.value("D9").text == "Exceeds");  // 2527 against 3000
}

TEST_CASE("monitor measures get the word Monitor and no target") {
    Refreshed r(book(block("Reduce serious acquisitive crime (monitoring only)")));
    const auto& m = r.analysis.measures[0];
    CHECK(m.settings.polarity.value == core::Polarity::monitor);
    CHECK(r.value("D9").text == "Monitor");
    CHECK(r.blank("D5"));                       // the target row is left alone
    CHECK(r.value("D10").text == "Improving");  // direction follows the name: reduce
    Refreshed plain(book(block("Serious acquisitive crime (monitoring only)")));
    CHECK(plain.blank("D10"));                  // no sense in the name: no direction
}

TEST_CASE("a table is refreshed") {
    Grid g = {{"Indicator", "Last year", "YTD actual", "Target", "RAG", "DoT", "% change"},
              {"Reduce criminal damage", "1901", "1567", "1443"},
              {"Increase hate incidents reported", "290", "310"}};
    Refreshed r(book(g));
    REQUIRE(r.analysis.measures.size() == 2);
    CHECK(r.value("E2").text == "Amber");
    CHECK(r.value("F2").text == "Improving");
    CHECK(r.value("G2").number == doctest::Approx((1567.0 - 1901) / 1901));
    CHECK(r.blank("E3"));  // no target: no status, no error
    CHECK(r.value("F3").text == "Improving");
}

TEST_CASE("a cumulative-input block is read from its cumulative rows, which are never rewritten") {
    std::vector<std::string> head = test::month_header();
    Grid g = {{"Increase hate incidents reported"}, head,
              {"Cumulative 14/15", "55", "109", "152", "208", "247", "292", "354", "408", "456", "504", "551", "617"},
              {"Cumulative 15/16", "58", "122", "174"},
              {"Target required", "", "", "", "", "", "", "", "", "", "", "", "621"},
              {"RAG"}};
    Refreshed r(book(g));
    REQUIRE(r.analysis.measures.size() == 1);
    const auto& m = r.analysis.measures[0];
    CHECK(m.cumulative_input);
    CHECK(*m.ytd_actual == 174);
    CHECK(r.value("D6").text == "Green");  // 174 against 155.25
    for (const auto& c : r.applied.changes) CHECK(c.ref.row != 4);
}
