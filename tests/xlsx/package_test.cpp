#include "support.hpp"
#include "xlsx/error.hpp"
#include "xlsx/package.hpp"
#include "xlsx/workbook.hpp"

#include <doctest/doctest.h>

TEST_CASE("parts are found case-insensitively and added, replaced and removed in order") {
    test::TempDir dir;
    test::write_zip(dir.path("p.zip"), {{"[Content_Types].xml", "<T/>"}, {"XL/Workbook.xml", "<w/>"}, {"c.xml", "<c/>"}});
    xlsx::Package p(dir.path("p.zip"));
    CHECK(p.has_part("/xl/workbook.xml"));
    CHECK(p.read_part("xl/WORKBOOK.xml") == "<w/>");
    CHECK_THROWS_WITH_AS(p.read_part("nope.xml"), doctest::Contains("nope.xml: this part is missing"), xlsx::Error);
    p.set_part("xl/workbook.xml", "<w2/>");
    p.set_part("new.xml", "<n/>");
    p.remove_part("c.xml");
    CHECK(p.part_names() == std::vector<std::string>{"[Content_Types].xml", "XL/Workbook.xml", "new.xml"});
    xlsx::write_file_atomically(dir.path("out.zip"), [&](std::FILE* f) { p.save(f); });
    auto out = test::read_zip(dir.path("out.zip"));
    REQUIRE(out.size() == 3);
    CHECK(out[1] == std::make_pair(std::string("XL/Workbook.xml"), std::string("<w2/>")));
    CHECK(out[2].second == "<n/>");
}
