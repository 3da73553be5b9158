#pragma once
// How measures, warnings and skipped blocks are shown: one line per measure
// for people, JSON for programs.
#include "converter/json.hpp"
#include "converter/refresh.hpp"

#include <string>

namespace converter {

// The rounded magnitude with thousands separators: -2527.4 -> "2,527".
std::string group_thousands(double magnitude);
std::string format_figure(std::optional<double> value);
// "Sheet | Measure | Jun 2015/16 | YTD 2,527 | target 2,516 | Amber"
std::string summary_line(const MeasureResult& m);
// Every setting with where it came from, one per line, indented.
std::string settings_lines(const MeasureResult& m);
void write_measure_json(JsonWriter& json, const MeasureResult& m);
void write_issues_json(JsonWriter& json, const std::vector<Issue>& issues);

}  // namespace converter
