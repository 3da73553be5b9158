#include "converter/recognise.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace converter {
namespace {

using core::contains;
using core::normalize_label;

struct Header {
    std::vector<std::uint32_t> columns;
    core::PeriodKind kind;
    int start_month;
};

// A header needs its period labels in adjacent columns, in order.
std::optional<Header> find_header(const SheetGrid& grid, std::uint32_t row, int default_start_month) {
    auto r = grid.rows().find(row);
    if (r == grid.rows().end()) return std::nullopt;
    std::vector<std::pair<std::uint32_t, int>> months, quarters;
    for (const auto& [col, cell] : r->second) {
        std::optional<int> m = cell.date_month;
        std::optional<int> q;
        if (cell.value.kind == xlsx::CellValue::Kind::text) {
            m = core::parse_month(cell.value.text);
            q = core::parse_quarter(cell.value.text, default_start_month);
        }
        if (m) months.emplace_back(col, *m);
        if (q) quarters.emplace_back(col, *q);
    }
    auto run = [](const std::vector<std::pair<std::uint32_t, int>>& labels, std::size_t length,
                  auto next) -> std::optional<std::size_t> {
        for (std::size_t s = 0; s + length <= labels.size(); ++s) {
            bool ok = true;
            for (std::size_t j = 1; j < length && ok; ++j)
                ok = labels[s + j].first == labels[s + j - 1].first + 1 &&
                     labels[s + j].second == next(labels[s + j - 1].second);
            if (ok) return s;
        }
        return std::nullopt;
    };
    if (auto s = run(months, 12, [](int m) { return m % 12 + 1; })) {
        Header h{{}, core::PeriodKind::month, months[*s].second};
        for (std::size_t j = 0; j < 12; ++j) h.columns.push_back(months[*s + j].first);
        return h;
    }
    if (auto s = run(quarters, 4, [](int q) { return q + 1; }); s && quarters[*s].second == 1) {
        Header h{{}, core::PeriodKind::quarter, default_start_month};
        for (std::size_t j = 0; j < 4; ++j) h.columns.push_back(quarters[*s + j].first);
        return h;
    }
    return std::nullopt;
}

// "12/13.", "2013/14": a previous year's total heading, not a title.
bool is_year_heading(const std::string& text) {
    if (!core::parse_year(text, 4) && !core::parse_year(text, 1)) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.' || c == ' ';
    });
}

// The first text cell left of `before` (all columns when before is 0).
std::optional<std::pair<std::uint32_t, std::string>> first_text(const SheetGrid& grid, std::uint32_t row,
                                                                std::uint32_t before, bool skip_year_headings) {
    auto r = grid.rows().find(row);
    if (r == grid.rows().end()) return std::nullopt;
    for (const auto& [col, cell] : r->second) {
        if (before && col >= before) break;
        if (cell.value.kind != xlsx::CellValue::Kind::text) continue;
        std::string t = core::trim(cell.value.text);
        if (t.empty() || (skip_year_headings && is_year_heading(t))) continue;
        return std::make_pair(col, t);
    }
    return std::nullopt;
}

bool row_has_numbers(const SheetGrid& grid, std::uint32_t row) {
    auto r = grid.rows().find(row);
    if (r == grid.rows().end()) return !grid.row_blank(row);  // a row of numbers only
    return std::any_of(r->second.begin(), r->second.end(),
                       [](const auto& c) { return c.second.value.kind == xlsx::CellValue::Kind::number; });
}

std::string range_text(const Block& b) {
    return xlsx::format_range({b.header_row, 1}, {b.last_row, b.period_columns.back()});
}

