#pragma once
// [Content_Types].xml: which content type each part has. Changed only when a
// part is added or removed.
#include "xlsx/package.hpp"

#include <pugixml.hpp>

#include <string>

namespace xlsx {

class ContentTypes {
public:
    // Reads [Content_Types].xml from `package` (case-insensitively).
    explicit ContentTypes(const Package& package);

    // The content type of `part` ("/xl/workbook.xml" or "xl/workbook.xml"),
    // from an Override or else the Default for its extension; empty if none.
    std::string type_of(const std::string& part) const;
    void set_override(const std::string& part, const std::string& type);
    void remove_override(const std::string& part);
    // Adds a Default for files ending in `extension` ("png") unless one exists.
    void set_default(const std::string& extension, const std::string& type);
    bool modified() const { return modified_; }
    // Writes the part back into `package` if it changed.
    void store(Package& package);

private:
    std::string part_name_;
    pugi::xml_document doc_;
    bool modified_ = false;
};

}  // namespace xlsx
