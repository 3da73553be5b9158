#include "core/settings.hpp"

#include "core/periods.hpp"
#include "core/text.hpp"

#include <cmath>
#include <cstdlib>

namespace core {

InferredPolarity infer_polarity(std::string_view title, bool mentions_monitoring) {
    std::string t = normalize_label(title);
    std::optional<Polarity> sense;
    for (std::string_view w : {"reduce", "decrease", "lower"})
        if (starts_with_word(t, w)) sense = Polarity::lower;
    for (std::string_view w : {"increase", "improve", "raise"})
        if (starts_with_word(t, w)) sense = Polarity::higher;
    if (mentions_monitoring || contains(t, "monitoring")) return {Polarity::monitor, sense};
    return {sense.value_or(Polarity::monitor), sense};
}

std::optional<Polarity> read_polarity(std::string_view text) {
    std::string t = normalize_label(text);
    if (t.starts_with("higher") || t == "high" || t == "up" || t == "increase") return Polarity::higher;
    if (t.starts_with("lower") || t == "low" || t == "down" || t == "reduce") return Polarity::lower;
    if (t.starts_with("monitor")) return Polarity::monitor;
    return std::nullopt;
}

std::optional<Aggregation> read_aggregation(std::string_view text) {
    std::string t = normalize_label(text);
    if (t == "sum" || t == "total") return Aggregation::sum;
    if (t == "ratio" || t == "rate") return Aggregation::ratio;
    if (t == "mean" || t == "average") return Aggregation::mean;
    if (t == "latest" || t == "snapshot" || t == "last") return Aggregation::latest;
    return std::nullopt;
}

std::optional<Profile> read_profile(std::string_view text) {
    std::string t = normalize_label(text);
    if (t == "flat" || t == "even" || t == "linear") return Profile::flat;
    if (t == "days") return Profile::days;
    if (t == "seasonal") return Profile::seasonal;
    if (t == "custom") return Profile::custom;
    return std::nullopt;
}

std::optional<ToleranceType> read_tolerance_type(std::string_view text) {
    std::string t = normalize_label(text);
    if (t == "percent" || t == "percentage" || t == "%") return ToleranceType::percent;
    if (t == "absolute" || t == "number") return ToleranceType::absolute;
    return std::nullopt;
}

std::optional<int> read_scheme(std::string_view text) {
    auto n = read_number(text);
    if (n && (*n == 3 || *n == 4)) return static_cast<int>(*n);
    return std::nullopt;
}

std::optional<int> read_start_month(std::string_view text) {
    if (auto m = month_from_name(text)) return m;
    auto n = read_number(text);
    if (n && *n >= 1 && *n <= 12 && std::floor(*n) == *n) return static_cast<int>(*n);
    return std::nullopt;
}

std::optional<double> read_number(std::string_view text) {
    std::string t = trim(text);
    std::string digits;
    for (char c : t)
        if (c != ',') digits.push_back(c);
    if (digits.empty()) return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(digits.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<double> read_percent(std::string_view text) {
    std::string t = trim(text);
    bool percent_sign = !t.empty() && t.back() == '%';
    if (percent_sign) t.pop_back();
    auto v = read_number(t);
    if (!v || *v < 0) return std::nullopt;
    return (percent_sign || *v >= 1) ? *v / 100 : *v;
}

std::string_view name_of(Polarity p) {
    switch (p) {
        case Polarity::higher: return "higher";
        case Polarity::lower: return "lower";
        default: return "monitor";
    }
}
std::string_view name_of(Aggregation a) {
    switch (a) {
        case Aggregation::sum: return "sum";
        case Aggregation::ratio: return "ratio";
        case Aggregation::mean: return "mean";
        default: return "latest";
    }
}
std::string_view name_of(Profile p) {
    switch (p) {
        case Profile::flat: return "flat";
        case Profile::days: return "days";
        case Profile::seasonal: return "seasonal";
        default: return "custom";
    }
}
std::string_view name_of(ToleranceType t) { return t == ToleranceType::percent ? "percent" : "absolute"; }
std::string_view name_of(Source s) {
    switch (s) {
        case Source::settings_sheet: return "settings sheet";
        case Source::command_line: return "command line";
        case Source::inferred: return "inferred";
        default: return "default";
    }
}

}  // namespace core
