#include "converter/export.hpp"

#include "converter/commands.hpp"
#include "converter/json.hpp"
#include "core/periods.hpp"
#include "xlsx/worksheet.hpp"

#include <fmt/format.h>

#include <ostream>

namespace converter {
namespace {

std::string csv_number(const std::optional<double>& v) { return v ? xlsx::format_number(*v) : ""; }

template <class T>
std::optional<T> at(const std::vector<std::optional<T>>& v, std::size_t i) {
    return i < v.size() ? v[i] : std::nullopt;
}

}  // namespace

std::vector<TidyRow> tidy_rows(const Analysis& a) {
    std::vector<TidyRow> rows;
    for (const MeasureResult& m : a.measures) {
        if (m.layout == "table") {
            TidyRow r{m.sheet, m.name, m.layout, "year to date", "", 0, m.ytd_actual, m.ytd_actual, m.target_at_latest,
                      m.percent_change, m.status ? std::string(core::name_of(*m.status)) : "",
                      m.direction ? std::string(core::name_of(*m.direction)) : ""};
            rows.push_back(std::move(r));
            continue;
        }
        std::string year = core::format_year(*m.this_year);
        for (int i = 0; i < m.periods; ++i) {
            const std::string& label = m.period_labels[i];
            TidyRow r;
            r.sheet = m.sheet;
            r.measure = m.name;
            r.layout = m.layout;
            r.period = label.substr(0, label.find(' '));
            r.year = year;
            r.period_number = i + 1;
            r.actual = m.cumulative_input ? std::nullopt : at(m.actual_this, i);
            r.cumulative = at(m.cum_this, i);
            r.target = at(m.target, i);
            r.percent_difference = at(m.percent, i);
            if (auto s = at(m.period_status, i)) r.rag = std::string(core::name_of(*s));
            if (auto d = at(m.period_direction, i)) r.direction = std::string(core::name_of(*d));
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

std::string csv_text_field(std::string_view text) {
    std::string v(text);
    if (!v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos) v = "'" + v;
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string quoted = "\"";
    for (char c : v) {
        if (c == '"') quoted += "\"\"";
        else quoted.push_back(c);
    }
    return quoted + "\"";
}

std::string tidy_csv(const std::vector<TidyRow>& rows) {
    std::string out = "sheet,measure,layout,period,period_number,year,actual,cumulative,target,percent_difference,rag,direction\r\n";
    for (const TidyRow& r : rows)
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_text_field(r.sheet), csv_text_field(r.measure),
                           r.layout, csv_text_field(r.period), r.period_number, csv_text_field(r.year), csv_number(r.actual),
                           csv_number(r.cumulative), csv_number(r.target), csv_number(r.percent_difference), r.rag,
                           r.direction);
    return out;
}

std::string tidy_json(const std::vector<TidyRow>& rows) {
    JsonWriter j;
    j.begin_array();
    for (const TidyRow& r : rows) {
        j.begin_object().key("sheet").value(r.sheet).key("measure").value(r.measure).key("layout").value(r.layout);
        j.key("period").value(r.period).key("period_number").value(r.period_number).key("year").value(r.year);
        j.key("actual").value(r.actual).key("cumulative").value(r.cumulative).key("target").value(r.target);
        j.key("percent_difference").value(r.percent_difference);
        j.key("rag");
        r.rag.empty() ? j.null() : j.value(r.rag);
        j.key("direction");
        r.direction.empty() ? j.null() : j.value(r.direction);
        j.end_object();
    }
    j.end_array();
    return j.str() + "\n";
}

int export_command(const std::string& input, const std::string& format, const std::optional<std::string>& output,
                   const Defaults& defaults, std::ostream& out, std::ostream& err) {
    if (format != "csv" && format != "json") {
        err << "scorecard export: --format takes csv or json\n";
        return 2;
    }
    try {
        RefreshedFile r = refresh_file(input, "", defaults);
        auto rows = tidy_rows(r.analysis);
        std::string text = format == "csv" ? tidy_csv(rows) : tidy_json(rows);
        if (!output || *output == "-") {
            out << text;
        } else {
            xlsx::write_file_atomically(*output, [&](std::FILE* f) { std::fwrite(text.data(), 1, text.size(), f); });
            err << fmt::format("{}: {} rows written to {}\n", base_name(input), rows.size(), *output);
        }
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << base_name(input) << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace converter
