#include "xlsx/zip_writer.hpp"

#include "xlsx/error.hpp"

#include <zlib.h>

#include <cstring>

namespace xlsx {
namespace {

constexpr std::uint32_t kMax32 = 0xFFFFFFFF;

void put16(std::string& out, std::uint16_t v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>(v >> 8));
}
void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void put64(std::string& out, std::uint64_t v) {
    put32(out, static_cast<std::uint32_t>(v));
    put32(out, static_cast<std::uint32_t>(v >> 32));
}
std::uint32_t clamp32(std::uint64_t v) { return v >= kMax32 ? kMax32 : static_cast<std::uint32_t>(v); }

// Bits kept from the source entry: compression options and the UTF-8 name flag.
// The data-descriptor bit is dropped because sizes are written up front.
constexpr std::uint16_t kKeptFlags = 0x0006 | 0x0800;

}  // namespace

void ZipWriter::write(const void* data, std::size_t size) {
    if (size && std::fwrite(data, 1, size, file_) != size) throw Error("", "cannot write the output file (disk full?)");
    offset_ += size;
}

void ZipWriter::write_local_header(const ZipEntry& e) {
    bool zip64 = e.compressed_size >= kMax32 || e.uncompressed_size >= kMax32;
    std::string h;
    put32(h, 0x04034b50);
    put16(h, zip64 ? std::max<std::uint16_t>(e.version_needed, 45) : e.version_needed);
    put16(h, e.flags);
    put16(h, e.method);
    put16(h, e.dos_time);
    put16(h, e.dos_date);
    put32(h, e.crc32);
    put32(h, zip64 ? kMax32 : static_cast<std::uint32_t>(e.compressed_size));
    put32(h, zip64 ? kMax32 : static_cast<std::uint32_t>(e.uncompressed_size));
    put16(h, static_cast<std::uint16_t>(e.name.size()));
    put16(h, zip64 ? 20 : 0);
    h += e.name;
    if (zip64) {
        put16(h, 1);
        put16(h, 16);
        put64(h, e.uncompressed_size);
        put64(h, e.compressed_size);
    }
    write(h.data(), h.size());
}

void ZipWriter::add_raw(const ZipReader& source, const ZipEntry& entry) {
    ZipEntry e = entry;
    e.flags = entry.flags & kKeptFlags;
    e.local_header_offset = offset_;
    write_local_header(e);
    source.copy_raw(entry, [this](std::string_view chunk) { write(chunk.data(), chunk.size()); });
    written_.push_back(std::move(e));
}

void ZipWriter::add_deflated(const std::string& name, std::string_view content, const ZipEntry* like) {
    ZipEntry e;
    if (like) e = *like;
    else {
        e.dos_date = (2026 - 1980) << 9 | 1 << 5 | 1;  // a fixed stamp keeps outputs reproducible
        e.dos_time = 0;
    }
    e.name = name;
    e.flags = like ? (like->flags & 0x0800) : 0;
    e.method = 8;
    e.version_needed = 20;
    e.uncompressed_size = content.size();
    // Sizes and CRC are patched into the local header afterwards, so the
    // compressed data streams to the file and is never held whole in memory.
    // A header that may need zip64 sizes gets room for them up front.
    e.compressed_size = content.size() >= 0xFFFF0000u ? kMax32 : 0;
    e.local_header_offset = offset_;
    write_local_header(e);
    uLong crc = ::crc32(0L, nullptr, 0);
    z_stream zs{};
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error(name, "cannot start compression");
    std::string chunk(1 << 20, '\0');
    std::size_t in_done = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (zs.avail_in == 0 && in_done < content.size()) {
            std::size_t n = std::min<std::size_t>(content.size() - in_done, 1u << 30);
            zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data() + in_done));
            zs.avail_in = static_cast<uInt>(n);
            crc = ::crc32(crc, zs.next_in, zs.avail_in);
            in_done += n;
        }
        zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
        zs.avail_out = static_cast<uInt>(chunk.size());
        rc = deflate(&zs, in_done == content.size() ? Z_FINISH : Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            deflateEnd(&zs);
            throw Error(name, "compression failed");
        }
        write(chunk.data(), chunk.size() - zs.avail_out);
    }
    e.compressed_size = zs.total_out;
    deflateEnd(&zs);
    e.crc32 = static_cast<std::uint32_t>(crc);
    patch_local_header(e);
    written_.push_back(std::move(e));
}

