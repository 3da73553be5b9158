#include "xlsx/workbook.hpp"

#include "xlsx/error.hpp"
#include "xlsx/xml.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xlsx {
namespace {

constexpr const char* kSharedStringsType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
constexpr const char* kWorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
constexpr const char* kWorksheetRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
constexpr const char* kStrictWorksheetRel = "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet";
constexpr const char* kStrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";
constexpr const char* kRelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kStylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
constexpr const char* kStylesRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
constexpr const char* kSharedStringsRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

// CT_Workbook children that come after <calcPr>.
constexpr std::array<std::string_view, 9> kAfterCalcPr = {"oleSize", "customWorkbookViews", "pivotCaches",
                                                          "smartTagPr", "smartTagTypes", "webPublishing",
                                                          "fileRecoveryPr", "webPublishObjects", "extLst"};

SheetKind kind_of(const Relationship& rel) {
    if (type_is(rel, "worksheet")) return SheetKind::worksheet;
    if (type_is(rel, "chartsheet")) return SheetKind::chartsheet;
    if (type_is(rel, "dialogsheet")) return SheetKind::dialogsheet;
    if (type_is(rel, "xlMacrosheet") || type_is(rel, "xlIntlMacrosheet")) return SheetKind::macrosheet;
    return SheetKind::other;
}

std::string load_text(const Package& package, const std::string& part) {
    return xml_text_utf8(part, package.read_part(part));
}

}  // namespace

Workbook::Workbook(const std::string& path, const Limits& limits)
    : package_(path, limits), content_types_(package_) {
    for (const std::string& name : package_.part_names())
        if (name.find('\\') != std::string::npos)
            throw Error(name, "the zip uses backslashes in part names, which Excel never writes; the file was made "
                              "by a faulty tool — open it in Excel or LibreOffice and save it again");
    Relationships root(package_, "");
    const Relationship* office = root.first_of_type("officeDocument");
    if (!office) throw Error("_rels/.rels", "the package has no main workbook relationship (not an Excel workbook)");
    workbook_part_ = office->resolved;
    if (!package_.has_part(workbook_part_))
        throw Error(workbook_part_, "the workbook part is missing from the package");
    read_workbook_part();
}

void Workbook::read_workbook_part() {
    parse_xml(workbook_part_, load_text(package_, workbook_part_), workbook_doc_);
    workbook_rels_ = std::make_unique<Relationships>(package_, workbook_part_);
    pugi::xml_node root = workbook_doc_.document_element();
    if (local_name(root.name()) != "workbook")
        throw Error(workbook_part_, fmt::format("the main part is a <{}>, not a workbook", root.name()));
    if (pugi::xml_node pr = child_local(root, "workbookPr")) date1904_ = pr.attribute("date1904").as_bool();
    pugi::xml_node sheets = child_local(root, "sheets");
    for (pugi::xml_node s : sheets.children()) {
        if (local_name(s.name()) != "sheet") continue;
        SheetInfo info;
        info.name = s.attribute("name").value();
        info.sheet_id = s.attribute("sheetId").as_uint();
        std::string_view state = s.attribute("state").value();
        info.state = state == "hidden" ? SheetState::hidden : state == "veryHidden" ? SheetState::very_hidden
                                                                                    : SheetState::visible;
        std::string rid = attribute_local(s, "id").value();
        const Relationship* rel = workbook_rels_->by_id(rid);
        if (!rel || rel->external)
            throw Error(workbook_part_, fmt::format("sheet \"{}\" refers to relationship \"{}\", which does not exist",
                                                    info.name, rid));
        info.part = rel->resolved;
        info.kind = kind_of(*rel);
        if (!package_.has_part(info.part))
            throw Error(info.part, fmt::format("the part of sheet \"{}\" is missing from the package", info.name));
        sheets_.push_back(std::move(info));
    }
    if (sheets_.empty()) throw Error(workbook_part_, "the workbook lists no sheets");
    if (pugi::xml_node names = child_local(root, "definedNames"))
        for (pugi::xml_node n : names.children()) {
            if (local_name(n.name()) != "definedName") continue;
            DefinedName d{n.attribute("name").value(), n.text().get(), std::nullopt};
            if (pugi::xml_attribute local = n.attribute("localSheetId")) d.local_sheet = local.as_uint();
            names_.push_back(std::move(d));
        }
}

Worksheet* Workbook::worksheet(const std::string& name) {
    for (const SheetInfo& s : sheets_) {
        if (strcasecmp(s.name.c_str(), name.c_str()) != 0) continue;
        if (s.kind != SheetKind::worksheet) return nullptr;
        auto it = worksheets_.find(s.part);
        if (it == worksheets_.end())
            it = worksheets_.emplace(s.part, std::make_unique<Worksheet>(s.part, load_text(package_, s.part))).first;
        return it->second.get();
    }
    return nullptr;
}

