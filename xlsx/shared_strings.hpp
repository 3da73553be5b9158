#pragma once
// xl/sharedStrings.xml: the table of strings that cells refer to by index.
// Existing indices never change; new strings are appended (an identical
// existing string is reused).
#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace xlsx {

class SharedStrings {
public:
    // An empty table (the workbook had no sharedStrings part).
    SharedStrings() = default;
    // Parses the part's text (UTF-8). Rich-text runs are joined into plain
    // text; phonetic runs (rPh) are left out.
    SharedStrings(const std::string& part, const std::string& text);

    std::size_t size() const { return strings_.size(); }
    // The count and uniqueCount attributes as written (for consistency checks).
    std::optional<std::uint64_t> declared_count() const;
    std::optional<std::uint64_t> declared_unique_count() const;
    // The plain text of item `index`, or nullptr when out of range.
    const std::string* at(std::size_t index) const;
    // Index of `text`, appending it when not present.
    std::uint32_t intern(const std::string& text);
    bool modified() const { return modified_; }
    // The part's XML, with appended items and updated counts.
    std::string serialize();
    // Records that one more cell refers to the table (the `count` attribute).
    void count_reference() { ++extra_references_; }

private:
    pugi::xml_document doc_;
    std::vector<std::string> strings_;
    std::unordered_map<std::string, std::uint32_t> lookup_;
    bool modified_ = false;
    std::uint64_t extra_references_ = 0;
};

}  // namespace xlsx
