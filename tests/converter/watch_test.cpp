#include "converter/watch.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

namespace {

class FakeClock : public converter::Clock {
public:
    std::chrono::steady_clock::time_point now() override { return now_; }
    std::string timestamp() override { return "2026-01-01T00:00:00.000Z"; }
    void advance(std::chrono::milliseconds by) { now_ += by; }

private:
    std::chrono::steady_clock::time_point now_{};
};

class NoEvents : public converter::FolderEvents {
public:
    void wait(std::chrono::milliseconds) override {}
};


}  // namespace

TEST_CASE("inbox names: workbooks, locks and temporary files, other types") {
    using converter::InboxFile;
    CHECK(converter::classify_inbox_name("Book.XLSX") == InboxFile::workbook);
    CHECK(converter::classify_inbox_name("macro.xlsm") == InboxFile::workbook);
    CHECK(converter::classify_inbox_name("~$Book.xlsx") == InboxFile::lock_or_temporary);
    CHECK(converter::classify_inbox_name(".~lock.Book.xlsx#") == InboxFile::lock_or_temporary);
    CHECK(converter::classify_inbox_name(".hidden.xlsx") == InboxFile::lock_or_temporary);
    CHECK(converter::classify_inbox_name("Book.xlsx.part") == InboxFile::lock_or_temporary);
    CHECK(converter::classify_inbox_name("notes.txt") == InboxFile::other_type);
    CHECK(converter::classify_inbox_name("old.xls") == InboxFile::other_type);
}

TEST_CASE("durations") {
    CHECK(converter::parse_duration("2s") == std::chrono::milliseconds(2000));
    CHECK(converter::parse_duration("500ms") == std::chrono::milliseconds(500));
    CHECK(converter::parse_duration("1.5") == std::chrono::milliseconds(1500));
    CHECK_FALSE(converter::parse_duration("soon"));
    CHECK_FALSE(converter::parse_duration("5h"));
}

TEST_CASE("a workbook is taken only once it has settled, then remembered") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path("in"));
    converter::WatchOptions o;
    o.inbox = dir.path("in");
    o.out_dir = dir.path("out");
    o.settle = std::chrono::milliseconds(2000);
    std::filesystem::create_directories(o.out_dir);
    std::filesystem::create_directories(o.out_dir + "/failed");
    FakeClock clock;
    NoEvents events;
    std::ostringstream log, human;
    converter::FolderWatch watch(o, events, clock, log, human);
    watch.recover();
    test::write_asb_book(dir.path("in/book.xlsx"));
    CHECK(watch.step() == 1);  // seen, not yet settled
    clock.advance(std::chrono::milliseconds(1500));
    CHECK(watch.step() == 1);
    CHECK_FALSE(std::filesystem::exists(dir.path("out/book.xlsx")));
    clock.advance(std::chrono::milliseconds(600));
    CHECK(watch.step() == 0);
    CHECK(std::filesystem::exists(dir.path("out/book.xlsx")));
    CHECK(log.str().find("\"action\":\"refreshed\"") != std::string::npos);
    CHECK(human.str().find("book.xlsx: refreshed 1 measures") != std::string::npos);
    clock.advance(std::chrono::milliseconds(5000));
    std::string before = log.str();
    CHECK(watch.step() == 0);  // remembered by name, size and time: not taken twice
    CHECK(log.str() == before);
}

TEST_CASE("a failure moves the workbook to the failed folder with a note") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path("in"));
    std::filesystem::create_directories(dir.path("out/failed"));
    { std::FILE* f = std::fopen(dir.path("in/bad.xlsx").c_str(), "wb"); std::fputs("junk", f); std::fclose(f); }
    converter::WatchOptions o;
    o.inbox = dir.path("in");
    o.out_dir = dir.path("out");
    o.settle = std::chrono::milliseconds(0);
    FakeClock clock;
    NoEvents events;
    std::ostringstream log, human;
    converter::FolderWatch watch(o, events, clock, log, human);
    watch.step();
    CHECK(std::filesystem::exists(dir.path("out/failed/bad.xlsx")));
    CHECK(test::slurp(dir.path("out/failed/bad.xlsx.error.txt")).find("not a zip") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path("in/bad.xlsx")));
}
