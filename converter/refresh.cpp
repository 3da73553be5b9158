#include "converter/refresh.hpp"

#include "converter/rag_formats.hpp"
#include "core/text.hpp"
#include "xlsx/error.hpp"
#include "xlsx/package.hpp"

#include <fmt/format.h>

#include <cmath>
#include <strings.h>

namespace converter {
namespace {

std::string shown(xlsx::Workbook& wb, const xlsx::Cell& c) {
    if (c.has_formula()) return "=" + c.formula + (c.has_value ? fmt::format(" ({})", c.value) : "");
    xlsx::CellValue v = wb.value_of(c);
    switch (v.kind) {
        case xlsx::CellValue::Kind::number: return xlsx::format_number(v.number);
        case xlsx::CellValue::Kind::text: case xlsx::CellValue::Kind::error: return v.text;
        case xlsx::CellValue::Kind::boolean: return v.number ? "TRUE" : "FALSE";
        default: return {};
    }
}

bool same_number(const xlsx::Cell& c, double value) {
    if (!c.has_value || !(c.type.empty() || c.type == "n")) return false;
    char* end = nullptr;
    double old = std::strtod(c.value.c_str(), &end);
    return end && *end == '\0' && old == value;
}

// Applies one write to `cell`; returns true when the cell changed.
bool write_cell(xlsx::Workbook& wb, xlsx::Cell& cell, const CellWrite& w, const std::string& sheet,
                ApplyResult& result) {
    bool changed = false;
    switch (w.kind) {
        case CellWrite::Kind::number:
            if (!same_number(cell, w.value)) {
                if (cell.has_formula() && cell.has_value && !cell.value.empty() && (cell.type.empty() || cell.type == "n")) {
                    double old = std::strtod(cell.value.c_str(), nullptr);
                    if (std::fabs(old - w.value) > 1e-9 * std::max(1.0, std::fabs(w.value)))
                        result.warnings.push_back({sheet, cell.ref, fmt::format("the formula ={} showed {} but the "
                                                                                "figure is {} (the formula may be wrong)",
                                                                                cell.formula, cell.value,
                                                                                xlsx::format_number(w.value))});
                }
                cell.type.clear();
                cell.has_value = true;
                cell.value = xlsx::format_number(w.value);
                changed = true;
                if (cell.has_formula()) result.formulas_updated = true;
            }
            if (w.percent && !(cell.style && wb.styles().is_percent(*cell.style))) {
                cell.style = wb.styles().with_number_format(cell.style.value_or(0), "0%");
                changed = true;
            }
            break;
        case CellWrite::Kind::text: {
            xlsx::CellValue v = wb.value_of(cell);
            if (v.kind == xlsx::CellValue::Kind::text && v.text == w.text) break;
            wb.set_text(cell, w.text);
            if (cell.has_formula()) result.formulas_updated = true;
            changed = true;
            break;
        }
        case CellWrite::Kind::blank:
            if (cell.has_formula()) {
                if (cell.has_value && !cell.value.empty())
                    result.warnings.push_back(
                        {sheet, cell.ref,
                         w.future ? "a formula shows a figure for a period with no data yet; it is left alone"
                                  : "a formula shows a figure where the rules give none; it is left alone"});
            } else if (cell.has_value) {
                cell.has_value = false;
                cell.value.clear();
                cell.type.clear();
                changed = true;
            }
            break;
    }
    return changed;
}

}  // namespace

std::string what_was_looked_for() {
    return "no scorecard found: looked for a row of 12 month labels (Apr … Mar) or 4 quarter labels (Q1 … Q4) "
           "followed by rows labelled \"Actual <year>\", \"Cumulative <year>\", \"Target\", \"% difference\", \"RAG\"; "
           "or a table with columns \"Measure\", \"Actual\", \"Target\" or \"Last year\", and \"RAG\", \"DoT\" or "
           "\"% change\"";
}

Analysis analyse(xlsx::Workbook& wb, const Defaults& defaults) {
    Analysis a;
    for (const xlsx::SheetInfo& info : wb.sheets())
        if (info.kind == xlsx::SheetKind::worksheet && strcasecmp(info.name.c_str(), kSettingsSheetName.data()) == 0) {
            a.settings_sheet = info.name;
            SheetGrid grid(wb, *wb.worksheet(info.name), info.name);
            a.settings = read_settings(grid, a.warnings);
        }
    for (const xlsx::SheetInfo& info : wb.sheets()) {
        if (info.kind != xlsx::SheetKind::worksheet || info.name == a.settings_sheet) continue;
        SheetGrid grid(wb, *wb.worksheet(info.name), info.name);
        ++a.sheets_read;
        SheetScorecards found = recognise_sheet(grid, defaults.start_month.value_or(4));
        for (const Skipped& s : found.skipped)
            a.skipped.push_back({s.sheet, std::nullopt, fmt::format("cells {} {}", s.cells, s.reason)});
        for (const Block& b : found.blocks)
            if (auto m = evaluate_block(grid, b, a.settings, defaults, a.skipped)) a.measures.push_back(std::move(*m));
        for (const Table& t : found.tables)
            for (MeasureResult& m : evaluate_table(grid, t, a.settings, defaults)) a.measures.push_back(std::move(m));
    }
    return a;
}

ApplyResult apply(xlsx::Workbook& wb, const Analysis& analysis) {
    ApplyResult result;
    for (const MeasureResult& m : analysis.measures) {
        xlsx::Worksheet* ws = wb.worksheet(m.sheet);
        if (!ws) throw xlsx::Error("", fmt::format("sheet \"{}\" disappeared", m.sheet));
        for (const CellWrite& w : m.writes) {
            xlsx::Cell cell = ws->cell(w.ref).value_or(xlsx::Cell::at(w.ref));
            std::string before = shown(wb, cell);
            if (!write_cell(wb, cell, w, m.sheet, result)) continue;
            ws->put(cell);
            result.changes.push_back({m.sheet, w.ref, before, shown(wb, cell)});
        }
        for (const RagFormat& f : m.formats) put_rag_format(wb, *ws, f);
    }
    if (result.formulas_updated) wb.set_full_calc_on_load();
    return result;
}

}  // namespace converter

namespace converter {

std::string explain_error(const xlsx::Error& e, xlsx::Workbook* wb) {
    if (wb && !e.part().empty())
        for (const xlsx::SheetInfo& s : wb->sheets())
            if (xlsx::normalize_part_name(s.part) == xlsx::normalize_part_name(e.part()))
                return fmt::format("sheet \"{}\" ({})", s.name, e.what());
    return e.what();
}

RefreshedFile refresh_file(const std::string& input, const std::string& output, const Defaults& defaults,
                           const std::function<void()>& before_write) {
    std::unique_ptr<xlsx::Workbook> wb;
    try {
        wb = std::make_unique<xlsx::Workbook>(input);
        RefreshedFile r;
        r.analysis = analyse(*wb, defaults);
        if (r.analysis.measures.empty()) {
            std::string why = what_was_looked_for();
            for (const Issue& s : r.analysis.skipped) why += "\n  " + describe(s);
            throw RefreshFailure(why);
        }
        r.applied = apply(*wb, r.analysis);
        if (output.empty()) return r;
        if (before_write) before_write();
        xlsx::write_file_atomically(output, [&](std::FILE* f) { wb->save(f); });
        return r;
    } catch (const xlsx::Error& e) {
        throw RefreshFailure(explain_error(e, wb.get()));
    } catch (const std::bad_alloc&) {
        throw RefreshFailure("the workbook needs more memory than is available");
    }
}

}  // namespace converter
