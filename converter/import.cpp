// `scorecard import FIGURES.csv BOOK.xlsx`: the monthly extract from police or
// council systems (measure, period, value) written into the actuals rows of
// the matching measures, then the workbook is refreshed.
#include "converter/commands.hpp"
#include "converter/new_year.hpp"
#include "converter/refresh.hpp"
#include "core/periods.hpp"
#include "core/text.hpp"
#include "xlsx/workbook.hpp"

#include <fmt/format.h>

#include <fstream>
#include <ostream>
#include <sstream>

namespace converter {
namespace {

// RFC 4180 records; quoted fields may hold commas, quotes and line breaks.
std::vector<std::pair<int, std::vector<std::string>>> read_csv(const std::string& text) {
    std::vector<std::pair<int, std::vector<std::string>>> out;
    std::vector<std::string> record(1);
    bool quoted = false;
    int line = 1, start_line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { record.back().push_back('"'); ++i; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line; record.back().push_back(c); }
        } else if (c == '"') quoted = true;
        else if (c == ',') record.emplace_back();
        else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (record.size() > 1 || !record[0].empty()) out.emplace_back(start_line, record);
            record.assign(1, "");
            start_line = ++line;
        } else record.back().push_back(c);
    }
    if (record.size() > 1 || !record[0].empty()) out.emplace_back(start_line, record);
    return out;
}

struct Target {
    std::string sheet;
    xlsx::CellRef cell;
};

// The measure a name means: the same name, or the only one it is the start of.
const MeasureResult* find_measure(const Analysis& a, const std::string& name, std::string& why) {
    std::string key = core::normalize_label(name);
    std::vector<const MeasureResult*> prefixed;
    for (const MeasureResult& m : a.measures) {
        std::string title = core::normalize_label(m.name);
        if (title == key) return &m;
        if (!key.empty() && title.starts_with(key)) prefixed.push_back(&m);
    }
    if (prefixed.size() == 1) return prefixed[0];
    why = prefixed.empty() ? fmt::format("no measure called \"{}\" in the workbook", name)
                           : fmt::format("\"{}\" matches {} measures; give more of the name", name, prefixed.size());
    return nullptr;
}

// "2015-06", "Jun 2015", "June 2015", "Jun-15", "June" (this year), "Q1", "Q1 2015/16".
std::optional<Target> locate(const MeasureResult& m, const std::string& period, std::string& why) {
    if (m.layout == "table") return Target{m.sheet, {*m.table_row, *m.table_actual_column}};
    int start = m.settings.start_month.value;
    std::string p = core::trim(period);
    std::optional<int> month, quarter, year;
    std::optional<core::FinancialYear> fy;
    if (p.size() == 7 && p[4] == '-' && std::isdigit(static_cast<unsigned char>(p[0]))) {
        year = std::stoi(p.substr(0, 4));
        month = std::stoi(p.substr(5, 2));
        if (*month < 1 || *month > 12) month.reset();
    } else if ((quarter = core::parse_quarter(p.substr(0, p.find(' ')), start))) {
        if (p.find(' ') != std::string::npos) fy = core::parse_year(p.substr(p.find(' ') + 1), start);
    } else if ((month = core::parse_month(p))) {
        for (std::size_t i = 0; i < p.size(); ++i)
            if (std::isdigit(static_cast<unsigned char>(p[i]))) {
                int y = std::stoi(p.substr(i));
                year = y < 100 ? 2000 + y : y;
                break;
            }
    }
    if (!month && !quarter) {
        why = fmt::format("\"{}\" is not a period (write 2015-06, Jun 2015 or June)", period);
        return std::nullopt;
    }
    int index;
    if (month) {
        if (m.kind == core::PeriodKind::quarter) {
            why = fmt::format("\"{}\" is quarterly: give a quarter (Q1 … Q4), not a month", m.name);
            return std::nullopt;
        }
        index = (*month - start + 12) % 12 + 1;
        if (year) fy = core::FinancialYear{*month >= start ? *year : *year - 1, start};
    } else {
        if (m.kind == core::PeriodKind::month) {
            why = fmt::format("\"{}\" is monthly: give a month, not a quarter", m.name);
            return std::nullopt;
        }
        index = *quarter;
    }
    int first_year = fy ? fy->first_year : m.this_year->first_year;
    auto row = m.actual_rows.find(first_year);
    if (row == m.actual_rows.end()) {
        why = fmt::format("{} is outside the years of \"{}\" (it has actuals rows for {})", period, m.name,
                          [&] { std::string y; for (auto& [k, r] : m.actual_rows) y += (y.empty() ? "" : ", ") + core::format_year({k, start}); return y; }());
        return std::nullopt;
    }
    return Target{m.sheet, {row->second, m.period_columns[static_cast<std::size_t>(index - 1)]}};
}

}  // namespace