void ZipWriter::patch_local_header(const ZipEntry& e) {
    bool zip64 = e.uncompressed_size >= 0xFFFF0000u;
    std::string fields;
    put32(fields, e.crc32);
    put32(fields, zip64 ? kMax32 : static_cast<std::uint32_t>(e.compressed_size));
    put32(fields, zip64 ? kMax32 : static_cast<std::uint32_t>(e.uncompressed_size));
    long end = std::ftell(file_);
    bool ok = std::fseek(file_, static_cast<long>(e.local_header_offset + 14), SEEK_SET) == 0 &&
              std::fwrite(fields.data(), 1, fields.size(), file_) == fields.size();
    if (ok && zip64) {
        std::string sizes;
        put64(sizes, e.uncompressed_size);
        put64(sizes, e.compressed_size);
        ok = std::fseek(file_, static_cast<long>(e.local_header_offset + 30 + e.name.size() + 4), SEEK_SET) == 0 &&
             std::fwrite(sizes.data(), 1, sizes.size(), file_) == sizes.size();
    }
    if (!ok || std::fseek(file_, end, SEEK_SET) != 0) throw Error("", "cannot write the output file (not seekable?)");
}

void ZipWriter::finish() {
    std::uint64_t cd_start = offset_;
    for (const ZipEntry& e : written_) {
        bool big = e.compressed_size >= kMax32 || e.uncompressed_size >= kMax32 || e.local_header_offset >= kMax32;
        std::string extra;
        if (big) {
            put16(extra, 1);
            put16(extra, 24);
            put64(extra, e.uncompressed_size);
            put64(extra, e.compressed_size);
            put64(extra, e.local_header_offset);
        }
        std::string r;
        put32(r, 0x02014b50);
        put16(r, e.version_made_by);
        put16(r, big ? std::max<std::uint16_t>(e.version_needed, 45) : e.version_needed);
        put16(r, e.flags);
        put16(r, e.method);
        put16(r, e.dos_time);
        put16(r, e.dos_date);
        put32(r, e.crc32);
        put32(r, big ? kMax32 : clamp32(e.compressed_size));
        put32(r, big ? kMax32 : clamp32(e.uncompressed_size));
        put16(r, static_cast<std::uint16_t>(e.name.size()));
        put16(r, static_cast<std::uint16_t>(extra.size()));
        put16(r, 0);
        put16(r, 0);
        put16(r, 0);
        put32(r, e.external_attributes);
        put32(r, big ? kMax32 : clamp32(e.local_header_offset));
        r += e.name;
        r += extra;
        write(r.data(), r.size());
    }
    std::uint64_t cd_size = offset_ - cd_start;
    std::uint64_t count = written_.size();
    std::string end;
    if (count >= 0xFFFF || cd_size >= kMax32 || cd_start >= kMax32) {
        std::uint64_t zip64_end = offset_;
        put32(end, 0x06064b50);
        put64(end, 44);
        put16(end, 45);
        put16(end, 45);
        put32(end, 0);
        put32(end, 0);
        put64(end, count);
        put64(end, count);
        put64(end, cd_size);
        put64(end, cd_start);
        put32(end, 0x07064b50);
        put32(end, 0);
        put64(end, zip64_end);
        put32(end, 1);
    }
    put32(end, 0x06054b50);
    put16(end, 0);
    put16(end, 0);
    put16(end, static_cast<std::uint16_t>(std::min<std::uint64_t>(count, 0xFFFF)));
    put16(end, static_cast<std::uint16_t>(std::min<std::uint64_t>(count, 0xFFFF)));
    put32(end, clamp32(cd_size));
    put32(end, clamp32(cd_start));
    put16(end, 0);
    write(end.data(), end.size());
}

}  // namespace xlsx
