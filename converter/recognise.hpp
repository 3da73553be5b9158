#pragma once
// Recognising scorecards in a sheet (SCORECARD-RULES §2.1 block layout and
// §2.2 table layout). Recognition is driven by labels, never by positions.
#include "converter/grid.hpp"
#include "core/periods.hpp"

#include <optional>
#include <string>
#include <vector>

namespace converter {

enum class RowRole { percent_difference, target, cumulative, actual, status, direction, numerator, denominator };
std::string_view name_of(RowRole role);

// The role a row label plays, by the precedence of §2.1; nullopt when none.
std::optional<RowRole> classify_label(std::string_view label);

struct BlockRow {
    RowRole role;
    std::uint32_t row;
    std::string label;
    xlsx::CellRef label_cell;
    std::optional<core::FinancialYear> year;
    bool per_period = false;  // a target row labelled monthly / quarterly / in month
};

struct Block {
    std::string sheet;
    std::string title;
    std::optional<xlsx::CellRef> title_cell;
    std::uint32_t header_row = 0, last_row = 0;
    std::vector<std::uint32_t> period_columns;  // column of period 1..n
    core::PeriodKind kind = core::PeriodKind::month;
    int start_month = 4;
    std::vector<BlockRow> rows;
    bool mentions_monitoring = false;
};

struct Table {
    std::string sheet;
    std::uint32_t header_row = 0;
    std::uint32_t name_column = 0;
    std::optional<std::uint32_t> actual, target, last_year, status, direction, change;
    std::vector<std::uint32_t> measure_rows;
};

struct Skipped {
    std::string sheet;
    std::string cells;   // "A12:P20"
    std::string reason;  // plain words
};

struct SheetScorecards {
    std::vector<Block> blocks;
    std::vector<Table> tables;
    std::vector<Skipped> skipped;
};

// Finds every block and table on the sheet. Blocks whose rows cannot be read
// unambiguously are reported in `skipped`, never guessed at.
SheetScorecards recognise_sheet(const SheetGrid& grid, int default_start_month);

}  // namespace converter