int import_command(const ImportRequest& r, std::ostream& out, std::ostream& err) {
    std::string figures_name = base_name(r.figures), book_name = base_name(r.workbook);
    std::string target = r.output.value_or(default_output_path(r.workbook, "-imported"));
    try {
        std::ifstream in(r.figures, std::ios::binary);
        if (!in) throw RefreshFailure(fmt::format("cannot read {}", figures_name));
        std::stringstream text;
        text << in.rdbuf();
        auto records = read_csv(text.str());
        if (records.empty()) throw RefreshFailure(fmt::format("{} is empty", figures_name));
        std::map<std::string, std::size_t> col;
        for (std::size_t i = 0; i < records[0].second.size(); ++i) col[core::normalize_label(records[0].second[i])] = i;
        for (const char* needed : {"measure", "period", "value"})
            if (!col.count(needed))
                throw RefreshFailure(fmt::format("{} line 1: no \"{}\" column (the header must name measure, period, value)",
                                                 figures_name, needed));
        xlsx::Workbook wb(r.workbook);
        Analysis a = analyse(wb, r.defaults);
        std::vector<std::string> bad;
        std::vector<std::pair<Target, double>> writes;
        for (std::size_t i = 1; i < records.size(); ++i) {
            const int line = records[i].first;
            const std::vector<std::string>& fields = records[i].second;
            auto field = [&](const char* name) { return col[name] < fields.size() ? fields[col[name]] : std::string(); };
            std::string why;
            auto value = core::read_number(field("value"));
            const MeasureResult* m = find_measure(a, field("measure"), why);
            std::optional<Target> t = m ? locate(*m, field("period"), why) : std::nullopt;
            if (t && !value) why = fmt::format("\"{}\" is not a number", field("value"));
            if (!why.empty()) bad.push_back(fmt::format("{} line {}: {}", figures_name, line, why));
            else writes.emplace_back(*t, *value);
        }
        for (const std::string& b : bad) err << (r.skip_bad_lines ? "warning: " : "error: ") << b << "\n";
        if (!bad.empty() && !r.skip_bad_lines) {
            err << fmt::format("error: {}: nothing written ({} bad lines; --skip-bad-lines imports the others)\n",
                               figures_name, bad.size());
            return 1;
        }
        for (const auto& [t, value] : writes) {
            xlsx::Worksheet& ws = *wb.worksheet(t.sheet);
            xlsx::Cell cell = ws.cell(t.cell).value_or(xlsx::Cell::at(t.cell));
            if (cell.has_formula()) {
                err << fmt::format("warning: {}: sheet \"{}\" cell {} holds a formula; the figure was not written\n",
                                   book_name, t.sheet, xlsx::format_cell_ref(t.cell));
                continue;
            }
            cell.type.clear();
            cell.has_value = true;
            cell.value = xlsx::format_number(value);
            ws.put(cell);
        }
        Analysis after = analyse(wb, r.defaults);
        apply(wb, after);
        xlsx::write_file_atomically(target, [&](std::FILE* f) { wb.save(f); });
        out << fmt::format("{}: {} figures imported into {} and refreshed; written to {}\n", figures_name, writes.size(),
                           book_name, target);
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << book_name << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace converter
