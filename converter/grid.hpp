#pragma once
// A read-only snapshot of a worksheet's values, for recognising scorecards.
// Shared strings are resolved and date cells (numbers shown with a date
// format) carry their calendar month.
#include "xlsx/workbook.hpp"

#include <map>
#include <optional>
#include <set>
#include <vector>
#include <string>

namespace converter {

struct GridCell {
    xlsx::CellRef ref;
    xlsx::CellValue value;
    std::optional<int> date_month;  // 1..12 when the cell is a date
    bool has_formula = false;
};

class SheetGrid {
public:
    // Reads every cell of `sheet`. Throws xlsx::Error for a damaged sheet.
    SheetGrid(xlsx::Workbook& workbook, xlsx::Worksheet& sheet, std::string name);

    const std::string& name() const { return name_; }
    const GridCell* at(std::uint32_t row, std::uint32_t column) const;
    // Trimmed text of a text cell, empty for anything else.
    std::string text(std::uint32_t row, std::uint32_t column) const;
    std::optional<double> number(std::uint32_t row, std::uint32_t column) const;
    // True when no cell of the row holds a value (formatting-only cells count as blank).
    bool row_blank(std::uint32_t row) const;
    // Rows holding text or dates, with their cells. Rows of plain numbers
    // cannot hold a label, a header or a measure name, so only their number
    // is kept (a large data sheet beside a scorecard stays cheap).
    const std::map<std::uint32_t, std::map<std::uint32_t, GridCell>>& rows() const { return rows_; }
    // Every row that is not blank, ascending (those of rows() and the numbers-only ones).
    std::vector<std::uint32_t> non_blank_rows() const;

private:
    std::string name_;
    std::map<std::uint32_t, std::map<std::uint32_t, GridCell>> rows_;
    std::set<std::uint32_t> numbers_only_rows_;
};

// Calendar month of an ISO 8601 date ("2016-04-01T00:00:00").
std::optional<int> month_of_iso_date(std::string_view text);
// Calendar month of an Excel serial date in the 1900 or 1904 system.
std::optional<int> month_of_serial(double serial, bool date1904);

}  // namespace converter
