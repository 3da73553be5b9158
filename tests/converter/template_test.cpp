#include "converter/template.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

TEST_CASE("templates: values escaped, raw values, lists, flags, inverted sections") {
    converter::TemplateData d;
    d.text["title"] = "<b>&";
    d.text["svg"] = "<svg/>";
    d.flags["shown"] = true;
    converter::TemplateData a, b;
    a.text["name"] = "one";
    b.text["name"] = "two";
    d.lists["items"] = {a, b};
    std::string out = converter::render_template(
        "t", "{{title}}|{{{svg}}}|{{#items}}[{{name}}/{{title}}]{{/items}}|{{#shown}}yes{{/shown}}|{{^empty}}none{{/empty}}|{{missing}}",
        d, converter::escape_html);
    CHECK(out == "&lt;b&gt;&amp;|<svg/>|[one/&lt;b&gt;&amp;][two/&lt;b&gt;&amp;]|yes|none|");
    CHECK_THROWS_AS(converter::render_template("t", "{{#items}}open", d, converter::escape_html), std::runtime_error);
}

TEST_CASE("phrases and their placeholders") {
    auto p = converter::read_phrases("# comment\nchange.down: a reduction of {percent} ({difference})\r\nempty line\n");
    REQUIRE(p.count("change.down"));
    CHECK(converter::fill_phrase(p["change.down"], {{"percent", "7%"}, {"difference", "-186"}}) ==
          "a reduction of 7% (-186)");
    CHECK(converter::fill_phrase("{unknown} stays", {}) == "{unknown} stays");
}

TEST_CASE("markdown escaping keeps table cells intact") {
    CHECK(converter::escape_markdown("a|b*c\nd") == "a\\|b\\*c d");
}
