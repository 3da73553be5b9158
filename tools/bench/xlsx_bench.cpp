// The engine benchmark of issue 2: a large workbook is generated, then three
// jobs run each in its own process (so their peak memory is their own):
//   engine   open, change 1% of the cells of one sheet, add a conditional format, save
//   floor    copy the file, and inflate, parse (pugixml) and deflate that one sheet
//   openpyxl load_workbook + save of the same file (Debian's python3-openpyxl)
// and their wall time and peak memory are printed with the targets.
//
//   xlsx_bench [--sheets 20] [--rows 50000] [--cols 20] [--dir DIR] [--no-openpyxl]
#include "xlsx/conditional_formats.hpp"
#include "xlsx/workbook.hpp"
#include "xlsx/zip_reader.hpp"
#include "xlsx/zip_writer.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zlib.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct Options {
    int sheets = 20, rows = 50000, cols = 20;
    std::string dir = "/tmp/scorecard-bench";
    bool openpyxl = true;
};

std::string sheet_xml(int rows, int cols, int seed) {
    std::string out = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
    out.reserve(static_cast<std::size_t>(rows) * cols * 28);
    for (int r = 1; r <= rows; ++r) {
        out += fmt::format("<row r=\"{}\">", r);
        for (int c = 1; c <= cols; ++c) {
            std::string ref = xlsx::format_cell_ref({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(c)});
            if (c % 5 == 1) out += fmt::format("<c r=\"{}\" t=\"s\"><v>{}</v></c>", ref, (r * 7 + c + seed) % 1000);
            else out += fmt::format("<c r=\"{}\"><v>{}</v></c>", ref, (r * 31 + c * 17 + seed) % 100000 / 10.0);
        }
        out += "</row>";
    }
    return out + "</sheetData></worksheet>";
}

