#pragma once
// The RAG conditional formats of §4: live rules on status cells (by their
// words) and on this year's cumulative row against the target row, in
// Excel's own good / neutral / bad palette.
#include "converter/evaluate.hpp"
#include "xlsx/workbook.hpp"

namespace converter {

// Adds (or replaces the tool's earlier copy of) the conditional format `format` on `sheet`.
void put_rag_format(xlsx::Workbook& workbook, xlsx::Worksheet& sheet, const RagFormat& format);

}  // namespace converter
