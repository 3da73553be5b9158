#pragma once
// Relationship parts (_rels/*.rels): which parts a part refers to.
#include "xlsx/package.hpp"

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace xlsx {

struct Relationship {
    std::string id;
    std::string type;          // full type URI
    std::string target;        // as written
    std::string resolved;      // package part name without leading '/', empty for external targets
    bool external = false;
};

// "xl/_rels/workbook.xml.rels" for "xl/workbook.xml"; "_rels/.rels" for "".
std::string rels_part_for(const std::string& source_part);
// Resolves `target` relative to `source_part`'s folder ("../x", "/x", "%20").
std::string resolve_target(const std::string& source_part, const std::string& target);
// True when the relationship type URI ends with "/" + `suffix` (transitional and strict alike).
bool type_is(const Relationship& rel, const std::string& suffix);

class Relationships {
public:
    // Reads the .rels of `source_part`; an absent .rels means no relationships.
    Relationships(const Package& package, const std::string& source_part);
    const std::vector<Relationship>& all() const { return rels_; }
    const Relationship* by_id(const std::string& id) const;
    const Relationship* first_of_type(const std::string& suffix) const;
    // Removes the relationship; returns false if absent.
    bool remove(const std::string& id);
    // Adds a relationship to `target` (relative to the source) and returns its id.
    std::string add(const std::string& type, const std::string& target);
    void store(Package& package);

private:
    std::string source_, part_;
    pugi::xml_document doc_;
    std::vector<Relationship> rels_;
    bool modified_ = false;
};

}  // namespace xlsx
