#pragma once
// Small text helpers for matching officers' labels: case and surrounding
// spaces never matter.
#include <string>
#include <string_view>

namespace core {

std::string lower(std::string_view text);
std::string trim(std::string_view text);
// Trimmed, lower-cased, runs of white space collapsed to one space.
std::string normalize_label(std::string_view text);
bool contains(std::string_view haystack_normalized, std::string_view needle);
bool starts_with_word(std::string_view normalized, std::string_view word);

}  // namespace core
