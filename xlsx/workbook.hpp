#pragma once
// A workbook opened from an .xlsx/.xlsm package: its sheets, shared strings,
// styles and calculation settings, each read from its own part on demand.
//
// Only parts that were changed are re-serialised on save; every other part is
// copied as its original compressed bytes. The Workbook owns the Package and
// every part object it hands out; references stay valid while it lives.
#include "xlsx/calc_chain.hpp"
#include "xlsx/cell.hpp"
#include "xlsx/content_types.hpp"
#include "xlsx/package.hpp"
#include "xlsx/relationships.hpp"
#include "xlsx/shared_strings.hpp"
#include "xlsx/styles.hpp"
#include "xlsx/worksheet.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace xlsx {

enum class SheetKind { worksheet, chartsheet, dialogsheet, macrosheet, other };
enum class SheetState { visible, hidden, very_hidden };

struct SheetInfo {
    std::string name;
    std::uint32_t sheet_id = 0;
    std::string part;   // resolved part name; empty when the relationship is missing
    SheetKind kind = SheetKind::other;
    SheetState state = SheetState::visible;
};

struct DefinedName {
    std::string name;
    std::string value;
    std::optional<std::uint32_t> local_sheet;  // index of the sheet it is scoped to
};

class Workbook {
public:
    // Opens and checks the package: content types, the workbook part and its
    // sheet relationships. Throws Error naming the part at fault.
    explicit Workbook(const std::string& path, const Limits& limits = {});

    const std::vector<SheetInfo>& sheets() const { return sheets_; }
    const std::vector<DefinedName>& defined_names() const { return names_; }
    bool date1904() const { return date1904_; }
    const std::string& workbook_part() const { return workbook_part_; }

    // The worksheet called `name` (case-insensitive), parsed on first use;
    // nullptr when there is no such worksheet.
    Worksheet* worksheet(const std::string& name);
    // Adds an empty worksheet called `name` after the last sheet, with its
    // part, relationship and content type. Throws Error if the name is taken
    // or is not a valid sheet name.
    Worksheet& add_worksheet(const std::string& name);
    SharedStrings& shared_strings();
    Styles& styles();

    // The value of `cell` with shared strings resolved.
    CellValue value_of(const Cell& cell);
    // Sets `cell`'s value to a string: a shared string when the workbook has a
    // shared-strings part, else an inline string; the cached result when the
    // cell holds a formula. Does not store the cell; the caller puts it.
    void set_text(Cell& cell, const std::string& text);

    // Asks Excel and LibreOffice to recalculate every formula when the file opens.
    void set_full_calc_on_load();
    // Drops `ref` of sheet `sheet_name` from calcChain (and the part when empty).
    void remove_from_calc_chain(const std::string& sheet_name, CellRef ref);

    Package& package() { return package_; }
    // Serialises every changed part into the package and writes it to `file`
    // (which must be seekable). Worksheet pointers handed out before are
    // invalid afterwards: saving ends the editing of the workbook.
    void save(std::FILE* file);

private:
    void read_workbook_part();
    pugi::xml_node ensure_calc_pr();

    Package package_;
    ContentTypes content_types_;
    std::string workbook_part_;
    pugi::xml_document workbook_doc_;
    bool workbook_modified_ = false;
    std::unique_ptr<Relationships> workbook_rels_;
    std::vector<SheetInfo> sheets_;
    std::vector<DefinedName> names_;
    bool date1904_ = false;
    std::map<std::string, std::unique_ptr<Worksheet>> worksheets_;  // by part name
    std::set<std::string> new_worksheets_;                          // parts added by add_worksheet
    std::unique_ptr<SharedStrings> shared_strings_;
    std::string shared_strings_part_;
    std::unique_ptr<Styles> styles_;
    std::string styles_part_;
    std::unique_ptr<CalcChain> calc_chain_;
    std::string calc_chain_part_;
};

// Writes a workbook (or anything) to `path` through a temporary file in the
// same folder, flushed and renamed into place, so that a failure leaves
// either the old file or the new one and never a partial one.
void write_file_atomically(const std::string& path, const std::function<void(std::FILE*)>& write);
// Copies the file `from` to `to` the same way.
void copy_file_atomically(const std::string& from, const std::string& to);

}  // namespace xlsx