Worksheet& Workbook::add_worksheet(const std::string& name) {
    if (name.empty() || name.size() > 31 || name.find_first_of(":\\/?*[]") != std::string::npos)
        throw Error(workbook_part_, fmt::format("\"{}\" is not a valid sheet name", name));
    std::uint32_t id = 0;
    for (const SheetInfo& s : sheets_) {
        if (strcasecmp(s.name.c_str(), name.c_str()) == 0)
            throw Error(workbook_part_, fmt::format("the workbook already has a sheet called \"{}\"", name));
        id = std::max(id, s.sheet_id);
    }
    std::string target, part;
    for (int n = static_cast<int>(sheets_.size()) + 1;; ++n) {
        target = fmt::format("worksheets/sheet{}.xml", n);
        part = resolve_target(workbook_part_, target);
        if (!package_.has_part(part)) break;
    }
    pugi::xml_node root = workbook_doc_.document_element();
    std::string prefix(name_prefix(root.name()));
    std::string ns = root.attribute(prefix.empty() ? "xmlns" : ("xmlns:" + prefix.substr(0, prefix.size() - 1)).c_str()).value();
    bool strict = ns.find("purl.oclc.org") != std::string::npos;  // Strict OOXML names its relationships apart
    std::string rid = workbook_rels_->add(strict ? kStrictWorksheetRel : kWorksheetRel, target);
    content_types_.set_override(part, kWorksheetType);
    pugi::xml_node sheets = child_local(root, "sheets");
    pugi::xml_node sheet = sheets.append_child((prefix + "sheet").c_str());
    sheet.append_attribute("name").set_value(name.c_str());
    sheet.append_attribute("sheetId").set_value(id + 1);
    std::string rel_prefix = "r";
    for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute())
        if (std::string_view(a.value()).ends_with("/relationships") && std::string_view(a.name()).starts_with("xmlns:"))
            rel_prefix = std::string(a.name()).substr(6);
    if (!root.attribute(("xmlns:" + rel_prefix).c_str()))
        sheet.append_attribute("xmlns:r").set_value(strict ? kStrictRelationshipsNamespace : kRelationshipsNamespace);
    sheet.append_attribute((rel_prefix + ":id").c_str()).set_value(rid.c_str());
    workbook_modified_ = true;
    std::string text = fmt::format(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                                   "\n<worksheet xmlns=\"{}\"><sheetData/></worksheet>", ns);
    sheets_.push_back({name, id + 1, part, SheetKind::worksheet, SheetState::visible});
    new_worksheets_.insert(part);
    return *worksheets_.emplace(part, std::make_unique<Worksheet>(part, text)).first->second;
}

SharedStrings& Workbook::shared_strings() {
    if (!shared_strings_) {
        if (const Relationship* rel = workbook_rels_->first_of_type("sharedStrings");
            rel && package_.has_part(rel->resolved)) {
            shared_strings_part_ = rel->resolved;
            shared_strings_ = std::make_unique<SharedStrings>(rel->resolved, load_text(package_, rel->resolved));
        } else {
            shared_strings_ = std::make_unique<SharedStrings>();
        }
    }
    return *shared_strings_;
}

Styles& Workbook::styles() {
    if (!styles_) {
        if (const Relationship* rel = workbook_rels_->first_of_type("styles"); rel && package_.has_part(rel->resolved)) {
            styles_part_ = rel->resolved;
            styles_ = std::make_unique<Styles>(rel->resolved, load_text(package_, rel->resolved));
        } else {
            styles_ = std::make_unique<Styles>();
        }
    }
    return *styles_;
}

CellValue Workbook::value_of(const Cell& cell) {
    CellValue v;
    if (!cell.has_value) return v;
    if (cell.type == "s") {
        char* end = nullptr;
        unsigned long index = std::strtoul(cell.value.c_str(), &end, 10);
        const std::string* s = shared_strings().at(index);
        if (s) { v.kind = CellValue::Kind::text; v.text = *s; }
        return v;
    }
    if (cell.type == "str" || cell.type == "inlineStr" || cell.type == "d") {
        v.kind = CellValue::Kind::text;
        v.text = cell.value;
    } else if (cell.type == "b") {
        v.kind = CellValue::Kind::boolean;
        v.number = cell.value == "1" || cell.value == "true";
    } else if (cell.type == "e") {
        v.kind = CellValue::Kind::error;
        v.text = cell.value;
    } else {
        char* end = nullptr;
        double d = std::strtod(cell.value.c_str(), &end);
        if (end && *end == '\0' && !cell.value.empty()) { v.kind = CellValue::Kind::number; v.number = d; }
        else { v.kind = CellValue::Kind::text; v.text = cell.value; }
    }
    return v;
}

void Workbook::set_text(Cell& cell, const std::string& text) {
    cell.has_value = true;
    shared_strings();
    if (cell.has_formula()) {
        cell.type = "str";
        cell.value = text;
    } else if (shared_strings_part_.empty()) {
        // No shared-strings part: an inline string keeps the package's parts and relationships as they were.
        cell.type = "inlineStr";
        cell.value = text;
    } else {
        cell.type = "s";
        cell.value = std::to_string(shared_strings().intern(text));
        shared_strings().count_reference();
    }
}

