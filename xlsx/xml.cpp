#include "xlsx/xml.hpp"

#include "xlsx/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <sstream>

namespace xlsx {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
    else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string utf16_to_utf8(std::string_view in, bool big_endian) {
    std::string out;
    out.reserve(in.size() / 2);
    auto unit = [&](std::size_t i) -> std::uint32_t {
        auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
        return big_endian ? (a << 8 | b) : (b << 8 | a);
    };
    for (std::size_t i = 0; i + 1 < in.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < in.size()) {
            std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        append_utf8(out, cp);
    }
    return out;
}

std::size_t line_of(const std::string& text, std::ptrdiff_t offset) {
    auto end = text.begin() + std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text.size()));
    return 1 + static_cast<std::size_t>(std::count(text.begin(), end, '\n'));
}

}  // namespace

std::string xml_text_utf8(const std::string& part, std::string bytes) {
    auto b = [&](std::size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0u; };
    if (b(0) == 0xFF && b(1) == 0xFE) bytes = utf16_to_utf8(std::string_view(bytes).substr(2), false);
    else if (b(0) == 0xFE && b(1) == 0xFF) bytes = utf16_to_utf8(std::string_view(bytes).substr(2), true);
    else if (b(0) == '<' && b(1) == 0 && b(2) != 0) bytes = utf16_to_utf8(bytes, false);
    else if (b(0) == 0 && b(1) == '<') bytes = utf16_to_utf8(bytes, true);
    else if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) bytes.erase(0, 3);
    for (const char* bad : {"<!DOCTYPE", "<!ENTITY"}) {
        std::size_t at = bytes.find(bad);
        if (at != std::string::npos)
            throw Error(part, fmt::format("line {}: the XML contains a {} declaration, which a workbook never needs "
                                          "and which can hide an entity-expansion attack; refusing the file",
                                          line_of(bytes, static_cast<std::ptrdiff_t>(at)), bad + 2));
    }
    return bytes;
}

void declare_utf8(std::string& text) {
    if (!text.starts_with("<?xml")) return;
    std::size_t end = text.find("?>");
    std::size_t at = text.find("encoding=", 0);
    if (end == std::string::npos || at == std::string::npos || at > end || at + 10 > end) return;
    char quote = text[at + 9];
    std::size_t close = text.find(quote, at + 10);
    if (close == std::string::npos || close > end) return;
    text.replace(at + 10, close - at - 10, "UTF-8");
}

void check_outside_root(const std::string& part, const std::string& text) {
    XmlScanner scan(text, 0, text.size());
    XmlToken t;
    while (scan.next(t) && t.kind != XmlToken::start_tag) {
        std::string_view raw(text.data() + t.begin, t.finish - t.begin);
        if (t.kind == XmlToken::text && raw.find_first_not_of(" \t\r\n") != std::string_view::npos)
            throw Error(part, fmt::format("line {}: the XML is malformed (text before the root element)",
                                          line_of(text, static_cast<std::ptrdiff_t>(
                                                            t.begin + raw.find_first_not_of(" \t\r\n")))));
    }
    std::size_t last = text.find_last_of('>');
    if (last != std::string::npos && text.find_first_not_of(" \t\r\n", last + 1) != std::string::npos)
        throw Error(part, fmt::format("line {}: the XML is malformed (text after the root element)",
                                      line_of(text, static_cast<std::ptrdiff_t>(last + 1))));
}

void parse_xml(const std::string& part, const std::string& text, pugi::xml_document& doc) {
    check_outside_root(part, text);
    unsigned options = pugi::parse_default | pugi::parse_declaration | pugi::parse_comments | pugi::parse_pi |
                       pugi::parse_ws_pcdata_single;
    pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
    if (!result)
        throw Error(part, fmt::format("line {}: the XML is malformed ({})", line_of(text, result.offset),
                                      result.description()));
    if (!doc.document_element()) throw Error(part, "the XML part has no root element");
    // pugixml tolerates text and extra elements around the root; XML does not.
    int elements = 0;
    for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_element) ++elements;
        bool stray_text = (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) &&
                          std::string_view(n.value()).find_first_not_of(" \t\r\n") != std::string_view::npos;
        if (stray_text || elements > 1)
            throw Error(part, fmt::format("line {}: the XML is malformed ({} outside the root element)",
                                          line_of(text, n.offset_debug()), stray_text ? "text" : "a second element"));
    }
}

