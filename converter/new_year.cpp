#include "converter/new_year.hpp"

#include "converter/commands.hpp"
#include "converter/refresh.hpp"
#include "converter/settings_update.hpp"
#include "core/periods.hpp"
#include "xlsx/workbook.hpp"

#include <fmt/format.h>

#include <ostream>

namespace converter {
namespace {

const MeasureResult::YearRow* find(const MeasureResult& m, RowRole role, int year) {
    for (const auto& r : m.year_rows)
        if (r.role == role && r.year == year) return &r;
    return nullptr;
}

// Moves this year's figures of one row into last year's row and clears them.
void roll_row(xlsx::Workbook& wb, xlsx::Worksheet& ws, const MeasureResult& m, std::uint32_t from, std::uint32_t to,
              std::vector<Issue>& warnings) {
    for (std::uint32_t col : m.period_columns) {
        xlsx::Cell source = ws.cell({from, col}).value_or(xlsx::Cell::at({from, col}));
        xlsx::Cell target = ws.cell({to, col}).value_or(xlsx::Cell::at({to, col}));
        if (target.has_formula()) {
            warnings.push_back({m.sheet, target.ref, "a formula in last year's row is left alone"});
        } else {
            xlsx::CellValue v = wb.value_of(source);
            target.type.clear();
            target.has_value = v.kind == xlsx::CellValue::Kind::number;
            target.value = target.has_value ? xlsx::format_number(v.number) : "";
            ws.put(target);
        }
        if (source.has_formula()) {
            warnings.push_back({m.sheet, source.ref, "a formula in this year's row is left alone; check it for the new year"});
        } else if (source.has_value) {
            source.has_value = false;
            source.value.clear();
            source.type.clear();
            ws.put(source);
        }
    }
}

// Rolls one block; returns false (with a warning) when it has no row for last year to roll into.
bool roll_block(xlsx::Workbook& wb, const MeasureResult& m, std::vector<Issue>& warnings) {
    int y = m.this_year->first_year;
    xlsx::Worksheet& ws = *wb.worksheet(m.sheet);
    bool any = false;
    // A cumulative-input block keeps its figures in its cumulative rows.
    std::vector<RowRole> roles = m.cumulative_input ? std::vector<RowRole>{RowRole::cumulative}
                                                    : std::vector<RowRole>{RowRole::actual, RowRole::numerator, RowRole::denominator};
    for (RowRole role : roles) {
        const auto *now = find(m, role, y), *before = find(m, role, y - 1);
        if (now && !before) {
            warnings.push_back({m.sheet, now->label_cell,
                                fmt::format("\"{}\" has no {} row for last year to move this year's figures into; the "
                                            "block is left as it is", m.name, name_of(role))});
            return false;
        }
        if (now) {
            roll_row(wb, ws, m, now->row, before->row, warnings);
            any = true;
        }
    }
    if (!any) {
        warnings.push_back({m.sheet, std::nullopt, fmt::format("\"{}\" has no actuals rows to roll; left as it is", m.name)});
        return false;
    }
    for (const auto& r : m.year_rows) {
        if (r.year != y && r.year != y - 1) continue;  // older years stay as they are
        auto label = core::advance_year_label(r.label, m.this_year->start_month);
        if (!label) continue;
        xlsx::Cell cell = ws.cell(r.label_cell).value_or(xlsx::Cell::at(r.label_cell));
        wb.set_text(cell, *label);
        ws.put(cell);
    }
    return true;
}

}  // namespace

int new_year_command(const std::string& input, const std::optional<std::string>& output, const Defaults& defaults,
                     std::ostream& out, std::ostream& err) {
    std::string target = output.value_or(default_output_path(input, "-new-year"));
    try {
        xlsx::Workbook wb(input);
        Analysis before = analyse(wb, defaults);
        if (before.measures.empty()) throw RefreshFailure(what_was_looked_for());
        std::vector<Issue> warnings;
        int rolled = 0;
        for (const MeasureResult& m : before.measures)
            if (m.layout == "block" && roll_block(wb, m, warnings)) ++rolled;
        update_settings_sheet(wb, before, true);
        Analysis after = analyse(wb, defaults);
        ApplyResult applied = apply(wb, after);
        xlsx::write_file_atomically(target, [&](std::FILE* f) { wb.save(f); });
        std::string name = base_name(input);
        for (const Issue& i : warnings) err << "warning: " << name << ": " << describe(i) << "\n";
        for (const MeasureResult& m : after.measures)
            for (const Issue& i : m.warnings) err << "warning: " << name << ": " << describe(i) << "\n";
        out << fmt::format("{}: {} blocks rolled into the next year; annual targets are left for you to set (inspect "
                           "lists them); written to {}\n", name, rolled, target);
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << base_name(input) << ": " << e.what() << "\n";
    }
    return 1;
}

}  // namespace converter
