#pragma once
// Writing a zip archive entry by entry to an already-open file.
//
// Entries are either copied raw (the compressed bytes of an existing archive,
// never recompressed) or deflated from new content. The writer switches to zip64
// records only when sizes or offsets need them.
#include "xlsx/zip_reader.hpp"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace xlsx {

class ZipWriter {
public:
    // Writes to `file`, which the caller owns and closes after finish(). The
    // file must be seekable: local headers are completed after their data.
    explicit ZipWriter(std::FILE* file) : file_(file) {}

    // Copies `entry` from `source` with its compressed bytes unchanged.
    void add_raw(const ZipReader& source, const ZipEntry& entry);
    // Deflates `content` as a new entry called `name`; `like` supplies the
    // timestamp and attributes (pass nullptr for a new part).
    void add_deflated(const std::string& name, std::string_view content, const ZipEntry* like);
    // Writes the central directory. No entry may be added afterwards.
    void finish();

private:
    void write(const void* data, std::size_t size);
    void write_local_header(const ZipEntry& entry);
    void patch_local_header(const ZipEntry& entry);

    std::FILE* file_;
    std::uint64_t offset_ = 0;
    std::vector<ZipEntry> written_;
};

}  // namespace xlsx