pugi::xml_node Workbook::ensure_calc_pr() {
    pugi::xml_node root = workbook_doc_.document_element();
    if (pugi::xml_node pr = child_local(root, "calcPr")) return pr;
    std::string tag = std::string(name_prefix(root.name())) + "calcPr";
    for (pugi::xml_node c : root.children())
        if (c.type() == pugi::node_element &&
            std::find(kAfterCalcPr.begin(), kAfterCalcPr.end(), local_name(c.name())) != kAfterCalcPr.end())
            return root.insert_child_before(tag.c_str(), c);
    return root.append_child(tag.c_str());
}

void Workbook::set_full_calc_on_load() {
    pugi::xml_node pr = ensure_calc_pr();
    pugi::xml_attribute a = pr.attribute("fullCalcOnLoad");
    if (a && a.as_bool()) return;
    if (!a) a = pr.append_attribute("fullCalcOnLoad");
    a.set_value("1");
    workbook_modified_ = true;
}

void Workbook::remove_from_calc_chain(const std::string& sheet_name, CellRef ref) {
    const Relationship* rel = workbook_rels_->first_of_type("calcChain");
    if (!rel || !package_.has_part(rel->resolved)) return;
    if (!calc_chain_) {
        calc_chain_part_ = rel->resolved;
        calc_chain_ = std::make_unique<CalcChain>(rel->resolved, load_text(package_, rel->resolved));
    }
    for (const SheetInfo& s : sheets_)
        if (s.name == sheet_name) calc_chain_->remove(s.sheet_id, format_cell_ref(ref));
}

void Workbook::save(std::FILE* file) {
    // Each sheet's text is released once serialised, so that a large sheet is
    // never held three times over (text, new text, compressed).
    for (auto& [part, sheet] : worksheets_)
        if (sheet->modified() || new_worksheets_.count(part)) package_.set_part(part, sheet->serialize());
    worksheets_.clear();
    if (shared_strings_ && shared_strings_->modified()) {
        if (shared_strings_part_.empty()) {
            shared_strings_part_ = resolve_target(workbook_part_, "sharedStrings.xml");
            workbook_rels_->add(kSharedStringsRel, "sharedStrings.xml");
            content_types_.set_override(shared_strings_part_, kSharedStringsType);
        }
        package_.set_part(shared_strings_part_, shared_strings_->serialize());
    }
    if (styles_ && styles_->modified()) {
        if (styles_part_.empty()) {
            styles_part_ = resolve_target(workbook_part_, "styles.xml");
            if (package_.has_part(styles_part_)) styles_part_ = resolve_target(workbook_part_, "scorecardStyles.xml");
            workbook_rels_->add(kStylesRel, styles_part_.substr(styles_part_.rfind('/') + 1));
            content_types_.set_override(styles_part_, kStylesType);
        }
        package_.set_part(styles_part_, styles_->serialize());
    }
    if (calc_chain_ && calc_chain_->modified()) {
        if (calc_chain_->empty()) {
            package_.remove_part(calc_chain_part_);
            content_types_.remove_override(calc_chain_part_);
            if (const Relationship* rel = workbook_rels_->first_of_type("calcChain")) workbook_rels_->remove(rel->id);
        } else {
            package_.set_part(calc_chain_part_, calc_chain_->serialize());
        }
    }
    if (workbook_modified_) package_.set_part(workbook_part_, serialize_xml(workbook_doc_));
    workbook_rels_->store(package_);
    content_types_.store(package_);
    package_.save(file);
}

void copy_file_atomically(const std::string& from, const std::string& to) {
    std::FILE* in = std::fopen(from.c_str(), "rb");
    if (!in) throw Error("", fmt::format("cannot read {}: {}", from, std::strerror(errno)));
    try {
        write_file_atomically(to, [&](std::FILE* out) {
            char buffer[1 << 16];
            std::size_t n;
            while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0)
                if (std::fwrite(buffer, 1, n, out) != n) throw Error("", fmt::format("cannot write {}", to));
            if (std::ferror(in)) throw Error("", fmt::format("cannot read {}", from));
        });
    } catch (...) {
        std::fclose(in);
        throw;
    }
    std::fclose(in);
}

void write_file_atomically(const std::string& path, const std::function<void(std::FILE*)>& write) {
    std::size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string temp = dir + "/." + base + ".tmp-XXXXXX";
    int fd = mkstemp(temp.data());
    if (fd < 0) throw Error("", fmt::format("cannot create a file in {}: {}", dir, std::strerror(errno)));
    mode_t mask = ::umask(0);  // mkstemp makes the file private; give it the usual permissions
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    std::FILE* file = fdopen(fd, "wb");
    if (!file) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw Error("", "cannot write the output file");
    }
    try {
        write(file);
        if (std::fflush(file) != 0 || fsync(fileno(file)) != 0)
            throw Error("", fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    } catch (...) {
        std::fclose(file);
        ::unlink(temp.c_str());
        throw;
    }
    if (std::fclose(file) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        throw Error("", fmt::format("cannot write {}: {}", path, std::strerror(err)));
    }

}

}  // namespace xlsx
