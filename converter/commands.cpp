#include "converter/commands.hpp"

#include "converter/describe.hpp"
#include "converter/refresh.hpp"
#include "xlsx/error.hpp"
#include "xlsx/package.hpp"
#include "xlsx/package_check.hpp"
#include "xlsx/workbook.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <ostream>

namespace converter {
namespace {

namespace fs = std::filesystem;

std::string output_for(const RefreshRequest& r, const std::string& input) {
    if (r.in_place) return input;
    if (r.output) return *r.output;
    if (r.out_dir) return (fs::path(*r.out_dir) / base_name(input)).string();
    return default_output_path(input);
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

struct FileOutcome {
    std::string input, output;
    RefreshedFile result;
};

void refresh_one(const RefreshRequest& r, FileOutcome& o) {
    o.output = output_for(r, o.input);
    if (!r.in_place && same_file(o.input, o.output))
        throw RefreshFailure("the output would overwrite the input; use --in-place to refresh it in place (a backup is kept)");
    std::function<void()> backup;
    if (r.in_place) backup = [&] { xlsx::copy_file_atomically(o.input, o.input + r.backup_suffix); };
    o.result = refresh_file(o.input, r.dry_run ? std::string() : o.output, r.defaults, backup);
}

void print_outcome(const RefreshRequest& r, const FileOutcome& o, std::ostream& out, std::ostream& err) {
    std::string name = base_name(o.input);
    for (const MeasureResult& m : o.result.analysis.measures) out << name << " | " << summary_line(m) << "\n";
    auto warn = [&](const Issue& i) { err << "warning: " << name << ": " << describe(i) << "\n"; };
    for (const Issue& i : o.result.analysis.warnings) warn(i);
    for (const Issue& i : o.result.analysis.skipped) warn(i);
    for (const MeasureResult& m : o.result.analysis.measures)
        for (const Issue& i : m.warnings) warn(i);
    for (const Issue& i : o.result.applied.warnings) warn(i);
    if (r.dry_run) {
        out << fmt::format("{}: {} cells would change (dry run, nothing written)\n", name, o.result.applied.changes.size());
        for (const CellChange& c : o.result.applied.changes)
            out << fmt::format("  {}!{}: {} -> {}\n", c.sheet, xlsx::format_cell_ref(c.ref),
                               c.before.empty() ? "(empty)" : c.before, c.after.empty() ? "(empty)" : c.after);
    } else {
        out << fmt::format("{}: refreshed {} measures, {} cells changed; written to {}\n", name,
                           o.result.analysis.measures.size(), o.result.applied.changes.size(), o.output);
    }
}

void write_outcome_json(JsonWriter& json, const FileOutcome& o, bool dry_run) {
    json.begin_object().key("file").value(o.input).key("output");
    if (dry_run) json.null();
    else json.value(o.output);
    json.key("measures").begin_array();
    for (const MeasureResult& m : o.result.analysis.measures) write_measure_json(json, m);
    json.end_array();
    std::vector<Issue> warnings = o.result.analysis.warnings;
    warnings.insert(warnings.end(), o.result.applied.warnings.begin(), o.result.applied.warnings.end());
    json.key("warnings");
    write_issues_json(json, warnings);
    json.key("skipped");
    write_issues_json(json, o.result.analysis.skipped);
    json.key("changes").begin_array();
    for (const CellChange& c : o.result.applied.changes)
        json.begin_object().key("sheet").value(c.sheet).key("cell").value(xlsx::format_cell_ref(c.ref))
            .key("before").value(c.before).key("after").value(c.after).end_object();
    json.end_array().end_object();
}

}  // namespace

std::string base_name(const std::string& path) { return fs::path(path).filename().string(); }

std::string default_output_path(const std::string& input, const std::string& suffix) {
    fs::path p(input);
    return (p.parent_path() / (p.stem().string() + suffix + p.extension().string())).string();
}

int refresh_command(const RefreshRequest& r, std::ostream& out, std::ostream& err) {
    if (r.inputs.empty()) { err << "scorecard refresh: give at least one workbook\n"; return 2; }
    if (r.output && r.inputs.size() > 1) { err << "scorecard refresh: -o takes one input; use --out-dir\n"; return 2; }
    if ((r.output || r.out_dir) && r.in_place) { err << "scorecard refresh: --in-place writes over the input; "
                                                        "do not combine it with -o or --out-dir\n"; return 2; }
    int status = 0;
    JsonWriter json;
    json.begin_object().key("files").begin_array();
    for (const std::string& input : r.inputs) {
        FileOutcome o{input, {}, {}};
        try {
            refresh_one(r, o);
        } catch (const std::exception& e) {  // Failure, xlsx::Error, filesystem and allocation errors
            err << "error: " << base_name(input) << ": " << e.what() << "\n";
            status = 1;
            json.begin_object().key("file").value(input).key("error").value(e.what()).end_object();
            continue;
        }
        if (r.json) write_outcome_json(json, o, r.dry_run);
        else print_outcome(r, o, out, err);
    }
    json.end_array().end_object();
    if (r.json) out << json.str() << "\n";
    return status;
}

int inspect_command(const std::string& input, bool as_json, const Defaults& defaults, std::ostream& out,
                    std::ostream& err) {
    std::unique_ptr<xlsx::Workbook> wb;
    Analysis a;
    try {
        wb = std::make_unique<xlsx::Workbook>(input);
        a = analyse(*wb, defaults);
    } catch (const xlsx::Error& e) {
        err << "error: " << base_name(input) << ": " << explain_error(e, wb.get()) << "\n";
        return 1;
    } catch (const std::exception& e) {
        err << "error: " << base_name(input) << ": " << e.what() << "\n";
        return 1;
    }
    if (as_json) {
        JsonWriter json;
        json.begin_object().key("file").value(input).key("settings_sheet").value(a.settings_sheet);
        json.key("measures").begin_array();
        for (const MeasureResult& m : a.measures) write_measure_json(json, m);
        json.end_array().key("skipped");
        write_issues_json(json, a.skipped);
        json.key("warnings");
        write_issues_json(json, a.warnings);
        if (a.measures.empty()) json.key("message").value(what_was_looked_for());
        json.end_object();
        out << json.str() << "\n";
        return 0;
    }
    out << fmt::format("{}: {} measures found in {} sheets{}\n", base_name(input), a.measures.size(), a.sheets_read,
                       a.settings_sheet.empty() ? "" : fmt::format(" (settings from sheet \"{}\")", a.settings_sheet));
    if (a.measures.empty()) out << what_was_looked_for() << "\n";
    for (const MeasureResult& m : a.measures) {
        out << fmt::format("- {} ({} layout, sheet \"{}\", cells {}{})\n", m.name, m.layout, m.sheet, m.cells,
                           m.cumulative_input ? ", cumulative-input: this year's cumulative row is read, not written" : "");
        out << settings_lines(m);
        out << "    result: " << summary_line(m) << "\n";
        for (const Issue& i : m.warnings) out << "    warning: " << describe(i) << "\n";
    }
    for (const Issue& i : a.skipped) out << "skipped: " << describe(i) << "\n";
    for (const Issue& i : a.warnings) out << "warning: " << describe(i) << "\n";
    return 0;
}

int doctor_command(const std::string& input, const std::optional<std::string>& rewrite, std::ostream& out,
                   std::ostream& err) {
    std::vector<xlsx::PackageProblem> problems = xlsx::check_package(input);
    for (const auto& p : problems) {
        bool named = p.part.empty() || std::string_view(p.message).starts_with(p.part);
        err << "problem: " << base_name(input) << ": " << (named ? "" : p.part + ": ") << p.message << "\n";
    }
    if (rewrite) {
        if (same_file(input, *rewrite)) { err << "scorecard doctor: --rewrite must name a new file\n"; return 2; }
        try {
            xlsx::Package package(input);
            xlsx::write_file_atomically(*rewrite, [&](std::FILE* f) { package.save(f); });
            out << fmt::format("{}: rewritten to {}\n", base_name(input), *rewrite);
        } catch (const std::exception& e) {
            err << "error: " << base_name(input) << ": " << e.what() << "\n";
            return 1;
        }
    }
    if (problems.empty()) out << fmt::format("{}: the package is healthy\n", base_name(input));
    return problems.empty() ? 0 : 1;
}

}  // namespace converter
