#include "converter/grid.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace converter {

std::optional<int> month_of_serial(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return std::nullopt;
    long days = static_cast<long>(std::floor(serial));
    if (!date1904 && days == 60) return 2;  // Excel's 29 February 1900, a day that never was
    // Days since 1970-01-01: the 1900 system counts a fictitious 29 Feb 1900.
    long z = date1904 ? days - 24107 : days - 25569 + (days < 61 ? 1 : 0);
    z += 719468;  // civil_from_days (H. Hinnant)
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    return static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
}

std::optional<int> month_of_iso_date(std::string_view text) {
    if (text.size() < 7 || text[4] != '-' || !std::isdigit(static_cast<unsigned char>(text[5])) ||
        !std::isdigit(static_cast<unsigned char>(text[6])))
        return std::nullopt;
    int month = (text[5] - '0') * 10 + (text[6] - '0');
    if (month < 1 || month > 12) return std::nullopt;
    return month;
}

SheetGrid::SheetGrid(xlsx::Workbook& workbook, xlsx::Worksheet& sheet, std::string name) : name_(std::move(name)) {
    for (std::uint32_t r : sheet.row_numbers()) {
        std::map<std::uint32_t, GridCell> cells;
        bool words = false, numbers = false;
        for (const xlsx::Cell& c : sheet.row_cells(r)) {
            GridCell g{c.ref, workbook.value_of(c), std::nullopt, c.has_formula()};
            if (g.value.kind == xlsx::CellValue::Kind::empty && !g.has_formula) continue;
            if (g.value.kind == xlsx::CellValue::Kind::number && c.style && workbook.styles().is_date(*c.style))
                g.date_month = month_of_serial(g.value.number, workbook.date1904());
            if (c.type == "d") g.date_month = month_of_iso_date(c.value);  // t="d": an ISO 8601 date
            bool text = g.value.kind == xlsx::CellValue::Kind::text && !core::trim(g.value.text).empty();
            words = words || text || g.date_month || g.value.kind == xlsx::CellValue::Kind::error;
            numbers = numbers || g.value.kind == xlsx::CellValue::Kind::number || g.value.kind == xlsx::CellValue::Kind::boolean;
            cells.emplace(c.ref.column, std::move(g));
        }
        if (words) rows_.emplace(r, std::move(cells));
        else if (numbers) numbers_only_rows_.insert(r);
    }
}

const GridCell* SheetGrid::at(std::uint32_t row, std::uint32_t column) const {
    auto r = rows_.find(row);
    if (r == rows_.end()) return nullptr;
    auto c = r->second.find(column);
    return c == r->second.end() ? nullptr : &c->second;
}

std::string SheetGrid::text(std::uint32_t row, std::uint32_t column) const {
    const GridCell* c = at(row, column);
    return c && c->value.kind == xlsx::CellValue::Kind::text ? core::trim(c->value.text) : std::string();
}

std::optional<double> SheetGrid::number(std::uint32_t row, std::uint32_t column) const {
    const GridCell* c = at(row, column);
    if (c && c->value.kind == xlsx::CellValue::Kind::number) return c->value.number;
    return std::nullopt;
}

std::vector<std::uint32_t> SheetGrid::non_blank_rows() const {
    std::vector<std::uint32_t> out;
    for (const auto& [r, cells] : rows_)
        if (!row_blank(r)) out.push_back(r);
    out.insert(out.end(), numbers_only_rows_.begin(), numbers_only_rows_.end());
    std::sort(out.begin(), out.end());
    return out;
}

bool SheetGrid::row_blank(std::uint32_t row) const {
    if (numbers_only_rows_.count(row)) return false;
    auto r = rows_.find(row);
    if (r == rows_.end()) return true;
    for (const auto& [col, c] : r->second)
        if (c.value.kind != xlsx::CellValue::Kind::empty && !(c.value.kind == xlsx::CellValue::Kind::text && core::trim(c.value.text).empty()))
            return false;
    return true;
}

}  // namespace converter
