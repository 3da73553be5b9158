#pragma once
// The refresh of a workbook: recognise every scorecard (§2), compute (§3) and
// write the results back into the workbook (§4). No files are opened here;
// the caller opens the Workbook and saves it.
#include "converter/evaluate.hpp"
#include "xlsx/error.hpp"
#include "xlsx/workbook.hpp"

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace converter {

struct Analysis {
    std::vector<MeasureResult> measures;
    std::vector<Issue> skipped;   // blocks that could not be read, with the reason
    std::vector<Issue> warnings;  // settings-sheet problems and the like
    std::string settings_sheet;   // name of the settings sheet, empty when none
    SettingsSheet settings;
    std::size_t sheets_read = 0;
};

// Recognises and computes every measure of the workbook. Reads only.
Analysis analyse(xlsx::Workbook& workbook, const Defaults& defaults);

struct CellChange {
    std::string sheet;
    xlsx::CellRef ref;
    std::string before, after;  // as shown to the officer ("" for empty)
};

struct ApplyResult {
    std::vector<CellChange> changes;
    std::vector<Issue> warnings;
    bool formulas_updated = false;
};

// Writes the analysis into the workbook in memory: values, number formats,
// status words and the RAG conditional formats. Idempotent: applying the
// analysis of an already refreshed workbook changes nothing.
ApplyResult apply(xlsx::Workbook& workbook, const Analysis& analysis);

// What "no scorecard found" says was looked for.
std::string what_was_looked_for();

// A refresh that cannot be done, in plain words an officer can act on.
struct RefreshFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct RefreshedFile {
    Analysis analysis;
    ApplyResult applied;
};

// The whole refresh of one file, shared by `refresh` and `watch`: opens
// `input`, recognises, computes and applies, and unless `output` is empty
// writes the result there atomically (calling `before_write` first). Throws
// RefreshFailure naming the sheet and cell where there is one; nothing is
// written then.
RefreshedFile refresh_file(const std::string& input, const std::string& output, const Defaults& defaults,
                           const std::function<void()>& before_write = {});

// An engine error with the sheet named when the part is a worksheet.
std::string explain_error(const xlsx::Error& error, xlsx::Workbook* workbook);

}  // namespace converter
