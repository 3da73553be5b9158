#pragma once
// Reading a zip archive (the OOXML package container) from a file on disk.
//
// The reader keeps only the central directory in memory; entry data is read with
// positioned reads on demand, so that copying an unchanged entry never needs the
// whole file in memory. Supports zip64, data descriptors, stored and deflated
// entries. Encrypted entries and other methods are refused with an Error.
#include "xlsx/limits.hpp"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xlsx {

struct ZipEntry {
    std::string name;                 // as stored in the archive (UTF-8 or CP437)
    std::uint16_t version_made_by = 20;
    std::uint16_t version_needed = 20;
    std::uint16_t flags = 0;
    std::uint16_t method = 0;         // 0 stored, 8 deflated
    std::uint16_t dos_time = 0;
    std::uint16_t dos_date = 0;
    std::uint32_t crc32 = 0;
    std::uint64_t compressed_size = 0;
    std::uint64_t uncompressed_size = 0;
    std::uint32_t external_attributes = 0;
    std::uint64_t local_header_offset = 0;
    std::uint64_t data_offset = 0;    // first byte of the compressed data
};

class ZipReader {
public:
    // Opens `path` and reads its central directory. Throws Error when the file
    // is not a zip, is truncated, or breaks `limits`.
    ZipReader(const std::string& path, const Limits& limits);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    // Entries in central-directory order (the order they are written back in).
    const std::vector<ZipEntry>& entries() const { return entries_; }
    std::uint64_t file_size() const { return file_size_; }

    // The entry's uncompressed bytes. Verifies size and CRC; bounded by limits.
    std::string inflate(const ZipEntry& entry) const;
    // Streams the entry's compressed bytes, unchanged, to `sink` in chunks.
    void copy_raw(const ZipEntry& entry, const std::function<void(std::string_view)>& sink) const;

private:
    struct Directory {
        std::uint64_t count, size, offset;  // entries, bytes, where it starts
    };
    void read_at(std::uint64_t offset, void* buffer, std::size_t size) const;
    Directory find_directory() const;
    void read_directory();
    void locate_data(ZipEntry& entry) const;

    std::FILE* file_ = nullptr;
    std::uint64_t file_size_ = 0;
    Limits limits_;
    std::vector<ZipEntry> entries_;
};

// True when `bytes` start with the OLE2/CFB signature (legacy .xls or an
// encrypted OOXML package).
bool is_cfb_signature(std::string_view bytes);

}  // namespace xlsx