// Checks the rows of a block; returns the reason it cannot be read, or empty.
std::string ambiguity(const Block& b) {
    std::map<std::pair<RowRole, int>, const BlockRow*> seen;
    bool has_year_row = false;
    for (const BlockRow& r : b.rows) {
        bool yearly = r.role == RowRole::actual || r.role == RowRole::cumulative || r.role == RowRole::numerator ||
                      r.role == RowRole::denominator;
        if (yearly && !r.year)
            return fmt::format("the label \"{}\" in {} names no year that can be read", r.label,
                               xlsx::format_cell_ref(r.label_cell));
        has_year_row = has_year_row || r.role == RowRole::actual || r.role == RowRole::cumulative;
        auto key = std::make_pair(r.role, yearly ? r.year->first_year : 0);
        if (auto [it, fresh] = seen.emplace(key, &r); !fresh)
            return fmt::format("two rows claim the same role ({} {}): \"{}\" in {} and \"{}\" in {}", name_of(r.role),
                               yearly ? core::format_year(*r.year) : "", it->second->label,
                               xlsx::format_cell_ref(it->second->label_cell), r.label,
                               xlsx::format_cell_ref(r.label_cell));
    }
    if (!has_year_row) return "it has no actuals or cumulative row with a year";
    return {};
}

Block read_block(const SheetGrid& grid, const Header& h, std::uint32_t header_row, std::uint32_t previous_end,
                 std::uint32_t end_row) {
    Block b;
    b.sheet = grid.name();
    b.header_row = header_row;
    b.last_row = end_row;
    b.period_columns = h.columns;
    b.kind = h.kind;
    b.start_month = h.start_month;
    std::uint32_t first = h.columns.front();
    if (auto t = first_text(grid, header_row, first, true)) {
        b.title = t->second;
        b.title_cell = xlsx::CellRef{header_row, t->first};
    } else if (header_row > 1 && !grid.row_blank(header_row - 1) &&
               (header_row - 1 > previous_end || (!row_has_numbers(grid, header_row - 1) &&
                                                  !classify_label(grid.text(header_row - 1, 1))))) {
        if (auto above = first_text(grid, header_row - 1, 0, true)) {
            b.title = above->second;
            b.title_cell = xlsx::CellRef{header_row - 1, above->first};
        }
    }
    for (std::uint32_t row = header_row + 1; row <= end_row; ++row) {
        auto label = first_text(grid, row, first, false);
        if (!label) continue;
        std::string norm = normalize_label(label->second);
        if (contains(norm, "monitoring")) b.mentions_monitoring = true;
        auto role = classify_label(label->second);
        if (!role) {
            bool text_only = !row_has_numbers(grid, row) && !core::parse_year(label->second, h.start_month);
            if (b.title.empty() && row == header_row + 1 && text_only) {
                b.title = label->second;
                b.title_cell = xlsx::CellRef{row, label->first};
            }
            continue;
        }
        BlockRow r{*role, row, label->second, {row, label->first}, core::parse_year(label->second, h.start_month), false};
        r.per_period = *role == RowRole::target &&
                       (contains(norm, "monthly") || contains(norm, "quarterly") || contains(norm, "in month") ||
                        contains(norm, "per month") || contains(norm, "in quarter"));
        b.rows.push_back(std::move(r));
    }
    if (contains(normalize_label(b.title), "monitoring")) b.mentions_monitoring = true;
    return b;
}

enum class Column { name, actual, target, last_year, status, direction, change };

std::optional<Column> classify_column(const std::string& text) {
    std::string t = normalize_label(text);
    for (std::string_view n : {"pi", "measure", "indicator", "performance indicator", "kpi", "measure name",
                               "indicator name", "performance measure"})
        if (t == n) return Column::name;
    if (contains(t, "last year") || contains(t, "previous") || contains(t, "prior year")) return Column::last_year;
    if (contains(t, "% change") || contains(t, "% difference") || t == "% diff" || t == "change %") return Column::change;
    if (contains(t, "actual")) return Column::actual;
    if (contains(t, "target")) return Column::target;
    for (std::string_view n : {"rag", "status", "score", "rag status"})
        if (t == n) return Column::status;
    for (std::string_view n : {"dot", "direction", "direction of travel"})
        if (t == n) return Column::direction;
    return std::nullopt;
}

