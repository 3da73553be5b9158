#include "xlsx/shared_strings.hpp"

#include <doctest/doctest.h>

TEST_CASE("shared strings: rich text joined, phonetic runs left out, new strings appended") {
    xlsx::SharedStrings sst("sst.xml", R"(<sst xmlns="urn:m" count="3" uniqueCount="2"><si><t>Red</t></si>)"
                                       R"(<si><r><t>Am</t></r><r><rPr/><t>ber</t></r><rPh><t>x</t></rPh></si></sst>)");
    REQUIRE(sst.size() == 2);
    CHECK(*sst.at(1) == "Amber");
    CHECK(sst.at(2) == nullptr);
    CHECK(sst.intern("Red") == 0);
    CHECK(sst.intern("Green") == 2);
    sst.count_reference();
    std::string out = sst.serialize();
    CHECK(out.find(R"(uniqueCount="3")") != std::string::npos);
    CHECK(out.find(R"(count="4")") != std::string::npos);
    CHECK(out.find("<si><t>Green</t></si></sst>") != std::string::npos);
    CHECK(*sst.declared_unique_count() == 3);
}
