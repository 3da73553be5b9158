#include "converter/report.hpp"

#include "converter/chart.hpp"
#include "converter/commands.hpp"
#include "converter/describe.hpp"
#include "core/periods.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <unistd.h>

namespace converter {
namespace {

namespace fs = std::filesystem;
constexpr std::string_view kMinus = "\xE2\x88\x92";  // U+2212

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RefreshFailure(fmt::format("cannot read the report template {}", path));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string phrase(const Phrases& p, const std::string& key, const std::map<std::string, std::string>& values = {}) {
    auto it = p.find(key);
    return it == p.end() ? std::string() : fill_phrase(it->second, values);
}

std::string colour_name(const MeasureResult& m) {
    if (!m.status || *m.status == core::Status::monitor) return m.status ? "monitor" : "none";
    switch (core::colour_of(*m.status)) {
        case core::Colour::red: return "red";
        case core::Colour::amber: return "amber";
        case core::Colour::green: return "green";
        default: return "none";
    }
}

std::string tolerance_text(const core::MeasureSettings& s) {
    if (s.amber_threshold.value) return "the amber threshold of " + format_count(*s.amber_threshold.value);
    if (s.tolerance_type.value == core::ToleranceType::absolute) return format_count(s.tolerance.value);
    return fmt::format("{:g}%", s.tolerance.value * 100);
}

const char* number_word(int n) {
    static const char* words[] = {"zero", "one", "two", "three", "four"};
    return n >= 0 && n <= 4 ? words[n] : "?";
}

}  // namespace

std::string format_count(double v) {
    double a = std::fabs(v);
    std::string body;
    if (a >= 100 || std::fabs(a - std::round(a)) < 1e-9) {
        body = group_thousands(a);
    } else {
        body = fmt::format("{:.2f}", a);
        while (body.back() == '0') body.pop_back();
        if (body.back() == '.') body.pop_back();
    }
    return (v < 0 && body != "0" ? std::string(kMinus) : "") + body;
}

std::string format_signed(double v) { return (v > 0 ? "+" : "") + format_count(v); }

std::string format_change(double fraction) {
    double pct = std::fabs(fraction) * 100;
    if (pct < 0.5) return "less than 1%";
    return fmt::format("{}%", std::llround(pct));
}

std::string period_phrase(const MeasureResult& m) {
    if (m.layout == "table" || m.latest == 0) return "the year to date";
    if (m.kind == core::PeriodKind::quarter) return fmt::format("quarter {}", number_word(m.latest));
    if (m.latest % 3 == 0) return fmt::format("quarter {}", number_word(m.latest / 3));
    return fmt::format("{} to {}", core::month_name(m.settings.start_month.value),
                       core::month_name(core::month_of_period(m.settings.start_month.value, m.latest)));
}

std::vector<std::string> measure_sentences(const MeasureResult& m, const Phrases& p) {
    std::vector<std::string> out;
    std::map<std::string, std::string> v{{"period", period_phrase(m)}};
    if (m.ytd_actual) v["actual"] = format_count(*m.ytd_actual);
    if (m.ytd_last_year) v["last_year"] = format_count(*m.ytd_last_year);
    if (m.target_at_latest) v["target"] = format_count(*m.target_at_latest);
    if (m.ytd_actual && m.ytd_last_year) {
        double diff = *m.ytd_actual - *m.ytd_last_year;
        v["difference"] = format_signed(diff);
        v["percent"] = m.percent_change ? format_change(*m.percent_change) : "";
        out.push_back(phrase(p, diff < 0 ? "change.down" : diff > 0 ? "change.up" : "change.same", v));
    }
    if (m.ytd_actual) {
        const char* key = !m.target_at_latest ? (m.ytd_last_year ? "position.no_target" : nullptr)
                          : m.ytd_last_year ? "position" : "position.no_last_year";
        if (key && m.settings.polarity.value != core::Polarity::monitor) out.push_back(phrase(p, key, v));
    }
    if (m.projection && m.projection->on_course && m.settings.annual_target.value) {
        v["annual"] = format_count(*m.settings.annual_target.value);
        v["projected"] = format_count(m.projection->seasonal.value_or(m.projection->run_rate));
        out.push_back(phrase(p, *m.projection->on_course ? "projection.on" : "projection.off", v));
    }
    std::erase_if(out, [](const std::string& s) { return s.empty(); });
    return out;
}

Chart measure_chart(const MeasureResult& m) {
    Chart c;
    if (m.layout != "block" || !m.this_year) return c;
    c.title = m.name;
    for (const std::string& label : m.period_labels) c.x_labels.push_back(label.substr(0, label.find(' ')));
    std::string this_year = core::format_year(*m.this_year);
    std::string last_year = core::format_year({m.this_year->first_year - 1, m.this_year->start_month});
    std::string colour = colour_name(m) == "red" ? "#C00000" : colour_name(m) == "amber" ? "#B8860B"
                         : colour_name(m) == "green" ? "#2E7D32" : "#1F4E79";
    // This year last, so that it is drawn on top where the lines meet.
    if (!m.target.empty() && m.settings.polarity.value != core::Polarity::monitor)
        c.lines.push_back({"target", m.target, ChartLine::Dash::dotted, "#000000"});
    c.lines.push_back({last_year, m.cum_last, ChartLine::Dash::dashed, "#777777"});
    c.lines.push_back({this_year, m.cum_this, ChartLine::Dash::solid, colour});
    return c;
}

TemplateData report_data(const Analysis& a, const std::string& file_name, const Phrases& p, ChartFormat charts) {
    TemplateData d;
    d.text["title"] = phrase(p, "title");
    d.text["file"] = file_name;
    d.text["exceptions_title"] = phrase(p, "exceptions");
    d.text["no_exceptions"] = phrase(p, "exceptions.none");
    d.text["all_title"] = phrase(p, "all_measures");
    std::map<std::string, int> counts;
    std::vector<std::string> periods;
    std::vector<TemplateData> red, amber;
    int chart_number = 0;
    for (const MeasureResult& m : a.measures) {
        TemplateData item;
        std::string colour = colour_name(m);
        counts[colour]++;
        std::string when = m.layout == "table" ? "year to date" : (m.latest ? m.latest_label : "no data yet");
        if (std::find(periods.begin(), periods.end(), when) == periods.end()) periods.push_back(when);
        item.text = {{"name", m.name}, {"sheet", m.sheet}, {"colour", colour == "monitor" ? "none" : colour},
                     {"status", m.status ? std::string(core::name_of(*m.status)) : "No status"},
                     {"latest", when}, {"ytd", m.ytd_actual ? format_count(*m.ytd_actual) : "-"},
                     {"target", m.target_at_latest ? format_count(*m.target_at_latest) : "-"},
                     {"change", m.percent_change ? (*m.percent_change < 0 ? std::string(kMinus) : std::string()) +
                                                       fmt::format("{:.1f}%", std::fabs(*m.percent_change) * 100)
                                                 : "-"},
                     {"direction", m.direction ? std::string(core::name_of(*m.direction)) : "-"}};
        std::string year = m.this_year ? core::format_year(*m.this_year) : "this year";
        item.text["heading"] = phrase(p, "heading." + colour, {{"tolerance", tolerance_text(m.settings)}});
        const auto& target = m.settings.annual_target.value;
        item.text["target_statement"] =
            m.settings.polarity.value == core::Polarity::monitor ? phrase(p, "target.monitor")
            : !target ? phrase(p, "target.none")
            : phrase(p, m.settings.polarity.value == core::Polarity::higher ? "target.higher" : "target.lower",
                     {{"year", year}, {"target", format_count(*target)}});
        for (const std::string& s : measure_sentences(m, p)) item.lists["sentences"].push_back({{{"sentence", s}}, {}, {}});
        Chart chart = measure_chart(m);
        if (!chart.lines.empty() && charts != ChartFormat::none) {
            item.text["chart"] = charts == ChartFormat::svg ? chart_svg(chart) : fmt::format("chart{}.png", ++chart_number);
            item.text["caption"] = phrase(p, "chart.caption", {{"this_year", year},
                                                               {"last_year", core::format_year({m.this_year->first_year - 1, 4})}});
        }
        if (colour == "red") red.push_back(item);
        if (colour == "amber") amber.push_back(item);
        d.lists["measures"].push_back(std::move(item));
    }
    d.lists["exceptions"] = red;
    d.lists["exceptions"].insert(d.lists["exceptions"].end(), amber.begin(), amber.end());
    std::map<std::string, std::string> v{{"total", std::to_string(a.measures.size())}};
    for (const char* c : {"green", "amber", "red", "monitor", "none"}) v[c] = std::to_string(counts[c]);
    d.text["headline"] = phrase(p, "headline", v);
    std::string joined;
    for (const auto& s : periods) joined += (joined.empty() ? "" : ", ") + s;
    d.text["period_line"] = phrase(p, "headline.period", {{"periods", joined}});
    return d;
}

std::string template_folder(const std::string& explicit_dir) {
    if (!explicit_dir.empty()) return explicit_dir;
    if (const char* env = std::getenv("SCORECARD_TEMPLATES")) return std::string(env) + "/report";
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    fs::path installed = exe.parent_path().parent_path() / "share" / "scorecard" / "templates" / "report";
    if (!ec && fs::is_directory(installed)) return installed.string();
    return std::string(SCORECARD_SOURCE_TEMPLATES) + "/report";
}

int report_command(const std::string& input, const std::string& format, const std::optional<std::string>& output,
                   const std::string& template_dir, const Defaults& defaults, std::ostream& out, std::ostream& err) {
    if (format != "html" && format != "md" && format != "docx") {
        err << "scorecard report: --format takes html, md or docx\n";
        return 2;
    }
    try {
        RefreshedFile r = refresh_file(input, "", defaults);
        std::string folder = template_folder(template_dir);
        Phrases phrases = read_phrases(read_text(folder + "/phrases.txt"));
        std::string name = base_name(input);
        std::string target = output.value_or(default_output_path(input, "-report").substr(0, default_output_path(input, "-report").rfind('.')) + "." + format);
        if (format == "docx") {
            write_report_docx(r.analysis, name, phrases, folder + "/report-template.docx", target);
        } else {
            bool html = format == "html";
            std::string text = render_template(html ? "report.html" : "report.md",
                                               read_text(folder + (html ? "/report.html" : "/report.md")),
                                               report_data(r.analysis, name, phrases, html ? ChartFormat::svg : ChartFormat::none),
                                               html ? Escaper(escape_html) : Escaper(escape_markdown));
            if (output && *output == "-") {
                out << text;
                return 0;
            }
            xlsx::write_file_atomically(target, [&](std::FILE* f) { std::fwrite(text.data(), 1, text.size(), f); });
        }
        out << fmt::format("{}: report of {} measures written to {}\n", name, r.analysis.measures.size(), target);
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << base_name(input) << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace converter
