#include "xlsx/styles.hpp"

#include "xlsx/xml.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdlib>
#include <sstream>

namespace xlsx {
namespace {

// CT_Stylesheet child order; new sections are inserted where the schema says.
constexpr std::array<const char*, 12> kSectionOrder = {"numFmts", "fonts", "fills", "borders", "cellStyleXfs",
                                                       "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors",
                                                       "extLst", ""};

std::size_t section_rank(std::string_view name) {
    for (std::size_t i = 0; i + 1 < kSectionOrder.size(); ++i)
        if (name == kSectionOrder[i]) return i;
    return kSectionOrder.size();
}

// The format code with quoted strings, escaped characters and bracketed
// sections removed, so that only the format's own tokens remain.
std::string bare_code(const std::string& code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') { while (++i < code.size() && code[i] != '"') {} }
        else if (c == '\\' || c == '_' || c == '*') ++i;
        else if (c == '[') { while (i < code.size() && code[i] != ']') ++i; }
        else out.push_back(c);
    }
    return out;
}

void update_count(pugi::xml_node section) {
    std::size_t n = 0;
    for (pugi::xml_node c : section.children())
        if (c.type() == pugi::node_element) ++n;
    if (pugi::xml_attribute count = section.attribute("count")) count.set_value(static_cast<unsigned long long>(n));
}

std::string node_xml(pugi::xml_node node) {
    std::ostringstream out;
    node.print(out, "", pugi::format_raw);
    return std::move(out).str();
}

}  // namespace

std::string builtin_number_format(std::uint32_t id) {
    switch (id) {
        case 0: return "General";
        case 1: return "0";
        case 2: return "0.00";
        case 3: return "#,##0";
        case 4: return "#,##0.00";
        case 9: return "0%";
        case 10: return "0.00%";
        case 11: return "0.00E+00";
        case 12: return "# ?/?";
        case 13: return "# ?\?/?\?";
        case 14: return "mm-dd-yy";
        case 15: return "d-mmm-yy";
        case 16: return "d-mmm";
        case 17: return "mmm-yy";
        case 18: return "h:mm AM/PM";
        case 19: return "h:mm:ss AM/PM";
        case 20: return "h:mm";
        case 21: return "h:mm:ss";
        case 22: return "m/d/yy h:mm";
        case 37: return "#,##0 ;(#,##0)";
        case 38: return "#,##0 ;[Red](#,##0)";
        case 39: return "#,##0.00;(#,##0.00)";
        case 40: return "#,##0.00;[Red](#,##0.00)";
        case 45: return "mm:ss";
        case 46: return "[h]:mm:ss";
        case 47: return "mmss.0";
        case 48: return "##0.0E+0";
        case 49: return "@";
        default: return {};
    }
}

bool format_code_is_percent(const std::string& code) { return bare_code(code).find('%') != std::string::npos; }

bool format_code_is_date(const std::string& code) {
    std::string bare = bare_code(code);
    for (char c : bare) {
        char l = static_cast<char>(c | 0x20);
        if (l == 'd' || l == 'm' || l == 'y') return true;
    }
    return false;
}

Styles::Styles() {
    // What Excel itself writes for a workbook with no formatting: cell format 0
    // must stay the plain default, since cells without a style use it.
    doc_.load_string(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        "</styleSheet>");
}

Styles::Styles(const std::string& part, const std::string& text) {
    parse_xml(part, text, doc_);
    prefix_ = name_prefix(doc_.document_element().name());
    if (pugi::xml_node fmts = section("numFmts", false))
        for (pugi::xml_node f : fmts.children())
            if (local_name(f.name()) == "numFmt")
                custom_formats_[f.attribute("numFmtId").as_uint()] = f.attribute("formatCode").value();
}

pugi::xml_node Styles::section(const char* name, bool create) {
    pugi::xml_node root = doc_.document_element();
    if (pugi::xml_node n = child_local(root, name)) return n;
    if (!create) return {};
    std::size_t rank = section_rank(name);
    pugi::xml_node before;
    for (pugi::xml_node c : root.children())
        if (c.type() == pugi::node_element && section_rank(local_name(c.name())) > rank) { before = c; break; }
    std::string tag = prefix_ + name;
    pugi::xml_node n = before ? root.insert_child_before(tag.c_str(), before) : root.append_child(tag.c_str());
    n.append_attribute("count").set_value(0);
    modified_ = true;
    return n;
}

