#include "xlsx/relationships.hpp"

#include "xlsx/error.hpp"
#include "xlsx/xml.hpp"

#include <algorithm>
#include <cctype>

namespace xlsx {

std::string rels_part_for(const std::string& source_part) {
    std::size_t slash = source_part.rfind('/');
    std::string dir = slash == std::string::npos ? "" : source_part.substr(0, slash + 1);
    std::string file = slash == std::string::npos ? source_part : source_part.substr(slash + 1);
    return dir + "_rels/" + file + ".rels";
}

std::string resolve_target(const std::string& source_part, const std::string& target) {
    std::string decoded;
    for (std::size_t i = 0; i < target.size(); ++i) {
        auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); };
        if (target[i] == '%' && i + 2 < target.size() && hex(target[i + 1]) && hex(target[i + 2])) {
            decoded.push_back(static_cast<char>(std::stoi(target.substr(i + 1, 2), nullptr, 16)));
            i += 2;
        } else decoded.push_back(target[i] == '\\' ? '/' : target[i]);
    }
    std::vector<std::string> parts;
    if (decoded.empty() || decoded[0] != '/') {
        std::size_t slash = source_part.rfind('/');
        std::string dir = slash == std::string::npos ? "" : source_part.substr(0, slash);
        std::size_t start = 0;
        while (start < dir.size()) {
            std::size_t end = dir.find('/', start);
            if (end == std::string::npos) end = dir.size();
            if (end > start) parts.push_back(dir.substr(start, end - start));
            start = end + 1;
        }
    }
    std::size_t start = 0;
    while (start <= decoded.size()) {
        std::size_t end = decoded.find('/', start);
        if (end == std::string::npos) end = decoded.size();
        std::string seg = decoded.substr(start, end - start);
        if (seg == "..") { if (!parts.empty()) parts.pop_back(); }
        else if (!seg.empty() && seg != ".") parts.push_back(seg);
        start = end + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

bool type_is(const Relationship& rel, const std::string& suffix) {
    return rel.type.size() > suffix.size() && rel.type.ends_with(suffix) &&
           rel.type[rel.type.size() - suffix.size() - 1] == '/';
}

Relationships::Relationships(const Package& package, const std::string& source_part)
    : source_(source_part), part_(rels_part_for(source_part)) {
    if (!package.has_part(part_)) return;
    parse_xml(part_, xml_text_utf8(part_, package.read_part(part_)), doc_);
    for (pugi::xml_node n : doc_.document_element().children()) {
        if (local_name(n.name()) != "Relationship") continue;
        Relationship r;
        r.id = n.attribute("Id").value();
        r.type = n.attribute("Type").value();
        r.target = n.attribute("Target").value();
        r.external = std::string_view(n.attribute("TargetMode").value()) == "External";
        if (!r.external) r.resolved = resolve_target(source_, r.target);
        rels_.push_back(std::move(r));
    }
}

const Relationship* Relationships::by_id(const std::string& id) const {
    for (const auto& r : rels_)
        if (r.id == id) return &r;
    return nullptr;
}

const Relationship* Relationships::first_of_type(const std::string& suffix) const {
    for (const auto& r : rels_)
        if (type_is(r, suffix)) return &r;
    return nullptr;
}

bool Relationships::remove(const std::string& id) {
    pugi::xml_node root = doc_.document_element();
    for (pugi::xml_node n : root.children())
        if (local_name(n.name()) == "Relationship" && id == n.attribute("Id").value()) {
            root.remove_child(n);
            std::erase_if(rels_, [&](const Relationship& r) { return r.id == id; });
            modified_ = true;
            return true;
        }
    return false;
}

std::string Relationships::add(const std::string& type, const std::string& target) {
    if (!doc_.document_element()) {
        pugi::xml_node decl = doc_.append_child(pugi::node_declaration);
        decl.append_attribute("version").set_value("1.0");
        decl.append_attribute("encoding").set_value("UTF-8");
        decl.append_attribute("standalone").set_value("yes");
        doc_.append_child("Relationships").append_attribute("xmlns").set_value(
            "http://schemas.openxmlformats.org/package/2006/relationships");
    }
    std::string id;
    for (int i = static_cast<int>(rels_.size()) + 1;; ++i) {
        id = "rId" + std::to_string(i);
        if (!by_id(id)) break;
    }
    pugi::xml_node root = doc_.document_element();
    std::string tag = std::string(name_prefix(root.name())) + "Relationship";
    pugi::xml_node n = root.append_child(tag.c_str());
    n.append_attribute("Id").set_value(id.c_str());
    n.append_attribute("Type").set_value(type.c_str());
    n.append_attribute("Target").set_value(target.c_str());
    rels_.push_back({id, type, target, resolve_target(source_, target), false});
    modified_ = true;
    return id;
}

void Relationships::store(Package& package) {
    if (modified_) package.set_part(part_, serialize_xml(doc_));
    modified_ = false;
}

}  // namespace xlsx
