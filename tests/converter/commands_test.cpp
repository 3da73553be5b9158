#include "converter/commands.hpp"
#include "support.hpp"
#include "xlsx/workbook.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace {

int run(const converter::RefreshRequest& r, std::string& out, std::string& err) {
    std::ostringstream o, e;
    int rc = converter::refresh_command(r, o, e);
    out = o.str();
    err = e.str();
    return rc;
}
}  // namespace

TEST_CASE("refresh writes the output, leaves the input alone and says where the result is") {
    test::TempDir dir;
    test::write_asb_book(dir.path("book.xlsx"));
    std::string before = test::slurp(dir.path("book.xlsx")), out, err;
    converter::RefreshRequest r;
    r.inputs = {dir.path("book.xlsx")};
    CHECK(run(r, out, err) == 0);
    CHECK(test::slurp(dir.path("book.xlsx")) == before);
    CHECK(out.find("book-refreshed.xlsx") != std::string::npos);
    CHECK(out.find("Reduce ASB") != std::string::npos);
    CHECK(std::filesystem::exists(dir.path("book-refreshed.xlsx")));
}

TEST_CASE("dry run lists changes and writes nothing; --json prints JSON") {
    test::TempDir dir;
    test::write_asb_book(dir.path("book.xlsx"));
    converter::RefreshRequest r;
    r.inputs = {dir.path("book.xlsx")};
    r.dry_run = true;
    std::string out, err;
    CHECK(run(r, out, err) == 0);
    CHECK(out.find("S!B6: (empty) -> 864") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path("book-refreshed.xlsx")));
    r.json = true;
    CHECK(run(r, out, err) == 0);
    CHECK(out.rfind("{\"files\":[{", 0) == 0);
}

TEST_CASE("in place keeps a backup") {
    test::TempDir dir;
    test::write_asb_book(dir.path("book.xlsx"));
    std::string before = test::slurp(dir.path("book.xlsx")), out, err;
    converter::RefreshRequest r;
    r.inputs = {dir.path("book.xlsx")};
    r.in_place = true;
    CHECK(run(r, out, err) == 0);
    CHECK(test::slurp(dir.path("book.xlsx.bak")) == before);
    CHECK(test::slurp(dir.path("book.xlsx")) != before);
}

TEST_CASE("failures name the file, exit 1, write nothing and leave an existing output as it was") {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"S", test::rows_xml({{"Name", "Value"}})}};
    test::write_book(dir.path("plain.xlsx"), spec);
    { std::FILE* f = std::fopen(dir.path("junk.xlsx").c_str(), "wb"); std::fputs("not a zip", f); std::fclose(f); }
    { std::FILE* f = std::fopen(dir.path("out.xlsx").c_str(), "wb"); std::fputs("previous", f); std::fclose(f); }
    test::write_asb_book(dir.path("good.xlsx"));
    std::string out, err;
    converter::RefreshRequest r;
    r.inputs = {dir.path("plain.xlsx")};
    r.output = dir.path("out.xlsx");
    CHECK(run(r, out, err) == 1);
    CHECK(err.find("plain.xlsx: no scorecard found") != std::string::npos);
    CHECK(test::slurp(dir.path("out.xlsx")) == "previous");
    r.output.reset();
    r.out_dir = dir.path("outs");
    std::filesystem::create_directory(dir.path("outs"));
    r.inputs = {dir.path("junk.xlsx"), dir.path("good.xlsx")};
    CHECK(run(r, out, err) == 1);  // one failed, the other was still refreshed
    CHECK(err.find("junk.xlsx: the file is not a zip") != std::string::npos);
    CHECK(std::filesystem::exists(dir.path("outs/good.xlsx")));
    CHECK_FALSE(std::filesystem::exists(dir.path("outs/junk.xlsx")));
    int files = 0;
    for (auto& e : std::filesystem::directory_iterator(dir.path("outs"))) { (void)e; ++files; }
    CHECK(files == 1);  // no temporary file left behind
}

TEST_CASE("wrong usage exits 2") {
    std::string out, err;
    converter::RefreshRequest r;
    CHECK(run(r, out, err) == 2);
    r.inputs = {"a.xlsx", "b.xlsx"};
    r.output = "o.xlsx";
    CHECK(run(r, out, err) == 2);
}

TEST_CASE("inspect says what was found and where each setting came from") {
    test::TempDir dir;
    test::write_asb_book(dir.path("book.xlsx"));
    std::ostringstream out, err;
    CHECK(converter::inspect_command(dir.path("book.xlsx"), false, {}, out, err) == 0);
    CHECK(out.str().find("polarity: lower (inferred)") != std::string::npos);
    CHECK(out.str().find("annual target: 10,064 (inferred)") != std::string::npos);
    CHECK(out.str().find("tolerance: 15% percent (default)") != std::string::npos);
    std::ostringstream json;
    CHECK(converter::inspect_command(dir.path("book.xlsx"), true, {}, json, err) == 0);
    CHECK(json.str().find("\"source\":\"inferred\"") != std::string::npos);
}

TEST_CASE("doctor checks and rewrites") {
    test::TempDir dir;
    test::write_asb_book(dir.path("book.xlsx"));
    std::ostringstream out, err;
    CHECK(converter::doctor_command(dir.path("book.xlsx"), dir.path("copy.xlsx"), out, err) == 0);
    CHECK(test::slurp(dir.path("copy.xlsx")) == test::slurp(dir.path("book.xlsx")));
}

TEST_CASE("init adds a settings sheet with what was inferred; an existing one is extended, not overwritten") {
    test::TempDir dir;
    test::write_asb_book(dir.path("book.xlsx"));
    std::ostringstream out, err;
    REQUIRE(converter::init_command(dir.path("book.xlsx"), dir.path("init.xlsx"), {}, out, err) == 0);
    xlsx::Workbook wb(dir.path("init.xlsx"));
    xlsx::Worksheet* s = wb.worksheet("Scorecard Settings");
    REQUIRE(s);
    CHECK(wb.value_of(*s->cell({1, 1})).text == "Measure");
    CHECK(wb.value_of(*s->cell({2, 1})).text == "Reduce ASB");
    CHECK(wb.value_of(*s->cell({2, 2})).text == "Lower");
    CHECK(wb.value_of(*s->cell({2, 3})).number == 10064);
    CHECK(wb.value_of(*s->cell({1, 4})).text == "Target for");
    CHECK(wb.value_of(*s->cell({2, 5})).text == "15%");
    // Run again on its own output: the officer's row is kept, nothing is added.
    std::ostringstream again;
    REQUIRE(converter::init_command(dir.path("init.xlsx"), dir.path("init2.xlsx"), {}, again, err) == 0);
    CHECK(again.str().find("0 settings rows added") != std::string::npos);
    // And the settings now drive the refresh.
    std::ostringstream inspect;
    converter::inspect_command(dir.path("init2.xlsx"), false, {}, inspect, err);
    CHECK(inspect.str().find("polarity: lower (settings sheet)") != std::string::npos);
}