std::string serialize_xml(pugi::xml_document& doc) {
    bool declared = false;
    for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling())
        if (n.type() == pugi::node_declaration) {
            declared = true;
            if (n.attribute("encoding")) n.attribute("encoding").set_value("UTF-8");
        }
    // Without a declaration in the part, none is added: the output stays as close to the input as it can.
    unsigned flags = pugi::format_raw | (declared ? 0u : pugi::format_no_declaration);
    std::ostringstream out;
    doc.save(out, "", flags, pugi::encoding_utf8);
    return std::move(out).str();
}

std::string_view local_name(std::string_view qualified) {
    std::size_t colon = qualified.find(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view name_prefix(std::string_view qualified) {
    std::size_t colon = qualified.find(':');
    return colon == std::string_view::npos ? std::string_view() : qualified.substr(0, colon + 1);
}

pugi::xml_node child_local(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
    return {};
}

pugi::xml_attribute attribute_local(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
        if (local_name(a.name()) == name) return a;
    return {};
}

std::string escape_xml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string unescape_xml(std::string_view raw) {
    if (raw.find('&') == std::string_view::npos) return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') { out.push_back(raw[i]); continue; }
        std::size_t semi = raw.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12) { out.push_back('&'); continue; }
        std::string_view ent = raw.substr(i + 1, semi - i - 1);
        if (ent == "amp") out.push_back('&');
        else if (ent == "lt") out.push_back('<');
        else if (ent == "gt") out.push_back('>');
        else if (ent == "quot") out.push_back('"');
        else if (ent == "apos") out.push_back('\'');
        else if (!ent.empty() && ent[0] == '#') {
            std::uint32_t cp = 0;
            bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
            for (char c : ent.substr(hex ? 2 : 1)) {
                int d = (c >= '0' && c <= '9') ? c - '0' : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
                if (d < 0) break;
                cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
                if (cp > 0x10FFFF) break;
            }
            append_utf8(out, std::min<std::uint32_t>(cp, 0x10FFFF));
        } else {
            out.append(raw.substr(i, semi - i + 1));
        }
        i = semi;
    }
    return out;
}

bool XmlScanner::next(XmlToken& t) {
    if (pos_ >= to_) { t.kind = XmlToken::end; return false; }
    t.begin = pos_;
    t.self_closing = false;
    if (text_[pos_] != '<') {
        std::size_t lt = text_.find('<', pos_);
        pos_ = (lt == std::string_view::npos || lt > to_) ? to_ : lt;
        t.kind = XmlToken::text;
        t.finish = pos_;
        return true;
    }
    auto fail = [&] { throw Error("", fmt::format("unterminated XML tag at byte {}", t.begin)); };
    std::string_view rest = text_.substr(pos_, to_ - pos_);
    auto skip_to = [&](std::string_view close) {
        std::size_t at = rest.find(close);
        if (at == std::string_view::npos) fail();
        pos_ += at + close.size();
        t.kind = XmlToken::other;
        t.finish = pos_;
        return true;
    };
    if (rest.starts_with("<!--")) return skip_to("-->");
    if (rest.starts_with("<![CDATA[")) {
        skip_to("]]>");
        t.kind = XmlToken::text;
        return true;
    }
    if (rest.starts_with("<?")) return skip_to("?>");
    bool closing = rest.size() > 1 && rest[1] == '/';
    std::size_t i = closing ? 2 : 1;
    std::size_t name_start = i;
    while (i < rest.size() && rest[i] != ' ' && rest[i] != '>' && rest[i] != '/' && rest[i] != '\t' &&
           rest[i] != '\n' && rest[i] != '\r')
        ++i;
    t.name = rest.substr(name_start, i - name_start);
    std::size_t attrs_start = i;
    char quote = 0;
    while (i < rest.size()) {
        char c = rest[i];
        if (quote) { if (c == quote) quote = 0; }
        else if (c == '"' || c == '\'') quote = c;
        else if (c == '>') break;
        ++i;
    }
    if (i >= rest.size()) fail();
    std::size_t attrs_end = i;
    if (!closing && attrs_end > attrs_start && rest[attrs_end - 1] == '/') {
        t.self_closing = true;
        --attrs_end;
    }
    t.attrs = rest.substr(attrs_start, attrs_end - attrs_start);
    t.kind = closing ? XmlToken::end_tag : XmlToken::start_tag;
    pos_ += i + 1;
    t.finish = pos_;
    return true;
}

}  // namespace xlsx
