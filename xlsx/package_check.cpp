#include "xlsx/package_check.hpp"

#include "xlsx/content_types.hpp"
#include "xlsx/error.hpp"
#include "xlsx/relationships.hpp"
#include "xlsx/workbook.hpp"
#include "xlsx/xml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace xlsx {
namespace {

bool is_xml_part(const std::string& name) {
    std::string lower = normalize_part_name(name);
    return lower.ends_with(".xml") || lower.ends_with(".rels");
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Every % starts two hex digits; no control characters. Spaces are let through:
// Excel itself writes them in links to local files.
bool valid_uri_text(std::string_view uri) {
    for (std::size_t i = 0; i < uri.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(uri[i]);
        if (c < 0x20 || c == 0x7F) return false;
        if (c == '%' && (i + 2 >= uri.size() || !is_hex(uri[i + 1]) || !is_hex(uri[i + 2]))) return false;
    }
    return true;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2])) {
            out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else out.push_back(text[i]);
    }
    return out;
}

// RFC 6068: mailto:addr-spec *("," addr-spec), each local@domain in dot-atom form.
bool valid_mailto(std::string_view uri) {
    std::string to = percent_decode(uri.substr(7, uri.find('?') == std::string_view::npos ? std::string_view::npos
                                                                                          : uri.find('?') - 7));
    if (to.empty()) return true;  // a mailto with only headers is allowed
    static const std::string atom = "!#$%&'*+/=?^_`{|}~.-";
    std::size_t start = 0;
    while (start <= to.size()) {
        std::size_t end = to.find(',', start);
        if (end == std::string::npos) end = to.size();
        std::string_view addr(to.data() + start, end - start);
        std::size_t at = addr.rfind('@');
        if (at == std::string_view::npos || at == 0 || at + 1 >= addr.size()) return false;
        for (std::size_t i = 0; i < addr.size(); ++i) {
            char c = addr[i];
            bool ok = std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 ||
                      (i < at ? atom.find(c) != std::string::npos : (c == '.' || c == '-')) || i == at;
            if (!ok) return false;
        }
        start = end + 1;
    }
    return true;
}

void check_external(const std::string& rels_part, const Relationship& r, std::vector<PackageProblem>& problems) {
    std::string_view t = r.target;
    bool mailto = t.size() >= 7 && normalize_part_name(std::string(t.substr(0, 7))) == "mailto:";
    if (!valid_uri_text(t) || (mailto && !valid_mailto(t)))
        problems.push_back({rels_part, fmt::format("relationship {} has the malformed link target \"{}\", which "
                                                   "Excel cannot open; correct or remove the hyperlink",
                                                   r.id, r.target)});
}

void check_shared_strings(const SharedStrings& sst, std::size_t sheets, std::vector<PackageProblem>& problems) {
    auto unique = sst.declared_unique_count();
    if (unique && *unique != sst.size())
        problems.push_back({"xl/sharedStrings.xml", fmt::format("xl/sharedStrings.xml: uniqueCount says {} strings but "
                                                                "the part holds {}", *unique, sst.size())});
    // Writers disagree on what `count` counts, so only a count no workbook of
    // this many sheets could reach is reported.
    auto count = sst.declared_count();
    std::uint64_t capacity = static_cast<std::uint64_t>(std::max<std::size_t>(sheets, 1)) * kMaxRow * kMaxColumn;
    if (count && *count > capacity)
        problems.push_back({"xl/sharedStrings.xml", fmt::format("xl/sharedStrings.xml: count says {} references, more "
                                                                "than {} sheets can hold", *count, sheets)});
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
            if (r.external) check_external(name, r, problems);
            else if (!r.external && !r.target.starts_with("#") && !package.has_part(r.resolved))
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
            if (sheet.kind == SheetKind::worksheet) {
                Worksheet* ws = workbook.worksheet(sheet.name);
                for (std::uint32_t row : ws->row_numbers()) ws->row_cells(row);
            }
        check_shared_strings(workbook.shared_strings(), workbook.sheets().size(), problems);
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
