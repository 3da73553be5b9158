#pragma once
// XML helpers shared by the part readers: safe parsing into pugixml documents,
// serialisation that keeps what was read, a small tokenizer for the large
// sheetData section (which is never turned into a DOM), and escaping.
#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace xlsx {

// Converts a part's bytes to UTF-8 (UTF-16 with or without BOM is detected;
// a UTF-8 BOM is dropped) and refuses DOCTYPE and ENTITY declarations, which
// OOXML never needs and which carry entity-expansion attacks. Throws Error
// naming `part`.
std::string xml_text_utf8(const std::string& part, std::string bytes);

// Parses `text` (UTF-8, already checked by xml_text_utf8) keeping comments,
// processing instructions, the declaration and whitespace-only text. Throws
// Error naming `part` and the line of the first problem.
void parse_xml(const std::string& part, const std::string& text, pugi::xml_document& doc);

// Rewrites an XML declaration's encoding to UTF-8 (the text already is UTF-8,
// converted by xml_text_utf8, and is written back so).
void declare_utf8(std::string& text);

// Throws Error naming `part` when text stands before or after the root
// element (pugixml would silently drop it).
void check_outside_root(const std::string& part, const std::string& text);

// Serialises `doc` as UTF-8 without adding indentation; the declaration, if
// any, is rewritten to say UTF-8.
std::string serialize_xml(pugi::xml_document& doc);

// The name without its namespace prefix ("x:row" -> "row").
std::string_view local_name(std::string_view qualified);
// The prefix with its colon ("x:row" -> "x:", "row" -> "").
std::string_view name_prefix(std::string_view qualified);
// First child element of `node` whose local name is `name`.
pugi::xml_node child_local(pugi::xml_node node, std::string_view name);
// Attribute by local name (so both `r:id` and `id` style lookups work).
pugi::xml_attribute attribute_local(pugi::xml_node node, std::string_view name);

// Escapes text for element content or attribute values.
std::string escape_xml(std::string_view text);
// Decodes the five predefined entities and numeric character references.
std::string unescape_xml(std::string_view raw);

// A forward-only tokenizer over well-formed XML text. Used on sheetData, whose
// size makes a DOM too expensive; spans index into the scanned text.
struct XmlToken {
    enum Kind { start_tag, end_tag, text, other, end } kind = end;
    std::string_view name;   // qualified tag name, for start_tag / end_tag
    std::string_view attrs;  // raw attribute text of a start tag
    bool self_closing = false;
    std::size_t begin = 0;   // offset of the first byte of the token
    std::size_t finish = 0;  // offset just past the token
};

class XmlScanner {
public:
    XmlScanner(std::string_view text, std::size_t from, std::size_t to) : text_(text), pos_(from), to_(to) {}
    // Reads the next token; returns false (kind end) at `to`. Throws Error on
    // an unterminated tag.
    bool next(XmlToken& token);
    std::size_t position() const { return pos_; }

private:
    std::string_view text_;
    std::size_t pos_, to_;
};

// Calls fn(name, raw_value) for each attribute in a start tag's raw attribute text.
template <class Fn>
void for_each_attribute(std::string_view attrs, Fn&& fn) {
    std::size_t i = 0, n = attrs.size();
    while (i < n) {
        while (i < n && (attrs[i] == ' ' || attrs[i] == '\t' || attrs[i] == '\n' || attrs[i] == '\r')) ++i;
        std::size_t name_start = i;
        while (i < n && attrs[i] != '=' && attrs[i] != ' ' && attrs[i] != '\t' && attrs[i] != '\n' && attrs[i] != '\r') ++i;
        std::string_view name = attrs.substr(name_start, i - name_start);
        while (i < n && attrs[i] != '=') ++i;
        if (i >= n) return;
        ++i;
        while (i < n && attrs[i] != '"' && attrs[i] != '\'') ++i;
        if (i >= n) return;
        char quote = attrs[i++];
        std::size_t value_start = i;
        while (i < n && attrs[i] != quote) ++i;
        fn(name, attrs.substr(value_start, i - value_start));
        ++i;
    }
}

}  // namespace xlsx
