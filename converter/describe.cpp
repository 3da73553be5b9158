#include "converter/describe.hpp"

#include <fmt/format.h>

#include <cmath>

namespace converter {

std::string group_thousands(double magnitude) {
    std::string digits = fmt::format("{}", static_cast<long long>(std::llround(std::fabs(magnitude))));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    return grouped;
}

std::string format_figure(std::optional<double> value) {
    if (!value) return "-";
    double v = *value;
    if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) return (v < 0 ? "-" : "") + group_thousands(v);
    return fmt::format("{:.2f}", v);
}

std::string summary_line(const MeasureResult& m) {
    std::string status = m.status ? std::string(core::name_of(*m.status)) : "no status";
    std::string when = m.layout == "table" ? "table" : (m.latest ? m.latest_label : "no data yet");
    return fmt::format("{} | {} | {} | YTD {} | target {} | {}", m.sheet, m.name, when, format_figure(m.ytd_actual),
                       format_figure(m.target_at_latest), status);
}

std::string settings_lines(const MeasureResult& m) {
    const core::MeasureSettings& s = m.settings;
    auto src = [](core::Source source) { return core::name_of(source); };
    std::string out;
    out += fmt::format("    polarity: {} ({})\n", core::name_of(s.polarity.value), src(s.polarity.source));
    out += fmt::format("    annual target: {} ({})\n", format_figure(s.annual_target.value), src(s.annual_target.source));
    out += fmt::format("    tolerance: {} {} ({})\n",
                       s.tolerance_type.value == core::ToleranceType::percent ? fmt::format("{}%", s.tolerance.value * 100)
                                                                              : format_figure(s.tolerance.value),
                       core::name_of(s.tolerance_type.value), src(s.tolerance.source));
    if (s.amber_threshold.value)
        out += fmt::format("    amber threshold: {} ({})\n", format_figure(s.amber_threshold.value),
                           src(s.amber_threshold.source));
    out += fmt::format("    profile: {} ({})\n", core::name_of(s.profile.value), src(s.profile.source));
    out += fmt::format("    aggregation: {} ({})\n", core::name_of(s.aggregation.value), src(s.aggregation.source));
    out += fmt::format("    scheme: {} ({})\n", s.scheme.value, src(s.scheme.source));
    out += fmt::format("    start month: {} ({})\n", core::month_abbreviation(s.start_month.value), src(s.start_month.source));
    out += fmt::format("    DoT threshold: {}% ({})\n", s.dot_threshold.value * 100, src(s.dot_threshold.source));
    return out;
}

void write_issues_json(JsonWriter& json, const std::vector<Issue>& issues) {
    json.begin_array();
    for (const Issue& i : issues) {
        json.begin_object().key("sheet").value(i.sheet).key("cell");
        if (i.cell) json.value(xlsx::format_cell_ref(*i.cell));
        else json.null();
        json.key("message").value(i.message).end_object();
    }
    json.end_array();
}

static void write_setting_json(JsonWriter& json, std::string_view name, auto value, core::Source source) {
    json.key(name).begin_object().key("value");
    json.value(value);
    json.key("source").value(core::name_of(source)).end_object();
}

void write_measure_json(JsonWriter& json, const MeasureResult& m) {
    const core::MeasureSettings& s = m.settings;
    json.begin_object().key("measure").value(m.name).key("sheet").value(m.sheet).key("layout").value(m.layout);
    json.key("cells").value(m.cells);
    if (m.layout == "block") {
        json.key("periods").value(m.periods).key("this_year").value(core::format_year(*m.this_year));
        json.key("latest_period").value(m.latest).key("latest_label").value(m.latest_label);
        json.key("cumulative_input").value(m.cumulative_input);
    }
    json.key("settings").begin_object();
    write_setting_json(json, "polarity", core::name_of(s.polarity.value), s.polarity.source);
    write_setting_json(json, "annual_target", s.annual_target.value, s.annual_target.source);
    write_setting_json(json, "tolerance", s.tolerance.value, s.tolerance.source);
    write_setting_json(json, "tolerance_type", core::name_of(s.tolerance_type.value), s.tolerance_type.source);
    write_setting_json(json, "amber_threshold", s.amber_threshold.value, s.amber_threshold.source);
    write_setting_json(json, "profile", core::name_of(s.profile.value), s.profile.source);
    write_setting_json(json, "aggregation", core::name_of(s.aggregation.value), s.aggregation.source);
    write_setting_json(json, "scheme", s.scheme.value, s.scheme.source);
    write_setting_json(json, "start_month", core::month_abbreviation(s.start_month.value), s.start_month.source);
    write_setting_json(json, "dot_threshold", s.dot_threshold.value, s.dot_threshold.source);
    json.end_object();
    json.key("ytd_actual").value(m.ytd_actual).key("last_year").value(m.ytd_last_year);
    json.key("target_at_latest").value(m.target_at_latest).key("percent_change").value(m.percent_change);
    json.key("status");
    if (m.status) json.value(core::name_of(*m.status));
    else json.null();
    json.key("direction");
    if (m.direction) json.value(core::name_of(*m.direction));
    else json.null();
    if (m.projection) {
        json.key("projection").begin_object().key("run_rate").value(m.projection->run_rate);
        json.key("seasonal").value(m.projection->seasonal).key("on_course").value(m.projection->on_course).end_object();
    }
    json.key("warnings");
    write_issues_json(json, m.warnings);
    json.end_object();
}

}  // namespace converter
