#include "xlsx/package_check.hpp"

#include "xlsx/content_types.hpp"
#include "xlsx/error.hpp"
#include "xlsx/relationships.hpp"
#include "xlsx/workbook.hpp"
#include "xlsx/xml.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace xlsx {
namespace {

bool is_xml_part(const std::string& name) {
    std::string lower = normalize_part_name(name);
    return lower.ends_with(".xml") || lower.ends_with(".rels");
}

void check_parts(const Package& package, std::vector<PackageProblem>& problems) {
    std::unique_ptr<ContentTypes> types;
    try {
        types = std::make_unique<ContentTypes>(package);
    } catch (const Error& e) {
        problems.push_back({e.part(), e.what()});
    }
    for (const std::string& name : package.part_names()) {
        std::string lower = normalize_part_name(name);
        if (lower == "[content_types].xml") continue;
        if (types && types->type_of(name).empty())
            problems.push_back({name, "no content type covers this part ([Content_Types].xml has no entry for it)"});
        if (!is_xml_part(name)) continue;
        try {
            pugi::xml_document doc;
            parse_xml(name, xml_text_utf8(name, package.read_part(name)), doc);
        } catch (const Error& e) {
            problems.push_back({name, e.what()});
            continue;
        }
        if (!lower.ends_with(".rels")) continue;
        std::size_t at = lower.rfind("_rels/");
        std::string source = name.substr(0, at) + name.substr(at + 6, name.size() - at - 6 - 5);
        Relationships rels(package, source);
        for (const Relationship& r : rels.all())
            if (!r.external && !package.has_part(r.resolved))
                problems.push_back({name, fmt::format("relationship {} points to {}, which is missing", r.id,
                                                      r.resolved.empty() ? r.target : r.resolved)});
    }
}

}  // namespace

std::vector<PackageProblem> check_package(const std::string& path, const Limits& limits) {
    std::vector<PackageProblem> problems;
    try {
        Package package(path, limits);
        check_parts(package, problems);
        Workbook workbook(path, limits);
        for (const SheetInfo& sheet : workbook.sheets())
            if (sheet.kind == SheetKind::worksheet) workbook.worksheet(sheet.name)->row_numbers();
    } catch (const Error& e) {
        bool seen = std::any_of(problems.begin(), problems.end(),
                                [&](const PackageProblem& p) { return p.message == e.what(); });
        if (!seen) problems.push_back({e.part(), e.what()});
    } catch (const std::bad_alloc&) {
        problems.push_back({"", "the file needs more memory than is available to open"});
    }
    return problems;
}

}  // namespace xlsx
