// Real workbooks from other producers (tests/data/corpus, see PROVENANCE.tsv):
// every one round-trips with each entry's compressed bytes unchanged, and every
// damaged one (tests/data/broken) is refused with a message, never a crash.
#include "support.hpp"
#include "xlsx/error.hpp"
#include "xlsx/package_check.hpp"
#include "xlsx/workbook.hpp"
#include "xlsx/zip_reader.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace {
std::vector<std::string> files_in(const std::string& folder) {
    std::vector<std::string> out;
    for (auto& e : std::filesystem::directory_iterator(test::data_path(folder))) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string raw(const xlsx::ZipReader& r, const xlsx::ZipEntry& e) {
    std::string bytes;
    r.copy_raw(e, [&](std::string_view chunk) { bytes.append(chunk); });
    return bytes;
}
}  // namespace

TEST_CASE("every corpus workbook is rewritten with its entries copied byte for byte") {
    test::TempDir dir;
    auto files = files_in("corpus");
    CHECK(files.size() >= 30);
    for (const std::string& file : files) {
        CAPTURE(file);
        xlsx::Package package(file);
        xlsx::write_file_atomically(dir.path("out.xlsx"), [&](std::FILE* f) { package.save(f); });
        xlsx::ZipReader in(file, {}), out(dir.path("out.xlsx"), {});
        REQUIRE(in.entries().size() == out.entries().size());
        for (std::size_t i = 0; i < in.entries().size(); ++i) {
            const auto &a = in.entries()[i], &b = out.entries()[i];
            CHECK(a.name == b.name);
            CHECK(a.method == b.method);
            CHECK(a.crc32 == b.crc32);
            CHECK(raw(in, a) == raw(out, b));
        }
    }
}

TEST_CASE("every corpus workbook opens and its worksheets read") {
    for (const std::string& file : files_in("corpus")) {
        CAPTURE(file);
        xlsx::Workbook wb(file);
        for (const auto& s : wb.sheets())
            if (s.kind == xlsx::SheetKind::worksheet)
                for (std::uint32_t r : wb.worksheet(s.name)->row_numbers()) wb.worksheet(s.name)->row_cells(r);
    }
}

TEST_CASE("every damaged file is answered with problems, not a crash") {
    auto files = files_in("broken");
    CHECK(files.size() >= 40);
    for (const std::string& file : files) {
        CAPTURE(file);
        auto problems = xlsx::check_package(file);
        CHECK_FALSE(problems.empty());
        for (const auto& p : problems) CHECK_FALSE(p.message.empty());
    }
}
