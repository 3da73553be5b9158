#pragma once
// <conditionalFormatting> blocks of a worksheet: reading the existing ones and
// adding new ones in the place the schema requires.
#include "xlsx/worksheet.hpp"

#include <string>
#include <vector>

namespace xlsx {

struct ConditionalRule {
    std::string type;       // "cellIs", "expression", "containsText", …
    std::string op;         // operator for cellIs / containsText ("equal", "containsText"); may be empty
    std::string text;       // the text attribute of containsText rules
    std::vector<std::string> formulas;
    std::uint32_t dxf = 0;  // index into the stylesheet's dxfs
    bool stop_if_true = false;
};

struct ConditionalFormat {
    std::string sqref;      // "B5:P5" (space-separated ranges allowed)
    std::vector<ConditionalRule> rules;
};

// The blocks of the sheet's main conditional formatting (not the x14 ones in
// extLst, which are kept untouched).
std::vector<ConditionalFormat> read_conditional_formats(Worksheet& sheet);

// Adds `format` to the sheet. Blocks on the same sqref for which `replaces`
// returns true are removed first, so that re-running a tool that owns them does
// not pile up duplicates. New rules take priorities after every existing rule
// (x14 rules included) so that officers' own rules keep precedence.
void put_conditional_format(Worksheet& sheet, const ConditionalFormat& format,
                            const std::function<bool(const ConditionalFormat&)>& replaces);

}  // namespace xlsx
