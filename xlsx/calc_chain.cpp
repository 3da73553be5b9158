#include "xlsx/calc_chain.hpp"

#include "xlsx/xml.hpp"

namespace xlsx {

CalcChain::CalcChain(const std::string& part, const std::string& text) { parse_xml(part, text, doc_); }

void CalcChain::remove(std::uint32_t sheet_id, const std::string& ref) {
    pugi::xml_node root = doc_.document_element();
    std::uint32_t current = 0;
    for (pugi::xml_node c = root.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        if (local_name(c.name()) == "c") {
            if (pugi::xml_attribute i = c.attribute("i")) current = i.as_uint();
            if (current == sheet_id && ref == c.attribute("r").value()) {
                // The next entry inherits this one's sheet when it names none.
                if (c.attribute("i") && next && !next.attribute("i"))
                    next.append_attribute("i").set_value(current);
                root.remove_child(c);
                modified_ = true;
            }
        }
        c = next;
    }
}

bool CalcChain::empty() const {
    for (pugi::xml_node c : doc_.document_element().children())
        if (c.type() == pugi::node_element) return false;
    return true;
}

std::string CalcChain::serialize() { return serialize_xml(doc_); }

}  // namespace xlsx
