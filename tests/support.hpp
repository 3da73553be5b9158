#pragma once
// Helpers shared by the tests: temporary folders (tests never write into the
// current directory) and small packages built from XML strings.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace test {

// A fresh folder under the system temporary directory, removed with its contents.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path(const std::string& name) const { return (root_ / name).string(); }

private:
    std::filesystem::path root_;
};

// Writes a zip with `entries` (name -> content, in the given order), deflated.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries);
// Every entry of a zip, inflated, in order.
std::vector<std::pair<std::string, std::string>> read_zip(const std::string& path);

// A minimal workbook: one sheet per (name, sheetData content) with shared
// strings `strings` (empty: no sharedStrings part) and the given styles part.
struct BookSpec {
    std::vector<std::pair<std::string, std::string>> sheets;  // name -> <sheetData> inner XML
    std::vector<std::string> strings;
    std::string styles;         // whole styles.xml; a default one when empty
    std::string sheet_tail;     // XML after </sheetData> in every sheet
    bool calc_chain = false;    // add a calcChain part naming every formula cell "A1" of sheet 1
};
void write_book(const std::string& path, const BookSpec& spec);

// sheetData rows from a grid of texts, placed with its top-left at (row, column):
// "" is no cell, a number is a number, "=…" a formula without cached value,
// anything else an inline string.
std::string rows_xml(const std::vector<std::vector<std::string>>& grid, unsigned row = 1, unsigned column = 1);

// A block header row: `first` then the twelve months Apr … Mar.
std::vector<std::string> month_header(const std::string& first = "");
// A workbook with one monthly block, "Reduce ASB", on sheet "S": rows 3-7 are
// Actual 2014/15, Actual 2015/16 (one month), Target (10,064), Cum 15/16, RAG.
void write_asb_book(const std::string& path);

std::string data_path(const std::string& relative);  // tests/data/…
std::string slurp(const std::string& path);

}  // namespace test
