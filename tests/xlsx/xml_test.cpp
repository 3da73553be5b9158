#include "xlsx/error.hpp"
#include "xlsx/xml.hpp"

#include <doctest/doctest.h>

TEST_CASE("DOCTYPE and ENTITY declarations are refused, never expanded") {
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]><sst>&lol;</sst>";
    CHECK_THROWS_WITH_AS(xlsx::xml_text_utf8("xl/sharedStrings.xml", bomb),
                         doctest::Contains("xl/sharedStrings.xml: line 2"), xlsx::Error);
}

TEST_CASE("UTF-16 parts are read as UTF-8") {
    std::string le = std::string("\xFF\xFE", 2);
    const char16_t text[] = u"<a>\u00e9</a>";
    for (char16_t c : std::u16string(text)) {
        le.push_back(static_cast<char>(c & 0xFF));
        le.push_back(static_cast<char>(c >> 8));
    }
    CHECK(xlsx::xml_text_utf8("p", le) == "<a>\xC3\xA9</a>");
    std::string be;  // big endian without a BOM
    for (char16_t c : std::u16string(text)) {
        be.push_back(static_cast<char>(c >> 8));
        be.push_back(static_cast<char>(c & 0xFF));
    }
    CHECK(xlsx::xml_text_utf8("p", be) == "<a>\xC3\xA9</a>");
    CHECK(xlsx::xml_text_utf8("p", "\xEF\xBB\xBF<a/>") == "<a/>");
}

TEST_CASE("malformed XML is reported with the part and the line") {
    pugi::xml_document doc;
    CHECK_THROWS_WITH_AS(xlsx::parse_xml("xl/workbook.xml", "<a>\n<b>\n</a>", doc), doctest::Contains("xl/workbook.xml: line"),
                         xlsx::Error);
    CHECK_THROWS_WITH_AS(xlsx::parse_xml("p", "<?xml version=\"1.0\"?>\nfoo\n<a/>", doc),
                         doctest::Contains("line 2: the XML is malformed (text before the root element)"), xlsx::Error);
    CHECK_THROWS_AS(xlsx::parse_xml("p", "<a/>trailing", doc), xlsx::Error);
}

TEST_CASE("serialisation keeps namespaces, unknown elements and preserved spaces") {
    std::string text = R"(<?xml version="1.0" encoding="UTF-16" standalone="yes"?>)"
                       R"(<x:a xmlns:x="urn:x" xmlns:mc="urn:mc" mc:Ignorable="x14ac" xmlns:x14ac="urn:ac">)"
                       R"(<x:unknown q="1"><!--note--><x:t xml:space="preserve">  two  </x:t><x:t xml:space="preserve"> </x:t></x:unknown></x:a>)";
    pugi::xml_document doc;
    xlsx::parse_xml("p", text, doc);
    std::string out = xlsx::serialize_xml(doc);
    CHECK(out.find("encoding=\"UTF-8\"") != std::string::npos);
    CHECK(out.find("xmlns:x14ac=\"urn:ac\"") != std::string::npos);
    CHECK(out.find("mc:Ignorable=\"x14ac\"") != std::string::npos);
    CHECK(out.find("<!--note-->") != std::string::npos);
    CHECK(out.find(">  two  <") != std::string::npos);
    CHECK(out.find("\"preserve\"> </x:t>") != std::string::npos);
}

TEST_CASE("no declaration is added to a part that had none") {
    pugi::xml_document doc;
    xlsx::parse_xml("p", "<a b=\"1\"/>", doc);
    CHECK(xlsx::serialize_xml(doc).rfind("<a", 0) == 0);
}

TEST_CASE("escaping and unescaping") {
    CHECK(xlsx::escape_xml("a<b&\"c\">") == "a&lt;b&amp;&quot;c&quot;&gt;");
    CHECK(xlsx::unescape_xml("&lt;&amp;&#65;&#x42;&apos;&quot;&gt;") == "<&AB'\">");
    CHECK(xlsx::unescape_xml("&unknown; & x") == "&unknown; & x");
}

TEST_CASE("the scanner reads tags, attributes with '>' inside quotes, and comments") {
    std::string text = R"(<row r="2" x='a>b'><c r="A2"/><!-- <c> --><c r="B2"><v>1</v></c></row>)";
    xlsx::XmlScanner scan(text, 0, text.size());
    xlsx::XmlToken t;
    REQUIRE(scan.next(t));
    CHECK(t.kind == xlsx::XmlToken::start_tag);
    CHECK(t.name == "row");
    std::string x;
    xlsx::for_each_attribute(t.attrs, [&](std::string_view n, std::string_view v) { if (n == "x") x = v; });
    CHECK(x == "a>b");
    REQUIRE(scan.next(t));
    CHECK(t.self_closing);
    REQUIRE(scan.next(t));
    CHECK(t.kind == xlsx::XmlToken::other);
    std::string unterminated = "<row r=\"1\"";
    xlsx::XmlScanner bad(unterminated, 0, unterminated.size());
    CHECK_THROWS_AS(bad.next(t), xlsx::Error);
}
