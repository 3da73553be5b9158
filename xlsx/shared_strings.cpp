#include "xlsx/shared_strings.hpp"

#include "xlsx/xml.hpp"

#include <cstdlib>

namespace xlsx {
namespace {

void collect_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view name = local_name(c.name());
        if (name == "t") out += c.text().get();
        else if (name == "r") collect_text(c, out);
    }
}

}  // namespace

SharedStrings::SharedStrings(const std::string& part, const std::string& text) {
    parse_xml(part, text, doc_);
    for (pugi::xml_node si : doc_.document_element().children()) {
        if (si.type() != pugi::node_element || local_name(si.name()) != "si") continue;
        std::string s;
        collect_text(si, s);
        lookup_.emplace(s, static_cast<std::uint32_t>(strings_.size()));
        strings_.push_back(std::move(s));
    }
}

static std::optional<std::uint64_t> count_attribute(const pugi::xml_document& doc, const char* name) {
    pugi::xml_attribute a = doc.document_element().attribute(name);
    if (!a) return std::nullopt;
    return std::strtoull(a.value(), nullptr, 10);
}

std::optional<std::uint64_t> SharedStrings::declared_count() const { return count_attribute(doc_, "count"); }
std::optional<std::uint64_t> SharedStrings::declared_unique_count() const {
    return count_attribute(doc_, "uniqueCount");
}

const std::string* SharedStrings::at(std::size_t index) const {
    return index < strings_.size() ? &strings_[index] : nullptr;
}

std::uint32_t SharedStrings::intern(const std::string& text) {
    if (auto it = lookup_.find(text); it != lookup_.end()) return it->second;
    if (!doc_.document_element()) {
        pugi::xml_node decl = doc_.append_child(pugi::node_declaration);
        decl.append_attribute("version").set_value("1.0");
        decl.append_attribute("encoding").set_value("UTF-8");
        decl.append_attribute("standalone").set_value("yes");
        doc_.append_child("sst").append_attribute("xmlns").set_value(
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
    }
    pugi::xml_node root = doc_.document_element();
    std::string prefix(name_prefix(root.name()));
    pugi::xml_node t = root.append_child((prefix + "si").c_str()).append_child((prefix + "t").c_str());
    if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) t.append_attribute("xml:space").set_value("preserve");
    t.text().set(text.c_str());
    auto index = static_cast<std::uint32_t>(strings_.size());
    strings_.push_back(text);
    lookup_.emplace(text, index);
    modified_ = true;
    return index;
}

std::string SharedStrings::serialize() {
    pugi::xml_node root = doc_.document_element();
    if (pugi::xml_attribute unique = root.attribute("uniqueCount"); unique || modified_) {
        if (!unique) unique = root.append_attribute("uniqueCount");
        unique.set_value(static_cast<unsigned long long>(strings_.size()));
    }
    pugi::xml_attribute count = root.attribute("count");
    if (!count) count = root.append_attribute("count");
    unsigned long long old = std::strtoull(count.value(), nullptr, 10);
    count.set_value(std::max<unsigned long long>(old + extra_references_, strings_.size()));
    extra_references_ = 0;
    return serialize_xml(doc_);
}

}  // namespace xlsx