std::optional<Table> find_table_header(const SheetGrid& grid, std::uint32_t row) {
    auto r = grid.rows().find(row);
    if (r == grid.rows().end()) return std::nullopt;
    Table t;
    t.sheet = grid.name();
    t.header_row = row;
    std::set<Column> found;
    for (const auto& [col, cell] : r->second) {
        if (cell.value.kind != xlsx::CellValue::Kind::text) continue;
        auto c = classify_column(cell.value.text);
        if (!c || !found.insert(*c).second) continue;
        switch (*c) {
            case Column::name: t.name_column = col; break;
            case Column::actual: t.actual = col; break;
            case Column::target: t.target = col; break;
            case Column::last_year: t.last_year = col; break;
            case Column::status: t.status = col; break;
            case Column::direction: t.direction = col; break;
            case Column::change: t.change = col; break;
        }
    }
    if (!t.name_column || !t.actual || (!t.target && !t.last_year)) return std::nullopt;
    if (!t.status && !t.direction && !t.change) return std::nullopt;
    return t;
}

}  // namespace

std::string_view name_of(RowRole role) {
    switch (role) {
        case RowRole::percent_difference: return "% difference";
        case RowRole::target: return "target";
        case RowRole::cumulative: return "cumulative";
        case RowRole::actual: return "actuals";
        case RowRole::status: return "status";
        case RowRole::direction: return "direction of travel";
        case RowRole::numerator: return "numerator";
        default: return "denominator";
    }
}

std::optional<RowRole> classify_label(std::string_view label) {
    std::string t = normalize_label(label);
    if (t.empty()) return std::nullopt;
    if (contains(t, "% diff") || contains(t, "% change") || contains(t, "difference") || contains(t, "variance"))
        return RowRole::percent_difference;
    if (contains(t, "target")) return RowRole::target;
    if (contains(t, "cum") || contains(t, "culm") || contains(t, "ytd")) return RowRole::cumulative;
    if (contains(t, "actual")) return RowRole::actual;
    if (contains(t, "numerator")) return RowRole::numerator;
    if (contains(t, "denominator")) return RowRole::denominator;
    for (std::string_view s : {"rag", "status", "rag status"})
        if (t == s) return RowRole::status;
    for (std::string_view s : {"dot", "direction", "direction of travel", "d.o.t."})
        if (t == s) return RowRole::direction;
    return std::nullopt;
}

SheetScorecards recognise_sheet(const SheetGrid& grid, int default_start_month) {
    SheetScorecards out;
    std::vector<std::uint32_t> rows = grid.non_blank_rows();
    std::uint32_t previous_end = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::uint32_t row = rows[i];
        if (row <= previous_end) continue;
        if (auto h = find_header(grid, row, default_start_month)) {
            std::uint32_t end = row;
            for (std::size_t j = i + 1; j < rows.size() && rows[j] == end + 1; ++j) {
                if (grid.row_blank(rows[j]) || find_header(grid, rows[j], default_start_month)) break;
                end = rows[j];
            }
            Block b = read_block(grid, *h, row, previous_end, end);
            previous_end = end;
            if (std::string why = ambiguity(b); !why.empty())
                out.skipped.push_back({grid.name(), range_text(b), "skipped: " + why});
            else
                out.blocks.push_back(std::move(b));
            continue;
        }
        if (auto t = find_table_header(grid, row)) {
            std::uint32_t end = row;
            for (std::size_t j = i + 1; j < rows.size() && rows[j] == end + 1; ++j) {
                if (grid.row_blank(rows[j]) || find_table_header(grid, rows[j]) ||
                    find_header(grid, rows[j], default_start_month))
                    break;
                end = rows[j];
                if (!grid.text(rows[j], t->name_column).empty()) t->measure_rows.push_back(rows[j]);
            }
            previous_end = end;
            if (!t->measure_rows.empty()) out.tables.push_back(std::move(*t));
        }
    }
    return out;
}

}  // namespace converter
