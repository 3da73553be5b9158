#include "core/text.hpp"

#include <cctype>

namespace core {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string trim(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && is_space(text[b])) ++b;
    // A non-breaking space (U+00A0, C2 A0) counts as space too.
    while (b + 1 < e && text[b] == '\xC2' && text[b + 1] == '\xA0') { b += 2; while (b < e && is_space(text[b])) ++b; }
    while (e > b && is_space(text[e - 1])) --e;
    while (e >= b + 2 && text[e - 2] == '\xC2' && text[e - 1] == '\xA0') { e -= 2; while (e > b && is_space(text[e - 1])) --e; }
    return std::string(text.substr(b, e - b));
}

std::string normalize_label(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : trim(text)) {
        if (is_space(c)) { space = true; continue; }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

bool starts_with_word(std::string_view normalized, std::string_view word) {
    return normalized.starts_with(word) &&
           (normalized.size() == word.size() || !std::isalpha(static_cast<unsigned char>(normalized[word.size()])));
}

}  // namespace core
