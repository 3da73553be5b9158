#include "support.hpp"
#include "xlsx/error.hpp"
#include "xlsx/zip_reader.hpp"
#include "xlsx/zip_writer.hpp"

#include <doctest/doctest.h>

#include <fstream>

TEST_CASE("a written zip reads back, entries in order") {
    test::TempDir dir;
    std::string big(200000, 'x');
    test::write_zip(dir.path("a.zip"), {{"b.xml", "<b/>"}, {"A/c.txt", big}, {"empty", ""}});
    auto entries = test::read_zip(dir.path("a.zip"));
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].first == "b.xml");
    CHECK(entries[1].second == big);
    CHECK(entries[2].second.empty());
}

TEST_CASE("raw copies keep the compressed bytes") {
    test::TempDir dir;
    test::write_zip(dir.path("in.zip"), {{"a.xml", std::string(5000, 'a')}});
    xlsx::ZipReader in(dir.path("in.zip"), {});
    std::FILE* f = std::fopen(dir.path("out.zip").c_str(), "wb");
    xlsx::ZipWriter w(f);
    w.add_raw(in, in.entries()[0]);
    w.finish();
    std::fclose(f);
    xlsx::ZipReader out(dir.path("out.zip"), {});
    CHECK(out.entries()[0].crc32 == in.entries()[0].crc32);
    CHECK(out.entries()[0].compressed_size == in.entries()[0].compressed_size);
    CHECK(out.inflate(out.entries()[0]) == std::string(5000, 'a'));
}

TEST_CASE("files that are not zips get a message saying what they are") {
    test::TempDir dir;
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir.path(name), std::ios::binary) << bytes;
        return dir.path(name);
    };
    CHECK_THROWS_WITH_AS(xlsx::ZipReader(write("empty.xlsx", ""), {}), doctest::Contains("empty"), xlsx::Error);
    CHECK_THROWS_WITH_AS(xlsx::ZipReader(write("cfb.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 13)), {}),
                         doctest::Contains("encrypted"), xlsx::Error);
    CHECK_THROWS_WITH_AS(xlsx::ZipReader(write("text.xlsx", "hello world"), {}), doctest::Contains("not a zip"),
                         xlsx::Error);
    test::write_zip(dir.path("whole.zip"), {{"a", std::string(3000, 'q')}});
    std::string bytes = test::slurp(dir.path("whole.zip"));
    CHECK_THROWS_WITH_AS(xlsx::ZipReader(write("cut.xlsx", bytes.substr(0, bytes.size() / 2)), {}),
                         doctest::Contains("truncated"), xlsx::Error);
}

TEST_CASE("damaged data and bombs are refused") {
    test::TempDir dir;
    test::write_zip(dir.path("a.zip"), {{"a", std::string(4 << 20, 'z')}});
    xlsx::Limits tight;
    tight.max_entry_size = 1 << 20;
    xlsx::ZipReader r(dir.path("a.zip"), tight);
    CHECK_THROWS_WITH_AS(r.inflate(r.entries()[0]), doctest::Contains("limit"), xlsx::Error);
    xlsx::Limits ratio;
    ratio.max_ratio = 10;
    xlsx::ZipReader r2(dir.path("a.zip"), ratio);
    CHECK_THROWS_WITH_AS(r2.inflate(r2.entries()[0]), doctest::Contains("decompression bomb"), xlsx::Error);
    std::string bytes = test::slurp(dir.path("a.zip"));
    bytes[60] = static_cast<char>(bytes[60] ^ 0x55);  // inside the deflate stream
    std::ofstream(dir.path("bad.zip"), std::ios::binary) << bytes;
    xlsx::ZipReader r3(dir.path("bad.zip"), {});
    CHECK_THROWS_AS(r3.inflate(r3.entries()[0]), xlsx::Error);
}