void generate(const Options& o, const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    xlsx::ZipWriter w(f);
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::string types = R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>)"
                        R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
                        R"(<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)"
                        R"(<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>)";
    std::string sheets, rels;
    for (int i = 1; i <= o.sheets; ++i) {
        types += fmt::format(R"(<Override PartName="/xl/worksheets/sheet{}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)", i);
        sheets += fmt::format(R"(<sheet name="Sheet{0}" sheetId="{0}" r:id="rId{0}"/>)", i);
        rels += fmt::format(R"(<Relationship Id="rId{0}" Type="{1}/worksheet" Target="worksheets/sheet{0}.xml"/>)", i, rel);
    }
    w.add_deflated("[Content_Types].xml", types + "</Types>", nullptr);
    w.add_deflated("_rels/.rels", fmt::format(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>)", rel), nullptr);
    w.add_deflated("xl/workbook.xml", fmt::format(R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{}"><sheets>{}</sheets></workbook>)", rel, sheets), nullptr);
    rels += fmt::format(R"(<Relationship Id="rIdS" Type="{0}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="{0}/sharedStrings" Target="sharedStrings.xml"/>)", rel);
    w.add_deflated("xl/_rels/workbook.xml.rels", R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" + rels + "</Relationships>", nullptr);
    w.add_deflated("xl/styles.xml", R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>)", nullptr);
    std::string sst = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1000">)";
    for (int i = 0; i < 1000; ++i) sst += fmt::format("<si><t>Measure label {}</t></si>", i);
    w.add_deflated("xl/sharedStrings.xml", sst + "</sst>", nullptr);
    for (int i = 1; i <= o.sheets; ++i) w.add_deflated(fmt::format("xl/worksheets/sheet{}.xml", i), sheet_xml(o.rows, o.cols, i), nullptr);
    w.finish();
    std::fclose(f);
}

int job_engine(const std::string& in, const std::string& out, int rows, int cols) {
    xlsx::Workbook wb(in);
    xlsx::Worksheet* ws = wb.worksheet("Sheet1");
    int n = 0;
    for (int r = 1; r <= rows; ++r)
        for (int c = 1; c <= cols; ++c)
            if ((r * cols + c) % 100 == 0) {  // 1% of the cells
                xlsx::Cell cell = ws->cell({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(c)})
                                      .value_or(xlsx::Cell::at({static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(c)}));
                cell.type.clear();
                cell.has_value = true;
                cell.value = std::to_string(n++);
                ws->put(cell);
            }
    std::uint32_t dxf = wb.styles().intern_dxf({"FF9C0006", "FFFFC7CE"});
    xlsx::put_conditional_format(*ws, {"B2:B100", {{"cellIs", "greaterThan", "", {"1000"}, dxf, false}}},
                                 [](const auto&) { return false; });
    xlsx::write_file_atomically(out, [&](std::FILE* f) { wb.save(f); });
    return 0;
}

int job_floor(const std::string& in, const std::string& out) {
    std::filesystem::copy_file(in, out, std::filesystem::copy_options::overwrite_existing);
    xlsx::ZipReader zip(in, {});
    for (const auto& e : zip.entries()) {
        if (e.name != "xl/worksheets/sheet1.xml") continue;
        std::string text = zip.inflate(e);
        pugi::xml_document doc;
        doc.load_buffer_inplace(text.data(), text.size());
        std::string packed(compressBound(static_cast<uLong>(text.size())), '\0');
        uLongf len = static_cast<uLongf>(packed.size());
        compress2(reinterpret_cast<Bytef*>(packed.data()), &len, reinterpret_cast<const Bytef*>(text.data()),
                  static_cast<uLong>(text.size()), Z_DEFAULT_COMPRESSION);
    }
    return 0;
}

struct Measure {
    double seconds = 0;
    double peak_mib = 0;
    int status = 0;
};

Measure measure(const std::vector<std::string>& argv) {
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Measure m;
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    m.peak_mib = usage.ru_maxrss / 1024.0;
    m.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() >= 1 && args[0] == "--job") {  // a child process
        if (args[1] == "engine") return job_engine(args[2], args[3], std::stoi(args[4]), std::stoi(args[5]));
        if (args[1] == "floor") return job_floor(args[2], args[3]);
        return 2;
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--sheets") o.sheets = std::stoi(args[++i]);
        else if (args[i] == "--rows") o.rows = std::stoi(args[++i]);
        else if (args[i] == "--cols") o.cols = std::stoi(args[++i]);
        else if (args[i] == "--dir") o.dir = args[++i];
        else if (args[i] == "--no-openpyxl") o.openpyxl = false;
        else { fmt::print(stderr, "usage: xlsx_bench [--sheets N] [--rows N] [--cols N] [--dir DIR] [--no-openpyxl]\n"); return 2; }
    }
    std::filesystem::create_directories(o.dir);
    std::string in = o.dir + "/big.xlsx";
    fmt::print("generating {} sheets x {} rows x {} columns ...\n", o.sheets, o.rows, o.cols);
    generate(o, in);
    std::size_t sheet_bytes = sheet_xml(o.rows, o.cols, 1).size();
    fmt::print("file {:.1f} MiB; the edited sheet's XML {:.1f} MiB uncompressed\n",
               std::filesystem::file_size(in) / 1048576.0, sheet_bytes / 1048576.0);
    std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    Measure engine = measure({self, "--job", "engine", in, o.dir + "/engine.xlsx", std::to_string(o.rows), std::to_string(o.cols)});
    Measure floor = measure({self, "--job", "floor", in, o.dir + "/floor.xlsx"});
    fmt::print("{:<10} {:>9} {:>11}\n", "job", "wall s", "peak MiB");
    fmt::print("{:<10} {:>9.2f} {:>11.1f}{}\n", "engine", engine.seconds, engine.peak_mib, engine.status ? "  FAILED" : "");
    fmt::print("{:<10} {:>9.2f} {:>11.1f}{}\n", "floor", floor.seconds, floor.peak_mib, floor.status ? "  FAILED" : "");
    Measure py;
    if (o.openpyxl) {
        std::string script = "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])";
        py = measure({"/usr/bin/python3", "-c", script, in, o.dir + "/openpyxl.xlsx"});
        fmt::print("{:<10} {:>9.2f} {:>11.1f}{}\n", "openpyxl", py.seconds, py.peak_mib, py.status ? "  FAILED" : "");
    }
    double sheet_mib = sheet_bytes / 1048576.0;
    fmt::print("engine / floor time: {:.2f} (target at most 2)\n", engine.seconds / floor.seconds);
    fmt::print("engine peak / edited sheet XML: {:.2f} (target at most 3)\n", engine.peak_mib / sheet_mib);
    if (o.openpyxl && !py.status) fmt::print("openpyxl / engine time: {:.1f}x (target at least 30x)\n", py.seconds / engine.seconds);
    return engine.status || floor.status;
}
