#pragma once
// Financial years and their periods (months or quarters), and the spellings
// officers use for them in labels.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class PeriodKind { month, quarter };

struct FinancialYear {
    int first_year = 0;   // calendar year in which the financial year starts (2015 for 2015/16)
    int start_month = 4;  // 1 = January … 12 = December; April by default
    friend bool operator==(const FinancialYear&, const FinancialYear&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Number of periods in a year: 12 months or 4 quarters.
int period_count(PeriodKind kind);
// Days in period `index` (1-based) of `year`.
int days_in_period(const FinancialYear& year, PeriodKind kind, int index);
// Days in each period of the year, in order.
std::vector<int> period_days(const FinancialYear& year, PeriodKind kind);

// The year a label names: "2014 - 2015", "2014/15", "14/15", "14-15",
// "2015-16", "Actual 2014 - 2015" … With a January start a single year
// ("2015") is read as that calendar year. nullopt when no year, or an
// ambiguous one, is found.
std::optional<FinancialYear> parse_year(std::string_view label, int start_month);
// The label with its financial year moved on by one, in the spelling it used:
// "Actual 2015 - 2016" -> "Actual 2016 - 2017", "Cum 14/15" -> "Cum 15/16",
// "99/00" -> "00/01". nullopt when the label names no year parse_year reads.
std::optional<std::string> advance_year_label(std::string_view label, int start_month);

// "2015/16" (or "2015" for a January start).
std::string format_year(const FinancialYear& year);

// The month a label names, 1..12: "Apr", "April", "Apr-15", "Apr 2015", "APRIL ".
std::optional<int> parse_month(std::string_view label);
// The quarter a label names, 1..4: "Q1", "Qtr 1", "Quarter 1", or a month
// range such as "Apr-Jun" (counted from `start_month`).
std::optional<int> parse_quarter(std::string_view label, int start_month);
// Month number (1..12) from a name such as "Apr" or "april"; used for settings too.
std::optional<int> month_from_name(std::string_view name);
// Calendar month of period `index` of a monthly year starting at `start_month`.
int month_of_period(int start_month, int index);
// "Apr", "quarter one" style names for reports.
std::string_view month_abbreviation(int month);
std::string_view month_name(int month);

}  // namespace core
