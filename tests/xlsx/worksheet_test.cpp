#include "xlsx/error.hpp"
#include "xlsx/worksheet.hpp"

#include <doctest/doctest.h>

namespace {
const std::string kHead = R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="urn:main" xmlns:r="urn:r"><dimension ref="A1:C2"/><sheetData>)";
const std::string kTail = R"(</sheetData><pageMargins left="0.7"/></worksheet>)";
}  // namespace

TEST_CASE("cells are read with their style, type, formula and unknown parts") {
    std::string rows = R"(<row r="1" spans="1:3"><c r="A1" s="2"><v>1.5</v></c><c r="B1" t="s"><v>0</v></c>)"
                       R"(<c r="C1" cm="1"><f t="shared" ref="C1:C2" si="0">A1*2</f><v>3</v><extLst><ext uri="x"/></extLst></c></row>)"
                       R"(<row r="2"><c r="A2" t="inlineStr"><is><r><t>a &amp; </t></r><r><t>b</t></r><rPh><t>x</t></rPh></is></c></row>)";
    xlsx::Worksheet ws("sheet1.xml", kHead + rows + kTail);
    CHECK(ws.row_numbers() == std::vector<std::uint32_t>{1, 2});
    auto cells = ws.row_cells(1);
    REQUIRE(cells.size() == 3);
    CHECK(*cells[0].style == 2);
    CHECK(cells[0].value == "1.5");
    CHECK(cells[1].type == "s");
    CHECK(cells[2].formula == "A1*2");
    CHECK(cells[2].other_attributes == " cm=\"1\"");
    CHECK(cells[2].other_children == "<extLst><ext uri=\"x\"/></extLst>");
    CHECK(ws.cell({2, 1})->value == "a & b");
}

TEST_CASE("an untouched sheet serialises to the same bytes; edits touch only their rows") {
    std::string rows = R"(<row r="1"><c r="A1"><v>1</v></c></row>
<row r="3" ht="20" customHeight="1"><c r="B3" s="1"><v>7</v></c></row>)";
    xlsx::Worksheet ws("s.xml", kHead + rows + kTail);
    CHECK(ws.serialize() == kHead + rows + kTail);
    xlsx::Cell c = *ws.cell({3, 2});
    c.value = "8";
    ws.put(c);
    xlsx::Cell fresh = xlsx::Cell::at({2, 3});
    fresh.has_value = true;
    fresh.value = "5";
    ws.put(fresh);
    std::string out = ws.serialize();
    CHECK(out.find(R"(<row r="1"><c r="A1"><v>1</v></c></row>)") != std::string::npos);
    CHECK(out.find(R"(<row r="2"><c r="C2"><v>5</v></c></row>)") != std::string::npos);
    CHECK(out.find(R"(<row r="3" ht="20" customHeight="1"><c r="B3" s="1"><v>8</v></c></row>)") != std::string::npos);
    CHECK(out.find("<dimension ref=\"A1:C3\"/>") != std::string::npos);
    CHECK(out.find("<pageMargins left=\"0.7\"/>") != std::string::npos);
    CHECK(out.find("<row r=\"2\">") < out.find("<row r=\"3\""));
}

TEST_CASE("cells inserted in order; rows and cells without r keep their positions") {
    std::string rows = R"(<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>)";
    xlsx::Worksheet ws("s.xml", kHead + rows + kTail);
    CHECK(ws.cell({2, 1})->value == "3");
    CHECK(ws.cell({1, 2})->value == "2");
    xlsx::Cell c = xlsx::Cell::at({1, 4});
    c.has_value = true;
    c.value = "9";
    ws.put(c);
    xlsx::Worksheet again("s.xml", ws.serialize());
    CHECK(again.cell({1, 1})->value == "1");
    CHECK(again.cell({1, 2})->value == "2");
    CHECK(again.cell({1, 4})->value == "9");
    CHECK(again.cell({2, 1})->value == "3");
}

TEST_CASE("an empty self-closing sheetData and a prefixed namespace") {
    std::string text = R"(<x:worksheet xmlns:x="urn:main"><x:sheetData/></x:worksheet>)";
    xlsx::Worksheet ws("s.xml", text);
    xlsx::Cell c = xlsx::Cell::at({2, 2});
    c.has_value = true;
    c.type = "inlineStr";
    c.value = " Amber ";
    ws.put(c);
    std::string out = ws.serialize();
    CHECK(out.find(R"(<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve"> Amber </x:t></x:is></x:c></x:row>)") !=
          std::string::npos);
    xlsx::Worksheet again("s.xml", out);
    CHECK(again.cell({2, 2})->value == " Amber ");
}

TEST_CASE("damaged sheets are reported with the part name") {
    CHECK_THROWS_WITH_AS(xlsx::Worksheet("xl/worksheets/sheet1.xml", "<worksheet></worksheet>"),
                         doctest::Contains("xl/worksheets/sheet1.xml: the worksheet has no <sheetData>"), xlsx::Error);
    CHECK_THROWS_WITH_AS(xlsx::Worksheet("p", kHead + "<row r=\"0\"/>" + kTail), doctest::Contains("impossible"),
                         xlsx::Error);
    xlsx::Worksheet bad_ref("p", kHead + "<row r=\"1\"><c r=\"1A\"/></row>" + kTail);
    CHECK_THROWS_WITH_AS(bad_ref.row_cells(1), doctest::Contains("malformed reference"), xlsx::Error);
}

TEST_CASE("numbers are written as the shortest text that reads back the same") {
    CHECK(xlsx::format_number(549) == "549");
    CHECK(xlsx::format_number(0.1) == "0.1");
    CHECK(xlsx::format_number(3843.0000000000005) == "3843.0000000000005");
    CHECK(std::stod(xlsx::format_number(1.0 / 3)) == 1.0 / 3);
}

TEST_CASE("a sheet that was UTF-16 says UTF-8 when written back") {
    xlsx::Worksheet ws("s.xml", R"(<?xml version="1.0" encoding="UTF-16" standalone="yes"?><worksheet xmlns="urn:m"><sheetData/></worksheet>)");
    xlsx::Cell c = xlsx::Cell::at({1, 1});
    c.has_value = true;
    c.value = "1";
    ws.put(c);
    CHECK(ws.serialize().rfind(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)", 0) == 0);
}

TEST_CASE("a cell written outside a row's spans widens them") {
    xlsx::Worksheet ws("s.xml", kHead + R"(<row r="1" spans="2:3" x14ac:dyDescent="0.25"><c r="B1"><v>1</v></c></row>)" + kTail);
    xlsx::Cell c = xlsx::Cell::at({1, 16});
    c.has_value = true;
    c.value = "2";
    ws.put(c);
    CHECK(ws.serialize().find(R"(<row r="1" spans="2:16" x14ac:dyDescent="0.25">)") != std::string::npos);
}