static pugi::xml_node nth_xf(pugi::xml_node cell_xfs, std::uint32_t index) {
    std::uint32_t i = 0;
    for (pugi::xml_node c : cell_xfs.children())
        if (c.type() == pugi::node_element && i++ == index) return c;
    return {};
}

std::string Styles::number_format(std::uint32_t xf) const {
    pugi::xml_node cell_xfs = child_local(doc_.document_element(), "cellXfs");
    pugi::xml_node node = nth_xf(cell_xfs, xf);
    std::uint32_t id = node ? node.attribute("numFmtId").as_uint() : 0;
    if (auto it = custom_formats_.find(id); it != custom_formats_.end()) return it->second;
    std::string code = builtin_number_format(id);
    return code.empty() ? "General" : code;
}

bool Styles::is_percent(std::uint32_t xf) const { return format_code_is_percent(number_format(xf)); }
bool Styles::is_date(std::uint32_t xf) const {
    std::string code = number_format(xf);
    return code != "General" && format_code_is_date(code);
}

std::uint32_t Styles::number_format_id(const std::string& code) {
    for (std::uint32_t id = 0; id < 50; ++id)
        if (builtin_number_format(id) == code) return id;
    for (const auto& [id, c] : custom_formats_)
        if (c == code) return id;
    std::uint32_t id = 164;
    while (custom_formats_.count(id)) ++id;
    pugi::xml_node fmts = section("numFmts", true);
    pugi::xml_node f = fmts.append_child((prefix_ + "numFmt").c_str());
    f.append_attribute("numFmtId").set_value(id);
    f.append_attribute("formatCode").set_value(code.c_str());
    update_count(fmts);
    custom_formats_[id] = code;
    modified_ = true;
    return id;
}

std::uint32_t Styles::with_number_format(std::uint32_t xf, const std::string& code) {
    pugi::xml_node cell_xfs = section("cellXfs", true);
    std::uint32_t id = number_format_id(code);
    pugi::xml_node base = nth_xf(cell_xfs, xf);
    if (base && base.attribute("numFmtId").as_uint() == id) return xf;
    pugi::xml_document scratch;
    pugi::xml_node wanted = base ? scratch.append_copy(base) : scratch.append_child((prefix_ + "xf").c_str());
    auto set = [&](const char* name, const char* value) {
        pugi::xml_attribute a = wanted.attribute(name);
        if (!a) a = wanted.append_attribute(name);
        a.set_value(value);
    };
    set("numFmtId", std::to_string(id).c_str());
    set("applyNumberFormat", "1");
    std::string wanted_xml = node_xml(wanted);
    std::uint32_t index = 0;
    for (pugi::xml_node c : cell_xfs.children()) {
        if (c.type() != pugi::node_element) continue;
        if (node_xml(c) == wanted_xml) return index;
        ++index;
    }
    cell_xfs.append_copy(wanted);
    update_count(cell_xfs);
    modified_ = true;
    return index;
}

std::uint32_t Styles::intern_dxf(const Dxf& dxf) {
    pugi::xml_document scratch;
    pugi::xml_node d = scratch.append_child((prefix_ + "dxf").c_str());
    d.append_child((prefix_ + "font").c_str()).append_child((prefix_ + "color").c_str())
        .append_attribute("rgb").set_value(dxf.font_argb.c_str());
    d.append_child((prefix_ + "fill").c_str()).append_child((prefix_ + "patternFill").c_str())
        .append_child((prefix_ + "bgColor").c_str()).append_attribute("rgb").set_value(dxf.fill_argb.c_str());
    std::string wanted = node_xml(d);
    pugi::xml_node dxfs = section("dxfs", false);
    std::uint32_t index = 0;
    if (dxfs)
        for (pugi::xml_node c : dxfs.children()) {
            if (c.type() != pugi::node_element) continue;
            if (node_xml(c) == wanted) return index;
            ++index;
        }
    dxfs = section("dxfs", true);
    dxfs.append_copy(d);
    update_count(dxfs);
    modified_ = true;
    return index;
}

std::string Styles::serialize() { return serialize_xml(doc_); }

}  // namespace xlsx
