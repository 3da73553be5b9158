#include "xlsx/zip_reader.hpp"

#include "xlsx/error.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace xlsx {
namespace {

constexpr std::uint32_t kLocalSig = 0x04034b50;
constexpr std::uint32_t kCentralSig = 0x02014b50;
constexpr std::uint32_t kEndSig = 0x06054b50;
constexpr std::uint32_t kZip64EndSig = 0x06064b50;
constexpr std::uint32_t kZip64LocatorSig = 0x07064b50;

std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t u32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
std::uint64_t u64(const unsigned char* p) {
    return static_cast<std::uint64_t>(u32(p)) | (static_cast<std::uint64_t>(u32(p + 4)) << 32);
}

const char* not_a_zip_hint =
    "it is not an Excel workbook (.xlsx/.xlsm are zip packages); open it in Excel and save it as "
    "\"Excel Workbook (*.xlsx)\"";

// Applies the zip64 extended-information extra field (id 1) to the fields the
// central record marked as 0xFFFFFFFF, in the order the format defines.
void apply_zip64_extra(ZipEntry& e, const unsigned char* extra, std::size_t len, bool need_u, bool need_c,
                       bool need_off) {
    std::size_t pos = 0;
    while (pos + 4 <= len) {
        std::uint16_t id = u16(extra + pos), size = u16(extra + pos + 2);
        if (pos + 4 + size > len) break;
        if (id == 1) {
            const unsigned char* p = extra + pos + 4;
            std::size_t left = size;
            auto take = [&](std::uint64_t& field) {
                if (left < 8) throw Error(e.name, "the zip64 size record is too short (damaged zip)");
                field = u64(p);
                p += 8;
                left -= 8;
            };
            if (need_u) take(e.uncompressed_size);
            if (need_c) take(e.compressed_size);
            if (need_off) take(e.local_header_offset);
            return;
        }
        pos += 4 + size;
    }
    if (need_u || need_c || need_off) throw Error(e.name, "a zip64 entry has no zip64 size record (damaged zip)");
}

}  // namespace

bool is_cfb_signature(std::string_view bytes) {
    static const unsigned char sig[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return bytes.size() >= 8 && std::memcmp(bytes.data(), sig, 8) == 0;
}

ZipReader::ZipReader(const std::string& path, const Limits& limits) : limits_(limits) {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) throw Error("", fmt::format("cannot open the file: {}", std::strerror(errno)));
    if (std::fseek(file_, 0, SEEK_END) != 0) throw Error("", "cannot read the file (not a regular file?)");
    long size = std::ftell(file_);
    if (size < 0) throw Error("", "cannot read the file (not a regular file?)");
    file_size_ = static_cast<std::uint64_t>(size);
    try {
        read_directory();
    } catch (...) {
        std::fclose(file_);
        file_ = nullptr;
        throw;
    }
}

ZipReader::~ZipReader() {
    if (file_) std::fclose(file_);
}

void ZipReader::read_at(std::uint64_t offset, void* buffer, std::size_t size) const {
    if (offset > file_size_ || size > file_size_ - offset)
        throw Error("", "the zip is truncated or damaged (a record points past the end of the file)");
    if (std::fseek(file_, static_cast<long>(offset), SEEK_SET) != 0 || std::fread(buffer, 1, size, file_) != size)
        throw Error("", "cannot read the file");
}

