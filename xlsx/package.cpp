#include "xlsx/package.hpp"

#include "xlsx/error.hpp"
#include "xlsx/zip_writer.hpp"

#include <algorithm>

namespace xlsx {

std::string normalize_part_name(const std::string& name) {
    std::string out = name;
    if (!out.empty() && out[0] == '/') out.erase(0, 1);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

Package::Package(const std::string& path, const Limits& limits) : limits_(limits), reader_(path, limits) {
    const auto& entries = reader_.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) index_.emplace(normalize_part_name(entries[i].name), i);
}

std::optional<std::size_t> Package::find(const std::string& name) const {
    auto it = index_.find(normalize_part_name(name));
    if (it == index_.end() || removed_.count(it->second)) return std::nullopt;
    return it->second;
}

bool Package::has_part(const std::string& name) const {
    if (find(name)) return true;
    std::string key = normalize_part_name(name);
    return std::any_of(added_.begin(), added_.end(),
                       [&](const auto& p) { return normalize_part_name(p.first) == key; });
}

std::string Package::read_part(const std::string& name) const {
    if (auto i = find(name)) {
        if (auto r = replaced_.find(*i); r != replaced_.end()) return r->second;
        return reader_.inflate(reader_.entries()[*i]);
    }
    std::string key = normalize_part_name(name);
    for (const auto& [n, bytes] : added_)
        if (normalize_part_name(n) == key) return bytes;
    throw Error(name, "this part is missing from the package");
}

void Package::set_part(const std::string& name, std::string bytes) {
    if (auto i = find(name)) {
        replaced_[*i] = std::move(bytes);
        return;
    }
    std::string key = normalize_part_name(name);
    for (auto& [n, b] : added_)
        if (normalize_part_name(n) == key) { b = std::move(bytes); return; }
    added_.emplace_back(name.front() == '/' ? name.substr(1) : name, std::move(bytes));
}

void Package::remove_part(const std::string& name) {
    if (auto i = find(name)) {
        removed_.insert(*i);
        replaced_.erase(*i);
    }
    std::string key = normalize_part_name(name);
    std::erase_if(added_, [&](const auto& p) { return normalize_part_name(p.first) == key; });
}

std::vector<std::string> Package::part_names() const {
    std::vector<std::string> names;
    const auto& entries = reader_.entries();
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (!removed_.count(i) && !entries[i].name.ends_with('/')) names.push_back(entries[i].name);
    for (const auto& p : added_) names.push_back(p.first);
    return names;
}

void Package::save(std::FILE* file) const {
    ZipWriter writer(file);
    const auto& entries = reader_.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (removed_.count(i)) continue;
        if (auto r = replaced_.find(i); r != replaced_.end()) writer.add_deflated(entries[i].name, r->second, &entries[i]);
        else writer.add_raw(reader_, entries[i]);
    }
    for (const auto& [name, bytes] : added_) writer.add_deflated(name, bytes, nullptr);
    writer.finish();
}

}  // namespace xlsx
