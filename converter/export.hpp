#pragma once
// Tidy long-format export: one row per measure and period, for Power BI, R or
// a database. Text fields that a spreadsheet would read as a formula (starting
// with = + - @, a tab or a carriage return) are neutralised with a leading
// apostrophe; numbers are written as numbers.
#include "converter/refresh.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace converter {

struct TidyRow {
    std::string sheet, measure, layout, period, year;
    int period_number = 0;  // 1..n, 0 for a table's year to date
    std::optional<double> actual, cumulative, target, percent_difference;
    std::string rag, direction;
};

std::vector<TidyRow> tidy_rows(const Analysis& analysis);
std::string tidy_csv(const std::vector<TidyRow>& rows);
std::string tidy_json(const std::vector<TidyRow>& rows);
// A CSV field, quoted when needed and neutralised against formula injection when text.
std::string csv_text_field(std::string_view text);

int export_command(const std::string& input, const std::string& format, const std::optional<std::string>& output,
                   const Defaults& defaults, std::ostream& out, std::ostream& err);

}  // namespace converter
