#include "support.hpp"
#include "xlsx/package_check.hpp"

#include <doctest/doctest.h>

TEST_CASE("a healthy package has no problems; each kind of damage is named") {
    test::TempDir dir;
    test::BookSpec spec;
    spec.sheets = {{"A", R"(<row r="1"><c r="A1"><v>1</v></c></row>)"}};
    test::write_book(dir.path("ok.xlsx"), spec);
    CHECK(xlsx::check_package(dir.path("ok.xlsx")).empty());

    auto entries = test::read_zip(dir.path("ok.xlsx"));
    auto with = [&](const std::string& name, const std::string& content) {
        auto copy = entries;
        bool found = false;
        for (auto& e : copy)
            if (e.first == name) { e.second = content; found = true; }
        if (!found) copy.emplace_back(name, content);
        std::string path = dir.path("case.xlsx");
        test::write_zip(path, copy);
        auto problems = xlsx::check_package(path);
        std::string all;
        for (auto& p : problems) all += p.part + " " + p.message + "\n";
        return all;
    };
    CHECK(with("xl/styles.xml", "<styleSheet>").find("xl/styles.xml: line") != std::string::npos);
    CHECK(with("xl/media/image1.png", "png").find("no content type") != std::string::npos);
    CHECK(with("xl/worksheets/_rels/sheet1.xml.rels",
               R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="../drawings/drawing1.xml"/></Relationships>)")
              .find("xl/drawings/drawing1.xml, which is missing") != std::string::npos);
    CHECK(with("xl/worksheets/_rels/sheet1.xml.rels",
               R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="mailto:one@" TargetMode="External"/></Relationships>)")
              .find("malformed link target") != std::string::npos);
}
