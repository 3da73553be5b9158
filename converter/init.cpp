// `scorecard init`: writes what inspect inferred into a Scorecard Settings
// sheet, so the officer can confirm polarity, targets and tolerances in Excel.
#include "converter/commands.hpp"
#include "converter/settings_update.hpp"
#include "converter/describe.hpp"
#include "converter/refresh.hpp"
#include "core/periods.hpp"
#include "core/text.hpp"
#include "xlsx/error.hpp"

#include <fmt/format.h>

#include <array>
#include <ostream>

namespace converter {
namespace {

constexpr std::array<const char*, 12> kColumns = {"Measure",     "Polarity",        "Annual target", "Target for",
                                                  "Tolerance",   "Tolerance type",  "Amber threshold", "Profile",
                                                  "Aggregation", "Scheme",          "Start month",   "DoT threshold"};

std::string capitalised(std::string_view word) {
    std::string out(word);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string percent_text(double fraction) { return fmt::format("{}%", fraction * 100); }

// The settings of `m` as the sheet shows them, by column name.
std::optional<std::string> column_text(const MeasureResult& m, std::string_view column, std::optional<double>& number) {
    const core::MeasureSettings& s = m.settings;
    number.reset();
    if (column == "Measure") return m.name;
    if (column == "Polarity") return capitalised(core::name_of(s.polarity.value));
    if (column == "Annual target") { number = s.annual_target.value; return std::nullopt; }
    if (column == "Tolerance") {
        if (s.tolerance_type.value == core::ToleranceType::absolute) { number = s.tolerance.value; return std::nullopt; }
        return percent_text(s.tolerance.value);
    }
    if (column == "Tolerance type") return std::string(core::name_of(s.tolerance_type.value));
    if (column == "Amber threshold") { number = s.amber_threshold.value; return std::nullopt; }
    if (column == "Profile") return std::string(core::name_of(s.profile.value));
    if (column == "Aggregation") return std::string(core::name_of(s.aggregation.value));
    if (column == "Scheme") { number = s.scheme.value; return std::nullopt; }
    if (column == "Start month") return std::string(core::month_abbreviation(s.start_month.value));
    if (column == "DoT threshold") return percent_text(s.dot_threshold.value);
    return std::nullopt;
}

void put(xlsx::Workbook& wb, xlsx::Worksheet& ws, xlsx::CellRef ref, const std::optional<std::string>& text,
         std::optional<double> number) {
    xlsx::Cell cell = xlsx::Cell::at(ref);
    if (text) wb.set_text(cell, *text);
    else if (number) {
        cell.has_value = true;
        cell.value = xlsx::format_number(*number);
    } else return;
    ws.put(cell);
}

// Adds the missing header cells of `sheet` and returns every column by name.
std::map<std::string, std::uint32_t> ensure_columns(xlsx::Workbook& wb, xlsx::Worksheet& ws, const SettingsSheet& sheet,
                                                    std::uint32_t header_row) {
    std::map<std::string, std::uint32_t> columns;
    std::uint32_t next = 1;
    for (const auto& [name, col] : sheet.columns) next = std::max(next, col + 1);
    for (const char* name : kColumns) {
        auto it = sheet.columns.find(core::normalize_label(name));
        if (it != sheet.columns.end()) { columns[name] = it->second; continue; }
        columns[name] = next;
        put(wb, ws, {header_row, next++}, std::string(name), std::nullopt);
    }
    return columns;
}

}  // namespace

SettingsUpdate update_settings_sheet(xlsx::Workbook& wb, const Analysis& a, bool mark_target_year) {
    SettingsUpdate u;
    u.new_sheet = a.settings_sheet.empty();
    u.sheet = u.new_sheet ? std::string(kSettingsSheetName) : a.settings_sheet;
    xlsx::Worksheet& ws = u.new_sheet ? wb.add_worksheet(u.sheet) : *wb.worksheet(a.settings_sheet);
    auto columns = ensure_columns(wb, ws, a.settings, a.settings.header_row);
    std::uint32_t row = std::max(a.settings.last_row, a.settings.header_row) + 1;
    for (const MeasureResult& m : a.measures) {
        std::optional<std::string> year;
        if (mark_target_year && m.this_year && m.settings.annual_target.value) year = core::format_year(*m.this_year);
        if (const SettingsEntry* e = a.settings.match(m.name)) {  // the officer's own row: only the target year changes
            bool already_next = e->values.target_for && m.this_year && e->values.target_for->first_year > m.this_year->first_year;
            if (year && !already_next) put(wb, ws, {e->row, columns["Target for"]}, year, std::nullopt);
            continue;
        }
        for (const auto& [name, col] : columns) {
            std::optional<double> number;
            auto text = name == std::string("Target for") ? year : column_text(m, name, number);
            put(wb, ws, {row, col}, text, number);
        }
        ++row;
        ++u.added;
    }
    return u;
}

int init_command(const std::string& input, const std::optional<std::string>& output, const Defaults& defaults,
                 std::ostream& out, std::ostream& err) {
    std::string target = output.value_or(default_output_path(input, "-settings"));
    try {
        xlsx::Workbook wb(input);
        Analysis a = analyse(wb, defaults);
        if (a.measures.empty()) throw xlsx::Error("", what_was_looked_for());
        SettingsUpdate u = update_settings_sheet(wb, a, false);
        xlsx::write_file_atomically(target, [&](std::FILE* f) { wb.save(f); });
        out << fmt::format("{}: {} settings rows added to sheet \"{}\" ({}); written to {}\n", base_name(input), u.added,
                           u.sheet, u.new_sheet ? "new sheet" : "existing rows kept", target);
        out << "Check each row in Excel: polarity, annual target and tolerance decide the RAG status.\n";
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << base_name(input) << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace converter
