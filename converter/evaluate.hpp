#pragma once
// Turning a recognised block or table into a measure: its settings, the
// figures of §3 and the cells §4 says to write.
#include "converter/issues.hpp"
#include "converter/recognise.hpp"
#include "converter/settings_sheet.hpp"
#include "core/calc.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace converter {

// One cell the refresh wants to hold a computed value.
struct CellWrite {
    xlsx::CellRef ref;
    enum class Kind { number, text, blank } kind = Kind::blank;
    double value = 0;
    std::string text;
    bool percent = false;  // show as a percentage (keeps an existing % format)
    bool future = false;   // a period after the latest one

    static CellWrite at(xlsx::CellRef ref) {
        CellWrite w;
        w.ref = ref;
        return w;
    }
};

// A conditional format the refresh wants on a sheet.
struct RagFormat {
    std::string sqref;
    enum class Kind { status_words, against_target } kind = Kind::status_words;
    // For against_target: the first cell of the target range it compares with,
    // and the rule's parameters.
    xlsx::CellRef first_actual, first_target;
    core::Polarity polarity = core::Polarity::higher;
    core::Tolerance tolerance;

    static RagFormat on_words(std::string sqref) {
        RagFormat f;
        f.sqref = std::move(sqref);
        return f;
    }
};

struct MeasureResult {
    std::string name;
    std::string sheet;
    std::string layout;  // "block" or "table"
    std::string cells;   // where it was found ("A12:P20")
    core::MeasureSettings settings;
    bool cumulative_input = false;
    // Block layout.
    std::optional<core::FinancialYear> this_year;
    core::PeriodKind kind = core::PeriodKind::month;
    int periods = 0, latest = 0;
    std::string latest_label;  // "Jun 2015/16", "Q1 2015/16"
    std::vector<std::string> period_labels;
    core::Series actual_this, actual_last, cum_this, cum_last, target, percent;
    std::vector<std::optional<core::Status>> period_status;        // up to the latest period
    std::vector<std::optional<core::Direction>> period_direction;
    std::vector<std::uint32_t> period_columns;
    std::map<int, std::uint32_t> actual_rows;  // first year of a financial year -> its actuals row
    struct YearRow {
        RowRole role;
        int year;  // first calendar year of the financial year
        std::uint32_t row;
        xlsx::CellRef label_cell;
        std::string label;
    };
    std::vector<YearRow> year_rows;  // every block row whose label names a year
    std::optional<std::uint32_t> table_row, table_actual_column;  // table layout: where the actual is
    std::optional<core::Projection> projection;
    // Both layouts: the headline figures at the latest period.
    std::optional<double> ytd_actual, ytd_last_year, target_at_latest, percent_change;
    std::optional<core::Status> status;
    std::optional<core::Direction> direction;

    std::vector<CellWrite> writes;
    std::vector<RagFormat> formats;
    std::vector<Issue> warnings;
};

// Run-wide defaults from the command line, below the settings sheet.
struct Defaults {
    std::optional<double> tolerance;
    std::optional<int> start_month;
};

std::optional<MeasureResult> evaluate_block(const SheetGrid& grid, const Block& block, const SettingsSheet& settings,
                                            const Defaults& defaults, std::vector<Issue>& skipped);
std::vector<MeasureResult> evaluate_table(const SheetGrid& grid, const Table& table, const SettingsSheet& settings,
                                          const Defaults& defaults);

}  // namespace converter