ZipReader::Directory ZipReader::find_directory() const {
    if (file_size_ == 0) throw Error("", fmt::format("the file is empty (0 bytes); {}", not_a_zip_hint));
    std::string head(std::min<std::uint64_t>(file_size_, 8), '\0');
    read_at(0, head.data(), head.size());
    if (is_cfb_signature(head))
        throw Error("", "this is an encrypted (password-protected) workbook or an old-style .xls file, not an .xlsx "
                        "package; remove the password, or open it in Excel and save it as \"Excel Workbook (*.xlsx)\"");
    // The end-of-directory record sits in the last 64 KiB (its comment is at most 65535 bytes).
    std::size_t tail_len = static_cast<std::size_t>(std::min<std::uint64_t>(file_size_, 65535 + 22));
    std::vector<unsigned char> tail(tail_len);
    read_at(file_size_ - tail_len, tail.data(), tail_len);
    std::ptrdiff_t eocd = -1;
    for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(tail_len) - 22; i >= 0; --i)
        if (u32(&tail[i]) == kEndSig) { eocd = i; break; }
    if (eocd < 0) {
        if (head.size() >= 4 && u32(reinterpret_cast<const unsigned char*>(head.data())) == kLocalSig)
            throw Error("", "the zip is truncated (its directory at the end is missing); the file was not copied "
                            "completely — copy or download it again");
        throw Error("", fmt::format("the file is not a zip package; {}", not_a_zip_hint));
    }
    const unsigned char* e = &tail[eocd];
    Directory d{u16(e + 10), u32(e + 12), u32(e + 16)};
    std::uint64_t eocd_pos = file_size_ - tail_len + eocd;
    if ((d.count == 0xFFFF || d.size == 0xFFFFFFFF || d.offset == 0xFFFFFFFF) && eocd_pos >= 20) {
        unsigned char loc[20];
        read_at(eocd_pos - 20, loc, 20);
        if (u32(loc) == kZip64LocatorSig) {
            unsigned char rec[56];
            read_at(u64(loc + 8), rec, 56);
            if (u32(rec) != kZip64EndSig) throw Error("", "the zip64 directory record is damaged");
            d = {u64(rec + 32), u64(rec + 40), u64(rec + 48)};
        }
    }
    if (d.count > limits_.max_entries)
        throw Error("", fmt::format("the zip has {} entries, more than the limit of {}", d.count, limits_.max_entries));
    if (d.offset > file_size_ || d.size > file_size_ - d.offset)
        throw Error("", "the zip directory points past the end of the file (truncated or damaged zip)");
    return d;
}

// Reads the central record at `pos` of the directory `cd`; advances `pos`.
static ZipEntry read_central_record(const std::vector<unsigned char>& cd, std::size_t& pos) {
    if (pos + 46 > cd.size() || u32(&cd[pos]) != kCentralSig)
        throw Error("", "the zip directory is damaged (bad central directory record)");
    const unsigned char* r = &cd[pos];
    ZipEntry entry;
    entry.version_made_by = u16(r + 4);
    entry.version_needed = u16(r + 6);
    entry.flags = u16(r + 8);
    entry.method = u16(r + 10);
    entry.dos_time = u16(r + 12);
    entry.dos_date = u16(r + 14);
    entry.crc32 = u32(r + 16);
    entry.compressed_size = u32(r + 20);
    entry.uncompressed_size = u32(r + 24);
    std::size_t name_len = u16(r + 28), extra_len = u16(r + 30), comment_len = u16(r + 32);
    entry.external_attributes = u32(r + 38);
    entry.local_header_offset = u32(r + 42);
    if (pos + 46 + name_len + extra_len + comment_len > cd.size())
        throw Error("", "the zip directory is damaged (a record runs past its end)");
    entry.name.assign(reinterpret_cast<const char*>(r + 46), name_len);
    apply_zip64_extra(entry, r + 46 + name_len, extra_len, entry.uncompressed_size == 0xFFFFFFFF,
                      entry.compressed_size == 0xFFFFFFFF, entry.local_header_offset == 0xFFFFFFFF);
    pos += 46 + name_len + extra_len + comment_len;
    if (entry.flags & 1) throw Error(entry.name, "the entry is encrypted; remove the password in Excel and save again");
    return entry;
}

void ZipReader::read_directory() {
    Directory d = find_directory();
    std::vector<unsigned char> cd(static_cast<std::size_t>(d.size));
    read_at(d.offset, cd.data(), cd.size());
    std::size_t pos = 0;
    std::uint64_t total = 0;
    entries_.reserve(static_cast<std::size_t>(d.count));
    for (std::uint64_t i = 0; i < d.count; ++i) {
        ZipEntry entry = read_central_record(cd, pos);
        locate_data(entry);
        total += entry.uncompressed_size;
        if (total > limits_.max_total_size)
            throw Error("", fmt::format("the package would expand to more than {} MiB; refusing to open it",
                                        limits_.max_total_size >> 20));
        entries_.push_back(std::move(entry));
    }
}

