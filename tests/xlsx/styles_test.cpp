#include "xlsx/styles.hpp"

#include <doctest/doctest.h>

namespace {
const std::string kStyles =
    R"(<styleSheet xmlns="urn:main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>)"
    R"(<fonts count="1"><font/></fonts><cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0"/>)"
    R"(<xf numFmtId="3" fontId="0" fillId="2"><alignment horizontal="center"/></xf></cellXfs><extLst/></styleSheet>)";
}

TEST_CASE("number formats are classified") {
    xlsx::Styles s("styles.xml", kStyles);
    CHECK(s.number_format(0) == "General");
    CHECK(s.is_percent(1));
    CHECK_FALSE(s.is_percent(2));
    CHECK(xlsx::format_code_is_percent("0%"));
    CHECK_FALSE(xlsx::format_code_is_percent("0\"%\""));
    CHECK(xlsx::format_code_is_date("mmm-yy"));
    CHECK(xlsx::format_code_is_date("[$-809]dd/mm/yyyy"));
    CHECK_FALSE(xlsx::format_code_is_date("#,##0"));
    CHECK_FALSE(xlsx::format_code_is_date("[Red]0.00"));
}

TEST_CASE("a number format change adds one xf copying the old one; indices never move") {
    xlsx::Styles s("styles.xml", kStyles);
    std::uint32_t xf = s.with_number_format(2, "0%");
    CHECK(xf == 3);
    CHECK(s.number_format(3) == "0%");
    CHECK(s.with_number_format(2, "0%") == 3);  // reused, not duplicated
    std::string out = s.serialize();
    CHECK(out.find(R"(<cellXfs count="4">)") != std::string::npos);
    CHECK(out.find(R"(<xf numFmtId="9" fontId="0" fillId="2" applyNumberFormat="1"><alignment horizontal="center"/></xf>)") !=
          std::string::npos);
    CHECK(s.with_number_format(1, "0.0%") == 1);  // already that format: unchanged
    CHECK(s.with_number_format(0, "0.0%") == 4);
}

TEST_CASE("dxfs are added in schema order and reused") {
    xlsx::Styles s("styles.xml", kStyles);
    std::uint32_t red = s.intern_dxf({"FF9C0006", "FFFFC7CE"});
    CHECK(red == 0);
    CHECK(s.intern_dxf({"FF006100", "FFC6EFCE"}) == 1);
    CHECK(s.intern_dxf({"FF9C0006", "FFFFC7CE"}) == 0);
    std::string out = s.serialize();
    CHECK(out.find("<dxfs count=\"2\">") < out.find("<extLst/>"));
    CHECK(out.find("</cellXfs>") < out.find("<dxfs"));
}
