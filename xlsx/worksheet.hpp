#pragma once
// A worksheet part (xl/worksheets/sheetN.xml).
//
// The sheetData section, which holds the cells and can be tens of megabytes,
// is kept as text and indexed by row; rows are parsed when asked for. Edits
// are recorded per cell and spliced in on serialisation, so untouched rows are
// written back byte for byte. Everything around sheetData (views, merged cells,
// conditional formats, extLst…) is only parsed into a DOM when it has to change.
#include "xlsx/cell.hpp"

#include <pugixml.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace xlsx {

class Worksheet {
public:
    // Takes the part's text (UTF-8). Throws Error naming `part` when the XML
    // has no sheetData or a malformed row.
    Worksheet(std::string part, std::string text);

    const std::string& part() const { return part_; }
    // Row numbers that hold a <row> element or an edit, ascending.
    std::vector<std::uint32_t> row_numbers() const;
    // The cells of row `row` (edits applied), ordered by column.
    std::vector<Cell> row_cells(std::uint32_t row) const;
    // The cell at `ref`, or nullopt when absent.
    std::optional<Cell> cell(CellRef ref) const;

    // Replaces the stored cell at cell.ref (inserting row and cell in order
    // when they did not exist). The caller builds `cell` from cell(ref) so
    // that style, formula and unknown attributes are kept.
    void put(const Cell& cell);
    bool modified() const { return !edits_.empty() || frame_dirty_; }

    // The worksheet element without its rows, for edits of conditional
    // formats and the like. The returned root stays valid until the worksheet
    // is destroyed. Unless `for_reading`, the frame is marked as changed.
    pugi::xml_node frame_root(bool for_reading = false);
    // Namespace prefix used by the sheet's elements ("" or "x:").
    const std::string& prefix() const { return prefix_; }

    // The part's new text.
    std::string serialize();

private:
    struct RowSpan {
        std::uint32_t number;
        std::size_t begin, open_end, end;  // whole element [begin, end); start tag ends at open_end
        bool self_closing, has_r;
    };
    void index_rows();
    std::vector<Cell> parse_row(const RowSpan& row) const;
    std::string render_row(const RowSpan* row, std::uint32_t number, const std::map<std::uint32_t, Cell>& edits) const;
    void ensure_frame();
    void widen_dimension();

    std::string part_, text_, prefix_, row_qname_;
    std::string head_, tail_;                    // the part before and after the sheetData content
    std::size_t data_begin_ = 0, data_end_ = 0;  // the sheetData content (between its tags)
    std::vector<RowSpan> rows_;
    std::map<std::uint32_t, std::size_t> row_index_;
    std::map<std::uint32_t, std::map<std::uint32_t, Cell>> edits_;
    pugi::xml_document frame_;
    bool frame_parsed_ = false, frame_dirty_ = false;
};

// Serialises one cell as <c …>…</c> with the given element prefix.
std::string render_cell(const Cell& cell, const std::string& prefix);
// Formats a number the way Excel stores it: the shortest text that reads back
// as the same double.
std::string format_number(double value);

}  // namespace xlsx
