#pragma once
// A measure's settings (SCORECARD-RULES §2.3), each remembering where it came
// from, and the readers for the values officers type into the settings sheet.
#include <optional>
#include <string>
#include <string_view>

namespace core {

enum class Polarity { higher, lower, monitor };
enum class Aggregation { sum, ratio, mean, latest };
enum class Profile { flat, days, seasonal, custom };
enum class ToleranceType { percent, absolute };
enum class Source { settings_sheet, command_line, inferred, default_value };

template <class T>
struct Setting {
    T value{};
    Source source = Source::default_value;
};

struct MeasureSettings {
    Setting<Polarity> polarity{Polarity::monitor};
    // The polarity the name implies, used for direction of travel of monitor
    // measures (a "Reduce …, monitoring only" measure still improves downwards).
    std::optional<Polarity> sense;
    Setting<std::optional<double>> annual_target;
    Setting<double> tolerance{0.15};  // a fraction (0.15) for percent, a number for absolute
    Setting<ToleranceType> tolerance_type{ToleranceType::percent};
    Setting<std::optional<double>> amber_threshold;
    Setting<Profile> profile{Profile::flat};
    Setting<Aggregation> aggregation{Aggregation::sum};
    Setting<int> scheme{3};
    Setting<int> start_month{4};
    Setting<double> dot_threshold{0.01};  // a fraction of last year's value
};

// §2.4: "monitoring" anywhere wins; else Reduce/Decrease/Lower → lower,
// Increase/Improve/Raise → higher; else monitor (with no sense).
struct InferredPolarity {
    Polarity polarity;
    std::optional<Polarity> sense;
};
InferredPolarity infer_polarity(std::string_view title, bool mentions_monitoring);

// Readers for settings-sheet text; nullopt when the text cannot be read.
std::optional<Polarity> read_polarity(std::string_view text);
std::optional<Aggregation> read_aggregation(std::string_view text);
std::optional<Profile> read_profile(std::string_view text);
std::optional<ToleranceType> read_tolerance_type(std::string_view text);
std::optional<int> read_scheme(std::string_view text);
std::optional<int> read_start_month(std::string_view text);
// "15%" → 0.15, "0.15" → 0.15, "15" → 0.15 (a bare number of 1 or more is percent).
std::optional<double> read_percent(std::string_view text);
// A plain number ("6,588", " 77.3 "); nullopt for anything else.
std::optional<double> read_number(std::string_view text);

std::string_view name_of(Polarity p);
std::string_view name_of(Aggregation a);
std::string_view name_of(Profile p);
std::string_view name_of(ToleranceType t);
std::string_view name_of(Source s);

}  // namespace core
