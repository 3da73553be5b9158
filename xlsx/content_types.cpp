#include "xlsx/content_types.hpp"

#include "xlsx/error.hpp"
#include "xlsx/xml.hpp"

#include <strings.h>

namespace xlsx {
namespace {
std::string with_slash(const std::string& part) { return part.empty() || part[0] == '/' ? part : "/" + part; }
bool iequal(const char* a, const std::string& b) { return strcasecmp(a, b.c_str()) == 0; }
}  // namespace

ContentTypes::ContentTypes(const Package& package) {
    for (const std::string& name : package.part_names())
        if (normalize_part_name(name) == "[content_types].xml") part_name_ = name;
    if (part_name_.empty())
        throw Error("[Content_Types].xml", "the package has no [Content_Types].xml, so it is not an Excel workbook "
                                           "(or the zip was made by hand); open and re-save it in Excel");
    parse_xml(part_name_, xml_text_utf8(part_name_, package.read_part(part_name_)), doc_);
}

std::string ContentTypes::type_of(const std::string& part) const {
    std::string name = with_slash(part);
    pugi::xml_node root = doc_.document_element();
    for (pugi::xml_node n : root.children())
        if (local_name(n.name()) == "Override" && iequal(n.attribute("PartName").value(), name))
            return n.attribute("ContentType").value();
    std::size_t dot = name.rfind('.');
    std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
    for (pugi::xml_node n : root.children())
        if (local_name(n.name()) == "Default" && iequal(n.attribute("Extension").value(), ext))
            return n.attribute("ContentType").value();
    return {};
}

void ContentTypes::set_override(const std::string& part, const std::string& type) {
    std::string name = with_slash(part);
    pugi::xml_node root = doc_.document_element();
    for (pugi::xml_node n : root.children())
        if (local_name(n.name()) == "Override" && iequal(n.attribute("PartName").value(), name)) {
            if (type != n.attribute("ContentType").value()) {
                n.attribute("ContentType").set_value(type.c_str());
                modified_ = true;
            }
            return;
        }
    std::string tag = std::string(name_prefix(root.name())) + "Override";
    pugi::xml_node n = root.append_child(tag.c_str());
    n.append_attribute("PartName").set_value(name.c_str());
    n.append_attribute("ContentType").set_value(type.c_str());
    modified_ = true;
}

void ContentTypes::remove_override(const std::string& part) {
    std::string name = with_slash(part);
    pugi::xml_node root = doc_.document_element();
    for (pugi::xml_node n = root.first_child(); n;) {
        pugi::xml_node next = n.next_sibling();
        if (local_name(n.name()) == "Override" && iequal(n.attribute("PartName").value(), name)) {
            root.remove_child(n);
            modified_ = true;
        }
        n = next;
    }
}

void ContentTypes::set_default(const std::string& extension, const std::string& type) {
    pugi::xml_node root = doc_.document_element();
    for (pugi::xml_node n : root.children())
        if (local_name(n.name()) == "Default" && iequal(n.attribute("Extension").value(), extension)) return;
    std::string tag = std::string(name_prefix(root.name())) + "Default";
    pugi::xml_node first = root.first_child();
    pugi::xml_node n = first ? root.insert_child_before(tag.c_str(), first) : root.append_child(tag.c_str());
    n.append_attribute("Extension").set_value(extension.c_str());
    n.append_attribute("ContentType").set_value(type.c_str());
    modified_ = true;
}

void ContentTypes::store(Package& package) {
    if (modified_) package.set_part(part_name_, serialize_xml(doc_));
    modified_ = false;
}

}  // namespace xlsx
