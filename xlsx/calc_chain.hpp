#pragma once
// xl/calcChain.xml: Excel's record of formula cells in calculation order.
// A cell that stops being a formula must leave the chain, or Excel reports
// the file as damaged.
#include <pugixml.hpp>

#include <cstdint>
#include <string>

namespace xlsx {

class CalcChain {
public:
    CalcChain(const std::string& part, const std::string& text);
    // Removes the entries of cell `ref` ("B7") on the sheet with `sheet_id`.
    // Entries without an i attribute belong to the sheet of the entry before.
    void remove(std::uint32_t sheet_id, const std::string& ref);
    bool empty() const;
    bool modified() const { return modified_; }
    std::string serialize();

private:
    pugi::xml_document doc_;
    bool modified_ = false;
};

}  // namespace xlsx
