#pragma once
// The OOXML package: the parts of a zip archive, by name.
//
// Parts are read on demand. Saving copies every part that was not replaced as
// its original compressed bytes, in the original order and under the original
// name; replaced parts are deflated anew and added parts follow at the end.
// Part names are compared case-insensitively, as OPC requires; a leading '/'
// is ignored.
#include "xlsx/limits.hpp"
#include "xlsx/zip_reader.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace xlsx {

class Package {
public:
    // Opens the package at `path`; throws Error when it is not a readable zip.
    Package(const std::string& path, const Limits& limits = {});

    bool has_part(const std::string& name) const;
    // The part's bytes (inflated); throws Error if it is missing or damaged.
    std::string read_part(const std::string& name) const;
    // Replaces an existing part, or adds a new one at the end.
    void set_part(const std::string& name, std::string bytes);
    void remove_part(const std::string& name);
    // Every part name in archive order (directory entries excluded), as stored.
    std::vector<std::string> part_names() const;
    bool modified() const { return !replaced_.empty() || !removed_.empty() || !added_.empty(); }
    const Limits& limits() const { return limits_; }

    // Writes the whole package to `file`, which the caller opened for writing.
    void save(std::FILE* file) const;

private:
    std::optional<std::size_t> find(const std::string& name) const;

    Limits limits_;
    ZipReader reader_;
    std::map<std::string, std::size_t> index_;          // lower-case name -> entry
    std::map<std::size_t, std::string> replaced_;       // entry -> new bytes
    std::set<std::size_t> removed_;
    std::vector<std::pair<std::string, std::string>> added_;
};

// Lower-cases ASCII letters, strips a leading '/'.
std::string normalize_part_name(const std::string& name);

}  // namespace xlsx
