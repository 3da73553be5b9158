// The scorecard command: options and dispatch only; the work is in the libraries.
#include "converter/commands.hpp"
#include "converter/export.hpp"
#include "converter/new_year.hpp"
#include "converter/report.hpp"
#include "converter/watch.hpp"
#include "core/periods.hpp"
#include "core/settings.hpp"

#include <boost/program_options.hpp>

#include <iostream>

namespace po = boost::program_options;

namespace {

const char* kUsage =
    "usage: scorecard COMMAND [options]\n"
    "commands:\n"
    "  refresh IN.xlsx... [-o OUT.xlsx | --out-dir DIR | --in-place [--backup-suffix .bak]]\n"
    "          [--json] [--dry-run] [--tolerance 15%] [--start-month Apr]\n"
    "  inspect IN.xlsx [--json]\n"
    "  init IN.xlsx [-o OUT.xlsx]\n"
    "  doctor IN.xlsx [--rewrite OUT.xlsx]\n"
    "  report IN.xlsx [--format html|md|docx] [-o FILE] [--template DIR]\n"
    "  export IN.xlsx [--format csv|json] [-o FILE]\n"
    "  import FIGURES.csv IN.xlsx [-o OUT.xlsx] [--skip-bad-lines]\n"
    "  new-year IN.xlsx [-o OUT.xlsx]\n"
    "  watch INBOX --out-dir OUT [--failed-dir FAILED] [--processed-dir DONE] [--settle 2s]\n"
    "        [--poll [5s]] [--once] [--log FILE.jsonl] [--tolerance 15%] [--start-month Apr]\n";

converter::Defaults read_defaults(const po::variables_map& vm) {
    converter::Defaults d;
    if (vm.count("tolerance")) {
        d.tolerance = core::read_percent(vm["tolerance"].as<std::string>());
        if (!d.tolerance) throw po::error("--tolerance takes a percentage such as 15%");
    }
    if (vm.count("start-month")) {
        d.start_month = core::read_start_month(vm["start-month"].as<std::string>());
        if (!d.start_month) throw po::error("--start-month takes a month such as Apr");
    }
    return d;
}

converter::WatchOptions watch_options(const po::variables_map& vm, const std::string& inbox,
                                      const converter::Defaults& defaults) {
    converter::WatchOptions o;
    o.inbox = inbox;
    if (!vm.count("out-dir")) throw po::error("watch needs --out-dir");
    o.out_dir = vm["out-dir"].as<std::string>();
    if (vm.count("failed-dir")) o.failed_dir = vm["failed-dir"].as<std::string>();
    if (vm.count("processed-dir")) o.processed_dir = vm["processed-dir"].as<std::string>();
    if (vm.count("log")) o.log_file = vm["log"].as<std::string>();
    auto settle = converter::parse_duration(vm["settle"].as<std::string>());
    if (!settle) throw po::error("--settle takes a duration such as 2s or 500ms");
    o.settle = *settle;
    if (vm.count("poll")) {
        auto poll = converter::parse_duration(vm["poll"].as<std::string>());
        if (!poll || poll->count() == 0) throw po::error("--poll takes a duration such as 5s");
        o.poll = *poll;
        o.force_poll = true;
    }
    o.once = vm.count("once") > 0;
    o.defaults = defaults;
    return o;
}

int dispatch(const std::string& command, const std::vector<std::string>& args) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show usage")("output,o", po::value<std::string>(), "output workbook")(
        "out-dir", po::value<std::string>(), "folder for outputs")("in-place", "refresh the input itself (keeps a backup)")(
        "backup-suffix", po::value<std::string>()->default_value(".bak"), "backup name suffix")("json", "JSON output")(
        "dry-run", "list changes, write nothing")("tolerance", po::value<std::string>(), "default tolerance")(
        "start-month", po::value<std::string>(), "financial year start month")(
        "rewrite", po::value<std::string>(), "doctor: write the package back unchanged")(
        "failed-dir", po::value<std::string>(), "watch: where failed workbooks go")(
        "processed-dir", po::value<std::string>(), "watch: where refreshed inputs go")(
        "settle", po::value<std::string>()->default_value("2s"), "watch: quiet time before a file is taken")(
        "poll", po::value<std::string>()->implicit_value("5s"), "watch: scan instead of inotify")(
        "once", "watch: process what is there and exit")(
        "format", po::value<std::string>(), "report: html|md|docx; export: csv|json")(
        "template", po::value<std::string>()->default_value(""), "report: template folder")(
        "skip-bad-lines", "import: import the good lines of a file with errors")("log", po::value<std::string>(), "watch: JSON lines log")(
        "input", po::value<std::vector<std::string>>()->default_value({}, ""), "workbooks");
    po::positional_options_description pos;
    pos.add("input", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
    po::notify(vm);
    if (vm.count("help")) { std::cout << kUsage; return 0; }
    auto inputs = vm["input"].as<std::vector<std::string>>();
    auto optional = [&](const char* name) -> std::optional<std::string> {
        if (vm.count(name)) return vm[name].as<std::string>();
        return std::nullopt;
    };
    converter::Defaults defaults = read_defaults(vm);
    if (command == "refresh") {
        converter::RefreshRequest r{inputs, optional("output"), optional("out-dir"), vm.count("in-place") > 0,
                                    vm["backup-suffix"].as<std::string>(), vm.count("json") > 0,
                                    vm.count("dry-run") > 0, defaults};
        return converter::refresh_command(r, std::cout, std::cerr);
    }
    if (command == "import") {
        if (inputs.size() != 2) throw po::error("import takes FIGURES.csv and the workbook");
        return converter::import_command({inputs[0], inputs[1], optional("output"), vm.count("skip-bad-lines") > 0, defaults},
                                         std::cout, std::cerr);
    }
    if (inputs.size() != 1) throw po::error(command + " takes exactly one " + (command == "watch" ? "folder" : "workbook"));
    if (command == "watch") return converter::watch_command(watch_options(vm, inputs[0], defaults), std::cerr);
    if (command == "inspect") return converter::inspect_command(inputs[0], vm.count("json") > 0, defaults, std::cout, std::cerr);
    if (command == "doctor") return converter::doctor_command(inputs[0], optional("rewrite"), std::cout, std::cerr);
    if (command == "report")
        return converter::report_command(inputs[0], optional("format").value_or("html"), optional("output"),
                                         vm["template"].as<std::string>(), defaults, std::cout, std::cerr);
    if (command == "export")
        return converter::export_command(inputs[0], optional("format").value_or("csv"), optional("output"), defaults,
                                         std::cout, std::cerr);
    if (command == "new-year") return converter::new_year_command(inputs[0], optional("output"), defaults, std::cout, std::cerr);
    if (command == "init") return converter::init_command(inputs[0], optional("output"), defaults, std::cout, std::cerr);
    throw po::error("unknown command \"" + command + "\"");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) { std::cerr << kUsage; return 2; }
    std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") { std::cout << kUsage; return 0; }
    try {
        return dispatch(command, std::vector<std::string>(argv + 2, argv + argc));
    } catch (const po::error& e) {
        std::cerr << "scorecard: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "scorecard: unexpected failure: " << e.what() << "\n";
        return 1;
    }
}
