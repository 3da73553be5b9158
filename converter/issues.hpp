#pragma once
// Warnings and failures as officers read them: the sheet and cell they
// concern and plain words.
#include "xlsx/cell_ref.hpp"

#include <optional>
#include <string>

namespace converter {

struct Issue {
    std::string sheet;                  // empty when not about one sheet
    std::optional<xlsx::CellRef> cell;  // the cell concerned, when there is one
    std::string message;
};

// "Sheet!B7: message", "Sheet: message" or "message".
std::string describe(const Issue& issue);

}  // namespace converter
