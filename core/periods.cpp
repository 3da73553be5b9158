#include "core/periods.hpp"

#include "core/text.hpp"

#include <array>
#include <cctype>
#include <string>

namespace core {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                      "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kAbbrev = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of digits at `i`; returns its value and length.
std::pair<int, int> digits_at(std::string_view s, std::size_t i) {
    int value = 0, len = 0;
    while (i + len < s.size() && is_digit(s[i + len]) && len < 5) value = value * 10 + (s[i + len++] - '0');
    if (i + len < s.size() && is_digit(s[i + len])) return {0, 0};
    return {value, len};
}

// Month names only count as whole words ("mar" in "market" is not March).
std::optional<int> month_word_at(std::string_view s, std::size_t i, std::size_t& length) {
    if (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) return std::nullopt;
    std::size_t end = i;
    while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
    std::string word = lower(s.substr(i, end - i));
    length = end - i;
    if (word == "sept") return 9;
    for (int m = 0; m < 12; ++m)
        if (word == kMonths[m] || (word.size() == 3 && kMonths[m].starts_with(word))) return m + 1;
    return std::nullopt;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

int period_count(PeriodKind kind) { return kind == PeriodKind::month ? 12 : 4; }

int month_of_period(int start_month, int index) { return (start_month - 1 + index - 1) % 12 + 1; }

int days_in_period(const FinancialYear& year, PeriodKind kind, int index) {
    int months = kind == PeriodKind::month ? 1 : 3;
    int first = (index - 1) * months + 1, total = 0;
    for (int i = first; i < first + months; ++i) {
        int offset = year.start_month - 1 + i - 1;
        total += days_in_month(year.first_year + offset / 12, offset % 12 + 1);
    }
    return total;
}

std::vector<int> period_days(const FinancialYear& year, PeriodKind kind) {
    std::vector<int> out;
    for (int i = 1; i <= period_count(kind); ++i) out.push_back(days_in_period(year, kind, i));
    return out;
}

std::optional<FinancialYear> parse_year(std::string_view label, int start_month) {
    std::optional<FinancialYear> found;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (!is_digit(label[i]) || (i > 0 && is_digit(label[i - 1]))) continue;
        auto [first, len1] = digits_at(label, i);
        if (len1 != 2 && len1 != 4) continue;
        std::size_t j = i + len1;
        while (j < label.size() && label[j] == ' ') ++j;
        std::optional<FinancialYear> here;
        bool separator = j < label.size() && (label[j] == '-' || label[j] == '/' || label[j] == '\xE2');
        if (separator) {
            j += label[j] == '\xE2' ? 3 : 1;  // an en dash is three UTF-8 bytes
            while (j < label.size() && label[j] == ' ') ++j;
            auto [second, len2] = digits_at(label, j);
            if (len2 == 2 || len2 == 4) {
                int start = len1 == 4 ? first : 2000 + first;
                if (second % 100 == (start + 1) % 100) here = FinancialYear{start, start_month};
                i = j + len2 - 1;
            }
        } else if (len1 == 4 && start_month == 1 && first >= 1900 && first < 2200) {
            here = FinancialYear{first, 1};
        }
        if (here) {
            if (found && !(*found == *here)) return std::nullopt;  // two different years: cannot tell
            found = here;
        }
    }
    return found;
}

std::optional<std::string> advance_year_label(std::string_view label, int start_month) {
    auto year = parse_year(label, start_month);
    if (!year) return std::nullopt;
    // Every number of 2 or 4 digits that spells the first or second year moves on by one.
    std::string out;
    int first = year->first_year, second = year->first_year + 1;
    for (std::size_t i = 0; i < label.size();) {
        if (!is_digit(label[i]) || (i > 0 && is_digit(label[i - 1]))) { out.push_back(label[i++]); continue; }
        auto [value, len] = digits_at(label, i);
        bool match4 = len == 4 && (value == first || value == second);
        bool match2 = len == 2 && (value == first % 100 || value == second % 100);
        if (match4) out += std::to_string(value + 1);
        else if (match2) {
            int next = (value + 1) % 100;
            out += (next < 10 ? "0" : "") + std::to_string(next);
        } else {
            out.append(label.substr(i, static_cast<std::size_t>(std::max(len, 1))));
        }
        i += static_cast<std::size_t>(std::max(len, 1));
    }
    return out;
}

std::string format_year(const FinancialYear& year) {
    if (year.start_month == 1) return std::to_string(year.first_year);
    int next = (year.first_year + 1) % 100;
    return std::to_string(year.first_year) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
}

std::optional<int> month_from_name(std::string_view name) {
    std::string t = trim(name);
    std::size_t len = 0;
    auto m = t.empty() ? std::nullopt : month_word_at(t, 0, len);
    if (m && len == t.size()) return m;
    return std::nullopt;
}

std::optional<int> parse_month(std::string_view label) {
    std::string t = trim(label);
    std::size_t len = 0;
    if (t.empty() || !std::isalpha(static_cast<unsigned char>(t[0]))) return std::nullopt;
    auto month = month_word_at(t, 0, len);
    if (!month) return std::nullopt;
    std::string_view rest(t);
    rest.remove_prefix(len);
    // Allowed after the name: nothing, or a separator and a 2- or 4-digit year.
    std::size_t i = 0;
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '-' || rest[i] == '/' || rest[i] == '\'' || rest[i] == '.')) ++i;
    if (i == rest.size()) return month;
    auto [year, ylen] = digits_at(rest, i);
    if ((ylen == 2 || ylen == 4) && i + ylen == rest.size() && i > 0) return month;
    return std::nullopt;
}

std::optional<int> parse_quarter(std::string_view label, int start_month) {
    std::string t = lower(trim(label));
    for (std::string_view prefix : {"quarter", "qtr", "q"}) {
        if (!t.starts_with(prefix)) continue;
        std::string_view rest = std::string_view(t).substr(prefix.size());
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '.')) rest.remove_prefix(1);
        if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '4') return rest[0] - '0';
        return std::nullopt;
    }
    std::size_t len1 = 0, len2 = 0;
    if (t.empty() || !std::isalpha(static_cast<unsigned char>(t[0]))) return std::nullopt;
    auto first = month_word_at(t, 0, len1);
    if (!first) return std::nullopt;
    std::size_t j = len1;
    while (j < t.size() && (t[j] == ' ' || t[j] == '-' || t[j] == '/')) ++j;
    if (j == len1 || j >= t.size()) return std::nullopt;
    auto last = month_word_at(t, j, len2);
    if (!last || j + len2 != t.size()) return std::nullopt;
    int offset = (*first - start_month + 12) % 12;
    if (offset % 3 != 0 || month_of_period(start_month, offset + 3) != *last) return std::nullopt;
    return offset / 3 + 1;
}

std::string_view month_abbreviation(int month) { return kAbbrev[(month - 1) % 12]; }

std::string_view month_name(int month) {
    static constexpr std::array<std::string_view, 12> names = {"January", "February", "March",     "April",
                                                               "May",     "June",     "July",      "August",
                                                               "September", "October", "November", "December"};
    return names[(month - 1) % 12];
}

}  // namespace core
