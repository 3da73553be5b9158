// The report as a Word document: the template's styles and page set-up, a body
// generated from the figures, and PNG charts; written with the project's own
// package code (xlsx/package, content_types, relationships).
#include "converter/chart.hpp"
#include "converter/report.hpp"
#include "xlsx/content_types.hpp"
#include "xlsx/package.hpp"
#include "xlsx/relationships.hpp"
#include "xlsx/workbook.hpp"
#include "xlsx/xml.hpp"

#include <fmt/format.h>

namespace converter {
namespace {

constexpr long kEmuPerPixel = 9525;
constexpr const char* kImageRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
constexpr const char* kNamespaces =
    R"( xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")"
    R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")"
    R"( xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")"
    R"( xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main")"
    R"( xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture")";

// Text for a w:t element: escaped, without the control characters XML forbids.
std::string text(std::string_view s) {
    std::string clean;
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') clean.push_back(c);
    return xlsx::escape_xml(clean);
}

std::string run(std::string_view s, bool bold = false, const std::string& fill = "") {
    std::string props;
    if (bold || !fill.empty())
        props = "<w:rPr>" + std::string(bold ? "<w:b/>" : "") +
                (fill.empty() ? "" : fmt::format(R"(<w:shd w:val="clear" w:color="auto" w:fill="{}"/>)", fill)) + "</w:rPr>";
    return fmt::format(R"(<w:r>{}<w:t xml:space="preserve">{}</w:t></w:r>)", props, text(s));
}

std::string paragraph(const std::string& runs, const std::string& style = "") {
    return "<w:p>" + (style.empty() ? "" : fmt::format(R"(<w:pPr><w:pStyle w:val="{}"/></w:pPr>)", style)) + runs + "</w:p>";
}

std::string fill_of(const std::string& colour) {
    if (colour == "red") return "FFC7CE";
    if (colour == "amber") return "FFEB9C";
    if (colour == "green") return "C6EFCE";
    return "EEEEEE";
}

std::string image(const std::string& rel_id, int id, int width, int height) {
    long cx = width * kEmuPerPixel, cy = height * kEmuPerPixel;
    return fmt::format(
        R"(<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{0}" cy="{1}"/>)"
        R"(<wp:docPr id="{2}" name="Chart {2}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">)"
        R"(<pic:pic><pic:nvPicPr><pic:cNvPr id="{2}" name="chart{2}.png"/><pic:cNvPicPr/></pic:nvPicPr>)"
        R"(<pic:blipFill><a:blip r:embed="{3}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>)"
        R"(<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{0}" cy="{1}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>)"
        R"(</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>)",
        cx, cy, id, rel_id);
}

std::string table(const TemplateData& d) {
    static const char* headers[] = {"Measure", "Latest period", "Year to date", "Target", "% change", "Status", "Direction of travel"};
    static const char* keys[] = {"name", "latest", "ytd", "target", "change", "status", "direction"};
    auto cell = [](const std::string& content, const std::string& fill) {
        std::string shade = fill.empty() ? "" : fmt::format(R"(<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{}"/></w:tcPr>)", fill);
        return "<w:tc>" + shade + paragraph(content) + "</w:tc>";
    };
    std::string out = R"(<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tr>)";
    for (const char* h : headers) out += cell(run(h, true), "DDDDDD");
    out += "</w:tr>";
    for (const TemplateData& m : d.lists.at("measures")) {
        out += "<w:tr>";
        for (const char* k : keys)
            out += cell(run(m.text.at(k), std::string(k) == "status"), std::string(k) == "status" ? fill_of(m.text.at("colour")) : "");
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

}  // namespace

void write_report_docx(const Analysis& analysis, const std::string& file_name, const Phrases& phrases,
                       const std::string& template_docx, const std::string& output) {
    xlsx::Package package(template_docx);
    xlsx::ContentTypes types(package);
    xlsx::Relationships rels(package, "word/document.xml");
    std::string original = package.read_part("word/document.xml");
    std::size_t sect = original.find("<w:sectPr"), sect_end = original.find("</w:sectPr>");
    std::string section = sect == std::string::npos ? "" : original.substr(sect, sect_end + 11 - sect);

    TemplateData d = report_data(analysis, file_name, phrases, ChartFormat::png_reference);
    std::map<std::string, std::string> chart_rel;  // chartN.png -> relationship id
    std::size_t index = 0;
    for (const MeasureResult& m : analysis.measures) {
        const TemplateData& item = d.lists.at("measures")[index++];
        auto chart = item.text.find("chart");
        if (chart == item.text.end()) continue;
        package.set_part("word/media/" + chart->second, chart_png(measure_chart(m)));
        chart_rel[chart->second] = rels.add(kImageRel, "media/" + chart->second);
    }
    types.set_default("png", "image/png");

    int drawing = 0;
    std::string body = paragraph(run(d.text["title"]), "Title") + paragraph(run(file_name)) +
                       paragraph(run(d.text["headline"], true)) + paragraph(run(d.text["period_line"])) +
                       paragraph(run(d.text["exceptions_title"]), "Heading1");
    if (d.lists["exceptions"].empty()) body += paragraph(run(d.text["no_exceptions"]));
    for (const TemplateData& e : d.lists["exceptions"]) {
        body += paragraph(run(e.text.at("name")), "Heading2");
        body += paragraph(run(" " + e.text.at("status") + " ", true, fill_of(e.text.at("colour"))) + run(" ") +
                          run(e.text.at("heading"), true) + run(" " + e.text.at("target_statement")));
        if (auto s = e.lists.find("sentences"); s != e.lists.end())
            for (const TemplateData& sentence : s->second) body += paragraph(run("\xE2\x80\xA2 " + sentence.text.at("sentence")));
        if (auto c = e.text.find("chart"); c != e.text.end()) {
            body += image(chart_rel[c->second], ++drawing, 560, 220);
            body += paragraph(run(e.text.at("caption")), "Caption");
        }
    }
    body += paragraph(run(d.text["all_title"]), "Heading1") + table(d);
    for (const TemplateData& m : d.lists["measures"]) {
        auto c = m.text.find("chart");
        if (c == m.text.end()) continue;
        body += paragraph(run(m.text.at("name") + " \xE2\x80\x94 " + m.text.at("status")), "Heading3");
        body += image(chart_rel[c->second], ++drawing, 560, 220);
        body += paragraph(run(m.text.at("caption")), "Caption");
    }
    std::string document = std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") + "\n<w:document" +
                           kNamespaces + "><w:body>" + body + section + "</w:body></w:document>";
    package.set_part("word/document.xml", document);
    rels.store(package);
    types.store(package);
    xlsx::write_file_atomically(output, [&](std::FILE* f) { package.save(f); });
}

}  // namespace converter
