#include "support.hpp"
#include "xlsx/error.hpp"
#include "xlsx/workbook.hpp"

#include <doctest/doctest.h>

namespace {
void save(xlsx::Workbook& wb, const std::string& path) {
    xlsx::write_file_atomically(path, [&](std::FILE* f) { wb.save(f); });
}
}  // namespace

TEST_CASE("sheets, strings, styles and dates are read") {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"Data", R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>42095</v></c></row>)"},
                   {"Other", ""}};
    spec.strings = {"Apr"};
    test::write_book(dir.path("b.xlsx"), spec);
    xlsx::Workbook wb(dir.path("b.xlsx"));
    REQUIRE(wb.sheets().size() == 2);
    CHECK(wb.sheets()[1].name == "Other");
    xlsx::Worksheet* ws = wb.worksheet("data");  // case-insensitive
    REQUIRE(ws);
    CHECK(wb.value_of(*ws->cell({1, 1})).text == "Apr");
    CHECK(wb.styles().is_date(*ws->cell({1, 2})->style));
    CHECK(wb.worksheet("missing") == nullptr);
}

TEST_CASE("saving without edits copies every part; edits change only their parts") {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"A", R"(<row r="1"><c r="A1"><v>1</v></c></row>)"}, {"B", R"(<row r="1"><c r="A1"><v>2</v></c></row>)"}};
    spec.strings = {"x"};
    test::write_book(dir.path("in.xlsx"), spec);
    {
        xlsx::Workbook wb(dir.path("in.xlsx"));
        save(wb, dir.path("same.xlsx"));
    }
    CHECK(test::slurp(dir.path("same.xlsx")) == test::slurp(dir.path("in.xlsx")));
    xlsx::Workbook wb(dir.path("in.xlsx"));
    xlsx::Cell c = *wb.worksheet("A")->cell({1, 1});
    wb.set_text(c, "Amber");
    c.style = wb.styles().with_number_format(0, "0%");
    wb.worksheet("A")->put(c);
    save(wb, dir.path("out.xlsx"));
    auto in = test::read_zip(dir.path("in.xlsx")), out = test::read_zip(dir.path("out.xlsx"));
    REQUIRE(in.size() == out.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        CAPTURE(in[i].first);
        CHECK(in[i].first == out[i].first);
        bool edited = in[i].first == "xl/worksheets/sheet1.xml" || in[i].first == "xl/sharedStrings.xml" ||
                      in[i].first == "xl/styles.xml";
        CHECK((in[i].second != out[i].second) == edited);
    }
    xlsx::Workbook again(dir.path("out.xlsx"));
    CHECK(again.value_of(*again.worksheet("A")->cell({1, 1})).text == "Amber");
    CHECK(*again.shared_strings().at(0) == "x");
}

TEST_CASE("without a shared-strings part, text is written inline and no part is added") {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"A", ""}};
    test::write_book(dir.path("in.xlsx"), spec);
    xlsx::Workbook wb(dir.path("in.xlsx"));
    xlsx::Cell c = xlsx::Cell::at({1, 1});
    wb.set_text(c, "Green");
    CHECK(c.type == "inlineStr");
    wb.worksheet("A")->put(c);
    save(wb, dir.path("out.xlsx"));
    CHECK(test::read_zip(dir.path("out.xlsx")).size() == test::read_zip(dir.path("in.xlsx")).size());
}

TEST_CASE("full recalculation on load and calcChain clean-up") {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"A", R"(<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>)"}};
    spec.calc_chain = true;
    test::write_book(dir.path("in.xlsx"), spec);
    xlsx::Workbook wb(dir.path("in.xlsx"));
    wb.set_full_calc_on_load();
    wb.remove_from_calc_chain("A", {1, 1});
    save(wb, dir.path("out.xlsx"));
    auto out = test::read_zip(dir.path("out.xlsx"));
    bool chain = false;
    for (auto& [name, content] : out) {
        if (name == "xl/workbook.xml") CHECK(content.find("fullCalcOnLoad=\"1\"") != std::string::npos);
        if (name == "xl/_rels/workbook.xml.rels") CHECK(content.find("calcChain") == std::string::npos);
        if (name == "[Content_Types].xml") CHECK(content.find("calcChain") == std::string::npos);
        chain = chain || name == "xl/calcChain.xml";
    }
    CHECK_FALSE(chain);
}

TEST_CASE("an atomic write that fails leaves the old file and no temporary file") {
    test::TempDir dir;
    std::string path = dir.path("out.xlsx");
    xlsx::write_file_atomically(path, [](std::FILE* f) { std::fputs("old", f); });
    CHECK_THROWS(xlsx::write_file_atomically(path, [](std::FILE* f) {
        std::fputs("half", f);
        throw xlsx::Error("", "disk full");
    }));
    CHECK(test::slurp(path) == "old");
    int files = 0;
    for (auto& e : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path())) { (void)e; ++files; }
    CHECK(files == 1);
}

TEST_CASE("broken packages are refused naming the part") {
    test::TempDir dir;
    test::write_zip(dir.path("no-types.xlsx"), {{"a.xml", "<a/>"}});
    CHECK_THROWS_WITH_AS(xlsx::Workbook(dir.path("no-types.xlsx")), doctest::Contains("[Content_Types].xml"), xlsx::Error);
    test::BookSpec spec;
    spec.sheets = {{"A", ""}};
    test::write_book(dir.path("ok.xlsx"), spec);
    auto entries = test::read_zip(dir.path("ok.xlsx"));
    std::erase_if(entries, [](auto& e) { return e.first == "xl/worksheets/sheet1.xml"; });
    test::write_zip(dir.path("missing.xlsx"), entries);
    CHECK_THROWS_WITH_AS(xlsx::Workbook(dir.path("missing.xlsx")), doctest::Contains("xl/worksheets/sheet1.xml"),
                         xlsx::Error);
}

TEST_CASE("a worksheet is added with its part, relationship, content type and sheet entry") {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"A", ""}};
    test::write_book(dir.path("in.xlsx"), spec);
    {
        xlsx::Workbook wb(dir.path("in.xlsx"));
        CHECK_THROWS_AS(wb.add_worksheet("a"), xlsx::Error);   // names are case-insensitive
        CHECK_THROWS_AS(wb.add_worksheet("x/y"), xlsx::Error);
        xlsx::Worksheet& ws = wb.add_worksheet("Settings");
        xlsx::Cell c = xlsx::Cell::at({1, 1});
        wb.set_text(c, "Measure");
        ws.put(c);
        save(wb, dir.path("out.xlsx"));
    }
    xlsx::Workbook wb(dir.path("out.xlsx"));
    REQUIRE(wb.sheets().size() == 2);
    CHECK(wb.sheets()[1].name == "Settings");
    CHECK(wb.sheets()[1].sheet_id == 2);
    CHECK(wb.value_of(*wb.worksheet("Settings")->cell({1, 1})).text == "Measure");
}
