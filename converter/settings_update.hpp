#pragma once
// Writing the Scorecard Settings sheet (init and new-year share it).
#include "converter/refresh.hpp"

#include <string>

namespace converter {

struct SettingsUpdate {
    int added = 0;
    bool new_sheet = false;
    std::string sheet;
};

// Adds the settings sheet if missing, the columns it lacks, and a row with
// what was inferred for every measure no row covers yet; rows the officer
// wrote are never overwritten. With `mark_target_year`, the "Target for"
// column of every measure with an annual target is set to this year, so that
// after a roll into the next year inspect can say which targets are stale.
SettingsUpdate update_settings_sheet(xlsx::Workbook& workbook, const Analysis& analysis, bool mark_target_year);

}  // namespace converter