void ZipReader::locate_data(ZipEntry& entry) const {
    unsigned char local[30];
    read_at(entry.local_header_offset, local, 30);
    if (u32(local) != kLocalSig) throw Error(entry.name, "the zip entry's local header is damaged");
    std::uint64_t start = entry.local_header_offset + 30 + u16(local + 26) + u16(local + 28);
    if (start > file_size_ || entry.compressed_size > file_size_ - start)
        throw Error(entry.name, "the zip entry runs past the end of the file (truncated zip)");
    entry.data_offset = start;
}

void ZipReader::copy_raw(const ZipEntry& entry, const std::function<void(std::string_view)>& sink) const {
    std::string chunk;
    std::uint64_t done = 0;
    while (done < entry.compressed_size) {
        std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(entry.compressed_size - done, 1 << 20));
        chunk.resize(n);
        read_at(entry.data_offset + done, chunk.data(), n);
        sink(chunk);
        done += n;
    }
}

std::string ZipReader::inflate(const ZipEntry& entry) const {
    if (entry.uncompressed_size > limits_.max_entry_size)
        throw Error(entry.name, fmt::format("the entry would expand to {} MiB, more than the limit of {} MiB",
                                            entry.uncompressed_size >> 20, limits_.max_entry_size >> 20));
    if (entry.uncompressed_size > limits_.ratio_exempt_size &&
        entry.uncompressed_size / std::max<std::uint64_t>(entry.compressed_size, 1) > limits_.max_ratio)
        throw Error(entry.name, fmt::format("the entry expands more than {} times (a decompression bomb?); refusing it",
                                            limits_.max_ratio));
    std::string out;
    if (entry.method == 0) {
        if (entry.compressed_size != entry.uncompressed_size)
            throw Error(entry.name, "a stored zip entry has inconsistent sizes (damaged zip)");
        out.resize(static_cast<std::size_t>(entry.compressed_size));
        read_at(entry.data_offset, out.data(), out.size());
    } else if (entry.method == 8) {
        out.resize(static_cast<std::size_t>(entry.uncompressed_size));
        z_stream zs{};
        if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) throw Error(entry.name, "cannot start decompression");
        std::string in;
        std::uint64_t read = 0;
        int rc = Z_OK;
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        unsigned char spare;
        while (rc != Z_STREAM_END) {
            if (zs.avail_in == 0 && read < entry.compressed_size) {
                std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(entry.compressed_size - read, 1 << 20));
                in.resize(n);
                read_at(entry.data_offset + read, in.data(), n);
                read += n;
                zs.next_in = reinterpret_cast<Bytef*>(in.data());
                zs.avail_in = static_cast<uInt>(n);
            }
            if (zs.avail_out == 0) {  // more output than declared: stop at once
                zs.next_out = &spare;
                zs.avail_out = 1;
            }
            rc = ::inflate(&zs, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) break;
            if (rc != Z_OK || (zs.next_out == &spare + 1)) {
                inflateEnd(&zs);
                throw Error(entry.name, rc == Z_OK ? "the entry holds more data than its declared size (damaged zip)"
                                                   : "the compressed data is damaged (cannot inflate)");
            }
            if (zs.avail_in == 0 && read >= entry.compressed_size) {
                inflateEnd(&zs);
                throw Error(entry.name, "the compressed data ends early (truncated zip)");
            }
        }
        bool short_output = zs.total_out != entry.uncompressed_size;
        inflateEnd(&zs);
        if (short_output) throw Error(entry.name, "the entry holds less data than its declared size (damaged zip)");
    } else {
        throw Error(entry.name, fmt::format("the entry uses compression method {}, which Excel does not write",
                                            entry.method));
    }
    auto crc = ::crc32(0L, reinterpret_cast<const Bytef*>(out.data()), 0);
    std::size_t done = 0;
    while (done < out.size()) {  // crc32 takes a uInt length
        std::size_t n = std::min<std::size_t>(out.size() - done, 1u << 30);
        crc = ::crc32(crc, reinterpret_cast<const Bytef*>(out.data() + done), static_cast<uInt>(n));
        done += n;
    }
    if (crc != entry.crc32) throw Error(entry.name, "the entry's checksum (CRC) does not match (damaged zip)");
    return out;
}

}  // namespace xlsx
