#pragma once
// Bounds that protect against decompression bombs and absurd inputs. The
// defaults are generous for real council workbooks (a few MB) while keeping a
// hostile file from exhausting memory; callers may override them.
#include <cstdint>

namespace xlsx {

struct Limits {
    // Largest uncompressed size of one entry that will be inflated, in bytes.
    std::uint64_t max_entry_size = 1024ull * 1024 * 1024;
    // Sum of uncompressed sizes over every entry of the package, in bytes.
    std::uint64_t max_total_size = 4096ull * 1024 * 1024;
    // Largest ratio uncompressed/compressed accepted for entries above
    // `ratio_exempt_size`; XML of real sheets rarely exceeds 100:1.
    std::uint64_t max_ratio = 1000;
    std::uint64_t ratio_exempt_size = 1024 * 1024;
    // Largest number of entries in the zip directory.
    std::uint64_t max_entries = 100000;
};

}  // namespace xlsx
