#include "xlsx/conditional_formats.hpp"

#include <doctest/doctest.h>

namespace {
xlsx::ConditionalFormat words(const std::string& sqref) {
    return {sqref, {{"cellIs", "equal", "", {"\"Red\""}, 0, false}}};
}
}  // namespace

TEST_CASE("new blocks go after existing ones and before dataValidations; x14 priorities counted") {
    xlsx::Worksheet ws("s.xml",
                       R"(<worksheet xmlns="urn:m" xmlns:x14="urn:x14"><sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>)"
                       R"(<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="4" priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting>)"
                       R"(<dataValidations count="0"/><pageMargins/><extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting>)"
                       R"(<x14:cfRule type="dataBar" priority="7"/></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>)");
    xlsx::put_conditional_format(ws, words("B2:B9"), [](const auto&) { return false; });
    std::string out = ws.serialize();
    auto first = out.find("<conditionalFormatting sqref=\"A1\">");
    auto added = out.find("<conditionalFormatting sqref=\"B2:B9\">");
    CHECK(first < added);
    CHECK(added < out.find("<dataValidations"));
    CHECK(out.find("priority=\"8\"") != std::string::npos);
    CHECK(out.find("x14:cfRule type=\"dataBar\" priority=\"7\"") != std::string::npos);
}

TEST_CASE("a sheet without conditional formats gets one before the first later element") {
    xlsx::Worksheet ws("s.xml", R"(<worksheet xmlns="urn:m"><sheetData/><hyperlinks/><drawing/></worksheet>)");
    xlsx::put_conditional_format(ws, words("C3"), [](const auto&) { return false; });
    std::string out = ws.serialize();
    CHECK(out.find("<conditionalFormatting") < out.find("<hyperlinks"));
    CHECK(out.find("</sheetData>") < out.find("<conditionalFormatting"));
}

TEST_CASE("replacing the tool's own block does not pile up duplicates") {
    xlsx::Worksheet ws("s.xml", R"(<worksheet xmlns="urn:m"><sheetData/></worksheet>)");
    auto ours = [](const xlsx::ConditionalFormat& f) { return f.rules.size() == 1 && f.rules[0].type == "cellIs"; };
    xlsx::put_conditional_format(ws, words("C3:C9"), ours);
    xlsx::put_conditional_format(ws, words("C3:C9"), ours);
    auto blocks = xlsx::read_conditional_formats(ws);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].rules[0].formulas[0] == "\"Red\"");
}
