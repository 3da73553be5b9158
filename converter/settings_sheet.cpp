#include "converter/settings_sheet.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

namespace converter {

std::string describe(const Issue& issue) {
    if (issue.sheet.empty()) return issue.message;
    if (!issue.cell) return fmt::format("sheet \"{}\": {}", issue.sheet, issue.message);
    return fmt::format("sheet \"{}\" cell {}: {}", issue.sheet, xlsx::format_cell_ref(*issue.cell), issue.message);
}

namespace {

// The text of a cell for the readers: numbers as typed, text trimmed.
std::string cell_text(const SheetGrid& grid, std::uint32_t row, std::uint32_t col) {
    const GridCell* c = grid.at(row, col);
    if (!c) return {};
    if (c->value.kind == xlsx::CellValue::Kind::number) return fmt::format("{}", c->value.number);
    return core::trim(c->value.text);
}

// Reads one row; returns the first unreadable cell's message, or empty.
std::string read_row(const SheetGrid& grid, const std::map<std::string, std::uint32_t>& columns, std::uint32_t row,
                     SettingsOverrides& v, std::uint32_t& bad_column) {
    auto text_of = [&](const char* name) -> std::optional<std::string> {
        auto it = columns.find(name);
        if (it == columns.end()) return std::nullopt;
        std::string t = cell_text(grid, row, it->second);
        if (t.empty()) return std::nullopt;
        bad_column = it->second;
        return t;
    };
    auto read = [&](const char* name, auto reader, auto& field, const char* expected) -> std::string {
        if (auto t = text_of(name)) {
            field = reader(*t);
            if (!field) return fmt::format("\"{}\" is not a valid {} (expected {})", *t, name, expected);
        }
        return {};
    };
    std::string why;
    if (why.empty()) why = read("polarity", core::read_polarity, v.polarity, "Higher, Lower or Monitor");
    if (why.empty()) why = read("annual target", core::read_number, v.annual_target, "a number");
    if (why.empty()) why = read("tolerance type", core::read_tolerance_type, v.tolerance_type, "percent or absolute");
    bool absolute = v.tolerance_type == core::ToleranceType::absolute;
    if (why.empty())
        why = read("tolerance", absolute ? core::read_number : core::read_percent, v.tolerance,
                   absolute ? "a number" : "a percentage such as 15%");
    if (why.empty()) why = read("amber threshold", core::read_number, v.amber_threshold, "a number");
    if (why.empty()) why = read("profile", core::read_profile, v.profile, "flat, days, seasonal or custom");
    if (why.empty()) why = read("aggregation", core::read_aggregation, v.aggregation, "sum, ratio, mean or latest");
    if (why.empty()) why = read("scheme", core::read_scheme, v.scheme, "3 or 4");
    if (why.empty()) why = read("start month", core::read_start_month, v.start_month, "a month such as Apr");
    if (why.empty()) why = read("dot threshold", core::read_percent, v.dot_threshold, "a percentage such as 1%");
    auto start = v.start_month.value_or(4);
    if (why.empty())
        why = read("target for", [start](std::string_view t) { return core::parse_year(t, start); }, v.target_for,
                   "a financial year such as 2015/16");
    return why;
}

}  // namespace

const SettingsEntry* SettingsSheet::match(std::string_view title) const {
    std::string key = core::normalize_label(title);
    const SettingsEntry* best = nullptr;
    for (const SettingsEntry& e : entries)
        if (!e.key.empty() && key.starts_with(e.key) && (!best || e.key.size() > best->key.size())) best = &e;
    return best;
}

SettingsSheet read_settings(const SheetGrid& grid, std::vector<Issue>& warnings) {
    SettingsSheet s;
    s.sheet = grid.name();
    if (grid.rows().empty()) return s;
    std::uint32_t header = s.header_row = grid.rows().begin()->first;
    for (const auto& [col, cell] : grid.rows().begin()->second)
        if (cell.value.kind == xlsx::CellValue::Kind::text) s.columns.emplace(core::normalize_label(cell.value.text), col);
    auto name_col = s.columns.find("measure");
    if (name_col == s.columns.end()) {
        warnings.push_back({s.sheet, xlsx::CellRef{header, 1},
                            "the settings sheet has no \"Measure\" column in its first row, so it is ignored"});
        return s;
    }
    for (const auto& [row, cells] : grid.rows()) {
        s.last_row = row;
        if (row == header) continue;
        std::string name = grid.text(row, name_col->second);
        if (name.empty()) continue;
        SettingsEntry e{name, core::normalize_label(name), row, {}};
        std::uint32_t bad_column = 0;
        std::string why = read_row(grid, s.columns, row, e.values, bad_column);
        if (!why.empty()) {
            warnings.push_back({s.sheet, xlsx::CellRef{row, bad_column},
                                why + fmt::format("; the settings for \"{}\" are ignored", name)});
            continue;
        }
        s.entries.push_back(std::move(e));
    }
    return s;
}

void apply_overrides(core::MeasureSettings& m, const SettingsOverrides& v, core::Source source) {
    auto set = [&](auto& setting, const auto& value) {
        if (value) { setting.value = *value; setting.source = source; }
    };
    set(m.polarity, v.polarity);
    if (v.annual_target) { m.annual_target.value = v.annual_target; m.annual_target.source = source; }
    if (v.amber_threshold) { m.amber_threshold.value = v.amber_threshold; m.amber_threshold.source = source; }
    set(m.tolerance, v.tolerance);
    set(m.tolerance_type, v.tolerance_type);
    set(m.profile, v.profile);
    set(m.aggregation, v.aggregation);
    set(m.scheme, v.scheme);
    set(m.start_month, v.start_month);
    set(m.dot_threshold, v.dot_threshold);
}

}  // namespace converter
