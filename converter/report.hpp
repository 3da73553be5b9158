#pragma once
// The committee report: a headline, the exception items (Red, then Amber) in
// the seed papers' structure with sentences generated from the figures, a
// table of every measure and a chart per measure. Wording and layout come from
// the template folder (templates/report): phrases.txt, report.html, report.md
// and report-template.docx.
#include "converter/chart.hpp"
#include "converter/refresh.hpp"
#include "converter/template.hpp"

#include <map>
#include <string>

namespace converter {

using Phrases = std::map<std::string, std::string>;

// Numbers as a person writes them: 2,527; 666.5; −186 (a true minus sign).
std::string format_count(double value);
std::string format_signed(double value);
// 0.0686 -> "7%", 0.002 -> "less than 1%" (the size of a change, no sign).
std::string format_change(double fraction);
// "quarter one", "April to August", or "the year to date" for tables.
std::string period_phrase(const MeasureResult& m);
// The sentences of an exception item, from `phrases`.
std::vector<std::string> measure_sentences(const MeasureResult& m, const Phrases& phrases);

enum class ChartFormat { svg, png_reference, none };
// Everything the report templates use. With png_reference each measure's
// `chart` is "chartN.png" and the caller renders the image itself.
TemplateData report_data(const Analysis& analysis, const std::string& file_name, const Phrases& phrases,
                         ChartFormat charts);

// The template folder: `explicit_dir` when given, else $SCORECARD_TEMPLATES,
// else the installed share folder beside the executable, else the source tree's.
std::string template_folder(const std::string& explicit_dir);

// `scorecard report BOOK.xlsx [--format html|md|docx] [-o FILE] [--template DIR]`
int report_command(const std::string& input, const std::string& format, const std::optional<std::string>& output,
                   const std::string& template_dir, const Defaults& defaults, std::ostream& out, std::ostream& err);

// Writes the DOCX report (report_docx.cpp).
void write_report_docx(const Analysis& analysis, const std::string& file_name, const Phrases& phrases,
                       const std::string& template_docx, const std::string& output);

// The chart of a block measure (empty lines for a table measure).
Chart measure_chart(const MeasureResult& m);

}  // namespace converter
