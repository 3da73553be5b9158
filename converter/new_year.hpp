#pragma once
// `scorecard new-year`: rolls a workbook into the next financial year, and
// `scorecard import`: writes a monthly extract into the actuals rows.
#include "converter/evaluate.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace converter {

int new_year_command(const std::string& input, const std::optional<std::string>& output, const Defaults& defaults,
                     std::ostream& out, std::ostream& err);

struct ImportRequest {
    std::string figures, workbook;
    std::optional<std::string> output;
    bool skip_bad_lines = false;
    Defaults defaults;
};
int import_command(const ImportRequest& request, std::ostream& out, std::ostream& err);

}  // namespace converter
