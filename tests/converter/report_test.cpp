#include "converter/chart.hpp"
#include "converter/export.hpp"
#include "converter/report.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

namespace {

// The Plymouth ASB and DA-referrals tables of June 2015.
converter::Analysis plymouth(test::TempDir& dir) {
    std::vector<std::string> head = test::month_header();
    test::BookSpec spec;
    spec.sheets = {{"S", test::rows_xml({{"Reduce Anti-social Behaviour incidents"}, head,
                                         {"Actual 2014 - 2015", "808", "882", "1023", "1056", "915", "982", "850", "755", "682", "639", "642", "831"},
                                         {"Actual 2015 - 2016", "864", "894", "769"},
                                         {"Target 15/16", "", "", "", "", "", "", "", "", "", "", "", "10064"},
                                         {"RAG"},
                                         {},
                                         {"Increase referrals to Domestic Abuse Services"},
                                         {"", "Quarter 1", "Quarter 2", "Quarter 3", "Quarter 4"},
                                         {"Actual 2014 - 2015", "629", "727", "760", "549"},
                                         {"Actual 2015 - 2016", "525"},
                                         {"Target", "", "", "", "2666"},
                                         {"RAG"}})}};
    test::write_book(dir.path("p.xlsx"), spec);
    xlsx::Workbook wb(dir.path("p.xlsx"));
    return converter::analyse(wb, {});
}

const converter::Phrases& phrases() {
    static converter::Phrases p = converter::read_phrases(test::slurp(converter::template_folder("") + "/phrases.txt"));
    return p;
}

}  // namespace

TEST_CASE("numbers as a person writes them") {
    CHECK(converter::format_count(2527) == "2,527");
    CHECK(converter::format_count(666.5) == "667");
    CHECK(converter::format_count(19.6) == "19.6");
    CHECK(converter::format_count(-186) == "\xE2\x88\x92" "186");
    CHECK(converter::format_signed(45) == "+45");
    CHECK(converter::format_change(-0.0686) == "7%");
    CHECK(converter::format_change(0.004) == "less than 1%");
}

TEST_CASE("Plymouth sentences: ASB -7% (-186); referrals 525 against 629, Red, off course") {
    test::TempDir dir;
    auto a = plymouth(dir);
    REQUIRE(a.measures.size() == 2);
    const auto& asb = a.measures[0];
    CHECK(converter::period_phrase(asb) == "quarter one");
    auto s = converter::measure_sentences(asb, phrases());
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "In quarter one we have seen a reduction of 7% (\xE2\x88\x92" "186) compared to the same period last year.");
    CHECK(s[1].find("2,527, against 2,713") != std::string::npos);
    const auto& referrals = a.measures[1];
    CHECK(*referrals.status == core::Status::red);
    auto r = converter::measure_sentences(referrals, phrases());
    CHECK(r[1].find("525, against 629") != std::string::npos);
    CHECK(r[2].find("not on course to achieve the target of 2,666") != std::string::npos);
}

TEST_CASE("the report data puts Red before Amber and escapes nothing itself") {
    test::TempDir dir;
    auto a = plymouth(dir);
    auto d = converter::report_data(a, "p.xlsx", phrases(), converter::ChartFormat::svg);
    REQUIRE(d.lists["exceptions"].size() == 2);
    CHECK(d.lists["exceptions"][0].text["status"] == "Red");
    CHECK(d.lists["exceptions"][1].text["status"] == "Amber");
    CHECK(d.lists["exceptions"][0].text["heading"] == "AREA OF SIGNIFICANT CONCERN (outside 15% of target)");
    CHECK(d.text["headline"].find("1 Red") != std::string::npos);
    CHECK(d.lists["measures"][0].text["chart"].rfind("<svg", 0) == 0);
}

TEST_CASE("charts: SVG escapes its text; PNG is a PNG") {
    converter::Chart c{"<script>", {"Apr", "May"}, {{"a<b", {1.0, 2.0}, converter::ChartLine::Dash::solid, "#C00000"}}};
    std::string svg = converter::chart_svg(c);
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("a&lt;b") != std::string::npos);
    std::string png = converter::chart_png(c);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(png.size() > 100);
}

TEST_CASE("export: one row per measure and period, formula-like text neutralised") {
    test::TempDir dir;
    auto a = plymouth(dir);
    auto rows = converter::tidy_rows(a);
    CHECK(rows.size() == 12 + 4);
    CHECK(rows[2].period == "Jun");
    CHECK(*rows[2].cumulative == 2527);
    CHECK(rows[2].rag == "Amber");
    CHECK(rows[3].cumulative == std::nullopt);
    CHECK(converter::csv_text_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(converter::csv_text_field("-cmd") == "'-cmd");
    CHECK(converter::csv_text_field("@SUM") == "'@SUM");
    CHECK(converter::csv_text_field("plain") == "plain");
    std::string csv = converter::tidy_csv(rows);
    CHECK(csv.find("S,Reduce Anti-social Behaviour incidents,block,Jun,3,2015/16,769,2527,2516,") != std::string::npos);
}
