#include "support.hpp"

#include "xlsx/cell_ref.hpp"
#include "xlsx/zip_reader.hpp"
#include "xlsx/zip_writer.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "scorecard-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
    root_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
}

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write " + path);
    xlsx::ZipWriter w(f);
    for (const auto& [name, content] : entries) w.add_deflated(name, content, nullptr);
    w.finish();
    std::fclose(f);
}

std::vector<std::pair<std::string, std::string>> read_zip(const std::string& path) {
    xlsx::ZipReader r(path, {});
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : r.entries()) out.emplace_back(e.name, r.inflate(e));
    return out;
}

std::string rows_xml(const std::vector<std::vector<std::string>>& grid, unsigned row, unsigned column) {
    std::string out;
    for (std::size_t r = 0; r < grid.size(); ++r) {
        std::string cells;
        for (std::size_t c = 0; c < grid[r].size(); ++c) {
            const std::string& v = grid[r][c];
            if (v.empty()) continue;
            std::string ref = xlsx::format_cell_ref({static_cast<std::uint32_t>(row + r), static_cast<std::uint32_t>(column + c)});
            char* end = nullptr;
            std::strtod(v.c_str(), &end);
            if (*end == '\0') cells += fmt::format(R"(<c r="{}"><v>{}</v></c>)", ref, v);
            else if (v[0] == '=') cells += fmt::format(R"(<c r="{}"><f>{}</f></c>)", ref, v.substr(1));
            else cells += fmt::format(R"(<c r="{}" t="inlineStr"><is><t>{}</t></is></c>)", ref, v);
        }
        if (!cells.empty()) out += fmt::format(R"(<row r="{}">{}</row>)", row + r, cells);
    }
    return out;
}

std::vector<std::string> month_header(const std::string& first) {
    return {first, "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"};
}

void write_asb_book(const std::string& path) {
    BookSpec spec;
    spec.sheets = {{"S", rows_xml({{"Reduce ASB"}, month_header(), {"Actual 2014/15", "808", "882"}, {"Actual 2015/16", "864"},
                                   {"Target", "", "", "", "", "", "", "", "", "", "", "", "10064"}, {"Cum 15/16"}, {"RAG"}})}};
    write_book(path, spec);
}

std::string data_path(const std::string& relative) { return std::string(SCORECARD_TEST_DATA) + "/" + relative; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

static const char* kDefaultStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>)"
    R"(<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>)"
    R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
    R"(<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>)"
    R"(<xf numFmtId="17" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>)"
    R"(<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>)"
    R"(</styleSheet>)";

void write_book(const std::string& path, const BookSpec& spec) {
    const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::string types = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
                        R"(<Default Extension="xml" ContentType="application/xml"/>)"
                        R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
                        R"(<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)";
    std::string sheets, rels;
    std::vector<std::pair<std::string, std::string>> parts;
    for (std::size_t i = 0; i < spec.sheets.size(); ++i) {
        std::string n = std::to_string(i + 1);
        types += fmt::format(R"(<Override PartName="/xl/worksheets/sheet{}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)", n);
        sheets += fmt::format(R"(<sheet name="{}" sheetId="{}" r:id="rId{}"/>)", spec.sheets[i].first, n, n);
        rels += fmt::format(R"(<Relationship Id="rId{}" Type="{}/worksheet" Target="worksheets/sheet{}.xml"/>)", n, rel, n);
        parts.emplace_back("xl/worksheets/sheet" + n + ".xml",
                           fmt::format(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                                       R"(<worksheet xmlns="{}" xmlns:r="{}"><dimension ref="A1"/><sheetData>{}</sheetData>{}</worksheet>)",
                                       main, rel, spec.sheets[i].second, spec.sheet_tail));
    }
    rels += fmt::format(R"(<Relationship Id="rIdS" Type="{}/styles" Target="styles.xml"/>)", rel);
    if (!spec.strings.empty()) {
        types += R"(<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>)";
        rels += fmt::format(R"(<Relationship Id="rIdT" Type="{}/sharedStrings" Target="sharedStrings.xml"/>)", rel);
        std::string sst = fmt::format(R"(<sst xmlns="{}" count="{}" uniqueCount="{}">)", main, spec.strings.size(), spec.strings.size());
        for (const auto& s : spec.strings) sst += "<si><t>" + s + "</t></si>";
        parts.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
    }
    if (spec.calc_chain) {
        types += R"(<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>)";
        rels += fmt::format(R"(<Relationship Id="rIdC" Type="{}/calcChain" Target="calcChain.xml"/>)", rel);
        parts.emplace_back("xl/calcChain.xml", fmt::format(R"(<calcChain xmlns="{}"><c r="A1" i="1"/></calcChain>)", main));
    }
    types += "</Types>";
    std::vector<std::pair<std::string, std::string>> entries = {
        {"[Content_Types].xml", types},
        {"_rels/.rels", fmt::format(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                                    R"(<Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>)", rel)},
        {"xl/workbook.xml", fmt::format(R"(<workbook xmlns="{}" xmlns:r="{}"><sheets>{}</sheets><calcPr calcId="0"/></workbook>)", main, rel, sheets)},
        {"xl/_rels/workbook.xml.rels", R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" + rels + "</Relationships>"},
        {"xl/styles.xml", spec.styles.empty() ? kDefaultStyles : spec.styles},
    };
    entries.insert(entries.end(), parts.begin(), parts.end());
    write_zip(path, entries);
}

}  // namespace test
