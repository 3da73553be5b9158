#pragma once
// Line charts of a measure's year: this year's cumulative against last year's
// and the profiled target. SVG for HTML reports, PNG (no text; the caption says
// which line is which) for Word documents. Lines differ by dash pattern as well
// as colour, so the chart reads in black and white.
#include "core/calc.hpp"

#include <string>
#include <vector>

namespace converter {

struct ChartLine {
    std::string label;
    core::Series values;
    enum class Dash { solid, dashed, dotted } dash = Dash::solid;
    std::string colour;  // "#RRGGBB"
};

struct Chart {
    std::string title;
    std::vector<std::string> x_labels;
    std::vector<ChartLine> lines;
};

// A standalone <svg> element; all text escaped.
std::string chart_svg(const Chart& chart, int width = 560, int height = 220);
// A PNG image of the lines and axes (8-bit RGB).
std::string chart_png(const Chart& chart, int width = 560, int height = 220);

}  // namespace converter
