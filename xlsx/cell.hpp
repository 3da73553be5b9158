#pragma once
// One cell of a worksheet as stored in the sheet XML, plus what is needed to
// write it back unchanged apart from the edited value.
#include "xlsx/cell_ref.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace xlsx {

struct Cell {
    CellRef ref;
    std::optional<std::uint32_t> style;  // the `s` attribute (index into cellXfs)
    std::string type;                    // the `t` attribute: "", "n", "s", "str", "inlineStr", "b", "e", "d"
    bool has_value = false;              // a <v> (or inline string) is present
    std::string value;                   // decoded <v> text, or the inline string's plain text
    std::string formula_xml;             // the whole <f> element as written, empty when none
    std::string formula;                 // the formula text (empty for a shared-formula child)
    std::string other_attributes;        // raw attributes the engine does not interpret (cm, vm, ph, …)
    std::string other_children;          // raw child elements after the value (extLst)

    bool has_formula() const { return !formula_xml.empty(); }
    // An empty cell at `ref`, for writing where nothing was stored.
    static Cell at(CellRef ref) {
        Cell c;
        c.ref = ref;
        return c;
    }
};

// A cell's value with shared strings resolved.
struct CellValue {
    enum class Kind { empty, number, text, boolean, error } kind = Kind::empty;
    double number = 0;
    std::string text;  // text, or the error code ("#DIV/0!")
};

}  // namespace xlsx
